"""A whole game played through the UI alone: keys and clicks, from the title to the ending."""

from __future__ import annotations

import pygame
import pytest

from tests.ui_helpers import click, key, make_app, pump, quick_policy


def play_through(app, side: str, start: str, *, act: bool) -> list[str]:
    from game.ui import scenarios as SC
    from game.ui.screens.action_dialog import ActionDialog
    from game.ui.screens.ending import EndingScreen
    from game.ui.screens.main_screen import ActionButton, MainScreen
    from game.ui.screens.newgame import NewGameScreen
    from game.ui.screens.title import TitleScreen

    app.push(TitleScreen(app))
    pump(app)
    SC.wait()  # as a player reads the menu, the scenarios load in the background
    pump(app, [key(pygame.K_n)])
    ng = app.top
    assert isinstance(ng, NewGameScreen)
    start_btn = next((w for w in ng.widgets if w.name == f"start:{start}"), None)
    if start_btn:
        pump(app, [click(start_btn.rect.center)])
    ng = app.top
    side_choice = next(w for w in ng.widgets if w.name == "side")
    ng.set_focus(side_choice)
    while side_choice.value != side:
        pump(app, [key(pygame.K_RIGHT)])
    pump(app, [key(pygame.K_RETURN)], frames=2)
    seen = []
    acted_turn = -1
    for _ in range(3000):
        top = app.top
        name = type(top).__name__
        if not seen or seen[-1] != name:
            seen.append(name)
        if isinstance(top, EndingScreen):
            break
        if isinstance(top, MainScreen):
            s = app.session
            if act and s.state.turn != acted_turn and s.mover() == s.viewer:
                acted_turn = s.state.turn
                btn = next((w for w in top.widgets if isinstance(w, ActionButton) and w.enabled), None)
                if btn is not None:
                    pump(app, [click(btn.rect.center)])
                    if isinstance(app.top, ActionDialog):
                        pump(app, [key(pygame.K_RETURN)])
                        commit = next((w for w in app.top.widgets if w.name == "commit"), None)
                        if commit is not None:
                            pump(app, [click(commit.rect.center)])
                        if isinstance(app.top, ActionDialog):
                            pump(app, [key(pygame.K_ESCAPE)])
                    continue
            pump(app, [key(pygame.K_e)], frames=3)
        elif name in ("EventDialog", "TacticScreen"):
            pump(app, [key(pygame.K_1)], frames=2)
        elif name == "PlenumHall":
            pump(app, [key(pygame.K_SPACE)], frames=4)
            pump(app, [key(pygame.K_s)])
            pump(app, [key(pygame.K_RETURN)], frames=3)
        elif name in ("HandoffScreen", "ReportScreen", "MessageScreen"):
            pump(app, [key(pygame.K_RETURN)])
        else:
            pump(app, [key(pygame.K_ESCAPE)])
    return seen


@pytest.mark.parametrize("side", ["kim", "opposition"])
def test_scripted_game_reaches_an_ending(side, monkeypatch):
    from game.ui import session as SS

    monkeypatch.setattr(SS.ai, "make", lambda kind, diff="normal": quick_policy)
    monkeypatch.setattr(SS.Session, "synchronous", True)
    app = make_app()
    seen = play_through(app, side, "eve_of_plenum", act=True)
    assert seen[-1] == "EndingScreen", seen
    assert "PlenumHall" in seen
    assert app.session.g.over
    if side == "kim":
        # Watch the plenum again and come back: Enter is "Back to the title" again (it used to
        # replay the session, the focus left on "Watch the plenum").
        end = app.top
        replay = next(w for w in end.widgets if w.name == "replay")
        pump(app, [click(replay.rect.center)])
        assert type(app.top).__name__ == "PlenumHall"
        pump(app, [key(pygame.K_ESCAPE)])  # the first skips the session to its end
        pump(app, [key(pygame.K_ESCAPE)])  # the second leaves the hall
        assert app.top is end and end.focus is not None and end.focus.name == "finish"
    # the ending's tabs and the way back to the title
    pump(app, [key(pygame.K_2), key(pygame.K_3), key(pygame.K_PAGEDOWN), key(pygame.K_RETURN)])
    assert type(app.top).__name__ == "TitleScreen"
    pygame.quit()


