"""The network's state as of a date, on the shipped data: the Pyongyang case and others."""


from legation.dates import FuzzyDate
from legation.ledger import Ledger
from legation.model import Event, Modality, Source, Status
from legation.queries import Legation


def _by_sender(answer, kind="embassy"):
    out = {}
    for m in answer.missions:
        if m.city == "Pyongyang" or m.host != "PRK":
            out.setdefault(m.sender, m)
    return out


def test_pyongyang_2019(app):
    a = app.missions(at="2019-06-01", host="North Korea")
    senders = _by_sender(a)
    for code in ("GBR", "DEU", "SWE", "POL", "CZE", "ROU", "BGR", "FRA"):
        assert code in senders, code
    assert senders["FRA"].kind == "de facto embassy"
    assert senders["FRA"].status is Status.LISTED
    # The UK's only dated event is its 2020 suspension, so 2019 is inferred from it.
    assert senders["GBR"].status is Status.OPERATING and senders["GBR"].basis == "inferred"
    assert senders["SWE"].status is Status.OPERATING and senders["SWE"].basis == "event"


def test_pyongyang_2024_nato_members_operating(app):
    a = app.missions(at="2024-11-20", host="PRK", marks=["NATO"])
    senders = _by_sender(a)
    staffed_nato = {m.sender for m in a.missions if m.status.staffed and m.marks["NATO"]}
    assert staffed_nato == {"SWE", "POL"}
    assert senders["SWE"].since == "2024-09-13"
    assert senders["POL"].status is Status.REOPENED_LIMITED and senders["POL"].since == "2024-11-15"
    for code in ("GBR", "DEU", "CZE", "ROU", "BGR"):
        assert senders[code].status is Status.SUSPENDED, code
    assert senders["FRA"].status is Status.LISTED and senders["FRA"].label == "listed, unconfirmed"


def test_sweden_was_not_marked_nato_in_2019(app):
    a = app.missions(at="2019-06-01", host="PRK", marks=["NATO"])
    senders = _by_sender(a)
    assert senders["SWE"].marks["NATO"] is False
    assert senders["POL"].marks["NATO"] is True


def test_conflicting_listing_is_shown_not_hidden(app):
    uk = _by_sender(app.missions(at="2024-11-20", host="PRK"))["GBR"]
    assert uk.status is Status.SUSPENDED
    assert uk.conflicts and "2022-11" in uk.conflicts[0]
    assert uk.listing is not None and uk.governing.date == "2020-05-27"


def test_districts_are_folded_into_the_city(app):
    a = app.missions(at="2022-11-30", host="PRK")
    embassy_cities = {m.sender: m.city for m in a.missions if m.kind == "embassy"}
    assert embassy_cities["BRA"] == "Pyongyang"  # listed as Taedonggang-guyok
    assert embassy_cities["CHN"] == "Pyongyang"  # listed as Moranbong-guyok
    hist = app.history("Brazil", "North Korea")
    assert hist["listings"][0]["city"] == "Taedonggang-guyok"
    assert hist["listings"][0]["city_normalised"] == "Pyongyang"


def test_month_precision_is_kept_in_the_answer(app):
    during = _by_sender(app.missions(at="2020-12-10", host="PRK"))["POL"]
    after = _by_sender(app.missions(at="2021-01-01", host="PRK"))["POL"]
    assert during.status is Status.SUSPENDED and during.uncertain and during.since == "2020-12"
    assert after.status is Status.SUSPENDED and not after.uncertain


def test_poland_was_the_second_western_state_back(app):
    order = app.order("reopen", "PRK", group="western", after="2020-01-01")["order"]
    assert [(o["rank"], o["sender"]) for o in order[:2]] == [(1, "SWE"), (2, "POL")]
    assert order[0]["subtype"] == "staff_returned"  # Sweden's embassy formally stayed open
    assert order[1]["sources"], "each answer carries its sources"


def test_membership_is_judged_on_the_event_date(app):
    # Sweden returned after joining NATO, so it is first among NATO members too.
    nato = app.order("reopen", "PRK", group="NATO", after="2020-01-01")["order"]
    assert [o["sender"] for o in nato[:2]] == ["SWE", "POL"]
    # before 2024-03-07 Sweden was not a NATO member: its 2020 withdrawal is not a NATO one
    withdrawals = app.order("withdraw", "PRK", group="NATO", after="2020-01-01")["order"]
    assert "SWE" not in {o["sender"] for o in withdrawals}
    assert "GBR" in {o["sender"] for o in withdrawals}


