"""`legation check` and `legation brief`: claims and briefs for documents, as a user runs them."""

from __future__ import annotations

import json
import sys

from .brief import MARKS, brief_about, brief_document, markdown
from .claims import Checker, CheckReport
from .dates import FuzzyDate
from .model import Skipped
from .reading import EXIT_SKIPPED, readable


def run_check(args, legation) -> int:
    from .cli import UserError
    at = FuzzyDate.parse(args.at).end if args.at else None
    if args.published:
        FuzzyDate.parse(args.published)  # a bad date stops the run before anything is read
    out = sys.stdout
    if args.command == "brief" and args.about:
        if args.paths:
            raise UserError("give an article or --about STATE, not both")
        b = brief_about(legation, args.about, args.since, at)
        out.write(json.dumps(b, indent=2, ensure_ascii=False, default=str) + "\n" if args.json else markdown(b))
        return 0
    if not args.paths:
        raise UserError("give one or more articles (or - for stdin)" + (", or --about STATE" if args.command == "brief" else ""))
    checker = Checker(legation)
    skipped: list[Skipped] = []
    reports = []
    for item in readable(args.paths, args.published, checker.ex, skipped):
        report = checker.check(item, at)
        if args.command == "brief":
            b = brief_document(report, legation)
            reports.append(b)
            if not args.json:
                out.write(markdown(b) + "\n")
        else:
            reports.append(report.to_json())
            if not args.json:
                out.write(render_report(report))
    if args.json:
        data = reports[0] if len(reports) == 1 else {"documents": reports}
        out.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
    return EXIT_SKIPPED if skipped else 0


def render_report(report: CheckReport) -> str:
    d = report.document
    head = d.title or d.url or d.origin or f"document {d.id[:12]}"
    counts = report.to_json()["counts"]
    out = [f"{head}: {len(report.claims)} claims, judged as of {report.at} "
           f"({', '.join(f'{n} {v}' for v, n in counts.items())})", ""]  # fmt: skip
    for i, c in enumerate(report.claims, 1):
        who = f" [claim by {c.attribution['by'] or 'an unnamed source'}, {c.attribution['modality']}]" if c.attribution else ""
        out.append(f"{i}. {MARKS[c.verdict]} ({c.kind}){who}: {c.statement}")
        out.append(f"   text: {' '.join(c.sentence.split())[:160]}")
        out.append(f"   why: {c.reason}")
        if c.quantity_check:
            out.append(f"   count: {c.quantity_check}")
        if c.needs:
            out.append(f"   would be decided by: {c.needs}")
        for ev in c.evidence[:6]:
            cite = ev.sources[0]["url"] or ev.sources[0]["citation"] if ev.sources else "no source"
            out.append(f"   evidence: {ev.statement} — {cite} (event {ev.event_id[:12]})")
        out.append("")
    if not report.claims:
        out.append("No checkable claims found.\n")
    return "\n".join(out)
