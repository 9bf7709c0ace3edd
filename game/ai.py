"""Computer players. They see the same Game API a human does and send the same orders.

A policy never draws from the game's RNG: it must be a pure function of the state, or a
replay of its recorded orders would diverge. Where it needs to weigh an uncertain outcome it
plays the choice out on a throwaway copy of the state (whose RNG copy is discarded).

Difficulty: 'easy' looks at fewer options and ignores the opponent's hidden preparations;
'normal' weighs every option against the vote projection; 'hard' also plans the plenum
tactics by simulating the session.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from game.engine import actions as A
from game.engine.actions import Refused
from game.engine.effects import apply_effects
from game.engine.game import Game
from game.engine.plenum import leans, present_members
from game.engine.rng import Rng
from game.engine.state import GameState
from game.engine.vote_rule import RULE

Policy = Callable[[Game, str], dict]


def _clone(g: Game, only: set[str] | None = None) -> Game:
    """A what-if copy with its own random stream, so looking ahead never reveals how the real
    game's next rolls will fall."""
    c = Game(g.scn, g.state.clone(only=only))
    c.state.rng = Rng(g.state.seed * 1_000_003 + len(g.state.decisions) * 7919 + g.state.turn)
    return c


def value(g: Game, side: str) -> float:
    """How good the state looks for `side`: the projected plenum margin above all."""
    st = g.state
    if st.ending:
        e = g.scn.get("ending", st.ending)
        victor = e.victor if e else "none"
        return 1000.0 if victor == side else (-1000.0 if victor in ("kim", "opposition") else 0.0)
    sign = 1.0 if side == "kim" else -1.0
    margin = 0.0
    soft = 0.0
    for lean in leans(st, g.scn, present_members(st)).values():
        if lean >= RULE.band:
            margin += 1
        elif lean <= -RULE.band:
            margin -= 1
        if -15 < lean < 15:
            # Moving the undecided toward the line pays off later, even before they cross it.
            soft += lean
    score = sign * (margin * 10.0 + soft * 0.3)
    for pat in st.patrons.values():
        score += sign * (pat.favour_kim - pat.favour_opposition) * 0.3
    if side == "opposition":
        score -= st.exposure * 0.8
        score -= sum(1 for p in st.people.values() if p.plotter and p.status not in ("active", "demoted")) * 8
    else:
        score += 25 if st.has_flag("plot_discovered") else 0
    return score


def _tiebreak(st: GameState, key: str) -> float:
    h = hashlib.blake2b(f"{st.seed}:{st.turn}:{key}".encode(), digest_size=4).digest()
    return int.from_bytes(h, "big") / 2**32 * 0.01


def _try(g: Game, order: dict, side: str) -> float | None:
    c = _clone(g)
    try:
        c.submit(order)
    except Refused:
        return None
    return value(c, side)


def _touched(g: Game, effects, target: str | None) -> set[str] | None:
    """The people a list of effects may change, or None if it could be anyone. Lets the
    look-ahead copy a handful of people instead of the whole committee."""
    st = g.state
    out: set[str] = set()
    for fx in effects:
        k, v = fx.kind, fx.value
        if k == "person":
            if v.status in ("arrested", "executed", "expelled", "fled", "dead", "abroad"):
                return None  # a purge frightens the whole committee
            out.add(target if v.person == "target" else v.person)
        elif k == "pledge":
            if v.person:
                out.add(target if v.person == "target" else v.person)
            else:
                out.update(pid for pid, p in st.people.items() if p.faction == v.faction)
        elif k in ("group", "congress", "event", "end", "plenum") or (k == "faction" and v.absorb_into):
            return None
        elif k == "chance":
            a, b = _touched(g, v.then, target), _touched(g, v.otherwise, target)
            if a is None or b is None:
                return None
            out |= a | b
    return out


def _expected(g: Game, side: str, view, target: str | None) -> float:
    """Expected value of an action: both outcomes played out on copies, weighted by the odds."""
    a = view.action
    odds = A.chance(g.state, g.scn, a, target) / 100
    total = a.ai_weight * 0.2
    for p, effects in ((odds, a.success), (1 - odds, a.failure)):
        if p <= 0:
            continue
        c = _clone(g, _touched(g, effects, target))
        c.state.spent[side] = c.state.spent.get(side, 0) + a.cost
        apply_effects(c.state, g.scn, effects, target=target)
        total += p * value(c, side)
    return total


def _shortlist(g: Game, side: str, targets: list[str], limit: int) -> list[str]:
    """The targets worth weighing: committee members nearest the line first."""
    st = g.state
    people = [t for t in targets if t in st.people]
    others = [t for t in targets if t not in st.people]
    today = leans(st, g.scn, [t for t in people if st.people[t].cc != "none"])
    aim = 8 if side == "kim" else -8

    def closeness(pid: str) -> tuple:
        if pid not in today:
            return (999.0, pid)
        # Prefer members on our side of zero but not yet safe, then the undecided.
        return (abs(today[pid] - aim) - st.people[pid].reputation / 20, pid)

    return sorted(people, key=closeness)[:limit] + others[:limit]


