"""A scenario's AI tuning (scenario.yaml `ai:`) is checked at load, with its file and line: a
misspelt weight or an absurd level setting used to pass `plenum validate` and then stop the game
with a traceback at the AI's first move."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.engine import ai_tuning as AI
from game.scenario.loader import SCENARIO_ROOT, load

AUGUST = SCENARIO_ROOT / "august-1956"
STOCK = """  ai:
    sides:
      kim:
        levels:
          normal: {level.delay: 1}
"""


def _scenario(tmp_path: Path, ai_block: str) -> tuple[Path, int]:
    """A copy of August whose scenario.yaml carries ``ai_block`` in place of its own; and the
    line the block's first line lands on."""
    folder = tmp_path / "august-copy"
    shutil.copytree(AUGUST, folder)
    path = folder / "scenario.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  ai:\n")
    end = text.index("  committee:\n", start)
    path.write_text(text[:start] + ai_block + text[end:], encoding="utf-8")
    return folder, text[:start].count("\n") + 1


def _errors(folder: Path) -> list:
    res = load(folder)
    return [d for d in res.diagnostics if d.code == "ai-tuning"]


def test_the_stock_tuning_loads_clean(tmp_path):
    folder, _ = _scenario(tmp_path, STOCK)
    assert load(folder).ok


@pytest.mark.parametrize(
    ("block", "line", "words"),
    [
        # a misspelt weight, with the name it meant
        ("  ai:\n    weights:\n      widht: 3\n", 2, ["unknown AI tuning name 'widht'", "'width'", "ai.sides.<side>"]),
        ("  ai:\n    weights:\n      margn: 3\n", 2, ["'margn'", "did you mean 'margin'"]),
        ("  ai:\n    levels:\n      hard:\n        stirke: 3\n", 3, ["'stirke'", "strike"]),
        # a level setting where only weights go
        ("  ai:\n    weights:\n      opens: 1\n", 2, ["setting 'opens' here", "ai.sides.<side>.levels.<level>"]),
        ("  ai:\n    sides:\n      opposition:\n        weights: {samples: 2}\n", 3, ["'samples' here"]),
        # values out of their kind or bounds
        (
            "  ai:\n    sides:\n      kim:\n        levels:\n          hard: {width: 0}\n",
            4,
            ["width: 0", "between 1 and 12"],
        ),
        ("  ai:\n    sides:\n      kim:\n        levels:\n          hard: {samples: 100000}\n", 4, ["between 1 and 8"]),
        ("  ai:\n    sides:\n      kim:\n        levels:\n          easy: {width: 2.5}\n", 4, ["whole number"]),
        ("  ai:\n    sides:\n      kim:\n        levels:\n          easy: {opens: 2}\n", 4, ["1 (on) or 0 (off)"]),
        ("  ai:\n    sides:\n      kim:\n        levels:\n          easy: {sessions: 1.5}\n", 4, ["between 0 and 1"]),
        ("  ai:\n    weights: {hint_turns: 1000000}\n", 1, ["between 0 and 24"]),
    ],
)
def test_bad_tuning_is_refused_at_its_line(tmp_path, block, line, words):
    folder, first = _scenario(tmp_path, block)
    errs = _errors(folder)
    assert len(errs) == 1, [d.format() for d in load(folder).diagnostics]
    d = errs[0]
    assert d.file.endswith("scenario.yaml")
    assert d.line == first + line
    text = d.format()
    for w in words:
        assert w in text


def test_validate_and_simulate_say_it_without_a_traceback(tmp_path, capsys):
    folder, first = _scenario(
        tmp_path, "  ai:\n    sides:\n      opposition:\n        levels:\n          normal: {widht: 4}\n"
    )
    assert main(["validate", str(folder)]) != 0
    out = capsys.readouterr()
    text = out.out + out.err
    assert f"scenario.yaml:{first + 4}" in text and "widht" in text and "Traceback" not in text
    code = main(["simulate", "--scenario", str(folder), "--kim", "ai:easy", "--opposition", "ai:normal", "--seed", "1"])
    out = capsys.readouterr()
    assert code != 0
    assert "widht" in out.out + out.err and "Traceback" not in out.out + out.err


def test_every_weight_and_setting_has_a_kind_the_check_reads():
    # A weight or setting added later gets checked like the others: each name resolves to a
    # field with a kind, and the default values themselves pass.
    defaults = AI.Weights()
    for name in AI.WEIGHT_NAMES:
        assert AI.problem(name, float(getattr(defaults, name))) is None, name
    for name in AI.SETTING_NAMES:
        assert AI.problem(name, 1) is None, name
