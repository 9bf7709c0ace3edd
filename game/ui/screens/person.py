"""A person's file: faction, offices, career so far, stance, biography, Hangul name."""

from __future__ import annotations

import pygame

from game.engine.world import PLEDGE_DECAY, pledge_lasts
from game.ui import dated as D
from game.ui import text as T
from game.ui import theme as C
from game.ui import view as V
from game.ui import widgets as W
from game.ui.screen import Screen
from game.ui.sources import add_chips


class PersonScreen(Screen):
    cache_background = True
    modal = True
    title = "Person"
    help_lines = [("H", "Hangul name on/off"), ("Left / Right", "Previous / next person"), ("Esc", "Close")]

    def __init__(self, app, pid: str, ring: list[str] | None = None):
        super().__init__(app)
        self.pid = pid
        s = app.session
        self.ring = ring or [p for p, ps in s.state.people.items() if not ps.generated] or [pid]

    def card(self):
        w, h = min(980, self.w - 60), min(640, self.h - 40)
        return pygame.Rect((self.w - w) // 2, (self.h - h) // 2, w, h)

    def toast_area(self):
        """Passing messages sit at the foot of the left column, below the stance: never over the
        name, the biography or the buttons."""
        r = self.card()
        inner = r.inflate(-20, -20)
        col_w = (inner.width - 30) // 2
        return pygame.Rect(inner.x, r.bottom - 150, col_w, 88)

    def build(self):
        r = self.card()
        self.add(
            W.Button(
                (r.right - 140, r.bottom - 54, 120, 38),
                "Close",
                self.back,
                style="primary",
                key_hint="Esc",
                name="close",
            )
        )
        self.add(
            W.Button(
                (r.right - 300, r.bottom - 54, 150, 38),
                "Hangul: on" if self.app.settings.hangul else "Hangul: off",
                self.toggle_hangul,
                style="chip",
                hotkey=pygame.K_h,
                key_hint="H",
                name="hangul",
                tooltip="Show names in Hangul beside the romanisation.",
            )
        )
        self.add(
            W.Button(
                (r.x + 20, r.bottom - 54, 44, 38),
                "◀",
                lambda: self.step(-1),
                style="chip",
                name="prev",
                tooltip="Previous person",
            )
        )
        self.add(
            W.Button(
                (r.x + 70, r.bottom - 54, 44, 38),
                "▶",
                lambda: self.step(1),
                style="chip",
                name="next",
                tooltip="Next person",
            )
        )
        # The file's source keys: each chip opens its full bibliography entry.
        s = self.app.session
        d = s.scn.get("person", self.pid)
        if d and d.sources:
            x0 = r.x + 130 + T.width("Sources:", 12, "bold") + 8
            add_chips(self, s.scn, d.sources, x0, r.bottom - 48, r.right - 310, size=11, h=22)
        if self.focus is None:
            self.focus = self.widgets[0]

    def toggle_hangul(self):
        from game.ui import settings as S

        self.app.settings.hangul = not self.app.settings.hangul
        S.save(self.app.settings)
        self.app.invalidate_under()
        self.rebuild()

    def step(self, d):
        if self.pid in self.ring:
            i = (self.ring.index(self.pid) + d) % len(self.ring)
        else:
            i = 0
        self.pid = self.ring[i]
        self.rebuild()

    def on_event(self, ev):
        if (
            ev.type == pygame.KEYDOWN
            and ev.key in (pygame.K_LEFT, pygame.K_RIGHT)
            and not isinstance(self.focus, W.Choice)
        ):
            self.step(-1 if ev.key == pygame.K_LEFT else 1)
            return True
        return False

    def draw_background(self, surf):
        s = self.app.session
        st, scn = s.state, s.scn
        p = st.people[self.pid]
        d = scn.get("person", self.pid)
        r = self.card()
        col = C.faction_colour(scn, p.faction) if p.faction else C.patron_colour(scn, p.patron)
        inner = W.panel(surf, r, "Personal file", band=C.INK)
        W.monogram(
            surf, (inner.x + 56, inner.y + 60), 50, p.name, col, generated=p.generated, fallen=p.status in V.FALLEN
        )
        x = inner.x + 130
        T.draw(surf, p.name.upper(), (x, inner.y + 4), 40, C.INK, "head")
        if self.app.settings.hangul and d and d.name_ko:
            T.draw(surf, d.name_ko, (x + T.width(p.name.upper(), 40, "head") + 16, inner.y + 14), 26, C.RED, "bold")
        fac = (
            V.faction_name(scn, p.faction)
            if p.faction
            else (f"Envoy of the {scn.get('patron', p.patron).name}" if scn.get("patron", p.patron) else "Foreign")
        )
        T.draw(surf, fac, (x, inner.y + 52), 18, col, "bold")
        T.draw(
            surf,
            f"{V.SEAT_WORDS.get(p.cc, p.cc)} · {V.STATUS_NAMES.get(p.status, p.status)}",
            (x, inner.y + 78),
            15,
            C.INK_SOFT,
        )
        if d and d.born:
            # A death is told once the game has reached its date (a year alone: its end).
            died = d.died if d and d.died and st.date >= (d.died + "-12-31" if len(d.died) == 4 else d.died) else ""
            T.draw(surf, f"born {d.born}" + (f" · died {died}" if died else ""), (x, inner.y + 98), 14, C.INK_SOFT)
        # left column: offices, career, stance
        col_w = (inner.width - 30) // 2
        y = inner.y + 130
        T.draw(surf, "OFFICES", (inner.x, y), 18, C.RED, "head")
        y += 24
        offices = V.office_names(scn, p.offices) or ["None"]
        for o in offices[:4]:
            T.draw(surf, T.fit("• " + o, 14, col_w), (inner.x, y), 14, C.INK)
            y += 19
        y += 8
        T.draw(surf, "STANCE (YOUR ESTIMATE)", (inner.x, y), 18, C.RED, "head")
        y += 24
        for ln in V.stance_lines(s, self.pid)[:8]:
            y += T.draw_wrapped(surf, ln, pygame.Rect(inner.x, y, col_w, 100), 13, C.INK, max_lines=5)
        viewer = s.viewer
        mine = p.pledge_kim if viewer == "kim" else p.pledge_opposition
        if mine:
            T.draw(
                surf,
                f"Pledged to you: {mine}/100 (fades by {PLEDGE_DECAY} a turn: gone in {pledge_lasts(mine)} turns)",
                (inner.x, y + 4),
                13,
                C.SIDE_COLOUR[viewer],
                "bold",
            )
            y += 22
        if viewer == "opposition" and p.plotter:
            T.draw(surf, "Of our inner circle.", (inner.x, y + 4), 13, C.SIDE_COLOUR["opposition"], "bold")
        # right column: bio, career
        x2 = inner.x + col_w + 30
        y2 = inner.y + 130
        T.draw(surf, "BIOGRAPHY", (x2, y2), 18, C.RED, "head")
        y2 += 24
        # Only what history has reached by the game's date (later notes open as the game goes on).
        bio = D.text_at(d.bio or d.role, d.later, s.state.date) if d else ""
        if p.generated:
            bio = (
                "A generated cadre: the record does not name who held this seat. The split of unnamed seats "
                "between factions is a design estimate."
            )
        y2 += (
            T.draw_box(
                surf,
                bio.strip() or "No biography in this scenario.",
                pygame.Rect(x2, y2, col_w, 170),
                14,
                C.INK,
                min_size=11,
            )
            + 6
        )
        unsure = D.known_text(d.uncertain, st.date) if d and d.uncertain else ""
        if unsure:
            y2 += (
                T.draw_box(surf, "Uncertain: " + unsure, pygame.Rect(x2, y2, col_w, 80), 12, C.INK_SOFT, min_size=10)
                + 4
            )
        T.draw(surf, "CAREER IN THIS GAME", (x2, y2 + 4), 18, C.RED, "head")
        y2 += 30
        career = p.career[-6:] or ["Nothing yet."]
        for c in career:
            y2 += T.draw_wrapped(surf, c, pygame.Rect(x2, y2, col_w, 40), 13, C.INK, max_lines=2)
            if y2 > r.bottom - 90:
                break
        if d and d.sources:
            T.draw(surf, "Sources:", (r.x + 130, r.bottom - 37), 12, C.INK_SOFT, "bold", "midleft")
