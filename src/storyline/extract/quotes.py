"""Quotes and their speakers: who said what, in one article (merging lives in ``quote_merge``).

The extractor works in three passes over a parsed article:

1. quote marks (``quote_marks.find_quote_spans``) give the directly quoted text, and embedded
   tweets ("... — Secretary Pompeo (@SecPompeo) January 3, 2020") give unmarked direct quotes;
2. the dependency parse gives *frames*: a reporting verb ("said", "tweeted", "urged") or
   "according to", with its speaker slot and its content (clause, object or "to"-phrase);
3. each quote is tied to the nearest frame in its sentence(s), or inherits the speaker of the
   quote just before it (a "floating" quote); frames left over become indirect quotes.

Speakers are resolved in document order: names through the language core's mentions (or
spaCy's entities before it lands), pronouns to the most recent compatible speaker or
subject, role nouns ("the army chief") to the entity holding that role, and document nouns
("the statement said") to the body that issued them. A frame whose content is itself a
frame ("Gen Bajwa, it said, called for ...") is a relay: the inner speaker speaks *via* the
outer one.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, ArticleAnalysis, Entity, Quote, QuoteMention
from ..nlp.lookup import local_entity
from .quote_cues import (
    COGNITION_VERBS,
    DOC_NOUNS,
    EVIDENCE_NOUNS,
    FIRST_PERSON,
    INTENT_VERBS,
    NOMINAL_CUES,
    NOMINAL_STANCE,
    OBJECT_CONTENT_VERBS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    PERSON_ROLE_NOUNS,
    PLURAL_PRONOUNS,
    PREP_CONTENT_VERBS,
    SPEECH_VERBS,
    STANCE_VERBS,
    THING_PRONOUNS,
    VIEW_NOUNS,
    channel_from_text,
)
from .quote_marks import ALL_MARKS, QuoteSpan, find_quote_spans

# Quote marks as the tokenizer splits them: single characters, and the doubled
# apostrophes and backticks of wire copy ("''Yes,'' said Smith"), which are one token each.
_MARK_TOKENS = frozenset(ALL_MARKS) | {"''", "``"}

log = logging.getLogger(__name__)

__all__ = ["extract_quotes", "merge_quotes"]

# Direct quotes with no speaker and fewer words than this are scare quotes or titles
# ("the “Great Satan”"), not statements.
MIN_UNATTRIBUTED_WORDS = 6
# How far back (in sentences) a pronoun or a floating quote looks for its speaker.
LOOKBACK_SENTENCES = 3
# Tokens scanned backwards per sentence when resolving a pronoun: bounds the work on
# degenerate input (a 10,000-line "sentence" of quote marks).
MAX_TOKENS_BACK = 120

_PERSONISH = {"PERSON", "ROLE"}
_ORGISH = {"ORG", "GPE", "NORP", "FAC", "DOC"}

_TWEET_BLOCK = re.compile(
    r"^(?P<body>\S.*?)\s*[—–]{1,2}\s*(?P<name>[^()\n—–]{2,80}?)\s*\((?P<handle>@\w{1,30})\)\s*"
    r"(?P<date>[A-Z][a-z]+\.? \d{1,2},? \d{4})?\s*$"
)
_WORD = re.compile(r"\w+")
# Between a quote and its cue: no sentence end and no paragraph break.
_SENT_BREAK = re.compile(r"[.!?][\"”’']{0,2}\s+(?:[A-Z“\"‘]|''|``)|\n")


@dataclass(slots=True)
class _Ref:
    """A resolved speaker (or relay): its words, where they stand, its kind and entity key."""

    text: str
    start: int
    end: int
    kind: str  # PERSON, ROLE, ORG, GPE, NORP, FAC, DOC, GROUP
    key: str | None = None
    channel: str | None = None  # implied by a document noun ("the statement" -> statement)


@dataclass(slots=True)
class _Frame:
    """A reporting verb (or "according to") with its speaker slot and content."""

    cue: Any  # spaCy token
    cue_text: str
    speaker_tok: Any | None
    content: tuple[int, int] | None  # char span
    content_head: Any | None
    via_tok: Any | None = None  # "he quoted Bajwa as saying": he
    passive_quote: bool = False  # "X was quoted as saying" with no agent
    channel: str = "unknown"
    used: bool = False
    outer: _Frame | None = None  # the frame relaying this one ("..., the ISPR said")
    relay_of: _Frame | None = None  # the frame this one relays
    speaker_span: tuple[int, int] | None = None  # where the speaker is named, when no parse NP fits
    unbound: bool = False  # the words at speaker_span name someone unnamed ("a top aide")


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    kind: str
    frame: _Frame | None = None
    tweet: dict[str, Any] | None = None
    inner_tok: Any | None = None  # a direct quote whose own main verb names its speaker
    headline: tuple[int, int] | None = None  # "Pompeo: Iran must ...": the speaker's span
    sent: int = 0
    para: int = 0
    closed: bool = True  # False: an unbalanced quote capped at its paragraph's end


@dataclass
class _Ctx:
    doc: Any
    text: str
    analysis: ArticleAnalysis
    sent_starts: list[int]
    sents: list[Any]
    para_starts: list[int]
    quote_spans: list[QuoteSpan]
    sent_speakers: dict[int, list[_Ref]] = field(default_factory=dict)
    pron_cache: dict[int, _Ref | None] = field(default_factory=dict)
    recent: list[tuple[_Ref | None, _Ref | None]] = field(
        default_factory=list
    )  # (speaker, via) so far
    quote_starts: list[int] | None = None
    # Sentence breaks found once over the whole text (see ``_break_between``).
    newlines: list[int] = field(default_factory=list)
    break_starts: list[int] = field(default_factory=list)
    break_ends: list[int] = field(default_factory=list)
    # ``doc.ents`` builds new spans on every access: read once, and per sentence on demand.
    ents: list[Any] = field(default_factory=list)
    ent_starts: list[int] = field(default_factory=list)
    sent_ents: dict[int, list[Any]] = field(default_factory=dict)


# --------------------------------------------------------------------------- helpers


# _SENT_BREAK's punctuation branch, found at every start (a lookahead, so none is skipped).
_PUNCT_BREAK = re.compile(r"(?=([.!?][\"”’']{0,2}\s+)(?:[A-Z“\"‘]|''|``))")


def _index_breaks(ctx: _Ctx) -> None:
    ctx.newlines = [i for i, c in enumerate(ctx.text) if c == "\n"]
    for m in _PUNCT_BREAK.finditer(ctx.text):
        at = m.start()
        if (
            ctx.text[at] == "."
            and m.end(1) - at == 2
            and _TITLE_ABBREV.search(ctx.text, max(0, at - 5), at)
        ):
            # A period after a title or an initial ends no sentence: "''...,'' Mr. Ruiz
            # said", "said Paul D. Ryan".
            continue
        ctx.break_starts.append(at)
        ctx.break_ends.append(m.end(1))


def _break_between(ctx: _Ctx, a: int, b: int) -> bool:
    """``_SENT_BREAK.search(text[a:b])`` in O(log n).

    Found by fuzzing: searching the stretch between every quote and every frame of one long
    unpunctuated paragraph was cubic (a 28 KB paragraph took minutes). A later punctuation
    break never ends before an earlier one, so the first at or after ``a`` decides.
    """
    i = bisect.bisect_left(ctx.newlines, a)
    if i < len(ctx.newlines) and ctx.newlines[i] < b:
        return True
    j = bisect.bisect_left(ctx.break_starts, a)
    # A break ends before the next sentence's first character, which may be the opening
    # mark at ``b`` itself ('... Committee. "I'm sure ...').
    return j < len(ctx.break_starts) and ctx.break_ends[j] <= b


def _ents_of(ctx: _Ctx, si: int) -> list[Any]:
    """The named entities of sentence ``si``."""
    if si not in ctx.sent_ents:
        sent = ctx.sents[si]
        i = bisect.bisect_left(ctx.ent_starts, sent.start)
        out = []
        while i < len(ctx.ents) and ctx.ents[i].start < sent.end:
            if ctx.ents[i].end <= sent.end:
                out.append(ctx.ents[i])
            i += 1
        ctx.sent_ents[si] = out
    return ctx.sent_ents[si]


def _sent_index(ctx: _Ctx, offset: int) -> int:
    return max(0, bisect.bisect_right(ctx.sent_starts, offset) - 1)


def _para_index(ctx: _Ctx, offset: int) -> int:
    return max(0, bisect.bisect_right(ctx.para_starts, offset) - 1)


def _in_quote(ctx: _Ctx, offset: int) -> QuoteSpan | None:
    if ctx.quote_starts is None:
        ctx.quote_starts = [q.open_at for q in ctx.quote_spans]
    i = bisect.bisect_right(ctx.quote_starts, offset) - 1
    if i >= 0:
        q = ctx.quote_spans[i]
        if q.open_at <= offset < q.outer_end:
            return q
    return None


def _strip_span(text: str, start: int, end: int, *, own_source: bool = False) -> tuple[int, int]:
    """Trim spaces, leading "that"/punctuation and trailing clause punctuation.

    ``own_source``: the span is the clause of its own "according to" phrase, which stays in it
    ("Since May, according to X, forces have killed ..."); any other span ends before one.
    """
    while start < end and text[start] in " \t\n,;:—–-":
        start += 1
    # "whether" stays: "asked whether X" reports a question, not the claim X.
    m = re.match(r"that\s+", text[start:end], re.I)
    if m:
        start += m.end()
    cut = -1 if own_source else text.find(", according to ", start, end)
    if cut > start:
        end = cut  # "..., according to X" names the source; it is not what was reported
    while end > start and text[end - 1] in " \t\n,;:—–-":
        end -= 1
    if (
        end > start
        and text[end - 1] == "."
        and (end - start) > 1
        and not _ABBREV_END.search(text, max(start, end - 8), end)
    ):
        end -= 1  # the sentence's period, but not that of "the U.S." or "7 p.m."
    return start, _close_fragment(text, start, end)


# Abbreviations whose period is part of the word, not the sentence's end.
_ABBREV_END = re.compile(r"(?:\b[A-Za-z]\.){2,}$|\b(?:Jr|Sr|Inc|Corp|Ltd|Co)\.$")
_CLOSING = re.compile(r"[.,!?]?(?:''|[”\"»])")


def _close_fragment(text: str, start: int, end: int) -> int:
    """Reported speech ending on a quoted fragment (he did not support quarantines
    "willy-nilly.") keeps the fragment's closing mark, and the period before it."""
    seg = text[start:end]
    open_curly = seg.count("“") + seg.count("«") > seg.count("”") + seg.count("»")
    open_straight = seg.count('"') % 2 == 1 or seg.count("''") % 2 == 1
    if not (open_curly or open_straight):
        return end
    m = _CLOSING.match(text, end)
    return m.end() if m else end


def _tok_end(tok: Any) -> int:
    return tok.idx + len(tok.text)


def _np_bounds(tok: Any) -> tuple[int, int]:
    """The noun phrase headed by ``tok``, without relative clauses or appositions."""
    left = tok.left_edge
    right = tok
    for child in tok.rights:
        if child.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis"):
            break
        if (
            child.dep_ == "prep"
            and child.lower_ != "of"
            and not (child.lower_ == "for" and tok.lemma_.lower() in PERSON_ROLE_NOUNS)
        ):
            break  # "the foreign ministry in an official handout": the handout is no part of the speaker
        right = child.right_edge
    # A clause-level subject never starts with its own punctuation.
    while left.i < tok.i and left.is_punct:
        left = left.doc[left.i + 1]
    return left.idx, _tok_end(right)


def _entity_key(
    ctx: _Ctx, start: int, end: int, head_offset: int | None = None
) -> tuple[str | None, str | None]:
    """(entity key, canonical name) from the language core's mentions, if it produced any."""
    best = None
    for m in ctx.analysis.mentions:
        if m.entity is None:
            continue
        if head_offset is not None:
            # Only the mention at the head word names the phrase: in "Pakistan's military
            # media wing, ISPR" the mention "Pakistan" is a modifier, not the speaker.
            if m.start <= head_offset < m.end:
                best = m
                break
            continue
        overlap = min(end, m.end) - max(start, m.start)
        if overlap > 0 and (best is None or overlap > min(end, best.end) - max(start, best.start)):
            best = m
    if best is None:
        return None, None
    ent = local_entity(ctx.analysis, best.entity)
    return best.entity, ent.name if ent else best.text


def _ent_kind(label: str) -> str:
    return {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP", "FAC": "FAC"}.get(
        label, "GROUP"
    )


def _kind_of_key(ctx: _Ctx, key: str | None, fallback: str) -> str:
    ent = local_entity(ctx.analysis, key)
    if ent is None:
        return fallback
    return _ent_kind(ent.type)


# --------------------------------------------------------------------------- speaker resolution


