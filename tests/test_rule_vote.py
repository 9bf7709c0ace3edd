"""The vote itself: the band's edges, severity per proposer, patrons in the hall, abstentions,
the pass threshold and the exact totals kept in the record. Every member is set to a neutral
lean first, so each one's lean is exactly what the test gives them through mood and judgement."""

import pytest

from game.engine import plenum as P
from game.engine.content import MotionDef
from game.engine.game import Game


@pytest.fixture
def g(mini):
    g = Game.new(mini, seed=1)
    st = g.state
    for p in st.people.values():
        p.loyalty, p.fear, p.pledge_kim, p.pledge_opposition = 50, 0, 0, 0
    st.country.security, st.country.cult = 50, 50
    for fs in st.factions.values():
        fs.cohesion = 0
    st.plenums["session"].record = {"stages": [], "passed": [], "failed": []}
    return g


def members(g):
    return sorted(P.present_members(g.state))


def run_vote(g, leans, *, proposer="opposition", severity=0, mood=0.0, patrons=()):
    """Vote on a fresh motion with each full member's judgement set so their lean is `leans[pid]`
    (members not named lean 0)."""
    pdef = g.scn.get("plenum", "session")
    motion = MotionDef(id="m", title="A motion", proposer=proposer, severity=severity)
    noise = {pid: leans.get(pid, 0) for pid in members(g)}
    return P.vote(g.state, g.scn, pdef, motion, mood, noise, tuple(patrons))


def spread(g, values):
    """Give the full members these leans, in sorted order."""
    ms = members(g)
    assert len(values) == len(ms)
    return dict(zip(ms, values, strict=True))


@pytest.mark.parametrize(
    ("lean", "kim_motion_vote", "critics_motion_vote"),
    [(6, "F", "A"), (5, "N", "N"), (0, "N", "N"), (-5, "N", "N"), (-6, "A", "F"), (7, "F", "A"), (-7, "A", "F")],
)
def test_band_edges(g, lean, kim_motion_vote, critics_motion_vote):
    pid = members(g)[0]
    assert run_vote(g, {pid: lean}, proposer="kim")["votes"][pid] == kim_motion_vote
    assert run_vote(g, {pid: lean}, proposer="opposition")["votes"][pid] == critics_motion_vote


def test_band_edges_by_mood_not_only_judgement(g):
    pid = members(g)[0]
    assert run_vote(g, {}, proposer="kim", mood=5.99)["votes"][pid] == "N"
    assert run_vote(g, {}, proposer="kim", mood=6.0)["votes"][pid] == "F"
    assert run_vote(g, {}, proposer="kim", mood=-5.99)["votes"][pid] == "N"
    assert run_vote(g, {}, proposer="kim", mood=-6.0)["votes"][pid] == "A"


def test_side_of_edges():
    assert P.side_of(6) == "kim" and P.side_of(5.999) == "abstain" and P.side_of(5) == "abstain"
    assert P.side_of(-6) == "opposition" and P.side_of(-5.999) == "abstain" and P.side_of(-5) == "abstain"
    assert P.side_of(0) == "abstain"


def test_severity_on_kims_motion_pulls_toward_the_critics(g):
    ms = members(g)
    rec = run_vote(g, {ms[0]: 12, ms[1]: 17}, proposer="kim", severity=8)
    assert rec["terms"][ms[0]][P.TERM_LABELS.index("Weight of the motion")] == -8
    assert rec["totals"][ms[0]] == 4 and rec["votes"][ms[0]] == "N"  # 12 - 8: below the band
    assert rec["totals"][ms[1]] == 9 and rec["votes"][ms[1]] == "F"
    assert rec["totals"][ms[2]] == -8 and rec["votes"][ms[2]] == "A"  # a neutral member turns against


def test_severity_on_the_critics_motion_pulls_toward_kim(g):
    ms = members(g)
    rec = run_vote(g, {ms[0]: -12, ms[1]: -17}, proposer="opposition", severity=8)
    assert rec["terms"][ms[0]][P.TERM_LABELS.index("Weight of the motion")] == 8
    assert rec["totals"][ms[0]] == -4 and rec["votes"][ms[0]] == "N"
    assert rec["totals"][ms[1]] == -9 and rec["votes"][ms[1]] == "F"
    assert rec["totals"][ms[2]] == 8 and rec["votes"][ms[2]] == "A"


