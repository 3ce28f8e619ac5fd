"""Loading the full default reference data from scratch into a new DuckDB file.

    .venv/bin/python bench/bench_load.py [--runs 5]

Target: under 10 s. Prints the median and the ratio to the target.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from legation.ledger import Ledger  # noqa: E402
from legation.reference.gazetteer import Gazetteer  # noqa: E402
from legation.reference.loaders import load_default  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    t = time.perf_counter()
    Gazetteer.default()
    gaz_s = time.perf_counter() - t
    times, reload_times = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            with Ledger(Path(tmp) / "l.duckdb") as ledger:
                load_default(ledger)
                counts = ledger.counts()
            times.append(time.perf_counter() - t)
            t = time.perf_counter()
            with Ledger(Path(tmp) / "l.duckdb") as ledger:
                load_default(ledger)
            reload_times.append(time.perf_counter() - t)
    med = statistics.median(times)
    print(f"gazetteer load: {gaz_s * 1000:.0f} ms (once per process)")
    print(f"default load from scratch: median {med:.2f} s over {args.runs} runs; target 10 s; ratio {med / 10:.2f}")
    print(f"second load of the same data (idempotent, adds nothing): median {statistics.median(reload_times):.2f} s")
    print("loaded: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
