"""The forecast before a plenum: how this side's own count of the committee could come out on
the day. ``play_out`` plays the session itself (every pair of tactics, the speeches heard out or
shouted down, every motion) on a few worlds drawn from the side's own view exactly as the
computer player draws them (game/ai/belief.determinize), each with its own RNG: best to worst,
and the shout-down odds before a tactic is chosen. No hidden state is read and the game's RNG is
never touched. ``forecast`` (the largest possible swing) stays as the fallback when no session
can be played. Counted with the vote rule's band on the side's one picture (Session.view), so it
agrees with the headline. Plain code, no pygame."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field

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


# --------------------------------------------------------------------------- played out

SAMPLES = 3  # plausible worlds drawn from the side's view, as the computer player draws them


@dataclass(frozen=True)
class Played:
    """The session played out on this side's own picture: every pair of tactics the two sides may
    choose, on a few plausible worlds drawn from what the side knows (game/ai/belief.determinize:
    never the true hidden state), each with its own draw of the speeches and the judgements."""

    runs: int
    with_kim: tuple[int, int]  # lowest and highest count with Kim on the first motion
    with_critics: tuple[int, int]
    first_motion: str
    carried: int  # runs in which the first motion carried
    shout: tuple[tuple[str, int, int, int], ...]  # (speaker id, lowest %, highest %, runs shouted down)
    by_tactic: dict[str, tuple[int, int]]  # this side's tactic id -> (with Kim low, high)
    for_it: tuple[int, int] = (0, 0)  # lowest and highest count of votes for the first motion
    needed: int = 0  # the votes the first motion needs (the vote rule's majority of those present)
    # this side's tactic id -> the other side's ("" for none) -> {ending id: runs}: the ending each
    # run leads to were the game to end with the session ("" when none would hold); named by
    # rehearse.sessions, and only near the calendar's end (rehearse.verdict_near)
    endings: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)


def play_out(state, scn, side: str, view, pdef, samples: int = SAMPLES) -> Played | None:
    """Play the session (both sides' tactics, the speeches, every motion) on copies of ``samples``
    worlds drawn from ``side``'s view. Its own RNG; the game's is never touched."""
    steps = play_out_steps(state, scn, side, view, pdef, samples)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def play_out_steps(state, scn, side: str, view, pdef, samples: int = SAMPLES) -> Generator[None, None, Played | None]:
    """``play_out`` one session at a time: it yields after each pair of tactics played (about a
    millisecond each), so a screen can work it out over idle frames; its value (StopIteration)
    is exactly what ``play_out`` returns, since each run has its own RNG."""
    from game.ai.rehearse import sessions, tally_ending, verdict_near

    kim_counts: list[int] = []
    opp_counts: list[int] = []
    carried = 0
    first = ""
    shout: dict[str, list[int]] = {}
    downs: dict[str, int] = {}
    by_tactic: dict[str, list[int]] = {}
    for_it: list[int] = []
    needed = 0
    ends: dict[str, dict[str, dict[str, int]]] = {}
    near = verdict_near(state)
    for a, b, rec, eid in sessions(state, scn, side, view, pdef, samples, salt=5000, first=1):
        yield None
        votes = [st for st in rec["stages"] if st.get("kind") == "vote"]
        for st in rec["stages"]:
            if st.get("kind") == "speech" and st.get("side") == "opposition":
                shout.setdefault(st["person"], []).append(int(st["odds"]))
                downs[st["person"]] = downs.get(st["person"], 0) + (st["outcome"] == "shouted_down")
        if not votes:
            continue
        v = votes[0]
        first = v["title"]
        # Counted by the side each exact lean fell on: a motion both sides welcome has
        # the critics voting for it too, so 'for' is not 'with Kim'.
        sides = [RULE.side_of(x) for x in v["totals"].values()]
        k_n = sides.count("kim")
        o_n = sides.count("opposition")
        kim_counts.append(k_n)
        opp_counts.append(o_n)
        carried += bool(v["passed"])
        for_it.append(int(v["tally"]["for"]))
        needed = int(v["needed"])
        mine = a if side == "kim" else b
        if mine is not None:
            by_tactic.setdefault(mine, []).append(k_n)
            if near:
                tally_ending(ends, side, a, b, eid)
    if not kim_counts:
        return None
    return Played(
        runs=len(kim_counts),
        with_kim=(min(kim_counts), max(kim_counts)),
        with_critics=(min(opp_counts), max(opp_counts)),
        first_motion=first,
        carried=carried,
        shout=tuple((pid, min(v), max(v), downs.get(pid, 0)) for pid, v in shout.items()),
        by_tactic={t: (min(v), max(v)) for t, v in by_tactic.items()},
        for_it=(min(for_it), max(for_it)),
        needed=needed,
        endings=ends,
    )


def band(lo_hi: tuple[int, int]) -> str:
    lo, hi = lo_hi
    return f"{lo}" if lo == hi else f"{lo}–{hi}"


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
        for pid, lo, hi, down in p.shout:
            name = people[pid].name if pid in people else pid
            odds = f"{lo}%" if lo == hi else f"{lo}–{hi}%"
            parts.append(f"{name} {odds} (down in {down} of {p.runs})")
        out.append("Shout-down odds before any tactic is chosen: " + ", ".join(parts) + ".")
    return out
