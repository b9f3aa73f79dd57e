"""Name normalisation shared by in-article and corpus resolution: titles, roles, acronyms.

Pure string functions (no spaCy), so both stages and other helpers' code can use them.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

# Ranks and honorifics: stripped from a person's name for matching, never part of a role.
RANKS = frozenset(
    ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "gen", "general", "lt", "lieut", "lieutenant", "col", "colonel", "maj", "major", "brig", "brigadier", "capt", "captain", "cmdr", "adm", "admiral", "sgt", "sergeant", "cpl", "corporal", "pvt", "marshal", "rev", "reverend", "fr", "father", "sheikh", "shaikh", "ayatollah", "imam", "maulana", "mufti", "hazrat", "martyr", "shaheed", "pope", "saint", "st", "hon", "honourable", "honorable", "excellency", "his", "her", "mian", "syedna", "rear", "vice", "field", "air"]
)
# Generational suffixes tell a father from his son ("Donald Trump" / "Donald Trump Jr.").
GENERATIONS = frozenset(["jr", "sr", "ii", "iii", "iv"])
# Name suffixes dropped for matching (the generation is kept apart, see ``generation``).
SUFFIXES = GENERATIONS | {"phd"}

# Head nouns of role phrases ("the army chief", "the US defence secretary").
ROLE_HEADS = frozenset(
    ["chief", "secretary", "minister", "spokesman", "spokeswoman", "spokesperson", "president", "premier", "chancellor", "director", "commander", "ambassador", "envoy", "governor", "mayor", "chairman", "chairwoman", "chairperson", "ceo", "leader", "king", "queen", "prince", "adviser", "advisor", "aide", "senator", "congressman", "congresswoman", "lawmaker", "speaker", "prosecutor", "judge", "justice", "attorney", "treasurer", "head", "emir", "sultan", "monarch", "superintendent", "commissioner", "inspector", "deputy", "coordinator", "representative",
     "executive", "officer"]
)
# A role head followed by one of these words forms one head ("director general").
HEAD_COMPOUNDS = {
    ("director", "general"),
    ("secretary", "general"),
    ("attorney", "general"),
    ("inspector", "general"),
    ("surgeon", "general"),
    ("solicitor", "general"),
    ("governor", "general"),
    ("postmaster", "general"),
}
# Widely used role acronyms, read as their expansion.
ROLE_ACRONYMS = {
    "coas": "chief of army staff",
    "cjcs": "chairman of the joint chiefs of staff",
    "dg": "director general",
    "pm": "prime minister",
    "fm": "foreign minister",
    "ceo": "chief executive officer",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cm": "chief minister",
    "cj": "chief justice",
    "cjp": "chief justice",
    "igp": "inspector general of police",
    "sg": "secretary general",
    "unsg": "secretary general",
}
ROLE_STOP = frozenset(["the", "of", "for", "a", "an", "and", "to", "on", "in", "at", "'s", "’s"])
# Spelling variants folded so "defence secretary" matches "defense secretary".
_SPELLING = {"defence": "defense", "programme": "program", "organisation": "organization"}

ACRONYM_STOP = frozenset(["of", "the", "and", "for", "&", "on", "in", "at", "to", "a", "an", "de"])

_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)?", re.UNICODE)


def fold(text: str) -> str:
    """Lowercase, accents and dots removed, whitespace collapsed: the key names are matched by."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace(".", "").replace("’", "'").replace("‘", "'").lower()
    return " ".join(text.split())


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def strip_person_name(text: str) -> list[str]:
    """The name words of a person surface form, titles, ranks and role words removed.

    "Maj. Gen. Asif Ghafoor" -> ["Asif", "Ghafoor"]; "Army Chief Gen Qamar Bajwa" -> ["Qamar", "Bajwa"].
    """
    ws = [w.strip(",;:()\"“”") for w in text.replace("’s", "").replace("'s", "").split()]
    ws = [w for w in ws if w and any(ch.isalnum() for ch in w)]
    start = 0
    while start < len(ws) - 1 and _is_title_word(ws[start]):
        start += 1
    out = ws[start:]
    while len(out) > 1 and out[-1].lower().rstrip(".") in SUFFIXES:
        out.pop()
    return out


