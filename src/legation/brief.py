"""A brief an analyst can forward: the events that matter, what the record says, the checks.

Built from one checked document (`brief_document`) or from the ledger alone about one state
since a date (`brief_about`). The same dictionary renders as Markdown or goes out as JSON. A
hedged, claimed or attributed event is always written with who says it and how firmly: the
brief never turns "NATO claims" into "it happened".
"""

from __future__ import annotations

import datetime as dt

from .claims import CheckReport, Verdict
from .model import Event, Modality
from .queries import Legation
from .state import mission_states, protecting_powers

# How each kind of event reads in a sentence; {target} is a name, {quantity} a phrase.
PHRASES = {
    "mission_opened": "opened a mission in {target}",
    "mission_reopened": "reopened its embassy in {target}",
    "mission_reopened_limited": "reopened its embassy in {target} with limited staff",
    "staff_returned": "returned its diplomats to {target}",
    "staff_withdrawn": "withdrew its diplomats from {target}",
    "mission_relocated": "moved its mission out of {target}",
    "mission_suspended": "suspended its embassy in {target}",
    "mission_closed": "closed its embassy in {target}",
    "envoy_appointed": "appointed an envoy to {target}",
    "envoy_arrived": "sent an envoy to {target}",
    "credentials_presented": "had its envoy present credentials in {target}",
    "envoy_expelled": "expelled {target}'s envoy",
    "envoy_recalled": "recalled its envoy from {target}",
    "protecting_power_start": "became protecting power in {target}",
    "protecting_power_end": "ceased to be protecting power in {target}",
    "military_deployment": "sent {quantity}to {target}",
    "arms_transfer": "exchanged arms or military technology with {target}",
    "third_party_request": "asked a third party to act on {target}",
}
TYPE_PHRASES = {
    "AGREE": "agreed with {target}", "CONSULT": "held talks with {target}", "SUPPORT": "backed {target}",
    "CONCEDE": "made concessions to {target}", "COOPERATE": "cooperated with {target}", "AID": "gave aid to {target}",
    "RETREAT": "pulled back from {target}", "REQUEST": "made a demand of {target}", "ACCUSE": "accused {target}",
    "REJECT": "rejected {target}", "THREATEN": "threatened {target}", "PROTEST": "protested against {target}",
    "SANCTION": "took measures against {target}", "MOBILIZE": "mobilised {quantity}against {target}",
    "COERCE": "used coercion against {target}", "ASSAULT": "attacked {target}",
}  # fmt: skip
MODALITY_WORDS = {
    Modality.CLAIMED: "a claim", Modality.HEDGED: "hedged", Modality.NEGATED: "denied or negated",
    Modality.FUTURE: "planned, not yet done", Modality.HYPOTHETICAL: "a possibility",
}  # fmt: skip
MISSION_CHANGES = {s for s in PHRASES if s.startswith(("mission_", "staff_", "envoy_", "credentials_", "protecting_"))}
MARKS = {Verdict.SUPPORTED: "✔ supported", Verdict.CONTRADICTED: "✘ contradicted", Verdict.UNDECIDED: "? not enough evidence"}


def describe(e: Event, lg: Legation) -> str:
    """One line that says what happened, who says so and how firmly."""
    q = e.quantity
    quantity = ""
    if q is not None:
        words = {"at_most": "up to ", "approx": "about ", "at_least": "at least ", "more_than": "more than ",
                 "less_than": "fewer than "}.get(q.qualifier, "")  # fmt: skip
        quantity = f"{words}{q.value:,.0f} {q.unit} ".replace(".0 ", " ")
    template = PHRASES.get(e.subtype) or TYPE_PHRASES.get(e.type, "acted towards {target}")
    target = lg.name(e.target) if e.target else "others"
    body = f"{lg.name(e.actor) if e.actor else 'Someone'} {template.format(target=target, quantity=quantity)}"
    if e.date is not None:
        body += f" ({e.date.value})"
    by = e.attributed_to or "an unnamed source"
    words = by.split()
    if len(words) > 1 and words[1].islower() and words[0].istitle():
        by = by[0].lower() + by[1:]  # "Intelligence reports" began its sentence; it is no name
    if e.modality is Modality.ASSERTED:
        return f"{body}, according to {e.attributed_to}" if e.attributed_to else body
    cue = f", “{e.attribution_cue}”" if e.attribution_cue else ""
    return f"According to {by} ({MODALITY_WORDS[e.modality]}{cue}): {body} (not established)"


