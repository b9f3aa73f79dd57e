"""A small lexicon from words to PLOVER event categories.

PLOVER (Political Language Ontology for Verifiable Event Records, Open Event
Data Alliance) groups political events into a few categories. We follow the
current category names (``DEMAND`` for requests and appeals, ``ACCUSE`` for
criticism, which the 2016 gold-standard records call ``DISAPPROVE``) and keep
``FIGHT`` (conventional military force) apart from ``ASSAULT`` (killings,
strikes, bombings, unconventional violence) as PLOVER does.

The lexicon maps verb lemmas, verb + particle/preposition pairs, and event
nouns (for light verbs such as "held talks" and for nominal events such as
"the killing of X"). The words come from the PLOVER and CAMEO codebooks'
descriptions of each category, not from any evaluation text.
"""

from __future__ import annotations

CATEGORIES: dict[str, str] = {
    "AGREE": "agree to, sign or accept an agreement, settle",
    "CONSULT": "meet, talk, telephone, visit, negotiate, discuss with",
    "SUPPORT": "praise, endorse, welcome, defend, express support",
    "CONCEDE": "concede, apologise, ease restrictions, yield",
    "COOPERATE": "cooperate, collaborate, share intelligence, extradite",
    "AID": "give aid, assistance, asylum, supplies, rescue",
    "RETREAT": "withdraw, release, resign, lift sanctions, pull out",
    "DEMAND": "demand, request, urge, appeal, call for (restraint, talks)",
    "ACCUSE": "accuse, blame, criticise, condemn, express concern",
    "REJECT": "reject, refuse, deny a request, veto, boycott talks",
    "THREATEN": "threaten, warn, vow revenge, issue an ultimatum",
    "PROTEST": "demonstrate, march, rally, riot, go on strike",
    "SANCTION": "impose sanctions or embargoes, expel, break relations",
    "MOBILIZE": "mobilise or deploy forces, raise alert, mass troops",
    "COERCE": "arrest, detain, raid, seize, confiscate, deport",
    "ASSAULT": "kill, assassinate, attack, strike, bomb, shoot, abduct",
    "FIGHT": "fight, clash, battle, shell, invade, occupy",
    "INVESTIGATE": "investigate, probe, inquire",
}

#: Categories whose two participants play the same role ("A met B" == "B met A").
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE", "FIGHT"})

#: Categories of physical force: their object may be a place or thing ("hit two bases").
MATERIAL = frozenset(
    {"ASSAULT", "FIGHT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE", "RETREAT", "AID"}
)

_VERBS: dict[str, tuple[str, ...]] = {
    "AGREE": ("agree", "sign", "ratify", "accept", "approve", "settle"),
    "CONSULT": (
        "meet",
        "talk",
        "discuss",
        "telephone",
        "phone",
        "visit",
        "host",
        "confer",
        "negotiate",
        "consult",
        "mediate",
        "converse",
    ),
    "SUPPORT": (
        "support",
        "praise",
        "commend",
        "welcome",
        "defend",
        "hail",
        "applaud",
        "congratulate",
        "thank",
        "back",
        "laud",
        "endorse",
    ),
    "CONCEDE": (
        "concede",
        "apologize",
        "apologise",
        "admit",
        "yield",
        "pardon",
        "compromise",
    ),
    "COOPERATE": ("cooperate", "collaborate", "extradite", "ally", "partner"),
    "AID": ("aid", "assist", "donate", "rescue", "fund", "finance"),
    "RETREAT": (
        "withdraw",
        "retreat",
        "resign",
        "evacuate",
        "release",
        "free",
        "demobilize",
        "quit",
    ),
    "DEMAND": (
        "demand",
        "urge",
        "appeal",
        "request",
        "press",
        "implore",
        "plead",
        "petition",
        "task",
        "caution",
        "exhort",
        "order",
        "instruct",
        "direct",
    ),
    "ACCUSE": (
        "accuse",
        "blame",
        "criticize",
        "criticise",
        "condemn",
        "denounce",
        "slam",
        "allege",
        "rebuke",
        "censure",
        "deplore",
        "lambast",
        "decry",
    ),
    "REJECT": (
        "reject",
        "refuse",
        "veto",
        "dismiss",
        "rebuff",
        "spurn",
        "decline",
        "oppose",
        "boycott",
    ),
    "THREATEN": ("threaten", "warn", "menace"),
    "PROTEST": ("protest", "demonstrate", "march", "rally", "riot", "picket"),
    "SANCTION": ("sanction", "expel", "embargo", "ban", "suspend", "blacklist", "boycott"),
    "MOBILIZE": ("mobilize", "mobilise", "deploy", "mass", "station"),
    "COERCE": (
        "arrest",
        "detain",
        "seize",
        "confiscate",
        "raid",
        "deport",
        "jail",
        "imprison",
        "capture",
        "search",
        "apprehend",
        "expropriate",
        "censor",
        "convict",
        "sentence",
    ),
    "ASSAULT": (
        "kill",
        "assassinate",
        "attack",
        "bomb",
        "shoot",
        "murder",
        "massacre",
        "behead",
        "abduct",
        "kidnap",
        "torture",
        "injure",
        "wound",
        "target",
        "stab",
        "execute",
        "ambush",
        "avenge",
        "slay",
        "gun",
        "hit",
        "strike",
    ),
    "FIGHT": (
        "fight",
        "clash",
        "battle",
        "shell",
        "invade",
        "occupy",
        "bombard",
        "besiege",
        "storm",
    ),
    "INVESTIGATE": ("investigate", "probe", "inquire", "examine"),
}

