"""What every route shares: a `Legation` per request thread (each on its own cursor of one
DuckDB connection), the one writer, the write token, and the extractor (loaded on the first
article)."""

from __future__ import annotations

import hmac
import json
import threading
from pathlib import Path

from fastapi import Depends, HTTPException, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..queries import Legation
from ..reference.groups import Groups
from ..reference.loaders import open_ledger


class Reply(JSONResponse):
    """JSON straight from `json.dumps`: Legation's answers are plain data already, and
    FastAPI's generic encoder costs more than the query for a large answer."""

    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str).encode()


class Desk:
    def __init__(self, db_path: str | Path, token: str | None = None, group_files: list[Path] | None = None):
        self.token = token or None
        # A server that cannot write opens the file read-only, so other readers (the CLI) can
        # use it at the same time; one that can write holds DuckDB's write lock.
        self.main = Legation(open_ledger(db_path, read_only=self.token is None), Groups.load(group_files))
        # Each request thread asks its own cursor of the one connection, so queries run side by
        # side; one thread per query does more work on a busy server than two threads each.
        self.main.ledger.con.execute("SET threads TO 1")
        self._local = threading.local()
        self.generation = 0  # bumped by each write: threads then drop what they cached
        self.write_lock = threading.Lock()
        self._extractor = None
        self.extract_lock = threading.Lock()

    @property
    def legation(self) -> Legation:
        """This thread's `Legation`, on its own cursor, sharing the gazetteer and groups."""
        local = self._local
        if getattr(local, "legation", None) is None:
            local.legation = Legation(self.main.ledger.for_thread(), self.main.groups, self.main.gaz)
            local.generation = self.generation
        if local.generation != self.generation:
            local.legation._memberships = None  # an article may have added membership events
            local.generation = self.generation
        return local.legation

    def ask(self, question: str, *args, **kwargs):
        """Call one `Legation` method on this thread's cursor."""
        return getattr(self.legation, question)(*args, **kwargs)

    def write(self, fn):
        """Run `fn(legation)` as the one writer, then tell the readers."""
        with self.write_lock:
            try:
                return fn(self.main)
            finally:
                self.generation += 1
                self.main._memberships = None

    @property
    def writable(self) -> bool:
        return self.token is not None

    def extractor(self):
        from ..extract.pipeline import Extractor

        if self._extractor is None:
            self._extractor = Extractor(self.main.gaz)
        return self._extractor

    def close(self) -> None:
        with self.write_lock:
            self.main.ledger.close()


def get_desk(request: Request) -> Desk:
    return request.app.state.desk


_bearer = HTTPBearer(auto_error=False, description="the token given to `legation serve --token` or $LEGATION_TOKEN")


def require_writer(
    desk: Desk = Depends(get_desk), credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)
) -> Desk:
    """Writes need the server's token as `Authorization: Bearer TOKEN`. A server started
    without a token is read-only and refuses every write."""
    if not desk.writable:
        raise HTTPException(403, "this server is read-only: start it with `legation serve --token T` "
                                 "(or $LEGATION_TOKEN) to accept writes")  # fmt: skip
    if credentials is None:
        raise HTTPException(401, "this write needs the server's token: send 'Authorization: Bearer TOKEN'",
                            headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
    if not hmac.compare_digest(credentials.credentials.encode(), desk.token.encode()):
        raise HTTPException(401, "wrong token: send the token the server was started with "
                                 "('Authorization: Bearer TOKEN')", headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
    return desk
