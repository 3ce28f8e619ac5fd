"""Convert the sourced files in ../shared/data into the reference data Legation ships.

Run from the repository root after changing the inputs:

    .venv/bin/python tools/build_reference.py [--shared ../shared]

The outputs under src/legation/reference/data/ are committed: the product never reads
../shared at run time. Each output row keeps its source and the input file and row it came
from, so every shipped fact can show where it came from.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import shutil
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from legation.dates import FuzzyDate  # noqa: E402
from legation.reference.gazetteer import Gazetteer  # noqa: E402

OUT = ROOT / "src" / "legation" / "reference" / "data"

# The files of the ten blocs with the common column layout, and the code each bloc gets.
PERIOD_FILES = {
    "CSTO": "csto.csv",
    "SCO": "sco.csv",
    "BRICS": "brics.csv",
    "G7": "g7.csv",
    "FVEY": "five_eyes.csv",
    "ASEAN": "asean.csv",
    "AU": "african_union.csv",
    "OECD": "oecd.csv",
    "COMMONWEALTH": "commonwealth.csv",
}

TIMELINE_EVENTS = {
    "opened": "mission_opened",
    "reopened": "mission_reopened",
    "reopened_limited": "mission_reopened_limited",
    "staff_withdrawn": "staff_withdrawn",
    "staff_returned": "staff_returned",
    "suspended": "mission_suspended",
    "closed": "mission_closed",
    "relocated": "mission_relocated",
    "ambassador_expelled": "envoy_expelled",
    "ambassador_recalled": "envoy_recalled",
    "new_ambassador_arrived": "envoy_arrived",
    "new_ambassador_credentials": "credentials_presented",
    "protecting_power_start": "protecting_power_start",
    "protecting_power_end": "protecting_power_end",
}

MEMBERSHIP_FIELDS = ["bloc", "member", "event", "date", "date_precision", "verified", "note", "source", "dataset", "row"]
EVENT_FIELDS = [
    "sender", "host", "city", "mission", "event", "protected", "date", "date_precision",
    "source", "note", "episode", "dataset", "row",
]  # fmt: skip
MISSION_FIELDS = [
    "qid", "sender", "host", "city", "city_normalised", "city_note", "kind", "created",
    "created_precision", "accredited_to", "jurisdictions", "lat", "lon", "website", "sender_label", "host_label",
]  # fmt: skip


def verified_mark(note: str, side: str) -> str:
    """The row's own [verified]/[unverified] mark, for the joining or the leaving side."""
    head = note[note.find("[") + 1 : note.find("]")].lower() if "[" in note else ""
    if not head:
        return ""
    side_mark = re.search(rf"{side} (unverified|verified)", head)
    if side_mark:
        return side_mark.group(1)
    if head.startswith("unverified"):
        return "unverified"
    if "verified" in head:
        return "verified"
    return ""


def check_date(value: str, precision: str, where: str) -> None:
    FuzzyDate.parse(value, precision)  # raises on anything the loader could not read


def memberships(shared: Path) -> list[dict]:
    base = shared / "data" / "memberships"
    out: list[dict] = []

    def add(bloc, member, event, date, precision, verified, note, source, dataset, row):
        if date:
            check_date(date, precision, f"{dataset}:{row}")
        out.append(
            dict(bloc=bloc, member=member, event=event, date=date, date_precision=precision if date else "unknown",
                 verified=verified, note=note, source=source, dataset=dataset, row=row)
        )  # fmt: skip

    with open(base / "nato_accessions.csv", newline="") as f:
        for i, r in enumerate(csv.DictReader(f), start=2):
            add("NATO", r["iso3"], "joined", r["accession_date"], "day", "", r["note"], r["source"],
                "memberships/nato_accessions.csv", i)  # fmt: skip
    with open(base / "eu_member_states_eums.csv", newline="") as f:
        eums = "Fjelstul, J. C. (2021), eums: The European Union Member States data set (MIT)"
        for i, r in enumerate(csv.DictReader(f), start=2):
            add("EU", r["iso_alpha_3_code"], "joined", r["accession_date"], "day", "", "", eums,
                "memberships/eu_member_states_eums.csv", i)  # fmt: skip
            if r["exit_date"] not in ("", "NA"):
                add("EU", r["iso_alpha_3_code"], "left", r["exit_date"], "day", "", "", eums,
                    "memberships/eu_member_states_eums.csv", i)  # fmt: skip
    for bloc, name in PERIOD_FILES.items():
        with open(base / name, newline="") as f:
            for i, r in enumerate(csv.DictReader(f), start=2):
                note, source = r["status_note"], r["source"]
                if r["joined_precision"] in ("day", "month", "year"):
                    add(bloc, r["iso3"], "joined", r["joined"], r["joined_precision"], verified_mark(note, "from"),
                        note, source, f"memberships/{name}", i)  # fmt: skip
                else:
                    # A row whose membership the source itself calls unresolved (BRICS:
                    # Saudi Arabia) is kept and shown as such, never folded into a period.
                    add(bloc, r["iso3"], "unresolved", "", "", verified_mark(note, "from"), note, source,
                        f"memberships/{name}", i)  # fmt: skip
                if r["left"]:
                    add(bloc, r["iso3"], "left", r["left"], r["left_precision"], verified_mark(note, "to"),
                        note, source, f"memberships/{name}", i)  # fmt: skip
    with open(base / "african_union_suspensions.csv", newline="") as f:
        for i, r in enumerate(csv.DictReader(f), start=2):
            note = r["status_note"]
            add("AU", r["iso3"], "suspended", r["suspended_from"], r["from_precision"], verified_mark(note, "from"),
                note, r["source"], "memberships/african_union_suspensions.csv", i)  # fmt: skip
            if r["suspended_to"]:
                add("AU", r["iso3"], "reinstated", r["suspended_to"], r["to_precision"], verified_mark(note, "to"),
                    note, r["source"], "memberships/african_union_suspensions.csv", i)  # fmt: skip
    return out


