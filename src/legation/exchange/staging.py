"""Large writes into the ledger: rows staged in DuckDB, merged with set-based SQL.

`Ledger.append` takes `Event` objects and passes their columns to DuckDB as Python lists,
which costs about 40 µs a row here; a million GDELT rows would take most of a minute in that
step alone. Importers instead stage rows where DuckDB reads them fastest (a tab-separated
file it parses itself, or a CSV/Parquet file as given) and then merge with the ledger's own
rules, in SQL:

- an event whose id the ledger (or an earlier row of the batch) already has adds nothing;
  new events get the next `seq` numbers in the order they were staged;
- a source is stored once; every (event, source) pair becomes a link.

Ids are the ledger's ids: a digest of the event's content (`model.Event.id`) and of the
source's citation, dataset and locator (`model.Source.id`). `event_id` and `source_id`
compute the same digests without building the objects (the tests check they agree).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from json.encoder import encode_basestring

from ..ledger import EVENT_COLUMNS, Ledger

# Staged events carry every ledger column but seq (assigned at the merge), plus `ord`, the
# order rows were staged in.
STAGED_EVENT_COLUMNS = tuple(c for c in EVENT_COLUMNS if c != "seq")
EVENT_TYPES = {
    "confidence": "DOUBLE", "verified": "BOOLEAN", "quantity_value": "DOUBLE", "date_start": "DATE",
    "date_end": "DATE", "recorded_at": "TIMESTAMP",
}  # fmt: skip
SOURCE_COLUMNS = ("event_id", "id", "citation", "url", "dataset", "licence", "locator")
# Columns the ledger stores as '' when empty (Ledger.append never writes NULL there).
TEXT_NOT_NULL = {
    "subtype", "type", "mode", "actor", "target", "third", "place", "mclass", "city", "mission_kind",
    "date_precision", "modality", "attributed_to", "note", "location", "attribution_cue", "actor_sector",
    "target_sector",
}  # fmt: skip


def _digest_json(blob: str) -> str:
    return hashlib.blake2b(blob.encode(), digest_size=10).hexdigest()


def digest(parts: list[str]) -> str:
    """`model._digest` for a list of strings: the same JSON text, hashed the same way."""
    return _digest_json("[" + ",".join(map(encode_basestring, parts)) + "]")


def event_id(subtype: str, type_: str, actor: str, target: str, third: str, date_value: str, precision: str,
             mission_or_city: str, modality: str, attributed_to: str) -> str:  # fmt: skip
    """`Event.id` from the columns it is a digest of (see model.Event.id)."""
    return digest([subtype, type_, actor, target, third, date_value, precision, mission_or_city, modality,
                   "" if modality == "asserted" else attributed_to])  # fmt: skip


def source_id(citation: str, dataset: str, locator: str) -> str:
    """`Source.id`."""
    return digest([citation, dataset, locator])


def now() -> dt.datetime:
    """The ledger's clock: UTC, without a zone (as `Ledger.append` writes `recorded_at`)."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


@dataclass
class MergeReport:
    events_staged: int = 0
    events_new: int = 0
    sources_new: int = 0
    links_new: int = 0

    def __iadd__(self, other: "MergeReport") -> "MergeReport":
        self.events_staged += other.events_staged
        self.events_new += other.events_new
        self.sources_new += other.sources_new
        self.links_new += other.links_new
        return self


def merge(ledger: Ledger, events_sql: str, sources_sql: str) -> MergeReport:
    """Merge staged rows into the ledger. `events_sql` is a relation (a table name or a
    parenthesised SELECT) with STAGED_EVENT_COLUMNS and `ord`; `sources_sql` one with
    SOURCE_COLUMNS. Must run inside `ledger.transaction()`."""
    con = ledger.con
    base = con.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0]
    staged = con.execute(f"SELECT count(*) FROM {events_sql} AS s").fetchone()[0]
    cols = ", ".join(EVENT_COLUMNS)
    select = ", ".join(f"{base} + row_number() OVER (ORDER BY ord)" if c == "seq" else c for c in EVENT_COLUMNS)
    new = con.execute(
        f"""INSERT INTO events ({cols})
            SELECT {select} FROM (
                SELECT * FROM {events_sql} AS s
                WHERE s.id NOT IN (SELECT id FROM events)
                QUALIFY row_number() OVER (PARTITION BY s.id ORDER BY s.ord) = 1
            )"""
    ).fetchone()[0]
    sources = con.execute(
        f"""INSERT INTO sources (id, citation, url, dataset, licence, locator)
            SELECT id, citation, url, dataset, licence, locator FROM (
                SELECT * FROM {sources_sql} AS s
                WHERE s.id NOT IN (SELECT id FROM sources)
                QUALIFY row_number() OVER (PARTITION BY s.id) = 1
            )"""
    ).fetchone()[0]
    links = con.execute(
        f"INSERT OR IGNORE INTO event_sources (event_id, source_id) SELECT DISTINCT event_id, id FROM {sources_sql} AS s"
    ).fetchone()[0]
    return MergeReport(staged, new, sources, links)
