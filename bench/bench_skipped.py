"""How often the extractor reads an event into news the labellers found nothing to code in.

    .venv/bin/python bench/bench_skipped.py [SKIPPED.json ...]

The labellers of the sets in `bench/gold/` kept the items they skipped (accidents, sports,
elections, disasters ...) in `corpus_*_skipped.json`, each with the sentence they looked at.
This reads those sentences (joined with `../shared/data/corpus`) and counts the ones that give
an event with an actor, by type. Some skipped sentences do hold an event the labeller chose
not to code (an appointment, a vote), so the figure is an upper bound on invented events.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    args = ap.parse_args()
    from corpus_gold import load_corpus

    from legation.extract.pipeline import Extractor
    from legation.model import Document

    files = args.files or sorted((ROOT / "bench" / "gold").glob("corpus_*_skipped.json"))
    items = [s for f in files for s in json.loads(f.read_text(encoding="utf-8"))]
    texts = load_corpus(SHARED / "corpus", {s["corpus"] for s in items})
    sentences = [texts[(s["corpus"], s["id"])][s["start"] : s["end"]] for s in items]
    extractor = Extractor()
    fired, types = 0, Counter()
    for _, events in extractor.pipe(Document(text=t, origin=f"skipped {n}") for n, t in enumerate(sentences)):
        acted = [e for e in events if e.actor]
        fired += bool(acted)
        types.update(e.type for e in acted)
    print(f"{len(sentences)} skipped sentences from {len(files)} files; {fired} give an event with an actor "
          f"({fired / max(len(sentences), 1):.3f})")  # fmt: skip
    print("events by type: " + ", ".join(f"{t} {n}" for t, n in types.most_common()))


if __name__ == "__main__":
    main()
