"""How far two human coders agree on the same sentences: the ceiling for the extractor.

    .venv/bin/python bench/agreement.py bench/gold/corpus_test_labels.json bench/gold/corpus_test_labels_second.json

Both files label the same corpus sentences (matched by item and offsets). Each is scored
against the other as gold with the measures `legation eval` uses: event-type agreement, and
source and target country accuracy (over labels whose gold side names a state, with the
other coder's first actor as the prediction). Prints both directions and Cohen's kappa for the
event type.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

NON_STATE = {"IGO", "NGO", "ISM", "MNC", "REB", "INS", "OPP"}


def codes(side) -> list[str]:
    return [a["code"] for a in side or [] if a.get("code")]


def score(gold: list[dict], other: list[dict]) -> dict:
    out = {"n": len(gold), "event_type": 0}
    country = {"source": [0, 0], "target": [0, 0]}
    for g, o in zip(gold, other):
        out["event_type"] += g["event"] == o["event"]
        for side in ("source", "target"):
            want, got = set(codes(g.get(side))), codes(o.get(side))
            if want and not want <= NON_STATE:
                country[side][1] += 1
                country[side][0] += bool(got and got[0] in want)
    out["event_type"] = round(out["event_type"] / len(gold), 4)
    for side, (hit, n) in country.items():
        out[f"{side}_country_accuracy"] = round(hit / n, 4) if n else None
    return out


def kappa(a: list[str], b: list[str]) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return round((observed - expected) / (1 - expected), 4) if expected < 1 else 1.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("first", type=Path)
    ap.add_argument("second", type=Path)
    args = ap.parse_args()
    first = {(r["id"], r["start"]): r for r in json.loads(args.first.read_text(encoding="utf-8"))}
    second = {(r["id"], r["start"]): r for r in json.loads(args.second.read_text(encoding="utf-8"))}
    keys = [k for k in first if k in second]
    a, b = [first[k] for k in keys], [second[k] for k in keys]
    print(f"{len(keys)} sentences labelled by both coders")
    for name, gold, other in (("second against first", a, b), ("first against second", b, a)):
        s = score(gold, other)
        print(f"{name}: event type {s['event_type']:.3f}, source country {s['source_country_accuracy']:.3f}, "
              f"target country {s['target_country_accuracy']:.3f}")
    print(f"Cohen's kappa, event type: {kappa([r['event'] for r in a], [r['event'] for r in b]):.3f}")


if __name__ == "__main__":
    main()
