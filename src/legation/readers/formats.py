"""One reader per format. Each turns decoded text into raw fields or a Skipped; the common
finishing (cleaning, language, date override) happens in `finish`."""

from __future__ import annotations

import html as htmllib
import json
import re
from collections.abc import Iterable, Iterator

from ..dates import FuzzyDate
from ..model import Document, Skipped
from .cleanup import clean_line, clean_text, non_english, to_date
from .sniff import Undecodable, decode


def finish(
    origin: str,
    text: str,
    published: FuzzyDate | None,
    override: FuzzyDate | None,
    title: object = "",
    url: object = "",
    author: object = "",
) -> Document | Skipped:
    text = clean_text(text or "")
    if not text:
        return Skipped(origin, "empty: no text left after reading")
    lang = non_english(text)
    if lang:
        return Skipped(origin, f"not English (looks like {lang})")
    return Document(
        text=text,
        title=clean_line(title),
        url=clean_line(url),
        published=override or published,
        author=clean_line(author),
        origin=origin,
        language="en",
    )


def read_plain(origin: str, text: str, override: FuzzyDate | None) -> Document | Skipped:
    return finish(origin, text, None, override)


def read_html(origin: str, text: str, override: FuzzyDate | None) -> Document | Skipped:
    import trafilatura  # heavy import: only pay for it when there is HTML to read

    try:
        found = trafilatura.bare_extraction(text, with_metadata=True)
        if found is None or not (found.text or "").strip():
            # Short pages fall under trafilatura's precision thresholds; try once more
            # keeping everything that might be content.
            found = trafilatura.bare_extraction(text, with_metadata=True, favor_recall=True)
    except Exception as err:  # lxml and trafilatura raise many kinds on broken markup
        return Skipped(origin, f"malformed HTML: {type(err).__name__}: {err}")
    if found is None or not (found.text or "").strip():
        return Skipped(origin, "empty: no article text could be extracted from the HTML")
    return finish(
        origin,
        found.text,
        to_date(found.date),
        override,
        title=found.title,
        url=found.url,
        author=found.author,
    )


def read_feed(origin: str, data: bytes, override: FuzzyDate | None) -> Iterator[Document | Skipped]:
    import feedparser

    try:
        feed = feedparser.parse(data)
    except Exception as err:  # feedparser is lenient, but guard against the odd crash
        yield Skipped(origin, f"malformed feed: {type(err).__name__}: {err}")
        return
    if not feed.entries:
        if feed.get("bozo"):
            problem = feed.get("bozo_exception") or "unreadable XML"
            yield Skipped(origin, f"malformed feed: {problem}")
        else:
            yield Skipped(origin, "empty: the feed has no entries")
        return
    for n, entry in enumerate(feed.entries, start=1):
        where = f"{origin}#entry-{n}"
        body = ""
        for part in entry.get("content") or []:
            if (part.get("value") or "").strip():
                body = part["value"]
                break
        body = body or entry.get("summary") or entry.get("description") or ""
        if not html_to_text(body).strip():
            yield Skipped(where, "empty: the entry has no content or summary")
            continue
        when = None
        for key in ("published_parsed", "updated_parsed", "created_parsed"):
            stamp = entry.get(key)
            if stamp:
                when = to_date(f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}")
                break
        if when is None:
            when = to_date(entry.get("published") or entry.get("updated"))
        yield finish(
            where,
            html_to_text(body),
            when,
            override,
            title=html_to_text(entry.get("title") or ""),
            url=entry.get("link") or "",
            author=entry.get("author") or "",
        )


_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
    "blockquote", "pre", "section", "article", "header", "footer", "table", "dd", "dt",
}


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment from a feed, with block elements kept apart as lines."""
    if "<" not in fragment:
        return htmllib.unescape(fragment)
    try:
        from lxml import html as lxml_html

        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # unparseable markup: drop the tags crudely rather than lose the text
        return htmllib.unescape(re.sub(r"<[^>]*>", " ", fragment))
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def read_jsonl(
    origin: str, lines: Iterable[bytes], override: FuzzyDate | None
) -> Iterator[Document | Skipped]:
    """One record per line, streamed. A bad line is reported by number and reading goes on."""
    for n, raw in enumerate(lines, start=1):
        where = f"{origin}:line {n}"
        if not raw.strip():
            continue
        try:
            line = decode(raw)
        except Undecodable as err:
            yield Skipped(where, str(err))
            continue
        try:
            record = json.loads(line)
        except ValueError as err:
            yield Skipped(where, f"line {n}: not valid JSON ({err})")
            continue
        if not isinstance(record, dict):
            yield Skipped(where, f"line {n}: expected a JSON object, got {type(record).__name__}")
            continue
        text = record.get("text")
        if not isinstance(text, str):
            reason = "has no 'text' field" if text is None else "'text' is not a string"
            yield Skipped(where, f"line {n}: {reason}")
            continue
        yield finish(
            where,
            text,
            to_date(record.get("published")),
            override,
            title=record.get("title") or "",
            url=record.get("url") or "",
            author=record.get("author") or "",
        )
