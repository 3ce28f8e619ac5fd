"""Events out of the ledger in the formats the field uses, and Legation's own exports back in.

Exports (all take the same filters: `since`/`until` on an event's first day, `actor` on
either side of it or the protected state):

- `csv`: one row per event, every ledger column, and `sources` as a JSON list;
- `parquet`: the same columns, `sources` as a list of structs and `provenance` (the document,
  sentence and characters of each event read from text), written by DuckDB (`COPY`); query it
  with `SELECT * FROM 'events.parquet'`;
- `plover-json`: a JSON list of records in the shape of the PLOVER gold standard (`event`,
  `mode`, `source`/`target` actors with codes and CAMEO sector codes, `date`, `text` when the
  event was read from an article), each with a `legation` block holding every ledger column
  and the event's `sources`;
- `cameo-tsv`: CAMEO-coded, tab-separated: actors as CAMEO country + agent codes, the event
  as a CAMEO code (the GDELT row's own code where the event came from GDELT, else the
  representative code of its PLOVER type and mode, `data/cameo_plover.csv`), root, quad class.

Imports (`import_files`) read `csv`, `parquet` and `plover-json` as written above, check that
every event's id is the digest of its content (an edited row would otherwise carry a false
id) and every source's id that of its citation, all files in full before anything is
written, and merge with the ledger's rules, a chunk of events a transaction. Exported
then imported into a new file, a ledger comes back the same: same events (ids, seq, every
column, recording times), same sources and links. A new file first gets the reference tables
every Legation database has (bloc names, the attributes of listed missions), as `legation
load` writes them, so that its answers are the same too. A PLOVER JSON file from elsewhere
(no `legation` block: the gold standard's own records) is imported as asserted events, the
first source and target actor of each record, dated by its `date`, cited by its id.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..dates import PRECISIONS, FuzzyDate
from ..ledger import EVENT_COLUMNS, Ledger
from ..model import Modality, mission_class, mission_key, place_key
from . import staging
from .cameo import AGENT_OF_SECTOR, CameoTable, actor_code, country_to_iso, iso_to_country, quad_class, sector_of_agent

EXPORT_FORMATS = ("plover-json", "cameo-tsv", "csv", "parquet")
IMPORT_FORMATS = ("plover-json", "csv", "parquet")
SOURCE_FIELDS = ("id", "citation", "url", "dataset", "licence", "locator")
FETCH = 20_000


class ExchangeError(ValueError):
    """A file that cannot be exported to or imported from; names the file and the row."""


def _literal(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


# -- choosing events -----------------------------------------------------------------------


@dataclass
class EventFilter:
    since: str | None = None
    until: str | None = None
    actor: str | None = None  # a code, already resolved

    def where(self) -> tuple[str, dict]:
        where, params = ["TRUE"], {}
        if self.since:
            params["since"] = FuzzyDate.parse(self.since).start
            where.append("e.date_start >= $since")
        if self.until:
            params["until"] = FuzzyDate.parse(self.until).end
            where.append("e.date_start <= $until")
        if self.actor:
            params["actor"] = self.actor
            where.append("(e.actor = $actor OR e.target = $actor OR e.third = $actor)")
        return " AND ".join(where), params


# An export first copies the chosen events, in seq order, to a scratch table, and their
# sources to another, sorted the same way (DuckDB spills both to disk when memory is short);
# then it builds each event's list of sources `CHUNK_EVENTS` events at a time. A list
# aggregate cannot spill, and one GROUP BY over every link of a large ledger held 1.9 GB for
# 815,000 sources; a chunk of 5,000 events holds a few MB.
CHUNK_EVENTS = 5_000
_SOURCE_STRUCT = "{'id': id, 'citation': citation, 'url': url, 'dataset': dataset, 'licence': licence, 'locator': locator}"
_PROVENANCE_STRUCT = (
    "{'document': substr(dataset, 10), "
    "'sentence': TRY_CAST(regexp_extract(locator, 'sentence (\\d+)', 1) AS INTEGER), "
    "'span_start': TRY_CAST(regexp_extract(locator, 'characters (\\d+)-(\\d+)', 1) AS INTEGER), "
    "'span_end': TRY_CAST(regexp_extract(locator, 'characters (\\d+)-(\\d+)', 2) AS INTEGER)}"
)
CHUNK_SQL = f"""
    SELECT {", ".join(f"x.{c}" for c in EVENT_COLUMNS)},
           coalesce(l.sources, []) AS sources,
           coalesce(l.provenance, []) AS provenance
    FROM legation_export_events x LEFT JOIN (
        SELECT n, list({_SOURCE_STRUCT} ORDER BY k) AS sources,
               list({_PROVENANCE_STRUCT} ORDER BY k) FILTER (WHERE dataset LIKE 'document %') AS provenance
        FROM legation_export_links WHERE n BETWEEN $lo AND $hi GROUP BY n
    ) l ON l.n = x.n
    WHERE x.n BETWEEN $lo AND $hi ORDER BY x.n"""


class _Chosen:
    """The chosen events and their sources in scratch tables, for the length of an export."""

    def __init__(self, ledger: Ledger, flt: EventFilter):
        self.con = ledger.con
        cond, params = flt.where()
        cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        self.con.execute(
            f"""CREATE OR REPLACE TEMP TABLE legation_export_events AS
                SELECT row_number() OVER (ORDER BY e.seq) AS n, {cols} FROM events e WHERE {cond} ORDER BY e.seq""",
            params,
        )
        self.con.execute(
            """CREATE OR REPLACE TEMP TABLE legation_export_links AS
               SELECT x.n, row_number() OVER (PARTITION BY x.n ORDER BY s.dataset, s.citation, s.locator) AS k,
                      s.id, s.citation, s.url, s.dataset, s.licence, s.locator
               FROM legation_export_events x JOIN event_sources es ON es.event_id = x.id
               JOIN sources s ON s.id = es.source_id ORDER BY x.n, k"""
        )
        self.count = self.con.execute("SELECT count(*) FROM legation_export_events").fetchone()[0]

    def ranges(self) -> list[dict]:
        """At least one range (an empty export still writes its header or schema)."""
        return [{"lo": a, "hi": a + CHUNK_EVENTS - 1} for a in range(1, max(self.count, 1) + 1, CHUNK_EVENTS)]

    def close(self) -> None:
        for t in ("legation_export_events", "legation_export_links"):
            self.con.execute(f"DROP TABLE IF EXISTS {t}")

    def __enter__(self) -> "_Chosen":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _stream(ledger: Ledger, flt: EventFilter) -> Iterator[dict]:
    """The chosen events, oldest recording first, each with its sources (a chunk at a time)."""
    with _Chosen(ledger, flt) as chosen:
        for params in chosen.ranges():
            cur = ledger.con.execute(CHUNK_SQL, params)
            names = [d[0] for d in cur.description]
            rows = cur.fetchall()  # a chunk: the connection is free again before the rows are used
            for r in rows:
                yield dict(zip(names, r))


# -- exports -------------------------------------------------------------------------------


def _copy_chunks(ledger: Ledger, select: str, flt: EventFilter, out: Path | None, fmt: str) -> int:
    """DuckDB COPY of each chunk of events, joined into one file (or written to stdout)."""
    work = Path(tempfile.mkdtemp(prefix="legation-export-"))
    try:
        parts, count = [], 0
        with _Chosen(ledger, flt) as chosen:
            for i, params in enumerate(chosen.ranges()):
                part = work / f"part-{i:06d}.{fmt}"
                options = "FORMAT parquet" if fmt == "parquet" else f"HEADER {'true' if i == 0 else 'false'}, DELIMITER ','"
                count += ledger.con.execute(f"COPY ({select}) TO {_literal(part)} ({options})", params).fetchone()[0]
                parts.append(part)
        if fmt == "parquet":
            files = "[" + ", ".join(_literal(p) for p in parts) + "]"
            # Smaller row groups than DuckDB's default (122,880 rows): the writer holds one in
            # memory, and rows with lists of sources are wide.
            ledger.con.execute(f"COPY (SELECT * FROM read_parquet({files})) TO {_literal(out)} "
                               "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 20000)")  # fmt: skip
            return count
        target = open(out, "wb") if out is not None else None
        try:
            sink = target or sys.stdout.buffer
            sys.stdout.flush()
            for part in parts:
                with open(part, "rb") as f:
                    shutil.copyfileobj(f, sink)
            sink.flush()
        finally:
            if target is not None:
                target.close()
        return count
    finally:
        shutil.rmtree(work, ignore_errors=True)


def export_csv(ledger: Ledger, out: Path | None, flt: EventFilter) -> int:
    cols = ", ".join(EVENT_COLUMNS)
    return _copy_chunks(ledger, f"SELECT {cols}, to_json(sources) AS sources FROM ({CHUNK_SQL})", flt, out, "csv")


def export_parquet(ledger: Ledger, out: Path, flt: EventFilter) -> int:
    return _copy_chunks(ledger, CHUNK_SQL, flt, out, "parquet")


def _value(v):
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat(sep=" ") if isinstance(v, dt.datetime) else v.isoformat()
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return v
    return v


def export_plover_json(ledger: Ledger, out, flt: EventFilter, gaz) -> int:
    """A JSON list, written as it is read (memory stays flat)."""
    n = 0
    out.write("[")
    for chunk in _chunks(_stream(ledger, flt), 2_000):
        texts = _sentences(ledger, chunk)
        for e in chunk:
            out.write(",\n" if n else "\n")
            out.write(json.dumps(plover_record(e, gaz, texts.get(e["id"])), ensure_ascii=False))
            n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def _chunks(it, size):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _sentences(ledger: Ledger, events: list[dict]) -> dict[str, str]:
    """The sentence each event read from an article was read from."""
    wanted = {}
    for e in events:
        for p in e["provenance"] or []:
            if p["span_start"] is not None:
                wanted[e["id"]] = (p["document"], p["span_start"], p["span_end"])
                break
    if not wanted:
        return {}
    docs = dict(ledger.con.execute(
        "SELECT id, text FROM documents WHERE id IN (SELECT unnest($1))", [sorted({d for d, _, _ in wanted.values()})]
    ).fetchall())  # fmt: skip
    return {eid: " ".join(docs[d][a:b].split()) for eid, (d, a, b) in wanted.items() if d in docs}


def _actor_json(code: str, sector: str, gaz) -> list[dict]:
    if not code:
        return []
    try:
        name = gaz.get(code).name
    except KeyError:
        name = code
    actor = {"actorText": name, "code": code}
    agent = AGENT_OF_SECTOR.get(sector or "")
    if agent:
        actor["sector"] = agent
    return [actor]


def plover_record(e: dict, gaz, text: str | None = None) -> dict:
    record = {
        "id": e["id"],
        "date": e["date_value"],
        "event": e["type"] or None,
        "mode": e["mode"] or "",
        "source": _actor_json(e["actor"], e["actor_sector"], gaz),
        "target": _actor_json(e["target"], e["target_sector"], gaz),
    }
    if e["city"] or e["location"]:
        record["eventLoc"] = {"name": e["city"] or None, "country code": e["location"] or e["target"] or None}
    if text:
        record["text"] = text
        record["language"] = "en"
    record["legation"] = {c: _value(e[c]) for c in EVENT_COLUMNS if c != "id"}
    record["sources"] = [dict(s) for s in e["sources"]]
    return record


TSV_COLUMNS = (
    "event_id", "date", "date_precision", "source_country", "source_code", "target_country", "target_code",
    "cameo_code", "cameo_root", "quad_class", "cameo_origin", "plover_type", "plover_mode", "subtype",
    "modality", "source_url", "n_sources",
)  # fmt: skip


# CAMEO codes for what the PLOVER crosswalk maps too narrowly. The codebook's SANCTION
# "discontinue" curtails diplomatic, commercial or material exchanges, while the crosswalk
# gives it only 162 (reduce aid); 160 (reduce relations) holds for all of them. Events about
# missions and envoys are diplomatic: 161 (reduce or break diplomatic relations).
CAMEO_OF_MODE = {("SANCTION", "discontinue"): "160"}
CAMEO_OF_SUBTYPE = {"mission_closed": "161", "mission_suspended": "161", "envoy_recalled": "161", "envoy_expelled": "161"}


def export_cameo_tsv(ledger: Ledger, out, flt: EventFilter, gaz) -> int:
    table = CameoTable.default()
    kinds: dict[str, bool] = {}

    def is_state(code: str) -> bool:
        if code not in kinds:
            try:
                kinds[code] = gaz.get(code).kind in ("state", "territory")
            except KeyError:
                kinds[code] = False
        return kinds[code]

    out.write("\t".join(TSV_COLUMNS) + "\n")
    n = 0
    for e in _stream(ledger, flt):
        code, origin = "", ""
        note = e["note"] or ""
        if note.startswith("CAMEO ") and note[6:].split(";")[0].strip().isdigit():
            code, origin = note[6:].split(";")[0].strip(), "gdelt"
        elif e["type"]:
            code = CAMEO_OF_SUBTYPE.get(e["subtype"] or "") or CAMEO_OF_MODE.get((e["type"], e["mode"] or "")) or (
                table.representative(e["type"], e["mode"] or ""))
            origin = "mapped" if code else ""
        first = e["sources"][0] if e["sources"] else {}
        row = (
            e["id"], e["date_value"] or "", e["date_precision"],
            iso_to_country(e["actor"]) if is_state(e["actor"]) else "",
            actor_code(e["actor"], e["actor_sector"], is_state(e["actor"])),
            iso_to_country(e["target"]) if is_state(e["target"]) else "",
            actor_code(e["target"], e["target_sector"], is_state(e["target"])),
            code, code[:2], str(quad_class(code) or ""), origin, e["type"] or "", e["mode"] or "", e["subtype"],
            e["modality"], first.get("url") or first.get("citation") or "", str(len(e["sources"])),
        )  # fmt: skip
        out.write("\t".join(_tsv(v) for v in row) + "\n")
        n += 1
    return n


def _tsv(v) -> str:
    return str(v).replace("\t", " ").replace("\n", " ").replace("\r", " ")


# -- imports -------------------------------------------------------------------------------


@dataclass
class ImportReport:
    files: list[str]
    events_in_files: int = 0
    events_new: int = 0
    sources_new: int = 0
    links_new: int = 0
    reference_tables: bool = False  # the file was new: bloc names and listing attributes added

    def to_json(self) -> dict:
        return dict(self.__dict__)


def prepare_new(ledger: Ledger) -> bool:
    """A ledger with nothing in it gets the reference tables every Legation database has (the
    bloc names, the attributes of listed missions), without their events."""
    counts = ledger.counts()
    if counts["events"] or counts["blocs"] or counts["listings"]:
        return False
    from ..model import Source
    from ..reference.loaders import LISTING_CITATION, bloc_rows, listing_rows

    ledger.add_blocs(bloc_rows())
    ledger.add_listings(
        listing_rows(),
        Source(citation=LISTING_CITATION, dataset="missions/database_of_embassies_slim.csv", licence="CC0 (Wikidata)"),
    )
    return True


CHUNK_IMPORT = 50_000


def import_files(ledger: Ledger, fmt: str, paths: list[Path], chunk: int = CHUNK_IMPORT) -> ImportReport:
    """Import Legation's own exports. Every file is read into scratch tables and checked in
    full first; a file that fails stops the import before anything is written. Then the
    events are merged `chunk` at a time, each chunk one transaction (an import stopped half-way
    leaves whole events with their sources; running it again completes it)."""
    if fmt not in IMPORT_FORMATS:
        raise ExchangeError(f"cannot import {fmt!r}; choose one of {', '.join(IMPORT_FORMATS)} (or gdelt)")
    report = ImportReport(files=[str(p) for p in paths])
    workdir = Path(tempfile.mkdtemp(prefix="legation-import-"))
    scratch: list[str] = []
    try:
        staged = []
        for i, path in enumerate(paths):
            scratch += [f"legation_import_events_{i}", f"legation_import_sources_{i}"]
            staged.append((i, _stage_file(ledger, fmt, Path(path), workdir, i)))
        with ledger.transaction():
            report.reference_tables = prepare_new(ledger)
        for i, n in staged:
            report.events_in_files += n
            for lo in range(1, n + 1, chunk):
                hi = lo + chunk - 1
                with ledger.transaction():  # one chunk: its events, their sources and links together
                    merged = staging.merge(
                        ledger,
                        f"(SELECT * FROM legation_import_events_{i} WHERE ord BETWEEN {lo} AND {hi})",
                        f"(SELECT * FROM legation_import_sources_{i} WHERE ord BETWEEN {lo} AND {hi})",
                    )
                report.events_new += merged.events_new
                report.sources_new += merged.sources_new
                report.links_new += merged.links_new
    finally:
        for t in ("legation_import_raw", "legation_import_events", "legation_import_sources", *scratch):
            try:
                ledger.con.execute(f"DROP TABLE IF EXISTS {t}")
            except duckdb.Error:
                pass
        shutil.rmtree(workdir, ignore_errors=True)
    return report


_REQUIRED = tuple(c for c in EVENT_COLUMNS if c not in ("seq", "recorded_at", "place", "mclass")) + ("sources",)
_SOURCES_JSON_TYPE = '[{"id": "VARCHAR", "citation": "VARCHAR", "url": "VARCHAR", "dataset": "VARCHAR", "licence": "VARCHAR", "locator": "VARCHAR"}]'


def _stage_file(ledger: Ledger, fmt: str, path: Path, workdir: Path, i: int) -> int:
    """Read, type and check one file into scratch tables legation_import_events_{i} and
    legation_import_sources_{i}, both in `ord` order; the number of events."""
    if not path.is_file():
        raise ExchangeError(f"cannot read {path}: no such file")
    con = ledger.con
    if fmt == "plover-json":
        csv_path = workdir / (path.name + ".csv")
        plover_json_to_csv(path, csv_path)
        fmt, source = "csv", csv_path
    else:
        source = path
    try:
        if fmt == "parquet":
            con.execute(f"CREATE OR REPLACE TEMP TABLE legation_import_raw AS "
                        f"SELECT *, file_row_number + 1 AS _row FROM read_parquet({_literal(source)}, file_row_number = true)")  # fmt: skip
        else:
            _check_text(path)
            con.execute(
                f"""CREATE OR REPLACE TEMP TABLE legation_import_raw AS
                    SELECT *, row_number() OVER () AS _row FROM read_csv({_literal(source)}, header = true,
                        delim = ',', quote = '"', escape = '"', all_varchar = true, allow_quoted_nulls = false,
                        strict_mode = true, null_padding = false)"""
            )
    except duckdb.Error as err:
        raise ExchangeError(f"{path}: not a Legation {fmt} export ({str(err).splitlines()[0]})") from None
    columns = [r[0] for r in con.execute("DESCRIBE legation_import_raw").fetchall()]
    missing = [c for c in _REQUIRED if c not in columns]
    if missing:
        raise ExchangeError(f"{path}: not a Legation {fmt} export: missing column(s) {', '.join(missing)}")
    if not con.execute("SELECT count(*) FROM legation_import_raw").fetchone()[0]:
        raise ExchangeError(f"{path}: no events")
    _stage(ledger, path, fmt, "seq" in columns, "recorded_at" in columns)
    con.execute("DROP TABLE legation_import_raw")  # staged and typed: the raw copy is not needed
    _validate(ledger, path)
    con.execute(f"CREATE OR REPLACE TEMP TABLE legation_import_events_{i} AS SELECT * FROM legation_import_events ORDER BY ord")
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE legation_import_sources_{i} AS
            SELECT s.*, e.ord FROM legation_import_sources s JOIN legation_import_events e ON e._row = s._row ORDER BY e.ord"""
    )
    con.execute("DROP TABLE legation_import_events")
    con.execute("DROP TABLE legation_import_sources")
    return con.execute(f"SELECT count(*) FROM legation_import_events_{i}").fetchone()[0]


