"""`legation bulk`, `legation attach` and `legation ingest --parquet`, on a real Dask
LocalCluster, real Parquet and a real DuckDB ledger."""

import json
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from conftest import run_cli
from legation import bulk

STATES = [("Poland", "Warsaw"), ("Sweden", "Stockholm"), ("Brazil", "Brasilia"), ("Kenya", "Nairobi"),
          ("Japan", "Tokyo"), ("Canada", "Ottawa"), ("Egypt", "Cairo"), ("Chile", "Santiago"),
          ("Vietnam", "Hanoi"), ("Norway", "Oslo"), ("Ghana", "Accra"), ("Peru", "Lima")]  # fmt: skip
SENTENCES = [
    "{a} reopened its embassy in {b} on Friday, officials said.",
    "The foreign minister of {a} met her counterpart from {b} in {cb} to discuss trade and security.",
    "Intelligence reports suggest up to {n} troops from {a} have been sent to the border with {b}.",
    "{a} expelled two diplomats from {b} on Tuesday after a dispute over visas.",
    "Protesters gathered outside the embassy of {b} in {ca}, demanding the release of detained journalists.",
    "{b} claims {a} is supplying missile technology to armed groups in the region.",
    "The government of {a} said it would recall its ambassador to {b} for consultations.",
    "Talks between {a} and {b} ended without an agreement on fishing rights, according to a statement.",
]
N_DOCS = 36
BAD_AT = 13  # where the document that cannot be parsed and the line that cannot be read sit


def corpus(path, n_docs=N_DOCS, sentences=28, bad=True):
    """A JSONL corpus of made-up diplomatic news, plus (with `bad`) one document too long for
    the parser (it raises inside the worker), one broken JSON line and one French article."""
    lines = []
    for i in range(n_docs):
        (a, ca), (b, cb) = STATES[i % len(STATES)], STATES[(i * 5 + 3) % len(STATES)]
        text = " ".join(
            SENTENCES[(i + k) % len(SENTENCES)].format(a=a, b=b, ca=ca, cb=cb, n=1000 + 250 * ((i + k) % 9))
            for k in range(sentences)
        )
        lines.append(json.dumps({"text": text, "title": f"Report {i}", "url": f"https://news.example/{i}",
                                 "published": f"2024-{1 + i % 12:02d}-{1 + i % 27:02d}"}))  # fmt: skip
        if bad and i == BAD_AT:
            lines.append(json.dumps({"text": "The embassy said the talks would go on. " * 26_000, "title": "Too long"}))
            lines.append('{"text": "a line cut off in the middle')
            lines.append(json.dumps({"text": "Le gouvernement a annoncé la réouverture de son ambassade dans la "
                                             "capitale après une longue fermeture de plusieurs années."}))  # fmt: skip
    path.write_text("\n".join(lines) + "\n")
    return path


def table(out, name):
    con = duckdb.connect()
    bulk.attach(con, out)
    return con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall()


def manifest_partitions(out):
    if not (out / bulk.MANIFEST).exists():
        return {}
    found = {}
    for line in (out / bulk.MANIFEST).read_text().splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if "partition" in record:
            found[record["partition"]] = record["fingerprint"]
    return found


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return corpus(tmp_path_factory.mktemp("bulk-corpus") / "news.jsonl")


@pytest.fixture(scope="module")
def clean_run(data, tmp_path_factory):
    """One uninterrupted run: 2 worker processes, partitions of 4 documents."""
    out = tmp_path_factory.mktemp("bulk-clean") / "out"
    r = run_cli("bulk", data, "--out", out, "--workers", 2, "--partition-size", 4, "--json")
    return out, r