# Last words that make a name an organisation's or an occasion's, never a person's: NER reads
# "Peter G. Peterson Foundation" or "Hillary Victory Fund" as a person by its first words.
ORG_TAIL_WORDS = frozenset(
    ["foundation", "fund", "institute", "institution", "committee", "association", "society", "inc", "corp",
     "corporation", "ltd", "llc", "plc", "university", "college", "academy", "hospital", "agency",
     "administration", "campaign", "commission", "klan", "coalition", "herald", "tribune", "gazette",
     "chronicle", "journal"]
)
# ... and words that are also surnames ("Charlotte Church", "Doris Day", "Jude Law"): only after
# at least two other words ("Martin Luther King Day", "First Baptist Church").
ORG_TAIL_WORDS_LONG = frozenset(
    ["trust", "center", "centre", "council", "company", "co", "group", "school", "party", "church",
     "bank", "network", "project", "union", "house"]
)
OCCASION_TAIL_WORDS = frozenset(["day", "prize", "award", "awards", "act", "law", "street", "avenue", "road"])

def generation(text: str) -> str:
    """The generational suffix of a person surface form ("jr", "sr", "ii"...), or ""."""
    ws = [w.strip(",;:()\"“”").lower().rstrip(".") for w in text.split()]
    ws = [w for w in ws if w]
    return ws[-1] if len(ws) >= 2 and ws[-1] in GENERATIONS else ""


def with_generation(name: str, gen: str) -> str:
    """``name`` with its generational suffix written out ("Donald Trump" + "jr" -> "Donald Trump Jr.")."""
    if not gen:
        return name
    return f"{name} {gen.upper() if gen.startswith('i') else gen.capitalize() + '.'}"


def middle_units(name_words: list[str]) -> tuple[tuple[str, str], ...]:
    """The middle names of a stripped person name as comparable units, one per initial letter.

    ["George", "H.W.", "Bush"] -> (("i", "h"), ("i", "w")); ["Qamar", "Javed", "Bajwa"] ->
    (("w", "javed"),); a two-word name has none. A dotted or one-letter word, or a short
    all-capitals one ("HW"), is a run of initials.
    """
    out: list[tuple[str, str]] = []
    for w in name_words[1:-1]:
        bare = w.replace(".", "")
        if not bare:
            continue
        if "." in w or len(bare) == 1 or (bare.isupper() and len(bare) <= 3):
            out.extend(("i", c) for c in fold(bare).replace(" ", ""))
        else:
            out.append(("w", fold(bare)))
    return tuple(out)


def middles_compatible(a: tuple[tuple[str, str], ...], b: tuple[tuple[str, str], ...]) -> bool:
    """Can two middle-name runs belong to one person? Either is absent, or their initials agree
    and the names written out in both are spelling variants ("W." ~ "Walker", "Mehmood" ~
    "Mahmood"; "W." vs "H.W." or "Walker" vs "Wilson" conflict)."""
    if not a or not b:
        return True
    if len(a) != len(b) or any(x[1][0] != y[1][0] for x, y in zip(a, b, strict=True)):
        return False
    return all(
        x[0] == "i" or y[0] == "i" or x[1] == y[1] or fuzz.ratio(x[1], y[1]) >= 75
        for x, y in zip(a, b, strict=True)
    )


def _is_title_word(w: str) -> bool:
    lw = w.lower().rstrip(".")
    return (
        lw in RANKS
        or lw in ROLE_HEADS
        or lw in ROLE_ACRONYMS
        or lw in ROLE_STOP
        or lw in {"us", "u.s", "prime", "foreign", "defence", "defense", "state", "army", "supreme"}
    )


def is_rank(w: str) -> bool:
    return w.lower().rstrip(".") in RANKS


def person_key(name_words: list[str]) -> str:
    return fold(" ".join(name_words))


