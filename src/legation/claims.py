"""Checking what an article asserts against the record, as of the article's date.

A claim is a checkable statement found in a document: an ordinal ("the second Western nation
to reopen its embassy in Pyongyang"), a status or date ("Sweden resumed its diplomatic
activities in Pyongyang in September"), a membership ("Sweden, now a NATO member"), a
representation ("Sweden represents other countries in Pyongyang"), or a quantity ("up to
12,000 troops"). Each gets a verdict, supported, contradicted or not enough evidence, with
the ledger events that decide it and their sources; an undecided claim says what evidence
would decide it. A claim someone else makes ("NATO claims ...") is checked as that party's
claim and never stated as fact.

Evidence is the ledger as of the check date, minus what the checked document itself put
there: an article cannot corroborate itself.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from importlib import resources

from .extract.pipeline import sentence_span
from .model import EVENT_FAMILIES, Document, Event, Modality
from .queries import Legation
from .reference.groups import GroupError
from .state import mission_states, protecting_powers, sql_list


class Verdict(StrEnum):
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    UNDECIDED = "not enough evidence"


@dataclass
class Evidence:
    event_id: str
    statement: str
    sources: list[dict] = field(default_factory=list)


@dataclass
class Claim:
    kind: str  # ordinal | status | membership | representation | quantity
    statement: str  # what the claim says, in the record's terms
    sentence: str
    span: tuple[int, int]  # characters of the claim's sentence in the document
    verdict: Verdict = Verdict.UNDECIDED
    reason: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    needs: str = ""  # for an undecided claim: what evidence would decide it
    attribution: dict | None = None  # {"by", "cue", "modality"} when someone else makes the claim
    quantity_check: str = ""  # consistent | differs | only source (quantity claims)
    details: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        out = asdict(self)
        out["verdict"] = self.verdict.value
        out["span"] = list(self.span)
        return out


@dataclass
class CheckReport:
    document: Document
    at: dt.date
    events: list[Event]
    claims: list[Claim]

    def to_json(self) -> dict:
        d = self.document
        return {
            "document": {"id": d.id, "title": d.title, "url": d.url, "origin": d.origin,
                         "published": d.published.value if d.published else None},  # fmt: skip
            "at": self.at.isoformat(),
            "claims": [c.to_json() for c in self.claims],
            "counts": {v.value: sum(c.verdict is v for c in self.claims) for v in Verdict},
        }


# -- the words of claims ---------------------------------------------------------------

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "last": -1, "latest": -1, "final": -1}  # fmt: skip
_ORDINAL = re.compile(
    r"\b(?P<only>only |just )?the (?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"last|latest|final|\d+(?:st|nd|rd|th)) (?P<group>(?-i:[A-Z][\w.]*)(?:[ -](?-i:[A-Z][\w.]*)){0,3}[ -])?"
    r"(?P<noun>(?:member )?(?:nations?|countr(?:y|ies)|states?|members?|governments?|embass(?:y|ies)|"
    r"missions?|all(?:y|ies)|democrac(?:y|ies)|powers?))(?: state)? (?:to|that) (?P<rest>[^.;:!?]*)",
    re.IGNORECASE,
)
# The verb of an ordinal claim, as the event family it counts.
FAMILY_VERBS = {
    "reopen": "reopen", "return": "reopen", "resume": "reopen", "restore": "reopen", "re-open": "reopen",
    # Reports say "closed" of embassies that were suspended or emptied of staff; an ordinal
    # about closing counts every way a mission stopped working (the reason says so).
    "open": "open", "establish": "open", "close": "withdraw", "shut": "withdraw", "suspend": "suspend",
    "withdraw": "withdraw", "evacuate": "withdraw", "pull": "withdraw", "leave": "withdraw",
    "relocate": "relocate", "move": "relocate", "expel": "expel", "recall": "recall",
    "appoint": "envoy", "accredit": "envoy", "present": "envoy", "send": "envoy",
}  # fmt: skip
_BLOC_MEMBER = re.compile(
    r"(?P<pre>(?P<bloc1>[A-Z][\w.]*)[ -]member (?:state )?(?=[A-Z]))|"
    r"(?P<post>,? (?:now |already |still |itself |also |by then |then |today ){0,2}(?:an? |the )?(?:newest |new |founding |fellow )?"
    r"(?P<bloc2>[A-Z][\w.]*) (?:member|ally|member state)\b)|"
    r"(?P<of>,? (?:now |already |still |also ){0,2}an? (?:newest |new |founding )?member of (?:the )?(?P<bloc3>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}))"
)
_REPRESENTS = re.compile(
    r"\b(?:represents?|represented|representing|acts? as (?:the |a )?protecting power|serves? as (?:the |a )?protecting power|"
    r"looks? after (?:the )?interests|protecting power)\b", re.IGNORECASE)  # fmt: skip
STATE_NOUNS = {"nation", "country", "state", "government", "democracy", "member state"}
_OTHERS = re.compile(r"\b(?:other|several|many|some|a number of) (?:countries|states|nations|governments)\b", re.I)
_SINCE_YEAR = re.compile(r"\b(since|after|from|following|in|during|before|until) (?:the (?:end of |start of )?)?(\d{4})\b", re.I)

DATA = resources.files("legation.reference") / "data"


@dataclass(frozen=True)
class Period:
    name: str
    words: tuple[str, ...]
    start: dt.date
    end: dt.date
    source: str


@functools.cache
def _periods() -> tuple[Period, ...]:
    with (DATA / "periods.csv").open(newline="", encoding="utf-8") as f:
        return tuple(
            Period(r["name"], tuple(w.strip().lower() for w in r["words"].split("|")),
                   dt.date.fromisoformat(r["start"]), dt.date.fromisoformat(r["end"] or "9999-12-31"), r["source"])  # fmt: skip
            for r in csv.DictReader(f)
        )


def window(text: str, periods: tuple[Period, ...]) -> tuple[dt.date | None, dt.date | None, str]:
    """The time window a phrase sets: "after the pandemic closures", "since 2020", "during the
    pandemic". After or since a named period counts from its start (a reopening "after the
    pandemic closures" is one that follows the closures, which began with the period)."""
    low = text.lower()
    for p in periods:
        for w in p.words:
            m = re.search(rf"\b(since|after|following|during|in|throughout|before) (?:the |a )?(?:[\w-]+ )?{re.escape(w)}\b", low)
            if m:
                if m.group(1) == "before":
                    return None, p.start - dt.timedelta(days=1), f"before the {p.name} ({p.start})"
                if m.group(1) in ("during", "in", "throughout"):
                    end = None if p.end == dt.date.max.replace(year=9999) else p.end
                    return p.start, end, f"during the {p.name} ({p.start} to {end or 'now'})"
                return p.start, None, f"since the {p.name} began ({p.start})"
    if m := _SINCE_YEAR.search(text):
        word, year = m.group(1).lower(), int(m.group(2))
        if word in ("since", "from"):
            return dt.date(year, 1, 1), None, f"since {year}"
        if word in ("after", "following"):
            return dt.date(year + 1, 1, 1), None, f"after {year}"
        if word in ("before", "until"):
            return None, dt.date(year - 1, 12, 31), f"before {year}"
        return dt.date(year, 1, 1), dt.date(year, 12, 31), f"in {year}"
    return None, None, ""


