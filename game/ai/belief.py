"""What a computer player may believe: plausible hidden states drawn from its side's view.

The AI never reads what its side cannot see. Where a rule needs a hidden number (the odds of
securing a vote depend on what the critics have promised the member; a plenum's vote on every
lean), the AI *determinizes* (Cowling, Powley & Whitehouse 2012, Information Set MCTS): it
draws one plausible hidden state consistent with its estimates and runs the real rules on it.

What is hidden from a side, and how it is drawn:
- the other side's pledges: from the member's estimated lean and its error (intel.side_view),
  truncated to what the pledge can be (0..100) given the terms the side does see;
- the critics' circle (for Kim, until the plot is found): the estimated number of plotters,
  taken from the members who look most hostile;
- the critics' exposure: for Kim an assumption, for the critics a draw inside the band they read;
- whether the plot is found (for the critics): from what they know or suspect;
- the other side's intelligence, and its secret flags (set only by its hidden moves or its own
  decision points).

Draws come from the player's own random.Random seeded by (seed, turn, side, sample): never from
the game's RNG, so thinking never changes the game.
"""

from __future__ import annotations

import random
import re

from game.engine import intel
from game.engine.basics import ACTIVE
from game.engine.content import Scenario
from game.engine.plenum import leans
from game.engine.rng import Rng
from game.engine.state import FactionState, GameState, PersonState, PlenumState
from game.engine.vote_rule import INDEX, RULE

OTHER = {"kim": "opposition", "opposition": "kim"}


def private_rng(state: GameState, side: str, sample: int = 0, salt: int = 0) -> random.Random:
    return random.Random(f"{state.seed}:{state.turn}:{side}:{sample}:{salt}")


def engine_rng(state: GameState, side: str, sample: int = 0, salt: int = 0) -> Rng:
    """A game-style RNG for what-if plays of the rules, seeded like private_rng."""
    return Rng(((state.seed * 1_000_003 + state.turn) * 31 + (side == "kim")) * 7919 + sample * 104_729 + salt)


_PRIVATE: dict[int, tuple[Scenario, dict[str, str], dict[str, tuple[str, ...]]]] = {}


def _private_flags(scn: Scenario) -> dict[str, str]:
    """flag -> the side whose secret it is: set only by that side's hidden actions or its own
    decision points, never by anything both sides see."""
    secret: dict[str, set[str]] = {}
    public: set[str] = set()

    def walk(effects, owner: str | None) -> None:
        for fx in effects:
            if fx.kind == "flag":
                (secret.setdefault(fx.value, set()).add(owner) if owner else public.add(fx.value))
            elif fx.kind == "chance":
                walk(fx.value.then, owner)
                walk(fx.value.otherwise, owner)

    for a in scn.actions:
        owner = None if a.visible else a.side
        walk(a.success, owner)
        walk(a.failure, owner)
    for e in scn.events:
        for o in e.options:
            side = o.side or e.side
            walk(o.effects, side if side in OTHER else None)
    for pl in scn.plenums:
        for t in pl.tactics:
            walk(t.effects, None)
        for m in pl.motions:
            walk(m.on_pass, None)
            walk(m.on_fail, None)
        walk(pl.after, None)
    for sp in scn.scenario.starts:
        walk(sp.effects, None)
    # A flag the scenario declares public is known to both sides whoever set it: drawn as a
    # secret, the critics' worlds had the Chairman abroad in February and at home in June.
    public.update(scn.scenario.public_flags)
    return {f: next(iter(sides)) for f, sides in secret.items() if f not in public and len(sides) == 1}


def private_flags(scn: Scenario) -> dict[str, str]:
    """Cached per scenario object (a loaded scenario never changes)."""
    return _private(scn)[1]


def secret_flags_of(scn: Scenario, side: str) -> tuple[str, ...]:
    """The flags that are `side`'s secret (private_flags), in sorted order: the order the other
    side draws them in, kept per scenario (a campaign has forty to sort for every draw)."""
    return _private(scn)[2].get(side, ())


