"""Following history in August 1956 ends as 1956 did."""

import pytest

from game import ai
from game.engine.game import Game
from game.tools.report import run


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_history_replay_ends_as_1956_did(august, seed):
    g = Game.new(august, seed=seed)
    run(g, {"kim": ai.make("history"), "opposition": ai.make("history")})
    st = g.state
    ending = august.get("ending", st.ending)
    assert ending.historical, st.ending
    assert ending.victor == "kim"
    assert "party_chairman" in st.people["kim_il_sung"].offices
    critics = ("choe_chang_ik", "pak_chang_ok", "yun_kong_hum", "so_hwi", "ri_phil_gyu")
    assert all(st.people[c].status in ("expelled", "fled", "arrested", "active", "demoted") for c in critics)
    assert all(
        not st.people[c].offices or st.people[c].status != "active" or c in ("choe_chang_ik", "pak_chang_ok")
        for c in critics
    )
    assert sum(1 for c in critics if st.people[c].status == "fled") >= 2
    assert st.plenums["august_plenum"].status == "held"
    assert "expel_critics" in st.plenums["august_plenum"].record["passed"]


def test_eve_of_plenum_reaches_the_session_quickly(august):
    g = Game.new(august, "eve_of_plenum", seed=1)
    run(g, {"kim": ai.make("ai"), "opposition": ai.make("ai")})
    pl = g.state.plenums["august_plenum"]
    assert pl.status == "held"
    assert pl.record["date"] <= "1956-09-07"
