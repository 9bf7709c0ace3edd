"""Mods: the mods installed in the data folder's mods/, each with its validation report, and
which are switched on for a new game.

The report shown for a mod is the same structure ``plenum validate`` prints (the cause first,
what follows folded under it). A broken mod can be looked at but not switched on; the others
stay playable. The choice is kept in the settings (by mod id) and the new-game screen shows it;
a game started with mods records their ids in its saves.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.paths import mods_dir
from game.scenario.check import check_mod
from game.scenario.installed import ModInfo, installed_mods, mods_for
from game.scenario.loader import LoadResult, load
from game.scenario.report import Target, fold
from game.ui import settings as S
from game.ui import text as T
from game.ui import theme as C
from game.ui import widgets as W
from game.ui.screen import Screen
from game.ui.screens import common

ROWS = 8

# --------------------------------------------------------------------------- reports, cached
# Checking a mod loads its scenario (a few hundred ms); a report is kept until a file of the
# mod changes, so editing a mod and coming back shows the new report.

_reports: dict[str, tuple[float, Target]] = {}
_loads: dict[tuple[str, tuple[str, ...], float], LoadResult] = {}


def _stamp(*folders: Path) -> float:
    latest = 0.0
    for folder in folders:
        try:
            for p in folder.iterdir():
                latest = max(latest, p.stat().st_mtime)
        except OSError:
            pass
    return latest


def report_for(info: ModInfo) -> Target:
    if info.meta is None:
        return Target(str(info.folder), "mod", False, "", info.title, fold(info.diagnostics))
    stamp = _stamp(info.folder)
    key = str(info.folder)
    got = _reports.get(key)
    if got is None or got[0] != stamp:
        got = (stamp, check_mod(info.folder, name=info.folder.name))
        _reports[key] = got
    return got[1]


def active_mods(app, folder: Path) -> tuple[list[ModInfo], list[ModInfo]]:
    """(switched on and valid, switched on but broken) for a new game of this scenario."""
    on: list[ModInfo] = []
    broken: list[ModInfo] = []
    for info in mods_for(folder, list(app.settings.mods)):
        (on if report_for(info).ok else broken).append(info)
    return on, broken


def load_for_new_game(app, folder: Path, plain: LoadResult) -> LoadResult:
    """The scenario with the valid mods that are switched on; ``plain`` when none are."""
    on, _broken = active_mods(app, folder)
    if not on:
        return plain
    dirs = tuple(str(m.folder) for m in on)
    key = (str(folder), dirs, _stamp(folder, *(m.folder for m in on)))
    if key not in _loads:
        _loads.clear()
        _loads[key] = load(folder, [Path(d) for d in dirs])
    return _loads[key]


def summary(app, folder: Path) -> str:
    """One line for the new-game screen: which mods this game will use."""
    on, broken = active_mods(app, folder)
    text = "Mods: " + (", ".join(m.title for m in on) if on else "none")
    if broken:
        text += f" · not used (errors): {', '.join(m.title for m in broken)}"
    return text


# --------------------------------------------------------------------------- the screen


class ModsScreen(Screen):
    cache_background = True
    title = "Mods"
    help_lines = [
        ("Up / Down", "Choose a mod"),
        ("Enter / Space", "Switch it on or off for a new game"),
        ("R", "Check the mods again (after editing them)"),
        ("Esc", "Back"),
    ]

    def __init__(self, app):
        super().__init__(app)
        self.sel = 0
        self.page = 0
        self.mods: list[ModInfo] = []
        self.refresh()

    def refresh(self) -> None:
        try:
            self.mods = installed_mods()
        except OSError as exc:
            self.mods = []
            self.app.notify(f"Cannot read the mods folder: {exc}", "error")
        self.sel = min(self.sel, max(0, len(self.mods) - 1))

    def on_resume(self) -> None:
        self.refresh()
        super().on_resume()

    def build(self):
        x, y, cw = 40, 100, min(560, self.w // 2 - 40)
        enabled = set(self.app.settings.mods)
        shown = self.mods[self.page * ROWS : (self.page + 1) * ROWS]
        for i, info in enumerate(shown):
            idx = self.page * ROWS + i
            rep = report_for(info)
            state = "ON" if info.id in enabled else "off"
            if not rep.ok:
                state = "errors"
            label = f"{info.title}"
            self.add(
                W.Button(
                    (x, y + i * 54, cw - 110, 46),
                    T.fit(label, 18, cw - 140),
                    lambda idx=idx: self.pick(idx),
                    style="chip",
                    selected=idx == self.sel,
                    size=18,
                    align="left",
                    name=f"mod:{info.folder.name}",
                    tooltip=[info.title, str(info.folder)],
                )
            )
            self.add(
                W.Button(
                    (x + cw - 100, y + i * 54, 100, 46),
                    state,
                    lambda idx=idx: self.toggle(idx),
                    style="primary" if state == "ON" else "secondary",
                    enabled=rep.ok,
                    size=16,
                    name=f"toggle:{info.folder.name}",
                    tooltip=[
                        "Switch on or off",
                        "Used by the next new game of its scenario."
                        if rep.ok
                        else "This mod has errors; fix them and press R.",
                    ],
                )
            )
        bottom = self.h - 70
        self.add(W.Button((x, bottom, 160, 46), "Back", self.back, key_hint="Esc", name="back"))
        self.add(W.Button((x + 176, bottom, 200, 46), "Check again", self.recheck, hotkey=pygame.K_r, key_hint="R"))
        if len(self.mods) > ROWS:
            self.add(W.Button((x + 392, bottom, 120, 46), "More", self.next_page, name="more"))
        if self.focus is None and self.widgets:
            self.focus = self.widgets[0]

    # ------------------------------------------------------------------ actions
    def pick(self, idx: int) -> None:
        self.sel = idx
        self.rebuild()

    def toggle(self, idx: int) -> None:
        if not 0 <= idx < len(self.mods):
            return
        info = self.mods[idx]
        self.sel = idx
        if not report_for(info).ok:
            self.app.notify(f"{info.title} has errors and cannot be switched on.", "error")
            return
        ids = list(self.app.settings.mods)
        if info.id in ids:
            ids.remove(info.id)
            word = "off"
        else:
            ids.append(info.id)
            word = "on"
        self.app.settings.mods = ids
        msg = S.save(self.app.settings)
        self.app.notify(msg or f"{info.title}: {word} for the next new game.", "error" if msg else "info")
        self.rebuild()

    def recheck(self) -> None:
        _reports.clear()
        _loads.clear()
        self.refresh()
        self.rebuild()
        self.app.notify("Mods checked again.")

    def next_page(self) -> None:
        pages = (len(self.mods) + ROWS - 1) // ROWS
        self.page = (self.page + 1) % max(1, pages)
        self.rebuild()

    def on_event(self, ev) -> bool:
        if ev.type == pygame.KEYDOWN and ev.key == pygame.K_SPACE and self.mods:
            self.toggle(self.sel)
            return True
        return False

    # ------------------------------------------------------------------ drawing
    def draw_background(self, surf):
        w, h = self.w, self.h
        surf.blit(common.paper((w, h)), (0, 0))
        common.header(surf, w, "Mods", "installed in your data folder; switched on for a new game")
        T.draw(surf, "INSTALLED", (40, 70), 22, C.RED, "head")
        T.draw(surf, T.fit(str(mods_dir()), 13, w // 2 - 80), (40, h - 96), 13, C.INK_SOFT)
        if not self.mods:
            T.draw_wrapped(
                surf,
                "No mods are installed. Put a mod folder (one with a mod.yaml) into the folder below, "
                "then press R. docs/MODDING.md explains how to write one.",
                pygame.Rect(40, 110, w // 2 - 80, 200),
                16,
                C.INK,
            )
            return
        info = self.mods[self.sel]
        rep = report_for(info)
        col = max(w // 2, 40 + min(560, w // 2 - 40) + 30)
        right = w - 40
        T.draw(surf, T.fit(info.title.upper(), 30, right - col), (col, 70), 30, C.INK, "head")
        meta = info.meta
        facts = [
            ("Version", meta.version if meta and meta.version else "-"),
            ("Author", meta.author if meta and meta.author else "-"),
            ("Scenario", meta.scenario if meta else "?"),
            ("Folder", info.folder.name),
        ]
        yy = 112
        for k, v in facts:
            T.draw(surf, k, (col, yy), 14, C.INK_SOFT, "bold")
            T.draw(surf, T.fit(v, 15, right - col - 100), (col + 100, yy), 15, C.INK)
            yy += 22
        if meta and meta.description:
            yy += 4
            yy += T.draw_wrapped(surf, meta.description, pygame.Rect(col, yy, right - col, 70), 14, C.INK, max_lines=3)
        yy += 10
        T.draw(surf, "CHECK", (col, yy), 20, C.RED, "head")
        yy += 28
        if rep.ok:
            T.draw(surf, "Valid.", (col, yy), 16, C.INK, "bold")
            yy += 22
            T.draw_wrapped(surf, rep.summary, pygame.Rect(col, yy, right - col, 60), 14, C.INK_SOFT, max_lines=3)
            return
        T.draw(surf, f"{rep.errors} error(s): this mod cannot be switched on.", (col, yy), 16, C.RED, "bold")
        yy += 26
        for line in rep.lines()[:12]:
            if yy > h - 110:
                break
            yy += T.draw_wrapped(surf, line, pygame.Rect(col, yy, right - col, 80), 13, C.INK, max_lines=3) + 4


def open_mods(app) -> None:
    """Show the Mods screen (the title screen's button)."""
    app.push(ModsScreen(app))
