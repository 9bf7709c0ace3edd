"""The main screen's drawing: the top bar, the party, the patrons, the country, the aim, the
plenum forecast, the panels' frames and the dispatches. A mixin of MainScreen: it draws what
``build`` laid out (``self.left_rects``, ``self.plenum_rect``, ...), never decides anything."""

from __future__ import annotations

import pygame

from game.ui import text as T
from game.ui import theme as C
from game.ui import view as V
from game.ui import widgets as W
from game.ui.forecast import first_motion_line
from game.ui.screens import common

ROW0, ROW = 60, 25  # the headline count's rows in the plenum panel (main_screen.build's hotspots)
BAND_Y = ROW0 + 3 * ROW + 3  # the first motion's forecast band, under the rows

LOG_PAGE = 7  # dispatches per page of the log panel


def whose_move(phase: str, waiting: str | None) -> str:
    """The header's line on whose move it is: the side the game waits on (Game.to_move), which
    is not always the side whose phase it is: a decision of the other side's comes first at the
    eve-of-plenum start, and the header said "Kim moves" while the critics' dialog was open.
    Short, as it sits between the date and the budget pips."""
    name = {"kim": "Kim", "opposition": "Opposition"}
    if waiting not in name:
        return f"{name[phase]} moves" if phase in name else phase.title()
    return f"{name[waiting]} {'moves' if waiting == phase else 'decides'}"


