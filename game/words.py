"""Conditions and odds in plain words, generated from the expression's parse tree
(game/engine/expr.py), so no player ever reads `country.security` or `not flag.x and ...`.

``missing(src, state, scn)`` names the parts of an action's condition that do not hold now: a
greyed-out action says what it is waiting for.
"""

from __future__ import annotations

import re

from game.engine import expr as X
from game.engine.actions import glimpse_odds, public_text, use_limit
from game.engine.basics import MONTHS, date_words, days_until
from game.engine.context import EvalContext
from game.engine.plenum import plenum_next, projection
from game.engine.world import PLEDGE_DECAY, pledge_lasts

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_BUSY = re.compile(r"^Informers report that (.+?) were busy: (.+)\.$")


def prose_dates(text: str) -> str:
    """Dates written 1956-08-02 inside a sentence, as a reader writes them: 2 August 1956."""

    return _ISO.sub(lambda m: date_words(m.group(0)), text)


def dispatch_text(text: str, scn=None) -> str:
    """A log line as the player reads it, in the window and at the terminal: dates in words, and
    an informer's glimpse naming the move seen as its title, not as an order ("were seen at work:
    “Launch an ideological campaign”"); with the scenario, the move's name as the scenario writes
    it (the log has it in lower case: "canvass the soviet and yan'an members")."""
    text = prose_dates(text)
    m = _BUSY.match(text)
    if m:
        move = m.group(2)
        named = next((a.name for a in scn.actions if a.name.lower() == move), None) if scn is not None else None
        text = f"Informers report that {m.group(1)} were seen at work: “{named or move[:1].upper() + move[1:]}”."
    return text


def secrecy(visible: bool) -> str:
    """Who learns of a move, as the engine's rule has it (actions.glimpse_odds): a visible move
    is told to the other side; a secret one only as far as its informers glimpse it."""
    if visible:
        return "The other side learns of it at once."
    return (
        "Not announced: the other side's informers may glimpse it "
        f"({glimpse_odds(40)}% at intelligence 40, {glimpse_odds(80)}% at 80)."
    )


COMPARE = {">=": "is at least", "<=": "is at most", ">": "is above", "<": "is below", "==": "is", "!=": "is not"}
# A yes/no attribute said the other way round (after "not").
BOOL_NOT = {
    "active": "is not active",
    "in_cc": "does not sit on the Central Committee",
    "in_office": "holds no post",
    "plotter": "is not in the critics' circle",
    "generated": "is a named person",
}
COUNTRY = {
    "economy": "the economy",
    "support": "popular support",
    "security": "the security grip",
    "cult": "the personality cult",
}
SCALAR = {
    "exposure": "how much Kim's people have seen of the plot",
    "rift": "the Sino-Soviet rift",
    "turn": "the turn",
    "date": "the date",
    "year": "the year",
    "month": "the month",
}
ATTR = {
    "pledge_kim": "pledge to Kim",
    "pledge_opposition": "pledge to the critics",
    "favour_kim": "favour to Kim",
    "favour_opposition": "favour to the opposition",
    "cc": "seat on the committee",
}
SIDES = {"kim": "Kim", "opposition": "the critics"}
BOOL_ATTR = {
    "active": "is active",
    "in_cc": "sits on the Central Committee",
    "in_office": "holds a post",
    "plotter": "is in the critics' circle",
    "generated": "is an unnamed cadre",
}
# The words for the flags the rules themselves read (the vote rule's envoys while Kim is abroad,
# the plot found out): (when set, when not set). A scenario's flags.yaml may give its own; every
# other flag's words are the scenario's (flags.yaml), or its id in words.
FLAGS = {
    "kim_abroad": ("Kim is abroad", "Kim is at home"),
    "plot_discovered": ("Kim's people have found out the plot", "the plot is still secret"),
}
VOTES = {
    "kim": "members with Kim",
    "opposition": "members with the critics",
    "swing": "undecided members",
    "majority": "the majority",
}


def flag_words(scn, flag: str) -> tuple[str, str] | None:
    """(set, cleared) words for a flag: the scenario's own (flags.yaml), else the shipped
    defaults above, else None (the caller falls back to the id in words)."""
    d = scn.get("flag", flag) if scn is not None else None
    if d is not None:
        return d.set, d.cleared or f"not: {d.set}"
    return FLAGS.get(flag)


