"""Looking at raw bytes: is this text at all, which encoding, and which format."""

from __future__ import annotations

import codecs
import json
import re

HEAD_BYTES = 64 * 1024  # enough to judge a file without reading all of it

# Control bytes that ordinary text files do contain: tab, newline, vertical tab, form feed,
# carriage return, and escape (terminal colour codes in logs).
_TEXT_CONTROLS = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
_ODD_BYTES = bytes(b for b in range(32) if b not in _TEXT_CONTROLS) + b"\x7f"

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class Undecodable(ValueError):
    """Bytes that pass for text but whose encoding cannot be told with confidence."""


def looks_binary(head: bytes) -> bool:
    if head.startswith(_UTF16_BOMS):
        return False  # UTF-16 text is full of NUL bytes but is still text
    if b"\x00" in head:
        return True
    if not head:
        return False
    odd = sum(head.count(bytes([b])) for b in _ODD_BYTES)
    return odd / len(head) > 0.05


def decode(data: bytes, partial: bool = False) -> str:
    """Text from bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM, else cp1252/latin-1
    when the bytes are clearly Western text. `partial` allows a multi-byte character cut off
    at the end (a head read from a larger file)."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise Undecodable(f"undecodable text: broken UTF-16 ({err.reason})") from None
    try:
        return codecs.getincrementaldecoder("utf-8-sig")().decode(data, final=not partial)
    except UnicodeDecodeError:
        pass
    # Legacy single-byte text has most bytes in ASCII; a file where a large share is high
    # bytes is more likely another multi-byte encoding (Shift-JIS, GBK ...) and guessing
    # would produce mojibake that then looks like a real, garbled article.
    high = sum(1 for b in data if b >= 0x80)
    if high / max(len(data), 1) > 0.3:
        raise Undecodable(
            "undecodable text: not UTF-8 and not clearly cp1252/latin-1 (re-save it as UTF-8)"
        )
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


_FEED_START = re.compile(
    r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<\?[^>]*\?>|<!DOCTYPE[^>]*>)\s*)*"
    r"<(?:rss|feed|rdf:RDF)\b",
    re.I | re.S,
)
_HTML_MARK = re.compile(r"<!doctype\s+html|<html\b", re.I)
FEED_EXTS = {".rss", ".atom", ".xml"}
HTML_EXTS = {".html", ".htm", ".xhtml"}
JSONL_EXTS = {".jsonl", ".ndjson"}


def sniff(head_text: str, ext: str, complete: bool) -> str:
    """'feed', 'html', 'jsonl' or 'text'. Content decides first; the extension only breaks
    ties. `complete` says whether head_text is the whole input (else its last line may be
    cut off)."""
    start = head_text.lstrip("\ufeff")
    if _FEED_START.match(start):
        return "feed"
    if _HTML_MARK.search(start[:4096]):
        return "html"
    if ext in JSONL_EXTS or _all_json_objects(start, complete):
        return "jsonl"
    if ext in HTML_EXTS:
        return "html"
    if ext in FEED_EXTS and start.lstrip().startswith("<"):
        return "feed"
    return "text"


def _all_json_objects(text: str, complete: bool) -> bool:
    # One malformed record should not turn a JSONL file into one "plain text" article, so a
    # line only has to look like an object; one real object confirms the guess.
    lines = text.splitlines()
    if not complete and len(lines) > 1:
        lines = lines[:-1]
    lines = [line.strip() for line in lines if line.strip()]
    if not lines or not all(line.startswith("{") for line in lines):
        return False
    for line in lines:
        try:
            if isinstance(json.loads(line), dict):
                return True
        except ValueError:
            continue
    return False
