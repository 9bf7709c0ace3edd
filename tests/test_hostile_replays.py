"""`plenum simulate --replay FILE` reads a file a player may have edited, truncated or found: each
wrong shape gets one line naming the file and what is wrong, and exit code 2, never a traceback."""

import pytest

from game.cli import main

CASES = [
    ("[1, 2, 3]", "holds no game"),
    ('{"state": 5}', "holds no game"),
    ('{"decisions": "x"}', "no list of decisions"),
    ('{"decisions": [1, 2]}', "no list of decisions"),
    ("[" * 100_000 + "]" * 100_000, "nested far too deeply"),
    ('{"decisions": [], "seed": "abc"}', "seed 'abc' is not a whole number"),
    ('{"decisions": [], "seed": true}', "seed True is not a whole number"),
    ('{"decisions": [], "start": 7}', "start point 7 is not a name"),
    ('{"decisions": [{"t": "act", "side": "kim", "action": ["x"]}]}', "'action' must be a name, not list"),
    ('{"decisions": [{"t": "act", "side": {"k": 1}}]}', "'side' must be a name, not dict"),
    ('{"decisions": [{"t": "choose", "side": "kim", "event": 3, "option": 1}]}', "'event' must be a name"),
    ('{"decisions": [{"t": 5}]}', "'t' must be a name"),
    ('{"decisions": [{"t": "act", "side": "kim", "action": "nope"}]}', "no such action"),
    ('{"decisions": ', "not a JSON report or save"),
    ('{"decisions": [], "seed": 1' + "0" * 5000 + "}", "not a JSON report or save"),
]


@pytest.mark.parametrize(("text", "words"), CASES)
def test_a_bad_replay_file_gets_one_line(tmp_path, capsys, text, words):
    path = tmp_path / "replay.json"
    path.write_text(text, encoding="utf-8")
    assert main(["simulate", "--replay", str(path), "--kim", "ai", "--opposition", "ai"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"plenum simulate: {path}"), err
    assert words in err, err
    assert "\n" not in err and "Traceback" not in err


def test_a_replay_that_is_not_text_or_not_there(tmp_path, capsys):
    binary = tmp_path / "noise.json"
    binary.write_bytes(bytes(range(128, 256)))
    assert main(["simulate", "--replay", str(binary)]) == 2
    assert "cannot read the replay" in capsys.readouterr().err
    assert main(["simulate", "--replay", str(tmp_path / "missing.json")]) == 2
    assert "no such file" in capsys.readouterr().err
