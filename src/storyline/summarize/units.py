"""Summary candidates: sentences cleaned, safely compressed and filtered.

A candidate is one sentence of one article, made fit to stand alone in a
summary: the dateline is cut, attributions and parentheticals are dropped
where the rest is still a complete statement, and a leading pronoun is either
replaced by the name it stands for or the sentence is left out. Fragments that
cannot carry a summary (site furniture, bare quotes, headlines, questions) are
filtered here so that the selection step only sees usable sentences.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Article, ArticleAnalysis, Sentence
from ..nlp.lookup import local_entity, mention_at

log = logging.getLogger(__name__)

__all__ = [
    "Unit",
    "build_units",
    "iter_units",
    "compress",
    "tokens",
    "stem",
    "content_stems",
    "word_count",
    "is_stopword",
    "fold_spelling",
]

MIN_WORDS = 8
MAX_WORDS = 60

_TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_WORD_RE = re.compile(r"\S+")
_LONG_WORD_RE = re.compile(r"[^\W\d_]{4,}")
_QUOTES = "\"“”«»„"
_OPEN_Q = "\"“«„"
_CLOSE_Q = "\"”»"

# Same dateline shapes the cleaner knows ("ISLAMABAD:", "WASHINGTON (Reuters) -", "LONDON, Jan 3 —");
# repeated here because a dateline left in the text by any reader must not reach a summary.
_DATELINE_RE = re.compile(
    r"^\s*[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
    r"(?:\s*\([A-Z][\w .&]{1,30}\))?"
    r"(?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
    r"\s*(?::|—|–|-{1,2})\s+(?=\S)"
)
_SPEECH = (
    r"(?:said|says|added|noted|stated|told\s+\w+(?:\s+\w+)?|announced|explained|claimed|reported|"
    r"confirmed|tweeted|wrote|insisted|maintained|argued|warned|continued|observed|declared)"
)
# ", the ISPR said." / ", he added on Friday." / ", according to the ministry." at the end of an
# indirect statement. The attributed part must be short (a speaker, not a clause).
_TRAIL_ATTR_RE = re.compile(
    r",\s*(?:(?:[\w.'’@-]+\s+){0,7}?" + _SPEECH + r"(?:\s+(?:on|late|early|in)\s+[\w ,]{1,25}?)?"
    r"|according\s+to\s+[\w.'’@ -]{2,60}?"
    # Inverted: "said the ministry", "added Jones" (a name or a determiner must follow the verb).
    r"|(?:said|says|added|noted|stated|wrote|tweeted)\s+(?:(?:the|a|an)\s+[\w.'’@-]+|[A-Z][\w.'’@-]*)"
    r"(?:\s+[\w.'’@-]+){0,5}?)\s*(?P<end>[.!?])\s*$",
)
_LEAD_ADVERB_RE = re.compile(
    r"^(?:However|Meanwhile|Moreover|Furthermore|Also|In addition|Additionally|Nevertheless|"
    r"Separately|Earlier|Still|Besides|Indeed|Thus|Therefore)\s*,\s+(?=\w)"
)
_LEAD_ATTR_RE = re.compile(r"^According to [^,\"“”]{2,60},\s+(?=\w)")
_PAREN_RE = re.compile(r"\s*\((?:[^()]{1,80})\)")
_SPACE_RE = re.compile(r"\s+")
_PRONOUN_START_RE = re.compile(
    r"^(?P<pre>(?:(?:On|In|Earlier|Later|Then|But|And|Yet|Now|Also)\b[^,]{0,30},\s+)?)"
    r"(?P<pron>He|She|They|It|His|Her|Their|Its)\b(?P<rest>.*)$",
    re.DOTALL,
)
_FURNITURE_RE = re.compile(
    r"(?i)\b(follow (us|[\w ]{1,30}) on|click here|subscribe|sign up|read more|all rights reserved|"
    r"related articles?|leave a comment|published in|copyright|newsletter|cookies?)\b"
)
_URL_RE = re.compile(r"https?://|www\.|\.com/\S")
_NAME_RE = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Prof|PM)\.?\s+)?[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|al|bin|de|van|von))*"
)
_NOT_NAMES = {
    "The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "But", "And", "He", "She",
    "It", "They", "We", "I", "His", "Her", "Their", "Its", "According", "After", "Before", "When",
    "While", "However", "Meanwhile", "If", "As", "For", "With", "Following", "Prior", "Also",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Reiterating", "Referring", "Confirming", "Urging",
}
_SPEECH_AFTER_RE = re.compile(r"^\s*(?:,[^,]{0,60},\s*)?(?:" + _SPEECH + r"|has|had|was|is|will|would|also)\b")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w.lower() for w in STOP_WORDS) | {"s", "t", "mr", "mrs", "ms"}


def is_stopword(word: str) -> bool:
    return word.lower() in _stopwords()


@lru_cache(maxsize=1)
def _porter():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter stem of a lower-cased token (the same stemmer ROUGE uses)."""
    return _porter().stem(word)


