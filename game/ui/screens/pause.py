"""The in-game menu (Esc)."""

from __future__ import annotations

import pygame

from game.ui import theme as C
from game.ui import widgets as W
from game.ui.screen import Screen


class PauseMenu(Screen):
    cache_background = True
    modal = True
    title = "Game menu"
    help_lines = [("Esc", "Back to the game")]

    def build(self):
        cx, cy = self.w // 2, self.h // 2
        items = [
            ("Resume", self.back, "Esc"),
            ("Save game", self.save, "F5"),
            ("Load game", self.load, "L"),
            ("Settings", self.settings, "S"),
            ("Help and introduction", self.intro, "I"),
            ("Codex", self.codex, "C"),
            ("Quit to title", self.quit_title, "T"),
            ("Quit the game", self.quit, "Q"),
        ]
        keys = {
            "F5": pygame.K_F5,
            "L": pygame.K_l,
            "S": pygame.K_s,
            "I": pygame.K_i,
            "C": pygame.K_c,
            "T": pygame.K_t,
            "Q": pygame.K_q,
        }
        top = cy - len(items) * 27
        for i, (label, fn, k) in enumerate(items):
            self.add(
                W.Button(
                    (cx - 170, top + i * 54, 340, 44),
                    label,
                    fn,
                    style="primary" if i == 0 else "secondary",
                    size=18,
                    key_hint=k,
                    hotkey=keys.get(k),
                    name=label,
                )
            )
        self.top_y = top
        if self.focus is None:
            self.focus = self.widgets[0]

    def draw_background(self, surf):
        cx = self.w // 2
        r = pygame.Rect(cx - 200, self.top_y - 60, 400, len(self.widgets) * 54 + 80)
        W.panel(surf, r, "Game menu", band=C.INK)

    def save(self):
        self.app.show("saveload", mode="save", how="replace")

    def load(self):
        self.app.show("saveload", mode="load", how="replace")

    def settings(self):
        self.app.show("settings", how="replace")

    def intro(self):
        self.app.show("intro", how="replace")

    def codex(self):
        self.app.show("codex", how="replace")

    def quit_title(self):
        self.app.director.leave_session()

    def quit(self):
        self.app.running = False
