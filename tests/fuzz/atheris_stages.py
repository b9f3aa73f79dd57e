"""Coverage-guided fuzz target (atheris/libFuzzer) for the cleaner and the per-article stages.

Run standalone, always with a bound::

    .venv/bin/python tests/fuzz/atheris_stages.py -max_total_time=60 [CORPUS_DIR]

The first input byte picks the target, the rest is decoded as UTF-8 text:

* 0 the cleaner (``prepare_article``), with the second byte choosing a metadata date;
* 1 the quote-mark scanner (``find_quote_spans``);
* 2 the date finder and normaliser (``find_times`` without a parse, ``normalize``);
* 3 the whole guarded per-article stage (``analyze_doc``: language core, quotes, events,
  claims) on the spaCy parse. Inputs are capped at 2,000 characters here: the parse is the cost.

For 2 and 3 the second byte picks the publication date (the calendar's edges included).

Any exception, a broken invariant (``stage_checks``) or a sub-stage failure recorded in
``ArticleAnalysis.errors`` is a crash. Seed corpus: sentences of ../shared/seeds when present.
libFuzzer writes crashes as ``crash-*`` files in the working folder; turn each into an example
test in tests/test_regressions_stages.py.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

with atheris.instrument_imports(include=["storyline"]):
    from stage_checks import (
        as_article_text,
        check_analysis,
        check_past,
        check_time,
        check_value,
        seed_sentences,
    )

    from storyline.analyze import analyze_doc
    from storyline.extract.quote_marks import find_quote_spans
    from storyline.ingest import prepare_article
    from storyline.model import Article, RawDocument
    from storyline.nlp.dates import PAST, find_times, normalize
    from storyline.nlp.pipeline import load_pipeline

logging.disable(logging.CRITICAL)  # the guards log every recorded failure
ANCHOR = dt.date(2020, 1, 4)
# Publication dates the dates and analysis targets pick from (first byte): the calendar's edges
# included, since structured metadata can carry them.
ANCHORS = [ANCHOR, dt.date(2019, 12, 31), dt.date(2000, 2, 29), dt.date(1970, 1, 1),
           dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(1000, 1, 1)]
MAX_PARSED = 2000
_NLP = None


def _nlp():
    global _NLP
    if _NLP is None:
        _NLP = load_pipeline()
    return _NLP


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _clean(data: bytes) -> None:
    published = None
    if data:
        d = ANCHOR + dt.timedelta(days=data[0] * 97 - 12_000)
        published = d.isoformat() if data[0] % 3 else str(data[0])
    raw = RawDocument(source="fuzz.txt", text=_text(data[1:]), fmt="txt", published=published)
    a = prepare_article(raw, today=ANCHOR)
    if a is not None:
        assert a.text.strip() == a.text and "\n\n\n" not in a.text
        assert a.published is None or a.published <= ANCHOR.isoformat()


def _marks(data: bytes) -> None:
    text = _text(data)
    for s in find_quote_spans(text):
        assert 0 <= s.open_at < s.start < s.end <= len(text), s


def _anchor(data: bytes) -> dt.date:
    return ANCHORS[data[0] % len(ANCHORS)] if data else ANCHOR


def _dates(data: bytes) -> None:
    anchor, text = _anchor(data), _text(data[1:])
    for t in find_times(None, text, anchor.isoformat()):
        check_time(t, text, anchor)
        if t.kind != "DURATION":
            check_past(t.text, t.value, t.precision, anchor)
    value, precision = normalize(text[:60], anchor, PAST)
    check_value(value, precision)
    check_past(text[:60], value, precision, anchor)


def _analyse(data: bytes) -> None:
    anchor = _anchor(data)
    text = as_article_text(_text(data[1:MAX_PARSED]))
    if not text:
        return
    article = Article(id="fuzz", source="fuzz", text=text, published=anchor.isoformat())
    check_analysis(article, analyze_doc(_nlp()(text), article))


TARGETS = [_clean, _marks, _dates, _analyse]


def test_one_input(data: bytes) -> None:
    if not data:
        return
    TARGETS[data[0] % len(TARGETS)](data[1:])


def main() -> None:
    args = list(sys.argv)
    if not any(a.startswith(("-max_total_time", "-runs")) for a in args):
        args.append("-max_total_time=60")  # never unbounded by accident
    if not any(not a.startswith("-") for a in args[1:]):
        # libFuzzer writes new inputs into the first corpus folder: seed a scratch copy.
        corpus = Path(tempfile.mkdtemp(prefix="storyline-stages-fuzz-"))
        for i, s in enumerate(seed_sentences()[:200]):
            (corpus / f"seed-{i}").write_bytes(bytes([i % len(TARGETS)]) + s.encode("utf-8"))
        args.append(str(corpus))
    _nlp()  # load the model before the clock starts, not inside the first input
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