def initials(text: str, keep_stop: bool = False) -> str:
    """Initials of a multiword name, hyphenated parts counted: "Inter-Services Public Relations" -> "ISPR"."""
    out = []
    for w in re.split(r"[\s\-–/]+", text):
        w = w.strip("()[],.'’\"")
        if not w:
            continue
        if not keep_stop and w.lower() in ACRONYM_STOP:
            continue
        if w.lower() in ("the",):
            continue
        out.append(w[0])
    return "".join(out).upper()


def is_acronym(text: str) -> bool:
    t = text.replace(".", "")
    return 2 <= len(t) <= 8 and t.isalpha() and t.isupper()


def acronym_matches(acr: str, expansion: str) -> bool:
    """True when ``acr`` is the initials of ``expansion`` (with or without function words)."""
    a = acr.replace(".", "").upper()
    if len(a) < 2 or len(expansion.split()) < 2:
        return False
    return a in (initials(expansion), initials(expansion, keep_stop=True))


def role_parts(text: str) -> tuple[str, frozenset[str]] | None:
    """(head, modifiers) of a role phrase, or None if it has no role head.

    "the US defence secretary" -> ("secretary", {"defense"}) once nationality words are passed in
    ``drop``; "Chief of Army Staff" -> ("chief", {"army", "staff"}); "COAS" -> the same.
    """
    t = fold(text).replace("united states", "us").replace("united kingdom", "uk")
    ws = [w.removesuffix("'s") for w in words(t)]
    if any(w in ROLE_ACRONYMS for w in ws):
        # "ISPR DG" -> "ispr director general"; an acronym ending the phrase is its head
        ws = [x for w in ws for x in (ROLE_ACRONYMS[w].split() if w in ROLE_ACRONYMS else [w])]
    cut = len(ws)
    for i, w in enumerate(ws):
        if w in ("of", "for") and i > 0:
            cut = i
            break
    head_i = None
    for i in range(cut):
        if ws[i] in ROLE_HEADS:
            head_i = i
    if head_i is None:
        return None
    head = ws[head_i]
    skip = {head_i}
    if head_i + 1 < len(ws) and (head, ws[head_i + 1]) in HEAD_COMPOUNDS:
        head = f"{head} {ws[head_i + 1]}"
        skip.add(head_i + 1)
    elif head_i > 0 and (ws[head_i - 1], head) in HEAD_COMPOUNDS:
        head = f"{ws[head_i - 1]} {head}"
        skip.add(head_i - 1)
    if head == "general":
        return None
    mods = frozenset(
        _SPELLING.get(w, w) for i, w in enumerate(ws) if i not in skip and w not in ROLE_STOP
    )
    return head, mods


def role_compatible(a: tuple[str, frozenset[str]], b: tuple[str, frozenset[str]]) -> bool:
    """Same head, and one's modifiers contain the other's ("army chief" ~ "chief of army staff")."""
    return a[0] == b[0] and (a[1] <= b[1] or b[1] <= a[1])


def role_label(text: str) -> str:
    """A role phrase as stored in LocalEntity.roles: lowercase, no determiner or possessor."""
    ws = fold(text).split()
    if len(ws) > 1 and ws[0].endswith("'s"):
        ws = ws[1:]  # "pakistan's chief of staff": the possessor is not part of the role
    while ws and ws[0] in ("the", "a", "an", "his", "her", "its", "their"):
        ws = ws[1:]
    return " ".join(ws)


def role_refers(ref: tuple[str, frozenset[str]], held: tuple[str, frozenset[str]]) -> bool:
    """Can the role reference ``ref`` ("the army chief", "COAS") denote the holder of ``held``?

    Same head, and either the reference is no more specific than the held role, or the held role
    has modifiers that the reference repeats ("COAS" = chief of army staff ~ held "army chief").
    A bare held title ("commander al-Muhandis") never claims a more specific reference.
    """
    if ref[0] != held[0]:
        return False
    return ref[1] <= held[1] or (bool(held[1]) and held[1] <= ref[1])


