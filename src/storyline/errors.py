"""Every error Storyline reports, in one catalogue.

Each message has a code (``E1xx`` reading, later stages take the next hundreds)
and says what went wrong *and* what the user can do about it. Per-file problems
become :class:`storyline.model.FileError` records built with :func:`file_error`;
misuse of the library raises a :class:`StorylineError` subclass.

To add an error: add a ``Exxx = "..."`` line to :class:`Errors` (placeholders in
``{braces}``), then use ``file_error("Exxx", source, ...)`` or
``raise SomeError("Exxx", name=value)``.
"""

from __future__ import annotations

import logging
from typing import Any

from .model import FileError

log = logging.getLogger(__name__)

__all__ = [
    "Errors",
    "message",
    "file_error",
    "StorylineError",
    "ReadError",
    "ConfigError",
    "ModelIntegrityError",
    "StoreError",
]


class Errors:
    """Message templates by code. Placeholders are filled by :func:`message`."""

    # ---------------------------------------------------------------- E1xx reading input
    E101 = "The file is empty (or only whitespace). Remove it or check that the export finished."
    E102 = (
        "This is a binary file ({kind}), not text: Storyline reads .txt, .html, .json, .jsonl, "
        "RSS/Atom, .warc and .gz. Convert it to text first or leave it out."
    )
    E103 = (
        "The input is too large ({size} bytes, the limit is {limit} bytes). Split it into "
        "smaller files, or raise the limit (read_paths(max_bytes=...)) if you trust it."
    )
    E104 = (
        "The text could not be decoded: it is not UTF-8 and no other encoding fits it "
        "(first bad byte on line {bad_line}). Re-save the file as UTF-8."
    )
    E105 = (
        "The gzip data is damaged or truncated ({detail}). Download or compress the file "
        "again; `gzip -t FILE` checks it."
    )
    E106 = (
        "The compressed data unpacks to more than {limit} bytes and was stopped there "
        "(a possible decompression bomb). Unpack it yourself and split it if it is genuine."
    )
    E107 = (
        "Malformed JSON: {detail}. Fix the record (every line of a .jsonl file must be one "
        "complete JSON object); the other records were read."
    )
    E108 = (
        "The JSON record has no article text: none of the fields {tried} holds a string. "
        "Name the field that holds the text with json_fields={{'text': 'YOUR_FIELD'}} "
        "(CLI: --json-field text=YOUR_FIELD)."
    )
    E109 = (
        "No main text could be extracted from this HTML page (it may be a navigation page, "
        "a script-only page or an empty template). Save the article page itself, or its text."
    )
    E110 = (
        "This is not a readable RSS/Atom feed ({detail}). Check that the file is the feed XML "
        "itself and not an HTML page or an error message."
    )
    E111 = (
        "The feed entry has no content or summary to read. Feeds that carry only titles and "
        "links cannot be ingested; Storyline never fetches the linked pages."
    )
    E112 = (
        "The WARC file could not be read ({detail}). Check it with `warcio check`, or "
        "re-export it; records read before the damage were kept."
    )
    E113 = "The path does not exist. Check the spelling, or the directory you run from."
    E114 = "The file could not be read ({detail}). Check its permissions and that it is a file."
    E115 = (
        "The data is nested more than {limit} levels deep ({what}). It was refused to keep "
        "the reader safe; such nesting never occurs in real articles."
    )
    E116 = (
        "More than {limit} malformed records in this file; reading stopped here. The file "
        "is probably not JSON Lines: check its format."
    )
    E117 = (
        "JSON top level is {kind}, not an object or a list of objects. Export one article "
        "object per record."
    )
    E118 = (
        "The WARC file holds no HTML response records, so there is no article in it. "
        "Storyline reads only HTTP responses with an HTML content type."
    )
    E119 = (
        "Unexpected failure while reading ({detail}). This is a bug in Storyline: please "
        "report it with the file; the rest of the batch went on."
    )
    E120 = (
        "The feed has no entries. Check that the file is the complete feed, not an "
        "empty channel."
    )

    # ---------------------------------------------------------------- E4xx language models
    # storyline.nlp.pipeline builds these messages with the file lists itself.
    E401 = (
        "The spaCy model files in {path} do not match the pinned version ({detail}). Reinstall "
        "the model package with pip --force-reinstall, or pass --model for another pipeline."
    )
    E402 = (
        "The spaCy model files in {path} are incomplete ({detail}). Reinstall the model "
        "package, or pass --model for another installed pipeline."
    )
    E403 = (
        "The spaCy pipeline {model} is not installed ({detail}). Install it as a package, or "
        "pass --model with the path of a pipeline directory."
    )

    # ---------------------------------------------------------------- E7xx live feeds
    E701 = (
        "The feed address {url} is refused: {host} resolves to {address}, a {kind} address. Feeds on "
        "private or local networks are only fetched with --allow-private."
    )
    E702 = "The feed at {url} is larger than {limit} bytes and was not read. Raise the limit if you trust it."
    E703 = (
        "The feed server at {url} answered HTTP {status}. Check the address in the OPML file; "
        "the next poll tries again."
    )
    E704 = "The feed at {url} could not be fetched ({detail}). The next poll tries again."
    E705 = "The feed at {url} redirects more than {limit} times, or without a Location. Use its final address."
    E706 = "The feed address {url!r} is not an http(s) URL; only http and https feeds are fetched."
    E707 = (
        "The feed list {path} could not be read ({detail}). It should be an OPML file with "
        '<outline xmlUrl="..."> entries.'
    )

    # ---------------------------------------------------------------- E9xx library misuse
    E901 = "Unknown field {field!r} in json_fields; known fields: {known}."
    E902 = "{name}={value} is not allowed: it must be a positive number."
    E903 = (
        "json_fields[{field!r}] = {value!r} is not a key name. Give the JSON key as a "
        "string, with dots for nested keys (e.g. 'meta.published')."
    )

    # ---------------------------------------------------------------- E2xx cleaning
    E201 = "The document could not be cleaned ({detail}). It was skipped; please report this file."
    E202 = "No article text is left after removing site furniture: the file holds only navigation or boilerplate."

    # ---------------------------------------------------------------- E3xx store
    E301 = "The store at {path} cannot be opened ({detail}). Check the path and its permissions, or pass --db."
    E302 = (
        "The store could not be written ({detail}). If the disk is full, free space and run the same "
        "command again: every batch is one transaction, so nothing half-written was kept."
    )
    E303 = "The store at {path} has schema version {found}, newer than this Storyline ({known}). Upgrade Storyline."


