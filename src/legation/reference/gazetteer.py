"""Which state (or other actor) a name stands for: names, codes, demonyms, capitals, aliases,
government bodies.

Data: `countries.json` (built by tools/build_countries.py from mledoze/countries and pycountry,
plus `extra_actors.csv`) and `aliases.csv`, both shipped in the package, so nothing outside
the installed package is read.

Matching. Text is compared after `normalise`: case, accents, punctuation, "&" versus "and",
"St" versus "Saint", a leading "the" and a trailing possessive ("North Korea's") do not
matter. If the whole text is not a known form, a government-body wrapper is peeled off and the
rest resolved again ("the Polish Foreign Ministry", "Government of Sweden", "Ministry of
Foreign Affairs of the Russian Federation"); failing that, the owner of a possessive names the
actor ("Russia's Kursk region").

Codes. ISO 3166 alpha-2 and alpha-3 codes, Legation's own codes (EUU, XKX, Wikidata QIDs) and
short all-capital abbreviations from the data are looked up exactly as written, before any
name, in a table of their own. So a code is never shadowed by a demonym or spelling, and a
word such as "in" or "is" never reads as India or Iceland.

Collisions. When one normalised form belongs to several entries, it goes to the entry with
the best rank:

  0. an entry of the alias file (`aliases.csv`), which settles ambiguity on purpose
     ("American", "British", "Dominican", "Korea" -> South Korea, "Washington" -> the US);
  1. the common name, then 2. the official name, of a UN member;
  3. the common or official name of any other entry ("Georgia" is the state either way);
  4. alternative spellings, 5. demonyms, 6. capitals of UN members;
  7.-9. the same for all other entries.

Equal ranks go to the entry whose code sorts first, so the outcome never depends on load
order ("Congolese" -> COD before COG; "Congo" itself is the Republic of the Congo's name in
ISO 3166 and goes there at rank 3/4).

Text patterns. `surface_forms()` and `patterns()` feed text extractors. They leave out bare
government-body phrases ("Ministry of Foreign Affairs", "Foreign Office"), which in running
text name whichever state the sentence is about, and `surface_forms()`, being lower-case,
also leaves out forms that are only safe as written ("US" would otherwise be "us").
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
ALIAS_KINDS = {"nickname", "region", "city", "body", "abbreviation", "historical", "demonym"}


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
    """A name the gazetteer cannot place, with the closest names it knows."""

    def __init__(self, text: str, suggestions: list[str]):
        self.text, self.suggestions = text, suggestions
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown country or actor {text!r}{hint}")


# Words around a state's name (or demonym) that make the phrase one of its bodies. Longest
# first, so that "ministry of foreign affairs of" wins over "ministry of".
_BODY_PREFIXES = sorted(
    [
        "government of", "ministry of foreign affairs of", "ministry of foreign affairs and cooperation of",
        "ministry of foreign affairs and international cooperation of", "foreign ministry of",
        "embassy of", "permanent mission of", "mission of", "delegation of", "consulate of",
        "consulate general of", "president of", "prime minister of", "foreign minister of",
        "parliament of", "armed forces of", "military of", "people of", "state of", "republic of",
        "kingdom of",
    ],
    key=len, reverse=True,
)  # fmt: skip
_BODY_SUFFIXES = sorted(
    [
        "foreign ministry", "ministry of foreign affairs", "foreign office", "foreign minister",
        "defence ministry", "defense ministry", "ministry of defence", "ministry of defense",
        "interior ministry", "state department", "government", "authorities", "embassy",
        "consulate", "delegation", "envoy", "ambassador", "officials", "diplomats", "troops",
        "forces", "army", "military", "navy", "president", "prime minister", "leader",
        "leadership", "parliament", "state media", "intelligence", "side", "regime",
        "administration",
    ],
    key=len, reverse=True,
)  # fmt: skip
_BARE_BODIES = {p.removesuffix(" of") for p in _BODY_PREFIXES} | set(_BODY_SUFFIXES)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
# A short all-capital token ("US", "UK", "EU") is an abbreviation only when written so.
_CAPS = re.compile(r"[A-Z]{2,3}")


def normalise(text: str) -> str:
    """The comparison key of a name: lower case, no accents or punctuation, "and" for "&",
    "saint" for "St", no leading "the", no trailing possessive."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    # Possessives go before punctuation does, while the apostrophe still marks them; a plural
    # possessive keeps its "s" ("Philippines'" is the Philippines).
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"s'(?=\W|$)", "s", text)
    text = text.replace("&", " and ")
    text = re.sub(r"[^\w\s]|_", " ", text)
    words = ["saint" if w == "st" else w for w in text.split()]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


