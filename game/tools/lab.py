"""`plenum lab`: the balance lab. Plays many headless games and tallies the endings.

Games never touch the disk or a window; with --jobs they are spread over processes. The tally
tells a designer (or a modder) whether a scenario is winnable from both chairs.
"""

from __future__ import annotations

import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

_SCN = None


def _init(folder: str, mods: list[str]) -> None:
    global _SCN
    from game.scenario.loader import load

    _SCN = load(Path(folder), [Path(m) for m in mods]).scenario


def _play(job: tuple) -> tuple[str, str, int]:
    from game import ai
    from game.engine.game import Game
    from game.tools.report import run

    seed, start, kim, opp, difficulty = job
    g = Game.new(_SCN, start, seed)
    run(g, {"kim": ai.make(kim, difficulty), "opposition": ai.make(opp, difficulty)})
    e = _SCN.get("ending", g.state.ending)
    return g.state.ending or "?", e.victor if e else "none", g.state.turn


def main(args) -> int:
    from game.scenario.loader import find_scenario, load

    folder = find_scenario(args.scenario)
    if folder is None:
        print(f"plenum lab: no scenario '{args.scenario}'")
        return 2
    res = load(folder, [Path(m) for m in args.mod])
    if not res.ok:
        for d in res.diagnostics:
            print(d.format())
        return 2
    jobs = [(args.seed + i, args.start, args.kim, args.opposition, args.difficulty) for i in range(args.games)]
    t0 = time.perf_counter()
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs, initializer=_init, initargs=(str(folder), args.mod)) as pool:
            results = list(pool.map(_play, jobs))
    else:
        _init(str(folder), args.mod)
        results = [_play(j) for j in jobs]
    elapsed = time.perf_counter() - t0
    endings = Counter(r[0] for r in results)
    victors = Counter(r[1] for r in results)
    n = len(results)
    print(
        f"{args.scenario} ({args.start or 'first start'}): {n} games, Kim={args.kim} vs opposition={args.opposition}, "
        f"difficulty {args.difficulty}"
    )
    for ending, count in endings.most_common():
        e = res.scenario.get("ending", ending)
        title = e.title if e else ending
        print(f"  {count:5d}  {100 * count / n:5.1f}%  {title} [{e.victor if e else '?'}]")
    print("  victors: " + ", ".join(f"{v} {100 * c / n:.0f}%" for v, c in victors.most_common()))
    print(
        f"  mean length {sum(r[2] for r in results) / n:.1f} turns; "
        f"{elapsed:.1f} s, {n / elapsed:.2f} games/s with {args.jobs} process(es)"
    )
    return 0
