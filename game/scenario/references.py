"""Load-time cross-reference checks: every id a scenario names must exist.

Runs after the shapes validate. Each check knows the path of the value it looks at, which
the loader maps back to the file, line and column where the modder wrote it.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from game.engine import ai_tuning as AI
from game.engine import effects as FX
from game.engine import expr as X
from game.engine.content import STATUSES, Effect, Scenario
from game.engine.context import check_path
from game.engine.typecheck import typecheck
from game.scenario.diagnostics import Diagnostic, Mark, suggest
from game.scenario.yamlsrc import Marks, locate

# A game is played to its end date; this keeps every calendar finishable in minutes, with
# room to spare (the ten-year campaign has about 110 turns).
MAX_TURNS = 1000


class _Checker:
    def __init__(self, scn: Scenario, data: Any, marks: Marks, fallback: Mark):
        self.scn = scn
        self.data = data
        self.marks = marks
        self.fallback = fallback
        self.out: list[Diagnostic] = []
        self.flags_set: set[str] = set()
        self.flags_read: dict[str, tuple[Any, ...]] = {}
        self.vars_named: set[str] = set()  # counters any effect raises or any rule reads

    def err(
        self,
        loc: tuple[Any, ...],
        msg: str,
        hint: str = "",
        code: str = "reference",
        col_offset: int = 0,
        severity: str = "error",
    ) -> None:
        mark, _ = locate(self.data, loc, self.marks, self.fallback)
        self.out.append(Diagnostic(mark.file, mark.line, mark.col + col_offset, severity, code, msg, hint))

    def ref(self, loc: tuple[Any, ...], kind: str, value: str | None, *, allow_target: bool = False) -> None:
        if value is None:
            return
        if allow_target and value == "target":
            return
        ids = self.scn.ids(kind)
        if value not in ids:
            self.err(loc, f"unknown {kind} '{value}'", suggest(value, ids) or f"no {kind} has that id")

    # ------------------------------------------------------------------ expressions
    def expr(
        self,
        loc: tuple[Any, ...],
        src: str | None,
        *,
        target: str | None = None,
        plenum: bool = False,
        want: str = "condition",
    ) -> None:
        if src is None:
            return
        tree = X.parse(src)
        mark, _ = locate(self.data, loc, self.marks, self.fallback)
        self.scn.note_source(src, f"{mark.file}:{mark.line}")
        for fault in typecheck(src, self.scn, target=target, plenum=plenum, want=want):
            self.err(loc, f"{fault.message} (column {fault.column + 1} of the expression)", fault.hint, code="type")
        # A value written on the same line as its key starts at the mark's column; quoted
        # values are one further in. Pointing at the start of the value is good enough.
        for path, col in X.paths_in(tree):
            bad = check_path(path, self.scn, target=target, plenum=plenum)
            if bad:
                self.err(loc, bad[0] + f" (column {col + 1} of the expression)", bad[1], code="expression")
            elif path[0] == "flag":
                self.flags_read.setdefault(path[1], loc)
            elif path[0] == "var" and len(path) > 1:
                self.vars_named.add(path[1])
        for name, args, _col in X.calls_in(tree):
            spec = X.FUNCTIONS.get(name)
            if spec is None:
                self.err(
                    loc,
                    f"unknown function '{name}'",
                    suggest(name, X.FUNCTIONS) or f"functions: {', '.join(X.FUNCTIONS)}",
                    code="expression",
                )
                continue
            required = [s for s in spec if not s.endswith("?")]
            if not (len(required) <= len(args) <= len(spec)):
                self.err(
                    loc,
                    f"'{name}' takes {len(required)}"
                    f"{'-' + str(len(spec)) if len(spec) != len(required) else ''} argument(s), "
                    f"got {len(args)}",
                    code="expression",
                )
                continue
            for kind, arg in zip(spec, args):
                kind = kind.rstrip("?")
                if kind in ("number", "date"):
                    continue
                if arg[0] != "str":
                    self.err(loc, f"argument of '{name}' naming a {kind} must be a quoted id", code="expression")
                    continue
                value = arg[1]
                if kind == "status":
                    if value not in STATUSES:
                        self.err(loc, f"unknown status '{value}'", suggest(value, STATUSES), code="expression")
                elif kind == "motion":
                    motions = {m.id for p in self.scn.plenums for m in p.motions}
                    if value not in motions:
                        self.err(loc, f"unknown motion '{value}'", suggest(value, motions), code="expression")
                elif kind == "option":
                    options = {o.id for e in self.scn.events for o in e.options}
                    if value not in options:
                        self.err(loc, f"unknown option '{value}'", suggest(value, options), code="expression")
                else:
                    ids = self.scn.ids(kind)
                    if value not in ids:
                        self.err(
                            loc, f"unknown {kind} '{value}' in '{name}(...)'", suggest(value, ids), code="expression"
                        )

    # ------------------------------------------------------------------ effects
    def effects(self, loc: tuple[Any, ...], effects: list[Effect], *, allow_target: bool = False) -> None:
        # What each kind names, and the rules its shape cannot say, come from its declaration.
        for i, fx in enumerate(effects):
            here = loc + (i, fx.kind)
            for at, msg in FX.problems(fx):
                self.err(here + at, msg)
            if fx.kind == "var":
                self.vars_named.add(str(getattr(fx.value, "name", "")))
            for r in FX.referenced_ids(fx):
                if r.kind == "flag":
                    self.flags_set.add(r.id)
                elif r.target_ok and r.id == "target":
                    if not allow_target:
                        self.err(here + r.at, "'target' can only be used in an action that has a target")
                elif r.id not in self.scn.ids(r.kind):
                    ids = self.scn.ids(r.kind)
                    hint = suggest(r.id, ids) or r.hint or f"no {r.kind} has that id"
                    self.err(here + r.at, f"unknown {r.kind} '{r.id}'", hint)

    # ------------------------------------------------------------------ the whole scenario
    def run(self) -> list[Diagnostic]:
        scn = self.scn
        meta = scn.scenario
        self.ref(("scenario", "leader"), "person", meta.leader)
        self.ref(("scenario", "leader_office"), "office", meta.leader_office)
        cal = meta.calendar
        if cal.end <= cal.start:
            self.err(("scenario", "calendar", "end"), "the calendar ends before it starts")
        else:
            days = (_dt.date.fromisoformat(cal.end) - _dt.date.fromisoformat(cal.start)).days
            turns = -(-days // cal.turn_days)
            if turns > MAX_TURNS:
                self.err(
                    ("scenario", "calendar", "end"),
                    f"the calendar runs {turns:,} turns ({cal.start} to {cal.end} in {cal.turn_days}-day turns); "
                    f"at most {MAX_TURNS:,} are allowed",
                    "end it sooner or make the turns longer (turn_days); the 1953-1962 campaign has about 110",
                    code="limit",
                )
        for i, s in enumerate(meta.starts):
            if not (meta.calendar.start <= s.date <= meta.calendar.end):
                self.err(
                    ("scenario", "starts", i, "date"),
                    f"start date {s.date} is outside the calendar ({meta.calendar.start} to {meta.calendar.end})",
                )
            self.effects(("scenario", "starts", i, "effects"), s.effects)
            for j, skipped in enumerate(s.skip_events):
                self.ref(("scenario", "starts", i, "skip_events", j), "event", skipped)
        seen_starts: set[str] = set()
        for i, s in enumerate(meta.starts):
            if s.id in seen_starts:
                self.err(("scenario", "starts", i, "id"), f"start point id '{s.id}' is used twice", code="duplicate-id")
            seen_starts.add(s.id)
        cc = meta.committee
        for i, g in enumerate(cc.generated):
            self.ref(("scenario", "committee", "generated", i, "faction"), "faction", g.faction)
        named_full = sum(1 for p in scn.people if p.cc == "full")
        named_cand = sum(1 for p in scn.people if p.cc == "candidate")
        gen_full = sum(g.full for g in cc.generated)
        gen_cand = sum(g.candidate for g in cc.generated)
        if named_full + gen_full != cc.full_seats:
            self.err(
                ("scenario", "committee", "full_seats"),
                f"{cc.full_seats} full seats, but {named_full} named people have cc: full and "
                f"{gen_full} are generated ({named_full + gen_full} in all)",
                "make the generated 'full' counts add up to the seats left for unnamed members",
                code="seats",
            )
        if named_cand + gen_cand != cc.candidate_seats:
            self.err(
                ("scenario", "committee", "candidate_seats"),
                f"{cc.candidate_seats} candidate seats, but {named_cand} named people have cc: candidate "
                f"and {gen_cand} are generated ({named_cand + gen_cand} in all)",
                "make the generated 'candidate' counts add up to the seats left",
                code="seats",
            )

        for i, c in enumerate(meta.committees):
            base = ("scenario", "committees", i)
            for j, g in enumerate(c.generated):
                self.ref(base + ("generated", j, "faction"), "faction", g.faction)
            for key in ("full_members", "candidate_members"):
                for j, pid in enumerate(getattr(c, key)):
                    self.ref(base + (key, j), "person", pid)
            both = set(c.full_members) & set(c.candidate_members)
            if both:
                self.err(base, f"listed as both full and candidate: {', '.join(sorted(both))}")
            for seats, named, gen, word in (
                (c.full_seats, len(c.full_members), sum(g.full for g in c.generated), "full"),
                (c.candidate_seats, len(c.candidate_members), sum(g.candidate for g in c.generated), "candidate"),
            ):
                if named + gen != seats:
                    self.err(
                        base + (f"{word}_seats",),
                        f"committee '{c.id}': {seats} {word} seats, but {named} named + {gen} generated "
                        f"= {named + gen}",
                        "make the numbers add up",
                        code="seats",
                    )
        for i, f in enumerate(scn.factions):
            self.ref(("factions", i, "patron"), "patron", f.patron)
            for pid in f.standing:
                self.ref(("factions", i, "standing", pid), "patron", pid)
        for i, p in enumerate(scn.people):
            if (p.faction is None) == (p.patron is None):
                self.err(("people", i), f"person '{p.id}' needs either a 'faction' or a 'patron' (not both)")
            self.ref(("people", i, "faction"), "faction", p.faction)
            self.ref(("people", i, "patron"), "patron", p.patron)
            if p.patron and p.cc != "none":
                self.err(("people", i, "cc"), "a foreign figure cannot sit on the Central Committee")
            for j, oid in enumerate(p.offices):
                self.ref(("people", i, "offices", j), "office", oid)
        for i, a in enumerate(scn.actions):
            tk = a.target if a.target != "none" else None
            self.expr(("actions", i, "targets"), a.targets, target=tk)
            self.expr(("actions", i, "available"), a.available)
            self.expr(("actions", i, "chance"), a.chance, target=tk, want="number")
            self.effects(("actions", i, "success"), a.success, allow_target=tk == "person")
            self.effects(("actions", i, "failure"), a.failure, allow_target=tk == "person")
            if a.cost == 0 and a.limit_per_turn == 0:
                # A free action with no limit could be taken forever in one phase (the AI did).
                self.err(
                    ("actions", i, "limit_per_turn"),
                    f"action '{a.id}' costs nothing and has no limit per turn, so it could be taken without end",
                    "give it a cost of at least 1, or a limit_per_turn of at least 1",
                    code="unbounded",
                )
            if a.targets and a.target == "none":
                self.err(("actions", i, "targets"), "'targets' given but the action's target is 'none'")
        for i, e in enumerate(scn.events):
            self.expr(("events", i, "condition"), e.condition)
            if e.earliest and e.latest and e.latest < e.earliest:
                self.err(("events", i, "latest"), f"'latest' ({e.latest}) is before 'earliest' ({e.earliest})")
            opt_ids: set[str] = set()
            hist_sides: dict[str, int] = {}
            for j, o in enumerate(e.options):
                if o.id in opt_ids:
                    self.err(
                        ("events", i, "options", j, "id"),
                        f"option id '{o.id}' is used twice in this event",
                        code="duplicate-id",
                    )
                opt_ids.add(o.id)
                self.expr(("events", i, "options", j, "condition"), o.condition)
                self.effects(("events", i, "options", j, "effects"), o.effects)
                if e.side == "both" and o.side is None:
                    self.err(("events", i, "options", j), "in an event for 'both' sides each option needs a 'side'")
                if o.historical:
                    who = o.side or e.side
                    if who in hist_sides:
                        self.err(
                            ("events", i, "options", j, "historical"),
                            "only one option per side may be marked historical",
                        )
                    hist_sides[who] = j
            if e.side in ("kim", "opposition", "both") and not e.options:
                self.err(("events", i, "options"), f"an event for side '{e.side}' needs options to choose from")
            for j, cid in enumerate(e.codex):
                self.ref(("events", i, "codex", j), "codex", cid)
        for i, pl in enumerate(scn.plenums):
            for j, pid in enumerate(pl.patrons_present):
                self.ref(("plenums", i, "patrons_present", j), "patron", pid)
            for j, sp in enumerate(pl.speakers):
                self.ref(("plenums", i, "speakers", j, "person"), "person", sp.person)
                self.expr(("plenums", i, "speakers", j, "requires"), sp.requires, plenum=True)
            for j, sm in enumerate(pl.speech_modifiers):
                self.expr(("plenums", i, "speech_modifiers", j, "when"), sm.when, plenum=True)
            mids: set[str] = set()
            for j, m in enumerate(pl.motions):
                if m.id in mids:
                    self.err(
                        ("plenums", i, "motions", j, "id"), f"motion id '{m.id}' is used twice", code="duplicate-id"
                    )
                mids.add(m.id)
                self.expr(("plenums", i, "motions", j, "requires"), m.requires, plenum=True)
                self.effects(("plenums", i, "motions", j, "on_pass"), m.on_pass)
                self.effects(("plenums", i, "motions", j, "on_fail"), m.on_fail)
            for j, t in enumerate(pl.tactics):
                self.expr(("plenums", i, "tactics", j, "requires"), t.requires, plenum=True)
                self.effects(("plenums", i, "tactics", j, "effects"), t.effects)
            for side in ("kim", "opposition"):
                if pl.tactics and not any(t.side == side for t in pl.tactics):
                    self.err(
                        ("plenums", i, "tactics"),
                        f"no tactic for side '{side}'",
                        "give each side at least one tactic, or none at all",
                    )
            self.effects(("plenums", i, "after"), pl.after)
            for j, cid in enumerate(pl.codex):
                self.ref(("plenums", i, "codex", j), "codex", cid)
        fallback = False
        for i, en in enumerate(scn.endings):
            self.expr(("endings", i, "condition"), en.condition)
            self.expr(("endings", i, "settled"), en.settled)
            if en.condition is None:
                if en.when != "end":
                    self.err(("endings", i), "an ending without a condition must have 'when: end'")
                fallback = True
        if not fallback:
            self.err(
                ("endings",),
                "no fallback ending: add one with 'when: end' and no condition, "
                "so a game that reaches the end date always ends",
                severity="warning",
                code="no-fallback",
            )
        for i, h in enumerate(scn.history):
            act = scn.get("action", h.action)
            if act is None:
                self.ref(("history", i, "action"), "action", h.action)
                continue
            if act.side != h.side:
                self.err(("history", i, "side"), f"action '{h.action}' belongs to side '{act.side}', not '{h.side}'")
            if act.target != "none" and h.target is None:
                self.err(("history", i), f"action '{h.action}' needs a 'target'")
            if h.target is not None and act.target in ("person", "patron", "faction"):
                self.ref(("history", i, "target"), act.target, h.target)
        # The guided replay (replay.yaml) and start points that begin after a plenum sat. A seat's
        # start point is not checked: a campaign built on this scenario inherits the steps
        # without those starts (the replay tool refuses such a seat with a message).
        for i, step in enumerate(scn.replay):
            self.ref(("replay", i, "person"), "person", step.person)
            for j, cid in enumerate(step.codex):
                self.ref(("replay", i, "codex", j), "codex", cid)
            _, _, pid = step.seat.at.partition(":")
            if pid:
                self.ref(("replay", i, "seat", "at"), "plenum", pid)
        for i, start in enumerate(scn.scenario.starts):
            for j, held in enumerate(start.held):
                self.ref(("scenario", "starts", i, "held", j, "plenum"), "plenum", held.plenum)
        self.ai_tuning()
        for i, flag in enumerate(scn.scenario.public_flags):
            if flag not in self.flags_set:
                self.err(
                    ("scenario", "public_flags", i),
                    f"public flag '{flag}' is never set by any effect",
                    suggest(flag, self.flags_set),
                    code="unknown-flag",
                )
        for i, fdef in enumerate(scn.flags):
            # Words for a flag nothing sets or tests: a typo in flags.yaml, or a flag renamed.
            if fdef.id not in self.flags_set and fdef.id not in self.flags_read and fdef.id not in _ENGINE_FLAGS:
                self.err(
                    ("flags", i, "id"),
                    f"words for flag '{fdef.id}', which nothing sets or tests",
                    suggest(fdef.id, self.flags_set | set(self.flags_read) | set(_ENGINE_FLAGS)),
                    code="unused-flag",
                    severity="warning",
                )
        for i, cdef in enumerate(scn.counters):
            # Words for a counter nothing raises or reads: a typo in `counters:`, or one renamed.
            if cdef.id not in self.vars_named:
                self.err(
                    ("counters", i, "id"),
                    f"words for counter '{cdef.id}', which nothing raises or reads",
                    suggest(cdef.id, self.vars_named),
                    code="unused-counter",
                    severity="warning",
                )
        for flag, loc in sorted(self.flags_read.items()):
            if flag not in self.flags_set and flag not in _ENGINE_FLAGS:
                self.err(
                    loc,
                    f"flag '{flag}' is tested but nothing sets it",
                    suggest(flag, self.flags_set | set(_ENGINE_FLAGS)),
                    code="unused-flag",
                    severity="warning",
                )
        return self.out

    def ai_tuning(self) -> None:
        """The computer players' tuning: every name a weight or a level setting the AI knows, every
        value within its kind (a misspelt weight used to pass here and stop the game at the AI's
        first move)."""
        model = self.scn.scenario.ai
        if model is None:
            return
        base = ("scenario", "ai")
        blocks: list[tuple[tuple[Any, ...], dict[str, float], bool]] = [(base + ("weights",), model.weights, False)]
        blocks += [(base + ("levels", lv), b, False) for lv, b in model.levels.items()]
        for side, own in model.sides.items():
            blocks.append((base + ("sides", side, "weights"), own.weights, False))
            blocks += [(base + ("sides", side, "levels", lv), b, True) for lv, b in own.levels.items()]
        for loc, block, settings in blocks:
            known = AI.WEIGHT_NAMES | (AI.SETTING_NAMES if settings else frozenset())
            for name, value in block.items():
                if name not in known:
                    # A level setting outside a side's level block, or a name close to one there.
                    elsewhere = "level settings go only in ai.sides.<side>.levels.<level>"
                    if name in AI.SETTING_NAMES:
                        self.err(loc + (name,), f"AI level setting '{name}' here", elsewhere, code="ai-tuning")
                        continue
                    hint = suggest(name, AI.WEIGHT_NAMES | AI.SETTING_NAMES)
                    if hint and hint.split("'")[1] not in known:
                        hint += f" ({elsewhere})"
                    hint = hint or f"known: {', '.join(sorted(known))}"
                    self.err(loc + (name,), f"unknown AI tuning name '{name}'", hint, code="ai-tuning")
                elif bad := AI.problem(name, value):
                    self.err(loc + (name,), bad, code="ai-tuning")
        for flag in model.flags:
            if flag not in self.flags_set and flag not in _ENGINE_FLAGS:
                self.err(
                    base + ("flags", flag),
                    f"ai flag '{flag}' is never set by any effect",
                    suggest(flag, self.flags_set | set(_ENGINE_FLAGS)),
                    code="unknown-flag",
                    severity="warning",
                )


# Flags the engine itself sets, which scenarios may test.
_ENGINE_FLAGS = ("plot_discovered", "leader_removed", "patrons_refused")


def check_references(scn: Scenario, data: Any, marks: Marks, fallback: Mark) -> list[Diagnostic]:
    return _Checker(scn, data, marks, fallback).run()