def test_bulk_writes_parquet_per_partition_with_errors_recorded(clean_run):
    out, r = clean_run
    assert r.returncode == 1, r.stderr  # a document failed and a line was unreadable: said by the exit code
    report = json.loads(r.stdout)
    assert report["workers"] == 2 and report["computed"] == report["partitions"] == 10  # 37 documents / 4
    assert report["documents"] == N_DOCS and report["errors"] == 3
    assert "partitions 10/10" in r.stderr  # progress as it goes
    assert all(mb > 50 for mb in report["worker_peak_mb"].values())
    for t in bulk.TABLES:
        assert sorted(p.name for p in (out / t).iterdir()) == [bulk.part_name(i) for i in range(10)]
    assert len(manifest_partitions(out)) == 10

    errors = table(out, "errors")
    stages = {row[4]: row for row in errors}
    assert set(stages) == {"extract", "read"}
    too_long = stages["extract"]
    assert too_long[0] == 3 and "E088" in too_long[5]  # spaCy refuses the document; the message is kept
    reasons = " ".join(row[5] for row in errors if row[4] == "read")
    assert "not valid JSON" in reasons and "not English" in reasons
    con = duckdb.connect()
    bulk.attach(con, out)
    # The partition with the failed document still has its other documents and their events.
    assert con.execute("SELECT count(*) FROM documents WHERE partition = 3").fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM events WHERE partition = 3").fetchone()[0] > 0
    # Every event has its provenance, pointing into its document's text.
    rows = con.execute(
        "SELECT d.text, e.span_start, e.span_end, e.trigger_start, e.trigger_end, s.citation "
        "FROM events e JOIN documents d ON d.id = e.document_id "
        "JOIN sources s ON s.event_id = e.id AND s.document_id = e.document_id AND s.ordinal = e.ordinal"
    ).fetchall()
    assert len(rows) == con.execute("SELECT count(*) FROM events").fetchone()[0] > 100
    for text, s0, s1, t0, t1, citation in rows:
        assert s0 <= t0 < t1 <= s1 <= len(text) and citation.startswith("https://news.example/")


def test_partitions_are_cut_by_documents_and_by_text_the_same_way_every_time(tmp_path):
    data = corpus(tmp_path / "c.jsonl", n_docs=10, sentences=4, bad=False)
    cut = lambda **kw: [[d.id for d in p] for p in bulk.partitions([str(data)], **kw)]  # noqa: E731
    assert [len(p) for p in cut(size=4)] == [4, 4, 2]
    assert cut(size=4) == cut(size=4)
    sizes = [len(d.text) for p in bulk.partitions([str(data)], size=100) for d in p]
    budget = sizes[0] + sizes[1]  # two documents' worth of text, give or take
    by_text = cut(size=100, characters=budget)
    assert len(by_text) > 3 and sum(by_text, []) == sum(cut(size=4), [])  # same order, other cuts
    for part in by_text[:-1]:
        lengths = [sizes[sum(by_text, []).index(i)] for i in part]
        assert sum(lengths) >= budget > sum(lengths[:-1])  # each ends with the document that fills it
    assert [len(p) for p in cut(size=100, characters=1)] == [1] * 10


def test_bulk_extracts_what_read_extracts(clean_run, data):
    """The same extraction function: a worker's events are the events `legation read` finds."""
    from legation.extract.pipeline import Extractor
    from legation.model import Document
    from legation.readers import read_inputs

    out, _ = clean_run
    ex = Extractor()
    docs = [d for d in read_inputs([str(data)]) if isinstance(d, Document) and len(d.text) < 100_000][:6]
    expected = sorted((d.id, e.id) for d in docs for e in ex.read(d))
    con = duckdb.connect()
    bulk.attach(con, out)
    found = con.execute(
        "SELECT document_id, id FROM events WHERE document_id IN (SELECT unnest($1)) ORDER BY ALL", [[d.id for d in docs]]
    ).fetchall()
    assert found == expected and len(expected) > 20


def test_killed_run_resumes_to_the_same_output(clean_run, data, tmp_path):
    clean, _ = clean_run
    out = tmp_path / "out"
    args = [sys.executable, "-m", "legation", "bulk", str(data), "--out", str(out), "--workers", "1", "--partition-size", "4"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while len(manifest_partitions(out)) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)  # no chance to clean up: as if the machine went down
        proc.wait(timeout=30)
    finally:
        proc.stderr.close()
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # its worker processes, should any outlive it
        except ProcessLookupError:
            pass
    done_before = manifest_partitions(out)
    assert 2 <= len(done_before) < 10, "the run was not interrupted half-way"

    r = run_cli("bulk", data, "--out", out, "--workers", 1, "--partition-size", 4, "--json")
    assert r.returncode == 1, r.stderr
    report = json.loads(r.stdout)
    assert report["already_done"] == len(done_before) and report["computed"] == 10 - len(done_before)
    assert manifest_partitions(out) == manifest_partitions(clean)
    for t in bulk.TABLES:
        assert table(out, t) == table(clean, t), t
    assert not list(out.glob("*/.*.tmp"))

    # A third run has nothing left to do and changes nothing.
    r = run_cli("bulk", data, "--out", out, "--workers", 1, "--partition-size", 4, "--json")
    assert json.loads(r.stdout)["computed"] == 0
    assert table(out, "events") == table(clean, "events")


