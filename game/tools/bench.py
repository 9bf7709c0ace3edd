"""`plenum bench`: frame times for each screen at 1280x720 under the current video driver, and
how many games the engine plays per second: alone (history vs history) and AI vs AI at each level,
with the AI's time per decision, and one whole campaign.

Each screen is driven for N frames with the pointer sweeping over it (so hover, tooltips and
redraws are exercised) and every frame is forced to draw and flip: these are worst-case
figures; in play, frames with nothing new are not drawn at all.
"""

from __future__ import annotations

import os
import statistics
import time


def _frames(app, n: int, full: bool) -> list[float]:
    """n frames with the pointer sweeping the screen. full=True forces a complete redraw and
    flip every frame (the worst case); full=False draws and flips only what changed, as play does."""
    import pygame

    times = []
    w, h = app.size
    for i in range(n):
        t0 = time.perf_counter()
        pos = (int((i * 37) % w), int((i * 23) % h))
        ev = pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0))
        if app.frame([ev], dt=1 / 60, force=full):
            app.present()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def _stats(times: list[float]) -> str:
    s = sorted(times)
    p95 = s[min(len(s) - 1, int(len(s) * 0.95))]
    return f"mean {statistics.mean(times):6.2f}  p95 {p95:6.2f}  max {max(times):6.2f}"


def _bench(app, name: str, n: int) -> str:
    typical = _frames(app, n, False)
    full = _frames(app, n, True)
    return f"  {name:<18} as played: {_stats(typical)} ms  |  full redraw: {_stats(full)} ms"


def ui_bench(frames: int) -> list[str]:
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game import ai
    from game.engine.game import Game
    from game.ui import scenarios as SC
    from game.ui import settings as S
    from game.ui.app import App
    from game.ui.session import Players, Session

    app = App(S.Settings(seen_intro=True, text_speed="slow"), size=(1280, 720))
    out = [
        f"Frame times at 1280x720, video driver '{pygame.display.get_driver()}', {frames} frames each "
        f"(pointer sweeping the screen; budget for 60 fps: 16.7 ms):"
    ]
    from game.ui.screens.newgame import NewGameScreen
    from game.ui.screens.title import TitleScreen

    app.push(TitleScreen(app))
    out.append(_bench(app, "main menu", frames))
    app.push(NewGameScreen(app))
    out.append(_bench(app, "new game", frames))
    folder = next(f for f in SC.available() if f.name == "august-1956")
    scn = SC.get(folder).scenario
    g = Game.new(scn, "eve_of_plenum" if any(s.id == "eve_of_plenum" for s in scn.scenario.starts) else None, 5)
    sess = Session(g, folder.name, Players(("kim",), "normal"))
    app.session = sess
    from game.ui.screens.main_screen import MainScreen

    app.reset(MainScreen(app))
    main = app.top
    main.update = lambda dt: False
    out.append(_bench(app, "main screen", frames))
    from game.ui.screens.plenum_prep import SpreadScreen

    app.push(SpreadScreen(app))
    out.append(_bench(app, "spread chart", frames))
    app.pop()
    pol = {s: ai.make("ai", "easy") for s in ("kim", "opposition")}
    for _ in range(3000):
        if sess.unseen_plenum() or g.over:
            break
        side = g.to_move()
        if side is None:
            break
        sess.submit(pol[side](g, side))
    pid = sess.unseen_plenum()
    if pid:
        from game.ui.screens.plenum_hall import PlenumHall

        hall = PlenumHall(app, pid)
        app.reset(hall)
        votes = [i for i, st in enumerate(hall.stages) if st.get("kind") == "vote"]
        hall.jump(votes[0] if votes else 0, 0.0)
        hall.auto = True
        out.append(_bench(app, "plenum (voting)", frames))
    if not g.over:
        from game.tools.report import run

        run(g, pol)
    from game.ui.screens.ending import EndingScreen

    sess.seen_plenums |= set(g.state.plenums)
    app.reset(EndingScreen(app))
    app.top.set_tab(2)
    out.append(_bench(app, "ending (chart)", frames))
    pygame.quit()
    return out


class _Timed:
    """A policy wrapper that records how long each decision took."""

    def __init__(self, policy):
        self.policy = policy
        self.times: list[float] = []

    def __call__(self, g, side):
        t0 = time.perf_counter()
        order = self.policy(g, side)
        self.times.append(time.perf_counter() - t0)
        return order


