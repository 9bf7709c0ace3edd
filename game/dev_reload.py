"""Live reload for modders: `plenum --dev` watches the scenario being played and its mods (with
`watchfiles`), and F5 reloads at any time.

A reload checks the files like `plenum validate`. When they have errors the game goes on with
what it had and the errors are shown in the window. When they are valid the game goes on where
it was with the new definitions (actions, events, odds, texts, plenums), as long as the game's
state still fits them (every person, faction, event and office it names still exists); when it
does not, the game says which part no longer fits and goes on with the old version. What is
already in play (a person's loyalty this turn, pledges, flags) stays as the game made it: a
changed starting value shows in a new game.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.engine.game import Game
from game.paths import mods_dir
from game.saves import check_state
from game.scenario.installed import all_scenarios, mod_by_id, scenario_by_id, scenario_chain
from game.scenario.loader import LoadResult, load
from game.scenario.report import fold


@dataclass
class Outcome:
    """What a reload did, in words for the player, and the problems when it could not."""

    kind: str  # "reloaded" | "kept" (state no longer fits) | "errors" | "nothing"
    message: str
    details: list[str] = field(default_factory=list)


def session_folders(session: Any) -> tuple[Path | None, list[Path]]:
    """The scenario folder and the mod folders a session plays with (mods by id, as saved)."""
    folder = scenario_by_id(session.scenario_name)
    mods = [p for p in (mod_by_id(m) for m in session.g.state.mods) if p is not None]
    return folder, mods


def watched(session: Any) -> list[Path]:
    """Folders to watch: the session's scenario, its bases and mods; without a session, every
    installed scenario and the mods folder (for the Mods and New game screens)."""
    if session is None:
        out = list(all_scenarios())
        if mods_dir().is_dir():
            out.append(mods_dir())
        return out
    folder, mods = session_folders(session)
    out = []
    if folder is not None:
        out.append(folder)
        out += [p for p in (scenario_by_id(n) for n in scenario_chain(folder)) if p is not None]
    out += mods
    return sorted(set(out))


def forget_caches() -> None:
    """Drop what the window keeps loaded, so screens read the files again."""
    from game.ui import scenarios as SC
    from game.ui.screens import mods as M

    SC._cache.clear()
    M._reports.clear()
    M._loads.clear()


def reload_session(session: Any) -> Outcome:
    """Reload a session's scenario and mods from disk and, when the state still fits, swap them in."""
    folder, mods = session_folders(session)
    if folder is None:
        return Outcome("errors", f"The scenario '{session.scenario_name}' is no longer installed.")
    missing = [m for m in session.g.state.mods if mod_by_id(m) is None]
    if missing:
        return Outcome("errors", f"The mod '{missing[0]}' this game uses is no longer installed.")
    result: LoadResult = load(folder, mods)
    if not result.ok or result.scenario is None:
        findings = fold(result.diagnostics)
        lines = []
        for f in findings:
            lines.append(f.diagnostic.format())
            if f.follows:
                lines.append(f"    ... and {len(f.follows)} more that may follow from this")
        return Outcome(
            "errors",
            "The changed files have errors; the game goes on with the version it had.",
            lines,
        )
    problems = check_state(session.g.state.to_dict(), result.scenario)
    if problems:
        return Outcome(
            "kept",
            "The files are valid, but this game cannot continue with them "
            f"({problems[0]}); it goes on with the old version. Start a new game to play the change.",
            problems,
        )
    session.g = Game(result.scenario, session.g.state)
    session._views.clear()
    return Outcome("reloaded", "Reloaded the scenario and mods; the game goes on where it was.")


class LiveReload:
    """Watches files in a background thread; the window calls `poll` every frame."""

    def __init__(self, app: Any, *, watch: bool) -> None:
        self.app = app
        self.watch = watch
        self._changed = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._folders: list[Path] = []
        self.problem = ""
        self.on_outcome: Callable[[Outcome], None] | None = None

    # ------------------------------------------------------------------ watching
    def _restart(self, folders: list[Path]) -> None:
        self.stop()
        self._folders = folders
        if not folders:
            return
        try:
            import watchfiles
        except ImportError:
            self.problem = "Live reload needs the 'watchfiles' package (pip install watchfiles); F5 still reloads."
            self.watch = False
            return
        self._stop = threading.Event()

        def run() -> None:
            try:
                for _changes in watchfiles.watch(
                    *folders, stop_event=self._stop, debounce=400, raise_interrupt=False, yield_on_timeout=False
                ):
                    self._changed.set()
            except Exception as exc:  # a folder removed while watched: say so, never crash the window
                self.problem = f"Stopped watching the files: {exc}"

        self._thread = threading.Thread(target=run, name="live-reload", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None

    # ------------------------------------------------------------------ each frame
    def poll(self) -> Outcome | None:
        session = self.app.session
        if self.watch:
            folders = watched(session)
            if folders != self._folders:
                self._restart(folders)
        if self._changed.is_set():
            if session is not None and session._worker is not None:
                return None  # the computer is thinking; reload when it is done
            self._changed.clear()
            return self.reload()
        return None

    def request(self) -> None:
        """F5: reload now, whether or not anything was seen to change."""
        self._changed.set()

    def reload(self) -> Outcome:
        forget_caches()
        session = self.app.session
        if session is None:
            out = Outcome("reloaded", "Reloaded the scenarios and mods from disk.")
        else:
            out = reload_session(session)
        if self.on_outcome is not None:
            self.on_outcome(out)
        return out


# --------------------------------------------------------------------------- the window's side


def _show(app: Any, out: Outcome) -> None:
    from game.ui.screens import common

    if out.kind == "errors":
        body = out.message + ("\n\n" + "\n".join(out.details[:12]) if out.details else "")
        common.show_error(app, "Reload: the files have errors", body)
        return
    app.notify(out.message, "error" if out.kind == "kept" else "info", 7)
    if app.top is not None:
        if callable(getattr(app.top, "refresh", None)):
            app.top.refresh()  # a list on screen (mods, saves) read again
        app.top.rebuild()


def attach(app: Any, *, watch: bool) -> LiveReload:
    """Give the window a live reloader (``plenum --dev`` watches; without it F5 still works)."""
    live = LiveReload(app, watch=watch)
    live.on_outcome = lambda out: _show(app, out)
    app.live = live
    if live.problem:
        app.notify(live.problem, "error")
    return live


def on_f5(app: Any) -> None:
    live = getattr(app, "live", None) or attach(app, watch=False)
    live.request()
