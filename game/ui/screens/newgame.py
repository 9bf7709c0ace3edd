"""New game: scenario, start point, side, difficulty and seed."""

from __future__ import annotations

import random

import pygame

from game.ai.weights import LEVELS, Level, for_scenario, level_for
from game.engine.game import Game
from game.ui import scenarios as SC
from game.ui import text as T
from game.ui import theme as C
from game.ui import widgets as W
from game.ui.screen import Screen
from game.ui.screens import common
from game.ui.session import Players, Session

SIDE_CHOICES = [
    ("kim", "Kim Il Sung (vs computer)"),
    ("opposition", "The opposition (vs computer)"),
    ("hotseat", "Hot-seat: two players"),
]
# The levels' in-world names and what each does differently come from the AI's own table, so
# the screen cannot describe a level the AI does not play.
DIFFS = [(k, lv.name) for k, lv in LEVELS.items()]


def level_words(key: str, lv: Level, side: str = "kim", suspected_found: float = 0.5) -> str:
    """One level in plain words, from its foresight settings (no level sees more than its side may)."""
    parts = [
        f"weighs {lv.width} targets for each action",
        f"{lv.samples} {'picture' if lv.samples == 1 else 'pictures'} of what it cannot see",
    ]
    if lv.horizon:
        parts.append("looks ahead to the plenum")
    if lv.hints:
        parts.append("reads its informers' hints")
    if lv.strike:
        parts.append("chooses when to strike")
    if lv.opens:
        parts.append("sees what a step opens later")
    if lv.delay and side == "kim":  # only Kim can put a plenum off
        parts.append("puts off a plenum it would lose")
    if lv.end_endings:
        parts.append("weighs where the year ends")
    if side == "opposition" and suspected_found >= 1:
        parts.append("takes a suspected discovery of the plot for a fact")
    share = round(lv.sessions * 100)
    plays = "every plenum" if share >= 100 else f"{share}% of plenums"
    parts.append(f"rehearses {plays}")
    return f"{lv.name} ({key}): " + ", ".join(parts) + "."


