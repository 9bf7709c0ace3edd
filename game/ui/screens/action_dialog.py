"""Taking an action: pick a target (with the odds for each), see what success and failure would
do, then commit."""

from __future__ import annotations

import pygame

from game.ai.odds import seen_odds
from game.engine.actions import Refused
from game.engine.vote_rule import RULE
from game.figures import shown_total
from game.ui import text as T
from game.ui import theme as C
from game.ui import view as V
from game.ui import widgets as W
from game.ui.screen import Screen
from game.ui.screens import common
from game.words import last_refusals, outcome_lines, secrecy, target_key, words

ROWS = 10
# Why an estimate is one, short enough to sit with the odds under the figure.
HIDDEN_ODDS = "An estimate: the odds hang on what you cannot see, so they are worked out on plausible pictures."
TOP = 118  # where the list of targets starts, below the summary and its heading


class ActionDialog(Screen):
    cache_background = True
    modal = True
    title = "Action"
    help_lines = [
        ("Up / Down", "Choose a target"),
        ("Enter", "Select the target, then confirm"),
        ("PgUp / PgDn", "Page the targets"),
        ("Esc", "Cancel"),
    ]

    def __init__(self, app, view):
        super().__init__(app)
        self.view = view
        self.action = view.action
        self.target = None
        self.page = 0
        s = app.session
        self.targets = list(view.targets)
        self.odds = {}
        for t in self.targets:
            # The odds alone for the list (the full preview, with every effect worded, is for the
            # target chosen).
            # As this side may know them: odds that hang on the other side's secrets are worked
            # out on plausible pictures, never the true state (which would give the secret away).
            self.odds[t] = (
                seen_odds(s.state, s.scn, s.viewer, self.action.id, t).chance if self.action.side == s.viewer else 0
            )
        # best odds first, named people before cadres
        st = s.state

        def key(t):
            p = st.people.get(t)
            no_vote = bool(p and view.action.target == "person" and p.cc != "full")
            return target_key(
                "odds", name=t, odds=self.odds[t], lean=None, has_vote=not no_vote, generated=bool(p and p.generated)
            )

        self.targets.sort(key=key)
        # Where each committee member stands, as this side estimates it (shown beside the odds).
        self.leans = {pid: lean for pid, lean, _ in s.blurred_spread()} if view.action.target == "person" else {}
        # Who said no the last time this side tried this on him (his row says so).
        self.refused = last_refusals(s.state, s.scn, s.viewer, self.action.id)
        self.sort = "odds"
        self._key = key
        # The picker remembers the order the player last chose (for this session). Until then a
        # list of members opens nearest the line: with one Enter doing the move, "best odds" first
        # had a new Kim secure a man already with him (the surest move is the one that matters
        # least). Other targets (offices, patrons) have no line and open best odds first.
        remembered = getattr(s, "picker_sort", None) or ("swing" if self.leans else "odds")
        if remembered == "swing" and not self.leans:
            remembered = "odds"
        if remembered != "odds":
            self.apply_sort(remembered)
        if self.action.target == "none":
            self.target = None
        elif self.targets:
            self.target = self.targets[0]

    def card(self):
        w, h = min(1000, self.w - 80), min(600, self.h - 60)
        return pygame.Rect((self.w - w) // 2, (self.h - h) // 2, w, h)

    def toast_area(self):
        """Passing messages sit in the card's bottom strip, between the page arrows (and "page n/m")
        and Cancel: never over the target list, the pager, the buttons or the window's corner beneath."""
        r = self.card()
        left = r.x + 190
        return pygame.Rect(left, r.bottom - 60, max(200, (r.right - 376 - 12) - left), 56)

    def build(self):
        r = self.card()
        has_targets = self.action.target != "none"
        if has_targets and self.leans:
            label = {"odds": "Sort: best odds", "swing": "Sort: nearest the line", "name": "Sort: by name"}[self.sort]
            self.add(
                W.Button(
                    (r.x + 236, r.y + TOP - 30, 180, 24),
                    label,
                    self.cycle_sort,
                    style="chip",
                    size=12,
                    hotkey=pygame.K_s,
                    key_hint="S",
                    name="sort",
                    tooltip=[
                        "Order of the list",
                        "The members nearest the vote line first (the swing voters, by "
                        "your estimate); or best odds first; or by name.",
                    ],
                )
            )
        if has_targets:
            pages = max(1, (len(self.targets) + ROWS - 1) // ROWS)
            self.page = min(self.page, pages - 1)
            self.pages = pages
            for i, t in enumerate(self.targets[self.page * ROWS : (self.page + 1) * ROWS]):
                rr = pygame.Rect(r.x + 16, r.y + TOP + i * 38, 400, 34)
                self.add(TargetRow(rr, self, t))
            self.add(
                W.Button(
                    (r.x + 16, r.bottom - 52, 40, 30),
                    "◀",
                    lambda: self.turn(-1),
                    style="chip",
                    enabled=self.page > 0,
                    name="prev",
                    tooltip="Previous targets (PgUp)",
                )
            )
            self.add(
                W.Button(
                    (r.x + 62, r.bottom - 52, 40, 30),
                    "▶",
                    lambda: self.turn(1),
                    style="chip",
                    enabled=self.page < pages - 1,
                    name="next",
                    tooltip="More targets (PgDn)",
                )
            )
        ok = (not has_targets) or self.target is not None
        self.add(
            W.Button(
                (r.right - 236, r.bottom - 56, 220, 42),
                f"Do it ({self.action.cost} pt)",
                self.commit,
                style="primary",
                size=21,
                enabled=ok,
                name="commit",
                key_hint="Enter",
            )
        )
        self.add(W.Button((r.right - 376, r.bottom - 56, 128, 42), "Cancel", self.back, name="cancel", key_hint="Esc"))
        if self.focus is None:
            self.focus = next((w for w in self.widgets if isinstance(w, TargetRow)), None) or self.widgets[-2]

    def turn(self, d):
        self.page = max(0, min(self.pages - 1, self.page + d))
        self.rebuild()

    def cycle_sort(self):
        order = ["swing", "odds", "name"]
        self.apply_sort(order[(order.index(self.sort) + 1) % 3])
        self.app.session.picker_sort = self.sort
        self.page = 0
        self.target = self.targets[0] if self.targets else None
        self.rebuild()

    def apply_sort(self, how: str) -> None:
        self.sort = how
        if self.sort == "odds":
            self.targets.sort(key=self._key)
        elif self.sort == "swing":
            self.targets.sort(
                key=lambda t: target_key(
                    "swing",
                    name=t,
                    odds=self.odds[t],
                    lean=self.leans.get(t),
                    has_vote=t in self.leans,
                    generated=False,
                )
            )
        else:
            st = self.app.session.state
            self.targets.sort(
                key=lambda t: target_key(
                    "name",
                    name=str(getattr(st.people.get(t), "name", t)),
                    odds=0,
                    lean=None,
                    has_vote=False,
                    generated=bool(st.people.get(t) and st.people[t].generated),
                )
            )

    def select(self, t):
        self.target = t
        self.rebuild()

    def on_event(self, ev):
        if ev.type == pygame.KEYDOWN and self.action.target != "none":
            if ev.key == pygame.K_PAGEUP:
                self.turn(-1)
                return True
            if ev.key == pygame.K_PAGEDOWN:
                self.turn(1)
                return True
        if ev.type == pygame.MOUSEWHEEL and self.action.target != "none":
            self.turn(-1 if ev.y > 0 else 1)
            return True
        return False

    def commit(self):
        s = self.app.session
        order = {"t": "act", "side": s.viewer, "action": self.action.id}
        if self.action.target != "none":
            if self.target is None:
                return
            order["target"] = self.target
        before = s.view().members.get(self.target) if self.action.target == "person" else None
        try:
            out = s.submit(order)
        except Refused as exc:
            self.app.notify(str(exc), "error")
            return
        self.app.pop(self)
        self.app.sound.play("typewriter")
        said = ("Done: " if out.ok else "Failed: ") + out.text
        after = s.view().members.get(self.target) if before is not None else None
        if before is not None and after is not None:
            # Say first what the move did to this side's count of the member (a pledge may not
            # be enough to bring him over: "still with the critics"), then the dispatch: a toast
            # too long for its place loses its last lines, and the dispatch is in the log.
            a, b = shown_total(before.lean), shown_total(after.lean)
            col = {"kim": "with Kim", "opposition": "with the critics", "abstain": "undecided"}[
                RULE.side_of(after.lean)
            ]
            moved = RULE.side_of(after.lean) != RULE.side_of(before.lean)
            who = s.state.people[self.target].name
            said = (
                f"{'Done' if out.ok else 'Failed'}: {who} {a:+d} → {b:+d} in your count, "
                f"{'now' if moved else 'still'} {col}. {out.text}"
            )
        self.app.notify(said, "info" if out.ok else "error", 5)

    def target_label(self, t):
        s = self.app.session
        kind = self.action.target
        if kind == "person":
            return V.person_name(self.app, s.scn, s.state, t)
        obj = s.scn.get(kind, t)
        return obj.name if obj else t

    def draw_background(self, surf):
        s = self.app.session
        r = self.card()
        inner = W.panel(surf, r, self.action.name, title_size=24)
        a = self.action
        T.draw_box(surf, a.summary, pygame.Rect(inner.x, inner.y, inner.width, 42), 15, C.INK_SOFT, min_size=11)
        px = r.x + 440 if a.target != "none" else r.x + 24
        pw = r.right - px - 20
        if a.target != "none":
            T.draw(
                surf,
                f"CHOOSE A {a.target.upper()}  ({len(self.targets)})",
                (r.x + 16, r.y + TOP - 28),
                17,
                C.RED,
                "head",
            )
            T.draw(surf, f"page {self.page + 1}/{self.pages}", (r.x + 112, r.bottom - 44), 13, C.INK_SOFT)
            if a.target == "person":
                # What the list counts, so it reconciles with the headline (full members present).
                T.draw_line(
                    surf,
                    target_count_line(s.state, self.targets, s.view().present),
                    (r.x + 16, r.y + TOP + ROWS * 38 + 2),
                    12,
                    400,
                    C.INK_SOFT,
                    min_size=9,
                )
            pygame.draw.line(surf, C.INK, (px - 12, r.y + TOP - 28), (px - 12, r.bottom - 70), 1)
        # A move with no target has no name to show above its odds: they start on that line,
        # not below a blank one.
        y = r.y + TOP - (36 if a.target == "none" else 0)
        if a.target != "none" and self.target is None:
            T.draw(surf, "No one qualifies.", (px, y), 18, C.RED, "bold")
            return
        try:
            pv = s.g.preview(s.viewer, a.id, self.target)
        except Refused as exc:
            T.draw(surf, str(exc), (px, y), 16, C.RED, "bold")
            return
        if self.target:
            T.draw(surf, T.fit(self.target_label(self.target), 22, pw, "head"), (px, y - 22), 22, C.INK, "head")
        odds = seen_odds(s.state, s.scn, s.viewer, a.id, self.target)
        T.draw(surf, f"{odds.chance}%", (px, y + 8), 64, C.RED, "head")
        T.draw(
            surf,
            "chance of success"
            if odds.exact
            else "chance of success, estimated"
            + ("" if odds.low == odds.high else f" ({odds.low}–{odds.high}%)"),  # no "(15–15%)"
            (px + T.width(f"{odds.chance}%", 64, "head") + 12, y + 44),
            16,
            C.INK_SOFT,
        )
        cost = f"Costs {pv.cost} of your {s.g.remaining(s.viewer)} remaining points."
        uses = V.uses_line(s.state, a)
        T.draw(surf, cost + (f" {uses}" if uses else ""), (px, y + 86), 15, C.INK)
        yy = y + 134
        if a.chance.strip() not in ("100",):
            used = T.draw_box(
                surf,
                "Odds: " + words(a.chance, s.scn) + " (kept within 5–95%)" + ("" if odds.exact else ". " + HIDDEN_ODDS),
                pygame.Rect(px, y + 106, pw, 64),
                12,
                C.INK_SOFT,
                min_size=10,
            )
            yy = max(yy, y + 106 + used + 8)
        for head, lines, col in (
            (
                "IF IT WORKS",
                [
                    *outcome_lines(s.scn, pv.success, a.success),
                    *filter(None, [V.pledge_line(s.scn, s.state, a.success, s.viewer)]),
                ],
                C.OK,
            ),
            ("IF IT FAILS", outcome_lines(s.scn, pv.failure, a.failure), C.RED),
        ):
            T.draw(surf, head, (px, yy), 16, col, "head")
            yy += 22
            for ln in lines or ["Nothing changes."]:
                yy += T.draw_wrapped(surf, "• " + ln, pygame.Rect(px + 6, yy, pw - 6, 200), 14, C.INK) + 2
            yy += 8
        note = secrecy(a.visible)
        T.draw(surf, note, (px, r.bottom - 86), 13, C.INK_SOFT)
        if a.target == "person" and self.target:
            st = s.state
            p = st.people[self.target]
            mine = p.pledge_kim if s.viewer == "kim" else p.pledge_opposition
            T.draw(
                surf,
                f"Loyalty to Kim {p.loyalty} · fear {p.fear} · reputation {p.reputation}"
                + (f" · already pledged to you: {mine}" if mine else "")
                + (
                    f" · refused you on {common.short_date(self.refused[self.target])}"
                    if self.target in self.refused
                    else ""
                ),
                (px, r.bottom - 104),
                13,
                C.INK_SOFT,
            )


def target_count_line(st, targets, present: int) -> str:
    """ "78 = 48 of the 71 full members + 30 candidates · 15 named, 63 unnamed": the picker's
    count, reconciled with the headline's members present."""
    ro = V.roll(st, targets)
    seats = V.roll_seats(ro)
    if ro.full != present:
        seats = seats.replace(f"{ro.full} full member", f"{ro.full} of the {present} full member", 1)
        if ro.full == 1:
            seats = seats.replace("full member", "full members", 1)
    return f"{ro.total} = {seats} · {V.roll_names(ro, grouped=False)}"


class TargetRow(W.Widget):
    def __init__(self, rect, dlg, t):
        super().__init__(rect, tooltip=None, on_activate=lambda: dlg.select(t), name=f"target:{t}")
        self.dlg = dlg
        self.t = t

    def activate(self):
        # Enter on the chosen row does it, as the "Do it" button's Enter hint says (it used to
        # move the focus to that button, so the first Enter seemed to do nothing); on another row,
        # Enter chooses that row first.
        if self.dlg.target == self.t:
            self.dlg.commit()
        else:
            self.dlg.select(self.t)

    def click(self, pos, button=1):
        self.dlg.select(self.t)

    def draw(self, surf, hovered, focused):
        s = self.dlg.app.session
        r = self.rect
        sel = self.dlg.target == self.t
        pygame.draw.rect(surf, C.GOLD_LIGHT if sel else ((255, 248, 226) if hovered else C.PAPER_LIGHT), r)
        pygame.draw.rect(surf, C.INK if sel else C.PAPER_DARK, r, 1)
        kind = self.dlg.action.target
        if kind == "person":
            p = s.state.people[self.t]
            col = C.faction_colour(s.scn, p.faction) if p.faction else C.patron_colour(s.scn, p.patron)
            W.monogram(surf, (r.x + 17, r.centery), 13, p.name, col, generated=p.generated)
        elif kind == "patron":
            W.star(surf, (r.x + 17, r.centery), 12, C.patron_colour(s.scn, self.t))
        else:
            pygame.draw.rect(surf, C.faction_colour(s.scn, self.t), (r.x + 6, r.y + 6, 22, r.height - 12))
        T.draw(
            surf,
            T.fit(self.dlg.target_label(self.t), 15, r.width - 190, "bold"),
            (r.x + 38, r.centery),
            15,
            C.INK,
            "bold",
            "midleft",
        )
        if kind == "person":
            p = s.state.people[self.t]
            mine = p.pledge_kim if s.viewer == "kim" else p.pledge_opposition
            # A refusal last time matters more than the pledge (the details panel has both).
            said = (
                f"refused {common.short_date(self.dlg.refused[self.t])}"
                if self.t in self.dlg.refused
                else (f"pledged {mine}" if mine else "")
            )
            if said:
                T.draw(surf, said, (r.right - 66, r.y + 3), 10, C.SIDE_COLOUR[s.viewer], "bold", "topright")
        lean = self.dlg.leans.get(self.t)
        if lean is None and kind == "person":
            # Not counted (no vote at a plenum): say why the row has no lean, instead of a blank.
            p = s.state.people[self.t]
            why = {"candidate": "candidate: no vote", "full": "not in the hall"}.get(p.cc, "no vote")
            T.draw(surf, why, (r.right - 66, r.bottom - 3), 12, C.INK_SOFT, "body", "bottomright")
        if lean is not None:
            side = RULE.side_of(lean)
            side_col = C.SIDE_COLOUR.get(side, C.GOLD_DARK)
            tag = {"kim": "with Kim", "opposition": "critic"}.get(side, "swing")
            T.draw(
                surf, f"{tag} {shown_total(lean):+d}", (r.right - 66, r.bottom - 3), 12, side_col, "bold", "bottomright"
            )
        odds = self.dlg.odds.get(self.t, 0)
        T.draw(surf, f"{odds}%", (r.right - 10, r.centery), 18, C.RED if odds < 50 else C.OK, "head", "midright")
        if focused:
            W.focus_ring(surf, r, 2)
