"""Helper shared by the date tests: what the finder makes of each expression in a text."""

from __future__ import annotations

import datetime as dt

from storyline.nlp.dates import find_times


def time_values(nlp, text: str, anchor: dt.date | None) -> dict[str, tuple[str, str | None]]:
    """Expression text -> (kind, TimeML value or calendar value), anchored on ``anchor``."""
    return {t.text: (t.kind, t.timeml or t.value) for t in find_times(nlp(text), text, anchor)}
