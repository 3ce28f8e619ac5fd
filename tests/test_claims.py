"""Claims found in articles written for these tests, judged against the shipped record."""

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import run_cli
from legation.brief import brief_document, markdown
from legation.claims import Checker, Verdict, window, _periods
from legation.queries import Legation
from legation.readers import read_inputs

ARTICLES = Path(__file__).parent / "articles"
EXPECTED = {k: v for k, v in json.loads((ARTICLES / "expected.json").read_text()).items() if not k.startswith("_")}


@pytest.fixture(scope="module")
def checker(default_db):
    return Checker(Legation.open(default_db))


def check(checker, name, published="2024-11-25"):
    (doc,) = list(read_inputs([str(ARTICLES / name)], published=published))
    return checker.check(doc)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_claim_of_each_article_is_found_and_judged(checker, name):
    report = check(checker, name, EXPECTED[name]["published"])
    found = [(c.kind, c.statement, c.verdict.value) for c in report.claims]
    assert len(found) == len(EXPECTED[name]["claims"]), found
    for (kind, statement, verdict), (want_kind, want_text, want_verdict) in zip(found, EXPECTED[name]["claims"]):
        assert (kind, verdict) == (want_kind, want_verdict) and statement.startswith(want_text), (statement, verdict)


def test_a_false_ordinal_names_who_came_before(checker):
    claim = check(checker, "false_first.txt").claims[0]
    assert claim.verdict is Verdict.CONTRADICTED
    assert "Sweden (staff_returned, 2024-09-13)" in claim.reason and "was the second" in claim.reason
    assert [e.statement.split()[0] for e in claim.evidence] == ["Sweden", "Poland"]
    assert all(e.sources for e in claim.evidence)


def test_an_ordinal_counts_members_as_of_each_event(checker):
    """Sweden withdrew its diplomats in 2020 and is a NATO member today, but was not then:
    Poland is the third NATO member to withdraw, not the fourth."""
    lg = checker.lg
    everyone = [e["sender"] for e in lg.order("withdraw", "PRK", after="2020-01-30", before="2023-05-05")["order"]]
    assert everyone.index("SWE") < everyone.index("POL")
    assert "SWE" in lg.group("NATO").members(dt.date(2024, 11, 25), lg.memberships)
    claim = check(checker, "membership_dates.txt").claims[0]
    assert claim.verdict is Verdict.SUPPORTED and claim.details["rank"] == 3
    assert "Sweden" not in claim.reason and "Germany" in claim.reason and "United Kingdom" in claim.reason


def test_what_the_record_cannot_decide_says_what_would(checker):
    claims = check(checker, "undecidable.txt").claims
    assert all(c.verdict is Verdict.UNDECIDED and c.needs for c in claims)
    assert "Latin American" in claims[0].needs and "border" not in claims[0].needs
    assert "North Korea" in claims[2].needs and "2020-01-30" in claims[2].needs


def test_attributed_claims_stay_claims(checker):
    report = check(checker, "reopening_ranked.txt")
    attributed = [c for c in report.claims if c.attribution]
    assert {c.attribution["by"] for c in attributed} >= {"NATO", "Intelligence reports"}
    claimed = [c for c in attributed if c.attribution["modality"] in ("claimed", "hedged")]
    assert len(claimed) == 3
    for c in claimed:
        assert c.verdict is not Verdict.SUPPORTED and c.reason.startswith("checked as a claim by")
    brief = brief_document(report, checker.lg)
    hedged = [g for g in brief["at_a_glance"] if g["modality"] != "asserted"]
    assert hedged and all(g["text"].startswith("According to") and "(not established)" in g["text"] for g in hedged)
    assert any("up to 12,000 troops" in g["text"] for g in hedged)


def test_brief_has_its_sections_and_the_state_of_the_host(checker):
    b = brief_document(check(checker, "reopening_ranked.txt"), checker.lg)
    text = markdown(b)
    for heading in ("## At a Glance", "## What the record says", "## Checks", "## Timeline", "## Sources"):
        assert heading in text
    assert 3 <= len(b["at_a_glance"]) <= 6
    (host,) = b["record"]["hosts"]
    assert host["host"] == "PRK"
    operating = {m["sender"]: m["since"] for m in host["operating"]}
    assert operating["SWE"] == "2024-09-13" and operating["POL"] == "2024-11-15"
    assert {p["protected"] for p in host["protecting_powers"]} >= {"United States", "Canada", "Australia"}
    dates = [t["start"] for t in b["timeline"]]
    assert dates == sorted(dates)


