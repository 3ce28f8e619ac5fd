"""Exchange formats: GDELT in, PLOVER JSON / CAMEO TSV / CSV / Parquet / GraphML out, Legation's
own exports back in, and CAMEO/PETRARCH dictionaries for the extractor. Real DuckDB files
(copies of the default database), the real `legation` command."""

import csv
import datetime as dt
import gzip
import json
import shutil
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import duckdb
import pytest

from conftest import SHARED, run_cli
from legation.dates import FuzzyDate
from legation.exchange import staging
from legation.exchange.cameo import CameoTable, actor_code, quad_class, sector_of_agent
from legation.exchange.dictionaries import ActorDictionary, DictionaryError, parse_agents, phrase_text
from legation.exchange.gdelt import DATASET, LICENCE, GdeltError, import_gdelt
from legation.ledger import Ledger
from legation.model import Event, Modality, Source

DATA = Path(__file__).parent / "data" / "exchange"
SAMPLE = DATA / "gdelt_sample.export.CSV"
ACTORS = DATA / "fictional.actors.txt"
AGENTS = DATA / "fictional.agents.txt"
ARTICLE = (
    "Poland reopened its embassy in North Korea on Friday, the second Western nation to do so after the "
    "pandemic closures. Intelligence reports suggest up to 12,000 North Korean troops have been sent to "
    "Russia's Kursk region. NATO claims Russia is exchanging missile technology with North Korea.\n"
)
TABLES = ("events", "sources", "event_sources", "listings", "blocs")


def dump(path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}
    finally:
        con.close()


def fingerprint(path: Path) -> tuple:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return tuple(
            con.execute(f"SELECT count(*), coalesce(sum(hash(COLUMNS(*))), 0) FROM {t}").fetchone() for t in TABLES
        )
    finally:
        con.close()


