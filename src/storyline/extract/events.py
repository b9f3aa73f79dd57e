"""Events: who did what to whom, where, when.

Per article, ``extract_events`` reads the dependency parse sentence by sentence
and turns each clause that reports a political action into an ``EventMention``:

* a trigger: a verb in the PLOVER lexicon ("telephoned", "hit"), a verb with a
  particle ("reached out", "called for"), a light verb with an event noun
  ("held talks", "expressed concern", "ordered the killing") or a nominal event
  with at least one participant ("the killing of Soleimani", "a US drone attack");
* actor and target from the clause's grammatical roles (subject / object, the
  passive agent, "with X" for meetings, "on X" for attacks, "from X" for a call
  received); nominal events read them from possessives, "of", "by" and
  nationality modifiers;
* location (GPE/LOC/FAC after "in/at/near" in the clause), date (a time
  expression that belongs to this trigger's clause, never one of a governing
  "said"), and modality (negation, modal verbs, "vowed to", "plans to").
  An event with no time expression of its own gets no date: the publication
  date is when it was reported, not when it happened (the timeline uses it
  only as an upper bound for ordering, see ``summarize.timeline``).

A nominal event that only restates its clause's event ("killed in an attack",
"discussed during a telephonic conversation") is folded into it. The content
of quotes, and the requested action of a request ("asked X to visit Y"), are
not events of their own.

Across articles, ``merge_events`` joins mentions with the same category,
actor, target and a compatible date into one ``Event`` with all its sources.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import logging
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from ..model import Article, ArticleAnalysis, Entity, Event, EventMention, EventSource, TimeExpr
from ..nlp.lookup import local_entity, mention_at, sentence_index_at
from . import plover
from .event_dates import fallback_times, parse_published, resolve

log = logging.getLogger(__name__)

_ENT_ACTOR = {"PERSON", "ORG", "GPE", "NORP"}
_ENT_PLACE = {"GPE", "LOC", "FAC"}
_LOC_PREPS = {"in", "at", "near", "outside", "inside", "across", "into", "over", "around", "on"}
_SUBJ = {"nsubj", "csubj"}
_PASS_SUBJ = {"nsubjpass", "csubjpass"}
_NEG_WORDS = {"not", "n't", "never", "no"}
_POSSIBLE_AUX = {"could", "may", "might", "can", "should", "must"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
_PRONOUNS = {
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "him",
    "her",
    "them",
    "us",
    "me",
    "who",
    "which",
    "that",
    "this",
    "these",
    "those",
    "one",
    "both",
    "all",
}

#: Common nouns that name actors (people, groups, institutions), from PLOVER's sector codes.
_MORE_PEOPLE = frozenset(
    """
public sailor marine crew hostage captive suspect victim personnel detainee child children man men woman women
journalist reporter lawyer doctor pilot passenger tourist migrant immigrant settler villager farmer miner
employee servicemen serviceman bomber shooter jury court tribunal ombudsman inspector monitor observer
side rival belligerent combatant negotiator mediator
pastor imam rabbi nurse teacher boy girl bystander pedestrian patient inmate donor nominee sheriff
deputy marshal trooper detective witness defendant plaintiff juror attorney businessman
businesswoman tycoon billionaire celebrity actor actress singer athlete fisherman builder
owner landlord tenant driver teenager priest chairman chairwoman editor
""".split()
)
_PEOPLE_SUFFIX = re.compile(r"(ee|ees|ist|ists|ian|ians|ant|ants|ers|ors|men|women)$")

ACTOR_NOUNS = frozenset(
    """
government administration ministry minister official officer spokesman spokeswoman spokesperson
president premier chancellor leader chief commander general army military police force forces troops
soldier militant militia militiaman militiamen rebel insurgent fighter guerrilla protester
demonstrator activist opposition party parties lawmaker legislator parliament congress senate senator
court judge prosecutor authority authorities agency embassy ambassador diplomat envoy delegation
regime council committee union group people resident civilian citizen worker student mob crowd
gunman attacker bomber terrorist organization organisation company firm bank state country nation
coalition alliance alliance navy airforce guard guards department office secretary counterpart
mayor governor king queen prince cleric bishop pope ally allies media newspaper network station
administration junta cabinet bloc member members family families prisoner prisoners refugee refugees
player team club candidate campaign voter voters supporter supporters staff aide aides adviser
advisor official officials investigator investigators inspector inspectors director executive
board panel commission assembly legislature caucus bureau federation association league movement
faction factions clan tribe church diocese employer employers management
""".split()
)

_PATIENT_NOUNS = frozenset(
    {
        "killing",
        "assassination",
        "murder",
        "execution",
        "arrest",
        "detention",
        "abduction",
        "kidnapping",
        "release",
        "extradition",
        "deportation",
        "siege",
        "invasion",
        "occupation",
        "bombing",
        "shelling",
        "bombardment",
        "expulsion",
        "blockade",
        "massacre",
        "shooting",
    }
)

_PATIENT_NOUNS = _PATIENT_NOUNS | {
    "seizure",
    "capture",
    "imprisonment",
    "abuse",
    "torture",
    "conviction",
}
_HAZARDS = frozenset(
    {
        "earthquake",
        "quake",
        "tremor",
        "aftershock",
        "storm",
        "hurricane",
        "typhoon",
        "cyclone",
        "flood",
        "tsunami",
        "fire",
        "blaze",
        "wildfire",
        "landslide",
        "avalanche",
        "drought",
        "disease",
        "virus",
        "tornado",
        "explosion",
        "blast",
        "eruption",
        "heatwave",
        "wave",
    }
)
_SPEECH = frozenset(
    {
        "say",
        "declare",
        "state",
        "insist",
        "reiterate",
        "announce",
        "conclude",
        "argue",
        "write",
        "tell",
        "add",
        "warn",
        "stress",
    }
)
_COOP_NOUN_CATS = {"AGREE", "CONSULT", "COOPERATE", "AID", "SUPPORT", "CONCEDE"}
_CHARGE_VERBS = {
    "accuse",
    "charge",
    "convict",
    "suspect",
    "blame",
    "find",
    "indict",
    "arrest",
    "jail",
    "sentence",
    "detain",
    "condemn",
    "criticize",
    "criticise",
    "praise",
    "thank",
    "punish",
}
_THINGS = frozenset(
    {
        "orders",
        "numbers",
        "papers",
        "members",
        "letters",
        "centers",
        "centres",
        "waters",
        "borders",
        "matters",
        "powers",
        "offers",
        "headquarters",
        "computers",
        "shelters",
        "chambers",
        "corners",
        "layers",
        "meters",
        "quarters",
        "reports",
        "documents",
        "governments",
        "weapons",
        "plants",
        "grants",
        "accounts",
        "restaurants",
        "elements",
        # more -ers / -ors / -ants plurals that name things, not people
        "disasters",
        "factors",
        "sectors",
        "errors",
        "doors",
        "floors",
        "corridors",
        "towers",
        "rivers",
        "posters",
        "banners",
        "containers",
        "trailers",
        "tankers",
        "variants",
        "pollutants",
        "nutrients",
    }
)
_HAZARDS = _HAZARDS | {"disaster", "epidemic", "pandemic", "outbreak", "famine", "mudslide"}
_CUSTODY = {
    "custody",
    "jail",
    "prison",
    "detention",
    "cell",
    "camp",
    "captivity",
    "arrest",
    "prisons",
}
_PARTICLES = {"over", "out", "up", "down", "off", "back", "away"}
_DURING_PREPS = {"during", "in", "at", "through", "via", "over"}
_GIVING = {"AID", "COOPERATE", "CONCEDE", "SUPPORT"}
_BEFORE_PREP_ROLE = {
    "with": {"CONSULT", "COOPERATE", "AGREE", "FIGHT", "SANCTION"},
    "on": {"ASSAULT", "FIGHT", "SANCTION", "DEMAND", "COERCE"},
    "upon": {"DEMAND"},
    "against": {
        "ASSAULT",
        "FIGHT",
        "SANCTION",
        "PROTEST",
        "ACCUSE",
        "COERCE",
        "MOBILIZE",
        "THREATEN",
    },
    "to": {"CONSULT", "DEMAND", "AID", "CONCEDE", "SUPPORT", "ASSAULT", "COOPERATE", "AGREE"},
    "for": {"SUPPORT"},
    "behind": {"SUPPORT"},  # "rallied behind the nominee"
    "from": {"RETREAT"},
    "at": {"ASSAULT", "FIGHT", "PROTEST", "ACCUSE"},  # "lashed out at the judge"
    "into": {"FIGHT", "MOBILIZE", "INVESTIGATE"},
    "toward": {"MOBILIZE"},
    "towards": {"MOBILIZE"},
    "outside": {"PROTEST"},
}

_VIOLENT = frozenset(
    {
        "avenge",
        "retaliate",
        "attack",
        "kill",
        "strike",
        "punish",
        "destroy",
        "hit",
        "bomb",
        "respond",
        "revenge",
        "retaliation",
        "fight",
        "wipe",
    }
)
_PROMISE_NOUNS = frozenset({"revenge", "retaliation", "vengeance", "reprisal", "response"})


@dataclass
class _Trig:
    tok: Any
    category: str
    action: str
    nominal: bool
    actor: Any = None
    target: Any = None
    modality: str = "asserted"
    date: TimeExpr | None = None
    location: str | None = None
    absorbed: list[Any] = field(default_factory=list)
    drop: bool = False


# --------------------------------------------------------------------------- helpers


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks; an unclosed quote ends with its paragraph."""
    out: list[tuple[int, int]] = []
    start = None
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\n" and text.startswith("\n\n", i):
            if start is not None:
                out.append((start, i))
            start = None
        elif ch == "“" or (ch == '"' and start is None):
            start = i + 1
        elif ch in '”"' and start is not None:
            out.append((start, i))
            start = None
        i += 1
    if start is not None:
        out.append((start, len(text)))
    # Scare quotes around a word or two ("killing") are not speech.
    return [(a, b) for a, b in out if len(text[a:b].split()) > 3]


