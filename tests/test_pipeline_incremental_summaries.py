"""Rebuilding is incremental for summaries: unchanged stories keep theirs, changed ones are redone."""

from __future__ import annotations

import json
import shutil

import storyline.summarize.summary as summary_mod
from storyline.pipeline import SUMMARIES_KEY, analyse, build, ingest

FLOOD = [
    "The Kellerman dam on the Ossow river breached on Monday, flooding the town of Brask. Rescue crews in "
    "boats evacuated hundreds of residents from flooded streets. Governor Alina Petrescu called the breach a "
    "disaster and promised help to every family in Brask.",
    "Floodwater poured through the breached Kellerman dam on Monday and swamped Brask. Rescue boats evacuated "
    "residents as the Ossow river flooded streets and homes. Governor Alina Petrescu said the state would "
    "rebuild every home in Brask.",
]
CHESS = [
    "The grandmaster Ilya Sorokin won the Varna chess open on Sunday after a long endgame against Mei Tanaka. "
    "Sorokin sacrificed a rook in the final round and collected the trophy in Varna.",
    "Ilya Sorokin took the Varna chess open title on Sunday, beating Mei Tanaka in a long final-round endgame. "
    "Tanaka said Sorokin's rook sacrifice decided the Varna tournament.",
]


def _write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def _counting(monkeypatch):
    calls: list[list[str]] = []
    real = summary_mod.summarize_articles

    def counted(articles, *args, **kwargs):
        calls.append(sorted(a.id for a in articles))
        return real(articles, *args, **kwargs)

    monkeypatch.setattr(summary_mod, "summarize_articles", counted)
    return calls


def _summaries(corpus):
    return {s.id: ([x.text for x in s.summary], s.headline) for s in corpus.stories}


def test_pipeline_incremental_summaries_reused_and_redone(store, tmp_path, monkeypatch):
    src = tmp_path / "in"
    for i, t in enumerate(FLOOD):
        _write(src, f"flood{i}.txt", t)
    _write(src, "chess0.txt", CHESS[0])
    ingest([src], store)
    analyse(store)
    first = build(store)
    assert len(first.stories) == 2

    calls = _counting(monkeypatch)
    again = build(store)
    assert calls == []  # nothing changed: every summary comes from the cache
    assert _summaries(again) == _summaries(first)
    cached = json.loads(store.get_state(SUMMARIES_KEY))
    assert len(cached) >= 2

    # A second chess article joins the chess story: only that story is summarised again.
    shutil.rmtree(src)
    _write(src, "chess1.txt", CHESS[1])
    ingest([src], store)
    analyse(store)
    third = build(store)
    chess = next(s for s in third.stories if len(s.articles) == 2 and "Sorokin" in s.title + " ".join(
        x.text for x in s.summary))
    flood_ids = next(s.articles for s in third.stories if s.id != chess.id)
    assert calls and all(set(c) <= set(chess.articles) for c in calls)
    assert not any(set(c) & set(flood_ids) for c in calls)
    assert _summaries(third)[next(s.id for s in third.stories if s.id != chess.id)] == next(
        v for k, v in _summaries(first).items() if k != chess.id)


def test_pipeline_incremental_summaries_recluster_starts_afresh(store, tmp_path, monkeypatch):
    src = tmp_path / "in"
    for i, t in enumerate(FLOOD):
        _write(src, f"flood{i}.txt", t)
    ingest([src], store)
    analyse(store)
    build(store)
    calls = _counting(monkeypatch)
    build(store, recluster=True)
    assert calls  # a recluster recomputes everything, whatever was cached
