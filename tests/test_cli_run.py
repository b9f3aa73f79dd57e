"""The main job end to end through the CLI: report, contract, exit codes."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from storyline.cli import app
from storyline.report import validate

runner = CliRunner()


def test_cli_run_seeds_writes_valid_report(seed_run):
    res, out = seed_run
    data = json.loads((out / "report" / "storyline.json").read_text())
    validate(data)
    assert data["schema_version"] == 1
    assert len(data["articles"]) == 5
    outlets = sorted(a["outlet"] for a in data["articles"] if a["outlet"])
    assert outlets == ["Dawn", "Newsweek Pakistan", "SAMAA English"]
    html = (out / "report" / "report.html").read_text()
    assert "Dawn" in html and "<script" not in html.lower()


def test_cli_run_reports_bad_files_and_exit_code(tmp_path, seeds_dir):
    (tmp_path / "in").mkdir()
    for p in sorted(seeds_dir.glob("*.txt"))[:2]:
        (tmp_path / "in" / p.name).write_text(p.read_text())
    (tmp_path / "in" / "broken.jsonl").write_text('{"text": "A fine article about the harvest this year."}\n{oops\n')
    db = tmp_path / "s.db"
    r = runner.invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--db", str(db), "--json"])
    assert r.exit_code == 1, r.output
    summary = json.loads(r.stdout)
    assert summary["added"] == 3 and summary["errors"] == 1
    r = runner.invoke(app, ["errors", "--db", str(db), "--json"])
    errs = json.loads(r.stdout)
    assert len(errs) == 1 and "broken.jsonl" in errs[0]["source"] and errs[0]["line"] == 2


def test_cli_articles_show_export(seed_run):
    _, out = seed_run
    db = str(out / "storyline.db")
    r = runner.invoke(app, ["articles", "--db", db, "--json"])
    rows = json.loads(r.stdout)
    assert len(rows) == 5 and "text" not in rows[0]
    r = runner.invoke(app, ["show", rows[0]["id"][:8], "--db", db, "--json"])
    assert json.loads(r.stdout)["id"] == rows[0]["id"]
    for fmt in ("jsonl", "csv", "md", "json"):
        r = runner.invoke(app, ["export", "--format", fmt, "--db", db])
        assert r.exit_code == 0 and "Bajwa" in r.stdout
    r = runner.invoke(app, ["export", "--format", "xml", "--db", db])
    assert r.exit_code == 2


def test_cli_report_escapes_hostile_article(tmp_path):
    payload = ('<script>alert(1)</script> The minister <img src=x onerror=alert(2)> spoke at '
               '<a href="javascript:alert(3)">the summit</a> on Monday about trade and tariffs.')
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "evil.txt").write_text(payload + "\n\nA second paragraph about the same summit talks.")
    r = runner.invoke(app, ["-q", "run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--db",
                            str(tmp_path / "s.db")])
    assert r.exit_code == 0, r.output
    html = (tmp_path / "out" / "report.html").read_text()
    assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_cli_run_twice_and_recluster_give_the_same_json(tmp_path, seeds_dir):
    """Estimated dates are saved into articles; building again must not drift."""
    db = str(tmp_path / "s.db")

    def load(d):
        data = json.loads((tmp_path / d / "storyline.json").read_text())
        data.pop("generated_at")
        return data

    assert runner.invoke(app, ["run", str(seeds_dir), "--out", str(tmp_path / "a"), "--db", db]).exit_code == 0
    assert runner.invoke(app, ["run", str(seeds_dir), "--out", str(tmp_path / "b"), "--db", db]).exit_code == 0
    assert runner.invoke(app, ["recluster", "--db", db]).exit_code == 0
    assert runner.invoke(app, ["report", "--out", str(tmp_path / "c"), "--db", db]).exit_code == 0
    assert load("a") == load("b") == load("c")
    assert any(a["published_estimated"] for a in load("a")["articles"])


def test_cli_ingest_max_bytes_refuses_larger_files(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "small.txt").write_text("The harbour reopened on Monday after the storm, officials said.")
    (tmp_path / "in" / "big.txt").write_text("The council debated the budget for hours. " * 200)
    db = str(tmp_path / "s.db")
    r = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db, "--no-analyse", "--max-bytes", "2000",
                            "--json"])
    assert r.exit_code == 1
    assert json.loads(r.stdout)["added"] == 1
    errs = json.loads(runner.invoke(app, ["errors", "--db", db, "--json"]).stdout)
    assert [e["code"] for e in errs] == ["E103"] and errs[0]["source"].endswith("big.txt")


def test_cli_article_ingested_later_joins_its_story(tmp_path, seeds_dir):
    """Four seeds first; the fifth a day later joins the Esper chapter without a re-run."""
    files = sorted(seeds_dir.glob("*.txt"))
    (tmp_path / "day1").mkdir()
    (tmp_path / "day2").mkdir()
    for p in files[:4]:
        (tmp_path / "day1" / p.name).write_text(p.read_text())
    (tmp_path / "day2" / files[4].name).write_text(files[4].read_text())
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["run", str(tmp_path / "day1"), "--out", str(tmp_path / "o1"), "--db", db]).exit_code == 0
    before = json.loads((tmp_path / "o1" / "storyline.json").read_text())
    r = runner.invoke(app, ["ingest", str(tmp_path / "day2"), "--db", db, "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["analysed"] == 1
    assert runner.invoke(app, ["report", "--out", str(tmp_path / "o2"), "--db", db]).exit_code == 0
    after = json.loads((tmp_path / "o2" / "storyline.json").read_text())
    new_id = (set(a["id"] for a in after["articles"]) - set(a["id"] for a in before["articles"])).pop()
    # earlier placements are kept
    old_places = {aid: (s["id"], c["id"]) for s in before["stories"] for c in s["chapters"] for aid in c["articles"]}
    new_places = {aid: (s["id"], c["id"]) for s in after["stories"] for c in s["chapters"] for aid in c["articles"]}
    assert all(new_places[a] == p for a, p in old_places.items())
    # the new Esper article joins the chapter of the other Esper article (seed 003)
    esper = next(a["id"] for a in after["articles"] if a["source"].endswith(files[3].name))
    assert new_places[new_id] == new_places[esper]


def test_cli_watch_bad_interval_is_a_clear_error(tmp_path):
    r = runner.invoke(app, ["watch", str(tmp_path), "--interval", "soon", "--once", "--db", str(tmp_path / "s.db")])
    assert r.exit_code == 2
    assert "Traceback" not in r.output and "error" in r.output.lower()
