"""The labelled Wikinews sentences read alone and read within their whole article.

    .venv/bin/python bench/bench_in_context.py

`legation eval` scores each gold sentence alone, but `legation read` reads whole articles,
where earlier sentences say where the story is ("... in Cheltenham, England. Police arrested a
man ..."). This takes every label in `bench/gold/` that comes from a Wikinews article, reads
the sentence alone and then the whole article, and scores the main event read in the labelled
sentence's span both ways: event-type F1 and source and target country accuracy, as
`legation eval` counts them.

It needs `../shared/data/corpus`, as `bench/corpus_gold.py` does.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def summary(labels, predicted, extractor) -> str:
    from legation.evaluate import score

    r = score(labels, predicted, extractor)
    et = r["event_type"]
    return (f"event type F1 {et['f1']:.3f} (precision {et['precision']:.3f}, recall {et['recall']:.3f}); "
            f"source country {r['source_country_accuracy']:.3f}; target country {r['target_country_accuracy']:.3f}")


def main() -> None:
    from corpus_gold import load_corpus

    from legation.evaluate import main_event
    from legation.extract.pipeline import Extractor
    from legation.model import Document

    labels = [lab for f in sorted((ROOT / "bench" / "gold").glob("corpus_*_labels.json"))
              if "second" not in f.name for lab in json.loads(f.read_text(encoding="utf-8"))
              if lab["corpus"] == "wikinews_articles.jsonl"]  # fmt: skip
    texts = load_corpus(SHARED / "corpus", {"wikinews_articles.jsonl"})
    extractor = Extractor()
    alone, within = [], []
    read: dict[str, list] = {}  # events of each article, read once for all its labels
    for label in labels:
        article = texts[(label["corpus"], label["id"])]
        sentence = article[label["start"] : label["end"]]
        alone.append(main_event(extractor.read(Document(text=sentence, origin=label["id"]))))
        if label["id"] not in read:
            read[label["id"]] = extractor.read(Document(text=article, origin=label["id"]))
        events = [e for e in read[label["id"]]
                  if e.provenance and e.provenance.span[0] < label["end"] and label["start"] < e.provenance.span[1]]  # fmt: skip
        within.append(main_event(events))
    print(f"{len(labels)} labelled sentences from Wikinews articles")
    print(f"read alone:          {summary(labels, alone, extractor)}")
    print(f"read in the article: {summary(labels, within, extractor)}")


if __name__ == "__main__":
    main()
