"""The network on a date: missions, one country, channels between two sides, blocs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from ..dates import as_of
from .desk import Desk, Reply, get_desk
from .params import At, Offset, page

router = APIRouter(tags=["network"], default_response_class=Reply)
Country = Annotated[str, Path(description="a state: name, ISO code, demonym, capital or alias", examples=["PRK"])]


@router.get("/missions", summary="Missions as of a date")
def missions(
    desk: Desk = Depends(get_desk),
    host: Annotated[str | None, Query(description="host state", examples=["North Korea"])] = None,
    sender: Annotated[str | None, Query(description="sending state")] = None,
    group: Annotated[str | None, Query(description="only senders (or hosts, with sender alone) in this bloc or "
                                                   "group on the date: NATO, EU, western ...")] = None,  # fmt: skip
    status: Annotated[str | None, Query(description="only this status (operating, suspended, ...) or 'staffed'")] = None,
    at: At = None,
    mark: Annotated[list[str], Query(description="mark members of these blocs or groups (repeatable)")] = [],  # noqa: B006
    limit: Annotated[int, Query(ge=1, le=20000, description="how many missions to return")] = 2000,
    offset: Offset = 0,
) -> Reply:
    """Every mission matching the filters, with its status on the date, the event that
    governs it (`governing`), its listing, and conflicting evidence. With `host`, the
    protecting powers in force there too. Without host or sender: the whole network."""
    answer = desk.ask("missions", at=at, host=host, sender=sender, group=group, status=status, marks=mark)
    data = answer.to_json()
    p = page(data.pop("missions"), limit, offset)
    codes = {c for m in p["rows"] for c in (m["sender"], m["host"])}
    codes |= {c for pp in data["protecting_powers"] for c in (pp["protecting"], pp["protected"], pp["host"])}
    return Reply({**data, "total": p["total"], "limit": limit, "offset": offset, "missions": p["rows"],
                  "names": _names(desk, codes)})  # fmt: skip


@router.get("/countries", summary="States and other actors the gazetteer knows")
def countries(desk: Desk = Depends(get_desk)) -> Reply:
    """Codes, names, ISO numeric codes (the ids of the map's country outlines) and a central
    point for each, for clients that draw the network."""
    import pycountry

    out = []
    for c in desk.main.gaz:
        iso = pycountry.countries.get(alpha_3=c.code)
        out.append({"code": c.code, "name": c.name, "kind": c.kind, "numeric": iso.numeric if iso else None,
                    "capitals": list(c.capitals), "latlng": list(c.latlng) if c.latlng else None})  # fmt: skip
    return Reply({"countries": out})


@router.get("/countries/{country}", summary="One country as of a date")
def country(country: Country, desk: Desk = Depends(get_desk), at: At = None) -> Reply:
    """Who is present in the country (`present`), its own missions abroad (`abroad`), the
    protecting powers it takes part in, and the blocs it belongs to on the date."""
    data = desk.ask("country", country, at)
    codes = {c for key in ("present", "abroad") for m in data[key] for c in (m["sender"], m["host"])}
    codes |= {c for p in data["protecting_powers"] for c in (p["protecting"], p["protected"], p["host"])}
    return Reply({**data, "names": _names(desk, codes)})


@router.get("/channels", summary="Channels between two states or blocs")
def channels(
    a: Annotated[str, Query(description="a state, a bloc or a group", examples=["NATO"])],
    b: Annotated[str, Query(description="a state, a bloc or a group", examples=["North Korea"])],
    desk: Desk = Depends(get_desk),
    at: At = None,
) -> Reply:
    """Ways the two sides can talk on the date: resident missions either way, missions
    accredited from a third country, and protecting powers. Each channel names its evidence
    (event ids). `members` gives, for a bloc or group, its member states on the date."""
    legation = desk.legation
    data = legation.channels(a, b, at)
    day = as_of(at)
    members = {}
    for side in (a, b):
        name, codes = legation.actors(side, day)
        if name not in members and not (len(codes) == 1 and name in codes):
            members[name] = sorted(codes)
    codes = {c for ch in data["channels"] for c in (ch["from_state"], ch["to_state"])}
    codes |= {ch["via"] for ch in data["channels"] if ch["kind"] == "protecting_power"}
    codes |= {c for ms in members.values() for c in ms}
    return Reply({**data, "members": members, "names": _names(desk, codes)})


@router.get("/groups", summary="Blocs and groups")
def groups(desk: Desk = Depends(get_desk)) -> Reply:
    """The blocs and defined groups that `group`, `mark`, `a` and `b` accept."""
    return Reply({"groups": [{"name": g.name, "label": g.label, "blocs": list(g.blocs), "states": list(g.states),
                              "description": g.description} for g in desk.main.groups.all()]})  # fmt: skip


@router.get("/groups/{name}/members", summary="Members of a bloc on a date")
def members(name: Annotated[str, Path(examples=["NATO"])], desk: Desk = Depends(get_desk), at: At = None) -> Reply:
    """Members on the date, with their periods and the sources of each membership."""
    return Reply(desk.ask("members", name, at))


@router.get("/history", summary="Everything recorded between a sender and a host")
def history(
    sender: Annotated[str, Query(examples=["Poland"])],
    host: Annotated[str, Query(examples=["North Korea"])],
    desk: Desk = Depends(get_desk),
) -> Reply:
    """Every event between the two, oldest first, with sources, listings and who represents
    the sender there."""
    return Reply(desk.ask("history", sender, host))


def _names(desk: Desk, codes) -> dict[str, str]:
    return {c: desk.main.name(c) for c in sorted(c for c in codes if c)}
