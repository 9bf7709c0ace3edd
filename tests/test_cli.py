"""The `plenum` command line, driven as a user would."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def plenum(*args, input=None, env_home=None):
    env = dict(os.environ)
    if env_home:
        env["AUGUST_PLENUM_HOME"] = str(env_home)
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        input=input,
        timeout=300,
        env=env,
    )


def test_simulate_json_report():
    out = plenum(
        "simulate", "--scenario", "august-1956", "--kim", "history", "--opposition", "history", "--seed", "3", "--json"
    )
    assert out.returncode == 0, out.stderr
    rep = json.loads(out.stdout)
    assert rep["ending"]["historical"] is True
    for key in ("people", "factions", "patrons", "plenums", "decisions", "hash"):
        assert key in rep
    person = rep["people"][0]
    assert {"id", "name", "faction", "status", "offices"} <= set(person)
    motion = rep["plenums"][0]["motions"][0]
    assert {"for", "against", "abstain", "passed"} <= set(motion)


def test_same_command_same_output():
    args = ("simulate", "--kim", "ai", "--opposition", "ai", "--seed", "9", "--json")
    assert plenum(*args).stdout == plenum(*args).stdout


def test_replay_from_a_report(tmp_path):
    first = plenum("simulate", "--kim", "ai", "--opposition", "history", "--seed", "4", "--json")
    (tmp_path / "run.json").write_text(first.stdout)
    again = plenum("simulate", "--replay", str(tmp_path / "run.json"), "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["hash"] == json.loads(first.stdout)["hash"]


def test_human_at_the_terminal_can_quit_and_resume(tmp_path):
    out = plenum("simulate", "--kim", "human", "--opposition", "ai", "--seed", "2", input="q\n", env_home=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "playing Kim Il Sung" in out.stdout
    m = re.search(r"Resume with: plenum simulate --resume (\S+)", out.stdout)
    assert m, out.stdout[-2000:]
    resumed = plenum(
        "simulate", "--resume", m.group(1), "--kim", "ai", "--opposition", "ai", "--json", env_home=tmp_path
    )
    assert resumed.returncode == 0, resumed.stderr
    assert json.loads(resumed.stdout)["ending"]["id"]


def test_human_plays_whole_game_by_answering_every_prompt(tmp_path):
    """A person at the terminal who always takes the last choice offered (end the turn, or
    the last option of a dispatch) gets through the whole year to an ending."""
    import select

    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "simulate", "--kim", "ai", "--opposition", "human", "--seed", "5"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "AUGUST_PLENUM_HOME": str(tmp_path)},
    )
    fd = proc.stdout.fileno()
    buf = ""
    prompts = 0
    while True:
        r, _, _ = select.select([fd], [], [], 60)
        if not r:
            proc.kill()
            raise AssertionError("no prompt within 60 s:\n" + buf[-2000:])
        chunk = os.read(fd, 65536).decode("utf-8", "replace")
        if not chunk:
            break
        buf += chunk
        m = re.search(r"\[(?:1-(\d+)|0 or e)[^\]]*\]: $", buf[-120:])
        if m:
            prompts += 1
            # The action menu ends the turn on a fixed key (0), not on its last number.
            key = "0" if "0 or e to end" in m.group(0) else m.group(1)
            proc.stdin.write((key + "\n").encode())
            proc.stdin.flush()
    proc.wait(timeout=60)
    assert proc.returncode == 0, proc.stderr.read()
    assert "Ending:" in buf
    assert prompts > 10
    assert "playing the Opposition" in buf


def test_bad_arguments_are_messages_not_tracebacks(tmp_path):
    out = plenum("simulate", "--scenario", "no-such-thing")
    assert out.returncode == 2 and "no scenario 'no-such-thing'" in out.stderr
    out = plenum("simulate", "--start", "nope")
    assert out.returncode == 2 and "no start point 'nope'" in out.stderr
    (tmp_path / "junk.json").write_text("{not json")
    out = plenum("simulate", "--resume", str(tmp_path / "junk.json"))
    assert out.returncode == 2 and "the save is damaged" in out.stderr
    assert "Traceback" not in out.stderr
