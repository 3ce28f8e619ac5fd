"""Build src/legation/exchange/data/cameo_plover.csv from ../shared/data/plover/cameo2plover.txt.

The source table (openeventdata/PLOVER, CC BY-SA 4.0) maps CAMEO event codes to a PLOVER
event type, mode and context, one code a line:

    0841: RETREAT, release,   legal # Return, release person(s)

and heads each CAMEO root with a line such as `08: CONCEDE`. What this script changes, and
records in the `origin` column of every row:

- modes and contexts lose stray spaces ("access " -> "access");
- a code listed twice with the same mapping (175) is kept once; a root listed under two
  types (08: CONCEDE, then 08: RETREAT) keeps the first for the bare root code "08" (the
  codes under it keep their own types);
- CAMEO 02x (APPEAL) is absent from the source table. PLOVER's REQUEST covers "all requests,
  demands, and orders" (PLOVER codebook), and CAMEO's 02x appeal codes run parallel to its
  10x demand codes (021 material cooperation ... 028 mediation), so each 02x row copies the
  mapping of its 10x twin. These rows say `legation:` in `origin`.
- CAMEO 01x (public statements) has no PLOVER type and stays out: events with those codes
  are not imported.

Run: python tools/build_cameo_plover.py [SOURCE] [OUT]
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "data" / "plover" / "cameo2plover.txt"
OUT = ROOT / "src" / "legation" / "exchange" / "data" / "cameo_plover.csv"

LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#\s*(.*))?$")


def parse(path: Path) -> list[dict]:
    rows: dict[str, dict] = {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("~"):
            continue
        m = LINE.match(line)
        if not m:
            raise SystemExit(f"{path}:{n}: cannot read {raw!r}")
        code, event, mode, context, description = m.groups()
        row = {
            "cameo": code,
            "event": event,
            "mode": (mode or "").strip(),
            "context": "; ".join(p.strip() for p in (context or "").split(";") if p.strip()),
            "description": (description or "").strip() if len(code) > 2 else "",
            "origin": f"cameo2plover.txt line {n}",
        }
        if code in rows:
            continue  # 175 twice (same mapping); root 08 under CONCEDE, then RETREAT: keep the first
        rows[code] = row
    for code, row in list(rows.items()):
        if code.startswith("10"):
            twin = "02" + code[2:]
            rows[twin] = {
                **row,
                "cameo": twin,
                "description": _appeal(row["description"]),
                "origin": f"legation: CAMEO 02x appeal, mapped as its 10x twin {code} (PLOVER REQUEST covers requests and demands)",
            }
    return sorted(rows.values(), key=lambda r: (r["cameo"][:2], len(r["cameo"]) > 2, r["cameo"]))


def _appeal(demand: str) -> str:
    """'Demand economic aid' -> 'Appeal for economic aid' (CAMEO's wording for 02x)."""
    if not demand:
        return ""
    if demand == "REQUEST":
        return "Make an appeal or request"
    return re.sub(r"^Demand (that )?", lambda m: "Appeal " + ("that " if m[1] else "for "), demand)


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else SOURCE
    out = Path(argv[2]) if len(argv) > 2 else OUT
    rows = parse(source)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["cameo", "event", "mode", "context", "description", "origin"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{out}: {len(rows)} CAMEO codes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
