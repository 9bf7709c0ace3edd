"""Live reload: edits to a mod reach a running game; broken edits never crash it."""

from __future__ import annotations

import time

import pygame
import pytest

from game.dev_reload import attach, reload_session
from game.engine.game import Game
from game.paths import mods_dir
from game.scenario.loader import SCENARIO_ROOT, load
from tests.ui_helpers import key, make_app, pump

ACTION = (
    "actions:\n  - id: quiet_tea\n    side: kim\n    name: {name}\n    cost: 1\n"
    "    success: [{{country: {{support: 1}}}}]\n"
)


@pytest.fixture
def modded_session():
    from game.ui.session import Players, Session

    mod = mods_dir() / "tea"
    mod.mkdir(parents=True)
    (mod / "mod.yaml").write_text("mod: {id: tea, title: Tea, scenario: august-1956}\n")
    (mod / "actions.yaml").write_text(ACTION.format(name="Quiet tea"))
    res = load(SCENARIO_ROOT / "august-1956", [mod])
    assert res.ok
    g = Game.new(res.scenario, None, 5)
    g.state.mods = ["tea"]
    return Session(g, "august-1956", Players(("kim",))), mod


def test_a_valid_edit_is_swapped_in_and_the_game_goes_on(modded_session):
    sess, mod = modded_session
    before = sess.g.state.hash()
    (mod / "actions.yaml").write_text(ACTION.format(name="Strong tea"))
    out = reload_session(sess)
    assert out.kind == "reloaded", out
    assert sess.scn.get("action", "quiet_tea").name == "Strong tea"
    assert sess.g.state.hash() == before


def test_a_broken_edit_keeps_the_old_version_and_says_why(modded_session):
    sess, mod = modded_session
    (mod / "actions.yaml").write_text("actions:\n  - id: quiet_tea\n    name: [Broken\n")
    out = reload_session(sess)
    assert out.kind == "errors"
    assert "yaml-syntax" in out.details[0] and "actions.yaml" in out.details[0]
    assert sess.scn.get("action", "quiet_tea").name == "Quiet tea"


def test_an_edit_the_state_no_longer_fits_is_refused_with_the_reason(modded_session):
    sess, mod = modded_session
    # A new person: the running game has no state for him, so it cannot take him on.
    (mod / "people.yaml").write_text("people:\n  - {id: new_man, name: New Man, faction: yanan}\n")
    out = reload_session(sess)
    assert out.kind == "kept" and "new_man" in out.message, out
    assert sess.scn.get("person", "new_man") is None


def test_f5_in_the_window_reloads_and_tells_the_player(modded_session):
    sess, mod = modded_session
    app = make_app()
    app.director.enter_session(sess)
    pump(app)
    (mod / "actions.yaml").write_text(ACTION.format(name="Green tea"))
    # In a game (without --dev) F5 alone does not reload: there it means save, and a player
    # pressing it on a dispatch must not change the rules under the game. Ctrl+F5 does.
    pump(app, [key(pygame.K_F5)], frames=3)
    assert app.session.scn.get("action", "quiet_tea").name != "Green tea"
    pump(app, [key(pygame.K_F5, pygame.KMOD_CTRL)], frames=3)
    assert app.session.scn.get("action", "quiet_tea").name == "Green tea"
    assert any("Reloaded" in t.text for t in app.toasts)
    # A broken file: a message in the window, the game still there.
    (mod / "actions.yaml").write_text("actions: [\n")
    pump(app, [key(pygame.K_F5, pygame.KMOD_CTRL)], frames=3)
    assert "errors" in getattr(app.top, "title", "") + getattr(app.top, "body", "")
    assert app.session is sess
    pygame.quit()


def test_dev_mode_watches_the_files(modded_session):
    sess, mod = modded_session
    app = make_app()
    app.director.enter_session(sess)
    live = attach(app, watch=True)
    pump(app)
    # The watcher thread may not be watching yet when the file is first written (on a loaded
    # machine it can take a while to start), so the edit is written again every second until
    # it is seen. The deadline only bounds a broken watcher; it is not a speed target.
    deadline = time.monotonic() + 60
    next_write = 0.0
    while time.monotonic() < deadline and app.session.scn.get("action", "quiet_tea").name != "Watched tea":
        if time.monotonic() >= next_write:
            (mod / "actions.yaml").write_text(ACTION.format(name="Watched tea"))
            next_write = time.monotonic() + 1.0
        pump(app)
        time.sleep(0.05)
    live.stop()
    assert app.session.scn.get("action", "quiet_tea").name == "Watched tea"
    pygame.quit()


def test_f5_on_the_mods_screen_shows_a_fixed_mod():
    from game.ui.screens.mods import ModsScreen
    from game.ui.screens.title import TitleScreen

    mod = mods_dir() / "fixme"
    mod.mkdir(parents=True)
    (mod / "mod.yaml").write_text("mod: {id: fixme, title: Fix me, scenario: august-1956}\n")
    (mod / "people.yaml").write_text("people: [\n")
    app = make_app()
    app.push(TitleScreen(app))
    pump(app)
    pump(app, [key(pygame.K_m)])
    assert isinstance(app.top, ModsScreen)
    assert not next(w for w in app.top.widgets if w.name == "toggle:fixme").enabled
    (mod / "people.yaml").write_text("people:\n  - {id: nam_il, loyalty: 20}\n")
    pump(app, [key(pygame.K_F5)], frames=3)
    assert next(w for w in app.top.widgets if w.name == "toggle:fixme").enabled
    pygame.quit()
