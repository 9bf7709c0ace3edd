"""The balance lab and scripted players: the JSON shape, refusals, scripts as data, replayable seeds."""

from __future__ import annotations

import json
import re

import pytest

from game.cli import main
from game.scenario.loader import find_scenario, load
from game.scripted import BUILTIN, ScriptedPlayer, ScriptError
from game.scripted import load as load_script
from game.tools.lab import wilson


def _lab_json(capsys, *argv: str) -> dict:
    assert main(["lab", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def scn():
    return load(find_scenario("august-1956")).scenario


def test_json_has_the_figures(capsys):
    d = _lab_json(capsys, "--games", "3", "--kim", "history", "--opposition", "script:recruit_only")
    assert d["games"] == 3 and d["seconds"] >= 0
    assert sum(d["victors"].values()) == 3 and sum(d["endings"].values()) == 3
    assert set(d["actions"]) == {"kim", "opposition"}
    # recruit_only recruits and does nothing else
    assert set(d["actions"]["opposition"]) == {"recruit_member"}
    assert d["max_action_share"]["opposition"] == {"action": "recruit_member", "share": 1.0}
    for side in ("kim", "opposition"):
        w = d["win_rate"][side]
        assert 0 <= w["low"] <= w["rate"] <= w["high"] <= 1
    assert sorted(s for seeds in d["seeds"].values() for s in seeds) == [1, 2, 3]
    assert all("for" in m and "passed" in m for m in d["motions"].values())


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--games", "0"], "--games must be at least 1"),
        (["--kim", "ai:genius"], "unknown AI level 'genius'"),
        (["--opposition", "script:no_such_routine"], "no built-in script 'no_such_routine'"),
        (["--kim", "script:lie_low_and_build"], "plays opposition, not kim"),
        (["--kim", "robot"], "unknown player 'robot'"),
        (["--start", "nowhere"], "no start point 'nowhere'"),
    ],
)
def test_bad_arguments_get_one_line_and_exit_2(capsys, argv, words):
    assert main(["lab", *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert words in err and len(err.splitlines()) == 1


def test_a_lab_game_replays_in_simulate(capsys):
    d = _lab_json(capsys, "--games", "2", "--seed", "7", "--kim", "script:secure_votes_only", "--opposition", "history")
    assert (
        main(["simulate", "--kim", "script:secure_votes_only", "--opposition", "history", "--seed", "8", "--json"]) == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert report["hash"][:16] == d["hashes"]["8"]
    assert d["endings"].get(report["ending"]["id"], 0) >= 1


def test_parallel_and_serial_agree(capsys):
    args = ("--games", "4", "--kim", "script:never_acts", "--opposition", "script:lie_low_and_build")
    one = _lab_json(capsys, *args, "--jobs", "1")
    two = _lab_json(capsys, *args, "--jobs", "2")
    for key in ("victors", "endings", "actions", "options", "motions", "hashes"):
        assert one[key] == two[key], key


def test_script_from_yaml_plays_as_written(tmp_path, capsys, scn):
    path = tmp_path / "canvass.yaml"
    path.write_text(
        "script:\n"
        "  id: canvass_then_recruit\n"
        "  side: opposition\n"
        "  actions:\n"
        "    - {action: canvass_faction, per_turn: 1}\n"
        '    - {action: recruit_member, target: first, when: "not flag.kim_abroad and votes.present > 0"}\n'
        "  answer: first\n"
        "  choose: {chairman_away: keep_it_small}\n"
        "  tactics: {august_plenum: measured_critique}\n",
        encoding="utf-8",
    )
    d = _lab_json(capsys, "--games", "2", "--kim", "history", "--opposition", f"script:{path}")
    assert set(d["actions"]["opposition"]) <= {"canvass_faction", "recruit_member"}
    assert d["actions"]["opposition"]["canvass_faction"] > 0
    picked = d["options"]["opposition"]
    assert not any(k.startswith("chairman_away:") and k != "chairman_away:keep_it_small" for k in picked)
    august = [k for k in d["tactics"]["opposition"] if k.startswith("august_plenum:")]
    assert august == ["august_plenum:measured_critique"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "script: {id: x, side: opposition, actions: [{action: fly_to_the_moon}]}",
            "no opposition action 'fly_to_the_moon'",
        ),
        ("script: {id: x, side: kim, answer: sometimes}", "answer"),
        ("script: {id: x, side: kim, actions: [{action: secure_votes, when: 'flag.'}]}", "actions.0.when"),
        ("script: {id: x, side: kim, tactics: {august_plenum: full_attack}}", "no kim tactic 'full_attack'"),
        ("script: {id: x, side: kim, colour: red}", "colour"),
        ("just a string", "expected a mapping with a 'script:' key"),
    ],
)
def test_bad_script_files_say_what_is_wrong(tmp_path, scn, text, words):
    from game.scripted import check

    path = tmp_path / "bad.yaml"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ScriptError) as exc:
        check(load_script(str(path)), scn)
    assert words in str(exc.value)
    assert "\n" not in str(exc.value)


