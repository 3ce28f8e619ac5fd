"""Reading articles from files, folders, feeds and stdin into Documents.

`read_inputs` never raises for bad input: every file, feed entry or JSONL line that cannot
become a Document comes out as a `Skipped` with a reason a person can act on, and the other
inputs are read as usual. Documents are yielded one at a time so a large folder or JSONL file
is never held in memory whole.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

from ..dates import BadDate, FuzzyDate
from ..model import Document, Skipped
from .cleanup import to_date
from .formats import read_feed, read_html, read_jsonl, read_plain
from .sniff import HEAD_BYTES, Undecodable, decode, looks_binary, sniff

__all__ = ["read_inputs", "read_one"]

STDIN = "-"


def read_inputs(
    paths: list[str], published: str | None = None, max_bytes: int = 20_000_000
) -> Iterator[Document | Skipped]:
    """Documents (and Skipped inputs) from files, folders (recursive, sorted, hidden files
    left out) and '-' for stdin. `published` (any date dateparser reads, ISO preferred) sets
    the date of every document.

    Raises BadDate at once, before anything is read, when `published` cannot be read: that is
    the user's own option, not a bad input file."""
    override = None
    if published is not None and str(published).strip():
        override = to_date(published)
        if override is None:
            raise BadDate(f"cannot read --published date {published!r}")
    return _read_all(list(paths), override, max_bytes)


def read_one(origin: str, data: bytes, kind: str = "", published: str | None = None) -> Document | Skipped:
    """One article received whole (a request body, an upload): `kind` is "html" or "text",
    or "" to judge it from its first bytes as a file's are. Feeds and JSONL hold many
    documents and are refused here. Raises BadDate when `published` cannot be read."""
    override = None
    if published is not None and str(published).strip():
        override = to_date(published)
        if override is None:
            raise BadDate(f"cannot read the published date {published!r}")
    problem, sniffed = _judge(data[:HEAD_BYTES], "", complete=len(data) <= HEAD_BYTES)
    if problem:
        return Skipped(origin, problem)
    kind = kind or sniffed
    if kind not in ("html", "text"):
        return Skipped(origin, f"looks like {kind}, which holds many documents; send one article at a time")
    return next(_read_whole(origin, data, kind, override))


def _read_all(
    paths: list[str], override: FuzzyDate | None, max_bytes: int
) -> Iterator[Document | Skipped]:
    for path in paths:
        if path == STDIN:
            yield from _read_stdin(override, max_bytes)
            continue
        try:
            yield from _read_path(Path(path), str(path), override, max_bytes)
        except Exception as err:  # last resort: one input's surprise must not end the run
            yield Skipped(str(path), f"could not be read: {type(err).__name__}: {err}")


def _read_path(
    path: Path, origin: str, override: FuzzyDate | None, max_bytes: int
) -> Iterator[Document | Skipped]:
    if not os.path.lexists(path):
        yield Skipped(origin, "no such file")
        return
    if path.is_dir():
        yield from _read_folder(path, override, max_bytes, seen=set())
        return
    yield from _read_file(path, origin, override, max_bytes)


def _read_folder(
    folder: Path, override: FuzzyDate | None, max_bytes: int, seen: set[str]
) -> Iterator[Document | Skipped]:
    real = os.path.realpath(folder)
    if real in seen:  # a symlink back up the tree would loop forever
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except PermissionError:
        yield Skipped(str(folder), "permission denied")
        return
    except OSError as err:
        yield Skipped(str(folder), f"unreadable folder: {err.strerror or err}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = folder / entry.name
        try:
            if entry.is_dir():
                yield from _read_folder(child, override, max_bytes, seen)
            else:
                yield from _read_file(child, str(child), override, max_bytes)
        except Exception as err:  # see _read_all
            yield Skipped(str(child), f"could not be read: {type(err).__name__}: {err}")


def _read_file(
    path: Path, origin: str, override: FuzzyDate | None, max_bytes: int
) -> Iterator[Document | Skipped]:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        yield Skipped(origin, "no such file")  # e.g. a dangling symlink
        return
    except PermissionError:
        yield Skipped(origin, "permission denied")
        return
    if size > max_bytes:
        yield Skipped(origin, f"too large: {_mb(size)} MB, limit {_mb(max_bytes)} MB")
        return
    try:
        handle = open(path, "rb")
    except PermissionError:
        yield Skipped(origin, "permission denied")
        return
    except OSError as err:
        yield Skipped(origin, f"unreadable: {err.strerror or err}")
        return
    with handle:
        try:
            head = handle.read(HEAD_BYTES)
        except OSError as err:
            yield Skipped(origin, f"unreadable: {err.strerror or err}")
            return
        complete = len(head) < HEAD_BYTES
        problem, kind = _judge(head, path.suffix.lower(), complete)
        if problem:
            yield Skipped(origin, problem)
            return
        if kind == "jsonl":
            handle.seek(0)
            yield from read_jsonl(origin, handle, override)
            return
        try:
            data = head if complete else head + handle.read(max_bytes + 1 - len(head))
        except OSError as err:
            yield Skipped(origin, f"unreadable: {err.strerror or err}")
            return
    if len(data) > max_bytes:  # it grew since we looked at its size
        yield Skipped(origin, f"too large: over {_mb(max_bytes)} MB, limit {_mb(max_bytes)} MB")
        return
    yield from _read_whole(origin, data, kind, override)


def _read_stdin(override: FuzzyDate | None, max_bytes: int) -> Iterator[Document | Skipped]:
    try:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is not None:
            data = stream.read(max_bytes + 1)
        else:  # a text stream without bytes underneath (a test's StringIO, an IDE console)
            data = sys.stdin.read(max_bytes + 1).encode("utf-8")
    except (OSError, ValueError, UnicodeError) as err:
        yield Skipped(STDIN, f"unreadable: {err}")
        return
    if len(data) > max_bytes:
        yield Skipped(STDIN, f"too large: over {_mb(max_bytes)} MB, limit {_mb(max_bytes)} MB")
        return
    problem, kind = _judge(data[:HEAD_BYTES], "", complete=len(data) <= HEAD_BYTES)
    if problem:
        yield Skipped(STDIN, problem)
        return
    if kind == "jsonl":
        yield from read_jsonl(STDIN, data.splitlines(), override)
        return
    yield from _read_whole(STDIN, data, kind, override)


def _judge(head: bytes, ext: str, complete: bool) -> tuple[str, str]:
    """(problem, format) from the first bytes: a problem means skip the whole input."""
    if not head.strip():
        return "empty", ""
    if looks_binary(head):
        return "binary file", ""
    try:
        head_text = decode(head, partial=not complete)
    except Undecodable as err:
        return str(err), ""
    if not head_text.strip():
        return "empty", ""
    return "", sniff(head_text, ext, complete)


def _read_whole(
    origin: str, data: bytes, kind: str, override: FuzzyDate | None
) -> Iterator[Document | Skipped]:
    if kind == "feed":
        # feedparser reads the XML encoding declaration itself; decoding first would lie to it
        yield from read_feed(origin, data, override)
        return
    try:
        text = decode(data)
    except Undecodable as err:
        yield Skipped(origin, str(err))
        return
    if kind == "html":
        yield read_html(origin, text, override)
    else:
        yield read_plain(origin, text, override)


def _mb(n: int) -> str:
    mb = n / 1_000_000
    if mb >= 0.1:
        return f"{mb:.1f}".removesuffix(".0")
    return f"{mb:.6f}".rstrip("0").rstrip(".") or "0"
