"""`legation watch`: feeds served over real HTTP on loopback by a server that honours
If-None-Match and If-Modified-Since, read into a real DuckDB ledger."""

import email.utils
import hashlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

import duckdb
import pytest

from conftest import run_cli
from legation.extract.pipeline import Extractor
from legation.ledger import Ledger
from legation.watch import Watcher

STORIES = [
    "Poland reopened its embassy in North Korea on Friday, the second Western nation to do so after the pandemic closures.",
    "Sweden expelled two Russian diplomats on Tuesday after an espionage investigation, the foreign ministry said.",
    "The foreign minister of Brazil met her counterpart from Kenya in Nairobi to discuss trade and security.",
    "Egypt recalled its ambassador to Israel for consultations, state media reported on Monday.",
    "Canada announced it would send 300 troops to Latvia to reinforce the NATO battlegroup.",
]


class Site:
    """Feeds and pages on loopback. A resource changes version on every `put`; its
    Last-Modified moves a minute per version, so conditional requests never race the clock."""

    def __init__(self):
        self.resources = {}  # path -> dict(body, type, etag, modified, honour, delay)
        self.log = []  # (path, status, If-None-Match, If-Modified-Since)
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                res = site.resources.get(self.path)
                inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
                if res is None:
                    site.log.append((self.path, 404, inm, ims))
                    self.send_error(404)
                    return
                if res["delay"]:
                    time.sleep(res["delay"])
                fresh = False
                if res["honour"]:
                    if inm is not None and res["etag"]:
                        fresh = inm == res["etag"]
                    elif ims is not None:
                        fresh = email.utils.parsedate_to_datetime(ims) >= res["modified"]
                status = 304 if fresh else 200
                site.log.append((self.path, status, inm, ims))
                self.send_response(status)
                if res["etag"]:
                    self.send_header("ETag", res["etag"])
                self.send_header("Last-Modified", email.utils.format_datetime(res["modified"], usegmt=True))
                if fresh:
                    self.end_headers()
                    return
                self.send_header("Content-Type", res["type"])
                self.send_header("Content-Length", str(len(res["body"])))
                self.end_headers()
                self.wfile.write(res["body"])

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.version = 0

    def put(self, path, body, type_="application/rss+xml", etag=True, honour=True, delay=0.0):
        import datetime as dt

        self.version += 1
        body = body.encode() if isinstance(body, str) else body
        self.resources[path] = {
            "body": body, "type": type_, "honour": honour, "delay": delay,
            "etag": f'"{hashlib.sha1(body).hexdigest()[:16]}"' if etag else None,
            "modified": dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=self.version),
        }  # fmt: skip

    def requests(self, path):
        return [entry for entry in self.log if entry[0] == path]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def rss(items, title="Desk"):
    """items: (guid, link, summary, content or None)."""
    parts = []
    for guid, link, summary, content in items:
        body = f"<content:encoded>{escape(content)}</content:encoded>" if content else ""
        day = 1 + int(hashlib.sha1(guid.encode()).hexdigest(), 16) % 28
        parts.append(
            f"<item><title>Story {guid}</title><guid isPermaLink=\"false\">{guid}</guid><link>{link}</link>"
            f"<pubDate>{day:02d} Feb 2025 09:00:00 GMT</pubDate>"
            f"<description>{escape(summary)}</description>{body}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{title}</title><link>https://desk.example/</link><description>news</description>"
        + "".join(parts) + "</channel></rss>"
    )


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def watcher(db, extractor, **kw):
    return Watcher(lambda: Ledger(db), extractor, timeout=5, **kw)


