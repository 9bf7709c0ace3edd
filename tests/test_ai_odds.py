"""The odds a side is shown read only what it may see: a chance that depends on the other side's
secret (its pledge on the target) does not move when that secret changes, while the true chance
does; odds that read only public numbers are exact."""

from game.ai import odds as O
from game.engine import actions as A
from game.engine.game import Game


def _fresh_caches():
    O._WORLDS.clear()
    O.B._DRAWS.clear()


def test_hidden_pledge_does_not_move_the_odds_shown(august):
    g = Game.new(august, None, 3)
    st, a = g.state, august.get("action", "recruit_member")
    assert "pledge_kim" in a.chance  # the critics' recruiting reads Kim's pledge, which they cannot see
    moved = 0
    for t in A.view_one(st, august, a).targets[:12]:
        before_true = A.chance(st, august, a, t)
        before = O.seen_odds(st, august, "opposition", a.id, t)
        assert not before.exact and before.low <= before.chance <= before.high
        st.people[t].pledge_kim += 45
        _fresh_caches()
        after = O.seen_odds(st, august, "opposition", a.id, t)
        moved += A.chance(st, august, a, t) != before_true
        assert after == before, t
        st.people[t].pledge_kim -= 45
    assert moved, "the true odds should have moved: the test would prove nothing"


def test_public_odds_are_exact(august):
    g = Game.new(august, None, 3)
    st = g.state
    for a in august.actions:
        if a.target == "none" and not O.B.reads_hidden(a.chance, august, a.side):
            o = O.seen_odds(st, august, a.side, a.id, None)
            assert o.exact and o.chance == A.chance(st, august, a, None) and o.text() == f"{o.chance}%"
            return
    raise AssertionError("no action with public odds")
