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
