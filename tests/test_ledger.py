import datetime as dt

import duckdb
import pytest

from legation.dates import FuzzyDate
from legation.ledger import Ledger, LedgerError
from legation.model import Event, Modality, Source


def _event(**kw) -> Event:
    base = dict(
        subtype="mission_suspended", actor="GBR", target="PRK", city="Pyongyang", mission_kind="embassy",
        date=FuzzyDate.parse("2020-05-27"), sources=(Source(citation="https://example.org/a", url="https://example.org/a"),),
    )
    base.update(kw)
    return Event(**base)


def test_new_file_is_marked_as_a_legation_database(tmp_path):
    with Ledger(tmp_path / "l.duckdb") as ledger:
        assert ledger.meta()["application"] == "legation"
        assert ledger.counts()["events"] == 0


def test_appending_the_same_event_twice_changes_nothing(tmp_path):
    with Ledger(tmp_path / "l.duckdb") as ledger:
        first = ledger.append([_event()])
        second = ledger.append([_event()])
        assert (first.events_new, second.events_new) == (1, 0)
        assert ledger.counts()["events"] == 1
        assert ledger.counts()["event_sources"] == 1


def test_one_event_from_two_sources_is_one_event_with_two_sources(tmp_path):
    other = Source(citation="https://example.org/b", url="https://example.org/b")
    with Ledger(tmp_path / "l.duckdb") as ledger:
        ledger.append([_event()])
        report = ledger.append([_event(sources=(other,))])
        assert report.events_new == 0
        eid = _event().id
        assert {s["url"] for s in ledger.sources_of([eid])[eid]} == {"https://example.org/a", "https://example.org/b"}


def test_modality_is_part_of_identity(tmp_path):
    with Ledger(tmp_path / "l.duckdb") as ledger:
        ledger.append([_event(), _event(modality=Modality.HEDGED)])
        assert ledger.counts()["events"] == 2


def test_a_failed_write_leaves_the_ledger_as_it_was(tmp_path):
    with Ledger(tmp_path / "l.duckdb") as ledger:
        ledger.append([_event()])
        before = ledger.counts()
        with pytest.raises(RuntimeError):
            with ledger.transaction():
                ledger.append([_event(actor="DEU"), _event(actor="CZE")])
                assert ledger.counts()["events"] == 3  # written inside the transaction ...
                raise RuntimeError("disk on fire")
        assert ledger.counts() == before  # ... and gone after it failed


def test_survives_reopening(tmp_path):
    path = tmp_path / "l.duckdb"
    with Ledger(path) as ledger:
        ledger.append([_event()])
    with Ledger(path, read_only=True) as ledger:
        row = ledger.con.execute("SELECT date_value, date_precision, date_start, date_end FROM events").fetchone()
        assert row == ("2020-05-27", "day", dt.date(2020, 5, 27), dt.date(2020, 5, 27))


def test_other_duckdb_file_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (x INT)")
    con.close()
    with pytest.raises(LedgerError, match="not a Legation database"):
        Ledger(path)


def test_text_file_is_refused(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("shopping list\n" * 100)
    with pytest.raises(LedgerError, match="not a Legation database"):
        Ledger(path)


def test_unwritable_folder_is_refused():
    with pytest.raises(LedgerError, match="cannot create"):
        Ledger("/proc/legation/ledger.duckdb")


def test_clustering_keeps_every_event_and_every_answer(scratch_db):
    from legation.queries import Legation

    before = Legation.open(scratch_db)
    answer = [(m.mission, m.status, m.since) for m in before.missions(at="2024-11-20", host="PRK").missions]
    rows = before.ledger.con.execute("SELECT id, seq FROM events ORDER BY seq").fetchall()
    before.ledger.close()
    with Ledger(scratch_db) as ledger:
        assert ledger.compact(force=True)
        assert ledger.unclustered_tail() == 0
        assert ledger.con.execute("SELECT id, seq FROM events ORDER BY seq").fetchall() == rows
    after = Legation.open(scratch_db)
    assert [(m.mission, m.status, m.since) for m in after.missions(at="2024-11-20", host="PRK").missions] == answer


def test_a_ledger_of_another_schema_version_is_refused_with_advice(tmp_path):
    path = tmp_path / "old.duckdb"
    with Ledger(path) as ledger:
        ledger.set_meta("schema_version", "0")
    with pytest.raises(LedgerError, match="another version of Legation.*legation load --db"):
        Ledger(path)
