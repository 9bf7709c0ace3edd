"""A fixed set of games and the final state hash of each: the check that a speed change changed
nothing. Run it before and after; every line must read the same.

    python bench/fixed_games.py              # prints one line per game, then a digest of all
    python bench/fixed_games.py --jobs 2     # the same lines, played on two processes
    python bench/fixed_games.py --quick      # the August games only (no campaign)

The set covers both scenarios, history against history, every AI level on both sides, mixed
levels, a start point on the eve of the plenum and several seeds. A state hash covers the
whole final state: the RNG, every decision (with the AI's reasons) and the log.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# (scenario, start point or None, Kim, opposition, seed)
GAMES: list[tuple[str, str | None, str, str, int]] = [
    *[("august-1956", None, "history", "history", s) for s in (1, 2)],
    *[("august-1956", None, "ai:easy", "ai:easy", s) for s in (1, 2, 3, 4)],
    *[("august-1956", None, "ai:normal", "ai:normal", s) for s in (1, 2, 3, 4, 5, 6, 7, 8)],
    *[("august-1956", None, "ai:hard", "ai:hard", s) for s in (1, 2, 3)],
    ("august-1956", None, "ai:easy", "ai:hard", 11),
    ("august-1956", None, "ai:hard", "ai:easy", 12),
    ("august-1956", None, "ai:normal", "history", 13),
    ("august-1956", None, "history", "ai:normal", 14),
    ("august-1956", None, "ai:normal", "ai:hard", 15),
    ("august-1956", None, "ai:hard", "ai:normal", 16),
    ("august-1956", "eve_of_plenum", "ai:normal", "ai:normal", 21),
    ("august-1956", "eve_of_plenum", "ai:hard", "ai:easy", 22),
    ("campaign-1953", None, "history", "history", 1),
    ("campaign-1953", None, "ai:normal", "ai:normal", 1),
    ("campaign-1953", None, "ai:easy", "ai:hard", 2),
]

_SCNS: dict[str, object] = {}


def _scenario(name: str):
    from game.scenario.loader import find_scenario, load

    if name not in _SCNS:
        folder = find_scenario(name)
        assert folder is not None, f"scenario {name} is missing"
        _SCNS[name] = load(folder).scenario
    return _SCNS[name]


def play(job: tuple[str, str | None, str, str, int]) -> str:
    from game import ai
    from game.engine.game import Game
    from game.tools.report import run

    name, start, kim, opp, seed = job
    scn = _scenario(name)
    starts = {s.id for s in scn.scenario.starts}  # type: ignore[attr-defined]
    g = Game.new(scn, start if start in starts else None, seed)  # type: ignore[arg-type]
    run(g, {"kim": ai.make(kim), "opposition": ai.make(opp)})
    return g.state.hash()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--quick", action="store_true", help="only the August games")
    ap.add_argument(
        "--hash-seeds",
        default="",
        help="comma-separated PYTHONHASHSEED values: play the set once under each (in fresh processes) "
        "and check every run gives the same hashes (no result may depend on a set's order)",
    )
    args = ap.parse_args()
    if args.hash_seeds:
        return _across_hash_seeds(args)
    games = [g for g in GAMES if not (args.quick and g[0] != "august-1956")]
    t0 = time.perf_counter()
    if args.jobs > 1:
        import multiprocessing as mp

        with mp.get_context("spawn").Pool(args.jobs) as pool:
            hashes = pool.map(play, games, chunksize=1)
    else:
        hashes = [play(g) for g in games]
    digest = hashlib.sha256()
    for g, h in zip(games, hashes):
        name, start, kim, opp, seed = g
        line = f"{name:<14} {start or '-':<14} {kim:<10} {opp:<10} seed {seed:<3} {h}"
        print(line)
        digest.update(line.encode())
    print(f"all {len(games)}: {digest.hexdigest()}")
    print(f"({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return 0


def _across_hash_seeds(args: argparse.Namespace) -> int:
    import os
    import subprocess

    outs = {}
    for hs in args.hash_seeds.split(","):
        env = {**os.environ, "PYTHONHASHSEED": hs.strip()}
        cmd = [sys.executable, __file__, "--jobs", str(args.jobs)] + (["--quick"] if args.quick else [])
        outs[hs] = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    first = next(iter(outs.values()))
    bad = [hs for hs, out in outs.items() if out != first]
    print(first, end="")
    for hs in bad:
        lines = [a for a, b in zip(outs[hs].splitlines(), first.splitlines()) if a != b]
        print(f"PYTHONHASHSEED={hs} differs:", *lines, sep="\n  ")
    print("same under every hash seed" if not bad else f"{len(bad)} hash seed(s) differ")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