def _check_text(path: Path) -> None:
    with open(path, "rb") as f:
        head = f.read(4096)
    if b"\x00" in head:
        raise ExchangeError(f"{path}: looks like a binary file, not a CSV export")


_TYPED = {"seq": "BIGINT", "date_start": "DATE", "date_end": "DATE", "verified": "BOOLEAN", "confidence": "DOUBLE",
          "quantity_value": "DOUBLE", "recorded_at": "TIMESTAMP"}  # fmt: skip


def _stage(ledger: Ledger, path: Path, fmt: str, has_seq: bool, has_recorded: bool) -> None:
    con = ledger.con
    # Typed columns: a value that does not convert is named with its row.
    for col, typ in _TYPED.items():
        if col in ("seq",) and not has_seq or col == "recorded_at" and not has_recorded:
            continue
        bad = con.execute(
            f"""SELECT _row, CAST({col} AS VARCHAR) FROM legation_import_raw
                WHERE {col} IS NOT NULL AND CAST({col} AS VARCHAR) <> '' AND TRY_CAST(CAST({col} AS VARCHAR) AS {typ}) IS NULL
                ORDER BY _row LIMIT 1"""
        ).fetchone()
        if bad:
            raise ExchangeError(f"{path} row {bad[0]}: {col} {bad[1]!r} is not a {typ.lower()}")
    now = staging.now().isoformat(sep=" ")

    def typed(col: str) -> str:
        if col in _TYPED:
            if col == "recorded_at":  # a row with no recording time is recorded now
                if not has_recorded:
                    return f"TIMESTAMP '{now}' AS recorded_at"
                return f"coalesce(TRY_CAST(nullif(CAST(recorded_at AS VARCHAR), '') AS TIMESTAMP), TIMESTAMP '{now}') AS recorded_at"
            return f"TRY_CAST(nullif(CAST({col} AS VARCHAR), '') AS {_TYPED[col]}) AS {col}"
        if col in ("place", "mclass"):
            return f"'' AS {col}"  # recomputed from city and mission_kind (in _validate)
        if col in staging.TEXT_NOT_NULL:
            return f"coalesce(CAST({col} AS VARCHAR), '') AS {col}"
        return f"nullif(CAST({col} AS VARCHAR), '') AS {col}"

    order = "coalesce(TRY_CAST(CAST(seq AS VARCHAR) AS BIGINT), 0), _row" if has_seq else "_row"
    select = ", ".join(typed(c) for c in staging.STAGED_EVENT_COLUMNS)
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE legation_import_events AS
            SELECT {select}, row_number() OVER (ORDER BY {order}) AS ord, _row FROM legation_import_raw"""
    )
    if fmt == "parquet":
        sources = "sources"
    else:
        bad = con.execute(
            f"""SELECT _row FROM legation_import_raw
                WHERE sources IS NOT NULL AND sources <> '' AND TRY(from_json(sources, '{_SOURCES_JSON_TYPE}')) IS NULL
                ORDER BY _row LIMIT 1"""
        ).fetchone()
        if bad:
            raise ExchangeError(f"{path} row {bad[0]}: sources is not a JSON list of sources")
        sources = f"from_json(coalesce(nullif(sources, ''), '[]'), '{_SOURCES_JSON_TYPE}')"
    try:
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE legation_import_sources AS
                SELECT r.id AS event_id, s.id AS given_id, CAST(NULL AS VARCHAR) AS id, s.citation,
                       coalesce(s.url, '') AS url, coalesce(s.dataset, '') AS dataset,
                       coalesce(s.licence, '') AS licence, coalesce(s.locator, '') AS locator, r._row
                FROM (SELECT id, _row, {sources} AS srcs FROM legation_import_raw) r, unnest(r.srcs) AS t(s)"""
        )
    except duckdb.Error as err:
        raise ExchangeError(f"{path}: the sources column cannot be read ({str(err).splitlines()[0]})") from None


