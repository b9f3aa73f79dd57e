"""Exact and near-duplicate detection.

Exact duplicates share an id (a hash of the normalised body). Near-duplicates
(syndicated wire copy, re-publications with small edits) are found with MinHash
LSH over word shingles (datasketch) and linked to the earliest copy.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # datasketch pulls in scipy: import it only when near-duplicates are looked for
    from datasketch import MinHash

NUM_PERM = 64
SHINGLE = 5
THRESHOLD = 0.7
SCHEME = "affine64"  # stored signatures must be read back with the scheme that made them
_WORD = re.compile(r"\w+", re.UNICODE)


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(text))


def article_id(text: str) -> str:
    """Stable id: the same body from any file or format gets the same id."""
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def minhash(text: str) -> MinHash:
    from datasketch import MinHash

    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def signature_bytes(m: MinHash) -> bytes:
    import numpy as np

    return m.hashvalues.astype(np.uint64).tobytes()


def minhash_from_bytes(b: bytes) -> MinHash:
    import numpy as np
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=np.frombuffer(b, dtype=np.uint64).copy(), scheme=SCHEME)


class NearDuplicateIndex:
    """An LSH index of the articles seen so far, in ingest order."""

    def __init__(self, threshold: float = THRESHOLD):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[str, MinHash] = {}
        self.order: dict[str, int] = {}
        self.last_seq = 0  # the store's newest article already in the index

    def add(self, key: str, m: MinHash) -> None:
        if key in self.sigs:
            return
        self.lsh.insert(key, m)
        self.sigs[key] = m
        self.order[key] = len(self.order)

    def query(self, m: MinHash) -> tuple[str, float] | None:
        """The earliest-ingested similar article and the estimated Jaccard similarity."""
        best = None
        for key in self.lsh.query(m):
            sim = m.jaccard(self.sigs[key])
            if sim >= self.threshold and (best is None or self.order[key] < self.order[best[0]]):
                best = (key, sim)
        return best
