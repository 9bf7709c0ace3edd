"""How far the plenum forecast can be trusted: the share of tactic pairs in which the first motion
carried, as each side's forecast plays the session out on its own picture when the tactic is
asked (game/ui/forecast.play_out, "it carried in k of n"), against whether it carried.

    python bench/forecast_calibration.py                       # 100 normal-normal August games
    python bench/forecast_calibration.py --games 200 --kim ai:hard --opposition ai:easy

Prints, for each side, the forecasts in five bands with how often the motion then carried, the
mean gap between the two (calibration error) and the Brier score. A figure, not a test.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.engine.game import Game  # noqa: E402
from game.engine.intel import side_view  # noqa: E402
from game.scenario.loader import load  # noqa: E402
from game.tools.lab import make_player  # noqa: E402
from game.ui.forecast import play_out  # noqa: E402


def forecasts(scn, kim: str, opposition: str, seeds) -> list[tuple[str, float, bool]]:
    """(side, share carried as forecast, carried) for each plenum each side was asked about."""
    out = []
    for seed in seeds:
        g = Game.new(scn, None, seed)
        players = {"kim": make_player(kim, "kim", scn), "opposition": make_player(opposition, "opposition", scn)}
        asked: dict[tuple[str, str], float] = {}
        while (s := g.to_move()) is not None:
            st = g.state
            for pend in st.pending:
                if pend.side == s and pend.event.startswith("plenum:") and (pend.event, s) not in asked:
                    pdef = scn.get("plenum", pend.event.split(":", 1)[1])
                    p = play_out(st, scn, s, side_view(st, scn, s), pdef)
                    if p is not None:
                        asked[(pend.event, s)] = p.carried / p.runs
            g.submit(players[s](g, s))
        for (event, side), share in asked.items():
            rec = g.state.plenums.get(event.split(":", 1)[1])
            record = rec.record if rec is not None and isinstance(rec.record, dict) else {}
            votes = [x for x in record.get("stages", []) if x.get("kind") == "vote"]
            if votes:
                out.append((side, share, bool(votes[0]["passed"])))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenario", default="august-1956")
    ap.add_argument("--games", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kim", default="ai:normal")
    ap.add_argument("--opposition", default="ai:normal")
    args = ap.parse_args(argv)
    scn = load(ROOT / "game" / "scenarios" / args.scenario).scenario
    rows = forecasts(scn, args.kim, args.opposition, range(args.seed, args.seed + args.games))
    print(f"{args.scenario}: {args.kim} against {args.opposition}, {args.games} games from seed {args.seed}")
    for side in ("kim", "opposition"):
        bands: dict[int, list[float]] = defaultdict(lambda: [0, 0.0, 0.0])
        mine = [(p, c) for s, p, c in rows if s == side]
        for p, c in mine:
            b = bands[min(4, int(p * 5))]
            b[0] += 1
            b[1] += p
            b[2] += c
        if not mine:
            continue
        gap = sum(abs(b[1] - b[2]) for b in bands.values()) / len(mine)
        brier = sum((p - c) ** 2 for p, c in mine) / len(mine)
        print(f"  {side}: {len(mine)} forecasts, calibration error {gap:.3f}, Brier {brier:.3f}")
        for k in sorted(bands):
            n, p, c = bands[k]
            print(
                f"    forecast {k * 20:3d}-{k * 20 + 20}%: {int(n):4d} times, mean {p / n:5.1%}, carried {c / n:5.1%}"
            )


if __name__ == "__main__":
    main()
