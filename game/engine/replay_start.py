"""Start points that begin after a plenum has sat (the September 1956 start): the plenum is
marked held with the motions it passed, so conditions such as ``held('august_plenum')`` and
``passed('august_plenum', 'expel_critics')`` read the same as in a game that played it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine.content import StartPoint
    from game.engine.state import GameState


def mark_held(state: GameState, start: StartPoint) -> None:
    for h in start.held:
        pl = state.plenums.get(h.plenum)
        if pl is None:
            continue  # the validator reports unknown plenum ids; the engine never guesses
        pl.date = h.date
        pl.status = "held"
        pl.tactics = {str(k): v for k, v in h.tactics.items()}
        # A record without speeches or tallies: the session happened before this game began.
        pl.record = {
            "plenum": h.plenum,
            "date": h.date,
            "stages": [],
            "passed": list(h.passed),
            "failed": list(h.failed),
            "labels": [],
            "before_start": True,
        }
        if h.speakers:
            state.last_speakers = list(h.speakers)
