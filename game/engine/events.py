"""Decision points: when an event may fire, and what choosing an option does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine import expr as X
from game.engine.actions import Refused
from game.engine.content import EventDef, OptionDef, Scenario
from game.engine.context import EvalContext, date_add
from game.engine.effects import apply_effects
from game.engine.plenum import projection
from game.engine.state import Pending

if TYPE_CHECKING:
    from game.engine.state import GameState


def _cond(state: GameState, scn: Scenario, src: str | None) -> bool:
    return not src or bool(X.run(src, EvalContext(state, scn, votes=projection)))


# A recurring event (once: false) fires at most once per calendar month. Without this, a
# yearly dispatch whose condition holds for all of January fired on every check of every turn
# in it (the campaign's 25-day turns check twice a turn: four "annual" reports in January 1955).
# The month it last fired is kept in the state's vars, so it saves and replays with the game.
LAST_FIRED = "_last_fired_month."


def _month(date: str) -> int:
    m = _MONTHS.get(date)
    if m is None:
        if len(_MONTHS) >= 4096:
            _MONTHS.clear()
        m = _MONTHS[date] = int(date[:4]) * 12 + int(date[5:7])
    return m


# date -> its month number, and event id -> its LAST_FIRED key: every recurring event is asked
# about twice a turn.
_MONTHS: dict[str, int] = {}
_LAST_KEYS: dict[str, str] = {}


def _last_key(event_id: str) -> str:
    if len(_LAST_KEYS) >= 4096:
        _LAST_KEYS.clear()
    key = _LAST_KEYS[event_id] = LAST_FIRED + event_id
    return key


def eligible(state: GameState, scn: Scenario, e: EventDef, *, queued: bool) -> bool:
    if e.once and e.id in state.fired:
        return False
    if not e.once and not queued and state.vars.get(_LAST_KEYS.get(e.id) or _last_key(e.id)) == _month(state.date):
        return False
    if state.pending and any(p.event == e.id for p in state.pending):
        return False
    if e.triggered_only and not queued:
        return False
    if e.earliest and state.date < e.earliest and not queued:
        return False
    # A window shorter than a turn must not slip between two turns: an event whose last day
    # fell inside the turn just played may still fire now.
    if e.latest and _last_day(e.latest, scn.scenario.calendar.turn_days) < state.date:
        return False
    return _cond(state, scn, e.condition)


def _last_day(latest: str, turn_days: int) -> str:
    """The last date an event whose window closes on `latest` may still fire (see eligible):
    worked out once per window, as every event is asked twice a turn."""
    key = (latest, turn_days)
    day = _LAST_DAYS.get(key)
    if day is None:
        if len(_LAST_DAYS) >= 4096:
            _LAST_DAYS.clear()
        day = _LAST_DAYS[key] = date_add(latest, turn_days - 1)
    return day


_LAST_DAYS: dict[tuple[str, int], str] = {}


def options_for(state: GameState, scn: Scenario, e: EventDef, side: str) -> list[OptionDef]:
    opts = [o for o in e.options if (o.side or e.side) in (side, "both") and _cond(state, scn, o.condition)]
    if not opts:  # never leave a player without a way out
        opts = [o for o in e.options if (o.side or e.side) in (side, "both")][:1]
    return opts


def fire_due(state: GameState, scn: Scenario) -> None:
    """Fire queued events, then every event whose window and condition hold, in file order."""
    queued, state.queued_events = state.queued_events, []
    for eid in queued:
        e = scn.get("event", eid)
        if e and eligible(state, scn, e, queued=True):
            _fire(state, scn, e)
    for e in scn.events:
        if e.id in queued or not eligible(state, scn, e, queued=False):
            continue
        if e.chance < 100 and state.rng.roll() > e.chance:
            continue
        _fire(state, scn, e)


def _fire(state: GameState, scn: Scenario, e: EventDef) -> None:
    if not e.once:
        state.vars[LAST_FIRED + e.id] = _month(state.date)
    for c in e.codex:
        if c not in state.codex:
            state.codex.append(c)
    if e.side == "none":
        state.fired[e.id] = ""
        state.add_log(e.title, "news", e.visible_to or "all")
        apply_effects(state, scn, e.options[0].effects if e.options else [])
        return
    state.fired.setdefault(e.id, "")
    sides = ("kim", "opposition") if e.side == "both" else (e.side,)
    vis = e.visible_to or ("all" if e.side == "both" else e.side)
    state.add_log(e.title, "event", vis)
    for s in sides:
        state.pending.append(Pending(e.id, s))


def choose(state: GameState, scn: Scenario, side: str, event_id: str, option_id: str) -> OptionDef:
    pend = next((p for p in state.pending if p.event == event_id and p.side == side), None)
    if pend is None:
        raise Refused("That decision is not waiting for you.")
    e = scn.get("event", event_id)
    opt = next((o for o in options_for(state, scn, e, side) if o.id == option_id), None)
    if opt is None:
        raise Refused("That option is not open to you.")
    state.pending.remove(pend)
    prev = state.fired.get(event_id, "")
    state.fired[event_id] = f"{prev},{option_id}" if prev else option_id
    # "What About Choe Yong-gon? Leave him alone", not "...?: Leave him alone".
    sep = " " if e.title.endswith(("?", "!")) else ": "
    state.add_log(f"{e.title}{sep}{opt.text}", "decision", "all" if e.side == "both" else side)
    apply_effects(state, scn, opt.effects)
    return opt