#: Ambiguous verbs in the lists above, kept only with the listed kind of object or context
#: (see ``events._accept_verb``): "hit" and "strike" are force only against a concrete object.
NEEDS_OBJECT = frozenset(
    {
        "hit",
        "strike",
        "target",
        "back",
        "free",
        "release",
        "direct",
        "press",
        "station",
        "mass",
        "execute",
        "search",
        "help",
        "order",
        "sentence",
    }
)

_PHRASAL: dict[tuple[str, str], str] = {
    ("call", "for"): "DEMAND",
    ("call", "on"): "DEMAND",
    ("call", "upon"): "DEMAND",
    ("appeal", "to"): "DEMAND",
    ("reach", "out"): "CONSULT",
    ("speak", "with"): "CONSULT",
    ("speak", "to"): "CONSULT",
    ("talk", "to"): "CONSULT",
    ("meet", "with"): "CONSULT",
    ("sit", "down"): "CONSULT",
    ("pull", "out"): "RETREAT",
    ("pull", "back"): "RETREAT",
    ("step", "down"): "RETREAT",
    ("back", "down"): "CONCEDE",
    ("crack", "down"): "COERCE",
    ("open", "fire"): "ASSAULT",
    ("blow", "up"): "ASSAULT",
    ("lay", "siege"): "ASSAULT",
    ("set", "fire"): "ASSAULT",
    ("cut", "off"): "SANCTION",
    ("cut", "ties"): "SANCTION",
    ("break", "off"): "SANCTION",
    ("shut", "down"): "COERCE",
    ("hand", "over"): "COOPERATE",
    ("speak", "out"): "ACCUSE",
    ("lash", "out"): "ACCUSE",
    ("hit", "out"): "ACCUSE",
    ("fire", "back"): "ACCUSE",
    ("take", "aim"): "ACCUSE",
    ("walk", "out"): "PROTEST",
    ("take", "over"): "FIGHT",
    ("fire", "on"): "FIGHT",
    ("fire", "at"): "FIGHT",
    ("look", "into"): "INVESTIGATE",
}

