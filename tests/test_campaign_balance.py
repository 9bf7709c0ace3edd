"""The campaign's balance fixes that are rules, not figures: each is checked on fixed games or a
prepared state, so no result here depends on the AI's tuning (the win rates are measured with
`plenum lab --scenario campaign-1953`, not asserted)."""

from collections import Counter

import pytest

from game import ai
from game.engine import actions as A
from game.engine.game import Game
from game.tools.report import run


def _yearly(scn):
    """Recurring events tied to one month of the year (the embassies' January reports, the
    patrons' July fatigue)."""
    return {e.title for e in scn.events if not e.once and e.condition and "month ==" in e.condition}


@pytest.mark.parametrize("kim,opp,seed", [("history", "history", 1), ("ai:easy", "ai:easy", 3)])
def test_yearly_events_fire_at_most_once_a_year(campaign, kim, opp, seed):
    from game.tools.lab import make_player

    titles = _yearly(campaign)
    assert len(titles) >= 3
    g = Game.new(campaign, None, seed)
    run(g, {"kim": make_player(kim, "kim", campaign), "opposition": make_player(opp, "opposition", campaign)})
    fired = Counter((entry.text, entry.date[:4]) for entry in g.state.log if entry.text in titles)
    assert fired, "no yearly event fired: the check would prove nothing"
    assert max(fired.values()) == 1, fired


def _state_in(campaign, date: str):
    g = Game.new(campaign, "dogmatism", 1)
    g.state.date = date
    return g


def test_the_august_plenum_is_demanded_only_while_kim_is_abroad(campaign):
    # The AI critics used to demand it in January 1956 and remove Kim in the old committee.
    g = _state_in(campaign, "1956-01-20")
    demand = campaign.get("action", "demand_plenum")
    assert not A.view_one(g.state, campaign, demand).open
    g.state.set_flag("kim_abroad")
    assert A.view_one(g.state, campaign, demand).open


def test_a_plot_found_before_1956_is_forgotten_when_the_1956_circle_forms(campaign):
    g = Game.new(campaign, "dogmatism", 1)
    g.state.set_flag("plot_discovered")
    g.state.exposure = 90
    players = {"kim": ai.make("history"), "opposition": ai.make("history")}
    while "new_circle_unknown" not in g.state.fired:
        side = g.to_move()
        assert side is not None and g.state.date < "1956-05-01", "the reset never came"
        g.submit(players[side](g, side))
    assert not g.state.has_flag("plot_discovered")
    assert g.state.exposure <= 15


def test_the_opposition_has_its_own_decisions_before_1956(campaign):
    g = Game.new(campaign, None, 1)
    run(g, {"kim": ai.make("history"), "opposition": ai.make("history")})
    before = Counter(e.visible_to for e in g.state.log if e.kind == "decision" and e.date < "1956-01-01")
    # The history line takes the historical option, so conditional options never open here;
    # a counterfactual line meets more.
    assert before["opposition"] >= 8, before
    assert before["opposition"] >= before["kim"] * 2 // 3, before


@pytest.mark.parametrize("side", ["kim", "opposition"])
def test_the_ai_foresees_the_plot_found_only_before_the_plenum_it_changes(campaign, side):
    # Only the August 1956 plenum has tactics that need the plot found (or unfound). Foreseeing a
    # discovery toward every plenum of the decade made the levels that foresee it play worse than
    # Cadet: the critics hid, Kim kept ordering surveillance.
    from game.ai.player import AIPlayer, Mind

    g = Game.new(campaign, None, 1)  # July 1953: the next plenum is December 1955's
    g.state.exposure = 60
    mind = Mind(AIPlayer("normal"), g, side)
    assert mind.p_found(mind.worlds[0]) == 0.0
    g = Game.new(campaign, "dogmatism", 1)
    g.state.plenums["dec_1955_plenum"].status = "held"  # the next is the August plenum
    g.state.exposure = 60
    mind = Mind(AIPlayer("normal"), g, side)
    assert mind.p_found(mind.worlds[0]) > 0.1
    g.state.plenums["august_plenum"].status = "held"  # after it, discovery changes nothing
    mind = Mind(AIPlayer("normal"), g, side)
    assert mind.p_found(mind.worlds[0]) == 0.0
