"""The 1953-1962 campaign: it validates, and following history ends as 1962 did.

History as the game models it by the end of 1962: the Domestic, Soviet and Yan'an groups are
broken, Kim Il Sung still chairs the party and no one has challenged him successfully, and he
holds mutual-assistance treaties with both patrons (July 1961).
"""

import datetime as dt
from pathlib import Path

import pytest

from game import ai
from game.engine.game import Game
from game.scenario.loader import load
from game.tools.report import final_report, run

CAMPAIGN = Path(__file__).resolve().parents[1] / "game" / "scenarios" / "campaign-1953"


def test_campaign_validates_with_no_errors():
    res = load(CAMPAIGN)
    assert res.scenario is not None
    assert not res.errors, [d.format() for d in res.errors]


def test_campaign_content_counts(campaign):
    meta = campaign.scenario
    assert meta.calendar.start == "1953-07-27" and meta.calendar.end == "1962-12-31"
    named = [p for p in campaign.people]
    assert len(named) >= 40
    decisions = [e for e in campaign.events if e.side != "none" and not e.triggered_only]
    assert len(decisions) >= 30
    ids = {c.id for c in meta.committees}
    assert {"cc_third", "cc_fourth"} <= ids
    third = next(c for c in meta.committees if c.id == "cc_third")
    fourth = next(c for c in meta.committees if c.id == "cc_fourth")
    assert (third.full_seats, third.candidate_seats) == (71, 45)
    assert (fourth.full_seats, fourth.candidate_seats) == (85, 50)
    assert "87" in fourth.elected  # the disagreement is noted


def test_every_dated_window_contains_a_turn(campaign):
    """Events with both an earliest and a latest date (most come from August 1956, written for
    14-day turns) must have at least one turn of the campaign's calendar inside their window."""
    meta = campaign.scenario
    start = dt.date.fromisoformat(campaign.start(None).date)
    step = dt.timedelta(days=meta.calendar.turn_days)
    end = dt.date.fromisoformat(meta.calendar.end)
    turns = []
    d = start
    while d <= end:
        turns.append(d)
        d += step
    missed = []
    for e in campaign.events:
        if e.earliest and e.latest:
            a, b = dt.date.fromisoformat(e.earliest), dt.date.fromisoformat(e.latest)
            if not any(a <= t <= b for t in turns):
                missed.append(f"{e.id} [{e.earliest}..{e.latest}]")
    assert not missed, missed


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_history_replay_ends_as_1962_did(campaign, seed):
    g = Game.new(campaign, seed=seed)
    run(g, {"kim": ai.make("history"), "opposition": ai.make("history")})
    st = g.state
    rep = final_report(g)
    ending = campaign.get("ending", st.ending)
    assert ending is not None, st.ending
    assert ending.historical and ending.victor == "kim", st.ending
    assert rep["date"] == "1962-12-31"
    assert "party_chairman" in st.people["kim_il_sung"].offices
    from game.engine import expr as X
    from game.engine.context import EvalContext

    ctx = EvalContext(st, campaign)
    for fac in ("domestic", "soviet", "yanan"):
        assert X.evaluate(X.parse(f"faction.{fac}.broken"), ctx), fac
    assert not X.evaluate(X.parse("faction.partisan.broken"), ctx)
    assert st.has_flag("treaty_ussr") and st.has_flag("treaty_china")
    # The milestones on the way.
    assert st.people["pak_hon_yong"].status == "executed"
    assert st.people["ri_sung_yop"].status == "executed"
    assert "expel_critics" in st.plenums["august_plenum"].record["passed"]
    assert "expel_pak_il_u" in st.plenums["dec_1955_plenum"].record["passed"]
    assert "bar_arrested" in st.plenums["oct_1957_plenum"].record["passed"]
    assert "remove_tu_bong" in st.plenums["conference_1958"].record["passed"]
    assert "simultaneous_development" in st.plenums["dec_1962_plenum"].record["passed"]
    assert st.people["kim_tu_bong"].status not in ("active", "demoted")
    assert st.people["choe_chang_ik"].status not in ("active", "demoted")
    assert st.people["yi_sang_gu"].status == "arrested"
    assert st.has_flag("mao_apologised") and st.has_flag("abduction")
    # The September 1956 reversal stayed on paper.
    assert st.has_flag("nominal_reversal") and not st.has_flag("real_reversal")
    # Ri Sang-jo was elected a candidate in April 1956 while ambassador, then stayed in the USSR.
    career = st.people["ri_sang_jo"].career
    assert not any("left the Central Committee" in c for c in career if c < "1956-06")
    assert st.people["ri_sang_jo"].status == "abroad"
    assert st.patrons["china"].troops == 0
    # The Fourth Congress seated its 85 + 50.
    full = sum(1 for p in st.people.values() if p.cc == "full" and p.status in ("active", "demoted"))
    cand = sum(1 for p in st.people.values() if p.cc == "candidate" and p.status in ("active", "demoted"))
    assert (full, cand) == (85, 50)


# Where each named person stood on 31 December 1962, as far as the record shows: status, and
# posts they must or must not hold. Disputed deaths accept every status the sources allow.
FATES_1962 = {
    "kim_il_sung": ({"active"}, {"party_chairman"}, set()),
    "choe_yong_gon": ({"active"}, {"head_of_state"}, {"defence_minister"}),
    "kim_kwang_hyop": ({"active"}, set(), {"defence_minister"}),
    "kim_chang_bong": ({"active"}, {"defence_minister"}, set()),
    "nam_il": ({"active"}, {"vice_premier"}, {"foreign_minister"}),
    "pang_hak_se": ({"active"}, set(), {"interior_minister"}),
    "choe_chang_ik": ({"executed", "arrested", "dead"}, set(), set()),
    "pak_chang_ok": ({"executed", "arrested", "dead"}, set(), set()),
    "ko_bong_gi": ({"executed", "arrested", "dead"}, set(), set()),
    "kim_tu_bong": ({"dead", "expelled"}, set(), {"head_of_state"}),
    "yun_kong_hum": ({"fled"}, set(), set()),
    "so_hwi": ({"fled"}, set(), set()),
    "ri_phil_gyu": ({"fled"}, set(), set()),
    "ri_sang_jo": ({"abroad"}, set(), {"ambassador_moscow"}),
    "kim_sung_hwa": ({"abroad"}, set(), set()),
    "pak_yong_bin": ({"abroad"}, set(), set()),
    "chong_sang_jin": ({"abroad"}, set(), set()),
    "ki_sok_bok": ({"abroad"}, set(), set()),
    "pak_hon_yong": ({"executed"}, set(), set()),
    "ri_sung_yop": ({"executed"}, set(), set()),
    "yi_sang_gu": ({"arrested"}, set(), set()),
    "ri_sin_pal": ({"active"}, set(), {"ambassador_moscow"}),
    "ivanov": ({"abroad"}, set(), {"soviet_ambassador"}),
}


@pytest.mark.parametrize("seed", [1, 2])
def test_fates_at_the_end_of_1962_match_the_record(campaign, seed):
    g = Game.new(campaign, seed=seed)
    run(g, {"kim": ai.make("history"), "opposition": ai.make("history")})
    wrong = []
    for pid, (statuses, must, must_not) in FATES_1962.items():
        p = g.state.people[pid]
        if p.status not in statuses or not must <= set(p.offices) or must_not & set(p.offices):
            wrong.append(f"{pid}: {p.status} {sorted(p.offices)} (record: {sorted(statuses)}, holds {sorted(must)})")
    assert not wrong, wrong
