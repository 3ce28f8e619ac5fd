"""Readers: files, folders, feeds and stdin in; documents (or the reason one was skipped) out.

Formats are told by content first and extension second: RSS/Atom (each entry a document),
HTML (main text, title, author and date by trafilatura), JSONL (one document per line) and
plain text. Everything streams: a folder or a JSONL file is read one document at a time.
Bad input never raises; it becomes a `Skipped` with a reason a person can act on.
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from email.utils import parsedate_to_datetime
from pathlib import Path

from ..dates import BadDate, FuzzyDate
from ..model import Document, Skipped

MAX_BYTES = 20_000_000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Function words that make up a large share of any English text and little of others.
_ENGLISH = set("the of and to in is that for on with as was by at from it be are this have has had not were "
               "an or but which said will its their after over his her they been also would who".split())  # fmt: skip


def read_inputs(paths: list[str], published: str | None = None, max_bytes: int = MAX_BYTES) -> Iterator[Document | Skipped]:
    override = FuzzyDate.parse(published) if published else None
    for raw in paths:
        if raw == "-":
            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
            yield from _from_bytes(data, "-", "", override, max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not files:
                yield Skipped(str(path), "empty folder")
            for f in files:
                yield from _from_file(f, override, max_bytes)
        else:
            yield from _from_file(path, override, max_bytes)


def _from_file(path: Path, override, max_bytes: int) -> Iterator[Document | Skipped]:
    origin = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        yield Skipped(origin, "no such file")
        return
    except OSError as err:
        yield Skipped(origin, f"cannot read: {err.strerror}")
        return
    if size > max_bytes:
        yield Skipped(origin, f"too large: {size / 1e6:.1f} MB, limit {max_bytes / 1e6:.1f} MB")
        return
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        yield from _jsonl_lines(path, override)
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield Skipped(origin, f"cannot read: {err.strerror}")
        return
    yield from _from_bytes(data, origin, path.suffix.lower(), override, max_bytes)


def _decode(data: bytes) -> str | None:
    if b"\x00" in data[:4096]:
        return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text[:4096])
        if text and printable / min(len(text), 4096) > 0.95:
            return text
    return None


def _clean(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def _from_bytes(data: bytes, origin: str, suffix: str, override, max_bytes: int) -> Iterator[Document | Skipped]:
    if len(data) > max_bytes:
        yield Skipped(origin, f"too large: {len(data) / 1e6:.1f} MB, limit {max_bytes / 1e6:.1f} MB")
        return
    if not data.strip():
        yield Skipped(origin, "empty")
        return
    text = _decode(data)
    if text is None:
        yield Skipped(origin, "binary file, not text")
        return
    head = text[:2000].lstrip().lower()
    if head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf:rdf" in head) or head.startswith(("<rss", "<feed")):
        yield from _feed(text, origin, override)
    elif suffix in (".html", ".htm") or head.startswith(("<!doctype html", "<html")) or "<body" in head:
        yield _checked(_html(text, origin, override))
    elif suffix in (".jsonl", ".ndjson") or (head.startswith("{") and all(l.strip().startswith("{") for l in text.splitlines()[:3] if l.strip())):
        yield from _jsonl(io.StringIO(text), origin, override)
    else:
        yield _checked(Document(text=_clean(text), published=override, origin=origin))


def _checked(doc: Document | Skipped) -> Document | Skipped:
    if isinstance(doc, Skipped):
        return doc
    if not doc.text.strip():
        return Skipped(doc.origin, "empty (no text after extraction)")
    language = guess_language(doc.text)
    if language != "en":
        return Skipped(doc.origin, f"not English ({language}); Legation reads English text")
    return replace(doc, language="en")


def guess_language(text: str) -> str:
    words = re.findall(r"[^\W\d_]+", text[:5000].lower())
    if len(words) < 8:
        return "en"
    share = sum(w in _ENGLISH for w in words) / len(words)
    if share >= 0.12:
        return "en"
    if sum(1 for ch in text[:2000] if ord(ch) > 0x2E80) > 50:
        return "a CJK language"
    if sum(1 for ch in text[:2000] if 0x0400 <= ord(ch) <= 0x04FF) > 50:
        return "a Cyrillic-script language"
    if sum(1 for ch in text[:2000] if 0x0600 <= ord(ch) <= 0x06FF) > 50:
        return "Arabic script"
    return "another language"


def _date(value) -> FuzzyDate | None:
    if not value:
        return None
    text = str(value).strip()
    try:
        return FuzzyDate.parse(text[:10]) if re.match(r"^\d{4}(-\d{2}){0,2}", text) else None
    except BadDate:
        pass
    try:
        return FuzzyDate.of(parsedate_to_datetime(text).date())
    except (TypeError, ValueError):
        return None


def _html(text: str, origin: str, override) -> Document | Skipped:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    except Exception as err:  # trafilatura raises many kinds on broken markup
        return Skipped(origin, f"malformed HTML ({type(err).__name__})")
    if not result:
        return Skipped(origin, "malformed HTML or no main text found")
    get = result.get if isinstance(result, dict) else lambda k: getattr(result, k, None)
    body = _clean(get("text") or "")
    title = (get("title") or "").strip()
    return Document(text=body, title=title, url=get("url") or "", author=get("author") or "",
                    published=override or _date(get("date")), origin=origin)  # fmt: skip


def _feed(text: str, origin: str, override) -> Iterator[Document | Skipped]:
    import feedparser

    parsed = feedparser.parse(text)
    if not parsed.entries:
        reason = f"malformed feed ({parsed.get('bozo_exception')})" if parsed.get("bozo") else "feed has no entries"
        yield Skipped(origin, reason)
        return
    for i, entry in enumerate(parsed.entries, start=1):
        html = entry.get("content", [{}])[0].get("value") if entry.get("content") else entry.get("summary", "")
        body = _strip_tags(html or "")
        title = entry.get("title", "")
        when = None
        for key in ("published_parsed", "updated_parsed"):
            if entry.get(key):
                t = entry[key]
                when = FuzzyDate.parse(f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}")
                break
        text_all = body if body.startswith(title) or not title else f"{title}.\n{body}"
        yield _checked(Document(text=_clean(text_all), title=title, url=entry.get("link", ""),
                                author=entry.get("author", ""), published=override or when, origin=f"{origin}#entry-{i}"))  # fmt: skip


def _strip_tags(html: str) -> str:
    if "<" not in html:
        return html
    from lxml import html as lxml_html

    try:
        return lxml_html.fromstring(html).text_content()
    except Exception:
        return re.sub(r"<[^>]+>", " ", html)


def _jsonl_lines(path: Path, override) -> Iterator[Document | Skipped]:
    try:
        with open(path, encoding="utf-8") as f:
            yield from _jsonl(f, str(path), override)
    except UnicodeDecodeError:
        yield Skipped(str(path), "not UTF-8 text")
    except OSError as err:
        yield Skipped(str(path), f"cannot read: {err.strerror}")


def _jsonl(lines, origin: str, override) -> Iterator[Document | Skipped]:
    any_line = False
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        any_line = True
        where = f"{origin}:line {n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield Skipped(where, f"not JSON ({err.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Skipped(where, "no 'text' string in the record")
            continue
        yield _checked(Document(text=_clean(record["text"]), title=str(record.get("title") or ""),
                                url=str(record.get("url") or ""), author=str(record.get("author") or ""),
                                published=override or _date(record.get("published")), origin=where))  # fmt: skip
    if not any_line:
        yield Skipped(origin, "empty")