class NewGameScreen(Screen):
    cache_background = True
    title = "New game"
    help_lines = [
        ("Tab / arrows", "Move between choices"),
        ("Left / Right", "Change a choice"),
        ("Enter", "Start (on the Start button)"),
        ("Esc", "Back to the menu"),
    ]

    def __init__(self, app):
        super().__init__(app)
        self.folders = SC.available()
        self.sel = 0
        for i, f in enumerate(self.folders):
            if f.name == "august-1956":
                self.sel = i
        self.start_id = None
        self.side = "kim"
        self.difficulty = "normal"
        self.seed = str(random.Random().randint(1, 99999))
        self.seed_field = None
        self._waited = False
        self._res = None
        SC.preload()  # already running when the title screen started it

    def result(self):
        """The chosen scenario as loaded, or None while it is still loading (or none is installed)."""
        if not self.folders:
            return None
        plain = SC.ready(self.folders[self.sel])  # never wait for the load in a frame: see update
        if plain is None:
            return None
        key = (self.sel, self._build_no, id(plain))  # finding the mods reads files: once per build
        if self._res is None or self._res[0] != key:
            from game.ui.screens.mods import load_for_new_game  # with the mods switched on (Mods screen)
            from game.ui.screens.mods import summary as mods_summary

            got = load_for_new_game(self.app, self.folders[self.sel], plain)
            self._res = (key, got, mods_summary(self.app, self.folders[self.sel]))
        return self._res[1]

    def mods_line(self) -> str:
        self.result()
        return self._res[2] if self._res is not None else ""

    def waiting(self) -> bool:
        return any(SC.ready(f) is None for f in self.folders)

    def update(self, dt):
        # The title screen started the loads in the background; show the screen at once and
        # fill it in when they are done.
        if self._waited and self.waiting() and not SC.loading():
            SC.preload()  # the cache was emptied (F5 reload) after the title screen's load
        if self._waited and not self.waiting():
            self._waited = False
            self.rebuild()
            return True
        return False

    def build(self):
        w, h = self.w, self.h
        x0 = 40
        self._waited = self._waited or self.waiting()
        for i, f in enumerate(self.folders):
            res = SC.ready(f)
            if res is None:
                label = f"{f.name} (loading…)"
            else:
                label = res.scenario.scenario.title if res.ok else f"{f.name} (has errors)"
            self.add(
                W.Button(
                    (x0, 110 + i * 50, 300, 42),
                    label,
                    lambda i=i: self.pick(i),
                    style="chip",
                    selected=i == self.sel,
                    size=17,
                    align="left",
                    name=f"scn:{f.name}",
                    tooltip=[label, str(f)],
                )
            )
        res = self.result()
        col = 380
        right = w - 40
        y = 110
        if res is not None and res.ok:
            meta = res.scenario.scenario
            starts = meta.starts
            if self.start_id not in [s.id for s in starts]:
                self.start_id = starts[0].id
            y = 330
            bw = min(280, (right - col - 10 * (len(starts) - 1)) // max(1, len(starts)))
            for i, sp in enumerate(starts):
                self.add(
                    W.Button(
                        (col + i * (bw + 10), y, bw, 40),
                        sp.title,
                        lambda sid=sp.id: self.pick_start(sid),
                        style="chip",
                        selected=sp.id == self.start_id,
                        size=15,
                        name=f"start:{sp.id}",
                        tooltip=[sp.title, common.date_text(sp.date), sp.summary],
                    )
                )
        y = 470
        cw = min(560, right - col)
        self.add(
            W.Choice(
                (col, y, cw, 40),
                "Your side",
                SIDE_CHOICES,
                self.side,
                self.set_side,
                name="side",
                tooltip=[
                    "Your side",
                    "Kim defends his chairmanship; the opposition seeks a majority "
                    "against the cult. Hot-seat: two people share this computer, passing "
                    "the seat between phases; each sees only their own side's secrets.",
                ],
            )
        )
        self.add(
            W.Choice(
                (col, y + 48, cw, 40),
                "Difficulty",
                DIFFS,
                self.difficulty,
                self.set_diff,
                name="difficulty",
                tooltip=self.level_tip,
            )
        )
        self.seed_field = self.add(
            W.TextField(
                (col, y + 96, cw, 40),
                "Seed",
                self.seed,
                max_len=9,
                allowed="0123456789",
                name="seed",
                on_enter=self.start,
                tooltip=["Seed", "The same seed and the same choices give the same game. Type digits."],
            )
        )
        ok = res is not None and res.ok
        self.add(
            W.Button(
                (right - 220, h - 70, 220, 48),
                "Start",
                self.start,
                style="primary",
                size=26,
                enabled=ok,
                key_hint="Enter",
                name="start",
            )
        )
        self.add(W.Button((40, h - 70, 160, 44), "Back", self.back, name="back", key_hint="Esc"))
        if self.focus is None:
            self.focus = next((wd for wd in self.widgets if wd.name == "start"), None)

    def pick(self, i):
        self.sel = i
        self.start_id = None
        self.rebuild()

    def pick_start(self, sid):
        self.start_id = sid
        self.rebuild()

    def level_tip(self) -> list[str]:
        """What each level does, as the opponent plays it in this scenario: a scenario may tune a
        side's level (August's normal Kim rehearses every plenum, though the table's normal
        rehearses 84%), so the words come from level_for, not the bare table."""
        res = self.result()
        scn = res.scenario if res is not None and res.ok else None
        sides = {"kim": ["opposition"], "opposition": ["kim"]}.get(self.side, ["kim", "opposition"])
        who = {"kim": "Kim", "opposition": "the critics"}
        out = ["How far the computer opponent looks ahead. Every level sees only what its side may see."]
        for side in sides:
            if len(sides) > 1:
                out.append(f"Playing {who[side]}:")
            for k in LEVELS:
                lv = level_for(scn, k, side) if scn is not None else LEVELS[k]
                sus = for_scenario(scn, k, side)[0].suspected_found if scn is not None else 0.5
                out.append(level_words(k, lv, side, sus))
        return out

    def set_side(self, v):
        self.side = v

    def set_diff(self, v):
        self.difficulty = v

    def on_event(self, ev):
        if (
            ev.type == pygame.KEYDOWN
            and ev.key in (pygame.K_RETURN, pygame.K_KP_ENTER)
            and (self.focus is None or self.focus.name in ("side", "difficulty", "seed"))
        ):
            self.start()
            return True
        return False

    def start(self):
        res = self.result()
        if res is None or not res.ok:
            return
        seed_txt = self.seed_field.value if self.seed_field else self.seed
        seed = int(seed_txt) if seed_txt.isdigit() else 1
        scn = res.scenario
        g = Game.new(scn, self.start_id, seed)
        from game.ui.screens.mods import active_mods

        g.state.mods = [m.id for m in active_mods(self.app, self.folders[self.sel])[0]]  # saves keep them by id
        humans = ("kim", "opposition") if self.side == "hotseat" else (self.side,)
        sess = Session(g, self.folders[self.sel].name, Players(humans, self.difficulty))
        sess.autosave()
        self.app.director.enter_session(sess)
        if not self.app.settings.seen_intro:
            self.app.show("intro")

    def draw_background(self, surf):
        w, h = self.w, self.h
        surf.blit(common.paper((w, h)), (0, 0))
        common.header(surf, w, "New game", "choose your year, your side, your opponent")
        T.draw(surf, "SCENARIO", (40, 78), 22, C.RED, "head")
        col = 380
        right = w - 40
        res = self.result()
        if not self.folders:
            T.draw(surf, "No scenarios are installed.", (col, 110), 18, C.RED, "bold")
            return
        if res is None:
            T.draw(surf, "Loading the scenario…", (col, 110), 20, C.INK_SOFT, "bold")
            return
        if not res.ok:
            T.draw(surf, "This scenario cannot be played: it has errors.", (col, 96), 20, C.RED, "bold")
            y = 130
            for d in res.errors[:8]:
                y += T.draw_wrapped(surf, d.format(), pygame.Rect(col, y, right - col, 200), 14, C.INK) + 6
            return
        meta = res.scenario.scenario
        T.draw(surf, meta.title.upper(), (col, 78), 40, C.INK, "head")
        T.draw(surf, meta.subtitle, (col, 126), 17, C.RED, "bold")
        cal = meta.calendar
        T.draw(
            surf,
            f"{common.date_text(cal.start)} – {common.date_text(cal.end)} · turns of {cal.turn_days} days",
            (col, 150),
            15,
            C.INK_SOFT,
        )
        # Shrinks to fit above the mods line (the campaign's five-line summary at 15 pt ran under it).
        T.draw_box(surf, meta.summary.strip(), pygame.Rect(col, 178, right - col, 102), 15, C.INK, min_size=12)
        T.draw(surf, T.fit(self.mods_line(), 13, right - col), (col, 282), 13, C.RED)
        T.draw(surf, "START POINT", (col, 300), 22, C.RED, "head")
        sp = res.scenario.start(self.start_id)
        # Shrinks to fit above YOUR GAME (a three-line summary at 15 pt ran into the heading).
        T.draw_box(surf, sp.summary.strip(), pygame.Rect(col, 378, right - col, 58), 15, C.INK_SOFT, min_size=12)
        T.draw(surf, "YOUR GAME", (col, 440), 22, C.RED, "head")
        # faction legend under the list of scenarios
        y = 110 + len(self.folders) * 50 + 30
        T.draw(surf, "FACTIONS", (40, y), 22, C.RED, "head")
        y += 32
        for f in res.scenario.factions:
            col_f = C.hex_to_rgb(f.color)
            pygame.draw.rect(surf, col_f, (40, y, 22, 22))
            pygame.draw.rect(surf, C.INK, (40, y, 22, 22), 1)
            T.draw(surf, f"{f.name}", (72, y + 1), 16, C.INK, "bold")
            T.draw(surf, f"{'with Kim' if f.bloc == 'kim' else 'critics'} · {f.name_ko}", (72, y + 21), 13, C.INK_SOFT)
            y += 48
