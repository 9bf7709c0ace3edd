"""The main screen's NEXT PLENUM panel shows, under today's count, the first motion's band as the
session played out on the side's own picture gives it: the plenum-prep forecast's own figures,
from the session's one cache, worked out over idle frames (never inside a frame)."""

from __future__ import annotations

import pygame
import pytest

from tests.ui_helpers import pump, title_app


@pytest.fixture
def app(monkeypatch):
    yield from title_app(monkeypatch)


@pytest.mark.parametrize("side", ["kim", "opposition"])
def test_main_screen_band_is_the_forecasts(app, side):
    from game.engine.intel import side_view
    from game.played import play_out
    from game.ui import view as V
    from game.ui.forecast import first_motion_line
    from game.ui.screens.main_screen import MainScreen
    from tests.test_ui_screens import start_game

    main = start_game(app, side=side)
    assert isinstance(main, MainScreen)
    s = app.session
    pdef, _pl = V.plenum_next(s.scn, s.state)
    assert pdef is not None
    # A fresh state: the first frame only looks at the cache, the idle frames after it fill it.
    s._played.clear()
    s._played_steps.clear()
    app.dirty = True
    pump(app, frames=1)
    assert s.played_soon(pdef, 0) is s._NOT_YET
    text, ready = main.first_motion_band(pdef)
    assert not ready and "working it out" in text
    for _ in range(20):
        pump(app, frames=1)
        if not main._band_pending:
            break
    text, ready = main.first_motion_band(pdef)
    assert ready
    # The very figures the plenum-prep screen reads (Session.played), and the same as working the
    # forecast out afresh from this side's view.
    played = s.played(pdef)
    assert s.played_soon(pdef, 0) is played
    fresh = play_out(s.state, s.scn, s.viewer, side_view(s.state, s.scn, s.viewer), pdef)
    assert fresh == played
    assert text == first_motion_line(played)
    assert f"for it {played.for_it[0]}" in text and f"needs {played.needed}" in text
    assert played.for_it[0] <= played.for_it[1] and played.needed == s.view().majority
    # The estimate tooltip says the count is today's leanings and names the same band.
    tip = " ".join(main.estimate_tip("kim"))
    assert "today's leanings" in tip and f"needs {played.needed}" in tip


@pytest.mark.parametrize("scale", [1.0, 1.25])
@pytest.mark.parametrize("side", ["kim", "opposition"])
def test_main_screen_band_fits(monkeypatch, scale, side):
    """The band's line fits the plenum panel at 100% and 125% UI scale (nothing cut)."""
    from game.engine.game import Game
    from game.ui import scenarios as SC
    from game.ui import settings as S
    from game.ui import text as T
    from game.ui import view as V
    from game.ui.app import App
    from game.ui.screens.main_screen import MainScreen
    from game.ui.session import Players, Session

    monkeypatch.setattr(Session, "synchronous", True)
    app = App(S.Settings(seen_intro=True, text_speed="instant", ui_scale=scale), size=(1280, 720))
    SC.wait()
    folder = next(f for f in SC.available() if f.name == "august-1956")
    g = Game.new(SC.get(folder).scenario, "eve_of_plenum", 11)
    sess = Session(g, folder.name, Players((side,), "normal"))
    sess.viewer = side
    app.session = sess
    app.reset(MainScreen(app))
    main = app.top
    monkeypatch.setattr(app.director, "next_for", lambda s: None)  # no dispatches: the main screen stays on top
    try:
        cuts = T.watch_cuts()
        for _ in range(30):
            app.frame(dt=1 / 60)
            if not main._band_pending:
                break
        app.frame(force=True)
        pdef, _pl = V.plenum_next(sess.scn, sess.state)
        text, ready = main.first_motion_band(pdef)
        assert ready and text.startswith("First motion, as forecast: for it")
        bad = [c for c in cuts if "First motion" in c[1] or "Majority" in c[1]]
        assert not bad, bad
    finally:
        T.stop_watching()
        pygame.quit()


def test_the_header_names_the_side_the_game_waits_on(august, app):
    """At the eve-of-plenum start the critics' decision comes up while it is Kim's phase: the
    header names who decides (Game.to_move), not only whose phase it is, and fits between the
    date and the budget pips."""
    from game.engine.game import Game
    from game.ui import text as T
    from game.ui.screens.main_draw import whose_move

    g = Game.new(august, "eve_of_plenum", 51803)
    st = g.state
    assert st.phase == "kim" and g.to_move() == "opposition"
    assert whose_move(st.phase, g.to_move()) == "Opposition decides"
    assert whose_move("kim", "kim") == "Kim moves"
    assert whose_move("opposition", "opposition") == "Opposition moves"
    assert whose_move("opposition", "kim") == "Kim decides"
    assert whose_move("plenum", None) == "Plenum"
    for line in ("Opposition decides", "Opposition moves"):
        assert T.width(f"Turn 22 · {line}", 14) <= 262
