"""The computer player: the same orders a human sends, chosen from its own side's view.

How it thinks, once per decision:
1. It reads its side's view (intel.side_view) and draws one or more plausible hidden states
   from it (belief.determinize): never the true leans, the other side's pledges or exposure.
2. For each world it keeps a *frame*: every member's lean and the chance that member votes
   with each side at the next plenum. The value of a world is what the side stands to win from there: the critics' motion
   carrying or failing, the plot found or not, the endings, patrons, budget.
3. A candidate move (an action on a target, an event option) is applied to a light copy of the
   world holding only the people it touches, and only their part of the frame is recounted.
   A plenum tactic is weighed by playing the session out on copies of the world against every
   tactic the other side might choose.
4. It sends the best move with a short reason, kept in the log for its side alone.

The only randomness it uses is its own (seeded from the seed, the turn and the side), so a
game replays from its orders whether or not the AI is there.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.ai import belief as B
from game.ai.weights import LEVELS, Level, Weights, for_scenario, level_for
from game.engine import actions as A
from game.engine import endings as E
from game.engine import intel
from game.engine.actions import Refused
from game.engine.basics import ACTIVE, MONTHS, days_until
from game.engine.context import overlaps
from game.engine.effect_kinds import changes, copied, writes
from game.engine.effects import apply_effects, touched
from game.engine.game import Game
from game.engine.plenum import _faction_terms, lean_of
from game.engine.rng import Rng
from game.engine.state import (
    CountryState,
    FactionState,
    GameState,
    PatronState,
    Pending,
    PersonState,
    PlenumState,
)
from game.engine.vote_rule import RULE
from game.engine.world import discovery_odds

OTHER = B.OTHER
_NOISE_VAR = ((2 * RULE.noise + 1) ** 2 - 1) / 12  # the variance of a member's own judgement
_LOST = ("arrested", "executed", "expelled", "fled", "dead")


def _sigmoid(x: float) -> float:
    if x < -30:
        return 0.0
    if x > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-x))


def _soft(x: float, s: float, band: int, exp) -> tuple[float, float]:
    """(chance with Kim, chance with the critics) of a member at lean `x` (mood included) whose
    vote curve has width `s`: the hot path of every count, so plain arithmetic."""
    hi = (x - band + 0.5) / s
    lo = (-band + 0.5 - x) / s
    return (
        0.0 if hi < -30 else (1.0 if hi > 30 else 1.0 / (1.0 + exp(-hi))),
        0.0 if lo < -30 else (1.0 if lo > 30 else 1.0 / (1.0 + exp(-lo))),
    )


def _scales(members: dict[str, intel.MemberEstimate]) -> dict[str, float]:
    """Each member's vote-curve width from this side's error on it. The errors take a handful of
    values (a side's own members and the rest), so each width is worked out once per value."""
    width: dict[float, float] = {}
    out = {}
    for pid, m in members.items():
        e = m.error
        s = width.get(e)
        if s is None:
            s = width[e] = 0.55 * math.sqrt(_NOISE_VAR + e**2 / 3)
        out[pid] = s
    return out


def _in_order(ids: set[str]) -> set[str] | list[str]:
    """The people to recount, in a fixed order: the sums are floating point, and a set's order
    changes with the interpreter's hash seed (PYTHONHASHSEED), which made a few games play
    differently from one run to the next."""
    return ids if len(ids) < 2 else sorted(ids)


def _lost(people) -> int:
    """How many of the critics' circle are arrested, executed, expelled, fled or dead."""
    return sum(1 for p in people if p.plotter and p.status in _LOST)


# The fields (as effect_kinds.changes names them) _lost reads: a move that may change none of
# them leaves a world's count of the circle's losses as it was.
_LOST_READS = frozenset({"people", "people.status", "people.plotter"})


def _rows(f: Frame, people: dict[str, PersonState], scales: dict[str, float], scale: float) -> dict[str, tuple]:
    """A frame's members in its order, each as (lean, chance with Kim, with the critics, the
    width of its vote curve, its faction, and the two variances), for recounting many at once."""
    pk, po = f.p_kim, f.p_opp
    out = {}
    for pid, x in f.lean.items():
        a, b = pk[pid], po[pid]
        out[pid] = (x, a, b, scales.get(pid, scale), people[pid].faction, a * (1 - a), b * (1 - b))
    return out


def month(date: str) -> str:
    try:
        return MONTHS[int(date[5:7]) - 1]
    except (ValueError, IndexError):
        return date


@dataclass
class Frame:
    """One world's committee as the value function needs it."""

    lean: dict[str, float]  # today's lean of every full member present
    p_kim: dict[str, float]  # chance each votes with Kim at the next plenum
    p_opp: dict[str, float]  # chance each votes with the critics
    e_kim: float
    e_opp: float
    v_kim: float
    v_opp: float
    majority: int


class Mind:
    frames: list[Frame]
    """One decision's worth of thinking for one side."""

    def __init__(self, player: AIPlayer, g: Game, side: str, prev: Mind | None = None, changed=None):
        self.player = player
        self.level = player.level_for(g.scn, side)
        self.g, self.scn, self.state, self.side = g, g.scn, g.state, side
        self.w, self.flag_worth = player.weights_for(g.scn, side)
        self.view = intel.side_view(self.state, self.scn, side)
        self.scales = _scales(self.view.members)
        self.enables = (
            {f: n for f, n in B.enabling_flags(self.scn)[side].items() if f != "plot_discovered"}
            if self.level.opens
            else {}
        )
        self.sign = 1.0 if side == "kim" else -1.0
        self.turns = self._turns_to_plenum()
        # Whether a plenum that may still sit is on the calendar (else `turns` is an assumption).
        self.plenum_dated = self._next_plenum(self.state) is not None
        # Whether the plot's discovery is foreseen now (Weights.found_at_plot_plenums).
        self.foresee_found = self.level.discovery and (not self.w.found_at_plot_plenums or self._plot_plenum_next())
        # The typical width of a member's vote curve (judgement and this side's doubt).
        self.scale = 0.55 * math.sqrt(_NOISE_VAR + intel.lean_error(self.state, side) ** 2 / 3)
        self.threat, self.quiet_in = self._threat()
        picture = B.picture_key(self.state, side, self.view)  # the samples' shared key part
        self.worlds = [
            B.determinize(self.state, self.scn, side, self.view, k, self.w, picture) for k in range(self.level.samples)
        ]
        if (
            prev is not None
            and changed is not None
            and len(prev.frames) == len(self.worlds)
            and prev.scale == self.scale  # the same doubt about everyone (intelligence unchanged)
        ):
            # Right after one of our own moves: recount only the people it may have touched.
            self.frames = [
                self.frame(d, f, changed, shared=_global_change(pd, d))
                for d, f, pd in zip(self.worlds, prev.frames, prev.worlds)
            ]
        else:
            self.frames = [self.frame(d) for d in self.worlds]
        # Per world, what every candidate move starts from: the faction terms (unchanged by a move
        # that moves no shared term), the seed state of its what-if RNG, the turns to each
        # calendar's next plenum (by the world's date and plenums).
        self._ft: list[dict[str, tuple[float, float]] | None] = [None] * len(self.worlds)
        self._rng0: list[Rng | None] = [None] * len(self.worlds)
        self._rows: list[dict[str, tuple] | None] = [None] * len(self.worlds)
        self._lost: list[int | None] = [None] * len(self.worlds)
        self._turns_memo: dict[tuple, int] = {}
        # (world, effect list) -> what _tried gave, for effects that never name the target.
        self._same: dict[tuple[int, int], tuple[float, dict[str, float] | None]] = {}
        self.closeness: dict[str, tuple] = {}  # AIPlayer._shortlist's key of each member, once worked out
        # The endings' verdict on each world (worked out when first asked), and what it reads: a
        # move that changes none of that leaves the verdict as it is.
        self._end0: dict[int, str | None] = {}
        self._end_reads = E.check_reads(self.scn)
        self._held: dict[int, dict[str, bool]] = {}  # per world, whether each ending's condition holds
        # Per world, what parts() reads from fields most moves leave alone (see its `was`).
        self._found0: dict[int, float] = {}
        self._turns0: dict[int, int] = {}
        self.base_parts = [self.parts(d, f) for d, f in zip(self.worlds, self.frames)]
        self.base = [sum(p.values()) for p in self.base_parts]

    # ------------------------------------------------------------------ what the side knows
    def _turns_to_plenum(self, st: GameState | None = None) -> int:
        """Turns until the next plenum that may still sit (its date on the calendar, known to all)."""
        if st is None:
            st = self.state
            if not self.level.horizon:
                return 1
        best = self._next_plenum(st)
        return self.w.default_turns_to_plenum if best is None else max(0, best)

    def _next_plenum(self, st: GameState) -> int | None:
        """Turns to the nearest plenum on the calendar that may still sit, or None if none is."""
        days = self.scn.scenario.calendar.turn_days
        best = None
        for pdef in self.scn.plenums:
            pl = st.plenums.get(pdef.id)
            if pl is None or pl.status in ("held", "cancelled"):
                continue
            if pl.date >= st.date:
                t = days_until(st.date, pl.date) // max(1, days)
                best = t if best is None else min(best, t)
        return best

    def _plot_plenum_next(self) -> bool:
        """Whether the nearest plenum that may still sit has a tactic that needs the plot found
        (or not found): only there does a discovery before it change what either side can do."""
        st, nearest, when = self.state, None, ""
        for pdef in self.scn.plenums:
            pl = st.plenums.get(pdef.id)
            if pl is None or pl.status in ("held", "cancelled") or pl.date < st.date:
                continue
            if nearest is None or pl.date < when:
                nearest, when = pdef, pl.date
        return nearest is not None and any("plot_discovered" in (t.requires or "") for t in nearest.tactics)

    def _threat(self) -> tuple[float, str | None]:
        """Kim's belief that the critics are at work, from the informers' hints; and the month of
        the latest report that they went quiet."""
        if self.side != "kim" or not self.level.hints:
            return (self.w.base_threat if self.side == "kim" else 1.0), None
        if self.view.plot_found == "known":
            return 1.0, None
        days = self.scn.scenario.calendar.turn_days * self.w.hint_turns
        fresh = [h for h in self.view.hints if days_until(h.date, self.state.date) <= days]
        quiet = [h for h in fresh if h.text == intel.QUIET_HINT]
        threat = min(1.0, self.w.base_threat + self.w.hint_threat * len(fresh))
        return threat, (month(quiet[-1].date) if quiet else None)

    # ------------------------------------------------------------------ the frame and the value
    def frame(
        self,
        d: GameState,
        base: Frame | None = None,
        only: set[str] | None = None,
        shared: bool = False,
        counts_only: bool = False,
        ft: dict[str, tuple[float, float]] | None = None,
        rows: dict[str, tuple] | None = None,
    ) -> Frame:
        """The frame of world `d`. With a base frame and the set of people an effect touched,
        only those are recounted; `shared` says a term every member of a faction shares (the
        country, the faction, its patrons) moved too, so each faction's members shift by what
        one untouched member of it shifted. With `counts_only` the per-member tables are left
        empty (a candidate move's value needs only the sums): nothing is copied. `ft`, if given,
        is the faction terms of `d` (the caller knows them unchanged); `rows`, the base frame's
        members as `_rows` lays them out.

        The sums are added and taken away in the same order whichever way they are kept, so a
        value comes out the same to the last bit."""
        people = d.people
        scn = self.scn
        scales, scale, mood = self.scales, self.scale, self.w.mood
        band = RULE.band
        exp = math.exp
        # lean_of's terms every member shares (as plenum.leans works them out: the same operands,
        # so the same values), for the loops below that write lean_of out.
        r = RULE
        neutral, r_loyalty, r_fear, r_pledge = r.neutral, r.loyalty, r.fear, r.pledge
        security = (d.country.security - neutral) * r.security
        cult = (d.country.cult - neutral) * r.cult
        if base is None or only is None:
            if ft is None:
                ft = _faction_terms(d, scn, ())
            lean: dict[str, float] = {}
            pk: dict[str, float] = {}
            po: dict[str, float] = {}
            ek = eo = vk = vo = 0.0
            n = 0
            lo0 = -band + 0.5
            for pid, p in people.items():
                if p.cc != "full" or p.status not in ACTIVE:
                    continue
                # lean_of(d, p, ft), written out: its terms in its order.
                line, patron_signal = ft[p.faction]
                x = (
                    line
                    + (p.loyalty - neutral) * r_loyalty
                    + (p.fear * r_fear + security)
                    + cult
                    + p.pledge_kim * r_pledge
                    + -p.pledge_opposition * r_pledge
                    + patron_signal
                    + 0.0
                )
                # _soft(x + mood, ...), written out (the same arithmetic in the same order).
                xm = x + mood
                s = scales.get(pid, scale)
                hi = (xm - band + 0.5) / s
                lo = (lo0 - xm) / s
                a = 0.0 if hi < -30 else (1.0 if hi > 30 else 1.0 / (1.0 + exp(-hi)))
                b = 0.0 if lo < -30 else (1.0 if lo > 30 else 1.0 / (1.0 + exp(-lo)))
                if not counts_only:
                    lean[pid], pk[pid], po[pid] = x, a, b
                n += 1
                ek += a
                eo += b
                vk += a * (1 - a)
                vo += b * (1 - b)
            return Frame(lean, pk, po, ek, eo, vk, vo, n // 2 + 1)
        blean, bpk, bpo = base.lean, base.p_kim, base.p_opp
        ek, eo, vk, vo = base.e_kim, base.e_opp, base.v_kim, base.v_opp
        n = len(blean)
        redo = set(only)
        shift: dict[str, float] = {}
        if ft is None:
            ft = _faction_terms(d, scn, ()) if (shared or redo) else {}
        if shared and rows is None:
            rows = _rows(base, people, scales, scale)
        if shared and counts_only:
            assert rows is not None
            # One pass over the members a shared term moved (each faction by what one untouched
            # member of it moved), then the people the effect itself touched.
            lo0 = -band + 0.5
            for pid, (old, a, b, s, f, va, vb) in rows.items():
                if pid in only:
                    continue
                sh = shift.get(f)
                if sh is None:
                    sh = shift[f] = lean_of(d, people[pid], ft) - old
                if sh:
                    ek -= a
                    eo -= b
                    vk -= va
                    vo -= vb
                    # _soft(old + sh + mood, s, band, exp), written out: the hottest loop of the
                    # look-ahead (the same arithmetic in the same order, so the same bits).
                    x = old + sh + mood
                    hi = (x - band + 0.5) / s
                    lo = (lo0 - x) / s
                    a = 0.0 if hi < -30 else (1.0 if hi > 30 else 1.0 / (1.0 + exp(-hi)))
                    b = 0.0 if lo < -30 else (1.0 if lo > 30 else 1.0 / (1.0 + exp(-lo)))
                    ek += a
                    eo += b
                    vk += a * (1 - a)
                    vo += b * (1 - b)
            shared = False  # done: what is left is the touched people's own recount
        if shared:
            assert rows is not None
            for pid, row in rows.items():  # in the base's order
                if pid in redo:
                    continue
                f = row[4]
                if f not in shift:
                    shift[f] = lean_of(d, people[pid], ft) - row[0]
                if shift[f]:
                    redo.add(pid)
        if counts_only:
            for pid in _in_order(redo):
                if pid not in only:
                    assert rows is not None  # only a shared shift adds members beyond `only`
                    # Moved only by the shared shift: still a member present, its lean shifted.
                    old, a, b, s, f, va, vb = rows[pid]
                    ek -= a
                    eo -= b
                    vk -= va
                    vo -= vb
                    a, b = _soft(old + shift[f] + mood, s, band, exp)
                    ek += a
                    eo += b
                    vk += a * (1 - a)
                    vo += b * (1 - b)
                    continue
                old = blean.get(pid)
                if old is not None:  # out of the old count
                    a, b = bpk[pid], bpo[pid]
                    n -= 1
                    ek -= a
                    eo -= b
                    vk -= a * (1 - a)
                    vo -= b * (1 - b)
                q = people.get(pid)
                if q is not None and q.cc == "full" and q.status in ACTIVE:
                    # A person the effects touched (the rest went above): lean_of(d, q, ft) and
                    # _soft(x + mood, ...), written out (a faction's pledge recounts forty at once).
                    line, patron_signal = ft[q.faction]
                    xm = (
                        line
                        + (q.loyalty - neutral) * r_loyalty
                        + (q.fear * r_fear + security)
                        + cult
                        + q.pledge_kim * r_pledge
                        + -q.pledge_opposition * r_pledge
                        + patron_signal
                        + 0.0
                    ) + mood
                    s = scales.get(pid, scale)
                    hi = (xm - band + 0.5) / s
                    lo = (-band + 0.5 - xm) / s
                    a = 0.0 if hi < -30 else (1.0 if hi > 30 else 1.0 / (1.0 + exp(-hi)))
                    b = 0.0 if lo < -30 else (1.0 if lo > 30 else 1.0 / (1.0 + exp(-lo)))
                    n += 1
                    ek += a
                    eo += b
                    vk += a * (1 - a)
                    vo += b * (1 - b)
            return Frame({}, {}, {}, ek, eo, vk, vo, n // 2 + 1)
        lean, pk, po = dict(blean), dict(bpk), dict(bpo)
        for pid in _in_order(redo):
            old = lean.pop(pid, None)
            if old is not None:  # out of the old count
                a, b = pk.pop(pid), po.pop(pid)
                ek -= a
                eo -= b
                vk -= a * (1 - a)
                vo -= b * (1 - b)
            q = people.get(pid)
            if q is not None and q.cc == "full" and q.status in ACTIVE:
                x = lean_of(d, q, ft) if old is None or pid in only else old + shift[q.faction]
                a, b = _soft(x + mood, scales.get(pid, scale), band, exp)
                lean[pid], pk[pid], po[pid] = x, a, b
                ek += a
                eo += b
                vk += a * (1 - a)
                vo += b * (1 - b)
        return Frame(lean, pk, po, ek, eo, vk, vo, len(lean) // 2 + 1)

    def _soft_of(self, pid: str, p, lean: float) -> tuple[float, float]:
        """(chance with Kim, chance with the critics) of a member at this lean: its own judgement
        and this side's doubt about it blur the band's edges."""
        # Today's lean, not one with every pledge faded by the plenum: a pledge also keeps the
        # member from the other side now (its odds fall with it), which fading would ignore; in
        # the lab the faded count made both sides play worse.
        return _soft(lean + self.w.mood, self.scales.get(pid, self.scale), RULE.band, math.exp)

    def p_found(self, d: GameState) -> float:
        if d.has_flag("plot_discovered"):
            return 1.0
        if not self.foresee_found:
            return 0.0
        p = max(0.0, min(100.0, discovery_odds(d.exposure, d.intel.get("kim", 40)))) / 100
        return 1 - (1 - p) ** max(1, self.turns)

    def parts(
        self, d: GameState, f: Frame, lost: int | None = None, was: tuple[int, frozenset[str]] | None = None
    ) -> dict[str, float]:
        """The value of a world, by component (for the reasons it gives). `lost`, if given, is
        how many of the critics' circle the world has lost (the caller counted what changed).
        `was`, if given, is (k, the fields effect_kinds.changes says a move may change) for `d`
        made from world k by that move: a component read only from fields it left alone is
        world k's own (the same inputs, so the same value to the bit)."""
        w, side = self.w, self.side
        out: dict[str, float] = {}
        if d.ending:
            e = self.scn.get("ending", d.ending)
            victor = e.victor if e else "none"
            out["ending"] = w.ending if victor == side else (-w.ending if victor in OTHER else 0.0)
            return out
        base: dict[str, float] | None = None
        ch: frozenset[str] = frozenset()
        k = 0
        if was is not None:
            k, ch = was
            base = self.base_parts[k]
            if "patrons" not in base:  # world k itself had ended: nothing to take from it
                base = None
        # The whole hall may swing with the speeches: a shared shift of about mood_sd lean points
        # moves every member near the line at once, so the count's spread is wider than the sum
        # of each member's own doubt (and a side far behind still sees its gains count).
        slope = self.w.mood_sd / self.scale
        crit = _sigmoid(1.7 * (f.e_opp - f.majority + 0.5) / math.sqrt(f.v_opp + (f.v_opp * slope) ** 2 + 0.25))
        kim_maj = _sigmoid(1.7 * (f.e_kim - f.majority + 0.5) / math.sqrt(f.v_kim + (f.v_kim * slope) ** 2 + 0.25))
        if base is not None and ch.isdisjoint(_FOUND_READS):
            found = self._found0.get(k)
            if found is None:
                found = self._found0[k] = self.p_found(self.worlds[k])
        else:
            found = self.p_found(d)
        lead = (f.e_kim - f.e_opp) * self.sign
        if side == "kim":
            # The count matters whether or not a plot is afoot; the threat weighs only the hunt for it
            # (scaling the count by it made a Kim who read the hints chase the plot and lose the hall).
            out["vote"] = w.vote * (1 - crit)
            out["margin"] = w.margin * lead
            out["counter"] = w.counter * kim_maj * found
            out["found"] = w.found * found * self.threat
        else:
            out["vote"] = w.vote * crit * (1 - 0.4 * found)
            out["margin"] = w.margin * lead
            out["found"] = -w.found_cost * found
            if lost is None:
                lost = _lost(d.people.values())
            out["circle"] = -w.plotter_lost * lost
        if self.level.strike:
            # When to strike: a plenum sooner is worth more the likelier it is won now; the
            # critics' moment is while Kim is abroad, Kim's once the plot is in his files.
            # The turns to the next plenum depend only on the date and the plenums' dates and states.
            if base is not None and "plenums" not in ch:  # no move changes the date
                turns = self._turns0.get(k)
                if turns is None:
                    turns = self._turns0[k] = self._turns_at(self.worlds[k])
            else:
                turns = self._turns_at(d)
            soon = 1.0 / (1 + turns)
            if side == "opposition":
                out["strike"] = w.strike * crit * (1.0 if d.has_flag("kim_abroad") else 0.3) * soon
            else:
                out["strike"] = w.strike * kim_maj * found * soon
                if self.level.delay:
                    # Behind in the count, a later plenum is time to win members back (postponing).
                    out["strike"] -= w.delay * crit * soon
        if base is not None and "patrons" not in ch:
            out["patrons"] = base["patrons"]
        else:
            out["patrons"] = self.sign * w.patron * sum(p.favour_kim - p.favour_opposition for p in d.patrons.values())
        out["intel"] = base["intel"] if base is not None and "intel" not in ch else w.intel * d.intel.get(side, 0)
        if base is not None and "budget_bonus" not in ch:
            out["budget"] = base["budget"]
        else:
            out["budget"] = w.budget * d.budget_bonus.get(side, 0)
        flags_of = base if base is not None and "flags" not in ch else None  # the flags are world k's
        if self.enables:
            if flags_of is not None:
                out["opens"] = flags_of["opens"]
            else:
                out["opens"] = w.enabling_flag * sum(n for f_, n in self.enables.items() if f_ in d.flags)
        if self.flag_worth:
            if flags_of is not None:
                out["flags"] = flags_of["flags"]
            else:
                out["flags"] = sum(v.get(side, 0.0) for f_, v in self.flag_worth.items() if f_ in d.flags)
        return out

    def _turns_at(self, d: GameState) -> int:
        """_turns_to_plenum(d), remembered: it depends only on the date and the plenums' dates
        and states."""
        tkey = (d.date, *((pl.date, pl.status) for pl in d.plenums.values()))
        turns = self._turns_memo.get(tkey)
        if turns is None:
            turns = self._turns_memo[tkey] = self._turns_to_plenum(d)
        return turns

    def value(self, d: GameState, f: Frame) -> float:
        return sum(self.parts(d, f).values())

    # ------------------------------------------------------------------ trying a move
    def outcome(self, k: int, effects, target: str | None) -> tuple[float, dict[str, float]]:
        """The value of world k after these effects, and its change by component."""
        value, after = self._tried(k, effects, target)
        return value, self.change(k, after)

    def change(self, k: int, after: dict[str, float] | None) -> dict[str, float]:
        """The change by component from world k's own value to `after` (a move's parts, or None
        for a move the rules refused)."""
        if after is None:
            return {}
        before = self.base_parts[k]
        # Every component either side has (the same ones, unless an ending was reached).
        get = before.get
        delta = {key: v - get(key, 0.0) for key, v in after.items()}
        for key, v in before.items():
            if key not in after:
                delta[key] = 0.0 - v
        return delta

    def _tried(self, k: int, effects, target: str | None) -> tuple[float, dict[str, float] | None]:
        """The value of world k after these effects and its components (None if refused); the
        change by component is worked out only for the move chosen (see `change`)."""
        _effects, wr, ch, targeted = _declared(effects)
        if not targeted:
            # Effects that never name the target do the same whatever the target (the same world,
            # the same what-if dice): an action's failure is often one such, tried per target.
            same = self._same.get((k, id(effects)))
            if same is not None:
                return same
            out = self._tried_on(k, effects, target, wr, ch)
            self._same[(k, id(effects))] = out
            return out
        return self._tried_on(k, effects, target, wr, ch)

    def _tried_on(
        self, k: int, effects, target: str | None, wr: frozenset[str] | None, ch: frozenset[str] | None
    ) -> tuple[float, dict[str, float] | None]:
        d, f = self.worlds[k], self.frames[k]
        who = touched(d, effects, target)
        # Whom to copy may be fewer than whom to recount (a purge writes one person, yet moves
        # everyone's count: that recount below stays whole).
        c = _light_copy(d, who if who is not None else copied(d, effects, target), wr)
        r0 = self._rng0[k]
        if r0 is None:
            r0 = self._rng0[k] = B.engine_rng(self.state, self.side, k, salt=len(self.state.decisions))
        rng = object.__new__(Rng)  # a fresh copy of the same seeded generator for each move tried
        rng.state, rng.inc, rng.draws = r0.state, r0.inc, r0.draws
        c.rng = rng
        try:
            apply_effects(c, self.scn, effects, target=target)
        except (KeyError, ValueError, Refused):
            return self.base[k], None
        if who is None:
            nf = self.frame(c, counts_only=True)
        elif (wr is None or not wr.isdisjoint(_SHARED_TERMS)) and _global_change(d, c):
            # (A move that writes none of the shared records shares them with the world.)
            rows = self._rows[k]
            if rows is None:
                rows = self._rows[k] = _rows(f, d.people, self.scales, self.scale)
            nf = self.frame(c, f, who, shared=True, counts_only=True, rows=rows)
        else:
            # No shared term moved: the faction terms are the world's own, worked out once.
            ft = self._ft[k]
            if ft is None:
                ft = self._ft[k] = _faction_terms(d, self.scn, ())
            nf = self.frame(c, f, who, counts_only=True, ft=ft)
        if c.ending is None and self.scn.endings:
            if overlaps(ch, self._end_reads):
                # Only the endings whose conditions read what the move may change are asked again.
                c.ending = E.check_after(c, self.scn, d, ch, self._held.setdefault(k, {}))
            else:
                if k not in self._end0:
                    self._end0[k] = E.check(d, self.scn, at_end=False)
                c.ending = self._end0[k]
        lost = None
        if who is not None and self.side == "opposition":
            # The circle's losses change only among the people the effects touched.
            base_lost = self._lost[k]
            if base_lost is None:
                base_lost = self._lost[k] = _lost(d.people.values())
            if ch is not None and ch.isdisjoint(_LOST_READS):
                lost = base_lost  # no one's status or place in the circle may have changed (a pledge)
            else:
                dp, cp = d.people, c.people
                lost = base_lost + _lost(cp[p] for p in who if p in cp) - _lost(dp[p] for p in who if p in dp)
        after = self.parts(c, nf, lost, None if ch is None else (k, ch))
        return sum(after.values()), after

    def chance(self, a, target: str | None, k: int) -> float:
        src = a.chance
        st = self.worlds[k] if B.reads_hidden(src, self.scn, self.side) else self.state
        try:
            return A.chance(st, self.scn, a, target) / 100
        except (KeyError, ValueError, ZeroDivisionError):
            return 0.5


def _declared(effects) -> tuple[object, frozenset[str] | None, frozenset[str] | None, bool]:
    """(effects, effect_kinds.writes, effect_kinds.changes, whether any of them names the
    target) of a list of effects, worked out once per list: the lists are the scenario's own,
    tried thousands of times a game. The list is kept in the entry, so its id is not reused
    while the entry stands."""
    hit = _DECLARED.get(id(effects))
    if hit is None or hit[0] is not effects:
        if len(_DECLARED) >= 4096:
            _DECLARED.clear()
        hit = _DECLARED[id(effects)] = (effects, writes(effects), changes(effects), _names_target(effects))
    return hit


_DECLARED: dict[int, tuple[object, frozenset[str] | None, frozenset[str] | None, bool]] = {}


def _names_target(effects) -> bool:
    """Whether a list of effects may name the target: any value anywhere in it that reads
    'target' (the way every kind names an action's target), read from the effects' own data."""

    def walk(v) -> bool:
        if isinstance(v, dict):
            return any(walk(x) for x in v.values())
        if isinstance(v, list | tuple):
            return any(walk(x) for x in v)
        return v == "target"

    return any(walk(fx.model_dump()) for fx in effects)


def _light_copy(d: GameState, only: set[str] | None, records: frozenset[str] | None = None) -> GameState:
    """A copy to try effects on: the people named (all if None), and of the state's records
    and small containers (effect_kinds.RECORDS) those named in `records` (all if None:
    effect_kinds.writes says which a list of effects may change); the rest is shared and must
    not be written. Built field by field (copy.copy and keyword construction cost more than the
    copying itself)."""
    new = object.__new__
    c = new(GameState)
    c.__dict__ = cd = d.__dict__.copy()
    if only is None or only:
        # Those the effect touches, or everyone (an effect that may reach anyone, e.g. a purge
        # that frightens the whole committee). A person's copy: its fields, its own list of
        # offices and a fresh empty career; written out, as this copies a hundred people or more.
        people = d.people
        c.people = cp = dict(people)
        get = people.get
        for pid in people if only is None else only:
            was = get(pid)
            if was is not None:
                qd = was.__dict__.copy()
                qd["offices"] = list(was.offices)
                qd["career"] = []
                q = new(PersonState)
                q.__dict__ = qd
                cp[pid] = q
    # (With no one to copy, the people are the world's own, as every record no effect writes.)
    copiers = _COPIERS
    for name in copiers if records is None else records:
        cd[name] = copiers[name](cd[name])
    c.log = []
    return c


def _play_copy(d: GameState) -> GameState:
    """A copy of a world to play a whole session on (anything in it may change): what
    GameState.clone() gives without history, made the cheap copy's way (everyone and every record
    copied field by field; clone's copy.copy and keyword construction cost more than a session's
    own vote). The caller gives it its own RNG."""
    c = _light_copy(d, None, None)
    c.decisions, c.timeline = [], []
    c.estimates = {k: {kk: list(vv) for kk, vv in v.items()} for k, v in d.estimates.items()}
    c.estimate_noise = {k: dict(v) for k, v in d.estimate_noise.items()}
    c.mods = list(d.mods)
    return c


def _factions_copy(was: dict[str, FactionState]) -> dict[str, FactionState]:
    out = {}
    new = object.__new__
    for k, v in was.items():
        f = new(FactionState)
        f.__dict__ = v.__dict__.copy()
        f.standing = dict(v.standing)
        out[k] = f
    return out


def _patrons_copy(was: dict[str, PatronState]) -> dict[str, PatronState]:
    out = {}
    new = object.__new__
    for k, v in was.items():
        pat = new(PatronState)
        pat.__dict__ = v.__dict__.copy()
        out[k] = pat
    return out


def _country_copy(was: CountryState) -> CountryState:
    country = object.__new__(CountryState)
    country.__dict__ = was.__dict__.copy()
    return country


# How _light_copy copies each of effect_kinds.RECORDS (a test holds the two to the same names).
_COPIERS: dict[str, Callable[[Any], Any]] = {
    "factions": _factions_copy,
    "patrons": _patrons_copy,
    "country": _country_copy,
    "plenums": lambda was: {
        k: PlenumState(v.date, v.status, v.postponed_days, dict(v.tactics), v.record) for k, v in was.items()
    },
    "pending": lambda was: [Pending(p.event, p.side) for p in was],
    **dict.fromkeys(("intel", "budget", "spent", "budget_bonus", "vars", "fired", "actions_this_turn"), dict),
    **dict.fromkeys(("flags", "queued_events", "codex", "last_speakers"), list),
}


# The records holding a term every member of a faction shares (see _global_change).
_SHARED_TERMS = frozenset({"country", "factions", "patrons"})


def _global_change(d: GameState, c: GameState) -> bool:
    """Whether an effect moved a term every member shares (the country, a faction, a patron)."""
    if (c.country.security, c.country.cult) != (d.country.security, d.country.cult):
        return True
    for k, f in c.factions.items():
        o = d.factions[k]
        if f.cohesion != o.cohesion or f.standing != o.standing:
            return True
    for k, pat in c.patrons.items():
        was = d.patrons[k]
        if (pat.favour_kim, pat.favour_opposition, pat.intervention) != (
            was.favour_kim,
            was.favour_opposition,
            was.intervention,
        ):
            return True
    return False


class AIPlayer:
    """A computer player at a level: 'easy', 'normal' or 'hard' (see weights.LEVELS)."""

    def __init__(self, difficulty: str = "normal"):
        if difficulty not in LEVELS:
            raise ValueError(f"unknown AI level {difficulty!r}; choose one of {', '.join(LEVELS)}")
        self.difficulty = difficulty
        self.level = LEVELS[difficulty]
        self._weights: dict[tuple[int, str | None], tuple[Weights, dict]] = {}
        self._levels: dict[tuple[int, str], Level] = {}
        self._last: tuple | None = None

    def weights_for(self, scn, side: str | None = None):
        key = (id(scn), side)
        if key not in self._weights:
            self._weights[key] = for_scenario(scn, self.difficulty, side)
        return self._weights[key]

    def level_for(self, scn, side: str) -> Level:
        """This level's foresight for `side` (a scenario may set a side's own: weights.level_for)."""
        key = (id(scn), side)
        if key not in self._levels:
            self._levels[key] = level_for(scn, self.difficulty, side)
        return self._levels[key]

    def __call__(self, g: Game, side: str) -> dict:
        return self.decide(g, side)

    def decide(self, g: Game, side: str) -> dict:
        st = g.state
        pend = [p for p in st.pending if p.side == side]
        if pend:
            mind = Mind(self, g, side)
            if pend[0].event.startswith("plenum:"):
                return self._tactic(mind, pend[0])
            return self._choose(mind, pend[0])
        if st.phase != side:
            return {"t": "end", "side": side}
        # Later moves in the same phase: weigh again only the best few of the phase's first
        # ranking (the rest were far behind, and what one move changes is small). That ranking
        # rides in the phase's first order ("plan"), so it is in the log and in a save: a game
        # saved and loaded mid-phase plays on exactly as one never saved.
        only = None
        views = None
        level = self.level_for(g.scn, side)
        plan = _phase_plan(st, side) if level.replan_top else None
        if plan is not None:
            only = {(aid, t) for aid, t in plan[: level.replan_top]}
            ids = list(dict.fromkeys(aid for aid, _t in only))
            views = [A.view_one(st, g.scn, g.scn.get("action", aid)) for aid in ids]
            views = [v for v in views if v.open and v.affordable]
            if not views:  # none of the phase's best moves is left: the phase is done
                return {"t": "end", "side": side}
        if only is None:
            views = [v for v in g.actions(side) if v.open and v.affordable]
        if not views:
            return {"t": "end", "side": side}
        mind = Mind(self, g, side, *self._since(g, side))
        self._last = (id(st), st.seed, st.turn, side, len(st.decisions), mind)
        order, ranked = self._act(mind, views, only)
        if only is None and level.replan_top and order.get("t") == "act":
            order["plan"] = [[aid, t] for aid, t in ranked[: level.replan_top]]
        return order

    def _since(self, g: Game, side: str):
        """(the last Mind, the people touched since) when the only order since it was our own
        action; else (None, None)."""
        st = g.state
        last = self._last
        if last is None or last[:4] != (id(st), st.seed, st.turn, side) or len(st.decisions) != last[4] + 1:
            return None, None
        d = st.decisions[-1]
        if d.get("t") != "act" or d.get("side") != side:
            return None, None
        a = g.scn.get("action", d.get("action", ""))
        if a is None:
            return None, None
        who = touched(st, list(a.success) + list(a.failure), d.get("target"))
        return (last[5], who) if who is not None else (None, None)

    # ------------------------------------------------------------------ actions in the phase
    def _shortlist(self, mind: Mind, a, targets: list[str]) -> list[str]:
        """The targets worth weighing: committee members nearest the line (by this side's own
        estimate) first; patrons and factions all."""
        view = mind.view.members
        state_people = mind.state.people
        people = [t for t in targets if t in state_people]
        others = [t for t in targets if t not in state_people]
        aim = RULE.band + 2 if mind.side == "kim" else -RULE.band - 2
        # Each member's closeness is the same for every action this decision weighs: kept on the mind.
        near = mind.closeness
        for pid in people:
            if pid not in near:
                m = view.get(pid)
                near[pid] = (999.0, pid) if m is None else (abs(m.lean - aim) - state_people[pid].reputation / 20, pid)
        # The keys are unique (they end in the id): the nearest few are the sorted list's first few.
        return heapq.nsmallest(mind.level.width, people, key=near.__getitem__) + others[: max(3, mind.level.width)]

    def _act(self, mind: Mind, views, only: set | None = None) -> tuple[dict, list]:
        side, w = mind.side, mind.w
        best: tuple[float, dict, list, float] | None = None
        ranked: list[tuple[float, tuple]] = []
        for view in views:
            a = view.action
            targets = self._shortlist(mind, a, view.targets) if a.target != "none" else [None]
            for t in targets:
                if only is not None and (a.id, t) not in only:
                    continue
                gain = 0.0
                tried = []  # (odds, parts on success, on failure) per world: the reason, if it is chosen
                for k in range(len(mind.worlds)):
                    p = mind.chance(a, t, k)
                    vs, ps = mind._tried(k, a.success, t) if p > 0 else (0.0, None)
                    vf, pf = mind._tried(k, a.failure, t) if p < 1 else (0.0, None)
                    gain += p * vs + (1 - p) * vf - mind.base[k]
                    tried.append((p, ps, pf))
                n = len(mind.worlds)
                gain = gain / n + a.ai_weight * w.action_prior
                score = gain - a.cost * w.min_gain_per_point + _tiebreak(mind.state, f"{a.id}:{t}")
                ranked.append((score, (a.id, t)))
                if best is None or score > best[0]:
                    best = (score, {"t": "act", "side": side, "action": a.id, "target": t}, tried, p)
        ranked = [c for _s, c in sorted(ranked, key=lambda x: -x[0])]
        if best is not None and best[0] > 0:
            # The components of the chosen move's worth, summed over the worlds (only its reason
            # reads them, so they are added up for it alone).
            parts: dict[str, float] = {}
            for k, (p, ps, pf) in enumerate(best[2]):
                ds, df = mind.change(k, ps), mind.change(k, pf)
                for key in sorted(set(ds) | set(df)):  # sorted: set order varies with PYTHONHASHSEED
                    parts[key] = parts.get(key, 0.0) + p * ds.get(key, 0.0) + (1 - p) * df.get(key, 0.0)
            order = {k: v for k, v in best[1].items() if v is not None}
            order["why"] = self._why_act(mind, order, parts, best[3])
            return order, ranked
        left = A.remaining(mind.state, side)
        order = {"t": "end", "side": side}
        if left > 0:
            order["why"] = f"Kept {left} point{'s' if left != 1 else ''} back: nothing left was worth its cost."
        return order, ranked

    def _why_act(self, mind: Mind, order: dict, parts: dict, odds: float) -> str:
        a = mind.scn.get("action", order["action"])
        t = order.get("target")
        who = ""
        if t in mind.state.people:
            who = f" ({mind.state.people[t].name})"
        elif t:
            ref = mind.scn.get(a.target, t)
            who = f" ({ref.name})" if ref is not None and hasattr(ref, "name") else f" ({t})"
        # The reason is the part that gains most, never the largest cost: drafting the critique
        # (exposure +2) read "to keep the plot from being found" because its biggest part was
        # the risk it added.
        gains = [kv for kv in parts.items() if kv[1] > 0]
        lead = max(gains, key=lambda kv: kv[1])[0] if gains else ""
        if mind.side == "kim" and lead == "found" and mind.quiet_in:
            because = f"the critics went quiet in {mind.quiet_in}"
            verb = "kept ordering" if mind.state.actions_this_turn.get(a.id) or _done_before(mind, a.id) else "ordered"
            return f"{verb.capitalize()} {a.name.lower()}{who}: {because}."
        # Each reason as a phrase that follows the move's name ("Investigate the critics' circle:
        # to find the plot before the plenum"), read by a player after the game.
        reasons = {
            # A level that does not look ahead to the plenum's date counts it as one turn away,
            # and with no plenum on the calendar every level assumes one: the reason names the
            # turns only when they are a date ("(1 turn away)" in April; "(6 turns away)" in
            # November, after the last plenum).
            "vote": f"for the plenum count ({mind.turns} turn{'s' if mind.turns != 1 else ''} away)"
            if mind.level.horizon and mind.plenum_dated
            else "for the plenum count",
            "counter": "for a majority of our own for the counter-attack",
            "found": "to find the plot before the plenum"
            if mind.side == "kim"
            else "to keep the plot from being found",
            "circle": "to keep the circle out of the cells",
            "patrons": "for the patrons' favour",
            "intel": "for sharper intelligence",
            "budget": "for more to spend next turn",
            "ending": "because it decides the game",
            "flags": "because it opens the way to what comes next",
            "opens": "because it opens the way to what comes next",
            "margin": "for the plenum count",
            "strike": "to time the plenum: sooner while the count is ours, later while it is not"
            if mind.side == "kim"
            else "to strike while Kim is abroad, before the plot is found",
        }
        return f"{a.name}{who}: {reasons.get(lead, 'for its overall worth')}; odds {round(odds * 100)}%."

    # ------------------------------------------------------------------ decision points
    def _choose(self, mind: Mind, pend) -> dict:
        opts = mind.g.options(pend)
        scored = []
        for o in opts:
            v = 0.0
            for k in range(len(mind.worlds)):
                value, delta = mind.outcome(k, o.effects, None)
                if not _plenum_ahead(mind.worlds[k]):
                    # No plenum is left to sit: the count and the hunt for the plot are worth
                    # nothing now (as after a session, below). Counting them made the AI Kim
                    # arrest the rehabilitated critics in November in every game, defying both
                    # patrons for votes no plenum would take.
                    value -= sum(delta.get(key, 0.0) for key in _PLENUM_PARTS)
                v += value
            v = v / len(mind.worlds) + o.ai_weight * mind.w.option_prior + _tiebreak(mind.state, o.id)
            scored.append((v, o.id, o))
        best = max(scored, key=lambda t: t[0]) if scored else (0.0, opts[0].id, opts[0])
        order = {"t": "choose", "side": mind.side, "event": pend.event, "option": best[1]}
        if len(scored) > 1:
            rest = sorted(scored, key=lambda t: -t[0])[1]
            order["why"] = f"Chose “{_short(best[2].text)}” over “{_short(rest[2].text)}”."
        return order

    # ------------------------------------------------------------------ plenum tactics
    def _tactic(self, mind: Mind, pend) -> dict:
        plenum_id = pend.event.split(":", 1)[1]
        opts = mind.g.options(pend)
        if (
            mind.level.sessions < 1
            and _tiebreak(mind.state, f"session:{mind.side}:{plenum_id}") >= 0.01 * mind.level.sessions
        ):
            # No play-out: the tactic that moves the hall most toward this side.
            best = max(opts, key=lambda t: (t.mood * mind.sign, _tiebreak(mind.state, t.id)))
            return {
                "t": "tactic",
                "side": mind.side,
                "plenum": plenum_id,
                "tactic": best.id,
                "why": f"{_short(best.name)}: it moves the hall most our way.",
            }
        scored = []
        for t in opts:
            v, detail = self._session(mind, plenum_id, t.id)
            scored.append((v + _tiebreak(mind.state, t.id), t.id, t, detail))
        best = max(scored, key=lambda x: x[0])
        order = {"t": "tactic", "side": mind.side, "plenum": plenum_id, "tactic": best[1]}
        notes = []
        for _v, _tid, t, detail in sorted(scored, key=lambda x: -x[0])[1:]:
            if detail:
                notes.append(f"“{_short(t.name)}” would end in {detail}")
        f = mind.frames[0]
        count = f"we expect {round(f.e_kim if mind.side == 'kim' else f.e_opp)} of {f.majority} votes needed"
        order["why"] = f"{_short(best[2].name)}: {count}" + (f"; {notes[0]}." if notes else ".")
        return order

    def _session(self, mind: Mind, plenum_id: str, tactic: str) -> tuple[float, str]:
        """Value of the session over the other side's possible tactics (their mean, and the one
        that hurts most, by `wary`) and a few plays of chance, on copies of each world. Its
        actual choice, even if made, is never looked at."""
        side, other = mind.side, OTHER[mind.side]
        key = f"plenum:{plenum_id}"
        pdef = mind.scn.get("plenum", plenum_id)
        n = 0
        by_other: dict[str | None, list[float]] = {}
        endings: dict[str, int] = {}
        for k, d in enumerate(mind.worlds):
            from game.engine.plenum import tactics_for

            others: list[str | None] = [t.id for t in tactics_for(mind.scn, d, pdef, other)] or [None]
            for o in others:
                for s in range(mind.level.session_samples):
                    c = _play_copy(d)
                    c.rng = B.engine_rng(mind.state, side, k, salt=1000 + s)
                    c.plenums[plenum_id].tactics.pop(other, None)
                    c.pending = [p for p in c.pending if p.event != key]
                    c.pending.append(Pending(key, side))
                    if o is not None:
                        c.pending.append(Pending(key, other))
                    cg = Game(mind.scn, c, shown=False)  # only its value is read, never a view or a record
                    try:
                        cg.submit({"t": "tactic", "side": side, "plenum": plenum_id, "tactic": tactic})
                        if o is not None and any(p.event == key for p in c.pending):
                            cg.submit({"t": "tactic", "side": other, "plenum": plenum_id, "tactic": o})
                    except Refused:
                        return -1e9, ""
                    v, eid = self._after_session(mind, c)
                    if eid:
                        endings[eid] = endings.get(eid, 0) + 1
                    by_other.setdefault(o, []).append(v)
                    n += 1
        detail = ""
        if endings:
            eid, cnt = max(endings.items(), key=lambda kv: kv[1])
            e = mind.scn.get("ending", eid)
            if e is not None and e.victor in OTHER and e.victor != side and cnt * 2 >= n:
                detail = f"“{e.title}”, a loss"
        if not by_other:
            return 0.0, detail
        # The other side will choose too: weigh its best answer as well as the average one.
        means = [sum(v) / len(v) for v in by_other.values()]
        wary = mind.w.wary
        return (1 - wary) * sum(means) / len(means) + wary * min(means), detail

    def _after_session(self, mind: Mind, c: GameState) -> tuple[float, str]:
        w, side = mind.w, mind.side
        eid = c.ending
        if eid is None and mind.level.end_endings:
            eid = E.check(c, mind.scn, at_end=True)
            if eid == "__none__":
                eid = None
            weight = w.likely_ending
        else:
            weight = w.ending
        if c.ending:  # the session ended the game: that is all there is to weigh
            return mind.value(c, mind.frame(c)), eid or ""
        parts = mind.parts(c, mind.frame(c))
        if not _plenum_ahead(c):
            # No plenum is left to sit: the count and the hunt for the plot are worth nothing now,
            # only the endings and what the patrons think. (Weighing a count for a plenum that
            # would never come made the AI Kim stonewall the September envoys in over half of
            # the games he had won, and the patrons then settled a third of them.)
            for key in _PLENUM_PARTS:
                parts.pop(key, None)
        v = sum(parts.values())
        if eid:
            e = mind.scn.get("ending", eid)
            victor = e.victor if e else "none"
            v += weight if victor == side else (-weight if victor in OTHER else 0.0)
        return v, eid or ""


_PLENUM_PARTS = ("vote", "margin", "counter", "found", "strike")
# The state's fields Mind.p_found reads (effect_kinds.changes names): the plot's flag, the
# exposure and Kim's intelligence.
_FOUND_READS = frozenset({"flags", "exposure", "intel"})


def _plenum_ahead(st: GameState) -> bool:
    """Whether any plenum may still sit (held and cancelled ones cannot)."""
    return any(pl.status not in ("held", "cancelled") for pl in st.plenums.values())


def _phase_plan(st: GameState, side: str) -> list | None:
    """The ranking this side wrote into its first order of the current phase, if it wrote one:
    read back through the log to the side's last 'end' (the close of its previous phase)."""
    plan = None
    for d in reversed(st.decisions):
        if d.get("side") != side:
            continue
        if d.get("t") == "end":
            break
        if "plan" in d:
            plan = d["plan"]
    return plan


def _done_before(mind: Mind, action_id: str) -> bool:
    return any(d.get("action") == action_id and d.get("side") == mind.side for d in mind.state.decisions[-40:])


def _short(text: str, n: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _tiebreak(st: GameState, key: str) -> float:
    import hashlib

    h = hashlib.blake2b(f"{st.seed}:{st.turn}:{key}".encode(), digest_size=4).digest()
    return int.from_bytes(h, "big") / 2**32 * 0.01