def counter_words(scn, var: str) -> str | None:
    """What a counter (var.X) counts, in words: the scenario's own (flags.yaml, `counters:`),
    else None (the caller falls back to the id in words), as flag_words."""
    d = scn.get("counter", var) if scn is not None else None
    return d.counts if d is not None else None


def _human(name: str) -> str:
    text = name.replace("_", " ")
    return " ".join("Kim" if w == "kim" else w for w in text.split())


def _name(scn, kind: str, id_: str) -> str:
    d = scn.get(kind, id_) if scn is not None else None
    return getattr(d, "name", None) or getattr(d, "title", None) or _human(id_)


def _path(path: tuple[str, ...], scn) -> str:
    root, rest = path[0], path[1:]
    if root == "flag" and rest:
        fw = flag_words(scn, rest[0])
        return fw[0] if fw else _human(rest[0])
    if root == "var" and rest:
        cw = counter_words(scn, rest[0])
        return f"the {cw}" if cw else _human(rest[0])
    if root == "country" and rest:
        return COUNTRY.get(rest[0], _human(rest[0]))
    if root == "intel" and rest:
        return f"{SIDES.get(rest[0], _human(rest[0]))}'s intelligence"
    if root == "target":
        if rest and rest[0] in BOOL_ATTR:
            return "the target " + BOOL_ATTR[rest[0]]
        return "the target's " + (ATTR.get(rest[0], _human(rest[0])) if rest else "choice")
    if root == "person" and len(rest) == 2 and rest[1] in BOOL_ATTR:
        return f"{_name(scn, 'person', rest[0])} {BOOL_ATTR[rest[1]]}"
    if root in ("faction", "person", "patron") and rest:
        who = _name(scn, root, rest[0])
        if len(rest) == 1:
            return who
        return f"{who}'s {ATTR.get(rest[1], _human(rest[1]))}"
    if root == "votes" and rest:
        return VOTES.get(rest[0], f"the count {_human(rest[0])}")
    if not rest and root in SCALAR:
        return SCALAR[root]
    return " ".join(_human(p) for p in path)


def _call(name: str, args: tuple, scn) -> str:
    vals = [a[1] if a[0] in ("str", "num") else None for a in args]
    if name == "held" and vals and vals[0]:
        return f"{mid_sentence(_name(scn, 'plenum', vals[0]))} has sat"
    if name == "fired" and vals and vals[0]:
        return f"“{_name(scn, 'event', vals[0])}” has happened"
    if name == "chose" and len(vals) >= 2 and vals[0]:
        return f"the choice “{_human(str(vals[1]))}” was made at “{_name(scn, 'event', vals[0])}”"
    if name == "passed" and len(vals) >= 2:
        return f"the motion “{_human(str(vals[1]))}” has passed"
    if name == "holds" and len(vals) >= 2 and vals[0]:
        return f"{_name(scn, 'person', vals[0])} holds the post of {_name(scn, 'office', str(vals[1]))}"
    if name in ("min", "max", "abs"):
        inner = ", ".join(words_node(a, scn) for a in args)
        return {"min": "the smaller of ", "max": "the larger of ", "abs": "the size of "}[name] + inner
    if name == "status_count":
        return "how many are " + ", ".join(_human(str(v)) for v in vals if v)
    return _human(name)


# The verbs of the calls above, said the other way round (after "not").
_NEGATED = (
    (" has sat", " has not yet sat"),
    (" has happened", " has not yet happened"),
    (" has passed", " has not passed"),
    (" holds the post of ", " does not hold the post of "),
    (" was made at ", " was not made at "),
)