def query(path: Path, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def rich_db(default_db, tmp_path_factory) -> Path:
    """The default database with GDELT events and an article read from text (a document, its
    sentences as provenance): every kind of event a ledger holds."""
    path = tmp_path_factory.mktemp("exchange") / "rich.duckdb"
    shutil.copy(default_db, path)
    r = run_cli("import", "gdelt", SAMPLE, "--db", path)
    assert r.returncode == 0, r.stderr
    article = path.parent / "article.txt"
    article.write_text(ARTICLE)
    r = run_cli("ingest", article, "--db", path, "--published", "2024-11-20")
    assert r.returncode == 0, r.stderr
    return path


# -- the CAMEO table and codes ---------------------------------------------------------------


def test_cameo_table_is_derived_from_the_plover_table_with_its_changes_marked():
    table = CameoTable.default()
    visit = table.lookup("042")
    assert (visit.event, visit.mode) == ("CONSULT", "visit")
    assert table.lookup("163").event == "COERCE"  # as PLOVER has it, not SANCTION
    assert table.lookup("0841").mode == "release"
    assert table.lookup("1384").mode == "violence"
    # a code missing from the table falls back to its base, then its root
    assert table.lookup("0429").code == "042"
    # 02x appeals: Legation's rows, each its 10x twin's mapping, marked as such
    appeal = table.lookup("0233")
    assert (appeal.event, appeal.mode, appeal.context) == ("REQUEST", "assist", "humanitarian")
    assert appeal.origin.startswith("legation:") and "1033" in appeal.origin
    # 01x public statements have no PLOVER type
    assert table.lookup("010") is None and table.lookup("01") is None
    assert all(r.origin.startswith(("cameo2plover.txt line", "legation:")) for r in table.rows.values())
    assert table.representative("SANCTION", "withdraw") == "161"
    assert table.representative("COOPERATE") == "060"
    assert table.representative("ASSAULT") == "180"
    assert table.representative("MOBILIZE", "troops") == "152"
    assert quad_class("042") == 1 and quad_class("061") == 2 and quad_class("112") == 3 and quad_class("190") == 4


@pytest.mark.skipif(not (SHARED / "data" / "plover" / "cameo2plover.txt").exists(), reason="needs ../shared/data")
def test_every_code_of_the_source_table_is_shipped_with_its_type():
    table = CameoTable.default()
    for line in (SHARED / "data" / "plover" / "cameo2plover.txt").read_text().splitlines():
        if not line[:1].isdigit() or ":" not in line:
            continue
        code, rest = line.split(":", 1)
        event = rest.split(",")[0].split("#")[0].strip()
        if len(code) > 2 and code != "175":
            assert table.rows[code].event == event, code


def test_agent_codes_and_cameo_actor_codes():
    assert sector_of_agent("~GOVFRM") == "government" and sector_of_agent("MIL") == "military"
    assert sector_of_agent("COP") == sector_of_agent("SPY") == "police"
    assert sector_of_agent("REB") == sector_of_agent("INS") == "rebels"
    assert sector_of_agent("OPP") == "opposition"
    assert {sector_of_agent(c) for c in ("CVL", "EDU", "LAB", "REF")} == {"civilians"}
    assert sector_of_agent("NGO~") == "organisation" and sector_of_agent("ZZZ") == "other"
    assert actor_code("ROU", "government", True) == "ROMGOV"
    assert actor_code("NATO", "", False) == "IGOWSTNAT"


def test_fast_ids_are_the_ledgers_ids():
    samples = [
        Event(subtype="", actor="POL", target="PRK", date=FuzzyDate.parse("2024-11-15"), plover_type="CONSULT"),
        Event(subtype="mission_reopened", actor="POL", target="PRK", city="Pyongyang", mission_kind="embassy",
              date=FuzzyDate.parse("2024-11"), modality=Modality.CLAIMED, attributed_to='Zé "Q" \\ ü'),
        Event(subtype="protecting_power_start", actor="SWE", target="PRK", third="USA", city="Pyongyang",
              mission_kind="embassy"),
    ]  # fmt: skip
    for e in samples:
        d = e.date
        got = staging.event_id(e.subtype, e.type, e.actor, e.target, e.third, d.value if d else "",
                               d.precision if d else "unknown", e.mission or e.city, e.modality.value, e.attributed_to)  # fmt: skip
        assert got == e.id
    s = Source(citation='https://example.org/a"b\\c é', dataset=DATASET, locator="GLOBALEVENTID 1")
    assert staging.source_id(s.citation, s.dataset, s.locator) == s.id


# -- GDELT ------------------------------------------------------------------------------------


def test_import_gdelt_sample(scratch_db):
    before_missions = run_cli("missions", "--host", "PRK", "--at", "2024-11-20", "--json", "--db", scratch_db)
    r = run_cli("import", "gdelt", SAMPLE, "--db", scratch_db, "--json")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["rows"] == 15 and report["imported_rows"] == 13
    assert report["skipped_no_plover"] == 1  # the CAMEO 010 statement
    assert report["skipped_no_actor"] == 1  # police and protesters, no country
    assert report["events_new"] == 12 and report["sources_new"] == 13  # one story, two outlets
    rows = query(scratch_db, """
        SELECT e.type, e.mode, e.actor, e.target, e.date_value, e.date_precision, e.modality, e.actor_sector,
               e.target_sector, e.quantity_value, e.subtype, list(s.locator ORDER BY s.locator), list(s.dataset)
        FROM events e JOIN event_sources es ON es.event_id = e.id JOIN sources s ON s.id = es.source_id
        WHERE s.dataset = ? GROUP BY ALL ORDER BY e.date_value, e.actor""", [DATASET])  # fmt: skip
    by_pair = {(r[2], r[3]): r for r in rows}
    visit = by_pair[("POL", "PRK")]
    assert visit[:10] == ("CONSULT", "visit", "POL", "PRK", "2024-11-15", "day", "asserted", "government", "government", None)
    assert visit[11] == ["GLOBALEVENTID 1203456701", "GLOBALEVENTID 1203456702"]
    assert visit[10] == ""  # no mission subtype: GDELT events never change the network's state
    assert by_pair[("ROU", "MDA")][0] == "SUPPORT"  # CAMEO ROM is ISO ROU
    assert by_pair[("COD", "RWA")][:2] == ("THREATEN", "violence")  # CAMEO ZAR is ISO COD
    assert by_pair[("NATO", "RUS")][:2] == ("ACCUSE", "disapprove")  # known group NAT
    assert by_pair[("UNO", "SDN")][0] == "AID" and by_pair[("UNO", "SDN")][7] == "organisation"
    assert by_pair[("SWE", "PRK")][:2] == ("REQUEST", "assist")  # 0233: an appeal
    assert by_pair[("RUS", "UKR")][7] == "military"
    assert len(rows) == 12 and all(r[6] == "asserted" for r in rows)
    url = query(scratch_db, "SELECT citation, url, licence FROM sources WHERE locator = 'GLOBALEVENTID 1203456703'")
    assert url == [("https://kyivindependent.com/russian-strikes-hit-kharkiv-overnight/",) * 2 + (LICENCE,)]
    after_missions = run_cli("missions", "--host", "PRK", "--at", "2024-11-20", "--json", "--db", scratch_db)
    assert json.loads(after_missions.stdout) == json.loads(before_missions.stdout)
    again = run_cli("import", "gdelt", SAMPLE, "--db", scratch_db, "--json")
    assert json.loads(again.stdout)["events_new"] == 0 and json.loads(again.stdout)["sources_new"] == 0


def test_gdelt_rows_are_stored_as_ledger_append_stores_events(tmp_path):
    imported, appended = tmp_path / "imported.duckdb", tmp_path / "appended.duckdb"
    with Ledger(imported) as ledger:
        import_gdelt(ledger, [SAMPLE])
    url = "https://kyivindependent.com/russian-strikes-hit-kharkiv-overnight/"
    event = Event(
        subtype="", actor="RUS", target="UKR", date=FuzzyDate.parse("2024-11-16"), plover_type="ASSAULT",
        note="CAMEO 190; Kharkiv, Kharkivs'ka Oblast', Ukraine", actor_sector="military",
        sources=(Source(citation=url, url=url, dataset=DATASET, licence=LICENCE, locator="GLOBALEVENTID 1203456703"),),
    )  # fmt: skip
    with Ledger(appended) as ledger:
        ledger.append([event])
    columns = "* EXCLUDE (seq, recorded_at)"
    assert query(imported, f"SELECT {columns} FROM events WHERE id = ?", [event.id]) == query(
        appended, f"SELECT {columns} FROM events"
    )
    assert query(imported, "SELECT * FROM sources WHERE id = ?", [event.sources[0].id]) == query(appended, "SELECT * FROM sources")


def test_gdelt_zip_and_gzip_read_as_the_plain_file(tmp_path):
    zipped, gzipped = tmp_path / "20241121000000.export.CSV.zip", tmp_path / "sample.export.CSV.gz"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(SAMPLE, "20241121000000.export.CSV")
    gzipped.write_bytes(gzip.compress(SAMPLE.read_bytes()))
    results = []
    for source in (SAMPLE, zipped, gzipped):
        db = tmp_path / f"{source.name}.duckdb"
        with Ledger(db) as ledger:
            import_gdelt(ledger, [source])
        results.append(query(db, "SELECT * EXCLUDE (recorded_at) FROM events ORDER BY seq"))
    assert results[0] == results[1] == results[2] and len(results[0]) == 12


def _variant(tmp_path: Path, name: str, edit) -> Path:
    lines = SAMPLE.read_text().splitlines()
    path = tmp_path / name
    path.write_text("\n".join(edit(lines)) + "\n")
    return path


@pytest.mark.parametrize(
    "name, edit, message",
    [
        ("short.CSV", lambda ls: ls + ["\t".join(ls[0].split("\t")[:20])], "line 16: 20 tab-separated columns; a GDELT 2.0 events export has 61"),
        ("gdelt1.CSV", lambda ls: ls[:3] + ["\t".join(ls[3].split("\t")[:57])] + ls[4:], "line 4: 57 tab-separated columns"),
        ("baddate.CSV", lambda ls: ls[:2] + [ls[2].replace("\t20241116\t", "\t20241399\t", 1)] + ls[3:], "line 3: SQLDATE '20241399' is not a date"),
        ("badid.CSV", lambda ls: ["x" + ls[0]] + ls[1:], "line 1: GLOBALEVENTID 'x1203456701' is not a number"),
        ("comma.csv", lambda ls: [l.replace("\t", ",") for l in ls], "line 1: 1 tab-separated columns"),
        ("empty.CSV", lambda ls: [], "no rows"),
    ],
)  # fmt: skip
def test_malformed_gdelt_files_are_refused_and_nothing_is_written(scratch_db, tmp_path, name, edit, message):
    bad = _variant(tmp_path, name, edit)
    before = fingerprint(scratch_db)
    r = run_cli("import", "gdelt", SAMPLE, bad, "--db", scratch_db)  # the good file first: all or nothing
    assert r.returncode == 2
    assert r.stderr.startswith("legation: error: ") and message in r.stderr and name in r.stderr, r.stderr
    assert fingerprint(scratch_db) == before


@pytest.mark.parametrize("blob, message", [(b"\x00\x01\x02binary\x00" * 50, "binary"), (b"PK\x03\x04not really a zip", "not a readable zip")])
def test_binary_and_broken_zip_files_are_refused(scratch_db, tmp_path, blob, message):
    bad = tmp_path / "broken.export.CSV.zip"
    bad.write_bytes(blob)
    before = fingerprint(scratch_db)
    r = run_cli("import", "gdelt", bad, "--db", scratch_db)
    assert r.returncode == 2 and message in r.stderr, r.stderr
    assert fingerprint(scratch_db) == before


def test_a_bad_row_after_many_batches_rolls_back_every_batch(tmp_path):
    bad = _variant(tmp_path, "late.CSV", lambda ls: ls + ls[:1] + ["broken\trow"])
    db = tmp_path / "ledger.duckdb"
    with Ledger(db) as ledger:
        before = ledger.counts()
        with pytest.raises(GdeltError, match="line 17"):
            import_gdelt(ledger, [bad], chunk=2)  # seven batches merged before the bad line
        assert ledger.counts() == before


def test_batches_and_an_interrupted_import_give_the_same_events(tmp_path):
    whole, batched, resumed = (tmp_path / f"{n}.duckdb" for n in ("whole", "batched", "resumed"))
    with Ledger(whole) as ledger:
        import_gdelt(ledger, [SAMPLE])
    with Ledger(batched) as ledger:
        import_gdelt(ledger, [SAMPLE], chunk=2)
    columns = "* EXCLUDE (recorded_at)"
    assert query(whole, f"SELECT {columns} FROM events ORDER BY seq") == query(batched, f"SELECT {columns} FROM events ORDER BY seq")
    # an import stopped after some batches, then run again, ends with the same events and sources
    first_part = _variant(tmp_path, "first.CSV", lambda ls: ls[:6])
    with Ledger(resumed) as ledger:
        import_gdelt(ledger, [first_part])
        report = import_gdelt(ledger, [SAMPLE])
    assert report.events_new == 12 - 5 and report.sources_new == 13 - 6  # rows 1-6: five events, six sources
    content = "* EXCLUDE (seq, recorded_at)"
    assert query(whole, f"SELECT {content} FROM events ORDER BY id") == query(resumed, f"SELECT {content} FROM events ORDER BY id")
    assert query(whole, "SELECT * FROM event_sources ORDER BY ALL") == query(resumed, "SELECT * FROM event_sources ORDER BY ALL")


# -- exports and the round trip --------------------------------------------------------------


@pytest.mark.parametrize("fmt, name", [("csv", "events.csv"), ("parquet", "events.parquet"), ("plover-json", "events.json")])
def test_export_then_import_into_a_new_file_gives_the_same_ledger(rich_db, tmp_path, fmt, name):
    out = tmp_path / name
    r = run_cli("export", "--format", fmt, "--out", out, "--db", rich_db)
    assert r.returncode == 0, r.stderr
    fresh = tmp_path / "fresh.duckdb"
    r = run_cli("import", fmt, out, "--db", fresh, "--json")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["reference_tables"] is True
    original, restored = dump(rich_db), dump(fresh)
    for table in TABLES:
        assert restored[table] == original[table], table
    assert len(original["events"]) > 10_000 and any(e[2] == "" for e in original["events"])
    # the same answers too
    for args in (("missions", "--host", "PRK", "--at", "2024-11-20"), ("members", "NATO", "--at", "2024-03-08")):
        a = run_cli(*args, "--json", "--db", rich_db)
        b = run_cli(*args, "--json", "--db", fresh)
        assert json.loads(a.stdout) == json.loads(b.stdout)
    # importing the same file again adds nothing
    again = run_cli("import", fmt, out, "--db", fresh, "--json")
    assert json.loads(again.stdout)["events_new"] == 0 and json.loads(again.stdout)["sources_new"] == 0


def test_a_restore_in_many_chunks_is_the_same_ledger(rich_db, tmp_path):
    from legation.exchange import formats

    out = tmp_path / "events.parquet"
    with Ledger(rich_db, read_only=True) as ledger:
        formats.CHUNK_EVENTS, saved = 997, formats.CHUNK_EVENTS  # many export chunks too
        try:
            formats.export_parquet(ledger, out, formats.EventFilter())
        finally:
            formats.CHUNK_EVENTS = saved
    fresh = tmp_path / "fresh.duckdb"
    with Ledger(fresh) as ledger:
        report = formats.import_files(ledger, "parquet", [out], chunk=1_000)
    assert report.events_new == report.events_in_files > 10_000
    assert dump(fresh) == dump(rich_db)


def test_parquet_export_is_queried_by_duckdb_in_place(rich_db, tmp_path):
    out = tmp_path / "events.parquet"
    assert run_cli("export", "--format", "parquet", "--out", out, "--db", rich_db, "--since", "2024-11").returncode == 0
    con = duckdb.connect()
    rows = con.execute(
        f"""SELECT type, actor, target, sources[1].dataset, len(provenance), provenance[1].document, provenance[1].span_start
            FROM '{out}' WHERE modality = 'hedged'"""
    ).fetchall()
    assert rows and rows[0][:4] == ("MOBILIZE", "PRK", "RUS", rows[0][5] and f"document {rows[0][5]}")
    assert rows[0][4] == 1 and rows[0][6] is not None
    gdelt = con.execute(f"SELECT count(*) FROM '{out}' WHERE sources[1].dataset = 'GDELT 2.0 events'").fetchone()[0]
    assert gdelt == 12
    assert con.execute(f"SELECT min(date_start) FROM '{out}'").fetchone()[0] >= dt.date(2024, 11, 1)


def test_plover_json_has_the_gold_standard_shape(rich_db, tmp_path):
    r = run_cli("export", "--format", "plover-json", "--db", rich_db, "--actor", "PRK", "--since", "2024-11-01")
    assert r.returncode == 0, r.stderr
    records = json.loads(r.stdout)
    assert records and all({"id", "date", "event", "mode", "source", "target", "legation", "sources"} <= set(x) for x in records)
    hedged = next(x for x in records if x["legation"]["modality"] == "hedged")
    assert hedged["event"] == "MOBILIZE" and hedged["source"][0] == {"actorText": "North Korea", "code": "PRK", "sector": "MIL"}
    assert hedged["text"].startswith("Intelligence reports suggest up to 12,000 North Korean troops")
    assert hedged["legation"]["quantity_value"] == 12000 and hedged["sources"][0]["dataset"].startswith("document ")
    visit = next(x for x in records if x["event"] == "CONSULT")
    assert visit["mode"] == "visit" and len(visit["sources"]) == 2
    assert all("PRK" in (x["legation"]["actor"], x["legation"]["target"], x["legation"]["third"]) for x in records)
    assert all(x["legation"]["date_start"] >= "2024-11-01" for x in records)


def test_plover_json_from_another_coder_is_imported_as_asserted_events(tmp_path):
    records = [
        {"id": "DOC-1", "event": "DOCUMENT", "eventText": "notes about the file"},
        {"id": "ours-0001", "date": "2023-05-04", "event": "CONSULT", "mode": "visit",
         "source": [{"actorText": "Romanian", "code": "ROM", "sector": "GOV"}], "target": [{"actorText": "Chisinau", "code": "MDA"}],
         "eventText": "visited", "text": "The Romanian prime minister visited Chisinau.", "publication": "our own coding"},
        {"id": "ours-0002", "date": "2023-06", "event": "DEMAND", "source": [{"code": "UKR"}], "target": [{"code": "IGO"}]},
    ]  # fmt: skip
    path = tmp_path / "coded.json"
    path.write_text(json.dumps(records))
    db = tmp_path / "coded.duckdb"
    r = run_cli("import", "plover-json", path, "--db", db, "--json")
    assert r.returncode == 0, r.stderr
    rows = query(db, "SELECT type, mode, actor, target, actor_sector, date_value, date_precision, modality FROM events ORDER BY seq")
    assert rows == [("CONSULT", "visit", "ROU", "MDA", "government", "2023-05-04", "day", "asserted"),
                    ("REQUEST", "", "UKR", "IGO", "", "2023-06", "month", "asserted")]  # fmt: skip
    assert query(db, "SELECT citation, dataset, locator FROM sources WHERE dataset = ? ORDER BY locator", ["coded.json"])[0] == ("our own coding", "coded.json", "ours-0001")


def test_cameo_tsv(rich_db):
    r = run_cli("export", "--format", "cameo-tsv", "--db", rich_db, "--since", "2020")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(r.stdout.splitlines(), delimiter="\t"))
    gdelt = next(x for x in rows if x["cameo_code"] == "1384")
    assert gdelt["cameo_origin"] == "gdelt" and gdelt["source_country"] == "ZAR" and gdelt["quad_class"] == "3"
    romania = next(x for x in rows if x["source_country"] == "ROM" and x["cameo_origin"] == "gdelt")
    assert romania["source_code"] == "ROMGOV" and romania["cameo_code"] == "057"
    suspended = next(x for x in rows if x["subtype"] == "mission_suspended" and x["source_country"] == "DEU")
    assert (suspended["cameo_code"], suspended["cameo_root"], suspended["cameo_origin"]) == ("161", "16", "mapped")
    nato = next(x for x in rows if x["source_code"] == "IGOWSTNAT")
    assert nato["source_country"] == "" and nato["plover_type"] == "ACCUSE"
    assert all(x["date"] >= "2020" for x in rows)


