"""The JSON API under load, on a ledger of one million events.

    .venv/bin/python bench/bench_api.py [--events 1000000] [--clients 1,2,4,8] [--seconds 5] [--repeats 3] [--max-requests 2000]

Builds (once, as bench_asof.py does) a ledger with the real schema and synthetic mission
histories, starts `legation serve` on it in a child process on a free loopback port, and sends
requests from this process (a second process) over keep-alive HTTP connections. For each
number of concurrent clients in `--clients` (one thread and one connection each), each phase
bounded by `--seconds` and `--max-requests`:

  * missions in a random host on a random date      (target: p99 under 100 ms)
  * events, filtered by a random actor and date range, one page of 50
Then, with `--ingest-clients` clients asking for missions, an article is read and saved
(POST /api/v1/documents): the server must keep answering meanwhile, and we report how much
slower it answers.

Prints requests/s, p50 and p99 per run, their medians over `--repeats` runs, and the ratios
to the targets.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_asof import build  # noqa: E402

from legation.ledger import Ledger  # noqa: E402

TOKEN = "bench-token"
STATES = ["Poland", "Sweden", "Germany", "Canada", "Brazil", "India", "Kenya", "Japan", "Chile", "Egypt",
          "Norway", "Mexico", "Ghana", "Peru", "Spain", "Italy"]  # fmt: skip
TEMPLATES = [
    "{a} reopened its embassy in {b} on Friday, the foreign ministry said.",
    "Intelligence reports suggest up to 2,000 troops from {a} have been sent to {b}.",
    "{a} claims {b} is exchanging missile technology with its neighbours.",
    "{a} expelled two diplomats from {b} on Tuesday.",
    "Officials said {a} may close its embassy in {b} next year.",
]


def article(sentences: int) -> str:
    """Distinct sentences (the same sentence twice is one event), as a news story has."""
    rng = random.Random(sentences)
    lines = []
    for i in range(sentences):
        a, b = rng.sample(STATES, 2)
        lines.append(TEMPLATES[i % len(TEMPLATES)].format(a=a, b=b))
    return "\n".join(lines) + f"\nBench run {time.time()}."  # new text: a real save every run



def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """One keep-alive connection; records (started, seconds, status) per request."""

    def __init__(self, port: int):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        began = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=headers or {})
            resp = self.conn.getresponse()
            data = resp.read()
            status = resp.status
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            data, status = b"", 0
        return began, time.perf_counter() - began, status, data


def load(port: int, make_path, clients: int, seconds: float, max_requests: int, stop: threading.Event | None = None):
    """Requests from `clients` threads until the time, the count or `stop` runs out."""
    results: list[tuple[float, float, int]] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    count = [0]

    def worker(seed: int):
        rng = random.Random(seed)
        client = Client(port)
        while time.perf_counter() < deadline and not (stop and stop.is_set()):
            with lock:
                if count[0] >= max_requests:
                    return
                count[0] += 1
            began, took, status, _ = client.request("GET", make_path(rng))
            with lock:
                results.append((began, took, status))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, time.perf_counter() - began


def summary(name: str, results, wall: float, target_ms: float | None = None) -> dict:
    ok = [took * 1000 for _, took, status in results if status == 200]
    errors = sum(1 for *_, status in results if status != 200)
    if not ok:
        print(f"{name}: no successful requests ({errors} errors)")
        return {}
    ok.sort()
    p50 = statistics.median(ok)
    p99 = ok[min(len(ok) - 1, int(len(ok) * 0.99))]
    line = (f"{name}: {len(ok):,} requests in {wall:.1f} s = {len(ok) / wall:.0f} req/s; "
            f"p50 {p50:.1f} ms, p99 {p99:.1f} ms; {errors} errors")  # fmt: skip
    if target_ms:
        line += f"; target p99 {target_ms:.0f} ms, ratio {p99 / target_ms:.2f} of target"
    print(line, flush=True)
    return {"p50": p50, "p99": p99, "rps": len(ok) / wall, "errors": errors, "n": len(ok)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "api.duckdb")
    ap.add_argument("--clients", default="1,2,4,8", help="concurrent clients, one run per number")
    ap.add_argument("--ingest-clients", type=int, default=4)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--repeats", type=int, default=3, help="runs per phase; the medians of their figures are reported")
    ap.add_argument("--max-requests", type=int, default=2000)
    ap.add_argument("--sentences", type=int, default=150, help="length of the article posted during the load")
    args = ap.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    build(args.db, args.events)
    with Ledger(args.db, read_only=True) as ledger:
        n_events = ledger.counts()["events"]
        hosts = ledger.con.execute("SELECT list(DISTINCT target ORDER BY target) FROM events WHERE mclass <> ''").fetchone()[0]

    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    log = open(args.db.with_suffix(".serve.log"), "wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "legation", "serve", "--db", str(args.db), "--port", str(port), "--token", TOKEN],
        stdout=log, stderr=subprocess.STDOUT, env=env,
    )  # fmt: skip
    try:
        client = Client(port)
        for _ in range(600):
            if client.request("GET", "/api/v1/groups")[2] == 200:
                break
            time.sleep(0.1)
        else:
            sys.exit(f"the server did not start; see {log.name}")
        print(f"ledger: {n_events:,} events ({args.db}); server on 127.0.0.1:{port}; clients are threads of "
              f"this process; {args.seconds:.0f} s or {args.max_requests:,} requests per phase", flush=True)  # fmt: skip

        def missions_path(rng):
            q = {"host": rng.choice(hosts), "at": f"{rng.randint(1990, 2025)}-{rng.randint(1, 12):02d}-01"}
            return "/api/v1/missions?" + urllib.parse.urlencode(q)

        def events_path(rng):
            year = rng.randint(1950, 2020)
            q = {"actor": rng.choice(hosts), "after": str(year), "before": str(year + rng.randint(1, 10)), "limit": 50}
            return "/api/v1/events?" + urllib.parse.urlencode(q)

        load(port, missions_path, 2, 2, 50)  # warm the caches
        load(port, events_path, 2, 2, 50)
        figures = {}
        table = []
        for n in [int(c) for c in args.clients.split(",")]:
            for name, path, target in (("missions in a host", missions_path, 100), ("events, one page of 50", events_path, None)):
                runs = [summary(f"{n} clients, {name}, run {r + 1}", *load(port, path, n, args.seconds, args.max_requests), target)
                        for r in range(args.repeats)]  # fmt: skip
                med = {k: statistics.median(run[k] for run in runs) for k in ("rps", "p50", "p99")}
                med["errors"] = sum(run["errors"] for run in runs)
                table.append((n, name, med, target))
                if path is missions_path:
                    figures[n] = med
        print(f"\nmedians over {args.repeats} runs:")
        print(f"{'clients':>7}  {'endpoint':<24} {'req/s':>6} {'p50 ms':>7} {'p99 ms':>7}  ratio of p99 to target")
        for n, name, med, target in table:
            ratio = f"{med['p99'] / target:.2f} of {target} ms" if target else "-"
            print(f"{n:>7}  {name:<24} {med['rps']:>6.0f} {med['p50']:>7.1f} {med['p99']:>7.1f}  {ratio}")
        missions = figures.get(args.ingest_clients) or summary(
            f"{args.ingest_clients} clients, missions in a host",
            *load(port, missions_path, args.ingest_clients, args.seconds, args.max_requests), 100)

        # A tiny article first, so that loading the language model is not what is measured.
        Client(port).request("POST", "/api/v1/documents", b"Sweden reopened its embassy in Pyongyang.",
                             {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"})  # fmt: skip
        stop = threading.Event()
        ingest: dict = {}

        def post():
            time.sleep(1.0)  # let the load settle first
            text = article(args.sentences).encode()
            began, took, status, data = Client(port).request(
                "POST", "/api/v1/documents", text, {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"})
            ingest.update(began=began, took=took, status=status, events=len(json.loads(data).get("events", [])) if data else 0)
            time.sleep(1.0)
            stop.set()

        poster = threading.Thread(target=post)
        poster.start()
        results, wall = load(port, missions_path, args.ingest_clients, 60, 10 * args.max_requests, stop)
        poster.join()
        during = [r for r in results if ingest["began"] <= r[0] <= ingest["began"] + ingest["took"]]
        print(f"ingest: POST of a {args.sentences}-sentence article answered {ingest['status']} in "
              f"{ingest['took'] * 1000:.0f} ms ({ingest['events']} events)", flush=True)  # fmt: skip
        busy = summary(f"{args.ingest_clients} clients, missions while the article was read and saved", during,
                       ingest["took"], 100)  # fmt: skip
        if missions and busy:
            print(f"ratios while ingesting: p50 {busy['p50'] / missions['p50']:.2f}x, p99 {busy['p99'] / missions['p99']:.2f}x "
                  f"of the idle figures; {busy['n']} requests answered during the ingest, {busy['errors']} errors")  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


if __name__ == "__main__":
    main()
