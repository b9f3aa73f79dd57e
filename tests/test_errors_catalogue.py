"""The error catalogue: every code used anywhere exists, and every message reads well."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from storyline.errors import (
    ConfigError,
    Errors,
    ReadError,
    StoreError,
    StorylineError,
    file_error,
    message,
)

SRC = Path(__file__).resolve().parents[1] / "src" / "storyline"
# Calls that look a code up in the catalogue (other modules' own exception classes with
# their own message tables, such as live.FetchError, are not checked here).
USES = re.compile(
    r"""\b(?:file_error|message|StorylineError|ReadError|ConfigError|ModelIntegrityError"""
    r"""|StoreError)\(\s*["'](E\d{3})["']"""
)
CODES = {k: v for k, v in vars(Errors).items() if re.fullmatch(r"E\d{3}", k)}


def test_errors_catalogue_codes_used_in_source_exist():
    used = set()
    for path in SRC.rglob("*.py"):
        used |= set(USES.findall(path.read_text(encoding="utf-8")))
    assert used, "the scan found no codes at all"
    assert sorted(used - set(CODES)) == []


@pytest.mark.parametrize("code", sorted(CODES))
def test_errors_catalogue_messages_are_sentences_that_fill(code):
    template = CODES[code]
    names = [f for _, f, _, _ in string.Formatter().parse(template) if f]
    filled = message(code, **{n.split("!")[0]: "X" for n in names})
    assert not re.search(r"\{[A-Za-z_]+[^}]*\}", filled) and len(filled) > 30
    assert filled.rstrip()[-1] in ".)", filled


def test_errors_catalogue_missing_placeholder_does_not_raise():
    assert "?" in message("E103")


def test_errors_catalogue_unknown_code_does_not_raise():
    assert "E999" in message("E999", detail="x")


def test_errors_file_error_record():
    err = file_error("E107", "a.jsonl#3", line=3, detail="Expecting value")
    assert (err.source, err.stage, err.line, err.code) == ("a.jsonl#3", "read", 3, "E107")
    assert "Expecting value" in err.reason


def test_errors_exceptions_carry_code_and_message():
    exc = ReadError("E105", detail="cut", line=2)
    assert isinstance(exc, StorylineError) and exc.code == "E105" and exc.line == 2
    assert str(exc).startswith("[E105] ") and "cut" in str(exc)
    assert issubclass(ConfigError, ValueError) and issubclass(StoreError, StorylineError)
