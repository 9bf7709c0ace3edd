"""Scripted players: fixed routines for the balance lab to hunt dominant strategies with.

A script is data: a priority list of actions (each with an optional target rule, a condition in
the scenario expression language and a per-turn cap), a rule for answering decision points and
a tactic per plenum. Each phase the player walks its list from the top, takes the first entry
that is open, affordable and due, and starts again from the top; when nothing fits it ends its
phase. It never draws from the game's RNG and keeps no memory between calls, so a seed and the
recorded orders replay the game exactly (`plenum simulate --kim script:NAME --seed K`).

The idea is restricted play (Jaffe et al., AIIDE 2012): a one-note routine that beats the
standard AI more often than not exposes a dominant strategy; one that never wins shows which
option is useless.

A modder writes one as a small YAML file and passes its path (`--kim script:my_kim.yaml`):

    script:
      id: hoard_then_strike
      side: opposition
      name: "Recruit until Kim leaves, then demand the plenum"
      actions:
        - {action: demand_plenum, when: "flag.kim_abroad"}
        - {action: draft_critique}
        - {action: recruit_member, target: likeliest, per_turn: 2}
      answer: historical          # or first, or ai:easy|normal|hard
      choose: {chairman_away: use_the_weeks}
      tactics: {august_plenum: full_attack}

Conditions may name anything the expression language knows; a fair script names only what its
side could see (flags, dates, its own budget), as a human player would.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from game.engine import actions as A
from game.engine import expr as X
from game.engine.actions import Refused
from game.engine.basics import suggest
from game.engine.context import EvalContext
from game.engine.game import Game
from game.engine.plenum import projection
from game.scenario import yamlsrc
from game.scenario.diagnostics import Mark
from game.scenario.yamlsrc import Marks, locate


class ScriptError(ValueError):
    """A script that cannot be loaded or does not fit the scenario; the text is for the modder."""


def _check_expr(value: str | None) -> str | None:
    if value is None:
        return value
    try:
        X.parse(value)
    except X.ExprError as exc:
        raise ValueError(f"{exc.message} (column {exc.column + 1}) in {value!r}") from None
    return value


_ANSWER = r"^(historical|first|last|ai(:(easy|normal|hard))?)$"


class Step(BaseModel):
    """One entry of the priority list."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    action: str = Field(min_length=1, description="An action id of this side.")
    target: str = Field(
        "likeliest",
        description="'likeliest' (best odds shown in the preview), 'first' (first qualifying id), "
        "or a target id; a list of ids separated by commas is tried in order.",
    )
    when: str | None = Field(None, description="Take it only while this expression holds.")
    per_turn: int = Field(0, ge=0, le=10, description="At most this many a turn (0 = as the action allows).")

    @field_validator("when")
    @classmethod
    def _v_when(cls, v: str | None) -> str | None:
        return _check_expr(v)