# British and American spellings of one word must count as one concept ("defence secretary" in one
# outlet, "defense secretary" in another). The folds only serve matching, so over-folding a word
# that has no variant ("promise" -> "promize") is harmless: it is folded the same way everywhere.
_SPELLING = [
    (re.compile(r"(?<=\w{3})is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=\w{3})ence$"), "ense"),
    (re.compile(r"(?<=\w{3})our(s|ed|ing|able)?$"), r"or\1"),
    (re.compile(r"(?<=\w{3})tre(s)?$"), r"ter\1"),
    (re.compile(r"(?<=\w{4})ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"(?<=\w{3})ogue(s)?$"), r"og\1"),
]


@lru_cache(maxsize=200_000)
def fold_spelling(word: str) -> str:
    """One spelling for British and American variants of a lower-cased word."""
    for rx, rep in _SPELLING:
        word = rx.sub(rep, word)
    return word


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, possessive and apostrophe forms and spelling variants folded."""
    out = []
    for t in _TOKEN_RE.findall(text):
        t = t.lower().replace("’", "'")
        if t.endswith("'s"):
            t = t[:-2]
        out.append(fold_spelling(t))
    return out


@lru_cache(maxsize=20_000)
def content_stems(text: str) -> tuple[str, ...]:
    """Stems of the non-stopword tokens of ``text``, in order (cached: a story and each of
    its chapters read the same sentences and articles)."""
    return tuple(stem(t) for t in tokens(text) if not is_stopword(t))


def word_count(text: str) -> int:
    return len(_WORD_RE.findall(text))


def _quote_share(text: str) -> float:
    """Share of characters inside quotation marks."""
    inside, depth, n = 0, False, 0
    for ch in text:
        if ch in _QUOTES:
            if ch in _OPEN_Q and ch in _CLOSE_Q:
                depth = not depth
            else:
                depth = ch in _OPEN_Q
            continue
        n += 1
        if depth:
            inside += 1
    return inside / n if n else 0.0


def _balanced_quotes(text: str) -> bool:
    straight = text.count('"') % 2 == 0
    curly = text.count("“") == text.count("”")
    return straight and curly


def compress(text: str) -> str:
    """Safe compression: drop a dateline, parentheticals, a leading connective and a
    trailing attribution of an indirect statement. Returns the text unchanged when a
    cut would leave a fragment."""
    out = text.strip()
    m = _DATELINE_RE.match(out)
    if m and word_count(out[m.end():]) >= 5:
        out = out[m.end():]
    out = _LEAD_ADVERB_RE.sub("", out)
    m = _LEAD_ATTR_RE.match(out)
    # "According to X, Y, the Z, ..." may continue X with an apposition: cut only a plain remainder.
    if m and word_count(out[m.end():]) >= MIN_WORDS and "," not in out[m.end():]:
        out = out[m.end():]
    if out and out[0].islower():
        out = out[0].upper() + out[1:]
    # Parentheses inside a quotation are the speaker's words, so only cut outside quotes.
    if "(" in out and not any(q in out for q in _QUOTES):
        cut = _PAREN_RE.sub("", out)
        if word_count(cut) >= MIN_WORDS:
            out = cut
    m = _TRAIL_ATTR_RE.search(out)
    if m:
        head = out[: m.start()]
        # A direct quotation keeps its speaker; an attribution after a quote is the only source.
        if head and head[-1] not in _QUOTES + "’'" and _quote_share(head) < 0.5 and word_count(head) >= MIN_WORDS:
            out = head + m.group("end")
    out = _SPACE_RE.sub(" ", out).strip()
    return out


def _is_usable(text: str, original: str) -> bool:
    """Can this sentence stand in a summary at all?"""
    n = word_count(text)
    if n < MIN_WORDS or n > MAX_WORDS:
        return False
    if _FURNITURE_RE.search(original) or _URL_RE.search(original):
        return False
    stripped = text.strip()
    if stripped.endswith(("?", ":", "!", "...", "…")):
        return False  # questions, labels, exclamations and trailing-off fragments report nothing
    # A headline that ends in a full stop is still a headline: all its words are capitalised,
    # its verbs too ("Clinton Plan for Taxes Is Expansive but Complex."); a sentence dense with
    # names still has a verb in lower case ("... President Jacques Rogge declared the ...").
    long_words = _LONG_WORD_RE.findall(stripped)
    if len(long_words) >= 4 and all(w[0].isupper() for w in long_words):
        return False
    # Headlines and labels: no closing punctuation.
    if stripped[-1] not in ".!\"”’')":
        return False
    if not _balanced_quotes(stripped):
        return False
    # A bare quotation without speaker reads as an orphan in a summary.
    if stripped[0] in _OPEN_Q and _quote_share(stripped) > 0.8:
        return False
    if _quote_share(stripped) > 0.75:
        return False
    if stripped[0] in "#@" or stripped.count("#") + stripped.count("@") >= 2:
        return False
    letters = [c for c in stripped if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.5:
        return False
    first = stripped.lstrip(_QUOTES + "'‘(")[:1]
    if first and not (first.isupper() or first.isdigit()):
        return False
    # First-person narration outside quotes is an opinion column or a tweet, not a report.
    outside = re.sub(r"[\"“][^\"”]*[\"”]", " ", stripped)
    if re.search(r"\b(I|we|We|my|our|Our|us)\b", outside):
        return False
    return True


@dataclass(slots=True)
class Unit:
    """One candidate summary sentence."""

    article: str
    index: int  # sentence index in the article's analysis
    position: float  # 0 at the article's start, 1 at its end
    original: str
    text: str  # compressed and pronoun-resolved
    date: str | None = None
    date_precision: str = "unknown"
    stems: list[str] = field(default_factory=list)
    concepts: set[str] = field(default_factory=set)
    words: int = 0


def _antecedent_name(
    analysis: ArticleAnalysis | None, sentences: list[Sentence], index: int, pron: str, offset: int
) -> str | None:
    """The name a sentence-initial pronoun stands for, or None.

    A pronoun mention linked to an entity by the language core gives the name.
    Otherwise he/she/his/her is read as the subject of the previous sentence: its
    person named right before a speech or auxiliary verb, else its first person,
    outside quotations (from the person mentions when the language core found any,
    else from capitalised names). It/they/its/their need a linked mention: too
    ambiguous otherwise.
    """
    if analysis is not None and analysis.mentions:
        m = mention_at(analysis, offset, offset + len(pron))
        if m is not None and m.start <= offset < m.end and m.entity:
            ent = local_entity(analysis, m.entity)
            if ent is not None and ent.name:
                return ent.name
    if pron.lower() not in {"he", "she", "his", "her"} or index == 0:
        return None
    prev_s = sentences[index - 1]
    prev = prev_s.text
    outside = re.sub(r"[\"“][^\"”]*[\"”]", lambda mt: " " * len(mt.group(0)), prev)
    names: list[tuple[str, int]] = []
    if analysis is not None and analysis.mentions:
        for m in analysis.mentions:
            rel = m.start - prev_s.start
            if m.label != "PERSON" or not (0 <= rel < len(prev)) or outside[rel] == " ":
                continue
            ent = local_entity(analysis, m.entity)
            names.append((ent.name if ent is not None and ent.name else m.text, m.end - prev_s.start))
    else:
        for mt in _NAME_RE.finditer(outside):
            parts = mt.group(0).strip().split()
            while parts and parts[0] in _NOT_NAMES:
                parts.pop(0)
            name = " ".join(parts).rstrip(".,")
            # Without entity types a lone capitalised word is as likely a place or a group.
            if len(parts) < 2 or name in _NOT_NAMES:
                continue
            names.append((name, mt.end()))
    if not names:
        return None
    for name, end in names:
        if _SPEECH_AFTER_RE.match(outside[end:]):
            return name
    return names[0][0]


def _resolve_pronoun(
    text: str, analysis: ArticleAnalysis | None, sentences: list[Sentence], index: int, sent_start: int,
    original: str,
) -> str | None:
    """``text`` with a leading pronoun replaced by its name; None when it cannot be resolved."""
    m = _PRONOUN_START_RE.match(text)
    if not m:
        return text
    pron = m.group("pron")
    # Offset of the pronoun in the article, for the mention lookup.
    pos = original.find(m.group("pron") + m.group("rest")[:20])
    offset = sent_start + (pos if pos >= 0 else 0)
    name = _antecedent_name(analysis, sentences, index, pron, offset)
    if not name:
        return None
    if pron.lower() in {"his", "her", "their", "its"}:
        name = name + ("’" if name.endswith("s") else "’s")
    pre = m.group("pre")
    if pre:
        return pre + name + m.group("rest")
    return name + m.group("rest")


def _sentences_of(article: Article, analysis: ArticleAnalysis | None) -> list[Sentence]:
    if analysis is not None and analysis.sentences:
        return analysis.sentences
    # No analysis: a plain splitter over paragraphs keeps the summary usable.
    out: list[Sentence] = []
    offset = 0
    for p_no, para in enumerate(article.text.split("\n\n")):
        for m in re.finditer(r"[^.!?]+(?:[.!?]+[\"”’)]*|$)", para):
            s = m.group(0)
            if s.strip():
                start = offset + m.start() + (len(s) - len(s.lstrip()))
                out.append(Sentence(start=start, end=offset + m.end(), text=s.strip(), paragraph=p_no))
        offset += len(para) + 2
    return out


def build_units(articles: list[Article], analyses: dict[str, ArticleAnalysis]) -> list[Unit]:
    """Every usable candidate sentence of ``articles``, compressed and with pronouns resolved."""
    return [u for art in articles for u in iter_units(art, analyses.get(art.id))]


def iter_units(art: Article, analysis: ArticleAnalysis | None) -> Iterator[Unit]:
    """The usable candidate sentences of one article, in text order, built as they are read
    (a one-source summary needs only its lead)."""
    sentences = _sentences_of(art, analysis)
    n = len(sentences)
    title = (art.title or "").strip().lower()
    for i, s in enumerate(sentences):
        original = _SPACE_RE.sub(" ", s.text).strip()
        if not original or original.lower() == title:
            continue
        text = compress(original)
        resolved = _resolve_pronoun(text, analysis, sentences, i, s.start, s.text)
        if resolved is None:
            log.debug("dropped unresolved pronoun: %s", original[:60])
            continue
        if not _is_usable(resolved, original):
            continue
        yield Unit(
            article=art.id,
            index=i,
            position=i / max(n - 1, 1),
            original=original,
            text=resolved,
            words=word_count(resolved),
        )
