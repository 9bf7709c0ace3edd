"""Every figure a player is shown adds up and agrees: the terms behind a vote sum to the lean
shown, that lean sits on the side of the band the vote went, and each side's headline counts
sum to the members present. Checked on the `simulate --json` report of many AI games."""

from __future__ import annotations

import pytest

from game import ai
from game.engine.game import Game
from game.engine.vote_rule import RULE
from game.figures import apportion, estimate_terms, shown_terms, shown_total, vote_for_side
from game.tools.report import final_report, run


def test_apportion_adds_up_and_follows_remainders():
    assert apportion([1.4, 2.4, 3.2], 7) == [1, 3, 3]  # the tie on .4 goes to the larger part
    assert apportion([1.6, 2.4, 3.0], 7) == [2, 2, 3]
    for vals, total in (([0.5, 0.5, 0.5], 2), ([-3.6, 9.2, 0.4], 6), ([5.0, -1.0], 4), ([2.2, 2.2, 2.2], 5)):
        got = apportion(vals, total)
        assert sum(got) == total
        assert all(abs(g - v) < 2 for g, v in zip(got, vals))


@pytest.mark.parametrize(
    ("exact", "side", "want"),
    [
        (5.7, "abstain", 5),
        (6.0, "kim", 6),
        (5.99, "kim", 6),
        (-5.6, "abstain", -5),
        (-6.4, "opposition", -6),
        (12.5, None, 13),
    ],
)
def test_shown_total_stays_on_the_votes_side(exact, side, want):
    assert shown_total(exact, side) == want


def test_shown_terms_sum_to_total():
    pairs, total = shown_terms(["a", "b", "c"], [2.4, 2.4, 1.0], 5.8, "abstain")
    assert total == 5 and sum(v for _, v in pairs) == 5


def test_estimate_terms_add_up_to_the_estimate():
    vals = [3.0, 4.2, -1.3, 2.0, 9.0, -4.5, 1.1, 0.0, 0.0, 0.0]
    for viewer in ("kim", "opposition"):
        terms, total = estimate_terms(viewer, vals, 7.7)
        assert total == shown_total(7.7)
        assert sum(v for _, v in terms) == total
        hidden = "Won over by the critics" if viewer == "kim" else "Secured by Kim"
        assert all(label != hidden for label, _ in terms)


SEEDS = range(1, 9)


@pytest.fixture(scope="module")
def reports(august):
    out = []
    for seed in SEEDS:
        g = Game.new(august, None, seed)
        pol = {s: ai.make("ai", "normal") for s in ("kim", "opposition")}
        run(g, pol)
        out.append(final_report(g))
    return out


def test_report_terms_add_up_and_agree_with_the_vote(reports):
    seats = 0
    for rep in reports:
        for pl in rep["plenums"]:
            for m in pl["motions"]:
                tally = {"F": 0, "A": 0, "N": 0}
                for pid, row in m["members"].items():
                    seats += 1
                    assert sum(row["terms"].values()) == row["lean"], (rep["seed"], m["id"], pid)
                    assert vote_for_side(RULE.side_of(row["lean"]), m["welcomed_by"]) == row["vote"], (
                        rep["seed"],
                        m["id"],
                        pid,
                        row,
                    )
                    tally[row["vote"]] += 1
                assert (tally["F"], tally["A"], tally["N"]) == (m["for"], m["against"], m["abstain"])
    assert seats > 0, "no plenum sat in any of the games"


def test_report_estimates_sum_to_members_present(reports):
    for rep in reports:
        for side, est in rep["estimates"].items():
            assert est["with_kim"] + est["undecided"] + est["with_critics"] == est["present"], (rep["seed"], side)
            assert len(est["leans"]) == est["present"]
            counted = {"kim": 0, "abstain": 0, "opposition": 0}
            for lean in est["leans"].values():
                counted[RULE.side_of(lean)] += 1
            assert (counted["kim"], counted["abstain"], counted["opposition"]) == (
                est["with_kim"],
                est["undecided"],
                est["with_critics"],
            )
