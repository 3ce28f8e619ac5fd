"""The `legation` command as a user runs it: a child process, real files, exit codes."""

import json

import duckdb

from conftest import run_cli


def test_help_lists_the_commands():
    r = run_cli("--help")
    assert r.returncode == 0
    for command in ("load", "missions", "history", "channels", "order", "members"):
        assert command in r.stdout


def test_side_by_side_pyongyang_table(default_db):
    r = run_cli("missions", "--db", default_db, "--host", "North Korea", "--at", "2019-06-01", "--at", "2024-11-20", "--mark", "NATO")
    assert r.returncode == 0, r.stderr
    lines = {line.split("  ")[0]: line for line in r.stdout.splitlines()}
    assert "2019-06-01" in r.stdout and "2024-11-20" in r.stdout
    sweden = lines["Sweden"]
    assert "operating since 2024-09-13 [NATO]" in sweden
    assert "listed, unconfirmed" in lines["France"]
    assert "Conflicting evidence" in r.stdout and "United Kingdom" in r.stdout
    assert "Sweden represents United States" in r.stdout


def test_json_output_parses_and_carries_event_ids(default_db):
    r = run_cli("missions", "--db", default_db, "--host", "PRK", "--at", "2024-11-20", "--json")
    data = json.loads(r.stdout)
    poland = [m for m in data["missions"] if m["sender"] == "POL" and m["city"] == "Pyongyang"][0]
    assert poland["status"] == "reopened_limited"
    event_id = poland["governing"]["id"]
    src = json.loads(run_cli("source", event_id, "--db", default_db, "--json").stdout)
    assert src["date"] == "2024-11-15"
    assert any("ajc.com" in s["url"] for s in src["sources"])


def test_group_filter(default_db):
    r = run_cli("missions", "--db", default_db, "--host", "PRK", "--at", "2024-11-20", "--group", "western", "--status", "staffed", "--json")
    senders = {m["sender"] for m in json.loads(r.stdout)["missions"]}
    assert senders == {"SWE", "POL"}


def test_order_command(default_db):
    r = run_cli("order", "--db", default_db, "--event", "reopen", "--host", "PRK", "--group", "western", "--after", "2020-01-01")
    assert r.returncode == 0, r.stderr
    rows = [l for l in r.stdout.splitlines() if l[:1].isdigit()]
    assert rows[0].split()[1] == "Sweden" and rows[1].split()[1] == "Poland"


def test_history_shows_sources(default_db):
    r = run_cli("history", "Poland", "DPRK", "--db", default_db, "--json")
    data = json.loads(r.stdout)
    assert [e["subtype"] for e in data["events"] if e["subtype"] != "mission_listed"] == ["mission_suspended", "mission_reopened_limited"]
    assert all(e["sources"] for e in data["events"])


def test_members_shows_marks(default_db):
    r = run_cli("members", "AU", "--at", "2024-01-01", "--db", default_db)
    assert r.returncode == 0
    assert "unverified" in r.stdout and "suspended since" in r.stdout


def test_unknown_country_suggests(default_db):
    r = run_cli("missions", "--db", default_db, "--host", "Noth Korea")
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "North Korea" in r.stderr and "Traceback" not in r.stderr


def test_impossible_date(default_db):
    r = run_cli("missions", "--db", default_db, "--host", "PRK", "--at", "2024-02-30")
    assert r.returncode == 2 and "impossible date" in r.stderr and r.stderr.count("\n") == 1


def test_malformed_group_file(default_db, tmp_path):
    bad = tmp_path / "groups.toml"
    bad.write_text('name = "allies"\nblocs = ["NATO", \n')
    r = run_cli("missions", "--db", default_db, "--host", "PRK", "--group", "allies", "--groups-file", bad)
    assert r.returncode == 2 and "not valid TOML" in r.stderr and r.stderr.count("\n") == 1
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('name = "allies"\nblocs = ["NATOO"]\n')
    r = run_cli("missions", "--db", default_db, "--host", "PRK", "--group", "allies", "--groups-file", wrong)
    assert r.returncode == 2 and "unknown bloc" in r.stderr


def test_user_group_file(default_db, tmp_path):
    mine = tmp_path / "groups.toml"
    mine.write_text('[groups.nordics]\nlabel = "Nordic states"\nstates = ["SWE", "NOR", "DNK", "FIN", "ISL"]\n')
    r = run_cli("missions", "--db", default_db, "--host", "PRK", "--at", "2024-11-20", "--group", "nordics", "--groups-file", mine, "--json")
    assert r.returncode == 0, r.stderr
    assert {m["sender"] for m in json.loads(r.stdout)["missions"]} == {"SWE"}


def test_not_a_legation_database(tmp_path):
    other = tmp_path / "shop.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE orders (id INT)")
    con.close()
    r = run_cli("missions", "--db", other, "--host", "PRK")
    assert r.returncode == 2 and "not a Legation database" in r.stderr and r.stderr.count("\n") == 1


def test_read_only_directory():
    r = run_cli("load", "--db", "/proc/legation/l.duckdb")
    assert r.returncode == 2 and "cannot create" in r.stderr and r.stderr.count("\n") == 1


def test_bad_event_file_is_loaded_whole_or_not_at_all(scratch_db, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(
        "sender,host,city,mission,event,date,date_precision,source\n"
        "Bulgaria,North Korea,Pyongyang,embassy,mission_reopened,2025-04,month,https://example.org/bg\n"
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "sender,host,city,mission,event,date,date_precision,source\n"
        "Germany,North Korea,Pyongyang,embassy,mission_reopened,2025-05-02,day,https://example.org/de\n"
        "Germany,North Korea,Pyongyang,embassy,mission_reopened,2025-02-30,day,https://example.org/de\n"
    )
    before = json.loads(run_cli("info", "--db", scratch_db, "--json").stdout)["counts"]
    r = run_cli("load", "--db", scratch_db, "--events", good, "--events", bad)
    assert r.returncode == 2 and "bad.csv row 3" in r.stderr
    assert json.loads(run_cli("info", "--db", scratch_db, "--json").stdout)["counts"] == before
    r = run_cli("load", "--db", scratch_db, "--events", good)
    assert r.returncode == 0, r.stderr
    after = json.loads(run_cli("info", "--db", scratch_db, "--json").stdout)["counts"]
    assert after["events"] == before["events"] + 1


def test_first_use_builds_the_database(tmp_path):
    path = tmp_path / "fresh" / "legation.duckdb"
    r = run_cli("order", "--db", path, "--event", "reopen", "--host", "PRK", "--after", "2020-01-01", "--json")
    assert r.returncode == 0, r.stderr
    assert "first use" in r.stderr
    assert json.loads(r.stdout)["order"][0]["sender"] == "SWE"


def test_binary_and_empty_event_files(scratch_db, tmp_path):
    binary = tmp_path / "blob.csv"
    binary.write_bytes(b"\x00\x01\x02\xff\xfe" * 100)
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    for path, message in ((binary, "not a UTF-8 text file"), (empty, "no rows")):
        r = run_cli("load", "--db", scratch_db, "--events", path)
        assert r.returncode == 2 and message in r.stderr, r.stderr
    nul = tmp_path / "nul.csv"
    nul.write_bytes(b"sender,host\x00\n")
    r = run_cli("load", "--db", scratch_db, "--events", nul)
    assert r.returncode == 2 and "binary" in r.stderr
