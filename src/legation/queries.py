"""Questions a user asks of the network, each answered with the evidence behind it.

`Legation` is the one object the CLI (and later the API) talks to: it holds the ledger, the
gazetteer and the groups, and returns plain results with a `to_json()`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .dates import FuzzyDate, as_of
from .ledger import Ledger
from .model import EVENT_FAMILIES, Status
from .reference.gazetteer import Gazetteer
from .reference.groups import Group, Groups
from .state import (
    Memberships,
    MissionState,
    ProtectingPower,
    Snapshot,
    sql_list,
    mission_states,
    protecting_powers,
    state,
)



@dataclass
class MissionsAnswer:
    at: dt.date
    host: str | None
    sender: str | None
    group: str | None
    marks: list[str]
    missions: list[MissionState]
    protecting_powers: list[ProtectingPower]

    def to_json(self) -> dict:
        return {
            "at": self.at.isoformat(),
            "host": self.host,
            "sender": self.sender,
            "group": self.group,
            "marks": self.marks,
            "missions": [m.to_json() for m in self.missions],
            "protecting_powers": [p.to_json() for p in self.protecting_powers],
        }


@dataclass
class OrderedEvent:
    rank: int
    sender: str
    subtype: str
    date: str
    precision: str
    event_id: str
    city: str
    note: str
    tied_with: list[str] = field(default_factory=list)  # senders whose dates overlap this one
    membership_uncertain: bool = False
    sources: list[dict] = field(default_factory=list)


@dataclass
class Channel:
    kind: str  # resident | accredited | protecting_power
    from_state: str
    to_state: str
    via: str  # the mission or the protecting state
    status: str
    evidence: list[str]
    city: str = ""


class Legation:
    def __init__(self, ledger: Ledger, groups: Groups | None = None, gazetteer: Gazetteer | None = None):
        self.ledger = ledger
        self.gaz = gazetteer or Gazetteer.default()
        self.groups = groups or Groups.load()
        self._memberships: Memberships | None = None

    @classmethod
    def open(cls, db: str | Path | None = None, group_files: list[Path] | None = None, read_only: bool = True):
        return cls(Ledger(db, read_only=read_only), Groups.load(group_files))

    @property
    def memberships(self) -> Memberships:
        if self._memberships is None:
            self._memberships = Memberships(self.ledger)
        return self._memberships

    # -- names --------------------------------------------------------------------------

    def state_code(self, text: str) -> str:
        return self.gaz.require(text).code

    def name(self, code: str) -> str:
        try:
            return self.gaz.get(code).name
        except KeyError:
            return code

    def group(self, name: str) -> Group:
        return self.groups.get(name)

    def actors(self, text: str, at: dt.date) -> tuple[str, set[str]]:
        """A state or a group, as the set of state codes it stands for on `at`."""
        try:
            group = self.groups.get(text)
        except ValueError:
            code = self.state_code(text)
            return code, {code}
        return group.name, group.members(at, self.memberships)

    # -- questions ----------------------------------------------------------------------

    def missions(
        self,
        at=None,
        host: str | None = None,
        sender: str | None = None,
        group: str | None = None,
        status: str | None = None,
        marks: list[str] | None = None,
    ) -> MissionsAnswer:
        day = as_of(at)
        host_code = self.state_code(host) if host else None
        sender_code = self.state_code(sender) if sender else None
        states = mission_states(self.ledger, day, host=host_code, sender=sender_code)
        mark_groups = [self.group(g) for g in (marks or [])]
        if group:
            g = self.group(group)
            members = g.members(day, self.memberships)
            other = (lambda m: m.sender) if host_code or not sender_code else (lambda m: m.host)
            states = [m for m in states if other(m) in members]
            if g not in mark_groups:
                mark_groups.append(g)
        if status:
            wanted = _status_filter(status)
            states = [m for m in states if m.status in wanted]
        for g in mark_groups:
            members = g.members(day, self.memberships)
            for m in states:
                m.marks[g.name] = (m.sender if host_code or not sender_code else m.host) in members
        states.sort(key=lambda m: (m.status.rank, self.name(m.sender), self.name(m.host), m.city))
        pps = protecting_powers(self.ledger, day, host=host_code) if host_code else []
        if sender_code and not host_code:
            pps = [p for p in protecting_powers(self.ledger, day) if sender_code in (p.protecting, p.protected)]
        return MissionsAnswer(day, host_code, sender_code, group, [g.name for g in mark_groups], states, pps)

    def state(self, at=None) -> Snapshot:
        """The whole network on one date: every mission's state, protecting powers, blocs."""
        return state(self.ledger, as_of(at))

    def history(self, sender: str, host: str) -> dict:
        """Every event recorded between one sender and one host, oldest first, with sources."""
        s, h = self.state_code(sender), self.state_code(host)
        rows = self.ledger.con.execute(
            """SELECT id, subtype, date_value, date_precision, city, mission_kind, third, modality,
                      attributed_to, note, verified
               FROM events WHERE actor = ? AND target = ?
               ORDER BY date_start NULLS LAST, date_end, seq""",
            [s, h],
        ).fetchall()
        srcs = self.ledger.sources_of([r[0] for r in rows])
        keys = ("id", "subtype", "date", "precision", "city", "mission_kind", "protected", "modality",
                "attributed_to", "note", "verified")  # fmt: skip
        events = [{**dict(zip(keys, r)), "sources": srcs.get(r[0], [])} for r in rows]
        listings = self.ledger.con.execute(
            """SELECT qid, city, city_normalised, city_note, kind, created_value, accredited_to, website
               FROM listings WHERE sender = ? AND host = ? ORDER BY city, kind""",
            [s, h],
        ).fetchall()
        lkeys = ("qid", "city", "city_normalised", "city_note", "kind", "created", "accredited_to", "website")
        protected = self.ledger.con.execute(
            """SELECT actor, subtype, date_value, date_precision, id FROM events
               WHERE third = ? AND target = ? ORDER BY date_start NULLS FIRST""",
            [s, h],
        ).fetchall()
        return {
            "sender": s,
            "host": h,
            "events": events,
            "listings": [dict(zip(lkeys, r)) for r in listings],
            "represented_by": [dict(zip(("protecting", "subtype", "date", "precision", "id"), r)) for r in protected],
        }

    def order(
        self,
        event: str,
        host: str,
        group: str | None = None,
        after: str | None = None,
        before: str | None = None,
    ) -> dict:
        """Who did `event` in `host`, in order: each sender's first such event in the window.
        Group membership is judged on the date of each event (Sweden counts as a NATO member
        only from 2024-03-07)."""
        if event not in EVENT_FAMILIES:
            raise ValueError(f"unknown event {event!r}; choose one of {', '.join(EVENT_FAMILIES)}")
        h = self.state_code(host)
        lo = FuzzyDate.parse(after).start if after else dt.date.min
        hi = FuzzyDate.parse(before).end if before else dt.date.max
        rows = self.ledger.con.execute(
            f"""SELECT actor, arg_min([id, subtype, date_value, date_precision, CAST(date_start AS VARCHAR),
                                       CAST(date_end AS VARCHAR), city, note],
                                      [epoch(date_start), epoch(date_end), seq])
                FROM events
                WHERE target = $host AND modality = 'asserted' AND date_start >= $lo AND date_start <= $hi
                  AND subtype IN ({sql_list(EVENT_FAMILIES[event])})
                GROUP BY actor""",
            {"host": h, "lo": lo, "hi": hi},
        ).fetchall()
        g = self.group(group) if group else None
        picked = []
        for sender, (eid, subtype, value, precision, start, end, city, note) in rows:
            start, end = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
            uncertain = False
            if g:
                first, last = g.contains(sender, start, self.memberships), g.contains(sender, end, self.memberships)
                if not (first or last):
                    continue
                uncertain = first != last
            picked.append((start, end, sender, eid, subtype, value, precision, city, note, uncertain))
        picked.sort()
        srcs = self.ledger.sources_of([p[3] for p in picked])
        out = []
        for i, (start, end, sender, eid, subtype, value, precision, city, note, uncertain) in enumerate(picked):
            ties = [p[2] for p in picked if p[2] != sender and p[0] <= end and start <= p[1]]
            out.append(
                OrderedEvent(i + 1, sender, subtype, value, precision, eid, city, note, ties, uncertain, srcs.get(eid, []))
            )
        return {
            "event": event,
            "subtypes": list(EVENT_FAMILIES[event]),
            "host": h,
            "group": g.name if g else None,
            "after": after,
            "before": before,
            "order": [asdict(o) for o in out],
        }

    def members(self, bloc: str, at=None) -> dict:
        day = as_of(at)
        g = self.group(bloc)
        if g.blocs != (g.name,):
            members = sorted(g.members(day, self.memberships))
            return {"group": g.name, "at": day.isoformat(), "definition": g.description, "members": [
                {"member": m, "blocs": [b for b in g.blocs if m in self.memberships.members(b, day)]} for m in members
            ]}  # fmt: skip
        rows = self.memberships.members(g.name, day)
        srcs = self.ledger.sources_of([eid for m in rows.values() for eid in m.event_ids])
        return {
            "group": g.name,
            "at": day.isoformat(),
            "definition": g.label,
            "members": [
                {**m.to_json(), "periods": self.memberships.periods(g.name, code),
                 "sources": [s for eid in m.event_ids for s in srcs.get(eid, [])]}
                for code, m in sorted(rows.items(), key=lambda kv: self.name(kv[0]))
            ],  # fmt: skip
            "unresolved": [
                {"member": code, "event_id": eid, "sources": self.ledger.sources_of([eid]).get(eid, [])}
                for code, eid in self.memberships.unresolved(g.name)
            ],
        }

    def channels(self, a: str, b: str, at=None) -> dict:
        """Ways the two sides can talk on a date: resident missions either way, missions
        accredited from a third country, and protecting powers."""
        day = as_of(at)
        a_name, side_a = self.actors(a, day)
        b_name, side_b = self.actors(b, day)
        out: list[Channel] = []
        states = mission_states(self.ledger, day)
        by_mission = {m.mission: m for m in states}
        for m in states:
            for src, dst in ((side_a, side_b), (side_b, side_a)):
                if m.sender in src and m.host in dst and m.sender != m.host:
                    out.append(Channel("resident", m.sender, m.host, m.mission, m.label,
                                       [r.id for r in (m.governing, m.listing) if r], m.city))  # fmt: skip
        rows = self.ledger.con.execute(
            "SELECT mission, sender, host, city, kind, accredited_to FROM listings WHERE len(accredited_to) > 0"
        ).fetchall()
        for mission, sender, host, city, kind, accredited in rows:
            for src, dst in ((side_a, side_b), (side_b, side_a)):
                if sender not in src:
                    continue
                for target in accredited:
                    if target in dst and target != host:
                        state = by_mission.get(mission)
                        out.append(Channel("accredited", sender, target, f"{kind} in {city} ({self.name(host)})",
                                           state.label if state else "listed, unconfirmed",
                                           [state.listing.id] if state and state.listing else [], city))  # fmt: skip
        for p in protecting_powers(self.ledger, day):
            for src, dst in ((side_a, side_b), (side_b, side_a)):
                if p.protected in src and p.host in dst:
                    since = f"since {p.since}" if p.since else "start date not stated"
                    out.append(Channel("protecting_power", p.protected, p.host, p.protecting,
                                       f"represented by {self.name(p.protecting)} ({since})", [p.event_id]))  # fmt: skip
        order = {"resident": 0, "accredited": 1, "protecting_power": 2}
        out.sort(key=lambda c: (order[c.kind], self.name(c.from_state), self.name(c.to_state)))
        return {"a": a_name, "b": b_name, "at": day.isoformat(), "channels": [asdict(c) for c in out]}

    def sources(self, event_id: str) -> dict:
        row = self.ledger.con.execute(
            "SELECT id, subtype, actor, target, third, date_value, date_precision, city, modality, note, verified "
            "FROM events WHERE id = ?",
            [event_id],
        ).fetchone()
        if row is None:
            raise ValueError(f"no event with id {event_id!r}")
        keys = ("id", "subtype", "actor", "target", "protected", "date", "precision", "city", "modality", "note", "verified")
        return {**dict(zip(keys, row)), "sources": self.ledger.sources_of([event_id]).get(event_id, [])}


def _status_filter(text: str) -> set[Status]:
    if text == "staffed":
        return {s for s in Status if s.staffed}
    try:
        return {Status(text)}
    except ValueError:
        raise ValueError(f"unknown status {text!r}; choose staffed or one of {', '.join(s.value for s in Status)}") from None
