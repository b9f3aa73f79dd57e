"""Locating the development data for benchmarks (read in place, never copied)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = SHARED / "data"
SEEDS = SHARED / "seeds"


def require_data() -> Path:
    if not DATA.is_dir():
        print("skipped: data not found (expected ../shared/data beside the repository)")
        sys.exit(0)
    return DATA


def all_text_files() -> list[tuple[str, str]]:
    """(name, text) of every article-like text in ../shared/data and the seeds."""
    out = []
    for p in sorted(SEEDS.glob("*.txt")):
        out.append((str(p), p.read_text(encoding="utf-8")))
    for p in sorted((DATA / "tac2011-multiling-en").glob("M*/docs/*.txt")):
        out.append((str(p), p.read_text(encoding="utf-8")))
    for split in ("train", "dev"):
        for p in sorted((DATA / "polnear" / split / "text").glob("*.txt")):
            out.append((str(p), p.read_text(encoding="utf-8")))
    for p in sorted((DATA / "tempeval3-train").rglob("*.tml")):
        raw = p.read_text(encoding="utf-8")
        m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        out.append((str(p), re.sub(r"<[^>]+>", "", m.group(1) if m else raw)))
    return out
