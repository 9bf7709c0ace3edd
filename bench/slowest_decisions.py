"""The AI's slowest decisions in August 1956, with the garbage collector as the window runs it
(Python's defaults; `plenum bench` tunes it as the lab does, and there one full collection can
land inside a single decision and double the maximum).

    python bench/slowest_decisions.py                  # 20 normal-normal games, seeds 1-20
    python bench/slowest_decisions.py --games 50 --level hard --show 12

Prints the slowest decisions (time, seed, date, side, what was decided) and the count. A
figure, not a test: the aim is no decision at the normal level over 100 ms.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--games", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--level", default="normal", choices=("easy", "normal", "hard"))
    ap.add_argument("--show", type=int, default=8)
    args = ap.parse_args(argv)

    from game import ai
    from game.engine.game import Game
    from game.scenario.loader import load

    scn = load(Path(__file__).resolve().parents[1] / "game" / "scenarios" / "august-1956").scenario
    rows: list[tuple[float, int, str, str, str]] = []
    for seed in range(args.seed, args.seed + args.games):
        g = Game.new(scn, None, seed)
        players = {s: ai.make("ai", args.level) for s in ("kim", "opposition")}
        while (side := g.to_move()) is not None:
            t0 = time.perf_counter()
            order = players[side](g, side)
            ms = (time.perf_counter() - t0) * 1000
            what = next((p.event for p in g.state.pending if p.side == side), "") or str(order.get("t"))
            rows.append((ms, seed, g.state.date, side, what))
            g.submit(order)
    rows.sort(reverse=True)
    print(f"{len(rows)} decisions at {args.level}, {args.games} games from seed {args.seed}; the slowest:")
    for ms, seed, date, side, what in rows[: args.show]:
        print(f"  {ms:7.1f} ms  seed {seed:<4d} {date}  {side:<10s} {what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
