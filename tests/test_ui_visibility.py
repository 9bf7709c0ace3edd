"""Each side sees what it should and nothing it should not: a secret (an event or report logged
for one side only, the other side's pledges) never reaches the other side's screens, their
tooltips or the dispatch report, in a hot-seat game played through the real UI."""

from __future__ import annotations

import pygame
import pytest

from tests.ui_helpers import key, make_app, pump, quick_policy

SIDES = ("kim", "opposition")


def test_declared_secret_events_are_logged_for_their_side_only(august):
    from game import ai
    from game.engine.game import Game
    from game.tools.report import run

    secret = {e.title: e.visible_to for e in august.events if e.visible_to in SIDES}
    assert secret, "the scenario declares no secret events"
    seen = 0
    for seed in range(1, 7):
        g = Game.new(august, None, seed)
        # history's opposition approaches Nam Il and Choe Yong-gon; the AI may not
        run(g, {"kim": ai.make("ai", "normal"), "opposition": ai.make("history" if seed % 2 else "ai", "normal")})
        for entry in g.state.log:
            title = entry.text.split(": ", 1)[0]
            if title in secret:
                seen += 1
                assert entry.visible_to == secret[title], (seed, entry)
    assert seen, "no secret event fired in six games: the test saw nothing"


class Recorder:
    """Every string drawn on screen while it is installed."""

    def __init__(self, monkeypatch):
        from game.ui import text as T

        self.texts: list[str] = []
        real = T.render

        def render(text, *a, **kw):
            self.texts.append(str(text))
            return real(text, *a, **kw)

        monkeypatch.setattr(T, "render", render)


def screen_texts(app, rec) -> str:
    """What the top screen shows: drawn text (a fresh frame) and every widget's tooltip."""
    from game.ui import text as T

    T._cache.clear()  # force every string through render() again
    rec.texts.clear()
    app.invalidate_under()
    app.frame([], dt=1 / 30, force=True)
    out = list(rec.texts)
    for w in app.top.widgets:
        if w.visible:
            out += w.tooltip_lines()
    return "\n".join(out)


def secrets_for(state, viewer: str) -> list[str]:
    """Texts only the other side may read."""
    other = "opposition" if viewer == "kim" else "kim"
    from game.ui.view import readable

    hidden = [e.text for e in state.log if e.visible_to == other and len(e.text) > 12]
    hidden += [readable(e).text for e in state.log if e.visible_to == other and len(e.text) > 12]
    hidden.append("Won over by the critics" if viewer == "kim" else "Secured by Kim")
    return hidden


def secret_codex(state, scn, viewer: str) -> list[str]:
    """Codex entries this game unlocked only through events the other side alone learnt of."""
    from game.ui.view import event_seen_by

    out = []
    for cid in state.codex:
        evs = [e for e in scn.events if cid in e.codex and e.id in state.fired]
        if evs and not any(event_seen_by(e, viewer) for e in evs):
            out.append(cid)
    return out


def test_codex_unlocked_by_a_secret_stays_the_secret_sides(august):
    from game.engine.game import Game
    from game.ui.view import codex_seen, event_seen_by

    e = next(
        ev
        for ev in august.events
        if ev.codex
        and not event_seen_by(ev, "opposition")
        and any(all(o is ev or c not in o.codex for o in august.events) for c in ev.codex)
    )
    g = Game.new(august, "congress", 1)
    g.state.fired[e.id] = ""
    g.state.codex += [c for c in e.codex if c not in g.state.codex]
    assert set(e.codex) <= set(codex_seen(g.state, august, "kim"))
    only_secret = [c for c in e.codex if all(ev is e or c not in ev.codex for ev in august.events)]
    assert only_secret and not set(only_secret) & set(codex_seen(g.state, august, "opposition"))


@pytest.fixture
def app(monkeypatch):
    from game.ui import session as SS

    monkeypatch.setattr(SS.ai, "make", lambda kind, diff="normal": quick_policy)
    monkeypatch.setattr(SS.Session, "synchronous", True)
    a = make_app()
    yield a
    pygame.quit()


