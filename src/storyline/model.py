"""Plain records that flow between Storyline's stages.

Every stage is a function over these dataclasses, so each stage can be tested
alone, run in another process (Dask pickles them) and stored as JSON.
Offsets are character offsets into ``Article.text`` (the cleaned text).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1


# --------------------------------------------------------------------------- ingest


@dataclass(slots=True)
class Article:
    """One cleaned news article.

    ``id`` is a stable hash of the normalised body text, so the same article
    ingested twice (from any path) gets the same id.
    """

    id: str
    source: str  # path or URL it came from
    text: str  # cleaned body: paragraphs joined by "\n\n"
    title: str | None = None
    outlet: str | None = None
    outlet_from: str | None = None  # evidence, e.g. "text:Published in Dawn", "url:dawn.com"
    byline: str | None = None
    dateline: str | None = None  # e.g. "ISLAMABAD"
    published: str | None = None  # "YYYY-MM-DD"
    published_from: str | None = None  # evidence, e.g. "text:Published in Dawn, January 4th, 2020"
    published_confidence: float = 0.0
    published_estimated: bool = False
    date_conflicts: list[str] = field(default_factory=list)
    language: str = "en"
    duplicate_of: str | None = None
    duplicate_similarity: float | None = None
    removed_lines: list[str] = field(default_factory=list)  # boilerplate the cleaner took out

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]


@dataclass(slots=True)
class FileError:
    """A per-file failure: data, not a crash. The batch goes on."""

    source: str
    stage: str  # "read", "clean", "analyse", ...
    reason: str
    line: int | None = None
    code: str = "E000"


@dataclass(slots=True)
class RawDocument:
    """What a reader yields before cleaning: text plus whatever metadata it found."""

    source: str
    text: str
    fmt: str  # "txt", "html", "json", "rss", "warc"
    html: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    byline: str | None = None
    published: str | None = None  # "YYYY-MM-DD" from structured metadata
    published_from: str | None = None
    language: str | None = None


# --------------------------------------------------------------------------- nlp


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(slots=True)
class Mention:
    """A span naming an entity. ``entity`` is the article-local entity key."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, NORP, LOC, FAC, TITLE (role noun), HANDLE, PRON
    entity: str | None = None


@dataclass(slots=True)
class LocalEntity:
    """An entity within one article, after in-article resolution."""

    key: str  # unique within the article, e.g. "e3"
    name: str  # canonical (longest, title-stripped) name
    type: str  # PERSON, ORG, GPE, NORP, LOC, FAC
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # "army chief", "secretary of state"
    handles: list[str] = field(default_factory=list)  # "@SecPompeo"


