"""`legation bulk`: the extractor mapped over partitions of a corpus on Dask, into Parquet.

The same extraction `legation read` runs, spread over workers:

- The driver reads the inputs in their usual order (`read_inputs`: folders sorted, JSONL line
  by line) and cuts them into partitions of `partition_size` documents, in order. The same
  inputs always give the same partitions, and each partition has a fingerprint (a digest of
  what is in it) so that a rerun can tell a finished partition from a changed input.
- Each partition is one task on a Dask cluster: a `LocalCluster` of single-threaded worker
  processes by default, or the scheduler at `--scheduler`. Each worker loads the extractor
  once (a per-process cache) and keeps it for every partition it is given. A document that
  raises is recorded in the partition's errors with its message; the partition completes.
- Results come back to the driver, which writes one Parquet file per partition and table
  (`documents/`, `events/`, `sources/`, `errors/`, each `part-NNNNN.parquet` with a
  `partition` column), each written to a temporary name, flushed and renamed, and only then
  records the partition in `manifest.jsonl`. Workers need no shared file system.
- A rerun reads the manifest, skips finished partitions whose fingerprint matches and
  computes the rest: a run killed half-way and started again ends with the same files as an
  uninterrupted run, because a partition's output depends only on its documents.

Nothing in the data files depends on time, worker or order of completion; timings and worker
names live only in the manifest.

`attach` puts views over the finished partitions into a DuckDB connection (nothing is copied),
and `merge_into` adds a bulk output to a ledger, one transaction, idempotent.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import os
import resource
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .dates import FuzzyDate
from .model import Document, Event, Modality, Provenance, Quantity, Skipped, Source

FORMAT = "legation-bulk/1"
MANIFEST = "manifest.jsonl"
TABLES = ("documents", "events", "sources", "errors")
DEFAULT_PARTITION_SIZE = 100
# A partition also ends once it holds this much text: documents differ a hundredfold in
# length (one interview of 100,000 characters among news briefs), and partitions of equal
# work keep every worker busy to the end.
DEFAULT_PARTITION_CHARACTERS = 200_000

# Column name and Arrow type of every table. `partition` and `item` (the place of an input
# in its partition: documents and unreadable inputs count alike) order every table.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("partition", "int32"), ("item", "int32"), ("id", "string"), ("title", "string"), ("url", "string"),
        ("author", "string"), ("origin", "string"), ("language", "string"), ("published_value", "string"),
        ("published_precision", "string"), ("published_start", "date32"), ("published_end", "date32"),
        ("sentences", "int32"), ("events", "int32"), ("text", "string"),
    ),
    "events": (
        ("partition", "int32"), ("item", "int32"), ("document_id", "string"), ("ordinal", "int32"),
        ("id", "string"), ("subtype", "string"), ("type", "string"), ("mode", "string"),
        ("plover_type", "string"), ("plover_mode", "string"), ("actor", "string"), ("target", "string"),
        ("third", "string"), ("place", "string"), ("mclass", "string"), ("city", "string"),
        ("mission_kind", "string"), ("date_value", "string"), ("date_precision", "string"),
        ("date_start", "date32"), ("date_end", "date32"), ("modality", "string"), ("attributed_to", "string"),
        ("attribution_cue", "string"), ("note", "string"), ("verified", "bool"), ("confidence", "float64"),
        ("quantity_value", "float64"), ("quantity_qualifier", "string"), ("quantity_unit", "string"),
        ("quantity_text", "string"), ("quantity_start", "int32"), ("quantity_end", "int32"),
        ("location", "string"), ("actor_text", "string"), ("target_text", "string"),
        ("actor_sector", "string"), ("target_sector", "string"), ("sentence", "int32"),
        ("span_start", "int32"), ("span_end", "int32"), ("trigger_start", "int32"), ("trigger_end", "int32"),
    ),
    "sources": (
        ("partition", "int32"), ("item", "int32"), ("document_id", "string"), ("ordinal", "int32"),
        ("event_id", "string"), ("source_id", "string"), ("citation", "string"), ("url", "string"),
        ("dataset", "string"), ("licence", "string"), ("locator", "string"),
    ),
    "errors": (
        ("partition", "int32"), ("item", "int32"), ("document_id", "string"), ("origin", "string"),
        ("stage", "string"), ("error", "string"),
    ),
}  # fmt: skip


class BulkError(ValueError):
    """The output folder cannot be used for this run (another input, another partition size)."""


# -- on the workers -------------------------------------------------------------------------

_EXTRACTOR = None


def _extractor():
    """The worker's extractor, loaded on first use and kept for every later partition."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from .extract.pipeline import Extractor

        _EXTRACTOR = Extractor()
    return _EXTRACTOR


