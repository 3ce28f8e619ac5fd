"""Dates that keep their precision.

A source that says "December 2020" has not said "2020-12-01". Every date in Legation is a
`FuzzyDate`: the text as given ("2020-12"), its precision (day, month, year) and the interval
of days it may stand for. Comparisons against an as-of date use that interval, so a
month-precision event is never silently pinned to a day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

PRECISIONS = ("day", "week", "month", "year", "unknown")  # finest first

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:T[0-9:.]+Z?)?\s*$")


class BadDate(ValueError):
    """A date the user or a data file gave that cannot be read or cannot exist."""


@dataclass(frozen=True, order=True)
class FuzzyDate:
    start: dt.date
    end: dt.date
    value: str
    precision: str

    @classmethod
    def parse(cls, text: str | None, precision: str | None = None) -> "FuzzyDate | None":
        """Read 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (a Wikidata-style time suffix is allowed).

        `precision`, when a data file states it, must agree with the text or be coarser
        ("2009-01-01" stated as year precision is the year 2009).
        """
        if text is None or not str(text).strip():
            return None
        match = _ISO.match(str(text))
        if not match:
            raise BadDate(f"cannot read date {text!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g else None for g in match.groups())
        found = "day" if day else "month" if month else "year"
        wanted = precision or found
        if wanted not in ("day", "month", "year"):
            raise BadDate(f"unknown date precision {precision!r} for {text!r}")
        if PRECISIONS.index(wanted) < PRECISIONS.index(found):
            raise BadDate(f"date {text!r} is not precise enough for precision {wanted!r}")
        try:
            if wanted == "day":
                start = end = dt.date(year, month, day)
                value = start.isoformat()
            elif wanted == "month":
                start = dt.date(year, month, 1)
                end = dt.date(year, month, calendar.monthrange(year, month)[1])
                value = f"{year:04d}-{month:02d}"
            else:
                dt.date(year, month or 1, day or 1)  # still reject impossible dates in the text
                start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
                value = f"{year:04d}"
        except ValueError as err:
            raise BadDate(f"impossible date {text!r}: {err}") from None
        return cls(start=start, end=end, value=value, precision=wanted)

    @classmethod
    def of(cls, day: dt.date) -> "FuzzyDate":
        return cls(start=day, end=day, value=day.isoformat(), precision="day")

    def certainly_by(self, day: dt.date) -> bool:
        return self.end <= day

    def possibly_by(self, day: dt.date) -> bool:
        return self.start <= day

    def __str__(self) -> str:
        return self.value


def as_of(text: str | dt.date | None) -> dt.date:
    """An as-of date from user input. A month or year means its last day (the state at the
    end of that period); no date means today."""
    if text is None:
        return dt.date.today()
    if isinstance(text, dt.date):
        return text
    if str(text).strip().lower() in ("today", "now"):
        return dt.date.today()
    parsed = FuzzyDate.parse(text)
    assert parsed is not None
    return parsed.end
