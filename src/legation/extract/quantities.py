"""Quantities with their qualifier and unit: "up to 12,000 troops" is at most 12000 troops."""

from __future__ import annotations

import re
from ..model import Quantity

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_VAGUE = {"dozens": (12, "at_least"), "scores": (20, "at_least"), "hundreds": (100, "at_least"),
          "thousands": (1_000, "at_least"), "tens of thousands": (10_000, "at_least"),
          "hundreds of thousands": (100_000, "at_least"), "millions": (1_000_000, "at_least")}  # fmt: skip
# Words before a number that qualify it; longest first so "more than" wins over "more".
_QUALIFIERS = [
    ("up to", "at_most"), ("as many as", "at_most"), ("no more than", "at_most"), ("at most", "at_most"),
    ("at least", "at_least"), ("more than", "more_than"), ("over", "more_than"), ("upwards of", "more_than"),
    ("fewer than", "less_than"), ("less than", "less_than"), ("under", "less_than"), ("nearly", "approx"),
    ("almost", "approx"), ("about", "approx"), ("around", "approx"), ("roughly", "approx"),
    ("approximately", "approx"), ("some", "approx"), ("an estimated", "approx"), ("estimated", "approx"),
    ("exactly", "exact"),
]  # fmt: skip

_NUMBER_WORD = "|".join(sorted(list(_SMALL) + list(_SCALE), key=len, reverse=True))
_PATTERN = re.compile(
    r"(?P<qual>\b(?:" + "|".join(re.escape(q) for q, _ in _QUALIFIERS) + r")\s+)?"
    r"(?P<num>\b\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    r"|\b(?:(?:" + _NUMBER_WORD + r")(?:[\s-]+(?:and\s+)?(?:" + _NUMBER_WORD + r"))*))"
    r"(?:\s+(?P<scale>hundred|thousand|million|billion))?"
    r"\s+(?P<unit>(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)",
    re.IGNORECASE,
)
_VAGUE_PATTERN = re.compile(r"\b(?P<vague>" + "|".join(sorted(_VAGUE, key=len, reverse=True)) + r")\s+of\s+(?P<unit>[A-Za-z-]+)", re.IGNORECASE)

# Nouns a count is worth keeping for; a year or a date is not a quantity.
UNITS = {
    "troops": "troops", "troop": "troops", "soldiers": "troops", "soldier": "troops", "personnel": "personnel",
    "fighters": "fighters", "marines": "troops", "peacekeepers": "peacekeepers", "diplomats": "diplomats",
    "diplomat": "diplomats", "staff": "staff", "people": "people", "civilians": "civilians",
    "refugees": "refugees", "prisoners": "prisoners", "hostages": "hostages", "dead": "people killed",
    "killed": "people killed", "casualties": "casualties", "missiles": "missiles", "drones": "drones",
    "tanks": "tanks", "shells": "shells", "rockets": "rockets", "dollars": "USD", "euros": "EUR",
    "embassies": "embassies", "countries": "countries", "nations": "countries", "states": "states",
    "observers": "observers", "workers": "workers", "protesters": "protesters", "police": "police",
    "officers": "officers", "members": "members", "ships": "ships", "aircraft": "aircraft", "jets": "aircraft",
}  # fmt: skip


def _words_to_number(text: str) -> float | None:
    text = text.lower().replace(",", "")
    try:
        return float(text)
    except ValueError:
        pass
    total, current = 0, 0
    for word in re.split(r"[\s-]+", text):
        if word == "and" or not word:
            continue
        if word in _SMALL:
            current += _SMALL[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALE:
            total += max(current, 1) * _SCALE[word]
            current = 0
        else:
            return None
    return float(total + current)


def find_quantities(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _VAGUE_PATTERN.finditer(text):
        unit = UNITS.get(m.group("unit").lower())
        if unit:
            value, qual = _VAGUE[m.group("vague").lower()]
            out.append(Quantity(value, qual, unit, m.group(0), m.start(), m.end()))
    for m in _PATTERN.finditer(text):
        if any(q.start <= m.start() < q.end for q in out):
            continue
        unit_match = next((w for w in re.finditer(r"[A-Za-z-]+", m.group("unit")) if w.group(0).lower() in UNITS), None)
        if unit_match is None:
            continue
        unit = UNITS[unit_match.group(0).lower()]
        end = m.start("unit") + unit_match.end()
        value = _words_to_number(m.group("num"))
        if value is None or (m.group("num").isdigit() and len(m.group("num")) == 4 and 1800 < value < 2100 and not m.group("qual")):
            continue  # a bare four-digit number before a noun is most often a year
        if m.group("scale"):
            value *= _SCALE[m.group("scale").lower()]
        qual = dict(_QUALIFIERS).get((m.group("qual") or "").strip().lower(), "exact")
        out.append(Quantity(value, qual, unit, text[m.start() : end].strip(), m.start(), end))
    return sorted(out, key=lambda q: q.start)
