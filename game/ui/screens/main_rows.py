"""The main screen's rows: an action button, a person, the unnamed cadres of a faction."""

from __future__ import annotations

import pygame

from game.engine.vote_rule import RULE
from game.engine.world import PLEDGE_DECAY, pledge_lasts
from game.figures import shown_total
from game.ui import text as T
from game.ui import theme as C
from game.ui import view as V
from game.ui import widgets as W


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
        lines.append(f"{V.SEAT_WORDS.get(p.cc, p.cc)} · {V.STATUS_NAMES.get(p.status, p.status)}")
        if p.offices:
            lines.append(", ".join(V.office_names(scn, p.offices)))
        if p.generated:
            lines.append("A generated cadre: the record does not name who held this seat.")
        lines += V.stance_lines(s, self.pid)[:1]
        mine = p.pledge_kim if s.viewer == "kim" else p.pledge_opposition
        if mine:
            lines.append(
                f"Pledged to you: {mine}/100. A pledge adds {mine * RULE.pledge:.0f} points to this member's lean "
                f"your way at a vote; it fades by {PLEDGE_DECAY} a turn, gone in {pledge_lasts(mine)} turns."
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
            tag = V.STATUS_NAMES.get(p.status, p.status).upper()
        if tag:
            T.draw(
                surf, tag, (r.right - 6, r.y + 4), 12, C.RED if p.status != "active" else C.INK_SOFT, "bold", "topright"
            )
        viewer = s.viewer
        mine = p.pledge_kim if viewer == "kim" else p.pledge_opposition
        if viewer == "kim" and self.pid == s.scn.scenario.leader:
            mine = 0  # a faction-wide pledge reaches the leader too; Kim pledged to himself says nothing
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
