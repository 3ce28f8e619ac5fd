import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from legation.ledger import Ledger
from legation.queries import Legation
from legation.reference.loaders import load_default

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def default_db(tmp_path_factory) -> Path:
    """The default knowledge base, built once from the shipped data into a real DuckDB file."""
    path = tmp_path_factory.mktemp("db") / "legation.duckdb"
    with Ledger(path) as ledger:
        load_default(ledger)
    return path


@pytest.fixture(scope="session")
def app(default_db) -> Legation:
    return Legation.open(default_db)


@pytest.fixture
def scratch_db(default_db, tmp_path) -> Path:
    """A private copy of the default database for tests that write."""
    path = tmp_path / "scratch.duckdb"
    shutil.copy(default_db, path)
    return path


def run_cli(*args, env=None, stdin=None) -> subprocess.CompletedProcess:
    """The real `legation` command in a child process."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "legation", *map(str, args)],
        capture_output=True,
        text=True,
        env=full_env,
        input=stdin,
        timeout=300,
    )


class DeskServer:
    """`legation serve` in a child process on a free loopback port, spoken to over real HTTP."""

    def __init__(self, db: Path, token: str | None = None, extra: tuple = ()):
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.db, self.token = db, token
        self.log = db.with_suffix(f".{self.port}.log")
        args = [sys.executable, "-m", "legation", "serve", "--db", str(db), "--port", str(self.port), *extra]
        if token:
            args += ["--token", token]
        env = {k: v for k, v in os.environ.items() if k != "LEGATION_TOKEN"}
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=env)
        self._wait()

    def _wait(self, seconds: float = 90) -> None:
        import time
        import urllib.request

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"legation serve exited with {self.proc.returncode}: {self.log.read_text()}")
            try:
                with urllib.request.urlopen(self.url + "/api/v1/groups", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"legation serve did not answer within {seconds} s: {self.log.read_text()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture(scope="session")
def desk_server(default_db, tmp_path_factory):
    """A writable server (token 'test-token') over a private copy of the default database."""
    path = tmp_path_factory.mktemp("desk") / "desk.duckdb"
    shutil.copy(default_db, path)
    server = DeskServer(path, token="test-token")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def writer_server(default_db, tmp_path_factory):
    """A second server for tests that save articles, so that what they add (a reopening read
    from a test article changes the state) never reaches the tests that read."""
    path = tmp_path_factory.mktemp("desk-writes") / "desk.duckdb"
    shutil.copy(default_db, path)
    server = DeskServer(path, token="test-token")
    yield server
    server.stop()
