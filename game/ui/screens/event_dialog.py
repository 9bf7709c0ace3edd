"""A decision point: its title, date and text; each option with the effects it would have; the
historical choice revealed on demand."""

from __future__ import annotations

import pygame

from game.engine.actions import Refused
from game.ui import text as T
from game.ui import theme as C
from game.ui import view as V
from game.ui import widgets as W
from game.ui.screen import Screen
from game.ui.screens import common
from game.ui.sources import add_chips
from game.words import effect_lines


class EventDialog(Screen):
    hover_full = True  # the hover changes a panel away from the pointer
    modal = True
    title = "Decision"
    help_lines = [
        ("Up / Down", "Move between the options (effects show at once)"),
        ("Enter", "Choose"),
        ("R", "Reveal what history chose"),
        ("1-9", "Choose option by number"),
    ]

    def __init__(self, app, pending):
        super().__init__(app)
        self.pending = pending
        s = app.session
        self.event = s.scn.get("event", pending.event)
        self.options = s.g.options(pending)
        self.reveal = False
        self.typed = 0.0
        app.sound.play("typewriter")

    def card(self):
        w, h = min(900, self.w - 80), min(640, self.h - 40)
        return pygame.Rect((self.w - w) // 2, (self.h - h) // 2, w, h)

    def toast_area(self):
        """Passing messages sit beside the two chips at the card's foot, over the hover hint only:
        never over the options, the chips or the window's corner beneath the card."""
        r = self.card()
        left = r.x + 472
        return pygame.Rect(left, r.bottom - 60, max(200, r.right - 16 - left), 56)

    def build(self):
        r = self.card()
        n = len(self.options)
        bh = 46
        top = r.bottom - 66 - n * (bh + 8)
        self.opt_top = top
        s = self.app.session
        for i, o in enumerate(self.options):
            lines = [o.text]
            if o.detail:
                lines.append(o.detail)
            fx = effect_lines(s.scn, o.effects)
            lines += ["Effects: " + "; ".join(fx)] if fx else ["No direct effects."]
            if self.reveal and o.historical:
                lines.append("★ This is what history chose.")
            b = self.add(
                W.Button(
                    (r.x + 24, top + i * (bh + 8), r.width - 48, bh),
                    f"{i + 1}.  {o.text}",
                    lambda o=o: self.choose(o),
                    size=16,
                    align="left",
                    tooltip=None,
                    name=f"opt:{o.id}",
                    selected=self.reveal and o.historical,
                )
            )
            b.info = lines
        self.add(
            W.Button(
                (r.x + 24, r.bottom - 52, 250, 36),
                "Hide history" if self.reveal else "Reveal history's choice",
                self.toggle,
                style="chip",
                size=14,
                hotkey=pygame.K_r,
                key_hint="R",
                name="reveal",
                tooltip="Mark the option the real actors took (where the record tells).",
            )
        )
        self.add(
            W.Button(
                (r.x + 290, r.bottom - 52, 170, 36),
                "Spread chart",
                self.spread,
                style="chip",
                size=14,
                hotkey=pygame.K_v,
                key_hint="V",
                name="spread",
                tooltip="Look at the committee before deciding.",
            )
        )
        # The event's source keys: each chip opens its full bibliography entry.
        e = self.event
        if e and e.sources:
            inner_x = r.x + 10
            x0 = inner_x + T.width("Sources:", 12, "bold") + 8
            add_chips(self, s.scn, e.sources, x0, top - 28, r.right - 10, size=11, h=20)
        if self.focus is None:
            self.focus = next((w for w in self.widgets if w.name.startswith("opt:")), None)
            self.key_focus = True

    def toggle(self):
        self.reveal = not self.reveal
        self.rebuild()

    def spread(self):
        self.app.show("spread")

    def choose(self, o):
        s = self.app.session
        try:
            s.submit({"t": "choose", "side": self.pending.side, "event": self.pending.event, "option": o.id})
        except Refused as exc:
            self.app.notify(str(exc), "error")
            return
        self.app.pop(self)
        fx = effect_lines(s.scn, o.effects)
        note = f"Decided: {o.text}." + (f" {'; '.join(fx[:3])}." if fx else "")
        if o.historical:
            note += " (As history chose.)"
        self.app.notify(note, "info", 5)

    def back(self):
        self.app.notify("A decision is waiting: choose an option (Esc opens nothing here; F1 for help).", "info", 3)

    def on_event(self, ev):
        if ev.type == pygame.KEYDOWN and pygame.K_1 <= ev.key <= pygame.K_9:
            i = ev.key - pygame.K_1
            if i < len(self.options):
                self.choose(self.options[i])
            return True
        return False

    def update(self, dt):
        if self.typed < 1.0:
            self.typed = min(1.0, self.typed + dt * 1.6 * self.app.settings.speed_factor())
            return True
        return False

    def draw_background(self, surf):
        s = self.app.session
        r = self.card()
        e = self.event
        side_label = {"kim": "For Kim Il Sung", "opposition": "For the opposition"}.get(self.pending.side, "")
        inner = W.panel(surf, r, e.title if e else self.pending.event, title_size=26)
        when, body = V.history_date(e.text if e else "")
        head = f"{common.date_text(s.state.date)} · {side_label}" + (f" · in history: {when}" if when else "")
        T.draw(surf, head, (inner.x, inner.y), 15, C.RED, "bold")
        n = int(len(body) * self.typed)
        shown = body[:n]
        T.draw_wrapped(
            surf,
            shown,
            pygame.Rect(inner.x, inner.y + 28, inner.width, self.opt_top - inner.y - 70),
            17,
            C.INK,
            max_lines=max(2, (self.opt_top - inner.y - 44) // 24),
        )
        if e and e.sources:
            T.draw(surf, "Sources:", (inner.x, self.opt_top - 18), 12, C.INK_SOFT, "bold", "midleft")
        # The option under the pointer (or the focus) explains itself in the space above the options.
        cur = (
            self.hover
            if getattr(self.hover, "info", None)
            else (self.focus if getattr(self.focus, "info", None) else None)
        )
        text_h = T.wrap(body, 17, inner.width)
        box_top = inner.y + 36 + min(len(text_h), max(2, (self.opt_top - inner.y - 44) // 24)) * 24 + 8
        box = pygame.Rect(inner.x, box_top, inner.width, self.opt_top - box_top - 32)
        if cur is not None and box.height > 50:
            need = 12 + sum(
                len(T.wrap(ln, 14, box.width - 24, "bold" if i == 0 else "body")) * (T.line_height(14) + 2) + 4
                for i, ln in enumerate(cur.info)
            )
            box.height = min(box.height, need)
            pygame.draw.rect(surf, C.PAPER, box)
            pygame.draw.rect(surf, C.RED, (box.x, box.y, 4, box.height))
            y = box.y + 6
            for i, ln in enumerate(cur.info):
                st = "bold" if i == 0 else "body"
                col = C.GOLD_DARK if ln.startswith("★") else (C.INK if i == 0 else C.INK_SOFT)
                y += (
                    T.draw_wrapped(
                        surf,
                        ln,
                        pygame.Rect(box.x + 14, y, box.width - 24, box.bottom - y),
                        14,
                        col,
                        st,
                        max_lines=max(1, (box.bottom - y) // 20),
                    )
                    + 4
                )
                if y > box.bottom - 18:
                    break
        T.draw(
            surf,
            "Move over the options to see their effects before you choose.",
            (r.right - 24, r.bottom - 34),
            13,
            C.INK_SOFT,
            "body",
            "midright",
        )