def _resolve_tok(ctx: _Ctx, tok: Any) -> _Ref | None:
    """Resolve the speaker slot headed by ``tok`` to a reference."""
    if tok is None:
        return None
    low = tok.lower_
    if (
        tok.pos_ == "PRON"
        or low in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS | FIRST_PERSON
    ):
        if (
            low in ("who", "that", "which")
            and tok.head.dep_ == "relcl"
            and tok.head.head.i != tok.i
        ):
            # "voters who said they would ...": the relative pronoun stands for the noun it follows
            ante = tok.head.head
            if ante.pos_ in ("NOUN", "PROPN") and ante.i < tok.i:
                return _resolve_tok(ctx, ante)
            if ante.pos_ == "PRON" and ante.i < tok.i and ante.lower_ not in FIRST_PERSON | {"you"}:
                # "those who said they cared most about ...": a group of people speaks
                s, e = _np_bounds(ante)
                return _Ref(ctx.text[s:e], s, e, "GROUP")
        if low in ("you", "who", "that", "which", "this", "what", "whom"):
            return None
        ref = _resolve_pronoun(ctx, tok) if low not in FIRST_PERSON else None
        # Unresolved, the pronoun itself still says that someone was quoted.
        return ref or _Ref(tok.text, tok.idx, _tok_end(tok), "PRON")
    start, end = _np_bounds(tok)
    text = ctx.text[start:end]

    # Appositions name the speaker best: "the spokesman of the armed forces, Maj. Gen. Asif Ghafoor".
    named = None
    for child in tok.rights:
        if child.dep_ == "appos" and child.ent_type_ in ("PERSON", "ORG"):
            named = child
            break

    key, name = _entity_key(ctx, start, end, head_offset=tok.idx)
    if key is None and named is not None:
        s2, e2 = _np_bounds(named)
        key, name = _entity_key(ctx, s2, e2, head_offset=named.idx)
    if key is not None:
        kind = _kind_of_key(ctx, key, "PERSON" if tok.ent_type_ == "PERSON" else "ORG")
        ref = _Ref(name or text, start, end, kind, key)
        if tok.lemma_.lower() in DOC_NOUNS:
            ref.channel = DOC_NOUNS[tok.lemma_.lower()]
        return ref

    for ent in ctx.ents:
        # "Minister for Human Rights Dr Shireen Mazari": the name inside the phrase.
        if (
            ent.label_ == "PERSON"
            and start <= ent.start_char
            and ent.end_char <= end
            and tok.ent_type_ != "PERSON"
        ):
            return _Ref(ent.text, ent.start_char, ent.end_char, "PERSON")
    lemma = tok.lemma_.lower()
    if low in PERSON_ROLE_NOUNS and tok.tag_ != "NNPS" and tok.ent_type_ != "PERSON":
        # "the COAS said": an abbreviated role the tagger took for an organisation.
        bound = _bind_role(ctx, tok, start, end)
        return bound or _Ref(text, start, end, "ROLE")
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
        ent = next((e for e in ctx.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            return _Ref(ent.text, ent.start_char, ent.end_char, _ent_kind(ent.label_))
    if named is not None:
        ent = next((e for e in ctx.ents if e.start <= named.i < e.end), None)
        if ent is not None:
            return _Ref(ent.text, ent.start_char, ent.end_char, _ent_kind(ent.label_))

    if lemma in DOC_NOUNS:
        owner = _document_owner(ctx, tok)
        if owner is not None:
            return _Ref(owner.text, owner.start, owner.end, owner.kind, owner.key, DOC_NOUNS[lemma])
        return _Ref(text, start, end, "DOC", None, DOC_NOUNS[lemma])
    if (lemma in PERSON_ROLE_NOUNS or low in PERSON_ROLE_NOUNS) and tok.tag_ not in ("NNS", "NNPS"):
        bound = _bind_role(ctx, tok, start, end)
        if bound is not None:
            return bound
        return _Ref(text, start, end, "ROLE")
    if lemma in ORG_NOUNS:
        key, name = _entity_by_words(ctx, tok, start, end)
        return _Ref(name or text, start, end, "ORG", key)
    if tok.pos_ == "PROPN":
        return _Ref(text, start, end, "ORG" if lemma.isupper() else "GROUP")
    return _Ref(text, start, end, "GROUP")


def _entity_by_words(ctx: _Ctx, tok: Any, start: int, end: int) -> tuple[str | None, str | None]:
    """An organisation described by common nouns ("the country's foreign ministry") to the
    entity whose name holds all those words ("Ministry of Foreign Affairs")."""
    words = {
        t.lemma_.lower()
        for t in ctx.doc[tok.left_edge.i : tok.i + 1]
        if t.idx >= start
        and t.pos_ in ("NOUN", "ADJ", "PROPN")
        and t.dep_ != "poss"
        and t.idx + len(t.text) <= end
    }
    words -= {"country", "state", "nation", "official"}
    if len(words) < 2:
        return None, None
    ordered = [
        t.lower_
        for t in ctx.doc[tok.left_edge.i : tok.i + 1]
        if t.idx >= start and t.lemma_.lower() in words
    ]
    acronym = "".join(w[0] for w in ordered)
    found = None
    for e in ctx.analysis.entities:
        if e.type not in ("ORG", "GOV", "FAC"):
            continue
        for name in [e.name, *e.aliases]:
            if name.isupper() and name.lower() == acronym:  # "the foreign office" = "FO"
                if found is not None and found.key != e.key:
                    return None, None
                found = e
                break
            nw = {w.lower() for w in _WORD.findall(name)}
            nw |= {w[:-1] for w in nw if w.endswith("s")}
            if words <= nw:
                if found is not None and found.key != e.key:
                    return None, None  # ambiguous: say nothing rather than guess
                found = e
                break
    return (found.key, found.name) if found else (None, None)


def _document_owner(ctx: _Ctx, tok: Any) -> _Ref | None:
    """Who issued "the statement": its possessor or modifier, else the subject of the
    nearest earlier sentence that mentions the same kind of document."""
    for child in tok.lefts:
        if child.dep_ == "poss":
            return _resolve_tok(ctx, child)
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            key, name = _entity_key(ctx, child.idx, _tok_end(child), head_offset=child.idx)
            return _Ref(
                name or child.text, child.idx, _tok_end(child), _kind_of_key(ctx, key, "ORG"), key
            )
    if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        # "His office put out a statement saying ...": whoever issued it.
        issuer = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if issuer is not None and issuer.lemma_.lower() not in DOC_NOUNS:
            return _resolve_tok(ctx, issuer)
    lemma = tok.lemma_.lower()
    si = _sent_index(ctx, tok.idx)
    for j in range(si, max(-1, si - 6), -1):
        sent = ctx.sents[j]
        for t in sent:
            if t.i >= tok.i:
                break
            if t.lemma_.lower() == lemma and t.i != tok.i:
                # "The Foreign Office in its statement worried ..." -> the sentence's subject.
                for c in t.lefts:
                    if c.dep_ == "poss" and c.lower_ not in THING_PRONOUNS | PERSON_PRONOUNS:
                        return _resolve_tok(ctx, c)
                root = sent.root
                subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and subj.lemma_.lower() not in DOC_NOUNS:
                    return _resolve_tok(ctx, subj)
    # "According to the statement" with no issuer named: whoever relayed or spoke just before.
    # The quote just before: a relayed quote's document is the relayer's, else the speaker's.
    for speaker, via in reversed(ctx.recent[-4:]):
        for ref in (via, speaker):
            if ref is not None and ref.kind not in ("DOC", "PRON"):
                return ref
    return None


def _bind_role(ctx: _Ctx, tok: Any, start: int, end: int) -> _Ref | None:
    """A role noun phrase ("the army chief") to the person holding the role."""
    words = {w.lower() for w in _WORD.findall(ctx.text[start:end])} - {"the", "a", "an", "of", "s"}
    head = tok.lemma_.lower()
    # The language core records roles on entities: trust it first.
    best_key, best_score = None, 0
    for e in ctx.analysis.entities:
        for role in e.roles + e.aliases:
            rw = {w.lower() for w in _WORD.findall(role)}
            if head in rw:
                score = len(rw & words)
                if score > best_score:
                    best_key, best_score = e.key, score
    if best_key is not None:
        ent = local_entity(ctx.analysis, best_key)
        return _Ref(
            ent.name if ent else ctx.text[start:end],
            start,
            end,
            _ent_kind(ent.type) if ent else "PERSON",
            best_key,
        )
    # Before the language core lands: a PERSON whose own noun phrase (titles, apposition)
    # carries the same role words: "Chief of Army Staff Gen. Qamar Javed Bajwa",
    # "the spokesman of the armed forces, Maj. Gen. Asif Ghafoor".
    best, best_score, best_dist = None, 0, None
    for ent in ctx.ents:
        if ent.label_ != "PERSON" or _in_quote(ctx, ent.start_char) is not None:
            continue
        root = ent.root
        near = list(root.subtree)
        if root.dep_ == "appos":
            near.extend(root.head.subtree)
        for c in root.children:
            if c.dep_ == "appos":
                near.extend(c.subtree)
        near = [t for t in near if abs(t.i - root.i) <= 12]
        wnd = {t.lower_ for t in near} | {t.lemma_.lower() for t in near}
        if head not in wnd:
            continue
        score = len(words & wnd)
        dist = abs(ent.start_char - start) + (0 if ent.start_char < start else 100000)
        if score > best_score or (
            score == best_score and best_dist is not None and dist < best_dist
        ):
            best, best_score, best_dist = ent, score, dist
    if best is None:
        return None
    key, name = _entity_key(ctx, best.start_char, best.end_char)
    return _Ref(name or best.text, start, end, "PERSON", key)


def _compatible(pron: str, ref: _Ref) -> bool:
    if pron in PERSON_PRONOUNS:
        return ref.kind in _PERSONISH
    if pron in THING_PRONOUNS:
        return ref.kind in _ORGISH
    return ref.kind in _ORGISH | {"GROUP"}


def _resolve_pronoun(ctx: _Ctx, tok: Any) -> _Ref | None:
    """The most recent compatible speaker or subject before a pronoun."""
    if tok.i in ctx.pron_cache:
        return ctx.pron_cache[tok.i]
    ctx.pron_cache[tok.i] = None  # guards against cycles through other pronouns
    pron = tok.lower_
    key, name = _entity_key(ctx, tok.idx, _tok_end(tok), head_offset=tok.idx)
    if key is not None:
        ref = _Ref(name or tok.text, tok.idx, _tok_end(tok), _kind_of_key(ctx, key, "PERSON"), key)
        ctx.pron_cache[tok.i] = ref
        return ref
    si = _sent_index(ctx, tok.idx)
    found = None
    # Speakers already found earlier in the same sentence ("X said ... and he added").
    for ref in reversed(ctx.sent_speakers.get(si, [])):
        if ref.start < tok.idx and _compatible(pron, ref):
            found = ref
            break
    order = [j for j in range(si - 1, max(-1, si - LOOKBACK_SENTENCES - 1), -1)]
    order.insert(1 if order else 0, si)  # the sentence before first, then the pronoun's own clause
    for j in [] if found else order:
        sent = ctx.sents[j]
        cands: list[_Ref] = []
        if j != si:
            # Centering: the subject of the previous sentence's main clause is the likeliest antecedent.
            subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None and sent.root.lemma_.lower() in SPEECH_VERBS:
                subj = _subject(sent.root, ctx.text)
            if subj is not None and _in_quote(ctx, subj.idx) is None:
                ref = _resolve_tok(ctx, subj)
                if ref is not None:
                    cands.append(ref)
            cands.extend(reversed(ctx.sent_speakers.get(j, [])))
        ents = [
            e for e in _ents_of(ctx, j) if e.end <= tok.i and _in_quote(ctx, e.start_char) is None
        ]
        for ent in reversed(ents[-MAX_TOKENS_BACK:]):
            if ent.root.dep_ in ("dobj", "pobj", "dative") and j == si:
                continue  # "Urging Guterres to ..., she said": an object is not the speaker
            k, n = _entity_key(ctx, ent.start_char, ent.end_char)
            cands.append(
                _Ref(n or ent.text, ent.start_char, ent.end_char, _ent_kind(ent.label_), k)
            )
        found = next((r for r in cands if _compatible(pron, r)), None)
        if found:
            break
    ctx.pron_cache[tok.i] = found
    return found


# --------------------------------------------------------------------------- frames


def _children(tok: Any, *deps: str) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


# A dateline opening a paragraph: "CLEVELAND —", "WASHINGTON (AP) —", "DES MOINES, Iowa —",
# "PHILADELPHIA, July 25 (UPI) —". A place and a date, never a speaker.
# Agencies also write the place in title case when they name themselves: "New York (AFP) –".
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’ -]*[A-Z.](?:,[^—–\n]{1,40}?)?(?: ?\([\w .]{1,20}\))?"
    r"|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:,[^—–\n(]{1,40}?)? ?\([A-Z][\w .]{0,19}\))"
    r"[ \t]*(?:[—–]|--?(?= ))"
)


# Pieces a person or body puts out in its own voice ("released a video that accuses ...").
_ISSUED_PIECES = frozenset(
    """
    ad advertisement spot commercial video documentary film mailer flyer leaflet brochure
    email e-mail piece op-ed column editorial petition sign banner placard poster headline
    caption memo book
    """.split()
) | frozenset(DOC_NOUNS)
_ISSUING_VERBS = frozenset(
    """
    release issue run launch air publish post put send unveil circulate distribute produce
    pen write sign deliver file
    """.split()
)


def _issuer_of_relative(subj: Any) -> Any | None:
    """ "Hale released a video that accuses Ruiz ...": the relative pronoun stands for a
    piece its issuer put out, and the issuer speaks through it (as through "a statement
    saying ...")."""
    if subj.lower_ not in ("that", "which") or subj.head.dep_ != "relcl":
        return None
    return _issuer_of_piece(subj.head.head)


def _issuer_of_piece(piece: Any) -> Any | None:
    """Who put out ``piece`` ("Hale released a video", "the campaign sent an email"): the
    subject of the issuing verb whose object it is."""
    if piece.dep_ != "dobj" or _lemma(piece) not in _ISSUED_PIECES:
        return None
    verb = piece.head
    if verb.pos_ != "VERB" or _lemma(verb) not in _ISSUING_VERBS:
        return None
    issuer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if issuer is None:
        cur = verb
        # "..., releasing a statement that ...": the participle's own clause subject
        while issuer is None and cur.dep_ in ("advcl", "conj", "xcomp") and cur.head.i != cur.i:
            cur = cur.head
            issuer = next((c for c in cur.children if c.dep_ == "nsubj"), None)
    if (
        issuer is None
        or issuer.lower_ in ("that", "which", "it")
        or _lemma(issuer) in _ISSUED_PIECES
    ):
        return None
    return issuer


def _subject(tok: Any, text: str) -> Any | None:
    """The speaker slot of the verb ``tok``, never a paragraph's dateline. ``text`` is the
    doc's text (``ctx.text``): spaCy rebuilds ``doc.text`` from every token on each read."""
    subj = _subject_raw(tok)
    if subj is None:
        return None
    issuer = _issuer_of_relative(subj)
    if issuer is not None:
        return issuer
    line = text.rfind("\n", 0, subj.idx) + 1
    if subj.idx - line > 60:
        return subj
    m = _DATELINE.match(text, line, min(len(text), line + 80))
    if m is None or subj.idx >= m.end() or tok.idx < m.end():
        return subj
    # The parse took the place for the subject: the phrase between the dash and the verb speaks.
    rest = subj.doc.char_span(m.end(), tok.idx, alignment_mode="contract")
    if rest is None or len(rest) == 0:
        return None
    root = rest.root
    if root.pos_ in ("VERB", "AUX"):
        # "— The committee released a statement ..., offering": that clause's subject
        root = next(
            (c for c in rest if c.dep_ in ("nsubj", "nsubjpass") and c.head.i == root.i), root
        )
    if root.pos_ in ("PROPN", "NOUN", "PRON"):
        return root
    # a misparsed clause: the first name after the dash that is no object
    return next(
        (
            t
            for t in rest
            if t.ent_type_ in ("PERSON", "ORG", "NORP")
            and t.dep_ not in ("pobj", "dobj", "compound", "poss")
        ),
        None,
    )


