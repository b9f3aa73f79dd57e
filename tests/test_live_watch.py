"""Watching a folder: new and changed files are ingested on the next poll, half-written ones wait."""

from __future__ import annotations

import os
import time

from storyline.live import Watcher, watch
from storyline.store import open_store

TEXTS = {
    "a.txt": "MARLOW, Jan 6 (Wire) - The River Wey burst its banks on Monday, flooding 40 homes in Marlow, "
             "the town council said.\n\nMayor Jane Holt said emergency crews had evacuated two care homes.",
    "b.txt": "Flood defences in Marlow failed after three days of rain, council engineers said on Tuesday.\n\n"
             "Jane Holt, the mayor, said the town would ask the government for emergency funds.",
    "c.txt": "Residents of Marlow began returning home on Wednesday as the River Wey fell, the council said.\n\n"
             "Mayor Jane Holt thanked volunteers who filled sandbags through the night.",
}


def _write(path, text, age_s: float = 60.0):
    path.write_text(text, encoding="utf-8")
    old = time.time() - age_s
    os.utime(path, (old, old))


def test_live_watch_folder_ingests_new_and_changed_files_only(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _write(inbox / "a.txt", TEXTS["a.txt"])
    _write(inbox / "b.txt", TEXTS["b.txt"])
    (inbox / ".hidden.txt").write_text("not an article", encoding="utf-8")
    store = open_store(tmp_path / "w.db")
    try:
        w = Watcher(store, directory=inbox, settle_s=5)
        first = w.poll()
        assert (first.files, first.added, first.analysed) == (2, 2, 2)
        assert len(store.get_corpus()["articles"]) == 2

        assert (w.poll().files, w.poll().added) == (0, 0)  # nothing new: nothing read

        _write(inbox / "c.txt", TEXTS["c.txt"], age_s=0)  # still being written: waits
        assert w.poll().files == 0
        _write(inbox / "c.txt", TEXTS["c.txt"])
        third = w.poll()
        assert (third.files, third.added) == (1, 1)
        assert len(store.get_corpus()["articles"]) == 3

        _write(inbox / "a.txt", TEXTS["a.txt"] + "\n\nThe Environment Agency issued a new flood warning.", age_s=30)
        changed = w.poll()
        assert (changed.files, changed.added) == (1, 1)  # new content is a new article
        assert store.count_articles() == 4
    finally:
        store.close()


def test_live_watch_loop_polls_until_told_and_survives_restart(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _write(inbox / "a.txt", TEXTS["a.txt"])
    db = tmp_path / "w.db"
    results, sleeps = [], []

    def sleep(s):
        sleeps.append(s)
        _write(inbox / "b.txt", TEXTS["b.txt"])  # a file arrives while the loop waits

    n = watch(db=db, directory=inbox, interval_s="30s", max_polls=2, settle_s=1, on_poll=results.append, sleep=sleep)
    assert n == 2 and [r.added for r in results] == [1, 1]
    assert len(sleeps) == 1 and 0 < sleeps[0] <= 30
    # A new watcher on the same store remembers what it has seen.
    assert watch(db=db, directory=inbox, once=True, on_poll=results.append) == 1
    assert results[-1].files == 0


def test_live_watch_cli_once(tmp_path):
    from typer.testing import CliRunner

    from storyline.cli import app

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _write(inbox / "a.txt", TEXTS["a.txt"])
    db = tmp_path / "w.db"
    r = CliRunner().invoke(app, ["watch", str(inbox), "--once", "--interval", "1m", "--db", str(db)])
    assert r.exit_code == 0, r.output
    store = open_store(db, readonly=True)
    try:
        assert store.count_articles() == 1 and store.get_corpus()["stories"]
    finally:
        store.close()


def test_live_watch_finishes_what_an_interrupted_poll_left(tmp_path):
    from storyline.pipeline import ingest

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    store = open_store(tmp_path / "w.db")
    try:
        assert Watcher(store, directory=inbox).poll().added == 0  # an empty folder is fine
        _write(inbox / "a.txt", TEXTS["a.txt"])
        ingest([inbox], store)  # as if a poll was killed after ingesting, before analysing
        res = Watcher(store, directory=inbox).poll()
        assert (res.files, res.added, res.analysed) == (1, 0, 1)  # read again (unseen), skipped, analysed
        assert len(store.get_corpus()["articles"]) == 1
        again = Watcher(store, directory=inbox).poll()
        assert (again.analysed, again.stories) == (0, None)  # nothing to redo
    finally:
        store.close()
