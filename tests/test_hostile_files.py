"""Files a player or modder can put in front of the game, written as an attacker would.

Every hostile input is generated here under tmp_path. Each must end in a clear diagnostic
naming the file (and line where there is one) — never a traceback, a hang or a memory blow-up.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from game.scenario import yamlsrc
from game.scenario.loader import SCENARIO_ROOT, load

AUGUST = SCENARIO_ROOT / "august-1956"


def _mod(tmp_path: Path, files: dict[str, str], target: str = "august-1956") -> Path:
    mod = tmp_path / "mods" / "hostile"
    mod.mkdir(parents=True)
    (mod / "mod.yaml").write_text(f"mod:\n  id: hostile\n  title: Hostile\n  scenario: {target}\n", encoding="utf-8")
    for name, text in files.items():
        (mod / name).write_text(text, encoding="utf-8")
    return mod


def _codes(result) -> list[str]:
    return [d.code for d in result.errors]


def _first(result, code: str):
    hits = [d for d in result.errors if d.code == code]
    assert hits, "\n".join(d.format() for d in result.diagnostics)
    return hits[0]


# ----------------------------------------------------------------------------- aliases


def _laughs(levels: int) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\ncodex: *a" + str(levels - 1) + "\n"


def test_billion_laughs_is_refused_by_the_alias_counter(tmp_path, monkeypatch):
    # Nine levels of ten: a billion strings from a file of under 600 bytes. The refusal is
    # checked by counting, not by the clock (bench/hostile_files.py prints the time).
    text = _laughs(9)
    assert len(text) < 600
    mod = _mod(tmp_path, {"codex.yaml": text})
    res = load(AUGUST, [mod])
    d = _first(res, "limit")
    assert d.file.endswith("codex.yaml") and d.line >= 1
    assert "aliases" in d.message
    # Values built from the node tree stop at the alias allowance: never the billion.
    built = 0
    real_build = yamlsrc._build

    def counting_build(*args, **kwargs):
        nonlocal built
        built += 1
        return real_build(*args, **kwargs)

    monkeypatch.setattr(yamlsrc, "_build", counting_build)
    loaded = yamlsrc.load_text(text, "bomb.yaml")
    assert loaded.data is None
    (d,) = loaded.diagnostics
    assert d.code == "limit" and "aliases" in d.message
    # The file itself composes to about a hundred nodes; aliases may add MAX_ALIAS_NODES.
    assert loaded.nodes < 200
    assert built <= loaded.nodes + yamlsrc.MAX_ALIAS_NODES


def test_a_few_aliases_still_work():
    loaded = yamlsrc.load_text("a: &x [1, 2]\nb: *x\n", "ok.yaml")
    assert not loaded.diagnostics
    assert loaded.data == {"a": [1, 2], "b": [1, 2]}


# ----------------------------------------------------------------------------- sizes


def test_too_many_values_in_one_file_stops_while_composing():
    n = yamlsrc.MAX_NODES_PER_FILE + 50_000
    text = "codex: [" + ",".join(["1"] * n) + "]\n"
    loaded = yamlsrc.load_text(text, "huge.yaml")
    assert loaded.data is None
    (d,) = loaded.diagnostics
    assert d.code == "limit" and d.file == "huge.yaml"
    assert f"{yamlsrc.MAX_NODES_PER_FILE:,}" in d.message
    # It never gets to building Python values from the nodes.
    assert loaded.nodes == yamlsrc.MAX_NODES_PER_FILE + 1


def test_far_too_many_values_are_refused_before_composing(monkeypatch):
    # Three million values in 6 MB: composing alone took 10 s. The rough count refuses the
    # file without composing a single node.
    text = "codex: [" + ",".join(["1"] * 3_000_000) + "]\n"

    def no_compose(*_args, **_kwargs):
        raise AssertionError("the file was composed")

    monkeypatch.setattr(yamlsrc, "_compose", no_compose)
    loaded = yamlsrc.load_text(text, "huge.yaml")
    (d,) = loaded.diagnostics
    assert d.code == "limit" and "about 3,000,00" in d.message


def test_too_many_values_in_one_mod(tmp_path, monkeypatch):
    # The layer's allowance is shared between its files: the third file goes over.
    monkeypatch.setattr(yamlsrc, "MAX_NODES_PER_FILE", 5_000)
    import game.scenario.loader as loader

    monkeypatch.setattr(loader, "MAX_NODES_PER_LAYER", 9_000)
    chunk = "codex: [" + ",".join(["1"] * 4_000) + "]\n"
    mod = _mod(tmp_path, {"a.yaml": chunk, "b.yaml": chunk, "c.yaml": chunk})
    res = load(AUGUST, [mod], check_refs=False)
    d = _first(res, "limit")
    assert d.file.endswith("c.yaml")


class _CountingList(list):
    """A section list that counts every item visited, read, written or appended."""

    ops = 0

    def __iter__(self):
        for item in list.__iter__(self):
            _CountingList.ops += 1
            yield item

    def __getitem__(self, i):
        _CountingList.ops += 1
        return list.__getitem__(self, i)

    def __setitem__(self, i, value):
        _CountingList.ops += 1
        list.__setitem__(self, i, value)

    def append(self, value):
        _CountingList.ops += 1
        list.append(self, value)


@pytest.fixture
def counted_sections(monkeypatch):
    import game.scenario.loader as loader

    @dataclass
    class CountedRaw(loader.Raw):
        def __post_init__(self):
            self.sections = {k: _CountingList(v) for k, v in self.sections.items()}

    monkeypatch.setattr(loader, "Raw", CountedRaw)

    def ops(folder, mods):
        _CountingList.ops = 0
        res = load(folder, mods)
        assert res.ok, [d.format() for d in res.errors[:5]]
        return _CountingList.ops, res

    return ops


def _codex_mod(tmp_path: Path, name: str, n: int) -> Path:
    entries = "".join(
        f"  - id: extra_{i}\n    title: Entry {i}\n    category: term\n    text: An entry.\n    sources: [L1]\n"
        for i in range(n)
    )
    mod = tmp_path / "mods" / name
    mod.mkdir(parents=True)
    (mod / "mod.yaml").write_text(f"mod: {{id: {name}, title: {name}, scenario: august-1956}}\n", encoding="utf-8")
    (mod / "codex.yaml").write_text("codex:\n" + entries, encoding="utf-8")
    return mod


def _undo_mod(tmp_path: Path, name: str, n: int) -> Path:
    mod = tmp_path / "mods" / name
    mod.mkdir(parents=True)
    ids = ", ".join(f"extra_{i}" for i in range(n))
    (mod / "mod.yaml").write_text(
        f"mod: {{id: {name}, title: Undo, scenario: august-1956}}\nremove:\n  codex: [{ids}]\n", encoding="utf-8"
    )
    return mod


def test_merging_is_linear_in_operations(tmp_path, counted_sections):
    # 27,000 codex entries in one 7 MB file took a minute when each id was looked up by
    # scanning everything merged so far (quadratic). Counted, not timed: four times the
    # entries must cost about four times the list operations (a scan per id would be 16x).
    # bench/hostile_files.py prints the seconds for the full 27,000.
    base, _ = counted_sections(AUGUST, [])
    small, _ = counted_sections(AUGUST, [_codex_mod(tmp_path, "small", 1_000)])
    large, res = counted_sections(AUGUST, [_codex_mod(tmp_path, "large", 4_000)])
    assert sum(1 for c in res.scenario.codex if c.id.startswith("extra_")) == 4_000
    assert large - base <= 4.5 * (small - base), (base, small, large)


def test_removing_many_entries_is_linear_in_operations(tmp_path, counted_sections):
    small, _ = counted_sections(AUGUST, [_codex_mod(tmp_path, "add1", 1_000), _undo_mod(tmp_path, "undo1", 1_000)])
    large, res = counted_sections(AUGUST, [_codex_mod(tmp_path, "add4", 4_000), _undo_mod(tmp_path, "undo4", 4_000)])
    base, _ = counted_sections(AUGUST, [])
    assert not any(c.id.startswith("extra_") for c in res.scenario.codex)
    assert large - base <= 4.5 * (small - base), (base, small, large)


# ----------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    "number, fragment",
    [
        ("5" * 5000, "5,000 characters"),
        ("1.0e+400", "out of range"),
        ("-1.0e+400", "out of range"),
        (".nan", "out of range"),
    ],
)
def test_absurd_numbers_are_refused_with_line(tmp_path, number, fragment):
    mod = _mod(tmp_path, {"people.yaml": f"people:\n  - id: kim_il_sung\n    loyalty: {number}\n"})
    res = load(AUGUST, [mod])
    d = _first(res, "number")
    assert d.file.endswith("people.yaml") and d.line == 3
    assert fragment in d.message


def test_big_but_sane_number_reaches_the_range_check(tmp_path):
    mod = _mod(tmp_path, {"people.yaml": "people:\n  - id: kim_il_sung\n    loyalty: 123456\n"})
    res = load(AUGUST, [mod])
    assert "out-of-range" in _codes(res)


# ----------------------------------------------------------------------------- calendars


def test_endless_calendar_is_refused(tmp_path):
    mod = _mod(
        tmp_path, {"scenario.yaml": "scenario:\n  calendar: {start: 1956-01-01, end: 9999-12-31, turn_days: 1}\n"}
    )
    res = load(AUGUST, [mod])
    d = _first(res, "limit")
    assert d.file.endswith("scenario.yaml") and d.line == 2
    assert "turns" in d.message


def test_long_but_finite_calendar_is_fine(tmp_path):
    # Ten years in two-week turns: about 260 turns.
    mod = _mod(tmp_path, {"scenario.yaml": "scenario:\n  calendar: {start: 1956-01-01, end: 1965-12-31}\n"})
    res = load(AUGUST, [mod])
    assert "limit" not in _codes(res)


# ----------------------------------------------------------------------------- expressions


@pytest.mark.parametrize(
    "src, fragment",
    [
        ("(" * 5000 + "1" + ")" * 5000, "too long"),
        ("not " * 5000 + "true", "too long"),
        ("-" * 3000 + "1", "too long"),
        (" and ".join(["true"] * 20_000), "too long"),
        ("(" * 100 + "1" + ")" * 100, "nests too deeply"),
        ("not " * 100 + "true", "nests too deeply"),
    ],
)
def test_deeply_nested_expression_is_a_located_error(tmp_path, src, fragment):
    # Was Python's recursion limit, reported at the base scenario's first line.
    mod = _mod(
        tmp_path,
        {"endings.yaml": f'endings:\n  - id: kim_removed\n    condition: "{src}"\n'},
    )
    res = load(AUGUST, [mod])
    d = _first(res, "expression")
    assert d.file.endswith("endings.yaml") and d.line == 3, d.format()
    assert fragment in d.message
    assert len(d.message) < 400  # the expression is shown around the column, not whole


def test_shipped_scenarios_are_untouched_by_the_limits(tmp_path):
    copy = tmp_path / "august-1956"
    shutil.copytree(AUGUST, copy)
    assert load(copy).ok


# ----------------------------------------------------------------------------- actions


def test_free_action_without_a_limit_is_an_error(tmp_path):
    mod = _mod(
        tmp_path,
        {
            "actions.yaml": "actions:\n  - id: free_lunch\n    side: kim\n    name: Free lunch\n"
            "    cost: 0\n    limit_per_turn: 0\n    success: [{country: {support: 1}}]\n"
        },
    )
    res = load(AUGUST, [mod])
    d = _first(res, "unbounded")
    assert d.file.endswith("actions.yaml") and d.line == 6
    assert "free_lunch" in d.message


def test_free_action_with_a_limit_is_fine(tmp_path):
    mod = _mod(
        tmp_path,
        {
            "actions.yaml": "actions:\n  - id: free_lunch\n    side: kim\n    name: Free lunch\n"
            "    cost: 0\n    limit_per_turn: 1\n    success: [{country: {support: 1}}]\n"
        },
    )
    assert "unbounded" not in _codes(load(AUGUST, [mod]))
