"""The director: which screen comes next.

Screens never import one another. A screen asks for the next one by name
(``app.show("codex")``, ``app.show("saveload", mode="save", how="replace")``) and the director,
the one module that knows every screen, builds it. The director also decides what the game is
waiting for whenever the main screen is on top (``next_for``): a plenum to watch, the ending, the
hot-seat hand-over, the dispatch report, a decision or a plenum tactic.

So the import graph is a tree: app -> director -> screens -> screen/widgets/session; no screen
imports another screen module (except the shared ``common`` helpers).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.ui.screens.action_dialog import ActionDialog
from game.ui.screens.codex import CodexScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.event_dialog import EventDialog
from game.ui.screens.handoff import HandoffScreen
from game.ui.screens.help import HelpOverlay, IntroScreen
from game.ui.screens.main_screen import MainScreen
from game.ui.screens.newgame import NewGameScreen
from game.ui.screens.pause import PauseMenu
from game.ui.screens.person import PersonScreen
from game.ui.screens.plenum_hall import PlenumHall
from game.ui.screens.plenum_prep import SpreadScreen, TacticScreen
from game.ui.screens.replay import ReplayScreen
from game.ui.screens.report import ReportScreen
from game.ui.screens.saveload import SaveLoadScreen, open_save
from game.ui.screens.settings_screen import SettingsScreen
from game.ui.screens.title import TitleScreen

if TYPE_CHECKING:
    from game.ui.screen import Screen
    from game.ui.session import Session

ROUTES: dict[str, Callable[..., Screen]] = {
    "action": ActionDialog,
    "codex": CodexScreen,
    "ending": EndingScreen,
    "event": EventDialog,
    "handoff": HandoffScreen,
    "help": HelpOverlay,
    "intro": IntroScreen,
    "main": MainScreen,
    "newgame": NewGameScreen,
    "pause": PauseMenu,
    "person": PersonScreen,
    "plenum": PlenumHall,
    "replay": ReplayScreen,
    "report": ReportScreen,
    "saveload": SaveLoadScreen,
    "settings": SettingsScreen,
    "spread": SpreadScreen,
    "tactic": TacticScreen,
    "title": TitleScreen,
}


def register(name: str, factory: Callable[..., Screen]) -> None:
    """Add a screen the director does not import itself (a mod browser, a guided replay)."""
    ROUTES[name] = factory


class Director:
    def __init__(self, app):
        self.app = app

    def make(self, name: str, *args, **kw) -> Screen:
        return ROUTES[name](self.app, *args, **kw)

    def show(self, name: str, *args, how: str = "push", **kw) -> Screen:
        """Open a screen by name: ``how`` is push (over the current one), replace or reset."""
        screen = self.make(name, *args, **kw)
        getattr(self.app, how)(screen)
        return screen

    def enter_session(self, session: Session) -> None:
        """A game begins or is loaded: the main screen, or the ending if it is already over."""
        app = self.app
        if app.session is not None and app.session is not session:
            app.session.shutdown()
        app.session = session
        app.reset(self.make("ending" if session.g.over else "main"))

    def open_save(self, path) -> bool:
        """Load a save and enter it; a bad file is reported in the window."""
        return open_save(self.app, path)

    def leave_session(self) -> None:
        app = self.app
        if app.session is not None:
            app.session.shutdown()
        app.session = None
        app.reset(self.make("title"))

    def next_for(self, session: Session) -> Screen | None:
        """What the game waits for, seen from the main screen; None when the player may act
        (or the computer is moving). Marks a dispatch report as read when it builds one."""
        pid = session.unseen_plenum()
        if pid:
            return self.make("plenum", pid)
        if session.g.over:
            return None
        mover = session.mover()
        if mover is None or not session.is_human(mover) or session.thinking:
            return None
        if session.players.hotseat and mover != session.viewer:
            return self.make("handoff", mover)
        report = session.unreported(mover)
        if report is not None:
            screen = self.make("report", mover, *report)
            session.mark_reported(mover)
            return screen
        pend = next((p for p in session.state.pending if p.side == mover), None)
        if pend is not None:
            return self.make("tactic" if pend.event.startswith("plenum:") else "event", pend)
        return None
