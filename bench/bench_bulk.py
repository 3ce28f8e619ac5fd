"""Throughput of `legation bulk` with 1 and 2 workers on the same corpus, and memory per worker.

    .venv/bin/python bench/bench_bulk.py [--corpus PATH ...] [--runs 2] [--limit N] [--partition-size K]

Default corpus: ../shared/data/corpus/{wikinews_articles,wcep_2025}.jsonl, as bench_read.py.
Each run is the real command (`legation bulk ... --json`) into a fresh folder, on a fresh
LocalCluster of single-threaded worker processes. Reported per worker count (medians):

  seconds     from the first partition submitted to the last written (cluster start and model
              loading are reported apart, as `start`)
  sentences/s sentences parsed and extracted per second, and per worker
  ratio       2 workers against 1 (target: near 2 on a 2-core machine)
  peak MB     the largest peak resident memory of any worker, and of the driver

Before each pair of runs a pure-Python CPU burn in 1 and 2 processes measures how much of the
machine's second core is free right now ("free parallelism"), and after each bulk run the same
extraction runs bare (no Dask, no partitions, no Parquet) in as many independent processes
(the "control"): on a shared machine other work takes cores, and no 2-worker ratio can beat
what two bare processes reach in the same minutes.

At the end, a sizing note: how many workers keep up with a stream of 300,000 events a day at
the measured rate and this corpus's events per sentence, with a margin for peaks.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT.parent / "shared" / "data" / "corpus" / n for n in ("wikinews_articles.jsonl", "wcep_2025.jsonl")]
GDELT_EVENTS_PER_DAY = 300_000
# GDELT counts an event once however many articles report it; what a reader produces is one
# event per report (a row of `events/`). GDELT's own figures (blog, "Just how big is GDELT?",
# July 2018): 1.1 billion references to 360 million events in Events 2.0, about 3 per event.
REPORTS_PER_EVENT = 1.1e9 / 360e6
PEAK_FACTOR = 3.0  # news comes in bursts: provision for three times the daily average rate


def _burn(n: int) -> float:
    began = time.perf_counter()
    s = 0
    for i in range(n):
        s += i * i
    return time.perf_counter() - began


def free_parallelism(n: int = 8_000_000) -> float:
    """Work done per second by two processes over one process: 2.0 on two idle cores."""
    one = _burn(n)
    with mp.get_context("spawn").Pool(2) as pool:
        began = time.perf_counter()
        pool.map(_burn, [n, n])
        two = time.perf_counter() - began
    return 2 * one / two


def _bare(inputs: list[str], share: int, of: int, ready, go, queue) -> None:
    """The extraction alone, with no Dask: every `of`-th document from `share` on."""
    os.environ["OMP_NUM_THREADS"] = "1"  # as Dask sets for its workers
    from legation.extract.pipeline import Extractor
    from legation.model import Document
    from legation.readers import read_inputs

    docs = [d for d in read_inputs(inputs) if isinstance(d, Document)][share::of]
    ex = Extractor()
    ready.release()
    go.wait()  # start together
    began = time.perf_counter()
    sentences = 0
    for parsed, doc in ex.nlp.pipe(((d.text, d) for d in docs), as_tuples=True, batch_size=32):
        sentences += sum(1 for _ in parsed.sents)
        ex.events(parsed, doc)
    queue.put((sentences, time.perf_counter() - began))


def bare(inputs: list[str], processes: int) -> float:
    """Sentences per second of the bare extraction in 1 or 2 independent processes: the
    ceiling this machine allows right now, without Dask, partitions or Parquet."""
    ctx = mp.get_context("spawn")
    ready, go, queue = ctx.Semaphore(0), ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_bare, args=(inputs, i, processes, ready, go, queue)) for i in range(processes)]
    for p in procs:
        p.start()
    for _ in procs:
        ready.acquire()
    go.set()
    results = [queue.get() for _ in procs]
    for p in procs:
        p.join()
    return sum(n for n, _ in results) / max(t for _, t in results)


def load_average() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def slice_corpus(corpus: list[Path], limit: int, folder: Path) -> list[str]:
    if not limit:
        return [str(c) for c in corpus]
    out = folder / "slice.jsonl"
    taken = 0
    with open(out, "w", encoding="utf-8") as w:
        for c in corpus:
            with open(c, encoding="utf-8") as f:
                for line in f:
                    if taken >= limit:
                        break
                    w.write(line)
                    taken += 1
    return [str(out)]


def run(inputs: list[str], workers: int, partition_size: int, folder: Path) -> dict:
    out = Path(tempfile.mkdtemp(dir=folder)) / "out"
    cmd = [sys.executable, "-m", "legation", "bulk", *inputs, "--out", str(out), "--workers", str(workers),
           "--partition-size", str(partition_size), "--json"]  # fmt: skip
    began = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - began
    if done.returncode not in (0, 1):
        raise SystemExit(f"legation bulk failed ({done.returncode}):\n{done.stderr}")
    report = json.loads(done.stdout)
    report["wall"] = wall
    return report


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", action="append", type=Path)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="only the first N lines of the corpus")
    ap.add_argument("--partition-size", type=int, default=100)
    ap.add_argument("--no-control", dest="control", action="store_false",
                    help="skip the bare extraction in 1 and 2 processes without Dask (the machine's ceiling)")  # fmt: skip
    args = ap.parse_args()
    corpus = args.corpus or DEFAULT
    missing = [str(c) for c in corpus if not c.exists()]
    if missing:
        raise SystemExit(f"no corpus at {', '.join(missing)}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = slice_corpus(corpus, args.limit, folder)
        results: dict[int, list[dict]] = {1: [], 2: []}
        controls: dict[int, list[float]] = {1: [], 2: []}
        probes = []
        for n in range(args.runs):
            probes.append((free_parallelism(), load_average()))
            for workers in (1, 2):
                r = run(inputs, workers, args.partition_size, folder)
                results[workers].append(r)
                print(f"run {n + 1}, {workers} worker(s): {r['seconds']:.1f} s (+{r['startup_seconds']:.1f} s start), "
                      f"{r['sentences_computed'] / r['seconds']:.0f} sentences/s", file=sys.stderr)  # fmt: skip
                if args.control:
                    controls[workers].append(bare(inputs, workers))
                    print(f"run {n + 1}, bare extraction in {workers} process(es): {controls[workers][-1]:.0f} sentences/s",
                          file=sys.stderr)  # fmt: skip
    first = results[1][0]
    sentences, events, documents = first["sentences"], first["events"], first["documents"]
    print(f"corpus: {', '.join(Path(c).name for c in corpus)}{f' (first {args.limit} lines)' if args.limit else ''}; "
          f"{documents:,} documents, {sentences:,} sentences, {events:,} events; "
          f"partitions of {args.partition_size}; {args.runs} runs each")  # fmt: skip
    print(f"free parallelism before each pair of runs: {', '.join(f'{p:.2f}' for p, _ in probes)} "
          f"(2.00 = two idle cores); load average {', '.join(f'{l:.1f}' for _, l in probes)}")  # fmt: skip
    rate = {}
    for workers, rows in results.items():
        secs = statistics.median(r["seconds"] for r in rows)
        rate[workers] = sentences / secs
        start = statistics.median(r["startup_seconds"] for r in rows)
        worker_peak = max(max(r["worker_peak_mb"].values()) for r in rows)
        driver_peak = max(r["driver_peak_mb"] for r in rows)
        print(f"{workers} worker(s): median {secs:6.1f} s (+{start:.1f} s start)  {rate[workers]:6.0f} sentences/s  "
              f"({rate[workers] / workers:.0f} per worker)  peak per worker {worker_peak:.0f} MB, driver {driver_peak:.0f} MB")  # fmt: skip
    ratio = rate[2] / rate[1]
    print(f"ratio 2 workers / 1 worker: {ratio:.2f}")
    if args.control:
        c1, c2 = (statistics.median(controls[k]) for k in (1, 2))
        print(f"control, the bare extraction without Dask: 1 process {c1:.0f} sentences/s, 2 processes {c2:.0f} "
              f"(ratio {c2 / c1:.2f}); legation bulk reaches {rate[1] / c1:.2f} and {rate[2] / c2:.2f} of them")  # fmt: skip
    per_worker_day = rate[1] * 86_400
    events_per_sentence = events / sentences
    reports = GDELT_EVENTS_PER_DAY * REPORTS_PER_EVENT
    need = reports / events_per_sentence
    workers_avg = need / per_worker_day
    print(
        f"sizing: {GDELT_EVENTS_PER_DAY:,} events a day are about {reports:,.0f} event reports a day "
        f"(x{REPORTS_PER_EVENT:.2f}); at {events_per_sentence:.3f} event reports per sentence (this corpus) that is "
        f"{need:,.0f} sentences a day ({need / 86_400:.0f}/s). One worker reads {per_worker_day:,.0f} a day: "
        f"{workers_avg:.2f} workers on average, {max(2, math.ceil(workers_avg * PEAK_FACTOR))} with a "
        f"x{PEAK_FACTOR:.0f} margin for bursts (and at least 2, so that one can fail)"
    )  # fmt: skip


if __name__ == "__main__":
    main()
