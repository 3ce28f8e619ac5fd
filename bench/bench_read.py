"""Throughput of `legation read` on real news text, against bare spaCy on the same text.

    .venv/bin/python bench/bench_read.py [--corpus PATH ...] [--runs 3] [--limit N]

Default corpus: ../shared/data/corpus/{wikinews_articles,wcep_2025}.jsonl (508 Wikinews
articles and 5,433 one-sentence reports; see that folder's README for licences). Each variant
runs in its own child process so that its peak memory is its own:

  spacy      nlp.pipe over the texts with the model as spaCy ships it: the floor of our cost
  parse      the same with Legation's changes to the pipeline: blank lines and datelines
             end sentences, and the model's attribute ruler and lemmatizer do their work on
             arrays (legation/extract/array_pipes.py): the same annotations, faster
  legation   readers + parse + extraction, one process
  legation2  the same with two worker processes that parse and extract (`--processes 2`)

Prints medians of sentences per second, the ratio to bare spaCy, and peak memory.
Targets: ratio at least 0.8; at least 250 sentences/s per core.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT.parent / "shared" / "data" / "corpus" / n for n in ("wikinews_articles.jsonl", "wcep_2025.jsonl")]


def child(variant: str, corpus: list[str], limit: int) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from legation.model import Document
    from legation.readers import read_inputs

    def docs():
        n = 0
        for item in read_inputs(corpus):
            if isinstance(item, Document):
                n += 1
                if limit and n > limit:
                    return
                yield item

    began = time.perf_counter()
    sentences = events = 0
    if variant in ("spacy", "parse"):
        from legation.extract.pipeline import load_model, stock_model

        nlp = load_model() if variant == "parse" else stock_model()
        began = time.perf_counter()
        for parsed in nlp.pipe((d.text for d in docs()), batch_size=32):
            sentences += sum(1 for _ in parsed.sents)
    else:
        from legation.extract.pipeline import Extractor

        if variant == "legation2":
            from legation.extract.parallel import one_thread_each

            one_thread_each()
        ex = Extractor()
        began = time.perf_counter()
        if variant == "legation2":  # as `legation read --processes 2`
            from legation.extract.parallel import pipe_parallel

            read = pipe_parallel(docs(), 2, ex)
        else:
            read = ex.pipe(docs())
        for doc, found in read:
            events += len(found)
        # Sentence counts come from the same parse in the "parse" run.
        sentences = -1
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"variant": variant, "seconds": seconds, "sentences": sentences, "events": events, "peak_mb": peak / 1024}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", action="append", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0, help="at most this many documents")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    corpus = [str(p) for p in (args.corpus or DEFAULT)]
    if args.child:
        print(json.dumps(child(args.child, corpus, args.limit)))
        return
    results: dict[str, list[dict]] = {}
    for run in range(args.runs):
        for variant in ("spacy", "parse", "legation", "legation2"):
            cmd = [sys.executable, __file__, "--child", variant, "--limit", str(args.limit)]
            for c in corpus:
                cmd += ["--corpus", c]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True)
            results.setdefault(variant, []).append(json.loads(out.stdout.strip().splitlines()[-1]))
    sentences = results["parse"][0]["sentences"]  # the sentences Legation reads
    print(f"corpus: {', '.join(Path(c).name for c in corpus)}; {sentences:,} sentences; {args.runs} runs each")
    base = statistics.median(r["seconds"] for r in results["spacy"])
    for variant, rows in results.items():
        secs = statistics.median(r["seconds"] for r in rows)
        rate = sentences / secs
        per_core = rate / (2 if variant == "legation2" else 1)
        extra = f"; {rows[0]['events']:,} events" if variant.startswith("legation") else ""
        print(f"{variant:10} median {secs:6.1f} s  {rate:7.0f} sentences/s  ({per_core:.0f} per core)  "
              f"ratio to bare spaCy {base / secs:.2f}  peak {max(r['peak_mb'] for r in rows):.0f} MB{extra}")  # fmt: skip


if __name__ == "__main__":
    main()
