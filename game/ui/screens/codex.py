"""The codex: one entry per subject (a codex article, else the scenario's own description of a
faction or a person), a search box, and the bibliography: every source key under an entry is a
button that opens that source's full reference (author, title, date, publisher, where to read
it), and the Sources category lists them all."""

from __future__ import annotations

import pygame

from game.ui import dated as D
from game.ui import scenarios as SC
from game.ui import text as T
from game.ui import theme as C
from game.ui import view as V
from game.ui import widgets as W
from game.ui.screen import Screen
from game.ui.screens import common
from game.ui.sources import citation_lines

CATEGORY_WORDS = {
    "all": "All",
    "event": "Events",
    "faction": "Factions",
    "person": "People",
    "term": "Terms",
    "place": "Places",
    "patron": "Patrons",
    "source": "Sources",
}


class Entry:
    def __init__(self, id_, title, category, text, sources=(), uncertain="", locked=False, colour=None, cite=None):
        self.id, self.title, self.category, self.text = id_, title, category, text
        self.sources, self.uncertain, self.locked, self.colour = list(sources), uncertain, locked, colour
        self.cite = cite

    def matches(self, query: str) -> bool:
        q = query.strip().lower()
        if not q:
            return True
        if self.locked:
            return False
        hay = f"{self.title} {self.text} {' '.join(self.sources)}"
        if self.cite is not None:
            c = self.cite
            hay += f" {c.key} {c.author} {c.title} {c.date} {c.publisher} {c.where}"
        return all(word in hay.lower() for word in q.split())


def build_entries(scn, unlocked: set[str], date: str | None = None) -> list[Entry]:
    """Every subject once: a codex article wins over the bare description of the same faction
    or person (same id); a person whose article is still locked keeps the open description.
    With the game's ``date``, only what history has reached by then is told: an article dated
    later stays locked, and later notes are added as their dates pass."""
    out: list[Entry] = []
    articles = {c.id: c for c in scn.codex}
    if date is not None:
        unlocked = {c for c in unlocked if c not in articles or D.open_at(articles[c], date)}
    day = date or "9999-12-31"
    for c in scn.codex:
        locked = c.id not in unlocked
        if locked and c.category in ("person", "faction") and (scn.get(c.category, c.id) is not None):
            continue  # the open description below stands in until the article is unlocked
        title = c.title
        if c.category == "person":
            d = scn.get("person", c.id)
            if d is not None and d.name_ko and d.name_ko not in title:
                title = f"{title}  {d.name_ko}"
        text = D.text_at(c.text, c.later, day)
        unsure = D.known_text(c.uncertain, day)
        out.append(Entry(c.id, title, c.category, text, c.sources, unsure, locked, cite=c.cite))
    for f in scn.factions:
        art = articles.get(f.id)
        if art is not None and art.id in unlocked:
            continue
        out.append(
            Entry(f"faction:{f.id}", f"{f.name}  {f.name_ko}", "faction", f.description, colour=C.hex_to_rgb(f.color))
        )
    for p in scn.people:
        art = articles.get(p.id)
        if art is not None and art.id in unlocked:
            continue
        if p.bio or p.role:
            out.append(
                Entry(
                    f"person:{p.id}",
                    f"{p.name}  {p.name_ko}".strip(),
                    "person",
                    D.text_at((p.role + "\n\n" + p.bio).strip(), p.later, day),
                    p.sources,
                    D.known_text(p.uncertain, day),
                )
            )
    # Open entries first, alphabetically; locked ones after, as a count of what is still to learn.
    out.sort(key=lambda e: (e.locked, e.category == "source", e.category != "event", e.title.lower()))
    return out