def words_node(node, scn=None) -> str:
    k = node[0]
    if k == "num":
        v = node[1]
        if v is True:
            return "yes"
        if v is False:
            return "no"
        return f"{v:g}" if isinstance(v, float) else str(v)
    if k == "str":
        return _human(node[1])
    if k == "path":
        return _path(node[1], scn)
    if k == "call":
        return _call(node[1], node[2], scn)
    if k == "not":
        inner = node[1]
        if inner[0] == "call" and inner[1] in ("held", "fired", "passed", "holds", "chose"):
            said = words_node(inner, scn)
            for yes, no in _NEGATED:
                if yes in said:
                    return said.replace(yes, no, 1)
            return "not yet: " + said
        fw = (
            flag_words(scn, inner[1][1]) if inner[0] == "path" and inner[1][0] == "flag" and len(inner[1]) > 1 else None
        )
        if fw:
            return fw[1]
        if inner[0] == "path" and inner[1][0] == "target" and len(inner[1]) == 2 and inner[1][1] in BOOL_NOT:
            return "the target " + BOOL_NOT[inner[1][1]]
        return "not " + words_node(inner, scn)
    if k in ("and", "or"):
        return f"{words_node(node[1], scn)} {k} {words_node(node[2], scn)}"
    if k == "cmp" and node[2][0] == "path" and node[2][1][-1] == "id" and node[3][0] == "str":
        who = "the target" if node[2][1][0] == "target" else _path(node[2][1][:-1], scn)
        kind = {"target": "person"}.get(node[2][1][0], node[2][1][0])
        return f"{who} {'is' if node[1] == '==' else 'is not'} {_name(scn, kind, node[3][1])}"
    if (
        k == "cmp"
        and node[2][0] == "path"
        and node[2][1][-1] in ("faction", "patron")
        and node[3][0] == "str"
        and node[3][1]
    ):
        # "the target's faction is not partisan" -> "the target is not of the Partisans"
        who = "the target" if node[2][1][0] == "target" else _path(node[2][1][:-1], scn)
        named = _name(scn, node[2][1][-1], node[3][1])
        if node[1] in ("==", "!="):
            return f"{who} {'is' if node[1] == '==' else 'is not'} of the {named}".replace("the The ", "the ")
    if k == "cmp" and node[2][0] == "path" and node[2][1][-1] == "faction" and node[3] == ("str", "", node[3][2]):
        return f"{_path(node[2][1][:-1], scn) if node[2][1][0] != 'target' else 'the target'} " + (
            "belongs to a faction" if node[1] == "!=" else "belongs to no faction"
        )
    if k == "cmp" and (cb := X.counter_bound(node)) is not None:
        # "var.postponements < 2" -> "there have been fewer than 2 postponements" (it read
        # "postponements is below 2"; a counter is a count of things done).
        var, op, n = cb
        noun = counter_words(scn, var) or _human(var)
        amount = {"<": "fewer than", "<=": "at most", ">": "more than", ">=": "at least", "==": "exactly"}.get(op)
        if amount is not None:
            return f"there have been {amount} {n:g} {noun}"
    if k == "cmp":
        return f"{words_node(node[2], scn)} {COMPARE.get(node[1], node[1])} {words_node(node[3], scn)}"
    if k == "arith":
        op = {"+": "+", "-": "−", "*": "×", "/": "÷"}[node[1]]
        a, b = node[2], node[3]
        if node[1] == "*":
            # a yes/no times a number: "15 if Kim abroad"
            for cond, num in ((a, b), (b, a)):
                if cond[0] in ("cmp", "or", "and", "not") or (cond[0] == "path" and cond[1][0] == "flag"):
                    return f"{words_node(num, scn)} if {words_node(cond, scn)}"
        return f"{_grouped(a, scn)} {op} {_grouped(b, scn)}"
    if k == "neg":
        return "− " + words_node(node[1], scn)
    return ""


def _grouped(node, scn) -> str:
    text = words_node(node, scn)
    return f"({text})" if node[0] in ("or", "and") else text


def words(src: str, scn=None) -> str:
    """An expression as a sentence fragment."""
    try:
        return words_node(X.parse(src), scn)
    except X.ExprError:
        return "a condition of the scenario"


def _conjuncts(node) -> list:
    if node[0] == "and":
        return _conjuncts(node[1]) + _conjuncts(node[2])
    return [node]