def test_a_script_file_is_read_with_the_scenario_files_limits_and_lines(tmp_path, scn):
    from game.scripted import check

    """A script is a file a modder writes: each problem is named at its line and column, one a
    line, in plain words; an alias bomb, a file too large or a broken bracket is refused at once."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("script:\n  side: opposition\n  answr: first\n  actions:\n    - lie_low\n", encoding="utf-8")
    with pytest.raises(ScriptError) as exc:
        load_script(str(bad))
    lines = str(exc.value).splitlines()
    assert lines[0].startswith(f"{bad}:2:3: id: missing required key 'id'")
    assert f"{bad}:3:3: answr: unknown key 'answr' (did you mean 'answer'?)" in lines
    assert f"{bad}:5:7: actions.0: each entry of 'actions' is a mapping, such as {{action: lie_low}}" in lines

    bomb = ["script:", "  id: bomb", "  side: opposition", "  a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    bomb += [f"  a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    bomb.append("  actions: *a8")
    (tmp_path / "bomb.yaml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    with pytest.raises(ScriptError, match=r"bomb\.yaml:\d+:\d+: aliases"):
        load_script(str(tmp_path / "bomb.yaml"))

    (tmp_path / "big.yaml").write_bytes(b"script:\n  name: '" + b"x" * 30_000_000 + b"'\n")
    with pytest.raises(ScriptError, match="larger than"):
        load_script(str(tmp_path / "big.yaml"))

    unknown = tmp_path / "unknown.yaml"
    unknown.write_text(
        "script:\n  id: x\n  side: opposition\n  actions:\n    - {action: lie_low}\n    - {action: fly}\n",
        encoding="utf-8",
    )
    with pytest.raises(ScriptError, match=rf"^{re.escape(str(unknown))}:6:7: actions\.1: no opposition action 'fly'"):
        check(load_script(str(unknown)), scn)

    (tmp_path / "open.yaml").write_text("script: [1, 2\n", encoding="utf-8")
    with pytest.raises(ScriptError, match=r"open\.yaml:1:9: .*not closed"):
        load_script(str(tmp_path / "open.yaml"))


def test_builtin_scripts_fit_the_scenario(scn):
    from game.scripted import check

    for name in BUILTIN:
        check(load_script(name), scn)
    assert isinstance(ScriptedPlayer(load_script("never_acts")), ScriptedPlayer)


def test_wilson_interval():
    lo, hi = wilson(0, 10)
    assert lo == 0.0 and hi == pytest.approx(0.2775, abs=1e-3)
    lo, hi = wilson(50, 100)
    assert lo == pytest.approx(0.4038, abs=1e-3) and hi == pytest.approx(0.5962, abs=1e-3)


def test_dead_turns_are_counted_by_ending(capsys):
    # From the September plenum, history on both sides: the jobs for the rehabilitated are the
    # last choice (3 November); one empty fortnight follows while the envoys could still press
    # for posts (until 30 November), and then the year is settled, not played out to December.
    d = _lab_json(capsys, "--games", "2", "--start", "september_plenum", "--kim", "history", "--opposition", "history")
    idle = d["idle_turns"]
    assert set(idle) == {"mean", "games", "by_ending"}
    assert set(idle["by_ending"]) == set(d["endings"]) == {"sole_rule"}
    assert idle["mean"] == 1 and idle["games"] == 2
