"""What the extractor adds to parsing, measured apart: the corpus is parsed once, then the
extractor reads the parsed documents three times.

    .venv/bin/python bench/bench_extract.py [--limit N]

Prints the parse time, the median extraction time, both in sentences per second, and the
share of parsing in the sum (the bound on `legation read`'s ratio to bare spaCy).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [ROOT.parent / "shared" / "data" / "corpus" / n for n in ("wikinews_articles.jsonl", "wcep_2025.jsonl")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=2500, help="documents read (0: all)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from legation.extract.pipeline import Extractor
    from legation.model import Document
    from legation.readers import read_inputs

    documents = [d for d in read_inputs([str(p) for p in CORPUS]) if isinstance(d, Document)]
    documents = documents[: args.limit] if args.limit else documents
    ex = Extractor()
    began = time.perf_counter()
    parsed = list(ex.nlp.pipe((d.text for d in documents), batch_size=32))
    parse = time.perf_counter() - began
    sentences = sum(1 for p in parsed for _ in p.sents)
    times = []
    for _ in range(3):
        for p in parsed:
            p.user_data.clear()  # the extractor's per-document caches
        began = time.perf_counter()
        events = sum(len(ex.events(p, d)) for p, d in zip(parsed, documents))
        times.append(time.perf_counter() - began)
    extract = statistics.median(times)
    print(f"{len(documents):,} documents, {sentences:,} sentences, {events:,} events")
    print(f"parse    {parse:6.1f} s  {sentences / parse:7.0f} sentences/s")
    print(f"extract  {extract:6.1f} s  {sentences / extract:7.0f} sentences/s (median of 3)")
    print(f"parsing is {parse / (parse + extract):.3f} of the two together")


if __name__ == "__main__":
    main()
