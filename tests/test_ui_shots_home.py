"""`plenum shots` plays sessions that autosave and shows the save screen: in a scratch home of its
own, never the player's (whose saves stay as they were, and whose folder is not in the picture)."""

from __future__ import annotations

import os

import tests.ui_helpers  # noqa: F401  (dummy video and audio drivers)


def test_shots_leave_the_players_saves_alone(tmp_path, monkeypatch):
    from game.ui.shots import render_all

    home = tmp_path / "player"
    (home / "data" / "saves").mkdir(parents=True)
    mine = home / "data" / "saves" / "mine.json"
    mine.write_text("{}", encoding="utf-8")
    monkeypatch.setenv("AUGUST_PLENUM_HOME", str(home))
    written = render_all(tmp_path / "out", only={"10-ending", "12-save"})
    assert any(p.name == "12-save.png" for p in written)
    assert sorted(p.name for p in (home / "data" / "saves").iterdir()) == ["mine.json"]
    assert os.environ["AUGUST_PLENUM_HOME"] == str(home)  # put back as it was
