"""Mentions and in-article entity resolution over one parsed spaCy doc.

Everything here is one pass over the tokens plus work proportional to the number of mentions,
so it stays cheap next to the parse itself. The rules, in order:

1. NER mentions (PERSON, ORG, GPE, NORP, LOC, FAC), trimmed and repaired: titles peeled off
   person names, split person names rejoined, platform names ("Twitter") retyped, titles-only
   spans dropped; names after a rank or honorific that NER missed are added.
2. Role phrases ("the army chief", "US Secretary of State", "COAS") found from a role-head lexicon.
3. Acronym definitions "Expansion (ACR)" / "ACR (Expansion)" read from the text.
4. Handles (@name).
5. Clustering: persons by title-stripped name (short forms to the full name met nearest before),
   organisations and places by folded name and acronym/initials; roles bound to the person the
   text names in that role (title before the name, or apposition), then role nouns elsewhere
   resolved to that person; handles bound by apposition.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..model import LocalEntity, Mention
from .names import (
    HEAD_COMPOUNDS,
    OCCASION_TAIL_WORDS,
    ORG_TAIL_WORDS,
    ORG_TAIL_WORDS_LONG,
    RANKS,
    ROLE_ACRONYMS,
    ROLE_HEADS,
    acronym_matches,
    country_before,
    fold,
    generation,
    initials,
    is_acronym,
    middle_units,
    middles_compatible,
    org_family,
    person_key,
    role_label,
    role_parts,
    role_refers,
    strip_person_name,
    with_generation,
)

log = logging.getLogger(__name__)

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PLATFORMS = frozenset(
    ["twitter", "facebook", "instagram", "youtube", "whatsapp", "tiktok", "telegram", "linkedin", "reddit", "snapchat", "x"]
)
_DETS = frozenset(["the", "a", "an"])
_MOD_ENTS = frozenset({"", "GPE", "NORP", "ORG"})
_POSSESSIVES = frozenset(["'s", "’s", "‘s", "his", "her", "its", "their", "our", "my", "your"])
_HANDLE = re.compile(r"(?<![\w@/.])@([A-Za-z0-9_]{2,30})\b")
_ACR_PAREN = re.compile(r"\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")
# Bodies the small model misses when written in lower case ("the foreign ministry said").
_LOWER_ORG = re.compile(
    r"(?i)\b(?:the|its|their|[a-z]+['’]s)\s+(foreign\s+(?:office|ministry|affairs\s+ministry)"
    r"|ministry\s+of\s+foreign\s+affairs|pentagon|military)\b")
_ACR_WORDS = re.compile(r"[A-Za-z][\w’'&]*(?:-[\w’']+)*")


@dataclass
class _Role:
    start: int  # char offsets of the role phrase (without determiner)
    end: int
    text: str
    parts: tuple[str, frozenset[str]]
    tok_start: int
    tok_end: int  # exclusive
    definite: bool  # preceded by a determiner or possessive: a reference, not a title
    holder: int | None = None  # cluster index
    before: str = ""  # the word before the phrase, lower case

    def predicate(self) -> bool:
        """A bare role after a copula, "as" or "for" ("to be president", "as president")."""
        return not self.definite and self.before in _PREDICATE_CUES


@dataclass
class _Cluster:
    type: str
    names: list[str] = field(default_factory=list)  # surface forms
    keys: set[str] = field(default_factory=set)  # folded full names
    person_words: list[str] = field(default_factory=list)  # fullest name words (PERSON)
    generation: str = ""  # "jr", "sr", "ii"...: a father and his son share every name word
    roles: list[str] = field(default_factory=list)
    role_parts: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)  # mention starts


# --------------------------------------------------------------------------- mentions


def _clean_ent(doc: Any, ent: Any) -> tuple[int, int] | None:
    """Token range of an entity span without surrounding spaces, determiners, punctuation."""
    s, e = ent.start, ent.end
    # "Among Latinos", "For Clinton": a capitalised preposition or conjunction opening a
    # sentence is read into the name after it.
    while s < e and (doc[s].is_space or doc[s].is_punct or doc[s].lower_ in _DETS
                     or doc[s].lower_ in ("'s", "’s", "‘s")
                     or (s < e - 1 and doc[s].pos_ in ("ADP", "CCONJ", "SCONJ") and doc[s].lower_ not in ("of", "de"))):
        s += 1
    if e - s >= 2 and doc[s].lower_ in ("pro", "anti") and doc[s + 1].text == "-":
        # "pro-Clinton", "anti-Iranian": a modifier, no one named; "pro-Clinton Priorities USA" names the rest
        s += 3
    for k in range(s + 1, e):
        if doc[k].text == "(":
            e = k  # "Foreign Office (FO": the acronym is defined, not part of the name
            break
    while e > s and (doc[e - 1].is_space or (doc[e - 1].is_punct and doc[e - 1].text not in ".")
                     or doc[e - 1].lower_ in ("'s", "’s", "‘s")):
        e -= 1
    return (s, e) if e > s else None


def _person_span(doc: Any, s: int, e: int) -> tuple[int, int] | None:
    """Peel titles, ranks and role words off a person span; None if nothing name-like is left."""
    while s < e - 1:
        t = doc[s]
        lw = t.lower_.rstrip(".")
        if (lw in RANKS or lw in ROLE_HEADS or lw in ROLE_ACRONYMS or lw in _DETS
                or t.is_punct or lw in ("of", "for", "prime", "foreign", "state", "army")):
            s += 1
        else:
            break
    if not any(t.is_alpha and t.text[:1].isupper() for t in doc[s:e]):
        return None
    if e - s == 1 and (doc[s].lower_.rstrip(".") in RANKS or doc[s].lower_ in ROLE_HEADS):
        return None
    return s, e


def _raw_mentions(doc: Any) -> list[tuple[int, int, str]]:
    """(token start, token end, label) of repaired NER mentions, sorted."""
    out: list[tuple[int, int, str]] = []
    ents = doc.ents
    groups = {ent.text for ent in ents if ent.label_ == "NORP"}
    for ent in ents:
        label = ent.label_
        if label not in KEPT_LABELS:
            # "Killing of General Soleimani" (WORK_OF_ART) hides a person; the rank scan finds it.
            continue
        span = _clean_ent(doc, ent)
        if span is None:
            continue
        s, e = span
        if e - s == 1 and doc[s].lower_ in PLATFORMS:
            label = "ORG"
        if e - s == 1 and doc[s].is_upper and doc[s].is_stop and _shouted(doc, s):
            continue  # "TOO", "NOT": a word of a headline in capitals, no acronym
        if label == "PERSON" and e - s >= 2 and doc[e - 1].text in groups and doc[e - 1].text.endswith("s"):
            label = "NORP"  # "Hill Democrats": the article names "Democrats" as a group
        if label == "PERSON" and e - s >= 2:
            tail = doc[e - 1].lower_.rstrip(".")
            if tail in ORG_TAIL_WORDS or (e - s >= 3 and tail in ORG_TAIL_WORDS_LONG):
                label = "ORG"  # "Peter G. Peterson Foundation", "Hillary Victory Fund"
            elif e - s >= 3 and tail in OCCASION_TAIL_WORDS:
                continue  # "Martin Luther King Day": no one to track
        if label == "PERSON":
            # "Shah Mehmood" tagged, "Qureshi" left out: a capitalised name word right after joins it
            while (e < len(doc) and e - s < 5 and doc[e].pos_ == "PROPN" and doc[e].is_alpha
                   and doc[e].text[:1].isupper() and not doc[e].ent_type_
                   and doc[e].lower_ not in ROLE_HEADS and doc[e].lower_ not in PLATFORMS):
                e += 1
            span = _person_span(doc, s, e)
            if span is None:
                continue
            s, e = span
        elif all(t.lower_.rstrip(".") in RANKS for t in doc[s:e]):
            continue  # "Major General" tagged ORG
        # Rejoin "Shah Mehmood" + "Qureshi": two person spans separated only by a space.
        if out and label == "PERSON" and out[-1][2] == "PERSON" and out[-1][1] == s:
            out[-1] = (out[-1][0], e, "PERSON")
            continue
        out.append((s, e, label))
    return _names_of_surnames(doc, out)


def _names_of_surnames(doc: Any, out: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A first name and surname tagged as an organisation or place ("Carly Fiorina" ORG) are a
    person's name when the article also calls someone by that surname alone ("Fiorina" PERSON)."""
    surnames = {doc[s].text for s, e, label in out if label == "PERSON" and e - s == 1}
    if not surnames:
        return out
    fixed = []
    for s, e, label in out:
        if (label != "PERSON" and 2 <= e - s <= 3 and doc[e - 1].text in surnames
                and all(t.is_alpha and t.is_title and t.pos_ == "PROPN" for t in doc[s:e])
                and doc[s].lower_ not in ROLE_HEADS and doc[s].lower_.rstrip(".") not in RANKS
                and doc[e - 1].lower_ not in ORG_TAIL_WORDS):
            label = "PERSON"
        fixed.append((s, e, label))
    return fixed


