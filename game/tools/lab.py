"""`plenum lab`: the balance lab. Plays many headless games and tallies what happened.

    plenum lab --scenario ID --games N --jobs J --kim SPEC --opposition SPEC [--mod M]
               [--start S] [--seed K] [--json] [--progress]

A player SPEC is `ai:easy|normal|hard` (plain `ai` is normal), `history` (every historical
choice), `script:NAME` (a built-in routine from game/scripted.py) or `script:PATH.yaml` (a
modder's routine). Game i plays seed K+i; every game the lab lists can be replayed with
`plenum simulate --kim SPEC --opposition SPEC --seed K+i`, which gives the same state hash.

The figures: each side's win rate with a 95% Wilson interval, the count of each ending, game
length, the turns played after the last real choice (dead turns), how often each action and each
option is chosen per side (as a share of that side's choices of that kind), the plenum tallies,
and a few seeds per ending. Games never touch the disk or a window; with --jobs they are spread
over processes (spawned, so the lab behaves the same on every platform).
"""

from __future__ import annotations

import json
import math
import multiprocessing as mp
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from game.tools import headless_gc

LEVELS = ("easy", "normal", "hard")
SEEDS_PER_ENDING = 3
SIDES = ("kim", "opposition")


class SpecError(ValueError):
    pass


def normalise(spec: str, default_level: str = "normal") -> str:
    """The canonical form of a player spec ('ai' -> 'ai:normal'); SpecError if it is not one."""
    spec = spec.strip()
    if spec in ("human", "history"):
        return spec
    if spec == "ai":
        return f"ai:{default_level}"
    if spec.startswith("ai:"):
        level = spec[3:]
        if level not in LEVELS:
            raise SpecError(f"unknown AI level '{level}' (levels: {', '.join(LEVELS)})")
        return spec
    if spec.startswith("script:") and len(spec) > 7:
        return spec
    raise SpecError(f"unknown player '{spec}' (use ai:easy|normal|hard, history, script:NAME or script:PATH.yaml)")


def make_player(spec: str, side: str, scn=None, default_level: str = "normal"):
    """A controller for a normalised or plain spec. Raises SpecError (or ScriptError) with a
    message for the player."""
    from game import ai

    spec = normalise(spec, default_level)
    if spec == "history":
        return ai.make("history")
    if spec.startswith("ai:"):
        return ai.make("ai", spec[3:])
    if spec.startswith("script:"):
        from game import scripted

        return scripted.make(spec[7:], scn, side)
    raise SpecError(f"'{spec}' cannot play in the lab")


# ---------------------------------------------------------------------------- one game

_SCN = None


def _init(folder: str, mods: list[str]) -> None:
    global _SCN
    from game.scenario.loader import load

    _SCN = load(Path(folder), [Path(m) for m in mods]).scenario
    headless_gc.tune()