@dataclass(slots=True)
class TimeExpr:
    """A temporal expression resolved to the calendar.

    ``value`` is ISO ("2020-01-03", "2020-01", "2020") or None when the anchor
    is unknown; ``precision`` is "day", "month", "year", "week" or "unknown".
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: str
    kind: str = "DATE"  # DATE, TIME, DURATION, SET
    tense: str = "past"  # of the governing verb, so the value can be re-anchored later
    timeml: str | None = None  # TimeML value when it is not a calendar date: PRESENT_REF, 2020-Q1, P3M...


# --------------------------------------------------------------------------- extract


@dataclass(slots=True)
class QuoteMention:
    """One quote as found in one article (before merging across articles)."""

    start: int  # offsets of the quoted content
    end: int
    text: str
    kind: str  # direct / indirect / mixed
    cue: str | None = None  # "said", "tweeted", "according to"
    speaker_text: str | None = None
    speaker: str | None = None  # article-local entity key
    via_text: str | None = None
    via: str | None = None  # article-local entity key
    channel: str = "unknown"  # tweet / statement / interview / speech / unknown
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(slots=True)
class EventMention:
    """One reported action in one sentence of one article."""

    sentence: int  # index into ArticleAnalysis.sentences
    action: str  # verb lemma
    category: str  # PLOVER category, e.g. CONSULT, ASSAULT
    actor_text: str | None = None
    actor: str | None = None  # article-local entity key
    target_text: str | None = None
    target: str | None = None
    location: str | None = None
    date: str | None = None
    date_precision: str = "unknown"
    modality: str = "asserted"  # asserted / denied / possible / future
    trigger_start: int | None = None
    trigger_end: int | None = None
    time: int | None = None  # index into ArticleAnalysis.times of the expression dating it


@dataclass(slots=True)
class ClaimMention:
    """A numeric claim (casualties, counts, amounts) or a denial of one."""

    sentence: int
    quantity: str  # normalised thing counted, e.g. "killed", "casualties"
    value: float | None  # None with modality "denied" for "no casualties"
    text: str  # the claim's words, e.g. "at least 80 people were killed"
    claimant_text: str | None = None
    claimant: str | None = None  # article-local entity key
    modality: str = "asserted"  # asserted / denied
    qualifier: str | None = None  # "at least", "about", ...
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class ArticleAnalysis:
    """Everything the per-article stages find in one article.

    Plain data only (no spaCy objects), so it pickles for Dask and is stored as
    JSON; cross-article stages work from these.
    """

    article_id: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[LocalEntity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quotes: list[QuoteMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    claims: list[ClaimMention] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # a failing sub-stage, recorded, never fatal
    # The article's story vector (title + lede through the sentence embedder), computed with the
    # other per-article stages so that building stories never re-embeds: "<embedder>:<base64>"
    # (``stories.embed.pack``); None without an embedder.
    embedding: str | None = None


# --------------------------------------------------------------------------- corpus level


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class QuoteSource:
    article: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Quote:
    id: str
    text: str  # the fullest version
    kind: str
    cue: str | None
    speaker: str | None  # entity id
    speaker_text: str | None
    via: str | None
    channel: str
    sources: list[QuoteSource] = field(default_factory=list)


@dataclass(slots=True)
class EventSource:
    article: str
    sentence: str  # the sentence text


@dataclass(slots=True)
class Event:
    id: str
    date: str | None
    date_precision: str
    actor: str | None  # entity id, or group text when no entity ("pro-Iranian militiamen")
    action: str
    category: str
    target: str | None
    location: str | None
    modality: str
    background: bool = False
    sources: list[EventSource] = field(default_factory=list)
    actor_name: str | None = None
    target_name: str | None = None


@dataclass(slots=True)
class ClaimSide:
    text: str
    sources: list[str]  # article ids
    claimant: str | None = None
    value: float | None = None


@dataclass(slots=True)
class Disagreement:
    what: str
    claims: list[ClaimSide] = field(default_factory=list)


@dataclass(slots=True)
class SummarySentence:
    text: str
    sources: list[str]  # article ids
    date: str | None = None


@dataclass(slots=True)
class Chapter:
    id: str
    title: str
    date: str | None
    articles: list[str]
    first_date: str | None = None
    last_date: str | None = None
    headline: str | None = None
    summary: list[SummarySentence] = field(default_factory=list)
    timeline: list[str] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    background: list[str] = field(default_factory=list)  # timeline events that are context to this chapter


@dataclass(slots=True)
class Story:
    id: str
    title: str
    first_date: str | None
    last_date: str | None
    articles: list[str]
    chapters: list[Chapter] = field(default_factory=list)
    headline: str | None = None
    summary: list[SummarySentence] = field(default_factory=list)
    timeline: list[str] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    comparison: dict[str, Any] | None = None


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_PLAIN = (str, int, float, bool, type(None))


def to_dict(obj: Any) -> Any:
    """Dataclass (or list of them) to plain JSON-ready data."""
    if isinstance(obj, _PLAIN):
        return obj
    cls = type(obj)
    names = _FIELD_NAMES.get(cls)
    if names is None and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        # Field names cached per class: this runs for every record the store writes.
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(obj))
    if names is not None:
        return {n: to_dict(getattr(obj, n)) for n in names}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def analysis_from_dict(d: dict[str, Any]) -> ArticleAnalysis:
    """Inverse of ``to_dict`` for ``ArticleAnalysis`` (stored as JSON)."""
    return ArticleAnalysis(
        article_id=d["article_id"],
        sentences=[Sentence(**x) for x in d.get("sentences", [])],
        mentions=[Mention(**x) for x in d.get("mentions", [])],
        entities=[LocalEntity(**x) for x in d.get("entities", [])],
        times=[TimeExpr(**x) for x in d.get("times", [])],
        quotes=[QuoteMention(**x) for x in d.get("quotes", [])],
        events=[EventMention(**x) for x in d.get("events", [])],
        claims=[ClaimMention(**x) for x in d.get("claims", [])],
        errors=list(d.get("errors", [])),
        embedding=d.get("embedding"),
    )


def article_from_dict(d: dict[str, Any]) -> Article:
    names = {f.name for f in dataclasses.fields(Article)}
    return Article(**{k: v for k, v in d.items() if k in names})