_NOUNS: dict[str, tuple[str, ...]] = {
    "AGREE": ("agreement", "deal", "accord", "treaty", "ceasefire", "truce", "pact", "settlement",
              "consensus"),
    "CONSULT": (
        "talk",
        "talks",
        "meeting",
        "conversation",
        "call",
        "visit",
        "summit",
        "negotiation",
        "discussion",
        "consultation",
        "contact",
        "dialogue",
        "mediation",
        "phone",
        "telephone",
    ),
    "SUPPORT": ("support", "praise", "endorsement", "condolence", "condolences", "solidarity"),
    "CONCEDE": ("apology", "concession"),
    "COOPERATE": ("cooperation", "collaboration", "extradition", "alliance", "partnership"),
    "AID": ("aid", "assistance", "asylum", "donation", "relief", "help", "loan"),
    "RETREAT": ("withdrawal", "retreat", "resignation", "release", "pullout", "evacuation"),
    "DEMAND": ("demand", "appeal", "request", "call", "restraint", "plea", "order"),
    "ACCUSE": ("accusation", "criticism", "condemnation", "concern", "allegation", "charge"),
    "REJECT": ("rejection", "refusal", "veto", "boycott"),
    "THREATEN": ("threat", "warning", "ultimatum"),
    "PROTEST": ("protest", "demonstration", "rally", "march", "riot", "strike", "sit-in"),
    "SANCTION": ("sanction", "sanctions", "embargo", "ban", "expulsion", "blockade"),
    "MOBILIZE": ("deployment", "mobilization", "mobilisation", "alert"),
    "COERCE": ("arrest", "detention", "raid", "seizure", "crackdown", "deportation", "curfew"),
    "ASSAULT": (
        "killing",
        "assassination",
        "attack",
        "strike",
        "airstrike",
        "bombing",
        "murder",
        "massacre",
        "shooting",
        "siege",
        "abduction",
        "kidnapping",
        "ambush",
        "explosion",
        "blast",
        "execution",
        "retaliation",
        "reprisal",
        "revenge",
        "vengeance",
    ),
    "FIGHT": (
        "fighting",
        "clash",
        "battle",
        "invasion",
        "offensive",
        "shelling",
        "occupation",
        "bombardment",
        "war",
        "incursion",
    ),
    "INVESTIGATE": ("investigation", "probe", "inquiry", "inquest"),
}

#: Verbs that add nothing but carry an event noun: "held talks", "launched an attack".
LIGHT_VERBS = frozenset(
    {
        "hold",
        "have",
        "launch",
        "carry",
        "conduct",
        "make",
        "stage",
        "receive",
        "express",
        "issue",
        "impose",
        "offer",
        "provide",
        "give",
        "announce",
        "sign",
        "reach",
        "mount",
        "begin",
        "start",
        "lead",
        "organize",
        "organise",
        "extend",
        "voice",
        "send",
        "deliver",
        "grant",
        "order",
        "authorize",
        "authorise",
        "declare",
        "pose",
        "step",
        "lay",
        "take",
        "conclude",
        "initiate",
        "unleash",
        "perpetrate",
        "commit",
        "join",
        "seek",
        "convey",
        "lodge",
        "file",
    }
)

#: Nouns that are events in other categories after a light verb ("expressed concern",
#: "imposed sanctions"): the category is the noun's, unless the light verb is listed here.
_LIGHT_OVERRIDES: dict[tuple[str, str], str] = {
    ("receive", "call"): "CONSULT",
    ("make", "call"): "CONSULT",
    ("issue", "call"): "DEMAND",
    ("lift", "sanction"): "RETREAT",
    ("lift", "ban"): "RETREAT",
    ("lift", "embargo"): "RETREAT",
    ("ease", "sanction"): "CONCEDE",
}

#: Nouns too vague to be events on their own (need a light verb or a participant).
WEAK_NOUNS = frozenset(
    {
        "call",
        "contact",
        "help",
        "support",
        "concern",
        "order",
        "release",
        "alert",
        "charge",
        "war",
        "strike",
        "march",
        "demand",
        "request",
        "phone",
        "telephone",
        "restraint",
        "revenge",
        "retaliation",
        "talk",
    }
)

# Further words from the PLOVER / CAMEO descriptions of each category.
_MORE_VERBS: dict[str, tuple[str, ...]] = {
    "RETREAT": ("surrender", "disarm"),
    "DEMAND": ("pressure", "summon"),
    "ACCUSE": ("complain", "sue", "indict", "charge"),
    "SANCTION": ("prohibit", "halt", "cancel", "freeze", "downgrade"),
    "COERCE": ("demolish", "outlaw", "deface", "hack", "confine", "evict", "surround"),
    "ASSAULT": ("assault", "abuse", "mistreat", "maim", "lynch", "rape"),
}
_MORE_NOUNS: dict[str, tuple[str, ...]] = {
    "SANCTION": ("suspension", "tariff", "tariffs", "restriction", "restrictions", "quota"),
    "CONSULT": ("negotiations", "welcome"),
    "ACCUSE": ("complaint", "lawsuit"),
}
for _cat, _words in _MORE_VERBS.items():
    _VERBS[_cat] = _VERBS[_cat] + _words
