"""GDELT 2.0 event exports into the ledger.

A GDELT 2.0 events export (`YYYYMMDDHHMMSS.export.CSV.zip`) is a tab-separated file of 61
columns and no header, one coded event a row (see `COLUMNS`). Each row becomes a ledger event:

- type and mode: the row's CAMEO EventCode through `data/cameo_plover.csv`; codes the table
  has no PLOVER type for (CAMEO 01x, public statements) are skipped and counted;
- actor and target: Actor1/Actor2CountryCode, CAMEO country codes mapped to Legation's where
  they differ from ISO 3166 (ROM -> ROU ...); a row with no country takes the known group
  (NATO, the EU, the UN) or the organisation kind (IGO, NGO, MNC); the sector comes from
  Actor1/Actor2Type1Code (GOV -> government, MIL -> military ...);
- date: SQLDATE, day precision;
- modality: asserted. GDELT does not code hedges, claims or denials: a row says an event
  happened, and so does the ledger event (read the source before relying on one);
- quantity: none (GDELT does not code counts);
- source: the row's SOURCEURL, dataset "GDELT 2.0 events", located by its GLOBALEVENTID;
- note: the CAMEO code and the place GDELT gives (ActionGeo_FullName).

The same event reported by many articles is many GDELT rows; in the ledger it is one event
(same type, actors and day) with one source per row, as for events read from the news.
GDELT events carry no mission subtype, so they never change the state of the network.

Files are read as streams, twice. The first pass checks every row of every file (61 columns,
a numeric GLOBALEVENTID, a real SQLDATE, a CAMEO EventCode): a malformed row anywhere stops the
import with a message naming the file and line, before anything is written. The second pass
maps the rows and writes them `CHUNK` rows at a time, each chunk one transaction: written to a
staging file DuckDB parses itself and merged in SQL (`staging.py`). Nothing is held in memory
but the chunk, and DuckDB's memory does not grow with one long transaction, so the memory an
import takes does not depend on the size of the file (it grows with the size of the ledger:
DuckDB keeps the ledger's key indexes in memory). An import stopped during the second pass
(killed, disk full) leaves whole chunks, each event with its sources; running it again
completes it and adds nothing twice.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import os
import shutil
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..ledger import Ledger
from . import staging
from .cameo import KNOWN_GROUPS, SECTOR_OF_AGENT, CameoTable, country_to_iso

COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
assert len(COLUMNS) == 61
_I = {name: i for i, name in enumerate(COLUMNS)}

DATASET = "GDELT 2.0 events"
LICENCE = "GDELT Project: open data, free to use and redistribute with attribution to the GDELT Project"
CHUNK = 50_000
ORGANISATION_KINDS = ("IGO", "NGO", "MNC")


class GdeltError(ValueError):
    """A file that is not a readable GDELT 2.0 events export; names the file and line."""


@dataclass
class GdeltReport:
    files: list[str] = field(default_factory=list)
    rows: int = 0
    imported_rows: int = 0
    events_new: int = 0
    sources_new: int = 0
    skipped_no_plover: int = 0  # CAMEO 01x statements: no PLOVER type
    skipped_no_actor: int = 0  # neither actor has a country, group or organisation code
    seconds: float = 0.0

    def to_json(self) -> dict:
        return asdict(self)


@contextmanager
def open_lines(path: Path) -> Iterator[Iterator[str]]:
    """The text lines of a plain, gzip or zip file (every member of a zip, in order)."""
    try:
        with open(path, "rb") as f:
            magic = f.read(4)
    except OSError as err:
        raise GdeltError(f"cannot read {path}: {err.strerror or err}") from None
    if magic.startswith(b"PK"):
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile as err:
            raise GdeltError(f"{path}: not a readable zip file ({err})") from None
        members = [m for m in archive.infolist() if not m.is_dir()]
        if not members:
            raise GdeltError(f"{path}: the zip file is empty")

        def zipped():
            for m in members:
                with archive.open(m) as raw:
                    yield from io.TextIOWrapper(raw, encoding="utf-8")

        try:
            yield zipped()
        finally:
            archive.close()
    elif magic.startswith(b"\x1f\x8b"):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            yield f
    else:
        with open(path, encoding="utf-8") as f:
            yield f


class _Mapper:
    """One GDELT row -> the staged event and source lines (tab-separated), or a skip reason."""

    def __init__(self):
        self.table = CameoTable.default()
        self._codes: dict[str, tuple[str, str] | None] = {}
        self._days: dict[str, str | None] = {}

    def plover(self, code: str) -> tuple[str, str] | None:
        if code not in self._codes:
            row = self.table.lookup(code)
            self._codes[code] = (row.event, row.mode) if row else None
        return self._codes[code]

    def day(self, text: str) -> str | None:
        if text not in self._days:
            try:
                value = dt.date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat() if len(text) == 8 and text.isdigit() else None
            except ValueError:
                value = None
            self._days[text] = value
        return self._days[text]


def _actor(country: str, group: str, code: str) -> str:
    if country:
        return country_to_iso(country)
    if group:
        return KNOWN_GROUPS.get(group, group)
    if code[:3] in ORGANISATION_KINDS:
        return code[:3]
    return ""


def _sector(type_code: str, actor_code: str) -> str:
    if not type_code:
        return "organisation" if actor_code[:3] in ORGANISATION_KINDS else ""
    return SECTOR_OF_AGENT.get(type_code[:3], "other")


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def import_gdelt(ledger: Ledger, paths: list[Path], chunk: int = CHUNK,
                 progress: Callable[[GdeltReport], None] | None = None) -> GdeltReport:  # fmt: skip
    """Import GDELT 2.0 event exports: every file is read and checked first, and only when all
    of them are well formed are they imported, `chunk` rows a transaction."""
    report = GdeltReport()
    began = time.perf_counter()
    mapper = _Mapper()
    paths = [Path(p) for p in paths]
    for path in paths:  # first pass: a malformed row anywhere stops the import before any write
        if sum(1 for _ in _rows(path, mapper)) == 0:
            raise GdeltError(f"{path}: no rows (expected a GDELT 2.0 events export: 61 tab-separated columns)")
    recorded = staging.now().isoformat(sep=" ")
    workdir = Path(tempfile.mkdtemp(prefix="legation-gdelt-"))
    try:
        for path in paths:
            report.files.append(str(path))
            _import_file(ledger, path, mapper, report, chunk, workdir, recorded, progress)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    report.seconds = round(time.perf_counter() - began, 3)
    return report


def _rows(path: Path, mapper: _Mapper) -> Iterator[tuple[list[str], str]]:
    """The rows of a file, checked: (columns, day). Raises GdeltError naming the line."""
    with open_lines(path) as lines:
        n = 0
        try:
            for n, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                f = line.rstrip("\n").rstrip("\r").split("\t")
                if len(f) != 61:
                    hint = " (it looks like a binary file)" if "\x00" in line else (
                        " (GDELT 1.0 exports have 57 or 58)" if len(f) in (57, 58) else "")
                    raise GdeltError(f"{path} line {n}: {len(f)} tab-separated columns; a GDELT 2.0 events "
                                     f"export has 61{hint}")  # fmt: skip
                gid, sqldate, code = f[0], f[1], f[26]
                if not gid.isdigit():
                    raise GdeltError(f"{path} line {n}: GLOBALEVENTID {gid[:40]!r} is not a number")
                day = mapper.day(sqldate)
                if day is None:
                    raise GdeltError(f"{path} line {n}: SQLDATE {sqldate[:40]!r} is not a date (YYYYMMDD)")
                if not code.isdigit() or len(code) > 4:
                    raise GdeltError(f"{path} line {n}: EventCode {code[:40]!r} is not a CAMEO code")
                yield f, day
        except UnicodeDecodeError:
            raise GdeltError(f"{path} line {n + 1}: not UTF-8 text (is this a GDELT events export?)") from None
        except (EOFError, OSError, zipfile.BadZipFile) as err:
            raise GdeltError(f"{path}: cannot be read to the end ({err})") from None


def _import_file(ledger, path, mapper, report, chunk, workdir, recorded, progress) -> None:
    events: dict[str, str] = {}
    sources: dict[str, str] = {}
    ord_ = 0
    for f, day in _rows(path, mapper):
        report.rows += 1
        code = f[26]
        plover = mapper.plover(code)
        if plover is None:
            report.skipped_no_plover += 1
            continue
        actor = _actor(f[7], f[8], f[5])
        target = _actor(f[17], f[18], f[15])
        if not actor and not target:
            report.skipped_no_actor += 1
            continue
        report.imported_rows += 1
        type_, mode = plover
        eid = staging.event_id("", type_, actor, target, "", day, "day", "", "asserted", "")
        if eid not in events:
            geo = _clean(f[52])
            note = f"CAMEO {code}" + (f"; {geo}" if geo else "")
            ord_ += 1
            events[eid] = "\t".join((eid, type_, mode, actor, target, day, note,
                                     _sector(f[12], f[5]), _sector(f[22], f[15]), str(ord_)))  # fmt: skip
        url = _clean(f[60].strip())
        gid = f[0]
        citation = url or f"GDELT 2.0 event {gid}"
        locator = f"GLOBALEVENTID {gid}"
        sid = staging.source_id(citation, DATASET, locator)
        sources[sid + eid] = "\t".join((eid, sid, citation, url, locator))
        if len(sources) >= chunk:
            _flush(ledger, events, sources, workdir, recorded, report)
            events, sources = {}, {}
            if progress:
                progress(report)
    _flush(ledger, events, sources, workdir, recorded, report)
    if progress:
        progress(report)


_EVENT_FILE_COLUMNS = {
    "id": "VARCHAR", "type": "VARCHAR", "mode": "VARCHAR", "actor": "VARCHAR", "target": "VARCHAR",
    "day": "VARCHAR", "note": "VARCHAR", "actor_sector": "VARCHAR", "target_sector": "VARCHAR", "ord": "BIGINT",
}  # fmt: skip
_SOURCE_FILE_COLUMNS = {"event_id": "VARCHAR", "id": "VARCHAR", "citation": "VARCHAR", "url": "VARCHAR", "locator": "VARCHAR"}


def _read_tsv(path: Path, columns: dict[str, str]) -> str:
    cols = "{" + ", ".join(f"'{k}': '{v}'" for k, v in columns.items()) + "}"
    literal = str(path).replace("'", "''")
    return (f"read_csv('{literal}', delim='\\t', header=false, quote='', escape='', auto_detect=false, "
            f"columns={cols})")  # fmt: skip


def _flush(ledger, events: dict[str, str], sources: dict[str, str], workdir: Path, recorded: str, report) -> None:
    if not events and not sources:
        return
    ev_path, src_path = workdir / "events.tsv", workdir / "sources.tsv"
    with open(ev_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(events.values()))
        f.write("\n")
    with open(src_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(sources.values()))
        f.write("\n")
    dataset = DATASET.replace("'", "''")
    licence = LICENCE.replace("'", "''")
    events_sql = f"""(SELECT id, '' AS subtype, type, coalesce(mode, '') AS mode, coalesce(actor, '') AS actor,
        coalesce(target, '') AS target, '' AS third, '' AS place, '' AS mclass, '' AS city, '' AS mission_kind,
        day AS date_value, 'day' AS date_precision, CAST(day AS DATE) AS date_start, CAST(day AS DATE) AS date_end,
        'asserted' AS modality, '' AS attributed_to, coalesce(note, '') AS note, CAST(NULL AS BOOLEAN) AS verified,
        CAST(1.0 AS DOUBLE) AS confidence, CAST(NULL AS DOUBLE) AS quantity_value,
        CAST(NULL AS VARCHAR) AS quantity_qualifier, CAST(NULL AS VARCHAR) AS quantity_unit, '' AS location,
        '' AS attribution_cue, coalesce(actor_sector, '') AS actor_sector, coalesce(target_sector, '') AS target_sector,
        TIMESTAMP '{recorded}' AS recorded_at, ord
        FROM {_read_tsv(ev_path, _EVENT_FILE_COLUMNS)})"""
    sources_sql = f"""(SELECT event_id, id, citation, coalesce(url, '') AS url, '{dataset}' AS dataset,
        '{licence}' AS licence, locator FROM {_read_tsv(src_path, _SOURCE_FILE_COLUMNS)})"""
    with ledger.transaction():  # one batch: its events, their sources and links together
        merged = staging.merge(ledger, events_sql, sources_sql)
    report.events_new += merged.events_new
    report.sources_new += merged.sources_new
    os.remove(ev_path)
    os.remove(src_path)
