"""Why the count moves between the motions of one session: the causes, side by side, add up to
the change of the counts, the counts are the tally's, and the hall's record says so."""

from __future__ import annotations

import pygame
import pytest

from game import ai
from game.engine.game import Game
from game.tools.report import run
from game.ui import motion_change as MC


@pytest.fixture(scope="module")
def records(august):
    out = []
    for seed in (1, 2, 3, 4):
        g = Game.new(august, "eve_of_plenum", seed)
        run(g, {s: ai.make("ai", "easy") for s in ("kim", "opposition")})
        out += [(g, pid, pl.record) for pid, pl in g.state.plenums.items() if pl.record]
    assert out
    return out


def test_causes_add_up_to_the_change_and_the_counts_are_the_tally(records, august):
    n = 0
    for _g, pid, rec in records:
        votes = [st for st in rec["stages"] if st.get("kind") == "vote"]
        prev = None
        for st in votes:
            for viewer in ("kim", "opposition", None):
                ch = MC.between(prev, st, viewer)
                for side in MC.SIDES:
                    assert sum(d[side] for _, d in ch.causes) == ch.delta(side), (pid, st["motion"], viewer)
                t = st["tally"]
                kim_motion = st["proposer"] == "kim"
                assert ch.after["abstain"] == t["abstain"]
                if len(st["welcomed_by"]) == 2:
                    # Both sides vote for it: the columns are the sides the leans fell on, and
                    # together they are the votes for it.
                    assert ch.after["kim"] + ch.after["opposition"] == t["for"] and t["against"] == 0
                else:
                    assert ch.after["kim"] == (t["for"] if kim_motion else t["against"])
                    assert ch.after["opposition"] == (t["against"] if kim_motion else t["for"])
                if viewer is not None:
                    hidden = "Won over by the critics" if viewer == "kim" else "Secured by Kim"
                    assert all(label != hidden for label, _ in ch.causes)
            lines = MC.lines(prev, st, "kim", rec["stages"], august.get("plenum", pid), lambda p: p, votes.index(st))
            assert lines and all("+-" not in ln for ln in lines)
            if prev is None:
                parts = MC.mood_parts(rec["stages"], august.get("plenum", pid))
                mood = st["terms"][next(iter(st["terms"]))][MC.INDEX["mood"]]
                assert abs(sum(p for *_, p in parts) - mood) <= 0.5 + 1e-9
            prev = st
            n += 1
    assert n > 0


def test_the_hall_record_explains_each_motion(august):
    from game.ui.screens.plenum_hall import PlenumHall
    from game.ui.session import Players, Session
    from game.ui.shots import _play_until
    from tests.ui_helpers import make_app, pump

    app = make_app()
    try:
        sess = Session(Game.new(august, "eve_of_plenum", 3), "august-1956", Players(("kim",), "normal"))
        app.session = sess
        _play_until(sess, lambda: sess.unseen_plenum() is not None)
        pid = sess.unseen_plenum()
        hall = PlenumHall(app, pid)
        app.reset(hall)
        hall.skip()
        pump(app)
        spots = [w for w in app.top.widgets if w.name.startswith("record:")]
        votes = [st for st in hall.stages if st.get("kind") == "vote"]
        assert len(spots) == len(votes) >= 1
        for w in spots:
            tip = w.tooltip_lines()
            assert any("beside" in ln for ln in tip), tip
    finally:
        pygame.quit()


def test_the_hall_legend_counts_the_empty_seats_it_draws(august):
    """The legend names every kind of seat drawn, and its count of empty rings is the rings'."""
    import re

    from game.ui.screens.plenum_hall import PlenumHall
    from game.ui.session import Players, Session
    from game.ui.shots import _play_until
    from tests.ui_helpers import make_app, pump

    app = make_app()
    try:
        g = Game.new(august, "eve_of_plenum", 3)
        # Two full members gone before the session: their seats stand empty.
        gone = [pid for pid, p in g.state.people.items() if p.cc == "full" and p.generated][:2]
        for pid in gone:
            g.state.people[pid].status = "arrested"
        sess = Session(g, "august-1956", Players(("kim",), "normal"))
        app.session = sess
        _play_until(sess, lambda: sess.unseen_plenum() is not None)
        hall = PlenumHall(app, sess.unseen_plenum())
        app.reset(hall)
        pump(app)
        rings = sum(1 for _xy, pid, _kind in hall.slots if pid is None)
        assert rings >= 2
        tip = next(w for w in hall.widgets if w.name == "legend").tooltip_lines()
        text = " ".join(tip)
        m = re.search(r"Empty rings: (\d+) of the committee's \d+ full seats and (\d+) of", text)
        assert m and int(m.group(1)) + int(m.group(2)) == rings, text
        assert "candidate" in text and "majority" in text
    finally:
        pygame.quit()
