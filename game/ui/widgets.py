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
        label = T.fit(
            self.label, self.size, r.width - 2 * x_pad - (T.width(self.key_hint, 12) + 6 if self.key_hint else 0), style
        )
        if self.align == "left":
            T.draw(surf, label, (r.x + x_pad, r.centery), self.size, fg, style, "midleft")
        else:
            T.draw(surf, label, r.center, self.size, fg, style, "center")
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


# --------------------------------------------------------------------------- drawing helpers


def panel(
    surf, rect: pygame.Rect, title: str = "", *, dark: bool = False, title_size: int = 20, band: tuple | None = None
) -> pygame.Rect:
    """A printed card: paper, ink border, a red title band. Returns the content rect."""
    rect = pygame.Rect(rect)
    pygame.draw.rect(surf, (0, 0, 0), rect.move(4, 4))
    pygame.draw.rect(surf, C.HALL if dark else C.PAPER_LIGHT, rect)
    pygame.draw.rect(surf, C.INK, rect, 2)
    inner = rect.inflate(-16, -16)
    if title:
        band_h = title_size + 10
        br = pygame.Rect(rect.x + 2, rect.y + 2, rect.width - 4, band_h)
        pygame.draw.rect(surf, band or C.RED, br)
        T.draw(surf, title.upper(), (br.x + 8, br.centery + 1), title_size, C.PAPER_LIGHT, "head", "midleft")
        inner = pygame.Rect(rect.x + 10, br.bottom + 6, rect.width - 20, rect.bottom - br.bottom - 14)
    return inner


def bar(
    surf,
    rect: pygame.Rect,
    value: float,
    colour,
    *,
    lo: float = 0,
    hi: float = 100,
    err: float = 0,
    back=C.PAPER_DARK,
    marker: float | None = None,
    centred: bool = False,
) -> None:
    """A horizontal bar; ``centred`` fills from zero (for values that run from − to +)."""
    rect = pygame.Rect(rect)
    pygame.draw.rect(surf, back, rect)
    span = max(1e-6, hi - lo)
    frac = max(0.0, min(1.0, (value - lo) / span))
    fill = rect.copy()
    if centred:
        z = max(0.0, min(1.0, (0 - lo) / span))
        a, b = sorted((z, frac))
        fill.x = rect.x + int(rect.width * a)
        fill.width = max(1, int(rect.width * (b - a)))
    else:
        fill.width = int(rect.width * frac)
    pygame.draw.rect(surf, colour, fill)
    if err:
        a = max(0.0, min(1.0, (value - err - lo) / span))
        b = max(0.0, min(1.0, (value + err - lo) / span))
        er = pygame.Rect(
            rect.x + int(rect.width * a), rect.y + rect.height // 2 - 1, max(2, int(rect.width * (b - a))), 3
        )
        pygame.draw.rect(surf, C.INK, er)
        pygame.draw.line(surf, C.INK, (er.x, rect.y + 2), (er.x, rect.bottom - 3))
        pygame.draw.line(surf, C.INK, (er.right, rect.y + 2), (er.right, rect.bottom - 3))
    if marker is not None:
        mx = rect.x + int(rect.width * max(0.0, min(1.0, (marker - lo) / span)))
        pygame.draw.line(surf, C.INK, (mx, rect.y - 3), (mx, rect.bottom + 2), 2)
    pygame.draw.rect(surf, C.INK, rect, 1)


def initials(name: str) -> str:
    parts = [p for p in name.replace("-", " ").split() if p and p[0].isalpha()]
    if not parts:
        return "?"
    if len(parts) == 1:
        return parts[0][:2].upper()
    return (parts[0][0] + parts[-1][0]).upper()


