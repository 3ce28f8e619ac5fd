"""Questions a user asks of the network, each answered with the evidence behind it.

`Legation` is the one object the CLI (and later the API) talks to: it holds the ledger, the
gazetteer and the groups, and returns plain results with a `to_json()`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .dates import FuzzyDate, as_of
from .ledger import Ledger
from .model import EVENT_FAMILIES, Modality, Status
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



class NotFound(LookupError):
    """An event or document id that is not in the ledger."""


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
    start: str = ""  # the days the date may stand for
    end: str = ""


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
                OrderedEvent(i + 1, sender, subtype, value, precision, eid, city, note, ties, uncertain,
                             srcs.get(eid, []), start.isoformat(), end.isoformat())  # fmt: skip
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


    # -- the ledger itself: events and documents -----------------------------------------

    def events(
        self,
        actor: str | None = None,
        type: str | None = None,
        subtype: str | None = None,
        modality: str | None = None,
        after: str | None = None,
        before: str | None = None,
        text: str | None = None,
        limit: int = 100,
        offset: int = 0,
        order: str = "newest",
        exclude_subtypes: list[str] | None = None,
    ) -> dict:
        """Events in the ledger, filtered and paged, each with its sources.

        `actor` is a state (any name the gazetteer knows) or a bloc code; it matches either
        side of an event. `type` is a PLOVER type (COOPERATE, SANCTION ...), `subtype` a
        Legation subtype. `after`/`before` bound the event's first day (undated events drop
        out). `text` matches, case-insensitively, the note, city, attribution or subtype of
        an event, or the citation of one of its sources. `order`: newest or oldest (by date,
        undated last) or recorded (latest recorded first)."""
        where, params = ["TRUE"], {}
        if actor:
            params["actor"] = self._event_actor(actor)
            where.append("(actor = $actor OR target = $actor OR third = $actor)")
        if type:
            params["type"] = type.upper()
            where.append("type = $type")
        if subtype:
            params["subtype"] = subtype
            where.append("subtype = $subtype")
        if exclude_subtypes:
            params["exclude"] = list(exclude_subtypes)
            where.append("subtype NOT IN (SELECT unnest($exclude))")
        if modality:
            params["modality"] = Modality(modality).value
            where.append("modality = $modality")
        if after:
            params["after"] = FuzzyDate.parse(after).start
            where.append("date_start >= $after")
        if before:
            params["before"] = FuzzyDate.parse(before).end
            where.append("date_start <= $before")
        if text:
            params["text"] = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where.append(
                """(note ILIKE $text ESCAPE '\\' OR city ILIKE $text ESCAPE '\\' OR attributed_to ILIKE $text ESCAPE '\\'
                    OR subtype ILIKE $text ESCAPE '\\'
                    OR id IN (SELECT es.event_id FROM event_sources es JOIN sources s ON s.id = es.source_id
                              WHERE s.citation ILIKE $text ESCAPE '\\'))"""
            )
        orders = {
            "newest": "date_start DESC NULLS LAST, date_end DESC, seq DESC",
            "oldest": "date_start NULLS LAST, date_end, seq",
            "recorded": "seq DESC",
        }
        if order not in orders:
            raise ValueError(f"unknown order {order!r}; choose one of {', '.join(orders)}")
        cond = " AND ".join(where)
        total = self.ledger.con.execute(f"SELECT count(*) FROM events e WHERE {cond}", params).fetchone()[0]
        rows = self.ledger.con.execute(
            f"SELECT {_EVENT_FIELDS} FROM events e WHERE {cond} ORDER BY {orders[order]} LIMIT {int(limit)} OFFSET {int(offset)}",
            params,
        ).fetchall()
        return {"total": total, "limit": limit, "offset": offset, "order": order, "events": self._event_dicts(rows)}

    def _event_actor(self, text: str) -> str:
        """A state's code, or a bloc's (events name blocs by code: NATO, EU ...)."""
        try:
            group = self.groups.get(text)
        except ValueError:
            return self.state_code(text)
        if group.blocs != (group.name,):
            raise ValueError(f"{group.name!r} is a defined group of blocs; filter events by a state or one bloc "
                             f"({', '.join(group.blocs)})")  # fmt: skip
        return group.name

    def _event_dicts(self, rows: list[tuple], documents: bool = True) -> list[dict]:
        events = [_event_dict(r) for r in rows]
        srcs = self.ledger.sources_of([e["id"] for e in events])
        reported = {}
        if documents and events:
            # Events read from the news are dated by the article only when the text dates them;
            # the day the article was published says when they were reported.
            reported = dict(self.ledger.con.execute(
                """SELECT es.event_id, min(d.published_value)
                   FROM event_sources es JOIN sources s ON s.id = es.source_id
                   JOIN documents d ON s.dataset = 'document ' || d.id
                   WHERE es.event_id IN (SELECT unnest($1)) GROUP BY es.event_id""",
                [[e["id"] for e in events]],
            ).fetchall())  # fmt: skip
        for e in events:
            e["sources"] = srcs.get(e["id"], [])
            e["reported"] = reported.get(e["id"])
        return events

    def event(self, event_id: str) -> dict:
        """One event in the shape `events` lists them, with every source."""
        row = self.ledger.con.execute(f"SELECT {_EVENT_FIELDS} FROM events e WHERE id = ?", [event_id]).fetchone()
        if row is None:
            raise NotFound(f"no event with id {event_id!r}")
        return self._event_dicts([row])[0]

    def documents(self, limit: int = 50, offset: int = 0) -> dict:
        """Articles read into the ledger, latest first, with how many events each gave."""
        total = self.ledger.con.execute("SELECT count(*) FROM documents").fetchone()[0]
        rows = self.ledger.con.execute(
            f"""SELECT d.id, d.title, d.url, d.published_value, d.published_precision, d.author, d.origin,
                       CAST(d.read_at AS VARCHAR), length(d.text),
                       (SELECT count(DISTINCT es.event_id) FROM sources s JOIN event_sources es ON es.source_id = s.id
                        WHERE s.dataset = 'document ' || d.id)
                FROM documents d ORDER BY d.read_at DESC, d.id LIMIT {int(limit)} OFFSET {int(offset)}"""
        ).fetchall()
        keys = ("id", "title", "url", "published", "published_precision", "author", "origin", "read_at", "characters", "events")
        return {"total": total, "limit": limit, "offset": offset, "documents": [dict(zip(keys, r)) for r in rows]}

    def document(self, document_id: str) -> dict:
        """One article: its text and the events read from it, each with the characters of the
        sentence it was read from (`provenance.span`, offsets into `text`)."""
        row = self.ledger.con.execute(
            """SELECT id, title, url, published_value, published_precision, author, origin,
                      CAST(read_at AS VARCHAR), text FROM documents WHERE id = ?""",
            [document_id],
        ).fetchone()
        if row is None:
            raise NotFound(f"no document with id {document_id!r}")
        keys = ("id", "title", "url", "published", "published_precision", "author", "origin", "read_at", "text")
        rows = self.ledger.con.execute(
            f"""SELECT {_EVENT_FIELDS}, s.locator FROM sources s
                JOIN event_sources es ON es.source_id = s.id JOIN events e ON e.id = es.event_id
                WHERE s.dataset = ? ORDER BY e.seq""",
            ["document " + document_id],
        ).fetchall()
        events = self._event_dicts([r[:-1] for r in rows])
        for e, r in zip(events, rows):
            e["provenance"] = _provenance(document_id, r[-1])
        events.sort(key=lambda e: (e["provenance"]["span"] or [0])[0])
        return {**dict(zip(keys, row)), "events": events}

    def country(self, text: str, at=None) -> dict:
        """One country on a date: who is present there, its own missions abroad, the protecting
        powers it takes part in (as host, protected or protecting state) and its blocs."""
        day = as_of(at)
        code = self.state_code(text)
        present = self.missions(at=day, host=code)
        abroad = self.missions(at=day, sender=code)
        pps = [p for p in protecting_powers(self.ledger, day) if code in (p.host, p.protected, p.protecting)]
        return {
            "code": code,
            "name": self.name(code),
            "at": day.isoformat(),
            "present": [m.to_json() for m in present.missions],
            "abroad": [m.to_json() for m in abroad.missions],
            "protecting_powers": [p.to_json() for p in pps],
            "blocs": [m.to_json() for m in self.memberships.blocs_of(code, day)],
        }

def _status_filter(text: str) -> set[Status]:
    if text == "staffed":
        return {s for s in Status if s.staffed}
    try:
        return {Status(text)}
    except ValueError:
        raise ValueError(f"unknown status {text!r}; choose staffed or one of {', '.join(s.value for s in Status)}") from None


_EVENT_COLUMNS = (
    "id", "subtype", "type", "mode", "actor", "target", "third", "city", "mission_kind", "date_value",
    "date_precision", "CAST(date_start AS VARCHAR)", "CAST(date_end AS VARCHAR)", "modality", "attributed_to",
    "attribution_cue", "note", "verified", "confidence", "quantity_value", "quantity_qualifier", "quantity_unit",
    "location", "actor_sector", "target_sector", "CAST(recorded_at AS VARCHAR)",
)  # fmt: skip
_EVENT_FIELDS = ", ".join(f"e.{c}" if c.isidentifier() else c.replace("(", "(e.", 1) for c in _EVENT_COLUMNS)
_EVENT_KEYS = (
    "id", "subtype", "type", "mode", "actor", "target", "protected", "city", "mission_kind", "date", "precision",
    "date_start", "date_end", "modality", "attributed_to", "attribution_cue", "note", "verified", "confidence",
)  # fmt: skip


def _event_dict(row: tuple) -> dict:
    out = dict(zip(_EVENT_KEYS, row))
    value, qualifier, unit, location, actor_sector, target_sector, recorded = row[len(_EVENT_KEYS):]
    if value is not None:
        out["quantity"] = {"value": int(value) if float(value).is_integer() else value, "qualifier": qualifier, "unit": unit}
    else:
        out["quantity"] = None
    out.update(location=location or None, actor_sector=actor_sector or None, target_sector=target_sector or None,
               recorded_at=recorded)  # fmt: skip
    return out


_LOCATOR = re.compile(r"sentence (\d+), characters (\d+)-(\d+)")


def _provenance(document_id: str, locator: str | None) -> dict:
    """The sentence an event was read from, as the ledger's source locator records it."""
    m = _LOCATOR.search(locator or "")
    if not m:
        return {"document": document_id, "sentence": None, "span": None, "trigger": None}
    return {"document": document_id, "sentence": int(m[1]), "span": [int(m[2]), int(m[3])], "trigger": None}