def _failing(src: str | None, state, scn) -> list:
    """The parts (expression nodes) of a condition that do not hold now."""
    if not src:
        return []
    try:
        tree = X.parse(src)
    except X.ExprError:
        return []
    ctx = EvalContext(state, scn, votes=projection)  # votes.* answered as in play
    out = []
    for part in _conjuncts(tree):
        try:
            ok = bool(X.evaluate(part, ctx))
        except Exception:  # a part that cannot be judged alone: name it as it stands
            ok = False
        if not ok:
            out.append(part)
    return out


def missing(src: str | None, state, scn) -> list[str]:
    """The parts of a condition that do not hold now, in words (empty when it holds)."""
    return [words_node(part, scn) for part in _failing(src, state, scn)]


def _done_flag(part, scn) -> str | None:
    """The flag of a failing ``not flag.X`` part (X is set: the thing is done), if worded."""
    inner = part[1] if part[0] == "not" else None
    if inner and inner[0] == "path" and inner[1][0] == "flag" and len(inner[1]) > 1 and flag_words(scn, inner[1][1]):
        return inner[1][1]
    return None


def why_closed(v, state, scn) -> str:
    """Why an action (an engine ActionView) cannot be taken now, in words: the parts of its
    condition that do not hold, who would qualify, or the limit reached. The window's greyed
    buttons and the terminal's menu both say this."""
    a = v.action
    if v.reason == "Not possible now.":
        # A part that fails because something it needs undone has been done reads as the thing
        # done: "the critics have drafted their critique already", not "only when the critique
        # is not yet drafted".
        failing = _failing(a.available, state, scn)
        done = [
            fw[0] + " already" for fw in (flag_words(scn, f) for f in (_done_flag(p, scn) for p in failing) if f) if fw
        ]
        # A counter at its bound reads as the rounds used up: "there have been 2 rounds of work on
        # the committee, the most allowed", not "only when there have been fewer than 2 ...".
        spent = [_spent(part, state, scn) for part in failing]
        done += [w for w in spent if w]
        parts = [
            words_node(part, scn) for part, w in zip(failing, spent) if _done_flag(part, scn) is None and w is None
        ]
        if done and not parts:
            return "; and ".join(done) + "."
        if parts:
            said = "only when " + "; and when ".join(parts) + "."
            if done:  # what is done already, as its own sentence after what is still needed
                rest = "; and ".join(done)
                said += f" {rest[0].upper()}{rest[1:]}."
            return said
    if v.reason == "No one qualifies." and a.targets:
        return f"no one qualifies now (it needs {words(a.targets, scn)})."
    if v.reason == "Already done this turn.":
        return f"already done this turn (at most {a.limit_per_turn} a turn)."
    return v.reason


def _spent(node, state, scn) -> str | None:
    """A failing bound on a counter ('var.rounds < 3') in words as the rounds used up, or None
    for any other part of a condition."""
    cb = X.counter_bound(node)
    if cb is None or cb[1] not in ("<", "<="):
        return None
    var = cb[0]
    return f"there have been {state.vars.get(var, 0):g} {counter_words(scn, var) or _human(var)}, the most allowed"


def flag_lines(effects, scn=None) -> list[str]:
    """What setting or clearing a flag means, in words (the effect table describes a flag as
    nothing, yet 'the plot is found out' is often the point of an action)."""
    out = []
    for fx in effects:
        if fx.kind in ("flag", "clear_flag"):
            fw = flag_words(scn, str(fx.value))
            if fx.kind == "flag":
                said = fw[0] if fw else _human(str(fx.value))
            else:
                said = fw[1] if fw else "no longer " + _human(str(fx.value))
            out.append(f"From now on: {said}")
    return out


def outcome_lines(scn, described: list[str], effects) -> list[str]:
    """An action's outcome as the preview described it (a target named), then what its flags
    mean: the action dialog's "If it works" and "If it fails", the action's tooltip."""
    return [*map(prose_dates, described), *flag_lines(effects, scn)]


def effect_lines(scn, effects, target_label: str = "the target") -> list[str]:
    """Every effect in plain words: the effect table's own descriptions, then what any flag means."""
    from game.engine.effects import describe

    # (Someone a group effect spares is its own `exclude`, and the group's words name him: the
    # data no longer takes him out of the circle and puts him back around it.)
    return [prose_dates(ln) for ln in describe(scn, list(effects), target_label)] + flag_lines(effects, scn)