def test_graphml_of_the_channel_network(default_db, tmp_path):
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}

    def graph(at, *extra):
        out = tmp_path / f"net-{at}.graphml"
        r = run_cli("export", "--format", "graphml", "--at", at, "--out", out, "--db", default_db, *extra)
        assert r.returncode == 0, r.stderr
        root = ET.parse(out).getroot()
        keys = {k.get("id"): (k.get("for"), k.get("attr.name")) for k in root.findall("g:key", ns)}
        g = root.find("g:graph", ns)
        assert g.get("edgedefault") == "directed"
        nodes = {n.get("id"): {keys[d.get("key")][1]: d.text for d in n.findall("g:data", ns)} for n in g.findall("g:node", ns)}
        edges = []
        for e in g.findall("g:edge", ns):
            data = {keys[d.get("key")][1]: d.text for d in e.findall("g:data", ns)}
            assert all(keys[d.get("key")][0] == "edge" for d in e.findall("g:data", ns))
            assert e.get("source") in nodes and e.get("target") in nodes
            edges.append({"source": e.get("source"), "target": e.get("target"), **data})
        return nodes, edges

    nodes, edges = graph("2024-11-20")
    assert nodes["PRK"] == {"name": "North Korea", "kind": "state"} and nodes["NATO"]["kind"] == "bloc"
    sweden = next(e for e in edges if (e["source"], e["target"], e["kind"]) == ("SWE", "PRK", "mission"))
    assert (sweden["status"], sweden["since"], sweden["staffed"]) == ("operating", "2024-09-13", "true")
    assert {(e["source"], e["via"]) for e in edges if e["kind"] == "protecting_power" and e["target"] == "PRK"} >= {("USA", "SWE")}
    assert any(e["kind"] == "member" and (e["source"], e["target"]) == ("SWE", "NATO") for e in edges)
    assert any(e["kind"] == "accredited" for e in edges)
    _, before = graph("2021-06-01", "--actor", "PRK")
    sweden = next(e for e in before if (e["source"], e["target"], e["kind"]) == ("SWE", "PRK", "mission"))
    assert (sweden["status"], sweden["staffed"]) == ("staff_withdrawn", "false")
    assert all("PRK" in (e["source"], e["target"], e.get("via")) for e in before)
    _, early = graph("2023-01-01", "--actor", "NATO")
    assert not any(e["source"] == "SWE" for e in early)  # Sweden joined NATO on 2024-03-07