class ScriptDef(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    side: Literal["kim", "opposition"]
    name: str = ""
    actions: list[Step] = Field(default_factory=list)
    answer: str = Field("historical", pattern=_ANSWER, description="How decision points are answered.")
    choose: dict[str, str] = Field(default_factory=dict, description="event id -> option id, where open.")
    tactics: dict[str, str] = Field(default_factory=dict, description="plenum id -> tactic id, where open.")
    tactic_answer: str | None = Field(None, pattern=_ANSWER, description="Other plenums (default: as 'answer').")
    # Where each entry was written ("file:line:col" by its dotted path, e.g. "actions.0"), for
    # check()'s messages; empty for the built-in scripts.
    _where: dict[str, str] = PrivateAttr(default_factory=dict)

    def at(self, path: str) -> str:
        """The message prefix for the entry at `path`: its place in the file, or the script."""
        return self._where.get(path) or f"script '{self.id}'"


# The built-in routines. Decision points and tactics are left to the normal AI unless the
# routine is about them, so the only thing restricted is the one-note habit under test.
BUILTIN: dict[str, dict] = {
    "never_acts": {
        "side": "kim",
        "name": "Kim never acts",
        "actions": [],
        "answer": "ai:normal",
    },
    "secure_votes_only": {
        "side": "kim",
        "name": "Kim only secures votes",
        "actions": [{"action": "secure_votes"}],
        "answer": "ai:normal",
    },
    "surveillance_every_turn": {
        "side": "kim",
        "name": "Kim orders surveillance with every point",
        "actions": [{"action": "surveillance"}],
        "answer": "ai:normal",
    },
    # Found by hand: once a co-opted critic no longer speaks at the plenum, buying the speakers
    # first is the routine to beat (80 of 100 before the circle's men got harder to buy).
    "coopt_speakers": {
        "side": "kim",
        "name": "Kim co-opts the critics' four speakers, then orders surveillance and secures votes",
        "actions": [
            {"action": "co_opt_rival", "target": "yun_kong_hum,choe_chang_ik,so_hwi,pak_chang_ok"},
            {"action": "surveillance"},
            {"action": "secure_votes"},
        ],
        "answer": "ai:normal",
    },
    "lie_low_and_build": {
        "side": "opposition",
        "name": "Draft the critique, then only build the coalition and lie low",
        "actions": [{"action": "draft_critique"}, {"action": "build_coalition"}, {"action": "lie_low"}],
        "answer": "ai:normal",
    },
    "snap_plenum": {
        "side": "opposition",
        "name": "Recruit, then demand a snap plenum while Kim is abroad",
        "actions": [
            {"action": "demand_plenum", "when": "flag.kim_abroad"},
            {"action": "draft_critique"},
            {"action": "recruit_member"},
        ],
        "answer": "ai:normal",
        "tactics": {"august_plenum": "full_attack"},
    },
    "recruit_only": {
        "side": "opposition",
        "name": "The opposition only recruits",
        "actions": [{"action": "recruit_member"}],
        "answer": "ai:normal",
    },
    # What the easy critics did when they beat a hand-played Kim: blocs moved a fortnight at a
    # time, never a critique or a coalition for his investigators to find.
    "court_and_canvass": {
        "side": "opposition",
        "name": "The opposition only courts the home-grown cadres and canvasses its own groups",
        "actions": [{"action": "court_home_grown"}, {"action": "canvass_faction"}, {"action": "lie_low"}],
        "answer": "ai:normal",
    },
}


# What a modder should write, for the fields whose rule is a pattern.
_ANSWER_WORDS = "historical, first, last, ai, ai:easy, ai:normal or ai:hard"  # what _ANSWER allows
_PATTERN_WORDS = {
    "id": "lower-case letters, digits and _, starting with a letter (e.g. hoard_then_strike)",
    "answer": _ANSWER_WORDS,
    "tactic_answer": _ANSWER_WORDS,
}


def _format_errors(exc: ValidationError, data: Any, marks: Marks, fallback: Mark) -> str:
    """Every problem (the first five), one a line, at the line and column the modder wrote it,
    in plain words; with its place in the script as a dotted path (actions.0.when) as well."""
    lines = [_one_error(err, data, marks, fallback) for err in exc.errors()[:5]]
    if exc.error_count() > 5:
        lines.append(f"... and {exc.error_count() - 5} more")
    return "\n".join(lines)


def _one_error(err: Any, data: Any, marks: Marks, fallback: Mark) -> str:
    loc = tuple(err["loc"])
    etype = err["type"]
    dotted = ".".join(str(x) for x in loc) or "script"
    name = str(loc[-1]) if loc else "script"
    in_step = len(loc) >= 2 and loc[0] == "actions" and isinstance(loc[1], int)
    model = Step if in_step and len(loc) > 2 else ScriptDef
    msg = str(err["msg"]).removeprefix("Value error, ")
    if etype == "missing":
        mark, _ = locate(data, ("script", *loc[:-1]), marks, fallback)
        text = f"{dotted}: missing required key '{name}'"
    elif etype == "extra_forbidden":
        mark, _ = locate(data, ("script", *loc), marks, fallback, key=True)
        known = list(model.model_fields)
        text = f"{dotted}: unknown key '{name}' ({suggest(name, known) or 'allowed: ' + ', '.join(known)})"
    else:
        mark, _ = locate(data, ("script", *loc), marks, fallback)
        if etype in ("model_type", "dict_type") and in_step:
            text = f"{dotted}: each entry of 'actions' is a mapping, such as {{action: lie_low}}"
        elif etype == "string_pattern_mismatch" and name in _PATTERN_WORDS:
            text = f"{dotted}: '{err.get('input')}' is not allowed: use {_PATTERN_WORDS[name]}"
        else:
            text = f"{dotted}: {msg}"
    return f"{mark.file}:{mark.line}:{mark.col}: {text}"


def load(spec: str) -> ScriptDef:
    """A built-in script by name, or a YAML file by path ('.yaml'/'.yml', or any existing file).
    A file is read as scenario files are (game/scenario/yamlsrc.py): safe, with the same limits
    on size, values and nesting, and every problem named at its line."""
    if spec in BUILTIN:
        return ScriptDef(id=spec, **BUILTIN[spec])
    path = Path(spec)
    if not (spec.endswith((".yaml", ".yml")) or path.is_file()):
        raise ScriptError(f"no built-in script '{spec}' (built in: {', '.join(BUILTIN)}; or give a .yaml path)")
    loaded = yamlsrc.load_file(path, spec)
    errors = [d for d in loaded.diagnostics if d.is_error]
    if errors:
        d = errors[0]
        raise ScriptError(f"{d.file}:{d.line}:{d.col}: {d.message}" + (f" ({d.hint})" if d.hint else ""))
    raw = loaded.data
    if not isinstance(raw, dict) or not isinstance(raw.get("script"), dict):
        m = loaded.root_mark
        raise ScriptError(f"{m.file}:{m.line}:{m.col}: expected a mapping with a 'script:' key at the top")
    try:
        script = ScriptDef(**raw["script"])
    except ValidationError as exc:
        raise ScriptError(_format_errors(exc, raw, loaded.marks, loaded.root_mark)) from None
    except TypeError as exc:
        m = loaded.root_mark
        raise ScriptError(f"{m.file}:{m.line}:{m.col}: {exc}") from None
    entries: list[tuple[str, int | str]] = [("actions", i) for i in range(len(script.actions))]
    entries += [("choose", k) for k in script.choose] + [("tactics", k) for k in script.tactics]
    for section, item in entries:
        m, _ = locate(raw, ("script", section, item), loaded.marks, loaded.root_mark, key=section != "actions")
        script._where[f"{section}.{item}"] = f"{m.file}:{m.line}:{m.col}"
    m, _ = locate(raw, ("script", "side"), loaded.marks, loaded.root_mark)
    script._where["side"] = f"{m.file}:{m.line}:{m.col}"
    return script


def check(script: ScriptDef, scn, side: str | None = None) -> None:
    """Refuse a script that names what the scenario lacks, with the id and what it has."""
    if side and script.side != side:
        raise ScriptError(f"{script.at('side')}: the script plays {script.side}, not {side}")
    mine = {a.id for a in scn.actions if a.side == script.side}
    for i, step in enumerate(script.actions):
        if step.action not in mine:
            raise ScriptError(
                f"{script.at(f'actions.{i}')}: actions.{i}: no {script.side} action '{step.action}' "
                f"({suggest(step.action, sorted(mine)) or 'has: ' + ', '.join(sorted(mine))})"
            )
    events = {e.id: e for e in scn.events}
    for eid, oid in script.choose.items():
        if eid not in events:
            raise ScriptError(f"{script.at(f'choose.{eid}')}: choose: no event '{eid}'{_maybe(eid, events)}")
        if oid not in {o.id for o in events[eid].options}:
            options = [o.id for o in events[eid].options]
            raise ScriptError(
                f"{script.at(f'choose.{eid}')}: choose.{eid}: no option '{oid}' (has: {', '.join(options)})"
            )
    plenums = {p.id: p for p in scn.plenums}
    for pid, tid in script.tactics.items():
        if pid not in plenums:
            raise ScriptError(f"{script.at(f'tactics.{pid}')}: tactics: no plenum '{pid}'{_maybe(pid, plenums)}")
        if tid not in {t.id for t in plenums[pid].tactics if t.side == script.side}:
            mine_t = [t.id for t in plenums[pid].tactics if t.side == script.side]
            raise ScriptError(
                f"{script.at(f'tactics.{pid}')}: tactics.{pid}: no {script.side} tactic '{tid}' (has: {', '.join(mine_t)})"
            )


def _maybe(name: str, known) -> str:
    """' (did you mean ...?)' for a near miss among `known`, else nothing (the lists are long)."""
    hint = suggest(name, sorted(known))
    return f" ({hint})" if hint else ""


def _ai(rule: str):
    from game import ai

    return ai.make("ai", rule.split(":", 1)[1] if ":" in rule else "normal")


class ScriptedPlayer:
    """Plays a ScriptDef through the same orders as any player."""

    def __init__(self, script: ScriptDef):
        self.script = script
        self._answer_ai = _ai(script.answer) if script.answer.startswith("ai") else None
        rule = script.tactic_answer or script.answer
        self._tactic_ai = _ai(rule) if rule.startswith("ai") else None

    def __call__(self, g: Game, side: str) -> dict:
        st = g.state
        pend = next((p for p in st.pending if p.side == side), None)
        if pend is not None:
            return self._answer(g, side, pend)
        for step in self.script.actions:
            order = self._step(g, side, step)
            if order is not None:
                return order
        return {"t": "end", "side": side}

    def _step(self, g: Game, side: str, step: Step) -> dict | None:
        st, scn = g.state, g.scn
        a = scn.get("action", step.action)
        if a is None or a.side != side:
            return None
        if step.per_turn and st.actions_this_turn.get(a.id, 0) >= step.per_turn:
            return None
        if step.when and not X.run(step.when, EvalContext(st, scn, votes=projection)):
            return None
        v = A.view_one(st, scn, a)
        if not (v.open and v.affordable):
            return None
        order = {"t": "act", "side": side, "action": a.id}
        if a.target != "none":
            target = self._target(g, a, v.targets, step.target)
            if target is None:
                return None
            order["target"] = target
        return order

    @staticmethod
    def _target(g: Game, a, targets: list[str], rule: str) -> str | None:
        if not targets:
            return None
        if rule == "first":
            return targets[0]
        if rule == "likeliest":
            # The odds are what the preview shows a human before committing; ties go to the id.
            return max(targets, key=lambda t: (A.chance(g.state, g.scn, a, t), [-ord(c) for c in t]))
        for t in (x.strip() for x in rule.split(",")):
            if t in targets:
                return t
        return None

    def _answer(self, g: Game, side: str, pend) -> dict:
        opts = g.options(pend)
        if pend.event.startswith("plenum:"):
            pid = pend.event.split(":", 1)[1]
            want = self.script.tactics.get(pid)
            pick = next((t for t in opts if t.id == want), None)
            if pick is None and self._tactic_ai is not None:
                return self._tactic_ai(g, side)
            if pick is None:
                pick = self._by_rule(opts, self.script.tactic_answer or self.script.answer)
            return {"t": "tactic", "side": side, "plenum": pid, "tactic": pick.id}
        want = self.script.choose.get(pend.event)
        pick = next((o for o in opts if o.id == want), None)
        if pick is None and self._answer_ai is not None:
            return self._answer_ai(g, side)
        if pick is None:
            pick = self._by_rule(opts, self.script.answer)
        return {"t": "choose", "side": side, "event": pend.event, "option": pick.id}

    @staticmethod
    def _by_rule(opts: list, rule: str):
        if not opts:
            raise Refused("no option is open")
        if rule == "last":
            return opts[-1]
        if rule == "historical":
            return next((o for o in opts if o.historical), opts[0])
        return opts[0]


def make(spec: str, scn=None, side: str | None = None) -> ScriptedPlayer:
    """A scripted player from 'NAME' or 'PATH.yaml', checked against the scenario if given."""
    script = load(spec)
    if scn is not None:
        check(script, scn, side)
    return ScriptedPlayer(script)
