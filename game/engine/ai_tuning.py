"""The names, kinds and defaults of the numbers a scenario may set to tune the computer players.

They live in the engine, not in game/ai, so that the scenario format (content.py) can refuse a
misspelt or absurd name at load, with its file and line, and the AI reads the same definitions
(game/ai/weights.py applies them; its LEVELS table gives each level's defaults). Levels differ
in foresight, never in what they may see: every level reads only its side's view
(game/engine/intel.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Weights:
    # -- what the outcome is worth (points of the AI's value)
    vote: float = 300.0  # the critics' motion carrying (to the critics; its failure, to Kim), as a probability
    counter: float = 80.0  # Kim: a majority of his own once the plot is known (the counter-attack)
    found: float = 160.0  # Kim: the plot found before the plenum
    found_cost: float = 60.0  # the critics: being found out (beyond what it costs them at the vote)
    ending: float = 1000.0  # an ending reached: + for one's own side, - for the other's
    likely_ending: float = 400.0  # an end-date ending that already holds once the plenum is over
    patron: float = 0.15  # per point of (favour to Kim - favour to the critics), signed for the side
    intel: float = 0.3  # per point of one's own intelligence
    budget: float = 4.0  # per action point next turn
    plotter_lost: float = 12.0  # the critics: each of their circle arrested, expelled or fled
    action_prior: float = 0.2  # times an action's ai_weight (the scenario's hint of its worth)
    option_prior: float = 2.0  # times an event option's ai_weight
    min_gain_per_point: float = 0.5  # an action must be worth this much per action point
    # a plenum sooner while it is likely won (critics: Kim abroad; Kim: plot found), times 1 / (1 + turns)
    strike: float = 40.0
    # Kim, at a level that foresees it (Level.delay): a plenum later is worth more the likelier the
    # critics would carry it now, times 1 / (1 + turns). Balance: without it the AI Kim never put a
    # plenum off, even when he was losing the count; hard-hard Kim won 33.5% (critics 52.5%) of 200
    # games at seed 1. With 60, and this at normal too: hard-hard 41.5 / 42.5 but normal-normal
    # 41.5 / 36.5 and normal Kim against easy critics only 3.5 points over normal-normal; so hard only.
    delay: float = 45.0
    margin: float = 3.0  # per expected vote of lead over the other side (keeps a losing side trying)
    enabling_flag: float = 8.0  # a flag that opens one of the side's own moves, tactics or speeches, per use
    # -- what the side expects of the unknown
    base_threat: float = 0.6  # Kim: belief that a plot is being prepared, with no hint either way
    hint_threat: float = 0.25  # Kim: added for each recent informer hint (busy or quiet)
    hint_turns: int = 3  # how many turns a hint stays fresh
    assumed_exposure: float = 25.0  # Kim: the exposure he assumes the critics have (he cannot see it)
    assumed_enemy_intel: float = 50.0  # the critics: Kim's intelligence, which they cannot see
    unknown_flag: float = 0.5  # the chance given to each of the other side's secret flags
    # The critics: the chance that a world they draw has the plot found while they only suspect it
    # (their contacts' word, or a circle so watched that it may be). Balance: see August's
    # scenario.yaml (the hard critics take it as found: 1).
    suspected_found: float = 0.5
    wary: float = 0.5  # at a plenum: weight of the other side's most damaging tactic against the average one
    mood: float = 0.0  # the hall's mood expected at the vote (+ toward Kim)
    mood_sd: float = 5.0  # how far the speeches and tactics may swing the whole hall, either way
    default_turns_to_plenum: int = 6  # while no plenum is on the calendar
    # Foresee the plot being found only while the next plenum has a tactic that needs it found (on
    # the found plot itself, either way, every level still counts). For a scenario whose plot
    # matters at one plenum of many: the campaign's (see its scenario.yaml).
    found_at_plot_plenums: bool = False


@dataclass(frozen=True)
class Level:
    """How far a level looks ahead. All levels see the same: their own side's view."""

    name: str  # the in-world name the UI shows
    width: int  # targets weighed per action (nearest the line first)
    samples: int  # determinizations of the hidden state (Information Set sampling)
    horizon: bool  # looks ahead to the plenum: the risk or chance of discovery over the turns left
    hints: bool  # reads the informers' hints and counters them
    session_samples: int  # plays of each pair of plenum tactics
    end_endings: bool  # weighs the endings an outcome leads to at the end date
    strike: bool  # plans when to strike (Kim abroad, before the plot is found)
    replan_top: int  # later moves in a phase weigh again only this many of the first ranking (0: all)
    discovery: bool = True  # foresees the plot being found (Kim's chance, the critics' risk)
    # the share of plenums whose session it plays out (its own dice, from the seed and the plenum);
    # at the others it takes the tactic that moves the hall most its way. 0 never played out made an
    # easy Kim hopeless (0% even against easy critics); 0.5 against 1 took a normal Kim from 47% to
    # 21% against normal critics.
    sessions: float = 1.0
    opens: bool = True  # sees what a flag opens later (drafting the critique opens the coalition)
    # Kim: foresees that time helps the side behind in the count, and puts the plenum off while losing
    # (Weights.delay). Hard only: at normal it lifted normal-normal Kim as much as it lifted a normal
    # Kim against easy critics, so the level margin there fell from 8 points to 6.5.
    delay: bool = False


