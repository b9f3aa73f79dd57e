"""One quote, many sources: merging the same statement carried by several articles.

Outlets quote the same words with small differences: an inserted "[Army]", British
or American spelling, a hashtag dropped, one sentence of a tweet or the whole tweet.
Each quote mention is normalised, candidate pairs are found through rare shared word
trigrams (so the work grows with the number of real matches, not with the square of
the corpus), and pairs are confirmed with rapidfuzz before being joined.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from ..model import Article, ArticleAnalysis, Entity, Quote, QuoteMention, QuoteSource
from ..util import DisjointSet

log = logging.getLogger(__name__)

# A trigram shared by more mentions than this is boilerplate ("the united states"), not evidence.
MAX_SHINGLE_FREQ = 40
# partial_ratio threshold for texts long enough that containment means identity.
PARTIAL_MIN = 90.0
# Shorter texts must match as a whole.
RATIO_MIN = 92.0
# Texts with fewer normalised words than this match only as a whole.
MIN_PARTIAL_WORDS = 6

_BRACKETED = re.compile(r"\[[^\]]{0,40}\]")
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
# British to American spelling, on word endings only: destabilising -> destabilizing.
_SPELLING = [
    (re.compile(r"(?<=\w{3})is(e|ed|es|ing|ation|ations)\b"), r"iz\1"),
    (re.compile(r"(?<=\w{3})yse(d|s)?\b"), r"yze\1"),
    (re.compile(r"\b(def|off|lic|pret)ence\b"), r"\1ense"),
    (re.compile(r"(?<=\w{2}[^aeiou])our\b"), "or"),
    (re.compile(r"(?<=\w{3})tre\b"), "ter"),
]
# Some words end in -ise in every spelling; do not "Americanise" them.
_KEEP_ISE = {
    "advertise",
    "advise",
    "arise",
    "comprise",
    "compromise",
    "demise",
    "despise",
    "devise",
    "disguise",
    "enterprise",
    "excise",
    "exercise",
    "expertise",
    "franchise",
    "improvise",
    "merchandise",
    "otherwise",
    "premise",
    "promise",
    "revise",
    "rise",
    "supervise",
    "surmise",
    "surprise",
    "televise",
    "wise",
    "precise",
    "concise",
    "raise",
    "praise",
    "noise",
    "poise",
    "cruise",
    "bruise",
    "chemise",
    "paradise",
    "treatise",
    "vise",
}


def normalise_quote(text: str) -> str:
    """Text reduced to what survives between outlets: case, marks, brackets, spelling, hashtags."""
    t = unicodedata.normalize("NFKC", text).lower()
    t = _BRACKETED.sub(" ", t)
    t = t.replace("#", "").replace("’", "'").replace("‘", "'")
    t = re.sub(r"(\w)\.(?=\w\.)", r"\1", t)  # u.s. -> us.
    t = _NON_WORD.sub(" ", t.replace("'s ", " ").replace("'", ""))
    return _SPACE.sub(" ", " ".join(_fold_word(w) for w in t.split())).strip()


@lru_cache(maxsize=100_000)
def _fold_word(w: str) -> str:
    # Cached: a corpus repeats its words, and each fold tries every spelling rule.
    if not _is_kept(w):
        for rx, rep in _SPELLING:
            w = rx.sub(rep, w)
    return w


def _is_kept(word: str) -> bool:
    for k in _KEEP_ISE:
        root = k[:-1]  # advis-, exercis-
        if word == k or (word.startswith(root) and word[len(root) :] in ("e", "ed", "es", "ing")):
            return True
    return False


@dataclass(slots=True)
class _Item:
    article: str
    order: int  # position of the article in the corpus, for stable output
    mention: QuoteMention
    norm: str
    words: int
    speaker: str | None  # corpus entity id
    via: str | None


def _shingles(norm: str) -> set[str]:
    words = norm.split()
    if len(words) < 3:
        return {norm} if norm else set()
    return {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}


def _same_statement(a: _Item, b: _Item) -> bool:
    if a.article == b.article and a.mention.start == b.mention.start:
        return False
    short = min(a.words, b.words)
    if a.speaker and b.speaker and a.speaker != b.speaker and short < 12:
        return False  # short texts by different speakers are different statements
    if short >= MIN_PARTIAL_WORDS:
        # one outlet quotes a sentence, another the whole tweet; truncation and insertions
        # (score_cutoff lets rapidfuzz stop early; a score under it comes back as 0.) A partial
        # ratio of 90 needs a common subsequence of at least 0.8x the shorter text (see
        # summarize.compare._quote_families): a bit-parallel check that rules most pairs out first.
        m = min(len(a.norm), len(b.norm))
        if LCSseq.similarity(a.norm, b.norm, score_cutoff=int(0.8 * m)) and fuzz.partial_ratio(
            a.norm, b.norm, score_cutoff=PARTIAL_MIN
        ):
            return True
        return short >= 0.5 * max(a.words, b.words) and bool(
            fuzz.token_set_ratio(a.norm, b.norm, score_cutoff=PARTIAL_MIN)
        )
    return bool(fuzz.ratio(a.norm, b.norm, score_cutoff=RATIO_MIN))


def _majority(values: list[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    best = max(counts.values())
    # ties broken by first appearance, which follows corpus order: deterministic
    return next(v for v in values if v and counts[v] == best)


def merge_quote_mentions(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    entity_map: dict[tuple[str, str], str],
    entities: list[Entity],
) -> list[Quote]:
    """Group quote mentions of all articles into ``Quote`` records (see module docstring)."""
    names = {e.id: e.name for e in entities}
    items: list[_Item] = []
    for order, art in enumerate(articles):
        an = analyses.get(art.id)
        if an is None:
            continue
        for m in an.quotes:
            norm = normalise_quote(m.text)
            if not norm:
                continue
            items.append(
                _Item(
                    art.id,
                    order,
                    m,
                    norm,
                    len(norm.split()),
                    entity_map.get((art.id, m.speaker)) if m.speaker else None,
                    entity_map.get((art.id, m.via)) if m.via else None,
                )
            )

    # Blocking: candidate pairs share a trigram that few mentions have.
    index: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        for sh in _shingles(it.norm):
            index[sh].append(i)
    sets = DisjointSet(len(items))

    checked: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) < 2 or len(members) > MAX_SHINGLE_FREQ:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if (i, j) in checked:
                    continue
                checked.add((i, j))
                if sets.find(i) != sets.find(j) and _same_statement(items[i], items[j]):
                    sets.union(i, j)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[sets.find(i)].append(i)

    quotes: list[Quote] = []
    used_ids: set[str] = set()
    for root in sorted(groups, key=lambda r: (items[r].order, items[r].mention.start)):
        members = [items[i] for i in groups[root]]
        fullest = max(
            members, key=lambda it: (it.words, len(it.mention.text), -it.order, -it.mention.start)
        )
        # One source per article: its fullest version of the statement.
        per_article: dict[str, _Item] = {}
        for it in members:
            cur = per_article.get(it.article)
            if cur is None or (it.words, len(it.mention.text)) > (cur.words, len(cur.mention.text)):
                per_article[it.article] = it
        sources = [
            QuoteSource(
                article=it.article, start=it.mention.start, end=it.mention.end, text=it.mention.text
            )
            for it in sorted(per_article.values(), key=lambda it: (it.order, it.mention.start))
        ]
        ordered = sorted(members, key=lambda it: (it.order, it.mention.start))
        speaker = _majority([it.speaker for it in ordered])
        if speaker is not None:
            texts = [it.mention.speaker_text for it in ordered if it.speaker == speaker]
            speaker_text = names.get(speaker) or _majority(texts)
        else:
            speaker_text = _majority([it.mention.speaker_text for it in ordered])
        channels = [it.mention.channel for it in ordered if it.mention.channel != "unknown"]
        digest = hashlib.sha1(fullest.norm.encode("utf-8")).hexdigest()[:12]
        qid = f"q-{digest}"
        if qid in used_ids:  # same words, different statement (e.g. another speaker)
            qid = (
                "q-"
                + hashlib.sha1(f"{fullest.norm}|{speaker or speaker_text}".encode()).hexdigest()[
                    :12
                ]
            )
        used_ids.add(qid)
        quotes.append(
            Quote(
                id=qid,
                text=fullest.mention.text,
                kind=fullest.mention.kind,
                cue=fullest.mention.cue,
                speaker=speaker,
                speaker_text=speaker_text,
                via=_majority([it.via for it in ordered]),
                channel=_majority(channels) or "unknown",
                sources=sources,
            )
        )
    log.info("merged %d quote mentions into %d quotes", len(items), len(quotes))
    return quotes
