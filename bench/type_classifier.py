"""Would a statistical event-type classifier on top of the rules help on unseen text?

    .venv/bin/python bench/type_classifier.py

An experiment, not part of the product. It trains a softmax regression (numpy only) on the
labelled real-news sets in `bench/gold/` (plus the sentences their labellers skipped, as "no
event"), with the words of each sentence, its root, the root's objects and the rules' own
answer (the main event's type, mode and trigger, and every type the rules found) as features.
Each held-out set is scored with the rules alone and with the classifier overriding the rules'
type where it is confident (probability above a threshold), leaving the set out of training.

It needs `../shared/data/corpus`, as `bench/corpus_gold.py` does.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

TYPES = ["NONE", "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]  # fmt: skip
TRAIN_ONLY = ["tune", "tune2", "tune3", "tune4", "tune5", "tune6", "blind4", "blind5", "blind6", "blind7", "blind8"]
HELD_OUT = ["test", "blind2", "blind3", "tune7", "blind9"]
THRESHOLDS = (0.4, 0.5, 0.6)


def sentences(name: str, texts: dict) -> list[tuple[str, str]]:
    """(text, gold type) for a labelled set and, where kept, the items its labeller skipped."""
    out = []
    for lab in json.loads((ROOT / "bench" / "gold" / f"corpus_{name}_labels.json").read_text(encoding="utf-8")):
        out.append((texts[(lab["corpus"], lab["id"])][lab["start"] : lab["end"]], lab["event"]))
    skipped = ROOT / "bench" / "gold" / f"corpus_{name}_skipped.json"
    if skipped.exists():
        for s in json.loads(skipped.read_text(encoding="utf-8")):
            out.append((texts[(s["corpus"], s["id"])][s["start"] : s["end"]], "NONE"))
    return out


def features(doc, events, main) -> set[str]:
    found = {"bias"}
    found |= {"w=" + t.lemma_.lower() for t in doc if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "VERB", "ADJ")}
    root = next(doc.sents).root
    found.add("root=" + root.lemma_.lower())
    found |= {f"{c.dep_}={c.lemma_.lower()}" for c in root.children if c.dep_ in ("dobj", "xcomp", "ccomp", "prep")}
    if main is None:
        found.add("main=-")
    else:
        trigger = doc.char_span(*main.provenance.trigger, alignment_mode="expand")
        found |= {"main=" + main.type, f"mode={main.type}/{main.mode}", f"trigger={trigger.root.lemma_.lower()}/{main.type}"}
    found |= {"has=" + e.type for e in events}
    return found


def matrix(rows, vocab):
    x = np.zeros((len(rows), len(vocab)), dtype=np.float32)
    for n, row in enumerate(rows):
        for f in row["features"]:
            if f in vocab:
                x[n, vocab[f]] = 1
    return x


def train(x, y, l2=1e-3, epochs=300, lr=0.1):
    w = np.zeros((x.shape[1], len(TYPES)), dtype=np.float32)
    m, v = np.zeros_like(w), np.zeros_like(w)
    target = np.eye(len(TYPES), dtype=np.float32)[y]
    for t in range(1, epochs + 1):  # Adam on the mean cross-entropy
        p = softmax(x @ w)
        g = x.T @ (p - target) / len(x) + l2 * w
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
        w -= lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w


def softmax(z):
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


def f1(predicted, gold) -> float:
    tp = sum(p == g for p, g in zip(predicted, gold))
    n_pred = sum(p is not None for p in predicted)
    precision, recall = tp / max(n_pred, 1), tp / len(gold)
    return 2 * precision * recall / (precision + recall) if tp else 0.0


def main() -> None:
    from corpus_gold import load_corpus

    from legation.evaluate import OLD_LABELS, main_event
    from legation.extract.pipeline import Extractor
    from legation.model import Document

    texts = load_corpus(SHARED / "corpus", {"wcep_2025.jsonl", "wikinews_articles.jsonl"})
    ex = Extractor()
    rows = []
    for name in TRAIN_ONLY + HELD_OUT:
        items = sentences(name, texts)
        for (text, gold), doc in zip(items, ex.nlp.pipe(t for t, _ in items)):
            events = ex.events(doc, Document(text=text, origin=name))
            main = main_event(events)
            rows.append({"set": name, "gold": OLD_LABELS.get(gold, gold), "rules": main.type if main else None,
                         "features": features(doc, events, main)})  # fmt: skip
    print(f"{len(rows)} sentences ({sum(r['gold'] == 'NONE' for r in rows)} with no event)")
    print(f"{'held out':10} {'n':>4}  {'rules':>6}  " + "  ".join(f"p>{t}" for t in THRESHOLDS))
    for held in HELD_OUT:
        training = [r for r in rows if r["set"] != held]
        test = [r for r in rows if r["set"] == held and r["gold"] != "NONE"]
        counts = Counter(f for r in training for f in r["features"])
        vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= 2))}
        w = train(matrix(training, vocab), np.array([TYPES.index(r["gold"]) for r in training]))
        probs = softmax(matrix(test, vocab) @ w)
        gold = [r["gold"] for r in test]
        scores = []
        for threshold in THRESHOLDS:
            combined = []
            for r, p in zip(test, probs):
                best = TYPES[int(p.argmax())]
                sure = best != "NONE" and p.max() > threshold
                combined.append(best if sure else r["rules"])
            scores.append(f1(combined, gold))
        print(f"{held:10} {len(test):4}  {f1([r['rules'] for r in test], gold):6.3f}  " + "  ".join(f"{s:5.3f}" for s in scores))


if __name__ == "__main__":
    main()
