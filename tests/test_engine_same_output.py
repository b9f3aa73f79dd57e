"""Engines: the same input gives the same analyses and the same storyline.json on every engine.

The seeds are small, so the pipeline-level comparison keeps each engine on its
natural path; the partition-level tests force several partitions (batch size 1)
so that ordering across worker processes is really exercised.
"""

from __future__ import annotations

import json

import pytest

from storyline.analyze import analyze_articles
from storyline.engine import analyze_with
from storyline.engine.local import partitions
from storyline.model import Article, to_dict


def _storyline_json(out) -> dict:
    data = json.loads((out / "storyline.json").read_text(encoding="utf-8"))
    data.pop("generated_at", None)
    return data


def test_engine_partitions_are_whole_aligned_batches():
    arts = [Article(id=str(i), source="x", text="t") for i in range(100)]
    for workers in (1, 2, 3, 8):
        parts = partitions(arts, workers, batch_size=16)
        assert [a.id for p in parts for a in p] == [a.id for a in arts]  # all, once, in order
        assert all(len(p) % 16 == 0 for p in parts[:-1])  # batches never straddle two partitions
    assert [len(p) for p in partitions(arts, 1, batch_size=16)] == [32, 32, 32, 4]
    assert [len(p) for p in partitions(arts, 8, batch_size=16)] == [16] * 6 + [4]  # never below one batch
    assert {len(p) for p in partitions(arts * 100, 1, batch_size=16)[:-1]} == {64}  # capped: small tasks
    assert len(partitions(arts, 2, batch_size=4)) == 7  # ~4 per worker, whole batches: 25 batches of 4
    assert partitions([], 2) == []


@pytest.fixture(scope="module")
def in_process(seed_articles):
    return [to_dict(a) for a in analyze_articles(seed_articles, batch_size=1)]


def test_engine_local_workers_keep_input_order(seed_articles, in_process):
    from storyline.engine.local import analyze_local

    got = [to_dict(a) for a in analyze_local(seed_articles, workers=2, batch_size=1)]
    assert [g["article_id"] for g in got] == [a.id for a in seed_articles]
    assert got == in_process


def test_engine_dask_partitions_keep_input_order(seed_articles, in_process):
    from storyline.engine.dask import analyze_dask

    got = [to_dict(a) for a in analyze_dask(seed_articles, workers=2, batch_size=1)]
    assert [g["article_id"] for g in got] == [a.id for a in seed_articles]
    assert got == in_process


def test_engine_dask_uses_a_given_scheduler(seed_articles, in_process):
    from storyline.engine.dask import analyze_dask, get_client

    # The local cluster of the test above, addressed as a remote cluster is: by its scheduler's URL.
    address = get_client(2).scheduler_info()["address"]
    assert address.startswith("tcp://127.0.0.1:")
    got = [to_dict(a) for a in analyze_dask(seed_articles[:3], scheduler=address, batch_size=1)]
    assert got == in_process[:3]
    assert get_client(scheduler=address) is not get_client(2)


def test_engine_unknown_engine_is_refused(seed_articles):
    with pytest.raises(ValueError, match="engine='spark'"):
        list(analyze_with("spark", seed_articles[:1]))


def test_engine_same_storyline_json_on_every_engine(tmp_path, seeds_dir, seed_run, monkeypatch):
    import storyline.summarize.summary as summary_mod
    from storyline.pipeline import run

    # The seeds are too few to be sent to workers by default: send them anyway.
    monkeypatch.setattr(summary_mod, "PARALLEL_MIN_ARTICLES", 1)

    _, base_dir = seed_run  # engine local, 1 worker
    expected = _storyline_json(base_dir / "report")
    assert expected["articles"] and expected["stories"]
    for engine, workers in (("local", 2), ("dask", 2)):
        out = tmp_path / f"{engine}{workers}"
        res = run([str(seeds_dir)], out=out / "report", db=out / "storyline.db", engine=engine, workers=workers)
        assert res.analysed == len(expected["articles"])
        assert _storyline_json(out / "report") == expected, f"{engine} with {workers} workers differs"


def test_engine_map_with_keeps_task_order():
    from storyline.engine import map_with

    for engine, workers in (("local", 1), ("local", 2), ("dask", 2)):
        assert map_with(engine, workers)(abs, [-3, 1, -2, 0]) == [3, 1, 2, 0], engine
        assert map_with(engine, workers)(abs, []) == []
    with pytest.raises(ValueError, match="engine='spark'"):
        map_with("spark")
