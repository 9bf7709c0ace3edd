"""The words for a change of the security grip or the cult say how far it moves every member's
lean, and that figure is the change the count itself sees (one rule, vote_rule.RULE)."""

from __future__ import annotations

import re

from game.engine.effects import apply_effects, describe
from game.engine.game import Game
from game.engine.plenum import lean_terms


def _open_trial(scn):
    return next(a for a in scn.actions if a.id == "open_trial")


def test_a_trial_says_what_its_grip_does_to_every_lean(august):
    line = next(x for x in describe(august, _open_trial(august).success) if x.startswith("Country:"))
    m = re.search(r"every member's lean (\d+(?:\.\d+)?) more toward Kim", line)
    assert m, line
    shown = float(m.group(1))

    g = Game.new(august, None, 3)
    s = g.state
    pid = next(p for p in s.people if s.people[p].cc == "full")
    before = sum(lean_terms(s, august, pid))
    fx = next(f for f in _open_trial(august).success if f.kind == "country")

    apply_effects(s, august, [fx])
    after = sum(lean_terms(s, august, pid))
    assert round(after - before, 2) == shown


def test_the_shift_is_shown_to_the_hundredth_it_has(august):
    """The cult's 0.15 a point: 3 points are 0.45 and 5 are 0.75, not 0.4 and 0.8."""
    from game.engine.effect_kinds import CountryFx

    for cult, words in ((-3, "0.45 more toward the critics"), (5, "0.75 more toward Kim"), (2, "0.3 more toward Kim")):
        fx = CountryFx(cult=cult)
        line = describe(august, [type(_open_trial(august).success[0])(country=fx)])[0]
        assert words in line, line


def test_a_change_that_moves_no_lean_says_nothing_of_leans(august):
    econ = [
        f
        for a in august.actions
        for f in a.success
        if f.kind == "country" and not f.value.security and not f.value.cult
    ]
    for fx in econ:
        assert "lean" not in " ".join(describe(august, [fx]))
