"""A move of few uses says how many are left ("Three rounds settle it" / "six rounds at most":
the dialog did not say how many had gone), from the counter its own availability reads."""

from __future__ import annotations

from game.engine.actions import use_limit
from game.engine.game import Game
from game.words import uses_line
from tests.test_ui_screens import app, start_game  # noqa: F401  (the app fixture)


def _action(scn, aid):
    return next(a for a in scn.actions if a.id == aid)


def test_the_limits_are_read_from_the_actions_own_data(august, campaign):
    for scn in (august, campaign):
        limits = {a.id: use_limit(a) for a in scn.actions if use_limit(a)}
        assert limits == {
            "build_coalition": ("coalition_built", 3),  # counted only when a round works
            "court_home_grown": ("home_grown_courted", 6),
            "work_the_committee": ("committee_worked", 2),
            "postpone_plenum": ("postponements", 2),
        }
    a = _action(august, "build_coalition")
    # A bound under 'not' or 'or' limits nothing; '<=' allows one more.
    assert use_limit(a.model_copy(update={"available": "not var.coalition_built < 3"})) is None
    assert use_limit(a.model_copy(update={"available": "flag.kim_abroad or var.coalition_built < 3"})) is None
    assert use_limit(a.model_copy(update={"available": "var.coalition_built <= 3"})) == ("coalition_built", 4)


def test_the_words_count_what_is_used(august):
    g = Game.new(august, None, 5)
    a = _action(august, "court_home_grown")
    assert uses_line(g.state, a) == "So far 0 of 6; 6 left."
    g.state.vars["home_grown_courted"] = 4
    assert uses_line(g.state, a) == "So far 4 of 6; 2 left."
    assert uses_line(g.state, _action(august, "recruit_member")) is None


def test_the_dialog_and_the_tooltip_say_it(app, monkeypatch):  # noqa: F811
    from game.ui.screens.action_dialog import ActionDialog
    from game.ui.screens.main_screen import ActionButton
    from tests.ui_helpers import drawn_texts, pump

    main = start_game(app, side="opposition", start="congress")
    pump(app)
    btn = next(w for w in main.widgets if isinstance(w, ActionButton) and w.v.action.id == "court_home_grown")
    assert "So far 0 of 6; 6 left." in btn.tooltip_lines()
    drawn = drawn_texts(monkeypatch)
    app.push(ActionDialog(app, btn.v))
    app.frame([], dt=1 / 60, force=True)
    assert any(t.startswith("Costs 2 of your") and t.endswith("So far 0 of 6; 6 left.") for t in drawn), drawn


def test_a_limit_reached_reads_as_rounds_used_up(august):
    """A move whose rounds are used up says so ("there have been 2 rounds of work on the
    committee, the most allowed"), not "only when there have been fewer than 2 rounds"; beside
    another part still unmet, both are said."""
    from game.engine import actions as A
    from game.engine.game import Game
    from game.words import why_closed

    g = Game.new(august, None, 1)
    st = g.state
    st.flags += ["plot_discovered", "kim_returned"]
    st.vars["committee_worked"] = 2
    v = A.view_one(st, august, august.get("action", "work_the_committee"))
    assert not v.open
    assert why_closed(v, st, august) == "there have been 2 rounds of work on the committee, the most allowed."
    st.flags.remove("kim_returned")
    v = A.view_one(st, august, august.get("action", "work_the_committee"))
    said = why_closed(v, st, august)
    assert said.startswith("only when Kim has made his journey abroad and come back."), said
    assert said.endswith(" There have been 2 rounds of work on the committee, the most allowed."), said
    st.vars["committee_worked"] = 1
    st.flags.append("kim_returned")
    assert A.view_one(st, august, august.get("action", "work_the_committee")).open
