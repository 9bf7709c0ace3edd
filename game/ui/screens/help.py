"""The help overlay (F1: the keys of the screen beneath and everywhere) and the short guided
introduction for a first game."""

from __future__ import annotations

import pygame

from game.ui import settings as S
from game.ui import text as T
from game.ui import theme as C
from game.ui import widgets as W
from game.ui.screen import Screen

GLOBAL_KEYS = [
    ("Tab / Shift+Tab", "Move focus"),
    ("Arrows", "Move focus in that direction"),
    ("Enter / Space", "Activate the focused control"),
    ("Esc", "Back / menu"),
    ("F1", "This help"),
    ("F11", "Full screen on/off"),
    ("Ctrl+M", "Mute"),
    ("F12", "Screenshot"),
]


class HelpOverlay(Screen):
    cache_background = True
    modal = True
    is_help = True
    title = "Help"

    def build(self):
        r = self.card()
        self.add(
            W.Button(
                (r.right - 160, r.bottom - 56, 140, 40),
                "Close",
                self.back,
                style="primary",
                key_hint="Esc",
                name="close",
            )
        )
        if self.app.session is not None:
            self.add(
                W.Button(
                    (r.right - 400, r.bottom - 56, 230, 40),
                    "How to play (intro)",
                    self.intro,
                    name="intro",
                    hotkey=pygame.K_i,
                    key_hint="I",
                )
            )
        self.focus = self.widgets[0]

    def intro(self):
        self.app.replace(IntroScreen(self.app))

    def on_event(self, ev):
        if ev.type == pygame.KEYDOWN and ev.key == pygame.K_F1:
            self.back()
            return True
        return False

    def card(self):
        return pygame.Rect(self.w // 2 - 470, self.h // 2 - 300, 940, 600)

    def draw_background(self, surf):
        r = self.card()
        inner = W.panel(surf, r, "Keys and help", band=C.INK, title_size=24)
        below = self.app.stack[-2] if len(self.app.stack) > 1 else None
        T.draw(surf, "EVERYWHERE", (inner.x, inner.y), 20, C.RED, "head")
        y = inner.y + 28
        for k, v in GLOBAL_KEYS:
            T.draw(surf, k, (inner.x, y), 15, C.INK, "bold")
            T.draw(surf, v, (inner.x + 150, y), 15, C.INK_SOFT)
            y += 24
        x2 = inner.x + inner.width // 2 + 10
        T.draw(surf, f"ON THIS SCREEN: {(below.title if below else '').upper()}", (x2, inner.y), 20, C.RED, "head")
        y = inner.y + 28
        for k, v in below.help_lines if below else []:
            T.draw(surf, k, (x2, y), 15, C.INK, "bold")
            T.draw(surf, T.fit(v, 15, inner.right - x2 - 150), (x2 + 150, y), 15, C.INK_SOFT)
            y += 24
        T.draw_wrapped(
            surf,
            "Every number has a tooltip: hover it with the mouse, or move the focus onto it with Tab "
            "and the arrows, to see where it comes from.",
            pygame.Rect(inner.x, r.bottom - 120, inner.width - 420, 60),
            15,
            C.INK,
        )


INTRO = [
    (
        "The goal",
        "It is 1956. Khrushchev has denounced Stalin's cult, and in Pyongyang the critics of Kim Il Sung "
        "see their chance. Play Kim, who must keep the chairmanship and break the critics, or the opposition, who "
        "must win a majority of the Central Committee against the cult and, perhaps, against Kim himself.",
    ),
    (
        "Your moves and your budget",
        "Each turn (two weeks) you get a few action points, the gold discs at the top. "
        "Spend them on the actions in YOUR MOVES: securing votes, courting Moscow or Beijing, watching your enemies. "
        "Hover an action to see what it does; choosing a target shows the odds and what success and failure would "
        "bring. Then END your phase: Kim moves first, the opposition second.",
    ),
    (
        "What you cannot know",
        "You never see the committee as it is, only as your informers count it: numbers come "
        "with ± errors. THE NEXT PLENUM panel shows your count of members with Kim, with the critics and undecided. "
        "Press V for the spread chart: every member placed by lean, the swing voters ringed in gold.",
    ),
    (
        "The plenum",
        "When the plenum sits, each side picks a tactic. Speakers rise; a hostile hall can shout "
        "critics down. Then each motion is voted seat by seat: a motion needs more than half the full members "
        "present. Hover a seat to see why its holder voted as they did.",
    ),
    (
        "Winning",
        "In August 1956 the opposition wins by carrying its resolution against the cult, or by removing Kim as "
        "Chairman; Kim wins by having the critics disciplined, or if the plenum sits and they never speak. A year "
        "that settles nothing ends in a truce, and Moscow and Beijing may impose a settlement of their own if "
        "pushed. The long campaign weighs the whole decade the same way. The ending screen compares your game "
        "with what really happened. Press F1 at any time for the keys.",
    ),
]


class IntroScreen(Screen):
    cache_background = True
    modal = True
    dim = 120
    title = "Introduction"
    help_lines = [("Enter / →", "Next"), ("←", "Back"), ("Esc", "Close the introduction")]

    def __init__(self, app):
        super().__init__(app)
        self.i = 0

    def card(self):
        return pygame.Rect(self.w // 2 - 360, self.h // 2 - 190, 720, 380)

    def build(self):
        r = self.card()
        last = self.i == len(INTRO) - 1
        self.add(
            W.Button(
                (r.right - 190, r.bottom - 58, 170, 42),
                "Begin" if last else "Next",
                self.next,
                style="primary",
                size=20,
                key_hint="Enter",
                name="next",
            )
        )
        self.add(W.Button((r.x + 20, r.bottom - 58, 120, 42), "Back", self.prev, enabled=self.i > 0, name="prev"))
        self.add(
            W.Button(
                (r.x + 150, r.bottom - 58, 150, 42),
                "Skip intro",
                self.close,
                style="chip",
                size=14,
                name="skip",
                key_hint="Esc",
            )
        )
        self.focus = self.widgets[0]

    def next(self):
        if self.i >= len(INTRO) - 1:
            self.close()
        else:
            self.i += 1
            self.rebuild()

    def prev(self):
        self.i = max(0, self.i - 1)
        self.rebuild()

    def close(self):
        self.app.settings.seen_intro = True
        S.save(self.app.settings)
        self.app.pop(self)

    def back(self):
        self.close()

    def on_event(self, ev):
        if ev.type == pygame.KEYDOWN:
            if ev.key == pygame.K_RIGHT:
                self.next()
                return True
            if ev.key == pygame.K_LEFT:
                self.prev()
                return True
        return False

    def draw_background(self, surf):
        r = self.card()
        head, body = INTRO[self.i]
        inner = W.panel(surf, r, f"How to play · {self.i + 1} of {len(INTRO)}", title_size=22)
        T.draw(surf, head.upper(), (inner.x + 4, inner.y + 6), 36, C.RED, "head")
        T.draw_wrapped(surf, body, pygame.Rect(inner.x + 4, inner.y + 56, inner.width - 8, 220), 18, C.INK)
        for k in range(len(INTRO)):
            pygame.draw.circle(
                surf, C.RED if k == self.i else C.PAPER_DARK, (r.centerx - 40 + k * 20, r.bottom - 80), 6
            )
