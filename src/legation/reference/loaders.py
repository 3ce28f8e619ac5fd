"""Turn the shipped reference data (and a user's own sourced event files) into ledger events.

Each file here is read whole and written in one transaction, so a bad row anywhere leaves
the ledger as it was.
"""

from __future__ import annotations

import csv
import io
import re
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..dates import BadDate, FuzzyDate
from ..ledger import Ledger, WriteReport
from ..model import LISTING_SUBTYPE, Event, Source, mission_key
from .gazetteer import Gazetteer

DATA = resources.files("legation.reference") / "data"

LISTING_DATE = FuzzyDate.parse("2022-11")
LISTING_CITATION = (
    "Wikidata, via the database-of-embassies project (database_of_embassies.csv, generated 2022-11-16): "
    "missions open as of 2022-11"
)
MEMBERSHIP_SUBTYPE = {
    "joined": "membership_joined",
    "left": "membership_left",
    "suspended": "membership_suspended",
    "reinstated": "membership_reinstated",
    "unresolved": "membership_unresolved",
}
LICENCES = {
    "memberships/eu_member_states_eums.csv": "MIT, (c) 2021 Joshua C. Fjelstul",
    "missions/database_of_embassies_slim.csv": "CC0 (Wikidata)",
}
# The columns a sourced event file must have; `legation load --events FILE` reads the same shape.
EVENT_FILE_COLUMNS = ("sender", "host", "city", "mission", "event", "date", "date_precision", "source")


class DataError(ValueError):
    """A data file that cannot be loaded; names the file and row."""


def _first_url(text: str) -> str:
    m = re.search(r"https?://\S+", text or "")
    return m.group(0).rstrip(";,)") if m else ""


def _rows(name: str) -> list[dict]:
    with (DATA / name).open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def membership_events() -> list[Event]:
    out = []
    for r in _rows("memberships.csv"):
        verified = {"verified": True, "unverified": False}.get(r["verified"])
        src = Source(
            citation=r["source"],
            url=_first_url(r["source"]),
            dataset=r["dataset"],
            licence=LICENCES.get(r["dataset"], "facts, compiled from public pages"),
            locator=f"row {r['row']}",
        )
        out.append(
            Event(
                subtype=MEMBERSHIP_SUBTYPE[r["event"]],
                actor=r["member"],
                target=r["bloc"],
                date=FuzzyDate.parse(r["date"], r["date_precision"] if r["date"] else None),
                note=r["note"],
                verified=verified,
                sources=(src,),
            )
        )
    return out


def mission_events_from_rows(rows: list[dict], dataset: str, licence: str, gaz: Gazetteer) -> list[Event]:
    """Sourced mission events in the shape of `mission_events.csv`; raises DataError naming
    the first bad row."""
    from ..model import ALL_SUBTYPES

    if rows:
        missing = [c for c in EVENT_FILE_COLUMNS if c not in rows[0]]
        if missing:
            raise DataError(f"{dataset}: missing column(s) {', '.join(missing)}")
    out = []
    for i, r in enumerate(rows, start=2):
        where = f"{dataset} row {r.get('row') or i}"
        event = (r.get("event") or "").strip()
        if event not in ALL_SUBTYPES or event.startswith("membership") or event == LISTING_SUBTYPE:
            raise DataError(f"{where}: unknown event {event!r}")
        codes = {}
        for col in ("sender", "host", "protected"):
            text = (r.get(col) or "").strip()
            if not text:
                continue
            actor = gaz.resolve(text)
            if actor is None:
                hint = gaz.suggest(text)
                raise DataError(f"{where}: unknown {col} {text!r}" + (f"; did you mean {', '.join(hint)}?" if hint else ""))
            codes[col] = actor.code
        if "sender" not in codes or "host" not in codes:
            raise DataError(f"{where}: sender and host are required")
        if event.startswith("protecting_power") and "protected" not in codes:
            raise DataError(f"{where}: a protecting-power event needs the protected state")
        source = (r.get("source") or "").strip()
        if not source:
            raise DataError(f"{where}: every event needs a source (a URL or citation)")
        try:
            precision = (r.get("date_precision") or "").strip()
            date = FuzzyDate.parse(r.get("date"), None if precision in ("", "unknown") else precision)
        except BadDate as err:
            raise DataError(f"{where}: {err}") from None
        city = (r.get("city") or "").strip() or (gaz.get(codes["host"]).capitals or ("",))[0]
        out.append(
            Event(
                subtype=event,
                actor=codes["sender"],
                target=codes["host"],
                third=codes.get("protected", ""),
                date=date,
                city=city,
                mission_kind=(r.get("mission") or "embassy").strip(),
                note=(r.get("note") or "").strip(),
                sources=(
                    Source(
                        citation=source,
                        url=_first_url(source),
                        dataset=r.get("dataset") or dataset,
                        licence=licence,
                        locator=f"row {r.get('row') or i}",
                    ),
                ),
            )
        )
    return out


