"""Each screen opens, draws, and reacts to its keys and clicks (dummy video driver)."""

from __future__ import annotations

import pygame
import pytest

from tests.ui_helpers import click, key, make_app, move, press_widget, pump, title_app, widget


@pytest.fixture
def app(monkeypatch):
    yield from title_app(monkeypatch)


def start_game(app, start="eve_of_plenum", side="kim"):
    from game.ui.screens.newgame import NewGameScreen

    pump(app, [key(pygame.K_n)])
    ng = app.top
    assert isinstance(ng, NewGameScreen)
    ids = [w.name for w in ng.widgets]
    if f"start:{start}" in ids:
        press_widget(app, f"start:{start}")
    ng = app.top
    ng.side = side
    ng.seed_field.value = "11"
    press_widget(app, "start")
    settle(app)
    return app.stack[0]


def end_phase(app):
    """Press E, and confirm if the game asks whether to end with nothing spent."""
    from game.ui.screens.common import MessageScreen

    pump(app, [key(pygame.K_e)], frames=2)
    if isinstance(app.top, MessageScreen):
        pump(app, [key(pygame.K_RETURN)], frames=3)


def settle(app):
    """Read the dispatches and answer any decision, back to the main screen."""
    from game.ui.screens.event_dialog import EventDialog
    from game.ui.screens.report import ReportScreen

    for _ in range(10):
        if isinstance(app.top, ReportScreen):
            pump(app, [key(pygame.K_RETURN)], frames=2)
        elif isinstance(app.top, EventDialog):
            pump(app, [key(pygame.K_1)], frames=2)
        else:
            break


def test_title_menu_keys_and_clicks(app):
    from game.ui.screens.codex import CodexScreen
    from game.ui.screens.newgame import NewGameScreen
    from game.ui.screens.saveload import SaveLoadScreen
    from game.ui.screens.settings_screen import SettingsScreen

    pump(app, [key(pygame.K_n)])
    assert isinstance(app.top, NewGameScreen)
    pump(app, [key(pygame.K_ESCAPE)])
    pump(app, [key(pygame.K_s)])
    assert isinstance(app.top, SettingsScreen)
    pump(app, [key(pygame.K_ESCAPE)])
    press_widget(app, "Codex")
    assert isinstance(app.top, CodexScreen)
    pump(app, [key(pygame.K_DOWN), key(pygame.K_RETURN), key(pygame.K_ESCAPE)])
    pump(app, [key(pygame.K_l)])
    assert isinstance(app.top, SaveLoadScreen)
    pump(app, [key(pygame.K_ESCAPE)])
    # Tab moves the focus; F1 opens help over any screen
    before = app.top.focus
    pump(app, [key(pygame.K_TAB)])
    assert app.top.focus is not before
    pump(app, [key(pygame.K_F1)])
    assert getattr(app.top, "is_help", False)
    pump(app, [key(pygame.K_ESCAPE)])
    pump(app, [key(pygame.K_q)])
    assert not app.running


def test_new_game_lists_every_scenario_with_start_points(app):
    from game.ui import scenarios as SC

    pump(app, [key(pygame.K_n)])
    names = [w.name for w in app.top.widgets]
    for f in SC.available():
        assert f"scn:{f.name}" in names
    res = app.top.result()
    if res.ok:
        for sp in res.scenario.scenario.starts:
            assert f"start:{sp.id}" in names
    # change side and difficulty with the arrows
    app.top.set_focus(widget(app, "side"))
    pump(app, [key(pygame.K_RIGHT)])
    assert widget(app, "side").value == "opposition"