for _cat, _words in _MORE_NOUNS.items():
    _NOUNS[_cat] = _NOUNS[_cat] + _words

NEEDS_OBJECT = NEEDS_OBJECT | {"halt", "cancel", "freeze", "hack", "charge", "recognize",
                               "recognise", "fine", "restrict", "poison", "reaffirm"}
LIGHT_VERBS = LIGHT_VERBS | {
    "violate",
    "breach",
    "flout",
    "contravene",
    "supervise",
    "oversee",
    "mastermind",
    "coordinate",
    "undertake",
    "renew",
    "resume",
    "continue",
    "open",
    "put",
    "hold",
    "accept",
    "reject",
    "lift",
    "ease",
    "end",
}
_PHRASAL.update(
    {
        ("block", "road"): "PROTEST",
        ("block", "roadway"): "PROTEST",
        ("block", "highway"): "PROTEST",
        ("beat", "up"): "ASSAULT",
        ("establish", "tie"): "SUPPORT",
        ("establish", "relation"): "SUPPORT",
        ("restore", "tie"): "SUPPORT",
        ("restore", "relation"): "SUPPORT",
        ("upgrade", "tie"): "SUPPORT",
        ("break", "relation"): "SANCTION",
        ("sever", "tie"): "SANCTION",
        ("sever", "relation"): "SANCTION",
        ("send", "arm"): "AID",
        ("send", "weapon"): "AID",
        ("send", "aid"): "AID",
        ("send", "troop"): "MOBILIZE",
    }
)
_LIGHT_OVERRIDES.update(
    {
        ("lodge", "protest"): "ACCUSE",
        ("file", "complaint"): "ACCUSE",
        ("declare", "ceasefire"): "RETREAT",
        ("declare", "truce"): "RETREAT",
        ("lift", "blockade"): "RETREAT",
        ("lift", "siege"): "RETREAT",
        ("lift", "curfew"): "CONCEDE",
        ("ease", "curfew"): "CONCEDE",
        ("end", "siege"): "RETREAT",
        ("end", "mediation"): "SANCTION",
        ("end", "talk"): "SANCTION",
        ("reject", "demand"): "REJECT",
        ("reject", "request"): "REJECT",
        ("reject", "call"): "REJECT",
        ("accept", "demand"): "CONCEDE",
        ("accept", "request"): "CONCEDE",
        ("put", "investigation"): "INVESTIGATE",
    }
)

_PHRASAL.update(
    {
        ("back", "out"): "REJECT",
        ("back", "away"): "REJECT",
        ("cut", "funding"): "SANCTION",
        ("cut", "aid"): "SANCTION",
        ("slash", "funding"): "SANCTION",
    }
)
#: Verbs that undo a measure: lifting or easing a sanction or a restriction is a concession.
UNDOING = frozenset(
    {"lift", "ease", "end", "cancel", "remove", "relax", "scrap", "drop", "rescind", "revoke",
     "repeal", "loosen", "shorten", "waive"}
)

