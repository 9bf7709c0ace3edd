"""plenum.vote writes lean_terms out for speed: every member's terms and total must be what
lean_terms gives, for every motion of both scenarios, on a state some way into a game."""

import pytest

from game import ai
from game.engine import plenum as P
from game.engine.game import Game
from game.scenario.loader import find_scenario, load
from tests.play import play_moves


@pytest.mark.parametrize("name", ["august-1956", "campaign-1953"])
def test_the_vote_counts_each_member_as_lean_terms_does(name):
    scn = load(find_scenario(name)).scenario
    g = play_moves(Game.new(scn, None, 4), {"kim": ai.make("ai:easy"), "opposition": ai.make("ai:easy")}, 60)
    checked = 0
    for pdef in scn.plenums:
        patrons = tuple(list(scn.ids("patron"))[:1])
        for motion in pdef.motions:
            for mood in (0.0, 4.5, -7.0):
                st = g.state.clone(history=True)
                st.plenums[pdef.id].record = {"passed": [], "failed": [], "stages": []}
                noise = {pid: (i % 7) - 3 for i, pid in enumerate(sorted(st.people))}
                want = {
                    pid: P.lean_terms(
                        st,
                        scn,
                        pid,
                        severity=motion.severity,
                        kim_motion=motion.proposer == "kim",
                        mood=mood,
                        noise=noise.get(pid, 0),
                        patrons_present=patrons,
                    )
                    for pid in P.present_members(st)
                }
                stage = P.vote(st, scn, pdef, motion, mood, noise, patrons)
                assert set(stage["totals"]) == set(want)
                for pid, t in want.items():
                    assert stage["totals"][pid] == sum(t)
                    assert stage["terms"][pid] == [round(x) for x in t]
                    checked += 1
    assert checked > 100
