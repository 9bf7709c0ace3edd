"""What a scenario expression may refer to, checked at load time and resolved at play time.

Keeping the load-time check and the run-time resolver side by side means the list of names a
modder may use is written once: ``check_path`` refuses exactly what ``EvalContext.resolve``
could not answer.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

from game.engine.content import STATUSES, Scenario

if TYPE_CHECKING:
    from game.engine.state import GameState

FACTION_ATTRS = ("influence", "cohesion", "standing")
PERSON_ATTRS = (
    "loyalty",
    "ambition",
    "reputation",
    "fear",
    "status",
    "faction",
    "cc",
    "plotter",
    "pledge_kim",
    "pledge_opposition",
    "active",
    "in_cc",
    "generated",
)
PATRON_ATTRS = ("favour_kim", "favour_opposition", "leverage", "aid", "advisers", "troops", "doctrine", "intervention")
COUNTRY_ATTRS = ("economy", "support", "security", "cult")
SCALARS = ("rift", "exposure", "turn", "date", "year", "month")
VOTE_ATTRS = ("kim", "opposition", "swing", "majority", "present")
SIDES = ("kim", "opposition")
ACTIVE = ("active", "demoted")


def _bad(msg: str, hint: str = "") -> tuple[str, str]:
    return msg, hint


def check_path(
    path: tuple[str, ...], scn: Scenario, *, target: str | None = None, plenum: bool = False
) -> tuple[str, str] | None:
    """None if the path is valid here, else (message, hint)."""
    from game.scenario.diagnostics import suggest

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

    def attr(name: str, allowed: tuple[str, ...]) -> tuple[str, str] | None:
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
            or attr(rest[1], ("influence", "cohesion", "members", "broken"))
        )
    if root == "person":
        return need(2, "person.<id>.<attribute>") or known("person", rest[0]) or attr(rest[1], PERSON_ATTRS)
    if root == "patron":
        return need(2, "patron.<id>.<attribute>") or known("patron", rest[0]) or attr(rest[1], PATRON_ATTRS)
    if root == "country":
        return need(1, "country.<attribute>") or attr(rest[0], COUNTRY_ATTRS)
    if root in ("flag", "var"):
        return need(1, f"{root}.<name>")
    if root in ("intel", "budget"):
        return need(1, f"{root}.<kim|opposition>") or attr(rest[0], SIDES)
    if root == "votes":
        return need(1, "votes.<kim|opposition|swing|majority|present>") or attr(rest[0], VOTE_ATTRS)
    if root in SCALARS:
        return need(0, f"just '{root}'")
    if root == "target":
        if target is None or target == "none":
            return _bad("'target' can only be used in an action that has a target")
        allowed = {
            "person": PERSON_ATTRS + ("id",),
            "patron": PATRON_ATTRS + ("id",),
            "faction": ("influence", "cohesion", "id"),
        }[target]
        return need(1, "target.<attribute>") or attr(rest[0], allowed)
    if root == "tactic":
        if not plenum:
            return _bad("'tactic' can only be used inside a plenum")
        return need(1, "tactic.<kim|opposition>") or attr(rest[0], SIDES)
    roots = (
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
    ) + SCALARS
    return _bad(f"unknown name '{root}'", suggest(root, roots) or f"names start with one of: {', '.join(roots)}")


class EvalContext:
    """Answers an expression's questions from the live state. Never draws randomness."""

    __slots__ = ("_votes", "plenum_id", "scn", "state", "target", "target_kind")

    def __init__(
        self,
        state: GameState,
        scn: Scenario,
        target: str | None = None,
        target_kind: str | None = None,
        plenum_id: str | None = None,
    ):
        self.state = state
        self.scn = scn
        self.target = target
        self.target_kind = target_kind
        self.plenum_id = plenum_id
        self._votes: dict | None = None

    def _person(self, pid: str, attr: str) -> Any:
        p = self.state.people[pid]
        if attr == "in_cc":
            return p.cc != "none" and p.status in ACTIVE
        if attr == "active":
            return p.status in ACTIVE
        if attr == "in_cc":
            return p.cc != "none" and p.status in ACTIVE
        if attr == "id":
            return pid
        return getattr(p, attr)

    def resolve(self, path: tuple[str, ...]) -> Any:
        st = self.state
        root = path[0]
        # 'target' first: action target filters run it for every candidate, every turn.
        if root == "target":
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
                from game.engine.plenum import projection

                self._votes = projection(st, self.scn)
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


def faction_members(state: GameState, fid: str) -> int:
    """Named members of a faction still active in the party's leadership (holding a post or a seat)."""
    return sum(
        1
        for p in state.people.values()
        if p.faction == fid and not p.generated and p.status in ACTIVE and (p.offices or p.cc != "none")
    )


def date_add(date: str, days: int) -> str:
    return (_dt.date.fromisoformat(date) + _dt.timedelta(days=days)).isoformat()


__all__ = ["STATUSES", "EvalContext", "check_path", "date_add"]