class Gazetteer:
    def __init__(self, countries: list[dict], aliases: list[dict]):
        self._by_code: dict[str, Country] = {}
        self._codes: dict[str, str] = {}  # exact-case code or abbreviation -> code
        ranked: dict[str, tuple[int, str]] = {}
        self._originals: dict[str, str] = {}  # text as written in the data -> its key
        self._exact_patterns: dict[str, str] = {}  # abbreviations safe only as written
        self.places: set[str] = set()  # normalised names of capitals, regions and cities

        def offer(form: str, code: str, rank: int) -> None:
            key = normalise(form)
            if not key:
                return
            self._originals.setdefault(form, key)
            if key not in ranked or rank < ranked[key][0]:
                ranked[key] = (rank, code)

        for c in sorted(countries, key=lambda c: c["code"]):
            country = Country(
                code=c["code"], iso2=c.get("iso2"), name=c["name"], official=c["official"], kind=c["kind"],
                independent=c["independent"], un_member=c["un_member"], capitals=tuple(c["capitals"]),
                latlng=tuple(map(float, c["latlng"])) if c.get("latlng") else None, region=c["region"],
                subregion=c["subregion"],
            )  # fmt: skip
            if country.code in self._by_code:
                raise ValueError(f"countries.json: duplicate code {country.code!r}")
            self._by_code[country.code] = country
            # Official codes overwrite whatever an alternative spelling put there earlier.
            self._codes[country.code] = country.code
            if country.iso2:
                self._codes[country.iso2] = country.code
            base = 0 if country.un_member else 3
            offer(country.name, country.code, 1 if country.un_member else 3)
            offer(country.official, country.code, 2 if country.un_member else 3)
            for alt in c["alt_names"]:
                if _CAPS.fullmatch(alt):
                    self._codes.setdefault(alt, country.code)
                    if alt not in (country.code, country.iso2):
                        self._exact_patterns.setdefault(alt, country.code)
                else:
                    offer(alt, country.code, 4 + base)
            for demonym in c["demonyms"]:
                offer(demonym, country.code, 5 + base)
                # The people: "Iraqis", "Afghans", "Palestinians" (not "Frenchs", "Chineses").
                if demonym[-1:] in "ani" and not demonym.endswith(("ese", "ch", "sh", "ss")):
                    offer(demonym + "s", country.code, 5 + base)
            for capital in c["capitals"]:
                offer(capital, country.code, 6 + base)
                self.places.add(normalise(capital))
        for a in aliases:
            if a["code"] not in self._by_code:
                raise ValueError(f"aliases.csv: unknown code {a['code']!r} for {a['alias']!r}")
            if a["kind"] not in ALIAS_KINDS:
                raise ValueError(f"aliases.csv: kind {a['kind']!r} of {a['alias']!r} is not one of {sorted(ALIAS_KINDS)}")
            offer(a["alias"], a["code"], 0)
            if a["kind"] in ("region", "city"):
                self.places.add(normalise(a["alias"]))
        self._forms = {form: code for form, (_, code) in ranked.items()}
        self._names = {normalise(c.name): c.name for c in self._by_code.values()}

    @classmethod
    @functools.cache
    def default(cls) -> "Gazetteer":
        """The gazetteer of the data shipped in the package, built once per process."""
        countries = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
        with (DATA / "aliases.csv").open(newline="", encoding="utf-8") as f:
            aliases = list(csv.DictReader(f))
        return cls(countries, aliases)

    normalise = staticmethod(normalise)

    # -- lookups -------------------------------------------------------------------------

    def resolve(self, text: str) -> Country | None:
        """The actor `text` names, or None."""
        if not text or not text.strip():
            return None
        raw = text.strip()
        code = self._codes.get(raw) or self._codes.get(raw.removeprefix("the ").removeprefix("The "))
        if code is None:
            key = normalise(raw)
            code = self._forms.get(key) or self._body(key)
        if code is None:
            # "Russia's Kursk region", "North Korea's capital": the owner names the actor.
            owner = re.match(r"^(.+?)['’]s?\s+\S", raw)
            if owner and owner.group(1) != raw:
                return self.resolve(owner.group(1))
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
        """Like `resolve`, but an unknown name raises UnknownActor with close suggestions."""
        found = self.resolve(text)
        if found is None:
            raise UnknownActor(text, self.suggest(text))
        return found

    def get(self, code: str) -> Country:
        """The actor with this code (exactly as stored); KeyError if there is none."""
        return self._by_code[code]

    def suggest(self, text: str, n: int = 5) -> list[str]:
        """Names of the actors whose names (then any known form) are closest to `text`."""
        key = normalise(text or "")
        if not key:
            return []
        out: list[str] = []
        for form in difflib.get_close_matches(key, list(self._names), n=n, cutoff=0.6):
            out.append(self._names[form])
        for form in difflib.get_close_matches(key, list(self._forms), n=n * 3, cutoff=0.6):
            name = self._by_code[self._forms[form]].name
            if name not in out:
                out.append(name)
        return out[:n]

    def __iter__(self):
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    # -- for text extractors ---------------------------------------------------------------

    def surface_forms(self) -> dict[str, str]:
        """Normalised surface form -> code, for matching in running text (see the module
        notes for what is left out)."""
        lower_unsafe = {
            key for text, key in self._originals.items() if _CAPS.fullmatch(text)
        } - {key for text, key in self._originals.items() if not _CAPS.fullmatch(text)}
        return {k: v for k, v in self._forms.items() if k not in _BARE_BODIES and k not in lower_unsafe}

    def patterns(self) -> list[tuple[str, str]]:
        """Every form as written in the data, with the code it resolves to: what a text
        matcher looks for. Short all-capital forms are meant to be matched as written."""
        out = [
            (text, self._forms[key])
            for text, key in self._originals.items()
            if key in self._forms and key not in _BARE_BODIES
        ]
        seen = {text for text, _ in out}
        out += [(text, code) for text, code in self._exact_patterns.items() if text not in seen]
        return out
