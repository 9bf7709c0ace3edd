"""The computer player plans: it does not forfeit a plenum it can win, it answers the informers'
hints, it says why it moved (to its own side only), and its weights are scenario data."""

import pytest

from game import ai, scripted
from game.ai.weights import Weights, for_scenario
from game.engine.content import AIModel
from game.engine.game import Game
from game.tools.report import run


def _to_tactic(g: Game, side: str, plenum: str, pol) -> bool:
    for _ in range(2000):
        if g.over:
            return False
        if any(p.side == side and p.event == f"plenum:{plenum}" for p in g.state.pending):
            return True
        s = g.to_move()
        g.submit(pol[s](g, s))
    return False


def test_the_critics_do_not_stay_silent_at_a_plenum_they_hold(august):
    g = Game.new(august, "eve_of_plenum", seed=2)
    for p in g.state.people.values():
        if p.faction != "partisan" and p.cc == "full":
            p.pledge_opposition = 90
            p.pledge_kim = 0
    lazy = {"kim": lambda g, s: _lazy(g, s), "opposition": lambda g, s: _lazy(g, s)}
    assert _to_tactic(g, "opposition", "august_plenum", lazy)
    pend = next(p for p in g.state.pending if p.side == "opposition")
    for level in ("normal", "hard"):
        order = ai.make("ai", level)(g, "opposition")
        assert order["t"] == "tactic" and order["tactic"] != "stay_silent", order
        assert "votes needed" in order["why"]
    assert pend in g.state.pending  # thinking changed nothing


def _lazy(g, side):
    for p in g.state.pending:
        if p.side == side:
            o = g.options(p)[0]
            if p.event.startswith("plenum:"):
                return {"t": "tactic", "side": side, "plenum": p.event.split(":", 1)[1], "tactic": o.id}
            return {"t": "choose", "side": side, "event": p.event, "option": o.id}
    return {"t": "end", "side": side}


def test_kim_keeps_ordering_surveillance_when_the_critics_go_quiet(august):
    """Against the routine that drafts the critique and then only builds and lies low, the
    normal Kim answers the informers' 'gone quiet' with surveillance, and says so."""
    reasons, watched = 0, 0
    for seed in (1, 2):
        g = Game.new(august, seed=seed)
        run(g, {"kim": ai.make("ai", "normal"), "opposition": scripted.make("lie_low_and_build", august, "opposition")})
        kim_reasons = [e.text for e in g.state.log if e.kind == "reason" and e.visible_to == "kim"]
        reasons += sum(1 for t in kim_reasons if "went quiet" in t)
        watched += sum(1 for d in g.state.decisions if d.get("action") == "surveillance")
    assert watched > 0 and reasons > 0


def test_reasons_are_written_for_the_moving_side_only(august):
    g = Game.new(august, seed=4)
    run(g, {"kim": ai.make("ai", "easy"), "opposition": ai.make("history")})
    reasons = [e for e in g.state.log if e.kind == "reason"]
    assert reasons and all(e.visible_to == "kim" for e in reasons)
    acts = [d for d in g.state.decisions if d.get("side") == "kim" and d["t"] in ("act", "tactic")]
    assert acts and all(d.get("why") for d in acts)
    # A replay from the orders alone gives the same game, reasons and all.
    again = Game.replay(august, None, 4, g.state.decisions)
    assert again.state.hash() == g.state.hash()


def test_weights_are_scenario_data(august):
    meta = august.scenario.model_copy(
        update={"ai": AIModel(weights={"vote": 10.0}, levels={"hard": {"found": 1.0}}, flags={"x": {"kim": 5.0}})}
    )
    tuned = august.model_copy(update={"scenario": meta})
    w, flags = for_scenario(tuned, "hard")
    assert (w.vote, w.found, flags) == (10.0, 1.0, {"x": {"kim": 5.0}})
    assert for_scenario(august, "normal")[0] == Weights()
    bad = august.model_copy(update={"scenario": august.scenario.model_copy(update={"ai": AIModel(weights={"vot": 1})})})
    with pytest.raises(ValueError, match="unknown name"):
        for_scenario(bad, "normal")


