"""Build the country table Legation ships from mledoze/countries and pycountry.

    .venv/bin/python tools/build_countries.py [--shared ../shared]

Writes src/legation/reference/data/countries.json (only the fields the product uses) and
copies the ODbL licence beside it. Actors outside ISO 3166 come from extra_actors.csv, which
is Legation's own.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "legation" / "reference" / "data"


def build(shared: Path) -> list[dict]:
    raw = json.loads((shared / "data" / "countries" / "mledoze_countries.json").read_text(encoding="utf-8"))
    out = []
    for c in raw:
        code = c["cca3"]
        if code == "UNK":  # Kosovo: carried in extra_actors.csv as XKX
            continue
        iso = pycountry.countries.get(alpha_3=code)
        alt = list(c.get("altSpellings", []))
        if iso is not None:
            alt += [getattr(iso, k) for k in ("name", "official_name", "common_name") if hasattr(iso, k)]
        demonyms = sorted({v for v in (c.get("demonyms", {}).get("eng") or {}).values() if v})
        out.append(
            dict(
                code=code,
                iso2=c["cca2"],
                numeric=c.get("ccn3") or "",
                name=c["name"]["common"],
                official=c["name"]["official"],
                kind="state" if c.get("independent") else "territory",
                independent=bool(c.get("independent")),
                un_member=bool(c.get("unMember")),
                capitals=c.get("capital", []),
                latlng=c.get("latlng") or None,
                region=c.get("region", ""),
                subregion=c.get("subregion", ""),
                demonyms=demonyms,
                alt_names=sorted(set(alt) - {c["name"]["common"], c["name"]["official"], c["cca2"]}),
                source="mledoze/countries (ODbL)" + (", pycountry (ISO 3166)" if iso else ""),
            )
        )
    with open(OUT / "extra_actors.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out.append(
                dict(code=r["code"], iso2=None, numeric="", name=r["name"], official=r["name"], kind=r["kind"],
                     independent=r["kind"] == "state", un_member=False, capitals=[], latlng=None, region="",
                     subregion="", demonyms=[], alt_names=[a for a in r["alt_names"].split("|") if a],
                     source=r["source"])
            )  # fmt: skip
    codes = [c["code"] for c in out]
    if len(set(codes)) != len(codes):
        raise SystemExit(f"duplicate actor codes: {sorted({c for c in codes if codes.count(c) > 1})}")
    return sorted(out, key=lambda c: c["code"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    rows = build(args.shared)
    (OUT / "countries.json").write_text(
        json.dumps(rows, ensure_ascii=False, separators=(",", ":"), indent=None).replace("},{", "},\n{") + "\n",
        encoding="utf-8",
    )
    shutil.copy(args.shared / "data" / "countries" / "LICENSE-ODbL.txt", OUT / "LICENSE-ODbL.txt")
    print(f"wrote countries.json: {len(rows)} actors")


if __name__ == "__main__":
    main()
