"""The vocabulary every part of Legation shares: actors, sources, events, missions, statuses.

Nothing here touches storage, text or HTTP. An `Event` is one dated, sourced statement about
the world ("Poland reopened its embassy in Pyongyang on 2024-11-15"); the state of the network
at any date is folded from events (see `state.py`).
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from .dates import FuzzyDate


class Modality(StrEnum):
    """How firmly the source states an event. Only asserted events change the state."""

    ASSERTED = "asserted"
    CLAIMED = "claimed"
    HEDGED = "hedged"
    NEGATED = "negated"
    FUTURE = "future"
    HYPOTHETICAL = "hypothetical"


class Status(StrEnum):
    """The state of one mission on one date."""

    OPERATING = "operating"
    REOPENED = "reopened"
    REOPENED_LIMITED = "reopened_limited"
    STAFF_WITHDRAWN = "staff_withdrawn"  # formally open, no diplomats on site
    RELOCATED = "relocated"  # working from another city or country
    SUSPENDED = "suspended"
    CLOSED = "closed"
    LISTED = "listed"  # named in an undated listing only: existence, not activity
    NOT_YET_OPEN = "not_yet_open"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def rank(self) -> int:
        """Place in a table: staffed missions first, then listed, then the rest."""
        return list(Status).index(self) if self.staffed else _RANK_AFTER_STAFFED.index(self) + 3

    @property
    def staffed(self) -> bool:
        """Diplomats are known to be working at the mission."""
        return self in (Status.OPERATING, Status.REOPENED, Status.REOPENED_LIMITED)


_RANK_AFTER_STAFFED = [
    Status.LISTED, Status.STAFF_WITHDRAWN, Status.RELOCATED, Status.SUSPENDED, Status.CLOSED, Status.NOT_YET_OPEN,
]  # fmt: skip

STATUS_LABELS = {
    Status.OPERATING: "operating",
    Status.REOPENED: "reopened",
    Status.REOPENED_LIMITED: "reopened (limited)",
    Status.STAFF_WITHDRAWN: "staff withdrawn (formally open)",
    Status.RELOCATED: "relocated (working from elsewhere)",
    Status.SUSPENDED: "suspended",
    Status.CLOSED: "closed",
    Status.LISTED: "listed, unconfirmed",
    Status.NOT_YET_OPEN: "not yet open",
}


# Event subtypes, grouped by what they do to the state. The PLOVER type and mode say what
# kind of act each is, so ledger events line up with events read from the news.
MISSION_STATUS_SUBTYPES: dict[str, tuple[Status, str, str]] = {
    "mission_opened": (Status.OPERATING, "SUPPORT", ""),
    "mission_reopened": (Status.REOPENED, "SUPPORT", ""),
    "mission_reopened_limited": (Status.REOPENED_LIMITED, "SUPPORT", ""),
    "staff_returned": (Status.OPERATING, "SUPPORT", ""),
    "envoy_arrived": (Status.OPERATING, "SUPPORT", ""),
    "credentials_presented": (Status.OPERATING, "SUPPORT", ""),
    "staff_withdrawn": (Status.STAFF_WITHDRAWN, "RETREAT", "withdraw"),
    "mission_relocated": (Status.RELOCATED, "RETREAT", "withdraw"),
    "mission_suspended": (Status.SUSPENDED, "SANCTION", "discontinue"),
    "mission_closed": (Status.CLOSED, "SANCTION", "discontinue"),
}
# Envoy events are recorded and shown, but an expelled or recalled envoy does not by itself
# close a mission: the chargé and staff may stay.
ENVOY_SUBTYPES: dict[str, tuple[str, str]] = {
    "envoy_expelled": ("SANCTION", "expel"),
    "envoy_recalled": ("SANCTION", "discontinue"),
    "envoy_appointed": ("SUPPORT", ""),
}
PROTECTING_POWER_SUBTYPES: dict[str, tuple[str, str]] = {
    "protecting_power_start": ("COOPERATE", ""),
    "protecting_power_end": ("RETREAT", ""),
}
MEMBERSHIP_SUBTYPES: dict[str, tuple[str, str]] = {
    "membership_joined": ("COOPERATE", ""),
    "membership_left": ("RETREAT", "withdraw"),
    "membership_suspended": ("SANCTION", "discontinue"),
    "membership_reinstated": ("COOPERATE", ""),
    "membership_unresolved": ("", ""),
}
LISTING_SUBTYPE = "mission_listed"

# Events that count as a return of diplomats to a host: a reopening, or staff coming back to
# a mission that formally stayed open.
RETURN_SUBTYPES = ("mission_reopened", "mission_reopened_limited", "staff_returned")
# Named event families a user can ask ordinal questions about.
EVENT_FAMILIES: dict[str, tuple[str, ...]] = {
    "reopen": RETURN_SUBTYPES,
    "open": ("mission_opened",),
    "close": ("mission_closed",),
    "suspend": ("mission_suspended",),
    "withdraw": ("staff_withdrawn", "mission_relocated", "mission_suspended", "mission_closed"),
    "relocate": ("mission_relocated",),
    "expel": ("envoy_expelled",),
    "recall": ("envoy_recalled",),
    "envoy": ("envoy_arrived", "credentials_presented", "envoy_appointed"),
    "protect": ("protecting_power_start",),
}

ALL_SUBTYPES = (
    set(MISSION_STATUS_SUBTYPES)
    | set(ENVOY_SUBTYPES)
    | set(PROTECTING_POWER_SUBTYPES)
    | set(MEMBERSHIP_SUBTYPES)
    | {LISTING_SUBTYPE}
)


def plover_of(subtype: str) -> tuple[str, str]:
    if subtype in MISSION_STATUS_SUBTYPES:
        return MISSION_STATUS_SUBTYPES[subtype][1:]
    for table in (ENVOY_SUBTYPES, PROTECTING_POWER_SUBTYPES, MEMBERSHIP_SUBTYPES):
        if subtype in table:
            return table[subtype]
    return ("", "")


# Kinds of mission fall into two classes: the one that represents the state to the host's
# government, and consular posts. Events in sources name "embassy" or "consulate"; listings
# use many more words, so matching is by class.
_CONSULAR_WORDS = ("consul", "consular", "trade office", "honorary")


def mission_class(kind: str) -> str:
    low = (kind or "embassy").lower()
    return "consulate" if any(w in low for w in _CONSULAR_WORDS) else "embassy"


def place_key(city: str | None) -> str:
    """A city name folded for matching: 'Bogotá' and 'Bogota' are one place."""
    text = unicodedata.normalize("NFKD", city or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().replace("-", " ").split())


def mission_key(sender: str, host: str, city: str | None, kind: str) -> str:
    return mission_id(sender, host, place_key(city), mission_class(kind))


def mission_id(sender: str, host: str, place: str, mclass: str) -> str:
    """The name of one mission: who sends it, where, and whether it is an embassy or a consulate."""
    return f"{sender}>{host}@{place}:{mclass}"


@dataclass(frozen=True)
class Source:
    """Where a fact comes from: a dataset row, a web page, or a document read by Legation."""

    citation: str  # what a person reads: a URL or a bibliographic line
    dataset: str = ""  # the file or feed it came through
    licence: str = ""
    locator: str = ""  # row number, sentence index, character span ...
    url: str = ""

    @property
    def id(self) -> str:
        return _digest([self.citation, self.dataset, self.locator])


@dataclass(frozen=True)
class Quantity:
    """A count as the text gives it: "up to 12,000 troops" is (12000, at_most, troops)."""

    value: float
    qualifier: str  # exact | approx | at_most | at_least | more_than | less_than
    unit: str
    text: str = ""
    start: int = 0  # character offsets in the text the quantity was found in
    end: int = 0

    def to_json(self) -> dict:
        value = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "qualifier": self.qualifier, "unit": self.unit, "text": self.text}


@dataclass(frozen=True)
class Provenance:
    """Where in a document an event was read: down to the character."""

    document: str  # Document.id
    sentence: int  # index of the sentence in the document
    span: tuple[int, int]  # characters of the sentence in the document text
    trigger: tuple[int, int] = (0, 0)  # characters of the word that carries the event


@dataclass(frozen=True)
class Event:
    subtype: str
    actor: str  # ISO3 (or other actor code) of who acts: the sending state, the member
    target: str = ""  # the host state, or the bloc
    third: str = ""  # the protected state of a protecting-power event
    date: FuzzyDate | None = None
    city: str = ""
    mission_kind: str = ""
    modality: Modality = Modality.ASSERTED
    attributed_to: str = ""
    note: str = ""
    verified: bool | None = None  # the data file's own mark, where it has one
    confidence: float = 1.0
    sources: tuple[Source, ...] = field(default=())
    # Events read from text say their PLOVER type themselves (most have no mission subtype).
    plover_type: str = ""
    plover_mode: str = ""
    quantity: Quantity | None = None
    location: str = ""  # code of the place the event happened, where the text names one
    attribution_cue: str = ""  # the word that attributes it: "claims", "said", "according to"
    actor_text: str = ""
    target_text: str = ""
    actor_sector: str = ""  # government, military, police, rebels, opposition, civilians ...
    target_sector: str = ""
    provenance: Provenance | None = None

    @property
    def type(self) -> str:
        return self.plover_type or plover_of(self.subtype)[0]

    @property
    def mode(self) -> str:
        return self.plover_mode or plover_of(self.subtype)[1]

    @property
    def place(self) -> str:
        return place_key(self.city) if self.mission_kind else ""

    @property
    def mclass(self) -> str:
        return mission_class(self.mission_kind) if self.mission_kind else ""

    @property
    def mission(self) -> str:
        if not self.mission_kind:
            return ""
        return mission_key(self.actor, self.target, self.city, self.mission_kind)

    @property
    def id(self) -> str:
        """Identity is the content, not the source: the same event from two sources is one
        event with two sources, and loading the same data twice changes nothing."""
        date = (self.date.value, self.date.precision) if self.date else ("", "unknown")
        return _digest(
            [
                self.subtype,
                self.type,
                self.actor,
                self.target,
                self.third,
                *date,
                self.mission or self.city,
                self.modality.value,
                # Who said an asserted event is part of the report, not of the event; who
                # claims a contested one is part of the claim.
                "" if self.modality is Modality.ASSERTED else self.attributed_to,
            ]
        )


def _digest(parts: list[str]) -> str:
    blob = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(blob.encode(), digest_size=10).hexdigest()


@dataclass(frozen=True)
class Document:
    """One article or report as read from a file, a feed entry or a line of JSONL."""

    text: str
    title: str = ""
    url: str = ""
    published: FuzzyDate | None = None
    author: str = ""
    origin: str = ""  # where it was read from: a path, 'path#entry-3', 'path:line 7', '-'
    language: str = ""

    @cached_property
    def id(self) -> str:
        """The same text under two URLs is one document. Kept once worked out: every event
        read from a long article asks for it."""
        return _digest([" ".join(self.text.split())])


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read as a document, and why (shown to the user)."""

    origin: str
    reason: str
