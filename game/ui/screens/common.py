"""Pieces shared by screens: cached backdrops, the header band, message and confirm dialogs."""

from __future__ import annotations

import pygame

from game.engine.basics import MONTHS, date_words
from game.ui import text as T
from game.ui import theme as C
from game.ui import widgets as W
from game.ui.screen import Screen

_backdrops: dict = {}


def paper(size) -> pygame.Surface:
    key = ("paper", size)
    if key not in _backdrops:
        _backdrops[key] = W.paper_texture(size)
    return _backdrops[key]


def rays(size, centre) -> pygame.Surface:
    key = ("rays", size, centre)
    if key not in _backdrops:
        _backdrops[key] = W.sunburst(size, centre)
    return _backdrops[key]


def header(surf, w: int, title: str, subtitle: str = "", h: int = 54) -> pygame.Rect:
    r = pygame.Rect(0, 0, w, h)
    pygame.draw.rect(surf, C.RED, r)
    pygame.draw.rect(surf, C.RED_DARK, (0, h - 4, w, 4))
    pygame.draw.line(surf, C.GOLD, (0, h), (w, h), 2)
    W.star(surf, (30, h // 2), 15)
    T.draw(surf, title.upper(), (54, h // 2 + 1), 34, C.PAPER_LIGHT, "head", "midleft")
    if subtitle:
        x = 54 + T.width(title.upper(), 34, "head") + 18
        T.draw(surf, subtitle, (x, h // 2 + 3), 16, C.GOLD_LIGHT, "body", "midleft")
    return r


def footer_hint(surf, w: int, h: int, text: str) -> None:
    T.draw(surf, text, (w // 2, h - 12), 13, C.INK_SOFT, "body", "midbottom")


class MessageScreen(Screen):
    """A modal card with a message and OK (or a choice of buttons)."""

    cache_background = True

    modal = True

    def __init__(self, app, title: str, body: str, buttons=None, *, error: bool = False):
        super().__init__(app)
        self.title_text = title
        self.body = body
        self.buttons = buttons or [("OK", None)]
        self.error = error

    def card(self) -> pygame.Rect:
        lines = T.wrap(self.body, 16, 520)
        h = 110 + len(lines) * 22 + 50
        return pygame.Rect(self.w // 2 - 290, self.h // 2 - h // 2, 580, h)

    def build(self):
        r = self.card()
        n = len(self.buttons)
        bw = 150
        x = r.right - 20 - n * (bw + 12) + 12
        for i, (label, fn) in enumerate(self.buttons):

            def go(fn=fn):
                self.app.pop(self)
                if fn:
                    fn()

            self.add(
                W.Button(
                    (x + i * (bw + 12), r.bottom - 56, bw, 38),
                    label,
                    go,
                    style="primary" if i == n - 1 else "secondary",
                    name=label,
                )
            )
        self.focus = self.widgets[-1]

    def draw_background(self, surf):
        r = self.card()
        inner = W.panel(surf, r, self.title_text, band=C.RED if self.error else C.INK)
        T.draw_wrapped(surf, self.body, pygame.Rect(inner.x + 10, inner.y + 8, 520, 400), 16, C.INK)


def confirm(app, title: str, body: str, yes_label: str, on_yes, no_label: str = "Cancel") -> None:
    app.push(MessageScreen(app, title, body, [(no_label, None), (yes_label, on_yes)]))


def show_error(app, title: str, body: str) -> None:
    app.push(MessageScreen(app, title, body, error=True))


def short_date(iso: str, year: bool = False) -> str:
    """'22 Sep' (the dispatches column), or '22 Sep 1956' with the year; the engine's month
    names, not strftime's (which follow the machine's locale)."""
    import datetime as dt

    try:
        d = dt.date.fromisoformat(iso)
    except (ValueError, TypeError):
        return str(iso)
    return f"{d.day} {MONTHS[d.month - 1][:3]}" + (f" {d.year}" if year else "")


def date_text(iso: str) -> str:
    # The engine's month names, not strftime's (which follow the machine's locale).
    return date_words(iso)
