"""The tooltip box: it grows to show every line (first wider, then taller); when the lines
outgrow the window it scrolls (the mouse wheel while a tooltip shows) and says how many lines
lie above and below, so no explanation is ever cut off."""

from __future__ import annotations

import pygame

from game.ui import text as T
from game.ui import theme as C

WIDTHS = (380, 480, 600, 760)


def layout(lines: list[str], max_w: int, screen_h: int) -> tuple[list[tuple[str, int, str]], int]:
    """Wrapped lines and the width used: the narrowest box whose text fits the window's height."""
    body: list[tuple[str, int, str]] = []
    lh = T.line_height(14) + 1
    for w in [max_w] + [x for x in WIDTHS if x > max_w]:
        body = []
        for i, ln in enumerate(lines):
            style = "bold" if i == 0 else "body"
            size = 15 if i == 0 else 14
            for sub in T.wrap(ln, size, w - 20, style):
                body.append((sub, size, style))
        if len(body) * lh + 14 <= screen_h - 12:
            return body, w
    return body, w


def tooltip_box(
    surf,
    lines: list[str],
    anchor: tuple[int, int],
    max_w: int = 380,
    avoid: pygame.Rect | None = None,
    scroll: int = 0,
    above: pygame.Rect | None = None,
):
    """Draw a tooltip; returns (rect it covers, shadow included; lines hidden below) or None.
    ``above``: a row of controls the tip must not cover (tactic cards side by side): the tip sits
    above the whole row, at the anchor's x, so it never hides a neighbour's title."""
    if not lines:
        return None
    sw, sh = surf.get_size()
    max_w = min(max_w, sw - 12)
    body, max_w = layout(lines, max_w, sh)
    max_w = min(max_w, sw - 12)
    lh = T.line_height(14) + 1
    fits = max(3, (sh - 12 - 14) // lh)
    hidden_below = 0
    scroll = max(0, min(scroll, max(0, len(body) - fits)))
    if len(body) > fits:
        # Scrolled: one line each end says what lies beyond.
        shown = body[scroll : scroll + fits - 2]
        hidden_below = len(body) - scroll - len(shown)
        body = (
            [(f"▲ {scroll} more lines (wheel)" if scroll else "", 12, "italic")]
            + shown
            + [(f"▼ {hidden_below} more lines (wheel)" if hidden_below else "", 12, "italic")]
        )
    h = len(body) * lh + 14
    w = min(max_w, max(T.width(t, s, st) for t, s, st in body) + 22)
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
    if above is not None and above.y - h - 8 >= 4:
        y = above.y - h - 8
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
        if t:
            T.draw(surf, t, (r.x + 12, yy), s, C.INK if st == "bold" else C.INK_SOFT, st)
        yy += lh
    return r.inflate(8, 8), hidden_below + scroll