LIGHT_VERBS = LIGHT_VERBS | UNDOING | {"reimpose", "tighten", "extend", "institute"}
# Broad verb classes from the PLOVER codebook's category descriptions.
_PHRASAL.update(
    {
        # COOPERATE: sharing or exchanging intelligence and information
        ("share", "intelligence"): "COOPERATE",
        ("share", "information"): "COOPERATE",
        ("share", "evidence"): "COOPERATE",
        ("share", "expertise"): "COOPERATE",
        ("share", "data"): "COOPERATE",
        ("share", "technology"): "COOPERATE",
        ("exchange", "information"): "COOPERATE",
        ("exchange", "intelligence"): "COOPERATE",
        # COERCE / ASSAULT: forced removal, hostage taking, intrusion
        ("force", "out"): "COERCE",
        ("drive", "out"): "COERCE",
        ("take", "hostage"): "ASSAULT",
        ("take", "prisoner"): "COERCE",
        ("take", "captive"): "COERCE",
        ("hack", "into"): "COERCE",
        ("break", "into"): "COERCE",
        # MOBILIZE: reinforcing forces
        ("strengthen", "force"): "MOBILIZE",
        ("beef", "up"): "MOBILIZE",
        # REJECT: going back on a commitment
        ("renege", "on"): "REJECT",
        ("go", "back"): "REJECT",
    }
)
_VERBS["MOBILIZE"] = _VERBS["MOBILIZE"] + ("reinforce",)
# Further unambiguous verbs of the codebook's categories.
_VERBS["SUPPORT"] = _VERBS["SUPPORT"] + ("recognize", "recognise", "reaffirm", "salute")
_VERBS["CONCEDE"] = _VERBS["CONCEDE"] + ("relent", "capitulate")
_VERBS["AID"] = _VERBS["AID"] + ("airlift",)
_VERBS["ACCUSE"] = _VERBS["ACCUSE"] + (
    "chide", "scold", "castigate", "berate", "reprimand", "admonish", "excoriate", "vilify",
    "assail", "prosecute", "fault",
)
_VERBS["REJECT"] = _VERBS["REJECT"] + ("snub", "defy")
_VERBS["SANCTION"] = _VERBS["SANCTION"] + ("blockade", "restrict", "fine")
_VERBS["ASSAULT"] = _VERBS["ASSAULT"] + ("hijack", "firebomb", "poison")
_VERBS["FIGHT"] = _VERBS["FIGHT"] + ("annex", "overrun", "retake", "recapture")
_PHRASAL.update(
    {
        ("give", "in"): "CONCEDE",
        ("join", "force"): "COOPERATE",
        ("hand", "back"): "RETREAT",
        ("round", "up"): "COERCE",
        ("gun", "down"): "ASSAULT",
    }
)
_VERBS["REJECT"] = _VERBS["REJECT"] + ("renege", "backtrack")
_VERBS["COERCE"] = _VERBS["COERCE"] + ("disperse", "expel")
_NOUNS["COERCE"] = _NOUNS["COERCE"] + ("emergency", "lockdown", "crackdowns", "martial law")
# Nominalisations of the category verbs ("the crew's capture", "his imprisonment").
_NOUNS["COERCE"] = _NOUNS["COERCE"] + (
    "capture", "imprisonment", "internment", "eviction", "confiscation", "conviction",
)
_NOUNS["ASSAULT"] = _NOUNS["ASSAULT"] + ("torture", "beheading", "stabbing", "hijacking")
# Mass violence against civilians (CAMEO 20, "use unconventional mass violence").
_NOUNS["ASSAULT"] = _NOUNS["ASSAULT"] + ("genocide", "atrocity", "cleansing", "pogrom")
_NOUNS["ACCUSE"] = _NOUNS["ACCUSE"] + ("indictment", "denunciation", "rebuke")
_NOUNS["AID"] = _NOUNS["AID"] + ("rescue", "airlift")
_NOUNS["RETREAT"] = _NOUNS["RETREAT"] + ("surrender", "disarmament", "demobilization")
LIGHT_VERBS = LIGHT_VERBS | {"reiterate", "repeat", "restate", "present", "renew", "declare"}
#: Verbs that cut a resource: "reduced food supplies to the camp", "withheld aid" (SANCTION).
CUTTING = frozenset({"cut", "reduce", "slash", "curtail", "withhold", "withdraw", "stop"})

LIGHT_VERBS = LIGHT_VERBS | {"slap", "plan", "plot", "refuse", "rebuff", "spurn", "dismiss", "heed"}
_PHRASAL[("turn", "down")] = "REJECT"
# An empty category: the light verb makes the noun no event ("expressed relief", "posed a threat to").
_LIGHT_OVERRIDES.update({("express", "relief"): "", ("pose", "threat"): "", ("pose", "risk"): ""})
# Idioms: "made a killing on the market", "made a call" on a question (decided).
_LIGHT_OVERRIDES.update({("make", "killing"): ""})