def test_a_reason_is_dated_when_the_order_was_given(august, monkeypatch):
    """A tactic may end the game and move the date to the calendar's end; its reason stays dated
    on the day it was given (a Presidium critic's August tactic read '31 December 1956')."""
    g = Game.new(august, seed=4)
    while g.to_move() != "kim":
        g.submit({"t": "end", "side": g.to_move()})
    given = g.state.date
    from game.engine import actions as A

    real = A.perform

    def jump(state, scn, side, aid, target=None):  # as an order that ends the game: the date runs on
        out = real(state, scn, side, aid, target)
        state.date = "1956-12-31"
        return out

    monkeypatch.setattr(A, "perform", jump)
    g.submit({"t": "act", "side": "kim", "action": "surveillance", "why": "Order surveillance: to find the plot."})
    entry = next(e for e in reversed(g.state.log) if e.kind == "reason")
    assert g.state.date == "1956-12-31" and entry.date == given


def test_a_level_that_does_not_look_ahead_names_no_turns_to_the_plenum(august):
    """Cadet counts the plenum as always one turn away (it has no horizon): its reasons say
    'for the plenum count', never '(1 turn away)' in a spring with no plenum called."""
    easy: list[str] = []
    normal: list[str] = []
    for seed in (4, 5):  # seed 4's game never calls a plenum; seed 5's does
        g = Game.new(august, seed=seed)
        run(g, {"kim": ai.make("ai", "easy"), "opposition": ai.make("ai", "normal")})
        easy += [e.text for e in g.state.log if e.kind == "reason" and e.visible_to == "kim"]
        normal += [e.text for e in g.state.log if e.kind == "reason" and e.visible_to == "opposition"]
    assert any("for the plenum count" in t for t in easy)
    assert not any("turn away" in t or "turns away" in t for t in easy)
    assert any("turns away)" in t or "turn away)" in t for t in normal)
    # After the last plenum no reason names turns to one (every level assumed six turns).
    late: list[str] = []
    for seed in range(1, 30):
        g = Game.new(august, seed=seed)
        run(g, {"kim": ai.make("ai", "normal"), "opposition": ai.make("ai", "normal")})
        held = [pl.date for pl in g.state.plenums.values() if pl.status == "held"]
        if held and len(held) == len(g.state.plenums):
            late += [e.text for e in g.state.log if e.kind == "reason" and e.date > max(held)]
        if len(late) > 3:
            break
    assert late and not any("away)" in t for t in late), late


def test_a_decision_on_a_question_reads_without_a_colon_after_the_question_mark(august):
    from game.engine.state import Pending

    g = Game.new(august, seed=4)
    ev = next(e for e in august.events if e.title.endswith("?") and len(e.options) > 1)
    g.state.pending.append(Pending(ev.id, ev.side if ev.side != "both" else "kim"))
    side = ev.side if ev.side != "both" else "kim"
    g.submit({"t": "choose", "side": side, "event": ev.id, "option": ev.options[0].id})
    line = next(e.text for e in reversed(g.state.log) if e.kind == "decision")
    assert line == f"{ev.title} {ev.options[0].text}" and "?:" not in line


def test_a_reason_names_what_the_move_gains_never_what_it_risks(august):
    """Drafting the critique adds exposure: its largest part was the risk of discovery, and its
    reason read "to keep the plot from being found". A reason is the part that gains most."""
    from game.ai.player import AIPlayer

    g = Game.new(august, seed=21)
    p = AIPlayer("normal")
    mind_side = "opposition"
    g.submit({"t": "end", "side": "kim"})
    order = p(g, mind_side)
    assert order.get("action") == "draft_critique", order
    assert "to keep the plot from being found" not in order["why"], order["why"]
    # Lying low does keep the plot hidden: that reason stays where it is the gain.
    texts: list[str] = []
    for seed in (21, 22):
        g = Game.new(august, seed=seed)
        run(g, {"kim": ai.make("ai", "normal"), "opposition": ai.make("ai", "normal")})
        texts += [e.text for e in g.state.log if e.kind == "reason" and e.visible_to == "opposition"]
    assert any(t.startswith("Lie low: to keep the plot from being found") for t in texts)
    assert not any(
        t.startswith(("Draft the critique: to keep", "Canvass the Soviet and Yan'an members: to keep")) for t in texts
    )