def _family_of(subtype: str) -> str | None:
    for family, subtypes in EVENT_FAMILIES.items():
        if subtype in subtypes and family not in ("withdraw",):
            return family
    return "withdraw" if subtype in EVENT_FAMILIES["withdraw"] else None


def _overlaps(a_start, a_end, b_start, b_end) -> bool:
    return a_start <= b_end and b_start <= a_end


def _interval(value: float, qualifier: str) -> tuple[float, float]:
    """The range of counts a qualified number allows: "up to 12,000" is 0..12000, "about 3,000"
    is 2700..3300 (a tenth either way)."""
    inf = float("inf")
    return {
        "exact": (value, value), "approx": (value * 0.9, value * 1.1), "at_most": (0, value),
        "less_than": (0, value), "at_least": (value, inf), "more_than": (value, inf),
    }.get(qualifier, (value * 0.9, value * 1.1))  # fmt: skip


# -- the checker ------------------------------------------------------------------------


class Checker:
    """Finds the claims in documents and judges them against one ledger."""

    def __init__(self, legation: Legation, extractor=None):
        from .extract.pipeline import Extractor

        self.lg = legation
        self.ex = extractor or Extractor()
        self.periods = _periods()

    def check(self, document: Document, at: dt.date | None = None) -> CheckReport:
        """Every claim in the document with its verdict, as of `at` (the publication date
        when not given, today when the document has none)."""
        day = at or (document.published.end if document.published else dt.date.today())
        doc = self.ex.nlp(document.text)
        mentions = self.ex.people(doc, self.ex.actors(doc))
        events = self.ex.events(doc, document, mentions)
        claims: list[Claim] = []
        for s_index, sent in enumerate(doc.sents):
            sent_events = [e for e in events if e.provenance and e.provenance.sentence == s_index]
            in_sent = [m for m in mentions if sent.start <= m.start < sent.end]
            ctx = _Sentence(sent, sent_events, in_sent, document, day)
            claims += self._ordinals(ctx)
            claims += self._memberships(ctx)
            claims += self._representations(ctx)
            claims += self._statuses(ctx)
            claims += self._quantities(ctx)
        return CheckReport(document, day, events, claims)

    # -- ordinal and uniqueness -------------------------------------------------------------

    def _ordinals(self, s: "_Sentence") -> list[Claim]:
        out = []
        for m in _ORDINAL.finditer(s.text):
            word = m.group("ord").lower()
            n = ORDINALS.get(word) or int(re.match(r"\d+", word).group(0))
            group_text = (m.group("group") or "").strip(" -")
            noun = m.group("noun").lower()
            if noun.startswith("member") and not group_text:
                continue  # "the first member to ..." of what? too vague to check
            rest = m.group("rest")
            verb = rest.split()[0].lower() if rest.split() else ""
            family = FAMILY_VERBS.get(_lemma(verb))
            verb_lemma = _lemma(verb)
            main = s.mission_event()
            if verb in ("do", "does", "did") or family is None and main is not None:
                family = _family_of(main.subtype) if main is not None else None
            char = s.start + m.start()
            subject = s.subject_before(char)
            host = s.host(char, exclude=subject)
            lo, hi, window_text = window(rest + " " + s.text[m.end() :], self.periods)
            if lo is None and hi is None:
                lo, hi, window_text = window(s.text, self.periods)
            claim = Claim("ordinal", "", s.text, s.span, details={
                "rank": n, "group": group_text or None, "family": family, "subject": subject, "host": host,
                "after": lo.isoformat() if lo else None, "before": hi.isoformat() if hi else None,
                "window": window_text, "only": bool(m.group("only")), "noun": re.sub(r"ies$", "y", noun).rstrip("s"), "verb": verb_lemma,
            })  # fmt: skip
            self._judge_ordinal(claim, s, main)
            out.append(claim)
        return out

    def _judge_ordinal(self, c: Claim, s: "_Sentence", main: Event | None) -> None:
        d = c.details
        n, family, subject, host = d["rank"], d["family"], d["subject"], d["host"]
        rank_word = "last" if n == -1 else _ordinal_word(n)
        group = None
        if d["group"]:
            try:
                group = self.lg.group(_group_key(d["group"]))
            except GroupError:
                group = None
        who = self.lg.name(subject) if subject else "?"
        c.statement = (f"{who} was the {rank_word} {d['group'] + ' ' if d['group'] else ''}state to "
                       f"{family or '?'} in {self.lg.name(host) if host else '?'}"
                       + (f" ({d['window']})" if d["window"] else ""))  # fmt: skip
        if d["group"] and group is None:
            c.reason = f"Legation has no definition of the group {d['group']!r}"
            c.needs = f"a group file defining {d['group']!r} by blocs and states (legation --groups-file)"
            return
        if not (family and subject and host):
            missing = [w for w, v in (("the event", family), ("who did it", subject), ("where", host)) if not v]
            c.reason = f"could not read {' and '.join(missing)} from the sentence"
            c.needs = "a sentence naming the state, the act (reopen, close, ...) and the host"
            return
        hi = min(dt.date.fromisoformat(d["before"]), s.day) if d["before"] else s.day
        order = self.lg.order(family, host, group=group.name if group else None, after=d["after"], before=hi.isoformat())
        entries = [e for e in order["order"] if not self._only_from(e["event_id"], s.document)]
        if d["noun"] in STATE_NOUNS:
            # "the third country to reopen": the EU's delegation is not a country's embassy.
            entries = [e for e in entries if self._kind(e["sender"]) != "organisation"]
        mine = next((e for e in entries if e["sender"] == subject), None)
        own_date = None
        if mine is None:
            # The article may be the first report of its own event: date it as the article does.
            own = main if main is not None and main.actor == subject else None
            own_date = (own.date or s.document.published) if own is not None else None
            if own_date is None:
                c.reason = f"the record has no '{family}' event of {who} in {self.lg.name(host)}"
                c.needs = f"a dated report of {who}'s '{family}' in {self.lg.name(host)}"
                return
            if group is not None and not (group.contains(subject, own_date.start, self.lg.memberships)
                                          or group.contains(subject, own_date.end, self.lg.memberships)):  # fmt: skip
                c.verdict = Verdict.CONTRADICTED
                c.reason = f"{who} was not a member of {group.name} on {own_date.value}"
                return
            start, end = own_date.start, own_date.end
        else:
            start, end = _entry_span(mine)
        before = [e for e in entries if e["sender"] != subject and _entry_span(e)[1] < start]
        ties = [e for e in entries if e["sender"] != subject and _overlaps(*_entry_span(e), start, end)]
        after = [e for e in entries if e["sender"] != subject and _entry_span(e)[0] > end]
        c.evidence = [self._evidence(e["event_id"]) for e in before + ties + ([mine] if mine else [])]
        scope = f"{group.name + ' ' if group else ''}states"
        if family == "withdraw" and d.get("verb") in ("close", "shut"):
            c.reason = "counting suspensions and withdrawals of staff as closing; "
        listed = "; ".join(f"{self.lg.name(e['sender'])} ({e['subtype']}, {e['date']})" for e in before) or "none"
        when = own_date.value + " (as this article reports)" if own_date else mine["date"]
        if n == -1:
            still = self._still_active(family, host, group, subject, hi)
            if after:
                c.verdict = Verdict.CONTRADICTED
                c.reason += (f"{', '.join(self.lg.name(e['sender']) + ' (' + e['date'] + ')' for e in after)} "
                            f"did so after {who} ({when})")  # fmt: skip
                c.evidence += [self._evidence(e["event_id"]) for e in after]
            elif still:
                c.verdict = Verdict.CONTRADICTED
                c.reason += f"as of {s.day}, {', '.join(still)} had not done so"
            else:
                c.verdict = Verdict.SUPPORTED
                c.reason += f"no {scope} did so in {self.lg.name(host)} after {who} ({when})"
            return
        lo_rank, hi_rank = len(before) + 1, len(before) + len(ties) + 1
        if lo_rank <= n <= hi_rank:
            c.verdict = Verdict.SUPPORTED
            c.reason += f"{scope} before {who} ({when}): {listed}"
            if ties:
                c.reason += (f"; dates overlap with {', '.join(self.lg.name(e['sender']) for e in ties)}, "
                             f"so the rank is {lo_rank} to {hi_rank}")  # fmt: skip
        else:
            c.verdict = Verdict.CONTRADICTED
            rank = _ordinal_word(lo_rank) + (f" to {_ordinal_word(hi_rank)}" if hi_rank != lo_rank else "")
            c.reason += f"{who} ({when}) was the {rank}: {scope} before it: {listed}"
        if any(e.get("membership_uncertain") for e in entries):
            c.reason += "; membership changed during some events' date ranges"

    def _kind(self, code: str) -> str:
        try:
            return self.lg.gaz.get(code).kind
        except KeyError:
            return "state"

    def _still_active(self, family, host, group, subject, day) -> list[str]:
        """For "the last to close": group members whose missions in the host are still staffed."""
        if family not in ("close", "suspend", "withdraw"):
            return []
        members = group.members(day, self.lg.memberships) if group else None
        return sorted(
            f"{self.lg.name(m.sender)} ({m.status.label})"
            for m in mission_states(self.lg.ledger, day, host=host)
            if m.status.staffed and m.sender != subject and (members is None or m.sender in members)
        )

    # -- membership -------------------------------------------------------------------------

    def _memberships(self, s: "_Sentence") -> list[Claim]:
        out = []
        for m in _BLOC_MEMBER.finditer(s.text):
            bloc_text = m.group("bloc1") or m.group("bloc2") or m.group("bloc3")
            try:
                group = self.lg.group(bloc_text.strip())
            except GroupError:
                continue
            if group.blocs != (group.name,):
                continue  # a defined group is not something one joins
            char = s.start + m.start()
            state = s.mention_after(char + len(m.group(0))) if m.group("pre") else s.mention_ending_before(char)
            if state is None:
                continue
            claim = Claim("membership", f"{self.lg.name(state)} was a member of {group.name} on {s.day}", s.text, s.span,
                          details={"state": state, "bloc": group.name, "at": s.day.isoformat()})  # fmt: skip
            since = re.match(r"\s*(?:since|from) ((?:[A-Z][a-z]+ )?(?:\d{1,2} )?(?:[A-Z][a-z]+ )?\d{4})", s.text[m.end() :])
            if since:
                claim.details["since"] = since.group(1)
                claim.statement = f"{self.lg.name(state)} has been a member of {group.name} since {since.group(1)}"
                if self._judge_since(claim, state, group.name, since.group(1), s):
                    out.append(claim)
                    continue
            current = self.lg.memberships.members(group.name, s.day).get(state)
            periods = self.lg.memberships.periods(group.name, state)
            ids = [r[0] for r in self.lg.memberships.rows if r[2] == state and r[3] == group.name]
            claim.evidence = [self._evidence(i) for i in ids]
            spans = ", ".join(f"{a or '?'} to {b or 'now'}" for a, b in periods) or "never, in the record"
            if current is not None and not current.uncertain:
                claim.verdict = Verdict.SUPPORTED
                claim.reason = f"member of {group.name} since {current.joined}" + (
                    f" (suspended since {current.suspended_since})" if current.suspended else "")
            elif current is not None:
                claim.reason = f"the membership's date range straddles {s.day}: {spans}"
                claim.needs = f"a day-precise date of {self.lg.name(state)}'s accession to {group.name}"
            elif periods:
                claim.verdict = Verdict.CONTRADICTED
                claim.reason = f"not a member of {group.name} on {s.day}; membership: {spans}"
            else:
                claim.verdict = Verdict.CONTRADICTED if self.lg.memberships.members(group.name, s.day) else Verdict.UNDECIDED
                claim.reason = f"the record lists no membership of {self.lg.name(state)} in {group.name}"
                if claim.verdict is Verdict.UNDECIDED:
                    claim.needs = f"{group.name}'s membership list"
            out.append(claim)
        return out

    def _judge_since(self, claim: Claim, state: str, bloc: str, text: str, s: "_Sentence") -> bool:
        """ "a member of NATO since 2020": the record's accession date against the claimed one."""
        from .extract.temporal import resolve

        said = resolve(text, s.day)
        joined = [r for r in self.lg.memberships.rows if r[2] == state and r[3] == bloc and r[1] == "membership_joined"]
        if said is None or not joined:
            return False
        claim.evidence = [self._evidence(r[0]) for r in joined]
        if any(_overlaps(r[6], r[7], said.start, said.end) for r in joined):
            claim.verdict, claim.reason = Verdict.SUPPORTED, f"joined {bloc} on {', '.join(r[4] for r in joined)}"
        else:
            claim.verdict = Verdict.CONTRADICTED
            claim.reason = f"the record has {self.lg.name(state)} joining {bloc} on {', '.join(r[4] for r in joined)}, not {said.value}"
        return True

    # -- representation ---------------------------------------------------------------------

    def _representations(self, s: "_Sentence") -> list[Claim]:
        m = _REPRESENTS.search(s.text)
        if not m:
            return []
        char = s.start + m.start()
        protecting = s.mention_ending_before(char, any_distance=True)
        if protecting is None:
            return []
        host = s.host(char, exclude=protecting)
        named = [x.code for x in s.mentions if s.char(x) > char and x.code not in (protecting, host) and x.kind == "state"]
        others = not named and bool(_OTHERS.search(s.text[m.end() :]))
        if host is None:
            return []
        p_name, h_name = self.lg.name(protecting), self.lg.name(host)
        who = ", ".join(self.lg.name(x) for x in named) if named else ("other states" if others else "another state")
        claim = Claim("representation", f"{p_name} represents {who} in {h_name} as of {s.day}", s.text, s.span,
                      details={"protecting": protecting, "protected": named, "host": host})  # fmt: skip
        in_force = protecting_powers(self.lg.ledger, s.day, host=host)
        mine = [p for p in in_force if p.protecting == protecting and (not named or p.protected in named)]
        relevant = [p for p in in_force if p.protected in named] if named else mine or in_force
        claim.evidence = [self._evidence(p.event_id) for p in relevant]
        if named:
            by_protected = {p.protected: p for p in in_force}
            held = [x for x in named if x in by_protected and by_protected[x].protecting == protecting]
            other = [x for x in named if x in by_protected and by_protected[x].protecting != protecting]
            if len(held) == len(named):
                claim.verdict, claim.reason = Verdict.SUPPORTED, f"{p_name} protects {who} in {h_name} ({_since(mine)})"
            elif other:
                claim.verdict = Verdict.CONTRADICTED
                claim.reason = "; ".join(f"{self.lg.name(x)} is represented in {h_name} by "
                                         f"{self.lg.name(by_protected[x].protecting)}" for x in other)  # fmt: skip
            else:
                claim.reason = f"the record has no protecting-power mandate for {who} in {h_name}"
                claim.needs = f"a sourced protecting-power event of {p_name} for {who} in {h_name}"
        elif mine:
            claim.verdict = Verdict.SUPPORTED
            claim.reason = f"{p_name} protects {', '.join(self.lg.name(p.protected) for p in mine)} in {h_name} ({_since(mine)})"
        else:
            claim.reason = f"the record has no mandate of {p_name} in {h_name}"
            if in_force:
                claim.reason += f"; it has {', '.join(self.lg.name(p.protecting) for p in in_force)} there"
            claim.needs = f"a sourced protecting-power event of {p_name} in {h_name}"
        return [claim]

    # -- status and date --------------------------------------------------------------------

    def _statuses(self, s: "_Sentence") -> list[Claim]:
        out = []
        for e in s.events:
            from_text = e.date is not None and "dated by publication" not in e.note
            dated = from_text and s.date_of_event()
            spoken = from_text and not dated and s.date_of_speech()
            if not e.actor or not (e.subtype or dated or s.period_words(self.periods)):
                continue
            if e.modality in (Modality.FUTURE, Modality.HYPOTHETICAL):
                continue  # a plan is not a claim about the record
            family = _family_of(e.subtype) if e.subtype else None
            lo, hi, window_text = window(s.text, self.periods) if not dated else (None, None, "")
            when = e.date.value if dated else window_text
            trigger = _verb_phrase(s.text[e.provenance.trigger[0] - s.start :]) if e.provenance else ""
            what = (e.subtype or e.type.lower()).replace("_", " ") + (f" ('{trigger}')" if not e.subtype else "")
            towards = f" {'in' if family else 'towards'} {self.lg.name(e.target)}" if e.target else ""
            claim = Claim("status", f"{self.lg.name(e.actor)}: {what}{towards}"
                          + (f", {when}" if when else ""), s.text, s.span, attribution=_attribution(e),
                          details={"actor": e.actor, "target": e.target, "family": family, "type": e.type,
                                   "date": e.date.value if dated else None, "window": window_text or None})  # fmt: skip
            if e.modality is Modality.NEGATED:
                claim.details["negated"] = True
            if family:
                rows = self._family_events(e.actor, e.target, family, s)
            else:
                rows = self._typed_events(e, s)
            c_lo = e.date.start if dated else lo or dt.date.min
            # "has reopened ..., the ministry said on Wednesday": done by Wednesday, no later.
            c_hi = e.date.end if dated or spoken else hi or s.day
            matching = [r for r in rows if r[2] is not None and _overlaps(r[2], r[3], c_lo, c_hi)]
            undated = [r for r in rows if r[2] is None]
            claim.evidence = [self._evidence(r[0]) for r in (matching or rows)[:5]]
            described = "; ".join(f"{r[1]} {r[4] or 'undated'}" for r in rows[:5])
            negated = e.modality is Modality.NEGATED
            if matching:
                claim.verdict = Verdict.CONTRADICTED if negated else Verdict.SUPPORTED
                claim.reason = f"the record has {described}"
            elif rows and not undated and (dated or window_text):
                claim.verdict = Verdict.SUPPORTED if negated else Verdict.CONTRADICTED
                claim.reason = f"the record dates it differently: {described}"
            elif rows and not (dated or window_text):
                claim.verdict = Verdict.CONTRADICTED if negated else Verdict.SUPPORTED
                claim.reason = f"the record has {described}"
            else:
                claim.reason = "the record holds no other report of this" + (f" ({described})" if rows else "")
                nearby = self._nearby_changes(e, c_lo, c_hi, s) if family else []
                if nearby:
                    claim.reason += f"; in that time it has {'; '.join(nearby)}"
                kind = f"'{family}' event" if family else f"{e.type} event"
                claim.needs = f"a sourced {kind} of {self.lg.name(e.actor)}{towards}" + (f" dated {when}" if when else "")
            if claim.attribution and claim.attribution["modality"] != "asserted":
                claim.reason = f"checked as a claim by {claim.attribution['by'] or 'an unnamed source'}: " + claim.reason
            out.append(claim)
        return out

    def _nearby_changes(self, e: Event, lo: dt.date, hi: dt.date, s) -> list[str]:
        """Other changes to the same mission in the claim's window ("closed" where the record
        says "suspended"): shown, not counted as the same event."""
        rows = self._rows(
            "actor = $a AND target = $t AND subtype IN (SELECT unnest($subs)) AND date_start <= $hi AND date_end >= $lo",
            {"a": e.actor, "t": e.target, "subs": [x for fam in EVENT_FAMILIES.values() for x in fam], "lo": lo, "hi": hi}, s,
        )  # fmt: skip
        return [f"{r[1]} {r[4]}" for r in rows]

    def _family_events(self, actor, target, family, s) -> list[tuple]:
        return self._rows(
            f"actor = $a AND target = $t AND subtype IN ({sql_list(EVENT_FAMILIES[family])})", {"a": actor, "t": target}, s
        )

    def _typed_events(self, e: Event, s) -> list[tuple]:
        return self._rows("actor = $a AND coalesce(target, '') = $t AND type = $type",
                          {"a": e.actor, "t": e.target or "", "type": e.type}, s)  # fmt: skip

    def _rows(self, where: str, params: dict, s) -> list[tuple]:
        rows = self.lg.ledger.con.execute(
            f"""SELECT id, coalesce(nullif(subtype, ''), type), date_start, date_end, date_value
                FROM events WHERE {where} AND modality = 'asserted' AND (date_start IS NULL OR date_start <= $day)
                ORDER BY date_start NULLS LAST, seq LIMIT 50""",
            {**params, "day": s.day},
        ).fetchall()
        return [r for r in rows if not self._only_from(r[0], s.document)]

    # -- quantities -------------------------------------------------------------------------

    def _quantities(self, s: "_Sentence") -> list[Claim]:
        out = []
        for e in s.events:
            q = e.quantity
            if q is None or not e.actor:
                continue
            mine = _interval(q.value, q.qualifier)
            claim = Claim("quantity", f"{q.text or q.value} ({q.qualifier.replace('_', ' ')} {q.value:g} {q.unit}) in "
                          f"{self.lg.name(e.actor)}'s {e.subtype or e.type.lower()}"
                          + (f" towards {self.lg.name(e.target)}" if e.target else ""), s.text, s.span,
                          attribution=_attribution(e),
                          details={"value": q.value, "qualifier": q.qualifier, "unit": q.unit, "actor": e.actor,
                                   "target": e.target or None, "type": e.type, "subtype": e.subtype or None})  # fmt: skip
            where = "actor = $a AND coalesce(target, '') = $t AND type = $type AND quantity_value IS NOT NULL"
            params = {"a": e.actor, "t": e.target or "", "type": e.type}
            if q.unit:
                where += " AND quantity_unit = $unit"
                params["unit"] = q.unit
            rows = self.lg.ledger.con.execute(
                f"""SELECT id, quantity_value, quantity_qualifier, quantity_unit, date_value, modality, attributed_to
                    FROM events WHERE {where} AND (date_start IS NULL OR date_start <= $day) ORDER BY seq LIMIT 50""",
                {**params, "day": s.day},
            ).fetchall()
            others = [r for r in rows if not self._only_from(r[0], s.document)]
            claim.evidence = [self._evidence(r[0]) for r in others[:5]]
            if not others:
                claim.quantity_check = "only source"
                claim.reason = "no other sourced report of this count in the record"
                claim.needs = f"another source's count of {q.unit or 'it'} for the same event"
            else:
                agree = [r for r in others if _overlaps(*mine, *_interval(r[1], r[2]))]
                listed = "; ".join(f"{r[2].replace('_', ' ')} {r[1]:g} {r[3]} ({r[5]}{', ' + r[6] if r[6] else ''})" for r in others[:5])
                if len(agree) == len(others):
                    claim.quantity_check, claim.verdict = "consistent", Verdict.SUPPORTED
                    claim.reason = f"consistent with {len(others)} other report(s): {listed}"
                else:
                    claim.quantity_check, claim.verdict = "differs", Verdict.CONTRADICTED
                    claim.reason = f"{len(others) - len(agree)} of {len(others)} other report(s) give counts outside this one's range: {listed}"
            if claim.attribution and claim.attribution["modality"] != "asserted":
                claim.reason = f"checked as a claim by {claim.attribution['by'] or 'an unnamed source'}: " + claim.reason
            out.append(claim)
        return out

    # -- evidence ---------------------------------------------------------------------------

    def _only_from(self, event_id: str, document: Document) -> bool:
        """The event's every source is the checked document itself."""
        datasets = {s["dataset"] for s in self.lg.ledger.sources_of([event_id]).get(event_id, [])}
        return bool(datasets) and datasets <= {f"document {document.id}"}

    def _evidence(self, event_id: str) -> Evidence:
        row = self.lg.ledger.con.execute(
            "SELECT actor, coalesce(nullif(subtype, ''), type), target, third, date_value, modality, attributed_to "
            "FROM events WHERE id = ?", [event_id]
        ).fetchone()  # fmt: skip
        actor, what, target, third, date, modality, by = row
        text = f"{self.lg.name(actor)} {what} {self.lg.name(target)}"
        if third:
            text += f" (for {self.lg.name(third)})"
        text += f", {date or 'undated'}"
        if modality != "asserted":
            text += f" [{modality}{' by ' + by if by else ''}]"
        return Evidence(event_id, text, self.lg.ledger.sources_of([event_id]).get(event_id, []))


