"""Named outcomes, checked after every turn and at the end date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine import expr as X
from game.engine.content import EndingDef, Scenario
from game.engine.context import EvalContext, overlaps, reads
from game.engine.plenum import projection

if TYPE_CHECKING:
    from game.engine.state import GameState


def _holds(state: GameState, scn: Scenario, e: EndingDef, ctx: EvalContext | None = None) -> bool:
    if e.condition is None:
        return True
    if ctx is None:
        ctx = EvalContext(state, scn, votes=projection)
    return bool(X.run(e.condition, ctx, f"ending '{e.id}' (condition)"))


# (scenario, its endings by priority) for the last few scenarios seen, matched by identity: a
# loaded scenario never changes, and the AI's look-ahead checks the endings after every move it
# tries. (No id() keys: the engine must not depend on object addresses.)
_RANKED: list[tuple[Scenario, list[tuple[int, EndingDef]]]] = []


def _ranked(scn: Scenario) -> list[tuple[int, EndingDef]]:
    """The scenario's endings, highest priority first, then file order."""
    for known, ranked in _RANKED:
        if known is scn:
            return ranked
    ranked = sorted(enumerate(scn.endings), key=lambda t: (-t[1].priority, t[0]))
    _RANKED.insert(0, (scn, ranked))
    del _RANKED[4:]
    return ranked


# (scenario, what the endings checked during play read) for the last few scenarios, by identity.
_READS: list[tuple[Scenario, frozenset[str] | None]] = []


def check_reads(scn: Scenario) -> frozenset[str] | None:
    """The state's fields `check(..., at_end=False)` reads (context.reads of every condition it
    evaluates): a state that differs from another in none of them reaches the same ending, or
    none. None: it may read anything."""
    for known, seen in _READS:
        if known is scn:
            return seen
    out: frozenset[str] | None = frozenset()
    for _, e in _ranked(scn):
        if e.when == "end" or e.condition is None:
            continue  # as `check` skips them during play
        r = reads(e.condition)
        out = None if r is None or out is None else out | r
    _READS.insert(0, (scn, out))
    del _READS[4:]
    return out


def check(state: GameState, scn: Scenario, *, at_end: bool) -> str | None:
    """The id of the ending reached now, if any: highest priority first, then file order."""
    # One context for every condition: it reads the live state and never draws, so the endings
    # may share it (and the committee's count, which it works out once when a condition asks).
    ctx = None
    for _, e in _ranked(scn):
        if e.when == "end" and not at_end:
            continue
        if e.condition is None and not at_end:
            continue
        if ctx is None:
            ctx = EvalContext(state, scn, votes=projection)
        if _holds(state, scn, e, ctx):
            return e.id
    return None


# (scenario, each ending `check` asks during play, in its order, with what its condition reads)
# for the last few scenarios, by identity.
_EACH: list[tuple[Scenario, list[tuple[EndingDef, frozenset[str] | None]]]] = []


def _each(scn: Scenario) -> list[tuple[EndingDef, frozenset[str] | None]]:
    for known, each in _EACH:
        if known is scn:
            return each
    each = [(e, reads(e.condition)) for _, e in _ranked(scn) if e.when != "end" and e.condition is not None]
    _EACH.insert(0, (scn, each))
    del _EACH[4:]
    return each


def check_after(
    state: GameState, scn: Scenario, was: GameState, changes: frozenset[str] | None, held: dict[str, bool]
) -> str | None:
    """check(state, scn, at_end=False) for a state made from `was` by something that changed
    at most `changes` (effect_kinds.changes; None: anything): an ending whose condition reads
    none of those holds in `state` as it does in `was` (asked of `was` once and kept in `held`,
    a dict the caller keeps for `was`), so only the others are asked of `state`. The same
    answer as check, with fewer conditions worked out: the AI's look-ahead asks after every
    move it tries, and a move changes few of the fields each ending reads."""
    ctx = None
    for e, r in _each(scn):
        if overlaps(changes, r):
            if ctx is None:
                ctx = EvalContext(state, scn, votes=projection)
            ok = _holds(state, scn, e, ctx)
        else:
            got = held.get(e.id)
            if got is None:
                got = held[e.id] = _holds(was, scn, e)
            ok = got
        if ok:
            return e.id
    return None


def settled(state: GameState, scn: Scenario) -> str | None:
    """The ending that nothing left in the game can avert, if a scenario says one is reached
    (its `settled` expression and its condition both hold); checked at the start of a turn."""
    ctx = None
    for _, e in _ranked(scn):
        if e.settled is None:
            continue
        if ctx is None:
            ctx = EvalContext(state, scn, votes=projection)
        if X.run(e.settled, ctx, f"ending '{e.id}' (settled)") and _holds(state, scn, e, ctx):
            return e.id
    return None
