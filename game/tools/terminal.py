"""Playing from the terminal: numbered choices, for `plenum simulate --kim human`."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable
from typing import TextIO

from game.engine.effects import describe
from game.engine.game import Game
from game.engine.plenum import explain

SIDE_NAME = {"kim": "Kim Il Sung", "opposition": "the Opposition"}


class Quit(Exception):
    pass


class TerminalPlayer:
    """Asks a person at the terminal for each order. `save` is called with a path on 's'."""

    def __init__(self, inp: TextIO = sys.stdin, out: TextIO = sys.stdout, save: Callable[[Game], str] | None = None):
        self.inp = inp
        self.out = out
        self.save = save
        self._last_log = 0
        self._header_turn: tuple | None = None

    # ------------------------------------------------------------------ output
    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def wrap(self, text: str, indent: str = "  ") -> None:
        for para in text.strip().split("\n"):
            self.say(textwrap.fill(para, 88, initial_indent=indent, subsequent_indent=indent))

    def ask(self, prompt: str, n: int, extra: str = "") -> int | str:
        while True:
            self.out.write(f"{prompt} [1-{n}{extra}]: ")
            self.out.flush()
            line = self.inp.readline()
            if not line:
                raise Quit()
            line = line.strip().lower()
            if line in ("q", "quit"):
                raise Quit()
            if line in ("s", "save") and self.save:
                return "s"
            if line in ("l", "log"):
                return "l"
            if line in ("i", "info"):
                return "i"
            if line.isdigit() and 1 <= int(line) <= n:
                return int(line) - 1
            self.say(
                f"  Type a number from 1 to {n}"
                + (", s to save, l for the log, i for the committee, q to quit." if extra else ".")
            )

    def _new_log(self, g: Game, side: str) -> None:
        entries = g.state.log[self._last_log :]
        self._last_log = len(g.state.log)
        for e in entries:
            if e.visible_to in ("all", side):
                self.say(f"  {e.date}  {e.text}")

    def _header(self, g: Game, side: str) -> None:
        st = g.state
        key = (st.turn, side)
        if key == self._header_turn:
            return
        self._header_turn = key
        est = st.estimates.get(side, {})
        self.say("")
        self.say("=" * 88)
        self.say(
            f" {st.date}   turn {st.turn}   playing {SIDE_NAME[side]}   "
            f"action points {g.remaining(side)}/{st.budget[side]}"
        )
        infl = "  ".join(f"{g.scn.get('faction', f).short or f} {fs.influence}" for f, fs in st.factions.items())
        self.say(f" Influence: {infl}")
        pats = "  ".join(
            f"{g.scn.get('patron', p).short}: Kim {ps.favour_kim:+d} / critics {ps.favour_opposition:+d}"
            for p, ps in st.patrons.items()
        )
        self.say(f" Patrons: {pats}   rift {st.rift}")
        if est:
            k, o, s = est.get("kim", [0, 0]), est.get("opposition", [0, 0]), est.get("swing", [0, 0])
            self.say(
                f" Your estimate of the Central Committee: Kim {k[0]}±{k[1]}, critics {o[0]}±{o[1]}, "
                f"undecided {s[0]}±{s[1]}; majority is {est.get('majority', [0])[0]}"
            )
        self.say("=" * 88)

    # ------------------------------------------------------------------ decisions
    def __call__(self, g: Game, side: str) -> dict:
        while True:
            self._new_log(g, side)
            self._header(g, side)
            pend = [p for p in g.state.pending if p.side == side]
            order = self._pending(g, side, pend[0]) if pend else self._phase(g, side)
            if order is not None:
                return order

    def _pending(self, g: Game, side: str, p) -> dict | None:
        opts = g.options(p)
        if p.event.startswith("plenum:"):
            pdef = g.scn.get("plenum", p.event.split(":", 1)[1])
            self.say(f"\n*** {pdef.title} ***")
            self.wrap(pdef.agenda)
            self.say("  How will you play the session?")
            for i, t in enumerate(opts, 1):
                self.say(f"  {i}. {t.name}")
                self.wrap(t.summary, "       ")
            r = self.ask("Tactic", len(opts))
            if isinstance(r, str):
                self._meta(g, side, r)
                return None
            return {"t": "tactic", "side": side, "plenum": pdef.id, "tactic": opts[r].id}
        e = g.scn.get("event", p.event)
        self.say(f"\n--- {e.title} ---")
        self.wrap(e.text)
        for i, o in enumerate(opts, 1):
            self.say(f"  {i}. {o.text}")
            if o.detail:
                self.wrap(o.detail, "       ")
            for line in describe(g.scn, o.effects):
                self.say(f"       - {line}")
        r = self.ask("Your decision", len(opts), ", s, l, i, q")
        if isinstance(r, str):
            self._meta(g, side, r)
            return None
        return {"t": "choose", "side": side, "event": e.id, "option": opts[r].id}

    def _phase(self, g: Game, side: str) -> dict | None:
        views = [v for v in g.actions(side) if v.open]
        self.say(f"\n  Actions ({g.remaining(side)} points left):")
        for i, v in enumerate(views, 1):
            mark = "" if v.affordable else "  (too costly now)"
            odds = ""
            if v.action.target == "none":
                odds = f"  {g.preview(side, v.action.id, None).chance}%"
            self.say(f"  {i:2d}. [{v.action.cost}] {v.action.name}{odds}{mark}")
        end_i = len(views) + 1
        self.say(f"  {end_i:2d}. End your turn")
        r = self.ask("Choose", end_i, ", s, l, i, q")
        if isinstance(r, str):
            self._meta(g, side, r)
            return None
        if r == end_i - 1:
            return {"t": "end", "side": side}
        v = views[r]
        a = v.action
        self.wrap(a.summary)
        target = None
        if a.target != "none":
            # Named figures first, then the best odds among the unnamed cadres.
            chances = {t: g.preview(side, a.id, t).chance for t in v.targets}
            names = [(t, self._target_name(g, a.target, t)) for t in v.targets]
            names.sort(
                key=lambda x: (x[1].startswith("Cadre"), -chances[x[0]] if x[1].startswith("Cadre") else 0, x[1])
            )
            shown = names[:30]
            for i, (t, n) in enumerate(shown, 1):
                self.say(f"  {i:2d}. {n}  ({chances[t]}%)")
            self.say(f"  {len(shown) + 1:2d}. Back")
            r2 = self.ask("Target", len(shown) + 1)
            if isinstance(r2, str) or r2 == len(shown):
                return None
            target = shown[r2][0]
        pv = g.preview(side, a.id, target)
        self.say(f"  Chance {pv.chance}%.  On success: {'; '.join(pv.success) or 'as described'}")
        if pv.failure:
            self.say(f"  On failure: {'; '.join(pv.failure)}")
        if not v.affordable:
            self.say("  You do not have enough action points for that.")
            return None
        self.say(f"  1. Do it ({a.cost} point{'s' if a.cost != 1 else ''})   2. Back")
        if self.ask("Confirm", 2) != 0:
            return None
        order = {"t": "act", "side": side, "action": a.id}
        if target:
            order["target"] = target
        return order

    def _target_name(self, g: Game, kind: str, tid: str) -> str:
        if kind == "person":
            p = g.state.people[tid]
            if p.generated:
                return f"{p.name}, generated cadre"
            fac = g.scn.get("faction", p.faction)
            return f"{p.name} [{fac.short if fac else p.patron}]"
        obj = g.scn.get(kind, tid)
        return obj.name if obj else tid

    def _meta(self, g: Game, side: str, cmd: str) -> None:
        if cmd == "s" and self.save:
            self.say(f"  Saved to {self.save(g)}")
        elif cmd == "l":
            for e in g.state.log[-25:]:
                if e.visible_to in ("all", side):
                    self.say(f"  {e.date}  {e.text}")
        elif cmd == "i":
            for _pid, p in g.state.people.items():
                if p.generated or p.patron:
                    continue
                self.say(
                    f"  {p.name:22s} {g.scn.get('faction', p.faction).short:9s} {p.status:9s} cc:{p.cc:9s} "
                    f"{', '.join(g.scn.get('office', o).name for o in p.offices)}"
                )
        return None

    def plenum_report(self, g: Game, plenum_id: str, side: str) -> None:
        pl = g.state.plenums[plenum_id]
        if not pl.record:
            return
        pdef = g.scn.get("plenum", plenum_id)
        self.say(f"\n*** {pdef.title}, {pl.record['date']} ***")
        for stage in pl.record["stages"]:
            if stage["kind"] == "speech":
                who = g.state.people[stage["person"]].name
                if stage["outcome"] == "shouted_down":
                    self.say(
                        f'  {who} rises: "{stage["topic"]}" -- the hall shouts him down ({stage["odds"]}% chance).'
                    )
                else:
                    self.say(f'  {who} speaks: "{stage["topic"]}".')
            elif stage["kind"] == "vote":
                t = stage["tally"]
                self.say(
                    f"  VOTE: {stage['title']}: {t['for']} for, {t['against']} against, "
                    f"{t['abstain']} abstaining; {stage['needed']} needed -> "
                    f"{'CARRIED' if stage['passed'] else 'DEFEATED'}"
                )
                swing = sorted(stage["terms"], key=lambda pid: abs(sum(stage["terms"][pid])))[:2]
                for pid in swing:
                    why = ", ".join(f"{lab} {v:+d}" for lab, v in explain(stage, pid)[:4])
                    self.say(f"     e.g. {g.state.people[pid].name}: {why}")
