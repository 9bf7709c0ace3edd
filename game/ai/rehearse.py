"""A plenum's session rehearsed on a side's own picture: each pair of tactics played on a few
plausible worlds drawn from the side's view (belief.determinize), never the true hidden state.
The window's forecast and the terminal's outlook both read these plays. Each play has its own
RNG (from the seed, the side, the world and the pair), so the game's is never touched and the
plays come out the same however they are spread over frames."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from game.ai import belief as B
from game.ai.weights import for_scenario
from game.engine import endings as E
from game.engine.content import PlenumDef, Scenario
from game.engine.intel import SideView
from game.engine.plenum import resolve, tactics_for
from game.engine.state import GameState

OPEN = ("scheduled", "in_session", "unscheduled")  # a plenum still to sit


def sessions(
    state: GameState,
    scn: Scenario,
    side: str,
    view: SideView,
    pdef: PlenumDef,
    samples: int,
    salt: int,
    first: int = 0,
) -> Iterator[tuple[str | None, str | None, dict[str, Any], str | None]]:
    """(Kim's tactic, the critics' tactic, the session's record, the ending it leads to) for every pair of tactics on
    each of ``samples`` worlds, from world ``first``; nothing once the plenum has sat. ``salt``
    keeps one reader's dice apart from another's. World 0 is the side's estimate itself, with no
    error drawn; a reader that shows its plays as odds starts at 1, every world drawn within the
    estimate's error (bench/forecast_calibration.py: the forecast's calibration error fell from
    0.110 to 0.083 for Kim and from 0.172 to 0.155 for the critics over 200 normal games).

    The ending is the one that would hold were the game to end with the session (the game's own
    endings.check, as the computer player weighs a session): what a tactic can lead to, where
    the first vote alone does not say it (a failed critique is Kim's win only if a motion to
    discipline the critics follows and carries)."""
    pl = state.plenums.get(pdef.id)
    if pl is None or pl.status not in OPEN:
        return
    weights, _ = for_scenario(scn, "normal")
    i = 0
    for k in range(first, first + samples):
        d = B.determinize(state, scn, side, view, k, weights)
        kt: list[str | None] = [t.id for t in tactics_for(scn, d, pdef, "kim")] or [None]
        ot: list[str | None] = [t.id for t in tactics_for(scn, d, pdef, "opposition")] or [None]
        for a in kt:
            for b in ot:
                i += 1
                c = d.clone()
                c.rng = B.engine_rng(state, side, k, salt=salt + i)
                c.plenums[pdef.id].tactics = {s: t for s, t in (("kim", a), ("opposition", b)) if t is not None}
                rec = resolve(c, scn, pdef)
                eid = c.ending or E.check(c, scn, at_end=True)
                yield a, b, rec, (None if eid in (None, "__none__") else eid)
