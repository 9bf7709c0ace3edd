"""`plenum simulate`: play (human at the terminal, AI or history) or replay a scenario headless."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

from game import json_file, saves
from game.engine.actions import Refused
from game.engine.basics import date_words
from game.engine.game import Game
from game.paths import saves_dir
from game.scenario.installed import mod_not_found, read_mod_meta, resolve_mod
from game.scenario.loader import find_scenario, load
from game.tools.report import Controller, final_report, run
from game.tools.terminal import HotSeat, Quit, TerminalPlayer


def _err(msg: str) -> int:
    print(f"plenum simulate: {msg}", file=sys.stderr)
    return 2


def _load_scenario(name: str, mods: list[str]):
    folder = find_scenario(name)
    if folder is None:
        return None, None, _err(f"no scenario '{name}' (try 'plenum validate --list')")
    mod_dirs = []
    for m in mods:
        p = resolve_mod(m)
        if p is None:
            return None, None, _err(mod_not_found(m))
        mod_dirs.append(p)
    result = load(folder, mod_dirs)
    if not result.ok:
        for d in result.diagnostics:
            print(d.format(), file=sys.stderr)
        with_mods = f" with {', '.join(repr(m) for m in mods)}" if mods else ""
        return None, None, _err(f"scenario '{name}'{with_mods} has errors (above); fix them and run again")
    return result.scenario, folder, 0


# A replay is a JSON report (`--json`) or a save; the largest campaign save is under 5 MB.
MAX_REPLAY_BYTES = 64_000_000


def _read_replay(path: Path, args) -> tuple[str | None, int, list[dict]] | str:
    """(start, seed, decisions) from a JSON report or a save, or what is wrong with the file, in
    words: never a traceback, whatever the file holds."""
    try:
        payload = json_file.read(path, MAX_REPLAY_BYTES)
    except json_file.JsonFileError as exc:
        return {
            "too_large": f"{path}: the file is larger than {MAX_REPLAY_BYTES // 1_000_000} MB; it is not a replay",
            "missing": f"{path}: no such file",
            "unreadable": f"{path}: cannot read the replay ({exc.detail})",
            "too_deep": f"{path}: nested far too deeply; not a JSON report or save",
        }.get(exc.kind, f"{exc.where}: not a JSON report or save ({exc.detail})")
    src = payload.get("state", payload) if isinstance(payload, dict) else None
    if not isinstance(src, dict):
        return f"{path}: not a JSON report or save (it holds no game)"
    decisions = src.get("decisions")
    if not isinstance(decisions, list) or not all(isinstance(d, dict) for d in decisions):
        return f"{path}: no list of decisions in it"
    start = src.get("start", args.start)
    seed = src.get("seed", args.seed)
    if start is not None and not isinstance(start, str):
        return f"{path}: its start point {start!r} is not a name"
    if isinstance(seed, bool) or not isinstance(seed, int):
        return f"{path}: its seed {seed!r} is not a whole number"
    return start, seed, decisions


def main(args) -> int:
    scenario_name = args.scenario
    if args.resume:
        try:
            scn, g, scenario_name = saves.read(args.resume)
        except saves.SaveError as exc:
            return _err(str(exc))
    else:
        scn, folder, code = _load_scenario(args.scenario, args.mod)
        if scn is None:
            return code
        mod_dirs = [p for p in (resolve_mod(m) for m in args.mod) if p is not None]
        scenario_name = folder.name
        if args.start and args.start not in {s.id for s in scn.scenario.starts}:
            ids = ", ".join(s.id for s in scn.scenario.starts)
            return _err(f"scenario '{args.scenario}' has no start point '{args.start}' (it has: {ids})")
        if args.replay:
            got = _read_replay(Path(args.replay), args)
            if isinstance(got, str):
                return _err(got)
            start, seed, decisions = got
            try:
                g = Game.replay(scn, start, seed, decisions)
            except Refused as exc:
                return _err(f"{args.replay}: {exc}")
            return _finish(g, args, scenario_name)
        g = Game.new(scn, args.start, args.seed)
        g.state.mods = [read_mod_meta(p).id for p in mod_dirs]

    # One file per game: chosen free on the first save (two games on the same scenario and date
    # never share one), then reused; a resumed game keeps writing to the save it came from.
    save_path: list[Path | None] = [Path(args.resume) if args.resume else None]

    def save_to(game: Game) -> str:
        path = save_path[0]
        if path is None:
            path = save_path[0] = saves.unique_path(saves_dir(), f"terminal-{game.state.scenario}-{game.state.date}")
        return str(saves.write(path, game, scenario_name))

    humans = {}
    controllers: dict[str, Controller] = {}
    # Two people at one keyboard: the screen is cleared and handed over between their turns.
    seat = HotSeat() if args.kim == "human" and args.opposition == "human" else None
    for side in ("kim", "opposition"):
        kind = getattr(args, side)
        if kind == "human":
            humans[side] = TerminalPlayer(save=save_to, seat=seat)
            controllers[side] = humans[side]
        else:
            # The same player specs as the lab (ai:LEVEL, history, script:...), so any lab game replays here.
            from game.scripted import ScriptError
            from game.tools.lab import SpecError, make_player

            try:
                controllers[side] = make_player(kind, side, g.scn, args.difficulty)
            except (SpecError, ScriptError) as exc:
                return _err(str(exc))

    held_before = {pid for pid, pl in g.state.plenums.items() if pl.status == "held"}

    def on_order(order, outcome) -> None:
        side = order.get("side")
        if side in humans and order.get("t") == "act":
            humans[side].result(g, side, outcome.text)
        for pid, pl in g.state.plenums.items():
            if pl.status == "held" and pid not in held_before:
                held_before.add(pid)
                for h_side, h in humans.items():
                    h.plenum_report(g, pid, h_side)

    try:
        run(g, controllers, on_order)
    except Quit:
        path = save_to(g)
        print(f"\nGame saved to {path}. Resume with: plenum simulate --resume {path}")
        return 0
    return _finish(g, args, scenario_name, humans)


def _finish(g: Game, args, scenario_name: str, humans: dict | None = None) -> int:
    if args.save:
        saves.write(args.save, g, scenario_name)
    report = final_report(g)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    for h in (humans or {}).values():
        h.flush_reports()  # a plenum's report still held back for a side (hot-seat): the game is over
    e = g.scn.get("ending", g.state.ending)
    print()
    from game.tools.terminal import ending_line

    print(ending_line(g))  # the day the game was decided, in words (not the calendar's end date)
    if e:
        print(textwrap.fill(" ".join(e.text.split()), 88))
        if e.history:
            print()
            print(textwrap.fill("In history: " + " ".join(e.history.split()), 88))
    for pl in report["plenums"]:
        for m in pl["motions"]:
            print(
                f"  {pl['title']}: {m['title']}: {m['for']}-{m['against']}-{m['abstain']} "
                f"({'carried' if m['passed'] else 'defeated'})"
            )
    if humans and len(humans) == 1:
        # The game is over: the computer's reasons for its moves, kept in its side's log, may be read.
        from game.tools.terminal import SIDE_NAME, prose

        ai_side = "opposition" if "kim" in humans else "kim"
        why = [e for e in g.state.log if e.kind == "reason" and e.visible_to == ai_side]
        if why:
            print(f"\nHOW THE COMPUTER PLAYED {SIDE_NAME[ai_side].upper()} ({len(why)} moves explained)")
            for e in why:
                print(
                    textwrap.fill(
                        prose(e.text, g.scn), 88, initial_indent=f"  {date_words(e.date)}  ", subsequent_indent="      "
                    )
                )
    if humans:
        # A person played: say where this game left the historical course (same start and seed).
        from game.tools.replay import divergence_for, print_divergence

        print_divergence(divergence_for(g), sys.stdout)
    print(f"  state hash {report['hash'][:16]}")
    return 0