def test_windows_from_named_periods_and_years():
    periods = _periods()
    assert window("after the pandemic closures", periods)[:2] == (dt.date(2020, 1, 30), None)
    lo, hi, _ = window("during the pandemic", periods)
    assert (lo.isoformat(), hi.isoformat()) == ("2020-01-30", "2023-05-05")
    assert window("the first since 2020", periods)[0].isoformat() == "2020-01-01"
    assert window("after 2019", periods)[0].isoformat() == "2020-01-01"
    assert window("nothing here", periods) == (None, None, "")


# -- the commands, as a user runs them ----------------------------------------------------------


def test_quantity_claims_against_other_reports_and_never_against_themselves(scratch_db):
    first = run_cli("ingest", ARTICLES / "troops_about.txt", "--published", "2024-11-05", "--db", scratch_db)
    assert first.returncode == 0, first.stderr
    # The article under check is saved too: it must not corroborate itself.
    saved = run_cli("ingest", ARTICLES / "reopening_ranked.txt", "--published", "2024-11-25", "--db", scratch_db)
    assert saved.returncode == 0, saved.stderr
    r = run_cli("check", ARTICLES / "reopening_ranked.txt", ARTICLES / "troops_at_least.txt",
                "--published", "2024-11-25", "--db", scratch_db, "--json")  # fmt: skip
    assert r.returncode == 0, r.stderr
    docs = json.loads(r.stdout)["documents"]
    counts = [c for d in docs for c in d["claims"] if c["kind"] == "quantity"]
    assert [c["quantity_check"] for c in counts] == ["consistent", "differs"]
    assert counts[0]["verdict"] == "supported" and counts[1]["verdict"] == "contradicted"
    # The saved copy of the first article is not evidence for itself; it is for the second.
    assert [len(c["evidence"]) for c in counts] == [1, 2]
    assert all(e["sources"] for c in counts for e in c["evidence"])


def test_check_command_reports_and_skips_bad_input(default_db, tmp_path):
    blob = tmp_path / "blob.bin"
    blob.write_bytes(b"\x00\xff" * 300)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    r = run_cli("check", ARTICLES / "false_first.txt", blob, empty, "--published", "2024-11-25", "--db", default_db)
    assert r.returncode == 1
    assert "blob.bin" in r.stderr and "empty.txt" in r.stderr
    assert "✘ contradicted (ordinal)" in r.stdout and "Sweden (staff_returned, 2024-09-13)" in r.stdout
    bad = run_cli("check", ARTICLES / "false_first.txt", "--at", "not a date", "--db", default_db)
    assert bad.returncode == 2 and "error" in bad.stderr


def test_brief_about_a_state_over_the_ledger(default_db):
    r = run_cli("brief", "--about", "North Korea", "--since", "2024-01-01", "--at", "2024-11-20", "--db", default_db)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("# Brief: North Korea since 2024-01-01")
    assert "Poland reopened its embassy in North Korea with limited staff (2024-11-15)" in r.stdout
    assert "Sweden represents United States (since 1995)" in r.stdout
    j = run_cli("brief", "--about", "PRK", "--since", "2024-01-01", "--at", "2024-11-20", "--json", "--db", default_db)
    data = json.loads(j.stdout)
    assert data["checks"] == [] and len(data["at_a_glance"]) == 3 and data["sources"]
    none = run_cli("brief", "--db", default_db)
    assert none.returncode == 2 and "--about" in none.stderr


def test_a_different_change_to_the_same_mission_is_shown_not_counted(checker):
    closed = check(checker, "kabul_and_asides.txt").claims[-1]
    assert closed.verdict is Verdict.UNDECIDED and "mission_suspended 2020-05-27" in closed.reason
    # the EU delegation reopened in Kabul in January 2022, but it is not a country
    japan = check(checker, "kabul_and_asides.txt").claims[0]
    assert "European Union" not in japan.reason and "India" in japan.reason


def test_ordinals_with_ties_loose_verbs_and_dated_windows(checker):
    ordinals = [c for c in check(checker, "kyiv_reopenings.txt").claims if c.kind == "ordinal"]
    italy, usa, romania = ordinals
    # Month-precision reopenings in April 2022 overlap Italy's day: its rank is a range.
    assert italy.verdict is Verdict.CONTRADICTED and "third to sixth" in italy.reason
    assert italy.details["after"] == "2022-02-24"  # "since the full-scale invasion", from periods.csv
    assert usa.verdict is Verdict.CONTRADICTED and "was the tenth" in usa.reason and usa.details["only"]
    # "close" counts suspensions too, and says so; nobody in the EU withdrew after Romania.
    assert romania.verdict is Verdict.SUPPORTED and romania.reason.startswith("counting suspensions")
    # The invasion that dates the reopening is not an event by Italy.
    assert not any(c.details.get("actor") == "ITA" and c.details.get("type") == "ASSAULT" for c in check(checker, "kyiv_reopenings.txt").claims)
