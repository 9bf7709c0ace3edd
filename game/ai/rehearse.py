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
from game.engine.basics import date_add
from game.engine.content import PlenumDef, Scenario
from game.engine.intel import SideView
from game.engine.plenum import resolve, tactics_for
from game.engine.state import GameState

OPEN = ("scheduled", "in_session", "unscheduled")  # a plenum still to sit
# How close to the calendar's end a session must sit for the ending it leads to (were the game
# to end with it) to be worth showing: in the August scenario the plenum sits four months from
# the end and decides it; early in the campaign the ending a 1962 reckoning would give today
# ("The Coalition Endures" in 1955, whatever either side plays) says nothing about the session.
VERDICT_DAYS = 183  # half a year


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
    discipline the critics follows and carries). See ending_of: an ending reached at once or
    settled by the session whenever it sits; the end-date reckoning only within VERDICT_DAYS of
    the calendar's end (verdict_near)."""
    pl = state.plenums.get(pdef.id)
    if pl is None or pl.status not in OPEN:
        return
    near = verdict_near(state)
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
                yield a, b, rec, ending_of(c, scn, near)


def ending_of(c: GameState, scn: Scenario, near: bool) -> str | None:
    """The ending a session played on ``c`` leads to: one it reaches at once (Kim removed from
    the chair), or one the game would now call settled and skip to (game.py asks endings.settled
    at the start of each turn: a discipline vote carried in June settles the year as surely as in
    August), or, within VERDICT_DAYS of the calendar's end, the one the end-date reckoning would
    give. None when none holds."""
    eid = c.ending or E.check(c, scn, at_end=False) or E.settled(c, scn)
    if eid is None and near:
        eid = E.check(c, scn, at_end=True)
    return None if eid in (None, "__none__") else eid


def verdict_near(state: GameState) -> bool:
    """Whether a session today sits close enough to the calendar's end for the ending it leads
    to to mean something (VERDICT_DAYS)."""
    return date_add(state.date, VERDICT_DAYS) >= state.end_date


def tally_ending(
    ends: dict[str, dict[str, dict[str, int]]], side: str, a: str | None, b: str | None, eid: str | None
) -> None:
    """Count one play of ``sessions`` into ``ends``: this side's tactic -> the other side's ("" for
    none) -> ending id ("" for none yet) -> plays. The window's forecast and the terminal's
    outlook both keep it so, and words.verdict_words reads it."""
    mine, theirs = (a, b) if side == "kim" else (b, a)
    if mine is None:
        return
    row = ends.setdefault(mine, {}).setdefault(theirs or "", {})
    row[eid or ""] = row.get(eid or "", 0) + 1
