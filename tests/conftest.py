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