_TIME_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
    morning afternoon evening night day week weekend month year january february march april
    may june july august september october november december
    """.split()
)


def _is_time_word(tok: Any) -> bool:
    """A day or date the parser hung on the verb ("Trump said Tuesday that ...", "Saturday at
    the convention Warren said ..."): when something was said, never who said it."""
    return tok.ent_type_ in ("DATE", "TIME") and tok.lower_ in _TIME_WORDS


_SHARED_SUBJECT_DEPS = frozenset("advcl conj xcomp acl pcomp prep acomp attr".split())


def _subject_raw(tok: Any) -> Any | None:
    # The tagger sometimes takes a stray guillemet for a noun subject: skip marks.
    subj = [
        c
        for c in _children(tok, "nsubj", "nsubjpass")
        if c.text not in _MARK_TOKENS
        and (not c.is_punct or c.text == "%")
        and not _is_time_word(c)
        # '“Very good reporter, this guy,” Trump said': words of the quote are not its speaker
        and not _quoted_before(c, tok)
    ]
    if not subj:
        # "Majorities of voters going to the polls Tuesday said ...": the parser may read a
        # participle phrase after the subject as the verb's clausal subject; the noun it
        # hangs on is the speaker.
        for c in _children(tok, "csubj"):
            if c.tag_ in ("VBG", "VBN") and c.i < tok.i:
                subj = [x for x in _children(c, "nsubj", "nsubjpass") if x.i < c.i][:1]
                if subj:
                    break
    if not subj and tok.i > 0 and tok.doc[tok.i - 1].pos_ == "NUM":
        # Poll shares speak: "About 4 in 10 say ...", whose number the parser may hang on
        # the verb as a modifier rather than as its subject.
        num = tok.doc[tok.i - 1]
        if num.head.i == tok.i and num.ent_type_ in ("CARDINAL", "PERCENT"):
            subj = [num]
    if subj:
        # Two subjects is a misparse ("Tuesday in Berea, OH, ..., Gov. John Kasich said"): the
        # one nearest the verb is the speaker.
        return min(subj, key=lambda c: abs(c.i - tok.i))
    for aux in _children(tok, "aux", "auxpass"):
        # "Khan had at a conference ... said": the parser may hang the subject on the auxiliary.
        subj = _children(aux, "nsubj", "nsubjpass")
        if subj:
            return subj[0]
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in DOC_NOUNS.keys() | EVIDENCE_NOUNS:
        # "His office put out a statement saying ...": the document speaks (for its issuer).
        return tok.head
    if tok.dep_ == "acl" and _lemma(tok.head) in _ISSUED_PIECES:
        # "The campaign sent out an email stressing ...", "a new ad accusing ...": a piece
        # speaks for whoever put it out, else for itself.
        return _issuer_of_piece(tok.head) or tok.head
    controller = _object_controller(tok)
    if controller is not None:
        return controller
    # Participles and conjoined verbs share their head's subject: "..., saying", "vowing to";
    # so does a gerund under a predicate adjective or noun ("Trump has been the most
    # aggressive in denouncing ...", "she was quick in praising ...").
    cur = tok
    for _ in range(4):
        # ("In addition to stating X, she ...": through the fronted phrase's noun as well)
        shared = cur.dep_ in _SHARED_SUBJECT_DEPS or (
            cur.dep_ == "pobj"
            and cur.head.dep_ == "prep"
            and cur.head.head.pos_ in ("VERB", "AUX")
            and cur.head.head.i > cur.i
        )
        if shared and cur.head.i != cur.i:
            cur = cur.head
            subj = _children(cur, "nsubj", "nsubjpass")
            if subj:
                if _quoted_before(subj[0], tok):
                    # '“We were wrong,” Ramos told AFP' parsed with "told" as a conjunct of
                    # the quote's verb: the quoted words' own subject is not the speaker.
                    break
                return subj[0]
        else:
            break
    # '“...,” asked Mr. Manafort': after an inverted cue the parser may take the speaker for
    # an object; right after a closing mark or comma, the noun after the verb is the speaker.
    if tok.i > 0 and (tok.doc[tok.i - 1].text in _MARK_TOKENS or tok.doc[tok.i - 1].text == ","):
        # ("tell", "inform" never invert: "..., tells Breitbart News" names whom, not who)
        if tok.lemma_.lower() in SPEECH_VERBS - _NEVER_INVERTED:
            for c in tok.children:
                if (
                    c.dep_ in ("dobj", "attr", "npadvmod", "dative", "oprd")
                    and c.i > tok.i
                    and c.pos_ in ("PROPN", "NOUN")
                    and not _is_time_word(c)
                    and c.i - tok.i <= 6
                ):
                    return c
            # Only right after the quote itself ('“...,” said retired surgeon Ben Carson'):
            # after a mere comma ("De Blasio, on the radio, called Trump ...") the noun
            # phrase that follows is what the verb is about.
            # Verbs that never take a name as their object ("..., said a former spokesman")
            # invert after a comma too.
            after = (
                _noun_run_after(tok)
                if _closes_quote_before(tok) or _lemma(tok) in _NO_NAME_OBJECT
                else None
            )
            if after is not None:
                return after
    return (
        _name_before(tok)
        or _participle_subject(tok)
        or _name_after_quote(tok)
        or _line_subject(tok)
    )


def _line_subject(tok: Any) -> Any | None:
    """A sentence the parser ran over a line break ('“...”\\nPriebus, in the wake of ...,
    told Fox News that ...') leaves the verb without a subject: the name that opens the
    verb's line, followed by a comma or the verb, is its subject."""
    doc = tok.doc
    j = tok.i - 1
    # (the parser may also have closed the sentence just before the verb)
    while j > max(0, tok.i - 40) and "\n" not in doc[j].text:
        j -= 1
    if "\n" not in doc[j].text:
        return None
    k = j + 1
    while k < tok.i and doc[k].pos_ == "PROPN":
        k += 1
    if k == j + 1 or not (k == tok.i or doc[k].text == ","):
        return None
    name = doc[k - 1]
    # Hung on a word before the line break, or on nothing of its own: a misparse. A name
    # that is an object on its own line ("Keller, in the wake of X" as a phrase) is not.
    if name.head.i <= j or name.dep_ in ("nsubj", "npadvmod", "ROOT"):
        return name
    return None


def _name_after_quote(tok: Any) -> Any | None:
    """'“...,” Bozell answers.': a run of proper nouns between a closing quote and the cue
    is its speaker even when the tagger knows no such name."""
    j = tok.i - 1
    while j >= 0 and tok.doc[j].pos_ == "PROPN" and tok.i - j <= 4:
        j -= 1
    if j == tok.i - 1 or j < 0:
        return None
    return tok.doc[tok.i - 1] if _closes_quote_before(tok.doc[j + 1]) else None


_PUSH_VERBS = frozenset("push pressure encourage exhort challenge dare invite tell order".split())
# Verbs whose own subject, not their object, does what the "to" clause says ("promised
# voters to ...").
_SUBJECT_CONTROL = frozenset("promise vow pledge threaten offer use take seize spend".split())


def _object_controller(tok: Any) -> Any | None:
    """Object control: in "the win led Reyes to declare ...", "prompted her to accuse ...",
    the one who declares is the governing verb's object, not its subject. Only for a person
    or a body as the object ("used the speech to declare" is the subject's own purpose)."""
    if tok.dep_ != "xcomp" or tok.tag_ != "VB" or not _children(tok, "aux"):
        return None
    gov = tok.head
    if gov.pos_ != "VERB" or _lemma(gov) in _SUBJECT_CONTROL | _DIRECTIVE_VERBS | _PUSH_VERBS:
        # (a request is the requester's words: "begged reporters to ask" reports the begging)
        return None
    obj = next((c for c in _children(gov, "dobj") if c.i < tok.i), None)
    if obj is None:
        return None
    if obj.pos_ == "PRON":
        return obj if obj.lower_ in ("him", "her", "them", "us", "me") else None
    if obj.ent_type_ in ("PERSON", "ORG", "NORP") or _lemma(obj) in PERSON_ROLE_NOUNS | ORG_NOUNS:
        return obj
    return None


_NO_NAME_OBJECT = frozenset(
    "say add note explain recall insist argue observe remark reply respond concede".split()
)
_NEVER_INVERTED = frozenset("tell inform assure quote cite".split())


def _quoted_before(word: Any, tok: Any) -> bool:
    """Whether ``word`` stands inside a quote that closes before ``tok``: an odd number of
    double quote marks lies between them ("“We were wrong,” Ramos told", not "He said “...” and
    added")."""
    if word.i >= tok.i:
        return False
    marks = sum(
        1
        for t in word.doc[word.i + 1 : tok.i]
        # (single marks double as apostrophes: "the Associated Press’ account")
        if t.text in _MARK_TOKENS and t.text not in ("’", "'", "‘")
    )
    return marks % 2 == 1


def _closes_quote_before(tok: Any) -> bool:
    """Whether a closing quote mark stands right before ``tok`` (after an optional comma)."""
    doc = tok.doc
    for j in (tok.i - 1, tok.i - 2):
        if j >= 0 and doc[j].text in _MARK_TOKENS:
            return True
        if j < 0 or doc[j].text != ",":
            return False
    return False


def _mistagged_name(t: Any) -> bool:
    """A capitalised word inside a sentence that the tagger took for an adverb or adjective:
    an unfamiliar surname ('“...,” said Skelly, explaining ...')."""
    return (
        t.pos_ in ("ADV", "ADJ", "X", "INTJ")
        and t.is_title
        and not t.is_sent_start
        and not t.is_stop
        and t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")
    )


def _noun_run_after(tok: Any) -> Any | None:
    """The head of the noun phrase right after an inverted cue ('“...,” said retired
    neurosurgeon Ben Carson, asked about ...'), whatever the parser hung it on: its last
    name or noun before the phrase ends (a comma, a bracket, a verb, the sentence end)."""
    doc = tok.doc
    head = None
    for j in range(tok.i + 1, min(len(doc), tok.i + 9)):
        t = doc[j]
        if t.pos_ in ("PROPN", "NOUN") or _mistagged_name(t):
            head = t
        elif t.pos_ == "DET" and head is not None:
            break  # "said Smith the ...": a new phrase
        elif t.pos_ == "SCONJ" or t.dep_ == "mark":
            break  # "said Tuesday that Rubio ...": the reported clause begins
        elif not t.is_punct and t.head.i > t.i:
            continue  # a modifier of a word further on: "retired", "ranking", "the"
        else:
            break
    if (
        head is None
        or _is_time_word(head)
        or (
            head.ent_type_ not in ("PERSON", "ORG", "NORP")
            and head.pos_ != "PROPN"
            and not _mistagged_name(head)
            and head.lemma_.lower() not in PERSON_ROLE_NOUNS | ORG_NOUNS
        )
    ):
        return None
    return head


def _participle_subject(tok: Any) -> Any | None:
    """A misparsed participle of saying ("..., writing “...”", "Adding, “...”") speaks for
    the subject of the clause before it: its own sentence's, or the previous sentence's
    when it opens the sentence."""
    if tok.tag_ != "VBG":
        return None
    sent = tok.sent
    first = sent.start
    while first < tok.i and (tok.doc[first].is_punct or tok.doc[first].text in _MARK_TOKENS):
        first += 1
    if first == tok.i:
        if sent.start == 0:
            return None
        sent = tok.doc[sent.start - 1].sent
    elif tok.doc[tok.i - 1].text != ",":
        return None
    root = sent.root
    if root.i >= tok.i and sent.start <= tok.i:
        return None
    subj = next(
        (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and not c.is_punct), None
    )
    if subj is None or subj.i > tok.i or subj.text in _MARK_TOKENS:
        return None
    return subj


def _name_before(tok: Any, any_propn: bool = False) -> Any | None:
    """A misparsed clause: the nearest name before the cue, within a few words
    (``any_propn``: any proper noun, not only a recognised name)."""
    sent_start = tok.sent.start
    j = tok.i - 1
    while j >= max(sent_start, tok.i - 40):
        t = tok.doc[j]
        if t.text in ("—", "–", ")"):
            # skip a parenthetical: "Imran Khan—who has been absent ...—said"
            opener = "(" if t.text == ")" else t.text
            k = j - 1
            while k >= max(sent_start, tok.i - 40) and tok.doc[k].text != opener:
                k -= 1
            if k >= max(sent_start, tok.i - 40):
                j = k - 1
                continue
            break  # an unpaired dash ends a dateline ("CLEVELAND —"): no speaker before it
        if t.text == "," and j > sent_start:
            # skip a participle phrase between commas: "De Blasio, speaking on the radio, said"
            k = j - 1
            while k > max(sent_start, tok.i - 40) and tok.doc[k].text != ",":
                k -= 1
            first = tok.doc[k + 1]
            # (a participle the tagger took for a past tense: "Reyes, asked about it, said")
            if tok.doc[k].text == "," and (
                first.tag_ in ("VBG", "VBN")
                or first.tag_ == "VBD"
                and first.dep_ in ("advcl", "acl")
            ):
                j = k - 1
                continue
        if t.text in _MARK_TOKENS or t.pos_ == "VERB" and not _under_relcl(t, tok):
            break
        if not _under_relcl(t, tok) and (
            t.ent_type_ in ("PERSON", "ORG", "NORP") or (any_propn and t.pos_ == "PROPN")
        ):
            if t.dep_ not in ("pobj", "dobj", "compound", "poss"):
                return t
        j -= 1
    return None


def _under_relcl(t: Any, stop: Any) -> bool:
    cur = t
    for _ in range(6):
        if cur.dep_ == "relcl":
            return True
        if cur.head.i == cur.i or (stop is not None and cur.head.i == stop.i):
            return False
        cur = cur.head
    return False


_DIRECTIVE_VERBS = frozenset(
    "urge ask call caution press implore beg appeal advise instruct warn encourage".split()
)
# Verbs of saying whose direct object is whom they address, not what they said
# ("told reporters", "asked the judge", "informed Congress").
_ADDRESSEE_VERBS = frozenset(
    "tell ask inform assure instruct advise quote cite".split()
) | frozenset(
    # ... and verbs of saying whose object sense is no report at all: "added a job to his
    # resume", "maintains a wide lead", "interrupted a rally".
    "add maintain interrupt".split()
)
# Verbs of asking for something: "pushed for X", "called for X to do Y".
_FOR_VERBS = frozenset("call appeal press push plead argue campaign lobby advocate".split())


def _parenthetical(cue: Any, first: Any, text: str) -> bool:
    """Whether "X said" stands between commas inside the clause that ``first`` begins
    ("It is no surprise, Mr. Garin said, that ..."), not after a clause of its own."""
    doc = cue.doc
    subj = _subject(cue, text)
    if subj is None or subj.i > cue.i or cue.i + 1 >= len(doc) or doc[cue.i + 1].text != ",":
        return False
    if subj.left_edge.i == 0 or doc[subj.left_edge.i - 1].text != ",":
        return False
    start = first.left_edge.i
    return start <= cue.sent.start + 1 and not any(
        t.text in (";", ":") or t.text in _MARK_TOKENS for t in doc[start : subj.left_edge.i]
    )


# Verbs that cast someone or something in a role: "sees Cruz as a uniter", "portrayed the
# deal as a betrayal". The object and its "as"-predicate are the holder's view.
_AS_VERBS = frozenset(
    """
    see view regard consider describe portray paint depict cast characterize characterise
    label brand dismiss hail tout present frame rate treat
    """.split()
)


def _as_predicate(ctx: _Ctx, cue: Any, lemma: str) -> tuple[tuple[int, int], Any] | None:
    """Content and head of "<verb> X as Y", or None."""
    if lemma not in _AS_VERBS:
        return None
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if obj is None:
        return None
    as_prep = next(
        (
            c
            for c in [*cue.children, *obj.children]
            if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i and _children(c, "pobj")
        ),
        None,
    )
    if as_prep is None:
        return None
    return _strip_span(ctx.text, obj.left_edge.idx, _tok_end(as_prep.right_edge)), obj


# Verbs of naming: "called / dubbed / labeled / branded X “Y”" report the speaker's name for X.
_NAMING_VERBS = frozenset("call dub label brand".split())


def _called_in_quotes(ctx: _Ctx, cue: Any) -> tuple[tuple[int, int], Any] | None:
    """'called the use of executive orders "quite dangerous"', 'called protesters “thugs”':
    naming someone or something in the speaker's own quoted words, whatever the parse made
    of the two noun phrases. The content runs from the word after the verb to the quote's
    end; the words between are one noun phrase (no clause punctuation, no second verb of
    the clause) and the quote opens within a few words."""
    doc = cue.doc
    if cue.i + 1 >= len(doc) or doc[cue.i + 1].dep_ in ("prt", "prep", "agent"):
        return None  # "called on X", "called for X", "called up", "was called by X"
    for q in ctx.quote_spans:
        if q.open_at <= cue.idx:
            continue
        if q.open_at > _tok_end(cue) + 160:
            return None
        between = doc.char_span(_tok_end(cue), q.open_at, alignment_mode="contract")
        if between is None or not 1 <= len(between) <= 25:
            return None
        if any(
            t.text in (",", ";", ":", ".", "(", "—", "–") or t.text in _MARK_TOKENS for t in between
        ) or any(t.pos_ in ("VERB", "AUX") and t.head.i == cue.i for t in between):
            return None
        if doc[cue.i + 1].pos_ not in ("DET", "PRON", "PROPN", "NOUN", "ADJ", "NUM"):
            return None
        span = _strip_span(ctx.text, _tok_end(cue), q.outer_end)
        head = doc.char_span(q.start, q.end, alignment_mode="expand")
        return span, (head.root if head is not None and len(head) else cue)
    return None


def _content_from(ctx: _Ctx, cue: Any) -> tuple[tuple[int, int] | None, Any | None]:
    """Content span of a reporting verb: its clause, "to"-phrase, "for"-phrase or object."""
    lemma = _lemma(cue)
    comps = _children(cue, "ccomp")
    head = None
    xcomps = [c for c in _children(cue, "xcomp") if c.i > cue.i]
    if (
        len(comps) >= 2
        and comps[0].i < cue.i < comps[-1].i
        and _parenthetical(cue, comps[0], ctx.text)
    ):
        # "It is no surprise, Mr. Garin said, that Mrs. Clinton did better": the parse splits
        # one statement around its parenthetical cue; both halves are what was said.
        start, end = comps[0].left_edge.idx, _tok_end(comps[-1].right_edge)
        return _strip_span(ctx.text, start, end), comps[0]
    as_content = _as_predicate(ctx, cue, lemma) if not comps else None
    if as_content is not None:
        return as_content
    if comps:
        head = comps[0]
        after = [c for c in comps if c.i > cue.i]
        if (
            head.i < cue.i
            and after
            and any(t.text in (":", ";") for t in ctx.doc[head.right_edge.i + 1 : cue.i])
        ):
            # "The group polled members: 1,409 teachers said they wanted ...": a clause cut
            # off by a colon is the lead-in, not what was said; the clause after the verb is.
            head = after[0]
        elif head.i < cue.i and "\n" in ctx.text[head.idx : cue.idx]:
            # A paragraph ends between the clause and the verb: the parse ran two paragraphs
            # together ('“...”\nPriebus told Fox News that ...'); the verb's own clause is
            # the one after it, and the paragraph before is no content of this verb.
            if after:
                head = after[0]
            else:
                comps = []
                head = None
    elif lemma in INTENT_VERBS and xcomps and lemma not in SPEECH_VERBS | OBJECT_CONTENT_VERBS:
        # "plans to spend ...", "wants voters to know ...": the wish, its "to" and any
        # object before it (PolNeAR's content convention).
        x = xcomps[0]
        obj = [c for c in _children(cue, "dobj") if cue.i < c.i < x.i]
        start = (obj[0] if obj else x).left_edge.idx
        return _strip_span(ctx.text, start, _tok_end(x.right_edge)), x
    elif (
        (lemma in COGNITION_VERBS or lemma in INTENT_VERBS)
        and lemma not in SPEECH_VERBS
        and lemma not in STANCE_VERBS
        and lemma not in PREP_CONTENT_VERBS
    ):
        return None, None
    else:
        xcomp = _children(cue, "xcomp")
        if lemma in _NAMING_VERBS:
            # "called Trump “unhinged”": whom, and what they were called.
            obj = [c for c in _children(cue, "dobj") if c.i > cue.i]
            pred = [c for c in _children(cue, "oprd", "ccomp", "xcomp") if c.i > cue.i]
            if obj and not pred:
                # the parser often takes the name for an apposition: "called the senator a liar"
                # ("called the issue of security “a priority”": on the object's own noun)
                pred = [c for c in obj[0].subtree if c.dep_ == "appos"][:1]
            if pred and (not obj or obj[0].i < pred[-1].i):
                # "called Trump “very flexible”" may come as two predicates: whom, then what
                start = (obj[0] if obj else pred[0]).left_edge.idx
                return _strip_span(ctx.text, start, _tok_end(pred[-1].right_edge)), pred[-1]
            named = _called_in_quotes(ctx, cue)
            if named is not None:
                return named
        preps = [
            c
            for c in cue.children
            if c.dep_ == "prep" and c.lower_ in ("for", "on", "against") and c.i > cue.i
        ]
        dobj = [c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i]
        addressee = [c for c in _children(cue, "dobj") if c.i > cue.i]
        if (
            xcomp
            and xcomp[0].i > cue.i
            and addressee
            and lemma in _DIRECTIVE_VERBS
            and addressee[0].i < xcomp[0].i
        ):
            # "urged all parties to exercise restraint": whom and what, together.
            return _strip_span(
                ctx.text, addressee[0].left_edge.idx, _tok_end(xcomp[0].right_edge)
            ), xcomp[0]
        for_clause = [
            c
            for c in _children(cue, "advcl")
            if c.i > cue.i and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
        ]
        if xcomp and xcomp[0].i > cue.i:
            head = xcomp[0]
        elif for_clause and lemma in _DIRECTIVE_VERBS | _FOR_VERBS:
            # "called for all candidates to lay out their plans": who is to do what.
            x = for_clause[0]
            mark = next(m for m in x.children if m.dep_ == "mark" and m.lower_ == "for")
            return _strip_span(ctx.text, _tok_end(mark), _tok_end(x.right_edge)), x
        elif preps and lemma in _DIRECTIVE_VERBS | {
            "call",
            "appeal",
            "press",
            "push",
            "plead",
            "argue",
            "campaign",
        }:
            pobj = _children(preps[0], "pobj")
            if pobj:
                # "called for engagement by all parties to help defuse it": the rest of the clause
                after = [
                    c
                    for c in cue.children
                    if c.i > preps[0].i and c.dep_ not in ("punct", "cc", "conj", "parataxis")
                ]
                start = pobj[0].left_edge.idx
                end = _tok_end((after[-1] if after else pobj[0]).right_edge)
                return _strip_span(ctx.text, start, end), pobj[0]
        elif addressee and lemma in _DIRECTIVE_VERBS and lemma != "call":
            # "cautioned all parties to ...", parsed loosely: whom, and all that follows in the clause.
            end_tok = cue.right_edge
            while end_tok.i > addressee[0].i and (
                end_tok.is_punct and end_tok.text not in ALL_MARKS
            ):
                end_tok = end_tok.doc[end_tok.i - 1]
            return _strip_span(ctx.text, addressee[0].left_edge.idx, _tok_end(end_tok)), addressee[
                0
            ]
        elif (
            dobj
            and (
                lemma in OBJECT_CONTENT_VERBS
                or lemma in STANCE_VERBS
                or (lemma in SPEECH_VERBS and lemma not in _ADDRESSEE_VERBS)
            )
            and lemma
            not in (
                "ask",
                "tell",
                "urge",
                "call",
            )
        ):
            head = dobj[0]
            # "expressed concern over X": the object's prepositions belong to the content,
            # as do the verb's own following prepositional phrases ("for peace and stability").
            end_tok = head.right_edge
            for c in cue.children:
                if c.i > head.i and c.dep_ == "prep":
                    end_tok = c.right_edge
            return _strip_span(ctx.text, head.left_edge.idx, _tok_end(end_tok)), head
    # Any verb of saying reports its topic through "about" ("asked about the loan", "railed
    # about Washington"); the verbs listed take their own prepositions too.
    preps_ok = PREP_CONTENT_VERBS.get(lemma, ()) + (("about",) if lemma in SPEECH_VERBS else ())
    if head is None and preps_ok:
        for prep in cue.children:
            if prep.dep_ == "prep" and prep.i > cue.i and prep.lower_ in preps_ok:
                pobj = _children(prep, "pobj", "pcomp")
                if pobj and pobj[0].ent_type_ not in ("DATE", "TIME"):
                    return _strip_span(
                        ctx.text, pobj[0].left_edge.idx, _tok_end(pobj[0].right_edge)
                    ), pobj[0]
        if lemma in PREP_CONTENT_VERBS:
            return None, None
    if head is None:
        # "Gen Bajwa, it said, called for ...": a parenthetical cue reports its head clause.
        h = cue.head
        # "As The Post reported, ...", "..., as Sanders proposes": a bare "as"-clause of saying
        # (no object of its own: "as it claims more territory" is something else) reports
        # the clause it hangs on.
        fronted = (
            cue.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") for c in cue.children)
        )
        if (cue.dep_ == "parataxis" or fronted) and h.pos_ in ("VERB", "AUX") and h.i != cue.i:
            start = h.left_edge.idx
            if cue.left_edge.i == h.left_edge.i:
                # "As The Washington Post reported, even if ...": the claim follows the cue's clause.
                start = _tok_end(cue.right_edge)
            return _strip_span(ctx.text, start, _tok_end(h.right_edge)), h
        return None, None
    start, end = head.left_edge.idx, _tok_end(head.right_edge)
    if head.i < cue.i < head.right_edge.i:
        end = cue.left_edge.idx  # an inverted cue inside the clause's span
    elif head.i > cue.i:
        for c in cue.children:
            if (
                c.dep_ == "advcl"
                and c.i > head.right_edge.i
                and any(m.dep_ == "mark" and m.lower_ in ("because", "since") for m in c.children)
            ):
                # "said it did not count them because ...": the reason is part of what was said.
                end = max(end, _tok_end(c.right_edge))
        # "told X that A but (that) B": the parser may hang B on the verb; it is content too.
        for c in cue.children:
            new_speaker = any(x.dep_ == "nsubj" and x.pos_ == "PROPN" for x in c.children)
            if (
                c.dep_ == "conj"
                and c.i > head.right_edge.i
                and not (new_speaker and c.lemma_.lower() in SPEECH_VERBS)
            ):
                gap = ctx.doc[head.right_edge.i + 1 : c.left_edge.i]
                if all(t.dep_ in ("cc", "punct") for t in gap):
                    end = _tok_end(c.right_edge)
    for t in ctx.doc[head.left_edge.i : head.right_edge.i + 1]:
        if (
            t.lower_ == "according"
            and t.idx > start
            and t.i + 1 < len(ctx.doc)
            and ctx.doc[t.i + 1].lower_ == "to"
        ):
            end = min(end, t.idx)  # "..., according to the ISPR DG" is the relay, not the content
            break
    return _strip_span(ctx.text, start, end), head


def _clause_minus(ctx: _Ctx, sent: Any, a_s: int, a_e: int) -> tuple[int, int]:
    """The sentence's clause without the attribution phrase at [a_s, a_e): the larger side,
    or the whole clause when the phrase stands in its middle."""
    s, e = sent.start_char, sent.end_char
    if s < a_s - 2 and a_e < e - 2 and ctx.text[s:a_s].strip() and ctx.text[a_e:e].strip(" .\n"):
        return _strip_span(ctx.text, s, e)
    if a_s - s >= e - a_e:
        return _strip_span(ctx.text, s, a_s)
    return _strip_span(ctx.text, a_e, e)


def _phrase_frame(ctx: _Ctx, sent: Any, tok: Any) -> _Frame | None:
    """ "In X's view, ...", "in the opinion of X", "in a new poll, ...": a holder (a person or
    an evidence source) and the clause the phrase qualifies. Cue "in view" / "in poll"."""
    if tok.dep_ != "prep" or _in_quote(ctx, tok.idx) is not None:
        return None
    clause = tok.head
    if clause.pos_ not in ("VERB", "AUX") or clause.lemma_.lower() in SPEECH_VERBS:
        return None  # "said in a statement": the phrase is the channel, not a cue
    pobj = _children(tok, "pobj")
    if not pobj:
        return None
    noun = pobj[0]
    nl = noun.lemma_.lower()
    holder = None
    if nl in VIEW_NOUNS:
        poss = _children(noun, "poss")
        of = [p for c in _children(noun, "prep") if c.lower_ == "of" for p in _children(c, "pobj")]
        holder = poss[0] if poss else (of[0] if of else None)
    elif (
        nl in EVIDENCE_NOUNS
        and nl not in ("record", "records", "figure", "figures")
        and noun.tag_ not in ("NNS", "NNPS")
    ):
        # "in a new poll, ..." names one source; "mired in single digits in the polls"
        # is the general standing, no attribution.
        holder = noun
    if holder is None:
        return None
    content = _clause_minus(ctx, sent, tok.idx, _tok_end(tok.right_edge))
    return _Frame(tok, f"in {nl}", holder, content, clause)


# Verbs whose subject receives a stance rather than holds it: "won the support of unions",
# "drew criticism", "faces questions about".
_RECEIVING_VERBS = frozenset(
    "win get receive gain earn lose secure seek court draw attract face field answer "
    "dodge deflect take need want enjoy garner".split()
)


def _light_verb_holder(ctx: _Ctx, tok: Any) -> Any | None:
    """ "Rubio had strong views on ...", "Trump made the assertion that ...": the subject of
    the verb that has, voices or makes the stance noun holds it (unless it receives it)."""
    if tok.dep_ != "dobj" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    if tok.head.lemma_.lower() in _RECEIVING_VERBS:
        return None
    subj = _subject(tok.head, ctx.text)
    if subj is not None and (
        subj.pos_ in ("PROPN", "NOUN") or subj.lower_ in PERSON_PRONOUNS | {"they"}
    ):
        return subj
    return None


_SAME_PERSON = {"his": "he", "her": "she", "their": "they"}


def _nominal_frame(ctx: _Ctx, tok: Any) -> _Frame | None:
    """ "Trump's claim that ...", "a warning from the senator that ...": the noun is the cue."""
    clause = next(
        (
            c
            for c in tok.children
            if c.dep_ in ("acl", "ccomp", "appos")
            and c.i > tok.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    holder = next((c for c in tok.children if c.dep_ == "poss"), None)
    if holder is not None and holder.lower_ in ("his", "her", "their"):
        # "Trump repeated his promise to ...": the subject of the verb that governs the noun
        # is the holder's own mention in this clause.
        gov = tok.head if tok.dep_ in ("dobj", "nsubj", "nsubjpass") else None
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            gov = tok.head.head
        if gov is not None and gov.pos_ in ("VERB", "AUX"):
            subj = _subject(gov, ctx.text)
            plural = subj is not None and subj.tag_ in ("NNS", "NNPS")
            if subj is not None and subj.pos_ == "PRON" and subj.i < holder.i:
                # "He laid out his plan for ...": the subject pronoun of the same person
                # voices the noun it governs (not one in a phrase: "angered them with his
                # comments" keeps "his")
                if tok.dep_ == "dobj" and _SAME_PERSON.get(holder.lower_) == subj.lower_:
                    holder = subj
            elif (
                subj is not None
                and subj.i < holder.i
                and subj.pos_ in ("PROPN", "NOUN")
                # the subject must be whom the pronoun can stand for: "Republicans distanced
                # themselves from his suggestion" leaves "his" someone else
                and plural == (holder.lower_ == "their")
            ):
                holder = subj
    if clause is None:
        # "Sanders's support for the bill": a stance noun, its holder and its object.
        lemma = tok.lemma_.lower()
        prep = next(
            (
                c
                for c in tok.children
                if c.dep_ == "prep"
                and c.lower_ in ("for", "of", "on", "against", "about", "to")
                and c.i > tok.i
            ),
            None,
        )
        pobj = _children(prep, "pobj", "pcomp") if prep is not None else []
        if not pobj:
            # "Trump's proposal to ban ...": an infinitive after the noun is its content.
            pobj = [
                c
                for c in tok.children
                if c.dep_ == "acl" and c.i > tok.i and any(a.lower_ == "to" for a in c.lefts)
            ]
        if not pobj and tok.dep_ == "dobj":
            # "launched an attack against Obama": the phrase may hang on the light verb.
            prep = next(
                (
                    c
                    for c in tok.head.children
                    if c.dep_ == "prep"
                    and c.lower_ in ("for", "on", "against", "about")
                    and c.i > tok.i
                ),
                None,
            )
            pobj = _children(prep, "pobj", "pcomp") if prep is not None else []
        if holder is None:
            holder = _light_verb_holder(ctx, tok)
        if lemma not in NOMINAL_STANCE or holder is None or not pobj:
            return None
        if holder.lower_ in FIRST_PERSON | {"its", "their", "your"}:
            return None
        content = _strip_span(ctx.text, pobj[0].left_edge.idx, _tok_end(pobj[0].right_edge))
        return _Frame(tok, tok.text, holder, content, pobj[0])
    if holder is None:
        holder = next(
            (
                p
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in ("by", "from", "of") and c.i < clause.i
                for p in _children(c, "pobj")
            ),
            None,
        )
    if holder is None:
        holder = _light_verb_holder(ctx, tok)
    if holder is None:
        return None  # "the claim that ...": no one to attribute it to
    content = _strip_span(ctx.text, clause.left_edge.idx, _tok_end(clause.right_edge))
    return _Frame(tok, tok.text, holder, content, clause)


def _passive_by_agent(ctx: _Ctx, tok: Any, lemma: str) -> _Frame | None:
    """ "The meeting was first reported by Politico", "her stance was echoed by X": a passive
    verb of saying with a "by"-agent reports its subject, and the agent speaks."""
    if lemma not in SPEECH_VERBS or lemma in _ADDRESSEE_VERBS:
        return None
    agent = next((p for c in _children(tok, "agent") for p in _children(c, "pobj")), None)
    subj = next(iter(_children(tok, "nsubjpass")), None)
    if agent is None or subj is None or subj.i > tok.i or subj.pos_ == "PRON":
        return None
    content = _strip_span(ctx.text, subj.left_edge.idx, _tok_end(subj.right_edge))
    return _Frame(tok, tok.text, agent, content, subj)


# Adjectives of attitude that take the held proposition as a that-clause: "voters are
# confident that ...", "aides were worried that ...".
# Adjectives of stance toward an object named by a preposition right after them ("critical
# of the deal", "skeptical about the plan", "loyal to Clinton"): the copula's subject holds
# the stance, as with "criticized the deal".
_STANCE_ADJECTIVES = frozenset(
    """
    critical skeptical sceptical wary proud worried concerned angry upset furious tired fond
    appreciative supportive dismissive optimistic pessimistic confident hopeful doubtful
    enthusiastic frustrated unhappy disappointed loyal hostile opposed sympathetic
    """.split()
)
_STANCE_PREPS = frozenset("of about at with to on over toward towards".split())

# Nouns for someone by the stance they hold toward an object with "of" ("a fierce supporter
# of Cruz", "is an outspoken critic of the deal"): the person described holds the stance.
_STANCE_HOLDER_NOUNS = frozenset(
    """
    supporter critic opponent proponent advocate champion backer defender detractor
    """.split()
)


def _stance_holder_noun(ctx: _Ctx, tok: Any) -> _Frame | None:
    """ "X is a supporter of Y" / "X, a critic of Y, ...": X holds a stance toward Y."""
    if _in_quote(ctx, tok.idx) is not None:
        return None
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = _children(prep, "pobj", "pcomp") if prep is not None else []
    if not pobj:
        return None
    if tok.dep_ == "attr":
        holder = _subject(tok.head, ctx.text) if tok.head.i != tok.i else None
    else:
        holder = tok.head if tok.head.pos_ in ("PROPN", "NOUN", "PRON") else None
    if holder is None or holder.i > tok.i:
        return None
    if holder.lower_ in FIRST_PERSON | {"you", "it", "this", "that", "there", "what", "which"}:
        return None
    content = _strip_span(ctx.text, pobj[0].left_edge.idx, _tok_end(pobj[0].right_edge))
    return _Frame(tok, tok.text, holder, content, pobj[0])


_ATTITUDE_ADJECTIVES = frozenset(
    """
    confident aware sure certain convinced doubtful skeptical sceptical fearful worried
    concerned optimistic pessimistic hopeful adamant insistent shocked surprised
    disappointed upset angry furious pleased happy glad proud afraid
    """.split()
)


def _attitude_adjective(ctx: _Ctx, tok: Any) -> _Frame | None:
    """ "X is confident that Y": the subject of the copula holds Y. Only with a that-clause
    or a bare clause, and a holder that is no expletive ("it is certain that" is the
    writer's own claim)."""
    if _in_quote(ctx, tok.idx) is not None:
        return None
    clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    if clause is None or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        # "X has been critical of Y", "is skeptical about Y": the stance and its object
        clause = None
        if tok.lower_ in _STANCE_ADJECTIVES:
            prep = next(
                (
                    c
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ in _STANCE_PREPS and c.i == tok.i + 1
                ),
                None,
            )
            pobj = _children(prep, "pobj", "pcomp") if prep is not None else []
            clause = pobj[0] if pobj else None
        if clause is None:
            return None
    subj = _subject(tok.head, ctx.text) if tok.head.i != tok.i else None
    if subj is None or subj.i > tok.i or subj.lower_ in ("it", "this", "that", "there", "what"):
        return None
    if subj.lower_ in FIRST_PERSON | {"you"}:
        return None
    content = _strip_span(ctx.text, clause.left_edge.idx, _tok_end(clause.right_edge))
    return _Frame(tok, tok.text, subj, content, clause)


_REPLY_GAP = re.compile(
    r"[ \t]*(?:[A-Z][\w.'’-]*|he|she|they|we|I)(?:[ \t]+[A-Z][\w.'’-]*){0,3}[ \t]+$"
)


def _short_reply(ctx: _Ctx, q: QuoteSpan, fr: _Frame) -> bool:
    """A one- or two-word quote that is a reply, not a scare quote: closed by a comma, "!" or
    "?" inside its marks and followed by its speaker and verb ('“Denver,” he answered.'), or
    given right after a verb of saying and a comma or colon ('... and said, “No.”')."""
    text = ctx.text
    inner = text[q.start : q.end].rstrip()
    if not q.closed:
        return False
    if fr.cue.idx >= q.outer_end:
        return inner[-1:] in (",", "!", "?") and bool(
            _REPLY_GAP.match(text, q.outer_end, fr.cue.idx)
        )
    gap = text[_tok_end(fr.cue) : q.open_at]
    # ('a man yelled “Stay there!”': a whole exclamation or question needs no comma)
    return (
        fr.cue.idx < q.open_at
        and (gap.strip() in (",", ":") or (not gap.strip() and inner[-1:] in ("!", "?")))
        and inner[-1:] in (".", "!", "?")
    )


def _without_trailing_aside(ctx: _Ctx, head: Any, s: int, e: int) -> int:
    """End of a noun-phrase content without the writer's trailing aside about it: a
    non-restrictive relative clause set off by a comma ("praised Franklin Graham, who has
    vowed ...") describes the object in the writer's words; it is not what was praised.
    (A trailing apposition is left in: annotators keep it about as often as not.)"""
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return e
    node = head
    while True:  # the last conjunct carries the trailing aside ("X and Y, who ...")
        conj = [c for c in node.children if c.dep_ == "conj" and c.i > node.i]
        if not conj:
            break
        node = conj[-1]
    for c in node.children:
        if c.dep_ != "relcl" or c.i <= node.i:
            continue
        left = c.left_edge
        if left.i == 0 or left.doc[left.i - 1].text != ",":
            continue
        if left.lower_ not in ("who", "which", "whose", "whom"):
            continue
        if _tok_end(c.right_edge) >= e - 1 and left.idx > s:
            return _strip_span(ctx.text, s, left.doc[left.i - 1].idx)[1]
    return e


def _names_speaker(fr: _Frame, q: QuoteSpan) -> bool:
    """Whether the quote ``q`` stands inside the noun phrase of the frame's speaker, before its
    head, while the cue stands outside it."""
    if fr.speaker_tok is None or q.open_at <= fr.cue.idx < q.outer_end:
        return False
    head = fr.speaker_tok
    while head.dep_ in ("compound", "amod", "nmod", "poss") and head.head.i != head.i:
        head = head.head
    s, e = head.left_edge.idx, _tok_end(head.right_edge)
    # (a modifier between the phrase's first word and its head: the parse may also hang a
    # whole quote before the verb on its speaker's name, which this leaves alone)
    inside_np = s < q.open_at and q.outer_end <= head.idx < e
    if fr.cue_text == "according to":
        # 'according to the “Medicare for all” document', however the parse splits the phrase
        to = fr.cue.doc[fr.cue.i + 1]
        return inside_np or fr.cue.idx < q.open_at and q.end <= _tok_end(to.right_edge)
    return inside_np


def _parenthetical_aside(
    ctx: _Ctx, tok: Any, lemma: str
) -> tuple[Any, tuple[int, int], Any] | None:
    """ "Voters, Smith argues, want change", "Democrats, Frank notes, applaud ...": a cue set
    off by commas inside the clause it reports, which the parser may give two subjects (the
    clause's and the speaker's) or read as an apposition of the clause's subject. The name
    right before the verb speaks; the whole clause, aside included, is what was said."""
    doc = tok.doc
    if lemma not in SPEECH_VERBS or tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ",":
        return None
    if tok.dep_ == "parataxis":
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
        if len(subjects) < 2:
            return None
        speaker, opener = subjects[-1], subjects[0]
        if speaker.right_edge.i != tok.i - 1 or not any(
            t.text == "," for t in doc[opener.right_edge.i + 1 : speaker.left_edge.i]
        ):
            return None
        clause = tok.head
    elif tok.dep_ == "appos" and tok.tag_ in ("VBZ", "VBD"):
        speaker = next(
            (c for c in tok.children if c.i == tok.i - 1 and c.pos_ in ("PROPN", "NOUN", "PRON")),
            None,
        )
        opener = tok.head
        if speaker is None or opener.dep_ not in ("nsubj", "nsubjpass"):
            return None
        if doc[speaker.left_edge.i - 1].text != ",":
            return None
        clause = opener.head
    else:
        return None
    if clause.pos_ not in ("VERB", "AUX") or clause.i < tok.i:
        return None
    start, end = opener.left_edge.idx, _tok_end(clause.right_edge)
    return speaker, _strip_span(ctx.text, start, end), clause


def _framing_verb(ctx: _Ctx, tok: Any) -> _Frame | None:
    """'“France will always be France,” an angry Hollande retaliated.', '“Fantastic!” beamed
    Hartley.': any finite verb that frames a quote closed by a comma, "!" or "?" right before
    its subject (or right before the verb, inverted) and ends the clause is a verb of saying
    there, listed or not."""
    doc = tok.doc
    # (the quote itself may hang on the verb as its clause)
    if any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd") and c.i > tok.i
        for c in tok.children
    ):
        return None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if _closes_quote_after_comma(doc, tok.i - 1):
        # inverted: the speaker right after the verb
        subj = next(
            (
                c
                for c in tok.children
                if c.i > tok.i
                and c.dep_ in ("nsubj", "dobj", "attr", "npadvmod")
                and c.pos_ in ("PROPN", "NOUN")
            ),
            None,
        )
        if subj is None or subj.i - tok.i > 6:
            return None
        return _Frame(tok, tok.text, subj, None, None)
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if subj is None or subj.right_edge.i != tok.i - 1:
        return None
    if not _closes_quote_after_comma(doc, subj.left_edge.i - 1):
        return None
    if nxt is not None and not (nxt.is_punct or nxt.dep_ in ("prep", "advmod", "npadvmod")):
        return None
    if subj.lower_ in FIRST_PERSON | {"you", "it", "this", "that", "which", "who"}:
        return None
    return _Frame(tok, tok.text, subj, None, None)


_CLOSING_MARK_AFTER = re.compile(r"[,!?]\s?(?:''|[”\"»])")


def _closes_quote_after_comma(doc: Any, i: int) -> bool:
    """Whether token ``i`` is a closing double quote mark right after ",", "!" or "?"."""
    if i < 1 or doc[i].text not in _MARK_TOKENS or doc[i].text in ("’", "'", "‘", "“", "«"):
        return False
    return doc[i - 1].text in (",", "!", "?")


_DECLARED_ADJECTIVES = frozenset("clear plain known obvious explicit evident".split())


def _made_clear(ctx: _Ctx, tok: Any) -> _Frame | None:
    """ "X made (it) clear that S", "made known that S": a statement by X of S, however the
    parser hangs the clause (on the adjective, or on the verb, as a clause or an adverbial)."""
    if _in_quote(ctx, tok.idx) is not None:
        return None
    doc = tok.doc
    adj = next(
        (
            c
            for c in tok.children
            if c.i > tok.i and c.lower_ in _DECLARED_ADJECTIVES and c.i - tok.i <= 3
        ),
        None,
    )
    if adj is None:
        return None
    clause = None
    for t in doc[adj.i + 1 : min(len(doc), adj.i + 10)]:
        if t.is_sent_start or t.text in (";", ":") or t.text in _MARK_TOKENS:
            break
        if t.pos_ in ("VERB", "AUX") and t.head.i in (adj.i, tok.i) and t.dep_ != "conj":
            clause = t
            break
    if clause is None or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return None
    subj = _subject(tok, ctx.text)
    if subj is not None and subj.lower_ == "it" and subj.head.i == adj.i:
        subj = None  # "made it clear": the "it" is the clause's placeholder, not the speaker
    if subj is None:
        subj = next(
            (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None
        )
    if subj is None or subj.lower_ in FIRST_PERSON | {"you", "it", "this", "that"}:
        return None
    start = clause.left_edge.idx
    if start <= adj.idx:
        start = _tok_end(adj)
    content = _strip_span(ctx.text, start, _tok_end(clause.right_edge))
    # (a time phrase between the adjective and "that" is no part of what was said)
    that = next((t for t in doc[adj.i + 1 : clause.i] if t.lower_ == "that"), None)
    if that is not None:
        content = _strip_span(ctx.text, that.idx, content[1])
    return _Frame(
        tok,
        f"{tok.text} {'it ' if doc[adj.i - 1].lower_ == 'it' else ''}{adj.text}",
        subj,
        content,
        clause,
    )


# Contractions with a typographic apostrophe ("It’s", "they’re") get no proper lemma, so "It’s true that ..." would read as a verb of its own with "It" holding the clause.
_CURLY_CLITICS = {"’s": "be", "’re": "be", "’m": "be", "’ve": "have", "’d": "would", "’ll": "will"}


def _lemma(tok: Any) -> str:
    """The token's lemma, lowercased; the tagger lemmatises "hopes" as "hop"."""
    lemma = tok.lemma_.lower()
    if lemma[:1] == "’":
        return _CURLY_CLITICS.get(tok.lower_, lemma)
    if lemma == "hop" and tok.lower_.startswith("hope"):
        return "hope"
    return lemma


_NOT_ATTITUDE = frozenset(
    "be have do make ensure mean seem appear look sound become get let help go come take put keep "
    "happen matter turn prove".split()
)


def _clausal_attitude(tok: Any) -> bool:
    """Any other verb whose subject holds a that-clause: "she conceded that ...", "critics
    charge that ...". PolNeAR counts these as attributions; the cue keeps the verb."""
    if tok.pos_ != "VERB" or _lemma(tok) in _NOT_ATTITUDE:
        return False
    comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    if comp is None:
        return False
    has_mark = any(
        c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in comp.children
    )
    return has_mark and any(c.dep_ in ("nsubj", "nsubjpass") for c in comp.children)


# Adjectives that a thing named "it" (a company, a body) can be ("it was ready to announce").
_AGENT_ADJECTIVES = frozenset(
    """
    eager ready willing unwilling quick slow able unable prepared keen reluctant happy glad
    anxious careful first last quick set poised determined
    """.split()
)


def _expletive_adjective(tok: Any) -> bool:
    """Whether the infinitive ``tok`` hangs on "it is ADJ" ("it's important to remember",
    "it is fair to say"): the writer's aside with an expletive "it"."""
    adj = (
        tok.head
        if tok.head.pos_ == "ADJ"
        else next((c for c in tok.head.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
    )
    return adj is not None and adj.lower_ not in _AGENT_ADJECTIVES


_AUTHORED_PIECES = (
    EVIDENCE_NOUNS
    | frozenset(DOC_NOUNS)
    | frozenset(
        "tally tallies calculation calculations interview interviews account accounts".split()
    )
)


def _author_of(tok: Any) -> Any | None:
    """ "according to a report by X", "... a tally by the AP", "... a court document filed
    by X", "... interviews with a dozen officials": the author speaks through the piece."""
    if _lemma(tok) not in _AUTHORED_PIECES:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "with"):
            pobj = _children(c, "pobj")
            if pobj and (
                pobj[0].ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                or pobj[0].lemma_.lower() not in _AUTHORED_PIECES
            ):
                return pobj[0]
        if c.dep_ == "acl" and c.tag_ == "VBN":
            # "a court document filed by the state attorney"
            for agent in _children(c, "agent"):
                pobj = _children(agent, "pobj")
                if pobj:
                    return pobj[0]
    return None


def _frames_in(ctx: _Ctx, sent: Any) -> list[_Frame]:
    frames: list[_Frame] = []
    # (an unlisted verb frames a quote only where a quote mark closes: most sentences have none)
    # (the parse may end the sentence right after the mark: look a few characters back)
    closes_quote = (
        _CLOSING_MARK_AFTER.search(ctx.text, max(0, sent.start_char - 4), sent.end_char) is not None
    )
    for tok in sent:
        lemma = _lemma(tok)
        phrase = _phrase_frame(ctx, sent, tok) if tok.lower_ == "in" else None
        if phrase is not None:
            frames.append(phrase)
            continue
        if tok.tag_ == "NNS" and lemma in SPEECH_VERBS and tok.i >= 2:
            # '“...,” Bozell answers.': a present-tense cue after a quote and a name, which
            # the tagger read as a plural noun ("Bozell answers" as a compound).
            name = ctx.doc[tok.i - 1]
            if (
                name.pos_ == "PROPN"
                and _closes_quote_before(name)
                and (tok.i + 1 == len(ctx.doc) or ctx.doc[tok.i + 1].is_punct)
            ):
                frames.append(_Frame(tok, tok.text, name, None, None))
                continue
        if (
            tok.pos_ == "NOUN"
            and (lemma in NOMINAL_CUES or lemma in NOMINAL_STANCE)
            and _in_quote(ctx, tok.idx) is None
        ):
            nominal = _nominal_frame(ctx, tok)
            if nominal is not None:
                frames.append(nominal)
            continue
        if (
            tok.lower_ == "according"
            and tok.i + 1 < len(ctx.doc)
            and ctx.doc[tok.i + 1].lower_ == "to"
        ):
            to = ctx.doc[tok.i + 1]
            pobj = _children(to, "pobj")
            if not pobj:
                continue
            clause = tok.head if tok.head.i != tok.i else None
            # "Clinton leads by 271 delegates according to a count by ...": the phrase may
            # hang on a noun; the claim is the clause of the verb above it.
            for _ in range(4):
                if clause is None or clause.pos_ in ("VERB", "AUX") or clause.head.i == clause.i:
                    break
                clause = clause.head
            content = None
            if clause is not None and clause.pos_ in ("VERB", "AUX"):
                s, e = sent.start_char, sent.end_char
                a_s, a_e = tok.idx, _tok_end(to.right_edge)
                # The clause minus the "according to X" phrase: keep the larger side.
                if a_s - s >= e - a_e:
                    content = _strip_span(ctx.text, s, a_s)
                else:
                    content = _strip_span(ctx.text, a_e, e)
                # Mid-clause phrase ("The attack was, according to X, ordered by Y"): whole clause.
                if (
                    s < a_s - 2
                    and a_e < e - 2
                    and ctx.text[s:a_s].strip()
                    and ctx.text[a_e:e].strip(" .\n")
                ):
                    content = _strip_span(ctx.text, s, e, own_source=True)
            source = _author_of(pobj[0]) or pobj[0]
            frames.append(_Frame(tok, "according to", source, content, clause))
            continue
        if (
            lemma in ("continue", "go")
            and tok.pos_ == "VERB"
            and not _children(tok, "xcomp", "dobj", "prep", "advcl")
            and all(_in_quote(ctx, c.idx) is not None for c in _children(tok, "ccomp"))
        ):
            # "“...,” the statement continued." / "“...,” he went on.": only as a bare attribution
            subj = _subject(tok, ctx.text)
            if subj is not None and (lemma == "continue" or _children(tok, "prt")):
                frames.append(_Frame(tok, tok.text, subj, None, None))
            continue
        if (
            lemma == "put"
            and any(c.lower_ == "it" and c.dep_ == "dobj" for c in tok.children)
            and any(c.lower_ == "as" and c.dep_ in ("mark", "advmod") for c in tok.children)
            and _in_quote(ctx, tok.idx) is None
        ):
            # "As the prosecutor put it, “...”": the phrasing is the speaker's, the words
            # are the quote beside it.
            subj = _subject(tok, ctx.text)
            if subj is not None:
                frames.append(_Frame(tok, "put it", subj, None, None))
            continue
        if lemma == "make" and tok.pos_ in ("VERB", "AUX"):
            declared = _made_clear(ctx, tok)
            if declared is not None:
                frames.append(declared)
                continue
        if tok.pos_ == "NOUN" and lemma in _STANCE_HOLDER_NOUNS and tok.dep_ in ("attr", "appos"):
            held = _stance_holder_noun(ctx, tok)
            if held is not None:
                frames.append(held)
            continue
        if tok.dep_ == "acomp" and (
            lemma in _ATTITUDE_ADJECTIVES or tok.lower_ in _STANCE_ADJECTIVES
        ):
            adj = _attitude_adjective(ctx, tok)
            if adj is not None:
                frames.append(adj)
            continue
        if tok.dep_ == "amod":
            continue  # "271 pledged delegates", "a declared candidate": an adjective, not a cue
        if (
            closes_quote
            and tok.pos_ == "VERB"
            and tok.tag_ in ("VBD", "VBZ")
            and lemma not in SPEECH_VERBS
            and lemma not in _NOT_ATTITUDE
        ):
            framing = _framing_verb(ctx, tok)
            if framing is not None:
                frames.append(framing)
                continue
        if tok.pos_ not in ("VERB", "AUX") or (
            lemma not in SPEECH_VERBS
            and lemma not in COGNITION_VERBS
            and lemma not in INTENT_VERBS
            and lemma not in STANCE_VERBS
            and lemma not in PREP_CONTENT_VERBS
            and lemma not in _AS_VERBS
            and not _clausal_attitude(tok)
        ):
            continue
        if _in_quote(ctx, tok.idx) is not None:
            continue  # inside a direct quote: the quote's own words, not an attribution of the article
        if (
            tok.dep_ == "pcomp"
            and tok.head.lower_ == "as"
            and tok.head.head.lemma_.lower() == "quote"
        ):
            continue  # "quoted X as saying": the "quote" frame speaks for both
        if lemma == "quote":
            # "X was quoted as saying (that) ...": the content hangs on "saying".
            q_content, q_head = None, None
            for prep in _children(tok, "prep"):
                for pc in _children(prep, "pcomp"):
                    q_content, q_head = _content_from(ctx, pc)
            dobj = _children(tok, "dobj")
            if dobj:  # "he quoted General Bajwa as saying"
                frames.append(
                    _Frame(
                        tok, tok.text, dobj[0], q_content, q_head, via_tok=_subject(tok, ctx.text)
                    )
                )
            else:
                subj = _children(tok, "nsubjpass")
                agent = [p for c in _children(tok, "agent") for p in _children(c, "pobj")]
                frames.append(
                    _Frame(
                        tok,
                        tok.text,
                        subj[0] if subj else None,
                        q_content,
                        q_head,
                        via_tok=agent[0] if agent else None,
                        passive_quote=not agent,
                    )
                )
            continue
        if _children(tok, "nsubjpass") and lemma not in ("quote",):
            passive = _passive_by_agent(ctx, tok, lemma)
            if passive is not None:
                frames.append(passive)
            if lemma != "report" or passive is not None:
                continue  # "he was told that ...": the subject is the addressee, not the speaker
        content, chead = _content_from(ctx, tok)
        subj = _subject(tok, ctx.text)
        named_at = None
        aside = _parenthetical_aside(ctx, tok, lemma)
        if aside is not None:
            subj, content, chead = aside
        if subj is not None and subj.i < tok.i:
            # "Clinton, a top aide said, “is very confident ...”": a parenthetical cue whose
            # parsed subject carries the real speaker as an apposition right before the verb;
            # the subject itself opens what was said.
            appos = next(
                (
                    c
                    for c in subj.children
                    if c.dep_ == "appos" and c.right_edge.i == tok.i - 1 and c.i > subj.i
                ),
                None,
            )
            if (
                appos is not None
                and lemma in SPEECH_VERBS
                and ctx.doc[appos.left_edge.i - 1].text == ","
                and tok.i + 1 < len(ctx.doc)
                and ctx.doc[tok.i + 1].text == ","
            ):
                opener = subj
                subj = appos
                # (named here, not bound to the name it was parsed as describing)
                named_at = _np_bounds(appos)
                if content is not None and content[0] > opener.idx:
                    content = (opener.left_edge.idx, content[1])
        if (
            subj is not None
            and subj.lower_ == "it"
            and tok.dep_ == "xcomp"
            and _expletive_adjective(tok)
        ):
            continue  # "It's important to remember that ...": the writer's own aside
        if (
            subj is not None
            and content is not None
            and tok.idx < content[0] <= subj.idx < content[1]
        ):
            # A misparse that takes the reported clause's own subject for the speaker ("the
            # Daily News suggested the attacks highlight ..."): whoever stands before the cue.
            # (a proper noun counts there even when the tagger missed the name)
            subj = _name_before(tok) or _name_before(tok, any_propn=True) or subj
        if (
            (lemma in COGNITION_VERBS or lemma in INTENT_VERBS or lemma not in SPEECH_VERBS)
            and lemma not in SPEECH_VERBS
            and (content is None or subj is None or subj.lower_ in FIRST_PERSON | {"you"})
        ):
            continue  # beliefs and wishes need a holder: "I think so" is no attribution
        cue_text = tok.text
        if lemma in ("call", "point") and any(
            c.dep_ in ("prt", "prep") and c.i == tok.i + 1 for c in tok.children
        ):
            cue_text = f"{tok.text} {ctx.doc[tok.i + 1].text}"
        if named_at is not None:
            subj = None  # spoken by the words at ``named_at`` themselves, bound to no one
        frames.append(
            _Frame(
                tok,
                cue_text,
                subj,
                content,
                chead,
                speaker_span=named_at,
                unbound=named_at is not None,
            )
        )
    _clip_sibling_cues(ctx, frames)
    for fr in frames:
        fr.channel = _frame_channel(ctx, fr)
    return frames


_TRAILING_LINK = re.compile(r"(?:[\s,;:—–-]|\b(?:and|but|or|yet|while|then)\b)+$", re.I)


def _clip_sibling_cues(ctx: _Ctx, frames: list[_Frame]) -> None:
    """End a frame's content where a second cue of the same speaker begins.

    "Carson said he plans X, insisting that Y" and "Trump said X but agreed that Y" are two
    attributions: a reporting verb coordinated with the cue, or a participle hanging on the
    reported clause with no subject of its own, starts a statement of its own.
    """
    for fr in frames:
        if fr.content is None or fr.content_head is None or fr.cue.pos_ not in ("VERB", "AUX"):
            continue
        s, e = fr.content
        cut = None
        for g in frames:
            c = g.cue
            if g is fr or c.pos_ not in ("VERB", "AUX") or not (s < c.idx < e):
                continue
            if c.i <= fr.content_head.i:
                continue
            own_subj = any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
            on_cue, on_head = c.head.i == fr.cue.i, c.head.i == fr.content_head.i
            if c.dep_ == "conj" and (
                on_cue or (on_head and not own_subj and _lemma(c) in SPEECH_VERBS)
            ):
                pass
            elif c.dep_ == "advcl" and (on_cue or on_head) and c.tag_ == "VBG" and not own_subj:
                pass
            else:
                continue
            if not own_subj and fr.speaker_tok is not None:
                g.speaker_tok = fr.speaker_tok  # no subject of its own: the first cue's speaker
            at = c.left_edge.idx
            if cut is None or at < cut:
                cut = at
        if cut is None:
            continue
        m = _TRAILING_LINK.search(ctx.text, s, cut)
        end = m.start() if m else cut
        if end - s >= 2:
            fr.content = _strip_span(ctx.text, s, end)


def _frame_channel(ctx: _Ctx, fr: _Frame) -> str:
    cue = fr.cue
    lemma = cue.lemma_.lower()
    if lemma == "tweet":
        return "tweet"
    pieces = []
    if fr.cue_text == "according to":
        pieces.append(ctx.text[cue.idx : _tok_end(ctx.doc[cue.i + 1].right_edge)])
    else:
        holders = [cue]
        if cue.dep_ in ("advcl", "conj", "xcomp") and cue.head.i != cue.i:
            holders.append(cue.head)  # "mentioned it in a Twitter post, saying ..."
        for h in holders:
            for child in h.children:
                if child.dep_ not in ("prep", "advcl", "npadvmod", "dobj", "dative", "agent"):
                    continue
                if fr.content_head is not None and child.i == fr.content_head.i or child == cue:
                    continue
                c_s, c_e = child.left_edge.idx, _tok_end(child.right_edge)
                if fr.content and c_s >= fr.content[0] and c_e <= fr.content[1]:
                    continue
                if _in_quote(ctx, c_s) is not None:
                    continue
                pieces.append(ctx.text[c_s:c_e])
        if fr.speaker_tok is not None and _in_quote(ctx, fr.speaker_tok.idx) is None:
            sp = fr.speaker_tok
            pieces.append(ctx.text[sp.left_edge.idx : _tok_end(sp.right_edge)])
        pieces.append(cue.text)
    return channel_from_text(" ".join(pieces))


# --------------------------------------------------------------------------- extraction


def _tweet_blocks(ctx: _Ctx) -> list[_Cand]:
    """Embedded tweets pasted as text: "<tweet> — Name (@handle) January 3, 2020"."""
    out = []
    text = ctx.text
    for pi, p_start in enumerate(ctx.para_starts):
        p_end = ctx.para_starts[pi + 1] if pi + 1 < len(ctx.para_starts) else len(text)
        chunk = text[p_start:p_end]
        if len(chunk) > 3000 or "@" not in chunk:
            continue
        m = _TWEET_BLOCK.match(chunk.strip())
        if not m:
            continue
        base = p_start + len(chunk) - len(chunk.lstrip())
        s, e = base + m.start("body"), base + m.end("body")
        while e > s and text[e - 1] in " \t":
            e -= 1
        out.append(
            _Cand(
                s,
                e,
                "direct",
                tweet={
                    "name": (base + m.start("name"), base + m.end("name")),
                    "handle": (base + m.start("handle"), base + m.end("handle")),
                },
                sent=_sent_index(ctx, s),
                para=pi,
            )
        )
    return out


_IRREGULAR_PAST = {"said": "say", "says": "say", "wrote": "write", "told": "tell", "spoke": "speak"}
# Verbs that introduce a further quote of the same speaker in the inverted form ("Continued Stone:").
_INVERTED_ONLY = frozenset("continue go".split())


def _reporting_form(word: str) -> bool:
    """Whether a capitalised word is an inflected verb of saying ("Stated", "Adds", "Quipped")."""
    w = word.lower()
    if w in _IRREGULAR_PAST:
        return True
    stems: set[str] = set()
    if w.endswith("ied"):
        stems.add(w[:-3] + "y")
    if w.endswith("ies"):
        stems.add(w[:-3] + "y")
    if w.endswith("ed"):
        stems |= {w[:-2], w[:-1], w[:-3]}  # "noted", "stated", "quipped"
    if w.endswith("s"):
        stems |= {w[:-1], w[:-2]}  # "adds", "stresses"
    return bool(stems & (SPEECH_VERBS | _INVERTED_ONLY))


# A line or sentence opening with a verb of saying, then the speaker, then a colon:
# "Stated Stone:", "Said Mr. Trump:", "Added the senator:".
_INV_START = re.compile(r"(?:^|[.!?][”\"’']?[ \t]+)(?=[A-Z])")
_INV_BODY = re.compile(r"([A-Z][a-z]+)[ \t]+([A-Za-z][^\n:;,]{0,58}?)[ \t]*:")


def _inverted_colon(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """(verb start, speaker start, speaker end) when ``text[start:end]`` (one line, ending in
    a colon) ends with an inverted attribution "Said Trump:"."""
    seg = text[start:end]
    for m in reversed(list(_INV_START.finditer(seg))):
        b = _INV_BODY.fullmatch(seg, m.end())
        if b is None:
            continue
        if not _reporting_form(b.group(1)):
            return None
        words = b.group(2).split()
        if not 1 <= len(words) <= 6:
            return None
        if not (words[0][0].isupper() or words[0].lower() in ("the", "a", "an", "one")):
            return None
        return start + b.start(1), start + b.start(2), start + b.end(2)
    return None


def _inverted_colon_frame(ctx: _Ctx, q: QuoteSpan) -> _Frame | None:
    """“Stated Stone: “...”” / "Said Trump:" then a quote: the verb is the cue and the name
    after it the speaker (the tagger often reads "Stated Stone" as one name)."""
    lo = max(0, q.open_at - 120)
    before = ctx.text[lo : q.open_at].rstrip()
    if not before.endswith(":"):
        return None
    nl = before.rfind("\n", 0, len(before) - 1)
    found = _inverted_colon(ctx.text, lo + nl + 1 if nl >= 0 else lo, lo + len(before))
    if found is None:
        return None
    v_at, s, e = found
    verb = ctx.doc.char_span(v_at, v_at + 1, alignment_mode="expand")
    name = ctx.doc.char_span(s, e, alignment_mode="expand")
    if not verb or not name:
        return None
    head = name.root
    if head.pos_ not in ("PROPN", "NOUN", "PRON") and head.ent_type_ == "":
        return None
    fr = _Frame(verb[0], verb[0].text, head, None, None, speaker_span=(s, e))
    fr.channel = _frame_channel(ctx, fr)
    return fr


# "... - Jeffrey M. Jones: “...”", "More from Blumenthal and Cohen: “...”": a bare name
# (one to five capitalised words, or two names joined by "and") right before a colon.
_NAME_WORD = r"[A-Z][\w.'’-]*"
_NAME_LABEL = re.compile(
    rf"(?:^|[\n.!?]\s+|\s[-—–]+\s*|\bfrom\s+)"
    rf"((?:{_NAME_WORD}\s+){{0,4}}{_NAME_WORD}(?:\s+and\s+(?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD})?)"
    r"\s*:\s*$"
)


_TITLE_BEFORE = re.compile(r"\b[A-Z][a-z]{0,3}\.\s*$")


def _name_label_frame(ctx: _Ctx, q: QuoteSpan) -> _Frame | None:
    """A quote right after a bare name and a colon, as digests and transcripts cite their
    sources ("... - Jeffrey M. Jones: “Gallup's analysis ...”"): the name speaks. Only a
    name the language core recognised as a person or a body."""
    lo = max(0, q.open_at - 80)
    nl = ctx.text.rfind("\n", lo, q.open_at)
    lo = nl + 1 if nl >= 0 else lo
    m = _NAME_LABEL.search(ctx.text, lo, q.open_at)
    if m is None or m.end() != q.open_at and ctx.text[m.end() : q.open_at].strip():
        return None
    s, e = m.span(1)
    if _TITLE_BEFORE.search(ctx.text, max(lo, s - 6), s):
        return None  # "said of Mr. Rubio:": the name ends a clause, after a title
    name = ctx.doc.char_span(s, e, alignment_mode="expand")
    if not name or not any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in name):
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.ent_type_ == "" for t in name):
        return None  # a clause ("Trump said:"), not a label
    colon = ctx.doc.char_span(e, q.open_at, alignment_mode="expand")
    cue = next((t for t in colon if t.text == ":"), None) if colon else None
    if cue is None:
        return None
    fr = _Frame(cue, ":", name.root, None, None, speaker_span=(s, e))
    fr.channel = _frame_channel(ctx, fr)
    return fr


# Headline labels that name a source by its kind: "Poll: Trump leads in Ohio", "Report: ...",
# "Sources: ...". The label speaks, as a name would.
_SOURCE_LABELS = (
    EVIDENCE_NOUNS
    | frozenset(DOC_NOUNS)
    | frozenset("source sources official officials insiders aides experts analysts".split())
)


def _colon_headlines(ctx: _Ctx) -> list[_Cand]:
    """Headline attributions: "Bajwa: Pakistan backs regional peace" or "Pakistan backs
    regional peace: Gen. Bajwa". Only short lines whose short side is a name; a line with a
    closing period ("Rubio: Trump can't be trusted.") only with the name first."""
    out = []
    text = ctx.text
    speakers = _label_speakers(ctx)
    for pi, p_start in enumerate(ctx.para_starts):
        p_end = ctx.para_starts[pi + 1] if pi + 1 < len(ctx.para_starts) else len(text)
        line = text[p_start:p_end].rstrip()
        label = _LABEL.match(line)
        if (
            label is not None
            and label.group(1) in speakers
            and _inverted_colon(text, p_start, p_start + label.end(1) + 1) is None
        ):
            # "Trump: ‘I’m the worst thing ...’", "FALLIN: Well, I think ...": a paragraph
            # opened by a speaker's name and a colon (a headline, a transcript's turn).
            who = (p_start, p_start + label.end(1))
            s, e = _strip_span(text, p_start + label.end(), p_start + len(line))
            if len(_WORD.findall(text[s:e])) >= 3:
                kind = "direct" if text[s : s + 1] in ALL_MARKS else "indirect"
                if kind == "direct":
                    s, e = s + 1, e - 1 if text[e - 1 : e] in ALL_MARKS else e
                out.append(_Cand(s, e, kind, headline=who, sent=_sent_index(ctx, s), para=pi))
                continue
        if not (10 < len(line) < 200) or line.count(": ") != 1 or line[-1:] in ",;":
            continue
        cut = p_start + line.index(": ")
        left, right = (p_start, cut), (cut + 2, p_start + len(line))
        # A title may carry a closing period ("Rubio: Trump can't be trusted."); a sentence
        # ending in a name after a colon ("... a new enemy: Jeb Bush.") is no attribution.
        orders = [(left, right)] if line[-1] in ".?!" else [(left, right), (right, left)]
        if line[-1] in ".?!" and (
            text[left[1] - 1 : left[1]] in ALL_MARKS
            or "http" in line
            or line[: cut - p_start].isupper()
        ):
            continue
        if _inverted_colon(text, left[0], left[1] + 1) is not None:
            continue  # "Said Trump: “...”": the quote's own attribution, not a headline
        for who, what in orders:
            w_words = _WORD.findall(text[who[0] : who[1]])
            c_words = _WORD.findall(text[what[0] : what[1]])
            if not (1 <= len(w_words) <= 5) or len(c_words) < 3:
                continue
            names = [
                e
                for e in ctx.ents
                if e.label_ in ("PERSON", "ORG", "NORP", "GPE")
                and who[0] <= e.start_char
                and e.end_char <= who[1]
            ]
            if (
                not names or sum(len(_WORD.findall(e.text)) for e in names) * 2 < len(w_words)
            ) and not (who == left and len(w_words) == 1 and w_words[0].lower() in _SOURCE_LABELS):
                continue
            s, e = _strip_span(text, *what)
            kind = "direct" if text[s : s + 1] in ALL_MARKS else "indirect"
            if kind == "direct":
                s, e = s + 1, e - 1 if text[e - 1 : e] in ALL_MARKS else e
            out.append(_Cand(s, e, kind, headline=who, sent=_sent_index(ctx, s), para=pi))
            break
    return out


# A paragraph opening with up to four capitalised words and a colon: "Clinton: ...",
# "Bernie Sanders: ...", "TAPPER: ...".
_LABEL = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}): (?=\S)")


def _label_speakers(ctx: _Ctx) -> set[str]:
    """Paragraph labels that name a speaker: the label's last word is a person's or an
    organisation's name elsewhere in the article (a dateline "ISLAMABAD:" names a place;
    "Update:", "Q:" name nothing), or the label opens several paragraphs (a transcript)."""
    labels: dict[str, int] = {}
    spans: list[tuple[int, int]] = []
    for p_start in ctx.para_starts:
        m = _LABEL.match(ctx.text, p_start)
        if m is not None:
            labels[m.group(1)] = labels.get(m.group(1), 0) + 1
            spans.append((p_start, p_start + m.end(1)))
    if not labels:
        return set()
    names: set[str] = set()
    places: set[str] = set()
    for e in ctx.ents:
        if any(a <= e.start_char < b for a, b in spans):
            continue  # the label itself is no evidence
        words = {w.lower() for w in _WORD.findall(e.text)}
        if e.label_ in ("PERSON", "ORG"):
            names |= words
        elif e.label_ in ("GPE", "LOC"):
            places |= words
    out = set()
    for label, n in labels.items():
        last = label.split()[-1].lower().rstrip(".")
        if len(last) < 3 or last in places or label.split()[0].lower() in _NOT_SPEAKER_LABELS:
            continue
        # An all-capitals label once is a dateline ("DAYTON:"); a transcript repeats its own.
        if n >= 2 if label.isupper() else last in names:
            out.add(label)
    return out


_NOT_SPEAKER_LABELS = frozenset(
    "update updated note editor editor’s editor's related watch photo photos video source "
    "correction breaking read see listen analysis opinion exclusive question answer "
    "disclosure advertisement contributing byline the latest still".split()
)


def _headline_speaker(ctx: _Ctx, cand: _Cand) -> _Ref:
    return _span_ref(ctx, *cand.headline)


def _span_ref(ctx: _Ctx, s: int, e: int) -> _Ref:
    """The speaker named by the words ``text[s:e]``: its entity if the core found one."""
    key, name = _entity_key(ctx, s, e)
    ents = [x for x in ctx.ents if s <= x.start_char and x.end_char <= e]
    kind = _ent_kind(ents[0].label_) if ents else "GROUP"
    return _Ref(name or (ents[0].text if ents else ctx.text[s:e].strip()), s, e, kind, key)


def _tweet_speaker(ctx: _Ctx, cand: _Cand) -> _Ref:
    ns, ne = cand.tweet["name"]
    hs, he = cand.tweet["handle"]
    key, name = _entity_key(ctx, hs, he)
    if key is None:
        key, name = _entity_key(ctx, ns, ne)
    text = ctx.text[ns:ne].strip()
    # "Secretary Pompeo": keep the name, not the title, when the tagger found one.
    for ent in ctx.ents:
        if ent.start_char >= ns and ent.end_char <= ne and ent.label_ == "PERSON":
            text = ent.text
            break
    return _Ref(name or text, ns, ne, "PERSON", key, "tweet")


def _split_attributed_tails(
    ctx: _Ctx, quotes: list[QuoteSpan], frames_by_sent: dict[int, list[_Frame]]
) -> list[QuoteSpan]:
    """Split a quote carried over a paragraph break (no closing mark, the next paragraph
    opening with a mark) where its last paragraph closes with an attribution of its own
    (“A,” Rubio said. “B.¶“C,” he continued.): C is a new statement, and B, left open at
    its paragraph's end, goes on with A."""
    out: list[QuoteSpan] = []
    for q in quotes:
        if not q.closed or q.close_at is None:
            out.append(q)
            continue
        nl = ctx.text.rfind("\n", q.start, q.end)
        if nl < 0:
            out.append(q)
            continue
        mark = nl + 1
        while mark < q.end and ctx.text[mark] in " \t\r\n":
            mark += 1
        width = 2 if ctx.text.startswith(("''", "``"), mark) else 1
        if width == 1 and ctx.text[mark : mark + 1] not in ALL_MARKS:
            out.append(q)
            continue
        si = _sent_index(ctx, q.outer_end)
        own = [
            fr
            for k in (si, si + 1)
            for fr in frames_by_sent.get(k, [])
            if fr.relay_of is None
            and q.outer_end <= fr.cue.idx <= q.outer_end + 60
            and not _break_between(ctx, q.outer_end, fr.cue.idx)
            and (fr.content is None or fr.content[0] < fr.cue.idx)
        ]
        head_end = nl
        while head_end > q.start and ctx.text[head_end - 1] in " \t\r\n":
            head_end -= 1
        # Only after an attributed quote in the same paragraph: a quote opening its own
        # paragraph, carried over and attributed at its end, is one statement.
        para = ctx.text.rfind("\n", 0, q.open_at) + 1
        after_quote = bool(out) and out[-1].open_at >= para and out[-1].outer_end <= q.open_at
        if not own or head_end <= q.start or not after_quote:
            out.append(q)
            continue
        out.append(QuoteSpan(q.start, head_end, q.open_at, None, q.double))
        out.append(QuoteSpan(mark + width, q.end, mark, q.close_at, q.double))
    return out


def _colon_frame(ctx: _Ctx, q: QuoteSpan) -> _Frame | None:
    """A quote introduced by a colon after a clause with no verb of saying ("McConnell
    delivered a blunt message to Trump: “It's time ...”", "the board was conclusive in its
    findings: “...”"): the clause's subject speaks, and its verb is the cue."""
    lo = max(0, q.open_at - 4)
    before = ctx.text[lo : q.open_at].rstrip()
    if not before.endswith(":"):
        return None
    at = lo + len(before) - 1
    colon = ctx.doc.char_span(at, at + 1, alignment_mode="expand")
    if colon is None or len(colon) == 0:
        return None
    tok = colon[0]
    if tok.i == 0:
        return None
    verb = ctx.doc[tok.i - 1]
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or _in_quote(ctx, verb.idx) is not None:
        return None
    subj = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.text not in _MARK_TOKENS and not c.is_punct
        ),
        None,
    )
    if subj is None or subj.lower_ in THING_PRONOUNS | {"this", "that", "there", "what"}:
        return None
    if subj.pos_ not in ("PROPN", "PRON") and subj.ent_type_ not in ("PERSON", "ORG", "NORP"):
        lemma = subj.lemma_.lower()
        if lemma not in PERSON_ROLE_NOUNS | ORG_NOUNS:
            return None
    fr = _Frame(verb, verb.text, subj, None, None)
    fr.channel = _frame_channel(ctx, fr)
    return fr


