"""The ending: which ending, what became of each faction and person (beside what really
happened), the factions' influence over the game, and, when the computer played a side, the
reason it gave for each of its moves (kept in its side's log; once the game is over they may be
read)."""

from __future__ import annotations

import pygame

from game.ai.weights import level_names
from game.ui import text as T
from game.ui import theme as C
from game.ui import view as V
from game.ui import widgets as W
from game.ui.screen import Screen
from game.ui.screens import common

TABS = ("The ending", "People", "Factions")
REASONS_TAB = "The computer's reasons"


class EndingScreen(Screen):
    cache_background = True
    title = "Ending"

    @property
    def help_lines(self):
        # The reasons' tab is there only when the computer played a side (not in hot-seat).
        if self.ai_sides():
            tabs = [("1 / 2 / 3 / 4", "Ending · people · factions · the computer's reasons")]
            pages = "Page the people or the reasons"
        else:
            tabs, pages = [("1 / 2 / 3", "Ending · people · factions")], "Page the people"
        return [*tabs, ("Left / Right", "Switch tab"), ("PgUp / PgDn", pages), ("Enter", "Back to the title")]

    def __init__(self, app):
        super().__init__(app)
        self.tab = 0
        self.page = 0
        self.rpage = 0  # the page of the computer's reasons
        app.sound.play("gavel")

    @property
    def s(self):
        return self.app.session

    def ending(self):
        s = self.s
        return s.scn.get("ending", s.state.ending) if s.state.ending else None

    def tabs(self) -> tuple[str, ...]:
        return (*TABS, REASONS_TAB) if self.ai_sides() else TABS

    def ai_sides(self) -> list[str]:
        s = self.s
        return [side for side in ("kim", "opposition") if side not in s.players.humans]

    def reasons(self):
        """The computer's reasons, in the order it gave them (its side's log, kind 'reason')."""
        s = self.s
        sides = set(self.ai_sides())
        return [V.readable(e, s.scn) for e in s.g.state.log if e.kind == "reason" and e.visible_to in sides]

    def people(self):
        st = self.s.state
        return [pid for pid, p in st.people.items() if not p.generated]

    def toast_area(self):
        """Passing messages sit in the foot strip left of the buttons: never over the ending's
        title, the tabs or the lists."""
        return pygame.Rect(24, self.h - 64, max(240, self.w - 470 - 24 - 24), 58)

    def build(self):
        w, h = self.w, self.h
        for i, label in enumerate(self.tabs()):
            self.add(
                W.Button(
                    (24 + i * 170, 170, 160 if i < len(TABS) else 230, 34),
                    label,
                    lambda i=i: self.set_tab(i),
                    style="chip",
                    selected=self.tab == i,
                    size=15,
                    hotkey=pygame.K_1 + i,
                    name=f"tab:{i}",
                )
            )
        if self.tab == 1:
            per = max(1, (h - 300) // 46) * 2
            pages = max(1, (len(self.people()) + per - 1) // per)
            self.page = min(self.page, pages - 1)
            self.pages = pages
            self.per = per
            self.add_pager(self.page, pages)
            area = self.area()
            col_w = (area.width - 20) // 2
            for i, pid in enumerate(self.people()[self.page * per : (self.page + 1) * per]):
                c, r = divmod(i, per // 2)
                rect = pygame.Rect(area.x + c * (col_w + 20), area.y + r * 46, col_w, 42)
                self.add(
                    W.Hotspot(
                        rect,
                        lambda pid=pid: self.person_tip(pid),
                        name=f"fate:{pid}",
                        draw_fn=lambda surf, rect, hov, foc, pid=pid: self.draw_fate(surf, rect, pid, hov or foc),
                    )
                )
        if self.tab == 3:
            self.build_reasons()
        if self.tab == 2:
            area = self.area()
            chart = pygame.Rect(area.x + 40, area.y + 10, area.width - 340, area.height - 50)
            st = self.s.state
            for i, fid in enumerate(V.faction_ids(self.s.scn, st)):
                self.add(
                    W.Hotspot(
                        (chart.right + 26, chart.y - 4 + i * 72, 290, 64),
                        lambda fid=fid: self.faction_tip(fid),
                        name=f"legend:{fid}",
                    )
                )
            self.add(
                W.Hotspot(
                    chart,
                    [
                        "Influence over the game",
                        "Each faction's weight in the party (0–100), recorded at the end of every turn. "
                        "It drifts toward the faction's share of the full Central Committee members "
                        "present, and moves with purges, promotions and the plenums (dashed lines).",
                    ],
                    name="chart",
                    focusable=False,
                )
            )
        self.add(
            W.Button(
                (w - 250, h - 62, 226, 46),
                "Back to the title",
                self.finish,
                style="primary",
                size=20,
                key_hint="Enter",
                name="finish",
            )
        )
        self.add(
            W.Button(
                (w - 470, h - 62, 200, 46),
                "Watch the plenum",
                self.replay_plenum,
                size=16,
                name="replay",
                enabled=any(pl.record for pl in self.s.state.plenums.values()),
                tooltip="Play the last plenum's session again.",
            )
        )
        if self.tab == 0:
            # The whole divergence report, one hover away from its preview in the right column.
            self.add(
                W.Hotspot(
                    (w // 2 + 8, 330, w // 2 - 32, h - 420), self.divergence_tip, name="divergence", focusable=False
                )
            )
        if self.focus is None:
            self.focus = next(b for b in self.widgets if b.name == "finish")

    def faction_tip(self, fid):
        st, scn = self.s.state, self.s.scn
        f, fd = st.factions[fid], scn.get("faction", fid)
        tl = st.timeline
        start = tl[0]["influence"].get(fid, f.influence) if tl else f.influence
        fallen = [p.name for p in st.people.values() if p.faction == fid and p.status in V.FALLEN and not p.generated]
        lines = [
            fd.name,
            f"Influence {start} at the start, {f.influence} at the end ({f.influence - start:+d}).",
            f"Cohesion {f.cohesion}: how solidly its members followed the faction line.",
        ]
        if fallen:
            lines.append("Fallen: " + ", ".join(fallen[:8]) + ("…" if len(fallen) > 8 else ""))
        return lines

    # The computer's reasons: one row each, in two columns, a page at a time.
    REASON_ROW = 44

    def reason_rows(self):
        area = self.area()
        per_col = max(1, (area.height - 30) // self.REASON_ROW)
        return area, per_col, per_col * 2

    def area(self) -> pygame.Rect:
        """Where a tab's content goes: under the tabs, above the buttons."""
        return pygame.Rect(24, 216, self.w - 48, self.h - 216 - 76)

    def add_pager(self, page: int, pages: int) -> None:
        """The ◀ ▶ buttons beside the tabs, for a tab that pages (the people, the reasons)."""
        w = self.w
        self.add(
            W.Button((w - 260, 170, 40, 34), "◀", lambda: self.turn(-1), style="chip", enabled=page > 0, name="prev")
        )
        self.add(
            W.Button(
                (w - 212, 170, 40, 34), "▶", lambda: self.turn(1), style="chip", enabled=page < pages - 1, name="next"
            )
        )

    def build_reasons(self):
        area, per_col, per = self.reason_rows()
        rs = self.reasons()
        self.rpages = max(1, (len(rs) + per - 1) // per)
        self.rpage = min(self.rpage, self.rpages - 1)
        self.add_pager(self.rpage, self.rpages)
        col_w = (area.width - 20) // 2
        for i, e in enumerate(rs[self.rpage * per : (self.rpage + 1) * per]):
            c, r = divmod(i, per_col)
            rect = pygame.Rect(area.x + c * (col_w + 20), area.y + 30 + r * self.REASON_ROW, col_w, self.REASON_ROW - 4)
            self.add(
                W.Hotspot(
                    rect,
                    [common.date_text(e.date), e.text],
                    name=f"reason:{self.rpage * per + i}",
                    draw_fn=lambda surf, rect, hov, foc, e=e: self.draw_reason(surf, rect, e, hov or foc),
                )
            )

    def draw_reason(self, surf, rect, e, lit):
        if lit:
            pygame.draw.rect(surf, C.PAPER_DARK, rect)
        T.draw(surf, common.short_date(e.date, year=True), (rect.x + 4, rect.y + 2), 12, C.RED, "bold")
        T.draw_box(
            surf,
            e.text,
            pygame.Rect(rect.x + 92, rect.y + 2, rect.width - 96, rect.height - 4),
            13,
            C.INK,
            min_size=11,
            preview=True,
        )

    def draw_reasons(self, surf, area):
        s = self.s
        names = level_names()
        who = " and ".join(f"{'Kim Il Sung' if side == 'kim' else 'the opposition'}" for side in self.ai_sides())
        level = names.get(s.players.difficulty, s.players.difficulty)
        T.draw(surf, f"HOW THE COMPUTER PLAYED {who.upper()} ({level})", (area.x, area.y), 20, C.RED, "head")
        rs = self.reasons()
        T.draw(
            surf,
            f"{len(rs)} moves explained · page {self.rpage + 1}/{self.rpages} · hover a line for the whole of it",
            (area.right, area.y + 4),
            13,
            C.INK_SOFT,
            "body",
            "topright",
        )
        if not rs:
            T.draw(surf, "It gave no reasons in this game.", (area.x, area.y + 34), 15, C.INK_SOFT)

    def set_tab(self, i):
        self.tab = i
        self.rebuild()

    def turn(self, d):
        if self.tab == 3:
            self.rpage = max(0, min(self.rpages - 1, self.rpage + d))
        else:
            self.page = max(0, min(self.pages - 1, self.page + d))
        self.rebuild()

    def on_resume(self):
        # Back from watching the plenum: Enter means "Back to the title" again, as its hint says
        # (the focus had stayed on "Watch the plenum", so Enter replayed the session).
        self.rebuild()
        self.focus_named("finish")

    def on_event(self, ev):
        if ev.type == pygame.KEYDOWN:
            if ev.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and not (
                self.key_focus and self.focus is not None and self.focus.name != "finish"
            ):
                # Enter is the primary button's key unless the player has moved the focus to
                # another control with the keyboard (a click on a tab leaves Enter as it was).
                self.finish()
                return True
            if ev.key in (pygame.K_LEFT, pygame.K_RIGHT) and (
                self.focus is None or self.focus.name.startswith("tab") or self.focus.name == "finish"
            ):
                self.set_tab((self.tab + (1 if ev.key == pygame.K_RIGHT else -1)) % len(self.tabs()))
                return True
            if ev.key == pygame.K_PAGEUP and self.tab in (1, 3):
                self.turn(-1)
                return True
            if ev.key == pygame.K_PAGEDOWN and self.tab in (1, 3):
                self.turn(1)
                return True
        return False

    def replay_plenum(self):
        held = [pid for pid, pl in self.s.state.plenums.items() if pl.record]
        if held:
            self.app.show("plenum", held[-1])

    def finish(self):
        self.app.director.leave_session()

    def back(self):
        self.finish()

    def draw_background(self, surf):
        s = self.s
        w, h = self.w, self.h
        e = self.ending()
        surf.blit(common.paper((w, h)), (0, 0))
        band = pygame.Rect(0, 0, w, 160)
        surf.blit(common.rays((w, 160), (w // 2, 300)), band)
        pygame.draw.line(surf, C.GOLD, (0, 160), (w, 160), 3)
        victor = e.victor if e else "none"
        vtext = {
            "kim": "KIM IL SUNG PREVAILS",
            "opposition": "THE OPPOSITION PREVAILS",
            "patrons": "THE PATRONS DECIDE",
            "none": "NO ONE PREVAILS",
        }[victor]
        T.draw(surf, vtext, (w // 2, 16), 22, C.GOLD_LIGHT, "head", "midtop")
        title = e.title if e else "The year runs out"
        T.draw(surf, title.upper(), (w // 2 + 3, 46), 66, C.INK, "head", "midtop")
        T.draw(surf, title.upper(), (w // 2, 43), 66, C.PAPER_LIGHT, "head", "midtop")
        you = [sd for sd in s.players.humans]
        if len(you) == 1 and victor in ("kim", "opposition"):
            T.draw(
                surf,
                "YOU WON" if victor == you[0] else "YOU LOST",
                (w // 2, 122),
                24,
                C.GOLD if victor == you[0] else C.PAPER_LIGHT,
                "head",
                "midtop",
            )
        if e and e.historical:
            W.stamp(surf, (w - 120, 40), "As in history", C.GOLD, 22, 8)
        area = self.area()
        if self.tab == 0:
            col = (area.width - 30) // 2
            T.draw(surf, "IN THIS GAME", (area.x, area.y), 22, C.RED, "head")
            used = T.draw_wrapped(
                surf,
                (e.text if e else "The calendar ran out with nothing settled.").strip() + self.what_happened(),
                pygame.Rect(area.x, area.y + 30, col, area.height - 30),
                17,
                C.INK,
            )
            self.draw_record(surf, pygame.Rect(area.x, area.y + 30 + used + 24, col, area.bottom - area.y - used - 54))
            x2 = area.x + col + 30
            pygame.draw.line(surf, C.INK, (x2 - 15, area.y), (x2 - 15, area.bottom - 10))
            T.draw(surf, "IN HISTORY", (x2, area.y), 22, C.RED, "head")
            hist_used = T.draw_wrapped(
                surf,
                (e.history if e and e.history else "—").strip(),
                pygame.Rect(x2, area.y + 30, col, area.height - 30),
                17,
                C.INK_SOFT,
            )
            self.draw_divergence(surf, pygame.Rect(x2, area.y + 48 + hist_used, col, area.height - 48 - hist_used))
            T.draw(
                surf,
                f"{common.date_text(s.state.date)} · turn {s.state.turn} · seed {s.state.seed}",
                (area.x, h - 40),
                14,
                C.INK_SOFT,
            )
        elif self.tab == 1:
            self.draw_people(surf, area)
        elif self.tab == 3:
            self.draw_reasons(surf, area)
        else:
            self.draw_factions(surf, area)

    # Where this game left history: the first order that differs from the historical course
    # from the same start and seed, and what followed (game/engine/replay_divergence.py).
    _divergence = None

    # Working it out replays history from the same start (~30-50 ms): the first frame opens
    # without it ("working out...") and the next frame fills it in.
    _drawn_once = False

    def update(self, dt):
        if self._divergence is None and self._drawn_once:
            self.divergence()
            self.rebuild()
            return True
        return False

    def divergence(self):
        if self._divergence is None:
            from game.tools.replay import divergence_for

            try:
                self._divergence = divergence_for(self.s.g)
            except (RuntimeError, KeyError, ValueError):  # no historical course to compare with
                self._divergence = False
        return self._divergence or None

    def divergence_tip(self):
        from game.engine.replay_divergence import COURSE_NOTE

        d = self.divergence()
        if d is None:
            return ["Where this game left history", "No historical course to compare with."]
        return ["Where this game left history", d.first, *d.followed, COURSE_NOTE]

    def draw_divergence(self, surf, r):
        if self._divergence is None:
            self._drawn_once = True
            if r.height >= 70:
                T.draw(surf, "WHERE THIS GAME LEFT HISTORY", (r.x, r.y), 18, C.RED, "head")
                T.draw(surf, "Working it out…", (r.x, r.y + 26), 14, C.INK_SOFT, "italic")
            return
        d = self.divergence()
        if d is None or r.height < 70:
            return
        T.draw(surf, "WHERE THIS GAME LEFT HISTORY", (r.x, r.y), 18, C.RED, "head")
        y = r.y + 26
        first = d.first if d.kept_to_history else f"First divergence, {common.date_text(d.date)}: {d.first}"
        y += T.draw_box(
            surf, first, pygame.Rect(r.x, y, r.width, min(76, r.bottom - y)), 14, C.INK, min_size=11, preview=True
        )
        for line in d.followed:
            if y + 22 > r.bottom:
                break
            box = pygame.Rect(r.x, y + 4, r.width, min(36, r.bottom - y - 4))
            y += 4 + T.draw_box(surf, "· " + line, box, 13, C.INK_SOFT, min_size=11, preview=True)

    def what_happened(self) -> str:
        """The named people's fates in this game, so the ending's text is checked by the facts."""
        st = self.s.state
        by: dict[str, list[str]] = {}
        for p in st.people.values():
            if not p.generated and p.status in V.FALLEN:
                by.setdefault(p.status, []).append(p.name)
        words = {k: V.STATUS_NAMES[k] for k in ("fled", "arrested", "expelled", "executed")}
        parts = [f"{words[k]}: {', '.join(sorted(by[k]))}." for k in words if by.get(k)]
        circle = [p for p in st.people.values() if p.plotter and not p.generated]
        sitting = sum(1 for p in circle if p.status in V.ACTIVE and p.cc in ("full", "candidate"))
        if circle:
            verb = "sits" if sitting == 1 else "sit"
            parts.append(f"Of the critics' circle of {len(circle)}, {sitting} still {verb} on the Central Committee.")
        return ("\n\n" + " ".join(parts)) if parts else ""

    def draw_record(self, surf, r):
        """The plenums' votes and where the factions ended, under the ending's text."""
        s = self.s
        st, scn = s.state, s.scn
        y = r.y
        T.draw(surf, "THE VOTES", (r.x, y), 20, C.RED, "head")
        T.draw(surf, "for–against–abstaining", (r.right, y + 4), 12, C.INK_SOFT, "body", "topright")
        y += 26
        any_vote = False
        for pdef in scn.plenums:
            pl = st.plenums.get(pdef.id)
            if not pl or not pl.record:
                continue
            for stg in pl.record["stages"]:
                if stg.get("kind") != "vote" or y > r.bottom - 60:
                    continue
                any_vote = True
                t = stg["tally"]
                mark = "CARRIED" if stg["passed"] else "DEFEATED"
                T.draw(surf, mark, (r.x, y), 14, C.OK if stg["passed"] else C.RED, "head")
                score = f"{t['for']}–{t['against']}–{t['abstain']}"
                T.draw(surf, score, (r.right, y), 14, C.INK, "bold", "topright")
                y += max(20, T.draw_wrapped(surf, stg["title"], pygame.Rect(r.x + 80, y, r.width - 150, 60), 13, C.INK))
        if not any_vote:
            T.draw(surf, "No plenum sat.", (r.x, y), 14, C.INK_SOFT)
            y += 20
        y += 12
        if y < r.bottom - 40:
            T.draw(surf, "THE FACTIONS AT THE END", (r.x, y), 20, C.RED, "head")
            y += 28
            bw = (r.width - 12 * (len(st.factions) - 1)) // max(1, len(st.factions))
            for i, fid in enumerate(V.faction_ids(scn, st)):
                f = st.factions[fid]
                x = r.x + i * (bw + 12)
                fd = scn.get("faction", fid)
                T.draw_line(surf, fd.name, (x, y), 13, bw, C.INK, "bold", min_size=9)
                W.bar(surf, (x, y + 20, bw, 12), f.influence, C.faction_colour(scn, fid))
                T.draw(surf, str(f.influence), (x + bw, y + 34), 13, C.INK, "head", "topright")

    def draw_people(self, surf, area):
        T.draw(
            surf,
            f"page {self.page + 1}/{self.pages} · hover or focus a name for the whole story",
            (area.right - 280, area.y - 38),
            13,
            C.INK_SOFT,
            "body",
            "topright",
        )

    def person_tip(self, pid):
        s = self.s
        st, scn = s.state, s.scn
        p = st.people[pid]
        d = scn.get("person", pid)
        lines = [
            V.person_name(self.app, scn, st, pid),
            f"In this game: {V.STATUS_NAMES.get(p.status, p.status).lower()}"
            + (f"; {', '.join(V.office_names(scn, p.offices))}" if p.offices else "; no post"),
        ]
        if p.career:
            lines.append("Along the way: " + "; ".join(p.career[-3:]))
        lines.append("In history: " + (d.fate if d and d.fate else "no record in this scenario."))
        if d and d.uncertain:
            lines.append("Uncertain: " + d.uncertain)
        return lines

    def draw_fate(self, surf, rect, pid, hi):
        s = self.s
        st, scn = s.state, s.scn
        p = st.people[pid]
        d = scn.get("person", pid)
        if hi:
            pygame.draw.rect(surf, (255, 248, 226), rect)
        colr = C.faction_colour(scn, p.faction) if p.faction else C.patron_colour(scn, p.patron)
        W.monogram(surf, (rect.x + 16, rect.y + 18), 15, p.name, colr, fallen=p.status in V.FALLEN)
        name = V.person_name(self.app, scn, st, pid)
        T.draw(surf, name, (rect.x + 40, rect.y), 15, C.INK, "bold")
        x = rect.x + 48 + T.width(name, 15, "bold")
        now = V.STATUS_NAMES.get(p.status, p.status) + (f" · {V.office_names(scn, p.offices)[0]}" if p.offices else "")
        # One-line previews: the row's tooltip tells the whole story.
        T.draw(surf, T.preview("Now: " + now, 13, rect.right - x - 4, "bold"), (x, rect.y + 2), 13, C.RED, "bold")
        fate = d.fate if d and d.fate else "no record in this scenario."
        T.draw(surf, T.preview("History: " + fate, 13, rect.width - 44), (rect.x + 40, rect.y + 21), 13, C.INK_SOFT)

    def draw_factions(self, surf, area):
        s = self.s
        st, scn = s.state, s.scn
        chart = pygame.Rect(area.x + 40, area.y + 10, area.width - 340, area.height - 50)
        pygame.draw.rect(surf, C.PAPER_LIGHT, chart)
        pygame.draw.rect(surf, C.INK, chart, 1)
        tl = list(st.timeline)
        if not tl or tl[-1].get("date") != st.date:
            tl.append({"date": st.date, "influence": {fid: f.influence for fid, f in st.factions.items()}})
        hi = max([max(t["influence"].values()) for t in tl] + [10])
        hi = min(100, (hi // 10 + 1) * 10)
        for v in range(0, hi + 1, 10):
            y = chart.bottom - int(v / hi * chart.height)
            pygame.draw.line(surf, C.PAPER_DARK, (chart.x, y), (chart.right, y))
            T.draw(surf, str(v), (chart.x - 6, y), 12, C.INK_SOFT, "body", "midright")
        n = len(tl)
        for fid in V.faction_ids(scn, st):
            pts = []
            for i, t in enumerate(tl):
                x = chart.x + (int(i / (n - 1) * chart.width) if n > 1 else chart.width // 2)
                y = chart.bottom - int(t["influence"].get(fid, 0) / hi * chart.height)
                pts.append((x, y))
            colr = C.faction_colour(scn, fid)
            if len(pts) > 1:
                pygame.draw.lines(surf, colr, False, pts, 4)
            for p in pts[:: max(1, n // 12)]:
                pygame.draw.circle(surf, colr, p, 4)
        # The plenums that sat, as dated marks on the time axis.
        for pdef in scn.plenums:
            pl = st.plenums.get(pdef.id)
            if not pl or not pl.record or n < 2:
                continue
            idx = next((i for i, t in enumerate(tl) if t["date"] >= pl.date), n - 1)
            x = chart.x + int(idx / (n - 1) * chart.width)
            for yy in range(chart.y, chart.bottom, 10):
                pygame.draw.line(surf, C.RED, (x, yy), (x, yy + 5), 2)
            T.draw(surf, pdef.title, (x + 4, chart.y + 4), 12, C.RED, "bold")
        T.draw(surf, common.date_text(tl[0]["date"]), (chart.x, chart.bottom + 6), 12, C.INK_SOFT)
        T.draw(
            surf, common.date_text(tl[-1]["date"]), (chart.right, chart.bottom + 6), 12, C.INK_SOFT, "body", "topright"
        )
        T.draw(surf, "Influence of each faction over the game", (chart.x, chart.y - 22), 15, C.INK, "bold")
        x = chart.right + 30
        y = chart.y
        for fid in V.faction_ids(scn, st):
            f = st.factions[fid]
            fd = scn.get("faction", fid)
            start = tl[0]["influence"].get(fid, 0)
            colr = C.faction_colour(scn, fid)
            pygame.draw.rect(surf, colr, (x, y + 2, 18, 18))
            T.draw(surf, fd.name, (x + 26, y), 17, C.INK, "bold")
            T.draw(surf, f"influence {start} → {f.influence} ({f.influence - start:+d})", (x + 26, y + 22), 14, C.INK)
            fallen = sum(1 for p in st.people.values() if p.faction == fid and p.status in V.FALLEN and not p.generated)
            T.draw(
                surf,
                f"cohesion {f.cohesion} · "
                + ("no named member fallen" if not fallen else f"named members fallen: {fallen}"),
                (x + 26, y + 40),
                13,
                C.INK_SOFT,
            )
            y += 72