def warm_worker() -> int:
    """Load the extractor now (called on every worker before the first partition), so a
    worker without the model fails at once and timings measure extraction, not loading."""
    _extractor()
    return os.getpid()


def worker_peak_mb() -> float:
    """Peak resident memory of this worker process, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def extract_partition(partition: int, docs: list[tuple[int, Document]]) -> dict:
    """Events of every document of one partition, as rows per table. Documents are parsed in
    batches; when a batch fails, its documents are retried one by one so that only the
    document at fault is lost, with its error."""
    began = time.perf_counter()
    ex = _extractor()
    outcomes: dict[int, tuple] = {}  # item -> ("ok", parsed sentences, events) | ("error", message)

    def read(item: int, document: Document, parsed) -> None:
        try:
            outcomes[item] = ("ok", sum(1 for _ in parsed.sents), ex.events(parsed, document))
        except Exception as err:  # one document's failure must not lose the partition
            outcomes[item] = ("error", _describe(err))

    by_item = dict(docs)
    try:
        for batch in _batches(docs):
            stream = ((d.text, item) for item, d in batch)
            for parsed, item in ex.nlp.pipe(stream, as_tuples=True, batch_size=len(batch)):
                read(item, by_item[item], parsed)
    except Exception:
        for item, document in docs:
            if item in outcomes:
                continue
            try:
                parsed = ex.nlp(document.text)
            except Exception as err:
                outcomes[item] = ("error", _describe(err))
                continue
            read(item, document, parsed)

    rows: dict[str, list[tuple]] = {t: [] for t in TABLES}
    sentences = 0
    for item, document in docs:
        outcome = outcomes[item]
        if outcome[0] == "error":
            rows["errors"].append((partition, item, document.id, document.origin, "extract", outcome[1]))
            continue
        _, n_sentences, events = outcome
        sentences += n_sentences
        rows["documents"].append(_document_row(partition, item, document, n_sentences, len(events)))
        for ordinal, e in enumerate(events):
            rows["events"].append(_event_row(partition, item, document.id, ordinal, e))
            for s in e.sources:
                rows["sources"].append((partition, item, document.id, ordinal, e.id, s.id, s.citation, s.url,
                                        s.dataset, s.licence, s.locator))  # fmt: skip
    return {
        "rows": rows,
        "sentences": sentences,
        "seconds": time.perf_counter() - began,
        "worker": f"{os.uname().nodename}:{os.getpid()}",
    }


BATCH_DOCUMENTS = 32
BATCH_CHARACTERS = 60_000


def _batches(docs: list[tuple[int, Document]]) -> Iterator[list[tuple[int, Document]]]:
    """Runs of documents for the parser, in order, of at most 32 documents and (unless one
    document is longer by itself) 60,000 characters: the parser pads a batch to its longest
    document, so one long article among short ones would multiply a worker's peak memory."""
    batch: list[tuple[int, Document]] = []
    size = 0
    for pair in docs:
        n = len(pair[1].text)
        if batch and (len(batch) == BATCH_DOCUMENTS or size + n > BATCH_CHARACTERS):
            yield batch
            batch, size = [], 0
        batch.append(pair)
        size += n
    if batch:
        yield batch


