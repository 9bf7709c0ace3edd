"""The action dialog says how long a commitment lasts against the next plenum, from the one
rule drift applies (world.PLEDGE_DECAY): in July 1953 a recruit's +50 is gone long before the
December 1955 plenum, and the dialog said only "+50"."""

from __future__ import annotations

from game.engine import world as W
from game.engine.game import Game
from game.words import pledge_line


def _action(scn, aid):
    return next(a for a in scn.actions if a.id == aid)


def test_a_recruit_in_1953_is_gone_before_the_first_plenum(campaign):
    g = Game.new(campaign, None, 1)
    line = pledge_line(campaign, g.state, _action(campaign, "recruit_member").success, "opposition")
    assert line is not None
    assert "+50 is gone in 25 turns, before the December Plenum, 1955 sits (in 35 turns)" in line, line


def test_the_turns_are_the_rule_drift_applies(campaign):
    # 50 at PLEDGE_DECAY a turn: drift takes it to nothing in exactly that many turns.
    g = Game.new(campaign, None, 1)
    p = g.state.people["kim_il"]
    p.pledge_kim = 50
    n = 0
    while p.pledge_kim:
        W.drift(g.state, campaign)
        n += 1
    assert n == W.pledge_lasts(50) == 25


def test_no_line_without_a_commitment_to_the_side(august):
    g = Game.new(august, None, 1)
    assert pledge_line(august, g.state, _action(august, "lie_low").success, "opposition") is None
    # Kim's pledge in a secured vote is Kim's, not the critics'.
    assert pledge_line(august, g.state, _action(august, "secure_votes").success, "opposition") is None
    line = pledge_line(august, g.state, _action(august, "secure_votes").success, "kim")
    assert line and line.startswith("A commitment fades by 2 a turn: +35 is gone in 18 turns")


def test_at_the_boundary_drift_comes_before_the_plenum(august):
    """Drift runs before a plenum that falls due sits: +35 (18 turns) is gone by a plenum 18
    turns off, still there for one 17 turns off."""
    import datetime as dt

    g = Game.new(august, None, 1)
    st = g.state
    pl = st.plenums["august_plenum"]
    fx = _action(august, "secure_votes").success
    for turns, words in (
        (18, "before the August Plenum sits (in 18 turns)"),
        (17, "; the August Plenum sits in 17 turns."),
        (1, "; the August Plenum sits in 1 turn."),
    ):
        pl.status = "scheduled"
        pl.date = (dt.date.fromisoformat(st.date) + dt.timedelta(days=14 * turns)).isoformat()
        line = pledge_line(august, st, fx, "kim")
        assert line and words in line, line


def test_the_aim_says_when_the_plenum_outlasts_every_pledge(campaign, august):
    from game.words import far_plenum_words

    g = Game.new(campaign, None, 1)
    pl = g.state.plenums["dec_1955_plenum"]
    words = far_plenum_words(campaign, g.state, pl.date, "opposition")
    assert words == "It sits in 35 turns and pledges fade by 2 a turn: recruit nearer the day."
    assert "secure votes" in (far_plenum_words(campaign, g.state, pl.date, "kim") or "")
    # August's plenum in early August is 12 turns off: nearer than a recruit's +50 lasts.
    a = Game.new(august, None, 1)
    assert far_plenum_words(august, a.state, a.state.plenums["august_plenum"].date, "opposition") is None


def test_a_factions_pledge_reads_as_words_and_says_when_only_the_unnamed_get_it(august):
    from game.engine.effects import describe

    canvass = next(a for a in august.actions if a.id == "canvass_faction")
    court = next(a for a in august.actions if a.id == "court_home_grown")
    assert "Soviet Koreans on the CC: commitment to the opposition +12" in describe(august, list(canvass.success), "")
    assert any(
        ln.startswith("Domestic communists on the CC (the unnamed members): commitment to the opposition +")
        for ln in describe(august, list(court.success), "")
    )