def _play(job: tuple) -> dict:
    """Play one game and return what the tally needs (a small, picklable dict)."""
    from game.engine.game import Game
    from game.tools.report import run

    seed, start, kim, opp = job
    scn = _SCN
    assert scn is not None, "the worker was started without a scenario"
    g = Game.new(scn, start, seed)
    played: set[int] = set()  # turns in which a side was asked for an order
    live: set[int] = set()  # turns in which a side had a real choice

    def watched(player):
        def ask(game: Game, side: str) -> dict:
            st = game.state
            order = player(game, side)
            played.add(st.turn)
            if order.get("t") in ("choose", "tactic"):
                pend = next((p for p in st.pending if p.side == side), None)
                if pend is not None and len(game.options(pend)) > 1:
                    live.add(st.turn)
            elif order.get("t") == "act" and any(pl.status not in ("held", "cancelled") for pl in st.plenums.values()):
                live.add(st.turn)
            return order

        return ask

    try:
        run(
            g,
            {
                "kim": watched(make_player(kim, "kim", scn)),
                "opposition": watched(make_player(opp, "opposition", scn)),
            },
        )
    except Exception as exc:
        # Re-raised as a plain error naming the seed: some engine errors do not survive the trip
        # back from a worker process, and a pool waiting on a lost result never finishes.
        raise RuntimeError(f"game with seed {seed} failed: {type(exc).__name__}: {exc}") from None
    st = g.state
    e = scn.get("ending", st.ending)
    acts: dict[str, Counter] = {s: Counter() for s in SIDES}
    opts: dict[str, Counter] = {s: Counter() for s in SIDES}
    tacs: dict[str, Counter] = {s: Counter() for s in SIDES}
    for d in st.decisions:
        side, t = d["side"], d.get("t")
        if t == "act":
            acts[side][d["action"]] += 1
        elif t == "choose":
            opts[side][f"{d['event']}:{d['option']}"] += 1
        elif t == "tactic":
            tacs[side][f"{d['plenum']}:{d['tactic']}"] += 1
    votes: dict[str, dict] = {}
    for pid, pl in st.plenums.items():
        if not pl.record:
            continue
        for stage in pl.record["stages"]:
            if stage["kind"] == "vote":
                votes[f"{pid}:{stage['motion']}"] = {**stage["tally"], "passed": stage["passed"]}
    return {
        "seed": seed,
        "ending": st.ending or "?",
        "victor": e.victor if e else "none",
        "turns": st.turn,
        # Turns played after the last one with a real choice (an event option or plenum tactic
        # out of two or more, or an action while a plenum may still sit): the dead turns.
        "idle": max(played, default=0) - max(live, default=min(played, default=0)),
        "actions": {s: dict(c) for s, c in acts.items()},
        "options": {s: dict(c) for s, c in opts.items()},
        "tactics": {s: dict(c) for s, c in tacs.items()},
        "votes": votes,
        "hash": st.hash(),
    }


# ---------------------------------------------------------------------------- figures


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval for k successes in n trials (sound near 0% and 100%)."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    d = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / d
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (max(0.0, centre - half), min(1.0, centre + half))


