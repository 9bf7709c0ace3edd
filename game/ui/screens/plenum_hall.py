"""The plenum, played back from the engine's record of the session: the hall as a hemicycle of
the real number of seats, the speakers in order (and the ones shouted down), each motion voted
seat by seat with a running tally. Hover or focus a seat to see who sits there and why they
voted as they did (the vote rule's named terms).

The engine has already decided everything (``state.plenums[id].record``); this screen only
stages it. Cosmetic motion (the shiver of an uproar) uses its own random generator.
"""

from __future__ import annotations

import random
import zlib
from typing import Any

import pygame

from game.engine.vote_rule import RULE, TERM_LABELS, band_text, explanation_lines
from game.figures import vote_terms
from game.ui import motion_change as MC
from game.ui import text as T
from game.ui import theme as C
from game.ui import view as V
from game.ui import widgets as W
from game.ui.hemicycle import hemicycle
from game.ui.playback import Playback
from game.ui.screen import Screen
from game.ui.screens import common

VOTE_COL = {"F": C.VOTE_FOR, "A": C.VOTE_AGAINST, "N": C.VOTE_ABSTAIN}
# Cries from the benches while a critic speaks: heckles when the hall shouts him down, a few
# voices of support when he is heard out. Where they rise is cosmetic (a local random draw).
HECKLES = ("Factionalist!", "Sit down!", "Shame!", "Anti-Party talk!", "Enough!", "Who sent you?", "Slander!")
CHEERS = ("Hear, hear!", "Let him speak!", "Collective leadership!", "Well said!")
VOTE_WORD = {"F": "for", "A": "against", "N": "abstained"}


