"""The dispatch report at the start of a side's phase: what happened since it last moved (only
what this side may see), and how its count of the committee has changed."""

from __future__ import annotations

import pygame

from game.ui import text as T
from game.ui import theme as C
from game.ui import view as V
from game.ui import widgets as W
from game.ui.screen import Screen
from game.ui.screens import common

SHOW = 9


class ReportScreen(Screen):
    modal = True
    cache_background = True
    title = "Dispatches"
    reads_log = True  # once shown, the main screen need not toast these entries again
    help_lines = [("Enter / Esc", "To work"), ("L", "Open the full log (the Dispatches panel)")]

    def __init__(self, app, side: str, entries, old_est: dict):
        super().__init__(app)
        self.side = side
        self.entries = entries
        self.old_est = old_est
        app.sound.play("typewriter")

    def card(self):
        w = min(860, self.w - 80)
        n = sum(min(2, len(T.wrap(e.text, 15, w - 130))) for e in self.entries[-SHOW:])
        h = min(
            self.h - 60, 100 + n * 20 + len(self.entries[-SHOW:]) * 6 + (24 if len(self.entries) > SHOW else 0) + 150
        )
        return pygame.Rect((self.w - w) // 2, (self.h - h) // 2, w, h)

    def build(self):
        r = self.card()
        self.add(
            W.Button(
                (r.right - 200, r.bottom - 58, 180, 42),
                "To work",
                self.back,
                style="primary",
                size=20,
                key_hint="Enter",
                name="ok",
            )
        )
        self.focus = self.widgets[0]

    def draw_background(self, surf):
        s = self.app.session
        st = s.state
        r = self.card()
        who = "Kim Il Sung" if self.side == "kim" else "the opposition"
        inner = W.panel(surf, r, f"Dispatches for {who}", title_size=24)
        T.draw(surf, f"{common.date_text(st.date)} · turn {st.turn}", (inner.x, inner.y), 15, C.RED, "bold")
        T.draw(
            surf,
            "Since you last moved:" if st.turn > 1 else "As the game opens:",
            (inner.right, inner.y),
            14,
            C.INK_SOFT,
            "body",
            "topright",
        )
        y = inner.y + 30
        shown = self.entries[-SHOW:]
        for e in shown:
            col = V.KIND_COLOURS.get(e.kind, C.INK)
            lines = T.wrap(e.text, 15, inner.width - 110)[:2]
            pygame.draw.rect(surf, col, (inner.x + 84, y + 3, 4, 18 * len(lines)))
            T.draw(surf, common.short_date(e.date), (inner.x, y + 1), 13, C.INK_SOFT, "bold")
            for ln in lines:
                T.draw(
                    surf,
                    ln,
                    (inner.x + 96, y),
                    15,
                    C.INK if e.visible_to == "all" else C.SIDE_COLOUR.get(e.visible_to, C.INK),
                )
                y += 20
            y += 6
        if len(self.entries) > SHOW:
            T.draw(
                surf,
                f"… and {len(self.entries) - SHOW} earlier entries in the Dispatches panel.",
                (inner.x + 96, y),
                13,
                C.INK_SOFT,
            )
        # How the count of the committee moved
        est = {k: list(s.estimate(k, self.side)) for k in ("kim", "opposition", "swing", "majority")}
        yb = r.bottom - 110
        pygame.draw.line(surf, C.INK, (inner.x, yb - 8), (inner.right, yb - 8))
        T.draw(surf, "YOUR INFORMERS' COUNT OF THE FULL MEMBERS", (inner.x, yb), 17, C.RED, "head")
        x = inner.x
        for key, label in (("kim", "With Kim"), ("opposition", "With the critics"), ("swing", "Undecided")):
            v, e = est.get(key, [0, 0])
            old = self.old_est.get(key)
            text = f"{label}: {v} ±{e}"
            T.draw(surf, text, (x, yb + 28), 16, C.INK, "bold")
            x += T.width(text, 16, "bold") + 6
            if old is not None and old[0] != v:
                d = v - old[0]
                delta = f"({'+' if d > 0 else ''}{d})"
                colour = C.GOLD_DARK if key == "swing" else C.SIDE_COLOUR[key]
                T.draw(surf, delta, (x, yb + 29), 15, colour, "bold")
                x += T.width(delta, 15, "bold")
            x += 28
        maj = est.get("majority", [0, 0])[0]
        T.draw_wrapped(
            surf,
            f"A motion needs {maj}. In brackets: the change since your last count. Counts move "
            f"with real changes and with your informers' error.",
            pygame.Rect(inner.x, yb + 54, inner.width - 230, 40),
            13,
            C.INK_SOFT,
            max_lines=2,
        )
