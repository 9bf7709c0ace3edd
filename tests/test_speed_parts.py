"""A move's value may reuse its world's own components where the move changes none of what they
read (Mind.parts' `was`, from effect_kinds' `changes`). Every shipped move tried on mid-game
worlds of both scenarios, for both sides, must come out exactly as with every component worked
out afresh; and a reuse rule broken on purpose must show."""

import pytest

from game import ai
from game.ai import player as P
from game.engine.game import Game
from game.scenario.loader import find_scenario, load
from tests.play import play_moves
from tests.test_speed_copies import _effect_lists


def _fresh(mind):
    """The same mind with `was` ignored: every component worked out from the move's world."""
    parts = mind.parts

    def no_reuse(d, f, lost=None, was=None):
        return parts(d, f, lost)

    mind.parts = no_reuse
    return mind


def _minds(scn, side, seed, moves, level="normal"):
    g = play_moves(Game.new(scn, None, seed), {"kim": ai.make("ai:easy"), "opposition": ai.make("ai:easy")}, moves)
    player = P.AIPlayer(level)
    return P.Mind(player, g, side), _fresh(P.Mind(player, g, side))


@pytest.mark.parametrize("name", ["august-1956", "campaign-1953"])
@pytest.mark.parametrize("side", ["kim", "opposition"])
def test_reused_components_give_the_fresh_value_to_the_bit(name, side):
    scn = load(find_scenario(name)).scenario
    tried = 0
    for seed, moves in ((5, 30), (6, 90)):
        mind, fresh = _minds(scn, side, seed, moves, "hard")  # hard: several worlds, strike, opens
        for where, effects, target in _effect_lists(scn):
            for k in range(len(mind.worlds)):
                got = mind._tried(k, effects, target)
                want = fresh._tried(k, effects, target)
                assert got == want, where
                tried += 1
    assert tried > 100


def test_a_broken_reuse_rule_shows():
    """Say intelligence is read from nowhere: a move that sharpens it keeps the world's value."""
    scn = load(find_scenario("august-1956")).scenario
    mind, fresh = _minds(scn, "kim", 5, 30)
    from game.engine import effect_kinds as EK

    kind = EK.KINDS["intel"]
    object.__setattr__(kind, "changes", frozenset())
    P._DECLARED.clear()  # each list's declarations are read once (they never change in play)
    try:
        a = scn.get("action", "surveillance")
        got = mind._tried(0, a.success, None)
        want = fresh._tried(0, a.success, None)
    finally:
        object.__setattr__(kind, "changes", frozenset({"intel"}))
        P._DECLARED.clear()
    assert got != want
