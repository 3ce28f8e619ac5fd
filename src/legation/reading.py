"""`legation read` and `legation ingest`: documents in, events out (and into the ledger)."""

from __future__ import annotations

import json
import sys
import time

from .model import Document, Skipped

EXIT_SKIPPED = 1  # some input could not be read; everything else was processed


def run_read(args, save: bool, progress: bool) -> int:
    from .extract.pipeline import Extractor, event_json

    if args.published:
        from .dates import FuzzyDate

        FuzzyDate.parse(args.published)  # a bad date stops the run before anything is read
    ledger = None
    if save:
        from .ledger import default_path
        from .reference.loaders import open_ledger

        ledger = open_ledger(args.db or default_path())
    actors, agents, dictionary = user_dictionaries(args)
    if args.processes > 1:
        from .extract.parallel import one_thread_each

        one_thread_each()  # before the model loads numpy: N processes, one thread each
    extractor = Extractor(actors=actors, agents=agents)
    skipped: list[Skipped] = []
    counts = {"documents": 0, "events": 0, "new_events": 0}
    began = last_report = time.perf_counter()

    out = sys.stdout
    table_started = False
    try:
        documents = readable(args.paths, args.published, extractor, skipped)
        if args.processes > 1:  # workers that parse and extract (extract/parallel.py)
            from .extract.parallel import pipe_parallel

            def failed(doc: Document, why: str) -> None:
                _skip(Skipped(doc.origin, why), skipped)

            read = pipe_parallel(documents, args.processes, extractor, {"actors": actors, "agents": agents}, failed)
        else:
            read = extractor.pipe(documents)
        for doc, events in read:
            if dictionary is not None:  # actors whose code depends on the date: as on this document's
                events = dictionary.recode(events, doc.published.end if doc.published else None)
            counts["documents"] += 1
            counts["events"] += len(events)
            if ledger is not None:
                counts["new_events"] += ledger.add_document(doc, events).events_new
            if args.json:
                for e in events:
                    record = event_json(e, extractor.gaz)
                    record["document"] = {"id": doc.id, "title": doc.title, "url": doc.url, "origin": doc.origin,
                                          "published": doc.published.value if doc.published else None}  # fmt: skip
                    record["sentence_text"] = doc.text[e.provenance.span[0] : e.provenance.span[1]]
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif not progress:
                if not table_started:
                    out.write(_HEADER)
                    table_started = True
                for e in events:
                    out.write(_row(doc, e, extractor) + "\n")
            now = time.perf_counter()
            if progress and now - last_report > 1.0:
                last_report = now
                rate = counts["documents"] / (now - began)
                print(f"\r{counts['documents']:,} documents, {counts['events']:,} events, {len(skipped)} skipped "
                      f"({rate:.1f} documents/s)", end="", file=sys.stderr, flush=True)  # fmt: skip
    finally:
        if ledger is not None:
            ledger.close()
    seconds = time.perf_counter() - began
    summary = (f"{counts['documents']:,} documents, {counts['events']:,} events"
               + (f" ({counts['new_events']:,} new in the ledger)" if save else "")
               + f", {len(skipped)} skipped, {seconds:.1f} s")  # fmt: skip
    print(("\r" if progress else "") + summary, file=sys.stderr)
    return EXIT_SKIPPED if skipped else 0


def user_dictionaries(args):
    """Actor and agent dictionaries (CAMEO/PETRARCH format) given with --actors/--agents: the
    (phrase, code) and (word, sector) pairs for the extractor, and the actor dictionary itself
    (it recodes date-restricted actors per document). Lines that cannot be read are named on
    stderr; a file with nothing usable stops the run."""
    actor_files, agent_files = getattr(args, "actors", None) or [], getattr(args, "agents", None) or []
    if not actor_files and not agent_files:
        return (), (), None
    from .exchange.dictionaries import ActorDictionary, load_agents

    dictionary, actors, agents = None, [], []
    for path in actor_files:
        d = ActorDictionary.load(path)
        for w in d.warnings[:20]:
            print(f"legation: {w}", file=sys.stderr)
        if len(d.warnings) > 20:
            print(f"legation: {path}: {len(d.warnings) - 20} more lines skipped", file=sys.stderr)
        if dictionary is None:
            dictionary = d
        else:
            dictionary.entries += d.entries
    for path in agent_files:
        pairs, warnings = load_agents(path)
        for w in warnings[:20]:
            print(f"legation: {w}", file=sys.stderr)
        agents += pairs
    if dictionary is not None:
        actors = dictionary.pairs()
    return actors, agents, dictionary


def readable(paths, published, extractor, skipped: list[Skipped]):
    """The documents at `paths` that can be read and parsed; the others are named on stderr
    and added to `skipped`, and the run goes on."""
    from .readers import read_inputs

    for item in read_inputs(paths, published=published):
        if not isinstance(item, Skipped) and (why := extractor.too_long(item)):
            item = Skipped(item.origin, why)
        if isinstance(item, Skipped):
            _skip(item, skipped)
        else:
            yield item


def _skip(item: Skipped, skipped: list[Skipped]) -> None:
    """Name on stderr what could not be read, and keep it for the run's exit code."""
    skipped.append(item)
    print(f"legation: skipped {item.origin}: {item.reason}", file=sys.stderr)


_HEADER = f"{'doc:sent':<12} {'type':<10} {'subtype':<24} {'source':<6} {'target':<6} {'date':<10} {'modality':<12} {'attribution':<22} {'quantity':<22} text\n"


def _row(doc: Document, e, extractor) -> str:
    p = e.provenance
    q = e.quantity
    quantity = f"{q.qualifier} {int(q.value) if float(q.value).is_integer() else q.value} {q.unit}" if q else ""
    attribution = f"{e.attributed_to} ({e.attribution_cue})" if e.attributed_to else ""
    snippet = " ".join(doc.text[p.span[0] : p.span[1]].split())[:90]
    return (f"{doc.id[:6]}:{p.sentence:<5} {e.type:<10} {e.subtype or '-':<24} {e.actor or '-':<6} {e.target or '-':<6} "
            f"{e.date.value if e.date else '-':<10} {e.modality.value:<12} {attribution[:22]:<22} {quantity[:22]:<22} {snippet}")  # fmt: skip
