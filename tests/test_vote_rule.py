"""The plenum vote rule played through whole sessions of the test scenario: arithmetic,
thresholds and explanations (exact per-term numbers are in test_rule_terms.py and
test_rule_vote.py, the shout-down in test_rule_shout.py)."""

from game.engine import plenum as P
from game.engine.game import Game
from game.engine.vote_rule import RULE


def new(mini, seed=1):
    return Game.new(mini, seed=seed)


def test_lean_is_the_sum_of_named_terms(mini):
    g = new(mini)
    st = g.state
    rebel = st.people["rebel"]
    terms = P.lean_terms(st, mini, "rebel")
    assert len(terms) == len(P.TERM_LABELS)
    # faction line: vote_base -20 at cohesion 100
    assert terms[0] == -20
    # loyalty 10 -> (10 - 50) * 0.6
    assert terms[1] == (rebel.loyalty - 50) * 0.6
    # fear term: fear*0.25 + (security-50)*0.1 ; security defaults to 50
    assert terms[2] == rebel.fear * 0.25
    assert terms[4] == 0 and terms[5] == 0


def test_pledges_move_a_member_across_the_line(mini):
    g = new(mini)
    st = g.state
    assert P.side_of(sum(P.lean_terms(st, mini, "rebel"))) == "opposition"
    st.people["rebel"].pledge_kim = 100
    st.people["rebel"].loyalty = 60
    assert P.side_of(sum(P.lean_terms(st, mini, "rebel"))) == "kim"


def test_band_thresholds():
    assert P.side_of(RULE.band) == "kim"
    assert P.side_of(-RULE.band) == "opposition"
    assert P.side_of(RULE.band - 0.01) == "abstain"
    assert P.side_of(0) == "abstain"
    assert RULE.band == 6 == P.VOTE_BAND


def test_patron_signal_follows_favour_and_ties(mini):
    g = new(mini)
    st = g.state
    st.patrons["moscow"].favour_opposition = 50
    t = P.lean_terms(st, mini, "rebel")
    # critics: standing 50 with their own patron -> tie 0.5 + 0.5; weight 0.12; favour diff -50
    assert round(t[6], 6) == round(-50 * 0.12 * 1.0, 6)
    # loyalists have no tie to Moscow: no signal
    assert P.lean_terms(st, mini, "aide")[6] == 0


def test_projection_counts_and_majority(mini):
    g = new(mini)
    proj = P.projection(g.state, mini)
    assert proj["present"] == 9
    assert proj["majority"] == 5
    assert proj["kim"] + proj["opposition"] + proj["swing"] == 9


def _sit_session(g, mini):
    # The opposition calls the session, both sides pass until it sits.
    g.submit({"t": "end", "side": "kim"})
    g.submit({"t": "act", "side": "opposition", "action": "call_session"})
    for _ in range(10):
        if g.state.plenums["session"].status == "held" or g.over:
            break
        side = g.to_move()
        pend = [p for p in g.state.pending if p.side == side]
        if pend:
            e = g.scn.get("event", pend[0].event)
            g.submit({"t": "choose", "side": side, "event": pend[0].event, "option": e.options[0].id})
        else:
            g.submit({"t": "end", "side": side})
    return g.state.plenums["session"].record


def test_motion_passes_only_with_more_than_half_of_those_present(mini):
    for seed in range(1, 9):
        g = new(mini, seed)
        record = _sit_session(g, mini)
        vote = next(s for s in record["stages"] if s["kind"] == "vote")
        t = vote["tally"]
        assert t["for"] + t["against"] + t["abstain"] == 9
        assert vote["needed"] == 5
        assert vote["passed"] == (t["for"] >= 5)
        # Every vote is the side of the member's exact recorded lean, borderline cases included,
        # and the exact lean is the sum of the unrounded terms within the rounding of each.
        for pid, v in vote["votes"].items():
            lean = vote["totals"][pid]
            expected = {"opposition": "F", "kim": "A", "abstain": "N"}[P.side_of(lean)]
            assert v == expected, (seed, pid, lean, v)
            assert abs(sum(vote["terms"][pid]) - lean) <= len(P.TERM_LABELS) / 2
        counts = {
            k: list(vote["votes"].values()).count(c) for k, c in (("for", "F"), ("against", "A"), ("abstain", "N"))
        }
        assert counts == t


def test_explanation_lists_the_numbers_behind_a_vote(mini):
    g = new(mini)
    record = _sit_session(g, mini)
    vote = next(s for s in record["stages"] if s["kind"] == "vote")
    why = P.explain(vote, "rebel")
    labels = [lab for lab, _ in why]
    assert "Faction line" in labels and "Loyalty to Kim" in labels
    assert sum(v for _, v in why) == sum(vote["terms"]["rebel"])
    assert abs(why[0][1]) >= abs(why[-1][1])  # largest first


def test_a_packed_committee_defeats_the_censure(mini):
    g = new(mini)
    for _pid, p in g.state.people.items():
        if p.cc == "full" and p.faction == "critics":
            p.pledge_kim = 100
            p.loyalty = 90
    record = _sit_session(g, mini)
    vote = next(s for s in record["stages"] if s["kind"] == "vote")
    assert not vote["passed"]
    assert g.state.people["boss"].offices == ["chair"]


def test_a_won_committee_removes_the_leader_and_ends_the_game(mini):
    g = new(mini)
    for pid, p in g.state.people.items():
        if p.cc == "full" and pid != "boss":
            p.pledge_opposition = 100
            p.loyalty = 0
    record = _sit_session(g, mini)
    vote = next(s for s in record["stages"] if s["kind"] == "vote")
    assert vote["passed"]
    assert g.state.ending == "fallen"
    assert g.over