def monogram(
    surf,
    centre,
    radius: int,
    name: str,
    colour,
    *,
    generated: bool = False,
    fallen: bool = False,
    label: str | None = None,
) -> None:
    """A person's badge: a disc in the faction colour with initials (a cadre gets a hollow ring)."""
    x, y = centre
    pygame.draw.circle(surf, C.INK, (x + 2, y + 2), radius)
    if generated:
        pygame.draw.circle(surf, C.PAPER_LIGHT, (x, y), radius)
        pygame.draw.circle(surf, colour, (x, y), radius, max(2, radius // 4))
        fg = colour
    else:
        pygame.draw.circle(surf, colour, (x, y), radius)
        pygame.draw.circle(surf, C.INK, (x, y), radius, 1)
        fg = C.readable_on(colour)
    T.draw(
        surf,
        label if label is not None else initials(name),
        (x, y + 1),
        max(9, int(radius * 0.9)),
        fg,
        "head",
        "center",
    )
    if fallen:
        pygame.draw.line(surf, C.INK, (x - radius, y + radius), (x + radius, y - radius), 3)


def stamp(surf, centre, word: str, colour=C.RED, size: int = 48, angle: float = -8) -> None:
    """A rubber-stamp word (CARRIED, DEFEATED, SHOUTED DOWN)."""
    s = T.render(word.upper(), size, colour, "head")
    w, h = s.get_width() + 24, s.get_height() + 8
    box = pygame.Surface((w, h), pygame.SRCALPHA)
    pygame.draw.rect(box, colour, box.get_rect(), 4, border_radius=6)
    pygame.draw.rect(box, colour, box.get_rect().inflate(-10, -10), 1, border_radius=4)
    box.blit(s, s.get_rect(center=(w // 2, h // 2 + 1)))
    rot = pygame.transform.rotate(box, angle)
    surf.blit(rot, rot.get_rect(center=centre))


def star(surf, centre, r: int, colour=C.GOLD) -> None:
    import math

    pts = []
    for i in range(10):
        ang = -math.pi / 2 + i * math.pi / 5
        rad = r if i % 2 == 0 else r * 0.42
        pts.append((centre[0] + math.cos(ang) * rad, centre[1] + math.sin(ang) * rad))
    pygame.draw.polygon(surf, colour, pts)


def tooltip_box(surf, lines: list[str], anchor: tuple[int, int], max_w: int = 380, avoid: pygame.Rect | None = None):
    """Draw a tooltip; returns the rect it covers (shadow included)."""
    if not lines:
        return None
    body: list[tuple[str, int, str]] = []
    for i, ln in enumerate(lines):
        style = "bold" if i == 0 else "body"
        size = 15 if i == 0 else 14
        for sub in T.wrap(ln, size, max_w - 20, style):
            body.append((sub, size, style))
    lh = T.line_height(14) + 1
    h = len(body) * lh + 14
    w = min(max_w, max(T.width(t, s, st) for t, s, st in body) + 22)
    sw, sh = surf.get_size()
    x, y = anchor
    if avoid is not None:
        # Keyboard focus: put the tip beside the control (right, left, below, above), never on it.
        cands = [
            (avoid.right + 10, avoid.y),
            (avoid.x - w - 10, avoid.y),
            (avoid.x, avoid.bottom + 8),
            (avoid.x, avoid.y - h - 8),
        ]
        for cx, cy in cands:
            cx2 = min(max(4, cx), sw - w - 6)
            cy2 = min(max(4, cy), sh - h - 6)
            if not pygame.Rect(cx2, cy2, w, h).colliderect(avoid):
                x, y = cx2, cy2
                break
    x = min(max(4, x), sw - w - 6)
    if y + h > sh - 6:
        y = max(4, sh - h - 6)
    r = pygame.Rect(x, y, w, h)
    pygame.draw.rect(surf, C.INK, r.move(3, 3))
    pygame.draw.rect(surf, (250, 244, 226), r)
    pygame.draw.rect(surf, C.INK, r, 1)
    pygame.draw.rect(surf, C.RED, (r.x, r.y, 4, r.height))
    yy = r.y + 7
    for t, s, st in body:
        T.draw(surf, t, (r.x + 12, yy), s, C.INK if st == "bold" else C.INK_SOFT, st)
        yy += lh
    return r.inflate(8, 8)


def paper_texture(size: tuple[int, int], seed: int = 7, base=C.PAPER) -> pygame.Surface:
    """Cream paper with faint fibres and a darker edge, made once per size."""
    import random

    w, h = size
    s = pygame.Surface(size)
    s.fill(base)
    rnd = random.Random(seed)
    for _ in range(w * h // 900):
        x, y = rnd.randrange(w), rnd.randrange(h)
        d = rnd.randint(-10, 6)
        col = tuple(max(0, min(255, c + d)) for c in base)
        pygame.draw.line(s, col, (x, y), (x + rnd.randint(-6, 6), y + rnd.randint(-2, 2)))
    edge = pygame.Surface(size, pygame.SRCALPHA)
    for i in range(24):
        a = int(38 * (1 - i / 24))
        pygame.draw.rect(edge, (90, 60, 30, a), (i, i, w - 2 * i, h - 2 * i), 1)
    s.blit(edge, (0, 0))
    return s


def sunburst(size: tuple[int, int], centre, colours=(C.RED, C.RED_DARK), rays: int = 28) -> pygame.Surface:
    """The poster's radiating rays."""
    import math

    s = pygame.Surface(size)
    s.fill(colours[1])
    cx, cy = centre
    R = max(size) * 2
    for i in range(rays):
        if i % 2:
            continue
        a0 = 2 * math.pi * i / rays
        a1 = 2 * math.pi * (i + 1) / rays
        pygame.draw.polygon(
            s,
            colours[0],
            [(cx, cy), (cx + R * math.cos(a0), cy + R * math.sin(a0)), (cx + R * math.cos(a1), cy + R * math.sin(a1))],
        )
    return s


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
