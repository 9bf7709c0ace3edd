"""The AI's play-outs of a plenum session: cheaper copies and counts, the same plays.

A session is played on a copy of a world (player._play_copy, made as the cheap what-if copy
makes its copies) in a game no one is shown (Game(..., shown=False)): it makes the estimates'
draws but not their counts, and its votes' records keep the tally but not every member's vote.
Both must leave every play exactly as GameState.clone() and a shown game gave it.
"""

import copy

import pytest

from game import ai
from game.ai import belief as B
from game.ai.player import _play_copy
from game.engine import intel
from game.engine import world as W
from game.engine.game import Game
from game.engine.rng import Rng
from game.engine.state import GameState
from game.scenario.loader import find_scenario, load
from tests.play import play_moves


def _states(name: str):
    """Real states and determinized worlds at several points of a game (a plenum waiting for
    its tactics among them, where the sessions are played)."""
    scn = load(find_scenario(name)).scenario
    g = Game.new(scn, None, 3)
    players = {"kim": ai.make("ai:easy"), "opposition": ai.make("ai:easy")}
    from game.ai.weights import for_scenario

    w, _flags = for_scenario(scn, "normal")
    out = []
    for _ in range(6):
        play_moves(g, players, 25)
        if g.over:
            break
        out.append(g.state)
        for side in ("kim", "opposition"):
            out.append(B.determinize(g.state, scn, side, intel.side_view(g.state, scn, side), 0, w))
    return scn, out


def _json(d: GameState) -> str:
    c = copy.copy(d)
    c.rng = Rng(0)
    return c.to_json()


@pytest.mark.parametrize("name", ["august-1956", "campaign-1953"])
def test_the_play_copy_is_what_clone_gives(name):
    _scn, states = _states(name)
    assert len(states) >= 6
    for d in states:
        assert _json(_play_copy(d)) == _json(d.clone())


@pytest.mark.parametrize("name", ["august-1956", "campaign-1953"])
def test_playing_on_the_play_copy_leaves_the_world_alone(name):
    scn, states = _states(name)
    for d in states:
        before = _json(d)
        c = _play_copy(d)
        c.rng = Rng(11)
        g = Game(scn, c, shown=False)
        for _ in range(30):
            side = g.to_move()
            if side is None:
                break
            g.submit(ai.make("ai:easy")(g, side))
        assert _json(d) == before


@pytest.mark.parametrize("name", ["august-1956", "campaign-1953"])
def test_a_game_without_counts_draws_and_plays_the_same(name):
    """The same orders in a game with the counts and one without: the same RNG, blur, log and
    every other field, the estimates alone left as they were."""
    scn, states = _states(name)
    for d in states[::3]:
        a, b = d.clone(), d.clone()
        ga, gb = Game(scn, a), Game(scn, b, shown=False)
        players = {"kim": ai.make("ai:easy"), "opposition": ai.make("ai:easy")}
        for _ in range(40):
            side = ga.to_move()
            if side is None:
                break
            order = players[side](ga, side)
            ga.submit(dict(order))
            gb.submit(dict(order))
            b.estimates = copy.deepcopy(a.estimates)  # the field left stale
            assert _unshown(a) == _unshown(b)


def _unshown(d: GameState) -> dict:
    """The state as JSON with what a game no one is shown leaves out of a vote's record (each
    member's vote, terms and lean) taken out: the tally and what passed stay."""
    out = d.to_dict()
    for pl in out["plenums"].values():
        for stage in (pl["record"] or {}).get("stages", []):
            if stage.get("kind") == "vote":
                for key in ("votes", "terms", "totals"):
                    stage.pop(key)
    return out


def test_a_vote_no_one_is_shown_has_the_same_tally():
    """Sessions played with and without the record's detail: the same tallies and results; the
    shown record has every member's vote."""
    from game.engine.plenum import resolve

    scn, states = _states("august-1956")
    pdef = next(p for p in scn.plenums if p.motions)
    sat = 0
    for d in states:
        if d.plenums[pdef.id].status == "held":
            continue
        a, b = d.clone(), d.clone()
        ra, rb = resolve(a, scn, pdef), resolve(b, scn, pdef, shown=False)
        votes = [s for s in ra["stages"] if s["kind"] == "vote"]
        assert votes and all(s["votes"] for s in votes)
        assert _unshown(a) == _unshown(b)
        assert [s.get("tally") for s in ra["stages"]] == [s.get("tally") for s in rb["stages"]]
        sat += 1
    assert sat


def test_estimates_without_counts_move_the_rng_and_blur_alike():
    scn, states = _states("august-1956")
    for d in states:
        a, b = d.clone(), d.clone()
        W.estimates(a, scn)
        W.estimates(b, scn, counts=False)
        assert a.rng.to_dict() == b.rng.to_dict()
        assert a.estimate_noise == b.estimate_noise
        assert b.estimates == d.estimates
