"""The actions each side may take in its phase: what is open, the odds, and resolution."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter, ne
from typing import TYPE_CHECKING, Any

from game.engine import expr as X
from game.engine.basics import ACTIVE
from game.engine.content import ActionDef, Scenario
from game.engine.context import EvalContext
from game.engine.effects import apply_effects, describe
from game.engine.plenum import projection

if TYPE_CHECKING:
    from game.engine.state import GameState


class Refused(Exception):
    """An order the rules do not allow; the text is shown to the player as is."""


GLIMPSE_SHARE = 4  # the other side's informers glimpse a secret move with 1/4 of their intelligence, in percent


def glimpse_odds(intel: int) -> int:
    """The chance in percent that informers with this intelligence glimpse a secret move: the rule
    the engine rolls and the action dialog states."""
    return intel // GLIMPSE_SHARE


@dataclass
class ActionView:
    action: ActionDef
    targets: list[str]
    affordable: bool
    open: bool
    reason: str = ""


@dataclass
class Preview:
    chance: int
    success: list[str] = field(default_factory=list)
    failure: list[str] = field(default_factory=list)
    cost: int = 0


def _ctx(state: GameState, scn: Scenario, target: str | None = None, kind: str | None = None) -> EvalContext:
    return EvalContext(state, scn, target=target, target_kind=kind, votes=projection)


def remaining(state: GameState, side: str) -> int:
    return state.budget[side] - state.spent.get(side, 0)


# The statuses a person target with a `targets` filter may not have (the rest qualify by it).
_GONE = ("dead", "executed")


def candidates(state: GameState, scn: Scenario, a: ActionDef, scratch: dict[Any, Any] | None = None) -> list[str]:
    """The targets an action may take now, in id order. `scratch`, a dict the caller keeps for
    one state (see view), shares what every person filter reads of everyone between them."""
    if a.target == "none":
        return []
    people = state.people
    if a.target == "person":
        if a.targets:
            plan = _filter_plan(a.targets)
            if plan is not None:
                return _person_candidates(state, scn, a, plan, scratch)
        # With a `targets` filter the scenario says which statuses qualify (a trial needs the
        # expelled, a return from exile the fled); without one, only people still in office.
        if a.targets:
            pool = [pid for pid, p in people.items() if p.status not in _GONE]
        else:
            pool = [pid for pid, p in people.items() if p.status in ACTIVE]
    elif a.target == "patron":
        pool = list(state.patrons)
    else:
        pool = list(state.factions)
    if not a.targets:
        return sorted(pool)
    src = a.targets
    test = X.compiled(src)
    ctx = _ctx(state, scn, None, a.target)
    out = []
    for t in pool:
        ctx.target = t
        try:
            ok = bool(test(ctx))
        except X.FAULTS as exc:
            raise X.rule_error(src, ctx, f"action '{a.id}' (targets)", exc) from exc
        if ok:
            out.append(t)
    out.sort()
    return out


def _person_candidates(
    state: GameState, scn: Scenario, a: ActionDef, plan: _Plan, scratch: dict[Any, Any] | None
) -> list[str]:
    """candidates() for a person filter that reads only the target's fields (`fields`) and the
    names in `others`: the answer last worked out when everyone reads the same in those fields
    and the status (compared in full, every person, so a state changed behind it is seen), or
    that answer with the few people who changed asked again, or every one asked. Everyone's
    fields are read with the getter of what any person filter of the scenario reads (so one
    read serves every action listed at once)."""
    fields, others, names = plan
    wide_names, wide = _wide(scn)
    if not names <= wide_names:  # a filter the scenario's own actions do not hold
        wide = attrgetter(*sorted(names), "status")
    src = a.targets
    assert src is not None
    test = X.compiled(src)
    ctx = _ctx(state, scn, None, a.target)
    people = state.people
    try:
        # What the filter reads besides the target is the same for every candidate.
        key: tuple[Any, ...] | None = (src, *(ctx.resolve(path) for path in others))
        if key not in _TARGET_MEMO and len(_TARGET_MEMO) >= _TARGET_TABLES:
            _TARGET_MEMO.clear()
    except X.FAULTS:
        key = None  # evaluated below as always, so the fault is reported as always
    read = scratch.get(wide) if scratch is not None else None
    if read is None:
        read = (list(people), list(map(wide, people.values())))
        if scratch is not None:
            scratch[wide] = read
    ids, column = read
    last = _TARGET_LAST.get(key) if key is not None else None
    if last is not None and last[3] is wide and last[0] == ids:
        if last[1] is column or last[1] == column:
            return list(last[2])
        # The same people, a few of them changed since (the usual case after a move): the
        # others' answers are the last ones, only the changed are asked again.
        qualified = set(last[2])
        pool = list(compress(ids, map(ne, last[1], column)))
    else:
        qualified = set()
        pool = ids
    memo: dict[tuple[Any, ...], bool] | None = None
    if key is not None:
        memo = _TARGET_MEMO.get(key)
        if memo is None or len(memo) >= _TARGET_MEMO_SIZE:
            memo = _TARGET_MEMO[key] = {}
    for t in pool:
        p = people[t]
        if p.status in _GONE:
            qualified.discard(t)
            continue
        ok = None
        if memo is not None:
            # The filter reads only this person's fields (and what `key` holds): the same fields
            # give the same answer, so each is worked out once, not on every turn.
            k = (t, fields(p))
            ok = memo.get(k)
        if ok is None:
            ctx.target = t
            try:
                ok = bool(test(ctx))
            except X.FAULTS as exc:
                raise X.rule_error(src, ctx, f"action '{a.id}' (targets)", exc) from exc
            if memo is not None:
                memo[k] = ok
        if ok:
            qualified.add(t)
        else:
            qualified.discard(t)
    out = sorted(qualified)
    if key is not None:
        if key not in _TARGET_LAST and len(_TARGET_LAST) >= _TARGET_TABLES:
            _TARGET_LAST.clear()
        _TARGET_LAST[key] = (ids, column, list(out), wide)
    return out


def _wide(scn: Scenario) -> tuple[frozenset[str], Callable[[Any], Any]]:
    """(the person fields any of the scenario's person filters reads, and the status; a getter
    of them), for the last few scenarios seen, by identity."""
    for known, names, getter in _WIDE:
        if known is scn:
            return names, getter
    read: set[str] = {"status"}
    for a in scn.actions:
        if a.target == "person" and a.targets:
            plan = _filter_plan(a.targets)
            if plan is not None:
                read |= plan[2]
    names = frozenset(read)
    getter = attrgetter(*sorted(names))
    _WIDE.insert(0, (scn, names, getter))
    del _WIDE[4:]
    return names, getter


_WIDE: list[tuple[Scenario, frozenset[str], Callable[[Any], Any]]] = []


# filter and what it reads besides the target -> {(person id, that person's fields it reads):
# whether the person qualifies}. Each table is bounded (started afresh when full), and so is the
# number of tables.
_TARGET_MEMO: dict[tuple[Any, ...], dict[tuple[Any, ...], bool]] = {}
_TARGET_MEMO_SIZE = 50_000
# filter and what it reads besides the target -> (everyone's id, each one's fields read by the
# getter last used, the answer, that getter) as last worked out.
_TARGET_LAST: dict[tuple[Any, ...], tuple[list[str], list[Any], list[str], Any]] = {}
_TARGET_TABLES = 256
# (a getter of the person fields a filter reads, the other names it reads, those fields' names)
_Plan = tuple[Callable[[Any], Any], tuple[tuple[str, ...], ...], frozenset[str]]
_PLANS: dict[str, _Plan | None] = {}


def _filter_plan(src: str) -> _Plan | None:
    """For a person filter that calls no function: (a getter of the person fields it reads,
    the other names it reads, those fields' names); None if its answer may depend on more than
    those."""
    if src in _PLANS:
        return _PLANS[src]
    tree = X.parse(src)
    plan: _Plan | None = None
    # A filter that reads a person's posts (a list) is asked afresh: the plan's answers are
    # kept against what everyone reads, and a list cannot key them.
    if not X.calls_in(tree) and not any(
        "offices" in EvalContext.PERSON_READS.get(path[1], ())
        for path, _col in X.paths_in(tree)
        if path[0] == "target" and len(path) > 1
    ):
        reads: set[str] = set()
        others: list[tuple[str, ...]] = []
        for path, _col in X.paths_in(tree):
            if path[0] == "target":
                reads.update(EvalContext.PERSON_READS.get(path[1], (path[1],)))
            elif path not in others:
                others.append(path)
        names = sorted(reads)
        getter: Callable[[Any], Any] = (
            (lambda p: ()) if not names else attrgetter(*names) if len(names) > 1 else attrgetter(names[0], names[0])
        )
        plan = (getter, tuple(others), frozenset(names))
    _PLANS[src] = plan
    return plan


def use_limit(a: ActionDef) -> tuple[str, int] | None:
    """(counter, most uses) of an action that may be done only so many times: its `available`
    condition holds a counter below a number ('var.coalition_built < 3') and its outcomes add to
    that counter (both, for rounds that count whatever comes of them; success alone, for rounds
    that count only when they work). Read from the action's own data, so the dialog can say how
    many are left."""
    hit = _LIMITS.get(a.id)
    if hit is not None and hit[0] is a:
        return hit[1]
    out = None
    if a.available:
        counted = {fx.value.name for fx in [*a.success, *a.failure] if fx.kind == "var" and fx.value.add > 0}
        try:
            tree = X.parse(a.available)
        except X.ExprError:
            tree = ("num", True, 0)
        stack = [tree]
        while stack and out is None:
            n = stack.pop()
            cb = X.counter_bound(n)
            if cb is not None:
                var, op, bound = cb
                if op in ("<", "<=") and var in counted and isinstance(bound, int):
                    out = (var, bound if op == "<" else bound + 1)
            elif n[0] == "and":  # (under "or" or "not" a bound is no limit)
                stack.extend(c for c in n[1:] if isinstance(c, tuple))
    _LIMITS[a.id] = (a, out)
    return out


_LIMITS: dict[str, tuple[ActionDef, tuple[str, int] | None]] = {}


def view_one(state: GameState, scn: Scenario, a: ActionDef, scratch: dict[Any, Any] | None = None) -> ActionView:
    reason = ""
    ok = True
    if a.available and not X.run(a.available, _ctx(state, scn), f"action '{a.id}' (available)"):
        ok, reason = False, "Not possible now."
    used = state.actions_this_turn.get(a.id, 0)
    if ok and a.limit_per_turn and used >= a.limit_per_turn:
        ok, reason = False, "Already done this turn."
    targets = candidates(state, scn, a, scratch) if ok else []
    if ok and a.target != "none" and not targets:
        ok, reason = False, "No one qualifies."
    return ActionView(a, targets, a.cost <= remaining(state, a.side), ok, reason)


def view(state: GameState, scn: Scenario, side: str) -> list[ActionView]:
    scratch: dict[Any, Any] = {}  # one state for the whole list: its people read once
    return [view_one(state, scn, a, scratch) for a in scn.actions if a.side == side]


def chance(state: GameState, scn: Scenario, a: ActionDef, target: str | None) -> int:
    raw = X.run(a.chance, _ctx(state, scn, target, a.target), f"action '{a.id}' (chance)")
    if isinstance(raw, str):
        where = scn.source_of(a.chance) or f"action '{a.id}' (chance)"
        raise X.RuleError(where, a.chance, f"the odds came out as text ({raw!r}), not a number")
    value = float(raw)
    if value >= 100 and a.chance.strip() == "100":
        return 100
    return int(max(5, min(95, round(value))))


def preview(state: GameState, scn: Scenario, a: ActionDef, target: str | None) -> Preview:
    label = (
        state.people[target].name
        if (a.target == "person" and target in state.people)
        else (scn.get(a.target, target).name if target and a.target in ("patron", "faction") else "the target")
    )
    return Preview(
        chance(state, scn, a, target), describe(scn, a.success, label), describe(scn, a.failure, label), a.cost
    )


def check(state: GameState, scn: Scenario, side: str, action_id: str, target: str | None) -> ActionDef:
    a: ActionDef | None = scn.get("action", action_id)
    if a is None or a.side != side:
        raise Refused(f"There is no such action for {'Kim' if side == 'kim' else 'the opposition'}.")
    if state.phase != side:
        raise Refused("It is not your phase of the turn.")
    if any(p.side == side for p in state.pending):
        raise Refused("Answer the waiting dispatch first.")
    v = view_one(state, scn, a)
    if not v.open:
        raise Refused(f"{a.name}: {v.reason}")
    if not v.affordable:
        raise Refused(f"{a.name} costs {a.cost}; you have {remaining(state, side)} left this turn.")
    if a.target != "none":
        if target not in v.targets:
            raise Refused(f"{a.name}: that target does not qualify.")
    elif target is not None:
        raise Refused(f"{a.name} takes no target.")
    return a


def public_text(side: str, a: ActionDef, tname: str, text: str) -> str:
    """The log line both sides read for an act done in the open: the other side did not choose
    it, so it says who did what ("The campaign stirs little enthusiasm" reached the critics
    without saying whose campaign)."""
    who = "Kim" if side == "kim" else "The critics"
    return f"{who} — {a.name}{' (' + tname + ')' if tname else ''}: {text}"


def perform(state: GameState, scn: Scenario, side: str, action_id: str, target: str | None) -> tuple[bool, str]:
    a = check(state, scn, side, action_id, target)
    odds = chance(state, scn, a, target)
    ok = odds >= 100 or state.rng.roll() <= odds
    state.spent[side] = state.spent.get(side, 0) + a.cost
    state.actions_this_turn[a.id] = state.actions_this_turn.get(a.id, 0) + 1
    apply_effects(state, scn, a.success if ok else a.failure, target=target)
    tname = ""
    if target:
        tname = state.people[target].name if a.target == "person" else scn.get(a.target, target).name
    text = (a.success_text if ok else a.failure_text) or (
        f"{a.name}{' — ' + tname if tname else ''}: {'success' if ok else 'failed'}."
    )
    text = text.replace("{target}", tname)
    if a.visible:
        state.add_log(public_text(side, a, tname, text), "action", "all")
    else:
        state.add_log(text, "action", side)
    # What one side does in secret may still be glimpsed by the other's informers.
    other = "opposition" if side == "kim" else "kim"
    if not a.visible and state.rng.roll() <= glimpse_odds(state.intel[other]):
        who = "Kim's people" if side == "kim" else "the critics"
        state.add_log(f"Informers report that {who} were busy: {a.name.lower()}.", "intel", other)
    return ok, text
