"""Query parameters several routes share, with their documentation."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"

At = Annotated[
    str | None,
    Query(description="as-of date, YYYY[-MM[-DD]] (a month or year means its last day; default today)",
          pattern=DATE, examples=["2024-11-20"]),
]  # fmt: skip
Limit = Annotated[int, Query(ge=1, le=1000, description="how many rows to return (at most 1000)")]
Offset = Annotated[int, Query(ge=0, description="how many rows to skip (for the next page: offset + limit)")]


def page(rows: list, limit: int, offset: int) -> dict:
    return {"total": len(rows), "limit": limit, "offset": offset, "rows": rows[offset : offset + limit]}
