"""Named groups of states whose membership depends on the date: blocs, and unions of blocs.

A bloc (NATO, EU, ...) is a group of its members on the date. A defined group such as
"western" is a union of blocs plus listed states, minus exclusions, read from a TOML file
(`data/groups/western.toml` ships; a user can pass files of their own).
"""

from __future__ import annotations

import csv
import datetime as dt
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..state import Memberships

DATA = resources.files("legation.reference") / "data"


class GroupError(ValueError):
    """A group name nobody defined, or a group file that cannot be read."""


@dataclass(frozen=True)
class Group:
    name: str
    label: str
    blocs: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    description: str = ""
    source: str = ""
    defined_in: str = ""

    def members(self, at: dt.date, memberships: Memberships) -> set[str]:
        found = set(self.states)
        for bloc in self.blocs:
            found |= set(memberships.members(bloc, at))
        return found - set(self.exclude)

    def contains(self, code: str, at: dt.date, memberships: Memberships) -> bool:
        return code in self.members(at, memberships)


def _bloc_table() -> list[dict]:
    with (DATA / "blocs.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@dataclass
class Groups:
    """Every name a user may pass to --group: bloc codes and aliases, and defined groups."""

    by_name: dict[str, Group] = field(default_factory=dict)

    @classmethod
    def load(cls, files: list[Path] | None = None) -> "Groups":
        groups = cls()
        for row in _bloc_table():
            bloc = Group(name=row["code"], label=row["name"], blocs=(row["code"],),
                         description=row["description"], source=row["source"], defined_in="blocs.csv")  # fmt: skip
            for alias in [row["code"], row["name"], *row["aliases"].split("|")]:
                groups.by_name[_key(alias)] = bloc
        for path in sorted((DATA / "groups").iterdir(), key=lambda p: p.name):
            if path.name.endswith(".toml"):
                groups.add_file(path, shipped=True)
        for path in files or []:
            groups.add_file(Path(path))
        return groups

    def add_file(self, path, shipped: bool = False) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise GroupError(f"cannot read group file {path}: {getattr(err, 'strerror', None) or err}") from None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise GroupError(f"group file {path} is not valid TOML: {err}") from None
        tables = data["groups"] if isinstance(data.get("groups"), dict) else {data.get("name", ""): data}
        known_blocs = {g.name for g in self.by_name.values() if g.blocs == (g.name,)}
        for name, table in tables.items():
            self.by_name[_key(name)] = _parse_group(name, table, path, known_blocs, shipped)

    def get(self, name: str) -> Group:
        group = self.by_name.get(_key(name))
        if group is None:
            import difflib

            names = sorted({g.name for g in self.by_name.values()})
            close = difflib.get_close_matches(name.upper(), [n.upper() for n in names], n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise GroupError(f"unknown group {name!r}{hint} (known: {', '.join(names)})")
        return group

    def all(self) -> list[Group]:
        seen, out = set(), []
        for g in self.by_name.values():
            if g.name not in seen:
                seen.add(g.name)
                out.append(g)
        return out


def _key(name: str) -> str:
    name = name.strip().lower()
    return name[4:] if name.startswith("the ") else name


def _parse_group(name, table, path, known_blocs: set[str], shipped: bool) -> Group:
    where = f"group file {path}"
    if not name or not isinstance(table, dict):
        raise GroupError(f"{where}: expected 'name = \"...\"' or [groups.NAME] tables")

    def codes(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise GroupError(f"{where}: '{key}' must be a list of strings, got {value!r}")
        return tuple(v.strip().upper() for v in value)

    blocs = codes("blocs")
    unknown = [b for b in blocs if b not in known_blocs]
    if unknown:
        raise GroupError(f"{where}: unknown bloc(s) {', '.join(unknown)} (known: {', '.join(sorted(known_blocs))})")
    states, exclude = codes("states"), codes("exclude")
    from .gazetteer import Gazetteer

    gaz = Gazetteer.default()
    for code in states + exclude:
        try:
            gaz.get(code)
        except KeyError:
            raise GroupError(f"{where}: unknown state code {code!r} in group {name!r}") from None
    if not blocs and not states:
        raise GroupError(f"{where}: group {name!r} names no blocs and no states")
    return Group(
        name=str(name),
        label=str(table.get("label", name)),
        blocs=blocs,
        states=states,
        exclude=exclude,
        description=str(table.get("description", "")),
        source=str(table.get("source", "shipped with Legation" if shipped else f"user file {path}")),
        defined_in=str(path.name if shipped else path),
    )
