"""`legation read --processes N`: workers that parse and extract give what one process gives."""

import json
from pathlib import Path

from conftest import run_cli

from legation.extract.parallel import pipe_parallel
from legation.extract.pipeline import Extractor
from legation.model import Document

DATA = Path(__file__).parent / "data" / "exchange"

ARTICLES = [
    "Poland reopened its embassy in North Korea on Friday, the second Western nation to do so after the "
    "pandemic closures. Intelligence reports suggest up to 12,000 North Korean troops have been sent to "
    "Russia's Kursk region. NATO claims Russia is exchanging missile technology with North Korea.\n",
    "Bulgaria reopened its embassy in Pyongyang on 2 April 2025, the foreign ministry said.\n",
    "Zemblan troops clashed with the Silver Hand near Onhava on Monday. Freedonia condemned the attack. "
    "President Radisson met Freedonian envoys in Onhava. Zemblan bailiffs arrested Freedonian hussars.\n",
    "Japan expelled two Chinese diplomats on Tuesday. China said it would not retaliate.\n",
]


def test_two_processes_print_what_one_prints_and_skip_bad_input(tmp_path):
    paths = []
    for n, text in enumerate(ARTICLES):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(text)
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"\x00\x9f\x92\x96" * 200)
    args = ["read", *paths[:2], blob, *paths[2:], "--published", "2024-03-06", "--json",
            "--actors", DATA / "fictional.actors.txt", "--agents", DATA / "fictional.agents.txt"]  # fmt: skip
    one = run_cli(*args, "--processes", "1")
    two = run_cli(*args, "--processes", "2")
    assert one.returncode == two.returncode == 1, two.stderr  # the blob was skipped, the rest read
    assert "blob.txt: binary file" in two.stderr and "4 documents" in two.stderr
    events = [json.loads(line) for line in two.stdout.splitlines()]
    assert two.stdout == one.stdout and len(events) > 5
    assert {e["document"]["origin"] for e in events} == {str(p) for p in paths}  # every good file
    assert any(e["source"] and e["source"]["code"] == "XZB" for e in events)  # the workers have the actors


def test_a_document_the_parser_refuses_is_skipped_and_the_rest_come_in_order():
    ex = Extractor()
    docs = [Document(text=t, origin=f"doc{n}") for n, t in enumerate(ARTICLES * 3)]
    refused = Document(text="Poland reopened its embassy in North Korea. " * 20, origin="long")
    docs.insert(5, refused)
    limit = ex.nlp.max_length
    expected = [(d.origin, [e.id for e in ex.read(d)]) for d in docs if d is not refused]
    errors = []
    ex.nlp.max_length = 600  # spaCy refuses longer texts (the workers are forked with this)
    try:
        got = [(d.origin, [e.id for e in events]) for d, events in
               pipe_parallel(docs, 2, ex, on_error=lambda d, why: errors.append((d.origin, why)))]  # fmt: skip
    finally:
        ex.nlp.max_length = limit
    assert got == expected
    assert [origin for origin, _ in errors] == ["long"] and "max_length" in errors[0][1]
