"""Actor and agent dictionaries in the CAMEO/PETRARCH text format, for the extractor.

Research groups keep their actor lists in the format of the TABARI, PETRARCH and Phoenix
dictionaries. Actors:

    # comment (also `;` and <!-- ... -->, as PETRARCH reads them)
    HAMAS_  [PSEHMS]                one phrase and its code; `_` joins words
    +ISLAMIC_RESISTANCE_MOVEMENT    another phrase for the same actor
    HAMID_KARZAI_                   a phrase whose code depends on the date:
    +PRESIDENT_KARZAI_
        [AFGELI 750101-000101]      between two dates (YYMMDD or YYYYMMDD; YY 00-30 is 20YY)
        [AFGGOV >011222]            after a date; `<date` before it
        [AFGELI]                    otherwise
    KOFI_ANNAN_  [IGOUNO 970101-061231] [ELI]   the same, on one line

A code is taken as the dictionary gives it ("PSEHMS", "IGOUNO", "AFGGOV"): the extractor
treats a code that names no state as an actor of its own. A leading "the" is dropped
("THE_UNITED_NATIONS_" is "United Nations"), and each phrase is matched in any case, except
short all-capital forms (up to three letters: "UN", "EU") which match only as written.

Agents (words that name a part of a state) map to sectors:

    POLICE {} [~COP]                  {} : no plural; {WORDS} : the plural; else +S / +IES / +ES
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
    CONGRESS!PERSON! [~LEG]           one entry for each word of the set

`GOV` (and JUD, LEG) is government, `MIL` military, `COP` and `SPY` police, `REB`, `INS`,
`SEP`, `UAF` rebels, `OPP` opposition, `CVL`, `EDU`, `LAB`, `REF`, `AGR`, `HLH` ... civilians;
`BUS` business, `MED` media, `CRM` criminals, `IGO`/`NGO` organisation, religious codes
religious (see `cameo.SECTOR_OF_AGENT`); codes CAMEO does not define go to "other".

Dates: the code valid on a document's publication date is used for that document; with no
date, the undated code (or, for an actor with only dated codes, the latest of them).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .cameo import sector_of_agent


class DictionaryError(ValueError):
    """A dictionary file that cannot be used at all (unreadable, binary, nothing in it)."""


_BRACKET = re.compile(r"\[([^\]]*)\]")
_COMMENT_XML = re.compile(r"<!--.*?-->", re.S)
_DATED = re.compile(r"^(\S+)\s*(?:(<|>)\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?\s*$")


def _strip_comments(text: str) -> str:
    text = _COMMENT_XML.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    out = []
    for line in text.split("\n"):
        for mark in ("#", ";"):
            cut = line.find(mark)
            if cut >= 0:
                line = line[:cut]
        out.append(line.rstrip())
    return "\n".join(out)


def parse_date(text: str) -> dt.date:
    """YYYYMMDD, or YYMMDD (YY from 00 to 30 is 20YY, else 19YY), as KEDS, TABARI and
    PETRARCH read them."""
    if len(text) == 8:
        y, m, d = int(text[:4]), int(text[4:6]), int(text[6:8])
    elif len(text) == 6:
        yy = int(text[:2])
        y, m, d = (2000 + yy if yy <= 30 else 1900 + yy), int(text[2:4]), int(text[4:6])
    else:
        raise ValueError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    return dt.date(y, m, d)


def phrase_text(raw: str) -> str:
    """'THE_UNITED_NATIONS_' -> 'United Nations'; 'UN_' -> 'UN'; 'U.N.' -> 'U.N.'."""
    words = [w for w in re.split(r"[_\s]+", raw.strip().strip("+").strip()) if w]
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return ""
    if len(words) == 1 and len(re.sub(r"[^A-Za-z]", "", words[0])) <= 3 and words[0].isupper():
        return words[0]  # an acronym: matched only as written
    return " ".join(w.lower() if i and w.lower() in _SMALL_WORDS else _capitalise(w) if w.isupper() else w
                    for i, w in enumerate(words))  # fmt: skip


_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "des", "du", "la", "le", "van", "von", "da", "di"}


def _capitalise(word: str) -> str:
    # "AL-SABAH" -> "Al-Sabah", "O'NEILL" -> "O'Neill"
    return re.sub(r"[A-Za-z]+", lambda m: m.group(0).capitalize(), word.lower())


@dataclass
class ActorEntry:
    phrases: list[str]
    line: int
    default: str | None = None  # the undated code
    dated: list[tuple[str, dt.date | None, dt.date | None]] = field(default_factory=list)

    def code_at(self, day: dt.date | None) -> str | None:
        """The code on a date (restrictions include their end dates), else the undated code;
        with no date, the undated code, else the latest dated one. None: not coded ('---')."""
        if day is not None:
            for code, start, end in self.dated:
                if (start is None or start <= day) and (end is None or day <= end):
                    return None if code == "---" else code
        if self.default is not None:
            return None if self.default == "---" else self.default
        if day is None and self.dated:
            code = max(self.dated, key=lambda r: (r[1] or dt.date.min, r[2] or dt.date.max))[0]
            return None if code == "---" else code
        return None


@dataclass
class ActorDictionary:
    entries: list[ActorEntry]
    warnings: list[str]
    origin: str = ""

    @classmethod
    def load(cls, path: Path) -> "ActorDictionary":
        return cls.parse(_read(path), str(path))

    @classmethod
    def parse(cls, text: str, origin: str = "<text>") -> "ActorDictionary":
        entries: list[ActorEntry] = []
        warnings: list[str] = []
        current: ActorEntry | None = None
        for n, line in enumerate(_strip_comments(text).split("\n"), start=1):
            if not line.strip():
                continue
            stripped = line.strip()
            if stripped.startswith("["):  # codes of the entry above (usually tab-indented)
                if current is None:
                    warnings.append(f"{origin} line {n}: a code with no phrase before it")
                    continue
                _codes(current, stripped, origin, n, warnings)
                continue
            head = stripped.split("[", 1)
            phrase = phrase_text(head[0])
            if stripped.startswith("+"):
                if current is None:
                    warnings.append(f"{origin} line {n}: a '+' phrase with no entry before it")
                    continue
                if phrase:
                    current.phrases.append(phrase)
            else:
                if not phrase:
                    warnings.append(f"{origin} line {n}: no phrase in {stripped[:60]!r}")
                    current = None
                    continue
                current = ActorEntry([phrase], n)
                entries.append(current)
            if len(head) > 1:
                _codes(current, "[" + head[1], origin, n, warnings)
        coded = [e for e in entries if e.default is not None or e.dated]
        for e in entries:
            if e.default is None and not e.dated:
                warnings.append(f"{origin} line {e.line}: {e.phrases[0]!r} has no code")
        if not coded:
            raise DictionaryError(f"{origin}: no actors with codes (expected lines such as 'HAMAS_ [PSEHMS]')")
        return cls(coded, warnings, origin)

    def pairs(self, day: dt.date | None = None) -> list[tuple[str, str]]:
        """(phrase, code) for the extractor, the codes as on `day` (None: see code_at)."""
        out: dict[str, str] = {}
        for e in self.entries:
            code = e.code_at(day)
            if code is None:
                continue
            for p in e.phrases:
                out.setdefault(p, code)
        return list(out.items())

    def dated_phrases(self) -> dict[str, ActorEntry]:
        """Phrases whose code depends on the date, by their folded form."""
        return {_fold(p): e for e in self.entries if e.dated for p in e.phrases}

    def recode(self, events: list, day: dt.date | None) -> list:
        """Events read from a document dated `day`, with the codes of date-restricted actors as
        on that day (the extractor was given the undated codes)."""
        dated = self.dated_phrases()
        if not dated or day is None:
            return events
        out = []
        for e in events:
            changes = {}
            for side, text in (("actor", e.actor_text), ("target", e.target_text)):
                entry = dated.get(_fold(text)) if text else None
                if entry is not None:
                    code = entry.code_at(day)
                    if code and code != getattr(e, side):
                        changes[side] = code
            out.append(replace(e, **changes) if changes else e)
        return out


def _fold(text: str) -> str:
    words = text.lower().split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _codes(entry: ActorEntry, text: str, origin: str, n: int, warnings: list[str]) -> None:
    for body in _BRACKET.findall(text):
        m = _DATED.match(body.strip())
        if not m:
            warnings.append(f"{origin} line {n}: cannot read the code [{body}]")
            continue
        code, op, one, start, end = m.groups()
        try:
            if op == "<":
                entry.dated.append((code, None, parse_date(one)))
            elif op == ">":
                entry.dated.append((code, parse_date(one), None))
            elif start:
                entry.dated.append((code, parse_date(start), parse_date(end)))
            else:
                entry.default = code
        except ValueError as err:
            warnings.append(f"{origin} line {n}: [{body}] skipped: {err}")


# -- agents --------------------------------------------------------------------------------

_AGENT = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]\s*$")
_SUBST = re.compile(r"^(!\w+!)\s*=\s*(.+)$")


def _plural(word: str) -> str:
    up = word.upper()
    if up.endswith("Y") and len(up) > 1 and up[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if up.endswith(("SS", "SH", "CH", "X")):
        return word + "ES"
    return word + "S"


def load_agents(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    return parse_agents(_read(path), str(path))


def parse_agents(text: str, origin: str = "<text>") -> tuple[list[tuple[str, str]], list[str]]:
    """(word, sector) pairs for the extractor, and warnings about lines that were skipped."""
    pairs: dict[str, str] = {}
    warnings: list[str] = []
    subst: dict[str, list[str]] = {}
    for n, line in enumerate(_strip_comments(text).split("\n"), start=1):
        line = line.strip()
        if not line:
            continue
        if m := _SUBST.match(line):
            subst[m[1]] = [w.strip() for w in m[2].split(",") if w.strip()]
            continue
        m = _AGENT.match(line)
        if not m:
            warnings.append(f"{origin} line {n}: cannot read {line[:60]!r}")
            continue
        sector = sector_of_agent(m["code"])
        if not sector:
            warnings.append(f"{origin} line {n}: no agent code in [{m['code']}]")
            continue
        phrase = m["phrase"].strip()
        forms = [phrase]
        marked = "!" in phrase  # a substitution set gives every form itself: no plurals
        base = phrase.rstrip("_")
        if m["plural"] is None and not marked and not (base.upper().endswith("S") and not base.upper().endswith("SS")):
            forms.append(_plural(base))
        elif m["plural"] is not None and m["plural"].strip():
            forms.append(m["plural"].strip())
        expanded = []
        for form in forms:
            marks = re.findall(r"!\w+!", form)
            if not marks:
                expanded.append(form)
                continue
            options = [form]
            for mark in marks:
                if mark not in subst:
                    warnings.append(f"{origin} line {n}: {mark} is not defined")
                    options = []
                    break
                options = [o.replace(mark, w) for o in options for w in subst[mark]]
            expanded += options
        for form in expanded:
            words = [w for w in re.split(r"[_\s]+", form) if w]
            if words and words[0].lower() == "the" and len(words) > 1:
                words = words[1:]
            if words:
                pairs.setdefault(" ".join(words).lower(), sector)
    if not pairs:
        raise DictionaryError(f"{origin}: no agents (expected lines such as 'POLICE {{}} [~COP]')")
    return list(pairs.items()), warnings


def _read(path: Path) -> str:
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        raise DictionaryError(f"cannot read {path}: {err.strerror or err}") from None
    if b"\x00" in raw[:4096]:
        raise DictionaryError(f"{path}: looks like a binary file, not a dictionary")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")  # older TABARI dictionaries
