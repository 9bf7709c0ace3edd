"""The forecast before a plenum: how this side's own count of the committee could come out on
the day, in the window's words. The session played out on the side's own picture is
game/played.play_out (the terminal reads the same tally): best to worst, and the shout-down
odds before a tactic is chosen. ``forecast`` (the largest possible swing) stays as the fallback
when no session can be played. Counted with the vote rule's band on the side's one picture (Session.view), so it
agrees with the headline. Plain code, no pygame."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.vote_rule import RULE
from game.played import Played, band


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


def lines(view, pdef, played: Played | None = None, people=None) -> list[str]:
    """The forecast for a tooltip: today's count, then the session played out on this side's own
    picture (best to worst); the largest possible swing only when it could not be played."""
    f = forecast(view, pdef)
    maj = view.majority
    out = [
        f"Forecast for {pdef.title}, from your own count (a motion needs {maj}):",
        f"Today: with Kim {f.today[0]}, undecided {f.today[1]}, with the critics {f.today[2]}.",
    ]
    if played is not None:
        out += played_lines(played, people or {}, maj)
    else:
        out += [
            f"At most, for Kim (his warmest tactic, every loyal speech, every critic shouted down: the hall "
            f"+{f.toward_kim:.0f}): with Kim {f.best_for_kim[0]}, with the critics {f.best_for_kim[2]}.",
            f"At worst for Kim (the critics' warmest tactic, every critic heard out: the hall "
            f"−{f.toward_critics:.0f}): with Kim {f.worst_for_kim[0]}, with the critics {f.worst_for_kim[2]}.",
        ]
    out.append(
        f"Each member's own judgement on the day adds up to ±{RULE.noise}; the motions' weight pulls "
        "members away from drastic steps. Counts move until the day: pledges fade, both sides work."
    )
    return out


def short(view, pdef, played: Played | None = None) -> str:
    """One line for a tooltip: the best-to-worst band against today's count."""
    f = forecast(view, pdef)
    if played is not None:
        return (
            f"Played out {played.runs} times on your picture (a motion needs {view.majority}): with Kim "
            f"{played.with_kim[0]}–{played.with_kim[1]}, the critics {played.with_critics[0]}–{played.with_critics[1]} "
            f"(today {f.today[0]} and {f.today[2]})."
        )
    return (
        f"Forecast (your count, a motion needs {view.majority}): with Kim {f.worst_for_kim[0]}–{f.best_for_kim[0]}, "
        f"the critics {f.best_for_kim[2]}–{f.worst_for_kim[2]} (today {f.today[0]} and {f.today[2]})."
    )


def first_motion_line(p: Played) -> str:
    """The main screen's line under the headline count: the first motion's votes for it, as the
    session played out on this side's picture gives them (the plenum-prep forecast's own figures)."""
    return f"First motion, as forecast: for it {band(p.for_it)} · needs {p.needed}"


def played_lines(p: Played | None, people, majority: int) -> list[str]:
    """The played-out band for a tooltip, with the shout-down odds before any tactic is chosen."""
    if p is None:
        return []
    out = [
        f"Played out {p.runs} times on your own picture (every pair of tactics, a few plausible worlds, "
        f"the speeches' chances; a motion needs {majority}):",
        f"“{p.first_motion}”: with Kim {p.with_kim[0]}–{p.with_kim[1]}, with the critics "
        f"{p.with_critics[0]}–{p.with_critics[1]}; for it {band(p.for_it)} (needs {p.needed}); it carried in "
        f"{p.carried} of {p.runs}.",
    ]
    if p.shout:
        parts = []
        for pid, lo, hi, down, rose in p.shout:
            name = people[pid].name if pid in people else pid
            odds = f"{lo}%" if lo == hi else f"{lo}–{hi}%"
            parts.append(f"{name} {odds} (down in {down} of {rose})")
        out.append("Shout-down odds before any tactic is chosen: " + ", ".join(parts) + ".")
    return out
