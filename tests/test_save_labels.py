"""Save labels say their dates as a reader writes them, in every list that shows them."""

from __future__ import annotations

import re

from game import saves
from game.engine.game import Game
from game.words import prose_dates

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def test_a_save_without_a_name_is_labelled_with_the_date_in_words(august, tmp_path):
    g = Game.new(august, None, 1)
    path = saves.write(tmp_path / "a.json", g, "august-1956")
    entry = next(e for e in saves.list_saves(tmp_path) if e.path == path)
    assert "25 February 1956" in entry.label and not ISO.search(entry.label), entry.label


def test_labels_written_before_read_as_prose():
    # Older saves kept the ISO date in their label; the title and the save list show it in words.
    assert prose_dates("August 1956, 1956-02-25") == "August 1956, 25 February 1956"


def test_loading_a_save_names_it_as_the_list_does(august, tmp_path):
    """The toast after loading says the save's label (its date in words), not its file name."""
    import pygame

    from game.ui.screens.saveload import open_save
    from tests.ui_helpers import make_app

    g = Game.new(august, None, 1)
    path = saves.write(tmp_path / "autosave-3.json", g, "august-1956", label="Autosave: August 1956, 1956-02-25")
    app = make_app()
    try:
        assert open_save(app, path)
        texts = [t.text for t in app.toasts]
        assert "Loaded: Autosave: August 1956, 25 February 1956" in texts, texts
        assert not any("autosave-3.json" in t for t in texts)
    finally:
        pygame.quit()


def test_continue_resumes_a_game_in_play_never_an_ended_one(august):
    """An ended game's autosave, however new, would open on its ending screen: Continue passes
    over it to the newest game still in play, and with none it is off and says why. The save list
    still shows the ended game, marked as ended."""
    import os

    import pygame

    from game.paths import saves_dir
    from game.ui.screens.title import TitleScreen
    from tests.ui_helpers import make_app, pump

    folder = saves_dir()
    playing = saves.write(folder / "playing.json", Game.new(august, None, 1), "august-1956", "In play")
    done = Game.new(august, None, 2)
    done.state.phase, done.state.ending = "over", next(iter(august.endings)).id
    ended = saves.write(folder / "autosave-1.json", done, "august-1956", "Ended")
    os.utime(playing, (1_000_000, 1_000_000))  # the ended game is the newest file
    assert {e.path.name: e.ended for e in saves.list_saves(folder)} == {"playing.json": False, "autosave-1.json": True}

    app = make_app()
    app.push(TitleScreen(app))
    pump(app)
    assert app.top.latest is not None and app.top.latest.path == playing
    playing.unlink()
    app.top.rebuild()
    cont = next(w for w in app.top.widgets if w.name == "Continue")
    assert app.top.latest is None and not cont.enabled and "have ended" in str(cont.tooltip)
    assert ended.exists()
    pygame.quit()