# Bodies news names in several ways. Only the foreign ministry family is merged across names
# (and only within one country, see resolve.py); the others bind lowercase references
# ("the pentagon", "the military") to the body an article names.
_ORG_FAMILIES = (
    ("foreign-ministry", re.compile(
        r"^(?:the )?(?:[\w']+ )?(?:foreign office|foreign ministry|ministry of foreign affairs|foreign affairs ministry"
        r"|ministry of external affairs|external affairs ministry|foreign and commonwealth office"
        r"|foreign, commonwealth and development office|mofa|mfa|fco|mea)$")),
    ("pentagon", re.compile(r"^(?:the )?(?:pentagon|(?:us |u s )?department of defense|(?:us )?defense department)$")),
    ("military", re.compile(r"^(?:the )?(?:[\w']+ )?(?:military|army|armed forces)$")),
)


def org_family(name: str) -> str | None:
    """The family of differently named references to one body, or None.

    "Foreign Office", "Foreign Ministry", "Ministry of Foreign Affairs", "MOFA" -> "foreign-ministry";
    a possessor or adjective in front ("Pakistan's", "Iranian") is allowed and read separately.
    """
    key = fold(name).replace("'s ", " ")
    for fam, rx in _ORG_FAMILIES:
        if rx.match(key):
            return fam
    return None


_DEMONYMS = {
    "american": "united states", "us": "united states", "usa": "united states", "america": "united states",
    "united states of america": "united states", "british": "united kingdom", "britain": "united kingdom",
    "uk": "united kingdom", "great britain": "united kingdom", "english": "united kingdom",
    "chinese": "china", "french": "france", "german": "germany", "dutch": "netherlands",
    "swiss": "switzerland", "turkish": "turkey", "turkiye": "turkey", "afghan": "afghanistan",
    "saudi": "saudi arabia", "emirati": "united arab emirates", "uae": "united arab emirates",
    "japanese": "japan", "spanish": "spain", "greek": "greece", "iraqi": "iraq", "yemeni": "yemen",
    "pakistani": "pakistan", "iranian": "iran", "indian": "india", "israeli": "israel",
    "russian": "russia", "ukrainian": "ukraine", "syrian": "syria", "egyptian": "egypt",
    "qatari": "qatar", "kuwaiti": "kuwait", "lebanese": "lebanon", "filipino": "philippines",
    "philippine": "philippines", "bangladeshi": "bangladesh", "sri lankan": "sri lanka",
    "korean": "korea", "south korean": "south korea", "north korean": "north korea",
    "polish": "poland", "swedish": "sweden", "danish": "denmark", "finnish": "finland",
    "norwegian": "norway", "irish": "ireland", "scottish": "scotland", "welsh": "wales",
    "portuguese": "portugal", "italian": "italy", "canadian": "canada", "mexican": "mexico",
    "brazilian": "brazil", "australian": "australia", "nigerian": "nigeria", "kenyan": "kenya",
    "omani": "oman", "bahraini": "bahrain", "jordanian": "jordan", "palestinian": "palestine",
}


def country_key(name: str) -> str:
    """One key for a country however it is written: "Pakistani", "Pakistan's", "U.S." -> same key."""
    key = fold(name).removeprefix("the ")
    key = key.removesuffix("'s").removesuffix("'").strip()
    return _DEMONYMS.get(key, key)


_POSSESSOR_GAP = re.compile(r"^(?:['’]s)?\s{1,3}$")


def country_before(text: str, start: int, places: list[tuple[int, int, str]]) -> str | None:
    """Country key of a GPE/NORP mention written right before ``start`` ("Pakistan's Foreign
    Office", "the Iranian foreign ministry", "Pakistan Foreign Office"), else None.

    ``places`` are (start, end, text) of GPE and NORP mentions.
    """
    for ps, pe, ptext in places:
        if pe <= start and start - pe <= 4 and ps < start and _POSSESSOR_GAP.match(text[pe:start]):
            return country_key(ptext)
    return None
