"""Does what a side does before a date count? One side plays as the AI level throughout in one
set of games, and in the other only answers its decision points and plenum tactics (as that AI)
until the date, ending each phase with its points unspent; the rest of the game is the same.

    python bench/idle_until.py --side opposition --until 1956-01-01          # campaign, normal
    python bench/idle_until.py --side kim --until 1956-01-01 --games 200 --seed 101
    python bench/idle_until.py --scenario august-1956 --side opposition --until 1956-06-01

Prints each side's wins in both sets. Measured in the campaign (normal against normal, 200
games, seeds 1-200): critics idle until 1956 won 43.5% against 46% playing throughout; a Kim
idle until 1956 won 53% against 49.5%: the moves of 1953-55 hardly counted.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

_SCN = None


def _init(folder: str) -> None:
    global _SCN
    from game.scenario.loader import load
    from game.tools import headless_gc

    _SCN = load(Path(folder)).scenario
    headless_gc.tune()


def _play(job: tuple) -> str:
    from game import ai
    from game.engine.game import Game
    from game.tools.report import run

    seed, until, idle_side, level, idle = job
    scn = _SCN
    assert scn is not None
    g = Game.new(scn, None, seed)
    players = {s: ai.make("ai", level) for s in ("kim", "opposition")}

    def wrap(side_name: str):
        player = players[side_name]

        def ask(game, side: str) -> dict:
            st = game.state
            waiting = any(p.side == side for p in st.pending)
            if idle and side == idle_side and st.date < until and not waiting:
                return {"t": "end", "side": side}
            return player(game, side)

        return ask

    run(g, {s: wrap(s) for s in players})
    e = scn.get("ending", g.state.ending)
    return e.victor if e else "none"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scenario", default="campaign-1953")
    ap.add_argument("--side", choices=("kim", "opposition"), default="opposition")
    ap.add_argument("--until", default="1956-01-01", help="ISO date: the side is idle before it")
    ap.add_argument("--level", choices=("easy", "normal", "hard"), default="normal")
    ap.add_argument("--games", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)

    from game.scenario.loader import find_scenario

    found = find_scenario(args.scenario)
    if found is None:
        print(f"idle_until: no scenario '{args.scenario}'", file=sys.stderr)
        return 2
    folder = str(found)
    seeds = range(args.seed, args.seed + args.games)
    with ProcessPoolExecutor(args.jobs, initializer=_init, initargs=(folder,)) as pool:
        for idle in (False, True):
            jobs = [(s, args.until, args.side, args.level, idle) for s in seeds]
            won = Counter(pool.map(_play, jobs, chunksize=4))
            how = f"idle until {args.until}" if idle else "playing throughout"
            share = 100 * won[args.side] / args.games
            print(f"{args.side} {how}: {share:.1f}% of {args.games} ({dict(won)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