def _inner_speaker_tok(ctx: _Ctx, q: QuoteSpan) -> Any | None:
    """The third-person speaker of a quote that is itself reported speech.

    A press release quoted word for word ("“COAS emphasized the need for restraint”")
    speaks for the army chief; "“I spoke today”" or "“We call upon”" speak for themselves.
    """
    s = _sent_index(ctx, q.start)
    sent = ctx.sents[s]
    root = None
    for t in sent:
        if t.idx < q.start:
            continue
        if t.idx >= q.end:
            break
        if t.head.i == t.i or not (q.start <= t.head.idx < q.end):
            root = t  # the quote's own main word
            break
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    lemma = root.lemma_.lower()
    if lemma not in SPEECH_VERBS or lemma in ("say", "tell", "speak", "talk", "discuss", "add"):
        return None
    subj = _children(root, "nsubj")
    if not subj or subj[0].idx < q.start or subj[0].pos_ == "PRON":
        return None
    # Only a name or a role speaks in a release: in "“The fact that he ... shows ...”" or
    # "“The Gang of Eight agreed ...”" the quote's subject is what the speaker talks about.
    if subj[0].ent_type_ not in ("PERSON", "ORG", "NORP") and subj[0].lemma_.lower() not in (
        PERSON_ROLE_NOUNS | ORG_NOUNS
    ):
        return None
    if lemma in ("agree", "indicate", "question", "wonder", "wish", "signal", "call"):
        return None
    if {t.lower_ for t in subj[0].subtree} & (FIRST_PERSON | {"you"}):
        return None
    return subj[0]


