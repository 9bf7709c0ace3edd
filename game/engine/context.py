"""What a scenario expression may name, with each name's type, checked at load time and
resolved at play time.

The tables below are the one list of names a modder may use: ``check_path`` refuses whatever
is not in them, ``type_of`` gives the type the load-time type check (``typecheck.py``) works
with, ``EvalContext.resolve`` answers them from the live state, and the format reference
prints them. A test resolves every name on a real game and checks its value has the declared
type, so the tables and the resolver cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from game.engine import expr as X
from game.engine.basics import (
    ACTIVE,
    CC_SEATS,
    COUNTRY_FIELDS,
    PATRON_FIELDS,
    SIDES,
    STATUSES,
    date_add,
    suggest,
)

if TYPE_CHECKING:
    from game.engine.content import Scenario
    from game.engine.state import GameState

# --------------------------------------------------------------------------- the types

NUMBER = "number"
BOOL = "true/false"
TEXT = "text"
DATE = "date"
STATUS = "status"
SEAT = "seat"
FACTION = "faction id"
PERSON = "person id"
PATRON = "patron id"
TACTIC = "tactic id"

# Types with a closed list of values: a quoted string compared with one must be one of them.
ENUMS = (STATUS, SEAT, FACTION, PERSON, PATRON, TACTIC)
NUMERIC = (NUMBER, BOOL)  # true and false count as 1 and 0 in arithmetic


def enum_values(ty: str, scn: Scenario) -> tuple[str, ...]:
    """The values a name of an enumerated type can take in this scenario."""
    if ty == STATUS:
        return STATUSES
    if ty == SEAT:
        return CC_SEATS
    if ty == FACTION:
        return ("", *scn.ids("faction"))  # "" is the faction of a foreign figure
    if ty in (PERSON, PATRON):
        return tuple(scn.ids(ty.split()[0]))
    if ty == TACTIC:
        # "" is what tactic.<side> holds before that side has chosen.
        return ("", *sorted({t.id for p in scn.plenums for t in p.tactics}))
    raise KeyError(ty)


# --------------------------------------------------------------------------- the names

FACTION_NAMES: dict[str, str] = {"influence": NUMBER, "cohesion": NUMBER, "members": NUMBER, "broken": BOOL}
# faction.<id>.standing.<patron id> is a number too (the one four-part name).
PERSON_NAMES: dict[str, str] = {
    "loyalty": NUMBER,
    "ambition": NUMBER,
    "reputation": NUMBER,
    "fear": NUMBER,
    "status": STATUS,
    "faction": FACTION,
    "cc": SEAT,
    "plotter": BOOL,
    "pledge_kim": NUMBER,
    "pledge_opposition": NUMBER,
    "active": BOOL,
    "in_cc": BOOL,
    "in_office": BOOL,
    "generated": BOOL,
}
PATRON_NAMES: dict[str, str] = {name: NUMBER for name in PATRON_FIELDS}
COUNTRY_NAMES: dict[str, str] = {name: NUMBER for name in COUNTRY_FIELDS}
SCALAR_NAMES: dict[str, str] = {
    "rift": NUMBER,
    "exposure": NUMBER,
    "turn": NUMBER,
    "date": DATE,
    "year": NUMBER,
    "month": NUMBER,
}
VOTE_NAMES: dict[str, str] = {k: NUMBER for k in ("kim", "opposition", "swing", "majority", "present")}
# target.<attr>, by what the action targets; 'id' is the target's own id.
TARGET_NAMES: dict[str, dict[str, str]] = {
    "person": {**PERSON_NAMES, "id": PERSON},
    "patron": {**PATRON_NAMES, "id": PATRON},
    "faction": {"influence": NUMBER, "cohesion": NUMBER, "id": FACTION},
}
SIDE_NAMES: dict[str, str] = {"intel": NUMBER, "budget": NUMBER, "tactic": TACTIC}  # <root>.<kim|opposition>
FREE_NAMES: dict[str, str] = {"flag": BOOL, "var": NUMBER}  # <root>.<any name>
ROOTS: tuple[str, ...] = (
    "faction",
    "person",
    "patron",
    "country",
    "flag",
    "var",
    "intel",
    "budget",
    "votes",
    "target",
    "tactic",
    *SCALAR_NAMES,
)
# What each function returns (its arguments are in expr.FUNCTIONS).
FUNCTION_RESULTS: dict[str, str] = {
    "holds": BOOL,
    "passed": BOOL,
    "held": BOOL,
    "status_count": NUMBER,
    "min": NUMBER,
    "max": NUMBER,
    "abs": NUMBER,
    "fired": BOOL,
    "chose": BOOL,
}

# The plain lists other modules (the format reference) print.
PERSON_ATTRS = tuple(PERSON_NAMES)
PATRON_ATTRS = tuple(PATRON_NAMES)
COUNTRY_ATTRS = tuple(COUNTRY_NAMES)
SCALARS = tuple(SCALAR_NAMES)
VOTE_ATTRS = tuple(VOTE_NAMES)


def _bad(msg: str, hint: str = "") -> tuple[str, str]:
    return msg, hint


def check_path(
    path: tuple[str, ...], scn: Scenario, *, target: str | None = None, plenum: bool = False
) -> tuple[str, str] | None:
    """None if the path is valid here, else (message, hint)."""
    root, rest = path[0], path[1:]

    def need(n: int, what: str) -> tuple[str, str] | None:
        if len(rest) != n:
            return _bad(f"'{'.'.join(path)}' should be {what}")
        return None

    def known(kind: str, id_: str) -> tuple[str, str] | None:
        ids = scn.ids(kind)
        if id_ not in ids:
            return _bad(f"unknown {kind} '{id_}' in '{'.'.join(path)}'", suggest(id_, ids))
        return None

    def attr(name: str, allowed: Mapping[str, str] | tuple[str, ...]) -> tuple[str, str] | None:
        if name not in allowed:
            return _bad(
                f"'{name}' is not something '{root}' has", suggest(name, allowed) or f"use one of: {', '.join(allowed)}"
            )
        return None

    if root == "faction":
        if len(rest) == 3 and rest[1] == "standing":
            return known("faction", rest[0]) or known("patron", rest[2])
        return (
            need(2, "faction.<id>.<influence|cohesion|members|broken>")
            or known("faction", rest[0])
            or attr(rest[1], FACTION_NAMES)
        )
    if root == "person":
        return need(2, "person.<id>.<attribute>") or known("person", rest[0]) or attr(rest[1], PERSON_NAMES)
    if root == "patron":
        return need(2, "patron.<id>.<attribute>") or known("patron", rest[0]) or attr(rest[1], PATRON_NAMES)
    if root == "country":
        return need(1, "country.<attribute>") or attr(rest[0], COUNTRY_NAMES)
    if root in FREE_NAMES:
        return need(1, f"{root}.<name>")
    if root == "tactic" and not plenum:
        return _bad("'tactic' can only be used inside a plenum")
    if root in SIDE_NAMES:
        return need(1, f"{root}.<kim|opposition>") or attr(rest[0], SIDES)
    if root == "votes":
        return need(1, "votes.<kim|opposition|swing|majority|present>") or attr(rest[0], VOTE_NAMES)
    if root in SCALAR_NAMES:
        return need(0, f"just '{root}'")
    if root == "target":
        if target is None or target == "none":
            return _bad("'target' can only be used in an action that has a target")
        return need(1, "target.<attribute>") or attr(rest[0], TARGET_NAMES[target])
    return _bad(f"unknown name '{root}'", suggest(root, ROOTS) or f"names start with one of: {', '.join(ROOTS)}")


def type_of(path: tuple[str, ...], *, target: str | None = None) -> str:
    """The type of a name that check_path accepted."""
    root = path[0]
    if root == "faction":
        return NUMBER if path[2] == "standing" else FACTION_NAMES[path[2]]
    if root == "person":
        return PERSON_NAMES[path[2]]
    if root == "patron":
        return PATRON_NAMES[path[2]]
    if root == "country":
        return COUNTRY_NAMES[path[1]]
    if root in FREE_NAMES:
        return FREE_NAMES[root]
    if root in SIDE_NAMES:
        return SIDE_NAMES[root]
    if root == "votes":
        return VOTE_NAMES[path[1]]
    if root == "target":
        return TARGET_NAMES[target or "person"][path[1]]
    return SCALAR_NAMES[root]


# --------------------------------------------------------------------------- answering at play time

Votes = Callable[["GameState", "Scenario"], Mapping[str, Any]]


class EvalContext:
    """Answers an expression's questions from the live state. Never draws randomness.

    `votes` counts the committee for `votes.*` names (the plenum module's projection); it is
    passed in rather than imported so that the names do not depend on the vote rule."""

    __slots__ = ("_votes", "plenum_id", "scn", "state", "target", "target_kind", "votes")

    def __init__(
        self,
        state: GameState,
        scn: Scenario,
        target: str | None = None,
        target_kind: str | None = None,
        plenum_id: str | None = None,
        votes: Votes | None = None,
    ):
        self.state = state
        self.scn = scn
        self.target = target
        self.target_kind = target_kind
        self.plenum_id = plenum_id
        self.votes = votes
        self._votes: Mapping[str, Any] | None = None

    # The state fields behind each person name `_person` answers (the rest read their own
    # field): what a cached answer about a person must be keyed on (actions.candidates).
    PERSON_READS: dict[str, tuple[str, ...]] = {
        "in_cc": ("cc", "status"),
        "in_office": ("offices",),
        "active": ("status",),
        "id": (),
    }

    def _person(self, pid: str, attr: str) -> Any:
        p = self.state.people[pid]
        if attr == "in_cc":
            return p.cc != "none" and p.status in ACTIVE
        if attr == "active":
            return p.status in ACTIVE
        if attr == "in_office":
            return bool(p.offices)
        if attr == "id":
            return pid
        return getattr(p, attr)

    def resolve(self, path: tuple[str, ...]) -> Any:
        st = self.state
        root = path[0]
        # 'target' first: action target filters run it for every candidate, every turn.
        if root == "target":
            if self.target is None:
                raise KeyError("target")
            if self.target_kind == "person":
                return self._person(self.target, path[1])
            if path[1] == "id":
                return self.target
            if self.target_kind == "patron":
                return getattr(st.patrons[self.target], path[1])
            return getattr(st.factions[self.target], path[1])
        if root == "faction":
            f = st.factions[path[1]]
            if path[2] == "standing":
                return f.standing.get(path[3], 0)
            if path[2] in ("members", "broken"):
                n = faction_members(st, path[1])
                return n if path[2] == "members" else (n == 0 or (n <= 1 and f.influence < 8))
            return getattr(f, path[2])
        if root == "person":
            return self._person(path[1], path[2])
        if root == "patron":
            return getattr(st.patrons[path[1]], path[2])
        if root == "country":
            return getattr(st.country, path[1])
        if root == "flag":
            return st.has_flag(path[1])
        if root == "var":
            return st.vars.get(path[1], 0)
        if root == "intel":
            return st.intel[path[1]]
        if root == "budget":
            return st.budget[path[1]] - st.spent.get(path[1], 0)
        if root == "votes":
            if self._votes is None:
                if self.votes is None:
                    raise KeyError("votes are not counted in this context")
                self._votes = self.votes(st, self.scn)
            return self._votes[path[1]]
        if root == "rift":
            return st.rift
        if root == "exposure":
            return st.exposure
        if root == "turn":
            return st.turn
        if root == "date":
            return st.date
        if root == "year":
            return int(st.date[:4])
        if root == "month":
            return int(st.date[5:7])
        if root == "tactic":
            pl = st.plenums.get(self.plenum_id or "")
            return pl.tactics.get(path[1], "") if pl else ""
        raise KeyError(".".join(path))

    def call(self, name: str, args: list[Any]) -> Any:
        st = self.state
        if name == "holds":
            p = st.people.get(args[0])
            # An ambassador abroad still holds his post; the fled and the purged do not.
            return bool(p and args[1] in p.offices and (p.status in ACTIVE or p.status == "abroad"))
        if name == "passed":
            pl = st.plenums.get(args[0])
            if not pl or not pl.record:
                return False
            return args[1] in pl.record.get("passed", [])
        if name == "held":
            pl = st.plenums.get(args[0])
            return bool(pl and pl.status == "held")
        if name == "status_count":
            fac = args[1] if len(args) > 1 else None
            return sum(
                1
                for p in st.people.values()
                if p.status == args[0] and not p.generated and (fac is None or p.faction == fac)
            )
        if name == "min":
            return min(args)
        if name == "max":
            return max(args)
        if name == "abs":
            return abs(args[0])
        if name == "fired":
            return args[0] in st.fired
        if name == "chose":
            return args[1] in st.fired.get(args[0], "").split(",")
        raise KeyError(name)


# --------------------------------------------------------------------------- what an answer reads


def _people(*names: str) -> frozenset[str]:
    return frozenset(f"people.{n}" for n in names)


# The state's fields behind each answer (GameState's field names; "people.<field>" for one field
# of the people), so that a caller can tell when an answer cannot have changed: the AI's look-ahead
# skips the endings' check after a move that changes nothing they read (effect_kinds' `changes`
# says what a move may change). Written beside `resolve` and `call`, branch for branch.
_MEMBERS = _people("faction", "generated", "status", "offices", "cc")  # faction_members reads these
FUNCTION_READS: dict[str, frozenset[str]] = {
    "holds": _people("offices", "status"),
    "passed": frozenset({"plenums"}),
    "held": frozenset({"plenums"}),
    "status_count": _people("status", "generated", "faction"),
    "min": frozenset(),
    "max": frozenset(),
    "abs": frozenset(),
    "fired": frozenset({"fired"}),
    "chose": frozenset({"fired"}),
}
_ROOT_READS: dict[str, frozenset[str]] = {
    "patron": frozenset({"patrons"}),
    "country": frozenset({"country"}),
    "flag": frozenset({"flags"}),
    "var": frozenset({"vars"}),
    "intel": frozenset({"intel"}),
    "budget": frozenset({"budget", "spent"}),
    "rift": frozenset({"rift"}),
    "exposure": frozenset({"exposure"}),
    "turn": frozenset({"turn"}),
    "date": frozenset({"date"}),
    "year": frozenset({"date"}),
    "month": frozenset({"date"}),
    "tactic": frozenset({"plenums"}),
}


def path_reads(path: tuple[str, ...]) -> frozenset[str] | None:
    """The state's fields one name's answer reads (None: it may read anything, e.g. the
    committee's count or an action's target)."""
    root = path[0]
    if root == "faction":
        attr = path[2] if len(path) > 2 else ""
        if attr == "members":
            return _MEMBERS
        if attr == "broken":
            return _MEMBERS | {"factions"}
        return frozenset({"factions"})
    if root == "person":
        attr = path[2] if len(path) > 2 else ""
        return _people(*EvalContext.PERSON_READS.get(attr, (attr,)))
    return _ROOT_READS.get(root)


@lru_cache(maxsize=1024)
def reads(src: str) -> frozenset[str] | None:
    """The state's fields an expression's answer reads: what its names and functions read
    (an expression reaches the state only through EvalContext.resolve and .call). None: it may
    read anything."""
    tree = X.parse(src)
    out: set[str] = set()
    for path, _col in X.paths_in(tree):
        got = path_reads(path)
        if got is None:
            return None
        out |= got
    for name, _args, _col in X.calls_in(tree):
        fn = FUNCTION_READS.get(name)
        if fn is None:
            return None
        out |= fn
    return frozenset(out)


def overlaps(changes: frozenset[str] | None, reads: frozenset[str] | None) -> bool:
    """Whether something that may change `changes` may change an answer that reads `reads`
    ("people" in either stands for every field of the people)."""
    if changes is None or reads is None:
        return True
    if not changes.isdisjoint(reads):
        return True
    if "people" in changes and any(r.startswith("people.") for r in reads):
        return True
    return "people" in reads and any(c.startswith("people.") for c in changes)


def faction_members(state: GameState, fid: str) -> int:
    """Named members of a faction still active in the party's leadership (holding a post or a seat)."""
    return sum(
        1
        for p in state.people.values()
        if p.faction == fid and not p.generated and p.status in ACTIVE and (p.offices or p.cc != "none")
    )


__all__ = [
    "ACTIVE",
    "ENUMS",
    "FUNCTION_READS",
    "FUNCTION_RESULTS",
    "STATUSES",
    "EvalContext",
    "check_path",
    "date_add",
    "enum_values",
    "faction_members",
    "overlaps",
    "path_reads",
    "reads",
    "type_of",
]
