"""Every error as JSON with a message a person can act on, and the request body limit."""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from ..dates import BadDate
from ..ledger import LedgerError
from ..queries import NotFound

log = logging.getLogger("legation.web")


class ErrorBody(BaseModel):
    """The shape of every error answer."""

    status: int
    error: str
    message: str
    errors: list[dict] | None = None


ERROR_RESPONSES = {
    400: {"model": ErrorBody, "description": "a value names nothing Legation knows (a country, a bloc, a status)"},
    422: {"model": ErrorBody, "description": "a parameter or the body is malformed"},
}


def error(status: int, message: str, errors: list[dict] | None = None, headers: dict | None = None) -> JSONResponse:
    body = {"status": status, "error": HTTPStatus(status).phrase, "message": message}
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, headers=headers)


def _where(loc) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("query", "path", "header", "body"):
        kind, rest = parts[0], parts[1:]
        return f"{kind} field '{'.'.join(rest)}'" if kind == "body" and rest else (
            f"{kind} parameter '{'.'.join(rest)}'" if rest else "the request body")
    return ".".join(parts) or "the request"


def install(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such address: {request.method} {request.url.path}; the API is listed at /docs"
        elif exc.status_code == 405 and message == "Method Not Allowed":
            message = f"{request.method} is not accepted at {request.url.path}; see /docs for what is"
        return error(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        errors = []
        for e in exc.errors():
            where = _where(e.get("loc", ()))
            given = e.get("input")
            got = "" if given is None or isinstance(given, dict) or e.get("type") == "missing" else f" (got {given!r})"
            errors.append({"where": where, "message": f"{where}: {e.get('msg', 'invalid')}{got}"})
        message = "; ".join(x["message"] for x in errors) or "the request is malformed"
        return error(422, message, errors)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return error(404, str(exc.args[0] if exc.args else exc))

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError):
        # Unknown countries (with suggestions), blocs, statuses and unreadable dates.
        status = 422 if isinstance(exc, BadDate) else 400
        return error(status, str(exc).splitlines()[0] if str(exc) else type(exc).__name__)

    @app.exception_handler(LedgerError)
    async def ledger_error(request: Request, exc: LedgerError):
        return error(503, f"the database cannot be used: {exc}")

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error(500, f"internal error ({type(exc).__name__}); the server log has the details")


class BodyLimit:
    """Refuses request bodies over `max_bytes` with 413: at once when Content-Length says so,
    else as soon as the streamed body passes the limit. The rest of a refused body is read and
    dropped (up to `DRAIN` bytes), so that the client, still sending, gets the answer rather
    than a reset connection."""

    DRAIN = 32_000_000

    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers", ())).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            if int(declared) <= self.DRAIN:
                await self._drain(receive, {"more_body": True})
            return await error(413, self._message())(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    await self._drain(receive, message)
                    raise HTTPException(413, self._message())
            return message

        await self.app(scope, counted, send)

    async def _drain(self, receive, message) -> None:
        drained = 0
        while message.get("more_body") and drained < self.DRAIN:
            message = await receive()
            if message["type"] != "http.request":
                return
            drained += len(message.get("body", b""))

    def _message(self) -> str:
        return (f"the request body is larger than this server accepts ({self.max_bytes:,} bytes); "
                "send a shorter article or start the server with a larger --max-body")  # fmt: skip
