"""The pre-plenum forecast is the session played out on the side's own picture: every pair of
tactics on a few worlds drawn from what the side knows (as the computer player draws them),
best to worst, with the shout-down odds before a tactic is chosen. It never reads the hidden
state, never touches the game's RNG, and is worked out once per state."""

from __future__ import annotations

from game.engine.game import Game
from game.engine.intel import side_view
from game.played import play_out
from game.ui.forecast import lines, played_lines, short


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
        assert p.shout and all(0 <= lo <= hi <= 100 for _, lo, hi, _, _ in p.shout)
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


def test_each_tactic_says_where_it_leads(august):
    """The first vote alone does not say whether a tactic can win: a failed critique is Kim's
    win only if the motion to discipline the critics follows (after a counter-attack) and
    carries; packing the hall silences them and leaves the year without a verdict. The forecast
    says where each tactic's played-out sessions end, from the game's own endings, by the other
    side's answer, and its counts add up to the runs of that tactic."""
    from game.words import verdict_words

    g = Game.new(august, "eve_of_plenum", 5)
    st = g.state
    pdef = august.get("plenum", "august_plenum")
    view = side_view(st, august, "kim")
    p = play_out(st, august, "kim", view, pdef)
    assert p is not None
    assert set(p.endings) == set(p.by_tactic)
    critics = {t.id for t in pdef.tactics if t.side == "opposition"}
    assert all(set(row) <= critics for row in p.endings.values())
    runs = {t: sum(sum(r.values()) for r in rows.values()) for t, rows in p.endings.items()}
    assert sum(runs.values()) == p.runs
    victors = {
        t: {august.get("ending", e).victor for r in rows.values() for e in r if e} for t, rows in p.endings.items()
    }
    # On this eve Kim holds the hall: the counter-attack ends in his win, packing it cannot.
    assert "kim" in victors["counter_offensive"]
    assert "kim" not in victors["pack_the_hall"]
    said = verdict_words(august, "kim", p.endings["counter_offensive"])
    assert said.startswith(f"where it leads, of {runs['counter_offensive']} played out")
    assert "your win in" in said and "“The Chairman Stands Alone”" in said
    said = verdict_words(august, "kim", p.endings["pack_the_hall"])
    assert "your win" not in said and "neither side's win in" in said
    # The same sessions read from the critics' side: Kim's win is their loss.
    assert "your loss in" in verdict_words(august, "opposition", p.endings["counter_offensive"])


def test_verdict_words_group_order_and_best_answer():
    from types import SimpleNamespace

    from game.words import verdict_words

    ends = {
        "a": SimpleNamespace(title="Alone", victor="kim"),
        "b": SimpleNamespace(title="Truce", victor="none"),
        "c": SimpleNamespace(title="Collective", victor="opposition"),
        "d": SimpleNamespace(title="Settled", victor="patrons"),
    }
    scn = SimpleNamespace(get=lambda kind, eid: ends.get(eid))
    said = verdict_words(scn, "kim", {"x": {"c": 3, "a": 2, "b": 1, "d": 1}})
    assert said == (
        "where it leads, of 7 played out (were the game to end with the session): your win in 2 (“Alone”); "
        "neither side's win in 2 (“Truce”, “Settled”); your loss in 3 (“Collective”)"
    )
    assert verdict_words(scn, "opposition", {"": {"c": 1, "": 1}}).endswith(
        "your win in 1 (“Collective”); no ending yet in 1"
    )
    assert verdict_words(scn, "kim", {}) == ""
    # Two answers: the one that does worst by this side is named, with its own count.
    two = {"full": {"a": 1, "c": 2}, "measured": {"a": 3}}
    said = verdict_words(scn, "kim", two, {"full": "Full attack", "measured": "Measured"})
    assert said.endswith("; against their best answer (“Full attack”), of 3: your win in 1; your loss in 2")
    assert said.startswith("where it leads, of 6 played out")
    # Not named when every answer does as well as the whole.
    assert "best answer" not in verdict_words(scn, "kim", {"full": {"a": 2}, "measured": {"a": 1}})


def test_where_it_leads_only_near_the_calendars_end(august, campaign):
    """Early in the campaign a 1962 reckoning made today says nothing about a session (it gave
    "The Coalition Endures" in 1955 whatever either side played): no ending is named there."""
    from game.ai.rehearse import VERDICT_DAYS, verdict_near

    eve = Game.new(august, "eve_of_plenum", 5).state
    assert verdict_near(eve)
    st = Game.new(campaign, None, 5).state
    assert not verdict_near(st)
    st.date = st.end_date
    assert verdict_near(st)
    from game.engine.basics import date_add

    st.date = date_add(st.end_date, -VERDICT_DAYS - 1)
    assert not verdict_near(st)


def test_a_session_that_settles_the_year_says_so_whenever_it_sits(august):
    """A plenum demanded in June, far from the calendar's end, can still decide the game: a
    critique heard and defeated with no discipline vote after it settles the year ("An Uneasy
    Truce": the game skips to its end), a removal carried ends it at once. Those are named; the
    end-date reckoning is not, and a session that leaves the year open (the critics disciplined,
    the patrons still to be heard from) says so."""
    from game.ai.rehearse import VERDICT_DAYS, verdict_near
    from game.engine.basics import date_add
    from game.words import verdict_words

    g = Game.new(august, "eve_of_plenum", 5)
    st = g.state
    st.date = date_add(st.end_date, -VERDICT_DAYS - 20)
    assert not verdict_near(st)
    pdef = august.get("plenum", "august_plenum")
    p = play_out(st, august, "opposition", side_view(st, august, "opposition"), pdef)
    assert p is not None
    rows = p.endings["full_attack"]
    assert rows["answer_in_debate"] == {"uneasy_truce": sum(rows["answer_in_debate"].values())}
    assert set(rows["counter_offensive"]) == {""}  # disciplined in June: the year is still open
    ends = {e.id: e for e in august.endings}
    named = {e for t in p.endings.values() for row in t.values() for e in row if e}
    assert named and all(ends[e].when == "any" or ends[e].settled for e in named)
    said = verdict_words(august, "opposition", rows)
    assert "neither side's win in" in said and "no ending yet in" in said