def target_key(how: str, *, name: str, odds: int, lean: float | None, has_vote: bool, generated: bool) -> tuple:
    """The one order of a target picker, for the window's dialog and the terminal alike.

    "odds": those with a vote first (a point spent on a candidate moves no vote), then the best
    odds; "swing" (nearest the line): voters by how near their estimated lean is to the line,
    where one visit can tip a vote, then the rest by odds; "name": named figures, then cadres,
    alphabetically. (The two had drifted: the terminal put named figures first in every order,
    so a 56% named critic sat above a 75% cadre under "best odds".)"""
    if how == "name":
        return (generated, name)
    if how == "swing":
        return (lean is None, abs(lean) if lean is not None else 0.0, -odds, name)
    return (not has_vote, -odds, generated, name)


def verdict_words(scn, side: str, by_answer: dict[str, dict[str, int]], names: dict[str, str] | None = None) -> str:
    """Where a plenum tactic's played-out sessions lead, for this side: "where it leads, of 6
    played out (were the game to end with the session): your win in 2 (“The Chairman Stands
    Alone”); neither side's win in 1 (“An Uneasy Truce”); your loss in 3 (...)", then, when the
    other side has more than one answer and one does worse by this side than the whole, "against
    their best answer (“Counter-attack”), of 3: your loss in 3". ``by_answer`` is the other side's
    tactic ("" for none) -> ending id ("" for none yet) -> runs, from rehearse.sessions, which asks
    the game's own endings; ``names`` gives the tactics' names. Wins first, then neither side's,
    then losses."""
    endings: dict[str, int] = {}
    for row in by_answer.values():
        for eid, n in row.items():
            endings[eid] = endings.get(eid, 0) + n
    runs = sum(endings.values())
    parts = _verdict_parts(scn, side, endings)
    if not parts:
        return ""
    said = f"where it leads, of {runs} played out (were the game to end with the session): " + "; ".join(parts)
    if len(by_answer) > 1:

        def score(row: dict[str, int]) -> float:
            v = {eid: _victor_class(scn, side, eid) for eid in row}
            return sum(n * (1 if v[e] == "win" else -1 if v[e] == "loss" else 0) for e, n in row.items()) / sum(
                row.values()
            )

        worst = min(by_answer, key=lambda t: (score(by_answer[t]), t))
        if score(by_answer[worst]) < score(endings):
            row = by_answer[worst]
            name = (names or {}).get(worst, worst)
            bare = "; ".join(_verdict_parts(scn, side, row, titles=False))
            said += f"; against their best answer (“{name}”), of {sum(row.values())}: {bare}"
    return said


def _victor_class(scn, side: str, eid: str) -> str:
    e = scn.get("ending", eid) if eid else None
    if e is None:
        return "open"
    if e.victor == side:
        return "win"
    return "loss" if e.victor in ("kim", "opposition") else "neither"


def _verdict_parts(scn, side: str, endings: dict[str, int], titles: bool = True) -> list[str]:
    groups: dict[str, list[tuple[str, int]]] = {"win": [], "neither": [], "loss": [], "open": []}
    for eid, n in sorted(endings.items(), key=lambda kv: -kv[1]):
        e = scn.get("ending", eid) if eid else None
        groups[_victor_class(scn, side, eid)].append((e.title if e is not None else "", n))
    said = {"win": "your win", "neither": "neither side's win", "loss": "your loss", "open": "no ending yet"}
    parts = []
    for key, rows in groups.items():
        if not rows:
            continue
        n = sum(c for _, c in rows)
        named = ", ".join(f"“{t}”" for t, _ in rows if t) if titles else ""
        parts.append(f"{said[key]} in {n}" + (f" ({named})" if named else ""))
    return parts


