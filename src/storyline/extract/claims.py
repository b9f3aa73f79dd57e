"""Numeric claims (casualties, counts, amounts), denials, and where sources disagree.

``extract_claims`` finds numbers that count something in a sentence ("at least
80 people were killed", "killing 12 soldiers", "a death toll of 30", "$2
billion in aid") and denials of a count ("denied any casualties", "no one was
hurt"). Each claim gets a normalised quantity (``killed`` for killed / dead /
deaths / casualties / fatalities, ``injured``, ``arrested``, ...), its value,
a qualifier ("at least", "about") and the claimant: the subject of the
reporting verb above it ("Iranian media reported that ...") or the source of
"according to X".

``find_disagreements`` compares claims about the same quantity of the same
event across articles: values whose ranges cannot both be true, or a denial
against a positive count, form a ``Disagreement``.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ..model import (
    Article,
    ArticleAnalysis,
    ClaimMention,
    ClaimSide,
    Disagreement,
    Entity,
)
from ..nlp.lookup import local_entity, mention_at, sentence_index_at
from ..util import DisjointSet

log = logging.getLogger(__name__)

#: Words that name or imply a counted quantity, by family.
_FAMILIES: dict[str, tuple[str, ...]] = {
    "killed": (
        "kill",
        "killed",
        "dead",
        "death",
        "deaths",
        "die",
        "casualty",
        "casualties",
        "fatality",
        "fatalities",
        "body",
        "bodies",
        "life",
        "lives",
        "toll",
        "slay",
        "massacre",
        "murder",
        "execute",
        "perish",
    ),
    "injured": ("injure", "injured", "wound", "wounded", "hurt", "injury", "injuries"),
    "arrested": (
        "arrest",
        "arrested",
        "detain",
        "detained",
        "detention",
        "arrests",
        "jail",
        "imprison",
    ),
    "displaced": ("displace", "displaced", "flee", "evacuate", "refugee", "refugees"),
    "missing": ("missing",),
    "kidnapped": ("kidnap", "abduct", "hostage", "hostages"),
}
FAMILY_OF: dict[str, str] = {w: fam for fam, words in _FAMILIES.items() for w in words}

_REPORT_VERBS = frozenset(
    {
        "say",
        "report",
        "claim",
        "announce",
        "state",
        "confirm",
        "tell",
        "tweet",
        "add",
        "estimate",
        "put",
        "deny",
        "insist",
        "allege",
        "suggest",
        "write",
        "show",
        "quote",
        "cite",
        "count",
        "record",
    }
)
_QUALIFIERS = (
    "at least",
    "at most",
    "more than",
    "less than",
    "fewer than",
    "up to",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "some",
    "over",
    "roughly",
    "an estimated",
    "as many as",
    "close to",
    "dozens of",
    "hundreds of",
    "thousands of",
    "under",
    "just over",
    "just under",
    "as much as",
    "upwards of",
    "in excess of",
)
_WORD_NUMS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2000,
    "a dozen": 12,
    "a hundred": 100,
    "a thousand": 1000,
    "million": 1e6,
    "billion": 1e9,
}
_SCALE = {
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "m": 1e6,
    "bn": 1e9,
    "k": 1e3,
}
_MONEY_UNITS = {"dollar", "euro", "pound", "rupee", "yuan", "yen", "rouble", "ruble", "$", "£", "€"}
_YEAR_LIKE = re.compile(r"^(1[89]|20)\d\d$")


def parse_number(text: str) -> float | None:
    """ "80" -> 80, "1,200" -> 1200, "2.5 million" -> 2.5e6, "two dozen" -> 24, "dozens" -> 24."""
    t = text.lower().replace(",", "").replace("$", "").replace("£", "").replace("€", "").strip()
    t = re.sub(r"^(a|an)\s+", "", t) if t not in _WORD_NUMS else t
    if t in _WORD_NUMS:
        return float(_WORD_NUMS[t])
    parts = t.split()
    total = None
    for p in parts:
        try:
            v = float(p)
        except ValueError:
            if p in _SCALE and total is not None:
                total *= _SCALE[p]
                continue
            if p in _WORD_NUMS:
                v = float(_WORD_NUMS[p])
                if total is not None and (v >= 100 or p == "dozen"):
                    total *= v
                    continue
                total = (total or 0) + v
                continue
            m = re.match(r"^(\d+(?:\.\d+)?)(m|bn|k)$", p)
            if m:
                v = float(m.group(1)) * _SCALE[m.group(2)]
            else:
                continue
        total = v if total is None else total + v
    return total


def _is_num(t: Any) -> bool:
    return t.like_num or t.lower_ in ("dozen", "dozens") or t.lower_ in _SCALE


_MAX_NUMBER_RUN = 8  # tokens either side: "two hundred fifty thousand million" is five


def _sentence_finder(doc: Any) -> Any:
    """``tok -> its sentence`` for one doc. spaCy's ``tok.sent`` walks the doc's sentences
    from the start on every access (a third of this stage's time); this reads them once."""
    sents = list(doc.sents) if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else [doc[:]]
    starts = [s.start for s in sents]

    def sent_of(tok: Any) -> Any:
        return sents[bisect_right(starts, tok.i) - 1]

    return sent_of


def _number_span(tok: Any, sent: Any = None) -> list[Any]:
    """The run of number words around tok ("2.5 million", "two dozen")."""
    doc = tok.doc
    lo = hi = tok.i
    # Found by fuzzing: a run of numbers was scanned from each of its members, so a
    # 1,000-number "sentence" took minutes. The sentence is looked up once, and no real
    # number phrase is longer than _MAX_NUMBER_RUN.
    sent = sent if sent is not None else tok.sent
    first, last = max(sent.start, tok.i - _MAX_NUMBER_RUN), min(sent.end, tok.i + _MAX_NUMBER_RUN + 1)
    while lo > first and _is_num(doc[lo - 1]):
        lo -= 1
    while hi + 1 < last and _is_num(doc[hi + 1]):
        hi += 1
    return list(doc[lo : hi + 1])


def _qualifier(num: Any, sent_text_before: str) -> str | None:
    before = sent_text_before.lower()[-30:]
    for q in sorted(_QUALIFIERS, key=len, reverse=True):
        if before.rstrip().endswith(q):
            return q
    return None


def _family_of_token(tok: Any) -> str | None:
    return FAMILY_OF.get(tok.lemma_.lower()) or FAMILY_OF.get(tok.lower_)


def _claimant(tok: Any, sent: Any = None) -> Any:
    """The subject of the nearest reporting verb above tok, or the X of "according to X"
    (``sent``: tok's sentence, when the caller has it)."""
    node = tok
    for _ in range(30):
        if (
            node.lemma_.lower() in _REPORT_VERBS
            and node.pos_ in ("VERB", "AUX")
            and node != tok
        ):
            if node.lemma_.lower() == "claim" and any(
                c.dep_ == "dobj" and (c.i == tok.i or c.is_ancestor(tok)) for c in node.children
            ):
                break  # "attacks that claimed 52 lives": the verb counts, it does not report
            for c in node.children:
                if c.dep_ in ("nsubj",):
                    return None if c.lower_ in ("that", "which", "who", "it") else c
            for c in node.children:
                if c.dep_ == "agent":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            return g
        if node.head.i == node.i:
            break
        node = node.head
    sent = sent if sent is not None else tok.sent
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            for c in t.doc[t.i + 1].children:
                if c.dep_ == "pobj":
                    return c
    return None


def _np(tok: Any) -> str:
    from .events import np_text

    return np_text(tok)


def _claimant_fields(analysis: ArticleAnalysis, tok: Any) -> tuple[str | None, str | None]:
    if tok is None:
        return None, None
    key = None
    if analysis.mentions:
        m = mention_at(analysis, tok.idx, tok.idx + len(tok.text))
        key = m.entity if m else None
    text = _np(tok)
    if tok.pos_ == "PRON":
        ent = local_entity(analysis, key)
        text = ent.name if ent else tok.text
    return text, key


def _quantity_for_number(num: Any) -> tuple[str | None, Any]:
    """(quantity, anchor token) counted by a number token, or (None, None)."""
    head = num.head if num.dep_ in ("nummod", "quantmod", "compound") else num
    # "80 dead", "80 deaths", "80 casualties"
    fam = _family_of_token(head) if head != num else None
    if fam:
        return fam, head
    # the noun counted ("80 people", "80") is an argument of a family verb
    verb = head.head
    if head.dep_ in ("nsubjpass", "dobj", "nsubj") and verb.pos_ in ("VERB", "AUX", "ADJ"):
        fam = _family_of_token(verb)
        if fam:
            return fam, verb
        # "80 people were left dead", "80 people lost their lives"
        for c in verb.children:
            if (
                c.dep_ in ("acomp", "oprd", "dobj", "xcomp")
                and c != head
                and _family_of_token(c)
            ):
                return _family_of_token(c), c
    # "the death toll rose to 80", "a toll of 80"
    if head.dep_ == "pobj":
        prep = head.head
        gov = prep.head
        if gov.lemma_.lower() in ("toll", "number", "count", "tally"):
            fam = next((_family_of_token(c) for c in gov.children if _family_of_token(c)), None)
            return fam or "killed", gov
        if prep.lower_ == "to" and gov.pos_ == "VERB":
            subj = next((c for c in gov.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lemma_.lower() in ("toll", "number", "count", "tally"):
                fam = next(
                    (_family_of_token(c) for c in subj.children if _family_of_token(c)), None
                )
                return fam or "killed", subj
    # "killed at least 80 people" where the noun carries an amod like "dead"
    for c in head.children:
        if c.dep_ in ("amod", "acl") and _family_of_token(c):
            return _family_of_token(c), c
    # money and other counted things
    if head.lemma_.lower() in _MONEY_UNITS or num.ent_type_ == "MONEY":
        return "amount", head
    if (
        head != num
        and head.pos_ == "NOUN"
        and num.ent_type_ not in ("DATE", "TIME", "PERCENT", "ORDINAL")
    ):
        return head.lemma_.lower(), head
    return None, None


def extract_claims(doc: Any, article: Article, analysis: ArticleAnalysis) -> list[ClaimMention]:
    """Numeric claims and denials of counts in one parsed article."""
    out: list[ClaimMention] = []
    seen: set[tuple[int, str]] = set()
    sent_of = _sentence_finder(doc)
    text = doc.text  # a spaCy property that joins every token each time it is read
    for tok in doc:
        if (
            tok.like_num
            and tok.pos_ == "NUM"
            and tok.ent_type_ in ("", "CARDINAL", "QUANTITY", "MONEY")
        ):
            if (
                tok.head.pos_ == "PROPN"
                and tok.dep_ in ("nummod", "compound", "appos")
                and tok.head.i < tok.i
            ):
                continue  # "Flight 447", "Resolution 1723": a name, not a count
            sent = sent_of(tok)
            span = _number_span(tok, sent)
            if tok.i != max(t.i for t in span if t.like_num):
                continue  # one claim per number run ("2.5 million"): its last numeral
            if _YEAR_LIKE.match(tok.text) and tok.dep_ not in ("nummod",):
                continue
            qty, anchor = _quantity_for_number(tok)
            if qty is None:
                continue
            value = parse_number(" ".join(t.text for t in span))
            if value is None:
                continue
            qual = _qualifier(tok, text[sent.start_char : span[0].idx])
            claimant_from = anchor if anchor is not None else tok
            claimant_tok = _claimant(claimant_from, sent_of(claimant_from))
            ctext, ckey = _claimant_fields(analysis, claimant_tok)
            start = min(
                span[0].idx - (len(qual) + 1 if qual else 0),
                anchor.idx if anchor is not None else span[0].idx,
            )
            counted = tok.head if tok.dep_ == "nummod" else span[-1]
            end_tok = max(
                [span[-1], counted] + ([anchor] if anchor is not None else []), key=lambda t: t.i
            )
            if span[0].i > sent.start and doc[span[0].i - 1].text in ("$", "£", "€"):
                start = min(start, doc[span[0].i - 1].idx)
            end = end_tok.idx + len(end_tok.text)
            start = max(start, sent.start_char)
            si = sentence_index_at(analysis, tok.idx)
            if si is None or (tok.i, qty) in seen:
                continue
            seen.add((tok.i, qty))
            out.append(
                ClaimMention(
                    sentence=si,
                    quantity=qty,
                    value=value,
                    text=text[start:end],
                    claimant_text=ctext,
                    claimant=ckey,
                    modality="asserted",
                    qualifier=qual,
                    start=start,
                    end=end,
                )
            )
    out.extend(_denials(doc, analysis, sent_of))
    out.sort(key=lambda c: (c.start or 0, c.quantity))
    return out


def _denials(doc: Any, analysis: ArticleAnalysis, sent_of: Any = None) -> list[ClaimMention]:
    """ "denied any casualties", "no one was killed", "there were no casualties"."""
    out = []
    sent_of = sent_of or _sentence_finder(doc)
    text = doc.text
    for tok in doc:
        fam = None
        claimant = None
        anchor = tok
        lemma = tok.lemma_.lower()
        if lemma in ("deny", "dismiss", "reject") and tok.pos_ == "VERB":
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp")), None)
            if obj is None:
                continue
            if obj.dep_ == "dobj":
                fam = _family_of_token(obj)
                anchor = obj
            else:  # "denied that anyone was killed"
                fam = _family_of_token(obj)
                anchor = obj
            if not fam:
                continue
            claimant = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            text_start, text_end = tok.idx, anchor.idx + len(anchor.text)
        elif _family_of_token(tok) and tok.pos_ in ("NOUN", "VERB", "ADJ"):
            neg = None
            if tok.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ == "no" for c in tok.children
            ):
                neg = tok
            elif tok.pos_ == "VERB":
                subj = next((c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj")), None)
                if subj is not None and (
                    subj.lower_ in ("nobody", "none")
                    or (subj.lower_ == "one" and any(c.lower_ == "no" for c in subj.children))
                ):
                    neg = subj
                elif (
                    any(c.dep_ == "neg" for c in tok.children)
                    and subj is not None
                    and subj.lower_
                    in ("anyone", "anybody", "one", "people", "soldiers", "troops", "personnel")
                ):
                    neg = subj
            if neg is None:
                continue
            fam = _family_of_token(tok)
            claimant = _claimant(tok, sent_of(tok))
            neg = next((c for c in neg.children if c.lower_ == "no"), neg)
            text_start = min(neg.idx, tok.idx)
            text_end = max(neg.idx + len(neg.text), tok.idx + len(tok.text))
        else:
            continue
        si = sentence_index_at(analysis, tok.idx)
        if si is None:
            continue
        ctext, ckey = _claimant_fields(analysis, claimant)
        out.append(
            ClaimMention(
                sentence=si,
                quantity=fam,
                value=None,
                text=text[text_start:text_end],
                claimant_text=ctext,
                claimant=ckey,
                modality="denied",
                start=text_start,
                end=text_end,
            )
        )
    return out


# --------------------------------------------------------------------------- disagreements

_INF = float("inf")


def claim_range(claim: ClaimMention) -> tuple[float, float]:
    """The interval of counts a claim allows ("at least 80" -> [80, inf))."""
    if claim.modality == "denied" or claim.value is None:
        return 0.0, 0.0
    v = claim.value
    q = (claim.qualifier or "").lower()
    if q in (
        "at least",
        "more than",
        "over",
        "just over",
        "as many as",
        "dozens of",
        "hundreds of",
        "thousands of",
    ):
        return (v, _INF) if q != "as many as" else (0.0, v)
    if q == "as much as":
        return 0.0, v
    if q in ("upwards of", "in excess of"):
        return v, _INF
    if q in ("at most", "up to", "less than", "fewer than", "under", "just under"):
        return 0.0, v
    if q in ("nearly", "almost", "close to"):
        return v * 0.85, v
    if q in ("about", "around", "approximately", "some", "roughly", "an estimated"):
        return v * 0.8, v * 1.2
    return v, v


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _event_words(sentence: str) -> set[str]:
    """Content words that tie a claim to its event: "attack", "bases", "Baghdad"."""
    from .plover import NOUN_CATEGORY, VERB_CATEGORY

    words = set()
    for w in re.findall(r"[A-Za-z][A-Za-z\-]+", sentence):
        lw = w.lower()
        if lw in NOUN_CATEGORY or lw.rstrip("s") in NOUN_CATEGORY or lw in VERB_CATEGORY:
            if FAMILY_OF.get(lw) is None and FAMILY_OF.get(lw.rstrip("s")) is None:
                words.add(lw.rstrip("s"))
        elif w[0].isupper() and len(w) > 2:
            words.add(lw)
    return words


def find_disagreements(
    analyses: Iterable[ArticleAnalysis],
    entity_map: dict[tuple[str, str], str] | None = None,
    entities: list[Entity] | None = None,
    article_ids: Iterable[str] | None = None,
) -> list[Disagreement]:
    """Conflicting counts of the same quantity about the same event.

    Two claims are about the same event when they count the same quantity
    family and either share a sentence or their sentences share event words
    (an event noun or verb such as "attack", or a proper name other than the
    claimant's). They conflict when their value ranges cannot both hold
    ("80" vs "12"; "at least 80" vs "none"). ``article_ids`` restricts the
    claims to a story's or chapter's articles.
    """
    entity_map = entity_map or {}
    names = {e.id: e.name for e in entities or []}
    wanted = set(article_ids) if article_ids is not None else None
    items = []  # (article_id, claim, sentence text, event words, claimant name)
    for an in analyses:
        if wanted is not None and an.article_id not in wanted:
            continue
        for c in an.claims:
            if c.quantity in ("amount",) or not (0 <= c.sentence < len(an.sentences)):
                continue
            if c.quantity not in _FAMILIES:
                continue
            sent = an.sentences[c.sentence].text
            claimant = None
            if c.claimant and (an.article_id, c.claimant) in entity_map:
                claimant = names.get(entity_map[(an.article_id, c.claimant)])
            claimant = claimant or c.claimant_text
            words = _event_words(sent) - set((claimant or "").lower().split())
            items.append((an.article_id, c, sent, words, claimant))

    # Group claims that talk about the same event (union-find over pairs).
    sets = DisjointSet(len(items))

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            a, b = items[i], items[j]
            if a[1].quantity != b[1].quantity:
                continue
            same_sentence = a[0] == b[0] and a[1].sentence == b[1].sentence
            if a[0] == b[0] and not (same_sentence and (a[4] or "") != (b[4] or "")):
                continue  # one outlet's different counts are usually counts of different things
            shared = a[3] & b[3]
            if (
                same_sentence
                or len(shared) >= 2
                or (shared and (a[1].modality == "denied" or b[1].modality == "denied"))
            ):
                sets.union(i, j)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[sets.find(i)].append(i)

    out: list[Disagreement] = []
    for members in groups.values():
        claims = [items[i] for i in members]
        conflict = any(
            not _overlap(claim_range(x[1]), claim_range(y[1]))
            for k, x in enumerate(claims)
            for y in claims[k + 1 :]
        )
        if not conflict:
            continue
        sides: dict[tuple, ClaimSide] = {}
        for art, c, _sent, _w, claimant in sorted(
            claims, key=lambda x: (x[0], x[1].sentence, x[1].start or 0)
        ):
            key = (c.modality, c.value, c.qualifier, (claimant or "").lower())
            if key not in sides:
                sides[key] = ClaimSide(
                    text=c.text,
                    sources=[],
                    claimant=claimant,
                    value=c.value if c.modality != "denied" else None,
                )
            if art not in sides[key].sources:
                sides[key].sources.append(art)
        fam = claims[0][1].quantity
        context = sorted(
            set.intersection(*[x[3] for x in claims]) if len(claims) > 1 else claims[0][3]
        )
        what = fam if not context else f"{fam} ({', '.join(context[:3])})"
        out.append(Disagreement(what=what, claims=list(sides.values())))
    out.sort(key=lambda d: d.what)
    return out
