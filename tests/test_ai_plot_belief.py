"""What the critics make of "Kim's people may have found the plot": their reading comes from a
public rule (game/engine/intel.plot_found), so "suspected" below the exposure band that alone
raises the fear can only mean their contacts heard of a plot found. Their worlds, and so their
forecast and their computer player's plans, took it as even odds; in 140 forecasts of 100 normal
games the plot had been found every time."""

from __future__ import annotations

from game.ai import belief as B
from game.ai.weights import for_scenario
from game.engine import intel
from game.engine.game import Game
from game.engine.intel import side_view


def _worlds_found(g, scn, n=8):
    w, _ = for_scenario(scn, "normal")
    view = side_view(g.state, scn, "opposition")
    return view, [B.determinize(g.state, scn, "opposition", view, k, w).has_flag("plot_discovered") for k in range(n)]


def test_suspected_at_low_exposure_means_found_in_every_world(august):
    g = Game.new(august, "congress", 3)
    st = g.state
    st.flags.append("plot_discovered")
    st.intel["opposition"] = 40  # their contacts fear it, but do not know
    st.exposure = 20  # "asking questions": too low to raise the fear by itself
    view, found = _worlds_found(g, august)
    assert view.plot_found == "suspected" and view.exposure == "asking questions"
    assert intel.suspicion_is_certain(view.exposure)
    assert all(found)


def test_suspected_from_exposure_alone_stays_a_guess(august):
    # Watched: the fear may come from the exposure alone, found or not; the worlds keep both.
    g = Game.new(august, "congress", 3)
    st = g.state
    st.intel["opposition"] = 40
    st.exposure = 50
    view, found = _worlds_found(g, august, 16)
    assert view.plot_found == "suspected" and not intel.suspicion_is_certain(view.exposure)
    assert any(found) and not all(found)


def test_the_inference_reads_only_what_the_critics_see(august):
    # Found or not, the same view gives the same worlds: nothing hidden decides them.
    a = Game.new(august, "congress", 3)
    b = Game.new(august, "congress", 3)
    for g in (a, b):
        g.state.intel["opposition"] = 40
        g.state.exposure = 50
    a.state.flags.append("plot_discovered")  # found in one, not the other: both read "suspected"
    va, fa = _worlds_found(a, august, 16)
    vb, fb = _worlds_found(b, august, 16)
    assert va.plot_found == vb.plot_found == "suspected"
    assert fa == fb
