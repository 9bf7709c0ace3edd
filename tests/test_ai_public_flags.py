"""A flag the scenario declares public is known to both sides, whoever sets it: the computer
player's plausible worlds (and the odds a player is shown) take it as it is, never as a guess.

Found by comparing the odds shown with those rolled over AI games: drawn as Kim's secret, the
Chairman's journey abroad was in the critics' worlds in February and missing from them in June,
so "Court the home-grown cadres" (+25 while Kim is abroad) showed 61% where it rolled 50%."""

from __future__ import annotations

from game.ai import belief as B
from game.ai.odds import seen_odds
from game.ai.weights import for_scenario
from game.engine import actions as A
from game.engine.game import Game
from game.engine.intel import side_view
from game.tools.lab import make_player
from tests.test_validation import diags, find, write


def _worlds(g: Game, side: str):
    weights, _ = for_scenario(g.scn, "normal")
    view = side_view(g.state, g.scn, side)
    return [B.determinize(g.state, g.scn, side, view, k, weights) for k in range(6)]


def test_the_chairmans_journey_is_no_secret_to_the_critics(august):
    assert "kim_abroad" in august.scenario.public_flags
    assert "kim_abroad" not in B.private_flags(august)
    seen = {False: 0, True: 0}
    for seed in (1, 2, 3):
        g = Game.new(august, None, seed)
        players = {s: make_player("ai:normal", s, august) for s in ("kim", "opposition")}
        while (s := g.to_move()) is not None and g.state.date < "1956-08-01":
            if s == "opposition" and g.state.phase == "opposition":
                abroad = g.state.has_flag("kim_abroad")
                seen[abroad] += 1
                assert all(w.has_flag("kim_abroad") == abroad for w in _worlds(g, s)), (seed, g.state.date)
                court = august.get("action", "court_home_grown")
                # Only the exposure is left to guess (inside the band the critics read, at a quarter
                # point a point): never the journey's 25.
                shown = seen_odds(g.state, august, s, court.id, None).chance
                assert abs(shown - A.chance(g.state, august, court, None)) <= 6
            g.submit(players[s](g, s))
    assert seen[False] and seen[True]  # both before the journey and during it


def test_a_secret_flag_is_still_drawn(august):
    """The rule is not "no secrets": Kim's investigation stays his own, guessed at by the critics."""
    assert B.private_flags(august).get("investigation_opened") == "kim"


def test_a_public_flag_nothing_sets_is_reported_where_it_is_written(mini_dir):
    text = (mini_dir / "scenario.yaml").read_text()
    write(
        mini_dir,
        "scenario.yaml",
        text.replace("  leader_office: chair\n", "  leader_office: chair\n  public_flags: [caled]\n"),
    )
    d = find(diags(mini_dir), "unknown-flag", "'caled'")
    assert d.file.endswith("scenario.yaml") and d.line == 21
    assert "called" in d.hint


def test_a_plenum_put_off_or_cancelled_is_in_both_sides_dispatches(august):
    """The plenum's date is public (both panels show it): when it moves, both logs say so."""
    from game.engine.effects import apply_effects

    g = Game.new(august, None, 1)
    st = g.state
    pdef = august.get("plenum", "august_plenum")
    schedule = [e for e in pdef_effects(august, "schedule")][:1]
    assert schedule, "the scenario has a schedule effect to call the plenum with"
    apply_effects(st, august, schedule)
    called = st.plenums[pdef.id].date
    apply_effects(st, august, pdef_effects(august, "postpone")[:1])
    later = st.plenums[pdef.id].date
    assert later > called
    for side in ("kim", "opposition"):
        seen = [e.text for e in st.log if e.visible_to in ("all", side)]
        assert any(f"put off to {later}" in t for t in seen), (side, seen[-3:])
    st.plenums[pdef.id].status = "scheduled"
    from game.engine import effect_kinds

    effect_kinds._plenum(st, august, _fx(august, "cancel"), None)
    assert st.log[-1].text == f"{pdef.title} is cancelled." and st.log[-1].visible_to == "all"


def _all_effects(scn):
    for e in scn.events:
        for o in e.options:
            yield from o.effects
    for a in scn.actions:
        yield from a.success


def pdef_effects(scn, do: str):
    return [fx for fx in _all_effects(scn) if fx.kind == "plenum" and fx.value.do == do]


def _fx(scn, do: str):
    return pdef_effects(scn, "schedule")[0].value.model_copy(update={"do": do})
