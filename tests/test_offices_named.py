"""A post the records name (the Presidium, a ministry) is never handed to one of the unnamed
members who stand in for the rest of the hall: no action that appoints its target may list one.
Checked along a history game of each scenario, so the campaign's later committees count too."""

import pytest

from game import ai
from game.engine import actions as A
from game.engine.game import Game


def _appointing(scn):
    return [
        a
        for a in scn.actions
        if a.target == "person"
        and any(fx.person is not None and fx.person.person == "target" and fx.person.add_office for fx in a.success)
    ]


@pytest.mark.parametrize("name", ["august", "campaign"])
def test_no_action_appoints_an_unnamed_member(name, request):
    scn = request.getfixturevalue(name)
    appointing = _appointing(scn)
    assert appointing, "no action appoints its target: the test would check nothing"
    g = Game.new(scn, None, 3)
    hist = ai.make("history")
    seen_generated = False
    bad: set[tuple[str, str, str]] = set()
    for _ in range(4000):
        side = g.to_move()
        if side is None:
            break
        if g.state.turn % 3 == 0:
            generated = {pid for pid, p in g.state.people.items() if p.generated}
            seen_generated |= bool(generated)
            for a in appointing:
                for pid in A.candidates(g.state, scn, a):
                    if pid in generated:
                        bad.add((g.state.date[:7], a.id, pid))
        g.submit(hist(g, side))
    assert seen_generated, "the hall had no unnamed members: the test would check nothing"
    assert not bad, sorted(bad)[:10]
