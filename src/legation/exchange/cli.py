"""`legation import` and `legation export`."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

IMPORT_FORMATS = ("gdelt", "plover-json", "csv", "parquet")
EXPORT_FORMATS = ("plover-json", "cameo-tsv", "csv", "parquet", "graphml")


def add_parsers(sub, common) -> None:
    s = sub.add_parser("import", parents=[common], help="import a GDELT 2.0 events export, or Legation's own exports")
    s.add_argument("format", choices=IMPORT_FORMATS, help="gdelt: a GDELT 2.0 events export (.CSV, .zip or .gz); "
                   "plover-json, csv, parquet: files written by `legation export`")  # fmt: skip
    s.add_argument("files", nargs="+", type=Path, metavar="FILE", help="every file is checked in full before anything is written")
    s = sub.add_parser("export", parents=[common], help="events as PLOVER JSON, CAMEO TSV, CSV or Parquet; the network as GraphML")
    s.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    s.add_argument("--out", type=Path, metavar="PATH", help="file to write (default: stdout; parquet needs a file)")
    s.add_argument("--since", metavar="DATE", help="events whose first day is on or after DATE")
    s.add_argument("--until", metavar="DATE", help="events whose first day is on or before DATE")
    s.add_argument("--actor", help="events with this state, bloc or actor code on either side")
    s.add_argument("--at", metavar="DATE", help="graphml: the network as of DATE (default today)")


def run(args) -> int:
    if args.command == "import":
        return run_import(args)
    return run_export(args)


def _progress(report) -> None:
    print(f"\r{report.rows:,} rows imported, {report.events_new:,} new events", end="", file=sys.stderr, flush=True)


def run_import(args) -> int:
    from ..ledger import Ledger, default_path

    path = args.db or default_path()
    if args.format == "gdelt":
        from ..reference.loaders import open_ledger
        from .gdelt import import_gdelt

        show = not args.json and sys.stderr.isatty()
        with open_ledger(path) as ledger:
            try:
                report = import_gdelt(ledger, args.files, progress=_progress if show else None)
            except BaseException:
                if show:
                    print(file=sys.stderr)  # end the progress line before the error
                raise
            began = time.perf_counter()
            ledger.compact()
            report.seconds = round(report.seconds + time.perf_counter() - began, 3)
        data = {"db": str(path), **report.to_json(), "totals": _totals(path)}
        if args.json:
            return _emit(data)
        plural = lambda n, word: f"{n:,} {word}" + ("" if n == 1 else "s")  # noqa: E731
        print(
            ("\r" if show else "") + f"{path}: {plural(report.rows, 'GDELT row')} in {plural(len(report.files), 'file')}: "
            f"{plural(report.events_new, 'new event')}, {plural(report.sources_new, 'new source')}; skipped "
            f"{plural(report.skipped_no_plover, 'row')} with no PLOVER type (CAMEO 01x statements) and "
            f"{report.skipped_no_actor:,} with no actor codes; {report.seconds} s",
            file=sys.stderr,
        )
        return 0
    from .formats import import_files

    began = time.perf_counter()
    with Ledger(path) as ledger:  # a new file is made empty (with its reference tables): a restore
        report = import_files(ledger, args.format, args.files)
        ledger.compact()
    data = {"db": str(path), **report.to_json(), "seconds": round(time.perf_counter() - began, 3), "totals": _totals(path)}
    if args.json:
        return _emit(data)
    print(
        f"{path}: {report.events_in_files:,} events in {len(report.files)} file{'s' if len(report.files) > 1 else ''}: "
        f"{report.events_new:,} new, {report.sources_new:,} new sources, {report.links_new:,} new links"
        + ("; a new ledger, with the bloc names and listing attributes of the shipped data" if report.reference_tables else "")
        + f"; {data['seconds']} s",
        file=sys.stderr,
    )
    return 0


def _totals(path) -> dict:
    from ..ledger import Ledger

    with Ledger(path, read_only=True) as ledger:
        return ledger.counts()


def _emit(data: dict) -> int:
    json.dump(data, sys.stdout, indent=2, default=str)
    sys.stdout.write("\n")
    return 0


def resolve_actor(text: str, ledger, gaz, groups) -> str:
    """A bloc's code (events name blocs by code), a state's, or a code as the events have it
    (PSEHMS, IGO ...)."""
    try:
        group = groups.get(text)
    except ValueError:
        group = None
    if group is not None:
        if group.blocs == (group.name,):
            return group.name
        raise ValueError(f"{group.name!r} is a defined group of blocs; export by one state or bloc ({', '.join(group.blocs)})")
    from ..reference.gazetteer import UnknownActor

    try:
        return gaz.require(text).code
    except UnknownActor as err:
        known = ledger.con.execute(
            "SELECT 1 FROM events WHERE actor = $c OR target = $c OR third = $c LIMIT 1", {"c": text}
        ).fetchone()
        if known:
            return text
        raise err from None


def run_export(args) -> int:
    from ..dates import as_of
    from ..ledger import default_path
    from ..reference.gazetteer import Gazetteer
    from ..reference.groups import Groups
    from ..reference.loaders import open_ledger
    from . import formats

    if args.format == "parquet" and args.out is None:
        raise ValueError("--format parquet needs --out FILE (Parquet is not written to a terminal)")
    if args.at and args.format != "graphml":
        raise ValueError("--at is for --format graphml (the network as of a date); use --since/--until for events")
    if args.format == "graphml" and (args.since or args.until):
        raise ValueError("--since/--until choose events; the graphml network is as of one date (--at)")
    for d in (args.since, args.until, args.at):
        if d:
            from ..dates import FuzzyDate

            FuzzyDate.parse(d)
    gaz = Gazetteer.default()
    with open_ledger(args.db or default_path(), read_only=True) as ledger:
        actor = resolve_actor(args.actor, ledger, gaz, Groups.load(args.groups_file)) if args.actor else None
        flt = formats.EventFilter(since=args.since, until=args.until, actor=actor)
        if args.format == "graphml":
            from .graph import graphml, network

            day = as_of(args.at)
            nodes, edges = network(ledger, day, gaz, actor=actor)
            blob = graphml(nodes, edges, day)
            if args.out:
                _write_bytes(args.out, blob)
            else:
                sys.stdout.flush()
                sys.stdout.buffer.write(blob)
            n, what = len(edges), f"channels among {len(nodes)} states and blocs as of {day}"
        elif args.format == "csv":
            n, what = _to_file(args.out, lambda out: formats.export_csv(ledger, out, flt)), "events"
        elif args.format == "parquet":
            n, what = _to_file(args.out, lambda out: formats.export_parquet(ledger, out, flt)), "events"
        elif args.format == "plover-json":
            n, what = formats.write_text(args.out, lambda f: formats.export_plover_json(ledger, f, flt, gaz)), "events"
        else:
            n, what = formats.write_text(args.out, lambda f: formats.export_cameo_tsv(ledger, f, flt, gaz)), "events"
    if args.out:
        print(f"{args.out}: {n:,} {what} ({args.format})", file=sys.stderr)
    return 0


def _to_file(out: Path | None, write) -> int:
    """DuckDB writes the file; a failed export leaves no partial file behind."""
    if out is None:
        return write(None)
    tmp = out.with_name(out.name + ".partial")
    try:
        n = write(tmp)
        tmp.replace(out)
        return n
    finally:
        if tmp.exists():
            tmp.unlink()


def _write_bytes(out: Path, blob: bytes) -> None:
    tmp = out.with_name(out.name + ".partial")
    tmp.write_bytes(blob)
    tmp.replace(out)
