"""The default knowledge base built from the shipped data: counts, sources, memberships."""

import datetime as dt
import csv
from importlib import resources

from legation.ledger import Ledger
from legation.reference.loaders import load_default

D = dt.date.fromisoformat


def test_every_listing_row_is_loaded(app):
    assert app.ledger.counts()["listings"] == 9852
    with (resources.files("legation.reference") / "data" / "missions.csv").open() as f:
        assert sum(1 for _ in csv.DictReader(f)) == 9852


def test_every_event_has_a_source(app):
    orphans = app.ledger.con.execute(
        "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id)"
    ).fetchone()[0]
    assert orphans == 0
    blank = app.ledger.con.execute("SELECT count(*) FROM sources WHERE coalesce(citation, '') = ''").fetchone()[0]
    assert blank == 0


def test_loading_twice_changes_nothing(scratch_db):
    with Ledger(scratch_db) as ledger:
        before = ledger.counts()
        report = load_default(ledger)
        assert report.write.events_new == 0 and report.write.listings_new == 0
        assert ledger.counts() == before


def test_a_fact_in_two_files_is_one_event_with_both_sources(app):
    # Sweden's protecting-power role for the USA is in both timeline files.
    row = app.ledger.con.execute(
        "SELECT id FROM events WHERE subtype = 'protecting_power_start' AND actor = 'SWE' AND third = 'USA'"
    ).fetchall()
    assert len(row) == 1
    datasets = {s["dataset"] for s in app.ledger.sources_of([row[0][0]])[row[0][0]]}
    assert datasets == {"timelines/pyongyang_2020_2024.csv", "timelines/mission_events_2020_2025.csv"}


def test_sweden_is_a_nato_member_only_from_2024_03_07(app):
    assert "SWE" not in app.memberships.members("NATO", D("2024-03-06"))
    assert "SWE" in app.memberships.members("NATO", D("2024-03-07"))


def test_uk_leaves_the_eu(app):
    assert "GBR" in app.memberships.members("EU", D("2019-12-31"))
    assert "GBR" not in app.memberships.members("EU", D("2020-02-01"))


def test_brics_2024_expansion_and_the_unresolved_row(app):
    before, after = app.memberships.members("BRICS", D("2023-12-31")), app.memberships.members("BRICS", D("2024-06-01"))
    assert {"EGY", "ETH", "IRN", "ARE"} & set(before) == set()
    assert {"EGY", "ETH", "IRN", "ARE"} <= set(after)
    assert "SAU" not in after
    assert [code for code, _ in app.memberships.unresolved("BRICS")] == ["SAU"]


def test_a_state_that_left_and_rejoined_has_two_periods(app):
    rejoined = [
        code for code in app.memberships.members("COMMONWEALTH", D("2025-01-01"))
        if len(app.memberships.periods("COMMONWEALTH", code)) == 2
    ]
    assert rejoined, "the Commonwealth data has states that left and rejoined"
    periods = app.memberships.periods("COMMONWEALTH", rejoined[0])
    left = periods[0][1]
    assert left is not None
    day_after = (dt.date.fromisoformat(left[:4] + "-12-31"))
    # between leaving and rejoining the state is not a member
    if periods[1][0][:4] != left[:4]:
        assert rejoined[0] not in app.memberships.members("COMMONWEALTH", day_after)


def test_african_union_suspensions_are_dated(app):
    au = app.memberships.members("AU", D("2024-01-01"))
    assert au["NER"].suspended and au["MLI"].suspended
    assert not au["ZAF"].suspended
    assert not app.memberships.members("AU", D("2025-06-01"))["GAB"].suspended
    assert app.memberships.members("AU", D("2024-06-01"))["GAB"].suspended


def test_verified_marks_are_kept(app):
    au = app.memberships.members("AU", D("2025-01-01"))
    marks = [m.verified for m in au.values()]
    assert True in marks and False in marks


def test_western_group_is_dated(app):
    western = app.group("western")
    assert "POL" not in western.members(D("1998-01-01"), app.memberships)
    assert "POL" in western.members(D("2000-01-01"), app.memberships)
    assert "SWE" in western.members(D("2019-06-01"), app.memberships)  # through the EU
    assert "AUS" in western.members(D("2019-06-01"), app.memberships)
    assert "CHN" not in western.members(D("2019-06-01"), app.memberships)
