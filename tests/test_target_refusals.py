"""A target picker marks who refused this side the last time it tried the same action on him
(read from the side's own log), so a player does not spend a point on the same refusal twice."""

from __future__ import annotations

import pygame

from game.engine.game import Game
from game.words import last_refusals
from tests.test_ui_screens import app, start_game  # noqa: F401  (the app fixture)
from tests.ui_helpers import click, pump


def _critics_turn(august, seed, g=None):
    g = g or Game.new(august, None, seed)
    while g.to_move() != "opposition" or any(p.side == "opposition" for p in g.state.pending):
        s = g.to_move()
        pend = [p for p in g.state.pending if p.side == s]
        if pend:
            opt = g.options(pend[0])[0]
            g.submit({"t": "choose", "side": s, "event": pend[0].event, "option": opt.id})
        else:
            g.submit({"t": "end", "side": s})
    return g


def test_a_refusal_is_marked_for_that_side_only_and_cleared_by_a_yes(august):
    from game.tools.terminal import TerminalPlayer

    for seed in range(1, 40):
        g = _critics_turn(august, seed)
        v = next(x for x in g.actions("opposition") if x.action.id == "recruit_member")
        target = sorted(v.targets)[0]
        g.submit({"t": "act", "side": "opposition", "action": "recruit_member", "target": target})
        name = g.state.people[target].name
        if g.state.log[-1].text.startswith(f"{name} refused") or any(
            e.text.startswith(f"{name} refused") for e in g.state.log[-3:]
        ):
            break
    else:
        raise AssertionError("no refusal in 39 seeds")
    got = last_refusals(g.state, august, "opposition", "recruit_member")
    assert got == {target: g.state.date}
    assert last_refusals(g.state, august, "kim", "recruit_member") == {}  # never in Kim's log
    assert last_refusals(g.state, august, "opposition", "canvass_faction") == {}  # no target
    # The terminal's picker says so on his row, the next fortnight.
    when = g.state.date
    g.submit({"t": "end", "side": "opposition"})
    g = _critics_turn(august, seed, g)
    assert last_refusals(g.state, august, "opposition", "recruit_member") == {target: when}
    v = next(x for x in g.actions("opposition") if x.action.id == "recruit_member")
    assert target in v.targets
    rows = dict(TerminalPlayer().target_rows(g, "opposition", v, limit=None))
    assert "refused you" in rows[target]
    assert sum("refused you" in r for r in rows.values()) == 1
    # A later yes clears it.
    a = august.get("action", "recruit_member")
    g.state.add_log(a.success_text.replace("{target}", name), "action", "opposition")
    assert last_refusals(g.state, august, "opposition", "recruit_member") == {}


def test_the_windows_picker_marks_the_refusal(app):  # noqa: F811
    from game.ui.screens.action_dialog import ActionDialog
    from game.ui.screens.main_screen import ActionButton

    main = start_game(app, start="congress", side="opposition")
    pump(app)
    s = app.session
    btn = next(w for w in main.widgets if isinstance(w, ActionButton) and w.v.action.id == "recruit_member")
    target = sorted(btn.v.targets)[0]
    a = s.scn.get("action", "recruit_member")
    s.state.add_log(a.failure_text.replace("{target}", s.state.people[target].name), "action", "opposition")
    pump(app, [click(btn.rect.center)])
    dlg = app.top
    assert isinstance(dlg, ActionDialog)
    assert dlg.refused == {target: s.state.date}
    dlg.target = target
    pump(app, frames=2)  # the row and the details panel draw it
    pygame.event.clear()