# Sending armed personnel somewhere is a deployment (CAMEO 15x / PLOVER MOBILIZE: "sent 3,000
# troops to the island", "will dispatch warships"), whatever the force is called.
_SENDING = ("send", "dispatch", "rush", "redeploy", "airlift")
_ARMED_FORCES = (
    "troop", "soldier", "force", "warship", "marine", "peacekeeper", "paratrooper",
    "reinforcement", "battalion", "brigade", "warplane", "warship", "gunboat", "destroyer",
    "frigate", "commando",
)
# Breaking off or downgrading relations (CAMEO 16x, PLOVER SANCTION): "cut ties with Tehran",
# "recalled its ambassador". Keys use the noun's lemma ("tie", not "ties").
for _v in ("cut", "sever", "break", "suspend", "downgrade", "freeze"):
    for _n in ("tie", "relation", "relationship"):
        _PHRASAL.setdefault((_v, _n), "SANCTION")
for _v in ("recall", "withdraw"):
    for _n in ("ambassador", "envoy", "diplomat", "embassy"):
        _PHRASAL.setdefault((_v, _n), "SANCTION")
_VERBS["ACCUSE"] = _VERBS["ACCUSE"] + ("impeach",)
_VERBS["COERCE"] = _VERBS["COERCE"] + ("loot", "ransack", "vandalize", "vandalise")
_VERBS["ASSAULT"] = _VERBS["ASSAULT"] + ("torch",)
# Blocking a public way is the protest of a blockade (CAMEO 1823/ PLOVER PROTEST), as "block
# road" above.
for _n in ("street", "bridge", "motorway", "railway", "rail", "intersection", "junction",
           "interstate", "traffic", "entrance", "crossing", "port", "track", "avenue"):
    _PHRASAL.setdefault(("block", _n), "PROTEST")
# Sending inspectors or investigators somewhere is an inquiry there (PLOVER INVESTIGATE).
for _v in ("send", "dispatch", "deploy"):
    for _n in ("inspector", "investigator", "detective"):
        _PHRASAL.setdefault((_v, _n), "INVESTIGATE")
# Firing munitions is conventional force (PLOVER FIGHT, as "fire at"/"fire on" above), aimed at
# whatever follows "at", "on" or "into".
_PHRASAL.setdefault(("fire", "into"), "FIGHT")
for _v in ("fire", "launch", "lob"):
    for _n in ("rocket", "missile", "mortar", "shell", "grenade", "projectile", "salvo"):
        _PHRASAL.setdefault((_v, _n), "FIGHT")
for _v in _SENDING:
    for _n in _ARMED_FORCES:
        _PHRASAL.setdefault((_v, _n), "MOBILIZE")

VERB_CATEGORY: dict[str, str] = {}
for _cat, _words in _VERBS.items():
    for _w in _words:
        VERB_CATEGORY.setdefault(_w, _cat)

NOUN_CATEGORY: dict[str, str] = {}
for _cat, _words in _NOUNS.items():
    for _w in _words:
        NOUN_CATEGORY.setdefault(_w, _cat)

# "call" is a phone call unless it is an appeal ("a call for restraint"); events decides.
NOUN_CATEGORY["call"] = "CONSULT"
# Military "strike" is the common sense in the news; labour strikes are recognised by context.
NOUN_CATEGORY["strike"] = "ASSAULT"

#: Verbs whose infinitive complement is a promise of force: "vowed to avenge" = THREATEN.
PROMISE_VERBS = frozenset({"vow", "pledge", "promise", "swear", "threaten"})

#: Verbs whose complement event has not happened (yet): modality "future".
FUTURE_GOVERNORS = frozenset(
    {
        "vow",
        "pledge",
        "promise",
        "swear",
        "plan",
        "intend",
        "aim",
        "want",
        "seek",
        "hope",
        "prepare",
        "decide",
        "expect",
        "threaten",
        "agree",
        "try",
        "attempt",
        "offer",
        "propose",
        "schedule",
        "set",
        "wish",
    }
)

