"""The dispatch report at the start of a side's phase: what happened since it last moved (only
what this side may see, with the story behind each piece of news), how its count of the
committee changed, and why (each figure's movement put down to its causes, largest first)."""

from __future__ import annotations

from typing import Any

import pygame

from game import movement as MV
from game.ui import text as T
from game.ui import theme as C
from game.ui import view as V
from game.ui import widgets as W
from game.ui.screen import Screen
from game.ui.screens import common

ROW_SIZE = 14


class ReportScreen(Screen):
    modal = True
    cache_background = True
    title = "Dispatches"
    reads_log = True  # once shown, the main screen need not toast these entries again
    help_lines = [
        ("Enter / Esc", "To work"),
        ("PgUp / PgDn", "Page the dispatches"),
        ("Tab", "Move through the dispatches (each shows its whole story)"),
    ]

    def __init__(self, app, side: str, entries, old_est: dict, old_snap=None):
        super().__init__(app)
        self.side = side
        self.entries = list(reversed(entries))  # newest first
        self.old_est = old_est
        self.moves = app.session.movement_now(side, old_snap, entries) if app.session else None
        self.first_count = old_snap is None
        self.page = 0
        # The report lists these dispatches: a passing message repeating one of them goes.
        texts = [e.text for e in self.entries]
        app.toasts = [t for t in app.toasts if not any(x and x in t.text for x in texts)]
        app.sound.play("typewriter")

    # ------------------------------------------------------------------ layout
    def card(self):
        w = min(980, self.w - 60)
        h = self.h - 40
        return pygame.Rect((self.w - w) // 2, 20, w, h)

    def columns(self):
        r = self.card()
        inner = r.inflate(-24, -24)
        left = pygame.Rect(inner.x, r.y + 76, int(inner.width * 0.56), r.bottom - 76 - 70 - r.y)
        right = pygame.Rect(left.right + 20, left.y, inner.right - left.right - 20, left.height)
        return left, right

    def pages(self, width: int, height: int) -> list[list]:
        """Dispatches split into pages that fit: each entry shows its whole text."""
        out: list[list[Any]] = []
        cur: list[Any] = []
        used = 0
        for e in self.entries:
            n = len(T.wrap(e.text, ROW_SIZE, width - 96))
            h = n * (T.line_height(ROW_SIZE) + 1) + 8
            if cur and used + h > height:
                out.append(cur)
                cur, used = [], 0
            cur.append((e, n))
            used += h
        if cur:
            out.append(cur)
        return out or [[]]

    def build(self):
        r = self.card()
        left, _right = self.columns()
        self._pages = self.pages(left.width, left.height - 30)
        self.page = min(self.page, len(self._pages) - 1)
        self.add(
            W.Button(
                (r.right - 200, r.bottom - 56, 180, 42),
                "To work",
                self.back,
                style="primary",
                size=20,
                key_hint="Enter",
                name="ok",
            )
        )
        if len(self._pages) > 1:
            for label, d, name in (("◀", -1, "prev"), ("▶", 1, "next")):
                self.add(
                    W.Button(
                        (left.x + (0 if d < 0 else 44), r.bottom - 52, 40, 32),
                        label,
                        lambda d=d: self.turn(d),
                        style="chip",
                        enabled=0 <= self.page + d < len(self._pages),
                        name=name,
                        tooltip="Newer dispatches (PgUp)" if d < 0 else "Older dispatches (PgDn)",
                    )
                )
        y = left.y + 30
        for e, n in self._pages[self.page]:
            h = n * (T.line_height(ROW_SIZE) + 1)
            self.add(
                W.Hotspot((left.x - 4, y - 2, left.width + 8, h + 4), lambda e=e: self.entry_tip(e), name=f"e:{y}")
            )
            y += h + 8
        self.focus = next(w for w in self.widgets if w.name == "ok")

    def turn(self, d):
        self.page = max(0, min(len(self._pages) - 1, self.page + d))
        self.rebuild()

    def on_event(self, ev):
        if ev.type == pygame.KEYDOWN and ev.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            self.turn(-1 if ev.key == pygame.K_PAGEUP else 1)
            return True
        return False

    def entry_tip(self, e):
        story = V.entry_story(self.app.session.scn, e)
        return [common.date_text(e.date), e.text, *([story] if story else [])]

    def toast_area(self):
        r = self.card()
        return pygame.Rect(r.x + 20, r.bottom - 150, 440, 90)

    # ------------------------------------------------------------------ drawing
    def draw_background(self, surf):
        s = self.app.session
        st = s.state
        r = self.card()
        who = "Kim Il Sung" if self.side == "kim" else "the opposition"
        inner = W.panel(surf, r, f"Dispatches for {who}", title_size=24)
        T.draw(surf, f"{common.date_text(st.date)} · turn {st.turn}", (inner.x, inner.y), 15, C.RED, "bold")
        left, right = self.columns()
        T.draw(
            surf,
            ("Since you last moved" if st.turn > 1 else "As the game opens")
            + (f" · page {self.page + 1}/{len(self._pages)}" if len(self._pages) > 1 else ""),
            (left.x, left.y),
            15,
            C.INK_SOFT,
            "bold",
        )
        y = left.y + 30
        lh = T.line_height(ROW_SIZE) + 1
        if not self.entries:
            T.draw(surf, "No news reached you; your informers' count has moved.", (left.x, y), ROW_SIZE, C.INK_SOFT)
        for e, n in self._pages[self.page]:
            col = V.KIND_COLOURS.get(e.kind, C.INK)
            pygame.draw.rect(surf, col, (left.x + 80, y + 3, 4, n * lh - 4))
            T.draw(surf, common.short_date(e.date), (left.x, y + 1), 12, C.INK_SOFT, "bold")
            fg = C.INK if e.visible_to == "all" else C.SIDE_COLOUR.get(e.visible_to, C.INK)
            for i, ln in enumerate(T.wrap(e.text, ROW_SIZE, left.width - 96)):
                T.draw(surf, ln, (left.x + 92, y + i * lh), ROW_SIZE, fg)
            y += n * lh + 8
        self.draw_count(surf, right)

    def draw_count(self, surf, box):
        s = self.app.session
        T.draw(surf, "YOUR INFORMERS' COUNT", (box.x, box.y), 18, C.RED, "head")
        y = box.y + 28
        for key, label in (("kim", "With Kim"), ("opposition", "With the critics"), ("swing", "Undecided")):
            v, e = s.estimate(key, self.side)
            old = self.old_est.get(key)
            text = f"{label}: {v} ±{e}"
            T.draw(surf, text, (box.x, y), 16, C.INK, "bold")
            if old is not None and old[0] != v:
                d = v - old[0]
                colour = C.GOLD_DARK if key == "swing" else C.SIDE_COLOUR[key]
                T.draw(surf, f"{d:+d}", (box.right, y), 16, colour, "bold", "topright")
            y += 24
        maj = s.estimate("majority", self.side)[0]
        then = [self.old_est.get(k) for k in ("kim", "opposition", "swing")]
        # The margins count from the end of this side's last phase (its own moves included),
        # not from the last report: say so, with those figures, so two reports reconcile.
        since = (
            f" Margins: since you ended your last turn ({then[0][0]} · {then[1][0]} · {then[2][0]})."
            if all(then) and not self.first_count
            else ""
        )
        y += T.draw_box(
            surf,
            f"Of {s.estimate('present', self.side)[0]} full members present; a motion needs {maj}.{since}",
            pygame.Rect(box.x, y, box.width, 38 if since else 20),
            13,
            C.INK_SOFT,
        )
        y += 10
        T.draw(surf, "WHY IT MOVED", (box.x, y), 18, C.RED, "head")
        y += 26
        lines: list[tuple[str, tuple, str]] = []
        mv = self.moves
        if mv is None:
            lines.append(
                ("Your first count: from the next report on, this says who moved and why.", C.INK_SOFT, "body")
            )
        elif not mv.moved:
            lines.append(
                (
                    "No change in the counts."
                    + (
                        f" ({mv.changed} members changed column, cancelling one another out.)" if mv.changed > 1 else ""
                    ),
                    C.INK_SOFT,
                    "body",
                )
            )
        else:
            for text, d in mv.causes:
                lines.append((f"• {text}: {MV.net_words(d)}.", C.INK_SOFT, "body"))
        text_h = sum(len(T.wrap(t, 13, box.width - 8, st)) * (T.line_height(13) + 1) + 3 for t, _, st in lines)
        size = 13 if text_h <= box.bottom - y else 11
        for t, col, st in lines:
            for ln in T.wrap(t, size, box.width - 8, st):
                if y > box.bottom - T.line_height(size):
                    T.note_cut("report full", t)
                    return
                T.draw(surf, ln, (box.x + (0 if st == "bold" else 8), y), size, col, st)
                y += T.line_height(size) + 1
            y += 3
