"""`plenum shots --out DIR`: render every screen to PNG with no display (dummy video driver).

The games shown are played by the computer on fixed seeds, so the pictures are reproducible.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _setup_env() -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def _play_until(sess, stop) -> None:
    from game import ai

    pol = {s: ai.make("ai", "normal") for s in ("kim", "opposition")}
    for _ in range(5000):
        if stop() or sess.g.over:
            return
        side = sess.g.to_move()
        if side is None:
            return
        pend = next((p for p in sess.state.pending if p.side == side and p.event.startswith("plenum:")), None)
        if pend is not None:
            # At a plenum each side takes the tactic history took: the session as staged in 1956.
            tactics = sess.g.options(pend)
            t = next((t for t in tactics if t.historical), tactics[0])
            sess.submit({"t": "tactic", "side": side, "plenum": pend.event.split(":", 1)[1], "tactic": t.id})
            continue
        sess.submit(pol[side](sess.g, side))


def toast_problems(app) -> list[str]:
    """Two passing messages on the top screen: what they would hide (a control, a title band),
    for the toast test. The messages are cleared again before the picture is taken."""
    import pygame

    from game.ui import widgets as W

    app.toasts = []
    app.notify("A passing message long enough to wrap onto a second line at the width toasts take here")
    app.notify("A second message")
    surf = pygame.Surface(app.size)
    top = app.top
    top.draw(surf)
    area = app.draw_toasts(surf)
    app.toasts = []
    out: list[str] = []
    if area is None:
        return ["no toast drawn"]
    if not surf.get_rect().contains(area.inflate(-8, -8)):
        out.append(f"off the window: {area}")
    inner = area.inflate(-8, -8)
    for w in top.widgets:
        if not w.visible:
            continue
        if isinstance(w, W.Hotspot) and w.rect.contains(inner):
            continue  # a passive area whose text is also its tooltip (the aim panel)
        if inner.colliderect(w.rect):
            out.append(f"over {w.name or type(w).__name__} {w.rect}")
    bands = top.title_bands()
    if hasattr(top, "card"):
        c = top.card()
        bands.append(pygame.Rect(c.x, c.y, c.width, 40))
    for b in bands:
        if inner.colliderect(b):
            out.append(f"over a title band {b}")
    return out


def render_all(*args, **kw) -> list[Path]:
    """Render every screen to PNG (see _render_all), in a scratch home of its own: the sessions it
    plays autosave, and the save screen lists a folder, and neither may be the player's own
    (a run used to leave three autosaves among the player's saves and show them in the picture)."""
    import shutil
    import tempfile

    home = Path(tempfile.gettempdir()) / "august-plenum-shots"
    shutil.rmtree(home, ignore_errors=True)
    before = os.environ.get("AUGUST_PLENUM_HOME")
    os.environ["AUGUST_PLENUM_HOME"] = str(home)
    try:
        return _render_all(*args, **kw)
    finally:
        if before is None:
            os.environ.pop("AUGUST_PLENUM_HOME", None)
        else:
            os.environ["AUGUST_PLENUM_HOME"] = before
        shutil.rmtree(home, ignore_errors=True)


def _render_all(
    out: Path,
    size=(1280, 720),
    only: set[str] | None = None,
    *,
    ui_scale: float = 0.0,
    cuts: dict[str, list] | None = None,
    toasts: dict[str, list] | None = None,
    on_title=None,
) -> list[Path]:
    """Render every screen to PNG. ``cuts``: fill it with the text each screen had to cut
    (screen name -> [(how, text)]), for the text-fit test."""
    _setup_env()
    import pygame

    from game.engine.game import Game
    from game.engine.state import Pending
    from game.ui import scenarios as SC
    from game.ui import settings as S
    from game.ui.app import App
    from game.ui.session import Players, Session

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    from game.ui import text as T

    settings = S.Settings(width=size[0], height=size[1], seen_intro=True, text_speed="normal", ui_scale=ui_scale)
    app = App(settings, size=size)
    written: list[Path] = []

    def snap(name: str, frames: int = 3) -> None:
        if toasts is not None:
            toasts[name] = toast_problems(app)
        if cuts is not None:
            T.watch_cuts()
        for _ in range(frames):
            app.frame(dt=1 / 60)
        app.frame(force=True)
        if cuts is not None:
            cuts[name] = sorted(set(T.CUTS or []))
            T.stop_watching()
        path = out / f"{name}.png"
        pygame.image.save(app.display, str(path))
        written.append(path)

    def want(name):
        return only is None or name in only

    from game.ui.screens.newgame import NewGameScreen
    from game.ui.screens.title import TitleScreen

    app.push(TitleScreen(app))
    if on_title is not None:
        on_title(app)  # e.g. the first-frame bench idles the title here, as a player would
    if want("01-main-menu"):
        snap("01-main-menu")
    if want("02-new-game"):
        app.push(NewGameScreen(app))
        ng = app.top
        # Every scenario loaded first: on a busy machine the picture otherwise caught the
        # screen's "Loading..." line, and the pictures must not depend on the machine's load.
        # The seed after it: a scenario's arrival draws the screen's seed afresh.
        SC.wait()
        app.frame(dt=1 / 60)
        ng.seed_field.value = "1956"
        snap("02-new-game")
        # The campaign's longer summary, its start points and its factions on the same screen.
        camp = next((i for i, f in enumerate(ng.folders) if f.name == "campaign-1953"), None)
        if camp is not None and want("02-new-game-campaign"):
            ng.pick(camp)
            SC.wait()
            ng.seed_field.value = "1953"  # picking a scenario draws a fresh seed
            snap("02-new-game-campaign")
        app.pop()

    folder = next(f for f in SC.available() if f.name == "august-1956")
    scn = SC.get(folder).scenario
    # A game in its early months, Kim's side, a few of the computer's moves in.
    g = Game.new(scn, None, 7)
    sess = Session(g, folder.name, Players(("kim",), "normal"))
    app.session = sess
    from game.ui.screens.main_screen import MainScreen

    _play_until(sess, lambda: sess.state.turn >= 5 and sess.g.to_move() == "kim" and not sess.state.pending)
    sess.mark_reported("kim")  # Kim's count at turn 5: the report at turn 6 says what moved since
    _play_until(sess, lambda: sess.state.turn >= 6 and sess.g.to_move() == "kim" and not sess.state.pending)
    sess.viewer = "kim"
    app.reset(MainScreen(app))
    main = app.top
    main.update = lambda dt: False  # hold the picture still: no director while we stage screens
    if want("03-main-screen"):
        snap("03-main-screen")
    if want("03b-main-opposition"):
        sess.viewer = "opposition"
        main.rebuild()
        snap("03b-main-opposition")
        sess.viewer = "kim"
        main.rebuild()
    if want("04-event-dialog"):
        from game.ui.screens.event_dialog import EventDialog

        ev = next((e for e in scn.events if e.side in ("kim", "both") and len(e.options) >= 2), None)
        if ev is not None:
            dlg = EventDialog(app, Pending(ev.id, "kim"))
            dlg.typed = 1.0
            app.push(dlg)
            dlg.reveal = True
            dlg.rebuild()
            dlg.set_focus(dlg.focusables()[0], by_key=True)
            snap("04-event-dialog")
            app.pop()
    if want("04b-dispatch-report"):
        from game.ui.screens.report import ReportScreen

        log = [e for e in sess.state.log if e.visible_to in ("all", "kim")]
        old = {
            k: [max(0, v[0] - (3 if k == "kim" else -2 if k == "opposition" else 0)), v[1]]
            for k, v in ((k, sess.estimate(k, "kim")) for k in ("kim", "opposition", "swing"))
        }
        got = sess.unreported("kim")
        app.push(ReportScreen(app, "kim", *got) if got else ReportScreen(app, "kim", log[-7:], old))
        snap("04b-dispatch-report")
        app.pop()
    if want("05-action-dialog"):
        from game.ui.screens.action_dialog import ActionDialog

        v = next((v for v in sess.g.actions("kim") if v.open and v.action.target == "person"), None)
        if v is not None:
            app.push(ActionDialog(app, v))
            snap("05-action-dialog")
            app.pop()
    if want("06-spread-chart"):
        from game.ui.screens.plenum_prep import SpreadScreen

        app.push(SpreadScreen(app))
        snap("06-spread-chart")
        app.pop()
    if want("07-person-view"):
        from game.ui.screens.person import PersonScreen

        pid = next(
            (p for p in ("choe_chang_ik", "kim_il_sung") if p in sess.state.people), next(iter(sess.state.people))
        )
        app.push(PersonScreen(app, pid))
        snap("07-person-view")
        d = sess.scn.get("person", pid)
        if want("07b-source") and d is not None and d.sources:
            from game.ui.sources import CitationScreen, bibliography

            src = bibliography(sess.scn).get(d.sources[0])
            if src is not None:
                app.push(CitationScreen(app, [src]))
                snap("07b-source")
                app.pop()
        app.pop()

    # The plenum: the eve-of-plenum start, played to the session by the computer.
    g2 = Game.new(scn, "eve_of_plenum" if any(s.id == "eve_of_plenum" for s in scn.scenario.starts) else None, 3)
    sess2 = Session(g2, folder.name, Players(("kim",), "normal"))
    app.session = sess2
    if want("08-plenum-tactic"):
        _play_until(sess2, lambda: any(p.event.startswith("plenum:") and p.side == "kim" for p in sess2.state.pending))
        pend = next((p for p in sess2.state.pending if p.event.startswith("plenum:") and p.side == "kim"), None)
        if pend is not None:
            from game.ui.screens.plenum_prep import TacticScreen

            app.reset(TacticScreen(app, pend))
            snap("08-plenum-tactic")
            if want("08b-plenum-tactic-details"):
                app.top.toggle_details()
                snap("08b-plenum-tactic-details")
    _play_until(sess2, lambda: sess2.unseen_plenum() is not None)
    pid = sess2.unseen_plenum()
    if pid and want("09-plenum-vote"):
        from game.ui.screens.plenum_hall import PlenumHall

        hall = PlenumHall(app, pid)
        app.reset(hall)
        hall.update = lambda dt: False  # type: ignore[method-assign]  # a still frame for the picture
        votes = [i for i, st in enumerate(hall.stages) if st.get("kind") == "vote"]
        speeches = [
            i for i, st in enumerate(hall.stages) if st.get("kind") == "speech" and st.get("side") == "opposition"
        ]
        if speeches:
            loud = [i for i in speeches if hall.stages[i].get("outcome") == "shouted_down"]
            hall.jump((loud or speeches)[0], 0.8)
            snap("09a-plenum-speech", 1)
        if votes:
            hall.jump(votes[0], 0.55)
            counted = hall.counted(hall.stages[votes[0]])
            seats = [w for w in hall.widgets if getattr(w, "kind", "") == "full" and getattr(w, "pid", None) in counted]
            seat = min(seats, key=lambda w: w.rect.y, default=None)
            if seat:
                hall.hover = seat
                hall.hover_pos = seat.rect.center
                hall.hover_since = -10
            snap("09-plenum-vote", 1)
            hall.skip()
            hall.hover = None
            snap("09b-plenum-record", 1)
    if want("10-ending"):
        _play_until(sess2, lambda: False)
        from game.ui.screens.ending import EndingScreen

        sess2.seen_plenums |= set(sess2.state.plenums)
        app.reset(EndingScreen(app))
        snap("10-ending")
        app.top.set_tab(2)
        snap("10b-ending-factions")
        app.top.set_tab(1)
        snap("10c-ending-people")
        if app.top.ai_sides():
            app.top.set_tab(3)
            snap("10d-ending-reasons")
    app.session = sess
    from game.ui.screens.codex import CodexScreen
    from game.ui.screens.handoff import HandoffScreen
    from game.ui.screens.help import HelpOverlay, IntroScreen
    from game.ui.screens.saveload import SaveLoadScreen
    from game.ui.screens.settings_screen import SettingsScreen

    app.reset(MainScreen(app))
    app.top.update = lambda dt: False
    for name, make in (
        ("11-settings", lambda: SettingsScreen(app)),
        ("12-save", lambda: SaveLoadScreen(app, "save")),
        ("13-codex", lambda: CodexScreen(app)),
        ("14-help", lambda: HelpOverlay(app)),
        ("15-intro", lambda: IntroScreen(app)),
        ("16-hotseat-handoff", lambda: HandoffScreen(app, "opposition")),
    ):
        if want(name):
            app.push(make())
            snap(name)
            app.pop()
    pygame.quit()
    return written


def main(out: Path, size: str = "1280x720") -> int:
    try:
        w, h = (int(x) for x in size.lower().split("x"))
    except ValueError:
        print(f"bad --size {size!r}: write it as WIDTHxHEIGHT, e.g. 1280x720", file=sys.stderr)
        return 2
    files = render_all(Path(out), (w, h))
    for f in files:
        print(f)
    return 0
