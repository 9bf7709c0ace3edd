"""The count's tooltip says a player's own moves show in the count at once (the informers' error
is redrawn only at the start of a turn). Hold the game to it: a vote Kim secures moves his count
within the same phase, and the error drawn for the turn stays as it was."""

from __future__ import annotations

from game.engine.game import Game


def _secured(scn, seed: int):
    g = Game.new(scn, None, seed)
    st = g.state
    before = st.estimates["kim"]["kim"][0]
    noise = {k: dict(v) for k, v in st.estimate_noise.items() if isinstance(v, dict)}
    for view in g.actions("kim"):
        if view.action.id != "secure_votes":
            continue
        for t in view.targets:
            # A member Kim's count has undecided: secured, he crosses to Kim's side.
            g2 = Game.new(scn, None, seed)
            out = g2.submit({"t": "act", "side": "kim", "action": "secure_votes", "target": t})
            if out.ok and g2.state.people[t].pledge_kim:
                after = g2.state.estimates["kim"]["kim"][0]
                if after != before:
                    return before, after, noise, g2
    return None


def test_a_secured_vote_shows_in_the_count_at_once(august):
    for seed in range(1, 30):
        hit = _secured(august, seed)
        if hit:
            break
    assert hit, "no secured vote moved the count in 29 seeds"
    before, after, noise, g2 = hit
    assert after > before
    # Not a redraw: the error laid over each member is the turn's own.
    assert {k: dict(v) for k, v in g2.state.estimate_noise.items() if isinstance(v, dict)} == noise
    assert g2.state.turn == 1


def test_a_commitment_won_never_lowers_the_count_that_won_it(august):
    """Winning members over shows as what it does to their leans, and only that: a faction's
    pledge to the critics (canvassing, an event's "visit the members at home") made their count
    fall by two in a hand game, because a member who becomes one's own is read more sharply and
    the turn's blur on him shrank at once. The sharper reading now comes with the next report;
    within the phase the count moves only with the leans."""
    from game.engine import world
    from game.engine.effects import apply_effects

    moves = [a for a in august.actions if a.id in ("canvass_faction", "court_home_grown", "build_coalition")]
    checked = 0
    for seed in range(1, 41):
        g = Game.new(august, None, seed)
        st = g.state
        for a in moves:
            before = dict(
                zip(
                    ("kim", "opposition", "swing"),
                    (st.estimates["opposition"][k][0] for k in ("kim", "opposition", "swing")),
                )
            )
            c = st.clone()
            apply_effects(c, august, list(a.success), target=None)
            world.estimates(c, august, redraw=False)
            after = c.estimates["opposition"]
            assert after["opposition"][0] >= before["opposition"], (seed, a.id, before, after)
            assert after["kim"][0] <= before["kim"], (seed, a.id, before, after)
            checked += 1
    assert checked == 120


def test_the_screens_blur_is_the_counts(august):
    """intel.blur (what the screens' "why it moved" calls the informers' error) is exactly what
    each side's picture lays over a member's lean: checked on both sides' pictures over a few
    normal games, each at the start of the side's phase (right after the turn's redraw, so the
    other side's moves are as last reported and nothing else stands between the two)."""
    from game import ai
    from game.engine import intel
    from game.engine.plenum import leans, present_members

    checked = 0
    for seed in (3, 4):
        g = Game.new(august, None, seed)
        pol = {s: ai.make("ai", "normal") for s in ("kim", "opposition")}
        for _ in range(120):
            side = g.to_move()
            if side is None or g.over:
                break
            st = g.state
            if st.phase == side and not st.pending and st.actions_this_turn == {} and side == "kim":
                true = leans(st, august, present_members(st))
                for pid, lean, _err, _own in intel.blurred(st, "kim", true):
                    assert lean == true[pid] + intel.blur(st, "kim", pid), (seed, st.turn, pid)
                    checked += 1
            g.submit(pol[side](g, side))
    assert checked > 500