def test_game_against_the_real_computer_player(monkeypatch):
    """The real AI ('easy'), run synchronously, against a human who only ends phases."""
    from game.ui import session as SS

    monkeypatch.setattr(SS.Session, "synchronous", True)
    real = SS.ai.make
    monkeypatch.setattr(SS.ai, "make", lambda kind, diff="normal": real(kind, "easy"))
    app = make_app()
    seen = play_through(app, "kim", "eve_of_plenum", act=False)
    assert seen[-1] == "EndingScreen", seen
    # The computer's reasons, readable once the game is over: its side's log lines of kind
    # 'reason', all of them and only them, a page at a time.
    end = app.top
    log = app.session.g.state.log
    theirs = [e.text for e in log if e.kind == "reason" and e.visible_to == "opposition"]
    assert theirs and not any(e.kind == "reason" and e.visible_to == "kim" for e in log)
    pump(app, [key(pygame.K_4)])
    assert end.tab == 3
    shown = []
    for _ in range(20):
        shown += [w.tooltip_lines()[1] for w in end.widgets if w.name.startswith("reason:")]
        if end.rpage >= end.rpages - 1:
            break
        pump(app, [key(pygame.K_PAGEDOWN)])
    assert [end.reasons()[i].text for i in range(len(theirs))] == shown
    assert len(shown) == len(theirs)
    pygame.quit()


def test_ai_runs_off_the_event_loop(monkeypatch):
    """Outside tests the computer thinks in a thread; frames keep coming while it does."""
    import time

    from game.engine.game import Game
    from game.ui import scenarios as SC
    from game.ui.screens.main_screen import MainScreen
    from game.ui.session import Players, Session

    def slow(g, side):
        time.sleep(0.9)
        return quick_policy(g, side)

    from game.ui import session as SS

    monkeypatch.setattr(SS.ai, "make", lambda kind, diff="normal": slow)
    monkeypatch.setattr(SS, "AI_DELAY", 0.0)
    app = make_app()
    folder = next(f for f in SC.available() if f.name == "august-1956")
    g = Game.new(SC.get(folder).scenario, None, 2)
    app.session = Session(g, folder.name, Players(("kim",), "easy"))
    app.push(MainScreen(app))
    while app.session.g.to_move() == "kim" and not app.session.state.pending:
        app.session.submit({"t": "end", "side": "kim"})
        break
    app.frame([], dt=1 / 60)  # the screen's first frame builds it: not what this test times
    t0 = time.perf_counter()
    frames = 0
    while time.perf_counter() - t0 < 0.6:  # generous: the machine may be busy
        app.frame([], dt=1 / 60)
        frames += 1
    assert app.session.thinking or app.session.g.to_move() == "kim"
    assert frames > 5  # the loop was not blocked by the 0.9 s "thinking"
    if app.session._worker:
        app.session._worker.join(3)
    pygame.quit()


def test_the_ending_help_names_the_reasons_tab_only_when_the_computer_played():
    from game.engine.game import Game
    from game.ui import scenarios as SC
    from game.ui.screens.ending import EndingScreen
    from game.ui.session import Players, Session

    app = make_app()
    folder = next(f for f in SC.available() if f.name == "august-1956")
    scn = SC.get(folder).scenario
    for humans, four in ((("kim",), True), (("kim", "opposition"), False)):
        app.session = Session(Game.new(scn, "eve_of_plenum", 1), "august-1956", Players(humans, "normal"))
        end = EndingScreen(app)
        assert (len(end.tabs()) == 4) is four
        keys = end.help_lines[0][0]
        assert ("4" in keys) is four, keys
    pygame.quit()