def last_refusals(state, scn, side: str, action_id: str) -> dict[str, str]:
    """person id -> the date this side's last try of this action on him failed, for a target
    picker ("refused 30 Jun"): read from the side's own log, where the action's failure text
    names him. Someone who later said yes is not listed."""
    a = scn.get("action", action_id)
    if a is None or a.target != "person" or "{target}" not in (a.success_text or "") + (a.failure_text or ""):
        return {}
    by_text: dict[str, tuple[str, bool]] = {}
    for pid, p in state.people.items():
        for ok, said in ((True, a.success_text), (False, a.failure_text)):
            if not said or "{target}" not in said:
                continue
            text = said.replace("{target}", p.name)
            by_text[text] = (pid, ok)
            if a.visible:  # both sides read it, with who did it
                by_text[public_text(side, a, p.name, text)] = (pid, ok)
    out: dict[str, str] = {}
    for e in state.log:
        if e.kind != "action" or e.visible_to not in (side, "all"):
            continue
        hit = by_text.get(e.text)
        if hit is None:
            continue
        pid, ok = hit
        if ok:
            out.pop(pid, None)
        else:
            out[pid] = e.date
    return out


def _pledge_adds(effects, side: str) -> list[int]:
    """The commitments to `side` that `effects` win."""
    return [fx.value.add for fx in effects if fx.kind == "pledge" and fx.value.side == side and fx.value.add > 0]


def turns_until(scn, st, date: str) -> int:
    """Turn ends before `date` comes up: a plenum on it sits after this many drifts."""
    return -(-days_until(st.date, date) // max(1, scn.scenario.calendar.turn_days))


_MONTH_NAMES = "|".join(MONTHS)
_HIST_DATE = re.compile(r"^(\d{1,2}(?:[-–]\d{1,2})? (?:" + _MONTH_NAMES + r")(?: \d{4})?)\.\s+")


def history_date(text: str) -> tuple[str, str]:
    """An event text that opens with the day it happened in history ("19 April. ...") gives
    (that date, the rest): the window and the terminal show the date as history's, beside the game's own date,
    so a game that runs ahead of or behind history never reads as contradicting itself."""
    t = " ".join(text.split())
    m = _HIST_DATE.match(t)
    if not m:
        return "", t
    return m.group(1).replace("-", "–"), t[m.end() :]


def uses_line(st, a) -> str | None:
    """How many of a limited action's uses are gone ("Three rounds settle it": the dialog did not
    say how many had), from the counter its own availability reads (actions.use_limit)."""
    limit = use_limit(a)
    if limit is None:
        return None
    name, most = limit
    used = min(most, max(0, int(st.vars.get(name, 0))))
    return f"So far {used} of {most}; {most - used} left."


def mid_sentence(title: str) -> str:
    """A title written to open a line ('The August Plenum') as it reads inside a sentence ('at
    the August Plenum'); the aim and the pledge line printed 'at The August Plenum'."""
    return "the " + title[4:] if title.startswith("The ") else title


def pledge_line(scn, st, effects, side: str) -> str | None:
    """How long the largest commitment to `side` among `effects` lasts, against the turns to the
    next plenum: in the campaign a pledge made in 1953 is long gone by the first vote, and the
    dialog said only "+50"."""
    adds = _pledge_adds(effects, side)
    if not adds:
        return None
    add = max(adds)
    lasts = pledge_lasts(add)
    line = f"A commitment fades by {PLEDGE_DECAY} a turn: +{add} is gone in {lasts} turns"
    pdef, pl = plenum_next(scn, st)
    if pdef is not None and pl.date >= st.date:
        turns = turns_until(scn, st, pl.date)
        # Drift runs before a plenum that falls due sits (game.py), so at equal turns it is gone.
        title = mid_sentence(pdef.title)
        if turns >= lasts:
            line += f", before {title} sits (in {turns} turns)"
        elif turns > 0:
            line += f"; {title} sits in {turns} turn{'' if turns == 1 else 's'}"
    return line + "."


def far_plenum_words(scn, st, date: str, side: str) -> str | None:
    """The aim's advice when the plenum on `date` is further off than any commitment this side
    can win would last (drift takes PLEDGE_DECAY a turn), or None when it is near enough."""
    adds = [add for a in scn.actions if a.side == side for add in _pledge_adds(a.success, side)]
    if not adds or date < st.date:
        return None
    turns = turns_until(scn, st, date)
    if turns < pledge_lasts(max(adds)):
        return None
    act = "secure votes" if side == "kim" else "recruit"
    return f"It sits in {turns} turns and pledges fade by {PLEDGE_DECAY} a turn: {act} nearer the day."