class MainDraw:
    _band_pdef = None

    def draw_band(self, surf):
        """Under the headline count, what the first motion of the plenum on the calendar would
        get on the day: the session played out on this side's own picture (the plenum-prep
        forecast's own figures, from the session's one cache). Drawn over the cached background,
        since it is worked out over the idle frames after the first (MainScreen.update)."""
        band = self.first_motion_band(self._band_pdef)
        if band is None:
            return
        text, ready = band
        pr2 = self.plenum_rect
        T.draw_line(
            surf,
            text,
            (pr2.x + 12, pr2.y + BAND_Y),
            13,
            pr2.width - 24,
            C.INK if ready else C.INK_SOFT,
            "bold" if ready else "regular",
            min_size=10,
        )

    def first_motion_band(self, pdef):
        """(the line, ready) for the first motion of the plenum on the calendar, or None. Only
        looks at the session's cache: never works the forecast out inside a frame."""
        s = self.s
        if pdef is None:
            self._band_pending = False
            return None
        got = s.played_soon(pdef, 0)
        self._band_pending = got is s._NOT_YET
        if self._band_pending:
            return "First motion, as forecast: working it out…", False
        if got is None:  # no session to play out: the votes needed, as without a plenum
            return f"Majority: {s.estimate('majority')[0]} votes  (estimates)", False
        return first_motion_line(got), True

    _band_pending = False

    def draw_background(self, surf):
        s = self.s
        w, h = self.w, self.h
        surf.blit(common.paper((w, h)), (0, 0))
        if s is None:
            return
        st, scn = s.state, s.scn
        viewer = s.viewer
        # top bar
        pygame.draw.rect(surf, C.RED, (0, 0, w, 54))
        pygame.draw.rect(surf, C.RED_DARK, (0, 50, w, 4))
        pygame.draw.line(surf, C.GOLD, (0, 54), (w, 54), 2)
        W.star(surf, (28, 27), 15)
        # "THE LONG PLENUM, 1953-1962" does not fit the corner: the years go first (the date
        # beside it says when we are), then the size; an ellipsis only as a last resort.
        title = scn.scenario.title.upper()
        if T.width(title, 34, "head") > 230 and "," in title:
            title = title.split(",")[0]
        title, tsize = T.fit_size(title, 34, 230, "head", min_size=24)
        T.draw(surf, title, (50, 28), tsize, C.PAPER_LIGHT, "head", "midleft")
        T.draw(surf, common.date_text(st.date), (300, 8), 22, C.GOLD_LIGHT, "head")
        T.draw(
            surf,
            T.fit(f"Turn {st.turn} · {whose_move(st.phase, s.g.to_move())}", 14, 262),
            (300, 32),
            14,
            C.PAPER_LIGHT,
        )
        # budget pips
        T.draw(surf, f"{'KIM IL SUNG' if viewer == 'kim' else 'THE OPPOSITION'}", (570, 8), 20, C.PAPER_LIGHT, "head")
        left = s.g.remaining(viewer)
        total = max(st.budget.get(viewer, 0), left)
        for i in range(total):
            cx = 580 + i * 22
            pygame.draw.circle(surf, C.INK, (cx + 1, 39), 8)
            pygame.draw.circle(surf, C.GOLD if i < left else C.RED_DARK, (cx, 38), 8)
            pygame.draw.circle(surf, C.GOLD_DARK, (cx, 38), 8, 1)
        T.draw(
            surf,
            f"{left}/{st.budget.get(viewer, 0)} points",
            (584 + total * 22, 38),
            14,
            C.PAPER_LIGHT,
            "body",
            "midleft",
        )
        if s.players.hotseat:
            T.draw(surf, "Hot-seat", (self.w - 420 - 12, 28), 15, C.GOLD_LIGHT, "bold", "midright")
        (_x1, _L), (_x2, _M), (_x3, _R) = self.cols()
        # factions
        fr = self.left_rects["factions"]
        W.panel(surf, fr, "The party")
        # The big figures are each faction's influence: its share of the party's weight (they sum
        # to about 100); the label says so where the numbers stand.
        T.draw(surf, "influence · of 100", (fr.right - 10, fr.y + 17), 12, C.PAPER_LIGHT, "bold", "midright")
        yy = fr.y + 36
        for fid in V.faction_ids(scn, st):
            f = st.factions[fid]
            fd = scn.get("faction", fid)
            col = C.faction_colour(scn, fid)
            pygame.draw.rect(surf, col, (fr.x + 10, yy + 2, 8, 34))
            T.draw_line(surf, fd.name, (fr.x + 26, yy), 16, fr.width - 130, C.INK, "bold", min_size=11)
            T.draw(surf, f"cohesion {f.cohesion}", (fr.right - 12, yy + 3), 12, C.INK_SOFT, "body", "topright")
            W.bar(surf, (fr.x + 26, yy + 23, fr.width - 80, 11), f.influence, col)
            T.draw(surf, str(f.influence), (fr.right - 12, yy + 28), 17, C.INK, "head", "midright")
            if self.faction_filter == fid:
                pygame.draw.rect(surf, C.GOLD, (fr.x + 6, yy - 2, fr.width - 12, 40), 2)
            yy += 41
        # patrons
        pr = self.left_rects["patrons"]
        W.panel(surf, pr, "Moscow and Beijing")
        yy = pr.y + 36
        for pid in V.patron_ids(scn, st):
            p = st.patrons[pid]
            pd = scn.get("patron", pid)
            will = f"will to intervene {p.intervention}"
            if T.width(pd.name, 11, "bold") > pr.width - 32 - T.width(will, 12):
                will = f"will {p.intervention}"  # the tooltip says what it means
            T.draw(surf, will, (pr.right - 12, yy + 3), 12, C.INK_SOFT, "body", "topright")
            T.draw_line(
                surf, pd.name, (pr.x + 10, yy), 16, pr.width - 32 - T.width(will, 12), C.INK, "bold", min_size=11
            )
            half = (pr.width - 40) // 2
            for j, (label, val, sc) in enumerate(
                [("to Kim", p.favour_kim, "kim"), ("to critics", p.favour_opposition, "opposition")]
            ):
                bx = pr.x + 10 + j * (half + 10)
                T.draw(surf, f"{label} {val:+d}", (bx, yy + 19), 12, C.INK_SOFT)
                W.bar(surf, (bx, yy + 35, half, 8), val, C.SIDE_COLOUR[sc], lo=-100, hi=100, marker=0, centred=True)
            yy += 52
        # country
        cr = self.left_rects["country"]
        W.panel(surf, cr, "The country")
        c = st.country
        vals = {
            "economy": ("Economy", c.economy),
            "support": ("Support", c.support),
            "security": ("Security", c.security),
            "cult": ("Cult", c.cult),
            "rift": ("Sino-Soviet rift", st.rift),
            "intel": ("Intelligence", st.intel.get(viewer, 0)),
        }
        cw = (cr.width - 24) // 2
        for i, k in enumerate(["economy", "support", "security", "cult", "rift", "intel"]):
            col, row = i % 2, i // 2
            r = pygame.Rect(cr.x + 8 + col * (cw + 8), cr.y + 36 + row * 38, cw, 36)
            if r.bottom > cr.bottom - 4:
                break
            label, v = vals[k]
            T.draw(surf, label, (r.x + 2, r.y), 13, C.INK, "bold")
            T.draw(surf, str(v), (r.right - 2, r.y), 15, C.INK, "head", "topright")
            W.bar(surf, (r.x + 2, r.y + 21, r.width - 4, 8), v, C.RED if k != "intel" else C.SIDE_COLOUR["opposition"])
        ar0 = self.left_rects.get("aim")
        if ar0 is not None and ar0.height > 60:
            inner = W.panel(surf, ar0, "Your aim", band=C.INK)
            T.draw_box(surf, self.aim_text(), self.aim_text_rect(inner), 13, C.INK, min_size=10, preview=True)
        # plenum forecast
        pr2 = self.plenum_rect
        inner = W.panel(surf, pr2, "The next plenum")
        pdef, pl = V.plenum_next(scn, st)
        if pdef:
            days = V.days_until(st.date, pl.date)
            when = f"{common.date_text(pl.date)} · " + (
                "in session"
                if pl.status == "in_session"
                else ("tomorrow" if days == 1 else f"in {days} days")
                if days > 0
                else "now"
            )
            if T.width(when, 14, "bold") > inner.width // 2:
                when = f"{common.short_date(pl.date)} · " + when.split(" · ", 1)[1]
            dw = T.width(when, 14, "bold")
            # The title gives way to the date (smaller, never under it).
            T.draw_line(surf, pdef.title, (inner.x, inner.y), 17, inner.width - dw - 12, C.INK, "bold", min_size=11)
            T.draw(surf, when, (inner.right, inner.y + 2), 14, C.RED, "bold", "topright")
        else:
            held = [p for p in scn.plenums if st.plenums[p.id].status == "held"]
            T.draw(
                surf,
                "No plenum called yet." if not held else f"{held[-1].title}: held.",
                (inner.x, inner.y),
                16,
                C.INK,
                "bold",
            )

        maj = s.estimate("majority")[0]
        present = max(1, s.estimate("kim")[0] + s.estimate("opposition")[0] + s.estimate("swing")[0])
        for j, (key, label) in enumerate(
            (("kim", "With Kim"), ("opposition", "With the critics"), ("swing", "Undecided"))
        ):
            v, e = s.estimate(key)
            y = pr2.y + ROW0 + j * ROW
            col = C.SIDE_COLOUR.get(key, C.VOTE_ABSTAIN)
            T.draw(surf, label, (pr2.x + 12, y + 3), 14, C.INK)
            W.bar(
                surf,
                (pr2.x + 140, y + 5, pr2.width - 230, 14),
                v,
                col,
                hi=max(present, maj * 2),
                err=e,
                marker=maj if key != "swing" else None,
            )
            T.draw(surf, f"{v} ±{e}", (pr2.right - 12, y + 3), 15, C.INK, "bold", "topright")
        # Under today's count: the first motion's forecast band (draw_overlay, over this cached
        # picture, as it is worked out over the idle frames after the first).
        self._band_pdef = pdef
        if pdef is None:  # (with a plenum on the calendar, the band's line names the votes needed)
            T.draw(surf, f"Majority: {maj} votes  (estimates)", (pr2.x + 12, pr2.bottom - 46), 13, C.INK_SOFT)
        view = s.view()
        if view.exposure is not None:
            found = {"suspected": " · found?", "known": " · FOUND"}.get(view.plot_found, "")
            T.draw_line(
                surf,
                f"Exposure: {view.exposure}{found}",
                (pr2.x + 12, pr2.bottom - 26),
                14,
                pr2.width - 172,
                C.RED if found or view.exposure in ("watched", "marked") else C.INK,
                "bold",
                min_size=10,
            )
        # people
        pe = self.people_rect
        W.panel(surf, pe, "People")
        # What the list counts, two ways that reconcile (its tooltip meets the headline's count).
        pr = self.people_roll
        room = pe.width - 90
        T.draw_line(
            surf,
            f"{V.roll_names(pr)} · page {self.people_page + 1}/{self.people_pages}",
            (pe.x + 10, pe.bottom - 30),
            11,
            room,
            C.INK_SOFT,
            min_size=9,
        )
        T.draw_line(
            surf, f"= {pr.total}: {V.roll_seats(pr)}", (pe.x + 10, pe.bottom - 16), 11, room, C.INK_SOFT, min_size=9
        )
        # actions
        ar = self.actions_rect
        W.panel(surf, ar, "Your moves" if s.is_human(viewer) else "Moves")
        if s.mover() != viewer:
            T.draw(
                surf,
                "Not your phase" if not st.pending else "",
                (ar.right - 12, ar.y + 6),
                13,
                C.GOLD_LIGHT,
                "bold",
                "topright",
            )
        if self.actions_pages > 1:
            T.draw(
                surf,
                f"{self.actions_page + 1}/{self.actions_pages}",
                (ar.right - 78, ar.y + 15),
                12,
                C.PAPER_LIGHT,
                "body",
                "midright",
            )
        # log
        lr = self.log_rect
        inner = W.panel(surf, lr, "Dispatches")
        T.draw(
            surf,
            f"{self.log_page + 1}/{self.log_pages}",
            (lr.right - 78, lr.y + 15),
            12,
            C.PAPER_LIGHT,
            "body",
            "midright",
        )
        log = [e for _, e in sorted(enumerate(s.visible_log()), key=lambda t: (t[1].date, t[0]), reverse=True)]
        y = inner.y + 2
        for e in log[self.log_page * LOG_PAGE : (self.log_page + 1) * LOG_PAGE]:
            col = V.KIND_COLOURS.get(e.kind, C.INK)
            lines = T.wrap(e.text, 14, inner.width - 100)
            if y + 18 * min(2, len(lines)) > inner.bottom:
                break
            T.draw(surf, common.short_date(e.date), (inner.x, y + 1), 12, C.INK_SOFT, "bold")
            pygame.draw.rect(surf, col, (inner.x + 78, y + 3, 4, 14 * min(2, len(lines)) + 2))
            for ln in lines[:2]:
                T.draw(
                    surf,
                    # a longer dispatch shows its first two lines; its tooltip has the whole of it
                    ln if len(lines) <= 2 or ln is not lines[1] else T.preview(ln + " …", 14, inner.width - 100),
                    (inner.x + 90, y),
                    14,
                    C.INK if e.visible_to == "all" else C.SIDE_COLOUR.get(e.visible_to, C.INK),
                )
                y += 18
            y += 5

    def draw_overlay(self, surf):
        s = self.s
        if s is None:
            return
        self.draw_band(surf)
        if s.thinking or (not s.is_human(s.mover()) and s.mover()):
            dots = "." * (1 + int(self.app.clock_s * 3) % 3)
            other = "Kim" if s.mover() == "kim" else "The opposition"
            # In the moves panel's title band, where "Not your phase" stands: clear of the budget.
            ar = self.actions_rect
            r = pygame.Rect(ar.right - 250, ar.y + 3, 246, 26)
            pygame.draw.rect(surf, C.RED, r)
            T.draw(surf, f"{other} is moving{dots}", (r.right - 8, r.centery), 15, C.GOLD_LIGHT, "bold", "midright")
