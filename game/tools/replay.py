"""`plenum replay-plenum`: the August 1956 plenum as recorded, step by step in the terminal, and
a seat to take at any step. Also the helpers the window's replay and ending screens use: the
historical course from a start point (both sides on 'history'), taking a seat, and where a
finished game left history.

The stepping, the annotations, the seat and the divergence are the engine's
(game/engine/replay_*.py); this module only plays the historical course and talks to the
terminal.
"""

from __future__ import annotations

import sys
import textwrap
import time
from collections.abc import Callable
from typing import TextIO

from game import ai
from game.engine.basics import date_words
from game.engine.content import ReplayStep, Scenario
from game.engine.game import Game
from game.engine.replay_divergence import COURSE_NOTE, Divergence, compare
from game.engine.replay_seat import play_to_seat
from game.engine.replay_steps import Annotation, ReplayCursor, annotate, bibliography, dwell

SCENARIO = "august-1956"
SEED_SEARCH = 200  # how many seeds to try for a historical course that matches the record
SIDE_NAME = {"kim": "Kim's side", "opposition": "the opposition", "none": ""}

_history_cache: dict[tuple, Game] = {}
_seed_cache: dict[tuple, int] = {}


def load_scenario(name: str = SCENARIO, mods: tuple = ()) -> Scenario:
    from pathlib import Path

    from game.scenario.loader import find_scenario, load

    folder = find_scenario(name)
    if folder is None:
        raise FileNotFoundError(f"no scenario '{name}'")
    res = load(folder, [Path(m) for m in mods])
    if not res.ok:
        raise ValueError("\n".join(d.format() for d in res.diagnostics))
    assert res.scenario is not None
    return res.scenario


def history_game(scn: Scenario, start: str | None, seed: int) -> Game:
    """The historical course: both sides take every historical choice, from ``start``."""
    key = (id(scn), start, seed)
    g = _history_cache.get(key)
    if g is None:
        from game.tools.report import run

        g = Game.new(scn, start, seed)
        run(g, {"kim": ai.make("history"), "opposition": ai.make("history")})
        _history_cache[key] = g
    return g


def matches_record(scn: Scenario, g: Game) -> bool:
    """Does this historical course give the outcomes the replay records (who was shouted down,
    who was heard out, what carried) and the historical ending?"""
    ending = scn.get("ending", g.state.ending or "")
    if ending is None or not ending.historical:
        return False
    for step in scn.replay:
        if not step.person or step.outcome not in ("delivered", "shouted_down"):
            continue
        for pl in g.state.plenums.values():
            if not pl.record or pl.record.get("date") != step.date:
                continue
            said = [s for s in pl.record["stages"] if s.get("kind") == "speech" and s.get("person") == step.person]
            if said and said[0]["outcome"] != step.outcome:
                return False
    return True


def recorded_seed(scn: Scenario, start: str | None) -> int:
    """The first seed whose historical course from ``start`` matches the record step for step:
    the replay's seats use it, so a player who keeps to history sees history."""
    key = (id(scn), start)
    if key not in _seed_cache:
        _seed_cache[key] = next(
            (s for s in range(1, SEED_SEARCH + 1) if matches_record(scn, history_game(scn, start, s))), 1
        )
    return _seed_cache[key]


def take_seat(scn: Scenario, step: ReplayStep | str, side: str, seed: int | None = None) -> Game:
    """A game at the step's moment: both sides followed history up to it; ``side`` moves next."""
    if isinstance(step, str):
        found = scn.get("replay", step)
        if found is None:
            raise KeyError(f"no replay step '{step}'")
        step = found
    assert isinstance(step, ReplayStep)
    if side not in ("kim", "opposition"):
        raise ValueError(f"unknown side '{side}'")
    if step.seat.start not in {sp.id for sp in scn.scenario.starts}:
        raise KeyError(f"replay step '{step.id}' needs the start point '{step.seat.start}', which this scenario lacks")
    if seed is None:
        seed = recorded_seed(scn, step.seat.start)
    g = Game.new(scn, step.seat.start, seed)
    play_to_seat(g, step.seat, side, ai.make("history"))
    return g


def divergence_for(g: Game) -> Divergence:
    """Where this game left history: compared with the historical course from its own start
    point and seed."""
    return compare(g.scn, g.state, history_game(g.scn, g.state.start, g.state.seed).state)


# ---------------------------------------------------------------------- the terminal
def print_step(a: Annotation, n: int, total: int, out: TextIO) -> None:
    def say(text: str = "") -> None:
        print(text, file=out)

    def wrap(text: str, indent: str = "  ") -> None:
        say(textwrap.fill(" ".join(text.split()), 92, initial_indent=indent, subsequent_indent=indent))

    who = f" · {a.speaker}" if a.speaker else ""
    side = f" ({SIDE_NAME.get(a.side, '')})" if a.side != "none" and a.speaker else ""
    outcome = f" · {a.outcome}" if a.outcome else ""
    say()
    say(f"[{n}/{total}] {date_words(a.date)} · {a.kind}{who}{side}{outcome}")
    say(f"  {a.title.upper()}")
    wrap(a.text)
    if a.uncertain:
        wrap("Uncertain: " + a.uncertain)
    say("  Sources:")
    for s in a.sources:
        wrap(f"{s.key}: {s.label}", indent="    ")
    if a.seat_note:
        wrap("Take a seat here: " + a.seat_note)