def _games(scn, kim: str, opp: str, games: int, seed: int = 1) -> tuple[float, list[float], int]:
    """(seconds, every AI decision's time, turns played) over `games` games."""
    from game import ai
    from game.engine.game import Game
    from game.tools.report import run

    times: list[float] = []
    turns = 0
    t0 = time.perf_counter()
    c0 = time.process_time()
    for i in range(games):
        pols = {"kim": _Timed(ai.make(kim)), "opposition": _Timed(ai.make(opp))}
        g = Game.new(scn, None, seed + i)
        run(g, pols)
        turns += g.state.turn
        for s, pol in pols.items():
            if (kim if s == "kim" else opp) != "history":
                times += pol.times
    global _CPU
    _CPU = time.process_time() - c0
    return time.perf_counter() - t0, times, turns


# The processor time of the last _games call: on a machine shared with other work the wall
# clock measures the neighbours too; games per processor-second is this code's own speed.
_CPU = 0.0


def _rate(n: int, dt: float) -> str:
    cpu = f" ({n / _CPU:.2f} per processor-second)" if _CPU > 0 else ""
    return f"{n} games in {dt:.1f} s = {n / dt:.2f} games/s{cpu}"


def _decisions(times: list[float]) -> str:
    if not times:
        return ""
    s = sorted(times)
    p99 = s[min(len(s) - 1, int(len(s) * 0.99))]
    return (
        f"; per decision mean {statistics.mean(times) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms ({len(times)} decisions)"
    )


def parallel_bench(folder, games: int, jobs: int, level: str = "normal") -> str:
    """AI-vs-AI games on `jobs` processes, exactly as `plenum lab --jobs` plays them (its
    pool, its workers, its chunks), timed from before the pool starts to the last result."""
    import multiprocessing as mp

    from game.tools import lab

    spec = f"ai:{level}"
    work = [(1 + i, None, spec, spec) for i in range(games)]
    chunk = max(1, min(8, len(work) // (jobs * 8)))
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    pool = mp.get_context("spawn").Pool(jobs, initializer=lab._init, initargs=(str(folder), []))
    done = sum(1 for _r in pool.imap_unordered(lab._play, work, chunksize=chunk))
    pool.close()
    pool.join()  # so the workers' processor time is counted below
    dt = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    share = f"; the workers used {cpu:.1f} processor-seconds, {cpu / dt:.2f} of the {jobs} cores" if cpu > 0 else ""
    return (
        f"AI vs AI (august-1956, {level}) on {jobs} processes, as the lab plays them: {done} games in {dt:.1f} s "
        f"= {done / dt:.2f} games/s (pool start-up included){share}"
    )


def sim_bench(
    games: int, levels: tuple[str, ...] = ("easy", "normal", "hard"), campaign: bool = True, jobs: int = 1
) -> list[str]:
    """AI-vs-AI games per second per level (one process), the engine alone (history vs
    history), the AI's time per decision, one campaign game, and with jobs > 1 the normal
    level on that many processes as the lab runs it."""
    from game.scenario.loader import find_scenario, load
    from game.tools import headless_gc

    folder = find_scenario("august-1956")
    assert folder is not None, "the shipped scenario is missing"
    scn = load(folder).scenario
    headless_gc.tune()  # as the lab's processes run (so the figures are the lab's)
    out = []
    dt, _t, turns = _games(scn, "history", "history", max(games, 10))
    n = max(games, 10)
    out.append(f"Engine alone (august-1956, history vs history): {_rate(n, dt)}")
    for level in levels:
        n = games if level != "hard" else max(1, games // 3)
        dt, times, _turns = _games(scn, f"ai:{level}", f"ai:{level}", n)
        out.append(f"AI vs AI (august-1956, {level}): {_rate(n, dt)}{_decisions(times)}")
    if jobs > 1:
        out.append(parallel_bench(folder, max(games, 10) * jobs, jobs))
    if campaign:
        folder = find_scenario("campaign-1953")
        if folder is not None:
            cscn = load(folder).scenario
            # Seed 2 plays to December 1962 (139 turns); seed 1's game now ends in 1956, which
            # timed a third of a campaign. The line prints the turns, so a short game shows.
            dt, times, turns = _games(cscn, "ai:normal", "ai:normal", 1, seed=2)
            out.append(
                f"Campaign 1953-1962, AI vs AI (normal): one game of {turns} turns in {dt:.1f} s "
                f"({_CPU:.1f} processor-seconds){_decisions(times)}"
            )
    return out


def main(args) -> int:
    if not getattr(args, "no_ui", False):
        for line in ui_bench(max(10, args.frames)):
            print(line, flush=True)
    if args.games > 0:
        levels = tuple(getattr(args, "levels", None) or ("easy", "normal", "hard"))
        jobs = int(getattr(args, "jobs", 1) or 1)
        for line in sim_bench(args.games, levels, campaign=not getattr(args, "no_campaign", False), jobs=jobs):
            print(line, flush=True)
    return 0