WEIGHT_NAMES = frozenset(f.name for f in fields(Weights))
# The level settings a scenario may set for one side (a side's own foresight at a level); the name
# shown on screen stays the level's.
LEVEL_NAMES = frozenset(f.name for f in fields(Level)) - {"name"}
# `delay` and `strike` name both a weight (what it is worth) and a level setting (whether the
# level foresees it). In a side's level block the bare name is the weight, as everywhere else;
# the setting is written `level.delay`. (Without this, `delay: 1` meant to switch the foresight
# on also set its worth from 45 to 1.) Unambiguous settings (`opens`, `width`...) need no prefix.
LEVEL_PREFIX = "level."
SETTING_NAMES = (LEVEL_NAMES - WEIGHT_NAMES) | frozenset(LEVEL_PREFIX + n for n in LEVEL_NAMES)

# A level setting's bounds (inclusive). The upper ones keep a scenario from asking for a
# look-ahead that never ends: the hard level's 5 targets, 3 worlds and 2 plays a pair take about
# a second a decision, and the AI's time grows with their product.
SETTING_BOUNDS: dict[str, tuple[float, float]] = {
    "width": (1, 12),
    "samples": (1, 8),
    "session_samples": (1, 8),
    "replan_top": (0, 20),
    "sessions": (0.0, 1.0),
}
# A whole-number weight's bounds (turns).
WEIGHT_BOUNDS: dict[str, tuple[float, float]] = {
    "hint_turns": (0, 24),
    "default_turns_to_plenum": (0, 48),
}


def _kind(cls: type, name: str) -> str:
    return {f.name: str(f.type) for f in fields(cls)}[name]


def problem(name: str, value: float) -> str | None:
    """What is wrong with the value in ``name: value`` for a known weight or level setting, or
    None. The message says what to write instead."""
    if isinstance(value, bool) or not math.isfinite(value):
        return f"{name}: {value!r} is not a finite number"
    is_setting = name not in WEIGHT_NAMES
    field = name.removeprefix(LEVEL_PREFIX) if is_setting else name
    kind = _kind(Level if is_setting else Weights, field)
    bounds = (SETTING_BOUNDS if is_setting else WEIGHT_BOUNDS).get(field)
    if kind == "bool" and value not in (0, 1):
        return f"{name}: {value:g} must be 1 (on) or 0 (off)"
    if kind == "int" and value != int(value):
        return f"{name}: {value:g} must be a whole number"
    if bounds is not None and not bounds[0] <= value <= bounds[1]:
        return f"{name}: {value:g} must lie between {bounds[0]:g} and {bounds[1]:g}"
    return None
