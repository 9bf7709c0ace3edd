"""The screen stack's element: a Screen owns its widgets, focus and hover, and handles input.

Screens never change the game's rules; they read the session's state and submit orders.
The app pushes, pops and replaces screens (``App.push/pop/replace``); a *modal* screen draws
over the one beneath it (a cached, dimmed picture of it).
"""

from __future__ import annotations

import pygame

from game.ui import widgets as W

SHIFT = pygame.KMOD_SHIFT


class Screen:
    modal = False
    dim = 150
    _build_no = 0
    title = ""
    help_lines: list[tuple[str, str]] = []

    def __init__(self, app):
        self.app = app
        self.widgets: list[W.Widget] = []
        self.focus: W.Widget | None = None
        self.hover: W.Widget | None = None
        self.hover_pos = (0, 0)
        self.hover_since = 0.0
        self.key_focus = False  # focus moved by keyboard: show its tooltip at once
        self.built_for = None

    # ------------------------------------------------------------------ geometry
    @property
    def w(self) -> int:
        return self.app.size[0]

    @property
    def h(self) -> int:
        return self.app.size[1]

    # ------------------------------------------------------------------ widgets
    def add(self, widget):
        self.widgets.append(widget)
        return widget

    def build(self) -> None:
        """Create the widgets; called on entering, on resize and after ``rebuild``."""

    def rebuild(self) -> None:
        old = self.focus.name if self.focus else None
        old_index = self.focusables().index(self.focus) if self.focus in self.focusables() else -1
        self.widgets = []
        self.hover = None
        self.focus = None
        self._build_no += 1
        self.build()
        self.built_for = self.app.size
        default = self.focus if self.focus in self.focusables() else None
        if old is not None:
            self.focus = next((w for w in self.focusables() if w.name == old), None)
            if self.focus is None and old_index >= 0 and self.focusables():
                self.focus = self.focusables()[min(old_index, len(self.focusables()) - 1)]
        if self.focus is None:
            self.focus = default
        self.app.dirty = True

    def focusables(self) -> list[W.Widget]:
        return [w for w in self.widgets if w.focusable and w.visible]

    def set_focus(self, widget, by_key: bool = True) -> None:
        if widget is not self.focus:
            self.focus = widget
            self.app.dirty = True
        self.key_focus = by_key

    def focus_named(self, name: str) -> bool:
        w = next((w for w in self.focusables() if w.name == name), None)
        if w:
            self.set_focus(w, by_key=False)
        return w is not None

    def widget_at(self, pos):
        for w in reversed(self.widgets):
            if w.visible and w.rect.collidepoint(pos):
                return w
        return None

    # ------------------------------------------------------------------ lifecycle
    def on_enter(self) -> None:
        pass

    def on_resume(self) -> None:
        """Back on top after the screen above was popped."""
        self.rebuild()

    def on_exit(self) -> None:
        pass

    def back(self) -> None:
        self.app.pop()

    def update(self, dt: float) -> bool:
        """Advance animations; return True when the picture changed."""
        return False

    # ------------------------------------------------------------------ input
    def on_event(self, ev) -> bool:
        """Screen-specific input, before the generic focus handling; True when consumed."""
        return False

    def handle(self, ev) -> None:
        app = self.app
        if ev.type == pygame.KEYDOWN:
            app.dirty = True
            if self.focus and self.focus.visible and self.focus.handle_key(ev):
                return
            if self.on_event(ev):
                return
            fs = self.focusables()
            if ev.key == pygame.K_TAB and fs:
                i = fs.index(self.focus) if self.focus in fs else -1
                i = (i - 1) if ev.mod & SHIFT else (i + 1)
                self.set_focus(fs[i % len(fs)])
                return
            dirs = {pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0), pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1)}
            if ev.key in dirs and fs:
                if self.focus not in fs:
                    self.set_focus(fs[0])
                else:
                    nxt = W.spatial_next(fs, self.focus, *dirs[ev.key])
                    if nxt:
                        self.set_focus(nxt)
                return
            if ev.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                if self.focus and self.focus.visible and self.focus.enabled:
                    app.sound.play("click")
                    self.focus.activate()
                return
            if ev.key == pygame.K_ESCAPE:
                self.back()
                return
            for w in self.widgets:
                if (
                    w.hotkey is not None
                    and w.hotkey == ev.key
                    and w.visible
                    and w.enabled
                    and not ev.mod & pygame.KMOD_CTRL
                ):
                    app.sound.play("click")
                    w.activate()
                    return
        elif ev.type == pygame.TEXTINPUT:
            if self.focus and self.focus.visible:
                if self.focus.handle_text(ev):
                    app.dirty = True
        elif ev.type == pygame.MOUSEMOTION:
            self.hover_pos = ev.pos
            w = self.widget_at(ev.pos)
            if self.key_focus and w is not self.focus:
                # The pointer has taken over: the keyboard focus's tooltip goes (it would linger
                # over whatever the pointer moved to).
                self.key_focus = False
                app.dirty = True
            if w is not self.hover:
                self.hover = w
                self.hover_since = app.clock_s
                if self.hover_full:
                    app.dirty = True
                else:
                    app.light()
            elif w is not None and w.tooltip:
                app.light()  # the tooltip follows the pointer
            self.on_event(ev)
        elif ev.type == pygame.MOUSEBUTTONDOWN:
            app.dirty = True
            self.hover_pos = ev.pos
            if ev.button in (1, 3):
                w = self.widget_at(ev.pos)
                if w is not None:
                    if w.focusable:
                        self.set_focus(w, by_key=False)
                    if w.enabled:
                        app.sound.play("click")
                        w.click(ev.pos, ev.button)
                    return
            self.on_event(ev)
        elif ev.type == pygame.MOUSEWHEEL:
            app.dirty = True
            self.on_event(ev)
        else:
            self.on_event(ev)

    # ------------------------------------------------------------------ drawing
    def draw_background(self, surf) -> None:
        pass

    def draw_overlay(self, surf) -> None:
        pass

    # Screens whose background depends only on what ``build`` saw cache it: a frame that only
    # moves the hover or the focus then costs a blit and the widgets.
    cache_background = False
    # True while the screen works something out over its idle frames (the app then builds no
    # glyphs ahead in the same frames, so the two never add up to a slow frame).
    idle_work = False
    hover_full = False
    _bg = None

    def background_key(self) -> object:
        """Anything besides a rebuild that changes the cached background (None: nothing)."""
        return None

    def draw(self, surf) -> None:
        if self.cache_background:
            key = (self._build_no, surf.get_size(), self.background_key())
            if self._bg is None or self._bg[0] != key:
                # A modal screen's picture is drawn over the one beneath: keep it transparent.
                bg = pygame.Surface(surf.get_size(), pygame.SRCALPHA if self.modal else 0)
                self.draw_background(bg)
                self._bg = (key, bg)
            surf.blit(self._bg[1], (0, 0))
        else:
            self.draw_background(surf)
        for w in self.widgets:
            if w.visible:
                w.draw(surf, w is self.hover, w is self.focus)
        self.draw_overlay(surf)

    def title_bands(self) -> list[pygame.Rect]:
        """Title bands passing messages must leave clear: the header band of a full screen (a
        dialog's card title is found from its card)."""
        return [] if self.modal else [pygame.Rect(0, 0, self.w, 56)]

    def toast_area(self) -> pygame.Rect | None:
        """Where passing messages may appear on this screen without hiding anything that
        matters (None: the window's bottom-left corner)."""
        return None

    def tooltip(self):
        app = self.app
        if self.hover is not None and self.hover.visible and app.clock_s - self.hover_since >= 0.3:
            lines = self.hover.tooltip_lines()
            above = getattr(self.hover, "tip_above", None)
            if lines and above is not None:
                return lines, (self.hover_pos[0] - 40, above.y), None, above
            if lines:
                return lines, (self.hover_pos[0] + 16, self.hover_pos[1] + 20)
        if self.key_focus and self.focus is not None and self.focus.visible:
            lines = self.focus.tooltip_lines()
            above = getattr(self.focus, "tip_above", None)
            if lines and above is not None:
                return lines, (self.focus.rect.x, above.y), None, above
            if lines:
                r = self.focus.rect
                return lines, (r.x, r.bottom + 8), r
        return None
