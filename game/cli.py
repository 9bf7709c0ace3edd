"""The one command-line entry point: `plenum` (also `python -m game`).

plenum                     open the game window (the default)
plenum validate PATH...    check scenario or mod folders and files
plenum schema              print the JSON Schema of the scenario format
plenum simulate ...        play or replay a scenario headless
plenum shots --out DIR     render every screen to PNG without a display
plenum lab                 balance lab: tally endings over many AI games
plenum replay-plenum       the August 1956 plenum as recorded; take a seat at any step
plenum bench               print frame-time and simulation-speed figures
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from game import __version__


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="plenum", description="August Plenum: party politics in Pyongyang, 1953-1962.")
    p.add_argument("--version", action="version", version=f"August Plenum {__version__}")
    p.add_argument("--windowed", action="store_true", help="ignore the fullscreen setting")
    p.add_argument("--dev", action="store_true", help="watch the scenario and mods and reload them when they change")
    sub = p.add_subparsers(dest="cmd")

    play = sub.add_parser("play", help="open the game window (default)")
    play.add_argument(
        "--windowed", action="store_true", default=argparse.SUPPRESS, help="ignore the fullscreen setting"
    )

    v = sub.add_parser("validate", help="check scenario/mod folders and files; exit 1 on errors")
    v.add_argument("paths", nargs="*", help="scenario folders (or ids), or files inside them; default: all scenarios")
    v.add_argument(
        "--mod", action="append", default=[], help="apply this mod (a folder, or an installed mod's name; repeatable)"
    )
    v.add_argument("--json", action="store_true", help="print diagnostics as JSON")
    v.add_argument("--list", action="store_true", help="list installed scenarios and exit")
    v.add_argument("--all", action="store_true", help="also print the problems folded under their cause")

    s = sub.add_parser("schema", help="print the JSON Schema for scenario files")
    s.add_argument("--out", type=Path, help="write to this file instead of standard output")
    s.add_argument("--docs", action="store_true", help="print the Markdown format reference instead")
    s.add_argument("--patch", action="store_true", help="the schema for patch files (mods, scenarios with a base)")

    sim = sub.add_parser("simulate", help="play or replay a scenario without a window")
    sim.add_argument("--scenario", default="august-1956")
    sim.add_argument("--start", default=None, help="start point id (see the scenario's starts)")
    sim.add_argument("--kim", default="ai", help="human, ai, ai:easy|normal|hard, history, script:NAME|PATH.yaml")
    sim.add_argument("--opposition", default="ai", help="as --kim")
    sim.add_argument("--difficulty", choices=("easy", "normal", "hard"), default="normal")
    sim.add_argument("--seed", type=int, default=1)
    sim.add_argument("--mod", action="append", default=[], help="apply a mod folder")
    sim.add_argument("--json", action="store_true", help="print the final state as JSON")
    sim.add_argument("--resume", type=Path, help="continue a saved game")
    sim.add_argument("--replay", type=Path, help="replay the decisions in a JSON report or save")
    sim.add_argument("--save", type=Path, help="write the final game to this save file")

    lab = sub.add_parser("lab", help="balance lab: play many headless games and tally the endings")
    lab.add_argument("--scenario", default="august-1956")
    lab.add_argument("--start", default=None)
    lab.add_argument("--games", type=int, default=50)
    lab.add_argument("--seed", type=int, default=1, help="first seed; game i uses seed+i")
    lab.add_argument("--kim", default="ai", help="ai (normal), ai:LEVEL, history, script:NAME|PATH.yaml")
    lab.add_argument("--opposition", default="ai", help="as --kim")
    lab.add_argument("--difficulty", choices=("easy", "normal", "hard"), default=None, help="deprecated: ai:LEVEL")
    lab.add_argument("--jobs", type=int, default=1, help="worker processes")
    lab.add_argument("--mod", action="append", default=[])
    lab.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    lab.add_argument("--progress", action="store_true", help="show progress on stderr even when it is not a terminal")

    rp = sub.add_parser(
        "replay-plenum", help="the August 1956 plenum as recorded, step by step; take a seat at any step"
    )
    rp.add_argument("--scenario", default="august-1956")
    rp.add_argument("--mod", action="append", default=[])
    rp.add_argument("--list", action="store_true", help="list the steps and exit")
    rp.add_argument("--auto", action="store_true", help="advance by itself (Ctrl-C pauses)")
    rp.add_argument("--pace", type=float, default=1.0, help="with --auto: 1 = the plenum hall's pace, 0 = no waiting")
    rp.add_argument("--seat", metavar="STEP", help="take a seat at this step at once (an id from --list)")
    rp.add_argument("--side", choices=("kim", "opposition"), default="opposition", help="the side you take over")
    rp.add_argument("--other", choices=("ai", "history"), default="ai", help="who plays the other side")
    rp.add_argument("--seed", type=int, default=None, help="default: a seed whose history matches the record")

    sh = sub.add_parser("shots", help="render every screen to PNG (no display needed)")
    sh.add_argument("--out", type=Path, default=Path("shots"))
    sh.add_argument("--size", default="1280x720")

    b = sub.add_parser("bench", help="print performance figures")
    b.add_argument("--games", type=int, default=20, help="AI-vs-AI games for the simulation figure")
    b.add_argument("--frames", type=int, default=120, help="frames per screen for the frame-time figure")
    b.add_argument("--no-ui", action="store_true")
    b.add_argument("--levels", nargs="*", choices=("easy", "normal", "hard"), help="AI levels to time (default: all)")
    b.add_argument("--no-campaign", action="store_true", help="skip timing a whole campaign game")
    b.add_argument("--jobs", type=int, default=1, help="also time normal AI vs AI on this many processes, as the lab")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.cmd in (None, "play", "simulate"):
            from game.saves import clean_temporary

            clean_temporary()  # what a crash while saving left behind; never listed, never loaded
        if args.cmd in (None, "play"):
            from game.ui.app import run_app

            return run_app(windowed=getattr(args, "windowed", False), dev=getattr(args, "dev", False))
        if args.cmd == "validate":
            from game.tools.validate import main as validate

            return validate(args.paths, args.mod, as_json=args.json, list_only=args.list, show_all=args.all)
        if args.cmd == "schema":
            from game.scenario.schema import json_schema, markdown_reference

            kind = "patch" if args.patch else "full"
            text = markdown_reference().rstrip("\n") if args.docs else json.dumps(json_schema(kind), indent=2)
            if args.out:
                args.out.write_text(text + "\n", encoding="utf-8")
            else:
                print(text)
            return 0
        if args.cmd == "simulate":
            from game.tools.simulate import main as simulate

            return simulate(args)
        if args.cmd == "lab":
            from game.tools.lab import main as lab

            return lab(args)
        if args.cmd == "replay-plenum":
            from game.tools.replay import main as replay_plenum

            return replay_plenum(args)
        if args.cmd == "shots":
            from game.ui.shots import main as shots

            return shots(args.out, args.size)
        if args.cmd == "bench":
            from game.tools.bench import main as bench

            return bench(args)
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
