"""Saves and settings as an attacker (or a crash, or a careless editor) leaves them.

Each save here is made by the game, then changed; when the change keeps the checksum valid the
checksum is recomputed, so only the field checks can catch it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game import saves
from game.engine.game import Game
from game.engine.state import GameState
from game.paths import saves_dir, settings_file
from game.ui import settings as S


@pytest.fixture
def good_save(august) -> Path:
    g = Game.new(august, seed=3)
    return saves.write(saves_dir() / "good.json", g, "august-1956", "A good save")


def _tamper(path: Path, name: str, change, *, rehash: bool = True) -> Path:
    payload = json.loads(path.read_text(encoding="utf-8"))
    change(payload)
    if rehash:
        # A careful forger: the checksum matches the changed state.
        payload["hash"] = GameState.from_dict(payload["state"]).hash()
    out = path.with_name(name)
    out.write_text(json.dumps(payload), encoding="utf-8")
    return out


def _set_turn(path: Path, raw: str) -> str:
    """The save's text with the turn written as `raw` (JSON the game could never write)."""
    text, n = re.subn(r'"turn": \d+', '"turn": ' + raw, path.read_text(encoding="utf-8"), count=1)
    assert n == 1
    return text


def _listed(folder: Path | None = None) -> dict[str, saves.SaveInfo]:
    return {s.path.name: s for s in saves.list_saves(folder)}


# ----------------------------------------------------------------------------- never stops the start


def test_infinite_turn_is_one_damaged_entry(good_save):
    text = _set_turn(good_save, "1e400")
    (good_save.parent / "inf.json").write_text(text, encoding="utf-8")
    found = _listed()
    assert found["inf.json"].damaged and "(damaged)" in found["inf.json"].label
    assert not found["good.json"].damaged
    with pytest.raises(saves.SaveError, match="damaged"):
        saves.read(good_save.parent / "inf.json")


