"""The store: an append-only, sourced event ledger in one DuckDB file.

Events are never updated or deleted; a correction is a new event. An event's id is a digest
of its content, so writing the same event again (from the same file, or from another source)
adds nothing but, at most, one more source link. Every write is one transaction: a batch is
stored whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .model import Document, Event, Source

SCHEMA_VERSION = "3"
APPLICATION = "legation"

EVENTS_TABLE = """
CREATE TABLE IF NOT EXISTS {name} (
    id VARCHAR PRIMARY KEY,
    seq BIGINT NOT NULL,
    subtype VARCHAR NOT NULL,
    type VARCHAR,
    mode VARCHAR,
    actor VARCHAR NOT NULL,
    target VARCHAR,
    third VARCHAR,
    place VARCHAR,  -- the mission's city, folded for matching ('bogota')
    mclass VARCHAR,  -- 'embassy' or 'consulate': with actor, target and place, names a mission
    city VARCHAR,
    mission_kind VARCHAR,
    date_value VARCHAR,
    date_precision VARCHAR NOT NULL,
    date_start DATE,
    date_end DATE,
    modality VARCHAR NOT NULL,
    attributed_to VARCHAR,
    note VARCHAR,
    verified BOOLEAN,
    confidence DOUBLE,
    quantity_value DOUBLE,
    quantity_qualifier VARCHAR,
    quantity_unit VARCHAR,
    location VARCHAR,
    attribution_cue VARCHAR,
    actor_sector VARCHAR,
    target_sector VARCHAR,
    recorded_at TIMESTAMP NOT NULL
);
"""

SCHEMA = EVENTS_TABLE.format(name="events") + """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS sources (
    id VARCHAR PRIMARY KEY,
    citation VARCHAR NOT NULL,
    url VARCHAR,
    dataset VARCHAR,
    licence VARCHAR,
    locator VARCHAR
);
CREATE TABLE IF NOT EXISTS event_sources (
    event_id VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    PRIMARY KEY (event_id, source_id)
);
CREATE TABLE IF NOT EXISTS listings (
    id VARCHAR PRIMARY KEY,  -- QID/sender: the listing has one QID under two operators
    qid VARCHAR NOT NULL,
    mission VARCHAR NOT NULL,
    sender VARCHAR NOT NULL,
    host VARCHAR NOT NULL,
    city VARCHAR,
    city_normalised VARCHAR,
    city_note VARCHAR,
    kind VARCHAR,
    created_value VARCHAR,
    created_precision VARCHAR,
    created_start DATE,
    accredited_to VARCHAR[],
    lat DOUBLE,
    lon DOUBLE,
    website VARCHAR,
    source_id VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,  -- digest of the text: the same story under two URLs is one document
    title VARCHAR,
    url VARCHAR,
    published_value VARCHAR,
    published_precision VARCHAR,
    author VARCHAR,
    origin VARCHAR,
    text VARCHAR NOT NULL,
    read_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS blocs (
    code VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    kind VARCHAR,
    description VARCHAR,
    source VARCHAR
);
"""

EVENT_COLUMNS = (
    "id", "seq", "subtype", "type", "mode", "actor", "target", "third", "place", "mclass", "city",
    "mission_kind", "date_value", "date_precision", "date_start", "date_end", "modality",
    "attributed_to", "note", "verified", "confidence", "quantity_value", "quantity_qualifier",
    "quantity_unit", "location", "attribution_cue", "actor_sector", "target_sector", "recorded_at",
)  # fmt: skip
DOCUMENT_COLUMNS = (
    "id", "title", "url", "published_value", "published_precision", "author", "origin", "text", "read_at",
)  # fmt: skip
LISTING_COLUMNS = (
    "id", "qid", "mission", "sender", "host", "city", "city_normalised", "city_note", "kind",
    "created_value", "created_precision", "created_start", "accredited_to", "lat", "lon",
    "website", "source_id",
)  # fmt: skip


class LedgerError(RuntimeError):
    """The database cannot be used: not a Legation file, unreadable, or not writable."""


@dataclass
class WriteReport:
    events_new: int = 0
    events_seen: int = 0
    sources_new: int = 0
    listings_new: int = 0

    def __add__(self, other: "WriteReport") -> "WriteReport":
        return WriteReport(
            self.events_new + other.events_new,
            self.events_seen + other.events_seen,
            self.sources_new + other.sources_new,
            self.listings_new + other.listings_new,
        )


def default_path() -> Path:
    from platformdirs import user_data_dir

    env = os.environ.get("LEGATION_DB")
    if env:
        return Path(env)
    return Path(user_data_dir("legation", appauthor=False)) / "legation.duckdb"


class Ledger:
    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False):
        self.path = Path(path) if path is not None else default_path()
        self.read_only = read_only
        self.con = self._connect()

    def _connect(self) -> duckdb.DuckDBPyConnection:
        path = self.path
        if path.is_dir():
            raise LedgerError(f"{path} is a directory, not a database file")
        if self.read_only and not path.exists():
            raise LedgerError(f"no database at {path}; build one with `legation load --db {path}`")
        if not path.exists():
            parent = path.parent
            try:
                parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise LedgerError(f"cannot create folder {parent}: {err.strerror}") from None
            try:  # a real probe: permission bits say nothing to root, or on read-only mounts
                tempfile.TemporaryFile(dir=parent).close()
            except OSError as err:
                raise LedgerError(f"cannot create a database in {parent}: {err.strerror or err}") from None
        elif not self.read_only and not os.access(path, os.W_OK):
            raise LedgerError(f"cannot write to {path}: the file is read-only (use a query command, or --db elsewhere)")
        try:
            con = duckdb.connect(str(path), read_only=self.read_only)
        except duckdb.Error as err:
            first = str(err).splitlines()[0]
            raise LedgerError(f"{path} is not a Legation database ({first})") from None
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if tables and "meta" not in tables:
            con.close()
            raise LedgerError(f"{path} is a DuckDB file but not a Legation database (it has other tables)")
        if "meta" in tables:
            meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("application") != APPLICATION:
                con.close()
                raise LedgerError(f"{path} is not a Legation database (no Legation marker)")
            if meta.get("schema_version") != SCHEMA_VERSION:
                con.close()
                raise LedgerError(
                    f"{path} was written by another version of Legation (schema {meta.get('schema_version')}, "
                    f"this one reads {SCHEMA_VERSION}); build a new one with `legation load --db NEW_PATH`"
                )
        elif not self.read_only:
            con.execute("BEGIN")
            con.execute(SCHEMA)
            con.execute(
                "INSERT INTO meta VALUES ('application', ?), ('schema_version', ?), ('created_at', ?)",
                [APPLICATION, SCHEMA_VERSION, dt.datetime.now(dt.timezone.utc).isoformat()],
            )
            con.execute("COMMIT")
        return con

    def close(self) -> None:
        self.con.close()

    def for_thread(self) -> "Ledger":
        """Another handle on this open database, for another thread: a DuckDB connection must
        not be used by two threads at once, but cursors of one connection run side by side."""
        other = object.__new__(Ledger)
        other.path, other.read_only, other.con = self.path, self.read_only, self.con.cursor()
        return other

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------

    @contextmanager
    def transaction(self):
        """One all-or-nothing write. Nested use joins the outer transaction."""
        if getattr(self, "_in_tx", False):
            yield self
            return
        self._in_tx = True
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        finally:
            self._in_tx = False

    def append(self, events: Iterable[Event]) -> WriteReport:
        """Add events and their sources. Known events gain only new source links."""
        merged: dict[str, Event] = {}
        links: set[tuple[str, str]] = set()
        sources: dict[str, Source] = {}
        for event in events:
            eid = event.id
            merged.setdefault(eid, event)
            for src in event.sources:
                sources[src.id] = src
                links.add((eid, src.id))
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        with self.transaction():
            known = self._existing("events", "id", list(merged))
            fresh = [e for eid, e in merged.items() if eid not in known]
            start = self.con.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0]
            rows = [_event_row(e, start + i + 1, now) for i, e in enumerate(fresh)]
            self._insert("events", EVENT_COLUMNS, rows, _EVENT_TYPES)
            known_sources = self._existing("sources", "id", list(sources))
            new_sources = [s for sid, s in sources.items() if sid not in known_sources]
            self._insert(
                "sources",
                ("id", "citation", "url", "dataset", "licence", "locator"),
                [(s.id, s.citation, s.url, s.dataset, s.licence, s.locator) for s in new_sources],
            )
            self._insert_ignoring("event_sources", ("event_id", "source_id"), sorted(links))
        return WriteReport(events_new=len(fresh), events_seen=len(merged), sources_new=len(new_sources))

    # Events sorted by host on disk let DuckDB skip whole row groups when a question is about
    # one host. Appends land unsorted at the end; once that tail is large, the table is
    # rewritten in host order. Every row, id and seq is kept: only the physical order changes.
    COMPACT_MIN_TAIL = 100_000

    def unclustered_tail(self) -> int:
        mark = int(self.meta().get("clustered_through_seq", "0"))
        return self.con.execute("SELECT count(*) FROM events WHERE seq > ?", [mark]).fetchone()[0]

    def compact(self, force: bool = False) -> bool:
        tail = self.unclustered_tail()
        total = self.counts()["events"]
        if not force and (tail < self.COMPACT_MIN_TAIL or tail < total // 10):
            return False
        with self.transaction():
            self.con.execute(EVENTS_TABLE.format(name="events_clustered"))
            self.con.execute(
                "INSERT INTO events_clustered SELECT * FROM events ORDER BY target, actor, place, date_start, seq"
            )
            self.con.execute("DROP TABLE events")
            self.con.execute("ALTER TABLE events_clustered RENAME TO events")
            top = self.con.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0]
            self.set_meta("clustered_through_seq", str(top))
        self.con.execute("CHECKPOINT")
        return True

    def add_document(self, doc: Document, events: Iterable[Event]) -> WriteReport:
        """A document and the events read from it, together or not at all."""
        with self.transaction():
            if not self._existing("documents", "id", [doc.id]):
                self.con.execute(
                    "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [doc.id, doc.title, doc.url, doc.published.value if doc.published else None,
                     doc.published.precision if doc.published else None, doc.author, doc.origin, doc.text,
                     dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)],
                )  # fmt: skip
            return self.append(events)

    def add_documents(self, pairs: Iterable[tuple[Document, Sequence[Event]]]) -> tuple[int, WriteReport]:
        """Many documents with their events, stored as `add_document` stores each, in one
        transaction and a few statements (a bulk merge). Returns the number of new documents."""
        pairs = list(pairs)
        docs = {d.id: d for d, _ in pairs}
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        with self.transaction():
            known = self._existing("documents", "id", list(docs))
            rows = [
                (d.id, d.title, d.url, d.published.value if d.published else None,
                 d.published.precision if d.published else None, d.author, d.origin, d.text, now)
                for i, d in docs.items() if i not in known
            ]  # fmt: skip
            self._insert("documents", DOCUMENT_COLUMNS, rows, {"read_at": "::TIMESTAMP"})
            report = self.append(e for _, events in pairs for e in events)
        return len(rows), report

    def add_listings(self, rows: Sequence[dict], source: Source) -> WriteReport:
        with self.transaction():
            known = self._existing("listings", "id", [r["id"] for r in rows])
            fresh = [r for r in rows if r["id"] not in known]
            if not self._existing("sources", "id", [source.id]):
                self._insert(
                    "sources",
                    ("id", "citation", "url", "dataset", "licence", "locator"),
                    [(source.id, source.citation, source.url, source.dataset, source.licence, source.locator)],
                )
            self._insert(
                "listings",
                LISTING_COLUMNS,
                [tuple({**r, "source_id": source.id}[c] for c in LISTING_COLUMNS) for r in fresh],
                _LISTING_TYPES,
            )
        return WriteReport(listings_new=len(fresh))

    def add_blocs(self, rows: Sequence[dict]) -> None:
        with self.transaction():
            known = self._existing("blocs", "code", [r["code"] for r in rows])
            cols = ("code", "name", "kind", "description", "source")
            self._insert("blocs", cols, [tuple(r[c] for c in cols) for r in rows if r["code"] not in known])

    def _existing(self, table: str, column: str, keys: list[str]) -> set[str]:
        if not keys:
            return set()
        found = self.con.execute(
            f"SELECT {column} FROM {table} WHERE {column} IN (SELECT unnest($1))", [keys]
        ).fetchall()
        return {r[0] for r in found}

    def _insert(self, table: str, columns: Sequence[str], rows: list[tuple], types: dict | None = None) -> None:
        # Column-wise lists unnested in one statement: row-by-row inserts are about a
        # thousand times slower in DuckDB.
        if not rows:
            return
        types = types or {}
        cols = [list(c) for c in zip(*rows)]
        select = ", ".join(f"unnest(${i + 1}){types.get(c, '')}" for i, c in enumerate(columns))
        self.con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select}", cols)

    def _insert_ignoring(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        if not rows:
            return
        cols = [list(c) for c in zip(*rows)]
        select = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
        self.con.execute(f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) SELECT {select}", cols)

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def meta(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT key, value FROM meta").fetchall())

    # -- reading ------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {
            t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("events", "sources", "event_sources", "listings", "blocs", "documents")
        }

    def sources_of(self, event_ids: Sequence[str]) -> dict[str, list[dict]]:
        """The sources behind each event, for showing evidence beside an answer."""
        if not event_ids:
            return {}
        rows = self.con.execute(
            """SELECT es.event_id, s.citation, s.url, s.dataset, s.licence, s.locator
               FROM event_sources es JOIN sources s ON s.id = es.source_id
               WHERE es.event_id IN (SELECT unnest($1))
               ORDER BY es.event_id, s.dataset, s.citation""",
            [list(event_ids)],
        ).fetchall()
        out: dict[str, list[dict]] = {}
        for eid, citation, url, dataset, licence, locator in rows:
            out.setdefault(eid, []).append(
                {"citation": citation, "url": url, "dataset": dataset, "licence": licence, "locator": locator}
            )
        return out

    def source(self, source_id: str) -> dict | None:
        row = self.con.execute(
            "SELECT citation, url, dataset, licence, locator FROM sources WHERE id = ?", [source_id]
        ).fetchone()
        if row is None:
            return None
        return dict(zip(("citation", "url", "dataset", "licence", "locator"), row))


_EVENT_TYPES = {"date_start": "::DATE", "date_end": "::DATE", "recorded_at": "::TIMESTAMP"}
_LISTING_TYPES = {"created_start": "::DATE", "accredited_to": "::VARCHAR[]"}


def _event_row(e: Event, seq: int, now: dt.datetime) -> tuple:
    d, q = e.date, e.quantity
    return (
        e.id, seq, e.subtype, e.type, e.mode, e.actor, e.target, e.third, e.place, e.mclass, e.city,
        e.mission_kind, d.value if d else None, d.precision if d else "unknown",
        d.start if d else None, d.end if d else None, e.modality.value, e.attributed_to,
        e.note, e.verified, e.confidence, q.value if q else None, q.qualifier if q else None,
        q.unit if q else None, e.location, e.attribution_cue, e.actor_sector, e.target_sector, now,
    )  # fmt: skip
