"""The codex: entries unlocked so far (with their sources and what is uncertain), plus the
factions and the people of the scenario."""

from __future__ import annotations

import pygame

from game.ui import scenarios as SC
from game.ui import text as T
from game.ui import theme as C
from game.ui import widgets as W
from game.ui.screen import Screen
from game.ui.screens import common

ROWS = 12


class Entry:
    def __init__(self, id_, title, category, text, sources=(), uncertain="", locked=False, colour=None):
        self.id, self.title, self.category, self.text = id_, title, category, text
        self.sources, self.uncertain, self.locked, self.colour = list(sources), uncertain, locked, colour


class CodexScreen(Screen):
    cache_background = True
    title = "Codex"
    help_lines = [("Up / Down", "Choose an entry"), ("Tab", "Move to the category chips"), ("Esc", "Back")]

    def __init__(self, app):
        super().__init__(app)
        s = app.session
        if s:
            self.scn, unlocked = s.scn, set(s.state.codex)
        else:
            _, self.scn = SC.first_ok()
            unlocked = {c.id for c in self.scn.codex if not c.locked} if self.scn else set()
        self.entries: list[Entry] = []
        if self.scn:
            for c in self.scn.codex:
                self.entries.append(
                    Entry(c.id, c.title, c.category, c.text, c.sources, c.uncertain, c.id not in unlocked)
                )
            for f in self.scn.factions:
                self.entries.append(
                    Entry(
                        f"faction:{f.id}",
                        f"{f.name}  {f.name_ko}",
                        "faction",
                        f.description,
                        colour=C.hex_to_rgb(f.color),
                    )
                )
            for p in self.scn.people:
                if p.bio or p.role:
                    self.entries.append(
                        Entry(
                            f"person:{p.id}",
                            f"{p.name}  {p.name_ko}".strip(),
                            "person",
                            (p.role + "\n\n" + p.bio).strip(),
                            p.sources,
                            p.uncertain,
                        )
                    )
        # Open entries first, alphabetically; locked ones after, as a count of what is still to learn.
        self.entries.sort(key=lambda e: (e.locked, e.category != "event", e.title.lower()))
        self.cats = ["all"] + sorted({e.category for e in self.entries})
        self.cat = "all"
        self.page = 0
        self.sel = next((e.id for e in self.entries if not e.locked), None)

    def shown(self):
        return [e for e in self.entries if self.cat in ("all", e.category)]

    def build(self):
        _w, h = self.w, self.h
        x = 30
        for c in self.cats:
            self.add(
                W.Button(
                    (x, 70, 110, 28),
                    c.title(),
                    lambda c=c: self.set_cat(c),
                    style="chip",
                    size=13,
                    selected=self.cat == c,
                    name=f"cat:{c}",
                )
            )
            x += 116
        shown = self.shown()
        pages = max(1, (len(shown) + ROWS - 1) // ROWS)
        self.page = min(self.page, pages - 1)
        self.pages = pages
        for i, e in enumerate(shown[self.page * ROWS : (self.page + 1) * ROWS]):
            label = e.title if not e.locked else f"Locked {e.category}: play on to learn more"
            self.add(
                W.Button(
                    (30, 112 + i * 40, 360, 34),
                    label,
                    lambda e=e: self.select(e),
                    style="chip",
                    size=14,
                    align="left",
                    selected=e.id == self.sel,
                    enabled=not e.locked,
                    name=f"entry:{e.id}",
                )
            )
        self.add(W.Button((30, h - 58, 120, 40), "Back", self.back, key_hint="Esc", name="back"))
        self.add(
            W.Button(
                (300, h - 58, 40, 36), "◀", lambda: self.turn(-1), style="chip", enabled=self.page > 0, name="prev"
            )
        )
        self.add(
            W.Button(
                (348, h - 58, 40, 36),
                "▶",
                lambda: self.turn(1),
                style="chip",
                enabled=self.page < pages - 1,
                name="next",
            )
        )
        if self.focus is None:
            self.focus = next((b for b in self.widgets if b.name == f"entry:{self.sel}"), None) or self.widgets[0]

    def set_cat(self, c):
        self.cat = c
        self.page = 0
        self.rebuild()

    def turn(self, d):
        self.page = max(0, min(self.pages - 1, self.page + d))
        self.rebuild()

    def select(self, e):
        self.sel = e.id
        self.rebuild()

    def draw_background(self, surf):
        w, h = self.w, self.h
        surf.blit(common.paper((w, h)), (0, 0))
        n_open = sum(1 for e in self.entries if not e.locked)
        common.header(surf, w, "Codex", f"{n_open} of {len(self.entries)} entries open")
        T.draw(surf, f"page {self.page + 1}/{self.pages}", (160, h - 38), 13, C.INK_SOFT, "body", "midleft")
        e = next((x for x in self.entries if x.id == self.sel), None)
        r = pygame.Rect(420, 112, w - 450, h - 190)
        if e is None:
            T.draw(surf, "No entry chosen.", (r.x, r.y), 18, C.INK_SOFT)
            return
        inner = W.panel(surf, r, e.category, band=e.colour or C.RED)
        T.draw(surf, e.title, (inner.x, inner.y), 28, C.INK, "head")
        y = inner.y + 40
        y += T.draw_wrapped(
            surf,
            e.text.strip() or "—",
            pygame.Rect(inner.x, y, inner.width, inner.bottom - y - 80),
            16,
            C.INK,
            max_lines=(inner.bottom - y - 80) // 22,
        )
        if e.uncertain:
            y += 8 + T.draw_wrapped(
                surf,
                "What the record leaves open: " + e.uncertain,
                pygame.Rect(inner.x, y + 8, inner.width, 60),
                14,
                C.INK_SOFT,
                max_lines=3,
            )
        if e.sources:
            T.draw_wrapped(
                surf,
                "Sources: " + "; ".join(e.sources),
                pygame.Rect(inner.x, inner.bottom - 50, inner.width, 50),
                13,
                C.INK_SOFT,
                max_lines=3,
            )
