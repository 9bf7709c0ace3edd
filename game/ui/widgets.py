"""Small retained widgets with keyboard focus, hover and tooltips, drawn in the poster style.

pygame_gui has no tab traversal (its issue #101), so focus is kept here: each screen owns an
ordered list of widgets; Tab/Shift-Tab walk it, arrows move to the nearest widget in that
direction, Enter/Space activate, and the focused widget gets a gold ring.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pygame

from game.ui import text as T
from game.ui import theme as C

# The drawing primitives live in draw.py and the tooltip box in tooltip.py; screens reach them
# through this module as W.panel, W.bar, ... (one import for everything a screen draws with).
from game.ui.draw import bar, initials, monogram, panel, paper_texture, stamp, star, sunburst
from game.ui.tooltip import tooltip_box

__all__ = [
    "Button",
    "Choice",
    "Hotspot",
    "TextField",
    "Widget",
    "bar",
    "focus_ring",
    "initials",
    "monogram",
    "panel",
    "paper_texture",
    "spatial_next",
    "stamp",
    "star",
    "sunburst",
    "tooltip_box",
]

Tooltip = "str | list[str] | Callable[[], list[str]] | None"


class Widget:
    focusable = True

    def __init__(
        self,
        rect,
        *,
        tooltip=None,
        hotkey: int | None = None,
        on_activate: Callable | None = None,
        enabled: bool = True,
        name: str = "",
    ):
        self.rect = pygame.Rect(rect)
        self.tooltip = tooltip
        self.hotkey = hotkey
        self.on_activate = on_activate
        self.enabled = enabled
        self.name = name
        self.visible = True

    def tooltip_lines(self) -> list[str]:
        tip = self.tooltip
        if callable(tip):
            tip = tip()
        if not tip:
            return []
        return [tip] if isinstance(tip, str) else list(tip)

    def activate(self) -> None:
        if self.enabled and self.on_activate:
            self.on_activate()

    def handle_key(self, ev) -> bool:
        return False

    def handle_text(self, ev) -> bool:
        return False

    def click(self, pos, button: int = 1) -> None:
        if button == 1:
            self.activate()

    def draw(self, surf: pygame.Surface, hovered: bool, focused: bool) -> None:
        pass


def focus_ring(surf, rect: pygame.Rect, radius: int = 4) -> None:
    pygame.draw.rect(surf, C.FOCUS, rect.inflate(6, 6), 3, border_radius=radius + 2)
    pygame.draw.rect(surf, C.INK, rect.inflate(10, 10), 1, border_radius=radius + 4)


class Button(Widget):
    """style: primary (red), secondary (paper), dark (on the hall), chip (toggle), link."""

    def __init__(
        self,
        rect,
        label: str,
        on_activate=None,
        *,
        style: str = "secondary",
        size: int = 16,
        tooltip=None,
        hotkey=None,
        enabled=True,
        selected=False,
        key_hint: str = "",
        icon=None,
        align: str = "center",
        name: str = "",
    ):
        super().__init__(
            rect, tooltip=tooltip, hotkey=hotkey, on_activate=on_activate, enabled=enabled, name=name or label
        )
        self.label = label
        self.style = style
        self.size = size
        self.selected = selected
        self.key_hint = key_hint
        self.icon = icon
        self.align = align

    def colours(self, hovered: bool):
        st = self.style
        if not self.enabled:
            if st == "dark":
                return (70, 46, 42), (130, 110, 100), (90, 60, 55)
            return C.PAPER_DARK, C.INK_FAINT, C.INK_FAINT
        if st == "primary":
            bg = C.RED_BRIGHT if hovered else C.RED
            return bg, C.PAPER_LIGHT, C.RED_DARK
        if st == "dark":
            bg = C.HALL_LIGHT if not hovered else (110, 50, 42)
            if self.selected:
                bg = C.GOLD_DARK
            return bg, C.PAPER_LIGHT, C.GOLD_DARK
        if st == "chip":
            if self.selected:
                return C.INK, C.PAPER_LIGHT, C.INK
            return (C.PAPER_LIGHT if hovered else C.PAPER), C.INK, C.INK_SOFT
        if st == "link":
            return None, (C.RED if hovered else C.INK), None
        bg = C.PAPER_LIGHT if hovered else C.PAPER
        if self.selected:
            bg = C.GOLD_LIGHT
        return bg, C.INK, C.INK

    def draw(self, surf, hovered, focused):
        bg, fg, border = self.colours(hovered)
        r = self.rect
        if bg is not None:
            if self.style in ("primary", "secondary") and self.enabled:
                pygame.draw.rect(surf, C.INK, r.move(3, 3), border_radius=3)
            pygame.draw.rect(surf, bg, r, border_radius=3)
            if border is not None:
                pygame.draw.rect(surf, border, r, 2 if self.style != "chip" else 1, border_radius=3)
        style = "head" if self.style in ("primary",) else "bold"
        if self.style in ("chip", "link"):
            style = "body" if not self.selected else "bold"
        x_pad = 10 if self.style != "chip" else 5
        room = r.width - 2 * x_pad - (T.width(self.key_hint, 12) + 6 if self.key_hint else 0)
        label, size = T.fit_size(self.label, self.size, room, style, min_size=max(10, self.size - 4))
        if self.align == "left":
            T.draw(surf, label, (r.x + x_pad, r.centery), size, fg, style, "midleft")
        else:
            T.draw(surf, label, r.center, size, fg, style, "center")
        if self.key_hint and self.enabled:
            hint_col = C.GOLD_LIGHT if self.style in ("primary", "dark") else C.INK_FAINT
            T.draw(surf, self.key_hint, (r.right - 6, r.bottom - 3), 11, hint_col, "body", "bottomright")
        if self.style == "link" and hovered:
            pygame.draw.line(
                surf, fg, (r.x + x_pad, r.bottom - 3), (r.x + x_pad + T.width(label, self.size, style), r.bottom - 3)
            )
        if focused:
            focus_ring(surf, r)


class Hotspot(Widget):
    """An invisible area over something drawn elsewhere (a number, a seat) that has a tooltip."""

    def __init__(self, rect, tooltip=None, on_activate=None, *, focusable=True, name="", draw_fn=None):
        super().__init__(rect, tooltip=tooltip, on_activate=on_activate, name=name)
        self.focusable = focusable
        self.draw_fn = draw_fn

    def draw(self, surf, hovered, focused):
        if self.draw_fn:
            self.draw_fn(surf, self.rect, hovered, focused)
        elif hovered:
            pygame.draw.rect(surf, C.GOLD, self.rect, 1, border_radius=2)
        if focused:
            focus_ring(surf, self.rect, 2)


class Choice(Widget):
    """A labelled value cycled with Left/Right (or clicks on its arrows)."""

    def __init__(
        self,
        rect,
        label: str,
        options: list[tuple[object, str]],
        value,
        on_change=None,
        *,
        tooltip=None,
        name="",
        dark=False,
    ):
        super().__init__(rect, tooltip=tooltip, name=name or label)
        self.label = label
        self.options = options
        self.index = next((i for i, (v, _) in enumerate(options) if v == value), 0)
        self.on_change = on_change
        self.dark = dark

    @property
    def value(self):
        return self.options[self.index][0] if self.options else None

    def step(self, d: int) -> None:
        if not self.options:
            return
        self.index = (self.index + d) % len(self.options)
        if self.on_change:
            self.on_change(self.value)

    def activate(self):
        self.step(1)

    def click(self, pos, button=1):
        vw = int(min(330, self.rect.width * 0.58))
        left_arrow = self.rect.right - vw - 10
        if button == 3 or (button == 1 and left_arrow <= pos[0] < left_arrow + 40):
            self.step(-1)
        else:
            self.step(1)

    def handle_key(self, ev):
        if ev.key == pygame.K_LEFT:
            self.step(-1)
            return True
        if ev.key == pygame.K_RIGHT:
            self.step(1)
            return True
        return False

    def draw(self, surf, hovered, focused):
        r = self.rect
        fg = C.PAPER_LIGHT if self.dark else C.INK
        pygame.draw.rect(
            surf,
            C.PAPER_LIGHT if hovered and not self.dark else (C.PAPER if not self.dark else C.HALL_LIGHT),
            r,
            border_radius=3,
        )
        pygame.draw.rect(surf, C.INK_SOFT, r, 1, border_radius=3)
        T.draw(surf, self.label, (r.x + 10, r.centery), 15, fg, "bold", "midleft")
        val = self.options[self.index][1] if self.options else "—"
        vw = int(min(330, r.width * 0.58))
        vr = pygame.Rect(r.right - vw - 10, r.y + 4, vw, r.height - 8)
        pygame.draw.rect(surf, C.PAPER_DARK if not self.dark else C.HALL, vr, border_radius=3)
        T.draw(surf, "◀", (vr.x + 8, vr.centery), 14, C.RED, "bold", "midleft")
        T.draw(surf, "▶", (vr.right - 8, vr.centery), 14, C.RED, "bold", "midright")
        T.draw(surf, T.fit(val, 15, vr.width - 44), vr.center, 15, fg, "body", "center")
        if focused:
            focus_ring(surf, r)


class TextField(Widget):
    def __init__(
        self,
        rect,
        label: str,
        value: str = "",
        *,
        max_len: int = 40,
        allowed: str | None = None,
        tooltip=None,
        name="",
        on_enter=None,
    ):
        super().__init__(rect, tooltip=tooltip, name=name or label)
        self.label = label
        self.value = value
        self.max_len = max_len
        self.allowed = allowed
        self.on_enter = on_enter
        self.editing = False

    def activate(self):
        if self.on_enter:
            self.on_enter()

    def handle_text(self, ev) -> bool:
        added = "".join(ch for ch in ev.text if self.allowed is None or ch in self.allowed)
        if added:
            self.value = (self.value + added)[: self.max_len]
        return True

    def handle_key(self, ev):
        if ev.key == pygame.K_BACKSPACE:
            self.value = self.value[:-1]
            return True
        if ev.key in (pygame.K_LEFT, pygame.K_RIGHT):
            return True
        # Typing letters must not trigger screen shortcuts while a field has focus.
        if (
            ev.unicode
            and ev.unicode.isprintable()
            and ev.key not in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_TAB, pygame.K_ESCAPE)
        ):
            return True
        return False

    def draw(self, surf, hovered, focused):
        r = self.rect
        pygame.draw.rect(surf, C.PAPER_LIGHT, r, border_radius=3)
        pygame.draw.rect(surf, C.INK if focused else C.INK_SOFT, r, 2 if focused else 1, border_radius=3)
        T.draw(surf, self.label, (r.x + 10, r.centery), 15, C.INK, "bold", "midleft")
        vr = pygame.Rect(r.right - 250, r.y + 4, 240, r.height - 8)
        pygame.draw.rect(surf, (255, 250, 236), vr)
        pygame.draw.line(surf, C.INK_SOFT, vr.bottomleft, vr.bottomright)
        shown = T.fit(self.value, 15, vr.width - 20)
        tr = T.draw(surf, shown, (vr.x + 8, vr.centery), 15, C.INK, "body", "midleft")
        if focused and (pygame.time.get_ticks() // 500) % 2 == 0:
            pygame.draw.line(surf, C.RED, (tr.right + 2, vr.y + 4), (tr.right + 2, vr.bottom - 4), 2)
        if focused:
            focus_ring(surf, r)


def spatial_next(widgets: Iterable[Widget], current: Widget, dx: int, dy: int) -> Widget | None:
    """The nearest focusable widget in a direction, for arrow-key navigation."""
    cx, cy = current.rect.center
    best, best_score = None, None
    for w in widgets:
        if w is current:
            continue
        x, y = w.rect.center
        ddx, ddy = x - cx, y - cy
        along = ddx * dx + ddy * dy
        if along <= 4:
            continue
        across = abs(ddx * dy) + abs(ddy * dx)
        score = along + across * 2.5
        if best_score is None or score < best_score:
            best, best_score = w, score
    return best