def summarise(results: list[dict], seconds: float, meta: dict) -> dict:
    n = len(results)
    victors = Counter(r["victor"] for r in results)
    endings = Counter(r["ending"] for r in results)
    turns = sorted(r["turns"] for r in results)
    out: dict = {**meta, "games": n, "seconds": round(seconds, 2)}
    out["victors"] = dict(victors.most_common())
    out["win_rate"] = {}
    for side in SIDES:
        lo, hi = wilson(victors.get(side, 0), n)
        out["win_rate"][side] = {"rate": round(victors.get(side, 0) / n, 4), "low": round(lo, 4), "high": round(hi, 4)}
    out["endings"] = dict(endings.most_common())
    out["length"] = {
        "mean": round(sum(turns) / n, 2),
        "min": turns[0],
        "median": turns[n // 2],
        "max": turns[-1],
    }
    by_ending: dict[str, list[int]] = defaultdict(list)
    for r in results:
        by_ending[r["ending"]].append(r["idle"])
    out["idle_turns"] = {
        "mean": round(sum(r["idle"] for r in results) / n, 2),
        "games": sum(1 for r in results if r["idle"]),
        "by_ending": {e: round(sum(v) / len(v), 2) for e, v in sorted(by_ending.items(), key=lambda kv: -len(kv[1]))},
    }
    for kind in ("actions", "options", "tactics"):
        per: dict[str, Counter] = {s: Counter() for s in SIDES}
        for r in results:
            for s in SIDES:
                per[s].update(r[kind][s])
        out[kind] = {s: dict(per[s].most_common()) for s in SIDES}
    out["max_action_share"] = {}
    for s in SIDES:
        total = sum(out["actions"][s].values())
        top = max(out["actions"][s].items(), key=lambda kv: kv[1], default=(None, 0))
        out["max_action_share"][s] = {"action": top[0], "share": round(top[1] / total, 4) if total else 0.0}
    motions: dict[str, dict] = defaultdict(lambda: {"held": 0, "passed": 0, "for": 0, "against": 0, "abstain": 0})
    for r in results:
        for key, v in r["votes"].items():
            m = motions[key]
            m["held"] += 1
            m["passed"] += int(v["passed"])
            for k in ("for", "against", "abstain"):
                m[k] += v[k]
    out["motions"] = {
        key: {
            "held": m["held"],
            "passed": m["passed"],
            **{k: round(m[k] / m["held"], 1) for k in ("for", "against", "abstain")},
        }
        for key, m in sorted(motions.items())
    }
    seeds: dict[str, list[int]] = defaultdict(list)
    hashes: dict[str, str] = {}
    for r in sorted(results, key=lambda r: r["seed"]):
        if len(seeds[r["ending"]]) < SEEDS_PER_ENDING:
            seeds[r["ending"]].append(r["seed"])
            hashes[str(r["seed"])] = r["hash"][:16]
    out["seeds"] = dict(seeds)
    out["hashes"] = hashes
    return out


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def print_report(s: dict, scn) -> None:
    n = s["games"]
    print(
        f"{s['scenario']} ({s['start'] or 'first start'}): {n} games, Kim={s['kim']} vs opposition={s['opposition']}, "
        f"seeds {s['seed']}..{s['seed'] + n - 1}"
    )
    print("Win rates (95% Wilson interval):")
    for side in SIDES:
        w = s["win_rate"][side]
        print(f"  {side:<11} {_pct(w['rate'])}  [{_pct(w['low'])} - {_pct(w['high'])}]")
    others = {v: c for v, c in s["victors"].items() if v not in SIDES}
    for v, c in others.items():
        print(f"  {v:<11} {_pct(c / n)}")
    print(f"Endings ({len(s['endings'])} distinct):")
    for ending, count in s["endings"].items():
        e = scn.get("ending", ending)
        title = e.title if e else ending
        seeds = ", ".join(str(x) for x in s["seeds"].get(ending, []))
        print(f"  {count:5d} {_pct(count / n)}  {title} [{e.victor if e else '?'}]   seeds {seeds}")
    ln = s["length"]
    print(f"Length: mean {ln['mean']} turns (min {ln['min']}, median {ln['median']}, max {ln['max']})")
    idle = s["idle_turns"]
    per = ", ".join(f"{e} {v}" for e, v in idle["by_ending"].items())
    print(
        f"Turns played after the last real choice: mean {idle['mean']}, in {idle['games']} of {n} games "
        f"(by ending: {per})"
    )
    for kind, label in (("actions", "Actions"), ("options", "Event options"), ("tactics", "Plenum tactics")):
        for side in SIDES:
            c = s[kind][side]
            total = sum(c.values())
            if not total:
                print(f"{label}, {side}: none chosen")
                continue
            print(f"{label}, {side} ({total} chosen, {total / n:.1f} a game; share of the side's choices):")
            if kind == "actions":
                for k, v in c.items():
                    print(f"  {_pct(v / total)}  {k}")
                continue
            # Grouped by decision, with each answer's share of that decision too: an answer
            # taken every time, or never, is where to look for a dominated option.
            groups: dict[str, list[tuple[str, int]]] = defaultdict(list)
            for k, v in c.items():
                head, _, tail = k.partition(":")
                groups[head].append((tail, v))
            for head, answers in sorted(groups.items(), key=lambda kv: -sum(v for _, v in kv[1])):
                asked = sum(v for _, v in answers)
                seen = {tail for tail, _ in answers}
                if kind == "options" and scn.get("event", head):
                    e = scn.get("event", head)
                    answers += [
                        (o.id, 0) for o in e.options if (o.side or e.side) in (side, "both") and o.id not in seen
                    ]
                elif kind == "tactics" and scn.get("plenum", head):
                    answers += [
                        (t.id, 0) for t in scn.get("plenum", head).tactics if t.side == side and t.id not in seen
                    ]
                parts = ", ".join(f"{tail} {100 * v / asked:.0f}%" for tail, v in answers)
                print(f"  {_pct(asked / total)}  {head} ({asked}x): {parts}")
    if s["motions"]:
        print("Plenum votes (mean for / against / abstain; passed of held):")
        for key, m in s["motions"].items():
            print(
                f"  {key:<40} {m['for']:5.1f} / {m['against']:5.1f} / {m['abstain']:5.1f}   {m['passed']}/{m['held']}"
            )
    scn_flag = f" --scenario {s['scenario']}" if s["scenario"] != "august-1956" else ""
    start_flag = f" --start {s['start']}" if s["start"] else ""
    mod_flags = "".join(f" --mod {m}" for m in s.get("mods", []))
    print(
        f"Replay any seed: plenum simulate{scn_flag}{start_flag}{mod_flags} --kim {s['kim']} "
        f"--opposition {s['opposition']} --seed K"
    )
    print(f"{s['seconds']:.1f} s, {n / max(s['seconds'], 1e-9):.2f} games/s with {s['jobs']} process(es)")


# ---------------------------------------------------------------------------- the command


def _fail(msg: str) -> int:
    print(f"plenum lab: {msg}", file=sys.stderr)
    return 2


class _Progress:
    """A one-line bar on stderr: games done, rate, time left."""

    def __init__(self, total: int, on: bool):
        self.total, self.on = total, on
        self.t0 = time.perf_counter()
        self.last = 0.0

    def update(self, done: int) -> None:
        if not self.on:
            return
        now = time.perf_counter()
        if done < self.total and now - self.last < 0.25:
            return
        self.last = now
        el = now - self.t0
        rate = done / el if el > 0 else 0.0
        left = (self.total - done) / rate if rate > 0 else 0.0
        width = 30
        fill = int(width * done / self.total)
        sys.stderr.write(
            f"\r[{'#' * fill}{'.' * (width - fill)}] {done}/{self.total}  {rate:.1f} games/s  {left:.0f} s left "
        )
        if done >= self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def main(args) -> int:
    from game.scenario.loader import find_scenario, load
    from game.scripted import ScriptError

    if args.games < 1:
        return _fail(f"--games must be at least 1 (got {args.games})")
    if args.jobs < 1:
        return _fail(f"--jobs must be at least 1 (got {args.jobs})")
    level = getattr(args, "difficulty", None)
    if level:
        print("plenum lab: --difficulty is deprecated; use --kim ai:LEVEL --opposition ai:LEVEL", file=sys.stderr)
    try:
        kim = normalise(args.kim, level or "normal")
        opp = normalise(args.opposition, level or "normal")
    except SpecError as exc:
        return _fail(str(exc))
    if "human" in (kim, opp):
        return _fail("the lab plays headless; 'human' is for plenum simulate")
    folder = find_scenario(args.scenario)
    if folder is None:
        return _fail(f"no scenario '{args.scenario}' (try 'plenum validate --list')")
    from game.scenario.installed import mod_not_found, resolve_mod

    resolved = [resolve_mod(m) for m in args.mod]  # a folder, or an installed mod's name or id
    if None in resolved:
        return _fail(mod_not_found(args.mod[resolved.index(None)]))
    args.mod = [str(m) for m in resolved]
    res = load(folder, [Path(m) for m in args.mod])
    if not res.ok:
        for d in res.diagnostics:
            print(d.format(), file=sys.stderr)
        return _fail(f"scenario '{args.scenario}' has errors")
    scn = res.scenario
    assert scn is not None  # res.ok
    if args.start and args.start not in {s.id for s in scn.scenario.starts}:
        ids = ", ".join(s.id for s in scn.scenario.starts)
        return _fail(f"scenario '{args.scenario}' has no start point '{args.start}' (it has: {ids})")
    try:  # refuse a bad script here, with its message, rather than in every worker
        make_player(kim, "kim", scn)
        make_player(opp, "opposition", scn)
    except (SpecError, ScriptError) as exc:
        return _fail(str(exc))

    jobs = [(args.seed + i, args.start, kim, opp) for i in range(args.games)]
    progress = _Progress(len(jobs), bool(getattr(args, "progress", False)) or sys.stderr.isatty())
    t0 = time.perf_counter()
    results: list[dict] = []
    workers = min(args.jobs, len(jobs))
    try:
        if workers > 1:
            ctx = mp.get_context("spawn")
            chunk = max(1, min(8, len(jobs) // (workers * 8)))
            with ctx.Pool(workers, initializer=_init, initargs=(str(folder), list(args.mod))) as pool:
                for r in pool.imap_unordered(_play, jobs, chunksize=chunk):
                    results.append(r)
                    progress.update(len(results))
        else:
            global _SCN
            _SCN = scn
            headless_gc.tune()
            for j in jobs:
                results.append(_play(j))
                progress.update(len(results))
    except RuntimeError as exc:
        print(f"plenum lab: {exc}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - t0
    results.sort(key=lambda r: r["seed"])
    meta = {
        "scenario": args.scenario,
        "start": args.start,
        "seed": args.seed,
        "kim": kim,
        "opposition": opp,
        "mods": list(args.mod),
        "jobs": workers,
    }
    summary = summarise(results, elapsed, meta)
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print_report(summary, scn)
    return 0
