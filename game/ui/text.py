"""Fonts and cached text rendering.

Fonts are the ones pygame_gui bundles (Noto Sans and Noto Sans KR, SIL Open Font License), so
the game adds no font binaries. A missing font file is reported (``PROBLEMS``) and replaced by
pygame's default font: the game goes on. Rendering a string costs ~10 us, so every rendered
string is cached by (text, style, colour).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pygame

try:
    import pygame_gui as _pg

    FONT_DIR = Path(_pg.__file__).parent / "data"
except Exception:  # pragma: no cover - pygame_gui is a dependency
    FONT_DIR = Path("/nonexistent")

FILES = {
    "body": "NotoSans-Regular.ttf",
    "bold": "NotoSans-Bold.ttf",
    "italic": "NotoSans-Italic.ttf",
    "kr": "NotoSansKR-Regular.ttf",
    "krbold": "NotoSansKR-Bold.ttf",
}
# Heading style: the bold face squeezed horizontally, for the condensed poster look.
CONDENSE = 0.80

PROBLEMS: list[str] = []
# Text that did not fit, while a test is watching (``watch_cuts``): (how, text). Every helper that
# shortens, truncates or lets text leave the surface says so here, so a test can render each
# screen and fail on any cut.
CUTS: list[tuple[str, str]] | None = None


def watch_cuts() -> list[tuple[str, str]]:
    """Start recording cut text; returns the (live) list."""
    global CUTS
    CUTS = []
    return CUTS


def stop_watching() -> None:
    global CUTS
    CUTS = None


def note_cut(how: str, text: str) -> None:
    if CUTS is not None:
        CUTS.append((how, text))


_fonts: dict[tuple[str, int], pygame.font.Font] = {}
_cache: dict[tuple, pygame.Surface] = {}
_wrap_cache: dict[tuple, list[str]] = {}
# Hangul, and the arrows/shapes/dingbats Noto Sans lacks but Noto Sans KR has.
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u2190-\u21ff\u2200-\u22ff\u25a0-\u27bf]")
_font_dir_override: Path | None = None


def set_font_dir(path: Path | None) -> None:
    """For tests: look for fonts elsewhere (a missing folder exercises the fallback)."""
    global _font_dir_override
    _font_dir_override = path
    _fonts.clear()
    _cache.clear()
    _wrap_cache.clear()
    _width_cache.clear()


def reset() -> None:
    """Forget fonts and rendered text (after pygame.quit() they are invalid)."""
    _fonts.clear()
    _cache.clear()
    _wrap_cache.clear()
    _width_cache.clear()
    _warm[:] = _warm_order()


def font(style: str, size: int) -> pygame.font.Font:
    # The heading style is the bold face (squeezed after rendering): one Font for both, since
    # each new Font pays ~1-2 ms on its first glyph (the hinting set-up for its size), and the
    # glyphs built ahead (warm_step) in the bold face are then the headings' too.
    base = _face(style)
    key = (base, size)
    f = _fonts.get(key)
    if f is not None:
        return f
    path = (_font_dir_override or FONT_DIR) / FILES.get(base, FILES["body"])
    try:
        f = pygame.font.Font(str(path), size)
    except (FileNotFoundError, OSError):
        msg = f"Font file missing: {path.name}; using a fallback font (Hangul may not show)."
        if msg not in PROBLEMS:
            PROBLEMS.append(msg)
        f = pygame.font.Font(None, int(size * 1.3))
        if base in ("bold", "krbold"):
            f.set_bold(True)
    _fonts[key] = f
    return f


def _style_for(text: str, style: str) -> str:
    if _HANGUL.search(text):
        return "krbold" if style in ("bold", "head", "krbold") else "kr"
    return style


def render(text: str, size: int, colour=(0, 0, 0), style: str = "body") -> pygame.Surface:
    key = (text, size, tuple(colour), style)
    s = _cache.get(key)
    if s is not None:
        return s
    if len(_cache) > 6000:
        _cache.clear()
    real = _style_for(text, style)
    s = font(real, size).render(text, True, colour)
    if style == "head" and s.get_width() > 2:
        s = pygame.transform.smoothscale(s, (max(1, int(s.get_width() * CONDENSE)), s.get_height()))
    _cache[key] = s
    return s


_width_cache: dict[tuple[str, int, str], int] = {}


def width(text: str, size: int, style: str = "body") -> int:
    # Measured once per string: layouts ask for the same widths every frame (fit, wrap, buttons),
    # and Font.size costs about as much as a render.
    key = (text, size, style)
    got = _width_cache.get(key)
    if got is not None:
        return got
    if len(_width_cache) > 20000:
        _width_cache.clear()
    w = font(_style_for(text, style), size).size(text)[0]
    got = int(w * CONDENSE) if style == "head" else w
    _width_cache[key] = got
    return got


def line_height(size: int, style: str = "body") -> int:
    return font(style if style != "head" else "bold", size).get_linesize()


def wrap(text: str, size: int, max_width: int, style: str = "body") -> list[str]:
    key = (text, size, max_width, style)
    got = _wrap_cache.get(key)
    if got is not None:
        return got
    if len(_wrap_cache) > 3000:
        _wrap_cache.clear()
    lines: list[str] = []
    for para in str(text).split("\n"):
        words = para.split()
        if not words:
            lines.append("")
            continue
        cur = words[0]
        for w in words[1:]:
            trial = cur + " " + w
            if width(trial, size, style) <= max_width:
                cur = trial
            else:
                lines.append(cur)
                cur = w
        # A single over-long word is cut rather than spilling out of its box.
        if width(cur, size, style) > max_width and len(cur) > 4:
            note_cut("word broken", cur)
        while width(cur, size, style) > max_width and len(cur) > 4:
            cut = len(cur) - 1
            while cut > 1 and width(cur[:cut], size, style) > max_width:
                cut -= 1
            lines.append(cur[:cut])
            cur = cur[cut:]
        lines.append(cur)
    _wrap_cache[key] = lines
    return lines


def draw(
    surf: pygame.Surface, text: str, pos, size: int = 16, colour=(0, 0, 0), style: str = "body", anchor: str = "topleft"
) -> pygame.Rect:
    s = render(text, size, colour, style)
    r = s.get_rect(**{anchor: pos})
    if CUTS is not None and text.strip() and not surf.get_rect().inflate(2, 2).contains(r):
        note_cut("off the surface", text)
    surf.blit(s, r)
    return r


def draw_wrapped(
    surf: pygame.Surface,
    text: str,
    rect: pygame.Rect,
    size: int = 16,
    colour=(0, 0, 0),
    style: str = "body",
    spacing: int = 2,
    max_lines: int | None = None,
    align: str = "left",
) -> int:
    """Draw wrapped text inside rect; returns the height used."""
    lines = wrap(text, size, rect.width, style)
    if max_lines is not None and len(lines) > max_lines:
        note_cut(f"more than {max_lines} lines", text)
        lines = lines[:max_lines]
        last = lines[-1]
        while last and width(last + "…", size, style) > rect.width:
            last = last[:-1]
        lines[-1] = last + "…"
    lh = line_height(size, style) + spacing
    if CUTS is not None and rect.height > 0 and len(lines) * lh - spacing > rect.height + 2:
        note_cut("overflows its box", text)
    y = rect.y
    for ln in lines:
        if ln:
            img = render(ln, size, colour, style)
            x = rect.x + (rect.width - img.get_width()) // 2 if align == "center" else rect.x
            surf.blit(img, (x, y))
        y += lh
    return y - rect.y


def fit(text: str, size: int, max_width: int, style: str = "body") -> str:
    """Shorten text with an ellipsis so it fits."""
    if width(text, size, style) <= max_width:
        return text
    note_cut("ellipsis", text)
    while text and width(text + "…", size, style) > max_width:
        text = text[:-1]
    return text + "…"


def fit_size(text: str, size: int, max_width: int, style: str = "body", min_size: int | None = None) -> tuple[str, int]:
    """The largest size from ``size`` down to ``min_size`` at which text fits on one line; only
    when none does, the text is shortened (and the cut recorded)."""
    floor = min_size if min_size is not None else max(10, size - 4)
    full = width(text, size, style)
    if full <= max_width:
        return text, size
    # Width grows about in step with the size: start from the size that should just fit, and
    # measure only around it (instead of every size from the largest down).
    start = max(floor, min(size - 1, int(size * max_width / max(1, full))))
    for sz in range(start + 2, floor - 1, -1):
        if sz < size and width(text, sz, style) <= max_width:
            return text, sz
    return fit(text, floor, max_width, style), floor


def draw_line(
    surf: pygame.Surface,
    text: str,
    pos,
    size: int,
    max_width: int,
    colour=(0, 0, 0),
    style: str = "body",
    anchor: str = "topleft",
    min_size: int | None = None,
) -> pygame.Rect:
    """One line that fits ``max_width``: drawn smaller if it must be, kept on its baseline box."""
    shown, sz = fit_size(text, size, max_width, style, min_size)
    if sz != size and anchor in ("topleft", "topright", "midtop"):
        # keep the line's middle where the full-size line would have sat
        pos = (pos[0], pos[1] + (line_height(size, style) - line_height(sz, style)) // 2)
    return draw(surf, shown, pos, sz, colour, style, anchor)


def draw_box(
    surf: pygame.Surface,
    text: str,
    rect: pygame.Rect,
    size: int = 16,
    colour=(0, 0, 0),
    style: str = "body",
    *,
    min_size: int | None = None,
    spacing: int = 2,
    align: str = "left",
    preview: bool = False,
) -> int:
    """Wrapped text that fits ``rect``: a smaller size when the full one would overflow it;
    cut (and recorded) only when even the smallest does not fit. ``preview``: the whole text
    is one hover away (in the widget's tooltip), so a cut here is a preview, not a loss."""
    rect = pygame.Rect(rect)
    floor = min_size if min_size is not None else max(10, size - 4)
    for sz in range(size, floor - 1, -1):
        n = len(wrap(text, sz, rect.width, style))
        if n * (line_height(sz, style) + spacing) - spacing <= rect.height:
            return draw_wrapped(surf, text, rect, sz, colour, style, spacing, align=align)
    lines = max(1, (rect.height + spacing) // (line_height(floor, style) + spacing))
    global CUTS
    watching, CUTS = CUTS, (None if preview else CUTS)
    try:
        return draw_wrapped(surf, text, rect, floor, colour, style, spacing, max_lines=lines, align=align)
    finally:
        CUTS = watching


def preview(text: str, size: int, max_width: int, style: str = "body") -> str:
    """A one-line preview of text whose whole is in the tooltip of the same row (not a cut)."""
    global CUTS
    watching, CUTS = CUTS, None
    try:
        return fit(text, size, max_width, style)
    finally:
        CUTS = watching


# Building ahead: the first string drawn in a (style, size) pays for rasterising its glyphs
# (~2-10 ms each), which made the first frame of a screen slow. While the window idles (the
# title screen), the app renders the alphabet once per style and size the screens use, one
# pair per frame, so later screens open on glyphs already made.
WARM_SIZES = tuple(range(9, 29)) + (32, 34, 36, 40, 44)
WARM_STYLES = ("body", "bold", "head", "italic")
WARM_TEXT = "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 .,:;'’“”()–−+±%·…/◀▶"
# The pairs the screens draw most (counted over every screen `plenum shots` renders) come first,
# so the few idle frames of a quick player already cover most of what the next screen needs.
WARM_FIRST = (
    ("body", 13), ("body", 12), ("body", 14), ("body", 11), ("bold", 12), ("bold", 15), ("bold", 13),
    ("head", 15), ("bold", 11), ("body", 15), ("bold", 16), ("head", 20), ("head", 16), ("head", 12),
    ("head", 18), ("head", 13), ("body", 17), ("head", 22), ("bold", 14), ("head", 14),
)  # fmt: skip


def _face(style: str) -> str:
    return "bold" if style == "head" else style


# The headings share the bold face's Font (``font``): each pair is warmed once, as bold.
_WARM_FIRST = tuple(dict.fromkeys((_face(st), sz) for st, sz in WARM_FIRST))


def _warm_order() -> list[tuple[str, int]]:
    rest = [(_face(st), sz) for sz in WARM_SIZES for st in WARM_STYLES]
    return list(dict.fromkeys([*_WARM_FIRST, *rest]))


_warm = _warm_order()
# Hangul names (the scenario's, once known) in the sizes the people rows and files use.
WARM_KOREAN = (("krbold", 15), ("kr", 13), ("krbold", 14), ("krbold", 13), ("kr", 16), ("kr", 12), ("kr", 14))
_warm_kr: list[tuple[str, int, str]] = []


def warm_korean(text: str) -> None:
    """Queue Hangul text (the scenario's names) to be rasterised while the window idles."""
    chars = "".join(sorted({ch for ch in text if _HANGUL.search(ch)}))
    if chars:
        _warm_kr[:] = [(st, sz, chars) for st, sz in WARM_KOREAN]


def first_warm() -> bool:
    """The most used pairs are warm (WARM_FIRST done)."""
    return not _warm or _warm[0] not in _WARM_FIRST


def warm_step() -> bool:
    """Rasterise one (style, size); False once everything is warm. The Hangul names, once
    queued, go before the rest of the Latin pairs."""
    if _warm_kr and first_warm():
        style, size, chars = _warm_kr.pop(0)
        font(style, size).render(chars, True, (0, 0, 0))
        return True
    if _warm:
        style, size = _warm.pop(0)
        font(style, size).render(WARM_TEXT, True, (0, 0, 0))
        return True
    if _warm_kr:
        style, size, chars = _warm_kr.pop(0)
        font(style, size).render(chars, True, (0, 0, 0))
        return True
    return False


def fonts_ok() -> bool:
    return all((FONT_DIR / f).exists() for f in FILES.values())


os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