def test_envoy_expulsion_does_not_close_a_mission(app):
    # Caracas 2024: the expulsions of 29 July, then the missions ordered shut in August.
    argentina = [m for m in app.missions(at="2024-07-30", host="VEN", sender="ARG").missions if m.city == "Caracas"]
    assert argentina and argentina[0].status is Status.OPERATING and argentina[0].last_envoy.subtype == "envoy_expelled"
    later = [m for m in app.missions(at="2024-09-01", host="VEN", sender="ARG").missions if m.city == "Caracas"]
    assert later[0].status is Status.SUSPENDED


def test_protecting_powers(app):
    pyongyang = app.missions(at="2024-11-20", host="PRK").protecting_powers
    assert {(p.protecting, p.protected) for p in pyongyang} == {("SWE", "USA"), ("SWE", "AUS"), ("SWE", "CAN")}
    tehran = app.missions(at="2024-01-01", host="IRN").protecting_powers
    assert ("CHE", "USA") in {(p.protecting, p.protected) for p in tehran}
    caracas = {(p.protecting, p.protected) for p in app.missions(at="2024-09-01", host="VEN").protecting_powers}
    assert {("BRA", "ARG"), ("BRA", "PER")} <= caracas
    before = {(p.protecting, p.protected) for p in app.missions(at="2024-07-01", host="VEN").protecting_powers}
    assert ("BRA", "ARG") not in before


def test_channels_between_a_bloc_and_a_state(app):
    channels = app.channels("NATO", "North Korea", at="2024-11-20")["channels"]
    resident = {(c["from_state"], c["status"]) for c in channels if c["kind"] == "resident" and c["to_state"] == "PRK"}
    assert ("SWE", "operating") in resident
    assert ("POL", "reopened (limited)") in resident
    protecting = {(c["from_state"], c["via"]) for c in channels if c["kind"] == "protecting_power"}
    assert ("USA", "SWE") in protecting
    accredited = [c for c in channels if c["kind"] == "accredited"]
    assert accredited, "states accredited to North Korea from embassies elsewhere"
    assert all(c["to_state"] == "PRK" or c["from_state"] == "PRK" for c in accredited)


def test_hedged_reports_do_not_change_the_state(scratch_db):
    with Ledger(scratch_db) as ledger:
        ledger.append([Event(
            subtype="mission_reopened", actor="GBR", target="PRK", city="Pyongyang", mission_kind="embassy",
            date=FuzzyDate.parse("2024-10-01"), modality=Modality.HEDGED, attributed_to="unnamed officials",
            sources=(Source(citation="test article"),),
        )])  # fmt: skip
    app = Legation.open(scratch_db)
    uk = _by_sender(app.missions(at="2024-11-20", host="PRK"))["GBR"]
    assert uk.status is Status.SUSPENDED


def test_a_later_asserted_event_changes_the_state(scratch_db):
    with Ledger(scratch_db) as ledger:
        ledger.append([Event(
            subtype="mission_reopened", actor="GBR", target="PRK", city="Pyongyang", mission_kind="embassy",
            date=FuzzyDate.parse("2025-03"), sources=(Source(citation="test article"),),
        )])  # fmt: skip
    app = Legation.open(scratch_db)
    uk = _by_sender(app.missions(at="2025-06-01", host="PRK"))["GBR"]
    assert uk.status is Status.REOPENED and uk.since == "2025-03"
    assert _by_sender(app.missions(at="2024-11-20", host="PRK"))["GBR"].status is Status.SUSPENDED


def test_snapshot_holds_missions_memberships_and_mandates(app):
    snap = app.state(at="2024-11-20")
    assert len(snap.missions) > 9000
    assert "SWE" in snap.memberships["NATO"] and "GBR" not in snap.memberships["EU"]
    assert ("SWE", "USA", "PRK") in {(p.protecting, p.protected, p.host) for p in snap.protecting_powers}
    sweden = [m for m in snap.missions if m.mission == "SWE>PRK@pyongyang:embassy"]
    assert sweden and sweden[0].status is Status.OPERATING
    earlier = app.state(at="2022-01-01")
    assert [m for m in earlier.missions if m.mission == "SWE>PRK@pyongyang:embassy"][0].status is Status.STAFF_WITHDRAWN