def _importance(e: Event) -> tuple:
    # Mission changes first (they move the network), then events with counts, then the rest.
    return (e.subtype in MISSION_CHANGES, e.modality is Modality.ASSERTED, e.quantity is not None, e.confidence)


def brief_document(report: CheckReport, lg: Legation) -> dict:
    events = sorted(report.events, key=_importance, reverse=True)
    glance, seen = [], set()
    for e in events:
        line = describe(e, lg)
        if line not in seen and e.actor:
            seen.add(line)
            glance.append({"text": line, "modality": e.modality.value, "attributed_to": e.attributed_to or None,
                           "event_id": e.id, "span": list(e.provenance.span) if e.provenance else None})  # fmt: skip
        if len(glance) == 6:
            break
    places = _places(report.events)
    d = report.document
    timeline = [{"date": e.date.value, "start": e.date.start.isoformat(), "text": describe(e, lg), "from": "this document"}
                for e in report.events if e.date is not None]  # fmt: skip
    record = _record(lg, places, report.at)
    timeline += record.pop("recent")
    timeline.sort(key=lambda t: t["start"])
    sources = [{"citation": d.title or d.url or d.origin or f"document {d.id}", "url": d.url, "role": "the document"}]
    for c in report.claims:
        for ev in c.evidence:
            for s in ev.sources:
                entry = {"citation": s["citation"], "url": s["url"], "role": "evidence"}
                if entry not in sources:
                    sources.append(entry)
    return {
        "title": d.title or f"Brief: {d.origin or 'document ' + d.id[:12]}",
        "at": report.at.isoformat(),
        "document": report.to_json()["document"],
        "at_a_glance": glance,
        "record": record,
        "checks": [{"statement": c.statement, "verdict": c.verdict.value, "reason": c.reason, "needs": c.needs,
                    "kind": c.kind, "attribution": c.attribution} for c in report.claims],  # fmt: skip
        "timeline": timeline,
        "sources": sources,
    }


def brief_about(lg: Legation, state: str, since: str | None, at=None) -> dict:
    from .dates import FuzzyDate, as_of

    code = lg.state_code(state)
    day = as_of(at)
    lo = FuzzyDate.parse(since).start if since else dt.date(day.year - 1, day.month, 1)
    rows = lg.ledger.con.execute(
        """SELECT id, subtype, type, actor, target, third, date_value, date_start, modality, attributed_to
           FROM events WHERE (actor = $c OR target = $c) AND date_start >= $lo AND date_start <= $at
             AND subtype <> 'mission_listed'
           ORDER BY date_start DESC, seq DESC LIMIT 200""",
        {"c": code, "lo": lo, "at": day},
    ).fetchall()
    srcs = lg.ledger.sources_of([r[0] for r in rows])
    items = []
    for eid, subtype, type_, actor, target, third, value, start, modality, by in rows:
        e = Event(subtype=subtype or "", actor=actor, target=target or "", modality=Modality(modality),
                  attributed_to=by or "", plover_type=type_ or "")  # fmt: skip
        text = describe(e, lg)
        items.append({"event_id": eid, "date": value, "start": start.isoformat(), "text": text, "modality": modality,
                      "mission": subtype in PHRASES, "sources": srcs.get(eid, [])})  # fmt: skip
    glance = sorted(items, key=lambda i: (i["mission"], i["start"]), reverse=True)[:6]
    record = _record(lg, [code], day)
    record.pop("recent")
    sources = []
    for i in items:
        for s in i["sources"]:
            entry = {"citation": s["citation"], "url": s["url"], "role": "evidence"}
            if entry not in sources:
                sources.append(entry)
    return {
        "title": f"Brief: {lg.name(code)} since {lo.isoformat()}",
        "at": day.isoformat(),
        "document": None,
        "at_a_glance": [{"text": f"{i['text']} ({i['date']})", "modality": i["modality"], "event_id": i["event_id"]}
                        for i in glance],  # fmt: skip
        "record": record,
        "checks": [],
        "timeline": [{"date": i["date"], "start": i["start"], "text": i["text"], "from": "ledger"} for i in reversed(items)],
        "sources": sources,
    }


def _places(events: list[Event]) -> list[str]:
    """The hosts a document is about: targets of its mission events first, then other targets."""
    out: list[str] = []
    for e in events:
        if e.target and e.target not in out and e.subtype in MISSION_CHANGES:
            out.append(e.target)
    if not out:  # no mission news: the most named target
        targets = [e.target for e in events if e.target]
        out = sorted(set(targets), key=targets.count, reverse=True)[:1]
    return out[:3]


