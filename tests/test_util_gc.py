"""The collector pause around the build and report must always be undone."""

from __future__ import annotations

import gc

import pytest

from storyline.util import gc_paused


def test_util_gc_paused_restores_after_an_error():
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        with gc_paused():
            assert not gc.isenabled()
            raise RuntimeError("stage failed")
    assert gc.isenabled()


def test_util_gc_paused_nested_keeps_outer_pause():
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        # The inner block found the collector off and must leave it off.
        assert not gc.isenabled()
    assert gc.isenabled()


def test_util_gc_paused_leaves_a_disabled_collector_disabled():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_util_build_leaves_collector_on(tmp_path):
    from storyline.model import Article
    from storyline.pipeline import build
    from storyline.store import open_store

    store = open_store(tmp_path / "s.db")
    try:
        store.add_articles([(Article(id="a1", source="x", text="Nothing to see."), None)])
        build(store)
    finally:
        store.close()
    assert gc.isenabled()
