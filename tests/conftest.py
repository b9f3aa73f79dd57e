"""Shared fixtures. Data under ../shared is read in place; tests skip cleanly without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not seed_files():
        pytest.skip("../shared/seeds not found")
    return SEEDS


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not DATA.is_dir():
        pytest.skip("../shared/data not found")
    return DATA


@pytest.fixture(scope="session")
def seed_articles(seeds_dir):
    """The seeds read and cleaned by the real ingest code, in file order."""
    from storyline.ingest import prepare_article
    from storyline.model import RawDocument

    return [
        prepare_article(RawDocument(source=str(p), text=p.read_text(encoding="utf-8"), fmt="txt"))
        for p in seed_files()
    ]


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory, seeds_dir):
    """One full `storyline run` over the seeds, shared by the end-to-end tests."""
    from storyline.pipeline import run

    out = tmp_path_factory.mktemp("seed-run")
    res = run([str(seeds_dir)], out=out / "report", db=out / "storyline.db")
    return res, out


def _store_backends() -> list[str]:
    return ["sqlite", "postgres"]


@pytest.fixture(params=_store_backends())
def store(request, tmp_path):
    """An empty store on each backend: the same tests run on SQLite and on PostgreSQL.

    PostgreSQL comes from Debian's packages, started once per session on loopback
    (tests/pgserver.py); its tests skip with the reason when no server can start.
    """
    from storyline.store import open_store

    if request.param == "sqlite":
        s = open_store(tmp_path / "storyline.db")
    else:
        pg = request.getfixturevalue("postgres_url")
        s = open_store(pg(tmp_path.name))
    yield s
    s.close()


@pytest.fixture(scope="session")
def postgres_url(tmp_path_factory):
    """A function giving a fresh empty database URL on a throwaway loopback PostgreSQL server."""
    try:
        from pgserver import start_postgres  # tests/pgserver.py
    except ImportError:
        pytest.skip("tests/pgserver.py not available")
    server = start_postgres(tmp_path_factory.mktemp("pg"))
    if isinstance(server, str):
        pytest.skip(server)
    yield server.new_database
    server.stop()


@pytest.fixture(scope="session")
def nlp():
    """The English pipeline, loaded once for the whole session (``load_pipeline`` is cached)."""
    from storyline.nlp.pipeline import load_pipeline

    return load_pipeline()
