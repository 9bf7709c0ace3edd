"""What one side knows: its estimate of every member's lean, the headline count, and its hints.

This is the one picture of the committee a side gets. The headline, the spread chart, the
person files, the plenum forecast and the computer player of that side all read it, so they
can never disagree with each other.

How the picture is made. Every term of a member's lean is public (faction line, loyalty, fear,
the cult, patron signals) except what the *other* side has secured, which is hidden. A side's
intelligence service reports each lean with a blur: the blur is drawn once a turn from the
game's RNG in `world.estimates` (so it saves and replays), half of last turn's blur carries
over (the picture wanders rather than jumps), and it is stored as a share of the error so that
better intelligence sharpens the picture at once. Members a side has worked on itself (its own
pledges; for the critics, their own circle) are known more sharply.

The counts with Kim / undecided / with the critics are these same estimated leans sorted by
the vote band, so they always sum to the members present.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from game.engine.context import ACTIVE
from game.engine.plenum import leans, present_members

if TYPE_CHECKING:
    from game.engine.content import Scenario
    from game.engine.state import GameState, PersonState

from game.engine.vote_rule import RULE

BAND = RULE.band

# Lean points of error per point of intelligence a side lacks (100 - intel): at Kim's opening
# 40, a member's lean is known to about ±15, enough to mistake an abstainer for a voter.
LEAN_ERROR_PER_MISSING_INTEL = 0.25
MIN_LEAN_ERROR = 2.0
# One knows what one has done oneself: the blur on one's own people is this share of the rest.
OWN_SHARPNESS = 0.35
# The blur is stored as a percentage of the current error (a draw in -100..100).
BLUR_SCALE = 100
BLUR_PREFIX = "lean:"
# What the other side had secured on each member at the last report (see `blurred`).
SEEN_PREFIX = "seen:"
# Marks a member who was this side's own at the last report: his blur is the sharper one until
# the next (see `blur`).
MINE_PREFIX = "mine:"

# How the critics read their own exposure: (lowest exposure, word, what it means).
EXPOSURE_BANDS = (
    (0, "quiet", "No one has noticed anything."),
    (10, "asking questions", "Kim's people are asking who meets whom."),
    (25, "talked about", "The circle is talked about in the ministries."),
    (45, "watched", "Your people are followed; a careless word will be reported."),
    (70, "marked", "Kim's security has all it needs to move against you."),
)

QUIET_HINT = "Informers report that the critics have gone quiet: no meetings, no visitors, no talk."


@dataclass(frozen=True)
class MemberEstimate:
    pid: str
    lean: float  # the estimated lean: + toward Kim, - toward the critics
    error: float  # the true lean is within about this much of the estimate
    own: bool  # this side has worked on this member itself (known more sharply)


def _estimate(pid: str, lean: float, error: float, own: bool) -> MemberEstimate:
    """MemberEstimate(pid, lean, error, own), made without the frozen dataclass's __init__ (one
    object.__setattr__ a field): every picture a computer player reads makes one a member, and
    this makes the same object (the same fields in the same order) in about half the time."""
    m = _new(MemberEstimate)
    m.__dict__.update(pid=pid, lean=lean, error=error, own=own)
    return m


_new = object.__new__


@dataclass(frozen=True)
class Hint:
    date: str
    text: str


@dataclass(frozen=True)
class SideView:
    side: str
    date: str
    turn: int
    members: dict[str, MemberEstimate]  # every full member present
    with_kim: int
    undecided: int
    with_critics: int
    errors: dict[str, int]  # count error for "with_kim", "undecided", "with_critics"
    present: int
    majority: int
    plotters: tuple[int, int]  # (estimate, error)
    exposure: str | None  # the critics' reading of their exposure (None for Kim)
    exposure_text: str | None
    plot_found: str  # Kim: "known" | "unknown"; critics: "no sign" | "suspected" | "known"
    hints: tuple[Hint, ...]  # the informer reports this side has received, oldest first

    def count(self, key: str) -> int:
        return {"kim": self.with_kim, "opposition": self.with_critics, "swing": self.undecided}[key]


def quality(state: GameState, side: str) -> int:
    return int(state.intel.get(side, 0))


def lean_error(state: GameState, side: str) -> float:
    """The error on a member this side has not worked on."""
    err = max(MIN_LEAN_ERROR, (100 - quality(state, side)) * LEAN_ERROR_PER_MISSING_INTEL)
    if side == "kim" and state.has_flag("plot_discovered"):
        err = max(MIN_LEAN_ERROR / 2, err / 2)  # the security files are open now
    return err


def count_error(state: GameState, side: str) -> int:
    """The error on a headcount (the plotters) from this side's intelligence."""
    err = max(1, round((100 - quality(state, side)) / 6))
    if side == "kim" and state.has_flag("plot_discovered"):
        err = max(1, err // 2)
    return err


def blurred(state: GameState, side: str, true: dict[str, float]) -> list[tuple[str, float, float, bool]]:
    """(pid, estimated lean, error, own) for each member of `true`: the true lean plus the
    stored blur, with the other side's moves since the last report left out. The hot path of
    every count, so plain tuples."""
    noise = state.estimate_noise.get(side, {})
    base = lean_error(state, side)
    own_err = base * OWN_SHARPNESS
    people = state.people
    kim = side == "kim"
    # The blur is `blur` below, written out (the hot path): the error as of the last report, so a
    # member won over this turn moves the count by what his lean does, not by a sharper reading
    # of him that only the next report brings (a canvass once lowered the critics' own count).
    # The other side's work is seen only as of the last report: what it has done since then is
    # taken back out of the live lean (its pledge term, at RULE.pledge a point), until the next.
    coef = RULE.pledge if kim else -RULE.pledge
    out = []
    get = noise.get
    keys = _KEYS
    for pid, lean in true.items():
        p = people[pid]
        own = p.pledge_kim > 0 if kim else (p.plotter or p.pledge_opposition > 0)  # is_own, written out
        err = own_err if own else base
        hidden = p.pledge_opposition if kim else p.pledge_kim
        k = keys.get(pid)
        if k is None:
            k = keys[pid] = _keys(pid)
        seen = get(k[0])
        if seen is not None and seen != hidden:
            lean += coef * (hidden - seen)
        out.append((pid, lean + get(k[1], 0) * (own_err if get(k[2]) else base) / BLUR_SCALE, err, own))
    return out


def is_own(p: PersonState, side: str) -> bool:
    """Whether a member is this side's own work (pledged to it, or for the critics one of the
    circle): one knows what one has done, so his reading is the sharper one (OWN_SHARPNESS)."""
    return p.pledge_kim > 0 if side == "kim" else bool(p.plotter or p.pledge_opposition > 0)


def blur(state: GameState, side: str, pid: str) -> float:
    """The informers' error laid over a member's lean in this side's picture, in lean points: the
    turn's draw at the error the member had at the last report (the sharper one if he was this
    side's own then). What `blurred` adds; the screens' "why it moved" reads it from here."""
    noise = state.estimate_noise.get(side, {})
    base = lean_error(state, side)
    err = base * OWN_SHARPNESS if noise.get(MINE_PREFIX + pid) else base
    return noise.get(BLUR_PREFIX + pid, 0) * err / BLUR_SCALE


def _keys(pid: str) -> tuple[str, str, str]:
    return (SEEN_PREFIX + pid, BLUR_PREFIX + pid, MINE_PREFIX + pid)


# pid -> its keys in a side's stored blur, made once (every count looks them up).
_KEYS: dict[str, tuple[str, str, str]] = {}
_PREFIXES = frozenset((BLUR_PREFIX, SEEN_PREFIX, MINE_PREFIX))
assert len({len(x) for x in _PREFIXES}) == 1  # draw_blur cuts them all at one length


def estimated_leans(
    state: GameState, scn: Scenario, side: str, true: dict[str, float] | None = None
) -> dict[str, MemberEstimate]:
    """Each full member present as this side sees them."""
    if true is None:
        true = leans(state, scn, present_members(state))
    return {pid: _estimate(pid, lean, err, own) for pid, lean, err, own in blurred(state, side, true)}


def draw_blur(state: GameState, side: str, members: list[str]) -> None:
    """Once a turn: a fresh blur for every member, half of the old one carried over. Drawn in
    sorted order from the game RNG, so a replay draws the same."""
    noise = state.estimate_noise.setdefault(side, {})
    present = set(members)
    # The blur and the last sighting of members no longer present go (one pass over the keys;
    # what is kept keeps its order).
    cut = len(BLUR_PREFIX)
    prefixes = _PREFIXES
    for key in [k for k in noise if k[:cut] in prefixes and k[cut:] not in present]:
        del noise[key]
    hidden = "pledge_opposition" if side == "kim" else "pledge_kim"
    people = state.people
    keys = _KEYS
    get = noise.get
    ordered = sorted(members)
    for pid, draw in zip(ordered, state.rng.randints(-BLUR_SCALE, BLUR_SCALE, len(ordered))):
        k = keys.get(pid)
        if k is None:
            k = keys[pid] = _keys(pid)
        p = people[pid]
        noise[k[1]] = round(get(k[1], 0) / 2 + draw / 2)
        noise[k[0]] = getattr(p, hidden)
        if is_own(p, side):
            noise[k[2]] = 1
        else:
            noise.pop(k[2], None)


def headline(est: Iterable[tuple[str, float, float, bool]]) -> tuple[dict[str, int], dict[str, int]]:
    """(counts, errors) keyed kim / swing / opposition, from (pid, lean, error, ...) rows and the
    band. A count's error is the square root of the members whose error bar crosses one of its
    edges (each may fall either way, and they do not all fall the same way)."""
    return _headline_of(_tally(est))


def _tally(est: Iterable[tuple[str, float, float, bool]]) -> tuple[int, int, int, int, int]:
    """The whole numbers a headline is made of: (with Kim, with the critics, between, error bars
    crossing Kim's edge, crossing the critics'). Whole numbers, so a few rows may be taken out
    and put back in any order (see _patched)."""
    k = o = s = sk = so = 0
    band = BAND
    for row in est:
        lean, err = row[1], row[2]
        if lean >= band:
            k += 1
        elif lean <= -band:
            o += 1
        else:
            s += 1
        lo, hi = lean - err, lean + err
        if lo < band <= hi:
            sk += 1
        if lo <= -band < hi:
            so += 1
    return k, o, s, sk, so


def _headline_of(tally: tuple[int, int, int, int, int]) -> tuple[dict[str, int], dict[str, int]]:
    k, o, s, sk, so = tally
    counts = {"kim": k, "swing": s, "opposition": o}
    errors = {"kim": sk, "swing": sk + so, "opposition": so}
    return counts, {key: max(1, round(math.sqrt(v))) for key, v in errors.items()}


def exposure_band(exposure: int) -> tuple[str, str]:
    word, text = EXPOSURE_BANDS[0][1], EXPOSURE_BANDS[0][2]
    for lo, w, t in EXPOSURE_BANDS:
        if exposure >= lo:
            word, text = w, t
    return word, text


def plot_found(state: GameState, side: str) -> str:
    found = state.has_flag("plot_discovered")
    if side == "kim":
        return "known" if found else "unknown"
    # The critics' own contacts in the ministries may tell them; a high exposure makes them
    # fear the worst whether or not it has happened.
    if found and quality(state, "opposition") >= 50:
        return "known"
    if found and quality(state, "opposition") >= 30:
        return "suspected"
    if state.exposure >= EXPOSURE_BANDS[3][0]:
        return "suspected"
    return "no sign"


def hints(state: GameState, side: str) -> tuple[Hint, ...]:
    """The informers' reports to this side, oldest first. The log only grows (nothing in the
    game rewrites or removes an entry), so the hints of the part of this log read last time
    are kept and only what was added since is read: a campaign's log runs to thousands of
    entries and every decision asks."""
    log = state.log
    n = len(log)
    hit = _HINTS.get(side)
    if hit is not None and hit[0] is log and hit[1] <= n and (hit[1] == 0 or log[hit[1] - 1] is hit[2]):
        start, out = hit[1], hit[3]
        if start == n:
            return out
    else:
        start, out = 0, ()
    out += tuple(Hint(e.date, e.text) for e in islice(log, start, None) if e.kind == "intel" and e.visible_to == side)
    _HINTS[side] = (log, n, log[-1] if n else None, out)
    return out


# side -> (the log read last, how many entries of it were read, the last of them, their hints)
_HINTS: dict[str, tuple[list[Any], int, Any, tuple[Hint, ...]]] = {}


# What a side's picture of the committee is made from (besides the scenario): who is present,
# each member's lean terms, the terms a faction's members share, and the side's own blur,
# intelligence and whether the plot is found. Read whole, as plain tuples, so that two states
# that read the same give the same key and a state changed in any of these gives another.
_MEMBER_TERMS = attrgetter("faction", "loyalty", "fear", "pledge_kim", "pledge_opposition", "plotter")


def terms_key(state: GameState, members: list[str]) -> tuple[Any, ...]:
    """Everything of the state a picture reads that is the same for both sides; `members` is
    present_members(state) (who is present: a full seat and a status in office)."""
    people = state.people
    c = state.country
    # The terms every member shares first: two keys that differ there tell so at once.
    return (
        c.security,
        c.cult,
        tuple((k, p.favour_kim, p.favour_opposition, p.intervention) for k, p in state.patrons.items()),
        tuple((k, f.cohesion, tuple(f.standing.items())) for k, f in state.factions.items()),
        tuple(members),
        tuple(map(_MEMBER_TERMS, map(people.__getitem__, members))),
    )


def _side_key(state: GameState, side: str) -> tuple[Any, ...]:
    return (
        side,
        quality(state, side),
        state.has_flag("plot_discovered"),
        tuple(state.estimate_noise.get(side, {}).items()),
    )


# (members, rows, counts, errors, what side_view makes of the rows once: read only, shared by
# every view of the same picture)
Picture = tuple[list[str], list[tuple[str, float, float, bool]], dict[str, int], dict[str, int], dict[str, Any]]
# (scenario, terms_key, side key, picture) for the last few pictures made: the counts after an
# order and the computer player's view just after it read the same state.
_PICTURES: list[tuple[Any, tuple[Any, ...], tuple[Any, ...], Picture]] = []
# A picture is patched rather than made afresh when at most this many members changed.
PATCH_MOST = 40


def picture(
    state: GameState,
    scn: Scenario,
    side: str,
    members: list[str] | None = None,
    terms: tuple[Any, ...] | None = None,
    scratch: dict[str, Any] | None = None,
) -> Picture:
    """(members present, blurred rows, headline counts, their errors) of `side`'s picture: made
    afresh, or the one made last from a state that reads the same in everything it is made from
    (compared in full, so a state changed behind it never gets an old picture), or that one
    with the few members who changed worked out again. `members` and `terms`, if given, are
    present_members(state) and terms_key(state, members); `scratch`, a dict the caller keeps for
    both sides' pictures of one state, where the members' leans are kept once worked out."""
    if members is None:
        members = present_members(state)
    if terms is None:
        terms = terms_key(state, members)
    skey = _side_key(state, side)
    near = None
    for known, t, k, pic in _PICTURES:
        if known is scn and k == skey:
            if t == terms:
                return pic
            if near is None and t[:5] == terms[:5]:
                near = (t, pic)
    if near is not None:
        patched = _patched(state, scn, side, terms, *near)
        if patched is not None:
            _remember(scn, terms, skey, patched)
            return patched
    if scratch is None:
        scratch = {}
    true = scratch.get("true")
    if true is None:
        true = scratch["true"] = leans(state, scn, members)
    rows = blurred(state, side, true)
    tally = _tally(rows)
    counts, errors = _headline_of(tally)
    pic = (members, rows, counts, errors, {"tally": tally})
    _remember(scn, terms, skey, pic)
    return pic


def _remember(scn: Scenario, terms: tuple[Any, ...], skey: tuple[Any, ...], pic: Picture) -> None:
    _PICTURES.insert(0, (scn, terms, skey, pic))
    del _PICTURES[4:]


def _patched(
    state: GameState, scn: Scenario, side: str, terms: tuple[Any, ...], was: tuple[Any, ...], pic: Picture
) -> Picture | None:
    """A picture made from `pic` (made from a state that read as `was`: the same members, the
    same shared terms, a few members' own terms different, e.g. just before an order that
    pledged or frightened one): only those members' rows are worked out again, each exactly as
    a fresh picture works it out, and the headline is counted over the rows. None when too
    many changed."""
    changed = [pid for pid, a, b in zip(terms[4], was[5], terms[5]) if a != b]
    if len(changed) > PATCH_MOST:
        return None
    members, rows, _counts, _errors, made = pic
    index = made.get("index")
    if index is None:
        index = made["index"] = {row[0]: i for i, row in enumerate(rows)}
    old = rows
    rows = list(rows)
    fresh = blurred(state, side, leans(state, scn, changed))
    for row in fresh:
        rows[index[row[0]]] = row
    # The headline's whole numbers, less the changed members' old rows, plus their new ones.
    was, gone, came = made["tally"], _tally(old[index[pid]] for pid in changed), _tally(fresh)
    k, o, s, sk, so = (w - g + c for w, g, c in zip(was, gone, came))
    tally = (k, o, s, sk, so)
    counts, errors = _headline_of(tally)
    out: dict[str, Any] = {"index": index, "tally": tally}
    est = made.get("members")
    if est is not None:
        # side_view's estimates of the rows kept are the old picture's (the same rows).
        est = dict(est)
        for pid, lean, err, own in fresh:
            est[pid] = _estimate(pid, lean, err, own)
        out["members"] = est
    return (members, rows, counts, errors, out)


def side_view(state: GameState, scn: Scenario, side: str) -> SideView:
    members, rows, counts, errors, made = picture(state, scn, side)
    est = made.get("members")
    if est is None:
        est = made["members"] = {pid: _estimate(pid, lean, err, own) for pid, lean, err, own in rows}
    stored = state.estimates.get(side, {})
    plot = stored.get("plotters", [0, 0])
    exp_word = exp_text = None
    if side == "opposition":
        exp_word, exp_text = exposure_band(state.exposure)
    return SideView(
        side=side,
        date=state.date,
        turn=state.turn,
        members=est,
        with_kim=counts["kim"],
        undecided=counts["swing"],
        with_critics=counts["opposition"],
        errors={"with_kim": errors["kim"], "undecided": errors["swing"], "with_critics": errors["opposition"]},
        present=len(members),
        majority=len(members) // 2 + 1,
        plotters=(int(plot[0]), int(plot[1])),
        exposure=exp_word,
        exposure_text=exp_text,
        plot_found=plot_found(state, side),
        hints=hints(state, side),
    )


def active_plotters(state: GameState) -> int:
    return sum(1 for p in state.people.values() if p.plotter and p.status in ACTIVE)
