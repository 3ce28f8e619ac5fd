"""Which state a name stands for: names, codes, demonyms, capitals, aliases, bodies.

Names are compared after `normalise` (case, accents, punctuation and a leading "the" do not
matter; a trailing possessive is dropped). When one surface form belongs to several entries
("British" is also a demonym of British overseas territories, "Congo" names two states), the
form goes to the entry with the best rank, in this order:

  1. an entry of Legation's own alias file (`aliases.csv`), which settles ambiguity on purpose;
  2. the common name, then the official name, of an independent UN member;
  3. the common or official name of any other entry;
  4. alternate spellings, demonyms, then capitals of UN members, then of other entries.

ISO codes are matched apart and only as written in capitals ("PRK", "KP"), so that a code can
never be shadowed by a word, and a word such as "in" or "is" never reads as a code.

A possessive resolves to its owner ("Russia's Kursk region", "North Korea's capital"), and a
government body to its state: "the Polish Foreign Ministry", "Government of Sweden",
"Ministry of Foreign Affairs of the Russian Federation".
"""

from __future__ import annotations

import csv
import difflib
import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

DATA = resources.files("legation.reference") / "data"


@dataclass(frozen=True)
class Country:
    """An actor the gazetteer knows: a state, a territory, an organisation, a region."""

    code: str
    iso2: str | None
    name: str
    official: str
    kind: str
    independent: bool
    un_member: bool
    capitals: tuple[str, ...]
    latlng: tuple[float, float] | None
    region: str
    subregion: str


class UnknownActor(ValueError):
    def __init__(self, text: str, suggestions: list[str]):
        self.text, self.suggestions = text, suggestions
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown country or actor {text!r}{hint}")


# Words around a state's name that make it a body of that state. Longest first.
_BODY_PREFIXES = sorted(
    [
        "government of", "ministry of foreign affairs of", "ministry of foreign affairs and cooperation of",
        "foreign ministry of", "embassy of", "president of", "prime minister of", "parliament of",
        "armed forces of", "military of", "people of", "state of", "republic of",
    ],
    key=len, reverse=True,
)  # fmt: skip
_BODY_SUFFIXES = sorted(
    [
        "foreign ministry", "ministry of foreign affairs", "foreign office", "defence ministry",
        "defense ministry", "ministry of defence", "ministry of defense", "government", "authorities",
        "embassy", "officials", "diplomats", "troops", "forces", "army", "military", "navy",
        "president", "prime minister", "leader", "leadership", "parliament", "state media",
        "intelligence", "side", "regime", "administration",
    ],
    key=len, reverse=True,
)  # fmt: skip


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("’", "'")
    text = re.sub(r"'s\b|s'(?=\s|$)", "", text)  # possessives: "North Korea's", "Philippines'"
    text = re.sub(r"[^\w\s]", " ", text).replace("_", " ")
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


class Gazetteer:
    def __init__(self, countries: list[dict], aliases: list[dict]):
        self._by_code: dict[str, Country] = {}
        self._codes: dict[str, str] = {}
        ranked: dict[str, tuple[int, str]] = {}

        self._originals: dict[str, str] = {}

        def offer(form: str, code: str, rank: int) -> None:
            key = normalise(form)
            self._originals.setdefault(form, key)
            if key and (key not in ranked or rank < ranked[key][0]):
                ranked[key] = (rank, code)

        for c in countries:
            country = Country(
                code=c["code"], iso2=c.get("iso2"), name=c["name"], official=c["official"], kind=c["kind"],
                independent=c["independent"], un_member=c["un_member"], capitals=tuple(c["capitals"]),
                latlng=tuple(c["latlng"]) if c.get("latlng") else None, region=c["region"],
                subregion=c["subregion"],
            )  # fmt: skip
            self._by_code[country.code] = country
            self._codes[country.code] = country.code
            if country.iso2:
                self._codes[country.iso2] = country.code
            member = 0 if country.un_member else 10
            offer(country.name, country.code, 1 + member)
            offer(country.official, country.code, 2 + member)
            for alt in c["alt_names"]:
                if re.fullmatch(r"[A-Z]{2,3}", alt):
                    self._codes.setdefault(alt, country.code)
                else:
                    offer(alt, country.code, 4 + member)
            for demonym in c["demonyms"]:
                offer(demonym, country.code, 5 + member)
            for capital in c["capitals"]:
                offer(capital, country.code, 6 + member)
        for a in aliases:
            if a["code"] not in self._by_code:
                raise ValueError(f"aliases.csv: unknown code {a['code']!r} for {a['alias']!r}")
            offer(a["alias"], a["code"], 0)
        self._forms = {form: code for form, (_, code) in ranked.items()}
        self._names = sorted({c.name for c in self._by_code.values()})

    @classmethod
    @functools.cache
    def default(cls) -> "Gazetteer":
        countries = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
        with (DATA / "aliases.csv").open(newline="", encoding="utf-8") as f:
            aliases = list(csv.DictReader(f))
        return cls(countries, aliases)

    normalise = staticmethod(normalise)

    def resolve(self, text: str) -> Country | None:
        if not text or not text.strip():
            return None
        raw = text.strip()
        if raw in self._codes:
            return self._by_code[self._codes[raw]]
        key = normalise(raw)
        code = self._forms.get(key) or self._body(key)
        if code is None:
            # "Russia's Kursk region", "North Korea's capital": the owner names the state.
            owner = re.match(r"^(.+?)['’]s\s+\S", raw)
            if owner:
                found = self.resolve(owner.group(1))
                return found
        return self._by_code[code] if code else None

    def _body(self, key: str) -> str | None:
        for prefix in _BODY_PREFIXES:
            if key.startswith(prefix + " "):
                rest = key[len(prefix) + 1 :].removeprefix("the ")
                return self._forms.get(rest) or self._body(rest)
        for suffix in _BODY_SUFFIXES:
            if key.endswith(" " + suffix):
                rest = key[: -len(suffix) - 1]
                return self._forms.get(rest) or self._body(rest)
        return None

    def require(self, text: str) -> Country:
        found = self.resolve(text)
        if found is None:
            raise UnknownActor(text, self.suggest(text))
        return found

    def get(self, code: str) -> Country:
        return self._by_code[code]

    def suggest(self, text: str, n: int = 5) -> list[str]:
        key = normalise(text or "")
        forms = difflib.get_close_matches(key, list(self._forms), n=n * 3, cutoff=0.6)
        names: list[str] = []
        for form in forms:
            name = self._by_code[self._forms[form]].name
            if name not in names:
                names.append(name)
        return names[:n]

    def __iter__(self):
        return iter(self._by_code.values())

    def surface_forms(self) -> dict[str, str]:
        return dict(self._forms)

    def patterns(self) -> list[tuple[str, str]]:
        """Every form as written in the data, with the code it resolves to: what a text
        matcher looks for."""
        return [(text, self._forms[key]) for text, key in self._originals.items() if key in self._forms]