def _record(lg: Legation, places: list[str], day: dt.date) -> dict:
    hosts = []
    recent = []
    for host in places:
        try:
            lg.gaz.get(host)
        except KeyError:
            continue
        states = mission_states(lg.ledger, day, host=host)
        staffed = [m for m in states if m.status.staffed]
        other = [m for m in states if not m.status.staffed and m.basis != "listing"]
        listed = [m for m in states if m.basis == "listing" and not m.status.staffed]
        pps = protecting_powers(lg.ledger, day, host=host)
        hosts.append({
            "host": host,
            "name": lg.name(host),
            "operating": [{"sender": m.sender, "name": lg.name(m.sender), "status": m.status.label, "since": m.since,
                           "city": m.city} for m in staffed],
            "not_operating": [{"sender": m.sender, "name": lg.name(m.sender), "status": m.status.label, "since": m.since,
                               "city": m.city} for m in other],
            "listed_only": sorted({lg.name(m.sender) for m in listed}),
            "protecting_powers": [{"protecting": lg.name(p.protecting), "protected": lg.name(p.protected),
                                   "since": p.since} for p in pps],
        })  # fmt: skip
        rows = lg.ledger.con.execute(
            """SELECT actor, subtype, date_value, date_start FROM events
               WHERE target = $h AND subtype <> 'mission_listed' AND date_start IS NOT NULL AND date_start <= $d
                 AND modality = 'asserted' AND subtype IN (SELECT unnest($s))
               ORDER BY date_start DESC LIMIT 8""",
            {"h": host, "d": day, "s": list(PHRASES)},
        ).fetchall()
        for actor, subtype, value, start in rows:
            text = f"{lg.name(actor)} {PHRASES[subtype].format(target=lg.name(host), quantity='')}"
            item = {"date": value, "start": start.isoformat(), "text": text, "from": "ledger"}
            if item not in recent:
                recent.append(item)
    return {"hosts": hosts, "recent": recent}


def markdown(b: dict) -> str:
    out = [f"# {b['title']}", "", f"_As of {b['at']}._", ""]
    out += ["## At a Glance", ""]
    out += [f"- {g['text']}" for g in b["at_a_glance"]] or ["- No events found."]
    out += ["", "## What the record says", ""]
    for h in b["record"]["hosts"]:
        out.append(f"**{h['name']}**, as of {b['at']}:")
        out.append("")
        ops = ", ".join(f"{m['name']} ({m['status']}, since {m['since'] or 'date unknown'})" for m in h["operating"])
        out.append(f"- Operating: {ops or 'none on record'}")
        if h["not_operating"]:
            out.append("- Not operating: " + ", ".join(f"{m['name']} ({m['status']} since {m['since'] or '?'})" for m in h["not_operating"]))
        if h["listed_only"]:
            names = h["listed_only"]
            more = f" and {len(names) - 12} more" if len(names) > 12 else ""
            out.append(f"- Listed in 2022 without a dated status: {', '.join(names[:12])}{more}")
        if h["protecting_powers"]:
            out.append("- Protecting powers: " + "; ".join(
                f"{p['protecting']} represents {p['protected']}" + (f" (since {p['since']})" if p["since"] else "")
                for p in h["protecting_powers"]))  # fmt: skip
        out.append("")
    if not b["record"]["hosts"]:
        out += ["No mission host named.", ""]
    if b["checks"]:
        out += ["## Checks", ""]
        for c in b["checks"]:
            who = f" (claim by {c['attribution']['by']})" if c.get("attribution") else ""
            line = f"- **{MARKS[Verdict(c['verdict'])]}**: {c['statement']}{who}. {c['reason']}."
            if c["needs"]:
                line += f" Would be decided by: {c['needs']}."
            out.append(line)
        out.append("")
    out += ["## Timeline", ""]
    out += [f"- {t['date']}: {t['text']} _({t['from']})_" for t in b["timeline"]] or ["- Nothing dated."]
    out += ["", "## Sources", ""]
    out += [f"- {s['citation']}" + (f" <{s['url']}>" if s["url"] and s["url"] != s["citation"] else "") + f" ({s['role']})"
            for s in b["sources"]]  # fmt: skip
    return "\n".join(out) + "\n"
