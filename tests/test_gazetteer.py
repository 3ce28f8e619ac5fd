import csv

import pytest

from conftest import SHARED
from legation.reference.gazetteer import Gazetteer, UnknownActor

CASES = {
    "Polish": "POL", "North Korean": "PRK", "DPRK": "PRK", "Pyongyang": "PRK", "Britain": "GBR",
    "the UK": "GBR", "the hermit kingdom": "PRK", "Kursk region": "RUS", "Russia's Kursk region": "RUS",
    "Moscow": "RUS", "Beijing": "CHN", "Washington": "USA", "North Korea's": "PRK",
    "the Polish Foreign Ministry": "POL", "Czech Republic": "CZE", "Czechia": "CZE", "Türkiye": "TUR",
    "Turkey": "TUR", "PRK": "PRK", "KP": "PRK", "Government of Sweden": "SWE",
    "Ministry of Foreign Affairs of the Russian Federation": "RUS", "The Gambia": "GMB",
    "People's Republic of China": "CHN", "Bogotá": "COL", "Bogota": "COL", "Dominican": "DOM",
}  # fmt: skip


@pytest.mark.parametrize("text,code", CASES.items())
def test_names_resolve(text, code):
    assert Gazetteer.default().require(text).code == code


def test_lowercase_words_are_not_codes():
    gaz = Gazetteer.default()
    assert gaz.resolve("in") is None and gaz.resolve("is") is None
    assert gaz.resolve("IN").code == "IND"


def test_unknown_name_suggests_close_names():
    with pytest.raises(UnknownActor) as err:
        Gazetteer.default().require("Polnad")
    assert "Poland" in err.value.suggestions and "Poland" in str(err.value)


def test_every_listed_sender_and_host_resolves_from_shipped_data():
    # The shipped missions.csv carries codes; the names it was built from must all resolve.
    gaz = Gazetteer.default()
    from importlib import resources

    with (resources.files("legation.reference") / "data" / "missions.csv").open() as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        assert gaz.resolve(r["sender_label"]).code == r["sender"], r["sender_label"]
        assert gaz.resolve(r["host_label"]).code == r["host"], r["host_label"]


@pytest.mark.skipif(not (SHARED / "data").exists(), reason="../shared/data is not beside the project")
def test_the_source_listing_has_no_name_we_cannot_resolve():
    gaz = Gazetteer.default()
    with open(SHARED / "data" / "missions" / "database_of_embassies_slim.csv", newline="") as f:
        names = {n for r in csv.DictReader(f) for n in (r["operator"], r["country"])}
    assert [n for n in names if gaz.resolve(n) is None] == []
