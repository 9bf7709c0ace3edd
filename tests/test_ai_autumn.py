"""After the last plenum of 1956: the year is settled once nothing left can change the verdict,
and the AI weighs what is left (endings, patrons), not a count no plenum will take."""

from __future__ import annotations

from game import ai
from game.ai.player import AIPlayer
from game.engine.game import Game
from game.tools.report import run

SETTLED = "The question of the year is settled"


def test_sole_rule_is_settled_once_the_paper_reversal_stands(august):
    g = run(Game.new(august, "september_plenum", 1), {"kim": ai.make("history"), "opposition": ai.make("history")})
    st = g.state
    assert st.ending == "sole_rule"
    assert any(SETTLED in e.text for e in st.log)
    # The jobs were given (the last thing that could have defied the patrons) before it was settled.
    assert "november_measures" in st.fired
    # ...and the calendar did not play out its December turns one by one.
    assert st.turn < 8


def test_not_settled_while_a_defiance_of_the_patrons_is_unanswered(august):
    g = Game.new(august, "september_plenum", 1)
    history = ai.make("history")
    while not g.over:
        side = g.to_move()
        pend = [p for p in g.state.pending if p.side == side]
        if pend and pend[0].event == "november_measures":
            g.submit({"t": "choose", "side": side, "event": "november_measures", "option": "arrest_them"})
            break
        g.submit(history(g, side))
    assert g.state.has_flag("patrons_defied")
    from game.engine import endings as E

    assert E.settled(g.state, g.scn) is None


def test_with_no_plenum_left_the_ai_does_not_arrest_for_votes(august):
    g = Game.new(august, "september_plenum", 2)
    history = ai.make("history")
    kim = AIPlayer("normal")
    chosen = None
    while not g.over and chosen is None:
        side = g.to_move()
        pend = [p for p in g.state.pending if p.side == side]
        if pend and pend[0].event == "november_measures":
            order = kim(g, side)
            chosen = order["option"]
        else:
            g.submit(history(g, side))
    # Arresting the rehabilitated defies both patrons; with no plenum to sit, the votes it would
    # take from the critics are worth nothing, so the AI gives them the harmless jobs.
    assert chosen == "harmless_jobs"
