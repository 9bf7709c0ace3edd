"""Settings: window size, full screen, UI scale, volume, mute, text speed, Hangul names."""

from __future__ import annotations

import pygame

from game.ui import settings as S
from game.ui import text as T
from game.ui import theme as C
from game.ui import widgets as W
from game.ui.display import display_size
from game.ui.screen import Screen
from game.ui.screens import common


def fitting_sizes() -> list[tuple[int, int]]:
    """The offered window sizes that fit the display (all of them when its size is unknown)."""
    desk = display_size()
    if desk is None:
        return list(S.SIZES)
    fit = [(a, b) for a, b in S.SIZES if a <= desk[0] and b <= desk[1]]
    return fit or [S.SIZES[0]]


class SettingsScreen(Screen):
    cache_background = True
    title = "Settings"
    help_lines = [
        ("Up / Down", "Choose a setting"),
        ("Left / Right", "Change it"),
        ("Enter", "Apply and save"),
        ("Esc", "Back without applying"),
    ]

    def __init__(self, app):
        super().__init__(app)
        cur = app.settings
        self.draft = S.Settings(**{k: getattr(cur, k) for k in cur.__dataclass_fields__})

    def build(self):
        d = self.draft
        x, y, cw = 60, 100, min(720, self.w - 120)
        rows = [
            (
                "size",
                "Window size",
                [((a, b), f"{a} × {b}") for a, b in fitting_sizes()],
                (d.width, d.height),
                "Size of the window; only sizes that fit this display are offered. Full screen always "
                "uses the display's own size, and the window can also be dragged to any size.",
            ),
            ("fullscreen", "Full screen", [(False, "Off"), (True, "On")], d.fullscreen, "F11 switches at any time."),
            (
                "ui_scale",
                "UI scale",
                [(v, f"{int(v * 100)}%" if v else "Automatic") for v in S.SCALES],
                d.ui_scale,
                "Enlarge or shrink everything; the layout needs about 1180×660 points.",
            ),
            ("volume", "Volume", [(v, f"{v}%") for v in range(0, 101, 10)], d.volume, "Sound effects volume."),
            ("muted", "Sound", [(False, "On"), (True, "Muted")], d.muted, "Ctrl+M mutes at any time."),
            (
                "text_speed",
                "Text speed",
                [(v, v.title()) for v in S.TEXT_SPEEDS],
                d.text_speed,
                "How fast dispatches type out and the plenum plays.",
            ),
            (
                "hangul",
                "Hangul names",
                [(True, "Shown"), (False, "Hidden")],
                d.hangul,
                "Show names in Korean script beside the romanisation.",
            ),
            (
                "seen_intro",
                "Introduction",
                [(False, "Show at next new game"), (True, "Already seen")],
                d.seen_intro,
                "The short guided introduction for a first game.",
            ),
        ]
        for i, (key, label, opts, val, tip) in enumerate(rows):
            if key == "ui_scale" and val not in [o[0] for o in opts]:
                opts = opts + [(val, f"{int(val * 100)}%")]
            self.add(
                W.Choice(
                    (x, y + i * 50, cw, 42),
                    label,
                    opts,
                    val,
                    lambda v, key=key: self.set(key, v),
                    tooltip=[label, tip],
                    name=key,
                )
            )
        self.add(W.Button((x, self.h - 70, 180, 46), "Back", self.back, key_hint="Esc", name="back"))
        self.add(
            W.Button(
                (x + cw - 220, self.h - 70, 220, 46),
                "Apply and save",
                self.apply,
                style="primary",
                size=20,
                name="apply",
            )
        )
        if self.focus is None:
            self.focus = self.widgets[0]

    def set(self, key, v):
        if key == "size":
            self.draft.width, self.draft.height = v
        else:
            setattr(self.draft, key, v)

    def on_event(self, ev):
        if (
            ev.type == pygame.KEYDOWN
            and ev.key in (pygame.K_RETURN, pygame.K_KP_ENTER)
            and isinstance(self.focus, W.Choice)
        ):
            self.apply()
            return True
        return False

    def apply(self):
        self.app.settings = self.draft
        msg = S.save(self.draft)
        self.app.apply_settings()
        if msg:
            self.app.notify(msg, "error")
        else:
            self.app.notify("Settings saved.")
        self.app.pop(self)

    def draw_background(self, surf):
        surf.blit(common.paper((self.w, self.h)), (0, 0))
        common.header(surf, self.w, "Settings", "kept in your config folder")
        from game.paths import settings_file

        T.draw(surf, str(settings_file()), (60, self.h - 100), 13, C.INK_SOFT)
        snd = self.app.sound
        T.draw(
            surf,
            "Sound: ready." if snd.ok else (snd.problem or "Sound: unavailable; the game plays silently."),
            (60, self.h - 120),
            13,
            C.INK_SOFT if snd.ok else C.RED,
        )
        x = 60 + min(720, self.w - 120) + 40
        if x + 300 < self.w:
            T.draw(surf, "KEYS", (x, 100), 22, C.RED, "head")
            for i, (k, v) in enumerate(
                [("F1", "help"), ("F11", "full screen"), ("Ctrl+M", "mute"), ("F12", "screenshot")]
            ):
                T.draw(surf, k, (x, 132 + i * 24), 15, C.INK, "bold")
                T.draw(surf, v, (x + 80, 132 + i * 24), 15, C.INK_SOFT)
