"""The forecast before a plenum: how this side's own count of the committee could come out on
the day, from the best case for Kim to the worst, once the session itself has moved the hall
(the tactics' mood, the speeches heard out or shouted down). Counted with the vote rule's band on
the side's one picture (Session.view), so it agrees with the headline. Plain code, no pygame."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.vote_rule import RULE


@dataclass(frozen=True)
class Forecast:
    toward_kim: float  # the largest swing of the hall toward Kim the session can bring
    toward_critics: float  # ... and toward the critics (a positive number)
    today: tuple[int, int, int]  # with Kim, undecided, with the critics: the headline
    best_for_kim: tuple[int, int, int]
    worst_for_kim: tuple[int, int, int]


def swings(pdef) -> tuple[float, float]:
    """(toward Kim, toward the critics): every loyal speech and Kim's warmest tactic plus every
    critic shouted down; or every critic heard out and the critics' warmest tactic."""
    kim_tactic = max([t.mood for t in pdef.tactics if t.side == "kim"] + [0])
    opp_tactic = min([t.mood for t in pdef.tactics if t.side == "opposition"] + [0])
    critics = [sp for sp in pdef.speakers if sp.side == "opposition"]
    loyal = sum(sp.power for sp in pdef.speakers if sp.side == "kim")
    up = kim_tactic + loyal + RULE.shouted_down_mood * len(critics)
    down = -opp_tactic + sum(sp.power for sp in critics)
    return float(up), float(down)


def count(leans, shift: float) -> tuple[int, int, int]:
    k = o = 0
    for lean in leans:
        v = lean + shift
        if v >= RULE.band:
            k += 1
        elif v <= -RULE.band:
            o += 1
    return k, len(leans) - k - o, o


def forecast(view, pdef) -> Forecast:
    leans = [m.lean for m in view.members.values()]
    up, down = swings(pdef)
    return Forecast(up, down, count(leans, 0), count(leans, up), count(leans, -down))


def lines(view, pdef) -> list[str]:
    f = forecast(view, pdef)
    maj = view.majority
    return [
        f"Forecast for {pdef.title}, from your own count (a motion needs {maj}):",
        f"Today: with Kim {f.today[0]}, undecided {f.today[1]}, with the critics {f.today[2]}.",
        f"Best case for Kim (his warmest tactic, every loyal speech, every critic shouted down: the hall "
        f"+{f.toward_kim:.0f}): with Kim {f.best_for_kim[0]}, with the critics {f.best_for_kim[2]}.",
        f"Worst case for Kim (the critics' warmest tactic, every critic heard out: the hall "
        f"−{f.toward_critics:.0f}): with Kim {f.worst_for_kim[0]}, with the critics {f.worst_for_kim[2]}.",
        f"Each member's own judgement on the day adds up to ±{RULE.noise} more; the motions' weight pulls "
        "members away from drastic steps.",
    ]


def short(view, pdef) -> str:
    """One line for a tooltip: the best-to-worst band against today's count."""
    f = forecast(view, pdef)
    return (
        f"Forecast (your count, a motion needs {view.majority}): with Kim {f.worst_for_kim[0]}–{f.best_for_kim[0]}, "
        f"the critics {f.best_for_kim[2]}–{f.worst_for_kim[2]} (today {f.today[0]} and {f.today[2]})."
    )
