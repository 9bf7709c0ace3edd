"""The main screen: the party, the patrons, the country, the plenum forecast, the people, your
moves and the dispatches. Most of a game is spent here.

It is also the *director*: when it is on top it looks at the session and pushes what the game
waits for (an event dialog, the plenum, the hot-seat hand-over, the ending) or lets the AI move.
"""

from __future__ import annotations

import pygame

from game.ai.odds import seen_odds
from game.engine.actions import Refused
from game.ui import dated as D
from game.ui import text as T
from game.ui import view as V
from game.ui import widgets as W
from game.ui.screen import Screen
from game.ui.screens import common
from game.ui.screens.main_draw import BAND_Y, LOG_PAGE, ROW, ROW0, MainDraw
from game.ui.screens.main_rows import ActionButton, GroupRow, PersonRow
from game.ui.screens.main_tips import MainTips
from game.words import outcome_lines, words

BAND_BUDGET_S = 0.012  # work on the first motion's forecast per idle frame (a frame is 16.7 ms)


def outcome_tip(scn, pv, a) -> list[str]:
    """The action tooltip's lines on what follows success and failure: the effects described,
    then what their flags mean (the same lines as the action dialog's), for both outcomes."""
    out = []
    for head, described, effects in (
        ("If it works: ", pv.success, a.success),
        ("If it fails: ", pv.failure, a.failure),
    ):
        lines = outcome_lines(scn, described, effects)
        if lines:
            out.append(head + "; ".join(lines))
    return out