def message(code: str, **fields: Any) -> str:
    """The catalogue message for ``code`` with its placeholders filled.

    A missing placeholder never raises (an error message must not itself fail): it is
    shown as ``?``.
    """
    template = getattr(Errors, code, None)
    if not isinstance(template, str):
        # Reporting an error must not raise a second one; the catalogue test catches
        # codes used in the source but missing here.
        log.warning("error code %s is not in the catalogue", code)
        detail = ", ".join(f"{k}={v}" for k, v in fields.items())
        return f"Error {code}" + (f" ({detail})." if detail else ".")
    return template.format_map(_Lenient(fields))


def file_error(code: str, source: str, *, stage: str = "read", line: int | None = None,
               **fields: Any) -> FileError:
    """A :class:`FileError` record whose reason comes from the catalogue."""
    return FileError(source=source, stage=stage, reason=message(code, **fields), line=line,
                     code=code)


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "?"


class StorylineError(Exception):
    """Base of the library's exceptions; carries a catalogue ``code``."""

    def __init__(self, code: str, **fields: Any) -> None:
        self.code = code
        self.fields = fields
        super().__init__(f"[{code}] {message(code, **fields)}")


class ReadError(StorylineError):
    """Input that cannot be read (used inside readers; surfaces as a FileError)."""

    def __init__(self, code: str, *, line: int | None = None, **fields: Any) -> None:
        self.line = line
        super().__init__(code, **fields)


class ConfigError(StorylineError, ValueError):
    """A bad argument or setting given to the library."""


class ModelIntegrityError(StorylineError):
    """A bundled model or resource is missing or does not match its checksum."""


class StoreError(StorylineError):
    """The article store cannot be opened, migrated or written."""
