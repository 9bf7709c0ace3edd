"""The Mods screen: installed mods listed with their reports, switched on for a new game, a
broken one shown but never applied; a game remembers its mods by id in its saves."""

from __future__ import annotations

import pygame
import pytest

from game.paths import mods_dir, saves_dir, settings_file
from tests.ui_helpers import key, make_app, press_widget, pump


def _install(name: str, mod_yaml: str, files: dict[str, str]) -> None:
    folder = mods_dir() / name
    folder.mkdir(parents=True)
    (folder / "mod.yaml").write_text(mod_yaml, encoding="utf-8")
    for fname, text in files.items():
        (folder / fname).write_text(text, encoding="utf-8")


@pytest.fixture
def two_mods():
    _install(
        "wavers",
        "mod: {id: nam_il_wavers, title: Nam Il Wavers, scenario: august-1956, version: '1.2', author: Tester}\n",
        {"people.yaml": "people:\n  - {id: nam_il, loyalty: 13}\n"},
    )
    _install(
        "broken",
        "mod: {id: broken_mod, title: Broken Mod, scenario: august-1956}\n",
        {"people.yaml": "people:\n  - {id: nam_il, loyalty: [1, 2\n"},
    )


def _app_on_mods():
    from game.ui.screens.mods import ModsScreen
    from game.ui.screens.title import TitleScreen

    app = make_app()
    app.push(TitleScreen(app))
    pump(app)
    pump(app, [key(pygame.K_m)])
    assert isinstance(app.top, ModsScreen)
    return app


def test_mods_screen_lists_reports_and_switches(two_mods):
    app = _app_on_mods()
    names = {w.name: w for w in app.top.widgets}
    assert "mod:wavers" in names and "mod:broken" in names
    # The broken mod cannot be switched on; its report leads with the syntax error.
    assert not names["toggle:broken"].enabled
    assert names["toggle:wavers"].enabled and names["toggle:wavers"].label == "off"
    from game.scenario.installed import installed_mods
    from game.ui.screens.mods import report_for

    broken = next(m for m in installed_mods() if m.folder.name == "broken")
    rep = report_for(broken)
    assert not rep.ok and rep.findings[0].diagnostic.code == "yaml-syntax"
    press_widget(app, "mod:broken")
    assert app.top.mods[app.top.sel].folder.name == "broken"
    # Switch the good one on: kept in the settings by id.
    press_widget(app, "toggle:wavers")
    assert app.settings.mods == ["nam_il_wavers"]
    assert "nam_il_wavers" in settings_file().read_text(encoding="utf-8")
    assert next(w for w in app.top.widgets if w.name == "toggle:wavers").label == "ON"
    pygame.quit()


def test_a_new_game_uses_the_mods_switched_on_and_its_saves_remember_them(two_mods):
    from game import saves
    from game.ui.screens.newgame import NewGameScreen

    app = _app_on_mods()
    press_widget(app, "toggle:wavers")
    press_widget(app, "toggle:broken")  # disabled: nothing happens
    assert app.settings.mods == ["nam_il_wavers"]
    pump(app, [key(pygame.K_ESCAPE)])
    pump(app, [key(pygame.K_n)])
    assert isinstance(app.top, NewGameScreen)
    from game.ui.screens.mods import summary

    folder = app.top.folders[app.top.sel]
    assert summary(app, folder) == "Mods: Nam Il Wavers"
    press_widget(app, "start", frames=3)
    sess = app.session
    assert sess is not None
    assert sess.g.state.mods == ["nam_il_wavers"]
    assert sess.g.scn.get("person", "nam_il").loyalty == 13
    path = sess.write(saves_dir() / "with-mod.json", "With a mod")
    info = next(s for s in saves.list_saves() if s.path == path)
    assert info.mods == ("nam_il_wavers",)
    scn, g, _name = saves.read(path)
    assert scn.get("person", "nam_il").loyalty == 13 and g.state.mods == ["nam_il_wavers"]
    pygame.quit()


def test_switching_off_gives_the_plain_scenario(two_mods):
    app = _app_on_mods()
    press_widget(app, "toggle:wavers")
    press_widget(app, "toggle:wavers")
    assert app.settings.mods == []
    pump(app, [key(pygame.K_ESCAPE)])
    pump(app, [key(pygame.K_n)])
    res = app.top.result()
    assert res.ok and res.scenario.get("person", "nam_il").loyalty != 13
    pygame.quit()


def test_mods_screen_with_nothing_installed_says_where_to_put_them():
    app = _app_on_mods()
    assert app.top.mods == []
    pump(app, [key(pygame.K_r)])
    assert any("checked again" in t.text for t in app.toasts)
    pygame.quit()


def test_a_scenario_in_the_data_folder_is_offered_for_a_new_game():
    import shutil

    from game.paths import user_scenarios_dir
    from game.scenario.loader import SCENARIO_ROOT
    from game.ui import scenarios as SC

    dest = user_scenarios_dir() / "my-1956"
    shutil.copytree(SCENARIO_ROOT / "august-1956", dest)
    text = (dest / "scenario.yaml").read_text(encoding="utf-8")
    text = text.replace("id: august_1956", "id: my_1956", 1).replace("title: August 1956", "title: My 1956", 1)
    (dest / "scenario.yaml").write_text(text, encoding="utf-8")
    assert dest in SC.available()
    app = make_app()
    from game.ui.screens.title import TitleScreen

    app.push(TitleScreen(app))
    pump(app)
    pump(app, [key(pygame.K_n)])
    assert "scn:my-1956" in [w.name for w in app.top.widgets]
    pygame.quit()
