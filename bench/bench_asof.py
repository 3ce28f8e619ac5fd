"""As-of queries on a synthetic ledger of 10 million events.

    .venv/bin/python bench/bench_asof.py [--events 10000000] [--db bench/out/asof.duckdb]

Builds (once) a ledger with the real schema: 200 hosts x 200 senders = 40,000 missions, each
with a listing and a random history of status and envoy events over 1950-2025, plus the real
reference data. Then times, with medians over repeated runs:
  * missions in one host as of a date   (target: under 50 ms)
  * a full state snapshot as of a date  (target: under 2 s)
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from legation.ledger import Ledger  # noqa: E402
from legation.model import ENVOY_SUBTYPES, MISSION_STATUS_SUBTYPES  # noqa: E402
from legation.reference.loaders import load_default  # noqa: E402
from legation.state import mission_states, state  # noqa: E402

HOSTS = SENDERS = 200


def build(path: Path, n_events: int) -> None:
    with Ledger(path) as ledger:
        load_default(ledger)
        have = ledger.counts()["events"]
        if have >= n_events:
            return
        subtypes = list(MISSION_STATUS_SUBTYPES) + list(ENVOY_SUBTYPES)
        codes = ledger.con.execute(
            "SELECT list(DISTINCT host ORDER BY host) FROM listings"
        ).fetchone()[0][:HOSTS]
        began = time.perf_counter()
        ledger.con.execute("BEGIN")
        # Synthetic events straight from SQL: the Python write path is not what is measured.
        ledger.con.execute(
            f"""
            INSERT INTO events
            SELECT 'syn' || i::VARCHAR AS id,
                   1000000 + i AS seq,
                   $subtypes[1 + (hash(i * 7) % {len(subtypes)})::INT] AS subtype,
                   '' AS type, '' AS mode,
                   $codes[1 + (hash(i * 3) % {len(codes)})::INT] AS actor,
                   $codes[1 + (hash(i * 5) % {len(codes)})::INT] AS target,
                   '' AS third,
                   'capital' AS place, 'embassy' AS mclass,
                   'capital' AS city, 'embassy' AS mission_kind,
                   strftime(d, '%Y-%m-%d') AS date_value, 'day' AS date_precision, d AS date_start, d AS date_end,
                   'asserted' AS modality, '' AS attributed_to, '' AS note, NULL AS verified, 1.0 AS confidence,
                   NULL AS quantity_value, NULL AS quantity_qualifier, NULL AS quantity_unit, '' AS location,
                   '' AS attribution_cue, '' AS actor_sector, '' AS target_sector,
                   now()::TIMESTAMP AS recorded_at
            FROM (SELECT i, DATE '1950-01-01' + (hash(i * 11) % 27394)::INT AS d
                  FROM range({n_events - have}) t(i))
            """,
            {"subtypes": subtypes, "codes": codes},
        )
        ledger.con.execute("COMMIT")
        print(f"built {n_events - have:,} synthetic events in {time.perf_counter() - began:.1f} s", flush=True)
        began = time.perf_counter()
        ledger.compact()  # what `legation load` does once the unsorted tail is large
        print(f"clustered the ledger by host in {time.perf_counter() - began:.1f} s", flush=True)


def median_ms(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "asof.duckdb")
    ap.add_argument("--runs", type=int, default=21)
    args = ap.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    build(args.db, args.events)
    rng = random.Random(7)
    with Ledger(args.db, read_only=True) as ledger:
        n = ledger.counts()["events"]
        hosts = ledger.con.execute("SELECT list(DISTINCT target) FROM events WHERE target <> ''").fetchone()[0]
        queries = [(rng.choice(hosts), dt.date(rng.randint(1990, 2025), rng.randint(1, 12), 1)) for _ in range(args.runs)]
        mission_states(ledger, dt.date(2024, 1, 1), host="PRK")  # warm the cache once
        it = iter(queries)
        host_ms, rows = median_ms(lambda: _in_host(ledger, next(it)), args.runs)
        snap_ms, snap = median_ms(lambda: state(ledger, dt.date(2024, 11, 20)), 5)
        pyongyang_ms, _ = median_ms(lambda: mission_states(ledger, dt.date(2024, 11, 20), host="PRK"), args.runs)
    print(f"ledger: {n:,} events ({args.db})")
    print(f"missions in a host as of a date: median {host_ms:.1f} ms over {args.runs} random (host, date); "
          f"target 50 ms; ratio {host_ms / 50:.2f} of target")  # fmt: skip
    print(f"missions in Pyongyang as of 2024-11-20: median {pyongyang_ms:.1f} ms")
    print(f"full state snapshot ({len(snap.missions):,} missions): median {snap_ms:.0f} ms over 5; "
          f"target 2000 ms; ratio {snap_ms / 2000:.2f} of target")  # fmt: skip


def _in_host(ledger, query):
    host, day = query
    return mission_states(ledger, day, host=host)


if __name__ == "__main__":
    main()
