"""The state of the network on a date, folded from the ledger.

Rules for weighing evidence about one mission (also in ARCHITECTURE.md):

1. Only asserted events change the state. Claimed, hedged, negated, future and hypothetical
   events are kept in the ledger and shown as reports, never folded.
2. A dated status event (opened, suspended, staff withdrawn, relocated, closed, reopened,
   staff returned, envoy arrived or credentials presented) outweighs an undated listing,
   whatever their dates: a listing records that a mission exists, not that diplomats are in it.
3. Among status events, the one with the latest date on or before the as-of date governs.
   Dates are intervals: an event dated "2020-12" applies from 2020-12-01, and an answer it
   governs before 2020-12-31 is marked uncertain. Ties go to the finer date, then to the
   event recorded later.
4. Before its first status event a mission's state is inferred from that event: a suspension,
   withdrawal, relocation or closure implies it was operating; a reopening implies it was
   not; an opening implies it did not yet exist. Inferred states say so.
5. With no status event, a mission named in a listing is "listed, unconfirmed" from its
   creation date where the listing gives one (before it: not yet open).
6. When a listing is newer than the status event that governs, and that status says the
   mission is not staffed, the answer keeps the status and names the listing as conflicting
   evidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from .ledger import Ledger
from .model import (
    ENVOY_SUBTYPES,
    LISTING_SUBTYPE,
    MEMBERSHIP_SUBTYPES,
    MISSION_STATUS_SUBTYPES,
    Status,
    mission_id,
)

# What a mission's first dated status event says about the time before it. Envoy arrivals
# and credentials say nothing about before, so they infer nothing.
_INFER_BEFORE = {
    "mission_opened": Status.NOT_YET_OPEN,
    "mission_reopened": Status.CLOSED,
    "mission_reopened_limited": Status.CLOSED,
    "staff_returned": Status.STAFF_WITHDRAWN,
    "staff_withdrawn": Status.OPERATING,
    "mission_relocated": Status.OPERATING,
    "mission_suspended": Status.OPERATING,
    "mission_closed": Status.OPERATING,
}


@dataclass(slots=True)
class EventRef:
    """A pointer to the ledger event an answer rests on."""

    id: str
    subtype: str
    date: str | None
    precision: str


@dataclass(slots=True)
class MissionState:
    mission: str
    sender: str
    host: str
    city: str
    kind: str
    status: Status
    since: str | None  # date of the governing event, as precise as its source
    basis: str  # how the status was reached: "event", "inferred", "listing"
    uncertain: bool = False  # the governing event's date may fall after the as-of date
    governing: EventRef | None = None
    listing: EventRef | None = None
    last_envoy: EventRef | None = None
    conflicts: list[str] = field(default_factory=list)
    created: str | None = None
    lat: float | None = None
    lon: float | None = None
    listed_as: list[str] = field(default_factory=list)  # QIDs of listing rows
    marks: dict[str, bool] = field(default_factory=dict)  # group name -> member on the as-of date

    @property
    def label(self) -> str:
        text = self.status.label
        if self.basis == "inferred":
            text += " (inferred)"
        if self.uncertain:
            text += " (date uncertain)"
        return text

    def to_json(self) -> dict:
        # By hand rather than asdict(): an API answer holds thousands of these.
        ref = lambda r: None if r is None else {"id": r.id, "subtype": r.subtype, "date": r.date, "precision": r.precision}  # noqa: E731
        return {
            "mission": self.mission, "sender": self.sender, "host": self.host, "city": self.city, "kind": self.kind,
            "status": self.status.value, "since": self.since, "basis": self.basis, "uncertain": self.uncertain,
            "governing": ref(self.governing), "listing": ref(self.listing), "last_envoy": ref(self.last_envoy),
            "conflicts": list(self.conflicts), "created": self.created, "lat": self.lat, "lon": self.lon,
            "listed_as": list(self.listed_as), "marks": dict(self.marks),
            "status_label": self.label, "staffed": self.status.staffed,
        }  # fmt: skip


_STATUS = tuple(MISSION_STATUS_SUBTYPES)
_ENVOY = tuple(ENVOY_SUBTYPES)


def sql_list(values) -> str:
    """Constants of our own vocabulary (subtypes, bloc codes) as an SQL list: literal values
    let DuckDB prune row groups, which bound parameters do not."""
    if any("'" in str(v) for v in values):
        raise ValueError(f"not a vocabulary value: {values!r}")
    return ", ".join(f"'{v}'" for v in values)


# One row per mission with the few events the fold needs, chosen by SQL aggregates so that a
# snapshot over millions of events stays one scan. Each event's place in the fold's order is
# one integer: its first day, then the length of its date interval, then its recording
# sequence (below 2**35). max() over that integer picks an event and, in its low bits, names
# it; the chosen events' details are fetched once, afterwards.
_ORDER = (
    "(((epoch(e.date_start)::BIGINT // 86400 + 262144) << 44)"
    " | (least(date_diff('day', e.date_start, e.date_end), 511) << 35) | e.seq)"
)
_SEQ_BITS = "34359738367"
_MISSION_FOLD = f"""
WITH picked AS MATERIALIZED (
    SELECT e.actor, e.target, e.place, e.mclass,
           any_value(e.city) AS city,
           any_value(e.mission_kind) AS kind,
           max({_ORDER}) FILTER (WHERE e.subtype IN ({sql_list(_STATUS)}) AND e.date_start <= $at) & {_SEQ_BITS} AS last_status,
           -- only needed when nothing applies yet: the first status event after the date
           min({_ORDER}) FILTER (WHERE e.subtype IN ({sql_list(_STATUS)}) AND e.date_start > $at) & {_SEQ_BITS} AS first_status,
           max({_ORDER}) FILTER (WHERE e.subtype = '{LISTING_SUBTYPE}') & {_SEQ_BITS} AS listing,
           max({_ORDER}) FILTER (WHERE e.subtype IN ({sql_list(_ENVOY)}) AND e.date_start <= $at) & {_SEQ_BITS} AS last_envoy
    FROM events e
    WHERE e.mclass <> '' AND e.modality = 'asserted' __WHERE__
    GROUP BY e.actor, e.target, e.place, e.mclass
),
details AS MATERIALIZED (
    SELECT seq, id, subtype, date_value AS value, date_precision AS precision, date_start, date_end
    FROM events e
    WHERE seq IN (SELECT unnest([last_status, first_status, listing, last_envoy]) FROM picked) __WHERE__
)
SELECT p.actor, p.target, p.place, p.mclass, p.city, p.kind,
       g.id, g.subtype, g.value, g.precision, g.date_end > $at AS uncertain,
       f.id, f.subtype, f.value, f.precision,
       l.id, l.subtype, l.value, l.precision, l.date_start >= g.date_end AS listing_newer,
       v.id, v.subtype, v.value, v.precision
