"""Reports: ``storyline.json`` and a self-contained ``report.html``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from ..util import gc_paused
from .contract import corpus_to_json, validate, write_json_atomic

__all__ = ["corpus_to_json", "validate", "write_report", "render_html"]


def render_html(data: dict[str, Any], analyses: dict[str, Any] | None = None) -> str:
    """The static report: the same templates as the web app, all article text escaped.

    ``analyses`` (article id -> ArticleAnalysis) adds entity and date highlights.
    """
    from .html import render_report

    return render_report(data, analyses)


def write_report(store: Any, out: str | os.PathLike[str]) -> dict[str, Any]:
    """Write ``storyline.json`` and ``report.html`` into ``out`` from the store's latest results."""
    with gc_paused():
        return _write_report(store, out)


def _write_report(store: Any, out: str | os.PathLike[str]) -> dict[str, Any]:
    data = store.get_corpus()
    if data is None:
        raise ValueError("the store has no results yet: run `storyline run` or `storyline build` first")
    data = dict(data, errors=[dict(source=e.source, stage=e.stage, reason=e.reason, line=e.line, code=e.code)
                              for e in store.errors()])
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    write_json_atomic(out / "storyline.json", data)
    html = render_html(data, store.analyses())
    fd, tmp = tempfile.mkstemp(dir=out, prefix="report.html", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(html)
    os.chmod(tmp, 0o644)
    os.replace(tmp, out / "report.html")
    return data
