"""The main screen: the party, the patrons, the country, the plenum forecast, the people, your
moves and the dispatches. Most of a game is spent here.

It is also the *director*: when it is on top it looks at the session and pushes what the game
waits for (an event dialog, the plenum, the hot-seat hand-over, the ending) or lets the AI move.
"""

from __future__ import annotations

import pygame

from game.engine.actions import Refused
from game.engine.vote_rule import RULE
from game.ui import text as T
from game.ui import theme as C
from game.ui import view as V
from game.ui import widgets as W
from game.ui.explain import shown_total
from game.ui.screen import Screen
from game.ui.screens import common
from game.ui.words import missing, words

LOG_PAGE = 7


class MainScreen(Screen):
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
                best, best_t = -1, None
                for t_ in v.targets:
                    try:
                        c = s.g.preview(viewer, a.id, t_).chance
                    except Refused:
                        continue
                    if c > best:
                        best, best_t = c, t_
                tip.append(f"Target: a {a.target}; {len(v.targets)} qualify. Odds depend on the target.")
                if best_t is not None:
                    who = (
                        st.people[best_t].name
                        if a.target == "person"
                        else getattr(scn.get(a.target, best_t), "name", best_t)
                    )
                    tip.append(f"Best odds: {best}% ({who}).")
                    odds_label = f"≤{best}%"
            elif v.open:
                try:
                    pv = s.g.preview(viewer, a.id, None)
                    tip.append(f"Chance of success: {pv.chance}%")
                    tip += ["If it works: " + "; ".join(pv.success)] if pv.success else []
                    tip += ["If it fails: " + "; ".join(pv.failure)] if pv.failure else []
                    odds_label = f"{pv.chance}%"
                except Refused:
                    pass
            if a.limit_per_turn:
                tip.append(f"At most {a.limit_per_turn}× a turn.")
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
                    (pr2.x + 8, pr2.y + 62 + j * 26, pr2.width - 16, 24),
                    lambda key=key: self.estimate_tip(key),
                    name=f"estimate:{key}",
                )
            )
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

    def why_closed(self, v) -> str:
        """Why an action is greyed out, in words: the parts of its condition that do not hold."""
        s, a = self.s, v.action
        if v.reason == "Not possible now.":
            parts = missing(a.available, s.state, s.scn)
            if parts:
                return "it needs " + "; and ".join(parts) + "."
        if v.reason == "No one qualifies." and a.targets:
            return f"no one qualifies now (it needs {words(a.targets, s.scn)})."
        if v.reason == "Already done this turn.":
            return f"already done this turn (at most {a.limit_per_turn} a turn)."
        return v.reason

    def filtered_people(self) -> list[str]:
        st = self.s.state
        out = []
        for pid, p in st.people.items():
            f = self.faction_filter
            if f == "-" and p.faction:
                continue
            if f not in ("", "-") and p.faction != f:
                continue
            if self.status_filter == "hall" and not (
                p.cc in ("full", "candidate") and p.status in ("active", "demoted")
            ):
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

    # ------------------------------------------------------------------ tooltips
    def faction_tip(self, fid):
        st, scn = self.s.state, self.s.scn
        f, fd = st.factions[fid], scn.get("faction", fid)
        from game.engine.plenum import present_members

        members = present_members(st)
        seats = sum(1 for pid in members if st.people[pid].faction == fid)
        share = 100 * seats / max(1, len(members))
        lines = [
            f"{fd.name}  {fd.name_ko}  — {'with Kim' if fd.bloc == 'kim' else 'among the critics'}",
            f"Influence {f.influence}: the faction's weight in the party (0–100). Each turn it moves 8% of "
            f"the way toward its share of full Central Committee members present: {seats} of {len(members)} "
            f"= {share:.0f}%.",
            f"Cohesion {f.cohesion}: how solidly its members follow the faction line. The 'faction line' "
            f"term of each member's vote is {fd.vote_base:+d} × {f.cohesion}% = {fd.vote_base * f.cohesion / 100:+.0f}.",
            "Standing with patrons: "
            + ", ".join(
                f"{scn.get('patron', k).name if scn.get('patron', k) else k} {v:+d}" for k, v in f.standing.items()
            ),
            fd.description.strip(),
            "Click to list its people.",
        ]
        return lines

    def patron_tip(self, pid):
        st, scn = self.s.state, self.s.scn
        p, pd = st.patrons[pid], scn.get("patron", pid)
        return [
            f"{pd.name}: favour to Kim {p.favour_kim:+d}, to the opposition {p.favour_opposition:+d}",
            f"Favour moves members' votes: each member feels (favour to Kim − favour to the opposition) × {RULE.patron:g}, "
            f"weighted by their faction's ties to this patron and its will to intervene; × {RULE.envoys_present:g} "
            "when its envoys sit in the hall.",
            f"Will to intervene {p.intervention} · leverage {p.leverage} · aid {p.aid} · advisers {p.advisers} · "
            f"troops {p.troops} · doctrinal pressure {p.doctrine}",
            "Intervention and doctrine fade a little each turn; aid feeds the economy in proportion to favour to Kim.",
            pd.description.strip(),
        ]

    def country_tip(self, k):
        st = self.s.state
        c = st.country
        tips = {
            "economy": [
                f"Economy {c.economy}",
                "Reconstruction runs on aid: each turn the economy moves 10% toward "
                "30 + the patrons' aid weighted by their favour to Kim. Purging senior officials costs it.",
            ],
            "support": [f"Popular support {c.support}", "Support for the regime among the people."],
            "security": [
                f"Security grip {c.security}",
                f"Adds (security − {RULE.neutral}) × {RULE.security:g} = {(c.security - RULE.neutral) * RULE.security:+.1f} to "
                "every member's fear term when they vote. At 60 or more it feeds the cult by 1 a turn.",
            ],
            "cult": [
                f"Personality cult {c.cult}",
                f"Adds (cult − {RULE.neutral}) × {RULE.cult:g} = {(c.cult - RULE.neutral) * RULE.cult:+.1f} toward Kim "
                "to every member's vote.",
            ],
            "rift": [
                f"Sino-Soviet rift {st.rift}",
                "How far Moscow and Beijing have drifted apart. Above 50, each courts Kim and dares less against him.",
            ],
            "intel": [
                f"Your intelligence {st.intel.get(self.s.viewer, 0)}",
                "How well your informers count the committee: the error of your estimates is about "
                "(100 − intelligence) / 6. Kim's opponents have intelligence you cannot see.",
            ],
        }
        return tips[k]

    def exposure_tip(self):
        from game.engine.intel import EXPOSURE_BANDS

        v = self.s.view()
        found = {
            "no sign": "You have no sign that Kim's people know of the plot.",
            "suspected": "Your contacts fear the plot is known: act before Kim does, or lie low.",
            "known": "Your contacts in the ministries are sure of it: Kim's people know who is plotting, and with whom.",
        }.get(v.plot_found, "")
        return [
            f"Your exposure: {v.exposure}",
            v.exposure_text or "",
            found,
            "How much of the plotting Kim's people have seen. Each turn they may piece it together: the more "
            "they have seen and the sharper their intelligence, the likelier. Approaches that are refused, "
            "meetings and speeches raise it; lying low lowers it.",
            "Bands: " + "; ".join(w for _, w, _ in EXPOSURE_BANDS) + ".",
        ]

    def estimate_tip(self, key):
        s = self.s
        v, e = s.estimate(key)
        maj = s.estimate("majority")[0]
        intel = s.state.intel.get(s.viewer, 0)
        what = {
            "kim": "would vote with Kim today",
            "opposition": "would vote with the critics today",
            "swing": "would abstain today: the swing voters",
        }[key]
        own = key == s.viewer
        return [
            f"Estimate: {v} ± {e} full members {what}",
            f"A motion needs {maj} votes in favour (more than half of the full members present); abstentions "
            "count against it.",
            f"Your intelligence is {intel}: the error is about (100 − {intel}) / 6"
            + (", smaller for your own side's pledges." if own else "."),
            "Counted before speeches and chance: the hall's mood on the day can still move a few votes.",
            "Your informers recount at the start of each turn: what you do now shows in next turn's figures.",
        ]

    def log_tip(self, e):
        who = {
            "all": "Known to both sides.",
            "kim": "Known only to Kim's side.",
            "opposition": "Known only to the opposition.",
        }.get(e.visible_to, "")
        kind = {
            "event": "A decision point",
            "decision": "A decision taken",
            "action": "An action",
            "plenum": "The plenum",
            "intel": "Intelligence",
            "news": "News",
            "info": "Note",
            "ending": "The end",
        }.get(e.kind, e.kind.title())
        story = V.entry_story(self.s.scn, e)
        return [f"{kind}, {common.date_text(e.date)}", e.text, *([story] if story else []), who]

    def plenum_tip(self):
        st, scn = self.s.state, self.s.scn
        pdef, pl = V.plenum_next(scn, st)
        lines = ["The plenum of the Central Committee"]
        if pdef:
            lines.append(
                f"{pdef.title}: {common.date_text(pl.date)}." + (f" {pdef.agenda.strip()}" if pdef.agenda else "")
            )
        else:
            lines.append("No plenum is on the calendar yet. Events and actions call one (or put it off).")
        lines += [
            "When it sits, each side chooses a tactic; the critics speak and may be shouted down; then "
            "each motion is voted by the full members present. A motion needs more than half of them.",
            "The bars below are your informers' count of how the full members would vote today.",
        ]
        for p2 in scn.plenums:
            rec = st.plenums[p2.id].record
            if rec:
                for stg in rec["stages"]:
                    if stg.get("kind") == "vote":
                        t = stg["tally"]
                        lines.append(
                            f"{p2.title}: {stg['title']}: {'carried' if stg['passed'] else 'defeated'} "
                            f"{t['for']}–{t['against']}–{t['abstain']}"
                        )
        return lines

    def aim_text(self) -> str:
        s = self.s
        maj = s.estimate("majority")[0]
        if s.viewer == "kim":
            return (
                f"Keep the chair: no motion of the critics may reach {maj} votes at the plenum. Secure "
                f"the waverers, find the plotters, strike when ready."
            )
        return (
            f"Win {maj} votes at the plenum: condemn the cult, then replace Kim. Recruit the swing "
            f"voters quietly: a refusal may be reported."
        )

    def aim_tip(self):
        return [
            "Your aim",
            self.aim_text(),
            "The introduction (F1, then I) explains the budget, the plenum and "
            "how each side wins. Every number on this screen has a tooltip.",
        ]

    def date_tip(self):
        st, scn = self.s.state, self.s.scn
        return [
            f"{common.date_text(st.date)}, turn {st.turn}",
            f"Each turn covers {scn.scenario.calendar.turn_days} days. The game ends by "
            f"{common.date_text(st.end_date)} at the latest, or sooner if an ending is reached.",
        ]

    def budget_tip(self):
        s = self.s
        v = s.viewer
        return [
            f"Action points: {s.g.remaining(v)} of {s.state.budget.get(v, 0)} left",
            "Every action costs points. The budget refills each turn; events can add or take away "
            "points for the next turn. Unspent points are lost.",
        ]

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
        s = self.s
        if s is None or self.app.top is not self:
            return False
        changed = False
        for side, text in s.notices:
            if side in ("all", s.viewer):
                self.app.notify(text, "error")
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
                        self.app.notify(f"{common.date_text(e.date)}: {V.readable(e).text}", "info", 4)
                self.app.sound.play("typewriter")
        if self.state_version() != self.version:
            self.rebuild()
            changed = True
        if len(s.state.codex) > self.seen_codex:
            for cid in s.state.codex[self.seen_codex :]:
                c = s.scn.get("codex", cid)
                if c is not None:
                    self.app.notify(f"New in the codex: {c.title} (press C).", "info", 4)
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

    # ------------------------------------------------------------------ drawing
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
        T.draw(surf, T.fit(scn.scenario.title.upper(), 34, 230, "head"), (50, 28), 34, C.PAPER_LIGHT, "head", "midleft")
        T.draw(surf, common.date_text(st.date), (300, 8), 22, C.GOLD_LIGHT, "head")
        T.draw(
            surf,
            f"Turn {st.turn} · {'Kim moves' if st.phase == 'kim' else 'Opposition moves' if st.phase == 'opposition' else st.phase.title()}",
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
            T.draw_box(surf, self.aim_text(), inner, 13, C.INK, min_size=10, preview=True)
        # plenum forecast
        pr2 = self.plenum_rect
        inner = W.panel(surf, pr2, "The next plenum")
        pdef, pl = V.plenum_next(scn, st)
        if pdef:
            days = V.days_until(st.date, pl.date)
            T.draw(surf, pdef.title, (inner.x, inner.y), 17, C.INK, "bold")
            T.draw(
                surf,
                f"{common.date_text(pl.date)} · "
                + ("in session" if pl.status == "in_session" else f"in {days} days" if days > 0 else "now"),
                (inner.right, inner.y + 2),
                14,
                C.RED,
                "bold",
                "topright",
            )
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
            y = pr2.y + 62 + j * 26
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
        T.draw(surf, f"Majority: {maj} votes  (estimates)", (pr2.x + 12, pr2.bottom - 46), 13, C.INK_SOFT)
        view = s.view()
        if view.exposure is not None:
            found = {"suspected": " · found out?", "known": " · FOUND OUT"}.get(view.plot_found, "")
            T.draw_line(
                surf,
                f"Exposure: {view.exposure}{found}",
                (pr2.x + 12, pr2.bottom - 26),
                14,
                pr2.width - 180,
                C.RED if found or view.exposure in ("watched", "marked") else C.INK,
                "bold",
                min_size=10,
            )
        # people
        pe = self.people_rect
        W.panel(surf, pe, "People")
        T.draw(
            surf,
            f"{self.people_count} shown · page {self.people_page + 1}/{self.people_pages}",
            (pe.x + 10, pe.bottom - 24),
            12,
            C.INK_SOFT,
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
                    ln if len(lines) <= 2 or ln is not lines[1] else T.fit(ln + " …", 14, inner.width - 100),
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
        if s.thinking or (not s.is_human(s.mover()) and s.mover()):
            dots = "." * (1 + int(self.app.clock_s * 3) % 3)
            other = "Kim" if s.mover() == "kim" else "The opposition"
            r = pygame.Rect(self.w - 420 - 230, 12, 218, 32)
            pygame.draw.rect(surf, C.RED, r)
            T.draw(surf, f"{other} is moving{dots}", (r.right, r.centery), 16, C.GOLD_LIGHT, "bold", "midright")


class ActionButton(W.Widget):
    def __init__(self, rect, v, enabled, fn, tip):
        super().__init__(rect, tooltip=tip, on_activate=fn, enabled=enabled, name=f"action:{v.action.id}")
        self.v = v

    def draw(self, surf, hovered, focused):
        r = self.rect
        a = self.v.action
        if self.enabled:
            pygame.draw.rect(surf, C.INK, r.move(2, 2))
            pygame.draw.rect(surf, C.PAPER_LIGHT if not hovered else (255, 248, 226), r)
            pygame.draw.rect(surf, C.INK, r, 1)
            fg = C.INK
        else:
            pygame.draw.rect(surf, C.PAPER_DARK, r)
            fg = C.INK_FAINT
        for i in range(a.cost):
            pygame.draw.circle(surf, C.GOLD if self.enabled else C.INK_FAINT, (r.x + 10 + i * 9, r.centery), 4)
            pygame.draw.circle(surf, C.INK, (r.x + 10 + i * 9, r.centery), 4, 1)
        x = r.x + 14 + a.cost * 9
        icon = {"person": "◉", "patron": "★", "faction": "▮"}.get(a.target, "")
        right = r.right - 8
        odds = getattr(self, "odds", "")
        if odds and self.enabled:
            rr = T.draw(surf, odds, (right, r.centery), 15, C.RED, "head", "midright")
            right = rr.x - 6
        if icon:
            rr = T.draw(surf, icon, (right, r.centery), 13, C.RED if self.enabled else C.INK_FAINT, "bold", "midright")
            right = rr.x - 4
        name_w = right - x - 4
        if T.width(a.name, 13, "head") <= name_w:
            text, size = T.fit_size(a.name, 16, name_w, "head", min_size=13)
            T.draw(surf, text, (x, r.centery), size, fg, "head", "midleft")
        else:  # two lines rather than a cut name
            T.draw_box(
                surf, a.name, pygame.Rect(x, r.y + 1, name_w, r.height - 2), 12, fg, "bold", min_size=10, spacing=0
            )
        if focused:
            W.focus_ring(surf, r, 2)


class GroupRow(W.Widget):
    """The unnamed cadres of one faction, as one row: how many, and where this side counts them."""

    def __init__(self, rect, screen, fid, pids):
        super().__init__(
            rect, tooltip=lambda: self.tip(), on_activate=lambda: screen.toggle_group(fid), name=f"group:{fid}"
        )
        self.screen, self.fid, self.pids = screen, fid, pids

    def counts(self):
        st = self.screen.s.state
        full = [pid for pid in self.pids if st.people[pid].cc == "full"]
        sides = {"kim": 0, "abstain": 0, "opposition": 0}
        for pid in full:
            lean = self.screen.leans.get(pid)
            if lean is not None:
                sides[RULE.side_of(shown_total(lean))] += 1
        return len(full), len(self.pids) - len(full), sides

    def label(self):
        fd = self.screen.s.scn.get("faction", self.fid)
        who = (fd.short or fd.name) if fd else "foreign"
        return f"Unnamed {who} cadres · {len(self.pids)}"

    def tip(self):
        full, cand, sides = self.counts()
        return [
            self.label(),
            f"{full} full members (they vote) and {cand} candidates (they only cheer or heckle). The record "
            "does not name who held these seats; the game fills them with generated cadres.",
            f"Your count of the full members among them: with Kim {sides['kim']}, undecided {sides['abstain']}, "
            f"with the critics {sides['opposition']}.",
            "Enter or click: list them one by one (again to fold them up).",
        ]

    def draw(self, surf, hovered, focused):
        s = self.screen.s
        r = self.rect
        if hovered or focused:
            pygame.draw.rect(surf, (255, 248, 226), r)
        pygame.draw.line(surf, C.PAPER_DARK, r.bottomleft, r.bottomright)
        col = C.faction_colour(s.scn, self.fid) if self.fid != "-" else C.INK_SOFT
        W.monogram(surf, (r.x + 17, r.centery), 14, "", col, generated=True, label=str(len(self.pids)))
        mark = "▾" if self.screen.open_group == self.fid else "▸"
        T.draw_line(surf, f"{mark} {self.label()}", (r.x + 38, r.y + 1), 15, r.width - 50, C.INK, "bold", min_size=11)
        full, cand, sides = self.counts()
        T.draw_line(
            surf,
            f"full {full} · candidate {cand} · you count: Kim {sides['kim']} · undecided {sides['abstain']} · "
            f"critics {sides['opposition']}",
            (r.x + 38, r.y + 19),
            12,
            r.width - 50,
            C.INK_SOFT,
            min_size=9,
        )
        if focused:
            W.focus_ring(surf, r, 2)


class PersonRow(W.Widget):
    def __init__(self, rect, screen, pid):
        super().__init__(
            rect, tooltip=lambda: self.tip(), on_activate=lambda: screen.open_person(pid), name=f"person:{pid}"
        )
        self.screen = screen
        self.pid = pid

    def tip(self):
        s = self.screen.s
        st, scn = s.state, s.scn
        p = st.people[self.pid]
        lines = [
            f"{V.person_name(self.screen.app, scn, st, self.pid)} — {V.faction_name(scn, p.faction) if p.faction else 'foreign envoy'}"
        ]
        lines.append(f"{V.SEAT_WORDS.get(p.cc, p.cc)} · {V.STATUS_WORDS.get(p.status, p.status)}")
        if p.offices:
            lines.append(", ".join(V.office_names(scn, p.offices)))
        if p.generated:
            lines.append("A generated cadre: the record does not name who held this seat.")
        lines += V.stance_lines(s, self.pid)[:1]
        mine = p.pledge_kim if s.viewer == "kim" else p.pledge_opposition
        if mine:
            lines.append(
                f"Pledged to you: {mine}/100. A pledge adds {mine * RULE.pledge:.0f} points to this member's lean "
                f"your way at a vote; it fades by 2 a turn."
            )
        lines.append("Enter or click: open the file.")
        return lines

    def draw(self, surf, hovered, focused):
        s = self.screen.s
        st, scn = s.state, s.scn
        p = st.people[self.pid]
        r = self.rect
        if hovered or focused:
            pygame.draw.rect(surf, (255, 248, 226), r)
        pygame.draw.line(surf, C.PAPER_DARK, r.bottomleft, r.bottomright)
        col = C.faction_colour(scn, p.faction) if p.faction else C.patron_colour(scn, p.patron)
        fallen = p.status in V.FALLEN or p.status == "abroad"
        W.monogram(surf, (r.x + 17, r.centery), 14, p.name, col, generated=p.generated, fallen=p.status in V.FALLEN)
        name = V.person_name(self.screen.app, scn, st, self.pid)
        T.draw_line(
            surf, name, (r.x + 38, r.y + 1), 15, r.width - 120, C.INK_FAINT if fallen else C.INK, "bold", min_size=11
        )
        office = V.office_line(scn, st, self.pid) if not p.generated else "Generated cadre (unnamed seat)"
        office_at = (r.x + 38, r.y + 19)
        tag = {"full": "FULL", "candidate": "CAND."}.get(p.cc, "")
        if p.status != "active":
            tag = V.STATUS_WORDS.get(p.status, p.status).upper()
        if tag:
            T.draw(
                surf, tag, (r.right - 6, r.y + 4), 12, C.RED if p.status != "active" else C.INK_SOFT, "bold", "topright"
            )
        viewer = s.viewer
        mine = p.pledge_kim if viewer == "kim" else p.pledge_opposition
        tags = []
        if mine:
            tags.append((f"pledged {mine}", C.SIDE_COLOUR[viewer]))
        elif viewer == "opposition" and p.plotter:
            tags.append(("our circle", C.SIDE_COLOUR["opposition"]))
        lean = self.screen.leans.get(self.pid)
        if lean is not None:
            side = RULE.side_of(lean)
            word = {"kim": "Kim", "opposition": "critic"}.get(side, "swing")
            colr = C.SIDE_COLOUR.get(side, C.GOLD_DARK)
            tags.append((f"{word} {shown_total(lean):+d}", colr))
        x = r.right - 6
        tags_w = sum(T.width(t_, 11, "bold") + 8 for t_, _ in tags)
        if T.width(office, 9) > x - tags_w - office_at[0] - 4:
            # A long title keeps the whole line: the tags move up beside the seat tag.
            xt = r.right - 6 - (T.width(tag, 12, "bold") + 10 if tag else 0)
            for text_, colr in reversed(tags):
                rr = T.draw(surf, text_, (xt, r.y + 5), 11, colr, "bold", "topright")
                xt = rr.x - 8
        else:
            for text_, colr in reversed(tags):
                rr = T.draw(surf, text_, (x, r.y + 19), 11, colr, "bold", "topright")
                x = rr.x - 8
        T.draw_line(surf, office, office_at, 12, x - office_at[0] - 4, C.INK_SOFT, min_size=9)
        if focused:
            W.focus_ring(surf, r, 2)
