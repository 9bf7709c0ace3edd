"""The AI's levels differ in foresight only, each a step above the one below; and what a level
weighs after a plenum's session follows what is still to come."""

from dataclasses import fields
from itertools import pairwise

from game.ai.player import AIPlayer, Mind
from game.ai.weights import LEVELS
from game.engine.game import Game

ORDER = ("easy", "normal", "hard")


def test_each_level_sees_at_least_as_far_as_the_one_below():
    for lower, higher in pairwise(ORDER):
        lo, hi = LEVELS[lower], LEVELS[higher]
        for f in fields(lo):
            a, b = getattr(lo, f.name), getattr(hi, f.name)
            if f.name in ("name", "replan_top"):
                continue
            if isinstance(a, bool):
                assert b or not a, f"{higher} lacks {f.name}, which {lower} has"
            else:
                assert b >= a, f"{higher}.{f.name} = {b} is below {lower}'s {a}"
        assert lo != hi, f"{lower} and {higher} are the same level"


def test_hard_plays_out_every_plenum_and_normal_most():
    assert LEVELS["hard"].sessions == 1.0
    assert 0.5 < LEVELS["normal"].sessions < 1.0
    assert LEVELS["easy"].sessions < LEVELS["normal"].sessions


def _swing_the_count(st, side):
    for p in st.people.values():
        if p.cc == "full" and p.faction != "partisan":
            if side == "kim":
                p.pledge_kim = 100
            else:
                p.pledge_opposition = 100


def test_with_no_plenum_left_the_count_is_worth_nothing(august):
    g = Game.new(august, "september_plenum", seed=3)
    player = AIPlayer("normal")
    mind = Mind(player, g, "kim")
    world = mind.worlds[0]

    def after(held: bool, swing: str | None) -> float:
        c = world.clone()
        if held:
            for pl in c.plenums.values():
                pl.status = "held"
        if swing:
            _swing_the_count(c, swing)
        return player._after_session(mind, c)[0]

    # With a plenum still to sit, who holds the hall matters to Kim...
    assert after(False, "kim") > after(False, "opposition")
    # ...with none left, only endings and the patrons do.
    assert after(True, "kim") == after(True, "opposition")