def test_patrons_in_the_hall_double_their_signal_in_the_vote(g):
    st = g.state
    st.factions["critics"].standing = {"moscow": 50}
    m = st.patrons["moscow"]
    m.favour_kim, m.favour_opposition = 0, 50  # signal to the critics' members: -6, -12 with envoys
    col = P.TERM_LABELS.index("Patron signals")
    away = run_vote(g, {})
    there = run_vote(g, {}, patrons=("moscow",))
    assert away["terms"]["rebel"][col] == -6 and away["votes"]["rebel"] == "F"
    assert there["terms"]["rebel"][col] == -12 and there["totals"]["rebel"] == pytest.approx(-12.0)
    assert away["terms"]["aide"][col] == 0 and there["terms"]["aide"][col] == 0
    # a member just short of the band without the envoys crosses it with them
    st.patrons["moscow"].favour_opposition = 40  # -4.8 -> -9.6
    assert run_vote(g, {})["votes"]["rebel"] == "N"
    assert run_vote(g, {}, patrons=("moscow",))["votes"]["rebel"] == "F"


def test_abstentions_are_neither_for_nor_against(g):
    rec = run_vote(g, spread(g, [-10, -10, -10, -10, 0, 0, 0, 0, 0]))
    assert rec["tally"] == {"for": 4, "against": 0, "abstain": 5}
    assert not rec["passed"]  # 4 of 9: short of 5, though nobody voted against
    assert list(rec["votes"].values()).count("N") == 5
    rec = run_vote(g, spread(g, [-10, -10, -10, -10, 10, 10, 10, 0, 0]))
    assert rec["tally"] == {"for": 4, "against": 3, "abstain": 2}


def test_a_motion_needs_more_than_half_of_those_present(g):
    rec = run_vote(g, spread(g, [-10] * 5 + [0] * 4))
    assert rec["needed"] == 5 and rec["tally"]["for"] == 5 and rec["passed"]
    rec = run_vote(g, spread(g, [-10] * 4 + [10] * 5))
    assert rec["needed"] == 5 and not rec["passed"]
    # with one member gone, 8 present: still 5 needed (4 is only half)
    g.state.people[members(g)[-1]].status = "arrested"
    assert len(members(g)) == 8
    rec = run_vote(g, spread(g, [-10] * 4 + [0] * 4))
    assert rec["needed"] == 5 and not rec["passed"] and rec["tally"]["for"] == 4
    rec = run_vote(g, spread(g, [-10] * 5 + [0] * 3))
    assert rec["passed"]
    # candidates have no vote
    assert all(g.state.people[pid].cc == "full" for pid in rec["votes"])


def test_the_outcome_is_logged_and_recorded(g):
    run_vote(g, spread(g, [-10] * 5 + [0] * 4))
    assert g.state.plenums["session"].record["passed"] == ["m"]
    assert "carried, 5 for, 0 against, 4 abstaining (5 needed)" in g.state.log[-1].text
    run_vote(g, spread(g, [-10] * 4 + [0] * 5))
    assert g.state.plenums["session"].record["failed"] == ["m"]


def test_a_passed_motion_applies_on_pass_and_a_failed_one_on_fail(g, mini):
    pdef = mini.get("plenum", "session")
    motion = pdef.motions[0]  # censure: on pass the boss loses the chair
    noise = {pid: -10 for pid in members(g)}
    P.vote(g.state, mini, pdef, motion, 0.0, noise, ())
    assert "chair" not in g.state.people["boss"].offices


