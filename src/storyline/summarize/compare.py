"""Source comparison: which outlet reports which fact, and where outlets disagree.

``story.comparison`` is a plain dict (it goes to ``storyline.json`` as is)::

    {
      "outlets": ["Dawn", "SAMAA English", ...],
      "facts": [{"kind": "event"|"quote"|"claim", "id", "label", "outlets", "articles"}],
      "disagreements": [{"kind": "claim"|"quote_wording", "what",
                         "claims": [{"text", "sources", "outlets", ...}]}],
      "unique": {outlet: [ids of facts only that outlet reports]},
    }

Decisions where the data leaves room:

* An article's outlet is ``article.outlet``; without one it is the host of its
  source URL ("dawn.com") or, for a file, the file's name ("003_a1b2.txt"), so
  two unlabelled files never count as one outlet. ``unique`` is only filled
  when a story has at least two outlets (with one, nothing is compared).
* Numeric claims are one fact per (quantity, value, modality): "80 killed" in
  two outlets is one fact reported by both.
* Quote wording: the sources of one merged quote (and of quotes by the same
  speaker whose words nearly coincide, in case merging kept them apart) are
  aligned word by word against the fullest version; only direct (verbatim)
  quotations count, since an indirect or mixed report is the outlet's own words. Quoting less (a shorter
  extract, an ellipsis-sized gap) is not a difference; British/American spelling,
  case, punctuation, hashtags and apostrophes are not either ("destabilizing" vs
  "destabilising" is spelling, not wording). Any other inserted, dropped or
  changed word is, and editorial brackets always are ("Chief of [Army] Staff" vs
  "Chief of Staff"): each is listed with the wording and outlets on each side.
"""

from __future__ import annotations

import difflib
import hashlib
import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from ..model import Article, Quote, Story, to_dict
from ..util import DisjointSet
from .units import fold_spelling

if TYPE_CHECKING:
    from ..analyze import Corpus

log = logging.getLogger(__name__)

__all__ = ["attach_comparisons", "compare_story", "outlet_label", "quote_wording_differences"]

# Internal gaps longer than this are an extract that skips words, not a rewording.
MAX_REWORDING = 6
_CONTEXT = 4
_TOKEN_RE = re.compile(r"\[[^\[\]]{1,40}\]|[\w'’]+")
_ACRONYM_DOT_RE = re.compile(r"(?<=\b[A-Za-z])\.(?=[A-Za-z]\b\.?)|(?<=\b[A-Z])\.(?=\s|$)")


def outlet_label(article: Article) -> str:
    """The outlet an article is counted under (see the module notes)."""
    if article.outlet:
        return article.outlet
    src = article.source or ""
    if "://" in src:
        host = urlparse(src).hostname or ""
        if host:
            return host[4:] if host.startswith("www.") else host
    name = Path(src).name if src else ""
    return name or article.id


def _fact_id(prefix: str, *parts: Any) -> str:
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    return prefix + hashlib.blake2b(key.encode(), digest_size=6).hexdigest()


# --------------------------------------------------------------------------- quote wording


def _word_tokens(text: str) -> list[tuple[str, int, int]]:
    """(normalised token, start, end) for each word of a quote; brackets kept as one token."""
    out = []
    for m in _TOKEN_RE.finditer(text.replace("&", " and ")):
        tok = m.group(0).lower().replace("’", "'")
        if tok.startswith("["):
            tok = "[" + " ".join(fold_spelling(w) for w in re.findall(r"\w+", tok)) + "]"
        else:
            tok = fold_spelling(tok.replace("'", ""))
        out.append((tok, m.start(), m.end()))
    return _fold_acronyms(out)


