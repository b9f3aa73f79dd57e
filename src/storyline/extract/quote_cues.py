"""Word lists for attribution: reporting verbs, channels, document and role nouns.

Kept apart from the extraction logic so that the lists can grow without
touching the rules. Cue lists were drawn from general knowledge of news
reporting verbs and checked against the PolNeAR *train* split's cue counts.
"""

from __future__ import annotations

import re

# Verbs that introduce what someone said or wrote (lemmas).
SPEECH_VERBS = frozenset(
    """
    say tell add write tweet post announce state declare claim insist argue explain note warn urge
    vow pledge promise ask reply respond answer comment remark suggest acknowledge admit deny confirm
    report reveal disclose stress emphasize emphasise reiterate repeat predict assert maintain caution
    express describe accuse criticize criticise praise recall concede contend counter demand propose
    boast complain lament quip joke recount testify mention indicate conclude observe estimate
    wonder wish question blast slam dismiss denounce condemn welcome inform assure threaten quote
    cite allege announce instruct advise plead appeal implore beg underline
    underscore highlight affirm reaffirm proclaim retort shout yell whisper scream tout hail signal
    concur agree call
    """.split()
) | frozenset(
    # Manner of speaking and of setting out a view: as reporting verbs they frame a quote
    # ("“Never,” she scoffed") like "said" does.
    """
    exclaim chant scoff bellow cry snap fume rail grumble mutter murmur sigh laugh chuckle gush
    muse marvel interject interrupt rejoin vent rant thunder growl sneer taunt mock tease jeer
    lecture preach recite opine posit surmise aver elaborate clarify summarize summarise echo
    text email blog dub label brand utter decry rebuke encourage
    """.split()
)

# Verbs of belief or knowledge: attributions too, but only with a that-clause
# ("analysts believe that ..."), never with a plain object ("I think so").
COGNITION_VERBS = frozenset(
    """
    believe think feel fear hope expect know worry doubt suspect reckon understand learn find show
    consider assume recognize recognise realize realise figure imagine guess sense see hear read
    notice remember agree conclude determine decide indicate demonstrate prove estimate calculate
    project anticipate wonder trust bet
    """.split()
)

# Verbs of wanting and intending: attributions of a plan or wish, with a "to"-phrase
# ("the campaign plans to spend ...", "she wants voters to know ...").
INTENT_VERBS = frozenset(
    """
    want hope plan intend expect seek refuse decline offer promise threaten vow pledge aim wish
    prefer agree decide choose vote resolve
    """.split()
)

# Subjects that make a cognition or evidence verb an attribution even without a person:
# "polls show", "the data suggest", "a report found", "the study concluded".
EVIDENCE_NOUNS = frozenset(
    """
    poll polls survey surveys study studies report reports data record records analysis
    research document documents filing filings figure figures estimate estimates count
    result results evidence review investigation audit exit model forecast projection
    """.split()
)

# Verbs whose content may be a plain object or a "for"/"on" phrase, not only a clause:
# "expressed concern", "denied any casualties", "called for restraint".
OBJECT_CONTENT_VERBS = frozenset(
    """
    express deny announce praise criticize criticise condemn denounce welcome demand propose promise
    pledge vow urge call ask warn reiterate emphasize emphasise stress underline underscore
    reaffirm affirm hail tout signal dismiss blast slam accuse describe confirm reveal disclose
    """.split()
)

# The noun under a speaker slot that names a document rather than a speaker, and
# the channel it implies: "the statement said", "according to the handout".
DOC_NOUNS = {
    "statement": "statement",
    "handout": "statement",
    "release": "statement",
    "communique": "statement",
    "communiqué": "statement",
    "message": "statement",
    "letter": "statement",
    "note": "statement",
    "notification": "statement",
    "memo": "statement",
    "tweet": "tweet",
    "post": "tweet",
    "interview": "interview",
    "speech": "speech",
    "address": "speech",
    "remarks": "speech",
}