FROM picked p
LEFT JOIN details g ON g.seq = p.last_status
LEFT JOIN details f ON f.seq = p.first_status
LEFT JOIN details l ON l.seq = p.listing
LEFT JOIN details v ON v.seq = p.last_envoy
"""

_LISTING_ATTRS = """
SELECT mission, min(created_start) AS created_start, arg_min(created_value, created_start) AS created,
       any_value(lat) AS lat, any_value(lon) AS lon, list(qid ORDER BY qid) AS qids,
       list(DISTINCT kind) AS kinds, any_value(city) AS city
FROM listings WHERE mission IN (SELECT unnest($missions)) GROUP BY mission
"""


def mission_states(
    ledger: Ledger, at: dt.date, host: str | None = None, sender: str | None = None
) -> list[MissionState]:
    where, params = "", {"at": at}
    if host:
        where += " AND e.target = $host"
        params["host"] = host
    if sender:
        where += " AND e.actor = $sender"
        params["sender"] = sender
    rows = ledger.con.execute(_MISSION_FOLD.replace("__WHERE__", where), params).fetchall()
    keyed = [(mission_id(r[0], r[1], r[2], r[3]), r) for r in rows]
    attrs = {}
    if rows:
        for r in ledger.con.execute(_LISTING_ATTRS, {"missions": [k for k, _ in keyed]}).fetchall():
            attrs[r[0]] = r
    states = []
    for mission, row in keyed:
        state = _interpret(mission, row, attrs.get(mission), at)
        if state is not None:
            states.append(state)
    return states


def _interpret(mission: str, row: tuple, attr: tuple | None, at: dt.date) -> MissionState | None:
    """The rules of this module's docstring, applied to one mission's chosen events."""
    sender, host, _, _, city, kind = row[:6]
    last = EventRef(*row[6:10]) if row[6] else None
    first = EventRef(*row[11:15]) if row[11] else None
    listing = EventRef(*row[15:19]) if row[15] else None
    envoy = EventRef(*row[20:24]) if row[20] else None
    state = MissionState(
        mission, sender, host, city, (attr[6][0] if attr and attr[6] else kind) or kind,
        Status.LISTED, None, "listing", listing=listing, last_envoy=envoy,
    )  # fmt: skip
    if attr:
        state.created, state.lat, state.lon, state.listed_as = attr[2], attr[3], attr[4], list(attr[5])
    if last is not None:
        state.status = MISSION_STATUS_SUBTYPES[last.subtype][0]
        state.since, state.basis, state.governing, state.uncertain = last.date, "event", last, row[10]
    elif first is not None and first.subtype in _INFER_BEFORE:
        state.status = _INFER_BEFORE[first.subtype]
        state.basis, state.governing = "inferred", first
        if state.status is Status.NOT_YET_OPEN:
            return None
    elif listing is not None:
        if attr and attr[1] is not None and attr[1] > at:
            return None  # created after the date
        state.since = state.created
    else:
        return None  # only envoy events: not enough to say a mission exists
    if row[19] and not state.status.staffed:
        state.conflicts.append(
            f"still named in the {listing.date} mission listing, after the {last.date} event that sets "
            f"'{state.status.label}'; the dated event is taken over the undated listing"
        )
    return state


@dataclass
class Membership:
    bloc: str
    member: str
    joined: str | None
    joined_precision: str
    verified: bool | None
    suspended: bool = False
    suspended_since: str | None = None
    uncertain: bool = False
    event_ids: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


class Memberships:
    """Dated bloc membership, folded from membership events. Small enough to hold in memory."""

    def __init__(self, ledger: Ledger):
        # Bloc codes as constants let DuckDB skip the row groups of a ledger clustered by target.
        blocs = [r[0] for r in ledger.con.execute("SELECT code FROM blocs").fetchall()] or [""]
        self.rows = ledger.con.execute(
            f"""SELECT id, subtype, actor, target, date_value, date_precision, date_start, date_end, verified, seq
                FROM events WHERE target IN ({sql_list(blocs)}) AND subtype IN ({sql_list(MEMBERSHIP_SUBTYPES)})
                  AND modality = 'asserted'
                ORDER BY target, actor, date_start NULLS FIRST, date_end, seq"""
        ).fetchall()
        self.blocs = sorted({r[3] for r in self.rows})

    def members(self, bloc: str, at: dt.date) -> dict[str, Membership]:
        out: dict[str, Membership] = {}
        for eid, subtype, actor, target, value, precision, start, end, verified, _ in self.rows:
            if target != bloc or start is None or start > at:
                continue
            uncertain = end > at
            if subtype == "membership_joined":
                out[actor] = Membership(bloc, actor, value, precision, verified, uncertain=uncertain, event_ids=[eid])
            elif subtype == "membership_left":
                if uncertain and actor in out:
                    out[actor].uncertain = True
                    out[actor].event_ids.append(eid)
                else:
                    out.pop(actor, None)
            elif subtype == "membership_suspended" and actor in out:
                out[actor].suspended, out[actor].suspended_since = True, value
                out[actor].event_ids.append(eid)
            elif subtype == "membership_reinstated" and actor in out:
                out[actor].suspended, out[actor].suspended_since = False, None
                out[actor].event_ids.append(eid)
        return out

    def unresolved(self, bloc: str) -> list[tuple[str, str]]:
        return [(r[2], r[0]) for r in self.rows if r[3] == bloc and r[1] == "membership_unresolved"]

    def periods(self, bloc: str, member: str) -> list[tuple[str | None, str | None]]:
        """Periods of membership as (joined, left) date texts; a rejoining makes two."""
        periods: list[list[str | None]] = []
        for _, subtype, actor, target, value, *_ in self.rows:
            if target != bloc or actor != member:
                continue
            if subtype == "membership_joined":
                periods.append([value, None])
            elif subtype == "membership_left" and periods:
                periods[-1][1] = value
        return [tuple(p) for p in periods]

    def blocs_of(self, member: str, at: dt.date) -> list[Membership]:
        return [m for b in self.blocs if (m := self.members(b, at).get(member))]


@dataclass
class ProtectingPower:
    protecting: str
    protected: str
    host: str
    since: str | None
    precision: str
    event_id: str

    def to_json(self) -> dict:
        return asdict(self)


def protecting_powers(ledger: Ledger, at: dt.date, host: str | None = None) -> list[ProtectingPower]:
    """Mandates in force on `at`. A mandate whose start the sources do not date counts as in
    force (marked by precision 'unknown') unless a dated end precedes `at`."""
    where = "AND target = $host" if host else ""
    params = {"at": at, **({"host": host} if host else {})}
    rows = ledger.con.execute(
        f"""SELECT actor, third, target,
                   arg_max([id, subtype, date_value, date_precision],
                           [coalesce(epoch(date_start), -1e18), seq]) AS last
            FROM events
            WHERE subtype IN ('protecting_power_start', 'protecting_power_end') AND modality = 'asserted'
              AND (date_start IS NULL OR date_start <= $at) {where}
            GROUP BY actor, third, target""",
        params,
    ).fetchall()
    return sorted(
        (
            ProtectingPower(actor, third, target, last[2], last[3], last[0])
            for actor, third, target, last in rows
            if last[1] == "protecting_power_start"
        ),
        key=lambda p: (p.host, p.protecting, p.protected),
    )


@dataclass
class Snapshot:
    at: dt.date
    missions: list[MissionState]
    protecting_powers: list[ProtectingPower]
    memberships: dict[str, dict[str, Membership]]


def state(ledger: Ledger, at: dt.date) -> Snapshot:
    """The whole network on one date."""
    ms = Memberships(ledger)
    return Snapshot(
        at=at,
        missions=mission_states(ledger, at),
        protecting_powers=protecting_powers(ledger, at),
        memberships={b: ms.members(b, at) for b in ms.blocs},
    )