def test_new_game_opens_at_once_while_the_scenario_loads(monkeypatch):
    """The first frame of New game does not wait for the scenario: it says it is loading and
    fills in when the title screen's background load is done."""
    import threading

    from game.ui import scenarios as SC
    from game.ui.screens.newgame import NewGameScreen
    from game.ui.screens.title import TitleScreen

    real = SC.load
    go = threading.Event()
    done: list[object] = []

    def held(folder, *a, **kw):
        # The load waits until the test lets it go: the frame below must come back without it
        # (no clock: a timed check failed on a loaded machine). The timeout only keeps a broken
        # screen from hanging the suite.
        go.wait(timeout=5)
        done.append(folder)
        return real(folder, *a, **kw)

    monkeypatch.setattr(SC, "load", held)
    monkeypatch.setattr(SC, "_cache", {})
    monkeypatch.setattr(SC, "_thread", None)
    a = make_app()
    try:
        a.push(TitleScreen(a))
        pump(a)
        a.push(NewGameScreen(a))
        a.frame([], dt=1 / 60)
        assert not done  # the frame came back while the load was still held
        assert a.top.result() is None and not widget(a, "start").enabled
        assert any("loading" in w.label for w in a.top.widgets if w.name and w.name.startswith("scn:"))
        go.set()
        SC.wait()
        pump(a)
        assert a.top.result() is not None and widget(a, "start").enabled
        assert not any("loading" in w.label for w in a.top.widgets if w.name and w.name.startswith("scn:"))
    finally:
        go.set()
        pygame.quit()


def test_main_screen_panels_tooltips_and_filters(app):
    from game.ui.screens.main_screen import MainScreen, PersonRow

    main = start_game(app)
    assert isinstance(main, MainScreen)
    pump(app)
    # every number panel has a tooltip
    for name in ("faction:partisan", "patron:ussr", "country:cult", "estimate:kim", "budget", "date"):
        w = widget(app, name)
        assert w.tooltip_lines(), name
    # hovering shows a tooltip after a moment
    w = widget(app, "estimate:kim")
    pump(app, [move(w.rect.center)])
    app.clock_s += 1
    assert app.top.tooltip() is not None
    # filters by faction and status
    pump(app, [key(pygame.K_2)])
    rows = [w for w in app.top.widgets if isinstance(w, PersonRow)]
    assert rows and all(app.session.state.people[r.pid].faction == list(app.session.state.factions)[1] for r in rows)
    press_widget(app, "status:fallen")
    assert app.top.status_filter == "fallen"
    pump(app, [key(pygame.K_0), key(pygame.K_f)])
    # person view from the list, Hangul toggle
    press_widget(app, "status:hall")
    row = next(w for w in app.top.widgets if isinstance(w, PersonRow))
    pump(app, [click(row.rect.center)])
    from game.ui.screens.person import PersonScreen

    assert isinstance(app.top, PersonScreen)
    h = app.settings.hangul
    pump(app, [key(pygame.K_h)])
    assert app.settings.hangul != h
    pump(app, [key(pygame.K_RIGHT), key(pygame.K_ESCAPE)])
    assert isinstance(app.top, MainScreen)
    # log paging and spread chart
    pump(app, [key(pygame.K_PAGEDOWN), key(pygame.K_PAGEUP), key(pygame.K_v)])
    from game.ui.screens.plenum_prep import SpreadScreen

    assert isinstance(app.top, SpreadScreen)
    pump(app, [key(pygame.K_RIGHT), key(pygame.K_ESCAPE)])


def test_action_dialog_takes_an_action(app):
    from game.ui.screens.action_dialog import ActionDialog
    from game.ui.screens.main_screen import ActionButton

    main = start_game(app, start="congress")
    pump(app)
    s = app.session
    btn = next(w for w in main.widgets if isinstance(w, ActionButton) and w.enabled and w.v.action.target == "person")
    spent = s.g.remaining("kim")
    pump(app, [click(btn.rect.center)])
    assert isinstance(app.top, ActionDialog)
    pump(app, [key(pygame.K_DOWN), key(pygame.K_RETURN)])
    press_widget(app, "commit")
    assert not isinstance(app.top, ActionDialog)
    assert s.g.remaining("kim") < spent


