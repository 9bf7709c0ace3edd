"""Timing figures for hostile files: how fast the loader refuses or digests them.

The tests (tests/test_hostile_files.py) check the behaviour by counting values and operations,
never by the clock; the seconds live here. Run from the repository:

    .venv/bin/python bench/hostile_files.py

It prints one line per case: the billion-laughs refusal, the value-count refusal, a
27,000-entry codex mod merged over August 1956, and a mod removing 15,000 entries again.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.scenario import yamlsrc
from game.scenario.loader import SCENARIO_ROOT, load

AUGUST = SCENARIO_ROOT / "august-1956"


def _laughs(levels: int) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\ncodex: *a" + str(levels - 1) + "\n"


def _mod(root: Path, name: str, files: dict[str, str]) -> Path:
    mod = root / name
    mod.mkdir(parents=True)
    (mod / "mod.yaml").write_text(f"mod: {{id: {name}, title: {name}, scenario: august-1956}}\n", encoding="utf-8")
    for fname, text in files.items():
        (mod / fname).write_text(text, encoding="utf-8")
    return mod


def _codex(n: int) -> str:
    parts = ["codex:\n"]
    for i in range(n):
        parts.append(
            f"  - id: extra_{i}\n    title: Entry {i}\n    category: term\n"
            "    text: A long enough entry to make the file the size a real big mod might reach one day.\n"
            "    sources: [L1, L2]\n"
        )
    return "".join(parts)


def _time(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> int:
    bomb = _laughs(9)
    dt = _time(lambda: yamlsrc.load_text(bomb, "bomb.yaml"))
    print(f"billion laughs ({len(bomb)} bytes, 10^9 values if expanded): refused in {dt * 1000:.1f} ms")
    n = yamlsrc.MAX_NODES_PER_FILE + 50_000
    near = "codex: [" + ",".join(["1"] * n) + "]\n"
    dt = _time(lambda: yamlsrc.load_text(near, "huge.yaml"))
    print(f"{n:,} values in one file (just over the limit, counted while composing): refused in {dt:.2f} s")
    far = "codex: [" + ",".join(["1"] * 3_000_000) + "]\n"
    dt = _time(lambda: yamlsrc.load_text(far, "huge.yaml"))
    print(f"3,000,000 values in one file (refused before composing): {dt * 1000:.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        base = _time(lambda: load(AUGUST))
        print(f"August 1956 alone: loaded and checked in {base:.2f} s")
        for n in (6_750, 27_000):
            text = _codex(n)
            mod = _mod(root, f"codex{n}", {"codex.yaml": text})
            dt = _time(lambda m=mod: load(AUGUST, [m]))
            print(f"{n:,}-entry codex mod ({len(text) / 1e6:.1f} MB): loaded and checked in {dt:.2f} s")
        ids = [f"extra_{i}" for i in range(15_000)]
        entries = "".join(f"  - {{id: {i}, title: T, category: term, text: x}}\n" for i in ids)
        add = _mod(root, "add", {"codex.yaml": "codex:\n" + entries})
        undo = _mod(root, "undo", {})
        (undo / "mod.yaml").write_text(
            "mod: {id: undo, title: Undo, scenario: august-1956}\nremove:\n  codex: [" + ", ".join(ids) + "]\n",
            encoding="utf-8",
        )
        dt = _time(lambda: load(AUGUST, [add, undo]))
        print(f"15,000 entries added by one mod and removed by another: {dt:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
