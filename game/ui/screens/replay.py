"""Replay the plenum: 29 August to 28 September 1956 as the records tell it, one step at a
time, paced like the plenum hall (the text-speed setting), with pause and skip. Each step shows
its sources and what is uncertain; from any step the player can take over either side and play
on from that moment.

The steps are content (the scenario's replay.yaml); where the replay stands and how long a step
stays is the engine's (``game.engine.replay_steps``); taking a seat plays the historical course
up to the step (``game.tools.replay.take_seat``). This screen only draws and forwards keys.
"""

from __future__ import annotations

import pygame

from game.engine.replay_steps import ReplayCursor, annotate, bibliography
from game.ui import text as T
from game.ui import theme as C
from game.ui import widgets as W
from game.ui.screen import Screen
from game.ui.screens import common
from game.ui.sources import CitationScreen
from game.ui.sources import bibliography as source_entries

SCENARIO = "august-1956"
KIND_MARK = {"report": "R", "speech": "S", "vote": "V", "flight": "F", "session": "P", "context": "·"}


def open_replay(app) -> None:
    """Open the replay from any screen (the director knows the route)."""
    app.show("replay")


class ReplayScreen(Screen):
    title = "Replay the plenum"
    hover_full = True
    help_lines = [
        ("Space / P", "Pause or go on"),
        ("Right / Enter", "Next step now"),
        ("Left", "The step before"),
        ("D", "Skip to the next day"),
        ("K", "Take Kim's seat from this step"),
        ("O", "Take the opposition's seat from this step"),
        ("Esc", "Back to the menu"),
    ]

    def __init__(self, app):
        super().__init__(app)
        from game.ui import scenarios as SC

        folder = next((f for f in SC.available() if f.name == SCENARIO), None)
        res = SC.get(folder) if folder is not None else None
        self.error = ""
        self.scn = res.scenario if res is not None and res.ok else None
        if self.scn is None or not self.scn.replay:
            self.error = f"The scenario '{SCENARIO}' is missing or has no replay steps."
            self.cur = None
            return
        self.bib = bibliography(self.scn)
        self.cur = ReplayCursor(self.scn.replay, speed=app.settings.speed_factor())
        self._shown = -1
        self._key = None

    # ------------------------------------------------------------------ widgets
    def build(self):
        w, h = self.w, self.h
        if self.cur is None:
            self.add(W.Button((w // 2 - 110, h - 80, 220, 46), "Back", self.back, style="primary", name="back"))
            return
        steps = self.cur.steps
        wide = w >= 1200
        lw = 318 if wide else 250
        top, bottom = 96, h - 84
        row = max(18, min(30, (bottom - top) // len(steps)))
        for i, st in enumerate(steps):
            self.add(
                W.Button(
                    (16, top + i * row, lw, row - 3),
                    T.preview(f"{common.short_date(st.date)}  {st.title}", 13, lw - 18),
                    lambda i=i: self.goto(i),
                    style="chip",
                    selected=i == self.cur.index,
                    size=13,
                    align="left",
                    name=f"step:{st.id}",
                    tooltip=[st.title, common.date_text(st.date), " ".join(st.text.split())[:240] + "…"],
                )
            )
        y = h - 62
        buttons = [
            ("◀", self.prev, pygame.K_LEFT, "Left", "The step before.", 50),
            ("Go on" if self.cur.paused else "Pause", self.toggle, pygame.K_p, "P", "Pause or go on (Space).", 100),
            ("▶", self.next, None, "Right", "The next step now.", 50),
            ("Next day", self.next_day, pygame.K_d, "D", "Skip to the next day of the record.", 110),
            (
                "Take Kim's seat" if wide else "Kim's seat",
                lambda: self.seat("kim"),
                pygame.K_k,
                "K",
                "Play on as Kim from this step; the opposition is the computer.",
                200 if wide else 130,
            ),
            (
                "Take the opposition's seat" if wide else "Opposition's seat",
                lambda: self.seat("opposition"),
                pygame.K_o,
                "O",
                "Play on as the opposition from this step; Kim is the computer.",
                270 if wide else 180,
            ),
        ]
        x = lw + 32
        for label, fn, key, hint, tip, bw in buttons:
            seat_button = label.endswith("seat")
            style = "primary" if seat_button else "secondary"
            self.add(
                W.Button(
                    (x, y, bw, 46),
                    label,
                    fn,
                    style=style,
                    size=16,
                    hotkey=key,
                    key_hint=hint if seat_button else "",
                    tooltip=[label, tip, self.cur.step.seat.note] if seat_button else tip,
                    name=label,
                )
            )
            x += bw + 10
        self.add(
            W.Button((w - 120, 14, 104, 34), "Leave", self.back, size=15, name="leave", tooltip="Back to the menu.")
        )
        if self.focus is None:
            self.focus = next(b for b in self.widgets if b.name in ("Pause", "Go on"))

    # ------------------------------------------------------------------ actions
    def goto(self, i: int) -> None:
        self.cur.goto(self.cur.steps[i].id)
        self.rebuild()

    def prev(self) -> None:
        self.cur.back()
        self.rebuild()

    def next(self) -> None:
        self.cur.next()
        self.rebuild()

    def next_day(self) -> None:
        self.cur.next_day()
        self.rebuild()

    def toggle(self) -> None:
        self.cur.toggle_pause()
        self.rebuild()

    def seat(self, side: str) -> None:
        from game.tools.replay import take_seat
        from game.ui.session import Players, Session

        g = take_seat(self.scn, self.cur.step, side)
        sess = Session(g, SCENARIO, Players((side,), "normal"))
        sess.autosave()
        self.app.director.enter_session(sess)
        self.app.notify(f"You take {'Kim' if side == 'kim' else 'the opposition'}'s seat: {self.cur.step.seat.note}")

    _src_hits: list = []

    def on_event(self, ev) -> bool:
        if ev.type == pygame.MOUSEBUTTONDOWN and ev.button == 1 and self.scn is not None:
            for rect, keys in self._src_hits:
                if rect.collidepoint(ev.pos):
                    bib = source_entries(self.scn)
                    entries = [bib[k] for k in keys if k in bib]
                    if entries:
                        self.app.push(CitationScreen(self.app, entries))
                    return True
        if ev.type == pygame.KEYDOWN and self.cur is not None:
            if ev.key == pygame.K_SPACE:
                self.toggle()
                return True
            if ev.key in (pygame.K_RIGHT, pygame.K_RETURN, pygame.K_KP_ENTER):
                self.next()
                return True
        return False

    def update(self, dt: float) -> bool:
        if self.cur is None:
            return False
        before = self.cur.index
        self.cur.tick(dt)
        if self.cur.index != before:
            self.rebuild()
        key = (self.cur.index, self.cur.paused, self.cur.finished, int(self.cur.progress() * 120))
        if key != self._key:
            self._key = key
            return True
        return False

    # ------------------------------------------------------------------ drawing
    def draw_background(self, surf):
        w, h = self.w, self.h
        surf.blit(common.paper((w, h)), (0, 0))
        common.header(surf, w, "THE PLENUM AS RECORDED", "30–31 August and 23 September 1956")
        if self.cur is None:
            T.draw_box(surf, self.error, pygame.Rect(80, 140, w - 160, 200), 20, C.INK)
            return
        st = self.cur.step
        a = annotate(self.scn, st, self.bib)
        T.draw(surf, "THE RECORD, STEP BY STEP", (16, 70), 14, C.RED, "head")
        lw = 318 if w >= 1200 else 250
        pygame.draw.line(surf, C.INK, (lw + 24, 70), (lw + 24, h - 80), 2)
        x0, x1 = lw + 46, w - 24
        y = 68
        meta = f"{common.date_text(a.date)} · {a.kind}"
        if a.speaker:
            meta += f" · {a.speaker}"
        T.draw_line(surf, meta.upper(), (x0, y), 15, x1 - x0 - 200, C.INK_SOFT, "bold")
        if st.side in C.SIDE_COLOUR:
            pygame.draw.rect(surf, C.SIDE_COLOUR[st.side], (x0, y + 24, 8, 40))
        T.draw_line(surf, a.title, (x0 + 18, y + 22), 34, x1 - x0 - 240, C.INK, "head", min_size=20)
        if a.outcome:
            colour = C.RED if st.outcome in ("shouted_down", "defeated", "fled") else C.OK
            W.stamp(surf, (x1 - 110, y + 40), a.outcome.upper(), colour, 22, -6)
        # the pacing bar: how long this step stays before the replay moves on
        bar = pygame.Rect(x0, y + 74, x1 - x0, 6)
        pygame.draw.rect(surf, C.PAPER_DARK, bar)
        pygame.draw.rect(
            surf, C.GOLD_DARK if self.cur.paused else C.RED, (bar.x, bar.y, int(bar.w * self.cur.progress()), bar.h)
        )
        state = "PAUSED" if self.cur.paused else ("THE END" if self.cur.finished else "")
        T.draw(
            surf,
            f"{self.cur.index + 1} / {len(self.cur.steps)}  {state}",
            (x1, bar.bottom + 4),
            12,
            C.INK_SOFT,
            "bold",
            "topright",
        )
        y = bar.bottom + 22
        col = x1 - x0
        used = T.draw_box(surf, a.text, pygame.Rect(x0, y, col, 170), 18, C.INK, min_size=14)
        y += used + 16
        if a.uncertain:
            T.draw(surf, "WHAT IS UNCERTAIN", (x0, y), 15, C.RED, "head")
            used = T.draw_box(surf, a.uncertain, pygame.Rect(x0, y + 22, col, 72), 15, C.INK_SOFT, min_size=12)
            y += 22 + used + 12
        T.draw(surf, "SOURCES", (x0, y), 15, C.RED, "head")
        T.draw(surf, "click a key for its full entry", (x0 + 80, y + 2), 12, C.INK_SOFT)
        y += 22
        # Each key is a link to its full bibliography entry (click): where it was drawn is kept.
        self._src_hits = []
        for i, src in enumerate(a.sources):
            rest = len(a.sources) - i
            if y + (18 if rest == 1 else 40) > h - 118:
                more = ", ".join(x.key for x in a.sources[i:])
                hit = T.draw(surf, f"… and {more} (click for each)", (x0, y), 13, C.INK_SOFT, "bold")
                self._src_hits.append((hit, [x.key for x in a.sources[i:]]))
                y += 20
                break
            hit = T.draw(surf, src.key, (x0, y), 14, C.RED_DARK, "bold")
            pygame.draw.line(surf, C.RED_DARK, (hit.x, hit.bottom - 1), (hit.right, hit.bottom - 1), 1)
            self._src_hits.append((hit.inflate(8, 4), [src.key]))
            used = T.draw_box(surf, src.label, pygame.Rect(x0 + 64, y + 1, col - 64, 34), 13, C.INK_SOFT, min_size=11)
            y += max(20, used) + 4
        if a.codex and y + 60 < h - 118:
            T.draw(surf, "FROM THE CODEX", (x0, y + 4), 15, C.RED, "head")
            y += 26
            for c in a.codex:
                if y + 34 > h - 118:
                    break
                note = c.title + (f" — uncertain: {c.uncertain}" if c.uncertain else "")
                T.draw_box(surf, note, pygame.Rect(x0, y, col, 34), 13, C.INK_SOFT, min_size=11, preview=True)
                y += 36
        seat = pygame.Rect(x0, h - 112, col, 40)
        T.draw_box(surf, "Take a seat here: " + a.seat_note, seat, 14, C.INK, min_size=11, preview=True, style="bold")
        T.draw(surf, "Space pause · ← → step · D next day", (16, h - 56), 13, C.INK_SOFT)
        T.draw(surf, "K / O take a seat · F1 help · Esc back", (16, h - 36), 13, C.INK_SOFT)