def _shouted(doc: Any, i: int) -> bool:
    """Is token ``i`` inside a run of words in capitals ("NOT NECESSARILY WRONG, JUST TOO EARLY")?"""
    def near(step: int) -> Any:
        k = i + step
        while 0 <= k < len(doc) and not doc[k].is_alpha:
            if "\n" in doc[k].text:
                return None
            k += step
        return doc[k] if 0 <= k < len(doc) else None

    sides = [t for t in (near(-1), near(1)) if t is not None]
    return bool(sides) and all(t.is_upper and len(t) >= 2 for t in sides)


_PREDICATE_CUES = frozenset(
    ["be", "is", "was", "were", "been", "being", "am", "are", "'s", "become", "becomes", "became", "becoming",
     "remain", "remains", "remained", "as", "for", "elected", "named", "appointed"]
)

# Honorifics and abbreviated titles open a person's name, never a role's complement: "a
# spokeswoman for Mr. Trump" is not the role "spokeswoman for Mr." held by Trump, nor "a
# spokesman for Sen. Rubio" the role "spokesman for Sen.". (A rank may: "Chief of General Staff".)
_HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof", "professor", "lord", "lady",
                         "sen", "rep", "gov", "pres"])


def _trim_headline_persons(doc: Any, text: str, out: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cut a headline's over-long person spans down to the names the article itself uses.

    In a title-case line every word is capitalised, and NER runs a name into the words around
    it ("Billy Bush Joins", "Donald Trump Ties Hillary Clinton", "President Obama Speech at").
    Such a span is replaced by the names inside it that the article names elsewhere (longest
    first); failing that, it is cut at the words the article writes in lower case elsewhere
    ("speech") and that no name of its running text contains: those are common words that the
    title case capitalised. With neither, it stays.
    """
    persons = [(s, e) for s, e, label in out if label == "PERSON" and e - s >= 2]
    if not persons:
        return out
    lines: dict[int, bool] = {}
    headline = {(s, e) for s, e in persons if _title_case_line(doc, text, s, lines)}
    if not headline:
        return out
    # Names as the article writes them in its running text, not in its headlines.
    known = {" ".join(t.lower_ for t in doc[s:e]) for s, e in persons if (s, e) not in headline}
    longest = max((k.count(" ") + 1 for k in known), default=0)
    common: set[str] | None = None
    fixed: list[tuple[int, int, str]] = []
    for s, e, label in out:
        if label != "PERSON" or (s, e) not in headline:
            fixed.append((s, e, label))
            continue
        parts: list[tuple[int, int]] = []
        i = s
        while known and e - s >= 3 and i < e:
            for j in range(min(e, i + longest), i + 1, -1):
                if " ".join(t.lower_ for t in doc[i:j]) in known:
                    parts.append((i, j))
                    i = j
                    break
            else:
                i += 1
        if not parts:
            if common is None:
                common = _common_words(doc, out, headline)
            parts = _runs([doc[k].lower_ not in common for k in range(s, e)], s)
        if parts:
            fixed.extend((a, b, "PERSON") for a, b in parts)
        else:
            fixed.append((s, e, label))
    return fixed


def _common_words(doc: Any, out: list[tuple[int, int, str]], headline: set[tuple[int, int]]) -> set[str]:
    """Words the article writes in lower case and that no name of its running text contains."""
    in_names = {t.lower_ for s, e, label in out if (s, e) not in headline for t in doc[s:e]}
    return {t.lower_ for t in doc if t.is_lower and t.is_alpha} - in_names


def _runs(keep: list[bool], offset: int) -> list[tuple[int, int]]:
    """The maximal runs of kept tokens (as spans from ``offset``), or [] when all are kept."""
    runs: list[tuple[int, int]] = []
    start = None
    for k, ok in enumerate([*keep, False]):
        if ok:
            start = k if start is None else start
        elif start is not None:
            runs.append((offset + start, offset + k))
            start = None
    return [] if runs == [(offset, offset + len(keep))] else runs


def _title_case_line(doc: Any, text: str, i: int, cache: dict[int, bool] | None = None) -> bool:
    """Is token ``i`` on a line whose words are nearly all capitalised, as in a headline?
    (``cache``: line start -> answer, for several tokens of one text.)"""
    at = doc[i].idx
    start = text.rfind("\n", 0, at) + 1
    if cache is not None and start in cache:
        return cache[start]
    end = text.find("\n", at)
    words = _LONG_WORD.findall(text[start : end if end >= 0 else len(text)])
    found = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    if cache is not None:
        cache[start] = found
    return found


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _rank_scan(doc: Any, taken: list[bool], out: list[tuple[int, int, str]]) -> None:
    """Names NER missed after a rank or honorific: "General Soleimani", "Mr Pompeo"."""
    n = len(doc)
    i = 0
    while i < n - 1:
        t = doc[i]
        if t.lower_.rstrip(".") in RANKS and t.text[:1].isupper() and not taken[i + 1]:
            j = i + 1
            while j < n and doc[j].lower_.rstrip(".") in RANKS and doc[j].text[:1].isupper():
                j += 1
            k = j
            while (k < n and k - j < 4 and doc[k].pos_ == "PROPN" and doc[k].is_alpha
                   and doc[k].text[:1].isupper() and not taken[k]
                   and doc[k].lower_ not in ROLE_HEADS):
                k += 1
            if k > j:
                out.append((j, k, "PERSON"))
                for x in range(j, k):
                    taken[x] = True
            i = k if k > i else i + 1
        else:
            i += 1


def _surname_scan(doc: Any, taken: list[bool], out: list[tuple[int, int, str]]) -> None:
    """Surnames of people named in full that NER missed elsewhere ("... Lind said")."""
    surnames = set()
    for s, e, label in out:
        if label == "PERSON" and e - s >= 2 and doc[e - 1].is_alpha:
            surnames.add(doc[e - 1].text)
    if not surnames:
        return
    for t in doc:
        if t.text in surnames and not taken[t.i] and t.pos_ == "PROPN":
            out.append((t.i, t.i + 1, "PERSON"))
            taken[t.i] = True


def _roles(doc: Any, taken: list[bool], acr_roles: dict[str, str]) -> list[_Role]:
    """Role phrases: a role head with its modifiers, or a role acronym."""
    roles: list[_Role] = []
    n = len(doc)
    i = 0
    while i < n:
        t = doc[i]
        lw = t.lower_.rstrip(".")
        upper = t.text.isupper() and len(t.text) >= 2
        acr = upper and (lw in ROLE_ACRONYMS or t.text in acr_roles)
        if taken[i] or not (acr or (lw in ROLE_HEADS and t.pos_ in ("NOUN", "PROPN"))):
            i += 1
            continue
        hs, he = i, i + 1
        if not acr:
            nxt = doc[i + 1] if i + 1 < n else None
            if nxt is not None and (lw, nxt.lower_) in HEAD_COMPOUNDS:
                he = i + 2
            elif nxt is not None and nxt.lower_ in ROLE_HEADS and nxt.pos_ in ("NOUN", "PROPN"):
                i += 1  # "chief minister": the next head carries this word as a modifier
                continue
        # left modifiers: "US defence", "army", "foreign", "Afghan"
        ls = hs
        while (ls > 0 and hs - ls < 3 and doc[ls].is_sent_start is not True and not taken[ls - 1]
               and doc[ls - 1].pos_ in ("ADJ", "NOUN", "PROPN")
               and doc[ls - 1].ent_type_ in _MOD_ENTS
               # a modifier of the role, not a neighbour: "army" in "the army chief", not
               # "remark" in "given his remark President Obama should ..."
               and ls <= doc[ls - 1].head.i < he
               and not doc[ls - 1].is_space and doc[ls - 1].lower_ not in _POSSESSIVES
               and doc[ls - 1].lower_.rstrip(".") not in RANKS):
            ls -= 1
        # "United States Secretary of State": take the whole place name, not its last word
        while ls > 0 and ls < hs and doc[ls].ent_iob_ == "I" and doc[ls - 1].ent_type_ in ("GPE", "NORP", "ORG"):
            ls -= 1
        # right part: "of State", "of Army Staff", "for Human Rights", "of the armed forces"
        re_ = he
        if he < n and doc[he].lower_ in ("of", "for") and not acr:
            k = he + 1
            if k < n and doc[k].lower_ == "the":
                k += 1
            m = k
            while (m < n and m - k < 6 and not taken[m]
                   and (doc[m].pos_ in ("NOUN", "PROPN", "ADJ") or doc[m].text in ("-", "&")
                        or (doc[m].lower_ in ("'s", "’s") and m > k))
                   and not doc[m].is_space
                   and not (doc[m].lower_.rstrip(".") in RANKS and m > k)
                   and doc[m].lower_.rstrip(".") not in _HONORIFICS
                   # "chairman of President Barack Obama's council": a title opening a name
                   and not (m + 1 < n and taken[m + 1] and doc[m].lower_ in ROLE_HEADS)):
                m += 1
            while m > k and doc[m - 1].text in ("-", "&"):
                m -= 1
            if m > k:
                re_ = m
        before = doc[ls - 1].lower_ if ls > 0 else ""
        definite = before in _DETS or before in _POSSESSIVES
        span = doc[ls:re_]
        text = span.text
        parts = role_parts(acr_roles.get(t.text, text) if acr and ls == hs else text)
        if acr and ls == hs and parts is None:
            parts = role_parts(acr_roles.get(t.text, ROLE_ACRONYMS.get(lw, "")))
        if parts is not None:
            roles.append(_Role(span.start_char, span.end_char, text, parts, ls, re_, definite, before=before))
        i = max(re_, i + 1)
    return roles


def _acronym_definitions(text: str) -> dict[str, tuple[str, int]]:
    """ACR -> (expansion, offset) for "Expansion (ACR)" and "ACR (Expansion)" in the text."""
    out: dict[str, tuple[str, int]] = {}
    for m in _ACR_PAREN.finditer(text):
        acr = m.group(1).replace(".", "")
        if not is_acronym(acr):
            continue
        window = text[max(0, m.start() - 120): m.start()]
        ws = list(_ACR_WORDS.finditer(window))
        # longest suffix of preceding words whose initials give the acronym
        for k in range(min(len(ws), 10), 0, -1):
            cand = window[ws[-k].start(): ws[-k].end() if k == 1 else ws[-1].end()]
            cand = window[ws[-k].start(): ws[-1].end()]
            if cand.split()[0].lower() in ("the", "of", "and", "for"):
                continue
            if acronym_matches(acr, cand):
                out.setdefault(acr, (cand, m.start() - len(window) + ws[-k].start()))
                break
    return out


def _lowercase_orgs(doc: Any, text: str, taken: list[bool]) -> list[tuple[int, int, str]]:
    """ORG mentions NER missed: "the foreign office", "the pentagon", "the military" (as a noun)."""
    out = []
    for m in _LOWER_ORG.finditer(text):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        if span is None or any(taken[x] for x in range(span.start, span.end)):
            continue
        nxt = doc[span.end] if span.end < len(doc) else None
        if m.group(1).lower() == "military" and nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
            continue  # "the military leadership": an adjective, not the body
        out.append((span.start, span.end, "ORG"))
        for x in range(span.start, span.end):
            taken[x] = True
    return out


def _handles(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _HANDLE.finditer(text)]


# --------------------------------------------------------------------------- resolution


def extract_entities(doc: Any, text: str) -> tuple[list[Mention], list[LocalEntity]]:
    """Mentions and article-local entities of one parsed text."""
    n = len(doc)
    raw = _trim_headline_persons(doc, text, _raw_mentions(doc))
    taken = [False] * n
    for s, e, _ in raw:
        for x in range(s, e):
            taken[x] = True
    _rank_scan(doc, taken, raw)
    handles = _handles(text)
    if handles:
        # "@NewsDesk" is a handle, whatever NER made of it
        hstarts = {h[0] for h in handles}
        raw = [r for r in raw if doc[r[0]].idx not in hstarts]
    _surname_scan(doc, taken, raw)
    generic = _lowercase_orgs(doc, text, taken)
    raw.extend(generic)
    raw.sort()
    generic_at = {s for s, _, _ in generic}

    acr_defs = _acronym_definitions(text)
    acr_roles = {a: exp for a, (exp, _) in acr_defs.items() if role_parts(exp) is not None}
    person_taken = [False] * n
    for s, e, label in raw:
        if label == "PERSON":
            for x in range(s, e):
                person_taken[x] = True
    roles = _roles(doc, person_taken, acr_roles)

    # Generic single words NER tags as ORG inside a role phrase ("Secretary of State", "Army Chief").
    role_tok = [False] * n
    for r in roles:
        for x in range(r.tok_start, r.tok_end):
            role_tok[x] = True
    kept = []
    for s, e, label in raw:
        if label != "PERSON" and role_tok[s] and (e - s == 1) and not doc[s].text.isupper():
            continue
        if label != "PERSON" and e - s == 1 and doc[s].text in acr_roles:
            continue  # COAS defined as a role: it is a role mention, found by _roles
        if label != "PERSON" and e - s == 1 and doc[s].text.isupper() and doc[s].lower_ in ROLE_ACRONYMS:
            continue
        kept.append((s, e, label))
    raw = kept

    clusters: list[_Cluster] = []
    mention_cluster: list[int | None] = []
    spans: list[tuple[int, int, str, str]] = []  # (start_char, end_char, text, label)
    for s, e, label in raw:
        span = doc[s:e]
        # "-David Andersen": a dash or bullet glued to the name's first word is no part of it
        cut = len(span.text) - len(span.text.lstrip("-–—•*·'\"“‘"))
        spans.append((span.start_char + cut, span.end_char, span.text[cut:], label))

    # Spans of PERSON mentions, with folded last/first words for short-form lookup.
    full_by_key: dict[str, int] = {}
    by_word: dict[str, list[int]] = {}
    by_last: dict[str, list[int]] = {}  # NER's place/org misfires ("Bajwa" GPE) are surnames

    def new_cluster(typ: str) -> int:
        clusters.append(_Cluster(type=typ))
        return len(clusters) - 1

    # Pass 1: multiword person names, longest first so "Qamar Bajwa" joins "Qamar Javed Bajwa".
    person_idx = [i for i, sp in enumerate(spans) if sp[3] == "PERSON"]
    mention_cluster = [None] * len(spans)
    multi = sorted(
        (i for i in person_idx if len(strip_person_name(spans[i][2])) >= 2),
        key=lambda i: (-len(strip_person_name(spans[i][2])), spans[i][0]),
    )
    for i in multi:
        ws = strip_person_name(spans[i][2])
        gen = generation(spans[i][2])
        key = person_key(ws) + "|" + gen
        c = full_by_key.get(key)
        if c is None:
            c = _compatible_person(clusters, ws, gen)
        if c is None:
            c = new_cluster("PERSON")
            clusters[c].person_words = ws
            clusters[c].generation = gen
            for w in ws:
                by_word.setdefault(fold(w), []).append(c)
            by_last.setdefault(fold(ws[-1]), []).append(c)
        full_by_key[key] = c
        mention_cluster[i] = c

    # Pass 2: single-word mentions of any type that name a known person -> that person.
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    for i in order:
        if mention_cluster[i] is not None:
            continue
        start, end, stext, label = spans[i]
        ws = strip_person_name(stext) if label == "PERSON" else stext.split()
        if len(ws) != 1:
            continue
        cands = (by_word if label == "PERSON" else by_last).get(fold(ws[0]))
        if not cands:
            continue
        gen = generation(stext) if label == "PERSON" else ""
        if gen and any(clusters[c].generation == gen for c in cands):
            cands = [c for c in cands if clusters[c].generation == gen]  # "Donald Jr." is the son
        c = _nearest(sorted(set(cands)), start, spans, mention_cluster)
        spans[i] = (start, end, stext, "PERSON")
        mention_cluster[i] = c

    # Pass 3: remaining mentions by folded name (persons by name words, others by text).
    by_name: dict[tuple[str, str], int] = {}
    for i in order:
        if mention_cluster[i] is not None:
            continue
        start, end, stext, label = spans[i]
        if label == "PERSON":
            ws = strip_person_name(stext)
            key = ("PERSON", person_key(ws))
        else:
            key = (_type_group(label), _org_key(stext))
        c = by_name.get(key)
        if c is None:
            c = new_cluster(label)
            by_name[key] = c
            if label == "PERSON":
                clusters[c].person_words = ws
        mention_cluster[i] = c

    # Acronyms: defined in the text, or matching the initials of another name of the same group.
    _link_acronyms(clusters, spans, mention_cluster, acr_defs)
    if generic_at:
        gen_idx = [i for i, (s, _e, _l) in enumerate(raw) if s in generic_at]
        _bind_generic_orgs(text, spans, mention_cluster, set(gen_idx), clusters, acr_defs)

    for i, (start, _end, stext, _label) in enumerate(spans):
        c = clusters[mention_cluster[i]]
        c.names.append(stext)
        c.positions.append(start)

    mentions = [
        Mention(start=sp[0], end=sp[1], text=sp[2], label=sp[3], entity=None) for sp in spans
    ]
    for m, ci in zip(mentions, mention_cluster, strict=False):
        m.entity = f"c{ci}"

    # Roles: bind each role phrase directly attached to a person, then resolve the others.
    starts = [m.start for m in mentions]
    person_at_tok = {}
    for (s, _e, _), m in zip(raw, mentions, strict=True):
        if m.label == "PERSON":
            person_at_tok[s] = m
    person_end_tok = {}
    for (_s, e, _), m in zip(raw, mentions, strict=True):
        if m.label == "PERSON":
            person_end_tok[e] = m
    _bind_roles(doc, roles, person_at_tok, person_end_tok, clusters)
    role_mentions = _resolve_roles(roles, clusters, acr_defs)
    handle_mentions = _bind_handles(text, handles, mentions, starts, role_mentions, clusters)

    all_mentions = sorted(mentions + role_mentions + handle_mentions, key=lambda m: (m.start, m.end))
    entities, remap = _finalise(clusters, all_mentions)
    for m in all_mentions:
        if m.entity is not None:
            m.entity = remap.get(m.entity)
    return all_mentions, entities


def _type_group(label: str) -> str:
    return "PLACE" if label in ("GPE", "LOC", "FAC") else label


def _org_key(text: str) -> str:
    t = fold(text)
    for p in ("the ",):
        t = t.removeprefix(p)
    return t.replace("'s", "").strip()


def _compatible_person(clusters: list[_Cluster], ws: list[str], gen: str = "") -> int | None:
    """An existing person whose name agrees: same last name, same or initial-compatible first,
    the same generation, and middle names that do not conflict ("George W. Bush" is not
    "George H.W. Bush", "Donald Trump Jr." not "Donald Trump")."""
    fw = [fold(w) for w in ws]
    mid = middle_units(ws)
    for ci, c in enumerate(clusters):
        if c.type != "PERSON" or len(c.person_words) < 2 or c.generation != gen:
            continue
        cw = [fold(w) for w in c.person_words]
        if cw[-1] != fw[-1] or not middles_compatible(middle_units(c.person_words), mid):
            continue
        if cw[0] == fw[0] or (len(fw[0]) == 1 and cw[0].startswith(fw[0])) or (
            len(cw[0]) == 1 and fw[0].startswith(cw[0])
        ):
            return ci
    return None


def _nearest(cands, start, spans, mention_cluster) -> int:
    """Of several candidate clusters, the one mentioned nearest before ``start`` (else first after)."""
    if len(cands) == 1:
        return cands[0]
    best, best_pos = None, -1
    after, after_pos = None, None
    for i, (s, _, _, _) in enumerate(spans):
        c = mention_cluster[i]
        if c in cands:
            if s <= start and s > best_pos:
                best, best_pos = c, s
            elif s > start and (after_pos is None or s < after_pos):
                after, after_pos = c, s
    if best is not None:
        return best
    return after if after is not None else cands[0]


def _link_acronyms(clusters, spans, mention_cluster, acr_defs) -> None:
    names_by_group: dict[str, list[tuple[str, int]]] = {}
    for i, sp in enumerate(spans):
        names_by_group.setdefault(_type_group(sp[3]), []).append((sp[2], mention_cluster[i]))
    for i, (_start, _end, stext, label) in enumerate(spans):
        if label == "PERSON" or not is_acronym(stext):
            continue
        acr = stext.replace(".", "")
        target = None
        group = names_by_group.get(_type_group(label), [])
        if acr in acr_defs:
            exp = _org_key(acr_defs[acr][0])
            for name, ci in group:
                if _org_key(name) == exp and ci != mention_cluster[i]:
                    target = ci
                    break
            if target is None:
                c = clusters[mention_cluster[i]]
                c.names.append(acr_defs[acr][0].removeprefix("the ").removeprefix("The "))
                continue
        else:
            for name, ci in group:
                if ci != mention_cluster[i] and not is_acronym(name) and acronym_matches(acr, name):
                    target = ci
                    break
        if target is not None:
            _merge(clusters, mention_cluster, mention_cluster[i], target)


def _bind_generic_orgs(text, spans, mention_cluster, generic: set[int], clusters, acr_defs) -> None:
    """Bind "the foreign ministry" to the body the article names ("Ministry of Foreign Affairs",
    "Foreign Office (FO)"): the one named body of that family, else the nearest named before.
    A country written in front ("Iran's foreign ministry") must be the named body's country."""
    places = [(sp[0], sp[1], sp[2]) for sp in spans if sp[3] in ("GPE", "NORP")]
    named: dict[str, list[tuple[int, int, str | None]]] = {}  # family -> [(position, cluster, country)]
    for i, (start, _end, stext, label) in enumerate(spans):
        if i in generic or label != "ORG":
            continue
        full = acr_defs[stext][0] if stext in acr_defs else stext
        fam = org_family(full)
        if fam is not None:
            named.setdefault(fam, []).append((start, mention_cluster[i], country_before(text, start, places)))
    gen_country = {i: country_before(text, spans[i][0], places) for i in generic}
    for i in sorted(generic):
        fam = org_family(spans[i][2]) or ""
        country = gen_country[i]
        seen = {cc for _, _, cc in named.get(fam, [])} | {
            gen_country[j] for j in generic if org_family(spans[j][2]) == fam}
        seen.discard(None)
        if len(seen) > 1:
            # two countries' ministries in one article: only a country written out binds
            cands = [(pos, c) for pos, c, cc in named.get(fam, []) if country is not None and cc == country]
        else:
            cands = [(pos, c) for pos, c, _ in named.get(fam, [])]
        targets = {c for _, c in cands}
        if not targets:
            continue
        if len(targets) == 1:
            dst = next(iter(targets))
        else:
            before = [x for x in cands if x[0] <= spans[i][0]]
            dst = max(before)[1] if before else min(cands)[1]
        # this mention alone: others with the same words may belong to another country's body
        mention_cluster[i] = dst


def _merge(clusters, mention_cluster, src: int, dst: int) -> None:
    if src == dst:
        return
    for k, c in enumerate(mention_cluster):
        if c == src:
            mention_cluster[k] = dst
    s, d = clusters[src], clusters[dst]
    d.names.extend(s.names)
    s.names = []
    s.type = "_merged"


def _bind_roles(doc, roles, person_at_tok, person_end_tok, clusters) -> None:
    """Bind a role to the person the text names in it: title before the name, or apposition."""
    n = len(doc)
    for r in roles:
        # "Major General Asif Ghafoor, the director general of ...", "Tony Blair, the U.K.'s PM,"
        k = _before_role(doc, r.tok_start)
        if k >= 1 and doc[k].text == "," and r.tok_start - k <= 6 and not _speaks_itself(doc, r):
            m = person_end_tok.get(k)
            if m is not None:
                r.holder = int(m.entity[1:])
                continue
        if r.predicate() and r.text[:1].islower():
            continue  # "If she becomes president, Clinton said": no title of the next name
        # "Army Chief General Qamar Javed Bajwa", "Chief of Army Staff (COAS), General ... Bajwa,"
        k = r.tok_end
        comma = False
        while k < n and k - r.tok_end < 8:
            t = doc[k]
            lw = t.lower_.rstrip(".")
            if k in person_at_tok:
                break
            if t.text in ("(", ")", ".") or (t.text.isupper() and t.is_alpha) or lw in RANKS:
                k += 1
            elif t.text == "," and not comma:
                comma = True
                k += 1
            else:
                break
        m = person_at_tok.get(k)
        if m is not None and k > r.tok_end and doc[k].is_sent_start:
            m = None  # "... met the president of Mexico. Trump has ...": the next sentence's name
        if m is not None:
            end_tok = _tok_end_of(doc, m)
            closed = end_tok >= n or doc[end_tok].text in (",", ")", ".", ";", "\n", "\n\n") or doc[end_tok].is_space
            # "According to the army chief, Gen Bajwa said ...": the name opens the main clause
            before = _before_role(doc, r.tok_start)
            lead_in = before >= 0 and doc[before].lower_ in ("to", "by", "from", "with", "said", "told")
            if not comma or closed or not lead_in:
                r.holder = int(m.entity[1:])
    for r in roles:
        if r.holder is not None:
            c = clusters[r.holder]
            c.roles.append(role_label(r.text))
            c.role_parts.append(r.parts)


# Verbs that, right after "NAME, a ROLE", make the role a speaker of its own ("Clinton, a top
# aide said, ...") rather than an apposition, which a comma would close ("..., a top aide, said").
_REPORTING = frozenset(["say", "tell", "add", "note", "write", "explain", "insist", "argue", "claim",
                        "tweet", "warn", "recall", "acknowledge", "confirm", "deny", "predict", "suggest"])


def _speaks_itself(doc: Any, r: _Role) -> bool:
    """Is the role phrase directly followed by a reporting verb of its own ("Clinton, a top aide
    said, ...")? Then it speaks about the name before it and is not that name's apposition."""
    if r.tok_end >= len(doc):
        return False
    t = doc[r.tok_end]
    return t.tag_ in ("VBD", "VBZ", "VBP") and t.lemma_ in _REPORTING


def _before_role(doc: Any, k: int) -> int:
    """Index of the token before a role phrase's determiner or possessor ("the U.K.'s")."""
    k -= 1
    if k >= 1 and doc[k].lower_ in ("'s", "’s", "‘s"):
        k -= 1
        steps = 0
        while k >= 0 and steps < 4 and (doc[k].pos_ in ("PROPN", "NOUN") or doc[k].text == "."):
            k -= 1
            steps += 1
    if k >= 0 and doc[k].lower_ in _DETS:
        k -= 1
    return k


def _tok_end_of(doc: Any, m: Mention) -> int:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.end if span is not None else len(doc)


def _resolve_roles(roles, clusters, acr_defs) -> list[Mention]:
    """TITLE mentions for every role phrase, bound to the matching role holder in this article."""
    holders: list[tuple[tuple[str, frozenset[str]], int, int]] = []  # (parts, cluster, position)
    for r in roles:
        if r.holder is not None:
            holders.append((r.parts, r.holder, r.start))
    # Acronyms among a role's modifiers stand for their expansion ("ISPR DG").
    acr_defs = dict(acr_defs)
    for c in clusters:
        if c.type in ("ORG", "GPE", "LOC", "FAC"):
            full = [x for x in c.names if not is_acronym(x) and len(x.split()) >= 2]
            for x in c.names:
                if is_acronym(x) and full:
                    acr_defs.setdefault(x.replace(".", "").upper(), (full[0], -1))
    out = []
    for r in roles:
        parts = r.parts
        if any(w.upper() in acr_defs for w in parts[1]):
            mods = set()
            for w in parts[1]:
                if w.upper() in acr_defs:
                    mods |= {x.lower() for x in re.split(r"[\s\-]+", acr_defs[w.upper()][0])} - {"the", "of"}
                else:
                    mods.add(w)
            parts = (parts[0], frozenset(mods))
        holder = r.holder
        # A bare role noun after a copula, "as" or "for" is a predicate, not a reference to anyone:
        # "if she becomes president", "qualified to be president", "as president", "run for
        # president". (Headlines drop articles too, "reaches out to army chief": that one refers.)
        if holder is None and not r.predicate():
            cands = [(pos, c) for p, c, pos in holders if role_refers(parts, p)]
            if cands:
                before = [x for x in cands if x[0] <= r.start]
                holder = max(before)[1] if before else min(cands)[1]
        out.append(
            Mention(start=r.start, end=r.end, text=r.text, label="TITLE",
                    entity=f"c{holder}" if holder is not None else None)
        )
        if holder is not None:
            c = clusters[holder]
            lab = role_label(r.text)
            if lab not in c.roles:
                c.roles.append(lab)
            if is_acronym(r.text) and r.text not in c.acronyms:
                c.acronyms.append(r.text)
    return out


def _bind_handles(text: str, handles, mentions: list[Mention], starts: list[int],
                  role_mentions: list[Mention], clusters: list[_Cluster]) -> list[Mention]:
    """HANDLE mentions, bound to the name right before them ("Secretary Pompeo (@SecPompeo)").

    A handle standing where a name would ("Afghan President @ashrafghani") becomes a person of
    its own, holding that role.
    """
    roles_by_end = {m.end: m for m in role_mentions}
    out = []
    for s, e, h in handles:
        ent = None
        i = bisect_right(starts, s) - 1
        if i >= 0:
            prev = mentions[i]
            gap = text[prev.end:s]
            if prev.label == "PERSON" and prev.end <= s and re.fullmatch(r"\s*[(,]?\s*", gap):
                ent = prev.entity
        if ent is None:
            j = s - 1
            while j >= 0 and text[j] in " \t":
                j -= 1
            role = roles_by_end.get(j + 1)
            if role is not None and j + 1 < s and role.entity is None:
                clusters.append(_Cluster(type="PERSON", names=[h]))
                ent = f"c{len(clusters) - 1}"
                role.entity = ent
                clusters[-1].roles.append(role_label(role.text))
        out.append(Mention(start=s, end=e, text=h, label="HANDLE", entity=ent))
    return out


def _finalise(clusters: list[_Cluster], mentions: list[Mention]) -> tuple[list[LocalEntity], dict[str, str]]:
    """LocalEntity records keyed e1, e2... in order of first mention."""
    first: dict[str, int] = {}
    by_cluster: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.entity is None:
            continue
        first.setdefault(m.entity, m.start)
        by_cluster.setdefault(m.entity, []).append(m)
    remap: dict[str, str] = {}
    entities: list[LocalEntity] = []
    for ck in sorted(first, key=lambda k: first[k]):
        c = clusters[int(ck[1:])]
        if c.type == "_merged":
            continue
        key = f"e{len(entities) + 1}"
        remap[ck] = key
        ms = by_cluster[ck]
        name = _canonical(c, ms)
        aliases: list[str] = []
        seen = {fold(name)}
        handles: list[str] = []
        for m in ms:
            if m.label == "HANDLE":
                if m.text not in handles:
                    handles.append(m.text)
                continue
            forms = [m.text]
            if m.label == "PERSON":
                forms.append(with_generation(" ".join(strip_person_name(m.text)), generation(m.text)))
            elif m.label == "TITLE":
                forms = [role_label(m.text)] if not is_acronym(m.text) else [m.text]
            else:
                forms = [m.text.removeprefix("the ").removeprefix("The ")]
            for f in forms:
                if f and fold(f) not in seen:
                    seen.add(fold(f))
                    aliases.append(f)
        for extra in c.names + c.acronyms:
            if extra and fold(extra) not in seen and not extra.startswith("@"):
                seen.add(fold(extra))
                aliases.append(extra)
        typ = c.type if c.type in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC") else "ORG"
        roles = []
        for r in c.roles:
            if r not in roles:
                roles.append(r)
        entities.append(LocalEntity(key=key, name=name, type=typ, aliases=aliases, roles=roles,
                                    handles=handles))
    return entities, remap


def _canonical(c: _Cluster, ms: list[Mention]) -> str:
    if c.type == "PERSON":
        best: list[str] = []
        for m in ms:
            if m.label != "PERSON":
                continue
            ws = strip_person_name(m.text)
            if len(ws) > len(best):
                best = ws
        if best:
            # The son keeps his suffix: the corpus tells him from his father by it.
            return with_generation(" ".join(best), c.generation)
    names = [m.text for m in ms if m.label not in ("TITLE", "HANDLE")] + list(c.names)
    names = [x.removeprefix("the ").removeprefix("The ").strip() for x in names if x.strip()]
    if not names:
        return ms[0].text
    full = [x for x in names if not is_acronym(x)]
    # a lowercase reference ("the foreign office") is not a name: a written name or the
    # acronym the article uses ("FO") comes first
    named = [x for x in full if x[:1].isupper()]
    acronyms = [x for x in names if is_acronym(x)]
    pool = named or acronyms or full or names
    return max(pool, key=lambda x: (len(x.split()), len(x), -names.index(x)))


__all__ = ["extract_entities", "initials"]
