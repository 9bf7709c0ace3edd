"""Hot-seat: pass the seat to the other player. Everything of the previous side is hidden."""

from __future__ import annotations

from game.ui import text as T
from game.ui import theme as C
from game.ui import widgets as W
from game.ui.screen import Screen
from game.ui.screens import common


class HandoffScreen(Screen):
    cache_background = True
    title = "Pass the seat"
    help_lines = [("Enter", "I am the next player: show my side")]

    def __init__(self, app, side: str):
        super().__init__(app)
        self.side = side
        # The previous side's passing messages go with it (they are kept in its dispatch log):
        # none may show on the hand-over screen or to the next player.
        app.toasts = []

    def build(self):
        self.add(
            W.Button(
                (self.w // 2 - 160, self.h // 2 + 90, 320, 56),
                "I am ready",
                self.ready,
                style="primary",
                size=26,
                key_hint="Enter",
                name="ready",
            )
        )
        self.focus = self.widgets[0]

    def ready(self):
        s = self.app.session
        s.viewer = self.side
        main = self.app.stack[0] if self.app.stack else None
        if main is not None and hasattr(main, "seen_log"):
            main.seen_log = len(s.state.log)
        self.app.pop(self)

    def back(self):
        pass

    def draw_background(self, surf):
        w, h = self.w, self.h
        surf.blit(common.rays((w, h), (w // 2, h + 80)), (0, 0))
        who = "KIM IL SUNG" if self.side == "kim" else "THE OPPOSITION"
        T.draw(surf, "PASS THE SEAT", (w // 2, h // 2 - 150), 40, C.GOLD_LIGHT, "head", "midtop")
        T.draw(surf, who, (w // 2 + 4, h // 2 - 96), 84, C.INK, "head", "midtop")
        T.draw(surf, who, (w // 2, h // 2 - 100), 84, C.PAPER_LIGHT, "head", "midtop")
        T.draw(
            surf,
            "The other player looks away. Nothing of the other side's secrets is shown until you are ready.",
            (w // 2, h // 2 + 40),
            17,
            C.PAPER_LIGHT,
            "body",
            "midtop",
        )
        s = self.app.session
        T.draw(
            surf,
            f"{common.date_text(s.state.date)} · turn {s.state.turn}",
            (w // 2, h // 2 + 64),
            15,
            C.GOLD_LIGHT,
            "bold",
            "midtop",
        )
