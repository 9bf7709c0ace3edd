"""Why my count moved: over whole AI games, at the start of each of a side's phases, the causes
the dispatch report lists add up, column by column, to the change of the headline it shows; the
counts are the headline's; the part the side cannot see is labelled as such, and the causes it
can know (a pledge fading, the patrons' signals after a dispatch it read...) are named."""

from __future__ import annotations

import pytest

from game import ai
from game import movement as MV
from game.engine.game import Game
from game.ui.session import Players, Session
from game.ui.view import readable

SEEDS = (5, 6, 7)


def play_and_check(august, seed, viewer):
    g = Game.new(august, None, seed)
    sess = Session(g, "august-1956", Players((viewer,), "normal"))
    pols = {s: ai.make("ai", "easy") for s in ("kim", "opposition")}
    last = None  # (snapshot, headline, log mark)
    stats = {"moves": 0, "named": 0, "unknown": 0, "turns": 0}
    for _ in range(6000):
        side = g.to_move()
        if side is None:
            break
        if side == viewer and g.state.phase == viewer and (last is None or last[3] != g.state.turn):
            view = sess.view(viewer)
            snap = MV.snapshot(g.state, august, view, viewer)
            head = {"kim": view.with_kim, "swing": view.undecided, "opposition": view.with_critics}
            # the snapshot's columns are the headline's
            assert {k: sum(1 for c in snap.columns.values() if c == k) for k in head} == head
            for pid, terms in snap.terms.items():
                lean = sum(terms.values())
                assert MV.COLUMN[MV.RULE.side_of(lean)] == snap.columns[pid], (pid, terms)
            if last is not None:
                entries = [readable(e) for e in g.state.log[last[2] :] if e.visible_to in ("all", viewer)]
                mv = MV.movements(last[0], snap, g.state.people, viewer, august, entries)
                for key, _label, was, now in mv.counts:
                    assert was == last[1][key] and now == head[key]
                    assert sum(d[key] for _, d in mv.causes) == now - was, (seed, g.state.turn, key, mv.causes)
                hidden = "Won over by the critics" if viewer == "kim" else "Secured by Kim"
                for text, d in mv.causes:
                    stats["moves"] += sum(abs(v) for v in d.values()) // 2
                    if text in (MV.unknown_words(viewer), MV.ERROR_WORDS):
                        stats["unknown"] += sum(abs(v) for v in d.values()) // 2
                    else:
                        stats["named"] += sum(abs(v) for v in d.values()) // 2
                    # nothing the side may not see is named as a cause
                    assert MV.CAUSE_WORDS[hidden][0] not in text and MV.CAUSE_WORDS[hidden][1] not in text
                stats["turns"] += 1
            last = (snap, head, len(g.state.log), g.state.turn)
        g.submit(pols[side](g, side))
    return stats


@pytest.mark.parametrize("viewer", ["kim", "opposition"])
def test_causes_add_up_to_the_headline_change(august, viewer):
    total = {"moves": 0, "named": 0, "unknown": 0, "turns": 0}
    for seed in SEEDS:
        for k, v in play_and_check(august, seed, viewer).items():
            total[k] += v
    assert total["turns"] > 10
    assert total["named"] > 0, total  # the side can explain some of its own count


def test_net_words_and_dispatch_causes(august):
    assert MV.net_words({"kim": -2, "swing": 2, "opposition": 0}) == "with Kim −2, undecided +2"
    from game.engine.state import LogEntry

    e = next(ev for ev in august.events if ev.side == "none" and ev.options and ev.options[0].effects)
    got = MV.dispatch_causes(august, [LogEntry("1956-05-05", e.title, "news")])
    touched = {lab for fx in e.options[0].effects for lab in MV._terms_touched(fx)}
    assert set(got) == touched and all(e.title in v for v in got.values())
