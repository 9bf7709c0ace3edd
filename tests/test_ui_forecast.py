"""The pre-plenum forecast is the session played out on the side's own picture: every pair of
tactics on a few worlds drawn from what the side knows (as the computer player draws them),
best to worst, with the shout-down odds before a tactic is chosen. It never reads the hidden
state, never touches the game's RNG, and is worked out once per state."""

from __future__ import annotations

from game.engine.game import Game
from game.engine.intel import side_view
from game.ui.forecast import lines, play_out, played_lines, short


def test_played_out_band_and_odds(august):
    g = Game.new(august, "eve_of_plenum", 3)
    st = g.state
    pdef = august.get("plenum", "august_plenum")
    before = st.hash()
    for side in ("kim", "opposition"):
        view = side_view(st, august, side)
        p = play_out(st, august, side, view, pdef)
        assert p is not None and p.runs >= 4
        assert p.with_kim[0] <= p.with_kim[1] and p.with_critics[0] <= p.with_critics[1]
        assert 0 <= p.carried <= p.runs
        assert p.shout and all(0 <= lo <= hi <= 100 for _, lo, hi, _ in p.shout)
        assert set(p.by_tactic) == {t.id for t in pdef.tactics if t.side == side} & set(p.by_tactic)
        text = " ".join(lines(view, pdef, p, st.people))
        assert "Played out" in text and "Shout-down odds before any tactic is chosen" in text
        assert "Played out" in short(view, pdef, p)
        assert played_lines(None, st.people, view.majority) == []
        # the same state gives the same forecast
        assert play_out(st, august, side, view, pdef) == p
    assert st.hash() == before, "the forecast changed the game"


def test_forecast_reads_only_the_sides_view(august):
    """The critics' work since Kim's last report is not in Kim's picture: changing it changes
    nothing in Kim's forecast."""
    g = Game.new(august, "eve_of_plenum", 3)
    st = g.state
    pdef = august.get("plenum", "august_plenum")
    view = side_view(st, august, "kim")
    p1 = play_out(st, august, "kim", view, pdef)
    pid = next(p for p in view.members if st.people[p].faction == "domestic")
    st.people[pid].pledge_opposition += 30  # hidden work, after the last report
    view2 = side_view(st, august, "kim")
    assert view2.members[pid].lean == view.members[pid].lean
    assert play_out(st, august, "kim", view2, pdef) == p1


def test_session_computes_it_once_per_state(august):
    from game.ui.session import Players, Session

    g = Game.new(august, "eve_of_plenum", 3)
    s = Session(g, "august-1956", Players(("kim",), "normal"))
    pdef = august.get("plenum", "august_plenum")
    a = s.played(pdef)
    b = s.played(pdef)
    assert a is b  # the same object: not played again
