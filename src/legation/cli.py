"""The `legation` command: one entry point, a readable table by default, `--json` everywhere."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import duckdb

from . import __version__
from .ledger import LedgerError

EPILOG = """examples:
  legation missions --host PRK --at 2019-06-01 --at 2024-11-20 --mark NATO
  legation missions --host "North Korea" --group western --status staffed
  legation order --event reopen --host PRK --group western --after 2020-01-01
  legation history Poland "North Korea"
  legation channels NATO PRK --at 2024-11-20
  legation members NATO --at 2024-01-01
"""


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, help="database file (default: the user data directory, or $LEGATION_DB)")
    common.add_argument("--json", action="store_true", help="print JSON instead of a table")
    common.add_argument("--groups-file", type=Path, action="append", default=[], metavar="FILE",
                        help="TOML file defining more groups (repeatable); see README 'Groups'")  # fmt: skip

    p = argparse.ArgumentParser(
        prog="legation",
        description="A sourced, dated model of the world's diplomatic network.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"legation {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("load", parents=[common], help="build the default database, or add sourced event files")
    s.add_argument("--events", type=Path, action="append", default=[], metavar="CSV",
                   help="a CSV of sourced mission events (columns: sender,host,city,mission,event,date,"
                        "date_precision,source[,note,protected]); loaded whole or not at all")  # fmt: skip

    s = sub.add_parser("missions", parents=[common], help="missions in a host or of a sender, as of dates")
    s.add_argument("--host", help="host state (name, code, demonym, capital ...)")
    s.add_argument("--sender", help="sending state")
    s.add_argument("--at", action="append", metavar="DATE",
                   help="as-of date YYYY[-MM[-DD]] (repeat for side-by-side columns; default today)")  # fmt: skip
    s.add_argument("--group", help="only senders (or hosts, with --sender) in this bloc or group on the date")
    s.add_argument("--status", help="only this status (operating, suspended, ..., or 'staffed')")
    s.add_argument("--mark", action="append", default=[], metavar="GROUP", help="mark members of a bloc or group")

    s = sub.add_parser("history", parents=[common], help="every recorded event between a sender and a host")
    s.add_argument("sender")
    s.add_argument("host")

    s = sub.add_parser("channels", parents=[common], help="channels between two states or blocs on a date")
    s.add_argument("a")
    s.add_argument("b")
    s.add_argument("--at", metavar="DATE")

    s = sub.add_parser("order", parents=[common], help="who did something in a host, in order ('the Nth to ...')")
    s.add_argument("--event", required=True, help="reopen, open, close, suspend, withdraw, relocate, expel, recall, envoy, protect")
    s.add_argument("--host", required=True)
    s.add_argument("--group")
    s.add_argument("--after", metavar="DATE")
    s.add_argument("--before", metavar="DATE")

    s = sub.add_parser("members", parents=[common], help="members of a bloc or group on a date")
    s.add_argument("group")
    s.add_argument("--at", metavar="DATE")

    s = sub.add_parser("protecting", parents=[common], help="protecting powers in force on a date")
    s.add_argument("--host")
    s.add_argument("--at", metavar="DATE")

    s = sub.add_parser("state", parents=[common], help="the whole network on a date: counts, or everything with --json")
    s.add_argument("--at", metavar="DATE")

    sub.add_parser("groups", parents=[common], help="the blocs and groups --group accepts, with definitions")

    s = sub.add_parser("source", parents=[common], help="an event and every source behind it")
    s.add_argument("event_id")

    s = sub.add_parser("resolve", parents=[common], help="which state a name stands for")
    s.add_argument("names", nargs="+")

    sub.add_parser("info", parents=[common], help="where the database is and what it holds")

    for name, help_text in (
        ("read", "read articles and print the events in them (--save to keep them)"),
        ("ingest", "read articles and save them and their events to the ledger, with progress"),
    ):
        s = sub.add_parser(name, parents=[common], help=help_text)
        s.add_argument("paths", nargs="+" if name == "read" else "*", metavar="PATH",
                       help="text, HTML, RSS/Atom, JSONL files, folders, or - for stdin")  # fmt: skip
        s.add_argument("--published", metavar="DATE", help="publication date for every document (overrides the file's)")
        s.add_argument("--processes", type=int, default=1, metavar="N", help="read with N worker processes (each parses and extracts)")
        s.add_argument("--actors", type=Path, action="append", default=[], metavar="FILE",
                       help="actor dictionary in the CAMEO/PETRARCH format (repeatable): more actors, with their codes")  # fmt: skip
        s.add_argument("--agents", type=Path, action="append", default=[], metavar="FILE",
                       help="agent dictionary in the CAMEO/PETRARCH format (repeatable): words that name a sector")  # fmt: skip
        if name == "read":
            s.add_argument("--save", action="store_true", help="also write the documents and events to the ledger")
        else:
            s.add_argument("--parquet", metavar="DIR", help="merge the output of `legation bulk` into the ledger")

    s = sub.add_parser("bulk", parents=[common], help="read a corpus on a Dask cluster into partitioned Parquet (restartable)")
    s.add_argument("paths", nargs="+", metavar="INPUT", help="files and folders as for `read` (JSONL, text, HTML, feeds)")
    s.add_argument("--out", required=True, metavar="DIR", help="output folder; rerun into it to resume")
    s.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler (default: a local cluster)")
    s.add_argument("--workers", type=int, metavar="N", help="local worker processes, one thread each (default 2)")
    s.add_argument("--partition-size", type=int, default=100, metavar="K", help="documents per partition (default 100)")
    s.add_argument("--partition-chars", type=int, default=200_000, metavar="C",
                   help="a partition also ends at this many characters of text (default 200,000)")  # fmt: skip
    s.add_argument("--published", metavar="DATE", help="publication date for every document (overrides the file's)")

    s = sub.add_parser("attach", parents=[common], help="query a `legation bulk` output through DuckDB, without copying")
    s.add_argument("dir", metavar="DIR")
    s.add_argument("--sql", help="a query over the views documents, events, sources, errors (and `ledger` with --db)")

    s = sub.add_parser("watch", parents=[common], help="poll RSS/Atom feeds, read what is new and save it")
    s.add_argument("feeds", nargs="+", metavar="FEED", help="feed URLs or files")
    s.add_argument("--interval", type=float, default=900, metavar="SECONDS", help="between polls (default 900)")
    s.add_argument("--once", action="store_true", help="poll once and exit")
    s.add_argument("--fetch-pages", action="store_true", help="fetch the linked page when an entry has only a summary")
    s.add_argument("--timeout", type=float, default=20, metavar="SECONDS", help="for each HTTP request (default 20)")

    s = sub.add_parser("check", parents=[common], help="find the claims in articles and check them against the record")
    s.add_argument("paths", nargs="+", metavar="PATH", help="text, HTML, RSS/Atom, JSONL files, folders, or - for stdin")
    s.add_argument("--published", metavar="DATE", help="publication date for every document (overrides the file's)")
    s.add_argument("--at", metavar="DATE", help="judge as of this date (default: each document's publication date)")

    s = sub.add_parser("brief", parents=[common], help="a Markdown brief of an article, or of a state over the ledger")
    s.add_argument("paths", nargs="*", metavar="PATH", help="the article (as for `read`); or use --about")
    s.add_argument("--about", metavar="STATE", help="brief on a state from the ledger alone")
    s.add_argument("--since", metavar="DATE", help="with --about: events from this date (default: a year back)")
    s.add_argument("--published", metavar="DATE", help="publication date of the article (overrides the file's)")
    s.add_argument("--at", metavar="DATE", help="as of this date (default: the publication date, or today)")

    s = sub.add_parser("serve", help="the web page and the JSON API (/api/v1, docs at /docs)")
    s.add_argument("--db", type=Path, help="database file (default: the user data directory, or $LEGATION_DB)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    s.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    s.add_argument("--token", help="accept writes from clients that send this token (or set $LEGATION_TOKEN); "
                                   "without one the server is read-only")  # fmt: skip
    s.add_argument("--max-body", type=int, default=2_000_000, metavar="BYTES", help="largest request body accepted")
    s.add_argument("--groups-file", type=Path, action="append", default=[], metavar="FILE")

    s = sub.add_parser("eval", parents=[common], help="score the extractor against a PLOVER gold file")
    s.add_argument("--gold", type=Path, required=True, help="JSON list of PLOVER gold-standard records")
    s.add_argument("--records", action="store_true", help="with --json: include each record's prediction")

    from .exchange.cli import add_parsers as add_exchange_parsers

    add_exchange_parsers(sub, common)  # import, export
    return p


class UserError(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not args.command:
        _parser().print_help()
        return 0
    try:
        return _run(args)
    except KeyboardInterrupt:
        print("legation: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except (UserError, ValueError, LedgerError, OSError, duckdb.Error) as err:
        message = str(err).splitlines()[0] if str(err) else type(err).__name__
        print(f"legation: error: {message}", file=sys.stderr)
        return 2


def _open(args, write: bool = False):
    from .ledger import default_path
    from .queries import Legation
    from .reference.groups import Groups
    from .reference.loaders import open_ledger

    groups = Groups.load(args.groups_file)
    return Legation(open_ledger(args.db or default_path(), read_only=not write), groups)


def _run(args) -> int:
    from . import render

    out = sys.stdout
    if args.command == "load":
        return _load(args)
    if args.command in ("import", "export"):
        from .exchange.cli import run as run_exchange

        return run_exchange(args)
    if args.command == "serve":
        from .web.app import serve

        return serve(args)
    if args.command in ("bulk", "attach", "watch") or args.command == "ingest" and args.parquet:
        from . import bulk, watch

        if args.command == "bulk":
            return bulk.run_bulk_command(args)
        if args.command == "attach":
            return bulk.run_attach_command(args)
        if args.command == "watch":
            return watch.run_watch_command(args)
        status = bulk.run_merge_command(args)
        if not args.paths:
            return status
    if args.command == "ingest" and not args.paths:
        raise UserError("give PATH... to read, or --parquet DIR to merge a bulk output")
    if args.command in ("read", "ingest"):
        from .reading import run_read

        return run_read(args, save=args.command == "ingest" or args.save, progress=args.command == "ingest")
    if args.command in ("check", "brief"):
        from .checking import run_check

        return run_check(args, _open(args))
    if args.command == "eval":
        from .evaluate import evaluate, load_gold, render as render_eval
        from .extract.pipeline import Extractor

        result = evaluate(load_gold(args.gold), Extractor())
        if not args.records:
            result.pop("records")
        return render.emit(args, result, render_eval)
    if args.command == "resolve":
        from .reference.gazetteer import Gazetteer

        gaz = Gazetteer.default()
        rows = []
        for name in args.names:
            c = gaz.require(name)
            rows.append({"text": name, "code": c.code, "name": c.name, "kind": c.kind})
        return render.emit(args, rows, render.resolve_table)
    app = _open(args)
    if args.command == "missions":
        if not args.host and not args.sender:
            raise UserError("give --host or --sender (or both)")
        answers = [
            app.missions(at=at, host=args.host, sender=args.sender, group=args.group, status=args.status, marks=args.mark)
            for at in (args.at or [None])
        ]
        if args.json:
            data = answers[0].to_json() if len(answers) == 1 else {"answers": [a.to_json() for a in answers]}
            json.dump(data, out, indent=2, default=str, ensure_ascii=False)
            out.write("\n")
        else:
            out.write(render.missions(app, answers))
        return 0
    if args.command == "history":
        return render.emit(args, app.history(args.sender, args.host), lambda d: render.history(app, d))
    if args.command == "channels":
        return render.emit(args, app.channels(args.a, args.b, args.at), lambda d: render.channels(app, d))
    if args.command == "order":
        data = app.order(args.event, args.host, group=args.group, after=args.after, before=args.before)
        return render.emit(args, data, lambda d: render.order(app, d))
    if args.command == "members":
        return render.emit(args, app.members(args.group, args.at), lambda d: render.members(app, d))
    if args.command == "protecting":
        from .dates import as_of
        from .state import protecting_powers

        host = app.state_code(args.host) if args.host else None
        rows = [p.to_json() for p in protecting_powers(app.ledger, as_of(args.at), host=host)]
        return render.emit(args, rows, lambda d: render.protecting(app, d))
    if args.command == "state":
        snap = app.state(args.at)
        if args.json:
            data = {
                "at": snap.at.isoformat(),
                "missions": [m.to_json() for m in snap.missions],
                "protecting_powers": [p.to_json() for p in snap.protecting_powers],
                "memberships": {b: sorted(m) for b, m in snap.memberships.items()},
            }
            return render.emit(args, data, str)
        return render.emit(args, snap, lambda d: render.snapshot(app, d))
    if args.command == "groups":
        rows = [
            {"name": g.name, "label": g.label, "blocs": list(g.blocs), "states": list(g.states),
             "exclude": list(g.exclude), "description": g.description, "source": g.source, "defined_in": g.defined_in}
            for g in app.groups.all()
        ]  # fmt: skip
        return render.emit(args, rows, render.groups)
    if args.command == "source":
        return render.emit(args, app.sources(args.event_id), render.source)
    if args.command == "info":
        data = {"db": str(app.ledger.path), "counts": app.ledger.counts(), "meta": app.ledger.meta()}
        return render.emit(args, data, render.info)
    raise UserError(f"unknown command {args.command}")


def _load(args) -> int:
    from .ledger import Ledger, default_path
    from .reference.loaders import load_default, load_event_file

    path = args.db or default_path()
    with Ledger(path) as ledger:
        before = ledger.counts()
        with ledger.transaction():  # all files or none
            report = load_default(ledger)
            for f in args.events:
                report.write = report.write + load_event_file(ledger, f)
        ledger.compact()
        after = ledger.counts()
    data = {
        "db": str(path),
        "seconds": round(report.seconds, 3),
        "added": {k: after[k] - before[k] for k in after},
        "totals": after,
    }
    if args.json:
        json.dump(data, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        added = ", ".join(f"{v} {k}" for k, v in data["added"].items())
        print(f"{path}: added {added} in {data['seconds']} s")
        print("totals: " + ", ".join(f"{v} {k}" for k, v in after.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
