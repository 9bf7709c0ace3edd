"""The 'history' player: every historical option, and the moves each side really made."""

from __future__ import annotations

from collections import Counter

from game.engine import actions as A
from game.engine.actions import Refused
from game.engine.game import Game


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
        done = Counter(
            (d.get("action"), d.get("target")) for d in st.decisions if d.get("t") == "act" and d.get("side") == side
        )
        owed: Counter = Counter()
        first = g.scn.start(st.start).date
        for step in g.scn.history:
            if step.side != side or step.date > st.date or step.date < first:
                continue
            key = (step.action, step.target)
            owed[key] += 1
            if owed[key] <= done[key]:
                continue
            try:
                # The same test the order itself meets; nothing after it can refuse.
                A.check(st, g.scn, side, step.action, step.target)
            except Refused:
                continue  # refused now (e.g. no points left); skipped this time
            order = {"t": "act", "side": side, "action": step.action}
            if step.target:
                order["target"] = step.target
            return order
        return {"t": "end", "side": side}
