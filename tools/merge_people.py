"""Add people to the extractor's people list (src/legation/extract/data/people.csv).

Run from the repository root (developers only):

    .venv/bin/python tools/merge_people.py NEW.csv [NEW.csv ...] [--shared ../shared]

Each input is a table `name,code,role,source` (one row per form of a name, `source` the
person's English Wikipedia page). Rows already in the list win. A new row is kept only when:
- its code is one the gazetteer knows, and its source is a Wikipedia page;
- its name says one person: no two inputs give it different codes, and no row already there
  gives it another; it is no place's name nor part of one ("Ismail Khan": "Dera Ismail Khan");
- a name of one word ("Nasser", "Nkrumah") is also no word the Wikinews corpus uses in lower
  case five times or more ("begin", "gore"), no English verb, adjective or adverb the model's
  lemmatizer knows ("mock", "wade"), no name the gazetteer has for a state, capital or
  people, no city the extractor places events by in another state (a town of the person's own
  state reads as that state either way: "Clinton"), and no other state's politician's surname
  ("Castro": Fidel's and Xiomara's).
The corpus is read only here; the output is committed and the product never needs ../shared.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from build_cities import corpus_words  # noqa: E402  (the tool beside this one)
from legation.extract.pipeline import stock_model  # noqa: E402
from legation.reference.gazetteer import Gazetteer  # noqa: E402

PEOPLE = ROOT / "src" / "legation" / "extract" / "data" / "people.csv"
CITIES = ROOT / "src" / "legation" / "reference" / "data" / "cities.csv"
EXTRA = ROOT / "src" / "legation" / "reference" / "data" / "extra_actors.csv"
# Lower-case uses in the corpus that make a one-word name an ordinary word.
WORD_USES = 5
# Words that make the next one a father's name, not a surname ("Hussein bin Nasser").
PATRONYMICS = {"bin", "ibn", "bint", "ben", "abu", "ould"}
# One-word forms that say no one person alone: a thing named after him ("a Molotov cocktail"),
# a given name ("René").
NOT_ALONE = {"molotov", "rené", "rene"}
WIKIPEDIA = re.compile(r"https://en\.wikipedia\.org/wiki/\S+")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+", type=Path)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    gaz = Gazetteer.default()
    with EXTRA.open(newline="", encoding="utf-8") as f:
        codes = {c.code for c in gaz} | {r["code"] for r in csv.DictReader(f)}
    state_forms = {gaz.normalise(form) for form, _ in gaz.patterns()}
    city_states: dict[str, set[str]] = defaultdict(set)
    with CITIES.open(newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            city_states[gaz.normalise(r["name"])].add(r["code"])
    known = state_forms | set(city_states)

    def placed_elsewhere(name: str, code: str) -> bool:
        """A state's, capital's or people's name, or a town of another state: a town of the
        person's own state reads as that state either way ("Clinton", Iowa)."""
        form = gaz.normalise(name)
        return form in state_forms or bool(city_states.get(form, set()) - {code})
    # every run of words inside a longer place name: "Ismail Khan" is in "Dera Ismail Khan"
    inside = {" ".join(w[i:j]) for w in (k.split() for k in known) for i in range(len(w)) for j in range(i + 2, len(w) + 1)
              if j - i < len(w)}
    words = corpus_words(args.shared)
    # English verbs, adjectives and adverbs ("mock", "wade"); the noun list holds names too ("nixon")
    index = stock_model().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    english = {w for pos in ("verb", "adj", "adv") for w in index.get(pos, [])}
    with PEOPLE.open(newline="", encoding="utf-8") as f:
        have = list(csv.DictReader(f))
    taken = {r["name"].lower(): r["code"] for r in have}

    offered: dict[str, dict] = {}
    offered_codes: dict[str, set[str]] = defaultdict(set)
    why: Counter = Counter()
    for path in args.inputs:
        with path.open(newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                name = " ".join((r.get("name") or "").split())
                code = (r.get("code") or "").strip()
                if not name or code not in codes:
                    why["unknown code"] += 1
                    continue
                if not WIKIPEDIA.fullmatch((r.get("source") or "").strip()):
                    why["no Wikipedia page"] += 1
                    continue
                offered_codes[name.lower()].add(code)
                offered.setdefault(name.lower(), {"name": name, "code": code, "role": r["role"].strip(),
                                                  "source": r["source"].strip()})
    # whose surname a one-word form is: "Castro" is Fidel's and Xiomara's, so neither's alone
    surnames: dict[str, set[str]] = defaultdict(set)
    for row in [*have, *offered.values()]:
        parts = row["name"].split()
        if len(parts) > 1 and parts[-2].lower() not in PATRONYMICS:
            surnames[parts[-1].lower()].add(row["code"])
    added = []
    for key, row in offered.items():
        if key in taken:
            why["already listed"] += 1
            continue
        if len(offered_codes[key]) > 1:
            why["two states"] += 1
            continue
        if " " not in row["name"] and (words[key] >= WORD_USES or key in english or placed_elsewhere(row["name"], row["code"])
                                       or len(key) < 3):
            why["one word that is an ordinary word, a place or a people"] += 1
            continue
        if " " not in row["name"] and surnames.get(key, {row["code"]}) - {row["code"]}:
            why["a surname of another state's politician"] += 1
            continue
        if placed_elsewhere(row["name"], row["code"]) or gaz.normalise(row["name"]) in inside or key in NOT_ALONE:
            why["a place's name, or part of one, or a thing's"] += 1
            continue
        added.append(row)
    with PEOPLE.open("a", newline="", encoding="utf-8") as f:
        out = csv.DictWriter(f, fieldnames=["name", "code", "role", "source"], lineterminator="\n")
        out.writerows(added)
    print(f"{len(added)} rows added to {PEOPLE.relative_to(ROOT)}; left out: {dict(why)}")


if __name__ == "__main__":
    main()