def test_deeply_nested_json_is_one_damaged_entry(good_save):
    (good_save.parent / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (good_save.parent / "deep2.json").write_text(
        '{"format": "august-plenum-save", "version": 1, "state": ' + "[" * 100_000 + "]" * 100_000 + "}",
        encoding="utf-8",
    )
    found = _listed()
    assert found["deep.json"].damaged and found["deep2.json"].damaged
    assert not found["good.json"].damaged
    with pytest.raises(saves.SaveError):
        saves.read(good_save.parent / "deep2.json")


def test_huge_integer_text_is_one_damaged_entry(good_save):
    text = _set_turn(good_save, "9" * 5000)
    (good_save.parent / "digits.json").write_text(text, encoding="utf-8")
    assert _listed()["digits.json"].damaged


def test_title_screen_starts_over_a_folder_of_broken_saves(good_save):
    import pygame

    from game.ui.screens.title import TitleScreen
    from tests.ui_helpers import make_app, pump

    folder = good_save.parent
    (folder / "inf.json").write_text(_set_turn(good_save, "1e400"))
    (folder / "deep.json").write_text("[" * 50_000)
    (folder / "budget.json").write_text(
        _tamper(good_save, "x.json", lambda p: p["state"]["budget"].update(kim=10**12)).read_text()
    )
    app = make_app()
    app.push(TitleScreen(app))
    pump(app)
    # Continue offers the one good save, never a damaged one.
    assert app.top.latest is not None and app.top.latest.path.name == "good.json"
    assert _listed()["x.json"].damaged and _listed()["deep.json"].damaged
    pygame.quit()


# ----------------------------------------------------------------------------- fields checked before use


@pytest.mark.parametrize(
    "name, change, fragment",
    [
        ("budget", lambda p: p["state"]["budget"].update(kim=10**12), "budget.kim"),
        ("types", lambda p: p["state"]["people"]["kim_il_sung"].update(loyalty="very"), "loyalty"),
        ("float", lambda p: p["state"].update(rift=2.5), "rift"),
        ("phase", lambda p: p["state"].update(phase="forever"), "phase"),
        ("status", lambda p: p["state"]["people"]["kim_il_sung"].update(status="immortal"), "status"),
        ("event", lambda p: p["state"]["fired"].update(no_such_event="x"), "no_such_event"),
        ("faction", lambda p: p["state"]["factions"].pop("yanan"), "yanan"),
        ("person", lambda p: p["state"]["people"].update(nobody=p["state"]["people"]["kim_il_sung"]), "nobody"),
        ("office", lambda p: p["state"]["people"]["kim_il_sung"].update(offices=["emperor"]), "emperor"),
        ("ending", lambda p: p["state"].update(ending="the_end_of_time"), "the_end_of_time"),
    ],
)
def test_tampered_fields_with_a_valid_checksum_are_refused(good_save, name, change, fragment):
    bad = _tamper(good_save, f"{name}.json", change)
    with pytest.raises(saves.SaveError) as exc:
        saves.read(bad)
    assert fragment in str(exc.value)
    assert str(bad) in str(exc.value)


def test_a_save_from_another_scenario_is_refused(good_save):
    # An August 1956 game presented as a campaign save.
    bad = _tamper(good_save, "other.json", lambda p: p.update(scenario="campaign-1953"), rehash=False)
    with pytest.raises(saves.SaveError, match="campaign"):
        saves.read(bad)


def test_a_save_from_another_version_is_refused(good_save):
    bad = _tamper(good_save, "v2.json", lambda p: p.update(version=2), rehash=False)
    with pytest.raises(saves.SaveError, match="version 2 is not supported"):
        saves.read(bad)


@pytest.mark.parametrize("where", ["/tmp", "../../game/scenarios/august-1956", "C:\\games", ""])
def test_scenario_in_a_save_is_an_id_never_a_path(good_save, where):
    bad = _tamper(good_save, "path.json", lambda p: p.update(scenario=where), rehash=False)
    with pytest.raises(saves.SaveError):
        saves.read(bad)
    assert _listed()["path.json"].damaged


def test_mods_in_a_save_are_ids_never_paths(good_save, tmp_path):
    evil = tmp_path / "evil"
    evil.mkdir()
    (evil / "mod.yaml").write_text("mod: {id: evil, title: Evil, scenario: august-1956}\n")

    def change(p):
        p["mods"] = [str(evil)]
        p["state"]["mods"] = [str(evil)]

    bad = _tamper(good_save, "mods.json", change)
    with pytest.raises(saves.SaveError):
        saves.read(bad)


def test_a_save_naming_a_mod_not_installed_says_so(good_save):
    def change(p):
        p["mods"] = ["not_here"]
        p["state"]["mods"] = ["not_here"]

    bad = _tamper(good_save, "mods.json", change)
    with pytest.raises(saves.SaveError, match="mod 'not_here', which is not installed"):
        saves.read(bad)


# ----------------------------------------------------------------------------- temporary files and names


def test_temporary_files_are_never_listed_and_cleaned_at_start(good_save):
    tmp = good_save.parent / ".tmp-abc123.json"
    tmp.write_text(good_save.read_text(), encoding="utf-8")
    old = tmp.stat().st_mtime - 3600
    os.utime(tmp, (old, old))
    assert ".tmp-abc123.json" not in _listed()
    assert saves.clean_temporary() == 1
    assert not tmp.exists() and good_save.exists()


def test_plenum_start_cleans_temporary_files(good_save):
    tmp = good_save.parent / ".tmp-crash.json"
    tmp.write_text("{", encoding="utf-8")
    os.utime(tmp, (1, 1))
    env = dict(os.environ)
    subprocess.run(
        [sys.executable, "-m", "game", "simulate", "--kim", "history", "--opposition", "history", "--seed", "1"],
        env=env,
        capture_output=True,
        timeout=300,
        check=True,
    )
    assert not tmp.exists()


def test_two_terminal_games_on_the_same_day_get_two_files():
    env = dict(os.environ)
    outs = []
    for _ in range(2):
        r = subprocess.run(
            [sys.executable, "-m", "game", "simulate", "--kim", "human", "--opposition", "ai", "--seed", "1"],
            input="q\n",
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert "Game saved to" in r.stdout, r.stdout + r.stderr
        outs.append(r.stdout.split("Game saved to ")[1].split(".json")[0] + ".json")
    assert outs[0] != outs[1]
    assert Path(outs[0]).exists() and Path(outs[1]).exists()


def test_unique_path_counts_up(tmp_path):
    a = saves.unique_path(tmp_path, "game")
    a.write_text("x")
    b = saves.unique_path(tmp_path, "game")
    assert a.name == "game.json" and b.name == "game-2.json"


# ----------------------------------------------------------------------------- settings


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"volume": ' + "7" * 5000 + "}",
        '{"ui_scale": ' + "1" + "0" * 400 + "}",
        '{"ui_scale": 1e400, "volume": -1}',
        "\xff\xfe not text",
    ],
)
def test_unreadable_settings_fall_back_to_defaults_with_a_message(text):
    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    s, msg = S.load()
    assert msg
    assert s.volume == S.Settings().volume and s.ui_scale == S.Settings().ui_scale
