"""Reading real files of every supported kind into Documents, and bad input into Skipped."""

import io
import sys

import pytest

from legation.dates import BadDate
from legation.model import Document, Skipped
from legation.readers import read_inputs

PLAIN = (
    "Chile said on Monday that it would send a chargé d'affaires back to its embassy in\r\n"
    "Caracas, ending a gap of almost two years. The foreign minister told reporters that the\r\n"
    "move was meant to help citizens who need consular services in the country.\r\n"
)

HTML = """<!DOCTYPE html>
<html><head><title>Latvia restores its mission in Tbilisi | The Baltic Courier</title>
<meta name="author" content="Ilze Kalnina">
<meta property="article:published_time" content="2023-09-14T08:30:00+03:00">
</head><body>
<nav><a href="/">Front page</a> | <a href="/sport">Sport</a> |
<a href="/weather">Weather</a></nav>
<article>
<h1>Latvia restores its mission in Tbilisi</h1>
<p>Latvia has restored full staffing at its embassy in Tbilisi, the foreign ministry in Riga
announced, after most diplomats had been called home for consultations in the spring.</p>
<p>A spokesperson said the ambassador had returned on Wednesday and that visa appointments
would be offered again from the start of next month.</p>
</article>
<footer>Subscribe to our newsletter. Cookie settings. All rights reserved.</footer>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Diplomatic Wire</title><link>https://wire.example/</link><description>x</description>
<item>
  <title>Ghana names new envoy to Brasilia</title>
  <link>https://wire.example/ghana-envoy</link>
  <author>desk@wire.example (Kofi Mensah)</author>
  <pubDate>Tue, 02 Apr 2024 09:15:00 +0000</pubDate>
  <description>&lt;p&gt;Ghana has appointed a career diplomat as its ambassador to Brazil, the
  presidency said, filling a post that had been vacant
  since the previous envoy retired.&lt;/p&gt;</description>
</item>
<item>
  <title>Consulate in Lyon to close</title>
  <link>https://wire.example/lyon</link>
  <pubDate>Wed, 03 Apr 2024 17:00:00 +0000</pubDate>
  <description>The government said its consulate in Lyon will close at the end of the year and that
  its work will be moved to the embassy in Paris.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Envoy Notes</title><id>urn:envoy-notes</id>
  <updated>2022-11-30T12:00:00Z</updated>
  <entry>
    <title>Staff return to embassy in Khartoum</title>
    <id>urn:envoy-notes:1</id>
    <link href="https://notes.example/khartoum"/>
    <updated>2022-11-30T12:00:00Z</updated>
    <author><name>Sara Lind</name></author>
    <content type="html">&lt;p&gt;A small team of diplomats has returned to the embassy in
    Khartoum after being relocated to Nairobi for several weeks, officials said.&lt;/p&gt;</content>
  </entry>
</feed>
"""

JSONL = (
    '{"text": "Mongolia opened an embassy in Canberra, the first of its kind in the region.", '
    '"title": "Mongolia in Canberra", "url": "https://x.example/1", "published": "2021-06-08"}\n'
    '{"text": "this line is broken", \n'
    '{"text": "Peru recalled its ambassador from Mexico City for consultations on Friday.", '
    '"author": "Ana Ruiz", "published": "March 2020"}\n'
)

FRENCH = (
    "Le gouvernement a annoncé la fermeture de son ambassade dans la capitale, et les "
    "diplomates qui y travaillaient sont rentrés au pays pour des raisons de sécurité. "
    "Selon le ministère, cette décision est provisoire et sera réexaminée dans un mois."
)
GERMAN = (
    "Die Regierung hat die Botschaft in der Hauptstadt vorübergehend geschlossen, und die "
    "Diplomaten sind nach Hause zurückgekehrt. Das Ministerium teilte mit, dass die Lage "
    "im nächsten Monat erneut geprüft werden soll."
)