def extract_quotes(doc: Any, article: Article, analysis: ArticleAnalysis) -> list[QuoteMention]:
    """Quotes in one article, with speakers resolved to article-local entity keys where possible.

    ``doc`` is the spaCy parse of ``article.text``; ``analysis`` supplies the language
    core's mentions and entities (may be empty: names then come from ``doc.ents``).
    """
    text = article.text
    if not text.strip() or len(doc) == 0:
        return []
    # A doc without sentence boundaries (no parser, no sentencizer) is one long sentence.
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    para_starts = [0] + [m.end() for m in re.finditer(r"\n+", text)]
    ctx = _Ctx(
        doc=doc,
        text=text,
        analysis=analysis,
        sent_starts=[s.start_char for s in sents],
        sents=sents,
        para_starts=para_starts,
        quote_spans=find_quote_spans(text),
    )
    _index_breaks(ctx)
    ctx.ents = list(doc.ents)
    ctx.ent_starts = [e.start for e in ctx.ents]

    frames: list[_Frame] = []
    frames_by_sent: dict[int, list[_Frame]] = {}
    for si, sent in enumerate(sents):
        fr = _frames_in(ctx, sent)
        frames.extend(fr)
        frames_by_sent[si] = fr
    _link_relays(ctx, frames)

    cands: list[_Cand] = _tweet_blocks(ctx)
    tweet_ranges = [(c.start, c.end) for c in cands]
    headlines = _colon_headlines(ctx)
    tweet_ranges += [(c.start - 1, c.end + 1) for c in headlines]

    # ---- direct quotes: tie each to the nearest frame of its sentence(s)
    quotes = [
        q
        for q in ctx.quote_spans
        if not any(s <= q.start and q.end <= e + 1 for s, e in tweet_ranges)
    ]
    quotes = _split_attributed_tails(ctx, quotes, frames_by_sent)
    inside: dict[int, list[QuoteSpan]] = {}
    for qi, q in enumerate(quotes):
        s_first, s_last = _sent_index(ctx, q.open_at), _sent_index(ctx, max(q.start, q.end - 1))
        best, best_d = None, None
        inverted = _inverted_colon_frame(ctx, q) or _name_label_frame(ctx, q)
        if inverted is not None:
            frames.append(inverted)
            best, best_d = inverted, 0
            for fr in frames_by_sent.get(_sent_index(ctx, inverted.cue.idx), []):
                if fr.cue.i == inverted.cue.i:
                    fr.used = True  # the parse's own reading of the verb: replaced by this one
        if inverted is None and any(
            _names_speaker(fr, q) for fr in frames_by_sent.get(s_first, [])
        ):
            # 'according to the “Medicare for all” document': a quote inside the speaker's
            # own noun phrase names it; it is no statement.
            continue
        for si in range(max(0, s_first - 1), s_last + 2) if inverted is None else ():
            for fr in frames_by_sent.get(si, []):
                if fr.relay_of is not None:
                    continue
                if (
                    fr.content is not None
                    and fr.content[0] >= q.outer_end
                    and _ends_sentence_before(ctx, q, fr.cue.idx)
                ):
                    # “B.” That's why, he added, ...: a quote that ends its sentence belongs
                    # to no cue of a later sentence that reports words of its own (it goes
                    # on with the quote before it).
                    continue
                if (
                    fr.content
                    and fr.content[0] <= max(q.start, q.open_at + 1)
                    and (
                        q.end <= fr.content[1] + 1
                        # 'says no matter what Obama does, “his word does not trump ...”': the
                        # parse may end the clause inside the quote that closes it
                        # (unless the quote speaks itself: “COAS emphasized ...”)
                        or (
                            fr.content[0] < q.open_at < fr.content[1]
                            and fr.cue.idx < fr.content[0]
                            and _inner_speaker_tok(ctx, q) is None
                        )
                    )
                ):
                    # inside the frame's content: the smallest such content wins
                    d = -1.0 / max(1, fr.content[1] - fr.content[0])
                elif q.open_at <= fr.cue.idx < q.outer_end:
                    continue
                elif fr.cue.idx >= q.outer_end and not _break_between(ctx, q.outer_end, fr.cue.idx):
                    d = fr.cue.idx - q.outer_end
                elif fr.cue.idx < q.open_at and not _break_between(ctx, fr.cue.idx, q.open_at):
                    d = q.open_at - fr.cue.idx + 1
                else:
                    continue
                if best_d is None or d < best_d:
                    best, best_d = fr, d
        if best is None and s_first > 0:
            # "She tweeted:" ending the sentence before the quote.
            prev = ctx.sents[s_first - 1]
            # (the colon of the quote's own sentence is _colon_frame's, not this one's)
            if (
                ctx.text[prev.start_char : prev.end_char].rstrip().endswith(":")
                and not ctx.text[prev.end_char : q.open_at].strip()
            ):
                pf = [f for f in frames_by_sent.get(s_first - 1, []) if f.relay_of is None]
                if pf:
                    best = pf[-1]
        if best is None:
            best = _colon_frame(ctx, q)
            if best is not None:
                frames.append(best)
        if best is not None and best_d is not None and best_d < 0:
            inside.setdefault(id(best), []).append(q)
            continue
        n_words = len(_WORD.findall(ctx.text[q.start : q.end]))
        if _is_title(ctx.text[q.start : q.end]):
            continue  # “Sharknado 3: Oh Hell No!”, “Make America Great Again”: a name, not a statement
        if n_words < 3 and not (
            best is not None and best_d is not None and (best_d <= 3 or _short_reply(ctx, q, best))
        ):
            if not _opens_interrupted(ctx, q, qi, quotes, best):
                continue  # a scare quote or a title ("the “Great Satan”"), not a statement
        prev = cands[-1] if cands and cands[-1].tweet is None else None
        if (
            best is None
            and prev is not None
            and prev.kind == "direct"
            and prev.frame is not None
            and 0 <= q.open_at - prev.end <= 160
            and _continues(ctx.text[prev.end : q.open_at])
        ):
            # “A,” he said. “B.” (same paragraph, or B opening the next one): the quote goes
            # on after its attribution; one statement.
            prev.end = q.end
            continue
        if (
            best is not None
            and prev is not None
            and prev.frame is best
            and prev.end <= best.cue.idx < q.open_at
            and not _SENT_BREAK.search(ctx.text[prev.end : q.open_at])
        ):
            # “A,” she said, “B.”: one statement interrupted by its attribution.
            prev.end = q.end
            continue
        cand = _Cand(
            q.start,
            q.end,
            "direct",
            best,
            sent=s_first,
            para=_para_index(ctx, q.open_at),
            closed=q.closed,
        )
        if best is not None:
            best.used = True
        cand.inner_tok = _inner_speaker_tok(ctx, q)
        cands.append(cand)

    # Quotes inside a frame's content: the whole quote (direct) or one mixed quote
    # over the reported clause with its quoted fragments.
    for fr in frames:
        qs = inside.get(id(fr))
        if not qs:
            continue
        fr.used = True
        si = _sent_index(ctx, fr.cue.idx)
        if len(qs) == 1 and _unquoted_words(ctx, fr.content, qs[0]) == 0:
            q = qs[0]
            if _is_title(ctx.text[q.start : q.end]):
                continue
            cand = _Cand(
                q.start,
                q.end,
                "direct",
                fr,
                sent=si,
                para=_para_index(ctx, q.open_at),
                closed=q.closed,
            )
            cand.inner_tok = _inner_speaker_tok(ctx, q)
            cands.append(cand)
            continue
        s = min(fr.content[0], min(q.open_at for q in qs))
        e = max(fr.content[1], max(q.outer_end for q in qs))
        cands.append(_Cand(s, e, "mixed", fr, sent=si, para=_para_index(ctx, s)))

    # ---- indirect quotes: frames not tied to any direct quote
    for fr in frames:
        if fr.used or fr.relay_of is not None or fr.content is None:
            continue
        s, e = fr.content
        e = _without_trailing_aside(ctx, fr.content_head, s, e)
        n_words = len(_WORD.findall(ctx.text[s:e]))
        cue_lemma = _lemma(fr.cue)
        short_ok = fr.speaker_tok is not None and (
            cue_lemma in STANCE_VERBS
            or cue_lemma in _STANCE_HOLDER_NOUNS
            or cue_lemma in _STANCE_ADJECTIVES
            or cue_lemma in PREP_CONTENT_VERBS
            or (
                (cue_lemma in OBJECT_CONTENT_VERBS or cue_lemma in SPEECH_VERBS)
                and fr.content_head is not None
                and fr.content_head.pos_ in ("NOUN", "PROPN")
            )
        )
        if cue_lemma in INTENT_VERBS and fr.speaker_tok is not None:
            short_ok = n_words >= 2  # "declined to comment" is a statement too
        elif (
            fr.speaker_tok is not None
            and n_words >= 2
            and fr.content_head is not None
            and fr.content_head.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in fr.content_head.children)
        ):
            short_ok = True  # "denied it happened": a whole clause, however short
        if n_words < (1 if short_ok else 3):
            continue  # "confirming the development": no statement to report
        kind = (
            "mixed"
            if any(s <= q.open_at and q.outer_end <= e + 1 for q in ctx.quote_spans)
            else "indirect"
        )
        cands.append(
            _Cand(s, e, kind, fr, sent=_sent_index(ctx, fr.cue.idx), para=_para_index(ctx, s))
        )
        fr.used = True

    cands = _join_interrupted(ctx, _drop_nested(cands + headlines))
    cands.sort(key=lambda c: (c.start, c.end))
    return _resolve_all(ctx, cands)


