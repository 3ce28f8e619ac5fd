"""CAMEO, as the event data sets that use it write it: event codes, country codes, agent codes.

- Event codes map to PLOVER with `data/cameo_plover.csv` (derived from PLOVER's own
  cameo2plover table; see `data/ATTRIBUTION.md`). A code missing from the table falls back
  to its three-digit base, then to its root ("0431" -> "043" -> "04").
- Country codes are ISO 3166 alpha-3 except for a few that CAMEO kept from before ISO changed
  them or never had (Romania ROM, Zaire ZAR, East Timor TMP ...): those are mapped both ways.
  Region codes (AFR, EUR, WST ...) have no state and are kept as given.
- Agent codes (GOV, MIL, COP, REB ...) name the part of a state an actor is; they map to
  Legation's sectors (government, military, police, rebels, opposition, civilians ...).
"""

from __future__ import annotations

import csv
import functools
from collections import Counter
from dataclasses import dataclass
from importlib import resources

DATA = resources.files("legation.exchange") / "data"

# CAMEO country codes that are not the ISO 3166 alpha-3 code of the same state.
CAMEO_COUNTRY_TO_ISO = {
    "ROM": "ROU",  # Romania (ISO changed ROM to ROU in 2002)
    "ZAR": "COD",  # Zaire / Democratic Republic of the Congo
    "TMP": "TLS",  # East Timor / Timor-Leste
    "SER": "SRB",  # Serbia
    "JAP": "JPN",
    "VTN": "VNM",
    "UK": "GBR",
    "KOS": "XKX",  # Kosovo (no ISO code; Legation uses the common user-assigned XKX)
}
# The other way, CAMEO's own spelling only (JAP, VTN, SER and UK are variants some coded data
# sets use; CAMEO itself writes JPN, VNM, SRB and GBR).
ISO_TO_CAMEO_COUNTRY = {"ROU": "ROM", "COD": "ZAR", "TLS": "TMP"}

# Known groups (GDELT's Actor1KnownGroupCode, the last part of IGO codes such as IGOWSTNAT)
# that Legation has codes of its own for.
KNOWN_GROUPS = {"NAT": "NATO", "EEC": "EUU", "UNO": "UNO"}
# Legation's codes of organisations and blocs -> CAMEO actor codes.
ORGANISATION_CODES = {"NATO": "IGOWSTNAT", "EU": "IGOEUREEC", "EUU": "IGOEUREEC", "UNO": "IGOUNO", "UNSC": "IGOUNO"}

# Agent codes (the first three letters of a CAMEO agent code: GOVFRM is GOV) -> sector.
SECTOR_OF_AGENT = {
    "GOV": "government", "JUD": "government", "LEG": "government",
    "MIL": "military",
    "COP": "police", "SPY": "police",
    "REB": "rebels", "INS": "rebels", "SEP": "rebels", "UAF": "rebels",
    "OPP": "opposition",
    "CVL": "civilians", "EDU": "civilians", "LAB": "civilians", "REF": "civilians", "AGR": "civilians",
    "HLH": "civilians", "DEV": "civilians", "HRI": "civilians", "ENV": "civilians", "MOV": "civilians",
    "BUS": "business", "MNC": "business",
    "MED": "media",
    "CRM": "criminals",
    "PTY": "party",
    "ELI": "elites",
    "RAD": "radicals", "MOD": "moderates",
    "IGO": "organisation", "NGO": "organisation", "NGM": "organisation",
    "REL": "religious", "CHR": "religious", "MOS": "religious", "JEW": "religious", "BUD": "religious",
    "HIN": "religious", "SIK": "religious", "JAN": "religious", "ITH": "religious", "CON": "religious",
    "TAO": "religious", "SHN": "religious", "ZRO": "religious", "BAH": "religious", "DOX": "religious",
}  # fmt: skip
AGENT_OF_SECTOR = {
    "government": "GOV", "military": "MIL", "police": "COP", "rebels": "REB", "opposition": "OPP",
    "civilians": "CVL", "business": "BUS", "media": "MED", "criminals": "CRM", "party": "PTY",
    "elites": "ELI", "radicals": "RAD", "moderates": "MOD", "religious": "REL",
}  # fmt: skip


