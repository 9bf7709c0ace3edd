"""Every JSON file the game reads (a save, the notes beside it, the settings, a replay) goes
through one reader that turns whatever the file holds into a JsonFileError of a known kind; a
save's notes that are a nested bomb cost only the notes (loading the save raised RecursionError,
which the reader's callers did not catch: json.loads does not raise it as a ValueError)."""

from __future__ import annotations

import pytest

from game import json_file


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("[" * 100_000 + "]" * 100_000, "too_deep"),
        ('{"a": 1', "syntax"),
        ('{"a": 1' + "0" * 5000 + "}", "bad_value"),
        ("x" * 2000, "syntax"),
    ],
)
def test_each_failure_has_its_kind(tmp_path, text, kind):
    p = tmp_path / "f.json"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(json_file.JsonFileError) as err:
        json_file.read(p, 1_000_000)
    assert err.value.kind == kind
    if kind == "syntax":
        assert err.value.where.startswith(f"{p}:1:")


def test_size_missing_and_unreadable(tmp_path):
    p = tmp_path / "big.json"
    p.write_text("[" + "0," * 1000 + "0]", encoding="utf-8")
    with pytest.raises(json_file.JsonFileError) as err:
        json_file.read(p, 100)
    assert err.value.kind == "too_large"
    with pytest.raises(json_file.JsonFileError) as err:
        json_file.read(tmp_path / "none.json", 100)
    assert err.value.kind == "missing"
    bad = tmp_path / "latin.json"
    bad.write_bytes(b'{"a": "\xff"}')
    with pytest.raises(json_file.JsonFileError) as err:
        json_file.read(bad, 100)
    assert err.value.kind == "unreadable"
    assert json_file.read(p, 10_000) == [0] * 1001


@pytest.mark.parametrize("notes", ["[" * 100_000 + "]" * 100_000, '{"players": 7}', "{", "1" * 6000])
def test_a_saves_damaged_notes_lose_only_the_notes(tmp_path, august, notes):
    from game import saves
    from game.engine.game import Game
    from game.ui.session import load_session

    g = Game.new(august, None, 4)
    p = saves.write(tmp_path / "s.json", g, "august-1956")
    p.with_suffix(".session").write_text(notes, encoding="utf-8")
    s = load_session(p)
    assert s.g.state.hash() == g.state.hash() and s.players.humans == ("kim",)
