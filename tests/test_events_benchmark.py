"""The benchmark's scorer and gold file (the benchmark itself is run by hand, never timed here)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from storyline.extract.plover import CATEGORIES, coded_category
from storyline.model import EventMention

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("events_bench", ROOT / "benchmarks" / "events.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_events_benchmark_lenient_head_match():
    b = _bench()
    assert b.lenient("US Secretary of State Mike Pompeo", "Pompeo")
    assert b.lenient("he", "Ahmadinejad|he")
    assert b.lenient(None, None)
    assert not b.lenient("Iran", None) and not b.lenient(None, "Iran")
    assert not b.lenient("the police", "army")


def test_events_benchmark_scores():
    b = _bench()
    pred = [
        EventMention(
            sentence=0,
            action="a",
            category="COERCE",
            actor_text="police",
            target_text="six houses",
            date="2005-07-12",
        ),
        EventMention(sentence=0, action="b", category="ASSAULT", actor_text="London"),
    ]
    gold = [
        {
            "category": "COERCE",
            "actor": "West Yorkshire Police",
            "target": "houses",
            "date": "2005-07-12",
        },
        {"category": "AID", "actor": "council", "target": None, "date": None},
    ]
    r = b._score([(pred, gold)])
    assert (r["tp"], r["pred"], r["gold"]) == (1, 2, 2)
    assert r["P"] == r["R"] == 0.5 and r["date_acc"] == 1.0


def test_events_gold_file_is_well_formed():
    lines = [
        json.loads(x)
        for x in (ROOT / "tests/data/events/gold.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(lines) >= 150
    for g in lines:
        assert set(g) == {"file", "start", "end", "split", "events"} and g["start"] < g["end"]
        assert g["split"] in ("dev", "test", "test2")
        assert not Path(g["file"]).is_absolute() and ".." not in g["file"]
        for e in g["events"]:
            assert e["category"] in CATEGORIES
            assert e["date"] is None or e["date"][:4].isdigit()
    # Held-out articles are never also in dev (or in the other held-out batch).
    files = {}
    for g in lines:
        files.setdefault(g["file"], set()).add(g["split"])
    assert all(len(s) == 1 for s in files.values())
    assert sum(g["split"] == "test2" for g in lines) >= 100


def test_events_plover_coding_of_modality():
    assert coded_category("AID", "future") == "AGREE"
    assert coded_category("SANCTION", "future") == "THREATEN"
    assert coded_category("CONSULT", "denied") == "REJECT"
    assert coded_category("ASSAULT", "asserted") == "ASSAULT"