# -- one sentence and what was found in it -------------------------------------------------


class _Sentence:
    def __init__(self, sent, events, mentions, document, day):
        self.sent, self.events, self.mentions, self.document, self.day = sent, events, mentions, document, day
        self.text, self.start = sent.text, sent.start_char
        self.span = sentence_span(sent)

    def char(self, m) -> int:
        return self.sent.doc[m.start].idx

    def end_char(self, m) -> int:
        t = self.sent.doc[m.end - 1]
        return t.idx + len(t)

    def states(self):
        return [m for m in self.mentions if m.kind in ("state", "territory", "unrecognised")]

    def mission_event(self) -> Event | None:
        found = [e for e in self.events if e.subtype]
        return max(found, key=lambda e: e.confidence) if found else None

    def subject_before(self, char: int) -> str | None:
        main = self.mission_event()
        if main is not None and main.actor and self.char_of_event(main) < char:
            return main.actor
        before = [m for m in self.states() if self.char(m) < char]
        return before[0].code if before else None

    def char_of_event(self, e: Event) -> int:
        return e.provenance.trigger[0] if e.provenance else 0

    def host(self, char: int, exclude: str | None) -> str | None:
        """Where: a state named after "in" past the claim's start, else the sentence's
        mission event's host, else any other state in the sentence."""
        doc = self.sent.doc
        after = [m for m in self.states() if self.char(m) > char and m.code != exclude]
        for m in after:
            if m.start > 0 and doc[m.start - 1].lower_ in ("in", "to") or m.start > 1 and doc[m.start - 2].lower_ in ("in", "to"):
                return m.code
        main = self.mission_event()
        if main is not None and main.target and main.target != exclude:
            return main.target
        for e in self.events:
            if e.target and e.target != exclude and e.subtype:
                return e.target
        rest = [m for m in self.states() if m.code != exclude]
        return rest[0].code if rest else None

    def mention_ending_before(self, char: int, any_distance: bool = False) -> str | None:
        before = [m for m in self.states() if self.end_char(m) <= char]
        if not before:
            return None
        last = max(before, key=lambda m: m.end)
        gap = self.text[self.end_char(last) - self.start : char - self.start]
        if any_distance or len(gap.strip(" ,")) == 0 or re.fullmatch(r"[\s,]*(?:which|who|that)?[\s\w]{0,12}", gap):
            return last.code
        return None

    def mention_after(self, char: int) -> str | None:
        after = [m for m in self.states() if self.char(m) >= char]
        return min(after, key=lambda m: m.start).code if after else None

    def _dates(self, spoken: bool) -> bool:
        from .extract.pipeline import REPORTING

        for ent in self.sent.ents:
            if ent.label_ != "DATE":
                continue
            node, said = ent.root, False
            while node.head.i != node.i and not said:
                node = node.head
                said = node.lemma_.lower() in REPORTING
            if said == spoken:
                return True
        return False

    def date_of_event(self) -> bool:
        """The sentence dates the event itself, not only the moment someone spoke of it."""
        return self._dates(spoken=False)

    def date_of_speech(self) -> bool:
        return self._dates(spoken=True)

    def period_words(self, periods: tuple[Period, ...]) -> bool:
        low = self.text.lower()
        return any(re.search(rf"\b{re.escape(w)}\b", low) for p in periods for w in p.words)


