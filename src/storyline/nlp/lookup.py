"""Small lookups over an ``ArticleAnalysis`` that several stages share."""

from __future__ import annotations

from ..model import ArticleAnalysis, LocalEntity, Mention


def mention_at(analysis: ArticleAnalysis, start: int, end: int) -> Mention | None:
    """The mention that best overlaps [start, end), preferring the longest overlap."""
    best, best_overlap = None, 0
    for m in analysis.mentions:
        overlap = min(end, m.end) - max(start, m.start)
        if overlap > best_overlap:
            best, best_overlap = m, overlap
    return best


def entity_key_at(analysis: ArticleAnalysis, start: int, end: int) -> str | None:
    """The article-local entity key of the mention overlapping [start, end), if any."""
    m = mention_at(analysis, start, end)
    return m.entity if m else None


def local_entity(analysis: ArticleAnalysis, key: str | None) -> LocalEntity | None:
    if key is None:
        return None
    for e in analysis.entities:
        if e.key == key:
            return e
    return None


def sentence_index_at(analysis: ArticleAnalysis, offset: int) -> int | None:
    """Index of the sentence containing character ``offset``."""
    lo, hi = 0, len(analysis.sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = analysis.sentences[mid]
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return mid
    return None


def _clean_surface(text: str) -> str:
    t = " ".join(text.replace("’", "'").replace("‘", "'").split()).strip(" ,;:.\"“”()")
    for suffix in ("'s", "'"):
        t = t.removesuffix(suffix)
    low = t.lower()
    for det in ("the ", "a ", "an "):
        if low.startswith(det):
            return t[len(det):]
    return t


def resolve_name(analysis: ArticleAnalysis, text: str, offset: int | None = None) -> str | None:
    """The article-local entity key a surface string names, or None.

    Works for names with or without titles ("Gen. Bajwa", "Mr Pompeo"), short forms
    ("Bajwa"), acronyms ("ISPR", "COAS"), handles ("@SecPompeo") and pronoun-free role nouns
    ("the army chief", "the US defence secretary"). Where a short form or role fits several
    entities, ``offset`` (where the string occurs) picks the one mentioned nearest before it;
    without ``offset`` an ambiguous string gives None.
    """
    from .names import fold, is_acronym, role_parts, role_refers, strip_person_name

    t = _clean_surface(text)
    if not t or not analysis.entities:
        return None
    if t.startswith("@"):
        for e in analysis.entities:
            if any(h.lower() == t.lower() for h in e.handles):
                return e.key
        return None
    key = fold(t)
    exact = [e for e in analysis.entities if fold(e.name) == key or key in (fold(a) for a in e.aliases)]
    if exact:
        return _pick(analysis, exact, offset)
    ws = strip_person_name(t)
    if ws:
        pkey = fold(" ".join(ws))
        persons = [e for e in analysis.entities if e.type == "PERSON"]
        hits = [e for e in persons if fold(e.name) == pkey
                or pkey in (fold(" ".join(strip_person_name(a))) for a in e.aliases)]
        if not hits and len(ws) == 1:
            w = fold(ws[0])
            hits = [e for e in persons if w in fold(e.name).split()]
        if hits:
            return _pick(analysis, hits, offset)
    parts = role_parts(t)
    if parts is not None:
        hits = []
        for e in analysis.entities:
            for r in e.roles:
                p = role_parts(r)
                if p is not None and role_refers(parts, p):
                    hits.append(e)
                    break
        if hits:
            return _pick(analysis, hits, offset)
    if is_acronym(t):
        from .names import acronym_matches

        hits = [e for e in analysis.entities if acronym_matches(t, e.name)]
        if hits:
            return _pick(analysis, hits, offset)
    return None


def _pick(analysis: ArticleAnalysis, hits: list[LocalEntity], offset: int | None) -> str | None:
    if len(hits) == 1:
        return hits[0].key
    if offset is None:
        return None
    keys = {e.key for e in hits}
    best, best_pos = None, -1
    after, after_pos = None, None
    for m in analysis.mentions:
        if m.entity in keys:
            if m.start <= offset and m.start > best_pos:
                best, best_pos = m.entity, m.start
            elif m.start > offset and (after_pos is None or m.start < after_pos):
                after, after_pos = m.entity, m.start
    return best if best is not None else after
