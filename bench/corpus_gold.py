"""Gold records over corpus text, without copying the text into the repository.

    .venv/bin/python bench/corpus_gold.py bench/gold/LABELS.json [--corpus-dir ../shared/data/corpus] --out GOLD.json

A labels file names each sentence by corpus item and character offsets; the corpus itself
stays where its licence wants it (`../shared/data/corpus`, CC BY-SA for the WCEP reports).
This joins the two into a gold file in the PLOVER format that `legation eval --gold` reads:

    {"corpus": "wcep_2025.jsonl", "id": "wcep-2025-...", "start": 0, "end": 97,
     "event": "ASSAULT", "mode": "aerial", "source": [{"code": "ISR", "text": "Israeli"}],
     "target": [{"code": "PSE", "text": "Palestinians"}]}

Every label is checked: the offsets must cut a sentence out of the item's text and each
actor's `text` must occur in it. A label that fails is named and the run exits 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_corpus(folder: Path, names: set[str]) -> dict[tuple[str, str], str]:
    texts = {}
    for name in sorted(names):
        with open(folder / name, encoding="utf-8") as f:
            for line in f:
                item = json.loads(line)
                texts[(name, item["id"])] = item["text"]
    return texts


def build(labels: list[dict], texts: dict[tuple[str, str], str]) -> tuple[list[dict], list[str]]:
    records, problems = [], []
    for n, label in enumerate(labels):
        key = (label.get("corpus", ""), label.get("id", ""))
        where = f"label {n} ({key[1]})"
        text = texts.get(key)
        if text is None:
            problems.append(f"{where}: no such corpus item")
            continue
        start, end = label.get("start"), label.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"{where}: offsets {start}..{end} outside the text ({len(text)} characters)")
            continue
        sentence = text[start:end]
        if sentence != sentence.strip():
            problems.append(f"{where}: the sentence has spaces at its ends")
        for side in ("source", "target"):
            for actor in label.get(side) or []:
                if actor.get("text") and actor["text"] not in sentence:
                    problems.append(f"{where}: {side} text {actor['text']!r} is not in the sentence")
        record = {k: v for k, v in label.items() if k not in ("start", "end", "corpus")}
        record["id"] = f"{key[1]}@{start}"
        record["text"] = sentence
        records.append(record)
    return records, problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("labels", type=Path)
    ap.add_argument("--corpus-dir", type=Path, default=ROOT.parent / "shared" / "data" / "corpus")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    labels = json.loads(args.labels.read_text(encoding="utf-8"))
    if isinstance(labels, dict):
        labels = labels.get("labels", [])
    texts = load_corpus(args.corpus_dir, {lab.get("corpus", "") for lab in labels if lab.get("corpus")})
    records, problems = build(labels, texts)
    for p in problems:
        print(f"corpus_gold: {p}", file=sys.stderr)
    args.out.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(records)} gold records written to {args.out}" + (f", {len(problems)} problems" if problems else ""), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
