"""Build the country table Legation ships from mledoze/countries and pycountry.

    .venv/bin/python tools/build_countries.py [--shared ../shared]

Writes src/legation/reference/data/countries.json (only the fields the product uses, sorted
by code) and copies the ODbL licence beside it. Actors outside ISO 3166, and Legation's
corrections to entries that are in it, come from extra_actors.csv, which is Legation's own.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "legation" / "reference" / "data"
KINDS = {"state", "territory", "organisation", "subnational", "unrecognised", "other"}

# mledoze gives Kosovo the placeholder "UNK". Legation writes XKX, the code the EU, the IMF
# and most data sets use; "UNK" is not kept even as an alternative, because in tabular data it
# far more often means "unknown" than Kosovo.
RECODE = {"UNK": "XKX"}

# Display names where mledoze's common name is ambiguous next to another entry's.
RENAME = {"COG": "Republic of the Congo"}

# mledoze's `independent` follows ISO 3166 and is kept as it is. `kind` is Legation's
# diplomatic view: Taiwan and Palestine run foreign services and are recognised by other
# states, so they count as states here even though ISO does not mark them independent.
KIND = {"TWN": "state", "PSE": "state"}

# mledoze marks the Holy See a UN member; it is a permanent observer, like Palestine.
NOT_UN_MEMBER = {"VAT"}


def _pycountry_names(iso) -> list[str]:
    return [getattr(iso, k) for k in ("name", "official_name", "common_name") if hasattr(iso, k)]


def _cross_check(c: dict, iso) -> list[str]:
    """Disagreements between mledoze and ISO 3166 as pycountry has it; printed, not fatal,
    because either side may be the newer one."""
    problems = []
    if iso.alpha_2 != c.get("cca2"):
        problems.append(f"{c['cca3']}: alpha-2 {c.get('cca2')!r} vs ISO {iso.alpha_2!r}")
    if (c.get("ccn3") or "") != iso.numeric:
        problems.append(f"{c['cca3']}: numeric {c.get('ccn3')!r} vs ISO {iso.numeric!r}")
    return problems


def from_mledoze(c: dict, problems: list[str]) -> dict:
    code = RECODE.get(c["cca3"], c["cca3"])
    iso = pycountry.countries.get(alpha_3=c["cca3"])
    name = RENAME.get(code, c["name"]["common"])
    official = c["name"]["official"]
    alt = list(c.get("altSpellings", []))
    if iso is not None:
        alt += _pycountry_names(iso)
        problems += _cross_check(c, iso)
    if name != c["name"]["common"]:
        alt.append(c["name"]["common"])
    # The source writes two-part states' demonyms as one string: "Bosnian, Herzegovinian".
    demonyms = sorted({d.strip() for v in (c.get("demonyms", {}).get("eng") or {}).values() if v
                       for d in re.split(r",| or ", v) if d.strip()})  # fmt: skip
    independent = bool(c.get("independent"))
    return dict(
        code=code,
        iso2=c.get("cca2") or None,
        numeric=c.get("ccn3") or "",
        name=name,
        official=official,
        kind=KIND.get(code, "state" if independent else "territory"),
        independent=independent,
        un_member=bool(c.get("unMember")) and code not in NOT_UN_MEMBER,
        capitals=list(c.get("capital", [])),
        latlng=[round(x, 4) for x in c["latlng"]] if c.get("latlng") else None,
        region=c.get("region", ""),
        subregion=c.get("subregion", ""),
        demonyms=demonyms,
        alt_names=sorted(set(alt) - {name, official, code}),
        source="mledoze/countries (ODbL)" + ("; ISO 3166 via pycountry" if iso is not None else ""),
    )


def merge_extra(entries: dict[str, dict], path: Path) -> None:
    """extra_actors.csv either adds an actor or, when its code is already present (Kosovo),
    corrects that entry: its name and kind win and its alternative names are added."""
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code, kind = r["code"].strip(), r["kind"].strip()
            if kind not in KINDS:
                raise SystemExit(f"extra_actors.csv: {code}: kind {kind!r} is not one of {sorted(KINDS)}")
            if not r["source"].strip():
                raise SystemExit(f"extra_actors.csv: {code}: every row needs a source")
            alts = [a.strip() for a in r["alt_names"].split("|") if a.strip()]
            if code in entries:
                e = entries[code]
                e["alt_names"] = sorted((set(e["alt_names"]) | set(alts) | {e["name"]}) - {r["name"], e["official"], code})
                e.update(name=r["name"], kind=kind, independent=e["independent"] or kind == "state")
                e["source"] += f"; Legation ({r['source']})"
                continue
            entries[code] = dict(
                code=code, iso2=None, numeric="", name=r["name"], official=r["name"], kind=kind,
                independent=kind == "state", un_member=False, capitals=[], latlng=None, region="",
                subregion="", demonyms=[], alt_names=sorted(set(alts) - {r["name"]}), source=r["source"],
            )  # fmt: skip


def build(shared: Path) -> list[dict]:
    raw = json.loads((shared / "data" / "countries" / "mledoze_countries.json").read_text(encoding="utf-8"))
    problems: list[str] = []
    entries: dict[str, dict] = {}
    for c in raw:
        e = from_mledoze(c, problems)
        if e["code"] in entries:
            raise SystemExit(f"duplicate code {e['code']} in mledoze data")
        entries[e["code"]] = e
    merge_extra(entries, OUT / "extra_actors.csv")
    for p in problems:
        print("warning:", p, file=sys.stderr)
    return [entries[k] for k in sorted(entries)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    rows = build(args.shared)
    # One entry a line: compact, yet a data change shows up as a readable diff.
    text = "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in rows) + "\n]\n"
    (OUT / "countries.json").write_text(text, encoding="utf-8")
    licence = OUT / "LICENSE-ODbL.txt"
    licence.unlink(missing_ok=True)  # the shipped copy may be read-only
    shutil.copyfile(args.shared / "data" / "countries" / "LICENSE-ODbL.txt", licence)
    kinds: dict[str, int] = {}
    for r in rows:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    print(f"wrote countries.json: {len(rows)} actors ({', '.join(f'{v} {k}' for k, v in sorted(kinds.items()))})")


if __name__ == "__main__":
    main()