def test_one_enter_does_the_action_on_the_chosen_target_as_its_hint_says(app):
    """The "Do it" button says Enter: one Enter on the opened dialog does it, on the target
    shown; Down then Enter chooses another row first, and a second Enter does it on that one."""
    from game.ui.screens.action_dialog import ActionDialog
    from game.ui.screens.main_screen import ActionButton

    main = start_game(app, start="congress")
    pump(app)
    s = app.session
    btn = next(w for w in main.widgets if isinstance(w, ActionButton) and w.enabled and w.v.action.target == "person")
    aid = btn.v.action.id
    pump(app, [click(btn.rect.center)])
    assert isinstance(app.top, ActionDialog)
    chosen = app.top.target
    assert chosen is not None
    pump(app, [key(pygame.K_RETURN)])
    assert not isinstance(app.top, ActionDialog)
    assert s.state.decisions[-1] == {"t": "act", "side": "kim", "action": aid, "target": chosen}
    btn = next(
        w for w in app.top.widgets if isinstance(w, ActionButton) and w.enabled and w.v.action.target == "person"
    )
    pump(app, [click(btn.rect.center)])
    first = app.top.target
    pump(app, [key(pygame.K_DOWN), key(pygame.K_RETURN)])
    assert isinstance(app.top, ActionDialog) and app.top.target != first  # chosen, not yet done
    other = app.top.target
    pump(app, [key(pygame.K_RETURN)])
    assert not isinstance(app.top, ActionDialog) and s.state.decisions[-1]["target"] == other


def test_a_member_list_opens_nearest_the_line_and_keeps_the_sort_chosen(app):
    """One Enter does the move on the first row, so a list of members opens on the swing voter
    (the smallest lean by this side's estimate, among those with a vote), not on the surest and
    least useful move. A sort the player picks is kept for the next dialog."""
    from game.ui.screens.action_dialog import ActionDialog
    from game.ui.screens.main_screen import ActionButton

    main = start_game(app, start="congress")
    pump(app)
    btn = next(w for w in main.widgets if isinstance(w, ActionButton) and w.enabled and w.v.action.target == "person")
    pump(app, [click(btn.rect.center)])
    dlg = app.top
    assert isinstance(dlg, ActionDialog) and dlg.sort == "swing" and dlg.leans
    voters = [t for t in dlg.targets if t in dlg.leans]
    assert dlg.target == min(voters, key=lambda pid: (abs(dlg.leans[pid]), -dlg.odds[pid], pid))
    pump(app, [key(pygame.K_s)])
    assert app.top.sort == "odds" and app.session.picker_sort == "odds"
    pump(app, [key(pygame.K_ESCAPE)])
    pump(app, [click(btn.rect.center)])
    assert isinstance(app.top, ActionDialog) and app.top.sort == "odds"


def test_toasts_over_the_action_dialog_hide_none_of_its_controls(app):
    from game.ui.screens.action_dialog import ActionDialog
    from game.ui.screens.main_screen import ActionButton

    main = start_game(app, start="congress")
    pump(app)
    btn = next(w for w in main.widgets if isinstance(w, ActionButton) and w.enabled and w.v.action.target == "person")
    pump(app, [click(btn.rect.center)])
    assert isinstance(app.top, ActionDialog)
    app.notify("A long passing message that wraps over two lines at this width, or even more than two of them", "error")
    app.notify("A second message")
    pump(app)
    area = app.draw_toasts(pygame.Surface(app.size))
    assert area is not None and app.top.card().contains(area)
    for w in app.top.widgets:
        assert not area.colliderect(w.rect), w.name


def test_event_dialog_reveals_history_and_chooses(app):
    from game.engine.state import Pending
    from game.ui.screens.event_dialog import EventDialog

    start_game(app, start="congress")
    s = app.session
    ev = next(e for e in s.scn.events if e.side == "kim" and len(e.options) >= 2)
    s.state.pending.append(Pending(ev.id, "kim"))  # stage the decision point for the test
    pump(app, frames=3)
    assert isinstance(app.top, EventDialog)
    pump(app, [key(pygame.K_r)])
    assert app.top.reveal
    pump(app, [key(pygame.K_DOWN)])
    assert app.top.focus.info
    pump(app, [key(pygame.K_1)], frames=1)
    assert not any(p.event == ev.id for p in s.state.pending)


