"""PostgreSQL as the store of a whole run: the same output as SQLite, and the same idempotence."""

from __future__ import annotations

import json

from storyline.store import open_store


def _storyline_json(out) -> dict:
    data = json.loads((out / "storyline.json").read_text(encoding="utf-8"))
    data.pop("generated_at", None)
    return data


def test_postgres_run_gives_the_same_storyline_json_as_sqlite(tmp_path, seeds_dir, seed_run, postgres_url):
    from storyline.pipeline import run

    _, sqlite_dir = seed_run
    url = postgres_url("same_output")
    res = run([str(seeds_dir)], out=tmp_path / "report", db=url)
    assert res.ingest.added == len(list(seeds_dir.glob("*.txt")))
    expected = _storyline_json(sqlite_dir / "report")
    assert _storyline_json(tmp_path / "report") == expected

    # Running again adds nothing and changes nothing, as on SQLite.
    again = run([str(seeds_dir)], out=tmp_path / "report2", db=url)
    assert (again.ingest.added, again.ingest.skipped, again.analysed) == (0, res.ingest.read, 0)
    assert _storyline_json(tmp_path / "report2") == expected

    pg, lite = open_store(url, readonly=True), open_store(sqlite_dir / "storyline.db", readonly=True)
    try:
        assert [a.id for a in pg.iter_articles()] == [a.id for a in lite.iter_articles()]
        assert pg.analyses() == lite.analyses()
        word = expected["entities"][0]["name"].split()[-1]
        assert {r["ref"] for r in pg.search(word)} == {r["ref"] for r in lite.search(word)}
    finally:
        pg.close()
        lite.close()


def test_postgres_ingest_cli_accepts_a_url(tmp_path, seeds_dir, postgres_url):
    from typer.testing import CliRunner

    from storyline.cli import app

    url = postgres_url("cli")
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    r = CliRunner().invoke(app, ["ingest", str(seed), "--db", url, "--no-analyse", "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["added"] == 1
    r = CliRunner().invoke(app, ["articles", "--db", url, "--json"])
    assert r.exit_code == 0 and len(json.loads(r.stdout)) == 1


def test_postgres_bad_url_is_a_clear_store_error(tmp_path):
    import pytest

    from storyline.errors import StoreError

    with pytest.raises(StoreError) as exc:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")  # nothing listens on port 1
    assert exc.value.code == "E301" and "secret" not in str(exc.value)


def test_postgres_two_ingests_at_once_double_nothing(tmp_path, postgres_url):
    """Two `storyline ingest` processes on one PostgreSQL store: both finish, the store equals one ingest's."""
    import subprocess

    from test_pipeline_ingest import _ingest_cmd, make_corpus

    src = tmp_path / "in"
    make_corpus(src, 60, seed=5)
    ref, shared = postgres_url("concurrent_ref"), postgres_url("concurrent")
    subprocess.run(_ingest_cmd(src, ref), check=True, capture_output=True, timeout=240)
    procs = [subprocess.Popen(_ingest_cmd(src, shared), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=240)
        assert p.returncode == 0, err.decode()

    def rows(url):
        s = open_store(url, readonly=True)
        try:
            arts = sorted((a.id, a.source, a.text, a.duplicate_of) for a in s.iter_articles())
            counts = s.line_counts("", ["__articles__"])
            return arts, counts, sorted(e.source for e in s.errors())
        finally:
            s.close()

    assert rows(shared) == rows(ref)
    assert len(rows(shared)[0]) == 60
