"""A broken save, a missing asset and a bad settings file each give a message; the game goes on."""

from __future__ import annotations

import json

import pygame

from tests.ui_helpers import click, key, make_app, pump


def test_bad_settings_file_gives_defaults_and_a_message():
    from game.paths import settings_file
    from game.ui import settings as S
    from game.ui.app import App
    from game.ui.screens.title import TitleScreen

    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text("{ this is not json", encoding="utf-8")
    s, msg = S.load()
    assert s == S.Settings() and "damaged" in msg
    app = App(size=(1280, 720))
    app.push(TitleScreen(app))
    pump(app)
    assert any("damaged" in t.text for t in app.toasts)
    # wrong types are ignored one by one
    settings_file().write_text(json.dumps({"volume": "loud", "text_speed": "warp", "hangul": False}), encoding="utf-8")
    s, msg = S.load()
    assert s.volume == 70 and s.text_speed == "normal" and s.hangul is False and msg
    pygame.quit()


def test_broken_save_shows_message_and_keeps_other_saves():
    from game.engine.game import Game
    from game.paths import saves_dir
    from game.ui import scenarios as SC
    from game.ui.screens.common import MessageScreen
    from game.ui.screens.title import TitleScreen
    from game.ui.session import Players, Session

    folder = next(f for f in SC.available() if f.name == "august-1956")
    sess = Session(Game.new(SC.get(folder).scenario, None, 4), folder.name, Players(("kim",)))
    good = sess.write(saves_dir() / "good.json", "Good save")
    bad = saves_dir() / "zzz-broken.json"
    bad.write_text('{"format": "august-plenum-save", "version": 1, "state": {', encoding="utf-8")
    import os

    os.utime(bad, (good.stat().st_mtime + 10, good.stat().st_mtime + 10))
    app = make_app()
    app.push(TitleScreen(app))
    pump(app)
    pump(app, [key(pygame.K_l)])
    row = next(w for w in app.top.widgets if w.name == "save:zzz-broken.json")
    pump(app, [click(row.rect.center)])
    assert isinstance(app.top, MessageScreen)
    assert "damaged" in app.top.body or "cannot" in app.top.body
    pump(app, [key(pygame.K_RETURN)])
    assert good.exists() and bad.exists()
    row = next(w for w in app.top.widgets if w.name == "save:good.json")
    pump(app, [click(row.rect.center)])
    assert type(app.top).__name__ in ("MainScreen", "EventDialog", "ReportScreen")
    pygame.quit()


def test_missing_font_asset_falls_back_with_a_message(tmp_path):
    from game.ui import text as T
    from game.ui.app import App
    from game.ui.screens.title import TitleScreen

    T.PROBLEMS.clear()
    T.set_font_dir(tmp_path / "no-fonts-here")
    try:
        app = App(size=(1280, 720))
        app.push(TitleScreen(app))
        pump(app)
        pump(app, [key(pygame.K_n)])
        assert any("Font file missing" in t.text for t in app.toasts)
        assert type(app.top).__name__ == "NewGameScreen"
    finally:
        T.set_font_dir(None)
        T.PROBLEMS.clear()
        pygame.quit()


def test_no_sound_device_is_silent():
    import pygame as pg

    from game.ui.sound import Sound

    pg.mixer.quit()
    s = Sound(50, False)
    s.play("gavel")  # works or stays silent; never raises
    s.set(0, True)
    s.play("uproar")
