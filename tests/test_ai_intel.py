"""The one picture of the committee each side gets (game/engine/intel.py)."""

import json

from game import ai
from game.engine import intel
from game.engine.game import Game
from game.engine.state import GameState
from game.tools.report import run
from tests.play import play_moves


def _played(scn, seed, orders=40):
    return play_moves(Game.new(scn, seed=seed), {"kim": ai.make("history"), "opposition": ai.make("history")}, orders)


def test_headline_counts_sum_to_members_present_and_match_the_stored_estimate(august):
    g = _played(august, 4)
    for side in ("kim", "opposition"):
        v = intel.side_view(g.state, august, side)
        assert v.with_kim + v.undecided + v.with_critics == v.present == len(v.members)
        assert v.majority == v.present // 2 + 1
        est = g.state.estimates[side]
        assert (est["kim"][0], est["swing"][0], est["opposition"][0]) == (v.with_kim, v.undecided, v.with_critics)
        # The counts are the estimated leans sorted by the band, not a second blur.
        assert v.with_kim == sum(1 for m in v.members.values() if m.lean >= intel.BAND)
        assert v.with_critics == sum(1 for m in v.members.values() if m.lean <= -intel.BAND)


def test_the_blur_is_in_the_state_and_survives_a_save(august):
    g = _played(august, 9)
    back = GameState.from_dict(json.loads(g.state.to_json()))
    for side in ("kim", "opposition"):
        assert intel.side_view(back, august, side) == intel.side_view(g.state, august, side)
    assert any(k.startswith(intel.BLUR_PREFIX) for k in g.state.estimate_noise["kim"])


def test_the_blur_is_drawn_once_a_turn_not_per_order(august):
    g = _played(august, 2, orders=3)
    before = dict(g.state.estimate_noise["kim"])
    turn = g.state.turn
    side = g.to_move()
    if side == g.state.phase:
        g.submit({"t": "end", "side": side})
    if g.state.turn == turn:  # still the same turn: nothing redrawn
        assert g.state.estimate_noise["kim"] == before


def test_estimates_stay_within_their_error_and_own_members_are_sharper(august):
    g = _played(august, 6, orders=60)
    from game.engine.plenum import leans, present_members

    true = leans(g.state, august, present_members(g.state))
    for side in ("kim", "opposition"):
        v = intel.side_view(g.state, august, side)
        for pid, m in v.members.items():
            assert abs(m.lean - true[pid]) <= m.error + 0.11
        own = [m.error for m in v.members.values() if m.own]
        other = [m.error for m in v.members.values() if not m.own]
        if own and other:
            assert max(own) < min(other)


def test_only_the_critics_read_their_exposure_and_kim_reads_the_informers(august):
    g = Game.new(august, seed=1)
    assert intel.side_view(g.state, august, "kim").exposure is None
    g.state.exposure = 50
    v = intel.side_view(g.state, august, "opposition")
    assert v.exposure == "watched" and v.exposure_text
    assert v.plot_found == "suspected"  # fearing the worst, whether or not it happened
    g.state.add_log(intel.QUIET_HINT, "intel", "kim")
    assert intel.side_view(g.state, august, "kim").hints[-1].text == intel.QUIET_HINT
    assert not intel.side_view(g.state, august, "opposition").hints


def test_covering_tracks_can_itself_be_noticed(august):
    """An opposition that only lies low makes Kim's informers report the silence."""
    g = Game.new(august, seed=3)
    pol = ai.make("history")
    quiet = 0
    for _ in range(400):
        if g.over:
            break
        side = g.to_move()
        if side == "opposition" and g.state.phase == "opposition" and not any(p.side == side for p in g.state.pending):
            try:
                g.submit({"t": "act", "side": side, "action": "lie_low"})
            except Exception:
                pass
            g.submit({"t": "end", "side": side})
            continue
        g.submit(pol(g, side))
    quiet = sum(1 for h in intel.side_view(g.state, august, "kim").hints if h.text == intel.QUIET_HINT)
    assert quiet >= 1


def test_replays_agree_with_the_blur(august):
    g = Game.new(august, seed=5)
    run(g, {"kim": ai.make("history"), "opposition": ai.make("history")})
    again = Game.replay(august, None, 5, g.state.decisions)
    assert again.state.estimate_noise == g.state.estimate_noise


def test_a_side_sees_its_own_moves_at_once_but_the_others_only_at_the_next_report(august):
    g = Game.new(august, seed=12)
    st = g.state
    target = next(v for v in g.actions("kim") if v.action.id == "secure_votes" and v.open).targets[0]
    opp_before = intel.side_view(st, august, "opposition").members
    kim_before = intel.side_view(st, august, "kim").members[target].lean
    pledge_before = st.people[target].pledge_kim
    from game.engine.plenum import lean_terms
    from game.engine.vote_rule import INDEX

    def seen_terms(pid):  # every term the critics see (all but Kim's pledges)
        t = lean_terms(st, august, pid)
        return [round(x, 6) for i, x in enumerate(t) if i != INDEX["pledge_kim"]]

    terms_before = {pid: seen_terms(pid) for pid in opp_before}
    g.submit({"t": "act", "side": "kim", "action": "secure_votes", "target": target})
    opp_after = intel.side_view(st, august, "opposition").members
    for pid, m in opp_after.items():
        if seen_terms(pid) == terms_before[pid]:
            assert m.lean == opp_before[pid].lean, pid
    if st.people[target].pledge_kim != pledge_before:
        assert intel.side_view(st, august, "kim").members[target].lean > kim_before