_MINOR_WORDS = frozenset(
    "a an the and or but nor of for to in on at by with from as vs via de la le der von is".split()
)


def _is_title(quoted: str) -> bool:
    """A quoted name of a work, show or slogan: title case throughout (every word but the
    minor ones capitalised), or no letters at all ("2016-06-29")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", quoted)
    if not words:
        return True
    if len(words) > 10:
        return False
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    return bool(major) and all(w[0].isupper() for w in major) and len(major) >= 2


def _opens_interrupted(
    ctx: _Ctx, q: QuoteSpan, qi: int, quotes: list[QuoteSpan], best: _Frame | None
) -> bool:
    """“Judge,” Brafman said, “I have never ...”: a short quote that opens a statement
    interrupted by its attribution (the next quote follows in the same sentence, with the
    cue between them) is part of that statement, not a scare quote."""
    if best is None or qi + 1 >= len(quotes):
        return False
    nxt = quotes[qi + 1]
    return (
        q.outer_end <= best.cue.idx < nxt.open_at
        and nxt.open_at - q.outer_end <= 120
        and not _break_between(ctx, q.outer_end, nxt.open_at)
        and len(_WORD.findall(ctx.text[nxt.start : nxt.end])) >= 3
    )


def _continues(gap: str) -> bool:
    """The text between two quotes is only their attribution, with at most one paragraph
    break, right before the second quote."""
    head, _, tail = gap.partition("\n")
    if tail.strip():
        return False  # the next paragraph does not open with the quote
    if tail.count("\n") > 1:
        return False
    # A speaker with a long description ("said Jane Doe, a professor of ... at ... University.")
    # is still one attribution sentence, as long as no other sentence ends inside it.
    return len(head) <= 100 or (len(head) <= 300 and not _real_break(head))


# Titles and initials end in a period without ending the sentence ("said Ms. Gil", "Barry R. McCaffrey").
_TITLE_ABBREV = re.compile(
    r"(?:\b(?:Mr|Ms|Mrs|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Rev|St|Jr|Sr|Gens|Sens|Reps|"
    r"Jan|Feb|Aug|Sept|Oct|Nov|Dec|No|U\.S|D\.C)|\b[A-Z])$"
)


def _ends_sentence_before(ctx: _Ctx, q: QuoteSpan, at: int) -> bool:
    """Whether a sentence ends between the quote's last word and offset ``at`` (the quote's own
    closing period counts: “... nothing.” That's why ...)."""
    a = max(q.start, q.end - 1)
    if not _break_between(ctx, a, at):
        return False  # the cheap index first: most cues follow their quote in one sentence
    return at - a > 300 or _real_break(ctx.text[a:at])