def _describe(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return f"{type(err).__name__}: {text[:500]}" if text else type(err).__name__


def _document_row(partition: int, item: int, d: Document, sentences: int, events: int) -> tuple:
    p = d.published
    return (partition, item, d.id, d.title, d.url, d.author, d.origin, d.language,
            p.value if p else None, p.precision if p else None, p.start if p else None, p.end if p else None,
            sentences, events, d.text)  # fmt: skip


def _event_row(partition: int, item: int, doc_id: str, ordinal: int, e: Event) -> tuple:
    d, q, p = e.date, e.quantity, e.provenance
    return (
        partition, item, doc_id, ordinal, e.id, e.subtype, e.type, e.mode, e.plover_type, e.plover_mode,
        e.actor, e.target, e.third, e.place, e.mclass, e.city, e.mission_kind,
        d.value if d else None, d.precision if d else None, d.start if d else None, d.end if d else None,
        e.modality.value, e.attributed_to, e.attribution_cue, e.note, e.verified, e.confidence,
        q.value if q else None, q.qualifier if q else None, q.unit if q else None, q.text if q else None,
        q.start if q else None, q.end if q else None,
        e.location, e.actor_text, e.target_text, e.actor_sector, e.target_sector,
        p.sentence if p else None, p.span[0] if p else None, p.span[1] if p else None,
        p.trigger[0] if p else None, p.trigger[1] if p else None,
    )  # fmt: skip


# -- partitions -----------------------------------------------------------------------------


def partitions(
    inputs: list[str], size: int, published: str | None = None, characters: int = DEFAULT_PARTITION_CHARACTERS
) -> Iterator[list]:
    """The inputs cut, in reading order, into runs of `size` documents or `characters` of
    text, whichever comes first (a longer document is a partition by itself). The same inputs
    always give the same partitions. Inputs that cannot be read travel with the partition they
    fall in (they become rows of its errors)."""
    from .readers import read_inputs

    items: list[Document | Skipped] = []
    count = chars = 0
    for item in read_inputs(inputs, published=published):
        items.append(item)
        if isinstance(item, Document):
            count += 1
            chars += len(item.text)
            if count == size or chars >= characters:
                yield items
                items, count, chars = [], 0, 0
    if items:
        yield items


def fingerprint(items: list) -> str:
    """A digest of everything in a partition that its output depends on."""
    parts = []
    for it in items:
        if isinstance(it, Document):
            p = it.published
            parts.append(["d", it.id, it.title, it.url, it.author, it.origin, it.language,
                          *([p.value, p.precision, str(p.start), str(p.end)] if p else [])])  # fmt: skip
        else:
            parts.append(["s", it.origin, it.reason])
    blob = json.dumps(parts, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.blake2b(blob, digest_size=16).hexdigest()


def part_name(partition: int) -> str:
    return f"part-{partition:05d}.parquet"


# -- the output folder ----------------------------------------------------------------------


@dataclass
class Output:
    """A bulk output folder: its manifest and the files of finished partitions."""

    path: Path
    partition_size: int | None = None
    partition_characters: int | None = None
    finished: dict[int, dict] = field(default_factory=dict)

    @classmethod
    def open(
        cls, path: str | os.PathLike, partition_size: int | None = None, create: bool = False,
        partition_characters: int | None = None,
    ) -> "Output":  # fmt: skip
        path = Path(path)
        out = cls(path)
        manifest = path / MANIFEST
        if not manifest.exists():
            if not create:
                raise BulkError(f"{path} holds no bulk output (no {MANIFEST}); write one with `legation bulk INPUT --out {path}`")
            if path.exists() and any(path.iterdir()):
                raise BulkError(f"{path} is not empty and holds no bulk output; give an empty or new folder")
            path.mkdir(parents=True, exist_ok=True)
            for t in TABLES:
                (path / t).mkdir(exist_ok=True)
            out.partition_size, out.partition_characters = partition_size, partition_characters
            out._append({"format": FORMAT, "partition_size": partition_size, "partition_characters": partition_characters,
                         "created_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")})  # fmt: skip
            return out
        with open(manifest, encoding="utf-8") as f:
            lines = f.read().split("\n")
        for n, line in enumerate(lines):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                if n >= len(lines) - 2:  # a line torn by a kill: that partition is simply redone
                    continue
                raise BulkError(f"{manifest}: line {n + 1} is not JSON") from None
            if "format" in record:
                if record["format"] != FORMAT:
                    raise BulkError(f"{manifest} was written in format {record['format']!r}, not {FORMAT!r}")
                out.partition_size = record.get("partition_size")
                out.partition_characters = record.get("partition_characters")
            elif "partition" in record:
                out.finished[int(record["partition"])] = record
        for option, given, kept in (("--partition-size", partition_size, out.partition_size),
                                    ("--partition-chars", partition_characters, out.partition_characters)):  # fmt: skip
            if given is not None and kept not in (None, given):
                raise BulkError(f"{path} was written with {option} {kept}; rerun with that to resume, or write to another --out")
        if create:  # a kill may leave temporary files behind
            for t in TABLES:
                (path / t).mkdir(exist_ok=True)
                for stale in (path / t).glob(".*.tmp"):
                    stale.unlink()
        return out

    def _append(self, record: dict) -> None:
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        with open(self.path / MANIFEST, "a", encoding="utf-8") as f:
            f.write(line)
            f.flush()
            os.fsync(f.fileno())

    def write_partition(self, partition: int, rows: dict[str, list[tuple]], record: dict) -> None:
        """Every table's file for one partition, each made whole under a temporary name and
        renamed; then the manifest line that makes the partition finished."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        for t in TABLES:
            schema = arrow_schema(t)
            columns = list(zip(*rows[t])) if rows[t] else [[] for _ in schema]
            table = pa.Table.from_arrays(
                [pa.array(list(c), type=f.type) for c, f in zip(columns, schema)], schema=schema
            )
            final = self.path / t / part_name(partition)
            tmp = final.with_name(f".{final.name}.tmp")
            pq.write_table(table, tmp, compression="zstd")
            with open(tmp, "rb") as f:
                os.fsync(f.fileno())
            os.replace(tmp, final)
        self._append({"partition": partition, **record})
        self.finished[partition] = {"partition": partition, **record}

    def files(self, table: str) -> list[str]:
        """The files of finished partitions only (not the leftovers of a killed run)."""
        return [str(self.path / table / part_name(p)) for p in sorted(self.finished)]


def arrow_schema(table: str):
    import pyarrow as pa

    types = {"int32": pa.int32(), "string": pa.string(), "date32": pa.date32(), "bool": pa.bool_(),
             "float64": pa.float64()}  # fmt: skip
    return pa.schema([pa.field(name, types[kind]) for name, kind in COLUMNS[table]])


# -- the driver -----------------------------------------------------------------------------


@dataclass
class BulkReport:
    out: str
    partitions: int = 0
    already_done: int = 0
    computed: int = 0
    failed: dict = field(default_factory=dict)  # partition -> message (the whole task failed)
    documents: int = 0
    events: int = 0
    errors: int = 0  # documents that raised, and inputs that could not be read
    sentences: int = 0
    sentences_computed: int = 0  # in this run, for the rate
    seconds: float = 0.0
    startup_seconds: float = 0.0
    workers: int = 0
    scheduler: str = ""
    worker_peak_mb: dict = field(default_factory=dict)
    driver_peak_mb: float = 0.0  # this process: reading, scheduling (a local scheduler) and writing
    driver_cpu_seconds: float = 0.0

    def to_json(self) -> dict:
        rate = self.sentences_computed / self.seconds if self.seconds else 0.0
        return {**self.__dict__, "sentences_per_second": round(rate, 1)}


class Progress:
    def __init__(self, stream=None, every: float = 1.0):
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.every = every if self.tty else 5.0
        self.last = 0.0
        self.began = time.perf_counter()

    def show(self, r: BulkReport, total: int | None, force: bool = False) -> None:
        now = time.perf_counter()
        if not force and now - self.last < self.every:
            return
        self.last = now
        done = r.already_done + r.computed
        of = f"/{total}" if total is not None else "/?"
        rate = r.sentences_computed / (now - self.began) if now > self.began else 0.0
        line = (f"partitions {done}{of} ({r.already_done} already done), {r.documents:,} documents, "
                f"{r.events:,} events, {r.errors} errors, {rate:.0f} sentences/s")  # fmt: skip
        if self.tty:
            print("\r" + line, end="", file=self.stream, flush=True)
        else:
            print(line, file=self.stream, flush=True)

    def end(self) -> None:
        if self.tty:
            print(file=self.stream)


def run_bulk(
    inputs: list[str],
    out: str | os.PathLike,
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    published: str | None = None,
    progress: Progress | None = None,
    skipped_log=None,
    partition_characters: int = DEFAULT_PARTITION_CHARACTERS,
) -> BulkReport:
    """Extract events from every input on a Dask cluster into Parquet under `out`. Finished
    partitions of an earlier run into the same folder are kept and skipped."""
    # Dask's own warnings (a task cancelled by Ctrl-C, a worker killed on shutdown) say nothing
    # a user can act on; real failures reach us as exceptions. Workers inherit the setting.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")
    import dask
    from dask.distributed import Client, LocalCluster, as_completed

    if partition_size < 1 or partition_characters < 1:
        raise BulkError("--partition-size and --partition-chars must be at least 1")
    if published:
        FuzzyDate.parse(published)  # a bad date stops the run before anything starts
    output = Output.open(out, partition_size, create=True, partition_characters=partition_characters)
    report = BulkReport(out=str(out))
    began = time.perf_counter()
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        if workers < 1:
            raise BulkError("--workers must be at least 1")
        # Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536, which hands memory back to the
        # system after every parse only to fault it in again: about a fifth more CPU time here.
        # The allocator's own (adaptive) defaults suit a parser better.
        with _workers_ignore_ctrl_c(), dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
        client = Client(cluster)
    pending: dict[str, tuple[int, str, list]] = {}
    try:
        report.scheduler = client.scheduler.address
        try:
            pids = client.run(warm_worker)
        except Exception as err:
            raise BulkError(f"the workers cannot load Legation's extractor ({_describe(err)}); "
                            f"install legation where the workers run") from None  # fmt: skip
        report.workers = len(pids)
        if not pids:
            raise BulkError(f"the scheduler at {scheduler} has no workers")
        report.startup_seconds = time.perf_counter() - began
        in_flight = max(2, 2 * report.workers)
        ac = as_completed()
        source = enumerate(partitions(inputs, partition_size, published, partition_characters))
        total: int | None = None
        seen: set[int] = set()

        def submit_more() -> None:
            nonlocal total
            while total is None and len(pending) < in_flight:
                try:
                    index, items = next(source)
                except StopIteration:
                    total = len(seen)
                    return
                seen.add(index)
                fp = fingerprint(items)
                skips = [(n, it) for n, it in enumerate(items) if isinstance(it, Skipped)]
                if skipped_log is not None:
                    for _, it in skips:
                        print(f"legation: skipped {it.origin}: {it.reason}", file=skipped_log)
                done = output.finished.get(index)
                if done is not None:
                    if done.get("fingerprint") != fp:
                        raise BulkError(
                            f"partition {index} in {output.path} was made from other input; "
                            f"write to another --out (or remove {output.path})"
                        )
                    report.already_done += 1
                    _count(report, done)
                    continue
                docs = [(n, it) for n, it in enumerate(items) if isinstance(it, Document)]
                future = client.submit(extract_partition, index, docs, key=f"legation-bulk-{index:05d}-{fp[:16]}",
                                       priority=-index)  # fmt: skip
                pending[future.key] = (index, fp, skips)
                ac.add(future)

        submit_more()
        if progress:
            progress.show(report, total, force=True)
        while pending:
            future = next(ac)
            index, fp, skips = pending.pop(future.key)
            try:
                result = future.result()
            except Exception as err:  # the task itself failed (a worker died): redo on rerun
                report.failed[index] = _describe(err)
                print(f"legation: partition {index} failed: {_describe(err)}", file=sys.stderr)
            else:
                rows = result["rows"]
                for n, it in skips:
                    rows["errors"].append((index, n, None, it.origin, "read", it.reason))
                rows["errors"].sort(key=lambda r: r[1])
                record = {
                    "fingerprint": fp,
                    "documents": len(rows["documents"]),
                    "events": len(rows["events"]),
                    "errors": len(rows["errors"]),
                    "sentences": result["sentences"],
                    "seconds": round(result["seconds"], 3),
                    "worker": result["worker"],
                }
                output.write_partition(index, rows, record)
                report.computed += 1
                report.sentences_computed += result["sentences"]
                _count(report, record)
            finally:
                future.release()
            submit_more()
            if progress:
                progress.show(report, total)
        report.seconds = time.perf_counter() - began - report.startup_seconds
        report.partitions = total or 0
        stale = sorted(p for p in output.finished if p >= report.partitions)
        if stale:
            raise BulkError(
                f"{output.path} holds partitions {stale[0]}..{stale[-1]} that this input does not have; "
                f"write to another --out"
            )
        report.worker_peak_mb = {addr: round(mb, 1) for addr, mb in client.run(worker_peak_mb).items()}
        report.driver_peak_mb = round(worker_peak_mb(), 1)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        report.driver_cpu_seconds = round(usage.ru_utime + usage.ru_stime, 1)
    finally:
        client.close()  # also lets go of any partition still running
        if cluster is not None:
            cluster.close()
        if not report.seconds:  # stopped early
            report.seconds = time.perf_counter() - began - report.startup_seconds
        if progress:
            progress.show(report, report.partitions or None, force=True)
            progress.end()
    return report


@contextmanager
def _workers_ignore_ctrl_c():
    """Ctrl-C reaches every process of the terminal's process group; worker processes started
    meanwhile inherit an ignored SIGINT (Python keeps it ignored), so that only the driver
    hears it and shuts the cluster down in order, instead of each worker printing a traceback."""
    import signal

    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _count(report: BulkReport, record: dict) -> None:
    report.documents += record["documents"]
    report.events += record["events"]
    report.errors += record["errors"]
    report.sentences += record["sentences"]


# -- reading an output back -----------------------------------------------------------------


def attach(con, out: str | os.PathLike, prefix: str = "") -> Output:
    """Views `documents`, `events`, `sources` and `errors` (with an optional name prefix) over
    the finished partitions of a bulk output, in a DuckDB connection. Nothing is copied: every
    query reads the Parquet files."""
    output = Output.open(out)
    if not output.finished:
        raise BulkError(f"{output.path} has no finished partitions yet")
    for t in TABLES:
        files = ", ".join("'" + f.replace("'", "''") + "'" for f in output.files(t))
        con.execute(f"CREATE OR REPLACE TEMP VIEW {prefix}{t} AS SELECT * FROM read_parquet([{files}])")
    return output


def summary(con, output: Output) -> dict:
    """What a bulk output holds, read through the views `attach` made."""
    one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    types = con.execute(
        "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type LIMIT 8"
    ).fetchall()
    errors = con.execute(
        "SELECT stage, origin, error FROM errors ORDER BY partition, item LIMIT 5"
    ).fetchall()
    return {
        "out": str(output.path),
        "partitions": len(output.finished),
        "documents": one("SELECT count(*) FROM documents"),
        "sentences": one("SELECT coalesce(sum(sentences), 0) FROM documents"),
        "events": one("SELECT count(*) FROM events"),
        "distinct_events": one("SELECT count(DISTINCT id) FROM events"),
        "errors": one("SELECT count(*) FROM errors"),
        "event_types": {t: n for t, n in types},
        "first_errors": [{"stage": s, "origin": o, "error": e} for s, o, e in errors],
    }


def _date(value, precision, start, end) -> FuzzyDate | None:
    if value is None:
        return None
    return FuzzyDate(start=start, end=end, value=value, precision=precision)


def _rows(con, sql: str) -> list[dict]:
    # Fetched whole (one partition's rows): the caller writes through the same connection
    # between rows, which would end a result still being read.
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def documents_of(con, output: Output, partition: int) -> Iterable[tuple[Document, list[Event]]]:
    """The documents of one finished partition with their events, as the extractor made them."""

    def q(table: str, order: str) -> str:
        path = str(output.path / table / part_name(partition)).replace("'", "''")
        return f"SELECT * FROM read_parquet('{path}') ORDER BY {order}"

    sources: dict[tuple[int, int], list[Source]] = {}
    for r in _rows(con, q("sources", "item, ordinal")):
        sources.setdefault((r["item"], r["ordinal"]), []).append(
            Source(citation=r["citation"], dataset=r["dataset"], licence=r["licence"], locator=r["locator"], url=r["url"])
        )
    events: dict[int, list[Event]] = {}
    for r in _rows(con, q("events", "item, ordinal")):
        quantity = None
        if r["quantity_value"] is not None:
            quantity = Quantity(r["quantity_value"], r["quantity_qualifier"], r["quantity_unit"],
                                r["quantity_text"] or "", r["quantity_start"] or 0, r["quantity_end"] or 0)  # fmt: skip
        provenance = None
        if r["sentence"] is not None:
            provenance = Provenance(r["document_id"], r["sentence"], (r["span_start"], r["span_end"]),
                                    (r["trigger_start"], r["trigger_end"]))  # fmt: skip
        e = Event(
            subtype=r["subtype"], actor=r["actor"], target=r["target"], third=r["third"],
            date=_date(r["date_value"], r["date_precision"], r["date_start"], r["date_end"]),
            city=r["city"], mission_kind=r["mission_kind"], modality=Modality(r["modality"]),
            attributed_to=r["attributed_to"], note=r["note"], verified=r["verified"], confidence=r["confidence"],
            sources=tuple(sources.get((r["item"], r["ordinal"]), ())), plover_type=r["plover_type"],
            plover_mode=r["plover_mode"], quantity=quantity, location=r["location"],
            attribution_cue=r["attribution_cue"], actor_text=r["actor_text"], target_text=r["target_text"],
            actor_sector=r["actor_sector"], target_sector=r["target_sector"], provenance=provenance,
        )  # fmt: skip
        if e.id != r["id"]:
            raise BulkError(f"{output.path}: event {r['id']} of partition {partition} does not read back the same")
        events.setdefault(r["item"], []).append(e)
    for r in _rows(con, q("documents", "item")):
        doc = Document(
            text=r["text"], title=r["title"], url=r["url"], author=r["author"], origin=r["origin"],
            language=r["language"],
            published=_date(r["published_value"], r["published_precision"], r["published_start"], r["published_end"]),
        )  # fmt: skip
        if doc.id != r["id"]:
            raise BulkError(f"{output.path}: document {r['id']} of partition {partition} does not read back the same")
        yield doc, events.get(r["item"], [])


@dataclass
class MergeReport:
    partitions: int = 0
    documents: int = 0
    documents_new: int = 0
    events_read: int = 0
    events_new: int = 0
    seconds: float = 0.0


def merge_into(ledger, out: str | os.PathLike, progress=None) -> MergeReport:
    """Add a bulk output's documents and events to a ledger, in one transaction: what
    `legation ingest` stores for each document (documents by the digest of their text, events
    by their content, one source link per report), so merging twice adds nothing."""
    began = time.perf_counter()
    output = Output.open(out)
    if not output.finished:
        raise BulkError(f"{output.path} has no finished partitions yet")
    report = MergeReport()
    con = ledger.con
    with ledger.transaction():
        for partition in sorted(output.finished):
            report.partitions += 1
            pairs = list(documents_of(con, output, partition))
            new_documents, written = ledger.add_documents(pairs)
            report.documents += len(pairs)
            report.documents_new += new_documents
            report.events_read += sum(len(events) for _, events in pairs)
            report.events_new += written.events_new
            if progress is not None:
                print(f"\rmerged {report.partitions}/{len(output.finished)} partitions, {report.documents:,} documents",
                      end="", file=progress, flush=True)  # fmt: skip
    if progress is not None:
        print(file=progress)
    report.seconds = time.perf_counter() - began
    return report


# -- glue for the command line --------------------------------------------------------------


def run_bulk_command(args) -> int:
    import signal

    def stop(signum, frame):  # `kill` stops as Ctrl-C does: the cluster is shut down cleanly
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    progress = Progress()
    if args.scheduler and args.workers is not None:
        print("legation: --workers is ignored with --scheduler (the cluster has its own workers)", file=sys.stderr)
    try:
        report = run_bulk(
            args.paths, args.out, scheduler=args.scheduler, workers=args.workers or 2,
            partition_size=args.partition_size, published=args.published, progress=progress, skipped_log=sys.stderr,
            partition_characters=args.partition_chars,
        )  # fmt: skip
    except KeyboardInterrupt:
        print(f"\nlegation: interrupted; finished partitions are kept in {args.out}: "
              f"run the same command again to go on", file=sys.stderr)  # fmt: skip
        return 130
    data = report.to_json()
    if args.json:
        json.dump(data, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        peaks = ", ".join(f"{mb:.0f}" for mb in data["worker_peak_mb"].values())
        print(
            f"{report.partitions} partitions ({report.already_done} already done, {report.computed} computed), "
            f"{report.documents:,} documents, {report.sentences:,} sentences, {report.events:,} events, "
            f"{report.errors} errors\n"
            f"{report.workers} workers, {report.seconds:.1f} s (+{report.startup_seconds:.1f} s to start), "
            f"{data['sentences_per_second']:.0f} sentences/s; peak memory per worker {peaks} MB\n"
            f"output: {report.out} (query it with `legation attach {report.out}`)"
        )
    for index, message in sorted(report.failed.items()):
        print(f"legation: partition {index} failed ({message}); run again to retry it", file=sys.stderr)
    return 1 if report.failed or report.errors else 0


def run_attach_command(args) -> int:
    import duckdb

    from . import render

    con = duckdb.connect()
    output = attach(con, args.dir)
    if args.db:
        path = str(args.db).replace("'", "''")
        con.execute(f"ATTACH '{path}' AS ledger (READ_ONLY)")
    if args.sql:
        cur = con.execute(args.sql)
        names = [d[0] for d in cur.description] if cur.description else []
        rows = cur.fetchall()
        if args.json:
            for row in rows:
                sys.stdout.write(json.dumps(dict(zip(names, row)), default=str, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(render.table(names, [[_cell(v) for v in row] for row in rows]))
        return 0
    data = summary(con, output)
    if args.json:
        json.dump(data, sys.stdout, indent=2, default=str)
        sys.stdout.write("\n")
        return 0
    lines = [
        f"{data['out']}: {data['partitions']} partitions, {data['documents']:,} documents, "
        f"{data['sentences']:,} sentences, {data['events']:,} events ({data['distinct_events']:,} distinct), "
        f"{data['errors']} errors",
        "event types: " + ", ".join(f"{t} {n:,}" for t, n in data["event_types"].items()),
    ]
    for e in data["first_errors"]:
        lines.append(f"  error ({e['stage']}) {e['origin']}: {e['error'][:100]}")
    lines.append("views: documents, events, sources, errors" + (", and the ledger as `ledger`" if args.db else "")
                 + "; e.g. legation attach DIR --sql \"SELECT type, count(*) FROM events GROUP BY ALL\"")  # fmt: skip
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _cell(v) -> str:
    text = "" if v is None else str(v)
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:79] + "…"


def run_merge_command(args) -> int:
    from .ledger import default_path
    from .reference.loaders import open_ledger

    ledger = open_ledger(args.db or default_path())
    try:
        report = merge_into(ledger, args.parquet, progress=sys.stderr if sys.stderr.isatty() else None)
    finally:
        ledger.close()
    data = report.__dict__ | {"seconds": round(report.seconds, 2)}
    if args.json:
        json.dump(data, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"{args.parquet}: {report.partitions} partitions, {report.documents:,} documents "
              f"({report.documents_new:,} new), {report.events_read:,} events ({report.events_new:,} new in the ledger), "
              f"{report.seconds:.1f} s", file=sys.stderr)  # fmt: skip
    return 0
