"""`legation watch`: RSS/Atom feeds polled on an interval; only what is new is read and saved.

Three things keep a poll from reading anything twice:

1. The feed itself: the ETag and Last-Modified of the last response go back as If-None-Match
   and If-Modified-Since, so an unchanged feed costs one 304 and no parsing. A server that
   ignores them still sends the same bytes, and a digest of the body says so. A feed that is a
   file is judged by that digest alone.
2. Entries: each entry is known by its id (guid), else its link, and by a digest of what it
   says; an entry seen before with the same digest is passed over, an edited one is read again.
3. Stories: a document's id is a digest of its text, so the same story under two URLs (or in
   two feeds) is read and extracted once; the second entry is recorded as a duplicate.

The state (`watch_feeds`, `watch_entries`) lives in the ledger's DuckDB file. Each entry is
saved with its document and events in one transaction, and a feed's validators (ETag,
Last-Modified, body digest) are stored only once all its entries are saved, so a watcher
stopped at any point and started again neither reads an entry twice nor loses one. The ledger
is opened for each poll and closed between polls, so other commands can use it meanwhile.

With `fetch_pages`, an entry that carries only a summary is replaced by the article page it
links to (fetched with a timeout) when that page has more text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .model import Document, Skipped

USER_AGENT = f"legation/{__version__} (feed watcher)"
MAX_BYTES = 20_000_000

STATE_SCHEMA = """
CREATE TABLE IF NOT EXISTS watch_feeds (
    feed VARCHAR PRIMARY KEY,      -- the URL, or the absolute path of a file
    etag VARCHAR,                  -- as the server sent it, sent back as If-None-Match
    modified VARCHAR,              -- Last-Modified, sent back as If-Modified-Since
    body_hash VARCHAR,             -- digest of the last body read: the same bytes are not parsed again
    status VARCHAR,                -- of the last poll: 200, 304, unchanged, error: ...
    polled_at TIMESTAMP,
    changed_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS watch_entries (
    feed VARCHAR NOT NULL,
    entry VARCHAR NOT NULL,        -- the entry's id (guid), else its link, else a digest of its text
    entry_hash VARCHAR NOT NULL,   -- digest of what the entry says: an edited entry is read again
    document_id VARCHAR,           -- the document it became (documents.id); NULL when skipped
    outcome VARCHAR NOT NULL,      -- saved | duplicate | skipped: reason
    url VARCHAR,
    seen_at TIMESTAMP NOT NULL,
    PRIMARY KEY (feed, entry)
);
"""


def _digest(*parts: object) -> str:
    blob = json.dumps([str(p or "") for p in parts], ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(blob.encode(), digest_size=10).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def is_url(feed: str) -> bool:
    return feed.startswith(("http://", "https://"))


@dataclass
class FeedPoll:
    """What one poll of one feed did."""

    feed: str
    status: str = ""  # 200 (or "read", a file) | 304 | unchanged | error: ...
    entries: int = 0
    new: int = 0  # entries read and saved as documents
    duplicates: int = 0  # entries whose story was already in the ledger
    seen: int = 0  # entries passed over: read in an earlier poll
    skipped: int = 0  # entries that could not become a document
    events: int = 0
    pages: int = 0  # article pages fetched for summary-only entries
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        head = f"{self.feed}: "
        if self.status == "304":
            return head + "not modified (304)"
        if self.status == "unchanged":
            return head + "unchanged (same content as last time)"
        if self.status.startswith("error"):
            return head + self.status
        text = (f"{self.status}, {self.entries} entries: {self.new} new ({self.events} event{'' if self.events == 1 else 's'}), "
                f"{self.duplicates} duplicate, {self.seen} seen before, {self.skipped} skipped")  # fmt: skip
        if self.pages:
            text += f"; {self.pages} pages fetched"
        return head + text


class Watcher:
    """Polls feeds into one ledger. `opener` opens the ledger for a poll (and is closed after)."""

    def __init__(self, opener, extractor, fetch_pages: bool = False, timeout: float = 20.0, log=None):
        self.opener = opener
        self.extractor = extractor
        self.fetch_pages = fetch_pages
        self.timeout = timeout
        self.log = log

    def poll(self, feeds: list[str]) -> list[FeedPoll]:
        ledger = self.opener()
        try:
            ledger.con.execute(STATE_SCHEMA)
            return [self._poll_one(ledger, feed) for feed in feeds]
        finally:
            ledger.close()

    # -- one feed ----------------------------------------------------------------------

    def _poll_one(self, ledger, feed: str) -> FeedPoll:
        began = time.perf_counter()
        key = feed if is_url(feed) else str(Path(feed).resolve())
        report = FeedPoll(feed)
        con = ledger.con
        row = con.execute("SELECT etag, modified, body_hash FROM watch_feeds WHERE feed = ?", [key]).fetchone()
        etag, modified, body_hash = row if row else (None, None, None)
        try:
            status, body, headers = self._fetch_feed(feed, etag, modified)
        except Exception as err:  # network trouble, 4xx/5xx, a missing file: try again next poll
            report.status = f"error: {_describe(err)}"
            self._remember(con, key, status=report.status)
            report.seconds = time.perf_counter() - began
            return report
        if status == 304:
            report.status = "304"
            self._remember(con, key, status="304")
            report.seconds = time.perf_counter() - began
            return report
        digest = hashlib.blake2b(body, digest_size=16).hexdigest()
        if digest == body_hash:
            report.status = "unchanged"
            self._remember(con, key, status="unchanged", etag=headers.get("ETag"), modified=headers.get("Last-Modified"))
            report.seconds = time.perf_counter() - began
            return report
        report.status = str(status)
        complete = self._entries(ledger, key, feed, body, report)
        if complete:
            self._remember(con, key, status=report.status, etag=headers.get("ETag"),
                           modified=headers.get("Last-Modified"), body_hash=digest, changed=True)  # fmt: skip
        else:  # something failed: keep the old validators so the next poll reads the feed again
            self._remember(con, key, status=report.status)
        report.seconds = time.perf_counter() - began
        return report

    def _fetch_feed(self, feed: str, etag: str | None, modified: str | None):
        if not is_url(feed):
            data = Path(feed).read_bytes()
            return "read", data, {}
        headers = {"User-Agent": USER_AGENT,
                   "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"}  # fmt: skip
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        request = urllib.request.Request(feed, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                data = response.read(MAX_BYTES + 1)
                if len(data) > MAX_BYTES:
                    raise ValueError(f"feed larger than {MAX_BYTES // 1_000_000} MB")
                return response.status, data, response.headers
        except urllib.error.HTTPError as err:
            if err.code == 304:
                return 304, b"", err.headers
            raise

    def _remember(self, con, key: str, status: str, etag=None, modified=None, body_hash=None, changed=False) -> None:
        now = _now()
        con.execute(
            """INSERT INTO watch_feeds (feed, etag, modified, body_hash, status, polled_at, changed_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (feed) DO UPDATE SET
                 etag = coalesce(excluded.etag, etag), modified = coalesce(excluded.modified, modified),
                 body_hash = coalesce(excluded.body_hash, body_hash), status = excluded.status,
                 polled_at = excluded.polled_at, changed_at = coalesce(excluded.changed_at, changed_at)""",
            [key, etag, modified, body_hash, status, now, now if changed else None],
        )

    # -- entries -----------------------------------------------------------------------

    def _entries(self, ledger, key: str, feed: str, body: bytes, report: FeedPoll) -> bool:
        """Read the new entries of a feed body. False when one of them could not be saved."""
        import feedparser

        from .readers.formats import read_feed

        parsed = feedparser.parse(body)
        if not parsed.entries:
            problem = parsed.get("bozo_exception") if parsed.get("bozo") else "the feed has no entries"
            report.problems.append(f"{feed}: {problem}")
            return True
        items = list(read_feed(feed, body, None))  # the readers' own entry -> document rules
        report.entries = len(parsed.entries)
        complete = True
        con = ledger.con
        for entry, item in zip(parsed.entries, items):
            link = entry.get("link") or ""
            content = next((c.get("value") for c in entry.get("content") or [] if (c.get("value") or "").strip()), "")
            summary = entry.get("summary") or entry.get("description") or ""
            ident = entry.get("id") or link or _digest(entry.get("title"), summary)
            entry_hash = _digest(entry.get("title"), link, content or summary, entry.get("published") or entry.get("updated"))
            known = con.execute("SELECT entry_hash FROM watch_entries WHERE feed = ? AND entry = ?", [key, ident]).fetchone()
            if known and known[0] == entry_hash:
                report.seen += 1
                continue
            if self.fetch_pages and not content and link.startswith(("http://", "https://")):
                item = self._with_page(item, link, report)
            try:
                self._save(ledger, key, ident, entry_hash, link, item, report)
            except Exception as err:  # this entry is tried again on the next poll
                complete = False
                report.problems.append(f"{getattr(item, 'origin', feed)}: {_describe(err)}")
        return complete

    def _with_page(self, item: Document | Skipped, link: str, report: FeedPoll) -> Document | Skipped:
        from .readers import read_one

        try:
            request = urllib.request.Request(link, headers={"User-Agent": USER_AGENT})
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                data = response.read(MAX_BYTES + 1)
                ctype = response.headers.get("Content-Type", "")
        except Exception as err:  # the summary is still there to read
            report.problems.append(f"{link}: page not fetched ({_describe(err)}); reading the summary")
            return item
        report.pages += 1
        if len(data) > MAX_BYTES:
            return item
        page = read_one(link, data, kind="html" if "html" in ctype else "")
        if not isinstance(page, Document):
            return item
        if isinstance(item, Document):
            if len(page.text) <= len(item.text):
                return item
            return dataclasses.replace(
                page, title=item.title or page.title, published=item.published or page.published,
                author=item.author or page.author, url=link, origin=link,
            )  # fmt: skip
        return dataclasses.replace(page, url=link, origin=link)

    def _save(self, ledger, key: str, ident: str, entry_hash: str, link: str, item, report: FeedPoll) -> None:
        con = ledger.con
        record = """INSERT OR REPLACE INTO watch_entries (feed, entry, entry_hash, document_id, outcome, url, seen_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)"""
        if isinstance(item, Skipped):
            report.skipped += 1
            report.problems.append(f"{item.origin}: {item.reason}")
            con.execute(record, [key, ident, entry_hash, None, f"skipped: {item.reason}", link, _now()])
            return
        known = con.execute("SELECT count(*) FROM documents WHERE id = ?", [item.id]).fetchone()[0]
        if known:
            report.duplicates += 1
            con.execute(record, [key, ident, entry_hash, item.id, "duplicate", link, _now()])
            return
        events = self.extractor.read(item)
        with ledger.transaction():
            ledger.add_document(item, events)
            con.execute(record, [key, ident, entry_hash, item.id, "saved", link, _now()])
        report.new += 1
        report.events += len(events)


def _describe(err: BaseException) -> str:
    if isinstance(err, urllib.error.HTTPError):
        return f"HTTP {err.code} {err.reason}"
    if isinstance(err, urllib.error.URLError):
        return f"cannot reach: {err.reason}"
    text = " ".join(str(err).split())
    return f"{type(err).__name__}: {text}" if text else type(err).__name__


def run_watch_command(args) -> int:
    import signal

    from .extract.pipeline import Extractor
    from .ledger import default_path
    from .reference.loaders import open_ledger

    if args.interval <= 0:
        raise ValueError("--interval must be more than 0 seconds")
    path = args.db or default_path()
    open_ledger(path).close()  # build the default database first, if there is none yet

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    watcher = Watcher(lambda: open_ledger(path), Extractor(), fetch_pages=args.fetch_pages, timeout=args.timeout)
    failed = False
    try:
        while True:
            stamp = dt.datetime.now().strftime("%H:%M:%S")
            for report in watcher.poll(args.feeds):
                failed = failed or report.status.startswith("error")
                if args.json:
                    print(json.dumps(dataclasses.asdict(report) | {"seconds": round(report.seconds, 2)}), flush=True)
                print(f"{stamp} {report.line()}", file=sys.stderr, flush=True)
                for problem in report.problems:
                    print(f"  {problem}", file=sys.stderr)
            if args.once:
                break
            time.sleep(args.interval)
    except KeyboardInterrupt:
        print("legation: watch stopped; its state is in the ledger, start it again to go on", file=sys.stderr)
        return 0
    return 1 if failed else 0
