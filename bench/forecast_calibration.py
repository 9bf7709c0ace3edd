"""How far the plenum forecast can be trusted: the share of tactic pairs in which the first motion
carried, as each side's forecast plays the session out on its own picture when the tactic is
asked (game/played.play_out, "it carried in k of n"), against whether it carried.

    python bench/forecast_calibration.py                       # 100 normal-normal August games
    python bench/forecast_calibration.py --games 200 --kim ai:hard --opposition ai:easy

Prints, for each side, the forecasts in five bands with how often the motion then carried, the
mean gap between the two (calibration error) and the Brier score. A figure, not a test.

    python bench/forecast_calibration.py --compare           # and two forecasts no player sees

``--compare`` also prints, for the same asks, the forecast made on the true state (every pair of
tactics, three dice each), the side's own forecast with the other side's pledges seen as they
are now rather than as of the side's last report, and that with its informers' error taken out
as well: where the shown forecast goes wrong and the true-state one does not, the side's picture
is the cause, not the way the session is played.
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
from game.engine.intel import BLUR_PREFIX, SEEN_PREFIX, side_view  # noqa: E402
from game.engine.plenum import resolve, tactics_for  # noqa: E402
from game.engine.rng import Rng  # noqa: E402
from game.played import play_out  # noqa: E402
from game.scenario.loader import load  # noqa: E402
from game.tools.lab import make_player  # noqa: E402


def _on_truth(st, scn, pdef, seed: int) -> float:
    """The share of plays in which the first motion carried, on the true state: every pair of
    tactics, three dice each (no player is ever shown this)."""
    kt = [t.id for t in tactics_for(scn, st, pdef, "kim")] or [None]
    ot = [t.id for t in tactics_for(scn, st, pdef, "opposition")] or [None]
    carried = runs = 0
    for i, (a, b) in enumerate((a, b) for a in kt for b in ot for _ in range(3)):
        c = st.clone()
        c.rng = Rng(seed * 1000 + i)
        c.plenums[pdef.id].tactics = {x: t for x, t in (("kim", a), ("opposition", b)) if t is not None}
        votes = [x for x in resolve(c, scn, pdef)["stages"] if x.get("kind") == "vote"]
        if votes:
            runs += 1
            carried += bool(votes[0]["passed"])
    return carried / runs if runs else 0.0


def _seen_now(st, side: str):
    """A copy of the state in which ``side`` has seen the other side's pledges as they are now."""
    c = st.clone()
    noise = c.estimate_noise.setdefault(side, {})
    hidden = "pledge_opposition" if side == "kim" else "pledge_kim"
    for pid, p in c.people.items():
        if SEEN_PREFIX + pid in noise:
            noise[SEEN_PREFIX + pid] = getattr(p, hidden)
    return c


def _exact(st, side: str):
    """As ``_seen_now``, and with the side's informers' error taken out too: its picture is the
    true hall, but the worlds the forecast draws still spread within the error it believes."""
    c = _seen_now(st, side)
    noise = c.estimate_noise.setdefault(side, {})
    for key in noise:
        if key.startswith(BLUR_PREFIX):
            noise[key] = 0
    return c


def forecasts(scn, kim: str, opposition: str, seeds, compare: bool = False) -> list[tuple[str, str, float, bool]]:
    """(forecast kind, side, share carried as forecast, carried) for each plenum each side was
    asked about; kind "shown" is what the player sees, "truth" and "seen now" (with ``compare``)
    are the two forecasts no player sees."""
    out = []
    for seed in seeds:
        g = Game.new(scn, None, seed)
        players = {"kim": make_player(kim, "kim", scn), "opposition": make_player(opposition, "opposition", scn)}
        asked: dict[tuple[str, str], dict[str, float]] = {}
        while (s := g.to_move()) is not None:
            st = g.state
            for pend in st.pending:
                if pend.side == s and pend.event.startswith("plenum:") and (pend.event, s) not in asked:
                    pdef = scn.get("plenum", pend.event.split(":", 1)[1])
                    p = play_out(st, scn, s, side_view(st, scn, s), pdef)
                    if p is None:
                        continue
                    got = asked[(pend.event, s)] = {"shown": p.carried / p.runs}
                    if compare:
                        got["truth"] = _on_truth(st, scn, pdef, seed)
                        c = _seen_now(st, s)
                        q = play_out(c, scn, s, side_view(c, scn, s), pdef)
                        if q is not None:
                            got["seen now"] = q.carried / q.runs
                        c = _exact(st, s)
                        q = play_out(c, scn, s, side_view(c, scn, s), pdef)
                        if q is not None:
                            got["exact"] = q.carried / q.runs
            g.submit(players[s](g, s))
        for (event, side), shares in asked.items():
            rec = g.state.plenums.get(event.split(":", 1)[1])
            record = rec.record if rec is not None and isinstance(rec.record, dict) else {}
            votes = [x for x in record.get("stages", []) if x.get("kind") == "vote"]
            if votes:
                out += [(kind, side, share, bool(votes[0]["passed"])) for kind, share in shares.items()]
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenario", default="august-1956")
    ap.add_argument("--games", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kim", default="ai:normal")
    ap.add_argument("--opposition", default="ai:normal")
    ap.add_argument("--compare", action="store_true", help="also the forecasts on the true state and seen now")
    args = ap.parse_args(argv)
    scn = load(ROOT / "game" / "scenarios" / args.scenario).scenario
    rows = forecasts(scn, args.kim, args.opposition, range(args.seed, args.seed + args.games), args.compare)
    print(f"{args.scenario}: {args.kim} against {args.opposition}, {args.games} games from seed {args.seed}")
    for kind, side in ((k, s) for s in ("kim", "opposition") for k in ("shown", "truth", "seen now", "exact")):
        bands: dict[int, list[float]] = defaultdict(lambda: [0, 0.0, 0.0])
        mine = [(p, c) for k, s, p, c in rows if s == side and k == kind]
        for p, c in mine:
            b = bands[min(4, int(p * 5))]
            b[0] += 1
            b[1] += p
            b[2] += c
        if not mine:
            continue
        gap = sum(abs(b[1] - b[2]) for b in bands.values()) / len(mine)
        brier = sum((p - c) ** 2 for p, c in mine) / len(mine)
        said = {
            "truth": "on the true state",
            "seen now": "with the other side seen now",
            "exact": "seen now, no informers' error",
        }
        label = side if kind == "shown" else f"{side} ({said[kind]})"
        print(f"  {label}: {len(mine)} forecasts, calibration error {gap:.3f}, Brier {brier:.3f}")
        for k in sorted(bands):
            n, p, c = bands[k]
            print(
                f"    forecast {k * 20:3d}-{k * 20 + 20}%: {int(n):4d} times, mean {p / n:5.1%}, carried {c / n:5.1%}"
            )


if __name__ == "__main__":
    main()
