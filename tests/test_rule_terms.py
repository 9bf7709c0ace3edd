"""Exact numbers for every term of a member's lean, and the TERMS registry that explains them.

The expected values are written out by hand (not computed from RULE), so a changed
coefficient, a dropped term or a flipped sign turns a test red.
"""

from dataclasses import replace

import pytest

from game.engine import plenum as P
from game.engine import vote_rule as VR
from game.engine.game import Game
from game.engine.vote_rule import RULE, TERMS


@pytest.fixture
def st(mini):
    return Game.new(mini, seed=1).state


def _set_rebel(st):
    """The rebel (critics' faction, Moscow's clients) with every input of the lean set."""
    p = st.people["rebel"]
    p.loyalty, p.fear, p.pledge_kim, p.pledge_opposition = 70, 40, 20, 10
    st.country.security, st.country.cult = 70, 80
    st.factions["critics"].cohesion = 50
    st.factions["critics"].standing = {"moscow": 50}
    m = st.patrons["moscow"]
    m.favour_kim, m.favour_opposition, m.intervention = 30, 10, 50


def terms_by_id(values):
    assert len(values) == len(TERMS)
    return dict(zip(VR.TERM_IDS, values, strict=True))


def test_every_term_of_the_lean_has_its_exact_value(st, mini):
    _set_rebel(st)
    t = terms_by_id(P.lean_terms(st, mini, "rebel", severity=10, kim_motion=False, mood=3.5, noise=-4))
    assert t["faction"] == pytest.approx(-10.0)  # vote_base -20 x cohesion 50 / 100
    assert t["loyalty"] == pytest.approx(12.0)  # (70 - 50) x 0.6
    assert t["fear"] == pytest.approx(12.0)  # 40 x 0.25 + (70 - 50) x 0.1
    assert t["cult"] == pytest.approx(4.5)  # (80 - 50) x 0.15
    assert t["pledge_kim"] == pytest.approx(9.0)  # 20 x 0.45
    assert t["pledge_opposition"] == pytest.approx(-4.5)  # -10 x 0.45
    # Moscow: tie = standing 50/100 + 0.5 (own patron) = 1.0; x 0.12 x (1 + 50/100) = 0.18; x (30 - 10)
    assert t["patrons"] == pytest.approx(3.6)
    assert t["motion"] == 10.0  # the critics' motion: severity pushes toward Kim's side (against it)
    assert t["mood"] == 3.5
    assert t["judgement"] == -4.0
    assert sum(t.values()) == pytest.approx(-10 + 12 + 12 + 4.5 + 9 - 4.5 + 3.6 + 10 + 3.5 - 4)


def test_each_input_moves_only_its_own_term(st, mini):
    _set_rebel(st)
    base = terms_by_id(P.lean_terms(st, mini, "rebel"))
    changes = {
        "loyalty": (lambda: setattr(st.people["rebel"], "loyalty", 80), 6.0),
        "fear": (lambda: setattr(st.people["rebel"], "fear", 44), 1.0),
        "pledge_kim": (lambda: setattr(st.people["rebel"], "pledge_kim", 40), 9.0),
        "pledge_opposition": (lambda: setattr(st.people["rebel"], "pledge_opposition", 30), -9.0),
    }
    for tid, (change, delta) in changes.items():
        before = terms_by_id(P.lean_terms(st, mini, "rebel"))
        change()
        after = terms_by_id(P.lean_terms(st, mini, "rebel"))
        for k in VR.TERM_IDS:
            assert after[k] - before[k] == pytest.approx(delta if k == tid else 0.0), (tid, k)
    assert base["motion"] == 0 and base["mood"] == 0 and base["judgement"] == 0


def test_security_feeds_fear_and_cult_is_the_same_for_all(st, mini):
    st.country.security, st.country.cult = 30, 40
    for pid in ("rebel", "aide", "boss"):
        p = st.people[pid]
        t = terms_by_id(P.lean_terms(st, mini, pid))
        assert t["fear"] == pytest.approx(p.fear * 0.25 - 2.0)  # (30 - 50) x 0.1
        assert t["cult"] == pytest.approx(-1.5)  # (40 - 50) x 0.15


def test_cohesion_scales_the_faction_line(st, mini):
    for cohesion, line in ((100, -20.0), (50, -10.0), (25, -5.0), (0, 0.0)):
        st.factions["critics"].cohesion = cohesion
        assert terms_by_id(P.lean_terms(st, mini, "rebel"))["faction"] == pytest.approx(line)
    st.factions["loyal"].cohesion = 75
    assert terms_by_id(P.lean_terms(st, mini, "aide"))["faction"] == pytest.approx(15.0)


def test_patron_signal_ties_intervention_and_envoys(st, mini):
    m = st.patrons["moscow"]
    m.favour_kim, m.favour_opposition, m.intervention = 0, 50, 0

    def sig(pid, present=()):
        return terms_by_id(P.lean_terms(st, mini, pid, patrons_present=present))["patrons"]

    # critics: standing 50 + own patron 0.5 -> tie 1.0; 0.12 x (0 - 50)
    assert sig("rebel") == pytest.approx(-6.0)
    # envoys in the hall double it
    assert sig("rebel", ("moscow",)) == pytest.approx(-12.0)
    # a patron not in the hall does not double: only the named ones do
    assert sig("rebel", ("beijing",)) == pytest.approx(-6.0)
    # intervention 100 doubles the weight: (1 + 100/100)
    m.intervention = 100
    assert sig("rebel") == pytest.approx(-12.0)
    m.intervention = 0
    # loyalists: no standing with Moscow and not their patron -> no signal at all
    assert sig("aide") == 0
    # standing alone gives a tie (40/100), without the own-patron half
    st.factions["loyal"].standing = {"moscow": 40}
    assert sig("aide") == pytest.approx(-2.4)  # 0.12 x 0.4 x -50
    # hostility (negative standing) is no tie: it does not reverse the signal
    st.factions["loyal"].standing = {"moscow": -60}
    assert sig("aide") == 0
    # the own-patron tie counts even at zero standing
    st.factions["critics"].standing = {}
    assert sig("rebel") == pytest.approx(-3.0)  # 0.12 x 0.5 x -50
    # favour to Kim pulls the other way
    m.favour_kim, m.favour_opposition = 50, 0
    assert sig("rebel") == pytest.approx(3.0)