def _validate(ledger: Ledger, path: Path) -> None:
    """Every event's id is the digest of its content, and place/mclass follow from its city
    and mission kind; every source's id is the digest of its citation. Fills in place, mclass
    and source ids."""
    con = cur = ledger.con  # one connection: the staged tables are temporary, the transaction open
    cur.execute(
        """SELECT _row, id, subtype, type, actor, target, third, date_value, date_precision, city, mission_kind,
                  modality, attributed_to, date_start, date_end
           FROM legation_import_events ORDER BY ord"""
    )
    modalities = {m.value for m in Modality}
    fixes: list[tuple[str, str, str]] = []
    while rows := cur.fetchmany(FETCH):
        for (row, eid, subtype, type_, actor, target, third, value, precision, city, kind, modality, attributed,
             start, end) in rows:  # fmt: skip
            where = f"{path} row {row}"
            if not eid:
                raise ExchangeError(f"{where}: no event id")
            if modality not in modalities:
                raise ExchangeError(f"{where}: unknown modality {modality!r}")
            if precision not in PRECISIONS:
                raise ExchangeError(f"{where}: unknown date precision {precision!r}")
            if (value is None) != (precision == "unknown") or value is not None and (start is None or end is None):
                raise ExchangeError(f"{where}: the date ({value!r}, {precision}) and its first and last days disagree")
            if not actor and not target:
                raise ExchangeError(f"{where}: an event needs an actor or a target")
            mission = mission_key(actor, target, city, kind) if kind else ""
            expected = staging.event_id(subtype, type_, actor, target, third, value or "", precision if value else "unknown",
                                        mission or city, modality, attributed)  # fmt: skip
            if expected != eid:
                raise ExchangeError(f"{where}: event id {eid} is not the digest of the row's content "
                                    f"(expected {expected}); was the row edited?")  # fmt: skip
            if kind:
                fixes.append((eid, place_key(city), mission_class(kind)))
    if fixes:
        con.execute("CREATE OR REPLACE TEMP TABLE legation_import_fix (id VARCHAR, place VARCHAR, mclass VARCHAR)")
        _insert_rows(con, "legation_import_fix", fixes)
        con.execute(
            """UPDATE legation_import_events e SET place = f.place, mclass = f.mclass
               FROM (SELECT DISTINCT id, place, mclass FROM legation_import_fix) f WHERE f.id = e.id"""
        )
        con.execute("DROP TABLE legation_import_fix")
    con.execute("UPDATE legation_import_sources SET id = given_id")
    cur.execute("SELECT _row, given_id, citation, dataset, locator FROM legation_import_sources")
    ids: list[tuple[str, str, str, str]] = []
    while rows := cur.fetchmany(FETCH):
        for row, given, citation, dataset, locator in rows:
            if not citation:
                raise ExchangeError(f"{path} row {row}: a source has no citation")
            sid = staging.source_id(citation, dataset or "", locator or "")
            if given and given != sid:
                raise ExchangeError(f"{path} row {row}: source id {given} is not the digest of its citation, "
                                    f"dataset and locator (expected {sid})")  # fmt: skip
            if not given:
                ids.append((citation, dataset or "", locator or "", sid))
    if ids:
        con.execute("CREATE OR REPLACE TEMP TABLE legation_import_sid (citation VARCHAR, dataset VARCHAR, locator VARCHAR, id VARCHAR)")
        _insert_rows(con, "legation_import_sid", ids)
        con.execute(
            """UPDATE legation_import_sources s SET id = k.id
               FROM (SELECT DISTINCT citation, dataset, locator, id FROM legation_import_sid) k
               WHERE k.citation = s.citation AND k.dataset = s.dataset AND k.locator = s.locator"""
        )
        con.execute("DROP TABLE legation_import_sid")