class MainScreen(MainTips, MainDraw, Screen):
    cache_background = True
    title = "Main screen"
    help_lines = [
        ("E", "End your phase of the turn"),
        ("V", "Spread chart of the Central Committee"),
        ("P", "Focus the people list"),
        ("A", "Focus your actions"),
        ("PgUp / PgDn", "Page the dispatches"),
        ("[ / ]", "Page the people list"),
        ("1-5", "Filter people by faction (0: all)"),
        ("F", "Cycle the status filter"),
        ("H", "Show or hide Hangul names"),
        ("F5", "Save the game"),
        ("C", "Codex"),
        ("Esc", "Game menu"),
    ]

    def __init__(self, app):
        super().__init__(app)
        self.log_page = 0
        self.people_page = 0
        self.actions_page = 0
        self.actions_pages = 1
        self.faction_filter = ""  # '' all, faction id, or '-' foreign
        self.status_filter = "hall"  # hall | all | fallen
        self.version = None
        self.seen_log = len(app.session.state.log) if app.session else 0
        self.seen_codex = len(app.session.state.codex) if app.session else 0
        self.codex_waiting: list[str] = []  # unlocked, but dated after the game's date

    @property
    def idle_work(self):  # the first motion's forecast band, over the idle frames
        return self._band_pending

    @property
    def s(self):
        return self.app.session

    # ------------------------------------------------------------------ layout
    def cols(self):
        w, _h = self.w, self.h
        L = max(290, int(w * 0.228))
        M = max(380, int(w * 0.305))
        x1 = 12
        x2 = x1 + L + 12
        x3 = x2 + M + 12
        R = w - x3 - 12
        return (x1, L), (x2, M), (x3, R)

    def state_version(self):
        st = self.s.state
        return (
            len(st.decisions),
            st.turn,
            st.phase,
            len(st.log),
            self.s.viewer,
            self.app.settings.hangul,
            self.s.thinking,
        )

    def build(self):
        s = self.s
        if s is None:
            return
        self.version = self.state_version()
        st, scn = s.state, s.scn
        viewer = s.viewer
        (x1, L), (x2, M), (x3, R) = self.cols()
        w, h = self.w, self.h
        my_turn = s.mover() == viewer and s.is_human(viewer) and not s.thinking
        # --- top bar buttons
        bx = w - 12
        for label, fn, key, hint, tip in [
            ("Menu", self.menu, None, "Esc", "Save, load, settings, quit."),
            ("Help", self.help, None, "F1", "Keyboard shortcuts and how to play."),
            ("Codex", self.codex, pygame.K_c, "C", "People, factions, events, sources."),
            ("Save", self.save, pygame.K_F5, "F5", "Save this game in a named slot."),
        ]:
            bw = 92
            bx -= bw + 8
            self.add(
                W.Button(
                    (bx, 10, bw, 34), label, fn, hotkey=key, key_hint=hint, tooltip=tip, size=15, name=f"top:{label}"
                )
            )
        # --- end turn
        er = pygame.Rect(x3, h - 62, R, 50)
        phase_name = "Kim's phase" if st.phase == "kim" else "the opposition's phase"
        self.add(
            W.Button(
                er,
                "End turn" if viewer == "opposition" else "End my phase",
                self.end_turn,
                style="primary",
                size=26,
                hotkey=pygame.K_e,
                key_hint="E",
                enabled=my_turn,
                name="end",
                tooltip=[
                    "End your phase",
                    f"It is {phase_name}. Each turn Kim moves first, then the "
                    f"opposition; then the world moves on {scn.scenario.calendar.turn_days} days. "
                    f"Unspent points are lost.",
                ],
            )
        )
        # --- actions (two columns, paged)
        self.actions_rect = pygame.Rect(x3, 64, R, int((h - 64 - 74) * 0.52))
        inner = self.actions_rect.inflate(-20, -20)
        inner.y += 26
        inner.height -= 26
        views = s.g.actions(viewer) if s.is_human(viewer) else []
        views.sort(key=lambda v: (v.action.cost, v.action.name))  # a stable order: used actions stay put, greyed
        colw = (inner.width - 10) // 2
        rows = max(1, (inner.height - 4) // 35)
        per = rows * 2
        pages = max(1, (len(views) + per - 1) // per)
        self.actions_page = min(self.actions_page, pages - 1)
        self.actions_pages = pages
        if pages > 1:
            ar = self.actions_rect
            self.add(
                W.Button(
                    (ar.right - 70, ar.y + 4, 28, 22),
                    "◀",
                    lambda: self.page_actions(-1),
                    style="chip",
                    size=13,
                    enabled=self.actions_page > 0,
                    tooltip="More actions",
                    name="actions:prev",
                )
            )
            self.add(
                W.Button(
                    (ar.right - 36, ar.y + 4, 28, 22),
                    "▶",
                    lambda: self.page_actions(1),
                    style="chip",
                    size=13,
                    enabled=self.actions_page < pages - 1,
                    tooltip="More actions",
                    name="actions:next",
                )
            )
        for i, v in enumerate(views[self.actions_page * per : (self.actions_page + 1) * per]):
            col, row = divmod(i, rows)
            r = pygame.Rect(inner.x + col * (colw + 10), inner.y + row * 35, colw, 30)
            a = v.action
            enabled = my_turn and v.open and v.affordable
            why = ""
            if not v.open:
                why = self.why_closed(v)
            elif not v.affordable:
                why = f"Costs {a.cost}; you have {s.g.remaining(viewer)} left this turn."
            elif not my_turn:
                why = "Wait for your phase."
            tip = [f"{a.name}  (cost {a.cost})", a.summary]
            odds_label = ""
            if a.target != "none" and v.open:
                # The best odds among the targets: the list shows what is within reach.
                best, best_t, exact = -1, None, True
                for t_ in v.targets:
                    # the odds alone (a preview also words every effect), as this side may know them
                    o = seen_odds(st, scn, viewer, a.id, t_)
                    c, exact = o.chance, exact and o.exact
                    if c > best:
                        best, best_t = c, t_
                tip.append(f"Target: a {a.target}; {len(v.targets)} qualify. Odds depend on the target.")
                if best_t is not None:
                    who = (
                        st.people[best_t].name
                        if a.target == "person"
                        else getattr(scn.get(a.target, best_t), "name", best_t)
                    )
                    tip.append(
                        f"Best odds: {best}% ({who})"
                        + ("." if exact else ", estimated: they hang on what you cannot see.")
                    )
                    odds_label = f"≤{best}%"
            elif v.open:
                try:
                    pv = s.g.preview(viewer, a.id, None)
                    seen = seen_odds(st, scn, viewer, a.id, None)  # the preview's own figure reads the true state
                    tip.append(f"Chance of success: {seen.text()}")
                    tip += [seen.range_text()] if not seen.exact else []
                    tip += outcome_tip(scn, pv, a)
                    odds_label = f"{seen.chance}%" if seen.exact else f"~{seen.chance}%"
                except Refused:
                    pass
            if a.limit_per_turn:
                tip.append(f"At most {a.limit_per_turn}× a turn.")
            uses = V.uses_line(st, a)
            if uses:
                tip.append(uses)
            if why:
                tip.append("Not now: " + why)
            if a.target != "none" and a.targets:
                tip.append(f"Who qualifies: {words(a.targets, scn)}.")
            btn = self.add(ActionButton(r, v, enabled, lambda v=v: self.pick_action(v), tip))
            btn.odds = odds_label

        # --- log
        self.log_rect = pygame.Rect(x3, self.actions_rect.bottom + 12, R, er.y - self.actions_rect.bottom - 24)
        log = [e for _, e in sorted(enumerate(s.visible_log()), key=lambda t: (t[1].date, t[0]), reverse=True)]
        pages = max(1, (len(log) + LOG_PAGE - 1) // LOG_PAGE)
        self.log_page = min(self.log_page, pages - 1)
        self.log_pages = pages
        lr = self.log_rect
        self.add(
            W.Button(
                (lr.right - 70, lr.y + 4, 28, 22),
                "◀",
                lambda: self.page_log(-1),
                style="chip",
                size=13,
                enabled=self.log_page > 0,
                tooltip="Newer dispatches (PgUp)",
                name="log:prev",
            )
        )
        self.add(
            W.Button(
                (lr.right - 36, lr.y + 4, 28, 22),
                "▶",
                lambda: self.page_log(1),
                style="chip",
                size=13,
                enabled=self.log_page < pages - 1,
                tooltip="Older dispatches (PgDn)",
                name="log:next",
            )
        )
        # --- one hotspot per dispatch on this page: the whole text and who can see it
        inner_log = pygame.Rect(lr.x + 10, lr.y + 36, lr.width - 20, lr.height - 50)
        y = inner_log.y + 2
        for e in log[self.log_page * LOG_PAGE : (self.log_page + 1) * LOG_PAGE]:
            n = min(2, len(T.wrap(e.text, 14, inner_log.width - 100)))
            if y + 18 * n > inner_log.bottom:
                break
            self.add(
                W.Hotspot(
                    (inner_log.x - 4, y - 2, inner_log.width + 8, 18 * n + 4),
                    lambda e=e: self.log_tip(e),
                    name=f"log:{y}",
                    focusable=True,
                )
            )
            y += 18 * n + 5
        # --- left column: factions, patrons, country (hotspots over drawn bars)
        self.left_rects = {}
        y = 64
        fr = pygame.Rect(x1, y, L, 30 + 41 * len(st.factions) + 8)
        self.left_rects["factions"] = fr
        yy = fr.y + 36
        for fid in V.faction_ids(scn, st):
            r = pygame.Rect(fr.x + 8, yy, fr.width - 16, 38)
            self.add(
                W.Hotspot(
                    r,
                    lambda fid=fid: self.faction_tip(fid),
                    lambda fid=fid: self.set_filter(fid),
                    name=f"faction:{fid}",
                )
            )
            yy += 41
        y = fr.bottom + 12
        pr = pygame.Rect(x1, y, L, 30 + 52 * len(st.patrons) + 6)
        self.left_rects["patrons"] = pr
        yy = pr.y + 36
        for pid in V.patron_ids(scn, st):
            self.add(
                W.Hotspot((pr.x + 8, yy, pr.width - 16, 48), lambda pid=pid: self.patron_tip(pid), name=f"patron:{pid}")
            )
            yy += 52
        y = pr.bottom + 12
        cr = pygame.Rect(x1, y, L, 36 + 3 * 38 + 2)
        self.left_rects["country"] = cr
        self.left_rects["aim"] = pygame.Rect(x1, cr.bottom + 12, L, h - 12 - cr.bottom - 12)
        if self.left_rects["aim"].height > 60:
            self.add(W.Hotspot(self.left_rects["aim"], self.aim_tip, name="aim", focusable=False))
        keys = ["economy", "support", "security", "cult", "rift", "intel"]
        cw = (cr.width - 24) // 2
        for i, k in enumerate(keys):
            col, row = i % 2, i // 2
            r = pygame.Rect(cr.x + 8 + col * (cw + 8), cr.y + 36 + row * 38, cw, 36)
            self.add(W.Hotspot(r, lambda k=k: self.country_tip(k), name=f"country:{k}"))
        # --- middle column: plenum forecast and people
        self.plenum_rect = pygame.Rect(x2, 64, M, 196)
        pr2 = self.plenum_rect
        self.add(W.Hotspot((pr2.x + 8, pr2.y + 34, pr2.width - 16, 24), self.plenum_tip, name="plenum"))
        for j, key in enumerate(("kim", "opposition", "swing")):
            self.add(
                W.Hotspot(
                    (pr2.x + 8, pr2.y + ROW0 + j * ROW, pr2.width - 16, ROW - 1),
                    lambda key=key: self.estimate_tip(key),
                    name=f"estimate:{key}",
                )
            )
        if V.plenum_next(scn, st)[0] is not None:  # the first motion's forecast band: the plenum's tooltip
            self.add(W.Hotspot((pr2.x + 8, pr2.y + BAND_Y - 2, pr2.width - 16, 20), self.plenum_tip, name="band"))
        if s.view().exposure is not None:
            self.add(W.Hotspot((pr2.x + 8, pr2.bottom - 28, pr2.width - 170, 22), self.exposure_tip, name="exposure"))
        self.add(
            W.Button(
                (pr2.right - 150, pr2.bottom - 40, 140, 28),
                "Spread chart",
                self.spread,
                size=14,
                hotkey=pygame.K_v,
                key_hint="V",
                name="spread",
                tooltip=[
                    "Spread chart",
                    "Every full member placed by how you think they lean, "
                    "around the majority line: the swing voters stand out.",
                ],
            )
        )
        self.people_rect = pygame.Rect(x2, pr2.bottom + 12, M, h - pr2.bottom - 24)
        pe = self.people_rect
        # filters
        chips = (
            [("", "All")]
            + [(fid, (scn.get("faction", fid).short or scn.get("faction", fid).name)) for fid in V.faction_ids(scn, st)]
            + [("-", "Foreign")]
        )
        cx = pe.x + 8
        natural = [T.width(lb, 12) + 12 for _, lb in chips]
        spare = max(0, (pe.width - 16 - 4 * (len(chips) - 1)) - sum(natural))
        widths = [n + spare // len(chips) for n in natural]
        for i, (fid, label) in enumerate(chips):
            cwid = widths[i]
            self.add(
                W.Button(
                    (cx, pe.y + 34, cwid, 24),
                    label,
                    lambda fid=fid: self.set_filter(fid),
                    style="chip",
                    size=12,
                    selected=self.faction_filter == fid,
                    name=f"filter:{fid or 'all'}",
                    tooltip=f"Show {label if fid else 'everyone'} (keys 0-{len(chips) - 1})",
                )
            )
            cx += cwid + 4
        sts = [("hall", "In the hall"), ("all", "Everyone"), ("fallen", "Fallen")]
        sw = (pe.width - 16 - 8) // 3
        for i, (k, label) in enumerate(sts):
            self.add(
                W.Button(
                    (pe.x + 8 + i * (sw + 4), pe.y + 62, sw, 24),
                    label,
                    lambda k=k: self.set_status(k),
                    style="chip",
                    size=13,
                    selected=self.status_filter == k,
                    name=f"status:{k}",
                    tooltip={
                        "hall": "Active members of the Central Committee (full and candidate).",
                        "all": "Everyone in the scenario, foreign envoys included.",
                        "fallen": "Expelled, arrested, fled, executed or dead.",
                    }[k],
                )
            )
        people = self.people_rows()
        self.leans = {pid: lean for pid, lean, _ in s.blurred_spread()}
        rows_top = pe.y + 92
        per = max(1, (pe.bottom - 30 - rows_top) // 36)
        pages_p = max(1, (len(people) + per - 1) // per)
        self.people_page = min(self.people_page, pages_p - 1)
        self.people_pages = pages_p
        self.people_count = len(people)
        listed = self.filtered_people()
        self.people_roll = V.roll(st, listed)
        self.add(
            W.Hotspot(
                (pe.x + 6, pe.bottom - 30, pe.width - 84, 28),
                lambda: V.roll_tip(self.people_roll, s.view().present),
                name="people:count",
            )
        )
        for i, row in enumerate(people[self.people_page * per : (self.people_page + 1) * per]):
            r = pygame.Rect(pe.x + 6, rows_top + i * 36, pe.width - 12, 34)
            self.add(PersonRow(r, self, row) if isinstance(row, str) else GroupRow(r, self, *row))
        self.add(
            W.Button(
                (pe.right - 70, pe.bottom - 28, 28, 22),
                "◀",
                lambda: self.page_people(-1),
                style="chip",
                size=13,
                enabled=self.people_page > 0,
                tooltip="Previous page ([)",
                name="people:prev",
            )
        )
        self.add(
            W.Button(
                (pe.right - 36, pe.bottom - 28, 28, 22),
                "▶",
                lambda: self.page_people(1),
                style="chip",
                size=13,
                enabled=self.people_page < pages_p - 1,
                tooltip="Next page (])",
                name="people:next",
            )
        )
        # top bar: budget & date hotspots
        self.add(W.Hotspot((300, 8, 260, 40), self.date_tip, name="date"))
        self.add(W.Hotspot((570, 8, 230, 40), self.budget_tip, name="budget"))
        if self.focus is None:
            self.focus = next((x for x in self.widgets if isinstance(x, ActionButton) and x.enabled), None) or next(
                (x for x in self.widgets if x.name == "end"), None
            )

    def rebuild(self) -> None:
        # A new turn or phase starts with the focus on the moves, never on "End my phase".
        s = self.s
        now = (s.state.turn, s.state.phase, s.viewer) if s else None
        if now != getattr(self, "_turn_phase", None):
            self._turn_phase = now
            self.focus = None
        super().rebuild()

    def background_key(self) -> object:
        # The aim's text is laid out around the toasts over its panel (aim_text_rect).
        r = getattr(self, "left_rects", {}).get("aim")
        if r is None or not self.app.toasts:
            return None
        return tuple(tuple(b) for _t, _lines, b in self.app.toast_boxes() if b.colliderect(r))

    def aim_text_rect(self, inner: pygame.Rect) -> pygame.Rect:
        """The aim's text keeps to the space above any toast shown over its panel (smaller type,
        or a preview cut whose whole text is the panel's tooltip), so a message never hides it."""
        tops = [r.y for _t, _lines, r in self.app.toast_boxes() if r.colliderect(inner)]
        if not tops:
            return inner
        return pygame.Rect(inner.x, inner.y, inner.width, max(16, min(tops) - 8 - inner.y))

    def toast_area(self):
        """Passing messages sit on the aim panel, under its title band (the aim's text is also the
        panel's tooltip, and keeps above them where there is room), never over the moves, the
        counts or the dispatches."""
        r = getattr(self, "left_rects", {}).get("aim")
        if r is None or r.height < 60:
            return None
        band = 32  # the panel's title band (draw.panel: title size 20 + 10, from 2 px down)
        area = pygame.Rect(r.x + 4, r.y + band + 2, r.width - 8, r.height - band - 6)
        return area if area.height >= 34 else None  # room for one line of a toast

    def filtered_people(self) -> list[str]:
        st = self.s.state
        out = []
        for pid, p in st.people.items():
            f = self.faction_filter
            if f == "-" and p.faction:
                continue
            if f not in ("", "-") and p.faction != f:
                continue
            if self.status_filter == "hall" and not (p.cc in ("full", "candidate") and p.status in V.ACTIVE):
                continue
            if self.status_filter == "fallen" and p.status not in V.FALLEN:
                continue
            out.append(pid)
        # named people first, by seniority of post, then cadres
        scn = self.s.scn

        def rank(pid):
            p = st.people[pid]
            ranks = [scn.get("office", o).rank for o in p.offices if scn.get("office", o)]
            return (p.generated, min(ranks) if ranks else 9, p.cc != "full", p.name)

        return sorted(out, key=rank)

    def people_rows(self) -> list:
        """Named people one by one; the unnamed cadres as one row per faction (with their count
        and where they stand), opened into single rows on demand."""
        st = self.s.state
        out: list = []
        groups: dict[str, list[str]] = {}
        for pid in self.filtered_people():
            p = st.people[pid]
            if p.generated:
                groups.setdefault(p.faction or "-", []).append(pid)
            else:
                out.append(pid)
        for fid in [*V.faction_ids(self.s.scn, st), "-"]:
            members = groups.get(fid)
            if not members:
                continue
            out.append((fid, members))
            if self.open_group == fid:
                out += members
        return out

    def toggle_group(self, fid: str) -> None:
        self.open_group = None if self.open_group == fid else fid
        self.rebuild()

    open_group: str | None = None

    # ------------------------------------------------------------------ commands
    def page_log(self, d):
        self.log_page = max(0, min(self.log_pages - 1, self.log_page + d))
        self.rebuild()

    def page_actions(self, d):
        self.actions_page = max(0, min(self.actions_pages - 1, self.actions_page + d))
        self.rebuild()

    def page_people(self, d):
        self.people_page = max(0, min(self.people_pages - 1, self.people_page + d))
        self.rebuild()

    def set_filter(self, fid):
        self.faction_filter = "" if self.faction_filter == fid else fid
        self.people_page = 0
        self.rebuild()

    def set_status(self, k):
        self.status_filter = k
        self.people_page = 0
        self.rebuild()

    def menu(self):
        self.app.show("pause")

    def back(self):
        self.menu()

    def help(self):
        self.app.show("help")

    def codex(self):
        self.app.show("codex")

    def save(self):
        self.app.show("saveload", mode="save")

    def spread(self):
        self.app.show("spread")

    def open_person(self, pid):
        self.app.show("person", pid)

    def pick_action(self, v):
        self.app.show("action", v)

    def end_turn(self, confirmed: bool = False):
        s = self.s
        v = s.viewer
        # Ending a phase without spending anything is the one slip worth a question.
        if (
            not confirmed
            and s.mover() == v
            and not s.state.spent.get(v)
            and any(a.open and a.affordable for a in s.g.actions(v))
        ):
            common.confirm(
                self.app,
                "End your phase unused?",
                f"You have not spent any of your {s.g.remaining(v)} points this turn; they are lost "
                f"when the phase ends.",
                "End phase",
                lambda: self.end_turn(True),
                "Keep playing",
            )
            return
        try:
            s.mark_reported(s.viewer)
            s.submit({"t": "end", "side": s.viewer})
        except Refused as exc:
            self.app.notify(str(exc), "error")
        self.rebuild()

    def on_event(self, ev):
        if ev.type == pygame.KEYDOWN:
            k = ev.key
            if k == pygame.K_PAGEUP:
                self.page_log(-1)
                return True
            if k == pygame.K_PAGEDOWN:
                self.page_log(1)
                return True
            if k == pygame.K_LEFTBRACKET:
                self.page_people(-1)
                return True
            if k == pygame.K_RIGHTBRACKET:
                self.page_people(1)
                return True
            if k == pygame.K_h:
                self.app.settings.hangul = not self.app.settings.hangul
                from game.ui import settings as S

                S.save(self.app.settings)
                self.rebuild()
                return True
            if k == pygame.K_f:
                order = ["hall", "all", "fallen"]
                self.set_status(order[(order.index(self.status_filter) + 1) % 3])
                return True
            if k == pygame.K_p:
                row = next((x for x in self.widgets if isinstance(x, PersonRow)), None)
                if row:
                    self.set_focus(row)
                return True
            if k == pygame.K_a:
                b = next((x for x in self.widgets if isinstance(x, ActionButton)), None)
                if b:
                    self.set_focus(b)
                return True
            if pygame.K_0 <= k <= pygame.K_9:
                n = k - pygame.K_0
                ids = [""] + V.faction_ids(self.s.scn, self.s.state) + ["-"]
                if n < len(ids):
                    self.faction_filter = ids[n]
                    self.people_page = 0
                    self.rebuild()
                return True
        if ev.type == pygame.MOUSEWHEEL:
            pos = self.hover_pos
            if self.people_rect.collidepoint(pos):
                self.page_people(-1 if ev.y > 0 else 1)
            elif self.log_rect.collidepoint(pos):
                self.page_log(-1 if ev.y > 0 else 1)
            return True
        return False

    # ------------------------------------------------------------------ the director
    def update(self, dt):
        changed = self.direct(dt)
        s = self.s
        if self._band_pending and not changed and s is not None and self.app.top is self:
            # The first motion's forecast band, a few milliseconds of an idle frame after the
            # first (the session's one cache, as the plenum-prep screen reads it).
            pdef, _pl = V.plenum_next(s.scn, s.state)
            if pdef is None or s.played_soon(pdef, BAND_BUDGET_S) is not s._NOT_YET:
                self._band_pending = False
                changed = True
        return changed

    def direct(self, dt):
        s = self.s
        if s is None or self.app.top is not self:
            return False
        changed = False
        for side, text in s.notices:
            if side in ("all", s.viewer):
                self.app.notify(text, "error", keep=True)
        s.notices.clear()
        if s.is_human(s.viewer):
            found = s.view().plot_found
            told = s.told_plot.get(s.viewer)
            if s.viewer == "opposition" and found in ("suspected", "known") and told != found:
                self.app.notify(
                    "Your contacts warn you: Kim's people know of the plot."
                    if found == "known"
                    else "Your contacts fear that Kim's people have found out about the plot.",
                    "error",
                    8,
                )
            s.told_plot[s.viewer] = found
        # New dispatches the viewer may see, while the other side moves: show them as they come.
        log = s.state.log
        if len(log) > self.seen_log:
            fresh = [e for e in log[self.seen_log :] if e.visible_to in ("all", s.viewer)]
            self.seen_log = len(log)
            if (fresh and not s.is_human(s.mover())) or (
                fresh and s.players.hotseat is False and s.mover() != s.viewer
            ):
                for e in fresh[-2:]:
                    if e.kind in ("action", "event", "decision", "intel", "news"):
                        self.app.notify(f"{common.date_text(e.date)}: {V.readable(e, self.s.scn).text}", "info", 4)
                self.app.sound.play("typewriter")
        if self.state_version() != self.version:
            self.rebuild()
            changed = True
        # New in the codex: entries unlocked, and open by the game's date (an entry dated later
        # is told of when its date comes, never ahead of it).
        # (Not while a plenum waits to be watched: the game has moved past the session's day,
        # and what was unlocked since must not be told before the session is seen.)
        if (len(s.state.codex) > self.seen_codex or self.codex_waiting) and not s.unseen_plenum():
            fresh_ids = [*self.codex_waiting, *s.state.codex[self.seen_codex :]]
            self.codex_waiting = []
            seen_by_viewer = set(V.codex_seen(s.state, s.scn, s.viewer))
            for cid in fresh_ids:
                if cid not in seen_by_viewer:
                    continue  # unlocked by news only the other side had
                c = s.scn.get("codex", cid)
                if c is None:
                    continue
                if not D.open_at(c, s.state.date):
                    self.codex_waiting.append(cid)
                    continue
                self.app.notify(f"New in the codex: {c.title} (press C).", "info", 4, keep=True)
            self.seen_codex = len(s.state.codex)
        if s.g.over and not s.unseen_plenum():
            if not s.thinking:
                self.app.show("ending", how="replace")
            return True
        nxt = self.app.director.next_for(s)
        if nxt is not None:
            if getattr(nxt, "reads_log", False):
                self.seen_log = len(s.state.log)
            self.app.push(nxt)
            return True
        mover = s.mover()
        if mover is None or s.is_human(mover):
            return True if (mover is not None and s.thinking) else changed
        s.start_ai_if_due()
        dots = int(self.app.clock_s * 3) % 3  # the "is moving..." indicator: redraw when its dots change
        if dots != self._dots:
            self._dots = dots
            return True
        return changed

    _dots = -1
