"""Taking a seat in the guided replay: both sides follow the recorded course up to the chosen
moment, then the player takes over one side. Pure: the caller passes the policy that plays
history (the 'history' player), so the engine never imports a player of its own.

A seat names a moment the game itself can stop at (``ReplaySeat.at``):
    start       the first move of the chosen side
    plenum:ID   the chosen side is asked for its line for plenum ID
    after:ID    plenum ID has sat, and the chosen side is to move
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.engine.content import ReplaySeat
from game.engine.game import Game

Policy = Callable[[Game, str], dict[str, Any]]
MAX_ORDERS = 5000


def reached(g: Game, at: str, side: str) -> bool:
    """Is the game at the seat's moment, with the chosen side to move?"""
    if g.over:
        return True  # nothing left to hand over; the caller reports the ending
    if g.to_move() != side:
        return False
    st = g.state
    if at == "start":
        return True
    kind, _, pid = at.partition(":")
    pl = st.plenums.get(pid)
    if pl is None:
        return True
    if kind == "plenum":
        if pl.status == "held":
            return True  # the plenum sat without asking this side (no tactic open to it)
        return any(p.event == f"plenum:{pid}" and p.side == side for p in st.pending)
    if kind == "after":
        return pl.status == "held"
    return True


def play_to_seat(g: Game, seat: ReplaySeat, side: str, history: Policy) -> int:
    """Play both sides with ``history`` until the seat's moment; returns the orders played."""
    n = 0
    while not reached(g, seat.at, side):
        mover = g.to_move()
        if mover is None:
            break
        g.submit(history(g, mover))
        n += 1
        if n > MAX_ORDERS:
            raise RuntimeError(f"the seat {seat.at!r} was never reached")
    return n