def _private(scn: Scenario) -> tuple[Scenario, dict[str, str], dict[str, tuple[str, ...]]]:
    hit = _PRIVATE.get(id(scn))
    if hit is None or hit[0] is not scn:
        flags = _private_flags(scn)
        by_side: dict[str, tuple[str, ...]] = {}
        for f, owner in sorted(flags.items()):
            by_side[owner] = (*by_side.get(owner, ()), f)
        hit = (scn, flags, by_side)
        _PRIVATE[id(scn)] = hit
    return hit


_ENABLES: dict[int, tuple[Scenario, dict[str, dict[str, int]]]] = {}
_FLAG_USE = re.compile(r"(not\s+)?flag\.(\w+)")


def enabling_flags(scn: Scenario) -> dict[str, dict[str, int]]:
    """side -> {flag: how many of that side's actions, tactics and speech bonuses it opens}: a
    flag is worth having for what it makes possible later (foresight the value alone lacks)."""
    hit = _ENABLES.get(id(scn))
    if hit is not None and hit[0] is scn:
        return hit[1]
    out: dict[str, dict[str, int]] = {"kim": {}, "opposition": {}}

    def note(src: str | None, side: str) -> None:
        if not src or side not in out:
            return
        for m in _FLAG_USE.finditer(src):
            if not m.group(1):
                out[side][m.group(2)] = out[side].get(m.group(2), 0) + 1

    for a in scn.actions:
        note(a.available, a.side)
    for pl in scn.plenums:
        for t in pl.tactics:
            note(t.requires, t.side)
        for sm in getattr(pl, "speech_modifiers", []):
            note(sm.when, sm.side)
    _ENABLES[id(scn)] = (scn, out)
    return out


_HIDDEN_WORDS = re.compile(r"pledge_(kim|opposition)|plotter|exposure|intel\.|votes\.|flag\.(\w+)|chose\(|fired\(")


def reads_hidden(src: str | None, scn: Scenario, side: str) -> bool:
    """Whether an expression may read something this side cannot see; such expressions are
    evaluated on a determinized state, the rest on the real one (which they cannot peek into)."""
    if not src:
        return False
    key = (src, side)
    hit = _READS_HIDDEN.get(key)
    if hit is not None and hit[0] is scn:
        return hit[1]
    if len(_READS_HIDDEN) >= 4096:
        _READS_HIDDEN.clear()
    answer = _reads_hidden(src, scn, side)
    _READS_HIDDEN[key] = (scn, answer)
    return answer


# (expression, side) -> (the scenario it was answered for, the answer): asked for every move
# weighed, of a handful of expressions.
_READS_HIDDEN: dict[tuple[str, str], tuple[Scenario, bool]] = {}


def _reads_hidden(src: str, scn: Scenario, side: str) -> bool:
    secrets = private_flags(scn)
    other = OTHER[side]
    for m in _HIDDEN_WORDS.finditer(src):
        word = m.group(0)
        if word.startswith("pledge_"):
            if m.group(1) == other:
                return True
        elif word.startswith("flag."):
            if secrets.get(m.group(2)) == other or m.group(2) == "plot_discovered":
                return True
        else:
            return True
    return False


def hidden_index(side: str) -> int:
    """Index in the lean terms of the term this side cannot see: the other side's pledge."""
    return INDEX["pledge_opposition"] if side == "kim" else INDEX["pledge_kim"]


_DRAWS: dict[tuple, tuple[Scenario, tuple]] = {}


def _shallow(obj):
    """copy.copy of one of the state's plain dataclasses (no __copy__, __setstate__ or slots):
    a new object with a copy of its fields, without copy's dispatch."""
    c = object.__new__(type(obj))
    c.__dict__ = obj.__dict__.copy()
    return c


