"""A game saved and loaded mid-game with an AI side plays on exactly as one never saved.

The AI's memory between moves (the ranking it made at the start of a phase, the hidden state it
drew this turn) must either ride in the save or be worked out again from the state alone;
otherwise loading a game changes what the computer does at the same seed.
"""

import pytest

from game import saves
from game.ai import AIPlayer
from game.engine.game import Game
from game.scenario.loader import find_scenario, load


@pytest.fixture(scope="module")
def scn():
    return load(find_scenario("august-1956"), []).scenario


def _play(scn, seed: int, level: str, cut: int | None = None, folder=None) -> tuple[str, int, list]:
    g = Game.new(scn, None, seed)
    players = {"kim": AIPlayer(level), "opposition": AIPlayer(level)}
    n = 0
    while (side := g.to_move()) is not None:
        if n == cut:
            path = saves.write(folder / "mid.json", g, "august-1956")
            _scn, g, _name = saves.read(path)
            players = {"kim": AIPlayer(level), "opposition": AIPlayer(level)}  # a new session's players
        g.submit(players[side](g, side))
        n += 1
    return g.state.hash(), n, g.state.decisions


def test_a_plan_of_the_phase_is_in_the_log(scn):
    _h, _n, decisions = _play(scn, 1, "normal")
    firsts = [d for d in decisions if "plan" in d]
    assert firsts, "no AI order carried its phase's ranking"
    assert all(d["t"] == "act" and 1 <= len(d["plan"]) <= 3 for d in firsts)


@pytest.mark.parametrize("seed", [1, 3])
def test_saved_and_loaded_mid_game_plays_the_same(scn, tmp_path, seed):
    whole, n, _d = _play(scn, seed, "normal")
    # Cuts inside phases (after an AI's first move, where its ranking matters), at a decision
    # point and at a phase's end: cut 25 once lost the critics' own exposure from the draw.
    for cut in sorted({3, 19, 25, 31, n // 2, n - 6}):
        assert _play(scn, seed, "normal", cut, tmp_path)[0] == whole, (
            f"seed {seed}: differs after a load at order {cut}"
        )


def test_hard_level_survives_a_load_too(scn, tmp_path):
    whole, _n, _d = _play(scn, 2, "hard")
    for cut in (20, 43):
        assert _play(scn, 2, "hard", cut, tmp_path)[0] == whole


def test_a_game_saved_while_a_plenum_waits_for_a_tactic_loads(scn, tmp_path):
    """A save made at the plenum's tactic choice (pending "plenum:<id>") loads and plays on the
    same; the save check had read that pending entry as an event id and refused the save."""
    g = Game.new(scn, None, 1)
    players = {"kim": AIPlayer("normal"), "opposition": AIPlayer("normal")}
    saved = False
    while (side := g.to_move()) is not None:
        if not saved and any(p.event.startswith("plenum:") for p in g.state.pending):
            path = saves.write(tmp_path / "plenum.json", g, "august-1956")
            _scn, loaded, _name = saves.read(path)
            assert loaded.state.hash() == g.state.hash()
            saved = True
        g.submit(players[side](g, side))
    assert saved, "no plenum waited for a tactic in this game"