def test_an_output_folder_is_not_mixed_with_other_input(clean_run, data, tmp_path):
    out, _ = clean_run
    r = run_cli("bulk", data, "--out", out, "--partition-size", 5)
    assert r.returncode == 2 and "--partition-size 4" in r.stderr
    other = corpus(tmp_path / "other.jsonl", n_docs=6, sentences=2, bad=False)
    r = run_cli("bulk", other, "--out", out, "--workers", 1, "--partition-size", 4)
    assert r.returncode == 2 and "made from other input" in r.stderr
    assert len(manifest_partitions(out)) == 10


def test_bulk_on_a_running_scheduler_then_merged_as_ingest_would(tmp_path, default_db):
    import shutil

    from dask.distributed import LocalCluster

    data = corpus(tmp_path / "small.jsonl", n_docs=5, sentences=3, bad=False)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        address = cluster.scheduler_address
        r = run_cli("bulk", data, "--out", tmp_path / "out", "--scheduler", address, "--partition-size", 2, "--json")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["scheduler"] == address and report["partitions"] == 3
    assert report["documents"] == 5 and report["events"] > 0

    # Merged into a ledger, the output is what `legation ingest` of the same input stores.
    merged, ingested = tmp_path / "merged.duckdb", tmp_path / "ingested.duckdb"
    shutil.copy(default_db, merged)
    shutil.copy(default_db, ingested)
    assert run_cli("ingest", "--parquet", tmp_path / "out", "--db", merged).returncode == 0
    assert run_cli("ingest", data, "--db", ingested).returncode == 0
    a, b = (duckdb.connect(str(p), read_only=True) for p in (merged, ingested))
    for sql in ("SELECT * EXCLUDE (seq, recorded_at) FROM events", "SELECT * FROM event_sources",
                "SELECT * FROM sources", "SELECT * EXCLUDE (read_at) FROM documents"):  # fmt: skip
        rows_a, rows_b = a.execute(sql).fetchall(), b.execute(sql).fetchall()
        assert len(rows_a) == len(rows_b) and set(rows_a) == set(rows_b), sql


def test_attach_queries_the_parquet_in_place(clean_run):
    out, _ = clean_run
    r = run_cli("attach", out)
    assert r.returncode == 0, r.stderr
    assert f"10 partitions, {N_DOCS} documents" in r.stdout and "3 errors" in r.stdout
    r = run_cli("attach", out, "--json", "--sql", "SELECT count(*) AS n, count(DISTINCT partition) AS parts FROM events")
    row = json.loads(r.stdout)
    assert row["parts"] == 10 and row["n"] > 100
    r = run_cli("attach", out.parent / "nothing-here")
    assert r.returncode == 2 and "holds no bulk output" in r.stderr


def test_ingest_parquet_merges_once(clean_run, scratch_db):
    out, _ = clean_run
    con = duckdb.connect(str(scratch_db), read_only=True)
    before = con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM documents)").fetchone()
    con.close()

    r = run_cli("ingest", "--parquet", out, "--db", scratch_db, "--json")
    assert r.returncode == 0, r.stderr
    first = json.loads(r.stdout)
    assert first["documents"] == first["documents_new"] == N_DOCS and first["events_new"] > 0
    r = run_cli("ingest", "--parquet", out, "--db", scratch_db, "--json")
    second = json.loads(r.stdout)
    assert second["documents_new"] == 0 and second["events_new"] == 0

    con = duckdb.connect(str(scratch_db), read_only=True)
    after = con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM documents)").fetchone()
    assert after == (before[0] + first["events_new"], before[1] + N_DOCS)
    # Every event of the bulk output is in the ledger, with its document as a source.
    bulk.attach(con, out, prefix="bulk_")
    missing = con.execute(
        "SELECT count(*) FROM bulk_sources b LEFT JOIN event_sources es ON es.event_id = b.event_id "
        "AND es.source_id = b.source_id WHERE es.event_id IS NULL"
    ).fetchone()[0]
    assert missing == 0


def test_merge_is_one_transaction(clean_run, scratch_db, tmp_path):
    """A bulk output that cannot be read back whole adds nothing at all."""
    import shutil

    from legation.ledger import Ledger

    out, _ = clean_run
    broken = tmp_path / "broken"
    shutil.copytree(out, broken)
    (broken / "events" / bulk.part_name(7)).write_bytes(b"not parquet")
    with Ledger(scratch_db) as ledger:
        before = ledger.counts()
        with pytest.raises(duckdb.Error):
            bulk.merge_into(ledger, broken)
        assert ledger.counts() == before
