"""The title and main menu."""

from __future__ import annotations

import math

import pygame

from game import __version__
from game.ui import text as T
from game.ui import theme as C
from game.ui import widgets as W
from game.ui.screen import Screen
from game.ui.screens import common
from game.words import prose_dates


def draw_hall_silhouette(surf, rect: pygame.Rect, colour) -> None:
    """The plenum hall's tiers as a black silhouette: a poster motif."""
    cx, base = rect.centerx, rect.bottom
    for i in range(5):
        rad = rect.width // 2 - i * (rect.width // 12)
        pygame.draw.arc(surf, colour, (cx - rad, base - rad, rad * 2, rad * 2), 0, math.pi, 9)
    pygame.draw.rect(surf, colour, (cx - 28, base - 38, 56, 38))
    pygame.draw.rect(surf, colour, (cx - 60, base - 46, 120, 10))


class TitleScreen(Screen):
    cache_background = True
    title = "Main menu"
    help_lines = [
        ("N", "New game"),
        ("R", "Replay the plenum"),
        ("C", "Continue the latest save"),
        ("L", "Load a game"),
        ("S", "Settings"),
        ("X", "Codex"),
        ("Q / Esc", "Quit"),
    ]

    def build(self):
        from game import saves
        from game.ui import scenarios

        scenarios.preload()  # load the scenarios while the player reads the menu: New game opens at once
        w, h = self.w, self.h
        x = w - 420
        y = h // 2 - 170
        self.latest = None
        found = []
        try:
            found = saves.list_saves()
            # Continue resumes a game still in play: an ended game's autosave would open on its
            # ending screen, which Load game still reaches.
            self.latest = next((s for s in found if not s.damaged and not s.ended), None)
        except OSError:
            self.latest = None
        items = [
            ("New game", self.new_game, pygame.K_n, "N", "Choose a scenario, a side and a difficulty."),
            (
                "Replay the plenum",
                self.replay,
                pygame.K_r,
                "R",
                "30-31 August 1956 as recorded, step by step with sources; take a seat at any moment.",
            ),
            (
                "Continue",
                self.cont,
                pygame.K_c,
                "C",
                (
                    f"Continue: {self.latest.label}"
                    if self.latest
                    else "No game in progress: the saved games have ended (Load game opens them)."
                    if any(not s.damaged for s in found)
                    else "No saved game yet."
                ),
            ),
            ("Load game", self.load, pygame.K_l, "L", "Open a named save or an autosave."),
            ("Settings", self.settings, pygame.K_s, "S", "Window size, full screen, UI scale, sound, text speed."),
            ("Codex", self.codex, pygame.K_x, "X", "People, factions and events of the period, with sources."),
            ("Mods", self.mods, pygame.K_m, "M", "Installed mods: check them, switch them on for a new game."),
            ("Quit", self.quit, pygame.K_q, "Q", "Leave the game. Games are saved every turn."),
        ]
        for i, (label, fn, key, hint, tip) in enumerate(items):
            b = self.add(
                W.Button(
                    (x, y + i * 58, 340, 46),
                    label,
                    fn,
                    style="primary" if i == 0 else "secondary",
                    size=24 if i == 0 else 19,
                    hotkey=key,
                    key_hint=hint,
                    tooltip=tip,
                    name=label,
                )
            )
            if label == "Continue" and not self.latest:
                b.enabled = False
        if self.focus is None:
            self.focus = next(b for b in self.widgets if b.name == ("Continue" if self.latest else "New game"))

    def draw_background(self, surf):
        w, h = self.w, self.h
        split = w - 470
        surf.blit(common.rays((w, h), (split // 2, h + 40)), (0, 0))
        draw_hall_silhouette(surf, pygame.Rect(split // 2 - 300, h - 190, 600, 300), C.INK)
        # title block
        cx = split // 2
        W.star(surf, (cx, 110), 46, C.GOLD)
        T.draw(surf, "AUGUST", (cx, 250), 118, C.INK, "head", "midbottom")
        T.draw(surf, "AUGUST", (cx - 4, 246), 118, C.PAPER_LIGHT, "head", "midbottom")
        T.draw(surf, "PLENUM", (cx, 356), 118, C.INK, "head", "midbottom")
        T.draw(surf, "PLENUM", (cx - 4, 352), 118, C.GOLD, "head", "midbottom")
        T.draw(surf, "8월 전원회의", (cx, 372), 24, C.PAPER_LIGHT, "bold", "midtop")
        T.draw(surf, "Party politics in Pyongyang, 1953–1962", (cx, 410), 19, C.GOLD_LIGHT, "body", "midtop")
        # menu column on paper
        pr = pygame.Rect(split, 0, w - split, h)
        surf.blit(common.paper((w - split, h)), pr)
        pygame.draw.rect(surf, C.INK, (split - 6, 0, 6, h))
        pygame.draw.rect(surf, C.GOLD, (split, 0, 3, h))
        T.draw(surf, "MAIN MENU", (w - 420, h // 2 - 210), 28, C.RED, "head", "bottomleft")
        pygame.draw.line(surf, C.INK, (w - 420, h // 2 - 204), (w - 80, h // 2 - 204), 2)
        common.footer_hint(surf, w + split, h, f"v{__version__} · F1 help · arrows/Tab move · Enter selects")
        if self.latest is not None:
            # "Autosave: August 1956, 31 December 1956 (turn 22)" said shortly enough to fit whole.
            # (Saves written before labels said dates in words still read as prose.)
            label = prose_dates(self.latest.label.replace("Autosave: ", "autosave, ", 1))
            T.draw_box(
                surf,
                f"Latest: {label}",
                pygame.Rect(w - 420, h // 2 - 170 + 8 * 58 + 2, 350, 34),
                13,
                C.INK_SOFT,
                min_size=10,
            )

    # actions
    def new_game(self):
        self.app.show("newgame")

    def replay(self):
        from game.ui.screens.replay import open_replay

        open_replay(self.app)

    def cont(self):
        if not self.latest:
            return
        self.app.director.open_save(self.latest.path)

    def load(self):
        self.app.show("saveload", mode="load")

    def settings(self):
        self.app.show("settings")

    def mods(self):
        from game.ui.screens.mods import open_mods

        open_mods(self.app)

    def codex(self):
        self.app.show("codex")

    def quit(self):
        self.app.running = False

    def back(self):
        self.quit()