def test_settings_persist_and_apply(app, tmp_path):
    from game.paths import settings_file
    from game.ui.screens.settings_screen import SettingsScreen

    pump(app, [key(pygame.K_s)])
    assert isinstance(app.top, SettingsScreen)
    app.top.set_focus(widget(app, "volume"))
    pump(app, [key(pygame.K_LEFT), key(pygame.K_LEFT)])
    press_widget(app, "apply")
    assert settings_file().exists()
    from game.ui import settings as S

    loaded, msg = S.load()
    assert msg == "" and loaded.volume == 50


def test_save_and_load_named_slot(app):
    from game.ui.screens.main_screen import MainScreen
    from game.ui.screens.saveload import SaveLoadScreen

    start_game(app)
    pump(app, [key(pygame.K_F5)])
    assert isinstance(app.top, SaveLoadScreen)
    app.top.name_field.value = "My plot"
    press_widget(app, "save")
    from game.paths import saves_dir

    assert (saves_dir() / "my-plot.json").exists()
    assert list(saves_dir().glob("autosave-*.json"))
    date = app.session.state.date
    from game.ui.screens.title import TitleScreen

    app.session = None
    app.reset(TitleScreen(app))
    pump(app)
    pump(app, [key(pygame.K_l)])
    row = next(w for w in app.top.widgets if w.name == "save:my-plot.json")
    pump(app, [click(row.rect.center)])
    settle(app)
    assert isinstance(app.top, MainScreen) and app.session.state.date == date
    # a loaded game lists the factions in the scenario's order (the save sorts its keys)
    shown = [w.name.split(":", 1)[1] for w in app.top.widgets if w.name.startswith("faction:")]
    assert shown == [f.id for f in app.session.scn.factions]


def test_plenum_hall_plays_and_explains_seats(app):
    from game.ui.screens.plenum_hall import PlenumHall, Seat

    start_game(app)
    s = app.session
    for _ in range(200):
        if isinstance(app.top, PlenumHall):
            break
        top = type(app.top).__name__
        if top == "TacticScreen" or top == "EventDialog":
            pump(app, [key(pygame.K_1)])
        elif top == "MainScreen":
            end_phase(app)
        else:
            pump(app, [key(pygame.K_ESCAPE)])
    hall = app.top
    assert isinstance(hall, PlenumHall)
    seats = [w for w in hall.widgets if isinstance(w, Seat)]
    com = s.scn.scenario.committee
    n_full = sum(1 for (_, pid, kind) in hall.slots if kind == "full")
    assert n_full >= com.full_seats
    votes = [i for i, st in enumerate(hall.stages) if st["kind"] == "vote"]
    hall.jump(votes[0], 1.0)
    seat = next(w for w in seats if w.kind == "full")
    lines = hall.seat_tip(seat.pid)
    assert any("voted" in ln.lower() for ln in lines)
    pump(app, [key(pygame.K_SPACE), key(pygame.K_a), key(pygame.K_s)])
    assert hall.finished
    pump(app, [key(pygame.K_RETURN)], frames=3)
    assert app.top is not hall


def test_hotseat_hands_over_and_hides(app):
    from game.ui.screens.handoff import HandoffScreen

    start_game(app, start="congress", side="hotseat")
    s = app.session
    assert s.players.hotseat
    end_phase(app)
    for _ in range(5):
        if isinstance(app.top, HandoffScreen):
            break
        pump(app, [key(pygame.K_1)], frames=2)
    assert isinstance(app.top, HandoffScreen)
    assert app.top.side == "opposition"
    pump(app, [key(pygame.K_RETURN)], frames=2)
    assert s.viewer == "opposition"
    assert all(e.visible_to in ("all", "opposition") for e in s.visible_log())


def test_intro_and_pause_menu(app):
    from game.ui.screens.help import IntroScreen

    app.settings.seen_intro = False
    start_game(app)
    assert isinstance(app.top, IntroScreen)
    for _ in range(6):
        pump(app, [key(pygame.K_RETURN)])
    assert app.settings.seen_intro
    settle(app)
    pump(app, [key(pygame.K_ESCAPE)])
    from game.ui.screens.pause import PauseMenu

    assert isinstance(app.top, PauseMenu)
    pump(app, [key(pygame.K_ESCAPE)])


