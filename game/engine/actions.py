"""The actions each side may take in its phase: what is open, the odds, and resolution."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
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


def candidates(state: GameState, scn: Scenario, a: ActionDef) -> list[str]:
    if a.target == "none":
        return []
    if a.target == "person":
        # With a `targets` filter the scenario says which statuses qualify (a trial needs the
        # expelled, a return from exile the fled); without one, only people still in office.
        if a.targets:
            pool = [pid for pid, p in state.people.items() if p.status not in ("dead", "executed")]
        else:
            pool = [pid for pid, p in state.people.items() if p.status in ACTIVE]
    elif a.target == "patron":
        pool = list(state.patrons)
    else:
        pool = list(state.factions)
    if not a.targets:
        return sorted(pool)
    src = a.targets
    test = X.compiled(src)
    ctx = _ctx(state, scn, None, a.target)
    plan = _filter_plan(src) if a.target == "person" else None
    key: tuple[Any, ...] | None = None
    if plan is not None:
        fields, others = plan
        try:
            # What the filter reads besides the target is the same for every candidate.
            key = (src, *(ctx.resolve(path) for path in others))
            if key not in _TARGET_MEMO and len(_TARGET_MEMO) >= _TARGET_TABLES:
                _TARGET_MEMO.clear()
        except X.FAULTS:
            key = None  # evaluated below as always, so the fault is reported as always
    out = []
    people = state.people
    memo: dict[tuple[Any, ...], bool] | None = None
    column: list[Any] | None = None
    if key is not None:
        # The whole answer, when no one in the pool has changed in the fields the filter reads
        # since it was last worked out (compared, not hashed: the usual case between two
        # decisions of one phase, as most moves touch a person or two).
        column = list(map(fields, map(people.__getitem__, pool)))
        last = _TARGET_LAST.get(key)
        same_pool = last is not None and last[0] == pool
        if same_pool and last[1] == column:
            return list(last[2])
        memo = _TARGET_MEMO.get(key)
        if memo is None or len(memo) >= _TARGET_MEMO_SIZE:
            memo = _TARGET_MEMO[key] = {}
        if same_pool:
            # The same pool, a few of them changed since (the usual case after a move): the
            # others' answers are the last ones, only the changed are asked again.
            assert last is not None
            old = last[1]
            qualified = set(last[2])
            for i in [i for i, (was, now) in enumerate(zip(old, column)) if was != now]:
                t = pool[i]
                k = (t, column[i])
                ok = memo.get(k)
                if ok is None:
                    ctx.target = t
                    try:
                        ok = memo[k] = bool(test(ctx))
                    except X.FAULTS as exc:
                        raise X.rule_error(src, ctx, f"action '{a.id}' (targets)", exc) from exc
                if ok:
                    qualified.add(t)
                else:
                    qualified.discard(t)
            out = sorted(qualified)
            _TARGET_LAST[key] = (pool, column, list(out))
            return out
    for i, t in enumerate(pool):
        if memo is not None:
            # A person filter reads only that person's fields (and what `key` holds): the same
            # fields give the same answer, so each is worked out once, not on every turn.
            assert column is not None
            k = (t, column[i])
            ok = memo.get(k)
            if ok is not None:
                if ok:
                    out.append(t)
                continue
        ctx.target = t
        try:
            ok = bool(test(ctx))
        except X.FAULTS as exc:
            raise X.rule_error(src, ctx, f"action '{a.id}' (targets)", exc) from exc
        if memo is not None:
            memo[k] = ok
        if ok:
            out.append(t)
    out.sort()
    if column is not None and key is not None:
        if key not in _TARGET_LAST and len(_TARGET_LAST) >= _TARGET_TABLES:
            _TARGET_LAST.clear()
        _TARGET_LAST[key] = (pool, column, list(out))
    return out


# filter and what it reads besides the target -> {(person id, that person's fields it reads):
# whether the person qualifies}. Each table is bounded (started afresh when full), and so is the
# number of tables.
_TARGET_MEMO: dict[tuple[Any, ...], dict[tuple[Any, ...], bool]] = {}
_TARGET_MEMO_SIZE = 50_000
# filter and what it reads besides the target -> (the pool, each one's fields it reads, the
# answer) as last worked out.
_TARGET_LAST: dict[tuple[Any, ...], tuple[list[str], list[Any], list[str]]] = {}
_TARGET_TABLES = 256
_PLANS: dict[str, tuple[Callable[[Any], Any], tuple[tuple[str, ...], ...]] | None] = {}


def _filter_plan(src: str) -> tuple[Callable[[Any], Any], tuple[tuple[str, ...], ...]] | None:
    """For a person filter that calls no function: (a getter of the person fields it reads,
    the other names it reads); None if its answer may depend on more than those."""
    if src in _PLANS:
        return _PLANS[src]
    tree = X.parse(src)
    plan: tuple[Callable[[Any], Any], tuple[tuple[str, ...], ...]] | None = None
    if not X.calls_in(tree):
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
        plan = (getter, tuple(others))
    _PLANS[src] = plan
    return plan


def view_one(state: GameState, scn: Scenario, a: ActionDef) -> ActionView:
    reason = ""
    ok = True
    if a.available and not X.run(a.available, _ctx(state, scn), f"action '{a.id}' (available)"):
        ok, reason = False, "Not possible now."
    used = state.actions_this_turn.get(a.id, 0)
    if ok and a.limit_per_turn and used >= a.limit_per_turn:
        ok, reason = False, "Already done this turn."
    targets = candidates(state, scn, a) if ok else []
    if ok and a.target != "none" and not targets:
        ok, reason = False, "No one qualifies."
    return ActionView(a, targets, a.cost <= remaining(state, a.side), ok, reason)


def view(state: GameState, scn: Scenario, side: str) -> list[ActionView]:
    return [view_one(state, scn, a) for a in scn.actions if a.side == side]


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
    state.add_log(text, "action", "all" if a.visible else side)
    # What one side does in secret may still be glimpsed by the other's informers.
    other = "opposition" if side == "kim" else "kim"
    if not a.visible and state.rng.roll() <= glimpse_odds(state.intel[other]):
        who = "Kim's people" if side == "kim" else "the critics"
        state.add_log(f"Informers report that {who} were busy: {a.name.lower()}.", "intel", other)
    return ok, text
