"""An action's odds as its side may know them.

Many chances read something the acting side cannot see: securing a member depends on what the
critics have promised him, recruiting on what Kim has, investigating on the critics' exposure.
Shown from the real state, such odds give the secret away (the critics' odds on a member fall
when Kim pledges him, and the player reads the pledge off the number). So the screens show what
the side can work out: the odds on a few plausible states drawn from its own view, the same
draws the computer player reasons with (belief.determinize), never the true hidden state.
Odds that read only what the side sees are exact.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.ai import belief as B
from game.ai.weights import for_scenario
from game.engine import actions as A
from game.engine import intel
from game.engine.content import Scenario
from game.engine.state import GameState

SAMPLES = 3  # plausible states per reading: enough for a range, cheap enough for a picker


@dataclass(frozen=True)
class Odds:
    chance: int  # the figure to show: exact, or the middle of the plausible ones
    low: int
    high: int
    exact: bool  # the chance reads only what this side sees

    def text(self) -> str:
        """'55%', or 'about 48%' when it hangs on what the side cannot see."""
        return f"{self.chance}%" if self.exact else f"about {self.chance}%"

    def range_text(self) -> str:
        """The spread, in words, for a tooltip (empty when exact)."""
        if self.exact:
            return ""
        span = f"{self.low}–{self.high}%" if self.low != self.high else f"{self.low}%"
        return (
            f"An estimate: the odds depend on what you cannot see (the other side's promises, "
            f"its intelligence, the plot's exposure); {span} over {SAMPLES} plausible pictures."
        )


_WORLDS: dict[tuple, tuple[GameState, list[GameState]]] = {}


def _worlds(state: GameState, scn: Scenario, side: str) -> list[GameState]:
    # One set of plausible states per state as it is now: the key is what changes as orders are
    # given; the state itself is kept beside it and compared by identity, so a key can never
    # answer for a different game.
    key = (state.seed, state.turn, state.date, side, len(state.log), len(state.decisions), state.spent.get(side, 0))
    hit = _WORLDS.get(key)
    if hit is not None and hit[0] is state:
        return hit[1]
    view = intel.side_view(state, scn, side)
    weights, _ = for_scenario(scn, "normal")
    worlds = [B.determinize(state, scn, side, view, k, weights) for k in range(SAMPLES)]
    if len(_WORLDS) > 32:
        _WORLDS.clear()
    _WORLDS[key] = (state, worlds)
    return worlds


def seen_odds(state: GameState, scn: Scenario, side: str, action_id: str, target: str | None) -> Odds:
    """The odds of ``action_id`` on ``target`` as ``side`` may know them."""
    a = scn.get("action", action_id)
    if a is None:
        raise KeyError(action_id)
    if not B.reads_hidden(a.chance, scn, side):
        c = A.chance(state, scn, a, target)
        return Odds(c, c, c, True)
    values = sorted(A.chance(w, scn, a, target) for w in _worlds(state, scn, side))
    mid = values[len(values) // 2]
    return Odds(mid, values[0], values[-1], False)