def picture_key(state: GameState, side: str, view: intel.SideView) -> tuple:
    """The part of a draw's key that is the same for every sample of one decision: the side's
    blur and the picture it gives (see determinize). Worked out once per decision, not per sample."""
    noise = state.estimate_noise.get(side, {})
    return (
        tuple(noise.items()),
        tuple((m.pid, m.lean, m.error, m.own) for m in view.members.values()),
        view.plot_found,
        view.exposure,
        view.plotters,
    )


def determinize(
    state: GameState,
    scn: Scenario,
    side: str,
    view: intel.SideView,
    sample: int,
    weights,
    picture: tuple | None = None,
) -> GameState:
    """A whole plausible state for `side`: the real state where the side sees it, a draw where
    it does not. The copy's RNG is private. The draws are made once a turn per side and sample
    (the view they come from changes only at the next report) and laid over the live state."""
    other = OTHER[side]
    hide = "pledge_opposition" if side == "kim" else "pledge_kim"
    # The blur identifies the report the draws came from (a new one each turn); the count of
    # orders identifies the state within the turn, so a draw is always made from the state as it
    # is now (one made earlier in the turn missed the side's own moves since, e.g. the exposure
    # its last choice added, and a game loaded mid-turn then played differently).
    # The key is everything the draw is made from (never an object's id, which a later state may
    # reuse): the game and the turn (which seed the side's own dice), the side's blur and the
    # picture it gives (which also carries every public term the draw reads: an estimate is the
    # public lean plus the blur and what was last seen of the other side), the scenario and the
    # weights. So a draw is always made from the state as it is now (one made earlier in the turn
    # may have missed the side's own moves since), and one made from the same picture again is
    # the same draw, whichever state object it came from (a game loaded mid-turn plays on alike).
    key = (
        state.scenario,
        state.start,
        state.seed,
        state.turn,
        state.date,
        side,
        sample,
        *(picture if picture is not None else picture_key(state, side, view)),
        weights,
    )
    hit = _DRAWS.get(key)
    draws = hit[1] if hit is not None and hit[0] is scn else None
    d = _shallow(state)
    d.rng = engine_rng(state, side, sample)
    new = object.__new__
    real = state.people
    # A member whose hidden pledge is 0 already reads as the draw's starting point: the world
    # shares that person with the state (nothing writes into a world's people: the AI's what-if
    # copies copy whom they touch, its play-outs clone the world). Only the members whose hidden
    # pledge is set, and those the draw below gives a different value, are copied.
    people: dict[str, PersonState] = dict(real)
    for pid, p in real.items():
        if p.__dict__[hide]:
            q = new(PersonState)
            qd = p.__dict__.copy()  # offices and career stay shared: copies made to try moves copy them
            qd[hide] = 0  # the hidden pledge: drawn (below) where it is not zero
            q.__dict__ = qd
            people[pid] = q
    d.people = people
    if draws is None:
        draws = _draw(state, scn, side, view, sample, weights, people, hide)
        if len(_DRAWS) > 256:
            _DRAWS.clear()
        _DRAWS[key] = (scn, draws)
    pledges, extra_flags, exposure, plotters, discovered = draws
    get = pledges.get
    if plotters is None:
        for pid, n in pledges.items():  # everyone else's is 0 already
            drawn = people.get(pid)
            if drawn is not None:
                if drawn is real[pid]:
                    drawn = people[pid] = _shallow(drawn)
                drawn.__dict__[hide] = n
    else:
        for pid, q in people.items():
            qd = q.__dict__
            n, plots = get(pid, 0), pid in plotters
            if qd[hide] != n or qd["plotter"] is not plots:
                if q is real[pid]:
                    q = people[pid] = _shallow(q)
                    qd = q.__dict__
                qd[hide] = n
                qd["plotter"] = plots
    d.factions = {k: FactionState(v.influence, v.cohesion, dict(v.standing)) for k, v in state.factions.items()}
    d.patrons = {k: _shallow(v) for k, v in state.patrons.items()}
    d.country = _shallow(state.country)
    d.intel = dict(state.intel)
    # The other side's intelligence: the critics assume Kim's services are sharp; Kim knows the
    # critics' contacts only as they were at the start.
    d.intel[other] = (
        int(weights.assumed_enemy_intel)
        if side == "opposition"
        else {str(k): n for k, n in scn.scenario.intel.items()}.get(other, 30)
    )
    d.budget, d.spent, d.budget_bonus = dict(state.budget), dict(state.spent), dict(state.budget_bonus)
    d.vars, d.fired = dict(state.vars), dict(state.fired)
    d.queued_events = list(state.queued_events)
    d.pending = [_shallow(p) for p in state.pending if p.side != other]
    d.plenums = {
        k: PlenumState(v.date, v.status, v.postponed_days, {s: t for s, t in v.tactics.items() if s == side}, v.record)
        for k, v in state.plenums.items()
    }
    d.actions_this_turn = dict(state.actions_this_turn)
    d.log, d.decisions, d.timeline = [], [], []
    d.codex = list(state.codex)
    d.last_speakers = list(state.last_speakers)
    d.estimates = {side: state.estimates.get(side, {})}
    d.estimate_noise = {side: state.estimate_noise.get(side, {})}
    secrets = private_flags(scn)
    flags = [f for f in state.flags if secrets.get(f) != other and f != "plot_discovered"]
    flags += [f for f in extra_flags if f not in flags]
    if discovered or (side == "kim" and state.has_flag("plot_discovered")):
        flags.append("plot_discovered")
    d.flags = flags
    d.exposure = exposure
    return d


