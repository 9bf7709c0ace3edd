"""A scenario may tune one side's levels apart from the other's (``ai.sides``): its own weights
and, per level, its own foresight; the other side keeps the shared tuning, and every side's
levels still see at least as far as the ones below."""

from dataclasses import fields, replace
from itertools import pairwise

import pytest

from game.ai.player import AIPlayer, Mind
from game.ai.weights import LEVELS, Weights, for_scenario, level_for
from game.engine.content import AIModel, AISideModel
from game.engine.game import Game

ORDER = ("easy", "normal", "hard")


def _tuned(scn, model: AIModel):
    return scn.model_copy(update={"scenario": scn.scenario.model_copy(update={"ai": model})})


def test_a_sides_tuning_reaches_that_side_only(august):
    model = AIModel(
        weights={"vote": 10.0},
        levels={"normal": {"found": 1.0}},
        sides={
            "opposition": AISideModel(
                weights={"vote": 20.0}, levels={"normal": {"budget": 2.0, "opens": 1, "width": 4}}
            )
        },
    )
    scn = _tuned(august, model)
    kim, _ = for_scenario(scn, "normal", "kim")
    opp, _ = for_scenario(scn, "normal", "opposition")
    assert (kim.vote, kim.found, kim.budget) == (10.0, 1.0, Weights().budget)
    assert (opp.vote, opp.found, opp.budget) == (20.0, 1.0, 2.0)
    # Without a side (the odds tables, the rehearsal), the shared tuning only.
    assert for_scenario(scn, "normal")[0] == kim
    # Level settings: the side's own at that level; the other side and other levels as LEVELS.
    assert level_for(scn, "normal", "opposition") == replace(LEVELS["normal"], opens=True, width=4)
    assert level_for(scn, "normal", "kim") == LEVELS["normal"]
    assert level_for(scn, "easy", "opposition") == LEVELS["easy"]
    assert level_for(scn, "hard", "opposition").name == LEVELS["hard"].name


def test_the_player_thinks_with_its_sides_own_level(august):
    scn = _tuned(august, AIModel(sides={"opposition": AISideModel(levels={"normal": {"opens": 1}})}))
    g = Game.new(scn, seed=3)
    player = AIPlayer("normal")
    critics, kim = Mind(player, g, "opposition"), Mind(player, g, "kim")
    assert critics.level.opens and critics.enables
    assert not kim.level.opens and not kim.enables


def test_a_bad_name_in_a_sides_block_is_refused(august):
    bad = _tuned(august, AIModel(sides={"kim": AISideModel(levels={"hard": {"widht": 3}})}))
    with pytest.raises(ValueError, match=r"sides\.kim.*widht"):
        for_scenario(bad, "hard", "kim")
    # A level setting belongs to one level: in the side's every-level weights it is refused.
    at_every_level = _tuned(august, AIModel(sides={"kim": AISideModel(weights={"width": 3})}))
    with pytest.raises(ValueError, match="width"):
        level_for(at_every_level, "easy", "kim")
    with pytest.raises(ValueError, match="width"):
        for_scenario(at_every_level, "easy", "kim")


@pytest.mark.parametrize("name", ["august", "campaign"])
@pytest.mark.parametrize("side", ["kim", "opposition"])
def test_each_sides_levels_still_see_as_far_as_the_ones_below(name, side, request):
    scn = request.getfixturevalue(name)
    for lower, higher in pairwise(ORDER):
        lo, hi = level_for(scn, lower, side), level_for(scn, higher, side)
        for f in fields(lo):
            if f.name in ("name", "replan_top"):
                continue
            a, b = getattr(lo, f.name), getattr(hi, f.name)
            if isinstance(a, bool):
                assert b or not a, f"{name}: the {side}' {higher} lacks {f.name}, which {lower} has"
            else:
                assert b >= a, f"{name}: the {side}' {higher}.{f.name} = {b} is below {lower}'s {a}"


def test_a_name_that_is_both_a_weight_and_a_setting_means_the_weight_unless_prefixed(august):
    """`delay` and `strike` are each a weight and a level setting: the bare name is the weight,
    `level.delay` the setting, so switching a foresight on never also zeroes its worth."""
    on = _tuned(august, AIModel(sides={"kim": AISideModel(levels={"normal": {"level.delay": 1}})}))
    assert level_for(on, "normal", "kim").delay is True
    assert for_scenario(on, "normal", "kim")[0].delay == Weights().delay
    worth = _tuned(august, AIModel(sides={"kim": AISideModel(levels={"normal": {"delay": 10}})}))
    assert level_for(worth, "normal", "kim").delay is LEVELS["normal"].delay
    assert for_scenario(worth, "normal", "kim")[0].delay == 10.0


def test_the_hard_critics_take_a_plot_they_suspect_found_as_found(august):
    """August's hard critics (ai.sides.opposition.levels.hard: suspected_found 1) draw every world
    with the plot found once they suspect it; the lower levels keep the even chance."""
    assert for_scenario(august, "hard", "opposition")[0].suspected_found == 1.0
    assert for_scenario(august, "normal", "opposition")[0].suspected_found == Weights().suspected_found == 0.5
    g = Game.new(august, seed=1)
    g.state.exposure = 50  # watched: the critics suspect the worst, found or not
    mind = Mind(AIPlayer("hard"), g, "opposition")
    assert mind.view.plot_found == "suspected" and not g.state.has_flag("plot_discovered")
    assert len(mind.worlds) == LEVELS["hard"].samples
    assert all(w.has_flag("plot_discovered") for w in mind.worlds)
    assert mind.p_found(mind.worlds[0]) == 1.0