def sector_of_agent(code: str) -> str:
    """'GOV' -> 'government', '~GOVFRM' -> 'government', 'NGO~' -> 'organisation'; an agent code
    CAMEO does not define becomes 'other'."""
    code = code.strip().strip("~").upper()
    if not code or code == "---":
        return ""
    return SECTOR_OF_AGENT.get(code[:3], "other")


def country_to_iso(code: str) -> str:
    return CAMEO_COUNTRY_TO_ISO.get(code, code)


def iso_to_country(code: str) -> str:
    """A state's code as CAMEO writes it (ROU -> ROM)."""
    return ISO_TO_CAMEO_COUNTRY.get(code, code)


def actor_code(code: str, sector: str, is_state: bool) -> str:
    """A Legation actor as a CAMEO actor code: a state's country code and the agent code of
    its sector (POL + government -> POLGOV), an organisation's IGO code (NATO -> IGOWSTNAT);
    other codes (blocs CAMEO lacks, codes from users' dictionaries) as they are."""
    if not code:
        return ""
    if is_state:
        return iso_to_country(code) + AGENT_OF_SECTOR.get(sector or "", "")
    return ORGANISATION_CODES.get(code, code)


def quad_class(root: str) -> int | None:
    """CAMEO's four classes: 1 verbal cooperation (01-05), 2 material cooperation (06-08),
    3 verbal conflict (09-13), 4 material conflict (14-20)."""
    if not root or not root[:2].isdigit():
        return None
    n = int(root[:2])
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4 if n <= 20 else None


@dataclass(frozen=True)
class CameoRow:
    code: str
    event: str  # PLOVER type
    mode: str
    context: str
    description: str
    origin: str


class CameoTable:
    """CAMEO event code <-> PLOVER type and mode."""

    def __init__(self, rows: list[CameoRow]):
        self.rows = {r.code: r for r in rows}
        self._back: dict[tuple[str, str], str] = {}

    @classmethod
    @functools.cache
    def default(cls) -> "CameoTable":
        with (DATA / "cameo_plover.csv").open(newline="", encoding="utf-8") as f:
            return cls([CameoRow(r["cameo"], r["event"], r["mode"], r["context"], r["description"], r["origin"])
                        for r in csv.DictReader(f)])  # fmt: skip

    def lookup(self, code: str) -> CameoRow | None:
        """The row for a CAMEO code, or for its base or root when the table lacks the code."""
        code = code.strip()
        for key in (code, code[:3], code[:2]):
            if key and key in self.rows:
                return self.rows[key]
        return None

    def representative(self, event: str, mode: str = "") -> str:
        """A CAMEO code standing for a PLOVER type (and mode): in the root most of the type's
        codes fall under, the shortest code with that mode, else the root's general code.
        COOPERATE -> 060, SANCTION/withdraw -> 161, ASSAULT -> 180. '' for types CAMEO lacks."""
        key = (event, mode)
        if key not in self._back:
            self._back[key] = self._representative(event, mode)
        return self._back[key]

    def _representative(self, event: str, mode: str) -> str:
        rows = [r for r in self.rows.values() if r.event == event and len(r.code) >= 3]
        own = [r for r in rows if not r.origin.startswith("legation")]
        rows = own or rows
        if not rows:
            return ""
        roots = Counter(r.code[:2] for r in rows)
        root = min(roots, key=lambda k: (-roots[k], k))
        order = lambda r: (len(r.code), r.code)  # noqa: E731
        in_root = [r for r in rows if r.code[:2] == root]
        for pool in ([r for r in in_root if mode and r.mode == mode], [r for r in rows if mode and r.mode == mode],
                     [r for r in in_root if not r.mode], in_root):  # fmt: skip
            if pool:
                return min(pool, key=order).code
        return root + "0"