def print_divergence(d: Divergence, out: TextIO) -> None:
    print(file=out)
    print("WHERE THIS GAME LEFT HISTORY", file=out)
    if d.kept_to_history:
        print("  " + d.first, file=out)
        print(f'  It ends in "{d.ending}".', file=out)
        return
    print(textwrap.fill(COURSE_NOTE, 92, initial_indent="  ", subsequent_indent="  "), file=out)
    print(
        textwrap.fill(
            f"First divergence ({date_words(d.date)}): {d.first}", 92, initial_indent="  ", subsequent_indent="  "
        ),
        file=out,
    )
    if d.followed:
        print("  What followed:", file=out)
        for line in d.followed:
            print(textwrap.fill(line, 92, initial_indent="    - ", subsequent_indent="      "), file=out)


def play_seat(scn: Scenario, step_id: str, side: str, other: str, inp: TextIO, out: TextIO, seed: int | None) -> int:
    from game.tools.report import run
    from game.tools.terminal import Quit, TerminalPlayer

    g = take_seat(scn, step_id, side, seed)
    step = scn.get("replay", step_id)
    print(file=out)
    print(f'You take {SIDE_NAME[side]}\'s seat at "{step.title}" ({date_words(g.state.date)}).', file=out)
    print(f"  {step.seat.note}", file=out)
    other_side = "opposition" if side == "kim" else "kim"
    controllers: dict[str, Callable[[Game, str], dict]] = {side: TerminalPlayer(inp, out), other_side: ai.make(other)}
    try:
        run(g, controllers)
    except Quit:
        print("\nLeft the game.", file=out)
        return 0
    e = scn.get("ending", g.state.ending or "")
    print(file=out)
    print(f"THE END: {e.title if e else 'no verdict'}", file=out)
    if e is not None:
        print(textwrap.fill(" ".join(e.text.split()), 92, initial_indent="  ", subsequent_indent="  "), file=out)
    print_divergence(divergence_for(g), out)
    return 0


HELP = "Enter next · b back · d next day · a auto on/off · k take Kim's seat · o take the opposition's · q quit"


def walk(scn: Scenario, args, inp: TextIO, out: TextIO) -> int:
    cur = ReplayCursor(scn.replay, speed=1.0 / max(0.01, args.pace) if args.pace else 1.0)
    bib = bibliography(scn)
    auto = args.auto
    total = len(scn.replay)
    shown = -1
    told_end = False
    while True:
        if cur.index != shown:
            print_step(annotate(scn, cur.step, bib), cur.index + 1, total, out)
            shown = cur.index
        if cur.finished and not told_end:
            if auto:
                print("\nThe end of the replay. Take a seat with --seat STEP --side kim|opposition.", file=out)
                return 0
            print("\nThe end of the replay. Take a seat at any step: k or o with its number, e.g. 'o 7'.", file=out)
            told_end = True
        if auto and not cur.finished:
            try:
                time.sleep(dwell(cur.step, cur.speed) if args.pace else 0)
            except KeyboardInterrupt:
                auto = False  # Ctrl-C pauses the replay; 'a' resumes it
                print("\n  (paused)", file=out)
                continue
            cur.next()
            continue
        out.write(f"  {HELP}: ")
        out.flush()
        line = inp.readline()
        if not line:
            return 0
        cmd, _, arg = line.strip().lower().partition(" ")
        if cmd == "":
            if cur.finished:
                return 0
            cur.next()
        elif cmd == "b":
            cur.back()
            shown, told_end = -1, False
        elif cmd == "d":
            cur.next_day()
        elif cmd == "a":
            auto = True
        elif cmd in ("k", "o"):
            step = cur.step
            if arg.isdigit() and 1 <= int(arg) <= total:
                step = scn.replay[int(arg) - 1]
            return play_seat(scn, step.id, "kim" if cmd == "k" else "opposition", args.other, inp, out, args.seed)
        elif cmd == "q":
            return 0
        else:
            print(f"  {HELP}", file=out)


def main(args, inp: TextIO | None = None, out: TextIO | None = None) -> int:
    inp = inp or sys.stdin
    out = out or sys.stdout
    try:
        scn = load_scenario(args.scenario, tuple(args.mod))
    except (FileNotFoundError, ValueError) as exc:
        print(f"plenum replay-plenum: {exc}", file=sys.stderr)
        return 2
    if not scn.replay:
        print(f"plenum replay-plenum: scenario '{args.scenario}' has no replay steps", file=sys.stderr)
        return 2
    if args.list:
        for i, s in enumerate(scn.replay, 1):
            print(f"{i:3d}  {s.id:24s} {s.date}  {s.title}", file=out)
        return 0
    if args.seat:
        if scn.get("replay", args.seat) is None:
            print(f"plenum replay-plenum: no step '{args.seat}' (see --list)", file=sys.stderr)
            return 2
        return play_seat(scn, args.seat, args.side, args.other, inp, out, args.seed)
    return walk(scn, args, inp, out)
