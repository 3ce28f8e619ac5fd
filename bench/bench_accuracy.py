"""Accuracy of the extractor on every gold set Legation has, in one table.

    .venv/bin/python bench/bench_accuracy.py [--json]

Sets: the PLOVER development set (`../shared/data/plover/gold_dev.json`), the sentences
written for Legation (`tests/data/gold_heldout.json`), and the labels over real news in
`bench/gold/` joined with `../shared/data/corpus` or, for the written set, holding their own
sentences (see `bench/gold/README.md`), and the blind sets of one day pooled into one row.
The same measures as `legation eval`: event-type F1, source and target country accuracy,
source, target and mode F1.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
GOLD = ROOT / "bench" / "gold"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

SETS = [
    ("PLOVER development set (rules developed on it)", SHARED / "plover" / "gold_dev.json"),
    ("written for Legation (rules since fitted to its errors)", ROOT / "tests" / "data" / "gold_heldout.json"),
    ("real news, tune set 1 (errors read)", GOLD / "corpus_tune_labels.json"),
    ("real news, tune set 2 (errors read)", GOLD / "corpus_tune2_labels.json"),
    ("real news, tune set 3 (errors read after one blind score)", GOLD / "corpus_tune3_labels.json"),
    ("real news, tune set 4 (errors read after one blind score)", GOLD / "corpus_tune4_labels.json"),
    ("real news, blind test set, first coder", GOLD / "corpus_test_labels.json"),
    ("real news, blind test set, second coder", GOLD / "corpus_test_labels_second.json"),
    ("real news, blind test set 2 (errors read after one score)", GOLD / "corpus_blind2_labels.json"),
    ("real news, blind test set 3 (errors read after one score)", GOLD / "corpus_blind3_labels.json"),
    ("real news, tune set 5 (errors read after one blind score)", GOLD / "corpus_tune5_labels.json"),
    ("real news, tune set 6 (errors read after one blind score)", GOLD / "corpus_tune6_labels.json"),
    ("real news, tune set 7 (errors read after one blind score)", GOLD / "corpus_tune7_labels.json"),
    ("real news, blind test set 4 (errors read after one score)", GOLD / "corpus_blind4_labels.json"),
    ("real news, blind test set 5 (errors read after one score)", GOLD / "corpus_blind5_labels.json"),
    ("real news, blind test set 6 (errors read after one score)", GOLD / "corpus_blind6_labels.json"),
    ("real news, blind test set 7 (errors read after one score)", GOLD / "corpus_blind7_labels.json"),
    ("real news, blind test set 8 (errors read after one score)", GOLD / "corpus_blind8_labels.json"),
    ("real news, blind test set 9 (scored once)", GOLD / "corpus_blind9_labels.json"),
    ("Wikinews prose, later sentences, blind set 10 (errors read after one score)", GOLD / "corpus_blind10_labels.json"),
    ("Wikinews prose, later sentences, blind set 11 (errors read after one score)", GOLD / "corpus_blind11_labels.json"),
    ("Wikinews prose, later sentences, blind set 12 (errors read after one score)", GOLD / "corpus_blind12_labels.json"),
    ("Wikinews prose, the last later sentences, blind set 13 (errors read after one score)", GOLD / "corpus_blind13_labels.json"),
    ("news sentences written for a blind test, blind set 14 (errors read after one score)", GOLD / "written_blind14.json"),
    ("news sentences written for a blind test, blind set 15 (errors read after one score)", GOLD / "written_blind15.json"),
    ("headlines and conflict reports written for a blind test, blind set 16 (errors read after one score)", GOLD / "written_blind16.json"),
    ("official statements and datelined wire copy written for a blind test, blind set 17 (errors read after one score)", GOLD / "written_blind17.json"),
    ("live-blog briefings and reference-work chronology written for a blind test, blind set 18 (errors read after one score)", GOLD / "written_blind18.json"),
    ("non-Western agency copy and conflict situation reports written for a blind test, blind set 19 (errors read after one score)", GOLD / "written_blind19.json"),
    ("broadcast bulletins and legal and parliamentary reporting written for a blind test, blind set 20 (errors read after one score)", GOLD / "written_blind20.json"),
    ("magazine features and opinion, and economic and trade reporting, written for a blind test, blind set 21 (errors read after one score)", GOLD / "written_blind21.json"),
    ("NGO and humanitarian reporting, and border, maritime and consular incidents, written for a blind test, blind set 22 (errors read after one score)", GOLD / "written_blind22.json"),
    ("parliamentary proceedings and official social-media posts, written for a blind test, blind set 23 (errors read after one score)", GOLD / "written_blind23.json"),
    ("think-tank analysis and regional news outside the West, written for a blind test, blind set 24 (errors read after one score)", GOLD / "written_blind24.json"),
    ("business and financial press, and broadcast and press-conference transcripts, written for a blind test, blind set 25 (errors read after one score)", GOLD / "written_blind25.json"),
    ("encyclopedia and textbook history, and diplomatic cables, written for a blind test, blind set 26 (errors read after one score)", GOLD / "written_blind26.json"),
]
# Sets also scored as one, for a figure with less sampling noise than any set alone.
POOLED = [
    ("real news, blind test sets 4 to 9 together", tuple(f"corpus_blind{n}" for n in range(4, 10))),
    ("Wikinews prose, blind sets 10 to 13 together", tuple(f"corpus_blind{n}" for n in range(10, 14))),
    ("news sentences written for a blind test, sets 14 to 26 together", tuple(f"written_blind{n}" for n in range(14, 27))),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from corpus_gold import build, load_corpus

    from legation.evaluate import evaluate, load_gold
    from legation.extract.pipeline import Extractor

    extractor = Extractor()
    gold: dict[str, list[dict]] = {}  # records of each set, by its file's stem
    named = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in SETS:
            if not path.exists():
                print(f"{path}: missing, left out", file=sys.stderr)
                continue
            if path.name.startswith("corpus_"):  # labels that name their corpus sentence
                labels = json.loads(path.read_text(encoding="utf-8"))
                records, problems = build(labels, load_corpus(SHARED / "corpus", {lab["corpus"] for lab in labels}))
                if problems:
                    raise SystemExit(f"{path}: {problems[0]}")
                path = Path(tmp) / path.name
                path.write_text(json.dumps(records), encoding="utf-8")
            stem = path.stem.removesuffix("_labels")
            gold[stem] = load_gold(path)
            named.append((name, gold[stem]))
    named += [(name, [r for stem in stems for r in gold[stem]]) for name, stems in POOLED if all(s in gold for s in stems)]
    rows = []
    for name, records in named:
        r = evaluate(records, extractor)
        rows.append({"set": name, "n": r["n_gold"], "event_type_f1": r["event_type"]["f1"],
                     "source_country": r["source_country_accuracy"], "target_country": r["target_country_accuracy"],
                     "source_f1": r["source"]["f1"], "target_f1": r["target"]["f1"], "mode_f1": r["mode"]["f1"]})  # fmt: skip
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    print("| gold set | n | event type F1 | source country | target country | source F1 | target F1 | mode F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['set']} | {r['n']} | {r['event_type_f1']:.3f} | {r['source_country']:.3f} | {r['target_country']:.3f} "
              f"| {r['source_f1']:.3f} | {r['target_f1']:.3f} | {r['mode_f1']:.3f} |")


if __name__ == "__main__":
    main()
