"""Small helpers shared by several stages."""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Iterator
from pathlib import Path


class DisjointSet:
    """Union-find over 0..n-1 with path halving: groups items linked pairwise."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> bool:
        """Join the groups of ``i`` and ``j``; the smaller root stays the root. False if already one."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return False
        self.parent[max(ri, rj)] = min(ri, rj)
        return True


def sha256_file(path: Path) -> str:
    """SHA-256 of a file, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Run a block without Python's cyclic garbage collector, then turn it back on.

    The cross-article build and the report hold the whole corpus (millions of small
    objects) while they allocate millions more; each full collection walks the whole
    heap and finds next to nothing, because these structures hold no reference cycles
    and are freed by reference counting. Measured at 2,000 articles on a loaded 2-core
    machine: build 82 s -> 61 s, report 25 s -> 10 s. Nested use is fine.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


_frozen = False


def freeze_long_lived() -> None:
    """Move everything allocated so far (a loaded model, its vocabulary) out of the
    collector's sight, once per process: later collections scan only new objects."""
    global _frozen
    if not _frozen:
        gc.collect()
        gc.freeze()
        _frozen = True
