"""Shared helpers for the UI tests (dummy video and audio drivers, a private home folder)."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from game.ui import settings as S


def quick_policy(g, side):
    """A fast stand-in for the computer player: answer with the first option, then end the phase."""
    pend = [p for p in g.state.pending if p.side == side]
    if pend:
        p = pend[0]
        opts = g.options(p)
        if p.event.startswith("plenum:"):
            return {"t": "tactic", "side": side, "plenum": p.event.split(":", 1)[1], "tactic": opts[0].id}
        return {"t": "choose", "side": side, "event": p.event, "option": opts[0].id}
    return {"t": "end", "side": side}


def make_app(**kw):
    from game.ui.app import App

    settings = S.Settings(
        seen_intro=kw.pop("seen_intro", True),
        text_speed=kw.pop("text_speed", "instant"),
        ui_scale=kw.pop("ui_scale", 0.0),
    )
    app = App(settings, size=kw.pop("size", (1280, 720)))
    return app


def key(k, mod=0, uni=""):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=uni, scancode=0)


def click(pos, button=1):
    return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button)


def move(pos):
    return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))


def pump(app, events=(), frames=2):
    app.frame(list(events), dt=1 / 30, force=True)
    for _ in range(frames - 1):
        app.frame([], dt=1 / 30)
        if app.session is not None and app.session._worker is not None:
            app.session._worker.join(5)


def drawn_texts(monkeypatch) -> list[str]:
    """Every text the UI draws with text.draw from now on, in order (the real drawing still
    happens): for tests that read what a screen says."""
    from game.ui import text as T

    drawn: list[str] = []
    real = T.draw

    def spy(surf, text, *a, **k):
        drawn.append(text)
        return real(surf, text, *a, **k)

    monkeypatch.setattr(T, "draw", spy)
    return drawn


def widget(app, name):
    return next(w for w in app.top.widgets if w.name == name)


def press_widget(app, name, frames=2):
    w = widget(app, name)
    pump(app, [click(w.rect.center)], frames)


def title_app(monkeypatch):
    """An app on the title screen with the scenarios loaded, quick computer players and the
    session run synchronously; for a fixture to ``yield from``."""
    from game.ui import scenarios as SC
    from game.ui import session as SS
    from game.ui.screens.title import TitleScreen

    monkeypatch.setattr(SS.ai, "make", lambda kind, diff="normal": quick_policy)
    monkeypatch.setattr(SS.Session, "synchronous", True)
    a = make_app()
    a.push(TitleScreen(a))
    pump(a)
    SC.wait()  # the title screen loads the scenarios in the background
    yield a
    pygame.quit()
