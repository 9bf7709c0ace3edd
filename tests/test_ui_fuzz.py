"""Thousands of random clicks and key presses across the screens (fixed seed): no exception."""

from __future__ import annotations

import random

import pygame
import pytest

from tests.ui_helpers import click, key, make_app, move, quick_policy

KEYS = [
    pygame.K_TAB,
    pygame.K_RETURN,
    pygame.K_SPACE,
    pygame.K_ESCAPE,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_e,
    pygame.K_v,
    pygame.K_h,
    pygame.K_f,
    pygame.K_r,
    pygame.K_1,
    pygame.K_2,
    pygame.K_3,
    pygame.K_0,
    pygame.K_n,
    pygame.K_c,
    pygame.K_l,
    pygame.K_s,
    pygame.K_a,
    pygame.K_p,
    pygame.K_F1,
    pygame.K_F5,
    pygame.K_DELETE,
    pygame.K_BACKSPACE,
    pygame.K_LEFTBRACKET,
    pygame.K_RIGHTBRACKET,
    pygame.K_i,
    pygame.K_t,
]


# Two runs of 1,750 events on their own seeds rather than one of 3,500: the same amount of
# fuzzing, and the test runner can play them on two cores at once.
@pytest.mark.parametrize("seed", [1956, 1957])
def test_random_input_raises_nothing(monkeypatch, seed):
    from game.ui import session as SS
    from game.ui.screens.title import TitleScreen

    monkeypatch.setattr(SS.ai, "make", lambda kind, diff="normal": quick_policy)
    monkeypatch.setattr(SS.Session, "synchronous", True)
    rnd = random.Random(seed)
    app = make_app()
    app.push(TitleScreen(app))
    screens = set()
    for i in range(1750):
        if not app.running or app.top is None:
            app.running = True
            app.session = None
            app.reset(TitleScreen(app))
        r = rnd.random()
        w, h = app.size
        if r < 0.45:
            k = rnd.choice(KEYS)
            mod = pygame.KMOD_SHIFT if rnd.random() < 0.1 else 0
            ev = key(k, mod, chr(k) if 32 <= k < 127 else "")
        elif r < 0.85:
            ev = click((rnd.randrange(w), rnd.randrange(h)), rnd.choice([1, 1, 1, 3]))
        elif r < 0.95:
            ev = move((rnd.randrange(w), rnd.randrange(h)))
        else:
            ev = pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rnd.choice([-1, 1]), flipped=False)
        app.frame([ev], dt=1 / 20, force=(i % 7 == 0))
        if app.top is not None:
            screens.add(type(app.top).__name__)
    assert {"TitleScreen", "MainScreen"} <= screens, screens
    pygame.quit()
