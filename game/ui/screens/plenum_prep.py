"""Before the plenum: the committee spread by leaning around the majority line, so the swing
voters stand out (after Democracy 4's distribution view); and the choice of plenum tactic."""

from __future__ import annotations

import pygame

from game.engine.actions import Refused
from game.engine.plenum import tactics_for
from game.engine.vote_rule import RULE
from game.figures import shown_total
from game.played import leads_to, tactic_plays_words
from game.ui import text as T
from game.ui import theme as C
from game.ui import view as V
from game.ui import widgets as W
from game.ui.forecast import lines as forecast_lines
from game.ui.forecast import short as forecast_short
from game.ui.screen import Screen
from game.ui.screens import common
from game.words import effect_lines

COLUMNS = 36


class SpreadChart:
    """Lays out and draws the dot plot; dots become hotspots on the owning screen."""

    def __init__(self, screen, rect: pygame.Rect):
        self.screen = screen
        self.rect = pygame.Rect(rect)
        s = screen.app.session
        self.data = s.blurred_spread()
        self.maj = s.estimate("majority")[0]
        self.dots = []  # (pid, x, y, lean, err)
        leans = [lean for _, lean, _ in self.data] or [0]
        span = max(30, int(max(abs(min(leans)), abs(max(leans)))) + 4)
        span = (span + 4) // 5 * 5
        self.lo, self.hi = -span, span
        self.bin = (self.hi - self.lo) / COLUMNS
        plot = self.plot_rect()
        bins: dict[int, list] = {}
        r = self.radius()
        for pid, lean, err in self.data:
            b = min(COLUMNS - 1, int((lean - self.lo) // self.bin))
            bins.setdefault(b, []).append((pid, lean, err))
        tallest = max((len(v) for v in bins.values()), default=1)
        step = min(2 * r + 2, (plot.height - 2 * r - 4) / max(1, tallest - 1)) if tallest > 1 else 2 * r + 2
        for b, items in bins.items():
            x = plot.x + int((b + 0.5) / COLUMNS * plot.width)
            for k, (pid, lean, err) in enumerate(items):
                y = plot.bottom - r - 2 - int(k * step)
                self.dots.append((pid, x, y, lean, err))

    def radius(self):
        return 8 if self.rect.height > 300 else 6

    def plot_rect(self):
        r = self.rect
        return pygame.Rect(r.x + 10, r.y + 40, r.width - 20, r.height - 80)

    def x_of(self, lean):
        p = self.plot_rect()
        return p.x + int((max(self.lo, min(self.hi, lean)) - self.lo) / (self.hi - self.lo) * p.width)

    def counts(self):
        k = sum(1 for _, lean, _ in self.data if lean >= RULE.band)
        o = sum(1 for _, lean, _ in self.data if lean <= -RULE.band)
        return k, o, len(self.data) - k - o

    def pivot(self, side):
        leans = sorted((lean for _, lean, _ in self.data), reverse=(side == "kim"))
        if len(leans) >= self.maj > 0:
            return leans[self.maj - 1]
        return None

    def add_hotspots(self):
        s = self.screen.app.session
        rect = self.rect
        k, o, sw = self.counts()
        maj = self.maj
        for x, w_, tip in (
            (
                rect.x,
                260,
                [
                    f"With the critics: {o} (estimate)",
                    f"Full members you count at a lean of −{RULE.band} or less: they would vote for the critics' motions today.",
                ],
            ),
            (
                rect.centerx - 100,
                200,
                [
                    f"Swing: {sw} (estimate)",
                    f"Members between −{RULE.band} and +{RULE.band}: they "
                    "would abstain today, and an abstention counts against any motion. "
                    "A few points of persuasion, fear or mood moves them.",
                ],
            ),
            (
                rect.right - 260,
                260,
                [
                    f"With Kim: {k} (estimate)",
                    f"Full members you count at +{RULE.band} or more. A motion needs {maj} votes for it.",
                ],
            ),
        ):
            self.screen.add(W.Hotspot((x, rect.y + 4, w_, 30), tip, focusable=False, name=f"count:{x}"))
        r = self.radius()
        for pid, x, y, lean, err in self.dots:

            def tip(pid=pid, lean=lean, err=err):
                st = s.state
                p = st.people[pid]
                lines = [
                    f"{V.person_name(self.screen.app, s.scn, st, pid)} — {V.faction_name(s.scn, p.faction)}",
                    f"Estimated lean {shown_total(lean):+d} ± {err:.0f}: {V.lean_word(lean)}",
                ]
                if p.generated:
                    lines.append("Generated cadre (unnamed seat).")
                lines += V.stance_lines(s, pid)[1:]
                return lines

            def draw_dot(surf, rect, hovered, focused, pid=pid, lean=lean):
                self.draw_dot(surf, rect.center, pid, lean, hovered or focused)

            self.screen.add(
                W.Hotspot(
                    (x - r, y - r, 2 * r, 2 * r),
                    tip,
                    self._opener(pid),
                    focusable=True,
                    name=f"dot:{pid}",
                    draw_fn=draw_dot,
                )
            )

    def _opener(self, pid):
        def open_file():
            self.screen.app.show("person", pid)

        return open_file

    def draw_dot(self, surf, c, pid, lean, hi):
        s = self.screen.app.session
        p = s.state.people[pid]
        r = self.radius()
        col = C.faction_colour(s.scn, p.faction)
        swing = -RULE.band < lean < RULE.band
        if p.generated:
            pygame.draw.circle(surf, C.PAPER_LIGHT, c, r)
            pygame.draw.circle(surf, col, c, r, 3)
        else:
            pygame.draw.circle(surf, col, c, r)
            pygame.draw.circle(surf, C.INK, c, r, 1)
        if swing:
            pygame.draw.circle(surf, C.GOLD, c, r + 3, 2)
        if hi:
            pygame.draw.circle(surf, C.INK, c, r + 5, 2)

    def draw(self, surf):
        rect = self.rect
        plot = self.plot_rect()
        # regions
        xa, xb = self.x_of(-RULE.band), self.x_of(RULE.band)
        band = pygame.Surface((plot.width, plot.height), pygame.SRCALPHA)
        pygame.draw.rect(band, (*C.SIDE_COLOUR["opposition"], 34), (0, 0, xa - plot.x, plot.height))
        pygame.draw.rect(band, (*C.GOLD, 60), (xa - plot.x, 0, xb - xa, plot.height))
        pygame.draw.rect(band, (*C.SIDE_COLOUR["kim"], 34), (xb - plot.x, 0, plot.right - xb, plot.height))
        surf.blit(band, plot)
        pygame.draw.line(surf, C.INK, (plot.x, plot.bottom), (plot.right, plot.bottom), 2)
        tick = 10 if self.hi <= 50 else 20
        for v in range(-(self.hi // tick) * tick, self.hi + 1, tick):
            x = self.x_of(v)
            pygame.draw.line(surf, C.INK, (x, plot.bottom), (x, plot.bottom + 5))
            T.draw(surf, f"{v:+d}" if v else "0", (x, plot.bottom + 6), 12, C.INK_SOFT, "body", "midtop")
        k, o, sw = self.counts()
        T.draw(surf, f"◀ WITH THE CRITICS: {o}", (plot.x + 6, rect.y + 10), 18, C.SIDE_COLOUR["opposition"], "head")
        T.draw(surf, f"SWING: {sw}", ((xa + xb) // 2, rect.y + 10), 18, C.GOLD_DARK, "head", "midtop")
        T.draw(surf, f"WITH KIM: {k} ▶", (plot.right - 6, rect.y + 10), 18, C.SIDE_COLOUR["kim"], "head", "topright")
        pk, po = self.pivot("kim"), self.pivot("opposition")
        merged = pk is not None and po is not None and abs(self.x_of(pk) - self.x_of(po)) < 170
        for side in ("kim", "opposition"):
            pv = self.pivot(side)
            if pv is None:
                continue
            if merged and side == "opposition":
                break
            x = self.x_of(pv)
            col = C.SIDE_COLOUR[side]
            for yy in range(plot.y, plot.bottom, 8):
                pygame.draw.line(surf, col, (x, yy), (x, yy + 4), 2)
            label = f"Kim's {self.maj}th vote" if side == "kim" else f"the critics' {self.maj}th vote"
            if merged:
                label = f"majority line: the {self.maj}th vote either way"
            T.draw(
                surf,
                label,
                (x + (4 if side == "kim" else -4), plot.y + (2 if side == "kim" else 18)),
                12,
                col,
                "bold",
                "topleft" if side == "kim" else "topright",
            )
        T.draw(
            surf,
            f"Lean toward Kim (points). ESTIMATES: each dot is your informers' reading of one member, "
            f"±{self.data[0][2]:.0f} typical; the totals above are the headline count."
            if self.data
            else "No members.",
            (rect.x + 10, rect.bottom - 20),
            13,
            C.INK_SOFT,
        )


class SpreadScreen(Screen):
    cache_background = True
    modal = True
    title = "Spread chart"
    help_lines = [("Arrows", "Move from member to member"), ("Esc / V", "Close")]

    def card(self):
        return pygame.Rect(30, 30, self.w - 60, self.h - 60)

    def toast_area(self):
        """Passing messages sit at the top of the critics' end of the plot, where the dots (stacked
        from the floor, the far left rarely used) seldom reach: never over the legend or Close."""
        chart = getattr(self, "chart", None)
        if chart is None:
            return None
        p = chart.plot_rect()
        return pygame.Rect(p.x + 8, p.y + 24, min(440, p.width // 2 - 16), 100)

    def build(self):
        r = self.card()
        self.chart = SpreadChart(self, pygame.Rect(r.x + 14, r.y + 110, r.width - 28, r.height - 180))
        self.chart.add_hotspots()
        self.add(
            W.Button(
                (r.right - 170, r.bottom - 54, 150, 40),
                "Close",
                self.back,
                style="primary",
                hotkey=pygame.K_v,
                key_hint="Esc",
                name="close",
            )
        )

    def draw_background(self, surf):
        s = self.app.session
        r = self.card()
        inner = W.panel(surf, r, "The Central Committee, member by member", title_size=26)
        maj = s.estimate("majority")[0]
        T.draw_wrapped(
            surf,
            f"Every full member who would sit today, placed by how far you think they lean toward "
            f"Kim (right) or the critics (left). At +{RULE.band} or more they vote with Kim, at −{RULE.band} "
            f"or less with the critics; in the gold band they abstain. A motion needs {maj} votes for it. "
            f"Gold rings mark swing voters; hollow rings are generated cadres.",
            pygame.Rect(inner.x, inner.y, inner.width, 60),
            15,
            C.INK,
        )
        self.chart.draw(surf)
        # legend
        x = r.x + 20
        for fid in V.faction_ids(s.scn, s.state):
            fd = s.scn.get("faction", fid)
            pygame.draw.circle(surf, C.faction_colour(s.scn, fid), (x + 8, r.bottom - 34), 8)
            T.draw(surf, fd.name, (x + 22, r.bottom - 34), 14, C.INK, "body", "midleft")
            x += 40 + T.width(fd.name, 14)


class TacticScreen(Screen):
    """The plenum is in session: choose how to play it, with the committee in view."""

    cache_background = True

    modal = False
    title = "Plenum tactic"
    help_lines = [
        ("Up / Down", "Move between tactics"),
        ("Enter", "Choose"),
        ("R", "Reveal history's choice"),
        ("1-9", "Choose by number"),
    ]

    def __init__(self, app, pending):
        super().__init__(app)
        self.pending = pending
        s = app.session
        self.pid = pending.event.split(":", 1)[1]
        self.pdef = s.scn.get("plenum", self.pid)
        self.tactics = s.g.options(pending)
        self.reveal = False
        app.sound.play("murmur")

    def build(self):
        w, h = self.w, self.h
        self.chart = SpreadChart(self, pygame.Rect(20, 130, w - 40, int(h * 0.42)))
        if not self.show_details:
            self.chart.add_hotspots()
        top = self.chart.rect.bottom + 46
        n = max(1, len(self.tactics))
        bw = (w - 40 - (n - 1) * 12) // n
        row = pygame.Rect(20, top, w - 40, h - top - 70)
        self.details = LazyDetails(self)
        for i, t in enumerate(self.tactics):
            # Every card has a short tooltip (what it does, the shout-down odds, the forecast), shown
            # above the row of cards so it never hides a neighbour's title; everything else is in
            # the details panel (D), which takes the chart's place.
            # Worked out when first shown (the session played out costs a few tens of ms), so
            # the screen's first frame does not wait for it.
            card = self.add(
                TacticCard((20 + i * (bw + 12), top, bw, h - top - 70), self, i, t, lambda t=t: self.compact_tip(t))
            )
            card.tip_above = row
        if self.show_details:
            cr = self.chart.rect
            self.add(DetailsPanel(pygame.Rect(cr.x, cr.y + 12, cr.width, cr.height + 8), self))
        self.add(
            W.Button(
                (20, h - 56, 250, 40),
                "Hide history" if self.reveal else "Reveal history's choice",
                self.toggle,
                style="chip",
                hotkey=pygame.K_r,
                key_hint="R",
                size=14,
                name="reveal",
            )
        )
        self.add(
            W.Button(
                (282, h - 56, 250, 40),
                "Show the chart" if self.show_details else "Details of the tactics",
                self.toggle_details,
                style="chip",
                hotkey=pygame.K_d,
                key_hint="D",
                size=14,
                name="details",
                tooltip="Everything each tactic does, the odds for each speaker and the forecast in full, "
                "in a panel over the chart (the card under the pointer or in focus).",
            )
        )
        if self.focus is None:
            # Focus on the first card, but no tooltip until the player asks (keys or pointer):
            # a tip shown unasked sits over the chart.
            self.focus = next((x for x in self.widgets if isinstance(x, TacticCard)), None)

    def toast_area(self):
        """Passing messages sit in the foot strip right of the two buttons: never over the chart,
        the cards or the heading."""
        return pygame.Rect(544, self.h - 62, max(240, self.w - 564), 58)

    def shout_odds(self, t) -> tuple[tuple[int, int], int, list[tuple[str, int, int]]]:
        """((hecklers low, high), members, [(critic, lowest %, highest % shouted down)]) if this
        tactic is played, over every tactic the other side may answer with: the vote rule's own
        odds, counted on this side's estimate of the hall (before the speeches move it and the
        members' own judgement on the day)."""
        s = self.app.session
        st = s.state
        view = s.view()
        other = "kim" if self.pending.side == "opposition" else "opposition"
        answers: list = tactics_for(s.scn, st, self.pdef, other) or [None]
        rows: dict[str, list[int]] = {}
        hostiles = []
        for o in answers:
            mood = t.mood + (o.mood if o is not None else 0)
            interrupt = t.interrupt + (o.interrupt if o is not None else 0)
            hostile = sum(1 for m in view.members.values() if m.lean + mood >= RULE.hostile_lean)
            hostiles.append(hostile)
            pct = 100 * hostile / max(1, len(view.members))
            for sp in self.pdef.speakers:
                person = st.people.get(sp.person)
                if sp.side != "opposition" or person is None or person.status not in V.ACTIVE:
                    continue
                rows.setdefault(person.name, []).append(RULE.shout_odds(pct, interrupt, person.reputation))
        out = [(name, min(v), max(v)) for name, v in rows.items()]
        return (min(hostiles), max(hostiles)), len(view.members), out

    def compact_tip(self, t) -> list[str]:
        """The card's tooltip: the most important lines only (the details panel has the rest)."""
        s = self.app.session
        tip = [t.name, t.summary.strip()]  # the card may show the summary cut short
        does = [x.rstrip(".") for x in hall_effects(t)] + effect_lines(s.scn, t.effects)
        if does:
            tip.append("Does: " + "; ".join(does) + ".")
        _, _, odds = self.shout_odds(t)
        if odds:
            tip.append(
                "Shout-down odds, whatever the other side plays: "
                + ", ".join(f"{n} {_span(lo, hi)}" for n, lo, hi in odds[:6])
                + "."
            )
        played = s.played(self.pdef)
        mine = played.by_tactic.get(t.id) if played is not None else None
        if mine is not None:
            tip.append(f"Played out with this tactic: {tactic_plays_words(mine)}.")
        lead = self.leads_to(t, played)
        if lead:
            tip.append(lead)
        tip.append(forecast_short(s.view(), self.pdef, played))
        if self.reveal and t.historical:
            tip.append("★ What history chose.")
        tip.append("D: details of every tactic, over the chart.")
        return tip

    def leads_to(self, t, played) -> str:
        """Where this tactic's played-out sessions end (your win, neither side's, your loss): the
        first vote alone does not say it (a failed critique is Kim's win only if a motion to
        discipline the critics follows and carries)."""
        return leads_to(self.app.session.scn, self.pending.side, played, t.id, self.pdef)

    def detail_lines(self, t) -> list[str]:
        s = self.app.session
        lines = [t.name, t.summary.strip(), *hall_effects(t)]
        fx = effect_lines(s.scn, t.effects)
        if fx:
            lines.append("Effects: " + "; ".join(fx) + ".")
        hostile, members, odds = self.shout_odds(t)
        if odds:
            lines.append(
                f"If the critics speak (your estimate: {_span(*hostile, '')} of {members} full members would "
                f"heckle at a lean of +{RULE.hostile_lean} or more, by the other side's tactic):"
            )
            lines += [f"  {n}: {_span(lo, hi)} to be shouted down" for n, lo, hi in odds]
            lines.append("Later speakers face a hall already moved by the first.")
        played = s.played(self.pdef)
        mine = played.by_tactic.get(t.id) if played is not None else None
        if mine is not None:
            lines.append(f"Played out with this tactic (against each of the other side's): {tactic_plays_words(mine)}.")
        lead = self.leads_to(t, played)
        if lead:
            lines.append(lead)
        lines += forecast_lines(s.view(), self.pdef, played, s.state.people)
        if self.reveal and t.historical:
            lines.append("★ What history chose.")
        return lines

    show_details = False
    detail_scroll = 0

    @property
    def hover_full(self):  # the details panel follows the pointer: redraw it whole
        return self.show_details

    def toggle_details(self):
        self.show_details = not self.show_details
        self.detail_scroll = 0
        self.rebuild()

    def detail_tactic(self):
        for w in (self.hover, self.focus):
            if isinstance(w, TacticCard):
                return w.t
        return self.tactics[0] if self.tactics else None

    def toggle(self):
        self.reveal = not self.reveal
        self.rebuild()

    def back(self):
        self.app.show("pause")

    def on_event(self, ev):
        if self.show_details and (
            ev.type == pygame.MOUSEWHEEL
            or (ev.type == pygame.KEYDOWN and ev.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN))
        ):
            d = -ev.y * 3 if ev.type == pygame.MOUSEWHEEL else (8 if ev.key == pygame.K_PAGEDOWN else -8)
            self.detail_scroll = max(0, self.detail_scroll + d)
            self.app.dirty = True
            return True
        if ev.type == pygame.KEYDOWN and pygame.K_1 <= ev.key <= pygame.K_9:
            i = ev.key - pygame.K_1
            if i < len(self.tactics):
                self.choose(self.tactics[i])
            return True
        return False

    def choose(self, t):
        s = self.app.session
        try:
            s.submit({"t": "tactic", "side": self.pending.side, "plenum": self.pid, "tactic": t.id})
        except Refused as exc:
            self.app.notify(str(exc), "error")
            return
        self.app.sound.play("gavel")
        self.app.pop(self)

    def draw_background(self, surf):
        s = self.app.session
        w, h = self.w, self.h
        surf.blit(common.paper((w, h)), (0, 0))
        common.header(surf, w, self.pdef.title, f"{common.date_text(s.state.plenums[self.pid].date)} · the hall fills")
        side = "Kim Il Sung" if self.pending.side == "kim" else "The opposition"
        T.draw(surf, f"{side.upper()}: HOW WILL YOU PLAY THE SESSION?", (20, 64), 24, C.RED, "head")
        T.draw_wrapped(
            surf, (self.pdef.agenda or "").strip(), pygame.Rect(20, 94, w - 40, 40), 14, C.INK_SOFT, max_lines=2
        )
        if not self.show_details:
            self.chart.draw(surf)
        T.draw(surf, "CHOOSE A TACTIC", (20, self.chart.rect.bottom + 18), 20, C.RED, "head")


def _span(lo: int, hi: int, unit: str = "%") -> str:
    return f"{lo}{unit}" if lo == hi else f"{lo}–{hi}{unit}"


def hall_effects(t) -> list[str]:
    """What a tactic does in the hall, in words."""
    out = []
    if t.mood:
        out.append(f"Moves the hall's mood {abs(t.mood)} toward {'Kim' if t.mood > 0 else 'the critics'}.")
    if t.interrupt:
        out.append(f"Chance of shouting a critic down {t.interrupt:+d} points.")
    return out


class TacticCard(W.Widget):
    def __init__(self, rect, screen, i, t, tip):
        super().__init__(rect, tooltip=tip, on_activate=lambda: screen.choose(t), name=f"tactic:{t.id}")
        self.screen, self.i, self.t = screen, i, t

    def tooltip_lines(self) -> list[str]:
        # With the details panel open, the panel says it all: no tip over it.
        return [] if self.screen.show_details else super().tooltip_lines()

    def draw(self, surf, hovered, focused):
        r = self.rect
        t = self.t
        pygame.draw.rect(surf, C.INK, r.move(4, 4))
        pygame.draw.rect(surf, (255, 248, 226) if hovered or focused else C.PAPER_LIGHT, r)
        pygame.draw.rect(surf, C.INK, r, 2)
        pygame.draw.rect(surf, C.RED, (r.x, r.y, r.width, 6))
        T.draw(surf, str(self.i + 1), (r.x + 12, r.y + 12), 40, C.RED, "head")
        T.draw_box(surf, t.name, pygame.Rect(r.x + 50, r.y + 16, r.width - 60, 60), 17, C.INK, "bold", min_size=13)
        extras = hall_effects(t)
        ex_h = 0
        if extras:
            ex_text = " ".join(extras)
            ex_h = min(54, len(T.wrap(ex_text, 13, r.width - 24, "bold")) * (T.line_height(13, "bold") + 2))
            T.draw_box(
                surf, ex_text, pygame.Rect(r.x + 12, r.bottom - 10 - ex_h, r.width - 24, ex_h), 13, C.RED, "bold"
            )
        T.draw_box(
            surf,
            t.summary,
            pygame.Rect(r.x + 12, r.y + 80, r.width - 24, r.height - 96 - ex_h),
            14,
            C.INK_SOFT,
            min_size=11,
            preview=True,
        )
        if self.screen.reveal and t.historical:
            W.stamp(surf, (r.right - 70, r.bottom - 26), "History", C.GOLD_DARK, 22, 6)
        if focused:
            W.focus_ring(surf, r)


class LazyDetails(dict):
    """tactic id -> its full explanation, worked out on first reading."""

    def __init__(self, screen):
        super().__init__()
        self.screen = screen

    def __missing__(self, tid):
        t = next((x for x in self.screen.tactics if x.id == tid), None)
        got = self.screen.detail_lines(t) if t is not None else []
        self[tid] = got
        return got

    def get(self, tid, default=None):
        return self[tid]


class DetailsPanel(W.Widget):
    """Everything one tactic does, in full, over the chart: the card under the pointer (or in
    focus). Scrolls with the wheel or PgUp/PgDn when it runs longer than the panel."""

    focusable = False

    def __init__(self, rect, screen):
        super().__init__(rect, name="details:panel")
        self.screen = screen

    def draw(self, surf, hovered, focused):
        sc = self.screen
        t = sc.detail_tactic()
        r = self.rect
        pygame.draw.rect(surf, C.PAPER_LIGHT, r)
        pygame.draw.rect(surf, C.INK, r, 1)
        if t is None:
            return
        lines = sc.details.get(t.id, [])
        # Two columns, so the whole explanation usually fits without scrolling.
        cols = 2 if r.width >= 760 else 1
        cw = (r.width - 24 - (cols - 1) * 24) // cols
        body: list[tuple[str, int, str]] = []
        for i, ln in enumerate(lines):
            style, size = ("bold", 16) if i == 0 else ("body", 14)
            body += [(sub, size, style) for sub in T.wrap(ln, size, cw, style)]
        lh = T.line_height(14) + 2
        per = max(1, (r.height - 28) // lh)
        fits = per * cols
        sc.detail_scroll = min(sc.detail_scroll, max(0, len(body) - fits))
        shown = body[sc.detail_scroll : sc.detail_scroll + fits]
        for k, (text, size, style) in enumerate(shown):
            c, row = divmod(k, per)
            x = r.x + 12 + c * (cw + 24)
            T.draw(surf, text, (x, r.y + 8 + row * lh), size, C.INK if style == "bold" else C.INK_SOFT, style)
        more = len(body) - sc.detail_scroll - len(shown)
        if more > 0 or sc.detail_scroll:
            T.draw(
                surf,
                f"{'▲ ' if sc.detail_scroll else ''}{'▼ ' + str(more) + ' more lines ' if more else ''}(wheel, PgUp/PgDn)",
                (r.right - 10, r.bottom - 4),
                12,
                C.INK_SOFT,
                "italic",
                "bottomright",
            )
