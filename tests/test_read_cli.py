"""`legation read` and `legation ingest` as a user runs them."""

import json

import duckdb

from conftest import run_cli

ARTICLE = (
    "Poland reopened its embassy in North Korea on Friday, the second Western nation to do so after the "
    "pandemic closures. Intelligence reports suggest up to 12,000 North Korean troops have been sent to "
    "Russia's Kursk region. NATO claims Russia is exchanging missile technology with North Korea.\n"
)


def test_read_prints_one_json_event_per_line(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE)
    r = run_cli("read", path, "--published", "2024-11-20", "--json")
    assert r.returncode == 0, r.stderr
    events = [json.loads(line) for line in r.stdout.splitlines()]
    by_subtype = {e["subtype"]: e for e in events}
    reopen = by_subtype["mission_reopened"]
    assert (reopen["source"]["code"], reopen["target"]["code"], reopen["date"]["value"]) == ("POL", "PRK", "2024-11-15")
    troops = by_subtype["military_deployment"]
    assert troops["modality"] == "hedged" and troops["quantity"]["qualifier"] == "at_most"
    claim = by_subtype["arms_transfer"]
    assert claim["modality"] == "claimed" and claim["attribution"] == {"by": "NATO", "cue": "claims"}
    start, end = claim["provenance"]["span"]
    assert ARTICLE[start:end].startswith("NATO claims")


def test_stdin_and_table_output():
    r = run_cli("read", "-", "--published", "2024-11-20", stdin=ARTICLE)
    assert r.returncode == 0, r.stderr
    assert "mission_reopened" in r.stdout and "claimed" in r.stdout


def test_save_then_ingest_again_adds_nothing_and_bad_inputs_are_skipped(scratch_db, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x9f\x92\x96" * 200)
    french = tmp_path / "fr.txt"
    french.write_text("Le gouvernement a annoncé la réouverture de son ambassade dans la capitale après une longue fermeture.")
    r = run_cli("ingest", good, binary, french, tmp_path / "missing.txt", "--db", scratch_db, "--published", "2024-11-20")
    assert r.returncode == 1, r.stderr  # something was skipped; the rest was saved
    assert "blob.txt: binary file" in r.stderr and "not English" in r.stderr and "no such file" in r.stderr
    con = duckdb.connect(str(scratch_db), read_only=True)
    docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    hedged = con.execute("SELECT count(*) FROM events WHERE modality = 'hedged' AND quantity_value = 12000").fetchone()[0]
    sector = con.execute("SELECT actor_sector FROM events WHERE modality = 'hedged'").fetchone()[0]
    con.close()
    assert docs == 1 and hedged == 1 and sector == "military"
    r = run_cli("ingest", good, "--db", scratch_db, "--published", "2024-11-20")
    assert r.returncode == 0
    con = duckdb.connect(str(scratch_db), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == events
    con.close()


def test_a_saved_report_feeds_the_state(scratch_db, tmp_path):
    path = tmp_path / "bulgaria.txt"
    path.write_text("Bulgaria reopened its embassy in Pyongyang on 2 April 2025, the foreign ministry said.")
    assert run_cli("read", path, "--save", "--db", scratch_db).returncode == 0
    r = run_cli("missions", "--db", scratch_db, "--host", "PRK", "--sender", "BGR", "--at", "2025-06-01", "--json")
    bulgaria = [m for m in json.loads(r.stdout)["missions"] if m["city"] == "Pyongyang"][0]
    assert bulgaria["status"] == "reopened" and bulgaria["since"] == "2025-04-02"


def test_bad_published_date_is_one_line():
    r = run_cli("read", "-", "--published", "2024-13-01", stdin=ARTICLE)
    assert r.returncode == 2 and r.stderr.count("\n") == 1


def test_a_text_too_long_to_parse_is_skipped_and_the_rest_is_read(scratch_db, tmp_path):
    long = tmp_path / "long.txt"
    long.write_text("Poland reopened its embassy in North Korea. " * 30_000)  # 1.3 million characters
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    r = run_cli("ingest", long, good, "--db", scratch_db, "--published", "2024-11-20")
    assert r.returncode == 1, r.stderr
    assert "long.txt: too long to parse in one piece (1,31" in r.stderr and "limit is 1,000,000" in r.stderr
    con = duckdb.connect(str(scratch_db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    con.close()
