"""A post the records fill with named men (the Presidium, a ministry) is never handed to one of
the unnamed members who stand in for the rest of the hall. An action that appoints its target
and may take an unnamed member must give a post no named person holds (co-opting a rival gives a
Central Committee department, not a Presidium seat). Checked along a history game of each
scenario, so the campaign's later committees count too."""

import pytest

from game import ai
from game.engine import actions as A
from game.engine.game import Game


def _appointing(scn):
    """action -> the office it gives its target."""
    out = {}
    for a in scn.actions:
        if a.target != "person":
            continue
        for fx in a.success:
            if fx.person is not None and fx.person.person == "target" and fx.person.add_office:
                out[a.id] = fx.person.add_office
    return out


def _named_posts(scn) -> set[str]:
    """The posts named people hold at the start or are given by name in an event."""
    posts = {o for p in scn.people for o in p.offices}
    for ev in scn.events:
        for opt in ev.options:
            for fx in opt.effects:
                if fx.person is not None and fx.person.person != "target" and fx.person.add_office:
                    posts.add(fx.person.add_office)
    return posts


@pytest.mark.parametrize("name", ["august", "campaign"])
def test_no_action_gives_an_unnamed_member_a_post_the_records_fill(name, request):
    scn = request.getfixturevalue(name)
    appointing = _appointing(scn)
    assert "co_opt_rival" in appointing, "the action this test is about is gone"
    named = _named_posts(scn)
    assert named, "no named person holds a post: the test would check nothing"
    if name == "august":
        assert "presidium" in named
    g = Game.new(scn, None, 3)
    hist = ai.make("history")
    offered_unnamed = False
    bad: set[tuple[str, str, str]] = set()
    for _ in range(4000):
        side = g.to_move()
        if side is None:
            break
        if g.state.turn % 3 == 0:
            for aid, office in appointing.items():
                a = scn.get("action", aid)
                for pid in A.candidates(g.state, scn, a):
                    if g.state.people[pid].generated:
                        offered_unnamed = True
                        if office in named:
                            bad.add((g.state.date[:7], aid, office))
        g.submit(hist(g, side))
    assert offered_unnamed, "no unnamed member was ever a candidate: the test would check nothing"
    assert not bad, sorted(bad)[:10]
