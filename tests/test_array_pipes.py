"""The attribute rules and lemmas done on arrays give what spaCy's own components give, token for token."""

import json
from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, HEAD, IS_SPACE, LEMMA, MORPH, POS, SENT_START, TAG

from legation.extract.array_pipes import ArrayAttributeRules, ArrayLemmatizer, compile_rules
from legation.extract.pipeline import load_model, stock_model

GOLD = Path(__file__).resolve().parents[1] / "bench" / "gold"
COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START, IS_SPACE]

# Lines that reach the ruler's exceptions: contractions, pronouns, auxiliaries, stray spaces,
# and two-token rules whose halves end one document and start the next.
AWKWARD = [
    "I ain't gonna say it, and y'all know we'd've gone.",
    "Let's see: it's nothin' the ministry hasn't denied; they were there, weren't they?",
    "There are  two spaces here\n\nand a blank line, then   three.",
    "The envoy said he got there first; she gets there on Monday.",
    "They're gon",
    "na talk, she said.",
    "",
]


@pytest.fixture(scope="module")
def stock():
    """The model as spaCy ships it, with Legation's only other change (paragraph breaks)."""
    nlp = stock_model()
    load_model()  # registers the paragraph component
    nlp.add_pipe("legation_paragraphs", before="parser")
    return nlp


def test_components_on_arrays_replace_spacys_and_annotate_as_they_do(stock):
    ours = load_model()
    assert isinstance(ours.get_pipe("attribute_ruler"), ArrayAttributeRules)
    assert isinstance(ours.get_pipe("lemmatizer"), ArrayLemmatizer)
    assert type(stock.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    texts = AWKWARD + [r["text"] for name in ("written_blind14.json", "written_blind17.json") for r in json.loads((GOLD / name).read_text())]
    expected = list(stock.pipe(texts, batch_size=16))
    got = list(ours.pipe(texts, batch_size=16))
    assert sum(len(d) for d in got) > 10_000
    for want, have in zip(expected, got):
        assert [t.text for t in want] == [t.text for t in have]
        assert (want.to_array(COLUMNS) == have.to_array(COLUMNS)).all(), want.text
    # The exceptions were reached, not only the tag-to-part-of-speech rows.
    first = got[0]
    assert [t.lemma_ for t in first if t.lower_ in ("ai", "gon")] == ["be", "go"]
    assert got[4][-1].lemma_ == "gon"  # "gon" with "na" only in the next document is no "gonna"
    assert next(t for t in got[2] if t.text == " ").pos_ == "SPACE"
    # One document at a time (the component's __call__) agrees with a batch.
    assert ours("They're gon")[-1].lemma_ == got[4][-1].lemma_


def test_rules_beyond_plain_token_tests_keep_spacys_ruler(stock):
    ruler = spacy.blank("en").add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "un"}, {"LOWER": "nations", "OP": "?"}]], {"LEMMA": "UN"})
    assert compile_rules(ruler) is None
    assert compile_rules(stock.get_pipe("attribute_ruler")) is not None