def test_export_filters_and_errors(rich_db, tmp_path):
    r = run_cli("export", "--format", "parquet", "--db", rich_db)
    assert r.returncode == 2 and "needs --out" in r.stderr
    r = run_cli("export", "--format", "csv", "--actor", "Narnia", "--db", rich_db)
    assert r.returncode == 2 and "unknown country or actor 'Narnia'" in r.stderr
    r = run_cli("export", "--format", "csv", "--since", "2024-13", "--db", rich_db)
    assert r.returncode == 2 and "2024-13" in r.stderr
    r = run_cli("export", "--format", "csv", "--actor", "NATO", "--until", "1960", "--db", rich_db)
    rows = list(csv.DictReader(r.stdout.splitlines()))
    assert rows and all("NATO" in (x["actor"], x["target"]) and x["date_start"] <= "1960-12-31" for x in rows)


# -- importing our own formats: what is refused --------------------------------------------------


@pytest.fixture(scope="module")
def exported_csv(rich_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("csv") / "events.csv"
    assert run_cli("export", "--format", "csv", "--out", out, "--db", rich_db, "--actor", "PRK").returncode == 0
    return out


def _edit_csv(src: Path, dst: Path, edit) -> Path:
    with open(src, newline="") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0])
    rows, fields = edit(rows, fields)
    with open(dst, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
    return dst


def _edited_actor(rows, fields):
    rows[3]["actor"] = "FRA"
    return rows, fields


def _bad_day(rows, fields):
    rows[1]["date_start"] = "2024-02-30"
    return rows, fields


def _no_sources(rows, fields):
    return [{k: v for k, v in r.items() if k != "sources"} for r in rows], [f for f in fields if f != "sources"]


def _bad_modality(rows, fields):
    rows[0]["modality"] = "rumoured"
    return rows, fields


@pytest.mark.parametrize(
    "edit, message",
    [
        (_edited_actor, "row 4: event id"),
        (_bad_day, "row 2: date_start '2024-02-30' is not a date"),
        (_no_sources, "missing column(s) sources"),
        (_bad_modality, "row 1: unknown modality 'rumoured'"),
    ],
)
def test_edited_or_broken_exports_are_refused_whole(exported_csv, scratch_db, tmp_path, edit, message):
    bad = _edit_csv(exported_csv, tmp_path / "bad.csv", edit)
    before = fingerprint(scratch_db)
    r = run_cli("import", "csv", exported_csv, bad, "--db", scratch_db)
    assert r.returncode == 2 and message in r.stderr, r.stderr
    assert fingerprint(scratch_db) == before


def test_files_that_are_not_exports_are_refused(tmp_path):
    fresh = tmp_path / "fresh.duckdb"
    cases = [
        ("parquet", "garbage.parquet", b"PAR1 this is not parquet", "not a Legation parquet export"),
        ("plover-json", "bad.json", b"[{\"event\": ", "not JSON"),
        ("plover-json", "object.json", b'{"event": "CONSULT"}', "expected a JSON list"),
        ("csv", "binary.csv", b"\x00\x01" * 100, "binary"),
        ("csv", "other.csv", b"a,b\n1,2\n", "missing column(s)"),
    ]
    for fmt, name, blob, message in cases:
        path = tmp_path / name
        path.write_bytes(blob)
        r = run_cli("import", fmt, path, "--db", fresh)
        assert r.returncode == 2 and message in r.stderr, (name, r.stderr)
    with Ledger(fresh) as ledger:  # nothing was written, not even the reference tables
        assert set(ledger.counts().values()) == {0}


# -- CAMEO/PETRARCH dictionaries ---------------------------------------------------------------


def test_actor_dictionary_format():
    d = ActorDictionary.load(ACTORS)
    pairs = dict(d.pairs())
    assert pairs["Zembla"] == pairs["Zemblan"] == pairs["Onhava"] == "XZB"
    assert pairs["Republic of Freedonia"] == pairs["Freedonia"] == "XFD"  # a leading "the" dropped
    assert pairs["Silver Hand"] == "XZBREB"
    radisson = next(e for e in d.entries if "Rupert Radisson" in e.phrases)
    assert radisson.code_at(dt.date(2019, 6, 1)) == "XZBOPP"
    assert radisson.code_at(dt.date(2021, 6, 1)) == "XZBGOV"
    assert radisson.code_at(None) == "XZBELI"  # the undated code
    klein = next(e for e in d.entries if "Marta Klein" in e.phrases)  # YYMMDD dates, on one line
    assert klein.code_at(dt.date(2016, 1, 1)) == "XFDGOV" and klein.code_at(dt.date(2023, 1, 1)) == "XFDELI"
    assert any("2004017" in w for w in d.warnings)  # a bad date is named, not fatal
    assert phrase_text("THE_UNITED_NATIONS_") == "United Nations" and phrase_text("UN_") == "UN"
    kuwait = ActorDictionary.parse("KUWAIT_\n+KUWAITI_\n\t[KWT <900802]\n\t[KWTOCC 900802-910206]\n\t[KWT >910206]\n")
    (entry,) = kuwait.entries
    assert [entry.code_at(dt.date(y, m, 1)) for y, m in ((1990, 1), (1990, 10), (1995, 1))] == ["KWT", "KWTOCC", "KWT"]
    with pytest.raises(DictionaryError, match="no actors with codes"):
        ActorDictionary.parse("# nothing\nJUST_A_PHRASE_\n")


def test_agent_dictionary_format():
    pairs, warnings = parse_agents(AGENTS.read_text())
    agents = dict(pairs)
    assert agents["hussar"] == agents["hussars"] == "military"
    assert agents["bailiff"] == "police" and "bailiffs" not in agents  # {}: no plural
    assert agents["attorney general"] == agents["attorneys general"] == "government"
    assert agents["palace guardsman"] == agents["palace guardsmen"] == "police"
    assert agents["dissident poet"] == "opposition"
    assert not warnings


def test_read_with_a_groups_own_dictionaries(tmp_path):
    article = tmp_path / "zembla.txt"
    article.write_text(
        "Zemblan troops clashed with the Silver Hand near Onhava on Monday. Freedonia condemned the attack. "
        "President Radisson met Freedonian envoys in Onhava. Zemblan bailiffs arrested Freedonian hussars.\n"
    )
    plain = run_cli("read", article, "--published", "2024-03-06", "--json")
    assert plain.returncode == 0, plain.stderr
    assert not any(c in plain.stdout for c in ('"XZB"', '"XFD"'))
    r = run_cli("read", article, "--published", "2024-03-06", "--json", "--actors", ACTORS, "--agents", AGENTS)
    assert r.returncode == 0, r.stderr
    events = [json.loads(line) for line in r.stdout.splitlines()]
    pairs = {(e["source"]["code"] if e["source"] else None, e["target"]["code"] if e["target"] else None, e["type"]) for e in events}
    assert ("XZB", "XZBREB", "ASSAULT") in pairs and ("XFD", None, "ACCUSE") in pairs
    assert ("XZBGOV", "XFD", "CONSULT") in pairs  # Radisson is president from 2020
    arrest = next(e for e in events if e["type"] == "COERCE")
    assert arrest["source"]["sector"] == "police" and arrest["target"]["sector"] == "military"  # bailiffs, hussars
    assert "2004017" in r.stderr  # the unreadable date is named
    earlier = run_cli("read", article, "--published", "2019-03-06", "--json", "--actors", ACTORS)
    codes = {json.loads(line)["source"]["code"] for line in earlier.stdout.splitlines() if json.loads(line)["type"] == "CONSULT"}
    assert codes == {"XZBOPP"}  # before 2020 he led the opposition


def test_unusable_dictionaries_stop_the_run(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Poland reopened its embassy in North Korea.\n")
    empty = tmp_path / "empty.actors"
    empty.write_text("# no entries\n")
    r = run_cli("read", article, "--actors", empty)
    assert r.returncode == 2 and "no actors with codes" in r.stderr
    blob = tmp_path / "blob.agents"
    blob.write_bytes(b"\x00\xff" * 64)
    r = run_cli("read", article, "--agents", blob)
    assert r.returncode == 2 and "binary" in r.stderr
