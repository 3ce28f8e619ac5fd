"""The application factory and `legation serve`."""

from __future__ import annotations

import os
import sys
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from . import claims, documents, errors, events, network
from .desk import Desk

STATIC = Path(__file__).parent / "static"
VENDOR = STATIC / "vendor"  # copied from node_modules by `make assets`; not in git
API = "/api/v1"
# One list of routers: a new part of the API (claims, briefs) is one module and one entry.
ROUTERS = [network.router, events.router, documents.router, claims.router]
MAX_BODY = 2_000_000

DESCRIPTION = """A sourced, dated model of the world's diplomatic network.

Every answer names the ledger events it rests on (`governing`, `listing`, `evidence`,
`sources`); dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and a month or year as an as-of date
means its last day. Reads are open. Writes (`POST /api/v1/documents`) need the token the
server was started with, as `Authorization: Bearer TOKEN`; a server started without one is
read-only. Errors are JSON: `{"status", "error", "message"}`.
"""


def create_app(db_path: str | Path, token: str | None = None, max_body: int = MAX_BODY,
               group_files: list[Path] | None = None) -> FastAPI:  # fmt: skip
    """The API and the page over the ledger at `db_path` (built from the shipped data if the
    file does not exist). With `token`, the server accepts writes from those who send it."""
    desk = Desk(db_path, token, group_files)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        desk.close()

    app = FastAPI(
        title="Legation",
        version=__version__,
        description=DESCRIPTION,
        openapi_url=f"{API}/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.desk = desk
    errors.install(app)
    app.add_middleware(errors.BodyLimit, max_bytes=max_body)
    for router in ROUTERS:
        app.include_router(router, prefix=API, responses=errors.ERROR_RESPONSES)

    @app.get("/docs", include_in_schema=False)
    def docs():
        if not _assets_built():
            return _assets_missing()
        return get_swagger_ui_html(
            openapi_url=app.openapi_url,
            title="Legation API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png",
        )

    @app.get("/", include_in_schema=False)
    def page():
        if not _assets_built():
            return _assets_missing()
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _assets_built() -> bool:
    return (VENDOR / ".built").exists()


def _assets_missing() -> HTMLResponse:
    return HTMLResponse(
        "<h1>Front-end libraries not installed</h1><p>The page needs the npm packages listed in "
        "package.json. Run <code>make assets</code> in the Legation source tree (it runs <code>npm ci</code> "
        f"and copies them to <code>{VENDOR}</code>), then reload. The JSON API works without them: "
        f"<a href='{API}/openapi.json'>{API}/openapi.json</a>.</p>",
        status_code=503,
    )


def serve(args) -> int:
    """`legation serve`: the API and the page in one process."""
    import uvicorn

    from ..ledger import default_path

    token = args.token or os.environ.get("LEGATION_TOKEN") or None
    app = create_app(args.db or default_path(), token=token, max_body=args.max_body, group_files=args.groups_file)
    mode = "writes need the token" if token else "read-only (no --token or $LEGATION_TOKEN)"
    print(f"legation: serving {app.state.desk.legation.ledger.path} on http://{args.host}:{args.port}/ "
          f"(API at /api/v1, docs at /docs; {mode})", file=sys.stderr, flush=True)  # fmt: skip
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0