def timeline_events(shared: Path) -> list[dict]:
    base = shared / "data" / "timelines"
    out: list[dict] = []
    with open(base / "pyongyang_2020_2024.csv", newline="") as f:
        for i, r in enumerate(csv.DictReader(f), start=2):
            if r["mission"] == "protecting_power_for":
                # This file writes the protected state in the event column.
                mission, event, protected = "embassy", "protecting_power_start", r["event"]
            else:
                mission, event, protected = r["mission"], r["event"], ""
            out.append(
                dict(sender=r["sender_iso3"], host=r["host_iso3"], city="Pyongyang", mission=mission,
                     event=TIMELINE_EVENTS[event], protected=protected, date=r["date"],
                     date_precision=r["date_precision"], source=r["source_url"], note=r["note"],
                     episode="pyongyang", dataset="timelines/pyongyang_2020_2024.csv", row=i)
            )  # fmt: skip
    with open(base / "mission_events_2020_2025.csv", newline="") as f:
        for i, r in enumerate(csv.DictReader(f), start=2):
            protected = ""
            if r["event"].startswith("protecting_power"):
                m = re.search(r"protected:\s*([A-Z]{3})", r["note"])
                if not m:
                    raise SystemExit(f"mission_events row {i}: protecting-power row without 'protected: XXX'")
                protected = m.group(1)
            out.append(
                dict(sender=r["sender_iso3"], host=r["host_iso3"], city=r["city"], mission=r["mission"],
                     event=TIMELINE_EVENTS[r["event"]], protected=protected, date=r["date"],
                     date_precision=r["date_precision"], source=r["source_url"], note=r["note"],
                     episode=r["episode"], dataset="timelines/mission_events_2020_2025.csv", row=i)
            )  # fmt: skip
    for e in out:
        check_date(e["date"], e["date_precision"], f"{e['dataset']}:{e['row']}")
    return out


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


# A listing that names a district ("Taedonggang-guyok") instead of its city is folded into
# the city whose missions lie around it: the nearest place in the same host country that has
# at least three times as many missions, within this radius of their centroid.
DISTRICT_RADIUS_KM = 12.0


def normalise_cities(rows: list[dict]) -> None:
    by_host: dict[str, dict[str, list[tuple[float, float]]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        if r["lat"] and r["lon"]:
            by_host[r["host"]][r["city"]].append((float(r["lat"]), float(r["lon"])))
    for r in rows:
        r["city_normalised"], r["city_note"] = r["city"], ""
        cities = by_host.get(r["host"], {})
        here = cities.get(r["city"])
        if not here:
            continue
        centre = (sum(p[0] for p in here) / len(here), sum(p[1] for p in here) / len(here))
        best = None
        for name, points in cities.items():
            if name == r["city"] or len(points) < 3 * len(here):
                continue
            c = (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
            dist = _km(centre, c)
            if dist <= DISTRICT_RADIUS_KM and (best is None or dist < best[1]):
                best = (name, dist)
        if best:
            r["city_normalised"] = best[0]
            r["city_note"] = (
                f"listed as '{r['city']}', {best[1]:.1f} km from the centre of {best[0]}'s "
                f"{len(cities[best[0]])} listed missions"
            )


def wikidata_precision(created: str) -> tuple[str, str]:
    """The slim listing drops Wikidata's precision field: a date on 1 January is taken as a
    year (Wikidata stores year-precision dates that way), anything else as a day."""
    if not created:
        return "", ""
    day = created[:10]
    if day.endswith("-01-01"):
        return day[:4], "year"
    return day, "day"


def missions(shared: Path, gaz: Gazetteer) -> list[dict]:
    path = shared / "data" / "missions" / "database_of_embassies_slim.csv"
    out = []
    unresolved = Counter()
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            sender = gaz.resolve(r["operator"])
            host = gaz.resolve(r["country"])
            if sender is None:
                unresolved[r["operator"]] += 1
            if host is None:
                unresolved[r["country"]] += 1
            # Jurisdictions also name provinces and organisations (a consular district, a
            # permanent mission): only states become accreditations, the text stays as listed.
            accredited = []
            for name in filter(None, r["jurisdictions"].split("|")):
                c = gaz.resolve(name)
                if c is not None and c.code not in accredited:
                    accredited.append(c.code)
            created, precision = wikidata_precision(r["creation"])
            out.append(
                dict(qid=r["QID"], sender=sender.code if sender else "", host=host.code if host else "",
                     city=r["city"], kind=r["type"], created=created, created_precision=precision,
                     accredited_to="|".join(accredited), jurisdictions=r["jurisdictions"], lat=r["latitude"], lon=r["longitude"],
                     website=r["website"], sender_label=r["operator"], host_label=r["country"])
            )  # fmt: skip
    if unresolved:
        raise SystemExit(f"names the gazetteer cannot resolve: {dict(unresolved)}")
    normalise_cities(out)
    return out


def write(name: str, fields: list[str], rows: list[dict]) -> None:
    with open(OUT / name, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in fields})
    print(f"wrote {name}: {len(rows)} rows")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    gaz = Gazetteer.default()
    write("memberships.csv", MEMBERSHIP_FIELDS, memberships(args.shared))
    write("mission_events.csv", EVENT_FIELDS, timeline_events(args.shared))
    write("missions.csv", MISSION_FIELDS, missions(args.shared, gaz))
    shutil.copy(args.shared / "data" / "memberships" / "eums_LICENSE.txt", OUT / "LICENSE-eums-MIT.txt")


if __name__ == "__main__":
    main()
