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