# Head nouns of role descriptions that stand for a person ("the army chief said").
PERSON_ROLE_NOUNS = frozenset(
    """
    chief secretary minister spokesman spokeswoman spokesperson president premier official general
    director dg governor senator leader ambassador envoy commander chairman chairwoman chair ceo
    head mayor coas pm fm king queen prince emperor pope cleric ayatollah diplomat lawmaker
    congressman congresswoman representative judge justice attorney lawyer prosecutor officer
    adviser advisor aide candidate nominee founder executive analyst expert economist professor
    author editor reporter correspondent colonel major lieutenant captain admiral marshal sheriff
    commissioner chancellor speaker vice deputy
    """.split()
)

ORG_NOUNS = frozenset(
    """
    ministry office military army government department agency wing administration embassy
    council committee commission party campaign company firm police force forces navy court
    parliament senate house cabinet media team
    """.split()
)

PERSON_PRONOUNS = frozenset("he she him her his hers".split())
THING_PRONOUNS = frozenset("it its".split())
PLURAL_PRONOUNS = frozenset("they them their".split())
FIRST_PERSON = frozenset("i we me us my our".split())

_CHANNELS = [
    (
        "tweet",
        re.compile(
            r"\btweet|\btwitter\b|\bsocial media\b|\bfacebook\b|\binstagram\b|\bposted\b|\bx\.com\b|\bon x\b",
            re.I,
        ),
    ),
    (
        "statement",
        re.compile(
            r"\bstatement|\bhandout|\bpress release|\bnews release|\bcommuniqu|\bmessage\b|\bletter\b",
            re.I,
        ),
    ),
    ("interview", re.compile(r"\binterview|\bpodcast\b|\btold (?:reporters|journalists)\b", re.I)),
    (
        "speech",
        re.compile(
            r"\bspeech|\brally\b|\bremarks\b|\baddress(?:ed|ing)? (?:a|the)\b|\bpress conference|"
            r"\bnews conference|\bbriefing\b|\bsermon\b|\bdebate\b",
            re.I,
        ),
    ),
]


def channel_from_text(text: str) -> str:
    """The channel named by words around a cue, or "unknown"."""
    for name, rx in _CHANNELS:
        if rx.search(text):
            return name
    return "unknown"


# Nouns that carry an attribution with a that-clause: "Trump's claim that ...",
# "the senator's warning that ...". The possessor (or "by"/"from" X) is the speaker.
NOMINAL_CUES = frozenset(
    """
    claim statement assertion allegation argument belief view suggestion promise pledge warning
    fear hope insistence contention charge accusation announcement prediction assessment
    conclusion admission denial complaint expectation finding testimony assurance vow threat
    """.split()
)

# "in X's view", "in the opinion of X": a holder and the clause it qualifies.
VIEW_NOUNS = frozenset(
    "view opinion estimation judgment judgement mind eyes assessment telling".split()
)

# Verbs of stance whose object is what the holder backs or rejects ("Christie endorsed
# Trump", "records show a surge"): reported as indirect quotes with the verb as cue, even
# when the object is a single name.
STANCE_VERBS = frozenset(
    """
    support endorse back oppose defend cite mention criticize criticise praise reject blame
    accuse dismiss question challenge applaud condemn denounce welcome show favor favour
    want seek offer discuss attack list recall cite mention propose advocate embrace champion
    """.split()
)

# Nouns of stance with a prepositional object: "Sanders's support for the bill",
# "her criticism of the deal", "Trump's attack on the judge".
NOMINAL_STANCE = frozenset(
    """
    support criticism attack endorsement opposition praise call question questions concern
    concerns defense defence rejection condemnation demand plea appeal message announcement
    estimate reply response comment comments remarks proposal plan promise pledge
    view views doubt doubts enthusiasm hostility argument swipe
    """.split()
)

# Verbs whose content is a prepositional object: "referring to the attack", "talked about
# jobs", "pointed to the polls", "apologized for the remark".
PREP_CONTENT_VERBS = {
    "talk": ("about", "of"),
    "speak": ("about", "of"),
    "refer": ("to",),
    "point": ("to",),
    "comment": ("on", "about"),
    "complain": ("about", "of"),
    "boast": ("about", "of"),
    "brag": ("about",),
    "apologize": ("for",),
    "apologise": ("for",),
    "allude": ("to",),
    "testify": ("about", "on"),
    "joke": ("about",),
    "vote": ("for", "against"),
}