def _insert_rows(con, table: str, rows: list[tuple]) -> None:
    """Rows into a scratch table through a tab-separated file DuckDB reads itself (far faster
    than passing Python lists). Values here are ids, codes, citations: tabs and line breaks
    are not allowed in them, and are refused."""
    fd, name = tempfile.mkstemp(prefix="legation-", suffix=".tsv")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            for r in rows:
                values = ["" if v is None else str(v) for v in r]
                if any(("\t" in v or "\n" in v or "\r" in v) for v in values):
                    raise ExchangeError(f"a value contains a tab or a line break: {values!r}")
                f.write("\t".join(values) + "\n")
        n = len(rows[0])
        cols = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(n)) + "}"
        con.execute(
            f"""INSERT INTO {table} SELECT * FROM read_csv({_literal(name)}, delim = '\\t', header = false, quote = '',
                escape = '', auto_detect = false, columns = {cols})"""
        )
        # read_csv reads empty fields as NULL; the scratch tables want ''.
        for (col,) in con.execute(f"SELECT column_name FROM (DESCRIBE {table})").fetchall():
            con.execute(f"UPDATE {table} SET {col} = '' WHERE {col} IS NULL")
    finally:
        os.remove(name)


# -- PLOVER JSON -> Legation CSV -------------------------------------------------------------


