"""'The plot is found out' is a dispatch, not only a passing toast: each side's report says so
when its reading changes (Kim: what it now opens; the critics: what their contacts fear), and
neither side's line ever reaches the other side's report."""

from __future__ import annotations

from game.engine.game import Game
from game.ui.session import Players, Session


def test_plot_news_reaches_each_side_once(august):
    g = Game.new(august, "congress", 3)
    s = Session(g, "august-1956", Players(("kim", "opposition"), "normal"))
    assert s.plot_news("kim") is None and s.plot_news("opposition") is None
    g.state.flags.append("plot_discovered")  # as Kim's investigation would
    s._views.clear()
    g.state.intel["opposition"] = 60  # their contacts are good enough to know
    kim = s.plot_news("kim")
    opp = s.plot_news("opposition")
    assert kim is not None and kim.visible_to == "kim" and "found out" in kim.text
    assert any(
        a.name in kim.text for a in august.actions if a.side == "kim" and "plot_discovered" in (a.available or "")
    )
    assert opp is not None and opp.visible_to == "opposition" and "know of the plot" in opp.text
    # told once: the next report does not repeat it
    assert s.plot_news("kim") is None and s.plot_news("opposition") is None
    # and it is in the report (the news makes a report worth showing)
    s._report_turn.clear()
    s._report_plot.clear()
    got = s.unreported("kim")
    assert got is not None and any("found out" in e.text for e in got[0])
    assert all(e.visible_to in ("all", "kim") for e in got[0])


def test_plot_news_names_only_what_is_open_now_and_why_the_rest_waits(august):
    # In April the plot is found while Kim has not yet gone abroad: "Work the committee" needs
    # him back from his journey; the news named it "now open" anyway.
    g = Game.new(august, "congress", 3)
    s = Session(g, "august-1956", Players(("kim", "opposition"), "normal"))
    s.plot_news("kim")
    g.state.flags.append("plot_discovered")
    s._views.clear()
    text = s.plot_news("kim").text
    now, _, later = text.partition("Opened for later")
    assert "Work the committee" not in now and "Work the committee" in later
    assert "journey abroad and come back" in later