@pytest.mark.parametrize(("kim_motion", "severity", "term"), [(True, 10, -10.0), (False, 10, 10.0), (True, -4, 4.0)])
def test_severity_pushes_away_from_the_proposer(st, mini, kim_motion, severity, term):
    t = terms_by_id(P.lean_terms(st, mini, "aide", severity=severity, kim_motion=kim_motion))
    assert t["motion"] == term


def test_leans_and_projection_use_the_same_terms(st, mini):
    members = P.present_members(st)
    today = P.leans(st, mini, members)
    for pid in members:
        assert today[pid] == pytest.approx(sum(P.lean_terms(st, mini, pid)))
    proj = P.projection(st, mini)
    sides = [RULE.side_of(v) for v in today.values()]
    assert proj["kim"] == sides.count("kim")
    assert proj["opposition"] == sides.count("opposition")
    assert proj["swing"] == sides.count("abstain")
    assert proj["present"] == len(members) == 9
    assert proj["majority"] == 5


def test_explain_now_rounds_and_orders_the_terms(st, mini):
    _set_rebel(st)
    why = P.explain_now(st, mini, "rebel")
    assert why == sorted(why, key=lambda t: -abs(t[1]))
    d = dict(why)
    assert d["Loyalty to Kim"] == 12 and d["Faction line"] == -10 and d["Patron signals"] == 4
    assert "Weight of the motion" not in d  # zero terms are left out


# ---------------------------------------------------------------- the registry


def test_terms_registry_is_complete_and_unique():
    assert len({t.id for t in TERMS}) == len(TERMS) == 10
    assert VR.TERM_LABELS == tuple(t.label for t in TERMS) == P.TERM_LABELS
    assert [VR.INDEX[t.id] for t in TERMS] == list(range(len(TERMS)))


def test_each_side_sees_only_its_own_private_work():
    assert VR.hidden_labels("kim") == ("Won over by the critics",)
    assert VR.hidden_labels("opposition") == ("Secured by Kim",)
    for t in TERMS:
        assert set(t.seen_by) <= {"kim", "opposition"} and t.seen_by


def test_formulas_are_written_from_the_rule_numbers():
    f = {t.id: t.formula() for t in TERMS}
    assert f["loyalty"] == "(loyalty − 50) × 0.6"
    assert f["fear"] == "fear × 0.25 + (security grip − 50) × 0.1"
    assert "× 0.15" in f["cult"]
    assert "× 0.45" in f["pledge_kim"] and "× 0.45" in f["pledge_opposition"]
    assert "× 0.12" in f["patrons"] and "plus 0.5" in f["patrons"] and "× 2 while its envoys" in f["patrons"]
    assert "−6 to +6" in f["judgement"]
    # one number changed changes its text
    other = replace(RULE, loyalty=0.7, noise=4, envoys_present=3)
    g = {t.id: t.formula(other) for t in TERMS}
    assert g["loyalty"] == "(loyalty − 50) × 0.7" and "−4 to +4" in g["judgement"] and "× 3 while" in g["patrons"]


def test_explanation_lines_cover_every_term_band_majority_and_shout_down():
    lines = VR.explanation_lines()
    assert len(lines) == len(TERMS) + 3
    for t, line in zip(TERMS, lines, strict=False):
        assert line.startswith(t.label + ": ")
    assert "+6 or more" in lines[len(TERMS)] and "−6 or less" in lines[len(TERMS)]
    assert "+20 or more" in lines[-1] and "− 20" in lines[-1] and "/ 5" in lines[-1] and "5–95%" in lines[-1]
    kim = VR.explanation_lines("kim")
    assert [ln for ln in kim if "hidden" in ln] == [kim[VR.INDEX["pledge_opposition"]]]
    assert "+7 or more" in VR.band_text(replace(RULE, band=7))


def test_the_engine_computes_from_rule(st, mini, monkeypatch):
    """plenum.py has no private copy of a coefficient: swapping RULE changes the vote's terms."""
    _set_rebel(st)
    monkeypatch.setattr(P, "RULE", replace(RULE, loyalty=1.0, fear=0.5, cult=0.0, pledge=1.0, patron=0.0))
    t = terms_by_id(P.lean_terms(st, mini, "rebel"))
    assert t["loyalty"] == pytest.approx(20.0)
    assert t["fear"] == pytest.approx(22.0)  # 40 x 0.5 + 20 x 0.1
    assert t["cult"] == 0 and t["patrons"] == 0
    assert t["pledge_kim"] == pytest.approx(20.0) and t["pledge_opposition"] == pytest.approx(-10.0)
    monkeypatch.setattr(P, "RULE", replace(RULE, band=3))
    assert P.side_of(3) == "kim" and P.side_of(-3) == "opposition" and P.side_of(2.9) == "abstain"
