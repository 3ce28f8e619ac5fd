"""Articles: read one in (POST), and the articles already read, with their events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from ..model import Skipped
from .desk import Desk, Reply, get_desk, require_writer
from .params import DATE, Limit, Offset

router = APIRouter(tags=["documents"], default_response_class=Reply)
ORIGIN = "posted to /api/v1/documents"  # the citation of an article sent without url or title


class ArticleIn(BaseModel):
    """An article as JSON. Only `text` is required."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="the article's text")
    title: str = Field("", max_length=1000)
    url: str = Field("", max_length=2000, description="where it was published (stored, never fetched)")
    published: str | None = Field(None, max_length=40, description="publication date, ISO preferred; relative "
                                                                   "dates in the text are read against it")  # fmt: skip
    author: str = Field("", max_length=500)


_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": ArticleIn.model_json_schema()},
        "text/plain": {"schema": {"type": "string"}, "example": "Poland reopened its embassy in North Korea on Friday."},
        "text/html": {"schema": {"type": "string"}},
    },
}


@router.post(
    "/documents",
    status_code=201,
    summary="Read an article and save its events",
    openapi_extra={"requestBody": _BODY},
    responses={401: {"description": "no token, or the wrong one"}, 403: {"description": "the server is read-only"},
               413: {"description": "the body is over the server's limit"},
               415: {"description": "not JSON, plain text or HTML"}},  # fmt: skip
)
async def add_document(
    request: Request,
    desk: Desk = Depends(require_writer),
    published: Annotated[str | None, Query(description="publication date for the article (overrides the one it "
                                                          "carries)", pattern=DATE)] = None,  # fmt: skip
) -> Reply:
    """Plain text, an HTML page (its main text, title, author and date are extracted), or JSON
    `{"text", "title", "url", "published", "author"}`. The article is read as `legation read`
    reads it; it and its events are saved together, and the answer is the document as
    `GET /api/v1/documents/{id}` gives it, with `read` saying how many events were new.
    Sending the same text again adds nothing."""
    body = await request.body()
    doc = await run_in_threadpool(_document, request.headers.get("content-type", ""), body, published)
    if isinstance(doc, Skipped):
        raise HTTPException(422, f"nothing to read: {doc.reason}")
    if why := desk.extractor().too_long(doc):
        raise HTTPException(413, f"the article is {why}")

    def read():
        with desk.extract_lock:  # one article at a time; queries go on meanwhile
            return desk.extractor().read(doc)

    events = await run_in_threadpool(read)

    def save(legation):
        return legation.ledger.add_document(doc, events), legation.document(doc.id)

    report, data = await run_in_threadpool(desk.write, save)
    triggers = {(e.id, e.provenance.sentence): list(e.provenance.trigger) for e in events if e.provenance}
    for e in data["events"]:
        e["provenance"]["trigger"] = triggers.get((e["id"], e["provenance"]["sentence"]))
    data["read"] = {"events": len(events), "new_events": report.events_new}
    from .claims import check

    checked = await run_in_threadpool(check, desk, doc, None)
    data["claims"] = checked.to_json()["claims"]
    return Reply(data, status_code=201, headers={"Location": f"{request.url.path}/{doc.id}"})


def _document(content_type: str, body: bytes, published: str | None):
    from ..readers import read_one
    from ..readers.cleanup import to_date
    from ..readers.formats import finish

    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            article = ArticleIn.model_validate_json(body)
        except ValidationError as err:
            raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in err.errors()]) from None
        own = to_date(article.published) if article.published else None
        if article.published and own is None:
            raise HTTPException(422, f"body field 'published': cannot read the date {article.published!r}")
        override = to_date(published) if published else None
        return finish(ORIGIN, article.text, own, override, title=article.title, url=article.url, author=article.author)
    kinds = {"text/plain": "text", "text/html": "html", "application/xhtml+xml": "html", "": ""}
    if kind not in kinds:
        raise HTTPException(415, f"cannot read a body of type {kind!r}: send text/plain, text/html or "
                                 "application/json ({\"text\": ...})")  # fmt: skip
    return read_one(ORIGIN, body, kinds[kind], published)


@router.get("/documents", summary="Articles read into the ledger")
def documents(desk: Desk = Depends(get_desk), limit: Limit = 50, offset: Offset = 0) -> Reply:
    """Latest first, with the number of events each gave."""
    return Reply(desk.ask("documents", limit=limit, offset=offset))


@router.get("/documents/{document_id}", summary="One article with its events")
def document(document_id: Annotated[str, Path(pattern=r"^[0-9a-f]{1,64}$")], desk: Desk = Depends(get_desk)) -> Reply:
    """The text and every event read from it. `provenance.span` gives the characters of the
    sentence each event was read from, as offsets into `text`."""
    return Reply(desk.ask("document", document_id))