def _real_break(text: str) -> bool:
    """Whether a sentence ends inside ``text`` (short, bounded: a gap between two quotes)."""
    for m in _SENT_BREAK.finditer(text):
        if m.group().startswith("\n"):
            return True
        if not _TITLE_ABBREV.search(text, 0, m.start()):
            return True
    return False


def _ends_quoted(ctx: _Ctx, cand: _Cand) -> bool:
    """A direct quote, or a mixed one whose quoted fragment runs to its end
    (But when it comes to Carrier, "we've all worked our butts off,")."""
    if cand.kind == "direct":
        return cand.tweet is None and cand.headline is None
    return cand.kind == "mixed" and cand.end > 0 and ctx.text[cand.end - 1] in ALL_MARKS


def _joined_end(ctx: _Ctx, prev: _Cand, c: _Cand) -> int:
    """Where a joined statement ends: a mixed one keeps the closing mark of its last quote,
    as its opening fragment keeps its own marks."""
    end = max(prev.end, c.end)
    if prev.kind == "mixed" and end == c.end:
        m = _CLOSING_MARK.match(ctx.text, end)
        if m:
            end = m.end()
    return end


_CLOSING_MARK = re.compile(r"''|[”\"’'»]")


def _join_interrupted(ctx: _Ctx, cands: list[_Cand]) -> list[_Cand]:
    """“A,” said X, a senator. “B.”: direct quotes of one frame, a short attribution apart in
    one paragraph, are one statement interrupted by its attribution."""
    cands.sort(key=lambda c: (c.start, c.end))
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        # “A,” she said, referring to X. “B.”: a short reported phrase inside the attribution
        # stands between the two halves; join across it.
        if prev is not None and not _ends_quoted(ctx, prev) and c.kind == "direct":
            k = len(out) - 1
            while k > 0 and k >= len(out) - 4 and not _ends_quoted(ctx, out[k]):
                k -= 1
            d = out[k]
            between = out[k + 1 :]
            if (
                _ends_quoted(ctx, d)
                and all(d.end <= x.start and x.end <= c.start for x in between)
                and (
                    c.frame is None
                    or c.frame is d.frame
                    or any(c.frame is x.frame for x in between)
                )
            ):
                prev = d
        if (
            prev is not None
            and c.kind == "direct"
            and _ends_quoted(ctx, prev)
            and c.frame is not None
            and c.frame is prev.frame
            and 0 <= c.start - prev.end <= 100
            and "\n" not in ctx.text[prev.end : c.start]
        ):
            prev.end = _joined_end(ctx, prev, c)
            continue
        if (
            prev is not None
            and c.kind == "direct"
            and (c.frame is None or c.frame is prev.frame)
            and c.tweet is None
            and c.headline is None
            and _ends_quoted(ctx, prev)
            and prev.frame is not None
            and 0 <= c.start - prev.end <= 320
            and _continues(ctx.text[prev.end : c.start].rstrip("“\"‘'`«"))
        ):
            # “A,” said X, a professor. “B.”: B, with no cue of its own, goes on with A.
            prev.end = _joined_end(ctx, prev, c)
            continue
        out.append(c)
    return out


