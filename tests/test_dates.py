import datetime as dt

import pytest

from legation.dates import BadDate, FuzzyDate, as_of


def test_month_precision_is_an_interval_not_a_day():
    d = FuzzyDate.parse("2020-12", "month")
    assert (d.start, d.end, d.precision, d.value) == (dt.date(2020, 12, 1), dt.date(2020, 12, 31), "month", "2020-12")
    assert d.possibly_by(dt.date(2020, 12, 10)) and not d.certainly_by(dt.date(2020, 12, 10))
    assert d.certainly_by(dt.date(2020, 12, 31))


def test_stated_precision_coarsens_a_wikidata_style_date():
    d = FuzzyDate.parse("1951-01-01T00:00:00Z", "year")
    assert (d.value, d.precision, d.end) == ("1951", "year", dt.date(1951, 12, 31))


def test_leap_month_end():
    assert FuzzyDate.parse("2024-02").end == dt.date(2024, 2, 29)


@pytest.mark.parametrize("text", ["2024-02-30", "2023-13", "yesterday-ish", "24/11/2024"])
def test_impossible_or_unreadable_dates_are_refused(text):
    with pytest.raises(BadDate):
        FuzzyDate.parse(text)


def test_a_day_cannot_claim_more_precision_than_its_text():
    with pytest.raises(BadDate):
        FuzzyDate.parse("2020-12", "day")


def test_as_of_a_month_means_its_last_day():
    assert as_of("2024-11") == dt.date(2024, 11, 30)
    assert as_of("2019-06-01") == dt.date(2019, 6, 1)
