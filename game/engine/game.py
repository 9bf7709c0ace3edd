"""The game as the UI, the AI and the command line see it: orders in, state out.

Every order is a small JSON-able dict, recorded in ``state.decisions`` when accepted; a seed
plus that list replays a game exactly. Orders:

    {"t": "choose", "side": s, "event": id, "option": id}     answer a decision point
    {"t": "act",    "side": s, "action": id, "target": id?}   take an action in your phase
    {"t": "end",    "side": s}                                end your phase of the turn
    {"t": "tactic", "side": s, "plenum": id, "tactic": id}    choose how to play a plenum

A turn runs: decision points fire; Kim's phase; the opposition's phase; then the world moves
(drift, discovery, estimates), the calendar advances, any plenum that falls due sits, and the
endings are checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine import actions as A
from game.engine import endings as E
from game.engine import events as EV
from game.engine import plenum as P
from game.engine import world as W
from game.engine.actions import Refused
from game.engine.basics import COUNTRY_FIELDS, PATRON_FIELDS, date_add
from game.engine.content import PlenumDef, Scenario
from game.engine.effects import add_cadres, apply_effects
from game.engine.replay_start import mark_held
from game.engine.rng import Rng
from game.engine.state import (
    CountryState,
    FactionState,
    GameState,
    LogEntry,
    PatronState,
    Pending,
    PersonState,
    PlenumState,
)

SIDES = ("kim", "opposition")


@dataclass
class Outcome:
    ok: bool
    text: str = ""


def new_state(scn: Scenario, start: str | None = None, seed: int = 0) -> GameState:
    meta = scn.scenario
    sp = scn.start(start)
    rng = Rng(seed)
    people: dict[str, PersonState] = {}
    for p in scn.people:
        people[p.id] = PersonState(
            name=p.name,
            faction=p.faction or "",
            status=p.status,
            offices=list(p.offices),
            cc=p.cc,
            loyalty=p.loyalty,
            ambition=p.ambition,
            reputation=p.reputation,
            fear=p.fear,
            plotter=p.plotter,
            patron=p.patron or "",
        )
    state = GameState(
        scenario=meta.id,
        start=sp.id,
        seed=seed,
        date=sp.date,
        end_date=meta.calendar.end,
        turn=1,
        rng=rng,
        factions={f.id: FactionState(f.influence, f.cohesion, dict(f.standing)) for f in scn.factions},
        people=people,
        patrons={p.id: PatronState(**{f: getattr(p, f) for f in PATRON_FIELDS}) for p in scn.patrons},
        country=CountryState(**{f: getattr(meta.country, f) for f in COUNTRY_FIELDS}),
        rift=meta.rift,
        exposure=meta.exposure,
        intel={side: n for side, n in meta.intel.items()},
        budget={"kim": meta.budget.kim, "opposition": meta.budget.opposition},
        spent={},
    )
    # Unnamed seats: generated cadres, labelled as such everywhere they appear.
    add_cadres(state, scn, meta.committee.generated)
    state.intel.setdefault("kim", 40)
    state.intel.setdefault("opposition", 30)
    for pl in scn.plenums:
        state.plenums[pl.id] = PlenumState(pl.date, "scheduled" if pl.scheduled else "unscheduled")
        # A start point past a plenum's date treats it as not called (the scenario's effects
        # at that start point decide what already happened).
    for eid in sp.skip_events:
        state.fired[eid] = ""
    mark_held(state, sp)  # plenums that sat before this start point
    state.codex = [c.id for c in scn.codex if not c.locked]
    apply_effects(state, scn, sp.effects)
    state.add_log(f"{meta.title}: {sp.title}.", "info")
    g = Game(scn, state)
    g._begin_turn()
    return state


# The fields of an order that name something (an id, a side, a kind); see Game.submit.
_ORDER_NAMES = ("t", "side", "event", "option", "action", "target", "plenum", "tactic", "why")


class Game:
    def __init__(self, scn: Scenario, state: GameState, *, shown: bool = True):
        self.scn = scn
        self.state = state
        # False for a look-ahead play no one is shown and no side's view is read from (the AI's
        # play-out of a session): the estimates' draws are made as always but not their counts
        # (world.estimates), and a vote's record keeps its tally but not every member's vote
        # (plenum.vote). Nothing the rules read is left out.
        self.shown = shown

    @classmethod
    def new(cls, scn: Scenario, start: str | None = None, seed: int = 0) -> Game:
        return cls(scn, new_state(scn, start, seed))

    @classmethod
    def replay(cls, scn: Scenario, start: str | None, seed: int, decisions: list[dict[str, Any]]) -> Game:
        g = cls.new(scn, start, seed)
        for i, d in enumerate(decisions):
            try:
                g.submit(d)
            except Refused as exc:
                raise Refused(f"replay diverged at decision {i + 1} ({d}): {exc}") from None
        return g

    # ------------------------------------------------------------------ queries
    @property
    def over(self) -> bool:
        return self.state.ending is not None

    def to_move(self) -> str | None:
        """The side the game waits on now, or None if it is over."""
        st = self.state
        if st.ending:
            return None
        if st.pending:
            # Decisions for the side whose phase it is come first; then the other side's.
            for p in st.pending:
                if p.side == st.phase:
                    return p.side
            return st.pending[0].side
        return st.phase if st.phase in SIDES else None

    def actions(self, side: str) -> list[A.ActionView]:
        return A.view(self.state, self.scn, side)

    def preview(self, side: str, action_id: str, target: str | None) -> A.Preview:
        a = self.scn.get("action", action_id)
        if a is None or a.side != side:
            raise Refused("No such action.")
        return A.preview(self.state, self.scn, a, target)

    def options(self, pending: Pending) -> list[Any]:
        """What a waiting side may answer: the plenum's tactics (TacticDef) or the event's options (OptionDef)."""
        if pending.event.startswith("plenum:"):
            pdef = self.scn.get("plenum", pending.event.split(":", 1)[1])
            return P.tactics_for(self.scn, self.state, pdef, pending.side)
        return EV.options_for(self.state, self.scn, self.scn.get("event", pending.event), pending.side)

    def remaining(self, side: str) -> int:
        return A.remaining(self.state, side)

    # ------------------------------------------------------------------ orders
    def submit(self, order: dict[str, Any]) -> Outcome:
        st = self.state
        asked_on = st.date  # a computer player's reason is dated when it gave the order
        if st.ending:
            raise Refused("The game is over.")
        # An order may come from a file (a replay, a save's decisions): every field it names is
        # an id, so anything else is refused here, not met as a crash deep in the rules.
        for key in _ORDER_NAMES:
            v = order.get(key)
            if v is not None and not isinstance(v, str):
                raise Refused(f"An order's '{key}' must be a name, not {type(v).__name__} {v!r:.40}.")
        kind = order.get("t")
        side = order.get("side")
        if side not in SIDES:
            raise Refused("Unknown side.")
        if kind == "choose":
            opt = EV.choose(st, self.scn, side, order.get("event", ""), order.get("option", ""))
            out = Outcome(True, opt.text)
        elif kind == "act":
            ok, text = A.perform(st, self.scn, side, order.get("action", ""), order.get("target"))
            out = Outcome(ok, text)
        elif kind == "tactic":
            out = self._tactic(side, order.get("plenum", ""), order.get("tactic", ""))
        elif kind == "end":
            if st.phase != side:
                raise Refused("It is not your phase of the turn.")
            if any(p.side == side for p in st.pending):
                raise Refused("Answer the waiting dispatch first.")
            out = Outcome(True, "")
        else:
            raise Refused(f"Unknown order {kind!r}.")
        st.decisions.append({k: v for k, v in order.items() if v is not None})
        why = order.get("why")
        if isinstance(why, str) and why:
            # A computer player's reason for its move: in its own side's log only, and kept.
            # (A tactic may end the game and move the date to the calendar's end: its reason
            # was dated 31 December for a plenum held in August.)
            st.log.append(LogEntry(asked_on, why[:240], "reason", side))
        if kind == "end":
            self._end_phase(side)
        elif st.ending is None:
            self._check_endings(at_end=False)
            W.estimates(st, self.scn, redraw=False, counts=self.shown)
        return out

    def _tactic(self, side: str, plenum_id: str, tactic_id: str) -> Outcome:
        st = self.state
        key = f"plenum:{plenum_id}"
        pend = next((p for p in st.pending if p.event == key and p.side == side), None)
        if pend is None:
            raise Refused("No plenum is waiting for your tactic.")
        pdef = self.scn.get("plenum", plenum_id)
        tac = next((t for t in P.tactics_for(self.scn, st, pdef, side) if t.id == tactic_id), None)
        if tac is None:
            raise Refused("That tactic is not open to you.")
        st.pending.remove(pend)
        st.plenums[plenum_id].tactics[side] = tactic_id
        st.log.append(
            LogEntry(
                st.plenums[plenum_id].date,
                f"{'Kim' if side == 'kim' else 'The opposition'} resolves: {tac.name}.",
                "plenum",
                side,
            )
        )
        if not any(p.event == key for p in st.pending):
            self._sit(pdef)
        return Outcome(True, tac.name)

    # ------------------------------------------------------------------ the turn machine
    def _begin_turn(self) -> None:
        st = self.state
        st.spent = {}
        st.actions_this_turn = {}
        for s in SIDES:
            st.budget[s] = self.scn.scenario.budget.kim if s == "kim" else self.scn.scenario.budget.opposition
            st.budget[s] = max(0, st.budget[s] + st.budget_bonus.pop(s, 0))
        st.phase = "kim"
        settled = E.settled(st, self.scn)
        if settled:
            # The year's question is answered and nothing left in it can change the verdict:
            # say so and go to the end date instead of playing empty turns.
            e = self.scn.get("ending", settled)
            st.add_log(f"The question of the year is settled ({e.title}); the calendar moves to its end.", "info")
            st.date = st.end_date
            self._check_endings(at_end=True)
            if not st.ending:
                st.ending = "__none__"
            st.phase = "over"
            return
        W.estimates(st, self.scn, counts=self.shown)
        EV.fire_due(st, self.scn)
        self._check_endings(at_end=False)

    def _end_phase(self, side: str) -> None:
        st = self.state
        if side == "kim":
            st.phase = "opposition"
            EV.fire_due(st, self.scn)  # the opposition's moves may answer what Kim just did
            self._check_endings(at_end=False)
            return
        W.drift(st, self.scn)
        W.discovery(st, self.scn)
        W.snapshot(st)
        # The calendar moves on, but a plenum falling due on the way sits on its own date:
        # the players choose their tactics on 30 August, not on the next turn's date.
        st.advance_to = date_add(st.date, self.scn.scenario.calendar.turn_days)
        st.turn += 1
        self._open_due_plenums()
        if st.phase != "plenum":
            self._after_plenums()

    def _open_due_plenums(self) -> None:
        st = self.state
        for pdef in self.scn.plenums:
            pl = st.plenums[pdef.id]
            if pl.status == "scheduled" and pl.date <= (st.advance_to or st.date):
                st.date = max(st.date, pl.date)
                P.open_session(st, self.scn, pdef)
                st.phase = "plenum"
                tactic_sides = [s for s in SIDES if P.tactics_for(self.scn, st, pdef, s)]
                for s in tactic_sides:
                    st.pending.append(Pending(f"plenum:{pdef.id}", s))
                if not tactic_sides:
                    self._sit(pdef)
                return

    def _sit(self, pdef: PlenumDef) -> None:
        st = self.state
        P.resolve(st, self.scn, pdef, shown=self.shown)
        # Another plenum may fall due in the same stretch of days.
        st.phase = "between"
        self._open_due_plenums()
        if st.phase != "plenum":
            self._after_plenums()

    def _after_plenums(self) -> None:
        st = self.state
        if st.advance_to:
            st.date, st.advance_to = st.advance_to, None
        if st.ending:
            st.phase = "over"
            return
        if st.date > st.end_date:
            st.date = st.end_date
            self._check_endings(at_end=True)
            if not st.ending:
                st.ending = "__none__"
            st.phase = "over"
            return
        self._begin_turn()

    def _check_endings(self, *, at_end: bool) -> None:
        st = self.state
        if st.ending is None:
            st.ending = E.check(st, self.scn, at_end=at_end)
        if st.ending:
            st.phase = "over"
            st.pending = []
            e = self.scn.get("ending", st.ending)
            if e:
                st.add_log(f"The end: {e.title}.", "ending")