def _inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` falls in one of ``ranges`` (sorted, non-overlapping, as
    ``_quoted_ranges`` gives them): a binary search, not a scan per token."""
    k = bisect.bisect_right(ranges, (offset, float("inf"))) - 1
    return k >= 0 and ranges[k][0] <= offset < ranges[k][1]


def _child(tok: Any, deps: set[str] | str) -> Any:
    deps = {deps} if isinstance(deps, str) else deps
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


#: Nouns of amount or sequence whose "of" object is the real object: "25,000 tons of food aid",
#: "launched a wave of attacks", "5 million dollars of aid".
_MEASURES = frozenset(
    {"ton", "tonne", "kilogram", "kg", "dollar", "euro", "pound", "million", "billion", "series",
     "wave", "string", "spate", "round", "number", "lot", "amount", "package", "shipment",
     "batch", "worth", "dozen", "hundred", "thousand", "host", "barrage", "volley", "part",
     "portion", "share", "half", "rest", "remainder"}
)


def _object(tok: Any) -> Any:
    """The direct object, looking through a measure or sequence noun to what it counts."""
    obj = _child(tok, "dobj")
    if obj is not None and obj.lemma_.lower() == "state":
        inner = _prep_obj(obj, {"of"})
        if inner is not None and inner[1].lemma_.lower() == "emergency":
            return inner[1]  # "lifted the state of emergency": the emergency is the measure
    if obj is not None and obj.lemma_.lower() in _MEASURES:
        inner = _prep_obj(obj, {"of"})
        if inner is not None and inner[1].pos_ in ("NOUN", "PROPN"):
            return inner[1]
    return obj


def _prep_obj(tok: Any, preps: set[str]) -> tuple[str, Any] | None:
    """First "prep X" object among tok's children whose preposition is in ``preps``."""
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            obj = _child(c, {"pobj", "pcomp"})
            if obj is not None:
                return c.lower_, obj
    return None


_KEEP = {
    "compound",
    "amod",
    "nmod",
    "poss",
    "case",
    "nummod",
    "quantmod",
    "flat",
    "det",
    "prep",
    "pobj",
    "npadvmod",
    "hmod",
    "hyph",
    "punct",
}


def _names_affiliation(prep: Any) -> bool:
    """ "activists from the Fatah Party", "doctors from two aid groups": a "from" phrase that
    names the body people belong to is part of what the sentence calls them."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and (
        obj.ent_type_ in ("ORG", "NORP", "GPE") or obj.pos_ == "PROPN"
        or obj.lemma_.lower() in ("group", "party", "organization", "organisation", "agency", "union")
    )


def _np_tokens(tok: Any) -> list[Any]:
    """The noun phrase headed by tok, without clauses, appositions, coordination or most PPs."""
    keep = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            # "Hungarian and Romanian officials": coordinated modifiers stay, coordinated heads not.
            coord_mod = c.dep_ in ("cc", "conj") and t.i != tok.i and t.dep_ in ("amod", "compound")
            # "the Asia-Pacific Economic Cooperation (APEC) forum": a name's acronym in brackets
            # inside the phrase would otherwise cut the name off from its head.
            acronym = (
                c.dep_ == "appos" and t.i != tok.i and c.i < tok.i and c.i > 0
                and c.doc[c.i - 1].text == "("
            )
            if c.dep_ not in _KEEP and not coord_mod and not acronym:
                continue
            if c.dep_ == "prep" and not (
                t.i == tok.i and (c.lower_ == "of" or (c.lower_ == "from" and _names_affiliation(c)))
            ):
                continue
            if c.dep_ == "punct" and c.text not in "-'’()":
                continue
            if c.ent_type_ in ("DATE", "TIME"):
                continue
            keep.append(c)
            stack.append(c)
    keep.sort(key=lambda t: t.i)
    # Only a contiguous run around the head: a stray dependent far away is a parse error.
    lo = hi = [t.i for t in keep].index(tok.i)
    while lo > 0 and keep[lo - 1].i == keep[lo].i - 1:
        lo -= 1
    while hi < len(keep) - 1 and keep[hi + 1].i == keep[hi].i + 1:
        hi += 1
    run = keep[lo : hi + 1]
    while run and (run[0].dep_ in ("det", "punct") or run[0].is_punct) and run[0].i != tok.i:
        run = run[1:]
    while (
        run
        and (run[-1].dep_ in ("punct", "case", "prep") or run[-1].is_punct)
        and run[-1].i != tok.i
    ):
        run = run[:-1]
    return run


def np_text(tok: Any) -> str:
    """Readable text of the noun phrase headed by ``tok``."""
    toks = _np_tokens(tok)
    doc = tok.doc
    return doc[toks[0].i : toks[-1].i + 1].text if toks else tok.text


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """English names of countries (CLDR, through babel), plus common short forms."""
    names = set(_COUNTRY_ALIASES) | set(_COUNTRY_ALIASES.values())
    try:
        from babel import Locale

        for code, name in Locale("en").territories.items():
            if code.isalpha():  # numeric codes are world regions
                names.add(name.lower())
    except Exception:  # babel missing: the alias table still covers the usual short forms
        log.debug("babel unavailable; country names from the alias table only")
    return frozenset(names)


def is_country(tok: Any) -> bool:
    """Whether the entity at tok names a country ("US", "Iran"), not a city or region."""
    span = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    text = (span.text if span is not None else tok.text).lower()
    text = re.sub(r"^the\s+", "", text)
    return text in _country_names()


_NAMES_KEY = "storyline.events.names"
_PERSONS_KEY = "storyline.events.persons"
_QUESTIONS_KEY = "storyline.events.questions"
_NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def _mark_names(doc: Any, analysis: ArticleAnalysis) -> None:
    """Remember the tokens that repeat a name the article uses elsewhere but that the tagger
    read as a common noun.

    The small English model often tags a bare surname that opens a sentence ("Trump later
    met ...", "Pence defended ...") as a NOUN with no entity type; a later mention of the same
    person as a name shows what it is. Person names lend every capitalised word (a surname
    stands for the person); other names only when the whole name is one word ("Iran").
    Stored in ``doc.user_data`` (read by ``_known_name``) so the token attributes other
    stages read stay untouched.
    """
    words: dict[str, tuple[str | None, str]] = {}
    spans = [(m.text, m.label, m.entity) for m in analysis.mentions] or [
        (e.text, e.label_, None) for e in doc.ents
    ]
    for text, label, key in spans:
        if label not in _NAME_LABELS:
            continue
        parts = text.split()
        if label == "PERSON":
            for w in parts:
                if len(w) > 2 and w[0].isupper() and w[1:].islower():
                    words.setdefault(w, (key, label))
        elif len(parts) == 1 and len(text) > 2 and text[0].isupper():
            words.setdefault(text, (key, label))
    names = {
        tok.i: words[tok.text]
        for tok in doc
        if tok.pos_ in ("NOUN", "ADJ") and not tok.ent_type_ and tok.text in words
    }
    for tok in doc:
        # "called Trump's comments disgraceful": a capitalised possessor inside a sentence is a
        # name even when the tagger missed it.
        if (
            tok.dep_ == "poss"
            and tok.pos_ == "NOUN"
            and tok.i not in names
            and tok.is_title
            and not tok.is_sent_start
            and not doc[tok.i - 1].is_title
            and not doc[tok.i - 1].is_punct
        ):
            names[tok.i] = (None, "")
    doc.user_data[_NAMES_KEY] = names
    # Surnames the tagger labels ORG elsewhere ("Trump's attacks") still name the person.
    doc.user_data[_PERSONS_KEY] = frozenset(w for w, (_, label) in words.items() if label == "PERSON")


def _known_name(tok: Any) -> bool:
    """Whether tok is a name the tagger missed (see ``_mark_names``)."""
    return tok.i in tok.doc.user_data.get(_NAMES_KEY, ())


def _is_actorlike(tok: Any) -> bool:
    if tok.ent_type_ in _ENT_ACTOR or tok.pos_ == "PROPN" or _known_name(tok):
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ not in {"it", "this", "that", "what", "which", "something", "anything"}
    if (
        tok.lemma_.lower() in ACTOR_NOUNS
        or tok.lower_ in ACTOR_NOUNS
        or tok.lemma_.lower() in _MORE_PEOPLE
    ):
        return True
    # Plural nouns for kinds of people: detainees, activists, civilians, protesters, gunmen.
    return (
        tok.tag_ == "NNS" and bool(_PEOPLE_SUFFIX.search(tok.lower_)) and tok.lower_ not in _THINGS
    )


_RELATIVE = {"who", "which", "that", "whom"}
_GROUP_HEADS = {
    "series",
    "wave",
    "string",
    "spate",
    "number",
    "set",
    "group",
    "pair",
    "couple",
    "dozens",
    "hundreds",
    "thousands",
    "some",
    "many",
    "most",
    "all",
    "none",
    "one",
    "two",
    "three",
}


def _named(tok: Any) -> Any:
    """The participant's best head.

    A name in apposition ("the US Secretary of State, Mike Pompeo" -> Pompeo),
    the antecedent of a relative pronoun ("sailors who were detained" ->
    sailors) and the members of a group word ("a series of bombings" ->
    bombings).
    """
    if tok is None:
        return tok
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    if tok.lower_ == "whose":
        # "Obama, whose criticism of Trump has sharpened": the relative clause's antecedent.
        node = tok.head
        while node.dep_ != "relcl" and node.head.i != node.i:
            node = node.head
        if node.dep_ == "relcl":
            return node.head
    if tok.lemma_.lower() in _GROUP_HEADS:
        of = _prep_obj(tok, {"of"})
        if of is not None:
            tok = of[1]
    if tok.ent_type_ == "PERSON":
        return tok
    for c in tok.children:
        if c.dep_ == "appos":
            if c.ent_type_ in ("PERSON", "ORG"):
                return c
            deeper = _child(c, "appos")
            if deeper is not None and deeper.ent_type_ == "PERSON":
                return deeper
    return tok


def _misattached_subject(verb: Any) -> Any:
    """ "after a mob this week laid siege": spaCy makes "mob" the object of "after"."""
    for c in verb.head.children:
        if (
            c.dep_ == "prep"
            and c.lower_ in ("after", "before", "since", "until", "as")
            and c.i < verb.i
        ):
            obj = _child(c, "pobj")
            if (
                obj is not None
                and obj.i < verb.i
                and all(
                    t.dep_ in ("npadvmod", "det", "advmod") or t.i <= obj.i
                    for t in verb.doc[obj.i + 1 : verb.i]
                )
            ):
                return obj
    return None


_REPORTING = _SPEECH | {"claim", "confirm", "report", "indicate", "signal", "vow", "promise"}


def _reporting_speaker(pron: Any) -> Any:
    """The subject of the reporting verb whose complement clause has ``pron`` as subject, if it
    can be what the pronoun refers to ("it": a country or body, "he"/"she": a person)."""
    clause = pron.head
    steps = 0
    while clause.dep_ in ("conj", "xcomp") and steps < 3:
        clause, steps = clause.head, steps + 1
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in _REPORTING:
        return None
    # "The rebels rejected the plan and said they opposed ...": a conjoined reporting verb
    # shares its subject.
    speaker = _verb_subject(clause.head)
    if speaker is None or speaker.pos_ == "PRON" or not _is_actorlike(speaker):
        return None
    person = speaker.ent_type_ == "PERSON"
    word = pron.lower_
    if word in ("he", "she") and not person:
        return None
    if word == "it" and (person or speaker.tag_ in ("NNS", "NNPS")):
        return None
    if word in ("they", "we") and person:
        return None
    return speaker


def _in_dateline(tok: Any) -> bool:
    """Whether tok stands before a dash that closes a dateline ("LONDON, UK -- ...")."""
    sent = tok.sent
    for w in sent[: min(len(sent), 8)]:
        if (
            w.text in ("–", "—", "--", "-")
            and w.i > tok.i
            and w.whitespace_
            and w.i > 0
            and w.doc[w.i - 1].whitespace_
        ):
            # Only names and punctuation before the dash: a place line, not a hyphenated word.
            return all(x.pos_ in ("PROPN", "PUNCT", "NUM") for x in w.doc[sent.start : w.i])
    return False


def _verb_subject(verb: Any) -> Any:
    """The verb's subject, inherited through conjunction, control and participial clauses."""
    seen = 0
    v = verb
    while v is not None and seen < 6:
        seen += 1
        subjects = [c for c in v.children if c.dep_ in _SUBJ]
        if len(subjects) > 1:
            # "TEXAS, US - A court martial found ...": the dateline was parsed as a subject too.
            subjects = [c for c in subjects if not _in_dateline(c)] or subjects
        if subjects:
            return subjects[0]
        if _child(v, _PASS_SUBJ) is not None:
            return None
        if v.dep_ == "advcl":
            mis = _misattached_subject(v)
            if mis is not None:
                return mis
        if v.dep_ == "acomp":
            # "he is prepared to lift the ban", "Syria is willing to withdraw": the subject of
            # the copula the adjective complements.
            v = v.head
            continue
        if (
            v.dep_ == "acl"
            and v.head.lemma_.lower() in _PLANNED_NOUNS | _UNREALISED_NOUNS | {"move", "attempt"}
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        ):
            # "announced a plan to withdraw its troops", "Iran's decision to free the sailors":
            # who plans the act does it.
            noun = v.head
            poss = _child(noun, "poss")
            if poss is not None:
                return poss
            if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _PLAN_MAKERS:
                v = noun.head  # not "critics attacked the proposal to expel ...": not theirs
                continue
            return None
        if v.dep_ in ("conj", "xcomp", "advcl", "pcomp") or (v.dep_ == "ccomp" and v.tag_ == "VBG"):
            head = v.head
            if v.dep_ == "pcomp":
                if head.lower_ == "for" and _child(head.head, "dobj") is not None:
                    return _child(head.head, "dobj")  # "praised the guards for capturing them"
                if (
                    head.lower_ in ("of", "with", "for")
                    and head.head.lemma_.lower() in _CHARGE_VERBS
                ):
                    # "He was accused of assaulting prisoners": the accused is the actor.
                    return _child(head.head, "dobj") or _child(head.head, _PASS_SUBJ)
                head = head.head
            if v.dep_ == "xcomp":
                obj = _child(head, {"dobj"})
                if obj is not None and head.lemma_ in plover.REQUEST_GOVERNORS:
                    return obj
            v = head
            continue
        return None
    return None


def _time_tokens(doc: Any, times: list[TimeExpr]) -> list[tuple[TimeExpr, Any]]:
    out = []
    for t in times:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((t, span.root))
    return out


def _first_trigger_above(
    tok: Any, triggers: dict[int, _Trig], stop_at_clause: bool = True
) -> _Trig | None:
    """The nearest trigger among tok's ancestors, not crossing into a governing clause."""
    node = tok
    for _ in range(40):
        if node.i in triggers and node.i != tok.i and not triggers[node.i].drop:
            return triggers[node.i]
        if node.head.i == node.i:
            return None
        # A clause boundary: the time belongs to that clause's (non-trigger) verb.
        if (
            stop_at_clause
            and node.pos_ in ("VERB", "AUX")
            and node.i != tok.i
            and (node.i not in triggers or triggers[node.i].drop)
        ):
            return None
        node = node.head
    return None


_PRECISION_RANK = {"day": 3, "week": 2, "month": 2, "year": 1, "unknown": 0}


# --------------------------------------------------------------------------- triggers


#: What is "shot" when filming or in sport: "shot a video", "shooting skeet", "shot hoops".
_SHOT_NOT_AT = frozenset({"skeet", "video", "film", "footage", "photo", "photograph", "picture",
                          "scene", "movie", "documentary", "hoop", "basket", "pool", "glance",
                          "look", "question", "commercial", "advert", "ad", "episode", "clip",
                          "trap", "selfie", "interview", "segment", "music"})


#: Texts a court or legislature strikes down or upholds: no target of force.
_LEGAL_TEXTS = frozenset({"law", "rule", "ban", "regulation", "statute", "provision", "measure",
                          "policy", "order", "mandate", "ordinance", "act", "bill", "section",
                          "clause", "requirement", "restriction", "limit", "map", "decision",
                          "ruling", "conviction", "sentence", "amendment"})


#: Verbs of state or cognition: "X should expect / know / be ..." asks no act of X.
_STATE_VERBS = frozenset({"expect", "know", "understand", "realize", "realise", "feel",
                          "think", "believe", "remember", "recognize", "recognise", "see", "worry",
                          "fear", "hope", "wonder", "consider", "need", "want", "get", "remain"})
#: Verbs that promise a good: what they promise is given later.
_PLEDGE_VERBS = frozenset({"pledge", "promise", "offer", "commit", "earmark"})
_PLEDGED_AID = frozenset(f"{v} aid" for v in _PLEDGE_VERBS)


def _verb_trigger(tok: Any) -> tuple[str, str] | None:
    """(category, action) of a verb token, or None."""
    lemma = tok.lemma_.lower()
    if lemma in _SPEECH and any(
        c.dep_ == "ccomp"
        and any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in c.children)
        and _child(c, _SUBJ) is not None
        and _child(c, _SUBJ).lower_ not in ("i", "we", "it", "one", "nobody", "everyone", "anyone")
        and _is_actorlike(_child(c, _SUBJ))  # "argued the sites should be off limits": no party
        and c.lemma_.lower() not in _STATE_VERBS  # "warned they should expect little help"
        and not any(d.dep_ == "det" and d.lower_ == "no" for d in _child(c, _SUBJ).children)
        for c in tok.children
    ):
        return "DEMAND", f"{lemma} must"  # "X said Iraq must cooperate": a demand on Iraq
    if lemma in {"say", "tell", "add", "note", "state", "write", "tweet", "report", "claim"}:
        return None
    dobj = _object(tok)
    if (
        lemma == "meet"
        and dobj is not None
        and not (_is_actorlike(dobj) or dobj.ent_type_ in _ENT_ACTOR)
        and (lemma, dobj.lemma_.lower()) not in plover._PHRASAL
        and dobj.lemma_.lower() not in _REQUEST_NOUNS | {"condition", "term"}  # "not meet demands"
    ):
        return None  # "meet the needs of victims", "met the deadline": no meeting with anyone
    if lemma in ("charge", "task", "entrust") and dobj is not None:
        with_ = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"), None)
        duty = _child(with_, "pcomp") if with_ is not None else None
        if duty is not None and duty.tag_ == "VBG" and _verb_trigger(duty) is None:
            return None  # "charged the inspectors with verifying": a task, no accusation
    if (
        dobj is not None
        and dobj.lemma_.lower() == "warning"
        and _caution(dobj)
        and not any(
            c.dep_ in ("prep", "dative") and c.lower_ == "to" and _child(c, "pobj") is not None
            and (_is_actorlike(_child(c, "pobj")) or _child(c, "pobj").ent_type_ in _ENT_ACTOR)
            for c in tok.children
        )
    ):
        return None  # "issued / lifted a warning against travel": advice, no threat
    if lemma == "shoot" and dobj is not None and dobj.lemma_.lower() in _SHOT_NOT_AT:
        return None  # "shooting skeet", "shot a video": filming or sport, no one is shot at
    prt_ = _child(tok, "prt")
    if lemma == "strike" and prt_ is not None and prt_.lower_ == "down" and dobj is not None and (
        dobj.lemma_.lower() in _LEGAL_TEXTS | _DOCUMENT_NOUNS
        or any(c.lemma_.lower() in _LEGAL_TEXTS for c in dobj.subtree if c.dep_ == "pobj")
    ):
        return None  # "the court struck down the law": a ruling, no attack
    if lemma == "strike" and prt_ is not None and prt_.lower_ == "down":
        subj = _verb_subject(tok)
        if subj is not None and subj.lemma_.lower() in _LEGAL_BODIES | {"justice", "justices"}:
            return None  # "should the appeals court strike them down": a ruling
    if (
        lemma in ("deploy", "mobilize", "mobilise")
        and dobj is not None
        and not _is_actorlike(dobj)
        and not _military(dobj)
        and dobj.lemma_.lower() not in _OWN_PERSONNEL | _MOBILISED | _MUNITIONS | _WAR_MACHINES
    ):
        return None  # "deploy the courts against the wall", "mobilized resources": no forces
    if lemma == "sign" and prt_ is not None and prt_.lower_ == "up" and not any(
        g.lemma_.lower() in _COVENANTS for c in tok.children if c.dep_ == "prep" for g in c.children
    ):
        return None  # "8 million signed up for coverage": enrolling, no agreement
    if lemma in ("welcome", "protest") and tok.dep_ in ("acomp", "amod"):
        return None  # "welcome news": an adjective, no act
    if lemma in ("direct", "instruct") and _child(tok, {"xcomp", "ccomp"}) is None and not _prep_obj(tok, {"to"}):
        return None  # "a station directed by Nasser": managed, no instruction given
    if lemma in ("fight", "battle", "struggle") and any(
        c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in tok.children
    ):
        subj = _verb_subject(tok)
        if subj is None or not (_armed(subj) or _military(subj) or subj.lemma_.lower() in _VIOLENT_ACTORS):
            return None  # "the relatives have fought to keep the boy": a struggle, no combat
    if lemma == "shoot" and prt_ is not None and prt_.lower_ == "up" and dobj is None:
        return None  # "the odds have shot up": rose, no shooting
    if lemma == "talk" and prt_ is not None and prt_.lower_ in ("up", "down"):
        return None  # "talked up her strategy": promoted, no talks
    if lemma == "rally":
        behind = _prep_obj(tok, {"behind", "around", "to"})
        if behind is not None and (
            _is_actorlike(behind[1]) or behind[1].ent_type_ in _ENT_ACTOR
            or (behind[1].pos_ == "NOUN" and _can_act(behind[1]))
        ):
            return "SUPPORT", "rally behind"  # "his supporters will rally behind her"
    if lemma in _PLEDGE_VERBS:
        pledged = dobj if dobj is not None else _named(_child(tok, _PASS_SUBJ))
        if pledged is not None and (
            pledged.ent_type_ == "MONEY"
            or (pledged.ent_type_ == "CARDINAL" and pledged.lower_ in ("million", "billion"))
            or pledged.lemma_.lower() in _RESOURCE_NOUNS | _RELIEF_GOODS
            or any(
                g.lemma_.lower() in _RESOURCE_NOUNS
                for c in pledged.children if c.dep_ == "prep" and c.lower_ == "in"
                for g in c.children if g.dep_ == "pobj"
            )
        ):
            # "pledged $350 million in aid", "the 350 million promised by the government": aid
            # promised (future: see _PLEDGED_AID), not an agreement.
            return "AID", f"{lemma} aid"
    if lemma == "sit" and not _prep_obj(tok, {"with", "for", "across"}):
        return None  # "sat down with the unions" is a meeting; "he sat down" is a posture
    if lemma == "plead" and any(
        c.lower_ in ("guilty", "innocent", "contest") for c in tok.subtree if c.i < tok.i + 4
    ):
        return None  # "pleaded guilty to fraud": an answer to a charge, not an appeal
    if (
        lemma in ("ask", "question", "press", "challenge")
        and tok.tag_ == "VBN"
        and tok.dep_ in ("advcl", "ccomp")
        and _child(tok, _PASS_SUBJ | _SUBJ) is None
        and tok.head.lemma_.lower() in _SPEECH | {"say", "tell", "reply", "respond", "answer"}
    ):
        return None  # "Asked to give an example, he said ...": a reporter's question
    if lemma == "appeal" and not (_prep_obj(tok, {"for"}) or _child(tok, {"xcomp", "ccomp"})):
        to = _prep_obj(tok, {"to"})
        if to is not None and not (_is_actorlike(to[1]) or to[1].ent_type_ in _ENT_ACTOR):
            return None  # "appealing to their passions": attracting, not asking anyone
    if lemma in _NAMING_VERBS and dobj is not None:
        # "called the remarks disgraceful", "branded the deal a disaster", "described the plan
        # as reckless": a damning label is criticism of what is named.
        right = [w for w in tok.subtree if w.i > dobj.i and w.dep_ != "punct"]
        word = next((w for w in right if w.lemma_.lower() in _DAMNING), None)
        if (
            word is not None
            and not _hazard(dobj)  # "called the storm a disaster"
            and not any(w.dep_ == "relcl" for w in word.ancestors if w.i > tok.i)
        ):
            return "ACCUSE", lemma
        if lemma != "call":
            return None
    if lemma in _GIVE_VERBS:
        # "provided food and shelter", "blankets were delivered": relief given is aid.
        goods = dobj if dobj is not None else _child(tok, _PASS_SUBJ)
        if goods is not None and (
            goods.lemma_.lower() in _RELIEF_GOODS
            or any(c.dep_ == "conj" and c.lemma_.lower() in _RELIEF_GOODS for c in goods.children)
        ):
            return "AID", f"{lemma} {goods.lemma_.lower()}"
    if lemma == "fire" and any(c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in tok.children):
        return "ACCUSE", "fire back"  # a retort; armed men firing back fight (see _ARMED_SENSE)
    prt = _child(tok, "prt")
    if prt is None:
        # "stepped down", "backed out": the parser often reads the particle as an adverb.
        adv = next(
            (c for c in tok.children
             if c.dep_ == "advmod" and c.i == tok.i + 1 and c.lower_ in _PARTICLES
             and (lemma, c.lower_) in plover._PHRASAL),
            None,
        )
        if adv is not None:
            return plover._PHRASAL[(lemma, adv.lower_)], f"{lemma} {adv.lower_}"
    if prt is not None and (lemma, prt.lower_) == ("call", "off") and dobj is not None:
        # "called off the strike", "called off the talks": the measure or event is cancelled.
        found = _noun_trigger(dobj)
        cat = plover.noun_category(found[1] if found else dobj.lemma_.lower(), "cancel")
        if found and found[0] == "PROTEST":
            cat = "CONCEDE"
        if cat:
            return cat, f"call off {dobj.lemma_.lower()}"
    if prt is not None:
        cat = plover.verb_category(lemma, prt.lower_)
        if cat:
            return cat, f"{lemma} {prt.lower_}"
    if dobj is not None:
        noun = dobj.lemma_.lower()
        if noun == "law" and any(c.lower_ == "martial" for c in dobj.children if c.dep_ in ("amod", "compound")):
            noun = "martial law"  # "imposed martial law": the measure, not a statute
        elif noun in ("measure", "power", "rule", "law", "regulation") and any(
            c.lower_ == "emergency" for c in dobj.children if c.dep_ in ("amod", "compound")
        ):
            noun = "emergency"  # "eased the emergency measures": the state of emergency
        if (lemma, noun) in plover._PHRASAL:
            return plover._PHRASAL[(lemma, noun)], f"{lemma} {noun}"
        if lemma == "strike" and noun in {"deal", "agreement", "accord", "bargain"}:
            return "AGREE", "strike deal"
        if lemma == "seek" and (plover.noun_category(noun) or noun in _RESOURCE_NOUNS | _SOUGHT):
            # "sought the release of the hostages", "sought refuge in Germany": asking for an
            # act or a good is a demand (PLOVER/CAMEO 'appeal for'), not doing it.
            return "DEMAND", f"seek {noun}"
        if lemma in plover.LIGHT_VERBS:
            cat = plover.noun_category(noun, lemma)
            answered = (
                lemma in plover.REJECTING
                or lemma in plover.ACCEPTING
                or lemma in plover.UNDOING
                or lemma in plover.VIOLATING  # "violated the ceasefire" is no agreement
            )
            if lemma in plover.UNDOING and noun == "strike":
                found = _noun_trigger(dobj)
                if found and found[0] == "PROTEST":
                    return "CONCEDE", f"{lemma} strike"  # "the union ended its strike"
            if cat and (lemma, noun) not in plover._LIGHT_OVERRIDES and not answered:
                found = _noun_trigger(dobj)  # "began a hunger strike" is a protest
                cat = found[0] if found else cat
            if cat and (answered or not (noun == "call" and _prep_obj(dobj, {"for"}))):
                return cat, f"{lemma} {noun}"
            if noun == "call" and _prep_obj(dobj, {"for"}):
                return "DEMAND", f"{lemma} call"
    for c in tok.children:
        # "called for", "fired on" take a preposition; "take over", "back out" need a particle,
        # or "took place over the year" would be a takeover.
        # "walked out of the hearing", "pulled out of the talks": a particle the parser took
        # for a preposition, before "of".
        out_of = (
            c.lower_ == "out"
            and (dobj is None or (lemma, "out") in plover._PHRASAL)  # "forced the agency out of"
            and any(g.lower_ == "of" for g in c.children)
        )
        if c.dep_ == "prep" and (c.lower_ not in _PARTICLES or out_of):
            pobj = _child(c, "pobj")
            if pobj is not None and pobj.ent_type_ in ("DATE", "TIME"):
                continue  # "called him on Monday": a time, not "call on" someone
            cat = plover.verb_category(lemma, c.lower_)
            if cat and (lemma, c.lower_) in plover._PHRASAL:
                return cat, f"{lemma} {c.lower_}"
    if lemma == "call" and any(
        c.dep_ in ("ccomp", "advcl", "xcomp")
        and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
        for c in tok.children
    ):
        return "DEMAND", "call for"  # "called for them to be released"
    if lemma == "call":
        if _child(tok, {"oprd", "xcomp", "ccomp"}) is not None:
            return None
        if sum(1 for c in tok.children if c.dep_ in ("dobj", "npadvmod", "attr")) >= 2:
            return None  # "calling him 'a disgrace'": naming, not a phone call
        if dobj is not None and _is_actorlike(dobj):
            return "CONSULT", "call"
        return None
    if lemma == "ask":
        if _child(tok, "xcomp") is not None or _prep_obj(tok, {"for"}):
            return "DEMAND", "ask"
        return None
    if lemma == "find" and any(
        c.lower_ in ("guilty", "liable")
        for c in tok.subtree
        if c.dep_ in ("oprd", "acomp", "ccomp", "amod", "xcomp")
    ):
        return "COERCE", "find guilty"
    if lemma in ("hold", "take", "keep", "place", "put") and any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "at", "into", "under")
        and any(g.lemma_.lower() in _CUSTODY for g in c.children if g.dep_ == "pobj")
        for c in tok.children
    ):
        return "COERCE", "hold in custody"  # "was held at Rebibbia jail", "taken into custody"
    if lemma == "plead" and not (_prep_obj(tok, {"for", "with"}) or _child(tok, "xcomp")):
        return None  # "pleaded innocent" is no appeal
    if (
        lemma == "agree"
        and _child(tok, "ccomp") is not None
        and dobj is None
        and not _prep_obj(tok, {"to", "on"})
        and not _commitment(_child(tok, "ccomp"))
    ):
        # "observers agree that ...", "agreed with him that the past is relevant": an opinion,
        # not an agreement; "agreed that their countries should cooperate" commits them.
        return None
    if lemma in ("hold", "find"):
        contempt = next(
            (_child(c, "pobj") for c in tok.children
             if c.dep_ == "prep" and c.lower_ == "in" and _child(c, "pobj") is not None
             and _child(c, "pobj").lemma_.lower() == "contempt"),
            None,
        )
        subj = _verb_subject(tok)
        if contempt is not None and (
            _prep_obj(contempt, {"of"}) is not None  # "in contempt of Congress", "of court"
            or _child(tok, _PASS_SUBJ) is not None
            or (subj is not None and subj.lemma_.lower() in _LEGAL_BODIES)
        ):
            # A legal sanction ("held the aide in contempt of Congress"); "holds the press in
            # contempt" is disdain.
            return "COERCE", f"{lemma} in contempt"
    if lemma == "enter":
        # "houses were entered by armed police": the police entering premises is a raid.
        ag = _child(tok, "agent")
        doer = _child(ag, "pobj") if ag is not None else _verb_subject(tok)
        entered = _child(tok, _PASS_SUBJ) if ag is not None else dobj
        if (
            doer is not None
            and doer.lemma_.lower() in _POLICE
            and entered is not None
            and (entered.lemma_.lower() in _PREMISES or entered.ent_type_ == "FAC")
        ):
            return "COERCE", "enter"
    if lemma in ("present", "award", "bestow", "confer"):
        # "presented the commander with a medal", "awarded him the Nobel Prize": an honour.
        things = [dobj, (_prep_obj(tok, {"with"}) or (None, None))[1], _child(tok, "dative")]
        if any(x is not None and x.lemma_.lower() in _HONOURS for x in things):
            return "SUPPORT", lemma
    if lemma in ("honor", "honour") and dobj is not None and _is_actorlike(dobj):
        return "SUPPORT", lemma
    if lemma == "contribute" and dobj is not None and (
        dobj.lemma_.lower() in _RELIEF_GOODS | _OWN_PERSONNEL or dobj.ent_type_ == "MONEY"
    ) and (_prep_obj(tok, {"to", "for"}) or _prep_obj(dobj, {"to", "for"})):
        return "AID", "contribute"  # "contributed 4,000 troops to the force", "$5 million"
    if lemma in {"vow", "pledge", "promise", "swear", "offer"}:
        comp = _child(tok, {"xcomp", "ccomp"})
        if comp is not None and comp.lemma_.lower() in _VIOLENT:
            return "THREATEN", lemma
        if dobj is not None and dobj.lemma_.lower() in _PROMISE_NOUNS:
            return "THREATEN", lemma
        if comp is not None and comp.lemma_.lower() == "be":
            return None  # "the debate promised to be a crucial moment"
        if lemma == "offer":
            # Offering help, forces or a concession to a party, or offering to act, is a
            # commitment ("offered its troops to the president", "offered to mediate");
            # "offered his assessment", "offered the man a job" are no political acts.
            if not _agent_subject(tok):
                return None
            if comp is not None and comp.dep_ == "xcomp":
                return "AGREE", lemma
            dat = _child(tok, "dative")
            to = _prep_obj(tok, {"to"}) or (_prep_obj(dobj, {"to"}) if dobj is not None else None)
            party = (dat is not None and dat.pos_ != "ADP") or (to is not None and _is_actorlike(to[1]))
            if dobj is None or not party or dobj.lemma_.lower() not in _OFFERS:
                return None
        if lemma in ("pledge", "promise", "offer") and (comp is not None or dobj is not None):
            return "AGREE", lemma  # a promise of anything else is a commitment
        return None
    if lemma in ("ban", "outlaw", "bar"):
        # PLOVER/CAMEO: banning parties, politicians or groups restricts political freedom
        # (COERCE); banning goods or trade is a SANCTION.
        banned = dobj if dobj is not None else _child(tok, _PASS_SUBJ)
        if banned is not None and _is_actorlike(banned) and banned.ent_type_ not in ("GPE",):
            return "COERCE", lemma
    if lemma in ("allow", "permit") and _child(tok, _PASS_SUBJ) is None and _agent_subject(tok):
        # PLOVER CONCEDE (ease restrictions): "allowed the opposition leader to hold a rally",
        # "will allow the refugees to return", "agreed to allow access". Letting a thing happen
        # ("allowed the law to expire") is no concession to a party.
        party = dobj is not None and _is_actorlike(dobj) and _child(tok, {"xcomp", "ccomp"}) is not None
        if dobj is None:
            inner = _child(tok, {"ccomp", "xcomp"})
            subj = _child(inner, _SUBJ) if inner is not None else None
            party = subj is not None and _is_actorlike(subj) and subj.pos_ != "PRON"
        admitted = dobj is not None and (
            dobj.lemma_.lower() in _ADMISSIONS
            or (dobj.lemma_.lower() == "return" and _prep_obj(dobj, {"of"}) is not None)
        )
        if party or admitted:
            return "CONCEDE", lemma
        return None
    if lemma == "deny":
        if dobj is not None and dobj.lemma_.lower() in _ADMISSIONS:
            return "SANCTION", "deny " + dobj.lemma_.lower()  # "denied entry to the rebels"
        if dobj is not None and dobj.lemma_.lower() in _GRANTS:
            return "REJECT", "deny " + dobj.lemma_.lower()  # "denied the request", "denied bail"
        return None
    if (
        lemma in plover.CUTTING
        and dobj is not None
        and (dobj.lemma_.lower() in _RESOURCE_NOUNS or dobj.lemma_.lower() in _RELIEF_GOODS)
    ):
        return "SANCTION", f"{lemma} {dobj.lemma_.lower()}"  # "reduced food supplies to the camp"
    if lemma in ("talk", "speak") and _prep_obj(tok, {"with", "to"}) is None and not (
        dobj is not None and _prep_obj(dobj, {"with", "to"}) is not None
    ) and not (
        _verb_subject(tok) is not None and _child(_verb_subject(tok), "conj") is not None
    ):
        return None  # "talked about racial healing", "began by talking": speech, no partner
    if lemma == "discuss" and _prep_obj(tok, {"with"}) is None and not (
        dobj is not None and _prep_obj(dobj, {"with"}) is not None
    ):
        subj = _verb_subject(tok)
        if subj is None or not (
            subj.tag_ in ("NNS", "NNPS") or _child(subj, "conj") is not None or (
                dobj is not None and _is_actorlike(dobj))
        ):
            return None  # "Bolton also discussed the lengths ...": a topic, no talks
    if lemma == "host" and not (
        dobj is not None
        and (_is_actorlike(dobj) or plover.noun_category(dobj.lemma_.lower()) == "CONSULT")
    ):
        return None  # "hosted a fundraiser": no visit or talks
    if lemma == "accept" and not _proposal(dobj):
        return None  # "accepted donations", "accepted this as his responsibility": no agreement
    if lemma == "sign" and prt is None and not _proposal(dobj):
        return None  # "signed a bill into law", "signed them up": procedure, not an agreement
    if lemma == "reinforce" and not (
        dobj is not None and (_person_or_place(dobj) or dobj.lemma_.lower() in _FORCES)
    ):
        return None  # "reinforce their beliefs": no troops
    if lemma in ("recognize", "recognise", "salute", "reaffirm") and not (
        dobj is not None and (_is_actorlike(dobj) or plover.noun_category(dobj.lemma_.lower()))
    ):
        return None  # "recognized the need": not recognition of a state or government
    if lemma in ("seize", "capture", "grab") and dobj is not None and dobj.lemma_.lower() in _CHANCES:
        return None  # "seizes the chance", "captured the imagination"
    if lemma in ("slam", "crash", "plow", "plough") and _prep_obj(tok, {"into"}):
        return None  # "the truck slammed into the crowd": a collision, no criticism
    seized_on = _prep_obj(tok, {"on", "upon"})
    if lemma == "seize" and seized_on and seized_on[1].ent_type_ not in ("DATE", "TIME"):
        return None  # "will seize on this": exploit, not confiscate
    if lemma == "compromise" and dobj is not None:
        return None  # "compromise the nation's values": endanger, not concede
    if lemma == "quit" and (
        _child(tok, "xcomp") is not None or (dobj is not None and dobj.tag_ == "VBG")
    ):
        return None  # "quit giving paid speeches": stopped a habit, no withdrawal
    if (
        lemma in _STOP_VERBS
        and dobj is not None
        and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in dobj.children)
        and _party_of(tok) is None
        and _party_of(dobj) is None
    ):
        return None  # "suspended his campaign", "halted its own programme": no sanction on anyone
    if lemma == "protest" and (
        _child(tok, "ccomp") is not None or any(c.dep_ == "ccomp" for c in tok.head.children if tok.dep_ == "parataxis")
    ):
        return "ACCUSE", "protest"  # "the group protested that the authorities fail ...": a complaint
    if lemma == "demonstrate" and _child(tok, "ccomp") is not None:
        return None  # "struggled to demonstrate that she is resistant": show, not protest
    if lemma in ("demonstrate", "rally") and dobj is not None:
        return None  # "demonstrated a penchant for", "rallied supporters": showing, gathering
    if lemma in _BATTLE_VERBS and _metaphoric_fight(tok):
        return None  # "fighting climate change", "battled inflation"
    if lemma in ("decline", "refuse") and any(
        c.dep_ == "xcomp"
        and c.lemma_.lower() in _SPEECH | {"comment", "elaborate", "speculate", "confirm"}
        for c in tok.children
    ):
        return None  # "declined to comment" is no refusal of anything political
    if lemma == "appeal" and dobj is not None:
        return None  # "the state appealed the ruling": a court appeal, not a plea to a party
    if lemma in _HARSH_WORDS and any(
        c.dep_ in ("prt", "advmod") and c.lower_ in ("out", "off", "away", "up") and c.i == tok.i + 1
        for c in tok.children
    ):
        return None  # "blasted out an email", "ripped off customers": another verb, no criticism
    if lemma in _HARSH_WORDS:
        # "Democrats blasted the decision", "ripped the agreement": criticism when a speaker
        # does it to something; "the explosion blasted a hole" has no speaker.
        subj = _verb_subject(tok)
        if dobj is None or subj is None or not (_is_actorlike(subj) or subj.lemma_.lower() in _ACTING_BODIES):
            return None
        return "ACCUSE", lemma
    strike = _prep_obj(tok, {"on"})
    if lemma in ("go", "come", "be", "remain", "stay") and strike is not None and strike[1].lemma_.lower() in (
        "strike", "walkout", "hunger"
    ):
        return "PROTEST", f"{lemma} on strike"  # "doctors went on strike over unpaid wages"
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("under", "into"):
            obj = _child(c, "pobj")
            if obj is not None and obj.lemma_.lower() in _INQUIRIES and c.lower_ == "under":
                # "was put under investigation", "came under investigation": investigated
                return "INVESTIGATE", f"{lemma} under {obj.lemma_.lower()}"
    if lemma in ("hold", "keep", "take") and (dobj is not None or _child(tok, _PASS_SUBJ) is not None):
        held = dobj if dobj is not None else _child(tok, _PASS_SUBJ)
        role = next(
            (g for c in tok.children
             for g in ([c] if c.dep_ in ("oprd", "advmod", "npadvmod", "xcomp", "dobj", "advcl", "ccomp")
                       and c != held
                       else [_child(c, "pobj")] if c.dep_ == "prep" and c.lower_ == "as" else [])
             if g is not None and g.lemma_.lower() in _CAPTIVES),
            None,
        )
        if role is not None and _is_actorlike(held):
            return "COERCE", f"{lemma} {role.lemma_.lower()}"  # "held them hostage", "as human shields"
    if lemma in ("question", "interrogate", "interview", "quiz", "depose"):
        # "was questioned by federal prosecutors", "FBI agents interviewed the aide": questioning
        # by investigators is an inquiry; a journalist's interview is not.
        ag = _passive_agent(tok)
        asker = _child(ag, "pobj") if ag is not None else _verb_subject(tok)
        asked = _child(tok, _PASS_SUBJ) if ag is not None or _child(tok, "auxpass") else dobj
        if (
            asker is not None and asked is not None and _is_actorlike(asked)
            and (lemma == "interrogate" or asker.lemma_.lower() in _INVESTIGATORS
                 or asker.lower_ in _INVESTIGATORS)
        ):
            return "INVESTIGATE", lemma
        if (
            lemma == "question"
            and dobj is not None
            and not _is_actorlike(dobj)
            and dobj.ent_type_ not in _ENT_ACTOR
            and _owner(dobj) is not None
        ):
            # "questioned the FBI's handling of the case", "questioned his judgment": doubting
            # someone's conduct in public is criticism of its owner.
            return "ACCUSE", lemma
        return None
    if lemma == "invite" and dobj is not None and _is_actorlike(dobj):
        to = _prep_obj(tok, {"to", "for"})
        cat = plover.noun_category(to[1].lemma_.lower()) if to is not None else None
        if cat == "CONSULT":
            return "CONSULT", "invite"  # "invited the opposition leader to talks"
    if lemma == "hang":
        hanged = dobj if dobj is not None else _child(tok, _PASS_SUBJ)
        if hanged is not None and _is_actorlike(hanged):
            return "ASSAULT", "hang"  # "Iran hanged two men": an execution
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            obj = _child(c, "pobj")
            if obj is not None and obj.lemma_.lower() == "protest" and _child(obj, "det") is None:
                # "walked out in protest", "resigned in protest at the decision": the act is
                # done as a protest, whatever the verb.
                return "PROTEST", f"{lemma} in protest"
    if lemma == "warn" and not _warning_is_threat(tok, dobj):
        return None
    if lemma == "allege" and _child(tok, "ccomp") is not None:
        return None  # "alleged that ...": a report, like "said"
    cat = plover.verb_category(lemma)
    if cat is None:
        return None
    if lemma in ("search", "capture") and dobj is not None and not _person_or_place(dobj):
        return None  # "searched their records", "capture communications": no coercion
    if (
        lemma in ("cancel", "halt", "freeze", "suspend")
        and dobj is not None
        and not _is_actorlike(dobj)
        and not any(
            plover.noun_category(w.lemma_.lower()) or w.lemma_.lower() in _ACTIVITIES
            for w in [dobj] + [c for c in dobj.children if c.dep_ in ("compound", "amod")]
        )
        and _party_of(tok) is None
    ):
        return None  # "canceled 'Minority Report'", "froze the screen": no measure against anyone
    if lemma in plover.NEEDS_OBJECT:
        passive = _child(tok, _PASS_SUBJ) is not None or tok.dep_ == "acl" or _reduced_conjunct(tok)
        if dobj is None and not passive:
            return None
        if (
            lemma in {"hit", "strike", "target"}
            and dobj is not None
            and not (
                _is_actorlike(dobj)
                or dobj.ent_type_ in _ENT_PLACE
                or dobj.pos_ in ("NOUN", "PROPN")
            )
        ):
            return None
        if (
            lemma in {"hit", "strike"}
            and dobj is not None
            and dobj.lemma_.lower()
            in {
                "record",
                "high",
                "low",
                "note",
                "chord",
                "balance",
                "deal",
                "target",
                "mark",
                "road",
                "ball",
                "limit",
                "ceiling",
                "wall",
                "snag",
                "jackpot",
                "nerve",
                "headline",
                "streak",
                "stride",
                "milestone",
                "peak",
                "bottom",
                "level",
                "button",
                "shelf",
                "screen",
            }
        ):
            return None
    return cat, lemma


#: Verbs that put a label on someone or something ("called it a disgrace").
_NAMING_VERBS = frozenset({"call", "brand", "label", "describe", "dub", "term", "deem"})
#: Damning labels: with a naming verb they make criticism (PLOVER DISAPPROVE).
_DAMNING = frozenset(
    {"disgrace", "disgraceful", "reckless", "dangerous", "irresponsible", "unacceptable",
     "outrageous", "shameful", "racist", "sexist", "bigoted", "unfit", "illegal", "unlawful",
     "unconstitutional", "ridiculous", "absurd", "appalling", "deplorable", "despicable",
     "offensive", "inappropriate", "hypocritical", "disgusting", "pathetic", "terrible",
     "horrible", "disaster", "disastrous", "liar", "failure", "farce", "sham", "hoax", "stunt",
     "insult", "insulting", "travesty", "outrage", "scandal", "scandalous", "corrupt", "crook",
     "crooked", "fraud", "traitor", "treasonous", "incompetent", "cowardly", "coward", "shameless",
     "betrayal", "abomination", "atrocity", "catastrophe", "catastrophic", "embarrassment",
     "embarrassing", "dishonest", "immoral", "unjust", "cynical", "partisan", "baseless", "bogus"}
)
#: Colloquial verbs of harsh criticism in news headlines and copy.
_HARSH_WORDS = frozenset({"blast", "bash", "rip", "skewer", "pillory", "deride", "ridicule",
                          "mock", "disparage", "belittle", "lampoon"})

_SOUGHT = frozenset({"refuge", "asylum", "apology", "compensation", "clarification", "extradition",
                     "protection", "explanation", "redress", "clemency", "pardon"})

_FORCE_CATS = {"ASSAULT", "FIGHT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN", "REJECT", "RETREAT"}


def _is_forceful_noun(noun: Any) -> bool:
    """Whether a noun names an act of force or pressure ("military action", "an attack")."""
    cat = plover.noun_category(noun.lemma_.lower())
    return cat in plover.MATERIAL or noun.lemma_.lower() in ("action", "intervention", "retaliation", "escalation")


def _caution(tok: Any) -> bool:
    """A nominal "warning" that advises rather than threatens: "a warning against travel to
    Kenya", "a flood warning", "a warning about the risks" (no party warned, no act of force)."""
    if tok.lemma_.lower() != "warning":
        return False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "against", "of", "about", "on"):
            obj = _child(c, "pobj")
            if obj is None:
                continue
            if c.lower_ == "to" and (_is_actorlike(obj) or obj.ent_type_ in _ENT_ACTOR):
                return False  # "a warning to Iran"
            if _is_forceful_noun(obj):
                return False  # "a warning of retaliation"
        if c.dep_ in ("acl", "relcl", "ccomp"):
            return False
    return True


def _warning_is_threat(tok: Any, dobj: Any) -> bool:
    """Whether "warn" announces what the speaker's side will do (a threat) rather than cautions
    about a danger.

    "warned that police will no longer tolerate rallies", "warned Iran against military action",
    "warned that the US would retaliate" threaten; "warned of the risk of disease", "warned that
    millions could face hunger", "warned residents to stay indoors" caution or advise.
    """
    comp = _child(tok, "ccomp")
    if comp is not None:
        auxes = {c.lower_ for c in comp.children if c.dep_ == "aux"}
        found = _verb_trigger(comp) if comp.pos_ == "VERB" else None
        if found is not None and found[0] in _FORCE_CATS:
            return not (auxes & {"could", "might", "may", "can"})
        if auxes & _FUTURE_AUX:
            subj = _child(comp, _SUBJ)
            return subj is not None and (_is_actorlike(subj) or subj.lower_ in ("it", "we", "they"))
        return False
    against = _prep_obj(tok, {"against"})
    if against is not None:
        # "warned Iran against any military action" threatens; "warned against all travel to
        # Pakistan" (nobody warned, no act of force) advises.
        return dobj is not None or _is_forceful_noun(against[1])
    if dobj is not None and (dobj.ent_type_ in _ENT_ACTOR or dobj.pos_ == "PROPN"):
        return True  # a warning to a named party ("warned Syria to withdraw")
    return False


_INVESTIGATORS = frozenset({"police", "prosecutor", "investigator", "detective", "agent", "fbi",
                            "officer", "inspector", "authority", "authorities", "committee",
                            "panel", "interrogator", "counsel"})
_INQUIRIES = frozenset({"investigation", "inquiry", "enquiry", "probe", "scrutiny", "review"})
#: What people are held as when they are held by force.
_CAPTIVES = frozenset({"hostage", "shield", "captive", "prisoner"})

_COMMIT_MODALS = {"should", "will", "would", "must", "shall", "'ll"}
#: What a state denies at its borders (SANCTION) and what an authority refuses to grant (REJECT).
_ADMISSIONS = frozenset({"entry", "access", "visa", "passage", "landing", "admission", "admittance"})
_GRANTS = frozenset(
    {"request", "permission", "asylum", "bail", "approval", "application", "appeal", "allocation",
     "license", "licence", "permit", "accreditation", "demand"}
)
#: Things hit or searched in force: buildings, vehicles and installations.
_STRIKE_TARGETS = frozenset(
    {"target", "convoy", "vehicle", "car", "bus", "train", "ship", "house", "home", "building",
     "hospital", "school", "market", "mosque", "church", "office", "embassy", "facility", "plant",
     "refinery", "depot", "installation", "site", "compound", "headquarters", "checkpoint",
     "post", "premises", "property", "apartment", "camp", "airfield", "tanker", "vessel",
     "aircraft", "plane", "helicopter", "tank", "position", "stronghold", "hideout", "base"}
)
#: Activities a government cancels or suspends against someone: aid, trade, flights, talks.
_ACTIVITIES = frozenset(
    {"aid", "program", "programme", "flight", "service", "trade", "cooperation", "payment",
     "funding", "delivery", "export", "import", "shipment", "relation", "tie", "contract",
     "membership", "operation", "assistance", "loan", "exchange", "license", "licence", "visa",
     "permit", "accreditation", "broadcast", "publication", "activity", "mission", "process",
     "agreement", "deal", "treaty", "election", "vote", "hearing", "trial", "project"}
)


_CHANCES = frozenset(
    {"chance", "opportunity", "initiative", "moment", "momentum", "advantage", "lead",
     "imagination", "attention", "headline", "spotlight", "nomination", "mood", "day"}
)
_FORCES = frozenset({"force", "troop", "presence", "garrison", "unit", "position", "defence",
                     "defense", "border", "line", "contingent", "deployment"})


def _person_or_place(tok: Any) -> bool:
    return (
        _is_actorlike(tok)
        or tok.ent_type_ in _ENT_PLACE
        or tok.lemma_.lower() in _PLACE_NOUNS
        or tok.lemma_.lower() in _STRIKE_TARGETS
    )
_STOP_VERBS = {"suspend", "halt", "cancel", "end", "freeze", "stop"}
#: What can be accepted or signed as an agreement: proposals, terms, pacts and results.
_PROPOSALS = frozenset(
    {"offer", "proposal", "plan", "terms", "term", "condition", "conditions", "invitation",
     "resignation", "apology", "result", "results", "outcome", "verdict", "ruling", "mediation",
     "compromise", "formula", "framework", "roadmap", "initiative", "resolution", "contract",
     "memorandum", "charter", "protocol", "convention", "declaration", "document", "letter",
     "bid", "settlement", "package", "agenda", "peace"}
)


def _proposal(obj: Any) -> bool:
    """Whether an object can be accepted or signed as an agreement (or is an event noun)."""
    if obj is None:
        return False
    lemma = obj.lemma_.lower()
    return lemma in _PROPOSALS or plover.noun_category(lemma) is not None or _is_actorlike(obj)
_BATTLE_VERBS = {"fight", "battle", "combat", "war", "wage"}
_BATTLE_NOUNS = {"war", "battle", "fight", "fighting", "offensive", "campaign"}


def _commitment(clause: Any) -> bool:
    """Whether a that-clause binds parties to act: "that their countries should cooperate"."""
    subj = _child(clause, _SUBJ)
    return (
        subj is not None
        and _is_actorlike(subj)
        and any(a.dep_ == "aux" and a.lower_ in _COMMIT_MODALS for a in clause.children)
    )


def _metaphoric_fight(tok: Any) -> bool:
    """Whether a fight or war is against a thing, not a party: "fighting climate change", "the
    drug war", "the war on poverty", "a battle over the budget"."""
    opponents = [c for c in tok.children if c.dep_ in ("dobj", "compound", "amod")]
    opponents += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against",
                  "over") for g in c.children if g.dep_ == "pobj"]
    opponents = [o for o in opponents if o.pos_ in ("NOUN", "PROPN")]
    if not opponents:
        return False
    return all(
        o.pos_ == "NOUN" and not o.ent_type_ and not _is_actorlike(o) and not _can_act(o)
        and o.lemma_.lower() not in _PLACE_NOUNS
        for o in opponents
    )


#: Places fought over are real fights ("fought for the town", "battle for the airport").
_PLACE_NOUNS = frozenset(
    {"town", "city", "village", "airport", "base", "border", "territory", "region", "province",
     "capital", "port", "hill", "valley", "road", "bridge", "camp", "position", "stronghold",
     "district", "area", "street", "building", "front", "island", "coast"}
)


def _noun_trigger(tok: Any) -> tuple[str, str] | None:
    lemma = tok.lemma_.lower()
    text = tok.lower_
    cat = plover.noun_category(lemma) or plover.noun_category(text)
    if cat is None:
        return None
    if lemma == "protest" and any(c.dep_ in ("acl", "ccomp") and _child(c, "mark") is not None
                                  and _child(c, "mark").lower_ == "that" for c in tok.children):
        return None  # "his lawyer's protests that he could not get a fair trial": a statement
    if lemma in _BATTLE_NOUNS and cat == "FIGHT" and _metaphoric_fight(tok):
        return None  # "the drug war", "a war on poverty"
    if tok.dep_ == "dobj" and plover._LIGHT_OVERRIDES.get((tok.head.lemma_.lower(), lemma)) == "":
        return None  # "made a killing", "expressed relief": an idiom, no event
    if tok.dep_ == "compound" and plover.noun_category(tok.head.lemma_.lower()):
        return None  # "phone call": the head noun is the event
    if lemma == "call":
        if _prep_obj(tok, {"for"}) or any(
            c.dep_ in ("acl", "xcomp") and _child(c, "aux") is not None and _child(c, "aux").lower_ == "to"
            for c in tok.children
        ):
            return "DEMAND", "call"  # "a call for restraint", "the EPA's call to cut the mandate"
        return "CONSULT", "call"
    if lemma == "strike":
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
        if mods & {"hunger", "general", "labor", "labour", "workers", "nationwide", "teachers"}:
            return "PROTEST", "strike"
        if tok.head.lemma_ == "on" and tok.head.head.lemma_ in ("go", "remain", "stay", "be"):
            return "PROTEST", "strike"  # "went on strike", "stayed on strike"
        if tok.dep_ == "dobj":
            subj = _verb_subject(tok.head)
            if subj is not None and subj.pos_ == "PRON":
                subj = _reporting_speaker(subj) or subj  # "the union said it called off ..."
            if subj is not None and (subj.lemma_.lower() in _LABOUR or any(
                w.lemma_.lower() in _LABOUR for w in subj.subtree
            )):
                return "PROTEST", "strike"  # "the teachers' union called off its strike"
    return cat, lemma


_POSS_NUMBER = {"their": "plural", "its": "singular", "his": "person", "her": "person"}
_DAY_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "today", "yesterday", "tomorrow", "week", "month", "year", "weekend"})


def _agrees(pron: Any, noun: Any) -> bool:
    """Whether a possessive pronoun can stand for ``noun`` (number and person)."""
    plural = noun.tag_ in ("NNS", "NNPS") or noun.ent_type_ == "NORP"
    if pron.lower_ in ("his", "her"):
        return not plural and noun.ent_type_ not in ("GPE", "ORG", "NORP")
    if pron.lower_ == "its":
        return not plural and noun.ent_type_ != "PERSON"
    return plural or noun.ent_type_ == "ORG"


def _possessor_subject(pron: Any, triggers: dict[int, _Trig]) -> Any:
    """The clause subject a possessive pronoun on an event noun refers to.

    "Republicans pressed ahead with their investigation", "the army resumed its offensive": the
    owner of the act is the subject of the clause that carries it. Not when the clause's verb is
    an event of its own ("the minister condemned their attack": the attack is someone else's)
    or the subject cannot be what the pronoun stands for.
    """
    kind = _POSS_NUMBER.get(pron.lower_)
    if kind is None:
        return None
    node = pron.head
    for _ in range(6):
        if (node.pos_ in ("VERB", "AUX") and node.dep_ != "prep") or node.head == node:
            break  # "following their release": a participle used as a preposition is passed
        node = node.head
    if node.pos_ not in ("VERB", "AUX"):
        return None
    trig = triggers.get(node.i)
    if trig is not None and not trig.drop and not trig.nominal:
        return None
    subj = _verb_subject(node)
    if subj is None or subj.pos_ == "PRON" or not _is_actorlike(subj):
        return None
    person = subj.ent_type_ == "PERSON"
    plural = subj.tag_ in ("NNS", "NNPS") or subj.ent_type_ == "NORP"
    if kind == "person" and not person:
        return None
    if kind == "plural" and (person or not (plural or subj.ent_type_ == "ORG")):
        return None
    if kind == "singular" and (person or plural):
        return None
    return subj


#: Nouns of armed conflict that a place name in front of them locates ("the Iraq war").
_THEATRE_NOUNS = frozenset({"war", "conflict", "insurgency", "civil war", "crisis", "fighting"})


def _nominal_args(tok: Any, cat: str) -> tuple[Any, Any]:
    """Actor and target of a nominal event from its own dependents."""
    actor = target = None
    lemma = tok.lemma_.lower()
    patient_noun = lemma in _PATIENT_NOUNS
    mods = list(tok.children)
    mods += [
        g
        for c in tok.children
        if c.dep_ == "compound" and not c.ent_type_
        for g in c.children
        if g.dep_ in ("compound", "nmod", "amod")
    ]
    # "Israel's invasion of Lebanon", "Iran's seizure of the sailors": with an "of" object naming
    # the patient, the possessor is the one who acts.
    of_patient = patient_noun and _prep_obj(tok, {"of"}) is not None
    for c in mods:
        if c.dep_ == "poss" and (c.ent_type_ in ("DATE", "TIME") or c.lower_ in _DAY_WORDS):
            continue  # "Monday's talks", "last week's attack": when, not who
        if c.dep_ == "poss":
            if patient_noun and not of_patient:
                target = target or c
            else:
                actor = actor or c
        elif c.dep_ in ("compound", "amod", "nmod") and (
            c.ent_type_ in _ENT_ACTOR or c.pos_ == "PROPN"
        ):
            if c.ent_type_ in (
                "DATE",
                "TIME",
                "CARDINAL",
                "ORDINAL",
                "MONEY",
                "QUANTITY",
                "PERCENT",
            ):
                continue  # "the Jan. 10 meeting"
            if c.ent_type_ == "GPE" and not is_country(c):
                continue  # "the London bombings": a city names the place, not the attacker
            if cat in ("ASSAULT", "FIGHT", "COERCE") and c.lemma_.lower() in _PREMISES:
                target = target or c  # "the U.S. Embassy bombings": the building attacked
                continue
            if not c.ent_type_ and c.pos_ == "PROPN" and not _known_name(c) and cat in _COOP_NOUN_CATS:
                continue  # "the Obamacare talks", "a REDD agreement": the topic, not a party
            if lemma in _THEATRE_NOUNS and (c.ent_type_ in ("GPE", "LOC", "EVENT") or is_country(c)):
                target = target or c  # "the Iraq war": the country is where it is fought
                continue
            if c.ent_type_ in ("NORP", "GPE", "ORG") or not patient_noun:
                actor = actor or c
            else:
                target = target or c
    for c in tok.children:
        if c.dep_ not in ("prep", "agent"):
            continue
        obj = _child(c, {"pobj"})
        if obj is None or obj.ent_type_ in ("DATE", "TIME"):
            continue  # "a suspension of links on Wednesday": a date is no participant
        p = c.lower_
        if p == "by":
            actor = actor or obj
        elif p == "of":
            if patient_noun:
                target = target or obj
            elif _is_actorlike(obj):
                actor = actor or obj
        elif p == "from" and lemma in {
            "extradition",
            "deportation",
            "call",
            "visit",
            "message",
            "request",
            "appeal",
            "threat",
            "warning",
        }:
            actor = actor or obj
        elif (
            p in _BEFORE_PREP_ROLE
            and cat in _BEFORE_PREP_ROLE[p]
            and p not in ("for", "at", "into")
        ):
            if cat in plover.MATERIAL or _is_actorlike(obj):
                target = target or obj
        elif p == "between" and cat in plover.SYMMETRIC:
            actor = actor or obj
            conj = _child(obj, "conj")
            target = target or conj
    if target is None and cat == "INVESTIGATE":
        # "an investigation into Clinton's emails", "a probe of crimes by the militia": who is
        # investigated is the subject matter's owner or author.
        # An inquiry into an event ("into the seizure", "into the bomb attacks") is about the
        # event, already reported, not aimed at a party.
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("into", "of", "on")]
        if tok.dep_ == "dobj":
            # "reopened its investigation into ...": the parser hangs the PP on the verb
            preps += [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "into"]
        about = next(
            (g for c in preps
             for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")),
            None,
        )
        if about is not None and not plover.noun_category(about.lemma_.lower()):
            target = about if _is_actorlike(about) else _thing_owner(about) or _doer_in_clause(about)
    if target is None and cat in ("SANCTION", "CONCEDE", "RETREAT", "COOPERATE", "AGREE"):
        # "a suspension of air links with Serbia", "the resumption of trade with Cuba": the
        # partner of the relation that is cut or restored.
        of = _prep_obj(tok, {"of"})
        if of is not None and not _is_actorlike(of[1]):
            found = _prep_obj(of[1], {"with", "to"})
            if found is not None and _is_actorlike(found[1]) and found[1].ent_type_ not in ("DATE", "TIME"):
                target = found[1]
    if (
        actor is None
        and target is None
        and lemma in _THIRD_PARTY_NOUNS
        and tok.dep_ == "compound"
        and tok.head.lemma_.lower() in _FRAME_NOUNS
    ):
        # "undertook a mediation mission between Syria and Arafat": the one who undertakes it
        # mediates; the first of the parties it is between stands for both.
        frame = tok.head
        between = _prep_obj(frame, {"between"})
        if between is not None:
            target = between[1]
            if frame.dep_ == "dobj":
                subj = _verb_subject(frame.head)
                actor = subj if subj is not None and _is_actorlike(subj) else None
    # "a police raid": a common noun for an actor in front of the event noun.
    if actor is None:
        for c in tok.children:
            if c.dep_ == "compound" and not c.ent_type_ and c.lemma_.lower() in ACTOR_NOUNS:
                if cat in ("ASSAULT", "FIGHT", "COERCE") and c.lemma_.lower() in _PREMISES:
                    target = target or c  # "the embassy bombings": the building attacked
                    continue
                actor = c
                break
    # "the crew's capture and detention by Iran": coordinated event nouns share participants.
    partner = tok.head if tok.dep_ == "conj" and tok.head.pos_ == "NOUN" else _child(tok, "conj")
    second = tok if tok.dep_ == "conj" else partner
    if second is not None and any(c.dep_ in ("det", "poss") for c in second.children):
        partner = None  # "the killing of X and Tehran's retaliation": two events, each with its own
    if (
        partner is not None
        and partner.pos_ == "NOUN"
        and plover.noun_category(partner.lemma_.lower())
        and (actor is None or target is None)
        and not _SHARING.get(partner.i)
    ):
        _SHARING[tok.i] = True
        try:
            p_actor, p_target = _nominal_args(partner, cat)
        finally:
            _SHARING.pop(tok.i, None)
        actor, target = actor or p_actor, target or p_target
    return actor, target


#: Acts done by a third party between two others, and the nouns that frame them.
_THIRD_PARTY_NOUNS = frozenset({"mediation", "arbitration"})
_FRAME_NOUNS = frozenset({"effort", "mission", "bid", "attempt", "initiative", "process", "role",
                          "plan", "talks"})

_SHARING: dict[int, bool] = {}  # guards the mutual recursion between coordinated event nouns


_WITHDRAW_VERBS = {"withdraw", "pull", "remove", "recall", "evacuate", "redeploy", "repatriate"}
#: Who a side withdraws are its own people: forces, envoys, monitors, settlers.
_OWN_PERSONNEL = _FORCES | {
    "soldier", "diplomat", "inspector", "personnel", "staff", "peacekeeper", "observer",
    "ambassador", "envoy", "settler", "settlement", "monitor", "worker", "army", "navy", "fleet",
    "warship", "ship", "aircraft", "official", "mission", "delegation", "embassy", "team",
}


def _passive_agent(tok: Any) -> Any:
    """The "by" agent of a passive verb, or of a passive participle coordinated with it:
    "were surrounded by gunboats and taken into custody", "was arrested and charged by police"
    share the one agent the sentence names."""
    ag = _child(tok, "agent")
    if ag is not None:
        return ag
    partners = [c for c in tok.children if c.dep_ == "conj" and c.tag_ == "VBN"]
    if tok.dep_ == "conj" and tok.head.tag_ == "VBN":
        partners.append(tok.head)
    return next((_child(p, "agent") for p in partners if _child(p, "agent") is not None), None)


def _agent_subject(tok: Any) -> bool:
    """Whether the verb's subject is someone who can act ("the test allows Pyongyang to ..." or
    "the endeavors could offer a retort" have things as subjects)."""
    subj = _named(_verb_subject(tok))
    return subj is not None and subj.lower_ not in _RELATIVE and _can_act(subj) and (
        subj.pos_ in ("PRON", "PROPN") or _is_actorlike(subj)
    )


def _reduced_conjunct(tok: Any) -> bool:
    """A participle conjoined to a reduced relative clause: "two men arrested and charged"."""
    return (
        tok.dep_ == "conj"
        and tok.tag_ == "VBN"
        and tok.head.dep_ == "acl"
        and tok.head.tag_ == "VBN"
        and _child(tok, _SUBJ) is None
        and _child(tok, "aux") is None
    )


def _verb_args(tok: Any, cat: str, lemma: str) -> tuple[Any, Any]:
    actor = target = None
    if lemma == "hold in custody":
        target = _child(tok, "dobj") or _child(tok, _PASS_SUBJ)
        if target is None and tok.dep_ == "conj":
            target = _verb_subject(tok.head) or _child(tok.head, _PASS_SUBJ)
        ag = _passive_agent(tok)
        if ag is not None:
            actor = _child(ag, "pobj")
        elif target is not None and target.dep_ == "nsubjpass":
            actor = None
        else:
            actor = _verb_subject(tok)
        return actor, target
    if lemma == "find guilty":
        small = next((c for c in tok.children if c.dep_ in ("ccomp", "oprd", "xcomp")), None)
        target = (
            _child(tok, "dobj")
            or _child(tok, _PASS_SUBJ)
            or (_child(small, _SUBJ) if small is not None else None)
        )
        if target is not None and target.dep_ == "nsubjpass":
            ag = _child(tok, "agent")
            return (_child(ag, "pobj") if ag is not None else None), target
        # "found Army Spc. Charles Graner guilty": an abbreviation's period splits the name and
        # the parser makes the rest the small clause's subject; the name is the person found guilty.
        inner = _child(small, _SUBJ) if small is not None else None
        if (
            target is not None
            and inner is not None
            and inner.pos_ == "PROPN"
            and 0 < inner.i - target.i <= 4
        ):
            target = inner
        return _verb_subject(tok), target
    if " under " in lemma and lemma.split()[-1] in _INQUIRIES:
        # "A US national has been put under investigation", "the senator came under scrutiny":
        # the subject is the one investigated; an investigator, if named, follows "by".
        target = _child(tok, _PASS_SUBJ) or _verb_subject(tok)
        ag = _passive_agent(tok)
        return (_child(ag, "pobj") if ag is not None else None), target
    if lemma.endswith(" in protest"):
        # "downed tools in protest at the dismissals": the protest is aimed at what follows the
        # noun (or its owner), not at the verb's object.
        noun = next(
            _child(c, "pobj") for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "in" and _child(c, "pobj") is not None
            and _child(c, "pobj").lemma_.lower() == "protest"
        )
        found = _prep_obj(noun, {"at", "against", "over", "of"}) or _prep_obj(tok, {"against", "at", "over"})
        target = None
        if found is not None:
            target = found[1] if _is_actorlike(found[1]) else _thing_owner(found[1])
        return _verb_subject(tok), target
    if lemma.endswith(" must"):
        comp = next(c for c in tok.children if c.dep_ == "ccomp")
        return _verb_subject(tok), _child(comp, _SUBJ)
    passive = (
        _child(tok, _PASS_SUBJ) is not None
        or (tok.dep_ == "acl" and tok.tag_ == "VBN")
        or (_child(tok, "auxpass") is not None and tok.tag_ == "VBN")
        or _reduced_conjunct(tok)
        # "was charged and convicted": a participle conjoined to a passive verb shares its voice.
        or (
            tok.dep_ == "conj"
            and tok.tag_ == "VBN"
            and _child(tok, _SUBJ) is None
            and _child(tok, "aux") is None
            and (_child(tok.head, _PASS_SUBJ) is not None or _child(tok.head, "auxpass") is not None)
        )
        # "Convicted in June by a jury, Cardona was sentenced ...": a fronted participle clause.
        or (tok.dep_ == "advcl" and tok.tag_ == "VBN" and _child(tok, "aux") is None
            and _child(tok, _SUBJ) is None and tok.i < tok.head.i)
    )
    if lemma in ("present", "award", "bestow", "confer") and not passive:
        # "awarded the nurse a medal", "presented the commander with a medal": the one honoured.
        dat = _child(tok, "dative")
        obj = _child(tok, "dobj")
        honoured = dat if dat is not None and dat.pos_ != "ADP" else (
            obj if obj is not None and _is_actorlike(obj) else None
        )
        if honoured is None:
            to = _prep_obj(tok, {"to", "on", "upon"})
            honoured = to[1] if to is not None and to[1].pos_ in ("NOUN", "PROPN") else None
        return _verb_subject(tok), honoured
    if lemma == "offer":
        # "offered its troops to the president": the offer is made to the recipient.
        dat = _child(tok, "dative")
        to = _prep_obj(tok, {"to"}) or (_prep_obj(_object(tok), {"to"}) if _object(tok) is not None else None)
        recipient = dat if dat is not None and dat.pos_ != "ADP" else (to[1] if to is not None else None)
        if recipient is not None and _is_actorlike(recipient) and not passive:
            return _verb_subject(tok), recipient
    to_obj = _prep_obj(tok, {"to"}) if lemma == "oppose" else None
    if to_obj is not None and _child(tok, "agent") is None:
        # "Israel is opposed to French mediation": a stance, the subject opposes.
        actor = _child(tok, _PASS_SUBJ) or _verb_subject(tok)
        obj = to_obj[1]
        target = obj if _is_actorlike(obj) else _thing_owner(obj)
        return actor, target
    if passive:
        target = _child(tok, _PASS_SUBJ)
        if target is None and tok.dep_ == "acl":
            target = tok.head
        if target is None and tok.dep_ == "advcl":
            target = _child(tok.head, _PASS_SUBJ) or _child(tok.head, _SUBJ)
        if target is None and _reduced_conjunct(tok):
            target = tok.head.head  # "two men arrested and charged": the men
        if target is None and tok.dep_ == "conj":
            # "has arrived in London and been arrested": the shared subject is the patient.
            target = _verb_subject(tok.head) or _child(tok.head, _PASS_SUBJ)
        if target is not None and cat not in plover.MATERIAL and not _is_actorlike(target):
            target = None  # "an appeal was rejected": the appeal is not a participant
        ag = _passive_agent(tok)
        if ag is not None:
            actor = _child(ag, "pobj")
    else:
        actor = _verb_subject(tok)
        reporter = _reporter_of_conjunct(tok)
        if reporter is not None:
            actor = reporter
        if tok.dep_ == "acl" and actor is None and tok.tag_ == "VBG":
            actor = tok.head
            # "the EU released a statement calling for ...": the statement's author acts.
            if (
                actor.lemma_.lower() in _DOCUMENT_NOUNS
                and actor.dep_ == "dobj"
                and _verb_subject(actor.head) is not None
            ):
                actor = _verb_subject(actor.head)
    dobj = _object(tok)
    light = (
        lemma.split()[0] in plover.LIGHT_VERBS
        and dobj is not None
        and plover.noun_category(dobj.lemma_.lower())
    )
    if light:
        n_actor, n_target = _nominal_args(dobj, cat)
        if lemma.split()[0] in {"receive", "get"} or (
            lemma.split()[0] == "accept" and cat in ("AID", "SUPPORT")
        ):
            src = n_actor or (_prep_obj(tok, {"from"}) or (None, None))[1]
            if src is not None:
                actor, target = src, actor
        elif (
            lemma.split()[0] in _ANSWER_VERBS
            and dobj.lemma_.lower() in _REQUEST_NOUNS
            and target is None
            and n_actor is not None
        ):
            # "Mexico accepted the administration's request": whoever asked is the other party.
            target = n_actor
        else:
            target = target or n_target
            actor = actor or n_actor
        dobj = None
    idiom = None
    if dobj is not None and " " in lemma and (
        lemma.split()[-1] == dobj.lemma_.lower()
        # "eased the emergency measures" (action "ease emergency"): the modifier named the act
        or any(c.lower_ == lemma.split()[-1] for c in dobj.children if c.dep_ in ("amod", "compound"))
    ):
        # "opened fire on", "set fire to", "blocked roads": the noun belongs to the predicate;
        # the one acted on follows a preposition, if the sentence names one.
        idiom, dobj = dobj, None
    if target is None and dobj is not None and (cat in plover.SYMMETRIC or cat == "SANCTION"):
        found = _prep_obj(dobj, {"with", "against", "on"})
        if found is not None and _is_actorlike(found[1]):
            target = found[1]
    if target is None and dobj is not None and not _is_actorlike(dobj):
        # What is given goes to someone: "sent arms to Pakistan", "handed medicine to the Red Crescent".
        if cat in _GIVING:
            found = _prep_obj(tok, {"to", "for"}) or _prep_obj(dobj, {"to", "for"})
            if found is not None and found[1].ent_type_ not in ("DATE", "TIME"):
                target = found[1]
        # "praised Haiti's efforts": the possessor is the one praised.
        if target is None and cat not in plover.MATERIAL:
            poss = _child(dobj, "poss")
            if poss is not None and _is_actorlike(poss):
                target = poss
        # "rejected an Israeli proposal", "demanded the withdrawal of Serbian forces": whose
        # proposal or withdrawal it is names the other party.
        if target is None and cat not in plover.MATERIAL:
            # Not for acts done to someone ("demanded the return of the servicemen"): there the
            # "of" object is the patient, and the party asked is someone else.
            found = (
                _prep_obj(dobj, {"of"})
                if dobj.lemma_.lower() not in _PATIENT_NOUNS and dobj.lemma_.lower() != "return"
                else None
            )
            doer = _doer(dobj)
            if doer is not None:
                target = doer  # "demanded an admission by Moscow": the one asked to admit
            elif found is not None and _is_actorlike(found[1]) and found[1].ent_type_ not in ("DATE", "TIME"):
                target = found[1]
            else:
                mod = next(
                    (
                        c
                        for c in dobj.children
                        if c.dep_ in ("amod", "compound")
                        and c.ent_type_ in ("NORP", "GPE", "ORG")
                    ),
                    None,
                )
                if mod is not None:
                    target = mod
    if (
        target is None
        and dobj is not None
        and cat in ("PROTEST", "ACCUSE", "REJECT")
        and not _is_actorlike(dobj)
    ):
        # "marched to protest the government's decision": the decision's owner is protested.
        poss = _child(dobj, "poss")
        if poss is not None and _is_actorlike(poss):
            target = poss
    if target is None and dobj is not None and dobj.lemma_.lower() in _RESOURCE_NOUNS:
        found = _prep_obj(tok, {"to", "for"}) or _prep_obj(dobj, {"to", "for"})
        if found is not None and _is_actorlike(found[1]):
            target = found[1]
        dobj = None
    if (
        target is None
        and dobj is not None
        and cat == "RETREAT"
        and lemma.split()[0] in _WITHDRAW_VERBS
        and dobj.lemma_.lower() in _OWN_PERSONNEL
        and all(c.pos_ == "PRON" for c in dobj.children if c.dep_ == "poss")
    ):
        # "withdrew its troops from Lebanon": the troops are the actor's own; the retreat is
        # from the place or party named after "from" (found below), not from the troops.
        dobj = None
    if (
        dobj is not None
        and cat in ("AGREE", "AID", "COOPERATE", "CONCEDE")
        and (dobj.lemma_.lower() in _OFFERS or dobj.lower_ in _OFFERS)
    ):
        # "pledged troops and money", "offered asylum": what is given; the recipient, if any,
        # follows "to" or "for".
        found = _prep_obj(tok, {"to", "for"}) or _prep_obj(dobj, {"to", "for"})
        if target is None and found is not None and _is_actorlike(found[1]) or (
            found is not None and found[1].ent_type_ in ("GPE", "NORP", "ORG")
        ):
            target = target or found[1]
        dobj = None
    if target is None and cat == "ACCUSE" and dobj is None:
        # "France complained that the US military was favouring its own flights": the one
        # complained about is the subject of the complaint.
        comp = _child(tok, "ccomp")
        subj = _child(comp, _SUBJ) if comp is not None else None
        if subj is not None and _is_actorlike(subj) and subj.pos_ != "PRON":
            target = subj
    if (
        dobj is not None
        and cat == "MOBILIZE"
        and (dobj.lemma_.lower() in _OWN_PERSONNEL | _MOBILISED or _military(dobj))
        and all(c.pos_ == "PRON" for c in dobj.children if c.dep_ == "poss")
    ):
        # "mobilized army reservists for a war against Iraq", "deployed its troops to the
        # border": the forces are the actor's own; the act is aimed at whom they face.
        target = target or _mobilised_against(tok, dobj)
        dobj = None
    if dobj is not None and dobj.lemma_.lower() in _MUNITIONS:
        # "fired tear gas at the crowd", "launched rockets into Israel": what is fired is the
        # means; the target follows the preposition.
        dobj = None
    if (
        target is None
        and dobj is not None
        and not _is_actorlike(dobj)
        and dobj.ent_type_ not in _ENT_PLACE
        and not idiom
    ):
        # "confiscated weapons from armed groups", "attacked a camp for refugees": when the
        # object is a thing, the party it is taken from, sent to or meant for is who the act
        # falls on.
        party = _party_of_thing(tok, dobj)
        if party is not None:
            target, dobj = party, None
    if target is None and dobj is not None:
        if cat in plover.MATERIAL or _is_actorlike(dobj):
            if not (cat == "CONSULT" and not _is_actorlike(dobj)) and not (
                cat in _GIVING and not _is_actorlike(dobj)
            ):
                target = dobj
    if target is None:
        dat = _child(tok, "dative")
        if dat is not None and dat.pos_ != "ADP":
            target = dat
    if target is None:
        for c in list(tok.children) + (
            [c for p in tok.children if p.dep_ == "prt" for c in p.children]
        ) + (list(idiom.children) if idiom is not None else []):
            if c.dep_ not in ("prep", "dative"):
                continue
            p = c.lower_
            if p in _BEFORE_PREP_ROLE and cat in _BEFORE_PREP_ROLE[p]:
                obj = _child(c, {"pobj"})
                if obj is not None and (cat in plover.MATERIAL or _is_actorlike(obj)):
                    if obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in _TIMES_OF_DAY:
                        continue
                    target = obj
                    break
                if obj is not None and cat not in plover.MATERIAL:
                    # "agreed to US mediation", "conceded to demands from UNITA": the party
                    # whose proposal or demand it is.
                    owner = _thing_owner(obj)
                    if owner is not None:
                        target = owner
                        break
    if target is None and cat in plover.SYMMETRIC and actor is not None:
        conj = _child(actor, "conj")
        if conj is not None:
            target = conj
    if target is None and not passive and dobj is None:
        # "tasked on Wednesday Foreign Minister Qureshi with ...": a misattached object.
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "on":
                obj = _child(c, "pobj")
                if obj is not None and obj.ent_type_ == "PERSON":
                    target = obj
    if cat == "DEMAND" and target is not None and target.head != tok and (
        target.dep_ == "nsubjpass"
        or (
            target.dep_ == "pobj"
            and target.head.lower_ == "of"
            and target.head.head.lemma_.lower() in _PATIENT_NOUNS
        )
    ):
        # "called for them to be released", "calling for the release of the sailors": those
        # are who the demanded act is for, not the party asked to act.
        target = None
    if target is None and cat == "DEMAND":
        # "Poland's parliament demanded that Moscow withdraw": the one asked to act.
        comp = _child(tok, "ccomp")
        subj = _child(comp, _SUBJ) if comp is not None else None
        if subj is not None and _is_actorlike(subj) and subj.lower_ not in ("it", "there"):
            target = subj
    if target is None:
        target = _complement_target(tok, cat)
    if target is None and lemma in ("allow", "permit"):
        # "allowed the opposition leader to hold a rally": the parser makes the one allowed
        # the subject of the complement.
        inner = _child(tok, {"ccomp", "xcomp"})
        subj = _child(inner, _SUBJ) if inner is not None else None
        if subj is not None and _is_actorlike(subj):
            target = subj
    if target is None:
        target = _conditioned_party(tok, cat)
    if target is None and cat in ("ASSAULT", "FIGHT", "COERCE", "AID", "SUPPORT") and not passive:
        # "opened fire to disperse the demonstrators": force used on those its purpose names;
        # "donated money to help the victims": help goes to those it is meant to help.
        for c in tok.children:
            if c.dep_ in ("advcl", "xcomp") and _child(c, "aux") is not None and _child(c, "aux").lower_ == "to":
                if cat in ("AID", "SUPPORT") and c.lemma_.lower() not in _HELPING:
                    continue
                obj = _object(c)
                if obj is not None and _is_actorlike(obj):
                    target = obj
                    break
    if lemma in _PLEDGED_AID:
        # "pledged $350 million to Indonesia": the money is what is given; the recipient, if
        # any, follows to/for.
        goods = _child(tok, "dobj") or _named(_child(tok, _PASS_SUBJ))
        target = _party_of_thing(tok, goods) if goods is not None else _party_of_thing(tok, tok)
        if goods is not None and goods.dep_ == "nsubjpass":
            ag = _passive_agent(tok)
            actor = _child(ag, "pobj") if ag is not None else None
    if cat == "ACCUSE" and lemma in _GRIEVANCE_VERBS:
        # "complained to the UN over Israeli air raids": whom the complaint is about, not whom
        # it is made to.
        found = _prep_obj(tok, {"about", "over", "of", "at"})
        if found is not None and found[1].ent_type_ not in ("DATE", "TIME"):
            owner = found[1] if _is_actorlike(found[1]) else _thing_owner(found[1])
            if owner is not None:
                target = owner
    if (target is None or (target.pos_ == "PRON" and target.dep_ == "poss")) and cat in (
        "RETREAT", "CONCEDE", "SANCTION", "COERCE", "REJECT", "AGREE"
    ):
        # "lifted a blockade on Palestinian lorries", "imposed sanctions against Iran": the
        # party the measure bears on.
        measure = _child(tok, "dobj")
        if measure is not None and plover.noun_category(measure.lemma_.lower()) in ("SANCTION", "COERCE"):
            found = _prep_obj(measure, {"on", "against", "upon"})
            if found is not None and found[1].ent_type_ not in ("DATE", "TIME"):
                obj = found[1]
                target = obj if (
                    _is_actorlike(obj) or obj.ent_type_ in _ENT_ACTOR | _ENT_PLACE
                    or obj.lemma_.lower() in _PLACE_NOUNS
                ) else next(
                    (c for c in obj.children
                     if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")),
                    None,
                )
    if cat == "PROTEST":
        defied = _defied_party(tok)
        if defied is not None:
            target = defied  # "blocked streets in defiance of the authorities"
        elif (
            target is not None
            and target.lemma_.lower() in (_PREMISES | _PLACE_NOUNS) - {"embassy", "consulate"}
            and not target.ent_type_
        ):
            # "rioted at a jail", "rallied outside the school": where the protest is held, not
            # whom it is aimed at.
            target = None
    if target is None and cat == "PROTEST":
        target = _protested_party(tok)
    return actor, target


#: People a state calls up or sends: its own forces, not a target.
_MOBILISED = frozenset({"reservist", "reserve", "police", "policeman", "guard", "militia", "conscript",
                        "officer", "agent", "trooper", "commando", "sniper", "ranger",
                        "recruit", "volunteer", "battalion", "brigade", "division", "regiment",
                        "tank", "jet", "warplane", "helicopter", "missile", "ship", "vessel"})


def _mobilised_against(verb: Any, forces: Any) -> Any:
    """Whom forces are sent or called up against: "against Iraq" on the verb or the forces, or
    on the war they are meant for ("for a possible war against Iraq")."""
    heads = [verb, forces]
    for h in (verb, forces):
        found = _prep_obj(h, {"for"})
        if found is not None and found[1].lemma_.lower() in _BATTLE_NOUNS | {"conflict", "invasion", "attack"}:
            heads.append(found[1])
    for h in heads:
        found = _prep_obj(h, {"against", "toward", "towards"})
        if found is not None and found[1].ent_type_ not in ("DATE", "TIME"):
            return found[1]
    return None


#: Times of day the tagger does not mark as times: "attacked at dawn" names no target.
_TIMES_OF_DAY = frozenset({"dawn", "dusk", "daybreak", "sunrise", "sunset", "nightfall", "night",
                           "midnight", "noon", "midday", "morning", "evening", "afternoon"})
#: Verbs of complaint: their "about"/"over" phrase names what (and whom) they are about.
_GRIEVANCE_VERBS = frozenset({"complain", "protest", "grumble", "object", "remonstrate"})


def _defied_party(tok: Any) -> Any:
    """The party an act is done in defiance of ("marched in defiance of the army"): whom a
    protest is aimed at."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "despite"):
            pobj = _child(c, "pobj")
            if pobj is not None and pobj.lemma_.lower() in ("defiance", "ban", "warning", "order"):
                found = _prep_obj(pobj, {"of", "by"})
                if found is not None and (_is_actorlike(found[1]) or found[1].ent_type_ in _ENT_ACTOR):
                    return found[1]
                if found is not None:  # "in defiance of a ban by the army": its owner
                    owner = _owner(found[1]) or _thing_owner(found[1])
                    if owner is not None:
                        return owner
                poss = _child(pobj, "poss")
                if poss is not None and (_is_actorlike(poss) or poss.ent_type_ in _ENT_ACTOR):
                    return poss
    return None


def _means_of_force(tok: Any) -> bool:
    """A weapon, war machine, armed unit, violent act or natural hazard as a subject."""
    lemma = tok.lemma_.lower()
    return (
        lemma in _WAR_MACHINES
        or lemma in _MUNITIONS
        or lemma in _ARMED
        or lemma in {"explosion", "blast", "device", "mine", "bombing", "attack", "strike", "raid",
                     "shelling", "fire", "gunfire", "missile", "airstrike", "weapon"}
        or plover.noun_category(lemma) in ("ASSAULT", "FIGHT")
        or _hazard(tok)
    )


#: Idioms of criticism that are force when armed men do them.
_ARMED_SENSE = {"take aim": "ASSAULT", "blast": "ASSAULT", "hit out": "ASSAULT", "fire back": "FIGHT"}
_MUNITIONS = frozenset(
    {"gas", "shell", "rocket", "missile", "bullet", "round", "shot", "grenade", "mortar",
     "projectile", "salvo", "volley", "cannon", "bomb", "flare", "dart", "torpedo", "warning"}
)


def _condition_party(tok: Any, marks: set[str]) -> Any:
    """The actor-like subject of an "if"/"unless" clause on tok or on a clause it complements."""
    node, steps = tok, 0
    while steps < 3:
        for c in node.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children):
                subj = _child(c, _SUBJ)
                if subj is not None and subj.pos_ != "PRON" and _is_actorlike(subj):
                    return subj
        if node.dep_ not in ("xcomp", "conj") or node.head == node:
            break
        node, steps = node.head, steps + 1
    return None


def _conditioned_party(tok: Any, cat: str) -> Any:
    """Whom a threat or an ultimatum is aimed at: the subject of its condition.

    "threatened to strike unless Israel rescinded the annexation", "will withdraw its force
    unless the president arranges a ceasefire": the party whose act would avert the threatened
    one is its target. "if" conditions count for threats only ("if Iran refuses").
    """
    marks = {"if", "unless"} if cat == "THREATEN" else {"unless"}
    heads = [tok] + [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
    for head in heads:
        for c in head.children:
            if c.dep_ != "advcl" or not any(
                m.dep_ == "mark" and m.lower_ in marks for m in c.children
            ):
                continue
            subj = _child(c, _SUBJ)
            if subj is not None and subj.pos_ != "PRON" and _is_actorlike(subj):
                return subj
    return None


def _owner(noun: Any) -> Any:
    """The actor-like owner of a thing: "the government's decision", "the removal of Mubarak"."""
    if _is_actorlike(noun):
        return noun
    poss = _child(noun, "poss")
    if poss is not None and poss.pos_ != "PRON" and _is_actorlike(poss):
        return poss  # not "their demands": the protesters' own
    found = _prep_obj(noun, {"of", "by", "from"})
    if found is not None and _is_actorlike(found[1]) and found[1].ent_type_ not in ("DATE", "TIME"):
        return found[1]
    return None


def _doer(noun: Any) -> Any:
    """Who did the thing a noun names: "crimes by Croatian extremists", "crimes committed by
    Croat forces", "an admission by Moscow"."""
    for c in noun.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            obj = _child(c, "pobj")
            if obj is not None and _is_actorlike(obj) and obj.ent_type_ not in ("DATE", "TIME"):
                return obj
        if c.dep_ == "acl" and c.tag_ == "VBN":
            ag = _child(c, "agent")
            obj = _child(ag, "pobj") if ag is not None else None
            if obj is not None and _is_actorlike(obj):
                return obj
    return None


_THING_PARTY_PREPS = {"from", "to", "for", "against"}


def _party_of_thing(verb: Any, thing: Any) -> Any:
    """A person, group or country after from / to / for / against, on the verb or on its
    object."""
    for head in (verb, thing):
        for c in head.children:
            if c.dep_ not in ("prep", "dative") or c.lower_ not in _THING_PARTY_PREPS:
                continue
            obj = _child(c, "pobj")
            if (
                obj is not None
                and obj.ent_type_ not in ("DATE", "TIME")
                and (_is_actorlike(obj) or obj.ent_type_ in ("GPE", "NORP"))
                and obj.lower_ not in _RELATIVE
            ):
                return obj
    return None


def _doer_in_clause(noun: Any) -> Any:
    """ "crimes committed by Croat forces": the agent of a participle that modifies the noun."""
    for c in noun.children:
        if c.dep_ == "acl":
            ag = _passive_agent(c)
            obj = _child(ag, "pobj") if ag is not None else None
            if obj is not None and _is_actorlike(obj):
                return obj
    return None


def _thing_owner(noun: Any) -> Any:
    """The party a thing belongs to, when the thing itself is no participant: "agreed to US
    mediation", "investigated crimes by the militia", "conceded to demands from UNITA"."""
    if noun.ent_type_ in ("DATE", "TIME"):
        return None
    poss = _child(noun, "poss")
    if poss is not None and poss.pos_ != "PRON" and _is_actorlike(poss):
        return poss
    doer = _doer(noun)
    if doer is not None:
        return doer
    found = _prep_obj(noun, {"from"}) or (
        _prep_obj(noun, {"of"}) if noun.lemma_.lower() not in _PATIENT_NOUNS else None
    )
    if found is not None and _is_actorlike(found[1]) and found[1].ent_type_ not in ("DATE", "TIME"):
        return found[1]
    return next(
        (c for c in noun.children
         if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")),
        None,
    )


def _protested_party(tok: Any) -> Any:
    """Whom a protest is aimed at, from its purpose: "marched to demand the resignation of the
    mayor", "went on hunger strike in protest at the government's decision", "demonstrated
    calling for independence from Iraq", "staged rallies against the party's leader"."""
    for c in tok.children:
        if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and c.lemma_.lower() not in ("join", "participate", "attend"):
            obj = _object(c)  # not "rioted, joining the demonstrators": those are allies
            if obj is None:
                found = _prep_obj(c, {"for"})  # "calling for the removal of Mubarak"
                obj = found[1] if found is not None else None
            if obj is not None:
                owner = _owner(obj) or _thing_owner(obj)
                if owner is not None:
                    return owner
        if c.dep_ == "prep" and c.lower_ == "in":
            pobj = _child(c, "pobj")
            if pobj is not None and pobj.lemma_.lower() == "protest":
                found = _prep_obj(pobj, {"of", "against", "at", "over"})
                if found is not None:
                    owner = _owner(found[1]) or _thing_owner(found[1])
                    if owner is not None:
                        return owner
        if c.dep_ == "prep" and c.lower_ == "against":
            pobj = _child(c, "pobj")
            if pobj is not None:
                owner = _owner(pobj) or _thing_owner(pobj)
                if owner is not None:
                    return owner
    return None


#: Buildings and goods: "set fire to the offices", "blew up the power lines".
_PROPERTY = frozenset({"office", "home", "house", "shop", "store", "car", "vehicle", "building",
                       "headquarters", "property", "church", "mosque", "school", "line", "pipeline",
                       "bridge", "station", "plant", "factory", "crop", "field", "truck"})
#: Who strikes in the labour sense: unions and workers.
_LABOUR = frozenset({"union", "worker", "teacher", "employee", "miner", "docker", "driver",
                     "nurse", "doctor", "pilot", "staff", "labour", "labor", "trade"})
_POLICE = frozenset({"police", "policeman", "policemen", "officer", "agent", "detective", "trooper"})
_PREMISES = _PROPERTY | {"apartment", "flat", "room", "premises", "compound", "residence", "home",
                         "house", "office", "mosque", "hotel", "embassy", "camp", "prison", "farm",
                         "jail"}
_COVENANTS = frozenset(w for w, c in plover.NOUN_CATEGORY.items() if c == "AGREE") | {
    "convention", "protocol", "memorandum", "charter", "framework", "resolution", "plan", "bill",
    "law", "declaration", "understanding",
}
_HELPING = frozenset({"help", "assist", "aid", "support", "feed", "rescue", "protect", "rebuild",
                      "shelter", "relieve", "save", "benefit"})
_HONOURS = frozenset({"medal", "award", "prize", "honor", "honour", "decoration", "title",
                      "citation", "order", "knighthood", "commendation", "trophy"})
_LEGAL_BODIES = {"judge", "court", "committee", "panel", "house", "senate", "congress", "jury",
                 "parliament", "tribunal", "assembly", "legislature"}
_GIVE_VERBS = {"provide", "give", "send", "deliver", "supply", "distribute", "airlift", "ship", "hand"}
_RELIEF_GOODS = {"food", "shelter", "water", "medicine", "medicines", "tent", "blanket", "supply",
                 "supplies", "ration", "vaccine", "clothing", "fuel", "grain", "flour", "rice",
                 # money and material help given to a party is aid as well
                 "money", "funds", "cash", "grant", "loan", "credit", "equipment", "intelligence",
                 "ammunition", "weapon", "weapons", "arms", "training", "material", "materiel"}
#: Evacuated people are helped; evacuated troops or embassies withdraw.
_CIVILIANS = {"people", "resident", "residents", "civilian", "civilians", "victim", "victims",
              "wounded", "injured", "patient", "patients", "child", "children", "villager",
              "villagers", "survivor", "survivors", "refugee", "refugees", "family", "families"}

_ASKING_VERBS = {"demand", "insist", "ask", "request", "urge", "propose", "suggest", "recommend",
                 "require", "order"}
_ANSWER_VERBS = {"accept", "reject", "refuse", "grant", "heed", "answer", "decline", "rebuff", "deny"}
_REQUEST_NOUNS = {"request", "demand", "call", "offer", "proposal", "plea", "appeal", "ultimatum"}
#: Resources that are cut, given or withheld: the thing, not a participant ("cut funding").
_RESOURCE_NOUNS = {"funding", "fund", "funds", "aid", "assistance", "money", "support", "supplies",
                   "ties", "relations", "cooperation", "subsidies", "loans", "credit"}

#: What a party offers another: help, forces, a concession, talks.
_OFFERS = _RELIEF_GOODS | _OWN_PERSONNEL | _RESOURCE_NOUNS | {
    "help", "assistance", "mediation", "talks", "asylum", "concession", "concessions", "truce",
    "ceasefire", "compromise", "protection", "refuge", "amnesty", "deal", "support", "cooperation",
}
#: Documents that "call for", "demand" or "condemn" on behalf of whoever issued them.
_DOCUMENT_NOUNS = {
    "statement", "letter", "communique", "communiqué", "declaration", "note", "message",
    "resolution", "petition", "report", "memo", "memorandum", "ad", "advertisement", "video",
    "mailer", "commercial", "flyer", "leaflet", "editorial", "op-ed", "tweet",
}

#: Prepositions that introduce the other party of an act: "accepted demands from the rebels",
#: "opened investigations against 28 officials", "lift the ban on the FIS", "ties with Iran".
_PARTY_PREPS = {"with", "against", "on", "from", "to", "for"}


def _aux_words(verb: Any) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ == "aux"}


def _reporter_of_conjunct(tok: Any) -> Any:
    """Subject of the reporting verb when a conjunct was attached inside its complement.

    "Ahmadinejad said the soldiers had violated Iranian waters and praised the guards":
    the parser joins "praised" to "violated", but its form (no "had", past like "said")
    matches the reporting verb, so Ahmadinejad praised. Same for "The UK has maintained
    that ... and has called for their release".
    """
    if tok.dep_ != "conj" or _child(tok, _SUBJ) is not None or _child(tok, _PASS_SUBJ) is not None:
        return None
    head = tok.head
    if head.dep_ != "ccomp" or head.head == head:
        return None
    gov = head.head
    if gov.lemma_.lower() not in _SPEECH and gov.lemma_.lower() not in {"maintain", "claim", "argue"}:
        return None
    mine = _aux_words(tok)
    if mine == _aux_words(head) or mine != _aux_words(gov) or tok.tag_ != gov.tag_:
        return None
    subj = _verb_subject(gov)
    return subj if subj is not None and _is_actorlike(subj) else None


def _party_of(tok: Any) -> Any:
    """An actor-like "prep X" object of tok (or of its direct object), else None."""
    for head in (tok, _child(tok, "dobj"), _object(tok)):
        if head is None:
            continue
        for c in head.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in _PARTY_PREPS:
                obj = _child(c, "pobj")
                if obj is not None and obj.ent_type_ not in ("DATE", "TIME") and _is_actorlike(obj):
                    return obj
    return None


def _complement_target(tok: Any, cat: str) -> Any:
    """The other party when the trigger itself names none.

    The act is often spelled out by a complement: "agreed to share information with the
    Greek side", "is prepared to lift the ban on the FIS", "conceded to demands from UNITA".
    Only actor-like words count, so places and things named by these phrases stay out.
    """
    party = _party_of(tok)
    if party is not None:
        return party
    comp = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if comp is None:
        return None
    for dep in ("dobj", "dative"):
        obj = _child(comp, dep)
        if obj is not None and obj.pos_ != "ADP" and _is_actorlike(obj) and obj.ent_type_ not in ("DATE", "TIME"):
            return obj
    party = _party_of(comp)
    if party is None and cat in ("THREATEN", "REJECT") and _is_forceful(comp):
        # "threatened to impose a curfew in Algiers", "to cut off electricity to Nakhichevan":
        # a threatened measure falls on the place or party it names.
        for head in (comp, _object(comp)):
            if head is None:
                continue
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("to", "against", "on", "in", "into"):
                    obj = _child(c, "pobj")
                    if obj is not None and (obj.ent_type_ in ("GPE", "NORP", "ORG") or _is_actorlike(obj)):
                        return obj
    if party is None and comp.lemma_.lower() in ("allow", "let", "permit", "help", "force"):
        # "refused to allow US troops to use its bases": the parser makes them the subject
        # of the inner clause.
        inner = next((c for c in comp.children if c.dep_ in ("ccomp", "xcomp")), None)
        subj = _child(inner, _SUBJ) if inner is not None else None
        if subj is not None and _is_actorlike(subj):
            party = subj
    return party


#: Machines of war stand for the force that operates them ("Israeli tanks fired on ...").
_WAR_MACHINES = frozenset(
    {"aircraft", "jet", "warplane", "helicopter", "gunship", "tank", "warship", "gunboat", "drone", "submarine", "artillery", "battery", "unit", "patrol",
     "convoy", "squad", "brigade", "battalion", "division", "regiment", "platoon", "contingent"}
)


#: Singular nouns for people by their ending: chairman, businesswoman, activist, politician.
_PERSON_NOUN = re.compile(r"(man|woman|person|ist|ian|eer|er|or|ant|ent|ate)$")
#: Common things with those endings (the suffix test above is for people: leader, delegate).
_THING_ENDINGS = frozenset(
    """
paper letter number border power order matter water center centre quarter chapter computer corner
cancer disaster murder meter metre manner filter theater theatre register weather winter summer
error factor sector mirror motor vector floor door horror honor honour labor labour favor favour
rumor rumour behavior behaviour event incident accident percent extent content talent intent
consent precedent component equivalent climate debate estimate mandate rate date update template
plate gate fate estate weight jetliner airliner tanker freighter container trailer computer
""".split()
)
#: Other nouns that act in the news: sides, forums, agents, martial courts, guerrillas.
_ACTING_BODIES = frozenset(
    {"side", "forum", "agent", "martial", "guerilla", "gunmen", "captor", "kidnapper", "hijacker",
     "mediator", "negotiator", "regulator", "watchdog", "operative", "intelligence", "service",
     "establishment", "house", "bench", "electorate", "majority", "minority", "leadership",
     # ranks and offices
     "captain", "sergeant", "lieutenant", "colonel", "major", "corporal", "private", "admiral",
     "marshal", "commissioner", "chairman", "head", "boss", "dictator", "ruler", "emir", "sheikh",
     "ayatollah", "imam", "priest", "mp", "deputy", "speaker", "nominee", "incumbent", "rival",
     "opponent", "critic", "partner", "neighbour", "neighbor", "owner", "user", "chair",
     "chairwoman", "staff", "senate", "state", "government", "parliament", "department",
     "fund", "foundation", "lobby", "pac", "pacs", "constellation"}
)


#: Words for attacks that are also words for criticism in political writing.
_ATTACK_WORDS = {"attack", "target", "hit", "hammer", "blast", "assail", "savage", "bash"}
_WEAPON_CONTEXT = {"with", "using"}
#: The press and the public: talking to them is a statement, not a consultation.
_MEDIA = frozenset(
    {"media", "press", "reporter", "journalist", "newspaper", "television", "tv", "radio",
     "network", "audience", "crowd", "viewer", "listener", "reader", "supporter", "voter", "host",
     "interviewer", "correspondent", "newsroom", "outlet", "broadcaster", "podcast", "show",
     "program", "programme", "magazine", "paper"}
)


_COOPERATIVE_CATS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
#: Relatives and friends: visiting or meeting them is private life, not consultation.
_KIN = frozenset(
    {"sister", "brother", "mother", "father", "daughter", "son", "wife", "husband", "parent",
     "parents", "family", "families", "child", "children", "friend", "friends", "relative",
     "relatives", "grandmother", "grandfather", "aunt", "uncle", "cousin", "fiancee", "girlfriend",
     "boyfriend", "doctor", "boss"}
)
_PUBLIC_EVENTS = {"hall", "town", "townhall", "private", "campaign", "fundraising", "staff", "team", "shareholder",
                  "annual", "public", "church", "community", "board", "family"}
#: What is attacked in words only: a person's character, record, remarks or policies.
_STANCES = frozenset(
    {"character", "record", "remark", "comment", "heritage", "policy", "plan", "proposal",
     "position", "stance", "view", "integrity", "credibility", "reputation", "honesty",
     "judgment", "judgement", "competence", "scandal", "campaign", "candidacy", "leadership",
     "idea", "agenda", "decision", "program", "programme", "law", "bill", "amendment", "statement",
     "claim", "rhetoric", "tweet", "speech", "platform", "nomination", "nominee"}
)
#: Names of news outlets: talking to them is giving an interview.
_OUTLET = re.compile(
    r"\b(News|TV|Television|Radio|Times|Post|Journal|Herald|Tribune|Gazette|Magazine|Network|"
    r"Press|CNN|MSNBC|NBC|CBS|ABC|BBC|Fox|NPR|Reuters|AP|AFP|Telegraph|Guardian|Politico|"
    r"Breitbart|Axios|Bloomberg)\b"
)
_REFLEXIVE = {"himself", "herself", "themselves", "itself", "oneself", "myself", "ourselves",
              "yourself", "yourselves"}


_MILITARY = frozenset(
    {"army", "troops", "troop", "forces", "force", "military", "soldier", "soldiers", "navy",
     "aircraft", "warplane", "warplanes", "jet", "jets", "helicopter", "helicopters", "gunship",
     "gunships", "tank", "tanks", "artillery", "warship", "warships", "airforce", "marines",
     "paratroopers", "battalion", "brigade", "division", "regiment", "units", "unit"}
)
_COMBAT_ACTS = frozenset({"kill", "attack", "strike", "hit", "bomb", "shoot", "fire", "shell",
                          "wound", "injure", "open", "target"})


def _military(tok: Any) -> bool:
    """Whether a participant is a state's armed force ("Israeli troops", "Russian aircraft")."""
    return tok.lemma_.lower() in _MILITARY or tok.lower_ in _MILITARY


_VIOLENT_ACTORS = frozenset({"gunman", "gunmen", "attacker", "bomber", "terrorist", "assailant",
                             "mob", "sniper", "jihadist", "kidnapper", "hijacker", "police"})
_ARMED = _MILITARY | {"rebel", "rebels", "guerrilla", "guerrillas", "militant", "militants",
                      "insurgent", "insurgents", "fighter", "fighters", "militia", "militias",
                      "position", "positions", "camp", "camps", "base", "bases", "stronghold",
                      "strongholds", "garrison", "outpost"}


def _armed(tok: Any) -> bool:
    """Whether a target is an armed party or a military position."""
    words = [tok] + [c for c in tok.children if c.dep_ in ("compound", "amod")]
    return any(w.lemma_.lower() in _ARMED or w.lower_ in _ARMED for w in words)


def _individual(tok: Any) -> bool:
    return tok is not None and (
        tok.ent_type_ == "PERSON"
        or tok.lower_ in ("him", "her", "he", "she")
        or tok.doc.user_data.get(_NAMES_KEY, {}).get(tok.i, (None, ""))[1] == "PERSON"
        or (tok.pos_ in ("PROPN", "NOUN") and tok.text in tok.doc.user_data.get(_PERSONS_KEY, ()))
    )


#: Qualities of an attack made in words: "a scathing attack on the plan", "personal attacks".
_WORDY_ATTACKS = frozenset({"verbal", "personal", "scathing", "blistering", "withering", "rhetorical",
                            "sharp", "harsh", "populist", "partisan", "political", "stinging",
                            "vitriolic", "racist", "sexist", "veiled"})


def _verbal_attack(t: _Trig) -> bool:
    """An "attack" with no weapon on a person's character, record or policies, by a document, or
    by a person on a named person ("Trump attacked Clinton"): criticism, not force."""
    if t.tok.lemma_.lower() not in _ATTACK_WORDS:
        return False
    if t.target is None:
        # "Sanders' attack was unfair": a named person's attack with no weapon, no armed party
        # and no one hit is an argument.
        poss = _child(t.tok, "poss")
        return (
            t.nominal
            and poss is not None
            and _individual(poss)
            and not _armed(poss)
            and not any(c.dep_ == "prep" and c.lower_ in _WEAPON_CONTEXT for c in t.tok.children)
            and not (t.tok.dep_ in _SUBJ and t.tok.head.lemma_.lower() in _COMBAT_ACTS | _VIOLENT | {"leave"})
        )
    if any(c.dep_ == "prep" and c.lower_ in _WEAPON_CONTEXT for c in t.tok.children):
        return False
    actor = t.actor
    if actor is not None and (_armed(actor) or actor.lemma_.lower() in _VIOLENT_ACTORS):
        return False  # troops, rebels, gunmen use force
    if actor is not None and actor.lemma_.lower() in _DOCUMENT_NOUNS:
        return True  # an ad or a statement attacks in words only
    if t.nominal and any(
        c.dep_ == "amod" and c.lower_ in _WORDY_ATTACKS for c in t.tok.children
    ):
        return True  # "sharp attacks on Washington elites", "a personal attack on the judge"
    if (
        t.nominal
        and actor is not None
        and actor.lower_ in ("his", "her")
        and _is_actorlike(t.target)
        and not _armed(t.target)
        # "his attack killed ten", "his attack left ten dead": force
        and not (t.tok.dep_ in _SUBJ and t.tok.head.lemma_.lower() in _COMBAT_ACTS | _VIOLENT | {"leave"})
    ):
        return True  # "his attacks on immigrants": one person's attacks are in words
    if t.target.lemma_.lower() in _STANCES:
        return True  # "attacks on her character", "hitting his record"
    poss = _child(t.target, "poss")
    if (
        poss is not None
        and (_individual(poss) or poss.lower_ in ("his", "her"))
        and not _person_or_place(t.target)
    ):
        return True  # "attacking his business career", "the judge's heritage"
    if actor is not None and not (actor.ent_type_ in ("PERSON", "ORG") or actor.pos_ == "PRON"):
        return False  # gunmen, troops, militants use force
    if _individual(t.target):
        return True  # "Trump attacked Clinton"
    if t.nominal and _individual(actor) and _is_actorlike(t.target) and not _armed(t.target):
        return True  # "Trump's attacks on the judge": a politician's attacks are in words
    if _individual(actor) and any(c.dep_ == "prep" and c.lower_ == "over" for c in t.tok.children):
        # "Kaine attacked Pence over the campaign's ties": a person attacking someone over an
        # issue argues; the tagger often misses that the target is a person too.
        return True
    # "attacked the program as a violation of ...", "attacked the plan for ...": a judgement.
    judged = any(c.dep_ == "prep" and c.lower_ in ("as", "for", "over") for c in t.tok.children)
    return judged and not _person_or_place(t.target)


_CROWDS = frozenset({"protester", "demonstrator", "crowd", "mob", "youth", "gang", "fan",
                     "rioter", "supporter", "villager", "resident", "tribesman", "clan"})


def _dispute_over_issue(t: _Trig) -> bool:
    """A clash or fight "over" an issue between parties that bear no arms: a political or verbal
    dispute ("lawmakers battled over the budget"), not conventional force. Countries, armed
    groups, police and crowds keep FIGHT ("India and Pakistan clashed over Kashmir")."""
    over = _prep_obj(t.tok, {"over"})
    if over is None:
        return False
    issue = over[1]
    if issue.ent_type_ in ("DATE", "TIME") or issue.ent_type_ in _ENT_PLACE or _is_actorlike(issue):
        return False  # "clashed over the weekend", "fought over Kashmir"
    parties = [x for x in (t.actor, t.target) if x is not None]
    parties += [c for x in parties for c in x.children if c.dep_ == "conj"]
    if not parties:
        return False
    return not any(
        _armed(x)
        or x.lemma_.lower() in _VIOLENT_ACTORS | _CROWDS
        or x.ent_type_ == "GPE"
        or is_country(x)
        for x in parties
    )


def _private_visit(t: _Trig) -> bool:
    """A visit to a building or site, not to a country, city or party."""
    noun = _object(t.tok) if not t.nominal else t.tok
    if noun is None or noun.lemma_.lower() != "visit":
        if t.tok.lemma_.lower() != "visit":
            return False
        noun = t.tok
    places = [_object(noun)] if not t.nominal and noun == t.tok else []
    places += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "at")
               for g in c.children if g.dep_ == "pobj"]
    places = [p for p in places if p is not None]
    return bool(places) and all(
        p.pos_ == "NOUN" and not p.ent_type_ and not _is_actorlike(p) for p in places
    )


def _to_the_media(t: _Trig) -> bool:
    """A consultation whose other party is the press or the public."""
    others = [t.target] if t.target is not None else []
    others += [g for c in t.tok.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
               for g in c.children if g.dep_ == "pobj"]
    for o in list(others):
        poss = _child(o, "poss")
        if poss is not None:
            others.append(poss)  # "NBC's Hallie Jackson"
    return any(
        o.lemma_.lower() in _MEDIA | _KIN
        or o.lower_ in _MEDIA | _KIN
        or (o.pos_ == "PROPN" and _OUTLET.search(np_text(o)))
        for o in others
    )


#: Verbs of accidents: a death they cause is no attack ("the plane crashed, killing 228").
_ACCIDENT_VERBS = frozenset(
    {"crash", "collapse", "sink", "capsize", "derail", "overturn", "burn", "flood", "erupt",
     "plunge", "skid", "ditch"}
)


def _hazard(tok: Any) -> bool:
    """Whether a noun phrase names a natural hazard ("a magnitude 6.9 earthquake")."""
    words = _np_tokens(tok) + [c for c in tok.children if c.dep_ == "appos"]
    return any(w.lemma_.lower() in _HAZARDS or w.lower_.rstrip("s") in _HAZARDS for w in words)


def _accident(tok: Any) -> bool:
    """Whether an act of killing hangs on an accident verb ("crashed, killing all on board") or
    on a clause about a natural hazard, active or passive ("an earthquake was recorded in Chile,
    killing 214 people")."""
    head = tok.head
    if tok.dep_ not in ("advcl", "conj", "xcomp") or head == tok:
        return False
    if head.lemma_.lower() in _ACCIDENT_VERBS:
        return True
    subj = _child(head, _SUBJ | _PASS_SUBJ)
    return subj is not None and _child(tok, _SUBJ | _PASS_SUBJ) is None and _hazard(subj)


_PROCEEDINGS = frozenset({"proceeding", "hearing", "trial", "ruling", "verdict", "review", "audit"})


def _can_act(tok: Any) -> bool:
    """Whether a participant can be the one who acts: a person, group, institution, document or
    war machine, not a thing, an event or an abstraction."""
    if tok.pos_ != "NOUN" or tok.ent_type_ or _known_name(tok):
        return True
    lemma = tok.lemma_.lower()
    if _hazard(tok):
        return True  # kept so that "an earthquake struck" is recognised and dropped later
    return (
        _is_actorlike(tok)
        or (bool(_PERSON_NOUN.search(lemma)) and lemma not in _THING_ENDINGS
            and not lemma.endswith("ment") and plover.noun_category(lemma) is None)
        or lemma in _ACTING_BODIES
        or lemma in _DOCUMENT_NOUNS
        or lemma in _WAR_MACHINES
        or tok.lower_ in _WAR_MACHINES
    )


def _is_forceful(verb: Any) -> bool:
    """Whether a complement verb names a measure of force or pressure (or carries one)."""
    prt = _child(verb, "prt")
    cat = plover.verb_category(verb.lemma_.lower(), prt.lower_ if prt is not None else None)
    if cat is None:
        obj = _object(verb)
        cat = plover.noun_category(obj.lemma_.lower(), verb.lemma_.lower()) if obj is not None else None
    return cat in plover.MATERIAL


def _conditional(tok: Any) -> bool:
    """True when the trigger's clause, or a clause it complements, holds an "if"/"unless" clause.

    "the EU will impose sanctions if Iran refuses", "if it is determined ..., the country
    would expect the British to apologize": the consequent is hypothetical too.
    """
    node, steps = tok, 0
    while steps < 4:
        for c in node.children:
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children
            ):
                return True
        if node.dep_ not in ("xcomp", "conj", "ccomp") or node.head == node:
            break
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in _SPEECH | {"say", "tell"}:
            # The reporter's own clause is not part of the reported condition, but a reduced
            # one ("If elected, Trump says he would deport ...") conditions what is said.
            return any(
                c.dep_ == "advcl"
                and _child(c, _SUBJ | _PASS_SUBJ) is None
                and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                for c in node.head.children
            )
        node, steps = node.head, steps + 1
    return False


#: Predicate adjectives of intention: the complement act has not happened yet.
_INTENT_ADJ = frozenset(
    {"willing", "ready", "prepared", "determined", "eager", "committed", "poised", "keen"}
)
#: Verbs whose infinitive complement did not happen: "failed to agree", "declined to attend".
_FAILURE_VERBS = frozenset({"fail", "refuse", "decline", "neglect", "balk"})


#: Verbs whose object event is not (yet) a fact: talked about, sought, weighed or averted.
_UNREALISED_OBJECT = frozenset(
    {"negotiate", "consider", "seek", "propose", "weigh", "mull", "prevent", "avert", "avoid",
     "fear", "explore", "contemplate", "rule", "thwart", "foil", "curb", "deter", "reduce",
     "await", "anticipate", "expect"}
)
#: Verbs that permit an act: the act permitted is possible, not done.
_PERMITTING = frozenset({"allow", "permit", "enable", "let", "authorize", "authorise", "empower",
                         "entitle"})


def _modality(tok: Any, nominal: bool, depth: int = 0) -> str:
    own = _own_modality(tok, nominal)
    if own != "asserted" or depth >= 3:
        return own
    framed = _unrealised_frame(tok)
    if framed is not None:
        return framed
    if nominal:
        return own
    return _governed_modality(tok, depth) or own


#: Nouns that name an act proposed, asked for or planned, not done: "his proposal to ban
#: Muslims", "a call for a ban on imports", "efforts to admit refugees".
_UNREALISED_NOUNS = frozenset(
    {"proposal", "plan", "call", "demand", "request", "idea", "effort", "push", "drive", "bill",
     "legislation", "motion", "suggestion", "recommendation", "appeal", "plea", "offer", "scheme",
     "order", "threat", "prospect", "possibility", "risk", "danger", "fear", "option", "goal",
     "aim", "bid", "chance", "opponent", "proponent", "conspiracy", "plot", "need",
     "rumour", "rumor", "speculation", "scenario", "hypothesis",
     "advocate", "supporter", "critic", "opposition"}
)
#: Verbs by which one makes a plan, a proposal or a decision one's own ("announced a plan").
_PLAN_MAKERS = frozenset({"announce", "unveil", "make", "adopt", "approve", "present", "submit",
                          "propose", "offer", "take", "reach", "issue", "draw", "outline", "lay",
                          "launch", "table", "pursue", "push", "sign", "renew", "step",
                          "have", "give", "put", "float", "revive", "detail"})
#: People who hold a stance on an act: only a gerund after them is unrealised.
_STANCE_HOLDERS = frozenset({"opponent", "proponent", "advocate", "supporter", "critic", "opposition"})
#: Nouns of a plan or an order: the act they frame is announced for the future.
_PLANNED_NOUNS = frozenset({"plan", "intention", "decision", "order", "schedule", "timetable",
                            "pledge", "promise", "vow", "commitment",
                            # "signed an agreement to hand the child over": agreed, not yet done
                            "agreement", "deal", "accord", "treaty", "pact", "contract"})
#: Modifiers that announce an act for the future: "the planned talks", "scheduled elections".
_PLANNED_MODIFIERS = frozenset({"planned", "scheduled", "intended", "envisaged", "expected",
                                "looming", "future", "upcoming", "forthcoming", "impending"})
#: Modifiers that say an act is only proposed or foreseen: "his proposed ban", "a possible war".
_UNREALISED_MODIFIERS = frozenset(
    {"proposed", "planned", "possible", "potential", "prospective", "would-be", "future",
     "hypothetical", "contemplated", "mooted", "intended", "envisaged", "expected", "looming",
     "scheduled", "upcoming", "forthcoming", "impending"}
)
#: Verbs whose "for" phrase is what is asked for: "called for a ban", "pushed for sanctions".
_ASKING_FOR = frozenset({"call", "ask", "push", "press", "appeal", "lobby", "plead", "clamor",
                         "clamour", "campaign", "argue", "vote", "petition", "beg", "pray", "hope",
                         "wait", "prepare", "plan"})
#: Verbs whose "from" phrase names an act held back: "refrained from attacking", "barred from
#: entering", "prevented them from leaving".
_HOLDING_BACK = frozenset({"refrain", "abstain", "desist", "prevent", "bar", "ban", "block", "stop",
                           "keep", "prohibit", "discourage", "deter", "dissuade", "restrain",
                           "preclude", "exclude", "forbid"})
#: Adjectives before a preposition and a gerund that keep the act unrealised: "bent on attacking".
_DISPOSED = frozenset({"bent", "intent", "keen", "capable", "eager", "determined", "ready",
                       "afraid", "wary", "fearful", "opposed", "committed"})


def _unrealised_frame(tok: Any) -> str | None:
    """The modality the phrase an act sits in gives it, if any: "possible" when the act is only
    proposed, asked for, striven for or feared ("his proposed ban on Muslims", "called for a
    ban on admitting Muslims", "efforts to admit refugees", "terrorists bent on attacking the
    US"), "future" when it is planned or ordered ("his plan to withdraw the troops", "the
    scheduled talks").

    The walk goes up through noun-phrase and infinitive links only, so the clause that reports
    the proposal is left alone (the call itself did happen).
    """
    for c in tok.children:
        if c.dep_ == "amod" and c.lower_ in _UNREALISED_MODIFIERS:
            return "future" if c.lower_ in _PLANNED_MODIFIERS else "possible"
    node = tok
    for _ in range(5):
        dep, head = node.dep_, node.head
        if head == node:
            return None
        if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
            found = _frame_noun_modality(head)
            if found is not None or node.tag_ != "VBG":
                return found
            node = head  # "rumours of the union boycotting the talks": the gerund's frame
            continue
        if dep in ("pobj", "pcomp"):
            prep, gov = head, head.head
            if prep.dep_ not in ("prep", "agent") or gov == prep:
                return None
            if prep.lower_ == "for" and gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in _ASKING_FOR:
                return "possible"  # "called for a ban"
            if prep.lower_ == "from" and gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in _HOLDING_BACK:
                return "possible"  # "refrain from assisting", "barred them from entering"
            if gov.pos_ in ("NOUN", "PROPN") and prep.lower_ in ("for", "of", "on", "to") and not (
                gov.lemma_.lower() in _STANCE_HOLDERS and dep != "pcomp"
            ):  # "critics of the invasion": the invasion did happen; "opponents of allowing" not
                found = _frame_noun_modality(gov)
                if found is not None:
                    return found  # "the call for sanctions", "the threat of war"
            if gov.lower_ in _DISPOSED and prep.lower_ in ("on", "upon", "of", "to"):
                return "possible"  # "bent on attacking", "capable of launching"
            if gov.pos_ in ("NOUN", "PROPN"):
                node = gov  # "a ban on admitting Muslims": go on to the noun's own frame
                continue
            return None
        if dep in ("xcomp",) and head.pos_ in ("NOUN", "PROPN", "ADJ"):
            node = head
            continue
        return None
    return None


def _frame_noun_modality(noun: Any) -> str | None:
    lemma = noun.lemma_.lower()
    if lemma in _PLANNED_NOUNS:
        return "future"
    return "possible" if lemma in _UNREALISED_NOUNS else None
    return False


#: Adjectives of ease or difficulty: an infinitive under them is no reported act.
_FEASIBILITY = frozenset({"difficult", "hard", "easy", "impossible", "possible", "tough", "simple",
                          "unlikely", "likely", "free", "safe", "dangerous", "costly", "tempting"})


def _governed_modality(tok: Any, depth: int) -> str | None:
    """The modality an infinitive or complement clause takes from the verb it depends on.

    "decided not to recommend indicting Clinton", "asked that the US use its satellites to
    help": an act inside the complement of a denied, possible (requested, permitted) or future
    act is no more a fact than that act. A speech verb's own modality is not passed on (what
    is said is judged by its own words), nor is a past attempt's ("tried to kill": done).
    """
    head = tok.head
    auxes = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if (
        tok.dep_ == "conj"
        and head != tok
        and head.pos_ in ("VERB", "AUX")
        and _child(tok, _SUBJ | _PASS_SUBJ) is None
        and _child(tok, {"aux", "auxpass", "neg"}) is None
    ):
        # "will begin withdrawing troops and release prisoners": a conjunct with no subject
        # or auxiliary of its own shares the first verb's; a denial carries only over "or"/"nor"
        # ("did not arrest him but questioned him").
        governing = _modality(head, False, depth + 1)
        cc = {c.lower_ for c in head.children if c.dep_ == "cc"}
        if governing in ("possible", "future") or (governing == "denied" and cc & {"or", "nor"}):
            return governing
        return None
    if tok.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("by", "without", "through", "in"):
        gov = head.head
        if gov.pos_ in ("VERB", "AUX") and gov != tok:
            governing = _modality(gov, False, depth + 1)
            if governing in ("possible", "future"):
                return governing  # "would break the law by attacking": the means shares it
        return None
    if head.pos_ == "ADJ" and (head.lower_ in _FEASIBILITY or head.lemma_.lower() in _FEASIBILITY) and "to" in auxes:
        return "possible"  # "would make it difficult to prosecute him", "easy to attack"
    if head == tok or head.pos_ not in ("VERB", "AUX"):
        return None
    purpose = tok.dep_ == "advcl" and "to" in auxes and _child(tok, _SUBJ) is None
    if not (tok.dep_ in ("xcomp", "ccomp") or purpose):
        return None
    if head.lemma_.lower() in _SPEECH | _REPORTING | {"say", "tell"}:
        return None
    governing = _modality(head, False, depth + 1)
    return governing if governing in ("denied", "possible", "future") else None


def _in_question(tok: Any) -> bool:
    # Modality is asked for many tokens of one document, and finding a token's sentence is not
    # free: the question sentences (token ranges) are found once and kept with the document
    # itself, not in a module global that two threads of one worker would share.
    spans = tok.doc.user_data.get(_QUESTIONS_KEY)
    if spans is None:
        spans = tuple(
            (s.start, s.end) for s in tok.doc.sents if s.text.rstrip().rstrip("\"'”’)").endswith("?")
        )
        tok.doc.user_data[_QUESTIONS_KEY] = spans
    return any(a <= tok.i < b for a, b in spans)


def _own_modality(tok: Any, nominal: bool) -> str:
    if _in_question(tok):
        return "possible"  # "Would the United States attack Iran?": asked, not reported
    if nominal:
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return "denied"
        head = tok.head
        # "will not negotiate the release of the soldiers": the release is not reported as done.
        if tok.dep_ == "dobj" and head.pos_ == "VERB":
            governing = _modality(head, False)
            if governing in ("denied", "possible"):
                return governing
            if head.lemma_.lower() in _UNREALISED_OBJECT:
                # "sought the release of the sailors", "acted to prevent an attack": what is
                # sought, weighed or averted has not happened.
                return "possible"
            if governing == "future":
                return governing  # "would broker a peace deal": the deal is future too
        # "contributors would have waited ... to write off their donations": an event noun in a
        # clause chain under a counterfactual or a mere possibility is no reported fact.
        node = tok
        for _ in range(8):
            if node.dep_ in ("ccomp", "ROOT", "relcl", "parataxis") or node.head == node:
                break
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                auxes = {c.lower_ for c in node.children if c.dep_ == "aux"}
                if auxes & {"could", "might", "may"} or {"would", "have"} <= auxes:
                    return "possible"
        return "asserted"
    nodes = [tok] + [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(
        c.dep_ == "neg" or c.lower_ in ("not", "n't", "never") for n in nodes for c in n.children
    ) or any(c.dep_ == "neg" for c in tok.children):
        return "denied"
    if _conditional(tok):
        return "possible"
    subj = next((c for c in tok.children if c.dep_ in _SUBJ | _PASS_SUBJ), None)
    if subj is not None and (
        subj.lower_ in ("none", "nobody", "neither", "nothing")
        or (subj.lower_ == "one" and any(c.lower_ == "no" for c in subj.children))
        or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)
    ):
        return "denied"  # "none of the protesters were arrested", "no troops were deployed"
    mark = _child(tok, "mark")
    if mark is not None and mark.lower_ in ("whether", "if") and tok.dep_ in ("ccomp", "advcl", "xcomp"):
        return "possible"  # "asked whether he would resign": a question, not an announcement
    auxes = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a in ("could", "may", "might", "can", "must", "should", "ought") for a in auxes):
        return "possible"  # "must be approved by the court": required, not done
    if any(a in _FUTURE_AUX for a in auxes):
        return "possible" if "have" in auxes and "would" in auxes else "future"
    if _child(tok, "mark") is not None and _child(tok, "mark").lower_ in ("if", "unless"):
        return "possible"
    if _child(tok, "mark") is not None and _child(tok, "mark").lower_ in (
        "until",
        "till",
        "once",
        "whether",
    ):
        return "possible"
    if any(c.lower_ in ("allegedly", "reportedly", "possibly", "perhaps") for c in tok.children):
        return "possible"
    head = tok.head
    if (tok.dep_ == "xcomp" or (tok.dep_ == "advcl" and "to" in auxes)) and head.pos_ in ("VERB", "AUX"):
        # "would have waited a year to announce it", "may try to attack": an infinitive under a
        # counterfactual or a possibility is no reported fact.
        up = {c.lower_ for c in head.children if c.dep_ == "aux"}
        if up & {"could", "might", "may"} or {"would", "have"} <= up:
            return "possible"
    if tok.dep_ == "pcomp" and head.lower_ == "to" and head.head.lower_ in _INTENT_ADJ:
        return "future"  # "is committed to opening its markets"
    # "have sworn to fight": the parser sometimes makes a promised infinitive an adverbial clause.
    promised = tok.dep_ == "advcl" and "to" in auxes and head.lemma_.lower() in plover.PROMISE_VERBS
    if (tok.dep_ in ("xcomp", "ccomp") or promised) and head != tok:
        hl = head.lemma_.lower()
        if hl == "deny" or (tok.dep_ == "xcomp" and hl in _FAILURE_VERBS):
            return "denied"  # "failed to reach agreement", "refused to deploy troops"
        if head.pos_ == "ADJ" and head.lower_ in _INTENT_ADJ:
            return "future"  # "is willing to withdraw", "stands ready to help"
        if head.pos_ == "ADJ" and head.lower_ in ("unwilling", "reluctant", "unable"):
            return "denied"
        if hl in ("try", "attempt") and head.tag_ in ("VBD", "VBN"):
            return "asserted"  # "tried to assassinate the premier": the attempt was made
        if hl in plover.FUTURE_GOVERNORS or (hl == "go" and _child(tok, "aux") is not None):
            return "future"
        if hl in ("consider", "mull", "weigh", "fear", "risk", "expect", "face", "could"):
            return "possible"
        if hl in _PERMITTING:
            return "possible"  # "a bill allowing families to sue Saudi Arabia": may, not did
        if tok.dep_ == "ccomp" and hl in _ASKING_VERBS:
            return "possible"  # "demanded that Moscow withdraw": asked for, not done
    return "asserted"


# --------------------------------------------------------------------------- extraction


def _entity_key(analysis: ArticleAnalysis, tok: Any) -> str | None:
    if tok is None or not analysis.mentions:
        return None
    m = mention_at(analysis, tok.idx, tok.idx + len(tok.text))
    if m is None:
        return tok.doc.user_data.get(_NAMES_KEY, {}).get(tok.i, (None, ""))[0]
    return m.entity


def _actor_text(analysis: ArticleAnalysis, tok: Any, key: str | None) -> str | None:
    if tok is None:
        return None
    if tok.pos_ == "PRON" and key:
        ent = local_entity(analysis, key)
        if ent is not None:
            return ent.name
    return np_text(tok)


def extract_events(doc: Any, article: Article, analysis: ArticleAnalysis) -> list[EventMention]:
    """Events reported in one parsed article (see the module docstring for the rules)."""
    quoted = _quoted_ranges(doc.text)
    _mark_names(doc, analysis)
    try:
        return _extract(doc, article, analysis, quoted)
    finally:
        for key in (_NAMES_KEY, _PERSONS_KEY, _QUESTIONS_KEY):
            doc.user_data.pop(key, None)


def _extract(doc: Any, article: Article, analysis: ArticleAnalysis, quoted: list[tuple[int, int]]) -> list[EventMention]:
    triggers: dict[int, _Trig] = {}
    for tok in doc:
        if _inside(quoted, tok.idx):
            continue
        found = None
        if tok.pos_ == "VERB" or (
            tok.pos_ == "AUX" and tok.lemma_ in ("hold", "have") and _child(tok, "dobj")
        ):
            found = _verb_trigger(tok)
            nominal = False
        elif tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.lower_ in ("talks",)):
            found = _noun_trigger(tok)
            nominal = True
        if found:
            triggers[tok.i] = _Trig(tok=tok, category=found[0], action=found[1], nominal=nominal)

    # Event nouns that are the object of a light-verb trigger belong to that trigger.
    for t in list(triggers.values()):
        if not t.nominal:
            d = _object(t.tok)
            if d is not None and d.i in triggers and t.action.endswith(" " + d.lemma_.lower()):
                triggers[d.i].drop = True

    for t in triggers.values():
        if t.drop:
            continue
        if t.nominal:
            t.actor, t.target = _nominal_args(t.tok, t.category)
            if t.actor is not None and t.actor.dep_ == "poss" and t.actor.pos_ == "PRON":
                t.actor = _possessor_subject(t.actor, triggers) or t.actor
            if t.target is not None and t.target.dep_ == "poss" and t.target.pos_ == "PRON":
                # "the sailors landed after their release": the one released is the subject.
                t.target = _possessor_subject(t.target, triggers) or t.target
            if t.actor is None:
                t.actor, other = _participant(t.tok)
                t.target = t.target or other
        else:
            t.actor, t.target = _verb_args(t.tok, t.category, t.action)
            gapped = _gapped_passive_subject(t.tok)
            if gapped is not None:
                t.actor, t.target = None, gapped
        if (
            not t.nominal
            and t.tok.lemma_.lower() == "evacuate"
            and t.target is not None
            and t.target.lemma_.lower() in _CIVILIANS
        ):
            t.category = "AID"
        if (
            t.target is not None
            and t.target.lemma_.lower() in _RELIEF_GOODS
            and t.category in _GIVING | {"SANCTION"}
        ):
            # The goods are what is given; the recipient, if named, follows "to"/"for".
            found = _prep_obj(t.tok, {"to", "for"})
            t.target = found[1] if found is not None and _is_actorlike(found[1]) else None
        t.modality = _modality(t.tok, t.nominal)
        if t.modality == "asserted" and t.action in _PLEDGED_AID:
            t.modality = "future"  # the money is promised, not yet given
        if not t.nominal and t.modality == "possible" and t.category != "THREATEN":
            # "will withdraw its force unless the president agrees": an ultimatum, an act made
            # to depend on another party's conduct, is a threat, and the threat itself is
            # reported as made. ("if" keeps the act hypothetical: "will impose sanctions if Iran
            # refuses" stays a possible SANCTION, which PLOVER codes as a threat anyway.)
            party = _condition_party(t.tok, {"unless"})
            if party is not None and (t.actor is None or party.i != t.actor.i):
                t.category, t.modality = "THREATEN", "asserted"
                # The party or place the act would fall on stays its target ("withdraw from
                # Chad unless ..."); otherwise the threat is aimed at whoever must comply.
                if t.target is None or not (_is_actorlike(t.target) or t.target.ent_type_ in _ENT_PLACE):
                    t.target = party
        if (
            t.nominal
            and t.category in ("SANCTION", "COERCE")
            and t.tok.dep_ == "nsubjpass"
            and t.tok.head.lemma_.lower() in plover.UNDOING
        ):
            t.category = "CONCEDE"  # "the ban would be lifted": a measure undone
        if (
            t.modality == "denied"
            and not t.nominal
            and t.category in _COOPERATIVE_CATS
            and _aux_words(t.tok) & {"will", "wo", "would", "shall", "'ll"}
        ):
            # "Britain will not negotiate", "Syria would not accept refugees": a refusal announced
            # is an act of its own.
            t.category, t.modality, t.action = "REJECT", "asserted", "not " + t.action
        if not t.nominal and " " in t.action:
            obj = _child(t.tok, "dobj")
            if obj is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
                t.modality = "denied"  # "posed no threat", "reached no agreement"
            if t.action.split()[0] in ("plan", "plot", "prepare"):
                t.modality = "possible"  # "planned bombings": intended, not carried out
        if t.action == "find guilty" and any(
            c.dep_ == "neg" or c.lower_ == "not"
            for g in t.tok.children
            if g.lower_ == "guilty"
            for c in g.children
        ):
            t.modality = "denied"  # "were found not guilty": an acquittal, no conviction
        t.actor, t.target = _named(t.actor), _named(t.target)
        if t.category == "CONSULT" and _private_visit(t):
            t.drop = True  # "visited the apartment where he grew up": a place, not a party
            continue
        if t.category == "CONSULT" and _to_the_media(t):
            t.drop = True  # "spoke to reporters", "talked to the media": a statement, no talks
            continue
        if (
            not t.nominal
            and t.tok.lemma_.lower() in ("target", "hit")
            and t.actor is not None
            and t.actor.pos_ == "NOUN"
            and not t.actor.ent_type_
            and not _is_actorlike(t.actor)
            and not _known_name(t.actor)
            and not _means_of_force(t.actor)
            and not (
                t.target is not None
                and (t.target.ent_type_ in _ENT_ACTOR or t.target.pos_ == "PROPN"
                     or (t.target.tag_ == "NN" and _is_actorlike(t.target)))
            )
        ):
            # "the law targets minorities", "the ads target young women", "the tax hits the
            # poor": a rule, an advert or a policy aims at a class of people only in a figure of
            # speech ("the new ad hits the governor", aimed at one party, is criticism).
            t.drop = True
            continue
        if t.actor is not None and not _can_act(t.actor) and not t.nominal and (
            t.category not in plover.MATERIAL
            and t.actor.dep_ in _SUBJ
            and _child(t.tok, {"xcomp", "ccomp"}) is not None
        ):
            # "the decision threatens to create problems", "the show promised to appeal":
            # a communicative act needs a speaker; with a thing as subject it is a figure of speech.
            t.drop = True
            continue
        if t.actor is not None and not _can_act(t.actor):
            # "the debate threatened to split the party", "a threshold met by two states",
            # "a series of bombings struck the city": things and events are no actors; but in
            # "a court martial proceeding found ..." the modifier names who acts.
            t.actor = next(
                (
                    c
                    for c in t.actor.children
                    if c.dep_ == "compound"
                    and (c.pos_ == "PROPN" or _is_actorlike(c))
                    # "the London bombings killed 52": a city names the place, not the attacker
                    and not (c.ent_type_ in ("GPE", "LOC", "FAC") and not is_country(c))
                    and (
                        plover.noun_category(t.actor.lemma_.lower())
                        or t.actor.lemma_.lower() in _PROCEEDINGS
                    )
                ),
                None,
            )
        if (
            t.category == "PROTEST"
            and t.action.split()[-1] in ("rally", "rallies")
            and t.target is None
            and (
                (t.actor is not None and (t.actor.ent_type_ == "PERSON" or t.actor.pos_ == "PROPN"))
                or any(c.lemma_.lower() in ("campaign", "election", "victory", "political")
                       for c in (t.tok.children if t.nominal else (_object(t.tok) or t.tok).children))
            )
        ):
            t.drop = True  # "Trump will hold a rally in Salem": a campaign event, no protest
            continue
        if t.action == "take over" and (
            _prep_obj(t.tok, {"as"}) or (t.target is not None and not _can_act(t.target)
                                         and not t.target.ent_type_
                                         and t.target.lemma_.lower() not in _PLACE_NOUNS)
        ):
            t.drop = True  # "will take over as interim chair", "robots taking over waitressing"
            continue
        if t.category == "CONSULT" and (
            any(
                c.dep_ in ("compound", "amod") and c.lemma_.lower() in _PUBLIC_EVENTS
                for c in t.tok.children
            )
            or (
                t.tok.lower_ in ("meeting", "meetings")
                and t.tok.i > 0
                and doc[t.tok.i - 1].lower_ in _PUBLIC_EVENTS
            )
        ):
            t.drop = True  # "a town hall meeting", "a campaign meeting": not talks between parties
            continue
        if t.actor is not None and t.actor.pos_ == "PROPN" and _in_dateline(t.actor):
            # "PARIS, France - A French court sentenced ...": the place line is no actor; the
            # first noun phrase after the dash is.
            dash = next(
                w for w in t.actor.sent if w.text in ("–", "—", "--", "-") and w.i > t.actor.i
                and w.whitespace_
            )
            chunk = next(
                (nc for nc in doc.noun_chunks if dash.i < nc.root.i < t.tok.i), None
            )
            t.actor = chunk.root if chunk is not None else None
        if (
            t.target is not None
            and t.target.lower_ in _REFLEXIVE
            and t.category == "ASSAULT"
            and t.action in ("shoot", "kill", "hang", "stab", "wound", "injure")
            and _child(t.target, "conj") is None
        ):
            t.drop = True  # "shot himself", "shooting yourself in the foot": no one else is attacked
            continue
        if t.target is not None and (
            t.target.lower_ in _REFLEXIVE
            or t.target.ent_type_ in ("DATE", "TIME")
            or t.target.lower_ == "death"  # "shot to death"
        ):
            t.target = None  # "blew himself up", "announced a suspension on Wednesday"
        if (
            t.category == "ASSAULT"
            and t.action in ("blow up", "set fire", "torch")
            and t.target is not None
            and (not _is_actorlike(t.target) or t.target.lemma_.lower() in _PROPERTY)
            and t.target.ent_type_ not in _ENT_PLACE | {"PERSON", "NORP"}
            and not (t.actor is not None and _military(t.actor))
        ):
            # PLOVER: destroying property ("blew up power lines", "set fire to the offices") is
            # coercion; violence against people and places stays ASSAULT.
            t.category = "COERCE"
        if (
            t.category == "ACCUSE"
            and t.action in _ARMED_SENSE
            and t.actor is not None
            and (_armed(t.actor) or t.actor.lemma_.lower() in _VIOLENT_ACTORS)
        ):
            # "rebels took aim at the convoy", "the soldiers fired back": armed men shoot, not argue
            t.category = _ARMED_SENSE[t.action]
        if t.category == "ASSAULT" and _verbal_attack(t):
            t.category = "ACCUSE"  # "Trump attacked Clinton over her emails": criticism
            if t.target is not None and not _is_actorlike(t.target):
                # "ads attacking Trump's record": criticism is of the record's owner
                t.target = _thing_owner(t.target) or t.target
        if (
            t.category == "ASSAULT"
            and t.actor is not None
            and _military(t.actor)
            and t.action.split()[0] in _COMBAT_ACTS
            and t.target is not None
            and _armed(t.target)
        ):
            # PLOVER: armed forces fighting armed groups use conventional force (FIGHT); killing
            # civilians, bombings and assassinations stay ASSAULT.
            t.category = "FIGHT"
        if t.category == "FIGHT" and not t.nominal and _dispute_over_issue(t):
            t.drop = True  # "the two candidates clashed over immigration": an argument
            continue
        if t.category == "FIGHT" and any(_individual(x) for x in (t.actor, t.target)):
            # Conventional military force is fought between forces, not between named persons:
            # "Trump clashed with Megyn Kelly", "Clinton and Sanders battled" are contests.
            t.drop = True
            continue

    verb_times = _attach_times(doc, article, analysis, triggers)
    for t in triggers.values():
        # "On March 23 the crew were inspecting a ship when they were taken into custody": a
        # when-clause happens at the time of the clause it hangs on.
        clause = t.tok.head if t.tok.dep_ == "conj" else t.tok
        if (
            t.date is None
            and clause.dep_ == "advcl"
            and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as", "while")
                for v in [clause] + [x for x in clause.children if x.dep_ == "conj"]
                for c in v.children
            )
        ):
            head = clause.head
            t.date = (triggers[head.i].date if head.i in triggers else None) or verb_times.get(head.i)
    _inherit_times(triggers, verb_times)
    _join_shared_object(triggers)
    _attach_locations(doc, triggers)
    _fold(triggers, verb_times)

    out: list[EventMention] = []
    for i in sorted(triggers):
        t = triggers[i]
        if t.drop:
            continue
        sent = sentence_index_at(analysis, t.tok.idx)
        if sent is None:
            continue
        if t.category in ("ASSAULT", "FIGHT") and (
            (t.actor is not None and _hazard(t.actor)) or _accident(t.tok)
        ):
            continue  # an earthquake "struck" Haiti, "the plane crashed, killing 228": no actor
        if (
            t.category == "RETREAT"
            and (t.tok.lemma_.lower() in ("release", "free") or t.action.endswith(" release"))
            and (
                not (t.target is not None and _is_actorlike(t.target))
                # "release transcripts of her speeches to the banks": a thing released
                or (
                    not t.nominal
                    and t.tok.lemma_.lower() in ("release", "free")
                    and _object(t.tok) is not None
                    and not _is_actorlike(_object(t.tok))
                )
            )
        ):
            continue  # releasing photos or a statement is no political act
        if (
            t.actor is not None
            and t.actor.pos_ == "PRON"
            and t.actor.lower_ in ("it", "they", "he", "she", "we")
            and _entity_key(analysis, t.actor) is None
        ):
            # "Switzerland said it had expelled two diplomats": in reported speech the pronoun
            # subject is the speaker when nothing else resolves it.
            speaker = _reporting_speaker(t.actor)
            if speaker is not None:
                t.actor = speaker
        # Expletive, interrogative and indefinite pronouns are no participants ("It is alleged
        # ...", "it is unclear who ordered the killing", "someone attacked him").
        if (
            t.actor is not None
            and t.actor.lower_ in ("it", "there", "who", "whom", "whoever", "what", "someone",
                                   "somebody", "anyone", "anybody", "one")
            and _entity_key(analysis, t.actor) is None
        ):
            t.actor = None
        if (
            t.target is not None
            and t.target.lower_ in ("it", "there")
            and _entity_key(analysis, t.target) is None
        ):
            t.target = None
        if _generic(t.tok):
            continue  # "governments often condemn such attacks": a habit, not an event
        if _stance(t):
            continue  # "most Republicans support the bill": an attitude, not an act
        if _descriptive_participle(t):
            continue  # "the network financed by the Russian government", "the five convicted"
        if (
            not t.nominal
            and t.actor is not None
            and t.target is not None
            and t.target.dep_ == "poss"
            and t.target.lower_ in ("his", "her", "its", "their")
            and _entity_key(analysis, t.target) is None
            and _agrees(t.target, t.actor)
        ):
            t.target = None  # "Trump defended his remarks": his own, no other party
        if t.actor is None and t.target is None:
            ante = _antecedent(t, sent, out)
            if ante is not None:
                out.append(_anaphor(t, sent, ante))
            continue
        if t.nominal and t.tok.lemma_.lower() in _STANCE_NOUNS:
            continue  # "Clinton's support for the war": an attitude (a light verb makes it an act)
        if t.nominal and t.modality == "asserted" and _foreseen(t.tok):
            # "a deal is unlikely this week": possible; "talks are scheduled for May": future
            t.modality = "future" if _foreseen(t.tok) in _SCHEDULED else "possible"
        if t.category == "PROTEST" and _march_toward_goal(t.tok):
            continue  # "her march toward Election Day": progress toward a goal, no protest
        if _thing_participle(t.tok) and not t.nominal:
            continue  # "the politics surrounding the ticket", "a law banning fracking": a description
        if t.nominal and _kind_compound(t):
            continue  # "student loans", "prisoner abuse": a kind of act, no reported one
        if t.nominal and t.category == "THREATEN" and _caution(t.tok):
            continue  # "lifted a warning against travel to Kenya": advice, no threat
        if t.nominal and t.tok.lemma_.lower() == "order" and _prep_obj(t.tok, {"of"}) is not None and not _is_actorlike(_prep_obj(t.tok, {"of"})[1]):
            continue  # "the next order of business": no command
        if t.nominal and _attraction(t.tok):
            continue  # "his populist appeal", "his appeal to blue-collar voters": a draw, no plea
        if t.nominal and _danger(t.tok):
            continue  # "the Islamist terror threat": a danger, not someone threatening
        if t.nominal:
            known = [
                x
                for x in (t.actor, t.target)
                if x is not None and (x.pos_ != "PRON" or _entity_key(analysis, x) is not None)
            ]
            if not known:
                continue  # "their donations": nobody the reader can name
            weak = t.tok.lemma_.lower() in plover.WEAK_NOUNS
            if (
                weak
                and (t.actor is None or t.target is None)
                and not any(_is_actorlike(x) for x in known)
            ):
                continue
            if weak and t.actor is None and t.tok.lemma_.lower() not in _PATIENT_NOUNS:
                continue
        if t.category == "PROTEST" and (t.target is None or not _is_actorlike(t.target)):
            # A protest is aimed at a party: the owner of the protested thing ("rallies against
            # the violations by the army"), or the purpose of the verb that stages it ("staged
            # a hunger strike in protest of the government's refusal").
            heads = [t.tok]
            if t.nominal and t.tok.dep_ == "dobj":
                heads.append(t.tok.head)
            elif not t.nominal and _object(t.tok) is not None:
                heads.append(_object(t.tok))
            party = next((p for p in map(_protested_party, heads) if p is not None), None)
            if party is None and t.target is not None:
                party = _thing_owner(t.target)
            if party is not None:
                t.target = party
        if (
            t.category == "AGREE"
            and t.target is not None
            and t.target.lemma_.lower() in _COVENANTS
        ):
            t.target = None  # "signed on to the Free Trade Agreement": the deal is no party
        if t.target is None and t.category in _PLACE_TARGETS and (not t.nominal or t.actor is not None):
            # PLOVER convention: a measure, protest or deployment that names no other party is
            # directed at the place it is carried out in ("imposed a curfew in Abidjan").
            t.target = _place_party(t.tok, t.category)
        if t.actor is not None and t.target is not None and t.actor.i == t.target.i:
            t.target = None
        actor_key = _entity_key(analysis, t.actor)
        target_key = _entity_key(analysis, t.target)
        actor_text = _actor_text(analysis, t.actor, actor_key)
        target_text = _actor_text(analysis, t.target, target_key)
        if t.actor is not None and t.actor.pos_ == "PRON" and actor_key is None:
            actor_text = t.actor.text  # unresolved pronoun: keep the words, no group name
        out.append(
            EventMention(
                sentence=sent,
                action=t.action,
                category=t.category,
                actor_text=actor_text,
                actor=actor_key,
                target_text=target_text,
                target=target_key,
                location=t.location,
                date=t.date.value if t.date else None,
                date_precision=t.date.precision if t.date and t.date.value else "unknown",
                modality=t.modality,
                trigger_start=t.tok.idx,
                trigger_end=t.tok.idx + len(t.tok.text),
                time=_time_index(analysis, t.date),
            )
        )
    return out


def _time_index(analysis: ArticleAnalysis, texpr: TimeExpr | None) -> int | None:
    if texpr is None:
        return None
    for i, t in enumerate(analysis.times):
        if t is texpr or (t.start, t.end) == (texpr.start, texpr.end):
            return i
    return None  # a fallback expression, not one of the analysis's


def date_deferred(articles: list[Article], analyses: dict[str, ArticleAnalysis]) -> None:
    """Date event mentions whose time expression waited for the article's date.

    An undated article's "on Friday" cannot be resolved when it is analysed; once the
    stories stage has estimated the article's date, the same expression is resolved
    against it, with the tense it was read with. Mentions already dated are left alone.
    """
    from ..nlp.dates import normalize_timeml

    by_id = {a.id: a for a in articles}
    for aid, an in analyses.items():
        art = by_id.get(aid)
        if art is None or not art.published:
            continue
        try:
            anchor = dt.date.fromisoformat(art.published)
        except ValueError:
            continue
        for m in an.events:
            if m.date is not None or m.time is None or m.time >= len(an.times):
                continue
            t = an.times[m.time]
            value, precision, _ = normalize_timeml(t.text, anchor, t.tense or "past")
            if value:
                m.date, m.date_precision = value, precision


_ANAPHOR_DETS = {"the", "this", "that", "these", "those"}

#: Verbs whose subject takes part in the event named by their object: "took part in a
#: walk-in", "joined the protests", "returned to negotiations with the company".
_JOIN_VERBS = {"join", "take", "participate", "return", "resume", "enter", "attend", "lead",
               # light verbs whose noun was not folded into them: "staged protests against X"
               "stage", "hold", "launch", "organize", "organise", "mount", "begin", "start",
               "continue", "conduct", "call",
               # "were engaged in ethnic cleansing": the subject takes part in the act
               "engage",
               # "remained on strike", "stayed on alert": a state kept up by the subject
               "remain", "stay",
               # "arrived in Amman on a visit": the traveller visits
               "arrive", "travel", "fly"}
_HABITUAL = {"often", "usually", "generally", "typically", "always", "routinely", "frequently",
             "regularly", "sometimes", "rarely", "seldom", "never"}


#: Prepositions that place an event in time relative to another ("after the attacks").
_TIME_PREPS = frozenset({"after", "before", "following", "since", "until", "till", "amid",
                         "despite", "prior", "ahead", "throughout", "pending"})


def _participant(noun: Any) -> tuple[Any, Any]:
    """Subject (and "with X" party) of a participation verb governing an event noun.

    "X joined the talks", "X returned to negotiations with Y" (the parser hangs "with Y"
    on the verb).
    """
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ in ("prep", "dative"):
        if head.lower_ in _TIME_PREPS:
            return None, None  # "held a vigil after the arrest": when, not what was joined
        head = head.head
        if head.dep_ == "dobj" and head.lemma_.lower() == "part":  # "take part in"
            head = head.head
    elif noun.dep_ != "dobj":
        return None, None
    # The tagger's lemmas slip on some forms ("staged" -> "stag"): try the word's own stems too.
    w = head.lower_
    forms = {head.lemma_.lower(), w, w[:-1], w[:-2], w[:-3]}
    if head.pos_ not in ("VERB", "AUX") or not forms & _JOIN_VERBS:
        return None, None
    if head.lemma_.lower() == "take" and not any(
        c.dep_ == "dobj" and c.lemma_.lower() == "part" for c in head.children
    ):
        return None, None
    if head.lemma_.lower() == "call" and _child(head, {"oprd", "xcomp", "ccomp", "acomp"}) is not None:
        return None, None  # "called the murder wrong": naming it, not calling it
    subj = _verb_subject(head)
    if subj is None or not _is_actorlike(subj):
        return None, None
    found = _prep_obj(head, {"with"})
    other = found[1] if found is not None and _is_actorlike(found[1]) else None
    if other is None and noun.lemma_.lower() in ("visit", "trip", "tour") and head.lemma_.lower() in (
        "arrive", "travel", "fly"
    ):
        # "arrived in Amman on a visit": the place visited stands for its government.
        found = _prep_obj(head, {"in", "to"})
        if found is not None and found[1].ent_type_ == "GPE":
            other = found[1]
    return subj, other


def _generic(tok: Any) -> bool:
    """A habitual present-tense statement about a kind: "governments often condemn such attacks"."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else None
    if verb is None or verb.tag_ not in ("VBP", "VBZ"):
        return False
    if verb.dep_ == "relcl" and _child(verb, "aux") is None:
        return True  # "cities that support the rules": a stance that describes, not an act
    if any(
        c.dep_ in ("npadvmod", "advmod") and any(d.dep_ == "det" and d.lower_ in ("every", "each") for d in c.children)
        for c in verb.children
    ):
        return True  # "tourists visit it every summer": a habit, no event
    if not any(c.dep_ == "advmod" and c.lower_ in _HABITUAL - {"never"} for c in verb.children):
        return False
    subj = _child(verb, _SUBJ)
    # A bare plural subject names a kind; "the government often ..." is still about one actor.
    return subj is not None and subj.tag_ in ("NNS", "NNPS") and not any(
        c.dep_ in ("det", "poss") for c in subj.children
    )


#: Verbs of a standing relation, which a participle describes rather than reports ("a militia
#: backed by Iran", "a channel funded by the Kremlin").
_RELATION_VERBS = frozenset({"back", "support", "finance", "fund", "sponsor", "arm", "train",
                             "control", "own", "run", "favor", "favour", "ally"})


def _descriptive_participle(t: _Trig) -> bool:
    """A past participle that modifies a noun and names a standing relation, or stands bare:
    a description of the noun, not a report that something happened."""
    tok = t.tok
    if t.nominal or t.date is not None or tok.dep_ != "acl" or tok.tag_ != "VBN":
        return False
    if tok.lemma_.lower() in _RELATION_VERBS:
        return True
    if (
        any(c.dep_ == "det" and c.lower_ in ("all", "any", "every", "no") for c in tok.head.children)
        and not any(c.dep_ == "nummod" for c in tok.head.children)  # "all 15 sailors": those men
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)  # "being detained"
    ):
        return True  # "all foreigners sentenced to two years": a class of people, no event
    # "the five convicted are ...": a bare participle names who is meant.
    return not any(c.dep_ not in ("punct", "advmod") for c in tok.children)


#: Event nouns that name an attitude when no light verb makes them an act ("voiced support").
_STANCE_NOUNS = frozenset({"support", "opposition", "backing", "concern", "alliance", "partnership",
                           "restraint"})
#: Verbs that name a lasting attitude as well as an act ("supports the bill" / "backed the bid").
_STANCE_VERBS = frozenset({"support", "oppose", "back", "favor", "favour"})


#: Predicates that say an event is foreseen, not reported: "a deal is unlikely", "is expected".
_FORESEEN = frozenset({"unlikely", "likely", "possible", "probable", "expected", "imminent",
                       "doubtful", "uncertain", "planned", "scheduled", "due", "set", "slated",
                       "impossible", "improbable", "conceivable", "feasible"})


_SCHEDULED = frozenset({"expected", "planned", "scheduled", "due", "set", "slated", "imminent"})


def _foreseen(tok: Any) -> str | None:
    """The predicate of likelihood or plan an event noun is the subject of, if any: "a REDD
    agreement is unlikely", "talks are expected next week"."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    head = tok.head
    if head.lower_ in _FORESEEN and head.pos_ in ("ADJ", "VERB"):
        return head.lower_
    pred = next(
        (c for c in head.children if c.dep_ in ("acomp", "attr", "oprd") and c.lower_ in _FORESEEN),
        None,
    )
    return pred.lower_ if pred is not None else None


def _march_toward_goal(tok: Any) -> bool:
    """A march "toward" a time or a goal ("marching toward November", "her march toward the
    nomination") rather than toward a place."""
    if tok.lemma_.lower() != "march":
        obj = _object(tok)  # "continued her march toward ..."
        if obj is None or obj.lemma_.lower() != "march":
            return False
    for head in (tok, _object(tok)):
        if head is None:
            continue
        found = _prep_obj(head, {"toward", "towards"})
        if found is not None:
            goal = found[1]
            return not (
                goal.ent_type_ in _ENT_PLACE
                or goal.lemma_.lower() in _PLACE_NOUNS | _PREMISES | _PLACE_HEADS
            )
    return False


def _thing_participle(tok: Any) -> bool:
    """A present participle that describes a thing which cannot act ("the politics surrounding
    the race", "a law banning fracking"): no one does anything. Documents, weapons and hazards
    can carry an act ("an ad attacking Clinton", "a bomb killing five")."""
    if tok.dep_ != "acl" or tok.tag_ != "VBG":
        return False
    head = tok.head
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ or _known_name(head):
        return False
    lemma = head.lemma_.lower()
    return not (
        _is_actorlike(head)
        or _can_act(head)
        or _means_of_force(head)
        or lemma in _DOCUMENT_NOUNS
        or plover.noun_category(lemma) is not None  # "an attack killing 20": the event noun acts
    )


def _kind_compound(t: _Trig) -> bool:
    """A bare event noun whose only participant is a common noun compounded to it ("student
    loans", "prisoner abuse", "worker protests"): it names a kind of act, not one that happened.
    """
    tok = t.tok
    if any(c.dep_ in ("det", "poss", "nummod") for c in tok.children):
        return False
    if any(c.dep_ in ("prep", "agent") and _child(c, "pobj") is not None for c in tok.children):
        return False  # "abuse of prisoners by guards": participants named
    parts = [x for x in (t.actor, t.target) if x is not None]
    return bool(parts) and all(
        x.dep_ == "compound" and x.head.i == tok.i and x.pos_ == "NOUN" and not x.ent_type_
        and not _known_name(x)
        for x in parts
    )


def _gapped_passive_subject(verb: Any) -> Any:
    """The patient of a passive whose auxiliary is left out after a first passive: "82 were
    killed and more than 1,700 injured" (the parser makes "1,700" the active subject)."""
    if verb.tag_ != "VBN" or verb.dep_ != "conj" or _child(verb, {"aux", "auxpass"}) is not None:
        return None
    head = verb.head
    if head.tag_ != "VBN" or _child(head, "auxpass") is None:
        return None
    subj = _child(verb, "nsubj")
    if subj is None or _object(verb) is not None or _passive_agent(verb) is not None:
        return None
    return subj


def _attraction(tok: Any) -> bool:
    """An "appeal" noun that names a draw on people, not a plea: no "for" phrase, no infinitive,
    and no named body appealed to ("his appeal to working-class voters", "populist appeal")."""
    if tok.lemma_.lower() != "appeal":
        return False
    for c in tok.children:
        if c.dep_ in ("acl", "relcl") or (c.dep_ == "prep" and c.lower_ in ("for", "against")):
            return False
        if c.dep_ == "prep" and c.lower_ == "to":
            obj = _child(c, "pobj")
            if obj is not None and obj.ent_type_ in ("ORG", "GPE", "PERSON"):
                return False  # "an appeal to the United Nations"
    return True


def _danger(tok: Any) -> bool:
    """A bare "threat" noun, with no possessor, no "from"/"by"/"against"/"to" party and no act
    threatened, names a danger ("the terror threat", "security threats"), not an act of
    threatening someone."""
    if tok.lemma_.lower() != "threat":
        return False
    for c in tok.children:
        if c.dep_ in ("poss", "acl", "relcl"):
            return False
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "against", "to", "of", "on", "toward", "towards"):
            return False
    return True


def _stance(t: _Trig) -> bool:
    """A stance verb in the simple present, or with "long" / "for years", with no date: the
    actor's standing position ("Democrats oppose the nomination", "has long opposed the deal"),
    which news reports as background, not as something that happened."""
    tok = t.tok
    if t.nominal or t.date is not None or tok.lemma_.lower() not in _STANCE_VERBS:
        return False
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.tag_ in ("VBP", "VBZ") and not auxes:
        return True
    durative = any(
        (c.dep_ == "advmod" and c.lower_ in ("long", "always", "consistently"))
        or (c.dep_ == "prep" and c.lower_ == "for" and any(
            g.lemma_.lower() in ("year", "decade", "month") for g in c.children if g.dep_ == "pobj"))
        for c in tok.children
    )
    return durative


def is_back_reference(tok: Any) -> bool:
    """A bare definite event noun ("the raids", "the attack") that refers back to a reported event."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if not any(c.dep_ == "det" and c.lower_ in _ANAPHOR_DETS for c in tok.children):
        return False
    return not any(
        c.dep_ in ("poss", "compound", "nmod")
        or (
            c.dep_ in ("prep", "agent")
            and c.lower_ in ("of", "by", "on", "against", "with", "between")
        )
        or (c.dep_ == "amod" and c.ent_type_)
        for c in tok.children
    )


_ISO_START = re.compile(r"^\d{4}(-\d{2}){0,2}$")
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def _week_start(t: TimeExpr) -> TimeExpr:
    """A week ("this week" -> 2020-W01) dates an event by the week's Monday, at week precision,
    so that events sort on one calendar ("a mob this week laid siege": the week of 2019-12-30)."""
    m = _ISO_WEEK.match(t.value or "")
    if not m:
        return t
    try:
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    except ValueError:
        return t
    return replace(t, value=monday.isoformat(), precision="week")


def _antecedent(t: _Trig, sent: int, previous: list[EventMention]) -> EventMention | None:
    """The earlier event that a bare definite event noun ("the conversation") refers back to."""
    if not t.nominal or not any(
        c.dep_ == "det" and c.lower_ in _ANAPHOR_DETS for c in t.tok.children
    ):
        return None
    near = [
        m
        for m in previous
        if sent - m.sentence <= 8
        and m.category == t.category
        and m.modality == "asserted"
        and (m.actor_text or m.target_text)
    ]

    def named(x: str | None) -> bool:
        return (
            bool(x)
            and x.lower() not in _PRONOUNS
            and not x.lower().startswith(("his ", "her ", "their "))
        )

    full = [m for m in near if named(m.actor_text) and named(m.target_text)]
    return (full or near or [None])[-1]


def _anaphor(t: _Trig, sent: int, ante: EventMention) -> EventMention:
    return EventMention(
        sentence=sent,
        action=t.action,
        category=t.category,
        actor_text=ante.actor_text,
        actor=ante.actor,
        target_text=ante.target_text,
        target=ante.target,
        location=t.location or ante.location,
        date=t.date.value if t.date else ante.date,
        date_precision=t.date.precision if t.date else ante.date_precision,
        modality=t.modality,
        trigger_start=t.tok.idx,
        trigger_end=t.tok.idx + len(t.tok.text),
    )


def _attach_times(
    doc: Any, article: Article, analysis: ArticleAnalysis, triggers: dict[int, _Trig]
) -> dict[int, TimeExpr]:
    """Give each trigger the most precise date of its own clause.

    Returns the dates of non-trigger verbs too ("said on Wednesday"), which a
    nominal meeting in that clause may take.
    """
    times = analysis.times or fallback_times(doc, article.published)
    verb_times: dict[int, TimeExpr] = {}
    # Expressions not resolved yet (the article's date is unknown until the stories stage
    # estimates it) are attached too, so ``merge_events`` can date the event later.
    dated = [
        _week_start(t)
        for t in times
        if t.kind in ("DATE", "TIME")
        and ((t.value and (_ISO_START.match(t.value) or _ISO_WEEK.match(t.value)))
             or (t.value is None and t.precision == "unknown"))
    ]
    anchor = parse_published(article.published)
    text_all = doc.text  # spaCy rebuilds doc.text from every token on each access
    for i, t in enumerate(dated):
        # The language core may give a coarser reading of a phrase whose news convention is known
        # ("on this day last year" is a day, not the year).
        text = t.text
        if re.search(r"\bthis (day|date)[\s,]*$", text_all[max(0, t.start - 12) : t.start].lower()):
            text = "this day " + text  # the language core took "last year" alone
        value, precision = resolve(text, anchor)
        if value and _PRECISION_RANK.get(precision, 0) > _PRECISION_RANK.get(t.precision, 0):
            dated[i] = replace(t, value=value, precision=precision)
    for texpr, root in _time_tokens(doc, dated):
        trig = _first_trigger_above(root, triggers)
        if trig is None:
            node = root.head
            while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
                node = node.head
            if node.i not in verb_times or (texpr.value and not verb_times[node.i].value):
                verb_times[node.i] = texpr
            continue
        if trig.drop:
            continue
        if trig.date is None or _PRECISION_RANK.get(texpr.precision, 0) > _PRECISION_RANK.get(
            trig.date.precision, 0
        ):
            trig.date = texpr
    return verb_times


#: Governing verbs whose complement does not happen when they do: speech (its content is
#: reported, not dated by it), and plans, promises and requests (the act is still to come).
_UNSHARED_TIME = (
    _SPEECH | _REPORTING | plover.FUTURE_GOVERNORS | plover.REQUEST_GOVERNORS
) - {"try", "attempt"}


#: Verbs that carry on, resume or finish an act named by their object.
_ASPECTUAL = frozenset({"reopen", "resume", "continue", "complete", "finish", "intensify", "expand",
                        "escalate", "widen", "renew", "press", "pursue", "conclude", "wrap", "step"})


def _inherit_times(triggers: dict[int, _Trig], verb_times: dict[int, TimeExpr]) -> None:
    """Date an undated act by the clause it shares a subject with, or by the statement or
    meeting it was made in.

    "voted Thursday to hold him in contempt", "went on strike on Monday to protest the cuts",
    "visited the capital on Sunday and met the president": an infinitive complement, a purpose
    clause or a coordinated verb phrase without its own subject happens when its governing verb
    does. Speech, plans, promises and requests are left out: "said on Friday it would free
    them" dates the saying, not the release.
    """
    for i in sorted(triggers):
        t = triggers[i]
        if t.drop or t.date is not None:
            continue
        tok = t.tok
        if t.nominal:
            # "reopened its investigation on Friday", "pressed ahead with the offensive on
            # Monday": a verb that carries on or resumes an act dates it.
            verb = tok.head if tok.dep_ == "dobj" else (
                tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "with" else None)
            if verb is not None and verb.lemma_.lower() in _ASPECTUAL and verb.i not in triggers:
                t.date = verb_times.get(verb.i)
            continue
        # "endorsed Clinton in a statement released Thursday", "at a news conference held on
        # Monday": the act is made in the statement or meeting that the clause dates.
        vehicle = next(
            (
                when
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in ("in", "at", "during", "via")
                for n in c.children
                if n.dep_ == "pobj"
                for a in n.children
                if a.dep_ == "acl"
                for when in [verb_times.get(a.i) or (triggers[a.i].date if a.i in triggers else None)]
                if when is not None
            ),
            None,
        )
        if vehicle is not None:
            t.date = vehicle
            continue
        if tok.dep_ == "xcomp" or (
            tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        ):
            pass
        elif tok.dep_ == "conj" and _child(tok, _SUBJ | _PASS_SUBJ) is None:
            pass
        else:
            continue
        head = tok.head
        if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in _UNSHARED_TIME:
            continue
        g = triggers.get(head.i)
        date = g.date if g is not None and not g.drop else None
        t.date = date or verb_times.get(head.i)


def _join_shared_object(triggers: dict[int, _Trig]) -> None:
    """One event for two coordinated verbs of one category that share their object, and for a
    verb and the participle clause of the same category that tells its outcome.

    "Police shot and killed a man", "troops arrested and detained 12 people": the first verb's
    object is the second's ("right node raising"), and the pair reports one act. The later verb,
    which holds the object, keeps the event; the earlier lends its date and place.
    """
    for i in sorted(triggers):
        t = triggers[i]
        if t.drop or t.nominal or t.tok.dep_ != "conj" or t.target is None:
            continue
        h = triggers.get(t.tok.head.i)
        if h is None or h.drop or h.nominal or h.category != t.category:
            continue
        if _child(t.tok, _SUBJ | _PASS_SUBJ) is not None:
            continue  # "police shot him and he died": two clauses, two subjects
        if h.target is not None and h.target.i != t.target.i:
            continue
        if h.target is None and (_object(h.tok) is not None or h.tok.i > t.target.i):
            continue
        t.actor = t.actor or h.actor
        t.date = t.date or h.date
        t.location = t.location or h.location
        h.drop = True
    for i in sorted(triggers):
        # "a bomber blew himself up at a market, killing 46 people": a participle clause of the
        # same category tells the outcome of the same act.
        t = triggers[i]
        if t.drop or t.nominal or t.tok.dep_ != "advcl" or t.tok.tag_ != "VBG":
            continue
        if _child(t.tok, _SUBJ | _PASS_SUBJ) is not None or _child(t.tok, "mark") is not None:
            continue
        h = triggers.get(t.tok.head.i)
        if h is None or h.drop or h.nominal or h.category != t.category:
            continue
        # The clause that names people hurt is kept ("attacked a bus, wounding five passengers").
        people = t.target is not None and _is_actorlike(t.target)
        if h.target is None or (people and not _is_actorlike(h.target)):
            keep, gone = t, h
        else:
            keep, gone = h, t
        keep.actor = keep.actor or gone.actor
        keep.target = keep.target or gone.target
        keep.date = keep.date or gone.date
        gone.drop = True


#: Categories whose act falls on the place it is done in when no party is named: a curfew, a
#: protest, a deployment or a strike in a place is aimed at it, talks or a deal there are not.
_PLACE_TARGETS = frozenset(
    {"CONCEDE", "RETREAT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
     "FIGHT", "INVESTIGATE", "AID"}
)
_PLACE_PREPS = {"in", "into", "to", "inside", "throughout", "across", "on"}
#: Common nouns for places that are named by an "of" phrase or an apposition ("the town of Cizre").
_PLACE_HEADS = frozenset(
    {"town", "city", "province", "region", "village", "capital", "district", "state", "enclave",
     "territory", "area", "island", "republic", "port", "border", "zone"}
)


def _place_name(obj: Any) -> Any:
    """A country, city or region named by obj ("Baku", "the town of Cizre", "the capital Kabul")."""
    if obj.ent_type_ in ("GPE", "LOC"):
        return obj
    if obj.lemma_.lower() in _PLACE_HEADS:
        for c in obj.children:
            # The head noun says it is a place, so any proper name counts ("the town of Harlow").
            if c.dep_ == "appos" and c.pos_ == "PROPN":
                return c
            if c.dep_ == "prep" and c.lower_ == "of":
                inner = _child(c, "pobj")
                if inner is not None and inner.pos_ == "PROPN":
                    return inner
        if any(c.ent_type_ in ("GPE", "LOC") for c in obj.children if c.dep_ == "compound"):
            return obj
    return None


def _place_party(tok: Any, cat: str) -> Any:
    """The place an act is carried out in (or, for a retreat, withdrawn from), searched on the
    trigger, its object and the verb it governs: "suspended aid deliveries in Baghdad",
    "threatened to resume attacks in Israel", "will withdraw its troops from Lebanon"."""
    preps = _PLACE_PREPS | ({"from"} if cat == "RETREAT" else set())
    if any(c.lower_ in _REFLEXIVE for c in tok.children if c.dep_ in ("dobj", "pobj", "dative")):
        return None  # "shot himself in the parking lot": the act falls on the actor
    heads = [tok, _child(tok, "dobj"), _object(tok)]
    for c in tok.children:
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
            heads += [c, _object(c)]
    for head in heads:
        if head is None:
            continue
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                obj = _child(c, "pobj")
                place = _place_name(obj) if obj is not None else None
                if place is not None:
                    return place
    return None


def _attach_locations(doc: Any, triggers: dict[int, _Trig]) -> None:
    for ent in doc.ents:
        if ent.label_ not in _ENT_PLACE:
            continue
        root = ent.root
        if root.dep_ != "pobj" or root.head.lower_ not in _LOC_PREPS:
            continue
        trig = _first_trigger_above(root, triggers)
        if trig is None or trig.location is not None:
            continue
        light_obj = _child(trig.tok, "dobj")
        if root.head.head.i not in (trig.tok.i, light_obj.i if light_obj is not None else -1):
            # "in Baghdad" modifying a noun that is not the trigger ("the embassy in Iraq")
            # is the place of the event only when that noun is its target.
            if trig.target is None or root.head.head.i != trig.target.i:
                continue
        trig.location = ent.text


def _governor(tok: Any) -> Any:
    """The verb or event noun that a nominal (or misattached participle) hangs from."""
    node = tok
    for _ in range(4):
        if node.dep_ in ("pobj", "pcomp"):
            node = node.head  # the preposition
            if node.dep_ == "prep":
                node = node.head
                if node.pos_ in ("NOUN", "PRON", "NUM") and node.lemma_.lower() in _GROUP_HEADS:
                    continue  # "a series of bombings struck ...": look past the group word
                if node.pos_ in ("VERB", "AUX", "NOUN", "PROPN"):
                    return node
            continue
        if node.dep_ in ("amod", "compound", "conj") and node.head.pos_ in ("NOUN", "PROPN"):
            node = node.head
            continue
        if node.dep_ in ("dobj", "nsubj", "nsubjpass"):
            return node.head
        return None
    return None


def _fold(triggers: dict[int, _Trig], verb_times: dict[int, TimeExpr]) -> None:
    """Fold restatements and requested actions into the event that governs them.

    "was killed in an attack" and "telephoned X to discuss" are one event each;
    in "asked X to visit Y" the visit is the content of the request.
    """
    for i in sorted(triggers, key=lambda i: -triggers[i].tok.i):
        t = triggers[i]
        if t.drop:
            continue
        tok = t.tok
        if t.nominal or tok.dep_ in ("amod", "pcomp", "pobj"):
            gov = _governor(tok)
        elif tok.dep_ in ("xcomp", "ccomp"):
            gov = tok.head
        elif tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "for" for c in tok.children
        ):
            gov = tok.head  # "called for them to be released": the content of the call
            if gov.i in triggers and triggers[gov.i].category == "DEMAND":
                triggers[gov.i].target = triggers[gov.i].target or t.target
                t.drop = True
                continue
        elif tok.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
        ):
            gov = tok.head  # purpose: "received a call ... to discuss"
        elif tok.dep_ == "acl" and tok.tag_ != "VBN":
            gov = tok.head  # "a phone call to discuss ..."
        else:
            gov = None
        if gov is not None and gov.i in triggers and triggers[gov.i].drop and gov.dep_ == "dobj":
            gov = gov.head  # the event noun of a light verb: the light verb carries the event
        if gov is None:
            continue
        if t.nominal and gov.i not in triggers and gov.dep_ == "pobj":
            # "the killing of the leader in a missile strike": the PP hangs from the target.
            up = _governor(gov)
            if up is not None and up.i in triggers and triggers[up.i].category == t.category:
                gov = up
        g = triggers.get(gov.i)
        if (
            g is not None
            and not g.drop
            and t.nominal
            and tok.dep_ == "dobj"
            and g.category != t.category
            and t.category in _COOP_NOUN_CATS
            and g.category in ("SANCTION", "REJECT", "AGREE", "SUPPORT", "ACCUSE")
        ):
            # "froze business deals with Iran": the deals are what is frozen, not an event of their own.
            g.target = g.target or t.target
            t.drop = True
            continue
        if g is not None and not g.drop:
            same = g.category == t.category and tok.dep_ not in ("ccomp", "conj")
            if tok.dep_ == "advcl" and not same:
                continue
            glemma = g.tok.lemma_.lower()
            requested = (
                not t.nominal
                and (
                    glemma in plover.REQUEST_GOVERNORS
                    or glemma in plover.PROMISE_VERBS
                    or g.category in ("AGREE", "REJECT", "THREATEN", "DEMAND")
                )
                and tok.dep_ in ("xcomp", "amod", "pcomp", "pobj")
            )
            # "called for the release of X": the release is what is asked for.
            requested = requested or (
                t.nominal and g.category == "DEMAND" and tok.dep_ in ("dobj", "pobj")
            )
            # "promised a ban on imports": the act promised is the content of the promise.
            requested = requested or (t.nominal and glemma in plover.PROMISE_VERBS and tok.dep_ == "dobj")
            requested = requested or (tok.dep_ == "ccomp" and g.action.endswith(" must"))
            if same or requested:
                if (
                    tok.dep_ == "nsubj"
                    and g.actor is not None
                    and g.actor.i in (tok.i, *[c.i for c in tok.ancestors])
                ):
                    g.actor = t.actor  # "an American attack killed X": the attack's author acts
                g.actor = g.actor or t.actor
                if (
                    g.target is None
                    and t.target is not None
                    and not plover.noun_category(t.target.lemma_)
                    # "called for the release of the sailors": they are who the demand is for,
                    # not the party asked to release them.
                    and not (
                        g.category == "DEMAND"
                        and (t.tok.lemma_.lower() in _PATIENT_NOUNS or t.category == "RETREAT")
                    )
                ):
                    g.target = t.target  # "agreed to lift embargoes on Iran": Iran is the target
                g.date = g.date or t.date
                g.location = g.location or t.location
                t.drop = True
                continue
        # A nominal meeting in a PP of a non-trigger verb: the verb's subject takes part
        # ("Bajwa said on Wednesday during a telephone conversation with Esper").
        if (
            t.nominal
            and t.category == "CONSULT"
            and t.actor is None
            and tok.dep_ == "pobj"
            and tok.head.lower_ in _DURING_PREPS
            and gov.pos_ in ("VERB", "AUX")
        ):
            subj = _verb_subject(gov)
            if subj is not None:
                t.actor = subj
                if t.target is None:
                    t.target = _child(subj, "conj")
                t.date = t.date or verb_times.get(gov.i)
        if not t.nominal and tok.dep_ == "xcomp" and gov.lemma_.lower() in plover.REQUEST_GOVERNORS:
            t.drop = True


# --------------------------------------------------------------------------- merging

_TITLE_WORDS = frozenset(
    """
mr mrs ms dr gen general president prime minister secretary chief army state foreign defence defense
of the us u.s. sen senator rep representative gov governor maj major lt col colonel pm fm coas
commander supreme leader ayatollah king prince queen spokesman ambassador mayor judge
""".split()
)
_COUNTRY_ALIASES = {
    "united states": "us",
    "u.s.": "us",
    "u.s": "us",
    "the u.s": "us",
    "america": "us",
    "usa": "us",
    "the us": "us",
    "american": "us",
    "washington": "us",
    "united kingdom": "uk",
    "britain": "uk",
    "great britain": "uk",
    "british": "uk",
    "u.k.": "uk",
    "iranian": "iran",
    "tehran": "iran",
    "pakistani": "pakistan",
    "islamabad": "pakistan",
    "iraqi": "iraq",
    "russian": "russia",
    "moscow": "russia",
    "chinese": "china",
    "beijing": "china",
    "israeli": "israel",
    "french": "france",
    "german": "germany",
}


# Ministries go by several names ("Foreign Office", "Ministry of Foreign Affairs", "FO").
_MINISTRIES = [
    (
        re.compile(
            r"\b(ministry of foreign affairs|foreign ministry|foreign office|fo|mofa|state department|"
            r"department of state)$"
        ),
        "foreign ministry",
    ),
    (
        re.compile(
            r"\b(ministry of defen[cs]e|defen[cs]e ministry|department of defen[cs]e|pentagon)$"
        ),
        "defence ministry",
    ),
    (
        re.compile(r"\b(ministry of (the )?interior|interior ministry|home ministry|home office)$"),
        "interior ministry",
    ),
]


def group_key(text: str | None) -> str | None:
    """A rough merge key for an actor named by text only (no entity id).

    "US Secretary of State Mike Pompeo", "Mr Pompeo" and "Pompeo" all give
    "pompeo"; country names and their adjectives/capitals share one key.
    """
    if not text:
        return None
    t = re.sub(r"['’]s\b", "", text.lower()).strip(' .,"“”')
    t = re.sub(r"^(the|a|an)\s+", "", t)
    for rx, name in _MINISTRIES:
        if rx.search(t):
            return name
    if t in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[t]
    if t in _PRONOUNS:
        return None
    words = [w for w in re.split(r"[\s\-]+", t) if w]
    content = [w for w in words if w not in _TITLE_WORDS]
    if not content:
        return words[-1] if words else None
    last = content[-1]
    return _COUNTRY_ALIASES.get(last, last)


def _canon(
    analysis: ArticleAnalysis, key: str | None, text: str | None, entity_map: dict, names: dict
) -> tuple[str | None, str | None]:
    """(merge id, readable name) of one participant: corpus entity id, else its local name, else text."""
    if key is not None and (analysis.article_id, key) in entity_map:
        eid = entity_map[(analysis.article_id, key)]
        return eid, names.get(eid, text)
    local = local_entity(analysis, key)
    if local is not None:
        return local.name, local.name
    if text and text.lower() in _PRONOUNS:
        return None, None
    return (text or None), text


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def event_id(
    category: str, actor: str | None, target: str | None, date: str | None, action: str
) -> str:
    raw = "\x1f".join([category, actor or "", target or "", date or "", action])
    return "ev-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


@dataclass
class _Item:
    article: Article
    index: int  # position in the article's ``events``
    mention: EventMention
    actor: str | None
    actor_name: str | None
    target: str | None
    target_name: str | None
    akey: str | None
    tkey: str | None
    awords: frozenset[str]
    twords: frozenset[str]
    # Every key the participant goes by: entity id, and the name keys of its local name and words,
    # so that "Tehran" still meets "Iran" when the corpus resolution keeps them apart.
    akeys: frozenset[str] = frozenset()
    tkeys: frozenset[str] = frozenset()


_NORM_TITLES = {
    "gen": "general",
    "gen.": "general",
    "maj": "major",
    "lt": "lieutenant",
    "col": "colonel",
    "secy": "secretary",
    "pm": "minister",
    "fm": "minister",
}


def _words(text: str | None) -> frozenset[str]:
    if not text:
        return frozenset()
    out = set()
    for w in re.split(r"[\s\-]+", re.sub(r"['’]s\b", "", text.lower())):
        w = w.strip('.,"“”()')
        if w and w not in ("the", "a", "an", "of"):
            out.add(_NORM_TITLES.get(w, _COUNTRY_ALIASES.get(w, w)))
    return frozenset(out)


def _weak(key: str | None, words: frozenset[str]) -> bool:
    """A participant named only by title, with or without nationality ("the Iranian general")."""
    countries = set(_COUNTRY_ALIASES.values()) | set(_COUNTRY_ALIASES)
    titles = [
        w for w in words if w in _TITLE_WORDS and w not in countries and w not in ("of", "the")
    ]
    return (
        key is not None and bool(titles) and all(w in _TITLE_WORDS or w in countries for w in words)
    )


def _same(k1: str | None, w1: frozenset[str], k2: str | None, w2: frozenset[str]) -> bool:
    if k1 is None or k2 is None:
        return False
    if k1 == k2:
        return True
    # "the Iranian general" is the same as "Iranian Gen Qassem Soleimani" when every word matches.
    if _weak(k1, w1) and w1 <= w2:
        return True
    return _weak(k2, w2) and w2 <= w1


def _items(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    entity_map: dict,
    entities: list[Entity],
) -> list[_Item]:
    names = {e.id: e.name for e in entities}
    out = []
    for art in articles:
        if art.duplicate_of:
            continue
        an = analyses.get(art.id)
        if an is None:
            continue
        for i, m in enumerate(an.events):
            aid, aname = _canon(an, m.actor, m.actor_text, entity_map, names)
            tid, tname = _canon(an, m.target, m.target_text, entity_map, names)
            akey = aid if aid and aid.startswith("ent-") else group_key(aid)
            tkey = tid if tid and tid.startswith("ent-") else group_key(tid)
            out.append(
                _Item(
                    art,
                    i,
                    m,
                    aid,
                    aname,
                    tid,
                    tname,
                    akey,
                    tkey,
                    _words(m.actor_text) | _words(aname),
                    _words(m.target_text) | _words(tname),
                    _keys(akey, aname, m.actor_text),
                    _keys(tkey, tname, m.target_text),
                )
            )
    return out


def _keys(key: str | None, name: str | None, text: str | None) -> frozenset[str]:
    if key is None:
        return frozenset()
    return frozenset(k for k in (key, group_key(name), group_key(text)) if k)


_ORDERING = ("order", "authorize", "authorise", "approve")


def _fits(cl: list[_Item], it: _Item) -> str | None:
    """ "direct" or "swap" (participants in the other order) when ``it`` joins ``cl``, else None."""
    m = it.mention
    rm = cl[0].mention
    if rm.category != m.category or (rm.modality == "denied") != (m.modality == "denied"):
        return None
    if not all(_compatible(x.mention.date, m.date) for x in cl):
        return None
    if it.akey is None and it.tkey is None:
        return None
    # "Trump ordered the killing": the one who orders is not the one who acts, so the
    # orderer neither matches nor contradicts the cluster's actor.
    akey = None if m.action.startswith(_ORDERING) else it.akey

    def agrees(key, words, side: str) -> tuple[bool, bool]:
        """(no contradiction, positive evidence) of one participant against the cluster's side."""
        others = [
            ((x.akey if not x.mention.action.startswith(_ORDERING) else None), x.awords, x.akeys)
            if side == "a"
            else (x.tkey, x.twords, x.tkeys)
            for x in cl
        ]
        others = [o for o in others if o[0] is not None]
        if key is None or not others:
            return True, False
        mine = keyset(key)
        union = frozenset().union(*[w for _, w, _ in others])
        hit = any(_same(key, words, k, w) or (mine & ks) for k, w, ks in others) or (
            _weak(key, words) and words <= union
        )
        return hit, hit

    # A missing participant may be the cluster's only when the date pins the event down,
    # or when the patient of an act of force is the same ("Soleimani was killed").
    has_a = any(x.akey is not None and not x.mention.action.startswith(_ORDERING) for x in cl)
    has_t = any(x.tkey is not None for x in cl)
    lacks_t = it.tkey is None and has_t
    guess = (akey is None) != (not has_a) or (it.tkey is None) != (not has_t)
    dated_same = m.date is not None and all(x.mention.date == m.date for x in cl)
    if guess and not dated_same and m.category not in ("ASSAULT", "FIGHT", "COERCE"):
        if m.category not in plover.SYMMETRIC or akey is None or it.tkey is None:
            return None

    def keyset(key: str | None) -> frozenset[str]:
        if key is None:
            return frozenset()
        if key == it.akey:
            return it.akeys or frozenset({key})
        return it.tkeys or frozenset({key})

    ok_a, ev_a = agrees(akey, it.awords, "a")
    ok_t, ev_t = agrees(it.tkey, it.twords, "t")
    if (
        m.category in ("ASSAULT", "FIGHT", "COERCE")
        and (lacks_t or it.tkey is None)
        and not dated_same
        and not ev_t
    ):
        return None
    if ok_a and ok_t and (ev_a or ev_t):
        return "direct"
    if m.category in plover.SYMMETRIC:
        ok_a, ev_a = agrees(akey, it.awords, "t")
        ok_t, ev_t = agrees(it.tkey, it.twords, "a")
        if ok_a and ok_t and (ev_a or ev_t):
            return "swap"
    return None


def _block_keys(it: _Item) -> set[tuple[str, str]]:
    """Blocking keys: a cluster can only take an item that shares a category and a participant word."""
    cat = it.mention.category
    words = {k for k in (it.akey, it.tkey) if k} | it.akeys | it.tkeys | it.awords | it.twords
    return {(cat, w) for w in words}


def _clusters(items: list[_Item]) -> list[list[_Item]]:
    # Dated and fully specified mentions seed clusters first, so vaguer ones join the right one.
    order = sorted(
        range(len(items)),
        key=lambda i: (
            items[i].mention.date is None,
            items[i].akey is None or items[i].tkey is None,
            i,
        ),
    )
    clusters: list[list[_Item]] = []
    index: dict[tuple[str, str], list[int]] = {}
    for i in order:
        it = items[i]
        keys = _block_keys(it)
        candidates = sorted({c for k in keys for c in index.get(k, ())})
        for ci in candidates:
            cl = clusters[ci]
            how = _fits(cl, it)
            if how == "swap":
                it = _Item(
                    it.article,
                    it.index,
                    it.mention,
                    it.target,
                    it.target_name,
                    it.actor,
                    it.actor_name,
                    it.tkey,
                    it.akey,
                    it.twords,
                    it.awords,
                    it.tkeys,
                    it.akeys,
                )
            if how:
                cl.append(it)
                break
        else:
            ci = len(clusters)
            clusters.append([it])
        for k in keys:
            bucket = index.setdefault(k, [])
            if not bucket or bucket[-1] != ci:
                bucket.append(ci)
    return clusters


def link_mentions(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    entity_map: dict[tuple[str, str], str],
    entities: list[Entity],
) -> tuple[list[Event], dict[tuple[str, int], str]]:
    """Merged events and, for each (article id, index in its ``events``), the id of its Event."""
    clusters = _clusters(_items(articles, analyses, entity_map, entities))
    events = []
    link: dict[tuple[str, int], str] = {}
    for cl in clusters:
        actor = _prefer(
            Counter(x.actor for x in cl if x.actor), [(x.actor, x.actor_name) for x in cl]
        )
        target = _prefer(
            Counter(x.target for x in cl if x.target), [(x.target, x.target_name) for x in cl]
        )
        date, precision = _best_date(
            [(x.mention.date, x.mention.date_precision) for x in cl if x.mention.date]
        )
        locs = Counter(x.mention.location for x in cl if x.mention.location)
        mods = Counter(x.mention.modality for x in cl)
        actions = Counter(x.mention.action for x in cl)
        sources, seen = [], set()
        for x in cl:
            an = analyses[x.article.id]
            s_ = (
                an.sentences[x.mention.sentence].text.strip()
                if 0 <= x.mention.sentence < len(an.sentences)
                else ""
            )
            if (x.article.id, s_) not in seen:
                seen.add((x.article.id, s_))
                sources.append(EventSource(article=x.article.id, sentence=s_))
        sources.sort(key=lambda s_: (s_.article, s_.sentence))
        ev = Event(
            id=event_id(
                cl[0].mention.category,
                actor[0],
                target[0],
                date,
                "|".join(f"{s_.article}:{s_.sentence}" for s_ in sources),
            ),
            date=date,
            date_precision=precision,
            actor=actor[0],
            action=_top(actions),
            category=cl[0].mention.category,
            target=target[0],
            location=_top(locs) if locs else None,
            modality=_top(mods),
            sources=sources,
            actor_name=actor[1],
            target_name=target[1],
        )
        events.append(ev)
        for x in cl:
            link[(x.article.id, x.index)] = ev.id
    events.sort(key=lambda e: (e.date or "9999", e.id))
    return events, link


def _top(counter: Counter) -> Any:
    return sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))[0][0]


def merge_events(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    entity_map: dict[tuple[str, str], str],
    entities: list[Entity],
) -> list[Event]:
    """One ``Event`` per (category, actor, target, compatible date) across all articles.

    Actors and targets are compared by canonical entity id when the corpus
    resolution gives one, else by the article-local entity's name, else by a
    rough name key (``group_key``: "Mr Pompeo" = "Mike Pompeo"); a participant
    named only by title and nationality ("the Iranian general") matches a
    fuller name with those words. A participant missing on one side does not
    prevent merging ("Soleimani was killed" joins "the US killed Soleimani")
    but at least one must match; for meetings, calls and other symmetric
    categories the two participants may be in either order. Asserted and
    denied reports of the same act stay apart. The date is the sources'
    majority, refined by a more precise consistent one.
    """
    date_deferred(articles, analyses)
    return link_mentions(articles, analyses, entity_map, entities)[0]


def _prefer(
    counter: Counter, pairs: list[tuple[str | None, str | None]]
) -> tuple[str | None, str | None]:
    """Most frequent participant, preferring entity ids, then the longest name on ties."""
    if not counter:
        return None, None
    best = sorted(
        counter.items(), key=lambda kv: (not kv[0].startswith("ent-"), -kv[1], -len(kv[0]), kv[0])
    )[0][0]
    names = Counter(n for i, n in pairs if i == best and n)
    return best, (_top(names) if names else best)


def _best_date(dates: list[tuple[str, str]]) -> tuple[str | None, str]:
    """Majority date, the most precise one winning ties."""
    if not dates:
        return None, "unknown"
    counts = Counter(dates)
    best = sorted(
        counts.items(), key=lambda kv: (-kv[1], -_PRECISION_RANK.get(kv[0][1], 0), kv[0][0])
    )[0][0]
    # A more precise date consistent with the majority one ("2020-01" vs "2020-01-03") refines it.
    finer = [
        d
        for d in dates
        if d[0].startswith(best[0])
        and _PRECISION_RANK.get(d[1], 0) > _PRECISION_RANK.get(best[1], 0)
    ]
    if finer:
        best = Counter(finer).most_common(1)[0][0]
    return best
