"""Hostile files found in a second pass (QA), each failing before its fix: the mod loader,
YAML errors, saves and settings, driven as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.loader import SCENARIO_ROOT, load

AUGUST = SCENARIO_ROOT / "august-1956"


def _mod(tmp_path: Path, files: dict[str, str | bytes], name: str = "qa") -> Path:
    mod = tmp_path / "mods" / name
    mod.mkdir(parents=True)
    (mod / "mod.yaml").write_text(f"mod:\n  id: {name}\n  title: QA\n  scenario: august-1956\n", encoding="utf-8")
    for fname, text in files.items():
        path = mod / fname
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return mod


def _only(res, code: str):
    hits = [d for d in res.diagnostics if d.code == code]
    assert hits, "\n".join(d.format() for d in res.diagnostics)
    return hits[0]


def test_files_in_a_subfolder_are_reported_not_silently_skipped(tmp_path):
    mod = _mod(tmp_path, {"events/new.yaml": "events:\n  - {id: e1, title: E, text: T}\n"})
    d = _only(load(AUGUST, [mod]), "subfolder")
    assert d.file.endswith("new.yaml") and "not read" in d.message and "move them up" in d.hint


def test_a_mod_setting_base_is_an_error_not_ignored(tmp_path):
    mod = _mod(tmp_path, {"scenario.yaml": "scenario:\n  base: ../../../etc\n"})
    res = load(AUGUST, [mod])
    d = _only(res, "mod")
    assert d.file.endswith("scenario.yaml") and d.line == 2 and "base" in d.message
    assert not res.ok


def test_a_wrong_list_item_is_named_by_its_list_not_its_merged_position(tmp_path):
    # Was "'45' must be a mapping of keys": 45 counted the base scenario's people too.
    mod = _mod(tmp_path, {"people.yaml": "people:\n  - [1, 2]\n"})
    d = _only(load(AUGUST, [mod]), "type")
    assert d.line == 2 and d.message.startswith("each entry of 'people' must be a mapping"), d.message


def test_utf16_file_is_named_as_such(tmp_path):
    mod = _mod(tmp_path, {"people.yaml": "people:\n  - {id: nam_il, loyalty: 3}\n".encode("utf-16")})
    d = _only(load(AUGUST, [mod]), "encoding")
    assert "UTF-16" in d.message and "UTF-8" in d.hint


def test_a_second_document_is_explained_in_plain_words(tmp_path):
    mod = _mod(tmp_path, {"people.yaml": "people: []\n---\npeople: []\n"})
    d = _only(load(AUGUST, [mod]), "yaml-syntax")
    assert d.line == 2 and "second document" in d.message and "---" in d.hint


# ----------------------------------------------------------------------------- saves


def _tampered_save(tmp_path: Path, key: str, value) -> Path:
    """A save whose checksum is valid for a state with ``state[key] = value``."""
    import json

    from game import saves
    from game.engine.game import Game
    from game.engine.state import GameState

    g = Game.new(load(AUGUST).scenario, seed=3)
    path = saves.write(tmp_path / "good.json", g, "august-1956")
    payload = json.loads(path.read_text(encoding="utf-8"))
    payload["state"][key] = value
    payload["hash"] = GameState.from_dict(payload["state"]).hash()
    bad = tmp_path / "tampered.json"
    bad.write_text(json.dumps(payload), encoding="utf-8")
    return bad


@pytest.mark.parametrize(
    "key, value, fragment",
    [
        ("date", "1956-13-45", "date"),  # was a ValueError on the first turn played
        ("intel", {}, "intel"),  # a RuleError in the first action's odds
        ("budget", {}, "budget"),  # a KeyError when the side spends
        ("plenums", {}, "plenums"),  # a KeyError when the plenum is due
    ],
)
def test_a_save_with_a_valid_checksum_and_a_missing_or_impossible_value_is_refused(tmp_path, key, value, fragment):
    from game import saves

    bad = _tampered_save(tmp_path, key, value)
    with pytest.raises(saves.SaveError) as err:
        saves.read(bad)
    assert str(bad) in str(err.value) and fragment in str(err.value)
    # The Load list shows it as one damaged entry only when its envelope is damaged; reading it
    # never raises anything but SaveError.
    assert all(isinstance(i, saves.SaveInfo) for i in saves.list_saves(tmp_path))


def test_a_save_missing_a_field_says_which_without_echoing_the_file(tmp_path):
    from game import saves

    bad = tmp_path / "bare.json"
    bad.write_text('{"format": "august-plenum-save", "version": 1}', encoding="utf-8")
    with pytest.raises(saves.SaveError) as err:
        saves.read(bad)
    assert "'scenario' is missing" in str(err.value) and "{'format'" not in str(err.value)


# ----------------------------------------------------------------------------- settings


def test_an_unknown_or_misspelt_setting_is_mentioned(tmp_path):
    from game.ui import settings

    path = tmp_path / "settings.json"
    path.write_text('{"ui_scal": 1.25, "volume": 40}', encoding="utf-8")
    s, message = settings.load(path)
    assert s.volume == 40 and "'ui_scal'" in message


# ----------------------------------------------------------------------------- a new modder's mistakes


def test_removing_an_early_event_works_though_a_start_point_skips_it(tmp_path):
    # The eve-of-plenum start lists every early event in skip_events, so removing any of them
    # was two errors in the shipped scenario.yaml that the modder had never opened.
    mod = _mod(
        tmp_path, {"mod.yaml": "mod: {id: qa, title: QA, scenario: august-1956}\nremove:\n  events: [chairman_away]\n"}
    )
    res = load(AUGUST, [mod])
    assert res.ok, [d.format() for d in res.errors]
    assert res.scenario.get("event", "chairman_away") is None
    for start in res.scenario.scenario.starts:
        assert "chairman_away" not in start.skip_events


def test_a_removal_that_breaks_a_reference_names_the_removal(tmp_path):
    mod = _mod(tmp_path, {"mod.yaml": "mod: {id: qa, title: QA, scenario: august-1956}\nremove:\n  people: [nam_il]\n"})
    res = load(AUGUST, [mod])
    d = next(d for d in res.errors if "nam_il" in d.message)
    assert "removed at" in d.message and "mod.yaml:3" in d.message, d.format()


OPTIONS = """events:
  - id: village_letters
    title: Letters
    text: Peasants write.
    options:
      - id: answer_them
        text: Answer
{bad}
"""


def test_a_key_indented_between_the_entry_and_the_list_gets_the_right_fix(tmp_path):
    # '- id: x' puts the entry's keys two past the dash; the hint said to indent by the dash's
    # column, which is a new item without '- ' and still an error.
    mod = _mod(tmp_path, {"events.yaml": OPTIONS.format(bad="       detail: Answer them")})
    d = next(d for d in load(AUGUST, [mod]).errors if d.code == "yaml-syntax")
    assert d.line == 8 and "indent it by 8 spaces" in d.hint, d.format()


def test_a_key_at_the_level_of_the_dashes_is_explained(tmp_path):
    mod = _mod(tmp_path, {"events.yaml": OPTIONS.format(bad="      detail: Answer them")})
    d = next(d for d in load(AUGUST, [mod]).errors if d.code == "yaml-syntax")
    assert d.line == 8 and "'- '" in d.message and "8 spaces" in d.hint, d.format()


# ----------------------------------------------------------------------------- installed content


def test_a_linked_mod_named_on_the_command_line_says_it_is_a_link(tmp_path):
    # Was "no mod 'loop' ...; did you mean 'loop'?".
    from game.paths import mods_dir
    from game.scenario.installed import mod_not_found, resolve_mod

    mods_dir().mkdir(parents=True)
    (mods_dir() / "loop").symlink_to(mods_dir())
    assert resolve_mod("loop") is None
    msg = mod_not_found("loop")
    assert "link" in msg and "did you mean" not in msg


def test_a_user_scenario_hidden_by_a_shipped_one_is_reported(tmp_path, capsys):
    import shutil

    from game.paths import user_scenarios_dir
    from game.tools.validate import build_report
    from game.tools.validate import main as validate

    user_scenarios_dir().mkdir(parents=True)
    shutil.copytree(AUGUST, user_scenarios_dir() / "august-1956")
    assert validate([], [], list_only=True) == 0
    assert "never used" in capsys.readouterr().err
    report = build_report([], [])
    assert report.ok and any("shadowed" in f.diagnostic.code for t in report.targets for f in t.findings)
