"""Mod semantics a modder can predict, and a mod folder that tries to reach outside itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.scenario.loader import SCENARIO_ROOT, load

AUGUST = SCENARIO_ROOT / "august-1956"
CAMPAIGN = SCENARIO_ROOT / "campaign-1953"


def _mod(root: Path, files: dict[str, str], *, head: str = "", name: str = "m") -> Path:
    mod = root / name
    mod.mkdir(parents=True)
    (mod / "mod.yaml").write_text(head or f"mod:\n  id: {name}\n  title: A mod\n  scenario: august-1956\n")
    for fname, text in files.items():
        (mod / fname).write_text(text, encoding="utf-8")
    return mod


def _ok(*mods: Path, base: Path = AUGUST):
    res = load(base, list(mods))
    assert res.ok, "\n".join(d.format() for d in res.diagnostics)
    return res.scenario


def _error(code: str, *mods: Path, base: Path = AUGUST):
    res = load(base, list(mods))
    hits = [d for d in res.errors if d.code == code]
    assert hits, "\n".join(d.format() for d in res.diagnostics)
    return hits[0]


# ----------------------------------------------------------------------------- patching by id


def test_adding_an_option_keeps_the_others(tmp_path):
    mod = _mod(
        tmp_path,
        {
            "events.yaml": "events:\n  - id: kim_receives_text\n    options:\n"
            "      - id: burn_it\n        text: Burn the text.\n"
        },
    )
    ev = _ok(mod).get("event", "kim_receives_text")
    assert [o.id for o in ev.options] == ["brief_and_deflect", "read_to_party", "lock_it_away", "burn_it"]


def test_patching_an_option_changes_only_what_it_writes(tmp_path):
    before = _ok().get("event", "kim_receives_text").options[1]
    mod = _mod(
        tmp_path,
        {
            "events.yaml": "events:\n  - id: kim_receives_text\n    options:\n      - {id: read_to_party, detail: New.}\n"
        },
    )
    after = _ok(mod).get("event", "kim_receives_text").options[1]
    assert after.id == "read_to_party" and after.detail == "New."
    assert after.text == before.text and after.effects == before.effects


def test_removing_one_option(tmp_path):
    mod = _mod(
        tmp_path,
        {"events.yaml": "events:\n  - id: kim_receives_text\n    options:\n      - {id: lock_it_away, remove: true}\n"},
    )
    ev = _ok(mod).get("event", "kim_receives_text")
    assert [o.id for o in ev.options] == ["brief_and_deflect", "read_to_party"]


def test_motions_tactics_speakers_and_starts_patch_by_id(tmp_path):
    mod = _mod(
        tmp_path,
        {
            "plenums.yaml": "plenums:\n  - id: august_plenum\n"
            "    motions:\n      - {id: criticise, severity: 7}\n"
            "    tactics:\n      - {id: pack_the_hall, name: Fill the benches}\n"
            "    speakers:\n      - {person: so_hwi, topic: The unions}\n",
            "scenario.yaml": "scenario:\n  starts:\n    - {id: congress, title: The Congress}\n",
        },
    )
    plain = _ok()
    was = plain.get("plenum", "august_plenum")
    scn = _ok(mod)
    pl = scn.get("plenum", "august_plenum")
    assert len(pl.motions) == len(was.motions) and pl.motions[0].severity == 7
    assert len(pl.tactics) == len(was.tactics)
    assert next(t for t in pl.tactics if t.id == "pack_the_hall").name == "Fill the benches"
    assert len(pl.speakers) == len(was.speakers)
    assert next(s for s in pl.speakers if s.person == "so_hwi").topic == "The unions"
    assert [s.id for s in scn.scenario.starts] == [s.id for s in plain.scenario.starts]
    assert scn.scenario.starts[0].title == "The Congress" and scn.scenario.starts[0].date


def test_a_speaker_who_speaks_twice_cannot_be_patched_by_name(tmp_path):
    mod = _mod(
        tmp_path,
        {"plenums.yaml": "plenums:\n  - id: august_plenum\n    speakers:\n      - {person: kim_il_sung, topic: X}\n"},
    )
    d = _error("patch", mod)
    assert "appears 2 times" in d.message and d.line == 4


def test_nested_mappings_patch_key_by_key(tmp_path):
    mod = _mod(
        tmp_path,
        {
            "factions.yaml": "factions:\n  - id: partisan\n    standing: {china: 3}\n",
            "scenario.yaml": "scenario:\n  calendar: {end: 1957-06-30}\n",
        },
    )
    scn = _ok(mod)
    assert scn.get("faction", "partisan").standing == {"ussr": 15, "china": 3}
    assert scn.scenario.calendar.end == "1957-06-30" and scn.scenario.calendar.start == "1956-02-25"


# ----------------------------------------------------------------------------- remove and redefine


def test_remove_and_redefine_in_one_mod_replaces_the_entry(tmp_path):
    mod = _mod(
        tmp_path,
        {
            "events.yaml": "remove:\n  events: [kim_receives_text]\n"
            "events:\n  - id: kim_receives_text\n    title: A new event\n    text: New.\n    side: kim\n"
            "    options:\n      - {id: only_one, text: The only choice.}\n"
        },
    )
    ev = _ok(mod).get("event", "kim_receives_text")
    assert ev.title == "A new event" and [o.id for o in ev.options] == ["only_one"]
    assert ev.condition is None  # nothing inherited: it was removed first


def test_removing_twice_or_removing_what_only_this_mod_defines_is_an_error(tmp_path):
    mod = _mod(
        tmp_path,
        {
            "events.yaml": "remove:\n  events: [kim_receives_text, kim_receives_text, brand_new]\n"
            "events:\n  - {id: brand_new, title: New}\n"
        },
    )
    res = load(AUGUST, [mod])
    msgs = [d.message for d in res.errors if d.code == "remove-missing"]
    assert any("already removed" in m for m in msgs)
    assert any("'brand_new'" in m for m in msgs)


# ----------------------------------------------------------------------------- the mod: block


def test_misspelt_key_in_the_mod_block_is_an_error_with_a_suggestion(tmp_path):
    mod = _mod(tmp_path, {}, head="mod:\n  id: m\n  title: T\n  scenario: august-1956\n  autor: Me\n")
    d = _error("mod", mod)
    assert "autor" in d.message and "author" in d.hint and d.line == 5


def test_missing_mod_block_is_an_error(tmp_path):
    mod = _mod(tmp_path, {}, head="people: []\n")
    _error("mod", mod)


def test_a_mod_for_another_scenario_is_not_applied(tmp_path):
    mod = _mod(tmp_path, {}, head="mod: {id: m, title: T, scenario: campaign-1953}\n")
    d = _error("mod", mod)
    assert "for scenario 'campaign-1953', not 'august-1956'" in d.message


def test_a_mod_for_a_base_applies_to_the_scenario_built_on_it(tmp_path):
    mod = _mod(tmp_path, {"people.yaml": "people:\n  - {id: nam_il, loyalty: 11}\n"})
    assert _ok(mod, base=CAMPAIGN).get("person", "nam_il").loyalty == 11


def test_target_by_scenario_id(tmp_path):
    mod = _mod(tmp_path, {}, head="mod: {id: m, title: T, scenario: august_1956}\n")
    _ok(mod)


def test_unknown_target_has_a_did_you_mean(tmp_path):
    mod = _mod(tmp_path, {}, head="mod: {id: m, title: T, scenario: august-1965}\n")
    d = _error("mod", mod)
    assert "august-1956" in d.hint


@pytest.mark.parametrize("target", ["/etc", "../august-1956", "C:\\scenarios\\x"])
def test_a_path_as_target_is_refused(tmp_path, target):
    mod = _mod(tmp_path, {}, head=f"mod: {{id: m, title: T, scenario: {json.dumps(target)}}}\n")
    d = _error("mod", mod)
    assert "not a path" in d.message


# ----------------------------------------------------------------------------- links


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="needs symlinks")
def test_a_linked_file_is_reported_and_not_read(tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text("people:\n  - {id: nam_il, loyalty: 1}\n")
    mod = _mod(tmp_path, {})
    (mod / "people.yaml").symlink_to(outside)
    d = _error("symlink", mod)
    assert d.file.endswith("people.yaml")


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="needs symlinks")
def test_a_linked_mod_folder_is_reported(tmp_path):
    real = _mod(tmp_path, {}, name="real")
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    _error("symlink", link)


# ----------------------------------------------------------------------------- installed mods by name


def _install(name: str = "wavers") -> Path:
    from game.paths import mods_dir

    mod = mods_dir() / name
    mod.mkdir(parents=True)
    (mod / "mod.yaml").write_text(f"mod: {{id: {name}_id, title: Wavers, scenario: august-1956}}\n")
    (mod / "people.yaml").write_text("people:\n  - {id: nam_il, loyalty: 12}\n")
    return mod


def test_resolve_mod_by_folder_name_id_or_path(tmp_path):
    from game.scenario.installed import mod_not_found, resolve_mod

    mod = _install()
    assert resolve_mod("wavers") == mod
    assert resolve_mod("wavers_id") == mod
    assert resolve_mod(str(mod)) == mod
    assert resolve_mod("wavrs") is None
    assert "did you mean 'wavers'" in mod_not_found("wavrs")


@pytest.mark.parametrize("cmd", ["validate", "simulate"])
def test_commands_find_an_installed_mod_by_name(cmd):
    _install()
    args = [sys.executable, "-m", "game", cmd, "--mod", "wavers"]
    if cmd == "simulate":
        args += ["--kim", "history", "--opposition", "history", "--json"]
    r = subprocess.run(args, capture_output=True, text=True, timeout=300, env=dict(os.environ))
    assert r.returncode == 0, r.stdout + r.stderr
    if cmd == "simulate":
        assert json.loads(r.stdout)["ending"]
    else:
        assert "OK" in r.stdout


def test_unknown_mod_name_is_a_message_not_a_traceback():
    r = subprocess.run(
        [sys.executable, "-m", "game", "validate", "--mod", "nothing_here"],
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ),
    )
    assert r.returncode != 0
    assert "no mod 'nothing_here'" in r.stdout + r.stderr
    assert "Traceback" not in r.stderr


def test_user_scenarios_folder_is_found_by_id(tmp_path):
    import shutil

    from game.paths import user_scenarios_dir
    from game.scenario.loader import find_scenario

    dest = user_scenarios_dir() / "my-1956"
    shutil.copytree(AUGUST, dest)
    text = (dest / "scenario.yaml").read_text(encoding="utf-8").replace("id: august_1956", "id: my_1956", 1)
    (dest / "scenario.yaml").write_text(text, encoding="utf-8")
    assert find_scenario("my-1956") == dest
    assert find_scenario("my_1956") == dest
    assert load(dest).ok
