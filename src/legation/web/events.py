"""Events in the ledger: filtered, paged, each with its sources."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query

from ..model import Modality
from .desk import Desk, Reply, get_desk
from .params import DATE, Limit, Offset

router = APIRouter(tags=["events"], default_response_class=Reply)


@router.get("/events", summary="Events, filtered and paged")
def events(
    desk: Desk = Depends(get_desk),
    actor: Annotated[str | None, Query(description="a state (any name) or a bloc code, on either side of the event",
                                       examples=["North Korea"])] = None,  # fmt: skip
    type: Annotated[str | None, Query(description="PLOVER type: COOPERATE, SANCTION, RETREAT, MOBILIZE ...",
                                      pattern=r"^[A-Za-z_]+$")] = None,  # fmt: skip
    subtype: Annotated[str | None, Query(description="Legation subtype: mission_reopened, envoy_expelled ...",
                                         pattern=r"^[a-z_]+$")] = None,  # fmt: skip
    exclude_subtype: Annotated[list[str], Query(description="leave these subtypes out (repeatable), e.g. "
                                                            "mission_listed")] = [],  # noqa: B006
    modality: Annotated[Modality | None, Query(description="how firmly the source states it")] = None,
    after: Annotated[str | None, Query(description="first day on or after this date", pattern=DATE)] = None,
    before: Annotated[str | None, Query(description="first day on or before this date", pattern=DATE)] = None,
    q: Annotated[str | None, Query(max_length=200, description="text in the note, city, attribution, subtype or a "
                                                              "source's citation (case-insensitive)")] = None,  # fmt: skip
    order: Annotated[Literal["newest", "oldest", "recorded"], Query(
        description="newest or oldest by date (undated last), or recorded (latest recorded first)")] = "newest",
    limit: Limit = 100,
    offset: Offset = 0,
) -> Reply:
    """`total` counts every event that matches; `events` holds one page of them. Events read
    from articles carry `reported`, the publication date of the article."""
    return Reply(desk.ask("events", actor=actor, type=type, subtype=subtype, modality=modality.value if modality else None,
                          after=after, before=before, text=q, limit=limit, offset=offset, order=order,
                          exclude_subtypes=exclude_subtype))  # fmt: skip


@router.get("/events/{event_id}", summary="One event and every source behind it")
def event(event_id: Annotated[str, Path(pattern=r"^[0-9a-zA-Z_-]{1,64}$")], desk: Desk = Depends(get_desk)) -> Reply:
    return Reply(desk.ask("event", event_id))