class AIPlayer:
    def __init__(self, difficulty: str = "normal"):
        self.difficulty = difficulty
        self.width = {"easy": 2, "normal": 3, "hard": 5}.get(difficulty, 3)

    def __call__(self, g: Game, side: str) -> dict:
        return self.decide(g, side)

    def decide(self, g: Game, side: str) -> dict:
        st = g.state
        pend = [p for p in st.pending if p.side == side]
        if pend:
            return self._answer(g, side, pend[0])
        base = value(g, side)
        best: tuple[float, dict] | None = None
        for view in g.actions(side):
            if not (view.open and view.affordable):
                continue
            a = view.action
            targets = _shortlist(g, side, view.targets, self.width) if a.target != "none" else [None]
            for t in targets:
                v = _expected(g, side, view, t) + _tiebreak(st, f"{a.id}:{t}")
                # Spend points only on moves that help more than their cost in kind.
                gain = v - base - a.cost * 2.0
                if best is None or gain > best[0]:
                    best = (gain, {"t": "act", "side": side, "action": a.id, "target": t})
        if best is not None and best[0] > 0:
            return {k: v for k, v in best[1].items() if v is not None}
        return {"t": "end", "side": side}

    def _answer(self, g: Game, side: str, pend) -> dict:
        opts = g.options(pend)
        if pend.event.startswith("plenum:"):
            plenum_id = pend.event.split(":", 1)[1]
            scored = []
            for t in opts:
                v = self._play_session(g, side, plenum_id, t.id) if self.difficulty != "easy" else 0.0
                scored.append((v + _tiebreak(g.state, t.id), t.id))
            best = max(scored)[1] if scored else opts[0].id
            return {"t": "tactic", "side": side, "plenum": plenum_id, "tactic": best}
        scored = []
        for o in opts:
            v = _try(g, {"t": "choose", "side": side, "event": pend.event, "option": o.id}, side)
            if v is None:
                continue
            scored.append((v + o.ai_weight * 2 + _tiebreak(g.state, o.id), o.id))
        choice = max(scored)[1] if scored else opts[0].id
        return {"t": "choose", "side": side, "event": pend.event, "option": choice}

    # What a motion's passing is worth to its proposer, by kind: the stakes of the session.
    STAKES = {"remove_leader": 150, "criticise_leader": 70, "expel_critics": 90, "rehabilitate": 50, "other": 5}

    def _play_session(self, g: Game, side: str, plenum_id: str, tactic: str) -> float:
        """Average outcome of the session on copies: over every tactic the other side might
        pick (its actual choice, even if made, is not looked at) and a few draws of chance."""
        from game.engine.state import Pending

        other_side = "opposition" if side == "kim" else "kim"
        key = f"plenum:{plenum_id}"
        pdef = g.scn.get("plenum", plenum_id)
        probe = _clone(g)
        probe.state.plenums[plenum_id].tactics.pop(other_side, None)
        if not any(p.event == key and p.side == other_side for p in probe.state.pending):
            probe.state.pending.append(Pending(key, other_side))
        others = [t.id for t in probe.options(Pending(key, other_side))] or [None]
        samples = 2 if self.difficulty == "normal" else 3
        total, n = 0.0, 0
        for other in others:
            for k in range(samples):
                c = Game(g.scn, probe.state.clone())
                c.state.rng = Rng(g.state.seed * 7919 + k * 104729 + len(g.state.decisions))
                try:
                    c.submit({"t": "tactic", "side": side, "plenum": plenum_id, "tactic": tactic})
                    if other and any(p.event == key for p in c.state.pending):
                        c.submit({"t": "tactic", "side": other_side, "plenum": plenum_id, "tactic": other})
                except Refused:
                    return -1e9
                v = value(c, side)
                record = c.state.plenums[plenum_id].record
                if record:
                    passed = set(record["passed"])
                    for m in pdef.motions:
                        if m.id in passed:
                            stake = self.STAKES.get(m.kind, 5)
                            v += stake if m.proposer == side else -stake
                total += v
                n += 1
        return total / max(1, n)


class HistoryPlayer:
    """Takes every historical option and the scenario's recorded historical moves."""

    def __call__(self, g: Game, side: str) -> dict:
        st = g.state
        pend = [p for p in st.pending if p.side == side]
        if pend:
            p = pend[0]
            opts = g.options(p)
            if p.event.startswith("plenum:"):
                pid = p.event.split(":", 1)[1]
                pick = next((t for t in opts if t.historical), opts[0])
                return {"t": "tactic", "side": side, "plenum": pid, "tactic": pick.id}
            pick = next((o for o in opts if o.historical), opts[0])
            return {"t": "choose", "side": side, "event": p.event, "option": pick.id}
        # A step is due once its date has come; it is owed as many times as history lists it
        # up to today, minus what this side has already done (a refused step is dropped).
        from collections import Counter

        done = Counter(
            (d.get("action"), d.get("target")) for d in st.decisions if d.get("t") == "act" and d.get("side") == side
        )
        owed: Counter = Counter()
        for step in g.scn.history:
            if step.side != side or step.date > st.date or step.date < g.scn.start(st.start).date:
                continue
            key = (step.action, step.target)
            owed[key] += 1
            if owed[key] <= done[key]:
                continue
            order = {"t": "act", "side": side, "action": step.action}
            if step.target:
                order["target"] = step.target
            if _try(g, order, side) is None:
                continue  # refused now (e.g. no points left); skipped this time
            return order
        return {"t": "end", "side": side}


def make(kind: str, difficulty: str = "normal") -> Policy:
    if kind == "history":
        return HistoryPlayer()
    return AIPlayer(difficulty)
