"""Two of the model's components, doing their work on arrays: the same annotations, faster.

spaCy's attribute ruler and lemmatizer spend most of their time in Python calls per token,
not in the work itself; on news text they cost about a sixth of the whole parse.

- The attribute ruler maps each fine tag to its part of speech and morphology, and corrects
  some for pronouns, auxiliaries and contractions: a Matcher of 179 patterns tried at every
  token, then one Python call per match to set its attributes. Each pattern is a plain test on
  a token (equal to, one of, none of, a regular expression on its text), so here each becomes
  a boolean mask over the token arrays of a batch of documents, and the rules are applied in
  their own order, a later rule overriding an earlier one, as the ruler does.
- The lemmatizer's lemma depends only on the word, its part of speech and its morphology;
  here it is asked once for each such triple and the answer written into the arrays, and its
  word lists are searched as sets.

The result is the same, token for token (tests/test_array_pipes.py compares them on news
text); a model whose components work otherwise keeps spaCy's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.tokens._retokenize import set_token_attrs
from spacy.util import minibatch

# The attributes a test may read, and those the rules may set from arrays; any other attribute
# a rule sets (the dependency label of a stray space) is set token by token, as the ruler does.
READABLE = {"TAG", "LOWER", "DEP", "IS_SPACE", "ORTH", "POS", "NORM"}
ARRAY_COLUMNS = (POS, TAG, MORPH, LEMMA)
PREDICATES = {"IN", "NOT_IN", "REGEX"}


@dataclass(frozen=True)
class Test:
    attr: str
    kind: str  # "==", "IN", "NOT_IN" or "REGEX"
    values: tuple  # hashes (or 0/1 for flags); for REGEX, the compiled expression


@dataclass(frozen=True)
class Rule:
    patterns: tuple  # alternatives, each a tuple of token specs, each a tuple of Tests
    attrs: dict  # attribute id -> value, as the ruler normalised them
    index: int  # which token of the match the attributes go to


def compile_rules(ruler) -> list[Rule] | None:
    """The ruler's rules as tests on arrays, or None when one of them asks for more (an
    operator such as "?" or "+", an attribute or predicate not handled here)."""
    strings = ruler.vocab.strings
    rules = []
    for attrs, index, pattern_dict in zip(ruler.attrs, ruler.indices, ruler.patterns):
        patterns = []
        for pattern in pattern_dict["patterns"]:
            specs = []
            for spec in pattern:
                tests = []
                for attr, want in spec.items():
                    if attr not in READABLE:
                        return None
                    if isinstance(want, dict):
                        if len(want) != 1 or not set(want) <= PREDICATES:
                            return None
                        kind, value = next(iter(want.items()))
                        if kind == "REGEX":
                            if attr == "IS_SPACE":
                                return None
                            tests.append(Test(attr, kind, (re.compile(value),)))
                        else:
                            tests.append(Test(attr, kind, tuple(_hash(strings, v) for v in value)))
                    else:
                        tests.append(Test(attr, "==", (_hash(strings, want),)))
                specs.append(tuple(tests))
            patterns.append(tuple(specs))
        rules.append(Rule(tuple(patterns), dict(attrs), index))
    return rules


def _hash(strings, value) -> int:
    if isinstance(value, bool):
        return int(value)
    return strings[value] if isinstance(value, str) else int(value)


class ArrayAttributeRules:
    """The attribute ruler's work, on arrays."""

    def __init__(self, vocab):
        self.vocab = vocab
        self._take([])

    def adopt(self, ruler) -> bool:
        """Take the ruler's rules; False (and nothing taken) if they cannot run on arrays."""
        rules = compile_rules(ruler)
        if rules is not None:
            self._take(rules)
        return rules is not None

    def _take(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.readable = sorted({t.attr for r in rules for p in r.patterns for s in p for t in s})
        self._regex_memo: dict[tuple, bool] = {}

    def __call__(self, doc):
        self._apply([doc])
        return doc

    def pipe(self, docs, batch_size: int = 256):
        for batch in minibatch(docs, size=batch_size):
            self._apply(batch)
            yield from batch

    def _apply(self, docs) -> None:
        docs = [d for d in docs if len(d)]
        if not docs or not self.rules:
            return
        read = np.concatenate([d.to_array([IDS[a] for a in self.readable]).reshape(len(d), -1) for d in docs])
        columns = {a: read[:, i] for i, a in enumerate(self.readable)}
        out = np.concatenate([d.to_array(list(ARRAY_COLUMNS)).reshape(len(d), -1) for d in docs])
        lengths = [len(d) for d in docs]
        doc_of = np.repeat(np.arange(len(docs)), lengths)
        others = []  # (token position, attrs) for attributes outside the arrays
        spec_memo: dict[tuple, np.ndarray] = {}
        for rule in self.rules:
            where = self._matches(rule, columns, doc_of, spec_memo)
            if not where.size:
                continue
            for attr, value in rule.attrs.items():
                if attr in ARRAY_COLUMNS:
                    out[where, ARRAY_COLUMNS.index(attr)] = value
                else:
                    others.extend((int(i), {attr: value}) for i in where)
        starts = np.cumsum([0] + lengths)
        for n, doc in enumerate(docs):
            doc.from_array(list(ARRAY_COLUMNS), out[starts[n] : starts[n + 1]])
        for i, attrs in others:
            n = int(doc_of[i])
            set_token_attrs(docs[n][i - int(starts[n])], attrs)

    def _matches(self, rule: Rule, columns, doc_of, spec_memo) -> np.ndarray:
        """Positions (in the batch) of the tokens the rule's attributes go to."""
        total = len(doc_of)
        hits = []
        for pattern in rule.patterns:
            width = len(pattern)
            if width > total:
                continue
            span = total - width + 1
            ok = doc_of[:span] == doc_of[width - 1 :]  # a match stays inside one document
            for j, spec in enumerate(pattern):
                if spec not in spec_memo:
                    spec_memo[spec] = self._spec_mask(spec, columns, total)
                ok = ok & spec_memo[spec][j : j + span]
            index = rule.index if rule.index >= 0 else width + rule.index
            hits.append(np.flatnonzero(ok) + index)
        return np.unique(np.concatenate(hits)) if hits else np.empty(0, dtype=np.int64)

    def _spec_mask(self, spec, columns, total) -> np.ndarray:
        mask = np.ones(total, dtype=bool)
        for test in spec:
            col = columns[test.attr]
            if test.kind == "==":
                mask &= col == test.values[0]
            elif test.kind == "IN":
                mask &= np.isin(col, test.values)
            elif test.kind == "NOT_IN":
                mask &= ~np.isin(col, test.values)
            else:
                mask &= self._regex_mask(test.values[0], col)
        return mask

    def _regex_mask(self, expression, col) -> np.ndarray:
        values, inverse = np.unique(col, return_inverse=True)
        strings = self.vocab.strings
        found = np.zeros(len(values), dtype=bool)
        for k, h in enumerate(values.tolist()):
            key = (expression.pattern, h)
            if key not in self._regex_memo:
                self._regex_memo[key] = bool(expression.search(strings[h]))
            found[k] = self._regex_memo[key]
        return found[inverse.reshape(-1)]


class ArrayLemmatizer:
    """The model's lemmatizer, asked once for each word, part of speech and morphology."""

    MODES = ("rule", "lookup", "pos_lookup")  # each a function of those three alone

    def __init__(self, vocab):
        self.vocab = vocab
        self.lemmatizer = None
        self._memo: dict[tuple, int] = {}

    def adopt(self, lemmatizer) -> bool:
        """Take the lemmatizer; False (and nothing taken) if its mode may look further."""
        if getattr(lemmatizer, "mode", None) not in self.MODES:
            return False
        self.lemmatizer = lemmatizer
        self._memo = {}
        if lemmatizer.mode == "rule" and lemmatizer.lookups.has_table("lemma_index"):
            # The rules ask only whether a form is a known word, of lists of up to 57,528 words:
            # a scan per question, most of the cost of a new word. Sets answer the same.
            index = lemmatizer.lookups.get_table("lemma_index")
            for pos in list(index.keys()):
                index[pos] = frozenset(index[pos])
        return True

    def __call__(self, doc):
        self._apply(doc)
        return doc

    def pipe(self, docs, batch_size: int = 256):
        for doc in docs:
            self._apply(doc)
            yield doc

    def _apply(self, doc) -> None:
        if self.lemmatizer is None or not len(doc):
            return
        overwrite = self.lemmatizer.overwrite
        memo = self._memo
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                found = memo[key] = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
