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
