"""The channel network on a date, as GraphML (for Gephi, yEd, networkx, igraph, Cytoscape).

Nodes are states and blocs (`kind`: state, bloc, organisation, territory ...). Edges are
directed and say how one side can talk to the other on that date, with the event that
governs each:

- `mission`: a resident mission, sender -> host, with its status (operating, suspended ...),
  `since` (the date of the governing event, as precise as its source) and `basis` (event,
  inferred, listing);
- `accredited`: a mission accredited from a third country, sender -> the state it covers,
  `via` the mission;
- `protecting_power`: protected state -> host, `via` the protecting state;
- `member`: state -> bloc, for memberships in force (`status` member or suspended).

Everything is folded from the ledger exactly as `legation state` and `legation channels`
fold it (`state.py`).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from ..ledger import Ledger
from ..state import Memberships, mission_states, protecting_powers

NS = "http://graphml.graphdrawing.org/xmlns"
NODE_KEYS = (("name", "string"), ("kind", "string"))
EDGE_KEYS = (
    ("kind", "string"), ("status", "string"), ("status_label", "string"), ("staffed", "boolean"),
    ("since", "string"), ("basis", "string"), ("mission", "string"), ("city", "string"),
    ("mission_kind", "string"), ("via", "string"), ("event", "string"),
)  # fmt: skip


def network(ledger: Ledger, at: dt.date, gaz, actor: str | None = None) -> tuple[dict[str, dict], list[dict]]:
    """Nodes (code -> attributes) and edges of the channel network on `at`."""
    edges: list[dict] = []
    states = mission_states(ledger, at)
    by_mission = {m.mission: m for m in states}
    for m in states:
        if m.sender == m.host:
            continue
        edges.append({
            "source": m.sender, "target": m.host, "kind": "mission", "status": m.status.value,
            "status_label": m.label, "staffed": m.status.staffed, "since": m.since or "", "basis": m.basis,
            "mission": m.mission, "city": m.city, "mission_kind": m.kind,
            "event": (m.governing or m.listing).id if (m.governing or m.listing) else "",
        })  # fmt: skip
    for mission, sender, host, city, kind, accredited in ledger.con.execute(
        "SELECT mission, sender, host, city, kind, accredited_to FROM listings WHERE len(accredited_to) > 0 ORDER BY id"
    ).fetchall():
        m = by_mission.get(mission)
        for covered in accredited:
            if covered in (host, sender):
                continue
            edges.append({
                "source": sender, "target": covered, "kind": "accredited",
                "status": m.status.value if m else "listed", "status_label": m.label if m else "listed, unconfirmed",
                "staffed": bool(m and m.status.staffed), "since": (m.since or "") if m else "",
                "basis": m.basis if m else "listing", "mission": mission, "city": city, "mission_kind": kind,
                "via": f"{kind} in {city} ({host})", "event": m.listing.id if m and m.listing else "",
            })  # fmt: skip
    for p in protecting_powers(ledger, at):
        edges.append({
            "source": p.protected, "target": p.host, "kind": "protecting_power", "status": "in force",
            "status_label": f"represented by {p.protecting}", "staffed": False,
            "since": p.since or "", "basis": "event", "via": p.protecting, "event": p.event_id,
        })  # fmt: skip
    ms = Memberships(ledger)
    for bloc in ms.blocs:
        for code, m in sorted(ms.members(bloc, at).items()):
            edges.append({
                "source": code, "target": bloc, "kind": "member", "status": "suspended" if m.suspended else "member",
                "status_label": "suspended" if m.suspended else "member", "staffed": False,
                "since": m.joined or "", "basis": "event", "event": m.event_ids[0] if m.event_ids else "",
            })  # fmt: skip
    if actor:
        edges = [e for e in edges if actor in (e["source"], e["target"], e.get("via"))]
    blocs = dict(ledger.con.execute("SELECT code, name FROM blocs").fetchall())
    nodes: dict[str, dict] = {}
    for e in edges:
        for code in (e["source"], e["target"]):
            if code not in nodes:
                nodes[code] = _node(code, blocs, gaz)
    return nodes, edges


def _node(code: str, blocs: dict[str, str], gaz) -> dict:
    if code in blocs:
        return {"name": blocs[code], "kind": "bloc"}
    try:
        c = gaz.get(code)
        return {"name": c.name, "kind": c.kind}
    except KeyError:
        return {"name": code, "kind": "actor"}


def graphml(nodes: dict[str, dict], edges: list[dict], at: dt.date) -> bytes:
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}graphml")
    for i, (name, typ) in enumerate(NODE_KEYS):
        ET.SubElement(root, f"{{{NS}}}key", {"id": f"n{i}", "for": "node", "attr.name": name, "attr.type": typ})
    for i, (name, typ) in enumerate(EDGE_KEYS):
        ET.SubElement(root, f"{{{NS}}}key", {"id": f"e{i}", "for": "edge", "attr.name": name, "attr.type": typ})
    ET.SubElement(root, f"{{{NS}}}key", {"id": "g0", "for": "graph", "attr.name": "at", "attr.type": "string"})
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"id": "channels", "edgedefault": "directed"})
    ET.SubElement(graph, f"{{{NS}}}data", {"key": "g0"}).text = at.isoformat()
    for code in sorted(nodes):
        node = ET.SubElement(graph, f"{{{NS}}}node", {"id": code})
        for i, (name, _) in enumerate(NODE_KEYS):
            ET.SubElement(node, f"{{{NS}}}data", {"key": f"n{i}"}).text = str(nodes[code].get(name, ""))
    for n, e in enumerate(edges):
        edge = ET.SubElement(graph, f"{{{NS}}}edge", {"id": f"e{n}", "source": e["source"], "target": e["target"]})
        for i, (name, typ) in enumerate(EDGE_KEYS):
            value = e.get(name)
            if value is None or value == "" and typ == "string":
                continue
            text = ("true" if value else "false") if typ == "boolean" else str(value)
            ET.SubElement(edge, f"{{{NS}}}data", {"key": f"e{i}"}).text = text
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
