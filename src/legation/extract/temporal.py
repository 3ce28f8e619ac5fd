"""Dates in text, resolved against the publication date with their precision.

"in September" in an article of November 2024 is 2024-09 (month); the same words with a
future verb are the next September. "last week" is a week, "on Tuesday" the Tuesday before
(or after, for a future verb) the publication date, "since 2020" the year 2020.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..dates import FuzzyDate

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\b", re.I)
_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
_MONTH = re.compile(rf"\b({_MONTH_RE})\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)


def _span(start: dt.date, end: dt.date, precision: str, value: str) -> FuzzyDate:
    return FuzzyDate(start=start, end=end, value=value, precision=precision)


def _month(year: int, month: int) -> FuzzyDate:
    return FuzzyDate.parse(f"{year:04d}-{month:02d}")


def _shift_months(day: dt.date, n: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + n
    return index // 12, index % 12 + 1


def resolve(text: str, published: dt.date | None, future: bool = False) -> FuzzyDate | None:
    """A date expression (an entity's text) as a FuzzyDate, or None when it names no date."""
    low = text.lower().strip()
    base = published
    try:
        if m := _ISO.search(low):
            return FuzzyDate.parse(m.group(0))
        if m := _DAY_MONTH_YEAR.search(low):
            return FuzzyDate.parse(f"{m.group(3)}-{_MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}")
        if m := _MONTH_DAY_YEAR.search(low):
            return FuzzyDate.parse(f"{m.group(3)}-{_MONTHS[m.group(1)]:02d}-{int(m.group(2)):02d}")
        if m := _MONTH_YEAR.search(low):
            return _month(int(m.group(2)), _MONTHS[m.group(1)])
        if base is None:
            if m := _YEAR.search(low):
                return FuzzyDate.parse(m.group(1))
            return None
        if low in ("today", "tonight", "this morning", "this afternoon", "this evening"):
            return FuzzyDate.of(base)
        if low == "yesterday":
            return FuzzyDate.of(base - dt.timedelta(days=1))
        if low == "tomorrow":
            return FuzzyDate.of(base + dt.timedelta(days=1))
        if m := re.fullmatch(r"(last|this|next|past) (week|month|year)", low):
            step = {"last": -1, "past": -1, "this": 0, "next": 1}[m.group(1)]
            if m.group(2) == "week":
                monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=step)
                iso = monday.isocalendar()
                return _span(monday, monday + dt.timedelta(days=6), "week", f"{iso[0]}-W{iso[1]:02d}")
            if m.group(2) == "month":
                return _month(*_shift_months(base, step))
            return FuzzyDate.parse(str(base.year + step))
        if m := re.fullmatch(r"(\w+) (days|weeks|months|years) ago", low):
            from .quantities import _words_to_number

            n = _words_to_number(m.group(1)) or (1 if m.group(1) in ("a", "an") else None)
            if n is None:
                return None
            n = int(n)
            if m.group(2) == "days":
                return FuzzyDate.of(base - dt.timedelta(days=n))
            if m.group(2) == "weeks":
                day = base - dt.timedelta(weeks=n)
                return _span(day - dt.timedelta(days=3), day + dt.timedelta(days=3), "week", day.isoformat())
            if m.group(2) == "months":
                return _month(*_shift_months(base, -n))
            return FuzzyDate.parse(str(base.year - n))
        if m := _MONTH_DAY.search(low) or _DAY_MONTH.search(low):
            month_text, day_text = (m.group(1), m.group(2)) if m.re is _MONTH_DAY else (m.group(2), m.group(1))
            month, day = _MONTHS[month_text], int(day_text)
            year = base.year
            candidate = dt.date(year, month, day)
            if future and candidate < base:
                candidate = dt.date(year + 1, month, day)
            elif not future and candidate > base:
                candidate = dt.date(year - 1, month, day)
            return FuzzyDate.of(candidate)
        if m := _WEEKDAY.search(low):
            target = _WEEKDAYS[m.group(1)]
            if future:
                delta = (target - base.weekday()) % 7 or 7
                return FuzzyDate.of(base + dt.timedelta(days=delta))
            delta = (base.weekday() - target) % 7
            return FuzzyDate.of(base - dt.timedelta(days=delta))
        if m := _YEAR.search(low):
            return FuzzyDate.parse(m.group(1))
        if m := _MONTH.search(low):
            month = _MONTHS[m.group(1)]
            year = base.year
            if future and month < base.month:
                year += 1
            elif not future and month > base.month:
                year -= 1
            return _month(year, month)
    except ValueError:
        return None  # "February 30": a date the text gets wrong is no date
    return None