#: Verbs whose complement is the content of a request, so not an event of its own.
REQUEST_GOVERNORS = frozenset(
    {
        "ask",
        "urge",
        "call",
        "demand",
        "appeal",
        "request",
        "press",
        "implore",
        "task",
        "order",
        "instruct",
        "direct",
        "caution",
        "advise",
        "encourage",
        "invite",
        "tell",
        "want",
        "force",
        "persuade",
        "convince",
        "allow",
        "let",
        "help",
        "need",
        "emphasize",
        "emphasise",
        "stress",
    }
)


def verb_category(lemma: str, particle: str | None = None) -> str | None:
    """The PLOVER category of a verb lemma, with its particle or preposition if it has one."""
    lemma = lemma.lower()
    if particle is not None:
        cat = _PHRASAL.get((lemma, particle.lower()))
        if cat:
            return cat
    return VERB_CATEGORY.get(lemma)


#: Verbs that turn down whatever event noun they take: "rejected an ultimatum", "spurned talks".
REJECTING = frozenset({"reject", "refuse", "rebuff", "spurn", "dismiss", "veto"})
#: Verbs that take up what was proposed: "accepted the offer" (AGREE), "accepted the demands"
#: (CONCEDE, giving in to pressure).
ACCEPTING = frozenset({"accept", "heed"})


#: Verbs that break a covenant: "violated the ceasefire", "breached the accord".
VIOLATING = frozenset({"violate", "breach", "break", "flout", "contravene"})
_TRUCES = frozenset({"ceasefire", "truce", "armistice"})


def noun_category(lemma: str, light_verb: str | None = None) -> str | None:
    """The PLOVER category of an event noun, optionally after a light verb."""
    lemma = lemma.lower()
    if light_verb is not None:
        light = light_verb.lower()
        if light in VIOLATING:
            # CAMEO 196 "violate ceasefire" is fighting; breaking a deal is rejecting it.
            if NOUN_CATEGORY.get(lemma) != "AGREE":
                return None
            return "FIGHT" if lemma in _TRUCES else "REJECT"
        cat = _LIGHT_OVERRIDES.get((light, lemma))
        if cat is not None:
            return cat or None
        own = NOUN_CATEGORY.get(lemma)
        if own in ("SANCTION", "COERCE") and light in UNDOING:
            return "CONCEDE"  # "lifted the restrictions", "eased the curfew", "dropped tariffs"
        if own in ("CONSULT", "AGREE", "COOPERATE", "AID") and light in UNDOING - {"ease"}:
            return "SANCTION"  # "cancelled the visit", "ended cooperation": relations reduced
        if own in ("ASSAULT", "FIGHT") and light in UNDOING:
            return "RETREAT"  # "ended the offensive"
        if own == "PROTEST" and light in UNDOING:
            return "CONCEDE"  # "called off the strike", "ended their protest": de-escalation
        if own and light in REJECTING:
            return "REJECT"
        if own in ("AID", "SUPPORT") and light in ACCEPTING:
            return own  # "accepted aid from Japan": Japan's aid, received
        if own and light in ACCEPTING:
            return "CONCEDE" if own in ("DEMAND", "THREATEN") else "AGREE"
    return NOUN_CATEGORY.get(lemma)


#: The 2016 PLOVER gold-standard names mapped onto ours, for scoring.
LEGACY_NAMES: dict[str, str] = {"DISAPPROVE": "ACCUSE", "REQUEST": "DEMAND"}


_COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
_CONFLICT = frozenset({"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT", "PROTEST"})


def coded_category(category: str, modality: str) -> str:
    """The category PLOVER coders give an event with this modality.

    PLOVER codes intentions by what they announce: a promised cooperative act
    ("will provide aid") is AGREE, an announced act of force or pressure
    ("would impose a blockade") is THREATEN, and a refused cooperative act
    ("will not accept refugees") is REJECT. Storyline keeps the act's own
    category and its modality; this maps the pair onto PLOVER's coding.
    """
    if modality == "future" and category in _COOPERATIVE and category != "AGREE":
        return "AGREE"
    if modality in ("future", "possible") and category in _CONFLICT:
        return "THREATEN"
    if modality == "denied" and category in _COOPERATIVE:
        return "REJECT"
    return category
