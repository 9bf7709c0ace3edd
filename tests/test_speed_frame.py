"""A move's count is worked out from its world's by recounting only whom the move may have moved
(Mind.frame with a base: the people it touched, and each faction by what a shared term moved it).
Every shipped move tried on mid-game worlds of both scenarios, for both sides, must give the
count a whole recount of the move's world gives (to rounding: the sums are kept in another order)."""

import math

import pytest

from game import ai
from game.ai import player as P
from game.engine.game import Game
from game.scenario.loader import find_scenario, load
from tests.play import play_moves
from tests.test_speed_copies import _effect_lists


def _checked(mind, seen):
    """The mind with every count of a move compared with the whole recount of its world."""
    frame = mind.frame

    def checked(d, base=None, only=None, shared=False, counts_only=False, ft=None, rows=None):
        got = frame(d, base, only, shared, counts_only, ft, rows)
        if base is not None and only is not None:
            whole = frame(d)
            for name in ("e_kim", "e_opp", "v_kim", "v_opp"):
                assert math.isclose(getattr(got, name), getattr(whole, name), rel_tol=0, abs_tol=1e-9), name
            assert got.majority == whole.majority
            seen.append(shared)
        return got

    mind.frame = checked
    return mind


@pytest.mark.parametrize("name", ["august-1956", "campaign-1953"])
@pytest.mark.parametrize("side", ["kim", "opposition"])
def test_a_moves_count_is_the_whole_recount_of_its_world(name, side):
    scn = load(find_scenario(name)).scenario
    seen: list[bool] = []
    for seed, moves in ((5, 30), (8, 90)):
        g = play_moves(Game.new(scn, None, seed), {"kim": ai.make("ai:easy"), "opposition": ai.make("ai:easy")}, moves)
        mind = _checked(P.Mind(P.AIPlayer("normal"), g, side), seen)
        for _where, effects, target in _effect_lists(scn):
            for k in range(len(mind.worlds)):
                mind._tried(k, effects, target)
    assert seen.count(True) > 10 and seen.count(False) > 10  # both ways of recounting were tried


@pytest.mark.parametrize("name", ["august-1956", "campaign-1953"])
def test_each_members_vote_curve_width_is_its_own_errors(name):
    """Mind's widths are worked out once per error value: each must be the width of its own."""
    from game.engine import intel

    scn = load(find_scenario(name)).scenario
    g = Game.new(scn, None, 5)
    players = {"kim": ai.make("ai:easy"), "opposition": ai.make("ai:easy")}
    errors = set()
    for _ in range(12):
        g = play_moves(g, players, 10)
        for side in ("kim", "opposition"):
            members = intel.side_view(g.state, scn, side).members
            errors |= {m.error for m in members.values()}
            want = {pid: 0.55 * math.sqrt(P._NOISE_VAR + m.error**2 / 3) for pid, m in members.items()}
            assert P._scales(members) == want
    assert len(errors) > 2  # own members and the rest, as intelligence changes


def _shortlist_afresh(player, mind, targets):
    """AIPlayer._shortlist as the rule reads: every member's closeness to the line, sorted."""
    view, people = mind.view.members, mind.state.people
    aim = P.RULE.band + 2 if mind.side == "kim" else -P.RULE.band - 2

    def closeness(pid):
        m = view.get(pid)
        return (999.0, pid) if m is None else (abs(m.lean - aim) - people[pid].reputation / 20, pid)

    members = sorted((t for t in targets if t in people), key=closeness)
    return members[: player.level.width] + [t for t in targets if t not in people][: max(3, player.level.width)]


@pytest.mark.parametrize("name", ["august-1956", "campaign-1953"])
def test_the_targets_weighed_are_the_nearest_the_line(name):
    """The shortlist keeps each member's closeness for the whole decision and takes the nearest
    few without sorting all: over mid-game minds of both sides, every action's shortlist must be
    the sorted list's first few."""
    from game.engine import actions as A

    scn = load(find_scenario(name)).scenario
    players = {"kim": ai.make("ai:easy"), "opposition": ai.make("ai:easy")}
    checked = 0
    for seed, moves in ((5, 30), (8, 90)):
        g = play_moves(Game.new(scn, None, seed), players, moves)
        for level in ("normal", "hard"):
            player = P.AIPlayer(level)
            for side in ("kim", "opposition"):
                mind = P.Mind(player, g, side)
                for v in A.view(g.state, scn, side):
                    if v.targets:
                        assert player._shortlist(mind, v.action, v.targets) == _shortlist_afresh(
                            player, mind, v.targets
                        )
                        checked += 1
    assert checked > 20


@pytest.mark.parametrize("name", ["august-1956", "campaign-1953"])
def test_a_move_that_never_names_its_target_is_weighed_once_for_every_target(name):
    """Effects that never name the target are tried once per world and decision, whatever the
    target: every action's effects tried on several targets by one mind must give what a fresh
    mind gives for that target alone."""
    scn = load(find_scenario(name)).scenario
    g = play_moves(Game.new(scn, None, 8), {"kim": ai.make("ai:easy"), "opposition": ai.make("ai:easy")}, 60)
    player = P.AIPlayer("normal")
    reused = 0
    for side in ("kim", "opposition"):
        mind = P.Mind(player, g, side)
        for a in scn.actions:
            if a.side != side or a.target != "person":
                continue
            targets = [pid for pid, p in g.state.people.items() if p.cc == "full"][:3]
            for effects in (a.success, a.failure):
                for t in targets:
                    got = mind._tried(0, effects, t)
                    assert got == P.Mind(player, g, side)._tried(0, effects, t), (a.id, t)
                reused += not P._declared(effects)[3]
    assert reused > 0
