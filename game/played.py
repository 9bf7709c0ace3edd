"""A coming plenum played out on a side's own picture, tallied once for whoever shows it: the
window's forecast (game/ui/forecast.py, the plenum screen, the main screen's band) and the
terminal's outlook read this same tally, so the two faces of the game give the same figures for
the same moment. The plays themselves are game/ai/rehearse.sessions: plausible worlds drawn from
the side's view (belief.determinize), never the true hidden state, each play with its own RNG,
so the game's is never touched. Plain code, no pygame."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field

from game.engine.vote_rule import RULE

SAMPLES = 3  # plausible worlds drawn from the side's view, as the computer player draws them
SALT = 5000  # keeps these plays' dice apart from the computer player's own rehearsals


@dataclass(frozen=True)
class TacticPlays:
    """The plays in which this side chose one tactic (against each of the other side's)."""

    runs: int
    with_kim: tuple[int, int]  # lowest and highest count with Kim on the first motion
    with_critics: tuple[int, int]
    carried: int  # runs in which the first motion carried


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
    # (speaker id, lowest %, highest %, times shouted down, times he rose): a critic may rise in a
    # play with no vote after it, so his own count, not ``runs``
    shout: tuple[tuple[str, int, int, int, int], ...]
    by_tactic: dict[str, TacticPlays]  # this side's tactic id -> its plays
    for_it: tuple[int, int] = (0, 0)  # lowest and highest count of votes for the first motion
    needed: int = 0  # the votes the first motion needs (the vote rule's majority of those present)
    # this side's tactic id -> the other side's ("" for none) -> {ending id: runs}: the ending each
    # run leads to ("" when none holds), by rehearse.ending_of: one reached or settled by the
    # session whenever it sits, the end-date reckoning only near the calendar's end
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


def _span(xs: list[int]) -> tuple[int, int]:
    return (min(xs), max(xs))


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
    rows: dict[str, list[tuple[int, int, bool]]] = {}
    for_it: list[int] = []
    needed = 0
    ends: dict[str, dict[str, dict[str, int]]] = {}
    near = verdict_near(state)
    for a, b, rec, eid in sessions(state, scn, side, view, pdef, samples, salt=SALT, first=1):
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
            rows.setdefault(mine, []).append((k_n, o_n, bool(v["passed"])))
            tally_ending(ends, side, a, b, eid)
    if not kim_counts:
        return None
    if not near:
        # Far from the calendar's end only an ending the session reaches or settles is named; a
        # tactic none of whose plays does so says nothing ("no ending yet" in every play).
        ends = {t: rows_ for t, rows_ in ends.items() if any(e for row in rows_.values() for e in row)}
    return Played(
        runs=len(kim_counts),
        with_kim=_span(kim_counts),
        with_critics=_span(opp_counts),
        first_motion=first,
        carried=carried,
        shout=tuple((pid, min(v), max(v), downs.get(pid, 0), len(v)) for pid, v in shout.items()),
        by_tactic={
            t: TacticPlays(len(r), _span([x[0] for x in r]), _span([x[1] for x in r]), sum(x[2] for x in r))
            for t, r in rows.items()
        },
        for_it=_span(for_it),
        needed=needed,
        endings=ends,
    )


def band(lo_hi: tuple[int, int]) -> str:
    lo, hi = lo_hi
    return f"{lo}" if lo == hi else f"{lo}–{hi}"


def tactic_plays_words(t: TacticPlays) -> str:
    """One tactic's plays in words: the counts on the first motion and how often it carried (the
    window's tip and details and the terminal's forecast line)."""
    return (
        f"with Kim {band(t.with_kim)}, with the critics {band(t.with_critics)}; "
        f"the motion carried in {t.carried} of {t.runs}"
    )


def leads_to(scn, side: str, played: Played | None, tactic_id: str, pdef) -> str:
    """Where one tactic's played-out sessions end, as a sentence (words.verdict_words), or ""
    when none is named: the first vote alone does not say it (a failed critique is Kim's win only
    if a motion to discipline the critics follows and carries). The window's tip and details and
    the terminal's tactic list."""
    from game.words import verdict_words

    ends = played.endings.get(tactic_id) if played is not None else None
    said = verdict_words(scn, side, ends, {x.id: x.name for x in pdef.tactics}) if ends else ""
    return said[0].upper() + said[1:] + "." if said else ""