def _drop_nested(cands: list[_Cand]) -> list[_Cand]:
    """Reported speech inside another quote's content is part of that content, not a quote
    of its own ("he said he had asked officials to ...": one statement, not two)."""
    spans = sorted((c.start, c.end) for c in cands)
    starts = [s for s, _ in spans]
    keep = []
    for c in cands:
        if c.kind != "direct" and c.frame is not None and c.frame.cue_text != "according to":
            cue_at = c.frame.cue.idx
            i = bisect.bisect_right(starts, cue_at) - 1
            nested = False
            # look back over the few spans that could still cover the cue
            for j in range(i, max(-1, i - 8), -1):
                s, e = spans[j]
                if s <= cue_at < e and (s, e) != (c.start, c.end):
                    nested = True
                    break
            if nested:
                continue
        keep.append(c)
    return keep


def _link_relays(ctx: _Ctx, frames: list[_Frame]) -> None:
    """Mark frames whose content is another speaker's frame: the outer one is a relay.

    "Gen Bajwa, it said, called for restraint" and "The COAS said X, according to the ISPR DG":
    the inner speaker speaks via the outer one. "He said he had asked officials to ..." is no
    relay: a pronoun inner speaker is the outer speaker again (except after "according to").
    """
    by_head = {f.cue.i: f for f in frames if f.cue_text != "according to"}
    for fr in frames:
        head = fr.content_head
        inner = None
        for _ in range(4):
            if head is None:
                break
            inner = by_head.get(head.i)
            if inner is not None or fr.cue_text != "according to":
                break
            head = (
                head.head
                if head.head.i != head.i and head.dep_ in ("ccomp", "conj", "advcl", "xcomp")
                else None
            )
        if inner is None or inner is fr or inner.speaker_tok is None or inner.outer is not None:
            continue
        if inner.content is None or any(c.dep_ == "neg" for c in inner.cue.children):
            # "Ramos said Trump has not replied to his requests": no inner statement to relay
            continue
        if fr.cue_text != "according to" and not (
            fr.cue.lemma_.lower() in SPEECH_VERBS and inner.cue.lemma_.lower() in SPEECH_VERBS
        ):
            continue  # "a survey found that residents oppose ...": a finding, not a relay
        if inner.speaker_tok.pos_ == "PRON" and fr.cue_text != "according to":
            continue
        inner.outer = fr
        fr.relay_of = inner


def _unquoted_words(ctx: _Ctx, span: tuple[int, int], q: QuoteSpan) -> int:
    before = ctx.text[span[0] : q.open_at]
    after = ctx.text[q.outer_end : span[1]]
    words = _WORD.findall(before) + _WORD.findall(after)
    # "said that “...”" is a direct quote; "said that the SVP “must ...”" mixes reported words in.
    return len([w for w in words if w.lower() not in ("that", "and")])


def _resolve_all(ctx: _Ctx, cands: list[_Cand]) -> list[QuoteMention]:
    """Speakers, relays and channels, in document order (pronouns look back at earlier speakers)."""
    out: list[QuoteMention] = []
    history: list[tuple[_Cand, QuoteMention, _Ref | None, _Ref | None]] = []
    seen: set[tuple[int, int]] = set()
    for cand in cands:
        if (cand.start, cand.end) in seen or cand.end <= cand.start:
            continue
        seen.add((cand.start, cand.end))
        speaker: _Ref | None = None
        via: _Ref | None = None
        cue: str | None = None
        channel = "unknown"
        by_pronoun = False
        surface: tuple[int, int] | None = None  # where the speaker is named in this attribution
        fr = cand.frame
        if cand.tweet is not None:
            speaker, cue, channel = _tweet_speaker(ctx, cand), "tweeted", "tweet"
            surface = (speaker.start, speaker.end)
        elif cand.headline is not None:
            speaker, cue = _headline_speaker(ctx, cand), ":"
            surface = cand.headline
        elif fr is not None:
            cue = fr.cue_text
            speaker = _resolve_tok(ctx, fr.speaker_tok)
            if fr.speaker_span is not None:
                surface = fr.speaker_span
                if fr.unbound:
                    speaker = _Ref(ctx.text[surface[0] : surface[1]], *surface, "ROLE")
                elif speaker is None or not (
                    surface[0] <= speaker.start and speaker.end <= surface[1]
                ):
                    speaker = _span_ref(ctx, *surface)
            elif fr.speaker_tok is not None:
                surface = _np_bounds(fr.speaker_tok)
                if (
                    speaker is not None
                    and speaker.kind != "DOC"
                    and fr.speaker_tok.lemma_.lower() in DOC_NOUNS
                    and _sent_index(ctx, speaker.start) == _sent_index(ctx, fr.cue.idx)
                ):
                    surface = (speaker.start, speaker.end)  # the issuer named beside its statement
            channel = fr.channel
            if fr.via_tok is not None:
                via = _resolve_tok(ctx, fr.via_tok)
            if fr.outer is not None:
                via = _resolve_tok(ctx, fr.outer.speaker_tok)
                if channel == "unknown":
                    channel = fr.outer.channel
            if fr.passive_quote and via is None:
                # "the army chief was quoted as saying": quoted by whoever relayed him last.
                via = _last_relay(history, speaker)
            by_pronoun = fr.speaker_tok is not None and fr.speaker_tok.pos_ == "PRON"
        elif history and cand.kind == "direct" and history[-1][0].headline is None:
            # A floating quote continues the speaker of the quote just before it, if near.
            p_cand, p_q, p_speaker, p_via = history[-1]
            p_last = _sent_index(ctx, max(p_cand.start, p_cand.end - 1))
            if cand.sent - p_last <= 2 or cand.para - p_cand.para <= 1:
                speaker, via, cue, channel = p_speaker, p_via, p_q.cue, p_q.channel
                if p_q.speaker_start is not None:
                    surface = (p_q.speaker_start, p_q.speaker_end)
        if cand.inner_tok is not None and (
            speaker is None or speaker.kind not in ("PERSON", "ROLE", "PRON")
        ):
            # A person quoted word for word speaks for themselves even when their words
            # report someone else ("“Bernie promised to meet us,” she said"): only a body,
            # a document or a channel relays a release's own third-person sentence.
            inner = _resolve_tok(ctx, cand.inner_tok)
            if inner is not None:
                via, speaker = speaker, inner
                surface = _np_bounds(cand.inner_tok)
        if speaker is not None and speaker.channel and channel == "unknown":
            channel = speaker.channel
        if channel == "unknown" and by_pronoun and history and speaker is not None:
            # "he said" after "In a series of tweets, the spokesman said ...": same channel.
            for _c, p_q, p_speaker, _v in reversed(history[-3:]):
                if p_speaker is not None and _same_ref(speaker, p_speaker):
                    channel = p_q.channel
                    break
        if via is not None and speaker is not None and _same_ref(via, speaker):
            via = None
        text = ctx.text[cand.start : cand.end]
        if speaker is None and (
            cand.kind != "direct" or len(_WORD.findall(text)) < MIN_UNATTRIBUTED_WORDS
        ):
            continue  # scare quotes and titles; reported speech needs someone to report it
        qm = QuoteMention(
            start=cand.start,
            end=cand.end,
            text=text,
            kind=cand.kind,
            cue=cue,
            speaker_text=speaker.text if speaker else None,
            speaker=speaker.key if speaker else None,
            via_text=via.text if via else None,
            via=via.key if via else None,
            channel=channel,
            speaker_start=(surface or (speaker.start, speaker.end))[0] if speaker else None,
            speaker_end=(surface or (speaker.start, speaker.end))[1] if speaker else None,
        )
        out.append(qm)
        if speaker is not None:
            for off in {cand.start, fr.cue.idx if fr is not None else cand.start}:
                lst = ctx.sent_speakers.setdefault(_sent_index(ctx, off), [])
                if speaker not in lst:
                    lst.append(speaker)
        history.append((cand, qm, speaker, via))
        ctx.recent.append((speaker, via))
    return out


def _last_relay(
    history: list[tuple[_Cand, QuoteMention, _Ref | None, _Ref | None]], speaker: _Ref | None
) -> _Ref | None:
    for _c, _q, p_speaker, p_via in reversed(history[-6:]):
        if p_via is not None and (speaker is None or not _same_ref(p_via, speaker)):
            return p_via
        if p_speaker is not None and speaker is not None and not _same_ref(p_speaker, speaker):
            return p_speaker
    return None


def _same_ref(a: _Ref, b: _Ref) -> bool:
    if a.key is not None and b.key is not None:
        return a.key == b.key
    return a.text == b.text


def merge_quotes(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    entity_map: dict[tuple[str, str], str],
    entities: list[Entity],
) -> list[Quote]:
    """One ``Quote`` per statement across the corpus, with every article that carried it."""
    from .quote_merge import merge_quote_mentions

    return merge_quote_mentions(articles, analyses, entity_map, entities)