def _fold_acronyms(toks: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    # "U.S." and "US" are one word: merge runs of single letters.
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and len(toks[j][0]) == 1 and toks[j][0].isalpha():
            j += 1
        if j - i >= 2:
            out.append(("".join(t[0] for t in toks[i:j]), toks[i][1], toks[j - 1][2]))
            i = j
        else:
            out.append(toks[i])
            i += 1
    return out


def _snippet(text: str, toks: list[tuple[str, int, int]], lo: int, hi: int, context: int = _CONTEXT,
             marks: bool = True) -> str:
    """The original words from token ``lo`` to ``hi`` (exclusive) with ``context`` words around."""
    a = max(lo - context, 0)
    b = min(max(hi, lo) + context, len(toks))
    if not toks or a >= len(toks) or b <= a:
        return text.strip()
    snip = text[toks[a][1]: toks[b - 1][2]].strip()
    if not marks:
        return snip
    return ("… " if a > 0 else "") + snip + (" …" if b < len(toks) else "")


def _diffs(base: list[str], other: list[str]) -> tuple[list[tuple[int, int, tuple[str, ...], int, int]], tuple[int, int]]:
    """Material differences of ``other`` against ``base`` inside their shared stretch.

    Returns ([(base_lo, base_hi, other_words, other_lo, other_hi)], (covered_lo, covered_hi)).
    """
    sm = difflib.SequenceMatcher(None, base, other, autojunk=False)
    ops = sm.get_opcodes()
    eq = [k for k, op in enumerate(ops) if op[0] == "equal"]
    if not eq:
        return [], (0, 0)
    first, last = eq[0], eq[-1]
    covered = (ops[first][1], ops[last][2])
    out = []
    for tag, i1, i2, j1, j2 in ops[first + 1: last]:
        if tag == "equal":
            continue
        removed, added = base[i1:i2], other[j1:j2]
        brackets = any(t.startswith("[") for t in removed + added)
        if not brackets and max(len(removed), len(added)) > MAX_REWORDING:
            continue  # a skipped passage, not a rewording
        out.append((i1, i2, tuple(added), j1, j2))
    return out, covered


_INTERJECTION = re.compile(
    r"([,.!?…]?)\s*[”\"]\s+[^“”\"\n]{1,80}?[,.:;]\s*[“\"]\s*"
)


def quote_wording_differences(
    sources: list[tuple[str, str]], outlet_of: dict[str, str], speaker: str | None = None
) -> list[dict[str, Any]]:
    """Material wording differences among versions of one quote.

    ``sources`` is [(article id, quoted text)]; returns disagreement dicts, one per
    distinct difference, each with the wording and outlets on both sides.
    """
    if len(sources) < 2:
        return []
    # "…adhered to,” the statement continued. “It is…" and "…adhered to. It is…" quote the same
    # words: the outlet's own attribution between two quoted parts is not wording of the quote.
    sources = [(a, _INTERJECTION.sub(r"\1 ", t)) for a, t in sources]
    toks = [_word_tokens(t) for _, t in sources]
    words = [[t[0] for t in ts] for ts in toks]
    b = max(range(len(sources)), key=lambda i: (len(words[i]), -i))
    found: dict[tuple[int, int, tuple[str, ...]], list[int]] = defaultdict(list)
    per_source: dict[int, tuple[list, tuple[int, int]]] = {}
    for i in range(len(sources)):
        if i == b:
            continue
        d, covered = _diffs(words[b], words[i])
        per_source[i] = (d, covered)
        for i1, i2, added, _, _ in d:
            found[(i1, i2, added)].append(i)
    out = []
    for (i1, i2, added), variant in found.items():
        same = [b]
        for i, (d, (lo, hi)) in per_source.items():
            if i in variant or not (lo <= i1 and max(i2, i1 + 1) <= hi):
                continue
            if not any(not (j2 <= i1 or j1 >= max(i2, i1 + 1)) for j1, j2, _, _, _ in d):
                same.append(i)
        v0 = variant[0]
        d0 = next(x for x in per_source[v0][0] if (x[0], x[1], x[2]) == (i1, i2, added))
        base_text = _snippet(sources[b][1], toks[b], i1, i2)
        var_text = _snippet(sources[v0][1], toks[v0], d0[3], d0[4])

        def side(idx: list[int], text: str) -> dict[str, Any]:
            arts = sorted({sources[i][0] for i in idx})
            return {"text": text, "sources": arts, "outlets": sorted({outlet_of.get(a, a) for a in arts})}

        short_b = _snippet(sources[b][1], toks[b], i1, i2, context=2, marks=False)
        short_v = _snippet(sources[v0][1], toks[v0], d0[3], d0[4], context=2, marks=False)
        what = f"quote wording{' (' + speaker + ')' if speaker else ''}: “{short_b}” vs “{short_v}”"
        sides = [side(same, base_text), side(variant, var_text)]
        # Two sources of one article can quote it both ways; that is not a disagreement between outlets.
        if set(sides[0]["sources"]) == set(sides[1]["sources"]):
            continue
        out.append({"kind": "quote_wording", "what": what, "claims": sides})
    return out


def _quote_families(quotes: list[Quote]) -> list[list[Quote]]:
    """Quotes that are versions of one utterance: same id, or same speaker and nearly the same words.

    "Nearly the same" is ``fuzz.partial_ratio >= 90``. Comparing every pair that way is
    quadratic and slow (a story of 2,000 quotes took 12 s), so pairs are first ruled out
    with a bound that cannot drop a qualifying pair: a partial ratio of 90 between the
    shorter text s (m characters) and a window w of the longer one allows at most
    0.1 * (m + |w|) insertions and deletions, so the two keep a common subsequence of at
    least 0.45 * (m + |w|) >= 0.8m characters (|w| >= 0.8m at that ratio). That bound
    is computed for all pairs of one speaker's quotes at once (or of the quotes without a
    speaker), bit-parallel in rapidfuzz's ``cdist``, block by block; partial_ratio runs
    only on the pairs it leaves.
    """
    import numpy as np
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import LCSseq

    norm = [" ".join(t[0] for t in _word_tokens(q.text)) for q in quotes]
    sets = DisjointSet(len(quotes))
    live = [i for i, t in enumerate(norm) if len(t) >= 20]
    if len(live) < 2:
        return [[q] for q in quotes]
    # One speaker per family: merging (quote_merge) has already joined unattributed versions
    # to attributed ones where the words agree; here an unattributed quote joins only others.
    groups: dict[str, list[int]] = defaultdict(list)
    for i in live:
        groups[quotes[i].speaker or ""].append(i)
    for members in groups.values():
        texts = [norm[i] for i in members]
        lens = np.array([len(t) for t in texts])
        n = len(members)
        for lo in range(0, n - 1, _FAMILY_BLOCK):
            hi = min(n, lo + _FAMILY_BLOCK)
            common = process.cdist(texts[lo:hi], texts[lo:], scorer=LCSseq.similarity, dtype=np.int32, workers=-1)
            ok = common >= (0.8 * np.minimum(lens[lo:hi, None], lens[None, lo:])).astype(np.int32)
            ok &= np.arange(lo, n)[None, :] > np.arange(lo, hi)[:, None]  # each pair once
            for a, b in zip(*(x.tolist() for x in np.nonzero(ok)), strict=True):
                i, j = members[lo + a], members[lo + b]
                if fuzz.partial_ratio(norm[i], norm[j], score_cutoff=90):
                    sets.union(i, j)
    fam: dict[int, list[Quote]] = defaultdict(list)
    for i, q in enumerate(quotes):
        fam[sets.find(i)].append(q)
    return list(fam.values())


# Rows of the pair matrix computed at once: 512 x 10,000 quotes is 20 MB.
_FAMILY_BLOCK = 512


# --------------------------------------------------------------------------- matrix


def _is_direct(corpus: "Corpus", src) -> bool:
    """Only verbatim quotation can be worded differently; a paraphrase is worded freely.

    The per-article quote mention at the same offsets tells the kind; a source
    without one is kept.
    """
    an = corpus.analyses.get(src.article)
    for m in an.quotes if an else []:
        if m.start == src.start and m.end == src.end:
            return m.kind == "direct"
    return True


def _event_label(ev) -> str:
    parts = [ev.actor_name or ev.actor or "", ev.action, ev.target_name or ev.target or ""]
    label = " ".join(p for p in parts if p)
    if ev.location:
        label += f" in {ev.location}"
    if ev.date:
        label += f" ({ev.date})"
    return label


@dataclass(slots=True)
class _Index:
    """Corpus lookups shared by every story's comparison (scanning the corpus per story is
    quadratic in a big store): articles by id, and the positions of the events and quotes
    that each article is a source of."""

    by_id: dict[str, Any]
    events_of: dict[str, list[int]]
    quotes_of: dict[str, list[int]]

    @classmethod
    def build(cls, corpus: "Corpus") -> "_Index":
        events_of: dict[str, list[int]] = defaultdict(list)
        for k, ev in enumerate(corpus.events):
            for aid in dict.fromkeys(s.article for s in ev.sources):
                events_of[aid].append(k)
        quotes_of: dict[str, list[int]] = defaultdict(list)
        for k, q in enumerate(corpus.quotes):
            for aid in dict.fromkeys(s.article for s in q.sources):
                quotes_of[aid].append(k)
        return cls({a.id: a for a in corpus.articles}, events_of, quotes_of)

    def among(self, positions: dict[str, list[int]], ids: list[str]) -> list[int]:
        return sorted({k for aid in ids for k in positions.get(aid, ())})


def compare_story(story: Story, corpus: "Corpus", index: _Index | None = None) -> dict[str, Any]:
    """The comparison dict of one story (see the module docstring)."""
    ix = index or _Index.build(corpus)
    ids = list(dict.fromkeys(story.articles))
    id_set = set(ids)
    by_id = ix.by_id
    outlet_of = {aid: outlet_label(by_id[aid]) if aid in by_id else aid for aid in ids}
    outlets = list(dict.fromkeys(outlet_of[a] for a in ids))
    facts: list[dict[str, Any]] = []

    def add(kind: str, fid: str, label: str, arts: list[str], **extra: Any) -> None:
        arts = list(dict.fromkeys(a for a in arts if a in id_set))
        if arts:
            facts.append({"kind": kind, "id": fid, "label": label,
                          "outlets": list(dict.fromkeys(outlet_of[a] for a in arts)), "articles": arts, **extra})

    for k in ix.among(ix.events_of, ids):
        ev = corpus.events[k]
        add("event", ev.id, _event_label(ev), [s.article for s in ev.sources],
            date=ev.date, background=ev.background)
    story_quotes = [corpus.quotes[k] for k in ix.among(ix.quotes_of, ids)]
    for q in story_quotes:
        text = q.text if len(q.text) <= 120 else q.text[:117].rsplit(" ", 1)[0] + "…"
        add("quote", q.id, f"{q.speaker_text or 'unattributed'}: “{text}”", [s.article for s in q.sources])
    claims: dict[tuple, dict[str, Any]] = {}
    for aid in ids:
        an = corpus.analyses.get(aid)
        for cl in an.claims if an else []:
            key = (cl.quantity, cl.value, cl.modality)
            c = claims.setdefault(key, {"label": (f"{cl.claimant_text}: " if cl.claimant_text else "") + cl.text,
                                        "arts": []})
            c["arts"].append(aid)
    for (quantity, value, modality), c in claims.items():
        add("claim", _fact_id("cl-", quantity, value, modality), c["label"], c["arts"],
            quantity=quantity, value=value, modality=modality)

    disagreements: list[dict[str, Any]] = []
    for d in story.disagreements:
        dd = to_dict(d)
        for side in dd.get("claims", []):
            side["outlets"] = list(dict.fromkeys(outlet_of.get(a, a) for a in side.get("sources", [])))
        disagreements.append({"kind": "claim", **dd})
    for family in _quote_families(story_quotes):
        srcs = [(s.article, s.text) for q in family for s in q.sources
                if s.article in id_set and s.text and _is_direct(corpus, s)]
        speaker = next((q.speaker_text for q in family if q.speaker_text), None)
        for dis in quote_wording_differences(srcs, outlet_of, speaker):
            dis["quotes"] = [q.id for q in family]
            disagreements.append(dis)

    unique: dict[str, list[str]] = {}
    if len(outlets) >= 2:
        for f in facts:
            if len(f["outlets"]) == 1:
                unique.setdefault(f["outlets"][0], []).append(f["id"])
    return {"outlets": outlets, "facts": facts, "disagreements": disagreements, "unique": unique}


def attach_comparisons(corpus: "Corpus") -> None:
    """Set ``comparison`` on every story; a failing story is recorded in ``corpus.problems``."""
    index = _Index.build(corpus)
    for story in corpus.stories:
        try:
            story.comparison = compare_story(story, corpus, index)
        except Exception as exc:
            log.exception("comparison failed for %s", story.id)
            corpus.problems.append(f"comparison: {story.id}: {type(exc).__name__}: {exc}")