class PlenumHall(Screen):
    hover_full = True  # the hover changes a panel away from the pointer
    title = "The plenum"
    help_lines = [
        ("Space / Enter / →", "Next (or finish the current moment)"),
        ("A", "Auto-advance on/off"),
        ("S", "Skip to the end of the session"),
        ("Arrows / Tab", "Move from seat to seat"),
        ("Esc", "Skip to the end, then leave"),
    ]

    def __init__(self, app, plenum_id: str):
        super().__init__(app)
        s = app.session
        self.pid = plenum_id
        self.pdef = s.scn.get("plenum", plenum_id)
        self.record = s.state.plenums[plenum_id].record or {"stages": [], "labels": list(TERM_LABELS)}
        self.labels = self.record.get("labels") or list(TERM_LABELS)
        self.stages = self.record["stages"]
        self.hall = s.hall_snapshots.get(plenum_id) or s.hall_now()
        self.auto = True
        self.cos = random.Random(zlib.crc32(plenum_id.encode()))
        self.shake = 0.0
        self.mood = 0.0
        self.seat_of: dict[str, tuple[float, float]] = {}
        self._colour: dict[str, tuple] = {}
        self.seated_full: list[str] = []
        self.seated_cand: list[str] = []
        self._layout_members()
        self.play = Playback(self.stages, self.seated_full, app.settings.speed_factor())
        self.picked_motion: str | None = None  # the motion the seat panel explains (None: the last)
        s.seen_plenums.add(plenum_id)
        self.enter_beat()

    # ------------------------------------------------------------------ layout
    def _layout_members(self):
        s = self.app.session
        scn = s.scn
        first_vote = next((st for st in self.stages if st.get("kind") == "vote"), None)
        full_ids = list(first_vote["votes"]) if first_vote else [h.pid for h in self.hall if h.cc == "full"]
        known = {h.pid: h for h in self.hall}
        cand_ids = [h.pid for h in self.hall if h.cc == "candidate" and h.pid not in full_ids]

        def order(pid):
            p = s.state.people.get(pid)
            fid = known[pid].faction if pid in known else (p.faction if p else "")
            fd = scn.get("faction", fid)
            return (fd.vote_base if fd else 0, fid, p.generated if p else True, pid)

        self.seated_full = sorted(full_ids, key=order)
        self.seated_cand = sorted(cand_ids, key=order)
        com = scn.scenario.committee
        self.n_full = max(len(self.seated_full), com.full_seats if len(self.seated_full) <= com.full_seats else 0)
        self.n_cand = max(
            len(self.seated_cand), com.candidate_seats if len(self.seated_cand) <= com.candidate_seats else 0
        )

    def geometry(self):
        w, h = self.w, self.h
        cx, cy = w * 0.39, h - 150
        r2 = min(w * 0.36, h - 230)
        return (cx, cy), r2 * 0.44, r2 * 0.78, r2

    def toast_area(self):
        """Passing messages sit on the hall floor right of the rostrum: not over the legend
        (bottom left), the seats, or the panel and buttons on the right."""
        x0 = (self.w - 304) // 2 + 110
        return pygame.Rect(x0, self.h - 150, max(240, self.w - 316 - x0), 140)

    def build(self):
        centre, _r0, _r1, r2 = self.geometry()
        inner, outer, rf, rc, _ = hemicycle(self.n_full, self.n_cand, centre, r2)
        # Empty seats (members absent: fled, arrested, abroad) sit at the ends of the rows.
        pad_f = self.n_full - len(self.seated_full)
        pad_c = self.n_cand - len(self.seated_cand)
        full_slots = [None] * (pad_f // 2) + self.seated_full + [None] * (pad_f - pad_f // 2)
        cand_slots = [None] * (pad_c // 2) + self.seated_cand + [None] * (pad_c - pad_c // 2)
        self.slots = list(zip(inner, full_slots, ["full"] * len(inner))) + list(
            zip(outer, cand_slots, ["candidate"] * len(outer))
        )
        self.seat_r_full = max(4, int(rf))
        self.seat_r_cand = max(3, int(rc))
        self.seat_of = {}
        for (x, y), pid, kind in self.slots:
            if pid is None:
                continue
            self.seat_of[pid] = (x, y)
            r = self.seat_r_full if kind == "full" else self.seat_r_cand
            self.add(Seat((int(x) - r, int(y) - r, 2 * r, 2 * r), self, pid, kind))
        w, h = self.w, self.h
        self.add(W.Hotspot((20, h - 96, 380, 88), self.legend_tip, name="legend", focusable=False))
        self.add(W.Hotspot((w - 304, 52, 292, 64), self.mood_tip, name="mood", focusable=False))
        for i, key in enumerate(("F", "A", "N")):
            self.add(
                W.Hotspot(
                    (w - 304, 204 + i * 44, 292, 40),
                    lambda key=key: self.tally_tip(key),
                    name=f"tally:{key}",
                    focusable=False,
                )
            )
        self.add(
            W.Button(
                (w - 300, h - 58, 136, 42), "Next", self.next, style="primary", size=20, key_hint="Space", name="next"
            )
        )
        self.add(
            W.Button(
                (w - 156, h - 58, 140, 42),
                "Skip to end",
                self.skip,
                size=16,
                key_hint="S",
                hotkey=pygame.K_s,
                name="skip",
            )
        )
        self.add(
            W.Button(
                (w - 300, h - 104, 284, 36),
                f"Auto-advance: {'on' if self.auto else 'off'}",
                self.toggle_auto,
                style="dark",
                size=14,
                key_hint="A",
                hotkey=pygame.K_a,
                name="auto",
            )
        )
        shown = self.play.shown_votes()
        if len(shown) > 1:
            explained = self.explained_vote()
            cw = min(90, (284 - 4 * (len(shown) - 1)) // len(shown))
            for i, v in enumerate(shown):
                self.add(
                    W.Button(
                        (w - 300 + i * (cw + 4), 124, cw, 24),
                        f"Motion {i + 1}",
                        lambda m=v["motion"]: self.pick_motion(m),
                        style="dark",
                        size=12,
                        selected=v is explained,
                        name=f"motion:{v['motion']}",
                        tooltip=[
                            f"Motion {i + 1}: {v['title']}",
                            "Point at seats to see how they voted on it.",
                            *self.motion_lines(v),
                        ],
                    )
                )
        if self.finished:
            for b in self.widgets:
                if b.name == "next":
                    b.label = "Leave"
            # Each motion of the record explains why its count differs from the one before.
            for v, top, height in self.record_rows(w - 300, 156 + 28):
                self.add(
                    W.Hotspot(
                        (w - 304, top - 2, 292, height),
                        lambda v=v: [f"{v['title']}", *self.motion_lines(v)],
                        name=f"record:{v['motion']}",
                    )
                )
        if self.focus is None:
            self.focus = next((b for b in self.widgets if b.name == "next"), None)

    # ------------------------------------------------------------------ the timeline (playback.py)
    @property
    def beat(self) -> int:
        return self.play.beat

    @beat.setter
    def beat(self, v: int) -> None:
        self.play.beat = v

    @property
    def t(self) -> float:
        return self.play.t

    @t.setter
    def t(self, v: float) -> None:
        self.play.t = v

    @property
    def finished(self) -> bool:
        return self.play.finished

    @finished.setter
    def finished(self, v: bool) -> None:
        self.play.finished = v

    def stage(self):
        return self.play.stage()

    def duration(self, st) -> float:
        return self.play.duration(st)

    def enter_beat(self):
        self.t = 0.0
        st = self.stage()
        snd = self.app.sound
        self.rebuild()  # the motion chips follow the votes shown
        if st is None:
            self.finished = True
            snd.play("gavel")
            self.rebuild()
            return
        k = st.get("kind")
        if k == "agenda":
            snd.play("gavel")
        elif k == "tactic":
            snd.play("murmur")
        elif k == "speech":
            snd.play("uproar" if st.get("outcome") == "shouted_down" else "murmur")
            if st.get("outcome") == "shouted_down":
                self.shake = 1.0
        elif k == "vote":
            snd.play("murmur")

    def progress(self) -> float:
        return self.play.progress()

    def next(self):
        if self.finished:
            self.leave()
            return
        if self.progress() < 1.0:
            self.t = self.duration(self.stage())
            self.on_beat_end()
            return
        self.advance()

    def on_beat_end(self):
        st = self.stage()
        if st and st.get("kind") == "vote" and not st.get("_stamped"):
            self.app.sound.play("gavel")

    def advance(self):
        st = self.stage()
        if st and st.get("kind") == "speech":
            self.mood = st.get("mood", self.mood)
        self.beat += 1
        self.enter_beat()

    def skip(self):
        while not self.finished:
            st = self.stage()
            if st and st.get("kind") == "speech":
                self.mood = st.get("mood", self.mood)
            self.beat += 1
            if self.beat >= len(self.stages):
                self.finished = True
        self.beat = len(self.stages)
        self.app.sound.play("gavel")
        self.rebuild()

    def jump(self, beat: int, progress: float) -> None:
        """Stage a given moment (for screenshots and tests)."""
        self.play.jump(beat, progress)

    def toggle_auto(self):
        self.auto = not self.auto
        self.rebuild()

    def leave(self):
        self.app.pop(self)

    def back(self):
        if not self.finished:
            self.skip()
        else:
            self.leave()

    def on_event(self, ev):
        if ev.type == pygame.KEYDOWN and ev.key in (
            pygame.K_SPACE,
            pygame.K_RETURN,
            pygame.K_KP_ENTER,
            pygame.K_PERIOD,
        ):
            if isinstance(self.focus, Seat) or self.focus is None or self.focus.name == "next":
                self.next()
                return True
        return False

    def update(self, dt):
        if self.finished:
            if self.shake > 0:
                self.shake = max(0.0, self.shake - dt * 1.2)
                return True
            return False
        st = self.stage()
        before = self.progress()
        self.t += dt
        if self.shake > 0:
            self.shake = max(0.0, self.shake - dt * 1.2)
        if before < 1.0 <= self.progress():
            self.on_beat_end()
        if self.auto and self.t >= self.duration(st) + 0.9 / self.app.settings.speed_factor():
            self.advance()
        # Draw only when the picture changes: a seat counted, a letter typed, a stamp, a shiver.
        key = self.visual_key()
        if key != self._last_key:
            self._last_key = key
            return True
        return False

    _last_key = None

    def visual_key(self):
        st = self.stage()
        p = self.progress()
        if st is None:
            return ("closed", self.shake > 0 and int(self.t * 30))
        k = st.get("kind")
        if k == "vote":
            return (self.beat, len(self.counted(st)), p >= 1.0)
        if k in ("agenda", "speech"):
            return (self.beat, int(min(1.0, p * 2) * 60), p > 0.45, int(self.t * 30) if self.shake > 0 else 0)
        return (self.beat, int(p * 10))

    # ------------------------------------------------------------------ what each seat shows
    def current_vote(self):
        return self.play.current_vote()

    def last_vote(self):
        return self.play.last_vote()

    def explained_vote(self):
        """The vote the seat panel explains: the motion the player picked, else the last shown."""
        shown = self.play.shown_votes()
        picked = next((v for v in shown if v["motion"] == self.picked_motion), None)
        return picked or (shown[-1] if shown else None)

    def counted(self, vote) -> set:
        return self.play.counted(vote)

    def tally(self, vote):
        return self.play.tally(vote)

    def mood_tip(self):
        return [
            "Mood of the hall",
            "Built by the tactics of the day and by each speech: a critic heard out pulls the hall his way; "
            "one shouted down pushes it toward Kim. Every member's vote carries the mood as one term of "
            "his lean (positive: toward Kim).",
            explanation_lines()[-1],
        ]

    def tally_tip(self, key):
        vote = self.last_vote()
        if self.finished or not vote:
            return []
        word = {"F": "for", "A": "against", "N": "abstaining"}[key]
        return [
            f"Votes {word}",
            f"Counted seat by seat. {band_text()} The motion needs {vote['needed']} votes for it: more "
            f"than half of the {len(vote['votes'])} full members present; abstentions count against it.",
            "Each member's lean is the sum of:",
            *(f"  {line}" for line in explanation_lines(self.app.session.viewer)[: len(TERM_LABELS)]),
        ]

    def seat_tip(self, pid):
        """Who sits here and, for the motion explained (picked, or the last shown), how they
        voted and why: every term, adding up to the lean, on the vote's side of the band."""
        s = self.app.session
        st = s.state
        p = st.people.get(pid)
        h = next((x for x in self.hall if x.pid == pid), None)
        name = V.person_name(self.app, s.scn, st, pid) if p else (h.name if h else pid)
        fid = h.faction if h else (p.faction if p else "")
        lines = [f"{name} — {V.faction_name(s.scn, fid)}"]
        if p and p.generated:
            lines.append("(a generated cadre: the record does not name him)")
        vote = self.explained_vote()
        got = vote_terms(vote, pid, self.labels, s.viewer) if vote else None
        if vote and got is not None and pid in self.counted(vote):
            v = vote["votes"][pid]
            terms, total = got
            lines.append(f"Voted {VOTE_WORD[v].upper()} on “{vote['title']}”.")
            lines.append(f"Lean {total:+d} toward Kim. {band_text()} Made of:")
            for label, val in terms:
                lines.append(f"   {label} {val:+d}")
        elif pid in self.seated_cand:
            lines.append("Candidate member: no vote, but part of the hall that cheers or shouts down.")
        elif vote and pid not in vote["votes"]:
            lines.append("No longer in the hall for this vote (removed by an earlier motion, or absent).")
        else:
            lines.append("Not yet counted.")
        return lines

    def pick_motion(self, motion_id: str) -> None:
        self.picked_motion = motion_id
        self.rebuild()

    # ------------------------------------------------------------------ drawing
    def draw_background(self, surf):
        w, h = self.w, self.h
        key = ("hall", (w, h))
        bg = common._backdrops.get(key)
        if bg is None:
            bg = pygame.Surface((w, h))
            for y in range(h):
                t = y / h
                pygame.draw.line(bg, C.mix(C.HALL, (20, 8, 8), t), (0, y), (w, y))
            centre, _r0, _r1, r2 = self.geometry()
            cx, cy = centre
            # banners and the portrait wall
            for i in range(5):
                x = int(w * 0.06 + i * w * 0.155)
                pygame.draw.rect(bg, C.RED_DARK, (x, 58, 34, 150))
                pygame.draw.polygon(bg, C.RED_DARK, [(x, 208), (x + 17, 190), (x + 34, 208)])
                W.star(bg, (x + 17, 84), 9, C.GOLD_DARK)
            pygame.draw.circle(bg, (60, 26, 24), (int(cx), int(cy)), int(r2 + 24))
            pygame.draw.rect(bg, (20, 8, 8), (0, int(cy) + 2, w, h))
            pygame.draw.rect(bg, C.RED_DARK, (int(cx) - 90, int(cy) + 10, 180, 60))
            pygame.draw.rect(bg, C.GOLD_DARK, (int(cx) - 90, int(cy) + 10, 180, 60), 2)
            W.star(bg, (int(cx), int(cy) + 40), 18, C.GOLD)
            common._backdrops[key] = bg
        ox = int(self.cos.uniform(-4, 4) * self.shake) if self.shake else 0
        surf.blit(bg, (ox, 0))
        # header
        pygame.draw.rect(surf, C.RED, (0, 0, w, 50))
        pygame.draw.line(surf, C.GOLD, (0, 50), (w, 50), 2)
        W.star(surf, (26, 25), 14)
        T.draw(surf, self.pdef.title.upper() if self.pdef else "PLENUM", (48, 26), 32, C.PAPER_LIGHT, "head", "midleft")
        T.draw(surf, common.date_text(self.record.get("date", "")), (w - 16, 26), 18, C.GOLD_LIGHT, "head", "midright")
        self.draw_stage(surf)
        self.draw_tally(surf)

    def seat_colour(self, pid, kind):
        s = self.app.session
        base = self._colour.get(pid)
        if base is None:
            h = next((x for x in self.hall if x.pid == pid), None)
            fid = h.faction if h else (s.state.people[pid].faction if pid in s.state.people else "")
            base = self._colour[pid] = C.faction_colour(s.scn, fid)
        vote, counted = self._frame
        if kind == "full" and vote and pid in vote["votes"] and pid in counted:
            return VOTE_COL[vote["votes"][pid]], base
        if kind == "full" and vote and pid not in vote["votes"]:
            return C.mix(base, C.HALL, 0.7), None  # gone from the hall before this vote
        if kind == "candidate":
            return C.mix(base, C.HALL, 0.35), None
        return base, None

    _frame: tuple[Any, set[str]] = (None, set())

    def draw(self, surf):
        # What every seat needs to know this frame, worked out once rather than per seat.
        vote = self.last_vote()
        self._frame = (vote, self.counted(vote) if vote else set())
        self.draw_background(surf)
        # empty seats
        for (x, y), pid, kind in self.slots:
            if pid is None:
                r = self.seat_r_full if kind == "full" else self.seat_r_cand
                pygame.draw.circle(surf, C.EMPTY_SEAT, (int(x), int(y)), r, 1)
        for w in self.widgets:
            if w.visible:
                w.draw(surf, w is self.hover, w is self.focus)
        self.draw_cries(surf)

    def bloc_of(self, pid) -> str:
        s = self.app.session
        h = next((x for x in self.hall if x.pid == pid), None)
        fid = h.faction if h else (s.state.people[pid].faction if pid in s.state.people else "")
        fd = s.scn.get("faction", fid)
        return fd.bloc if fd else ""

    def draw_cries(self, surf):
        st = self.stage()
        if not st or st.get("kind") != "speech" or st.get("side") != "opposition":
            return
        p = self.progress()
        if p < 0.18:
            return
        shouted = st.get("outcome") == "shouted_down"
        rnd = random.Random(f"{self.pid}:{self.beat}")
        pool = sorted(pid for pid in self.seat_of if self.bloc_of(pid) == ("kim" if shouted else "opposition"))
        n = 7 if shouted else 3
        rnd.shuffle(pool)
        placed: list = []
        for pid in pool:  # bubbles that do not cover each other
            if len(placed) >= n:
                break
            x, y = self.seat_of[pid]
            text = rnd.choice(HECKLES if shouted else CHEERS)
            img = T.render(text, 12, C.RED_DARK if shouted else C.INK, "bold")
            r = img.get_rect(midbottom=(int(x), int(y) - 14))
            if any(r.inflate(16, 10).colliderect(q[1]) for q in placed):
                continue
            placed.append((pid, r, img, x, y))
        shown = int(len(placed) * min(1.0, (p - 0.18) / 0.4)) + 1
        for _pid, r, img, x, y in placed[:shown]:
            box = r.inflate(10, 6)
            pygame.draw.polygon(
                surf, C.INK, [(box.centerx - 4, box.bottom), (box.centerx + 4, box.bottom), (int(x), int(y) - 6)]
            )
            pygame.draw.rect(surf, (250, 244, 226), box, border_radius=4)
            pygame.draw.rect(surf, C.INK, box, 1, border_radius=4)
            surf.blit(img, r)

    def draw_stage(self, surf):
        s = self.app.session
        w, h = self.w, self.h
        centre, r0, _r1, _r2 = self.geometry()
        cx, cy = centre
        box = pygame.Rect(int(cx - 300), int(cy + 78), 600, h - int(cy + 78) - 8)
        st = self.stage()
        p = self.progress()
        k = st.get("kind") if st else None
        if st is None:
            W.stamp(surf, (int(cx), int(cy - r0 * 0.45)), "Session closed", C.GOLD, 36, -4)
            T.draw(
                surf,
                "The record of the session is on the right.",
                (int(cx), int(cy - r0 * 0.12)),
                14,
                C.GOLD_LIGHT,
                "italic",
                "midtop",
            )
        if k == "agenda":
            text = (st.get("text") or "").strip()
            T.draw(surf, "THE AGENDA", (int(cx), int(cy - r0 * 0.8)), 26, C.GOLD, "head", "midtop")
            shown = text[: int(len(text) * min(1.0, p * 1.3))]
            T.draw_wrapped(
                surf,
                shown,
                pygame.Rect(int(cx - r0 * 0.8), int(cy - r0 * 0.8) + 36, int(r0 * 1.6), 120),
                15,
                C.PAPER_LIGHT,
                max_lines=5,
                align="center",
            )
        elif k == "tactic":
            side = st.get("side")
            who = "Kim Il Sung" if side == "kim" else "The opposition"
            T.draw(surf, f"{who.upper()} RESOLVES", (int(cx), int(cy - r0 * 0.75)), 22, C.GOLD_LIGHT, "head", "midtop")
            T.draw_wrapped(
                surf,
                st.get("name", ""),
                pygame.Rect(int(cx - r0 * 0.78), int(cy - r0 * 0.75) + 34, int(r0 * 1.56), 90),
                17,
                C.PAPER_LIGHT,
                "bold",
                max_lines=3,
                align="center",
            )
        elif k == "speech":
            pid = st.get("person")
            person = s.state.people.get(pid)
            name = V.person_name(self.app, s.scn, s.state, pid) if person else pid
            side = st.get("side")
            col = C.faction_colour(s.scn, person.faction) if person else C.GOLD
            W.monogram(surf, (int(cx), int(cy + 40)), 26, person.name if person else pid, col)
            T.draw(surf, "AT THE ROSTRUM", (int(cx), int(cy - r0 * 0.86)), 15, C.GOLD, "head", "midtop")
            T.draw(
                surf,
                T.fit(name, 26, int(r0 * 1.3), "head"),
                (int(cx), int(cy - r0 * 0.86) + 18),
                26,
                C.PAPER_LIGHT,
                "head",
                "midtop",
            )
            topic = f"“{st.get('topic', '')}”"
            shown = topic[: max(1, int(len(topic) * min(1.0, p * 2)))]
            T.draw_wrapped(
                surf,
                shown,
                pygame.Rect(int(cx - r0 * 0.75), int(cy - r0 * 0.86) + 52, int(r0 * 1.5), 60),
                15,
                C.GOLD_LIGHT,
                "italic",
                max_lines=2,
                align="center",
            )
            if side == "opposition":
                T.draw(
                    surf,
                    f"Hall hostile: {st.get('hostile', 0)}%  ·  chance to be shouted down: {st.get('odds', 0)}%",
                    (box.centerx, box.y + 4),
                    15,
                    C.PAPER_LIGHT,
                    "body",
                    "midtop",
                )
                if p > 0.45:
                    if st.get("outcome") == "shouted_down":
                        W.stamp(surf, (int(cx), int(cy - r0 * 0.2)), "Shouted down", C.RED_BRIGHT, 36, -7)
                        T.draw(
                            surf,
                            f"roll {st.get('roll')} ≤ {st.get('odds')}: the loyal benches drown him out",
                            (box.centerx, box.y + 26),
                            14,
                            C.GOLD_LIGHT,
                            "body",
                            "midtop",
                        )
                    else:
                        W.stamp(surf, (int(cx), int(cy - r0 * 0.2)), "Heard out", C.GOLD, 32, 5)
                        T.draw(
                            surf,
                            f"roll {st.get('roll')} > {st.get('odds')}: the hall lets him finish",
                            (box.centerx, box.y + 26),
                            14,
                            C.GOLD_LIGHT,
                            "body",
                            "midtop",
                        )
            else:
                T.draw(surf, "For the leadership", (box.centerx, box.y + 4), 15, C.PAPER_LIGHT, "body", "midtop")
        elif k == "vote":
            mover = "moved by Kim's side" if st.get("proposer") == "kim" else "moved by the critics"
            T.draw(surf, "THE VOTE", (int(cx), int(cy - r0 * 0.86)), 20, C.GOLD, "head", "midtop")
            title_rect = pygame.Rect(int(cx - r0 * 0.72), int(cy - r0 * 0.86) + 26, int(r0 * 1.44), 70)
            n_lines = min(3, len(T.wrap(st.get("title", ""), 16, title_rect.width, "bold")))
            T.draw(
                surf,
                mover,
                (int(cx), title_rect.y + n_lines * (T.line_height(16, "bold") + 2) + 2),
                13,
                C.GOLD_LIGHT,
                "italic",
                "midtop",
            )
            T.draw_wrapped(
                surf, st.get("title", ""), title_rect, 16, C.PAPER_LIGHT, "bold", max_lines=3, align="center"
            )
            if p >= 1.0:
                W.stamp(
                    surf,
                    (int(cx), int(cy - r0 * 0.12)),
                    "Carried" if st.get("passed") else "Defeated",
                    C.GOLD if st.get("passed") else C.RED_BRIGHT,
                    44,
                    -6,
                )
        # mood meter
        mr = pygame.Rect(w - 300, 70, 284, 14)
        T.draw(surf, "MOOD OF THE HALL", (mr.x, mr.y - 2), 14, C.GOLD_LIGHT, "head", "bottomleft")
        # The mood after the last speech already heard (this one counts once it has been half heard).
        mood = self.play.mood_heard()
        W.bar(
            surf,
            mr,
            mood,
            C.SIDE_COLOUR["kim"] if mood >= 0 else C.SIDE_COLOUR["opposition"],
            lo=-30,
            hi=30,
            back=C.HALL_LIGHT,
            marker=0,
            centred=True,
        )
        T.draw(
            surf,
            f"critics ◀  {round(mood):+d}  ▶ Kim",
            (mr.centerx, mr.bottom + 3),
            12,
            C.PAPER_LIGHT,
            "body",
            "midtop",
        )
        # progress through the session
        n = max(1, len(self.stages))
        for i in range(n):
            x = w - 300 + int(i * 284 / n)
            col = C.GOLD if i < self.beat else (C.PAPER_LIGHT if i == self.beat else C.HALL_LIGHT)
            pygame.draw.rect(surf, col, (x, 112, max(3, 284 // n - 3), 5))

    def motion_lines(self, vote) -> list[str]:
        """Why this motion's count differs from the motion before (or, for the first, from the
        hall before the session): causes with figures that add up (game/ui/motion_change.py)."""
        s = self.app.session
        votes = [x for x in self.stages if x.get("kind") == "vote"]
        if vote not in votes:
            return []
        i = votes.index(vote)
        prev = votes[i - 1] if i else None
        return MC.lines(
            prev,
            vote,
            s.viewer,
            self.stages,
            self.pdef,
            lambda pid: V.person_name(self.app, s.scn, s.state, pid, hangul=False),
            i,
        )

    def record_rows(self, x, y) -> list[tuple[dict, int, int]]:
        """(vote, top, height) of each motion in the record column, as draw_record lays them out."""
        out = []
        compact = self.h >= 700
        for v in (x_ for x_ in self.stages if x_.get("kind") == "vote"):
            top = y
            y += 32 + (16 if compact else 0)
            y += len(T.wrap(v["title"], 13, 284)[:3]) * (T.line_height(13) + 2) + 12
            out.append((v, top, y - top))
        return out

    def draw_record(self, surf, x, y):
        T.draw(surf, "THE RECORD", (x, y), 18, C.GOLD, "head")
        y += 28
        votes = [x_ for x_ in self.stages if x_.get("kind") == "vote"]
        compact = self.h >= 700
        for k, v in enumerate(votes):
            t = v["tally"]
            W.stamp(
                surf,
                (x + 44, y + 14),
                "Carried" if v["passed"] else "Defeated",
                C.GOLD if v["passed"] else C.RED_BRIGHT,
                16,
                0,
            )
            T.draw(
                surf,
                f"{t['for']} for · {t['against']} against · {t['abstain']} abst.",
                (x + 96, y + 6),
                13,
                C.PAPER_LIGHT,
                "bold",
            )
            y += 32
            if compact:
                ch = MC.between(votes[k - 1] if k else None, v, self.app.session.viewer)
                T.draw_line(surf, MC.short(ch), (x, y - 6), 13, 284, C.GOLD_LIGHT, min_size=10)
                y += 16
            y += T.draw_wrapped(surf, v["title"], pygame.Rect(x, y, 284, 60), 13, C.PAPER_LIGHT, max_lines=3) + 12
        T.draw_wrapped(
            surf,
            "Point at a motion for why its count moved; at a seat for how its holder voted, and why.",
            pygame.Rect(x, y + 4, 284, 40),
            12,
            C.GOLD_LIGHT,
        )
        return y + 44

    def draw_tally(self, surf):
        w, _h = self.w, self.h
        vote = self.last_vote()
        x, y = w - 300, 156
        if self.finished:
            y2 = self.draw_record(surf, x, y)
            self.draw_legend(surf, 20, self.h - 96)
            seat = (
                self.hover if isinstance(self.hover, Seat) else (self.focus if isinstance(self.focus, Seat) else None)
            )
            if seat is not None:
                self.draw_seat_panel(surf, x, max(y2 - 10, self.h - 330))
            return
        T.draw(surf, "RUNNING TALLY", (x, y), 18, C.GOLD, "head")
        if not vote:
            T.draw_wrapped(
                surf,
                "No vote yet. Full members (inner benches) vote; candidate members (outer benches) "
                "only cheer or heckle.",
                pygame.Rect(x, y + 28, 284, 80),
                13,
                C.PAPER_LIGHT,
            )
            self.draw_legend(surf, 20, self.h - 96)
            self.draw_seat_panel(surf, x, y + 100)
            return
        T.draw_wrapped(surf, vote["title"], pygame.Rect(x, y + 26, 284, 40), 13, C.PAPER_LIGHT, "bold", max_lines=2)
        t = self.tally(vote)
        total = max(1, len(vote["votes"]))
        yy = y + 70
        for key, label in (("F", "For"), ("A", "Against"), ("N", "Abstain")):
            T.draw(surf, label, (x, yy), 15, C.PAPER_LIGHT, "bold")
            T.draw(
                surf,
                str(t[key]),
                (x + 284, yy - 2),
                22,
                C.GOLD_LIGHT if key == "F" else C.PAPER_LIGHT,
                "head",
                "topright",
            )
            W.bar(
                surf,
                (x, yy + 20, 284, 14),
                t[key],
                VOTE_COL[key] if key != "A" else (60, 50, 46),
                hi=total,
                back=C.HALL_LIGHT,
                marker=vote["needed"] if key == "F" else None,
            )
            yy += 44
        T.draw(surf, f"Needed to carry: {vote['needed']} of {total} present", (x, yy), 13, C.PAPER_LIGHT)
        votes = [st for st in self.stages if st.get("kind") == "vote"]
        if vote in votes and votes.index(vote) > 0 and self.counted(vote) >= set(vote["votes"]):
            # Once counted: how it differs from the motion before (pointing at the record says why).
            k = votes.index(vote)
            ch = MC.between(votes[k - 1], vote, self.app.session.viewer)
            T.draw_line(surf, f"Beside motion {k}: " + MC.short(ch), (x, yy + 18), 12, 284, C.GOLD_LIGHT, min_size=10)
            yy += 18
        self.draw_legend(surf, 20, self.h - 96)
        self.draw_seat_panel(surf, x, yy + 14)

    def draw_legend(self, surf, x, y):
        s = self.app.session
        for i, fid in enumerate(V.faction_ids(s.scn, s.state)):
            fd = s.scn.get("faction", fid)
            yy = y + (i // 2) * 20
            xx = x + (i % 2) * 142
            pygame.draw.circle(surf, C.faction_colour(s.scn, fid), (xx + 6, yy + 8), 6)
            T.draw(surf, fd.short or fd.name, (xx + 16, yy), 13, C.PAPER_LIGHT)
        y += 44
        for i, (k, label) in enumerate((("F", "for"), ("A", "against"), ("N", "abstains"))):
            xx = x + i * 95
            pygame.draw.circle(surf, VOTE_COL[k], (xx + 6, y + 8), 6)
            pygame.draw.circle(surf, C.GOLD_DARK, (xx + 6, y + 8), 6, 1)
            T.draw(surf, label, (xx + 16, y), 13, C.PAPER_LIGHT)
        # The seats that are not votes: the outer row's candidates and the empty rings.
        y += 20
        pygame.draw.circle(surf, C.mix(C.PAPER_LIGHT, C.HALL, 0.35), (x + 6, y + 8), 4)
        T.draw(surf, "outer row: candidates, no vote", (x + 16, y), 13, C.PAPER_LIGHT)
        xx = x + 237
        pygame.draw.circle(surf, C.EMPTY_SEAT, (xx + 6, y + 8), 6, 1)
        empty = self.n_full - len(self.seated_full) + self.n_cand - len(self.seated_cand)
        T.draw(surf, f"empty seat ({empty})", (xx + 16, y), 13, C.PAPER_LIGHT)

    def legend_tip(self) -> list[str]:
        """What the empty seats are, and whose they would be."""
        s = self.app.session
        empty = self.n_full - len(self.seated_full)
        empty_c = self.n_cand - len(self.seated_cand)
        com = s.scn.scenario.committee
        seated = set(self.seated_full)
        away = sorted(
            p.name for pid, p in s.state.people.items() if p.cc == "full" and not p.generated and pid not in seated
        )
        lines = [
            "The seats",
            "Inner rows: the full members, who vote; outer row: the candidate members, who have no vote "
            "but cheer or shout down the speakers.",
            f"Empty rings: {empty} of the committee's {com.full_seats} full seats and {empty_c} of its "
            f"{com.candidate_seats} candidates' seats have no member in the hall (fled, arrested, dead, abroad, "
            "or never filled). A motion needs a majority of the full members present, "
            f"at the first motion {RULE.majority(len(self.seated_full))} of the {len(self.seated_full)} present.",
        ]
        if away:
            lines.append(
                "Named full members not in the hall: " + ", ".join(away[:10]) + ("…" if len(away) > 10 else "")
            )
        return lines

    def draw_seat_panel(self, surf, x, y):
        seat = self.hover if isinstance(self.hover, Seat) else (self.focus if isinstance(self.focus, Seat) else None)
        if seat is None:
            T.draw_wrapped(
                surf,
                "Point at a seat (or Tab to it) to see who sits there and why they vote as they do.",
                pygame.Rect(x, y + 14, 284, 40),
                13,
                C.GOLD_LIGHT,
            )
            return
        # A pointed-at seat gets the whole column, over the tally: every term shows.
        box = pygame.Rect(x - 6, 152, 296, self.h - 112 - 152 - 4)
        pygame.draw.rect(surf, (250, 244, 226), box)
        pygame.draw.rect(surf, C.GOLD, box, 2)
        yy = box.y + 6
        for i, ln in enumerate(self.seat_tip(seat.pid)):
            size = 14 if i == 0 else 12
            st = "bold" if i == 0 else "body"
            for sub in T.wrap(ln.strip(), size, box.width - 16, st):
                if yy > box.bottom - 16:
                    T.note_cut("seat panel full", ln)
                    return
                col = C.INK if i == 0 else C.INK_SOFT
                if ln.startswith("   "):
                    val = ln.strip().rsplit(" ", 1)
                    T.draw(surf, val[0], (box.x + 14, yy), size, C.INK_SOFT, st)
                    if len(val) == 2:
                        n = val[1]
                        T.draw(
                            surf,
                            n,
                            (box.right - 10, yy),
                            size,
                            C.SIDE_COLOUR["kim"] if n.startswith("+") else C.SIDE_COLOUR["opposition"],
                            "bold",
                            "topright",
                        )
                else:
                    T.draw(surf, sub, (box.x + 8, yy), size, col, st)
                yy += T.line_height(size) + 1


class Seat(W.Widget):
    def __init__(self, rect, hall, pid, kind):
        # No floating tooltip: the seat's story shows in the side panel, clear of the benches.
        super().__init__(rect, tooltip=None, name=f"seat:{pid}")
        self.hall, self.pid, self.kind = hall, pid, kind

    def activate(self):
        self.hall.next()

    def draw(self, surf, hovered, focused):
        col, ring = self.hall.seat_colour(self.pid, self.kind)
        c = self.rect.center
        if self.hall.shake and self.kind == "full":
            c = (
                c[0] + int(self.hall.cos.uniform(-2, 2) * self.hall.shake),
                c[1] + int(self.hall.cos.uniform(-2, 2) * self.hall.shake),
            )
        r = self.rect.width // 2
        if col == C.VOTE_AGAINST:
            pygame.draw.circle(surf, C.PAPER_LIGHT, c, r)
            pygame.draw.circle(surf, col, c, r - 2)
        else:
            pygame.draw.circle(surf, col, c, r)
        if ring:
            pygame.draw.circle(surf, ring, c, max(2, r // 2 - 1))
        elif self.kind == "full":
            pygame.draw.circle(surf, (20, 8, 8), c, r, 1)
        if hovered or focused:
            pygame.draw.circle(surf, C.GOLD_LIGHT, c, r + 4, 2)
