"""Import of a 1-million-row GDELT 2.0 events export: time and peak memory.

Generates realistic GDELT-format files (bench/gdelt_gen.py) in a temporary folder (never
committed) and runs the real command,

    legation import gdelt FILE --db LEDGER --json

in a fresh child process per run, reporting the median wall time (process start to exit, both
passes and the compaction included), rows per second and the child's peak resident memory:

- A: 250,000 rows into a fresh copy of the default database;
- B: 1,000,000 rows into a fresh copy of the default database;
- C: 250,000 other rows into the ledger B left (a ledger larger than B's, a file 4x smaller).

Targets: B under 60 s; memory flat in file size. DuckDB keeps a ledger's key indexes and
recently used blocks in memory, so memory follows the size of the ledger; C against B shows
what the size of the file adds (C holds a quarter of B's rows in a larger ledger).

Run: .venv/bin/python bench/bench_gdelt.py [--rows 1000000] [--small 250000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def child(path: str, db: str) -> int:
    """One import, as a user runs it; prints the command's JSON report plus peak memory."""
    import contextlib
    import io
    import resource

    from legation.cli import main

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        status = main(["import", "gdelt", path, "--db", db, "--json"])
    report = json.loads(buf.getvalue())
    report["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(report))
    return status


def run_once(path: Path, base: Path, db: Path) -> dict:
    for p in db.parent.glob(db.name + "*"):
        p.unlink()
    shutil.copy(base, db)
    began = time.perf_counter()
    r = subprocess.run([sys.executable, __file__, "--child", str(path), str(db)], capture_output=True, text=True)
    wall = time.perf_counter() - began
    if r.returncode != 0:
        raise SystemExit(f"import failed: {r.stderr}")
    report = json.loads(r.stdout.strip().splitlines()[-1])
    report["wall_s"] = wall
    return report


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--small", type=int, default=250_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--child", nargs=2, metavar=("FILE", "DB"))
    args = ap.parse_args()
    if args.child:
        return child(*args.child)

    import gdelt_gen
    from legation.ledger import Ledger
    from legation.reference.loaders import load_default

    work = Path(tempfile.mkdtemp(prefix="legation-bench-gdelt-"))
    try:
        base = work / "default.duckdb"
        with Ledger(base) as ledger:
            load_default(ledger)
        plan = {  # name: (rows, seed, first GLOBALEVENTID, month)
            "A": (args.small, 7, 1_200_000_000, 11),
            "B": (args.rows, 7, 1_200_000_000, 11),
            "C": (args.small, 11, 1_300_000_000, 10),
        }
        files = {}
        for name, (n, seed, first, month) in plan.items():
            if name == "B" and args.rows == args.small:
                files[name] = files["A"]
                continue
            t = time.perf_counter()
            path = work / f"{name}.export.CSV"
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                for row in gdelt_gen.rows(n, seed=seed, first_id=first, month=month):
                    f.write("\t".join(row) + "\n")
            files[name] = path
            print(f"generated {name}: {n:,} rows ({path.stat().st_size / 2**20:.0f} MB) in {time.perf_counter() - t:.1f} s",
                  file=sys.stderr)  # fmt: skip
        results: dict[str, list[dict]] = {k: [] for k in plan}
        for i in range(args.repeat):
            runs = (("A", base, work / "a.duckdb"), ("B", base, work / "b.duckdb"), ("C", work / "b.duckdb", work / "c.duckdb"))
            for name, start_db, db in runs:
                r = run_once(files[name], start_db, db)
                r["ledger_events"] = _count(db)
                results[name].append(r)
                print(f"run {i + 1} {name}: {plan[name][0]:>9,} rows  {r['wall_s']:6.1f} s  peak {r['maxrss_mb']:5.0f} MB  "
                      f"({r['events_new']:,} new events, {r['sources_new']:,} new sources; ledger {r['ledger_events']:,} events)",
                      file=sys.stderr)  # fmt: skip
        med = {k: {m: statistics.median(r[m] for r in rs) for m in ("wall_s", "seconds", "maxrss_mb")} for k, rs in results.items()}
        a, b, c = med["A"], med["B"], med["C"]
        rate = args.rows / b["wall_s"]
        out = {
            "rows": args.rows,
            "median_wall_s": round(b["wall_s"], 2),
            "median_import_s": round(b["seconds"], 2),
            "rows_per_s": round(rate),
            "target_s": 60,
            "peak_rss_mb": {"A_small_into_default": round(a["maxrss_mb"]), "B_large_into_default": round(b["maxrss_mb"]),
                            "C_small_into_B": round(c["maxrss_mb"])},  # fmt: skip
            "peak_rss_ratio_B_over_A": round(b["maxrss_mb"] / a["maxrss_mb"], 2),
            "peak_rss_ratio_B_over_C": round(b["maxrss_mb"] / c["maxrss_mb"], 2),
            "size_ratio": args.rows / args.small,
            "small_wall_s": {"A": round(a["wall_s"], 2), "C": round(c["wall_s"], 2)},
            "gdelt_day_300k_rows_s": round(300_000 / rate, 1),
            "events_new": results["B"][0]["events_new"],
            "sources_new": results["B"][0]["sources_new"],
            "repeat": args.repeat,
            "cpus": os.cpu_count(),
        }
        print(json.dumps(out, indent=2))
        p = out["peak_rss_mb"]
        print(
            f"\n{args.rows:,} GDELT rows imported in {out['median_wall_s']} s (median of {args.repeat}; target under "
            f"60 s): {out['rows_per_s']:,} rows/s; a GDELT day (300,000 rows) takes {out['gdelt_day_300k_rows_s']} s.\n"
            f"Peak memory: {p['A_small_into_default']} MB for {args.small:,} rows and {p['B_large_into_default']} MB for "
            f"{args.rows:,} rows into the default database ({out['peak_rss_ratio_B_over_A']}x for "
            f"{out['size_ratio']:.0f}x the rows); {p['C_small_into_B']} MB for {args.small:,} rows into the larger "
            f"ledger B left: memory follows the ledger, not the file.",
            file=sys.stderr,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _count(db: Path) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        con.close()


if __name__ == "__main__":
    sys.exit(main())
