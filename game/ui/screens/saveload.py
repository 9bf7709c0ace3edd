"""Save and load: named slots and the rotating autosaves. A damaged save is reported and
skipped; it never touches the other saves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pygame

from game import saves
from game.paths import saves_dir
from game.ui import text as T
from game.ui import theme as C
from game.ui import widgets as W
from game.ui.screen import Screen
from game.ui.screens import common
from game.ui.session import load_session, slug
from game.words import prose_dates

ROWS = 9


def open_save(app, path) -> bool:
    """Load a save into a new session; on failure show why and stay where we are."""
    try:
        sess = load_session(path)
    except saves.SaveError as exc:
        common.show_error(app, "This save cannot be opened", f"{exc}\n\nYour other saves are not affected.")
        return False
    except Exception as exc:  # a save from the future, a bug: never crash the game over a file
        common.show_error(app, "This save cannot be opened", f"{path}: {exc.__class__.__name__}: {exc}")
        return False
    app.director.enter_session(sess)
    # The save as the list names it ("Autosave: August 1956, 21 April 1956 (turn 5)"), not its file.
    app.notify(f"Loaded: {prose_dates(saves.info(Path(path)).label)}")
    return True


class SaveLoadScreen(Screen):
    cache_background = True
    title = "Save / load"
    help_lines = [
        ("Up / Down", "Choose a save"),
        ("Enter", "Load (or overwrite when saving)"),
        ("Delete", "Delete the focused save"),
        ("Esc", "Back"),
    ]

    def __init__(self, app, mode: str = "load"):
        super().__init__(app)
        self.mode = mode if app.session or mode == "load" else "load"
        self.page = 0
        self.name_field = None
        self.entries: list[Any] = []

    def refresh(self):
        try:
            self.entries = saves.list_saves()
        except OSError as exc:
            self.entries = []
            self.app.notify(f"Cannot read the saves folder: {exc}", "error")

    def build(self):
        self.refresh()
        w, h = self.w, self.h
        y0 = 150
        if self.mode == "save":
            st = self.app.session.state
            default = (
                self.name_field.value
                if self.name_field
                else f"{self.app.session.scn.scenario.title}, {common.date_text(st.date)}"
            )
            self.name_field = self.add(
                W.TextField(
                    (40, 90, 620, 42),
                    "Save as",
                    default,
                    max_len=40,
                    name="name",
                    on_enter=self.save_new,
                    tooltip="Type a name and press Enter. Letters, digits, spaces.",
                )
            )
            self.add(W.Button((680, 90, 160, 42), "Save", self.save_new, style="primary", name="save", size=20))
            y0 = 170
        pages = max(1, (len(self.entries) + ROWS - 1) // ROWS)
        self.page = min(self.page, pages - 1)
        self.pages = pages
        for i, e in enumerate(self.entries[self.page * ROWS : (self.page + 1) * ROWS]):
            r = pygame.Rect(40, y0 + i * 50, w - 300, 44)
            self.add(SaveRow(r, self, e))
            self.add(
                W.Button(
                    (w - 250, r.y + 4, 100, 36),
                    "Delete",
                    lambda e=e: self.delete(e),
                    style="chip",
                    size=13,
                    name=f"del:{e.path.name}",
                    tooltip=f"Delete {e.path.name}",
                )
            )
        self.add(W.Button((40, h - 60, 140, 42), "Back", self.back, key_hint="Esc", name="back"))
        self.add(
            W.Button(
                (w - 250, h - 60, 40, 36), "◀", lambda: self.turn(-1), style="chip", enabled=self.page > 0, name="prev"
            )
        )
        self.add(
            W.Button(
                (w - 200, h - 60, 40, 36),
                "▶",
                lambda: self.turn(1),
                style="chip",
                enabled=self.page < pages - 1,
                name="next",
            )
        )
        if self.focus is None:
            self.focus = (
                self.name_field or next((x for x in self.widgets if isinstance(x, SaveRow)), None) or self.widgets[-3]
            )

    def turn(self, d):
        self.page = max(0, min(self.pages - 1, self.page + d))
        self.rebuild()

    def save_new(self):
        name = (self.name_field.value or "").strip() or "save"
        self.write(saves_dir() / f"{slug(name)}.json", name)

    def write(self, path, label):
        try:
            self.app.session.write(path, label)
        except (OSError, saves.SaveError) as exc:
            common.show_error(self.app, "The game was not saved", str(exc))
            return
        self.app.notify(f"Saved: {label}")
        self.app.pop(self)

    def pick(self, e):
        if self.mode == "save":
            common.confirm(
                self.app,
                "Overwrite this save?",
                f"“{e.label}” will be replaced by the game in progress.",
                "Overwrite",
                lambda: self.write(e.path, self.name_field.value.strip() or e.label),
            )
        else:
            open_save(self.app, e.path)

    def delete(self, e):
        def really():
            try:
                e.path.unlink()
                side = e.path.with_suffix(".session")
                if side.exists():
                    side.unlink()
            except OSError as exc:
                self.app.notify(f"Could not delete: {exc}", "error")
            self.rebuild()

        common.confirm(
            self.app, "Delete this save?", f"“{e.label}” ({e.path.name}) will be deleted for good.", "Delete", really
        )

    def on_event(self, ev):
        if ev.type == pygame.KEYDOWN and ev.key == pygame.K_DELETE and isinstance(self.focus, SaveRow):
            self.delete(self.focus.entry)
            return True
        if ev.type == pygame.KEYDOWN and ev.key == pygame.K_PAGEUP:
            self.turn(-1)
            return True
        if ev.type == pygame.KEYDOWN and ev.key == pygame.K_PAGEDOWN:
            self.turn(1)
            return True
        return False

    def draw_background(self, surf):
        w, h = self.w, self.h
        surf.blit(common.paper((w, h)), (0, 0))
        common.header(surf, w, "Save game" if self.mode == "save" else "Load game", str(saves_dir()))
        y0 = 170 if self.mode == "save" else 150
        T.draw(surf, "SAVED GAMES" if self.entries else "NO SAVED GAMES YET", (40, y0 - 34), 22, C.RED, "head")
        T.draw(
            surf,
            f"page {self.page + 1}/{self.pages} · autosaves rotate over the last three turns",
            (w - 260, h - 42),
            13,
            C.INK_SOFT,
            "body",
            "midright",
        )


class SaveRow(W.Widget):
    def __init__(self, rect, screen, entry):
        super().__init__(
            rect,
            tooltip=[entry.label, str(entry.path)],
            on_activate=lambda: screen.pick(entry),
            name=f"save:{entry.path.name}",
        )
        self.entry = entry

    def draw(self, surf, hovered, focused):
        e = self.entry
        r = self.rect
        damaged = "(damaged)" in e.label
        pygame.draw.rect(surf, C.INK, r.move(2, 2))
        pygame.draw.rect(surf, (255, 248, 226) if hovered else C.PAPER_LIGHT, r)
        pygame.draw.rect(surf, C.INK, r, 1)
        auto = e.path.name.startswith("autosave")
        pygame.draw.rect(surf, C.GOLD if auto else (C.RED if damaged else C.INK), (r.x, r.y, 6, r.height))
        T.draw(
            surf,
            T.fit(prose_dates(e.label), 16, r.width - 330, "bold"),
            (r.x + 16, r.y + 4),
            16,
            C.RED if damaged else C.INK,
            "bold",
        )
        # The file's time, in the game's month names (strftime's %b follows the machine's locale).
        t = dt.datetime.fromtimestamp(e.mtime) if e.mtime else None
        when = f"{common.short_date(t.date().isoformat(), year=True)} {t:%H:%M}" if t else ""
        T.draw(
            surf,
            f"{e.scenario} · {common.date_text(e.date)} · turn {e.turn}" + (" · ended" if e.ended else "")
            if not damaged
            else T.fit(getattr(e, "problem", "").split(": ", 1)[-1] or "This file cannot be read.", 13, r.width - 200),
            (r.x + 16, r.y + 24),
            13,
            C.INK_SOFT,
        )
        T.draw(surf, when, (r.right - 10, r.centery), 13, C.INK_SOFT, "body", "midright")
        if focused:
            W.focus_ring(surf, r, 2)
