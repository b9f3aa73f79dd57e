"""The pinned spaCy pipeline: hash check, components, paragraph-aware sentences."""

from __future__ import annotations

import shutil

import pytest

from storyline.model import Article
from storyline.nlp import annotate
from storyline.nlp.pipeline import (
    MODEL_SHA256,
    ModelIntegrityError,
    default_model_dir,
    load_pipeline,
    verify_model_dir,
)


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


def test_pipeline_loads_once_with_needed_components(nlp):
    assert load_pipeline() is nlp
    for name in ("tagger", "parser", "attribute_ruler", "lemmatizer", "ner"):
        assert name in nlp.pipe_names
    doc = nlp("The minister visited the town.")
    assert doc[2].lemma_ == "visit"
    assert doc[2].dep_ == "ROOT"


def test_pipeline_hash_check_accepts_intact_copy(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(default_model_dir(), copy)
    verify_model_dir(copy)  # no exception


def test_pipeline_hash_check_rejects_corrupted_weights(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(default_model_dir(), copy)
    weights = copy / "ner" / "model"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF
    weights.write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError) as info:
        verify_model_dir(copy)
    msg = str(info.value)
    assert "ner/model" in msg and "changed" in msg
    assert "pip install --force-reinstall" in msg  # says how to fix it
    assert "tok2vec/model" not in msg  # names only what differs


def test_pipeline_hash_check_reports_missing_file(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(default_model_dir(), copy)
    (copy / "vocab" / "strings.json").unlink()
    with pytest.raises(ModelIntegrityError, match="missing: vocab/strings.json"):
        verify_model_dir(copy)


def test_pipeline_pins_every_weight_file():
    for rel in ("tok2vec/model", "tagger/model", "parser/model", "ner/model", "vocab/strings.json"):
        assert rel in MODEL_SHA256


def test_pipeline_sentences_never_span_paragraphs(nlp):
    text = "The talks ended without a deal\n\nOfficials met again on Monday. They agreed."
    doc = nlp(text)
    a = annotate(doc, Article(id="p", source="t", text=text))
    assert [s.text for s in a.sentences] == [
        "The talks ended without a deal",
        "Officials met again on Monday.",
        "They agreed.",
    ]
    assert [s.paragraph for s in a.sentences] == [0, 1, 1]
    for s in a.sentences:
        assert text[s.start:s.end] == s.text


def test_pipeline_sentence_split_from_a_doc_parsed_elsewhere():
    # a doc made by a pipeline without our paragraph rule is still split at blank lines
    import spacy

    bare = spacy.blank("en")
    bare.add_pipe("sentencizer")
    text = "First paragraph without a stop\n\nSecond one."
    a = annotate(bare(text), Article(id="p", source="t", text=text))
    assert [(s.text, s.paragraph) for s in a.sentences] == [
        ("First paragraph without a stop", 0),
        ("Second one.", 1),
    ]


def test_pipeline_other_model_by_path_is_loaded_without_hash_check(tmp_path, caplog):
    copy = tmp_path / "other"
    shutil.copytree(default_model_dir(), copy)
    (copy / "ner" / "cfg").write_bytes((copy / "ner" / "cfg").read_bytes() + b"\n")  # differs
    with caplog.at_level("WARNING", logger="storyline.nlp.pipeline"):
        other = load_pipeline(str(copy))
    assert "without hash check" in caplog.text
    assert "storyline_paragraphs" in other.pipe_names
    assert other("Mike Pompeo spoke.").ents


def test_pipeline_unknown_model_name_is_a_clear_error():
    from storyline.nlp.pipeline import ModelNotFoundError

    with pytest.raises(ModelNotFoundError, match=r"\[E403\].*no_such_pipeline_xyz"):
        load_pipeline("no_such_pipeline_xyz")


def test_pipeline_splits_a_quote_mark_glued_to_punctuation():
    from storyline.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    toks = [t.text for t in nlp.tokenizer('Ryan said,“Look at the numbers.” Cruz said:"We will win."')]
    assert toks[:5] == ["Ryan", "said", ",", "“", "Look"]
    assert toks[toks.index("Cruz"):toks.index("Cruz") + 5] == ["Cruz", "said", ":", '"', "We"]
    # ordinary text is tokenised as before
    assert [t.text for t in nlp.tokenizer("U.S. officials said, “yes,” on 3,000 sites.")] == [
        "U.S.", "officials", "said", ",", "“", "yes", ",", "”", "on", "3,000", "sites", "."]