def write(tmp_path, name, content):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def read(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def docs(items):
    return [i for i in items if isinstance(i, Document)]


def skips(items):
    return [i for i in items if isinstance(i, Skipped)]


def test_plain_text_file(tmp_path):
    path = write(tmp_path, "chile.txt", PLAIN)
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert doc.text.startswith("Chile said on Monday")
    assert "\r" not in doc.text and "embassy in\nCaracas" in doc.text
    assert doc.origin == str(path)
    assert doc.language == "en"
    assert doc.published is None


def test_html_page_keeps_article_and_metadata(tmp_path):
    path = write(tmp_path, "latvia.html", HTML)
    [doc] = read(path)
    assert isinstance(doc, Document), doc
    assert "restored full staffing at its embassy in Tbilisi" in doc.text
    assert "visa appointments" in doc.text
    for boilerplate in ("Front page", "Subscribe", "Cookie settings"):
        assert boilerplate not in doc.text
    assert doc.title == "Latvia restores its mission in Tbilisi"
    assert doc.author == "Ilze Kalnina"
    assert str(doc.published) == "2023-09-14"
    assert doc.origin == str(path)


def test_html_detected_by_content_without_extension(tmp_path):
    path = write(tmp_path, "saved_page", HTML)
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.title.startswith("Latvia")


def test_rss_feed_gives_one_document_per_item(tmp_path):
    path = write(tmp_path, "wire.xml", RSS)
    first, second = read(path)
    assert first.origin == f"{path}#entry-1" and second.origin == f"{path}#entry-2"
    assert first.title == "Ghana names new envoy to Brasilia"
    assert first.url == "https://wire.example/ghana-envoy"
    assert first.text.startswith("Ghana has appointed") and "<p>" not in first.text
    assert str(first.published) == "2024-04-02"
    assert "Kofi Mensah" in first.author
    assert str(second.published) == "2024-04-03"
    assert "consulate in Lyon will close" in second.text


def test_atom_feed(tmp_path):
    path = write(tmp_path, "notes.atom", ATOM)
    [doc] = read(path)
    assert doc.origin == f"{path}#entry-1"
    assert doc.title == "Staff return to embassy in Khartoum"
    assert doc.url == "https://notes.example/khartoum"
    assert doc.author == "Sara Lind"
    assert str(doc.published) == "2022-11-30"
    assert doc.text.startswith("A small team of diplomats")


def test_jsonl_bad_line_is_skipped_and_the_rest_read(tmp_path):
    path = write(tmp_path, "batch.jsonl", JSONL)
    first, bad, third = read(path)
    assert isinstance(first, Document) and isinstance(third, Document)
    assert first.origin == f"{path}:line 1" and third.origin == f"{path}:line 3"
    assert first.title == "Mongolia in Canberra" and first.url == "https://x.example/1"
    assert str(first.published) == "2021-06-08"
    assert third.author == "Ana Ruiz"
    assert str(third.published) == "2020-03" and third.published.precision == "month"
    assert isinstance(bad, Skipped)
    assert bad.origin == f"{path}:line 2" and "line 2" in bad.reason and "JSON" in bad.reason


def test_jsonl_detected_by_content(tmp_path):
    path = write(tmp_path, "records.txt", JSONL)
    items = read(path)
    assert len(docs(items)) == 2 and len(skips(items)) == 1


def test_jsonl_record_without_text(tmp_path):
    path = write(tmp_path, "x.ndjson", '{"title": "no body here"}\n')
    [skip] = read(path)
    assert isinstance(skip, Skipped) and "'text'" in skip.reason


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    root = tmp_path / "inbox"
    write(root, "b.txt", PLAIN)
    write(root, "a/page.html", HTML)
    write(root, "a/z.jsonl", JSONL)
    write(root, "c/feed.rss", RSS)
    write(root, ".hidden.txt", PLAIN)
    write(root, ".git/config.txt", PLAIN)
    items = read(root)
    origins = [i.origin for i in items]
    assert origins == [
        str(root / "a/page.html"),
        f"{root / 'a/z.jsonl'}:line 1",
        f"{root / 'a/z.jsonl'}:line 2",
        f"{root / 'a/z.jsonl'}:line 3",
        str(root / "b.txt"),
        f"{root / 'c/feed.rss'}#entry-1",
        f"{root / 'c/feed.rss'}#entry-2",
    ]
    assert origins == [i.origin for i in read(root)]  # same order every time


def test_stdin_is_sniffed_like_a_file(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(RSS))
    items = read("-")
    assert [i.origin for i in items] == ["-#entry-1", "-#entry-2"]
    monkeypatch.setattr(sys, "stdin", io.StringIO(PLAIN))
    [doc] = read("-")
    assert doc.origin == "-" and doc.text.startswith("Chile")
    monkeypatch.setattr(sys, "stdin", io.StringIO(JSONL))
    assert [i.origin for i in read("-")] == ["-:line 1", "-:line 2", "-:line 3"]


def test_published_overrides_every_date(tmp_path):
    txt = write(tmp_path, "chile.txt", PLAIN)
    feed = write(tmp_path, "wire.xml", RSS)
    items = read(txt, feed, published="2025-01-20")
    assert len(items) == 3
    assert all(str(d.published) == "2025-01-20" for d in items)
    [month] = read(txt, published="2025-02")
    assert month.published.precision == "month"


def test_unreadable_published_option_is_an_error(tmp_path):
    with pytest.raises(BadDate):
        read_inputs([str(tmp_path)], published="not a date at all")


def test_empty_file(tmp_path):
    path = write(tmp_path, "empty.txt", "")
    blank = write(tmp_path, "blank.txt", "  \n\n\t ")
    assert read(path, blank) == [Skipped(str(path), "empty"), Skipped(str(blank), "empty")]


def test_binary_file(tmp_path):
    path = write(tmp_path, "photo.txt", bytes(range(256)) * 4)
    assert read(path) == [Skipped(str(path), "binary file")]


def test_file_over_the_size_limit(tmp_path):
    path = write(tmp_path, "big.txt", PLAIN * 10)
    [skip] = read(path, max_bytes=100)
    assert isinstance(skip, Skipped) and skip.reason.startswith("too large:")
    assert "MB, limit 0.0001 MB" in skip.reason


def test_missing_path(tmp_path):
    path = tmp_path / "nowhere.txt"
    assert read(path) == [Skipped(str(path), "no such file")]


def test_control_characters_are_stripped(tmp_path):
    raw = "The embassy\x07 in Rome\x1b reopened\x0c today.\r\nIt\tsaid so."
    path = write(tmp_path, "ctl.txt", raw)
    [doc] = read(path)
    assert doc.text == "The embassy in Rome reopened\n today.\nIt\tsaid so."


def test_non_english_is_skipped(tmp_path):
    fr = write(tmp_path, "fr.txt", FRENCH)
    de = write(tmp_path, "de.txt", GERMAN)
    short = write(tmp_path, "short.txt", "Embassy closed.")
    first, second, third = read(fr, de, short)
    assert first == Skipped(str(fr), "not English (looks like French)")
    assert second == Skipped(str(de), "not English (looks like German)")
    assert isinstance(third, Document) and third.language == "en"


def test_cp1252_text_is_decoded(tmp_path):
    text = "The envoy\u2019s residence in Bogot\u00e1 was reopened."
    path = write(tmp_path, "old.txt", text.encode("cp1252"))
    [doc] = read(path)
    assert doc.text == text


def test_one_bad_input_does_not_stop_the_others(tmp_path):
    good = write(tmp_path, "chile.txt", PLAIN)
    binary = write(tmp_path, "blob.bin", b"\x00\x01\x02" * 50)
    broken = write(tmp_path, "broken.xml", "<?xml version='1.0'?><rss><channel><title>Oops</ti")
    feed = write(tmp_path, "wire.xml", RSS)
    items = read(tmp_path / "gone.txt", binary, good, broken, feed)
    assert [type(i).__name__ for i in items] == [
        "Skipped", "Skipped", "Document", "Skipped", "Document", "Document",
    ]
    assert items[3].origin == str(broken) and items[3].reason.startswith("malformed feed")


def test_html_without_text_is_skipped(tmp_path):
    path = write(tmp_path, "shell.html", (
        "<html><head><title>Just a shell</title><script>let a = 1;</script></head>"
        "<body><div><img src='logo.png'></div></body>"
    ))
    [skip] = read(path)
    assert isinstance(skip, Skipped) and skip.reason.startswith("empty")
