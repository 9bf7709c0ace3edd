"""Source keys, wherever a screen shows them ("D18", "PUZ"): each is a chip that opens its full
bibliography entry (author, title, date, who holds it, where to read it), read from the
scenario's bibliography (the codex entries of category 'source' with a ``cite``), the same
entries the codex lists under Sources."""

from __future__ import annotations

import pygame

from game.ui import text as T
from game.ui import theme as C
from game.ui import widgets as W
from game.ui.screen import Screen

KIND_WORDS = {
    "primary": "a document of the time",
    "scholarship": "a historian's work",
    "reference": "a reference work",
    "press": "the press",
}

_bib: dict[int, tuple[object, dict]] = {}


def bibliography(scn) -> dict:
    """key -> the codex entry (with its ``cite``) for every source of the scenario."""
    got = _bib.get(id(scn))
    if got is None or got[0] is not scn:
        got = (scn, {c.cite.key: c for c in scn.codex if c.cite is not None})
        _bib[id(scn)] = got
    return got[1]


def citation_lines(cite) -> list[str]:
    lines = [f"{cite.key}: {cite.title}"]
    if cite.author:
        lines.append(f"By {cite.author}")
    if cite.date:
        lines.append(f"Date: {cite.date}")
    if cite.publisher:
        lines.append(f"Published or held by: {cite.publisher}")
    if cite.where:
        lines.append(f"Where to read it: {cite.where}")
    lines.append(f"Kind: {KIND_WORDS.get(cite.kind, cite.kind)}")
    return lines


def add_chips(screen, scn, keys, x: int, y: int, right: int, *, size: int = 12, h: int = 24, label: bool = True) -> int:
    """Add one chip per source key from (x, y) rightwards (a label 'Sources' first, drawn by the
    caller or not); a key that does not fit folds into a last '+N' chip whose tooltip lists the
    rest and which opens the first of them. Returns the x after the last chip."""
    bib = bibliography(scn)
    keys = list(keys)
    for i, key in enumerate(keys):
        bw = T.width(key, size, "bold") + 18
        rest = keys[i:]
        more_w = T.width(f"+{len(rest)}", size, "bold") + 18
        if x + bw > right - (more_w + 6 if i < len(keys) - 1 else 0):
            entries = [bib[k] for k in rest if k in bib]
            screen.add(
                W.Button(
                    (x, y, more_w, h),
                    f"+{len(rest)}",
                    (lambda es=entries: screen.app.push(CitationScreen(screen.app, es))) if entries else None,
                    style="chip",
                    size=size,
                    enabled=bool(entries),
                    name="src:more",
                    tooltip=["More sources"] + [f"{k}: {bib[k].cite.title}" if k in bib else k for k in rest],
                )
            )
            return x + more_w + 6
        src = bib.get(key)
        screen.add(
            W.Button(
                (x, y, bw, h),
                key,
                (lambda src=src: screen.app.push(CitationScreen(screen.app, [src]))) if src else None,
                style="chip",
                size=size,
                enabled=src is not None,
                name=f"src:{key}",
                tooltip=[*citation_lines(src.cite), "Click for the full entry."]
                if src
                else f"{key}: not in the bibliography",
            )
        )
        x += bw + 6
    return x


class CitationScreen(Screen):
    """The full bibliography entry of one or more sources, over the screen that showed the key."""

    cache_background = True
    modal = True
    title = "Source"
    help_lines = [("Left / Right", "The next source"), ("Esc / Enter", "Close")]

    def __init__(self, app, entries):
        super().__init__(app)
        self.entries = list(entries)
        self.i = 0

    def card(self) -> pygame.Rect:
        w, h = min(720, self.w - 80), min(460, self.h - 60)
        return pygame.Rect((self.w - w) // 2, (self.h - h) // 2, w, h)

    def build(self):
        r = self.card()
        if len(self.entries) > 1:
            self.add(W.Button((r.x + 20, r.bottom - 56, 44, 36), "◀", lambda: self.turn(-1), style="chip", name="prev"))
            self.add(W.Button((r.x + 70, r.bottom - 56, 44, 36), "▶", lambda: self.turn(1), style="chip", name="next"))
        close = self.add(
            W.Button((r.right - 170, r.bottom - 56, 150, 38), "Close", self.back, key_hint="Esc", name="close")
        )
        self.focus = close

    def turn(self, d: int) -> None:
        self.i = (self.i + d) % len(self.entries)
        self.rebuild()

    def on_event(self, ev):
        if ev.type == pygame.KEYDOWN and ev.key in (pygame.K_LEFT, pygame.K_RIGHT) and len(self.entries) > 1:
            self.turn(-1 if ev.key == pygame.K_LEFT else 1)
            return True
        return False

    def back(self):
        self.app.pop(self)

    def draw_background(self, surf):
        r = self.card()
        e = self.entries[self.i]
        inner = W.panel(surf, r, "Source" + (f" {self.i + 1} of {len(self.entries)}" if len(self.entries) > 1 else ""))
        lines = citation_lines(e.cite)
        y = inner.y + 4
        T.draw_line(surf, lines[0], (inner.x, y), 22, inner.width, C.INK, "head", min_size=14)
        y += 34
        foot = inner.bottom - 50
        for ln in lines[1:]:
            y += T.draw_box(surf, ln, pygame.Rect(inner.x, y, inner.width, 60), 15, C.INK, min_size=11) + 6
        if e.text and y < foot - 20:
            T.draw_box(
                surf,
                e.text.strip(),
                pygame.Rect(inner.x, y + 6, inner.width, foot - y - 6),
                14,
                C.INK_SOFT,
                min_size=11,
            )