def plover_json_to_csv(path: Path, out: Path) -> int:
    """Records of a PLOVER JSON file as rows of Legation's CSV export."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ExchangeError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as err:
        raise ExchangeError(f"{path}: not JSON ({err})") from None
    if not isinstance(data, list):
        raise ExchangeError(f"{path}: expected a JSON list of PLOVER records")
    rows = []
    for i, record in enumerate(data, start=1):
        if not isinstance(record, dict):
            raise ExchangeError(f"{path} record {i}: not a JSON object")
        if record.get("event") == "DOCUMENT":
            continue  # the gold standard's notes about itself
        rows.append(_row_of_record(record, path, i))
    if not rows:
        raise ExchangeError(f"{path}: no event records")
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow([*EVENT_COLUMNS, "sources"])
        w.writerows(rows)
    return len(rows)


def _csv_value(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _row_of_record(record: dict, path: Path, i: int) -> list:
    where = f"{path} record {i}"
    block = record.get("legation")
    if block is not None:
        if not isinstance(block, dict):
            raise ExchangeError(f"{where}: 'legation' is not an object")
        values = {"id": record.get("id"), **block}
        missing = [c for c in EVENT_COLUMNS if c not in values and c not in ("place", "mclass", "seq", "recorded_at")]
        if missing:
            raise ExchangeError(f"{where}: the legation block lacks {', '.join(missing)}")
        sources = record.get("sources") or []
        if not isinstance(sources, list):
            raise ExchangeError(f"{where}: 'sources' is not a list")
        row = [_csv_value(values.get(c)) for c in EVENT_COLUMNS]
        # '' and None differ for a few columns (no date, no quantity): keep None as NULL
        return row + [json.dumps(sources, ensure_ascii=False)]
    return _row_of_foreign_record(record, where, path)


def _row_of_foreign_record(record: dict, where: str, path: Path) -> list:
    """A record of the PLOVER gold standard (or any coder's PLOVER JSON): event, mode, date,
    actors with codes and sectors."""
    from ..model import Event, Source

    event = record.get("event")
    if not isinstance(event, str) or not event:
        raise ExchangeError(f"{where}: no 'event' (a PLOVER type)")
    event = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}.get(event, event)

    def first(side):
        actors = record.get(side) or []
        if not isinstance(actors, list):
            raise ExchangeError(f"{where}: '{side}' is not a list of actors")
        a = actors[0] if actors else {}
        if not isinstance(a, dict):
            raise ExchangeError(f"{where}: '{side}' is not a list of actors")
        return country_to_iso(str(a.get("code") or "")), sector_of_agent(str(a.get("sector") or ""))

    (actor, asector), (target, tsector) = first("source"), first("target")
    if not actor and not target:
        raise ExchangeError(f"{where}: no source or target actor code")
    try:
        date = FuzzyDate.parse(record.get("date")) if record.get("date") else None
    except ValueError as err:
        raise ExchangeError(f"{where}: {err}") from None
    rid = str(record.get("id") or f"record {where.rsplit(' ', 1)[-1]}")
    citation = str(record.get("publication") or rid)
    e = Event(subtype="", actor=actor, target=target, date=date, plover_type=event, plover_mode=str(record.get("mode") or "").strip(),
              actor_sector=asector, target_sector=tsector, note=str(record.get("eventText") or ""),
              sources=(Source(citation=citation, dataset=path.name, licence=str(record.get("license") or ""), locator=rid),))  # fmt: skip
    values = {
        "id": e.id, "seq": "", "subtype": "", "type": e.type, "mode": e.mode, "actor": actor, "target": target,
        "third": "", "place": "", "mclass": "", "city": "", "mission_kind": "",
        "date_value": date.value if date else None, "date_precision": date.precision if date else "unknown",
        "date_start": date.start.isoformat() if date else None, "date_end": date.end.isoformat() if date else None,
        "modality": "asserted", "attributed_to": "", "note": e.note, "verified": None, "confidence": 1.0,
        "quantity_value": None, "quantity_qualifier": None, "quantity_unit": None, "location": "",
        "attribution_cue": "", "actor_sector": asector, "target_sector": tsector, "recorded_at": "",
    }  # fmt: skip
    src = e.sources[0]
    sources = [{"id": src.id, "citation": src.citation, "url": src.url, "dataset": src.dataset,
                "licence": src.licence, "locator": src.locator}]  # fmt: skip
    return [_csv_value(values[c]) for c in EVENT_COLUMNS] + [json.dumps(sources, ensure_ascii=False)]


def write_text(out: Path | None, writer) -> int:
    """Run `writer(stream)` on a file (atomically: a failed export leaves no partial file) or
    on stdout."""
    if out is None:
        return writer(sys.stdout)
    tmp = out.with_name(out.name + ".partial")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            n = writer(f)
        os.replace(tmp, out)
        return n
    finally:
        if tmp.exists():
            tmp.unlink()


__all__ = [
    "EXPORT_FORMATS", "IMPORT_FORMATS", "EventFilter", "ExchangeError", "ImportReport", "export_cameo_tsv",
    "export_csv", "export_parquet", "export_plover_json", "import_files", "plover_record", "write_text",
]  # fmt: skip