def test_record_keeps_exact_totals_beside_rounded_terms(g):
    st = g.state
    st.people["rebel"].loyalty = 51  # +0.6
    st.people["rebel"].fear = 1  # +0.25
    rec = run_vote(g, {"rebel": 5}, mood=0.3)
    assert rec["totals"]["rebel"] == pytest.approx(6.15)
    assert rec["votes"]["rebel"] == "A"  # 6.15 is with Kim; the rounded terms (1 + 0 + 0 + 5) would say 6 too
    assert all(isinstance(v, int) for v in rec["terms"]["rebel"])
    # a case where rounding each term would mislead: 0.45 x 3 terms = 1.35 shown as 0s
    st.people["rebel"].loyalty, st.people["rebel"].fear = 50, 0
    st.people["rebel"].pledge_kim = 1  # +0.45 (rounds to 0)
    rec = run_vote(g, {"rebel": 5}, mood=0.6)  # 5 + 0.45 + 0.6 = 6.05: with Kim
    assert rec["votes"]["rebel"] == "A"
    assert sum(rec["terms"]["rebel"]) == 6
    assert rec["totals"]["rebel"] == pytest.approx(6.05)
    rec = run_vote(g, {"rebel": 5}, mood=0.4)  # 5.85: abstains, though 5 + 0 + 0 rounds... to 5
    assert rec["votes"]["rebel"] == "N" and rec["totals"]["rebel"] == pytest.approx(5.85)
    for pid, v in rec["votes"].items():
        assert {"kim": "A", "opposition": "F", "abstain": "N"}[P.side_of(rec["totals"][pid])] == v


def test_explain_gives_the_recorded_numbers_largest_first(g):
    st = g.state
    st.people["rebel"].loyalty = 60  # +6
    st.people["rebel"].pledge_opposition = 20  # -9
    rec = run_vote(g, {"rebel": -2})
    why = P.explain(rec, "rebel")
    assert why == [("Won over by the critics", -9), ("Loyalty to Kim", 6), ("Own judgement", -2)]


def test_a_session_with_envoys_present_doubles_their_signal(g, mini):
    """Through the whole session: the plenum's patrons_present reach the vote."""
    st = g.state
    st.factions["critics"].standing = {"moscow": 50}
    st.patrons["moscow"].favour_opposition = 50
    col = P.TERM_LABELS.index("Patron signals")
    base = mini.get("plenum", "session")
    for present, signal in (((), -6), (("moscow",), -12)):
        g2 = Game.new(mini, seed=1)
        g2.state.factions["critics"].standing = {"moscow": 50}
        g2.state.patrons["moscow"].favour_opposition = 50
        g2.state.plenums["session"].status = "in_session"
        rec = P.resolve(g2.state, mini, base.model_copy(update={"patrons_present": list(present)}))
        vote = next(s for s in rec["stages"] if s["kind"] == "vote")
        assert vote["terms"]["rebel"][col] == signal


def test_a_motion_both_sides_welcome_gets_both_sides_votes(g):
    """A concession both want (the leadership restoring the critics it expelled): members on
    either side of the band vote for it, only the undecided abstain. Moved by Kim's side alone,
    the same leans put the critics against their own friends' return."""
    ms = members(g)
    leans = {ms[0]: 10, ms[1]: -10, ms[2]: 0}
    pdef = g.scn.get("plenum", "session")
    both = MotionDef(id="m", title="Restore them", proposer="kim", welcomed_by=["kim", "opposition"])
    rec = P.vote(g.state, g.scn, pdef, both, 0.0, {pid: leans.get(pid, 0) for pid in ms}, ())
    assert (rec["votes"][ms[0]], rec["votes"][ms[1]], rec["votes"][ms[2]]) == ("F", "F", "N")
    assert rec["welcomed_by"] == ["kim", "opposition"]
    alone = run_vote(g, leans, proposer="kim")
    assert (alone["votes"][ms[0]], alone["votes"][ms[1]]) == ("F", "A")
    assert alone["welcomed_by"] == ["kim"]


def test_the_september_restoration_is_welcomed_by_both_sides():
    """The shipped September plenum: Kim's ritual compliance moves the restoration and the
    critics vote for it (they voted against it when the rule read every Kim motion as Kim's)."""
    from game.scenario.loader import find_scenario, load

    scn = load(find_scenario("august-1956")).scenario
    motion = next(m for m in scn.get("plenum", "september_plenum").motions if m.id == "rehabilitate")
    assert set(motion.welcomed()) == {"kim", "opposition"}
