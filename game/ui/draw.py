"""Drawing primitives in the poster style: printed cards, bars, badges, stamps, stars, paper and
sunbursts. Pure drawing: no input, no state."""

from __future__ import annotations

import pygame

from game.ui import text as T
from game.ui import theme as C


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