def _verb_phrase(text: str) -> str:
    """ "closed its borders during the pandemic." -> "closed its borders" """
    m = re.match(r"[^,.;:]*?(?= (?:in|during|on|since|after|before|to|from|at|with|for|over|amid|following)\b|[,.;:]|$)", text)
    words = (m.group(0) if m else text).split()
    return " ".join(words[:5])


def _lemma(verb: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "d"):
        if verb.endswith(suffix) and verb[: -len(suffix)] in FAMILY_VERBS:
            return verb[: -len(suffix)]
    return {"shut": "shut", "withdrew": "withdraw", "sent": "send", "left": "leave"}.get(verb, verb)


def _group_key(text: str) -> str:
    words = [w for w in re.split(r"[ -]", text) if w.lower() not in ("member", "members", "state", "states")]
    key = " ".join(words)
    return {"european union": "EU", "eu": "EU"}.get(key.lower(), key)


def _ordinal_word(n: int) -> str:
    names = {v: k for k, v in ORDINALS.items() if v > 0}
    return names.get(n, f"{n}th")


def _entry_span(e: dict) -> tuple[dt.date, dt.date]:
    return dt.date.fromisoformat(e["start"]), dt.date.fromisoformat(e["end"])


def _since(mine) -> str:
    return ", ".join(f"for {p.protected} since {p.since}" if p.since else f"for {p.protected}, start not dated" for p in mine)


def _attribution(e: Event) -> dict | None:
    """Who makes the claim, when the text says so: "NATO claims", "officials said"."""
    if e.attributed_to or e.modality in (Modality.CLAIMED, Modality.HEDGED):
        return {"by": e.attributed_to, "cue": e.attribution_cue, "modality": e.modality.value}
    return None