def count(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def item(n, story=None, host="https://desk.example"):
    return (f"story-{n}", f"{host}/{n}", STORIES[n if story is None else story], None)


def test_poll_reads_new_entries_once_and_asks_with_validators(site, scratch_db, extractor):
    docs0 = count(scratch_db, "SELECT count(*) FROM documents")
    site.put("/feed.xml", rss([item(0), item(1), item(2)]))
    url = site.url + "/feed.xml"
    w = watcher(scratch_db, extractor)

    [first] = w.poll([url])
    assert (first.status, first.entries, first.new, first.seen) == ("200", 3, 3, 0) and first.events >= 3
    assert count(scratch_db, "SELECT count(*) FROM documents") == docs0 + 3
    reopen = count(scratch_db, "SELECT count(*) FROM events WHERE subtype = 'mission_reopened' AND actor = 'POL'")
    assert reopen >= 1

    # Nothing changed: the server answers 304 to the validators and nothing is read.
    [second] = w.poll([url])
    assert second.status == "304" and second.new == 0
    path, status, inm, ims = site.requests("/feed.xml")[-1]
    assert status == 304 and inm == site.resources["/feed.xml"]["etag"] and ims is not None
    assert count(scratch_db, "SELECT count(*) FROM documents") == docs0 + 3

    # A new entry appears: only it is read.
    site.put("/feed.xml", rss([item(3), item(0), item(1), item(2)]))
    [third] = w.poll([url])
    assert (third.status, third.entries, third.new, third.seen) == ("200", 4, 1, 3)
    assert count(scratch_db, "SELECT count(*) FROM documents") == docs0 + 4

    # The same story under another URL (here and in a second feed) is read once.
    site.put("/feed.xml", rss([item(5, story=0, host="https://mirror.example"), item(3), item(0), item(1), item(2)]))
    site.put("/other.xml", rss([item(6, story=1, host="https://wire.example")]))
    a, b = w.poll([url, site.url + "/other.xml"])
    assert (a.new, a.duplicates, a.seen) == (0, 1, 4) and (b.new, b.duplicates) == (0, 1)
    assert count(scratch_db, "SELECT count(*) FROM documents") == docs0 + 4
    assert count(scratch_db, "SELECT count(*) FROM watch_entries WHERE outcome = 'duplicate'") == 2


def test_restart_keeps_state(site, scratch_db, extractor):
    site.put("/feed.xml", rss([item(0), item(1)]))
    url = site.url + "/feed.xml"
    [first] = watcher(scratch_db, extractor).poll([url])
    assert first.new == 2
    # A new watcher (a restarted process) on the same ledger: still 304, nothing read again.
    [again] = watcher(scratch_db, extractor).poll([url])
    assert again.status == "304"
    # Even if the server forgets its validators, the entries are known and not read again.
    site.put("/feed.xml", rss([item(0), item(1), item(2)]), honour=False)
    [changed] = watcher(scratch_db, extractor).poll([url])
    assert (changed.status, changed.new, changed.seen) == ("200", 1, 2)
    # A server that ignores validators and sends the same bytes: the body digest says so.
    [same] = watcher(scratch_db, extractor).poll([url])
    assert same.status == "unchanged" and site.requests("/feed.xml")[-1][1] == 200


def test_last_modified_alone_is_used(site, scratch_db, extractor):
    site.put("/atom.xml", rss([item(2)]), etag=False)
    url = site.url + "/atom.xml"
    w = watcher(scratch_db, extractor)
    assert w.poll([url])[0].new == 1
    [second] = w.poll([url])
    assert second.status == "304"
    _, _, inm, ims = site.requests("/atom.xml")[-1]
    assert inm is None and ims == "Wed, 01 Jan 2025 00:01:00 GMT"


class Flaky:
    """An extractor that fails on one story, as a crash in the middle of a feed would."""

    def __init__(self, inner, bad):
        self.inner, self.bad = inner, bad

    def read(self, doc):
        if self.bad in doc.text:
            raise RuntimeError("worker lost")
        return self.inner.read(doc)


def test_an_entry_that_fails_is_read_on_the_next_poll(site, scratch_db, extractor):
    site.put("/feed.xml", rss([item(0), item(1), item(2)]))
    url = site.url + "/feed.xml"
    [broken] = watcher(scratch_db, Flaky(extractor, "Sweden expelled")).poll([url])
    assert broken.new == 2 and any("worker lost" in p for p in broken.problems)
    # The feed's validators were not stored, so the next poll reads the feed again (not a 304)
    # and reads only the entry that was lost.
    [fixed] = watcher(scratch_db, extractor).poll([url])
    assert (fixed.status, fixed.new, fixed.seen) == ("200", 1, 2)
    assert count(scratch_db, "SELECT count(*) FROM watch_entries WHERE outcome = 'saved'") == 3


def test_summary_only_entries_fetch_the_article_page(site, scratch_db, extractor):
    article = (
        "<html><head><title>Embassy news</title></head><body><article><h1>Poland returns to Pyongyang</h1>"
        "<p>Poland reopened its embassy in North Korea on Friday, the second Western nation to do so after "
        "the pandemic closures.</p><p>Sweden's diplomats returned to Pyongyang in September, the Swedish "
        "foreign ministry said in a statement on its website.</p>"
        "<p>Officials in Warsaw said the mission would work with a reduced staff at first.</p></article></body></html>"
    )
    site.put("/story/1", article, type_="text/html; charset=utf-8")
    site.put("/story/2", "<html><body><p>late</p></body></html>", type_="text/html", delay=3)
    site.put("/feed.xml", rss([
        ("s1", site.url + "/story/1", "Poland is back in Pyongyang.", None),
        ("s2", site.url + "/story/2", "Egypt recalled its ambassador to Israel for consultations.", None),
        ("s3", site.url + "/story/3", "Sweden expelled two Russian diplomats on Tuesday.", STORIES[1]),
    ]))  # fmt: skip
    w = Watcher(lambda: Ledger(scratch_db), extractor, fetch_pages=True, timeout=1)
    [report] = w.poll([site.url + "/feed.xml"])
    assert report.new == 3 and report.pages == 1
    assert any("/story/2: page not fetched" in p for p in report.problems)  # too slow: the summary is read
    assert not site.requests("/story/3")  # it had full content: no page fetched
    con = duckdb.connect(str(scratch_db), read_only=True)
    text = con.execute("SELECT text FROM documents WHERE url = ?", [site.url + "/story/1"]).fetchone()[0]
    assert "reduced staff" in text
    late = con.execute("SELECT text FROM documents WHERE url = ?", [site.url + "/story/2"]).fetchone()[0]
    assert late.startswith("Egypt recalled")


def test_watch_command_once_and_again(site, scratch_db, tmp_path):
    site.put("/feed.xml", rss([item(0), item(4)]))
    local = tmp_path / "local.xml"
    local.write_text(rss([item(2)]))
    url = site.url + "/feed.xml"
    r = run_cli("watch", url, local, "--once", "--db", scratch_db, "--json")
    assert r.returncode == 0, r.stderr
    polls = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(p["status"], p["new"]) for p in polls] == [("200", 2), ("read", 1)]
    assert "2 new" in r.stderr
    r = run_cli("watch", url, local, "--once", "--db", scratch_db, "--json")
    polls = [json.loads(line) for line in r.stdout.splitlines()]
    assert [p["status"] for p in polls] == ["304", "unchanged"]
    site.close()
    r = run_cli("watch", url, "--once", "--db", scratch_db)
    assert r.returncode == 1 and "cannot reach" in r.stderr
