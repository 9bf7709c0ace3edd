"""Passing messages (toasts) on every screen: in one place that hides no control and no title
band, one or two at a time, gone with the turn, and kept in the dispatch log when they carry
news the log does not have."""

from __future__ import annotations

import re

import pygame

import tests.ui_helpers  # noqa: F401  (dummy video and audio drivers)


def test_toasts_hide_nothing_on_every_screen(tmp_path):
    from game.ui.shots import render_all

    found: dict[str, list] = {}
    written = render_all(tmp_path, (1280, 720), toasts=found)
    assert len(found) >= 15 and len(written) >= 15
    bad = {k: v for k, v in found.items() if v}
    assert not bad, "\n".join(f"{k}: {p}" for k, v in bad.items() for p in v)


def test_at_most_two_gone_next_turn_and_kept(august):
    from game.engine.game import Game
    from game.ui.session import Players, Session
    from tests.ui_helpers import make_app, pump

    app = make_app()
    try:
        s = Session(Game.new(august, "congress", 2), "august-1956", Players(("kim", "opposition"), "normal"))
        app.session = s
        from game.ui.screens.main_screen import MainScreen

        app.reset(MainScreen(app))
        pump(app)
        for i in range(4):
            app.notify(f"message {i}")
        assert len(app.toasts) == 2 and [t.text for t in app.toasts] == ["message 2", "message 3"]
        app.notify("New in the codex: something (press C).", keep=True)
        assert any(e.text.startswith("New in the codex") for e in s.visible_log("kim"))
        assert not any(e.text.startswith("New in the codex") for e in s.visible_log("opposition"))
        s.g.state.turn += 1  # the turn moves on
        app.frame([], dt=1 / 60)
        assert app.toasts == []
    finally:
        pygame.quit()


def test_a_dialog_opens_over_the_screen_as_it_is_now(august):
    """The picture under a dialog is the screen beneath as it stands (reused from the last frame
    only if that screen has not been rebuilt since)."""
    from game.engine.game import Game
    from game.ui.screens.main_screen import MainScreen
    from game.ui.screens.person import PersonScreen
    from game.ui.session import Players, Session
    from tests.ui_helpers import make_app, pump

    app = make_app()
    try:
        s = Session(Game.new(august, "congress", 2), "august-1956", Players(("kim", "opposition"), "normal"))
        app.session = s
        app.reset(MainScreen(app))
        main = app.top
        main.update = lambda dt: False
        pump(app)
        s.viewer = "opposition"
        main.rebuild()  # the screen changed, no frame drawn since
        app.push(PersonScreen(app, "nam_il"))
        app.frame([], dt=1 / 60, force=True)
        fresh = pygame.Surface(app.size)
        main.draw(fresh)
        shade = pygame.Surface(app.size, pygame.SRCALPHA)
        shade.fill((20, 8, 6, app.top.dim))
        fresh.blit(shade, (0, 0))
        assert pygame.image.tobytes(app._under, "RGB") == pygame.image.tobytes(fresh, "RGB")
    finally:
        pygame.quit()


def _main_screen(august, **app_kw):
    """An app on a hot-seat game's main screen (the turn's report read and closed)."""
    from game.engine.game import Game
    from game.ui.screens.main_screen import MainScreen
    from game.ui.session import Players, Session
    from tests.ui_helpers import key, make_app, pump

    app = make_app(**app_kw)
    app.session = Session(Game.new(august, "congress", 2), "august-1956", Players(("kim", "opposition"), "normal"))
    main = MainScreen(app)
    app.reset(main)
    pump(app)
    for _ in range(5):  # the turn's report first
        if app.top is main:
            break
        pump(app, [key(pygame.K_RETURN)])
    assert app.top is main
    return app, main


def test_a_toast_over_the_aim_panel_never_hides_the_aim(august, monkeypatch):
    """The main screen gives toasts its aim panel; the aim's text then keeps above them."""
    from game.ui import text as T

    app, main = _main_screen(august, size=(1600, 900), ui_scale=1.0)  # a canvas tall enough for the aim panel
    try:
        drawn: list[pygame.Rect] = []
        real = T.draw_box

        def spy(surf, text, rect, *a, **k):
            if text == main.aim_text():
                drawn.append(pygame.Rect(rect))
            return real(surf, text, rect, *a, **k)

        monkeypatch.setattr(T, "draw_box", spy)
        app.notify("A long passing message about the committee, two lines or more when it is wrapped to fit.")
        app.frame([], dt=1 / 60, force=True)
        boxes = app.toast_boxes()
        assert boxes and drawn
        aim = main.left_rects["aim"]
        assert all(r.colliderect(aim) for _t, _l, r in boxes)  # the toast sits on the aim panel...
        assert not any(drawn[-1].colliderect(r) for _t, _l, r in boxes)  # ...but not on its text
        assert all(r.top >= aim.top + 32 for _t, _l, r in boxes)  # ...nor on its title band
        assert drawn[-1].height >= 16
    finally:
        pygame.quit()


def test_on_the_smallest_main_screen_the_toast_leaves_the_aims_title(august):
    """At 1280×720 the aim panel is short: a toast sits under its title band, cut to fit (the
    news is in the dispatches), and hides no control."""
    app, main = _main_screen(august)
    try:
        app.notify("Done: Kim Tu-bong has given his word to stand with the Chairman. Your count of him: +0 to +16.")
        app.frame([], dt=1 / 60, force=True)
        aim = main.left_rects["aim"]
        boxes = app.toast_boxes()
        assert boxes and all(aim.contains(r) and r.top >= aim.top + 32 for _t, _l, r in boxes)
        controls = [w.rect for w in main.widgets if w.focusable and w.visible]
        assert not any(r.colliderect(c) for _t, _l, r in boxes for c in controls)
    finally:
        pygame.quit()


def test_after_a_move_on_a_member_the_toast_shows_the_count_change_whole(august):
    """The member's count change comes first in the toast, so the smallest aim panel, which cuts
    a long toast, never cuts it (the dispatch after it is in the log)."""
    from game.ui.screens.action_dialog import ActionDialog
    from game.ui.screens.main_screen import ActionButton
    from tests.ui_helpers import click, key, pump

    app, main = _main_screen(august)
    try:
        btn = next(w for w in main.widgets if isinstance(w, ActionButton) and w.v.action.id == "secure_votes")
        pump(app, [click(btn.rect.center)])
        assert isinstance(app.top, ActionDialog)
        who = app.session.state.people[app.top.target].name
        pump(app, [key(pygame.K_RETURN)])
        assert app.top is main
        app.frame([], dt=1 / 60, force=True)
        (_t, lines, _r), *_ = app.toast_boxes()
        shown = " ".join(lines)
        assert re.search(rf"^(Done|Failed): {re.escape(who)} [+-]\d+ → [+-]\d+ in your count, (now|still) ", shown)
        assert re.search(r"in your count, (now|still) (with Kim|with the critics|undecided)\.", shown), shown
    finally:
        pygame.quit()
