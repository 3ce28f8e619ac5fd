"""Readable text for the CLI's answers. Every table ends with how to see its sources."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence


def emit(args, data, text: Callable) -> int:
    if args.json:
        json.dump(data, sys.stdout, indent=2, default=str, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text(data))
    return 0


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    rows = [[("" if c is None else str(c)) for c in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    return "\n".join(out) + "\n"


def _status_cell(m) -> str:
    text = m.label
    if m.since:
        text += f" since {m.since}"
    marks = " ".join(f"[{g}]" for g, member in m.marks.items() if member)
    return f"{text} {marks}".strip()


def missions(app, answers) -> str:
    first = answers[0]
    where = []
    if first.host:
        where.append(f"in {app.name(first.host)} ({first.host})")
    if first.sender:
        where.append(f"of {app.name(first.sender)} ({first.sender})")
    dates = [a.at.isoformat() for a in answers]
    title = f"Missions {' '.join(where)}, as of {' and '.join(dates)}"
    if first.group:
        title += f"; {'senders' if first.host else 'hosts'} in group '{first.group}' on each date"
    keyed: dict[str, dict[str, object]] = {}
    for a in answers:
        for m in a.missions:
            keyed.setdefault(m.mission, {})[a.at.isoformat()] = m
    other = "host" if first.sender and not first.host else "sender"

    def sort_key(item):
        per_date = item[1]
        last = per_date.get(dates[-1]) or next(iter(per_date.values()))
        return (last.status.rank, app.name(getattr(last, other)), last.city)

    rows = []
    notes: list[str] = []
    for mission, per_date in sorted(keyed.items(), key=sort_key):
        any_m = next(iter(per_date.values()))
        who = app.name(getattr(any_m, other))
        rows.append([who, any_m.city, any_m.kind] + [_status_cell(per_date[d]) if d in per_date else "-" for d in dates])
        for d, m in per_date.items():
            for c in m.conflicts:
                notes.append(f"{who}, {m.city} ({d}): {c}.")
    out = [title, "", table([other.capitalize(), "City", "Kind", *dates], rows).rstrip("\n")]
    if notes:
        out += ["", "Conflicting evidence:"] + [f"  * {n}" for n in notes]
    for a in answers:
        if a.protecting_powers:
            out += ["", f"Protecting powers on {a.at.isoformat()}:"]
            for p in a.protecting_powers:
                since = f"since {p.since}" if p.since else "start date not stated"
                out.append(f"  * {app.name(p.protecting)} represents {app.name(p.protected)} in {app.name(p.host)} ({since})")
    marks = first.marks
    out += [
        "",
        "'listed, unconfirmed': named only in the 2022-11 mission listing (Wikidata), with no dated event;",
        "'(inferred)': the state before the first dated event, inferred from it.",
    ]
    if marks:
        out.append(f"[{']['.join(marks)}]: member on that date.")
    out.append("Sources: legation history SENDER HOST, or legation missions ... --json (event ids) and legation source ID.")
    return "\n".join(out) + "\n"


def snapshot(app, snap) -> str:
    from collections import Counter

    by_status = Counter(m.label for m in snap.missions)
    out = [f"The network on {snap.at.isoformat()}: {len(snap.missions):,} missions", ""]
    out.append(table(["State", "Missions"], [[k, f"{v:,}"] for k, v in by_status.most_common()]).rstrip("\n"))
    out += ["", f"{len(snap.protecting_powers)} protecting-power mandates in force; bloc members:"]
    out.append("  " + ", ".join(f"{b} {len(m)}" for b, m in sorted(snap.memberships.items())))
    out.append("Everything, with event ids: legation state --at DATE --json")
    return "\n".join(out) + "\n"


def history(app, d) -> str:
    out = [f"{app.name(d['sender'])} ({d['sender']}) in {app.name(d['host'])} ({d['host']})", ""]
    rows = []
    for e in d["events"]:
        src = e["sources"][0]["url"] or e["sources"][0]["citation"] if e["sources"] else ""
        more = f" (+{len(e['sources']) - 1})" if len(e["sources"]) > 1 else ""
        what = e["subtype"] + (f" for {app.name(e['protected'])}" if e["protected"] else "")
        rows.append([e["date"] or "undated", e["precision"], what, e["city"], e["modality"], _cut(src, 70) + more])
    out.append(table(["Date", "Precision", "Event", "City", "Modality", "Source"], rows).rstrip("\n"))
    if d["listings"]:
        out += ["", "Listed in the 2022-11 mission listing (Wikidata, CC0):"]
        for l in d["listings"]:
            acc = f"; accredited to {', '.join(l['accredited_to'])}" if l["accredited_to"] else ""
            created = f"; created {l['created']}" if l["created"] else ""
            city = l["city"] if l["city"] == l["city_normalised"] else f"{l['city_normalised']} (listed as {l['city']})"
            out.append(f"  * {l['kind']} in {city}{created}{acc} [{l['qid']}]")
    if d["represented_by"]:
        out += ["", "Represented in the host by:"]
        for r in d["represented_by"]:
            out.append(f"  * {app.name(r['protecting'])}: {r['subtype']} {r['date'] or '(undated)'}")
    notes = [e for e in d["events"] if e["note"]]
    if notes:
        out += ["", "Notes:"] + [f"  * {e['date'] or 'undated'} {e['subtype']}: {e['note']}" for e in notes]
    return "\n".join(out) + "\n"


def channels(app, d) -> str:
    out = [f"Channels between {d['a']} and {d['b']} on {d['at']}", ""]
    rows = [
        [c["kind"], app.name(c["from_state"]), app.name(c["to_state"]),
         c["via"] if c["kind"] != "resident" else f"mission in {c['city']}", c["status"]]
        for c in d["channels"]
    ]  # fmt: skip
    out.append(table(["Channel", "From", "To", "Via", "Status"], rows) if rows else "No channel found.\n")
    return "\n".join(out)


def order(app, d) -> str:
    window = " ".join(x for x in (f"after {d['after']}" if d["after"] else "", f"before {d['before']}" if d["before"] else "") if x)
    who = f"{d['group']} states" if d["group"] else "States"
    out = [f"{who} that did '{d['event']}' ({', '.join(d['subtypes'])}) in {app.name(d['host'])} {window}".rstrip(), ""]
    rows = []
    for o in d["order"]:
        flag = []
        if o["tied_with"]:
            flag.append("dates overlap with " + ", ".join(app.name(t) for t in o["tied_with"]))
        if o["membership_uncertain"]:
            flag.append("group membership changes within the date's precision")
        src = o["sources"][0]["url"] if o["sources"] else ""
        rows.append([str(o["rank"]), app.name(o["sender"]), o["date"], o["subtype"], "; ".join(flag), _cut(src, 60)])
    out.append(table(["#", "State", "Date", "Event", "Caveat", "Source"], rows) if rows else "Nobody, on the record.\n")
    return "\n".join(out)


def members(app, d) -> str:
    out = [f"{d['group']} on {d['at']}: {d['definition']}", ""]
    rows = []
    for m in d["members"]:
        if "bloc" in m:
            mark = {True: "verified", False: "unverified", None: "-"}[m["verified"]]
            periods = "; ".join(f"{a or '?'} to {b or 'now'}" for a, b in m["periods"])
            susp = f"suspended since {m['suspended_since']}" if m["suspended"] else ""
            rows.append([app.name(m["member"]), m["member"], periods, mark, susp])
        else:
            rows.append([app.name(m["member"]), m["member"], ", ".join(m["blocs"]) or "listed state", "", ""])
    out.append(table(["Member", "Code", "Periods", "Mark", "Note"], rows))
    for u in d.get("unresolved", []):
        out.append(f"Unresolved: {app.name(u['member'])} (the source does not confirm membership).")
    return "\n".join(out) + "\n"


def protecting(app, rows) -> str:
    body = [
        [app.name(r["protecting"]), app.name(r["protected"]), app.name(r["host"]), r["since"] or "not stated"]
        for r in rows
    ]
    return table(["Protecting power", "Represents", "In", "Since"], body)


def groups(rows) -> str:
    body = [[r["name"], r["label"], " + ".join(r["blocs"] + r["states"]), r["defined_in"]] for r in rows]
    return table(["Name", "Label", "Made of", "Defined in"], body)


def source(d) -> str:
    out = [f"{d['id']}: {d['subtype']} {d['actor']} -> {d['target']} {d['date'] or 'undated'} ({d['precision']})"]
    if d["note"]:
        out.append(f"note: {d['note']}")
    for s in d["sources"]:
        out.append(f"  * {s['citation']}  [{s['dataset']} {s['locator']}; {s['licence']}]")
    return "\n".join(out) + "\n"


def resolve_table(rows) -> str:
    return table(["Text", "Code", "Name", "Kind"], [[r["text"], r["code"], r["name"], r["kind"]] for r in rows])


def info(d) -> str:
    lines = [f"database: {d['db']}"] + [f"{k}: {v}" for k, v in d["counts"].items()]
    return "\n".join(lines) + "\n"


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
