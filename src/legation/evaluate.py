"""Scoring the extractor against a gold file in the PLOVER gold-standard format.

Each gold record is one sentence with one event: `event` (type), `mode`, and `source` and
`target` lists of actors with codes. The extractor reads the sentence; its main event (the
most confident, then the first) is compared with the record. Older labels and modes are
mapped to current PLOVER ones; the CAMEO country codes that differ from ISO 3166 are mapped too, and
organisations compare as IGO or NGO, as the gold file codes them.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .model import Document, Event

OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# Modes of the older gold standard that the codebook has since merged or renamed.
OLD_MODES = {"riot-spon": "riot", "demo-spon": "demo", "demo-org": "demo", "strike-hun": "hunger",
             "strike-gen": "strike", "detain": "arrest", "martial-law": "curfew"}  # fmt: skip
CAMEO_TO_ISO = {"JAP": "JPN", "VTN": "VNM", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "SER": "SRB", "UK": "GBR"}
NON_STATE = {"IGO", "NGO", "ISM", "MNC", "REB", "INS", "OPP"}


class GoldError(ValueError):
    pass


def load_gold(path: Path) -> list[dict]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise GoldError(f"cannot read gold file {path}: {err.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GoldError(f"gold file {path} is not JSON: {err}") from None
    if not isinstance(data, list):
        raise GoldError(f"gold file {path}: expected a JSON list of records")
    records = [r for r in data if isinstance(r, dict) and r.get("text") and r.get("event") and r["event"] != "DOCUMENT"]
    if not records:
        raise GoldError(f"gold file {path}: no records with 'text' and 'event'")
    return records


def _codes(side) -> set[str]:
    if not isinstance(side, list):
        return set()
    return {CAMEO_TO_ISO.get(a.get("code", ""), a.get("code", "")) for a in side if isinstance(a, dict) and a.get("code")}


def _as_gold_code(code: str, kind: str, ngos: set[str]) -> str:
    if kind == "organisation":
        return "NGO" if code in ngos else "IGO"
    return code


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "n_predicted": n_pred, "n_gold": n_gold}


def main_event(events: list[Event]) -> Event | None:
    """The event a gold record's label is compared with: the surest of its first sentence. A
    record is one text unit; where it reads as several sentences ("Iraq invades Kuwait; UN
    demands pullout") the first tells the news and the rest react to it."""
    if not events:
        return None

    def sentence(e: Event) -> int:
        return e.provenance.sentence if e.provenance else 0

    lead = min(map(sentence, events))
    return max((e for e in events if sentence(e) == lead),
               key=lambda e: (e.confidence, -(e.provenance.trigger[0] if e.provenance else 0)))


def evaluate(records: list[dict], extractor) -> dict:
    docs = [Document(text=r["text"].strip("{} "), origin=r.get("id", f"record {i}")) for i, r in enumerate(records)]
    return score(records, [main_event(events) for _, events in extractor.pipe(docs)], extractor)


def score(records: list[dict], predicted: list[Event | None], extractor) -> dict:
    """Gold records against the main event read for each (None where none was): the figures
    `evaluate` gives, for events read some other way (a sentence within its article)."""
    tallies = {k: Counter() for k in ("event_type", "source", "target", "mode")}
    confusion: Counter = Counter()
    country = {"source": [0, 0], "target": [0, 0]}
    rows = []
    for record, pred in zip(records, predicted):
        gold_type = OLD_LABELS.get(record["event"], record["event"])
        pred_type = pred.type if pred else None
        confusion[(gold_type, pred_type or "-")] += 1
        t = tallies["event_type"]
        t["gold"] += 1
        if pred_type:
            t["pred"] += 1
            t["tp"] += pred_type == gold_type
        for side, code, kind in (
            ("source", pred.actor if pred else "", extractor.kind(pred.actor) if pred else ""),
            ("target", pred.target if pred else "", extractor.kind(pred.target) if pred else ""),
        ):
            gold = _codes(record.get(side))
            mine = _as_gold_code(code, kind, getattr(extractor, "ngos", frozenset())) if code else ""
            t = tallies[side]
            t["gold"] += bool(gold)
            t["pred"] += bool(mine)
            t["tp"] += bool(mine and mine in gold)
            if gold and not gold <= NON_STATE:
                country[side][1] += 1
                country[side][0] += bool(mine and mine in gold)
        gold_mode = (record.get("mode") or "").strip()
        gold_mode = OLD_MODES.get(gold_mode, gold_mode)
        pred_mode = pred.mode if pred else ""
        t = tallies["mode"]
        t["gold"] += bool(gold_mode)
        t["pred"] += bool(pred_mode)
        t["tp"] += bool(gold_mode and pred_mode == gold_mode)
        rows.append({"id": record.get("id"), "gold": gold_type, "predicted": pred_type,
                     "source": sorted(_codes(record.get("source"))), "predicted_source": pred.actor if pred else None,
                     "target": sorted(_codes(record.get("target"))), "predicted_target": pred.target if pred else None})  # fmt: skip
    result = {k: _prf(v["tp"], v["pred"], v["gold"]) for k, v in tallies.items()}
    result["source_country_accuracy"] = round(country["source"][0] / country["source"][1], 4) if country["source"][1] else None
    result["target_country_accuracy"] = round(country["target"][0] / country["target"][1], 4) if country["target"][1] else None
    result["n_gold"] = len(records)
    result["n_predicted"] = tallies["event_type"]["pred"]
    result["confusion"] = [{"gold": g, "predicted": p, "count": n} for (g, p), n in sorted(confusion.items())]
    result["records"] = rows
    return result


def render(result: dict) -> str:
    out = [f"{result['n_gold']} gold events, {result['n_predicted']} predicted", ""]
    out.append(f"{'':12}{'precision':>10}{'recall':>10}{'f1':>10}")
    for key in ("event_type", "source", "target", "mode"):
        r = result[key]
        out.append(f"{key:12}{r['precision']:>10.3f}{r['recall']:>10.3f}{r['f1']:>10.3f}")
    out.append("")
    out.append(f"source country accuracy: {result['source_country_accuracy']}")
    out.append(f"target country accuracy: {result['target_country_accuracy']}")
    labels = sorted({c["gold"] for c in result["confusion"]} | {c["predicted"] for c in result["confusion"]})
    grid = {(c["gold"], c["predicted"]): c["count"] for c in result["confusion"]}
    out += ["", "confusion (rows: gold, columns: predicted; '-' = no event found)"]
    short = {lab: lab[:5] for lab in labels}
    out.append(f"{'':11}" + "".join(f"{short[lab]:>6}" for lab in labels))
    for g in labels:
        if any(grid.get((g, p)) for p in labels):
            out.append(f"{g:11}" + "".join(f"{grid.get((g, p), 0) or '.':>6}" for p in labels))
    return "\n".join(out) + "\n"