def test_hotseat_hides_each_sides_secrets_everywhere(app, monkeypatch, august):
    from game.engine.game import Game
    from game.ui.screens.codex import CodexScreen
    from game.ui.screens.common import MessageScreen
    from game.ui.screens.event_dialog import EventDialog
    from game.ui.screens.handoff import HandoffScreen
    from game.ui.screens.main_screen import MainScreen
    from game.ui.screens.person import PersonScreen
    from game.ui.screens.plenum_hall import PlenumHall
    from game.ui.screens.plenum_prep import SpreadScreen, TacticScreen
    from game.ui.screens.report import ReportScreen
    from game.ui.session import Players, Session

    rec = Recorder(monkeypatch)
    g = Game.new(august, "eve_of_plenum" if any(s.id == "eve_of_plenum" for s in august.scenario.starts) else None, 5)
    sess = Session(g, "august-1956", Players(SIDES, "normal"))
    app.director.enter_session(sess)
    pump(app)
    checked = {"kim": 0, "opposition": 0}
    extra = {"kim": 0, "opposition": 0}
    handoffs = 0
    for _ in range(400):
        if sess.g.over:
            break
        top = app.top
        if isinstance(top, HandoffScreen):
            # the hand-over screen itself must not show the incoming side's secrets to the outgoing
            text = screen_texts(app, rec)
            for secret in secrets_for(sess.state, "kim") + secrets_for(sess.state, "opposition"):
                if secret not in ("Won over by the critics", "Secured by Kim"):
                    assert secret not in text, ("hand-over screen", secret)
            handoffs += 1
            pump(app, [key(pygame.K_RETURN)], frames=2)
            continue
        if isinstance(top, PlenumHall):
            pump(app, [key(pygame.K_s)], frames=1)  # to the record: every seat's tooltip explains a vote
        if isinstance(top, (MainScreen, ReportScreen, EventDialog, TacticScreen, PlenumHall)):
            viewer = sess.viewer
            text = screen_texts(app, rec)
            for secret in secrets_for(sess.state, viewer):
                assert secret not in text, (viewer, type(top).__name__, secret)
            checked[viewer] += 1
        if isinstance(top, MainScreen) and sess.is_human(sess.viewer):
            viewer = sess.viewer
            secrets = secrets_for(sess.state, viewer)
            # the whole dispatch log (every page, the kept messages too), not only the page shown
            log = "\n".join(e.text for e in sess.visible_log(viewer))
            for secret in secrets:
                assert secret not in log, (viewer, "dispatch log", secret)
            # the side's other screens, tooltips included: person files, the spread chart, the codex
            others = [
                PersonScreen(app, pid)
                for pid in ("nam_il", "choe_yong_gon", "pak_chang_ok")
                if pid in sess.state.people
            ]
            for scr in [*others, SpreadScreen(app), CodexScreen(app)]:
                app.push(scr)
                pump(app)
                text = screen_texts(app, rec)
                if isinstance(scr, CodexScreen):
                    text += "\n".join(f"{e.title} {e.text}" for e in scr.entries if not e.locked)
                    for cid in secret_codex(sess.state, august, viewer):
                        assert all(e.id != cid or e.locked for e in scr.entries), (viewer, "codex", cid)
                for secret in secrets:
                    assert secret not in text, (viewer, type(scr).__name__, secret)
                app.pop(scr)
                pump(app)
            extra[viewer] += 1
        if isinstance(top, ReportScreen):
            pump(app, [key(pygame.K_RETURN)], frames=2)
        elif isinstance(top, (EventDialog, TacticScreen)):
            pump(app, [key(pygame.K_1)], frames=2)
        elif isinstance(top, PlenumHall):
            pump(app, [key(pygame.K_s)], frames=1)
            pump(app, [key(pygame.K_ESCAPE)], frames=2)
        elif isinstance(top, MessageScreen):
            pump(app, [key(pygame.K_RETURN)], frames=2)
        elif isinstance(top, MainScreen):
            pump(app, [key(pygame.K_e)], frames=2)
        else:
            pump(app, [key(pygame.K_ESCAPE)], frames=2)
    assert handoffs >= 2 and checked["kim"] and checked["opposition"], (handoffs, checked)
    assert extra["kim"] and extra["opposition"], extra


def test_hotseat_dialogs_open_only_for_the_seated_side(app, august):
    """From February to May (both sides take the Third Congress's decision on one day): every
    decision dialog and tactic screen is for the side in the seat; the other side's waits for the
    hand-over."""
    from game.engine.game import Game
    from game.ui.screens.common import MessageScreen
    from game.ui.screens.event_dialog import EventDialog
    from game.ui.screens.handoff import HandoffScreen
    from game.ui.screens.main_screen import MainScreen
    from game.ui.screens.plenum_hall import PlenumHall
    from game.ui.screens.plenum_prep import TacticScreen
    from game.ui.screens.report import ReportScreen
    from game.ui.session import Players, Session

    sess = Session(Game.new(august, "congress", 5), "august-1956", Players(SIDES, "normal"))
    app.director.enter_session(sess)
    pump(app)
    dialogs = handoffs = 0
    for _ in range(400):
        if sess.g.over or sess.state.date > "1956-05-10":
            break
        top = app.top
        if isinstance(top, (EventDialog, TacticScreen)):
            assert top.pending.side == sess.viewer, (sess.state.date, top.pending, sess.viewer)
            assert not app.toasts or all(t.turn == sess.state.turn for t in app.toasts)
            dialogs += 1
            pump(app, [key(pygame.K_1)], frames=2)
        elif isinstance(top, HandoffScreen):
            assert not app.toasts, [t.text for t in app.toasts]  # nothing of the previous side shows
            handoffs += 1
            pump(app, [key(pygame.K_RETURN)], frames=2)
        elif isinstance(top, (ReportScreen, MessageScreen)):
            pump(app, [key(pygame.K_RETURN)], frames=2)
        elif isinstance(top, PlenumHall):
            pump(app, [key(pygame.K_s)], frames=1)
            pump(app, [key(pygame.K_ESCAPE)], frames=2)
        elif isinstance(top, MainScreen):
            pump(app, [key(pygame.K_e)], frames=2)
        else:
            pump(app, [key(pygame.K_ESCAPE)], frames=2)
    assert dialogs >= 2 and handoffs >= 4, (dialogs, handoffs)
