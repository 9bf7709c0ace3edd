"""Every flag the shipped scenarios set or clear reads as words, not as its id ("From now on:
charges 1955" was what the campaign's dialogs said): the words come from the scenario's
flags.yaml, or the game's own for the base scenario's flags."""

from __future__ import annotations

from game.words import FLAGS, flag_lines, flag_words


def _flags_set(scn) -> set[str]:
    out: set[str] = set()

    def walk(effects):
        for fx in effects:
            if fx.kind in ("flag", "clear_flag"):
                out.add(str(fx.value))

    for e in scn.events:
        for o in e.options:
            walk(o.effects)
    for a in scn.actions:
        walk(a.success)
        walk(a.failure)
    for p in scn.plenums:
        for m in p.motions:
            walk(m.on_pass)
            walk(m.on_fail)
        for t in p.tactics:
            walk(t.effects)
    for s in scn.scenario.starts:
        walk(s.effects)
    return out


def test_every_flag_has_words(august, campaign):
    for scn in (august, campaign):
        missing = sorted(f for f in _flags_set(scn) if flag_words(scn, f) is None)
        assert not missing, f"{scn.scenario.id}: flags with no words (add them to flags.yaml): {missing}"


def test_the_scenario_words_are_used(campaign):
    ev = campaign.get("event", "charges_1955")
    opt = next(o for o in ev.options if any(fx.kind == "flag" for fx in o.effects))
    lines = flag_lines(opt.effects, campaign)
    assert lines == ["From now on: charges against Pak Il-u and Pak Yong-bin are before the plenum"], lines
    # Without the scenario, the id in words, as before.
    assert flag_lines(opt.effects) == ["From now on: charges 1955"]


def test_no_flag_words_for_a_flag_nothing_sets(august, campaign):
    for scn in (august, campaign):
        stray = sorted(f.id for f in scn.flags if f.id not in _flags_set(scn) and f.id not in FLAGS)
        assert not stray, f"{scn.scenario.id}: flags.yaml words for flags nothing sets: {stray}"


def test_action_tooltip_says_what_a_failures_flag_means(august):
    """The main screen's action tooltip gives both outcomes what their flags mean, as the action
    dialog does (it listed a failure's effects alone). No shipped action's failure sets a flag,
    so this one is a copy whose failure is its success."""
    from game.engine.game import Game
    from game.ui.screens.main_screen import outcome_tip

    a = next(x for x in august.actions if x.id == "draft_critique")
    g = Game.new(august, None, 3)
    pv = g.preview("opposition", a.id, None)
    plain = outcome_tip(august, pv, a)
    assert plain[0].startswith("If it works: ") and "the critics have drafted their critique" in plain[0]
    assert plain[1].startswith("If it fails: ") and "drafted" not in plain[1], plain
    both = a.model_copy(update={"failure": a.success})
    tip = outcome_tip(august, type(pv)(**{**vars(pv), "failure": pv.success}), both)
    assert tip[1].startswith("If it fails: ") and "From now on: the critics have drafted their critique" in tip[1], tip