class CodexScreen(Screen):
    cache_background = True
    title = "Codex"
    help_lines = [
        ("Up / Down", "Choose an entry"),
        ("/", "Search"),
        ("Tab", "Move to the categories, the search box, the source keys"),
        ("Esc", "Back"),
    ]

    def __init__(self, app):
        super().__init__(app)
        s = app.session
        date = None  # outside a game (from the title), the codex is the whole history
        if s:
            # Only what this side may know was unlocked (hot-seat: not the other side's secrets).
            self.scn, unlocked, date = s.scn, set(V.codex_seen(s.state, s.scn, s.viewer)), s.state.date
        else:
            _, self.scn = SC.first_ok()
            unlocked = {c.id for c in self.scn.codex if not c.locked} if self.scn else set()
        # Bibliography entries are always open: a source is never a secret.
        unlocked |= {c.id for c in self.scn.codex if c.category == "source"} if self.scn else set()
        self.entries = build_entries(self.scn, unlocked, date) if self.scn else []
        self.by_key = {e.cite.key: e for e in self.entries if e.cite is not None}
        present = {e.category for e in self.entries}
        self.cats = ["all"] + [c for c in CATEGORY_WORDS if c != "all" and c in present]
        self.cat = "all"
        self.page = 0
        self.query = ""
        self.search = None
        self.sel = next((e.id for e in self.entries if not e.locked), None)

    def shown(self):
        return [e for e in self.entries if self.cat in ("all", e.category) and e.matches(self.query)]

    def rows(self) -> int:
        return max(4, (self.h - 160 - 70) // 40)

    def detail_rect(self) -> pygame.Rect:
        return pygame.Rect(420, 112, self.w - 450, self.h - 190)

    def build(self):
        _w, h = self.w, self.h
        x = 30
        cw = min(116, (self.w - 60) // max(1, len(self.cats)) - 6)
        for c in self.cats:
            self.add(
                W.Button(
                    (x, 70, cw, 28),
                    CATEGORY_WORDS.get(c, c.title()),
                    lambda c=c: self.set_cat(c),
                    style="chip",
                    size=13,
                    selected=self.cat == c,
                    name=f"cat:{c}",
                )
            )
            x += cw + 6
        self.search = self.add(
            W.TextField(
                (30, 108, 360, 38),
                "Search",
                self.query,
                max_len=40,
                name="search",
                tooltip="Type to search titles, texts and sources (press / to come here).",
            )
        )
        shown = self.shown()
        rows = self.rows()
        pages = max(1, (len(shown) + rows - 1) // rows)
        self.page = min(self.page, pages - 1)
        self.pages = pages
        for i, e in enumerate(shown[self.page * rows : (self.page + 1) * rows]):
            label = e.title if not e.locked else f"Locked {e.category}: play on to learn more"
            self.add(
                W.Button(
                    (30, 156 + i * 40, 360, 34),
                    label,
                    lambda e=e: self.select(e),
                    style="chip",
                    size=14,
                    align="left",
                    selected=e.id == self.sel,
                    enabled=not e.locked,
                    name=f"entry:{e.id}",
                    tooltip=[e.title] if T.width(e.title, 14) > 330 else None,
                )
            )
        self.add(W.Button((30, h - 58, 120, 40), "Back", self.back, key_hint="Esc", name="back"))
        self.add(
            W.Button(
                (300, h - 58, 40, 36), "◀", lambda: self.turn(-1), style="chip", enabled=self.page > 0, name="prev"
            )
        )
        self.add(
            W.Button(
                (348, h - 58, 40, 36),
                "▶",
                lambda: self.turn(1),
                style="chip",
                enabled=self.page < pages - 1,
                name="next",
            )
        )
        # The selected entry's source keys: each opens its full reference.
        e = self.selected()
        if e is not None and e.sources:
            r = self.detail_rect()
            x, y = r.x + 12, r.bottom - 44
            for key in e.sources:
                src = self.by_key.get(key)
                bw = T.width(key, 13, "bold") + 22
                if x + bw > r.right - 12:
                    break
                self.add(
                    W.Button(
                        (x, y, bw, 30),
                        key,
                        (lambda src=src: self.select(src)) if src else None,
                        style="chip",
                        size=13,
                        enabled=src is not None,
                        name=f"src:{key}",
                        tooltip=citation_lines(src.cite) if src and src.cite else f"{key}: not in the bibliography",
                    )
                )
                x += bw + 6
        if self.focus is None:
            self.focus = next((b for b in self.widgets if b.name == f"entry:{self.sel}"), None) or self.widgets[0]

    def selected(self):
        return next((x for x in self.entries if x.id == self.sel), None)

    def update(self, dt):
        if self.search is not None and self.search.value != self.query:
            self.query = self.search.value
            self.page = 0
            shown = self.shown()
            if shown and self.sel not in {e.id for e in shown}:
                self.sel = next((e.id for e in shown if not e.locked), self.sel)
            self.rebuild()
            return True
        return False

    def on_event(self, ev):
        if ev.type == pygame.KEYDOWN and ev.key == pygame.K_SLASH and self.focus is not self.search:
            self.set_focus(self.search)
            return True
        return False

    def set_cat(self, c):
        self.cat = c
        self.page = 0
        self.rebuild()

    def turn(self, d):
        self.page = max(0, min(self.pages - 1, self.page + d))
        self.rebuild()

    def select(self, e):
        self.sel = e.id
        if self.cat not in ("all", e.category):
            self.cat = "all"
        shown = self.shown()
        if e in shown:
            self.page = shown.index(e) // self.rows()
        self.rebuild()

    def draw_background(self, surf):
        w, h = self.w, self.h
        surf.blit(common.paper((w, h)), (0, 0))
        n_open = sum(1 for e in self.entries if not e.locked)
        common.header(surf, w, "Codex", f"{n_open} of {len(self.entries)} entries open")
        n_shown = len(self.shown())
        T.draw(
            surf,
            f"{n_shown} shown · page {self.page + 1}/{self.pages}",
            (160, h - 38),
            13,
            C.INK_SOFT,
            "body",
            "midleft",
        )
        e = self.selected()
        r = self.detail_rect()
        if e is None:
            T.draw(surf, "No entry chosen.", (r.x, r.y), 18, C.INK_SOFT)
            return
        inner = W.panel(surf, r, CATEGORY_WORDS.get(e.category, e.category), band=e.colour or C.RED)
        T.draw_line(surf, e.title, (inner.x, inner.y), 28, inner.width, C.INK, "head", min_size=18)
        y = inner.y + 40
        foot = 56 if e.sources else 8
        if e.cite is not None:
            for i, ln in enumerate(citation_lines(e.cite)[1:]):
                y += T.draw_box(
                    surf, ln, pygame.Rect(inner.x, y, inner.width, 60), 15, C.INK, "bold" if i == 0 else "body"
                )
                y += 4
            y += 10
        body_h = inner.bottom - y - foot - (70 if e.uncertain else 0)
        y += T.draw_box(
            surf, e.text.strip() or "—", pygame.Rect(inner.x, y, inner.width, body_h), 16, C.INK, min_size=12
        )
        if e.uncertain:
            T.draw_box(
                surf,
                "What the record leaves open: " + e.uncertain,
                pygame.Rect(inner.x, y + 10, inner.width, inner.bottom - y - 10 - foot),
                14,
                C.INK_SOFT,
                min_size=11,
            )
        if e.sources:
            T.draw(surf, "SOURCES (each opens its reference)", (inner.x, r.bottom - 64), 13, C.INK_SOFT, "bold")