def test_dispatch_report_and_spread_dot_open_a_file(app):
    from game.ui.screens.person import PersonScreen
    from game.ui.screens.plenum_prep import SpreadScreen
    from game.ui.screens.report import ReportScreen

    main = start_game(app, start="congress")
    # the next phase of Kim opens with a report of what happened meanwhile
    end_phase(app)
    for _ in range(6):
        if isinstance(app.top, ReportScreen):
            break
        pump(app, [key(pygame.K_1)], frames=2)
    assert isinstance(app.top, ReportScreen)
    assert all(e.visible_to in ("all", "kim") for e in app.top.entries)
    pump(app, [key(pygame.K_RETURN)], frames=2)
    settle(app)
    pump(app, [key(pygame.K_v)])
    assert isinstance(app.top, SpreadScreen)
    dot = next(w for w in app.top.widgets if w.name.startswith("dot:"))
    pump(app, [click(dot.rect.center)])
    assert isinstance(app.top, PersonScreen)
    pump(app, [key(pygame.K_ESCAPE), key(pygame.K_ESCAPE)])
    assert app.top is main or isinstance(app.top, type(main))


def test_ending_a_phase_unused_asks_first(app):
    from game.ui.screens.common import MessageScreen

    start_game(app, start="congress")
    s = app.session
    turn = s.state.turn
    pump(app, [key(pygame.K_e)], frames=2)
    assert isinstance(app.top, MessageScreen)
    press_widget(app, "Keep playing")
    assert s.state.phase == "kim" and s.state.turn == turn
    end_phase(app)
    assert s.state.phase != "kim" or s.state.turn > turn


def test_a_broken_scenario_rule_is_told_once_and_the_game_goes_on(app, monkeypatch):
    """A RuleError met in play opens its own message naming the rule's place, once; the player
    may go on (the same fault again is not told twice) or return to the title."""
    from game.engine.expr import RuleError
    from game.ui.screens.common import MessageScreen
    from game.ui.screens.main_screen import MainScreen
    from game.ui.screens.title import TitleScreen

    main = start_game(app, start="congress")
    pump(app)
    s = app.session
    fault = RuleError("actions.yaml:12 (secure_vote.chance)", "45 + target.fear / 0", "division by zero")

    def broken(order):
        raise fault

    monkeypatch.setattr(s.g, "submit", broken)
    toasts = len(app.toasts)
    end_phase(app)
    msg = app.top
    assert isinstance(msg, MessageScreen) and msg.error
    assert "actions.yaml:12 (secure_vote.chance)" in msg.body and "division by zero" in msg.body
    assert len(app.toasts) == toasts  # not the generic "Something went wrong" toast
    press_widget(app, next(w.name for w in msg.widgets if w.label == "Go on"))
    assert app.top is main and app.session is s
    pump(app, [key(pygame.K_e)], frames=2)  # the same fault again: not told a second time
    assert not any(isinstance(x, MessageScreen) and "broken" in x.title_text for x in app.stack)
    monkeypatch.setattr(s.g, "submit", broken)
    app.rule_faults.clear()
    end_phase(app)
    assert isinstance(app.top, MessageScreen)
    press_widget(app, next(w.name for w in app.top.widgets if w.label == "Back to title"))
    assert isinstance(app.top, TitleScreen) and app.session is None
    assert not isinstance(app.stack[0], MainScreen)


def test_toasts_over_the_spread_chart_hide_neither_legend_nor_close(app):
    from game.ui.screens.plenum_prep import SpreadScreen

    start_game(app, start="congress")
    pump(app, [key(pygame.K_v)])
    assert isinstance(app.top, SpreadScreen)
    app.notify("A long passing message that wraps over two lines at this width, or even more than two of them")
    pump(app)
    area = app.draw_toasts(pygame.Surface(app.size))
    r = app.top.card()
    assert area is not None and area.bottom < r.bottom - 60  # above the legend and the Close button
    assert not area.colliderect(widget(app, "close").rect)