def listing_rows() -> list[dict]:
    rows = []
    for r in _rows("missions.csv"):
        created = FuzzyDate.parse(r["created"], r["created_precision"] or None) if r["created"] else None
        rows.append(
            dict(
                id=f"{r['qid']}/{r['sender']}",
                qid=r["qid"],
                mission=mission_key(r["sender"], r["host"], r["city_normalised"], r["kind"]),
                sender=r["sender"],
                host=r["host"],
                city=r["city"],
                city_normalised=r["city_normalised"],
                city_note=r["city_note"],
                kind=r["kind"],
                created_value=created.value if created else None,
                created_precision=created.precision if created else None,
                created_start=created.start if created else None,
                accredited_to=[c for c in r["accredited_to"].split("|") if c],
                lat=float(r["lat"]) if r["lat"] else None,
                lon=float(r["lon"]) if r["lon"] else None,
                website=r["website"],
            )
        )
    return rows


def listing_events(rows: list[dict]) -> list[Event]:
    return [
        Event(
            subtype=LISTING_SUBTYPE,
            actor=r["sender"],
            target=r["host"],
            date=LISTING_DATE,
            city=r["city_normalised"],
            mission_kind=r["kind"],
            sources=(
                Source(
                    citation=LISTING_CITATION,
                    url=f"https://www.wikidata.org/wiki/{r['qid']}",
                    dataset="missions/database_of_embassies_slim.csv",
                    licence="CC0 (Wikidata)",
                    locator=r["qid"],
                ),
            ),
        )
        for r in rows
    ]


def bloc_rows() -> list[dict]:
    return [
        {k: r[k] for k in ("code", "name", "kind", "description", "source")} for r in _rows("blocs.csv")
    ]


@dataclass
class LoadReport:
    write: WriteReport
    seconds: float


def load_default(ledger: Ledger, gaz: Gazetteer | None = None) -> LoadReport:
    """Build (or top up) the default knowledge base. Loading twice changes nothing."""
    gaz = gaz or Gazetteer.default()
    began = time.perf_counter()
    listings = listing_rows()
    events = membership_events()
    events += mission_events_from_rows(
        _rows("mission_events.csv"), "timelines", "facts, compiled from public press pages", gaz
    )
    events += mission_events_from_rows(
        _rows("curated_events.csv"), "legation/curated_events.csv", "facts, compiled by Legation", gaz
    )
    events += listing_events(listings)
    with ledger.transaction():
        ledger.add_blocs(bloc_rows())
        report = ledger.add_listings(
            listings,
            Source(citation=LISTING_CITATION, dataset="missions/database_of_embassies_slim.csv", licence="CC0 (Wikidata)"),
        )
        report = report + ledger.append(events)
        ledger.set_meta("reference_loaded", "1")
    return LoadReport(report, time.perf_counter() - began)


def open_ledger(path, read_only: bool = False) -> Ledger:
    """The ledger at `path`, built from the shipped data first when the file does not exist
    yet, so a first query just works."""
    if not Path(path).exists():
        import sys

        print(f"legation: building the default database at {path} (first use) ...", file=sys.stderr)
        with Ledger(path) as ledger:
            load_default(ledger)
    return Ledger(path, read_only=read_only)


def load_event_file(ledger: Ledger, path: Path, gaz: Gazetteer | None = None) -> WriteReport:
    """A user's own sourced events, in the columns of `EVENT_FILE_COLUMNS`: all or nothing."""
    gaz = gaz or Gazetteer.default()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DataError(f"{path}: not a UTF-8 text file") from None
    except OSError as err:
        raise DataError(f"cannot read {path}: {err.strerror}") from None
    if "\x00" in text:
        raise DataError(f"{path}: looks like a binary file, not a CSV")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    if not rows:
        raise DataError(f"{path}: no rows (expected a CSV with columns {', '.join(EVENT_FILE_COLUMNS)})")
    events = mission_events_from_rows(rows, Path(path).name, "as given by the user", gaz)
    return ledger.append(events)
