"""The computer player plays from its side's information only.

Change what a side cannot see — the other side's pledges, the true leans they make, the
critics' exposure, the other side's intelligence, who is in the circle — while its view stays
what it was, and its choice must not change."""

import json
import random

import pytest

from game import ai
from game.engine import intel
from game.engine.game import Game
from game.engine.state import GameState

OTHER = {"kim": "opposition", "opposition": "kim"}


def _copy(g: Game) -> Game:
    return Game(g.scn, GameState.from_dict(json.loads(g.state.to_json())))


def _scramble(st: GameState, side: str, rnd: random.Random) -> None:
    """Rewrite everything hidden from `side`."""
    hidden = "pledge_opposition" if side == "kim" else "pledge_kim"
    for p in st.people.values():
        setattr(p, hidden, rnd.randint(0, 100))
    st.exposure = rnd.randint(0, 100)
    st.intel[OTHER[side]] = rnd.randint(0, 100)
    if side == "kim" and not st.has_flag("plot_discovered"):
        for p in st.people.values():
            p.plotter = rnd.random() < 0.15


def _decision_points(scn, seed: int, every: int):
    g = Game.new(scn, seed=seed)
    pol = {"kim": ai.make("ai", "easy"), "opposition": ai.make("ai", "easy")}
    n = 0
    while not g.over and n < 400:
        side = g.to_move()
        # The critics move less often than Kim: look at their decisions three times as often.
        if n % (every if side == "kim" else max(1, every // 3)) == 0:
            yield _copy(g), side
        g.submit(pol[side](g, side))
        n += 1


@pytest.mark.parametrize("level", ["normal", "hard"])
def test_choices_do_not_depend_on_what_the_side_cannot_see(august, monkeypatch, level):
    real_view = intel.side_view
    rnd = random.Random(4)
    checked = {"kim": 0, "opposition": 0}
    for g, side in _decision_points(august, seed=3, every=9 if level == "normal" else 12):
        seen = _copy(g)
        blind = _copy(g)
        _scramble(blind.state, side, rnd)
        views = {id(seen.state): real_view(seen.state, august, side)}
        views[id(blind.state)] = views[id(seen.state)]  # the side's picture is what it was

        def fake(state, scn, s, views=views, side=side):
            return views.get(id(state)) if s == side and id(state) in views else real_view(state, scn, s)

        monkeypatch.setattr(intel, "side_view", fake)
        a = ai.make("ai", level)(seen, side)
        b = ai.make("ai", level)(blind, side)
        monkeypatch.setattr(intel, "side_view", real_view)
        assert a == b, f"{side} chose differently once hidden facts changed, at {g.state.date}"
        checked[side] += 1
    assert checked["kim"] >= 3 and checked["opposition"] >= 3


def test_the_ai_never_draws_from_the_game_rng(august):
    g = Game.new(august, seed=8)
    pol = ai.make("ai", "hard")
    for _ in range(30):
        if g.over:
            break
        side = g.to_move()
        before = g.state.rng.to_dict()
        order = pol(g, side)
        assert g.state.rng.to_dict() == before
        g.submit(order)


def test_levels_and_kinds_parse_and_bad_ones_say_so():
    assert ai.parse("ai:hard") == ("ai", "hard")
    assert ai.parse("ai", "easy") == ("ai", "easy")
    assert ai.parse("history") == ("history", "")
    with pytest.raises(ValueError, match="unknown AI level"):
        ai.make("ai:grandmaster")
    with pytest.raises(ValueError, match="unknown player"):
        ai.make("oracle")
    assert set(ai.level_names()) == {"easy", "normal", "hard"}