def test_a_count_that_moved_without_news_still_gets_its_report(app):
    """No dispatch reached the side, yet its count moved: the report opens to say why."""
    from game.ui.screens.report import ReportScreen

    start_game(app, start="congress")
    s = app.session
    s.mark_reported("kim")
    s._report_turn.pop("kim")
    assert s.unreported("kim") is None  # no news, the count stands
    s._report_turn.pop("kim")
    s._report_est["kim"]["kim"][0] += 8  # as if the last report had counted 8 more with Kim
    got = s.unreported("kim")
    assert got is not None and got[0] == []
    app.push(ReportScreen(app, "kim", *got))
    pump(app)
    assert isinstance(app.top, ReportScreen) and app.top.entries == []


def test_toasts_over_the_event_dialog_hide_none_of_its_controls(app):
    from game.ui.screens.event_dialog import EventDialog

    start_game(app, start="congress")
    for _ in range(8):
        if isinstance(app.top, EventDialog):
            break
        end_phase(app)
        pump(app, [key(pygame.K_RETURN)], frames=2)
    if not isinstance(app.top, EventDialog):
        pytest.skip("no decision came up in the first turns of this seed")
    app.notify("A long passing message that wraps over two lines at this width, or even more than two of them")
    pump(app)
    area = app.draw_toasts(pygame.Surface(app.size))
    assert area is not None and app.top.card().contains(area)
    for w in app.top.widgets:
        assert not area.colliderect(w.rect), w.name


def test_toasts_in_the_plenum_hall_hide_neither_legend_nor_buttons(app):
    from game.ui.screens.plenum_hall import PlenumHall

    start_game(app)  # the eve of the plenum
    for _ in range(8):
        if isinstance(app.top, PlenumHall):
            break
        end_phase(app)
        pump(app, [key(pygame.K_1)], frames=2)
        pump(app, [key(pygame.K_RETURN)], frames=2)
    if not isinstance(app.top, PlenumHall):
        pytest.skip("the session did not open in the first turns of this seed")
    app.notify("A long passing message that wraps over two lines at this width, or even more than two of them")
    app.notify("A second message")
    pump(app)
    area = app.draw_toasts(pygame.Surface(app.size))
    assert area is not None and area.left > 300  # off the legend at the bottom left
    for w in app.top.widgets:
        if w.name in ("next", "skip", "auto"):
            assert not area.colliderect(w.rect), w.name


def test_difficulty_tip_describes_the_opponent_as_this_scenario_tunes_it(app):
    """August tunes each side's normal level (Kim's rehearses every plenum and puts off a plenum
    it would lose; the critics' sees what a step opens later): the tip describes the level the
    opponent will play, not the bare table."""
    from game.ui.screens.newgame import NewGameScreen

    pump(app, [key(pygame.K_n)])
    ng = app.top
    assert isinstance(ng, NewGameScreen)
    diff = widget(app, "difficulty")
    ng.side = "opposition"  # the computer plays Kim
    cadre = next(t for t in diff.tooltip_lines() if t.startswith("Cadre"))
    assert "rehearses every plenum" in cadre and "puts off a plenum it would lose" in cadre
    ng.side = "kim"  # the computer plays the critics
    cadre = next(t for t in diff.tooltip_lines() if t.startswith("Cadre"))
    assert "rehearses 84% of plenums" in cadre and "sees what a step opens later" in cadre
    assert "puts off" not in cadre
    presidium = next(t for t in diff.tooltip_lines() if t.startswith("Presidium"))
    assert "puts off" not in presidium  # only Kim can put a plenum off
    assert "takes a suspected discovery of the plot for a fact" in presidium  # August's hard critics
    assert "suspected" not in cadre
    ng.side = "hotseat"
    tip = diff.tooltip_lines()
    assert "Playing Kim:" in tip and "Playing the critics:" in tip
