"""How often the extractor reads an event into news the labellers found nothing to code in.

    .venv/bin/python bench/bench_skipped.py [SKIPPED.json ...]

The labellers of the sets in `bench/gold/` kept the items they skipped (accidents, sports,
elections, disasters ...) in `corpus_*_skipped.json`, each naming the corpus sentence they
looked at, and `written_*_skipped.json`, each holding its sentence. This reads those sentences
(the first joined with `../shared/data/corpus`) and counts the ones that give an event with an
actor, by type, for each kind of file and for all. Some skipped sentences do hold an event the
labeller chose not to code (an appointment, a vote), so the figure is an upper bound on
invented events.
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

    gold = ROOT / "bench" / "gold"
    files = args.files or sorted(gold.glob("corpus_*_skipped.json")) + sorted(gold.glob("written_*_skipped.json"))
    items = [(f.name.split("_")[0], s) for f in files for s in json.loads(f.read_text(encoding="utf-8"))]
    texts = load_corpus(SHARED / "corpus", {s["corpus"] for _, s in items if "corpus" in s})
    sentences = [(kind, s["text"] if "text" in s else texts[(s["corpus"], s["id"])][s["start"] : s["end"]])
                 for kind, s in items]  # fmt: skip
    extractor = Extractor()
    counts: Counter = Counter()  # sentences and those that fired, per kind of file
    types: Counter = Counter()
    docs = (Document(text=text, origin=f"skipped {n}") for n, (_, text) in enumerate(sentences))
    for (kind, _), (_, events) in zip(sentences, extractor.pipe(docs)):
        acted = [e for e in events if e.actor]
        for key in (kind, "all"):
            counts[key, "n"] += 1
            counts[key, "fired"] += bool(acted)
        types.update(e.type for e in acted)
    for kind in sorted({k for k, _ in sentences}) + ["all"]:
        n, fired = counts[kind, "n"], counts[kind, "fired"]
        print(f"{kind}: {n} skipped sentences; {fired} give an event with an actor ({fired / max(n, 1):.3f})")
    print(f"from {len(files)} files; events by type: " + ", ".join(f"{t} {n}" for t, n in types.most_common()))


if __name__ == "__main__":
    main()