def _draw(state, scn, side, view, sample, weights, people, hide):
    """The hidden part of one plausible state: (other side's pledges, its secret flags, the
    exposure, Kim's guess at the circle or None, whether the plot is found, for the critics)."""
    rnd = private_rng(state, side, sample)
    other = OTHER[side]
    # (Every copy's hidden pledge is 0 already: determinize sets it so as it copies them.)
    d = _shallow(state)
    d.people = people
    # The other side's pledge on each member, from the estimated lean: with the hidden pledge at
    # zero the lean is `known`; the estimate says how far the real one sits from it.
    known_of = leans(d, scn, list(view.members))  # lean_of each, the shared terms worked out once
    sign = -1.0 if side == "kim" else 1.0  # the other side's pledge pulls its own way
    pledges: dict[str, int] = {}
    per_point = RULE.pledge
    for pid, m in view.members.items():
        known = known_of[pid]
        # The first world is the estimate itself; further ones draw within its error. (With one
        # world drawn at random, the target that looked best was often only the luckiest draw.)
        guess = m.lean + (rnd.uniform(-m.error, m.error) if sample else 0.0)
        pledge = int(max(0, min(100, round((guess - known) * sign / per_point))))
        if pledge:
            pledges[pid] = pledge
    extra = [f for f in secret_flags_of(scn, other) if rnd.random() < weights.unknown_flag]
    found = view.plot_found
    discovered = False
    plotters = None
    if side == "opposition":
        discovered = found == "known" or (found == "suspected" and rnd.random() < weights.suspected_found)
        lo, hi = _band_range(view.exposure or "quiet")
        exposure = rnd.randint(lo, hi)
    else:
        exposure = int(weights.assumed_exposure)
        if found != "known":
            plotters = _draw_plotters(people, view, rnd)
    return pledges, extra, exposure, plotters, discovered


def _band_range(word: str) -> tuple[int, int]:
    bands = intel.EXPOSURE_BANDS
    for i, (lo, w, _t) in enumerate(bands):
        if w == word:
            hi = bands[i + 1][0] - 1 if i + 1 < len(bands) else 100
            return lo, hi
    return 0, 9


def _draw_plotters(people, view: intel.SideView, rnd: random.Random) -> set[str]:
    """Kim does not know who is in the circle: the estimated number, from the most hostile."""
    n = max(0, view.plotters[0])
    ranked = sorted(
        (pid for pid, p in people.items() if p.status in ACTIVE and pid in view.members),
        key=lambda pid: (view.members[pid].lean + rnd.uniform(-1, 1), pid),
    )
    return set(ranked[:n])
