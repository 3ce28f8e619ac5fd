"""Claims and briefs: an article's checkable claims judged against the record, and briefs."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import PlainTextResponse

from ..brief import brief_about, brief_document, markdown
from ..dates import FuzzyDate
from ..model import Document
from .desk import Desk, Reply, get_desk
from .params import DATE, At

router = APIRouter(tags=["claims and briefs"], default_response_class=Reply)
DocumentId = Annotated[str, Path(pattern=r"^[0-9a-f]{1,64}$")]
Format = Annotated[Literal["json", "markdown"], Query(description="json, or the brief as Markdown text")]


def stored_document(desk: Desk, document_id: str) -> Document:
    """An article as it was saved: the same text gives the same id and the same spans."""
    d = desk.ask("document", document_id)
    published = FuzzyDate.parse(d["published"], d["published_precision"]) if d.get("published") else None
    return Document(text=d["text"], title=d["title"] or "", url=d["url"] or "", published=published,
                    author=d["author"] or "", origin=d["origin"] or "")  # fmt: skip


def check(desk: Desk, doc: Document, at: str | None):
    from ..claims import Checker

    day = FuzzyDate.parse(at).end if at else None
    with desk.extract_lock:  # the one spaCy pipeline parses one article at a time
        return Checker(desk.legation, desk.extractor()).check(doc, day)


@router.get("/documents/{document_id}/claims", summary="The claims in an article and their verdicts")
def claims(document_id: DocumentId, desk: Desk = Depends(get_desk), at: At = None) -> Reply:
    """Each claim (ordinal, status, membership, representation, quantity) with its verdict
    (supported, contradicted, not enough evidence) as of the article's publication date, or
    `at`; the events that decide it and their sources; and, when undecided, what would
    decide it. Claims someone else makes carry `attribution` and are never taken as fact."""
    return Reply(check(desk, stored_document(desk, document_id), at).to_json())


@router.get("/documents/{document_id}/brief", summary="A brief of an article", response_model=None)
def document_brief(document_id: DocumentId, desk: Desk = Depends(get_desk), at: At = None, format: Format = "json"):
    """At a glance, what the record says about the places it concerns, the checks, a
    timeline and the sources."""
    b = brief_document(check(desk, stored_document(desk, document_id), at), desk.legation)
    return PlainTextResponse(markdown(b), media_type="text/markdown") if format == "markdown" else Reply(b)


@router.get("/briefs", summary="A brief on a state from the ledger", response_model=None)
def about_brief(
    about: Annotated[str, Query(description="a state, by any name", examples=["North Korea"], max_length=200)],
    desk: Desk = Depends(get_desk),
    since: Annotated[str | None, Query(description="events from this date (default a year back)", pattern=DATE)] = None,
    at: At = None,
    format: Format = "json",
):
    b = brief_about(desk.legation, about, since, at)
    return PlainTextResponse(markdown(b), media_type="text/markdown") if format == "markdown" else Reply(b)
