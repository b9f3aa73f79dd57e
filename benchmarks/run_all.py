"""`make bench`: run every benchmark script in turn and print their figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
ORDER = ["ingest", "nlp", "quotes", "events", "stories", "summaries", "web", "throughput", "faults", "load"]

if __name__ == "__main__":
    only = sys.argv[1:]
    failed = []
    for name in ORDER:
        script = HERE / f"{name}.py"
        if not script.exists() or (only and name not in only):
            continue
        print(f"\n===== benchmarks/{name}.py =====", flush=True)
        rc = subprocess.call([sys.executable, str(script)], cwd=HERE)
        if rc:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
        sys.exit(1)
