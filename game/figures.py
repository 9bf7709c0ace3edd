"""The numbers behind a vote or a lean, as the player is shown them (no pygame: the screens, the
terminal and the `--json` report all use this code, so each shows the same figures).

Whole numbers are easier to read, but rounding each term on its own lets the parts disagree
with the whole, and the whole with the vote (a member shown at +6 who abstained). So:

* the shown total is the whole number nearest the exact lean that lies on the same side of
  the band as the vote (an exact +5.7 that abstained shows +5, never +6);
* the parts are apportioned to that total by the largest-remainder method: each part is cut
  down to a whole number, and the units still missing go to the parts with the largest cut-off
  fractions (or are taken from the smallest, when the total sits below the sum).

The parts therefore always add up to the shown total, and the shown total always sits on the
side of the band that the vote went.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from game.engine.vote_rule import RULE, TERM_LABELS, hidden_labels

UNKNOWN_LABEL = "What you cannot see"
UNKNOWN_TEXT = "the other side's private work and your informers' error, together"


def vote_for_side(side: str, welcomed: Sequence[str]) -> str:
    """The vote ('F', 'A', 'N') a member on ``side`` casts on a motion the ``welcomed`` sides want."""
    if side == "abstain":
        return "N"
    return "F" if side in welcomed else "A"


def side_for_vote(vote: str, proposer: str) -> str:
    """The side a recorded vote ('F', 'A', 'N') went with, given who moved the motion."""
    if vote == "N":
        return "abstain"
    with_proposer = vote == "F"
    if proposer == "kim":
        return "kim" if with_proposer else "opposition"
    return "opposition" if with_proposer else "kim"


def shown_total(exact: float, side: str | None = None) -> int:
    """The whole number shown for an exact lean: nearest, kept on ``side`` of the band (the
    side the lean votes with, when not given)."""
    band = RULE.band
    side = side or RULE.side_of(exact)
    n = math.floor(exact + 0.5)
    if side == "kim":
        return max(band, n)
    if side == "opposition":
        return min(-band, n)
    return max(-band + 1, min(band - 1, n))


def apportion(values: Sequence[float], total: int) -> list[int]:
    """Whole numbers, one per value, that add up to ``total`` (largest remainder)."""
    if not values:
        return []
    floors = [math.floor(v) for v in values]
    missing = total - sum(floors)
    rema = [v - f for v, f in zip(values, floors)]
    order = sorted(range(len(values)), key=lambda i: (-rema[i], -abs(values[i]), i))
    out = list(floors)
    if missing >= 0:
        for k in range(missing):
            out[order[k % len(order)]] += 1
    else:
        for k in range(-missing):
            out[order[-1 - (k % len(order))]] -= 1
    return out


def shown_terms(
    labels: Sequence[str], values: Sequence[float], exact: float | None = None, side: str | None = None
) -> tuple[list[tuple[str, int]], int]:
    """(label, shown value) for every term that shows as non-zero, largest first, and the shown
    total; the values add up to the total."""
    total_exact = sum(values) if exact is None else exact
    total = shown_total(total_exact, side)
    parts = apportion(list(values), total)
    pairs = [(lab, v) for lab, v in zip(labels, parts) if v]
    pairs.sort(key=lambda t: -abs(t[1]))
    return pairs, total


HIDDEN_VOTE_LABEL = "The other side's private work"


def vote_terms(
    stage: dict, pid: str, labels: Sequence[str] = TERM_LABELS, viewer: str | None = None
) -> tuple[list[tuple[str, int]], int] | None:
    """The terms of one member's recorded vote on one motion, as shown; None if not voting.
    With a ``viewer``, the terms that side may not see (the other side's pledges) are one term
    with no name of its own: the vote is public, the other side's private work is not."""
    vals = stage.get("terms", {}).get(pid)
    vote = stage.get("votes", {}).get(pid)
    if vals is None or vote is None:
        return None
    exact = stage.get("totals", {}).get(pid)
    # The side the exact lean fell on is the side that cast the vote; from the vote alone it is
    # ambiguous when both sides welcomed the motion.
    side = RULE.side_of(exact) if exact is not None else side_for_vote(vote, stage.get("proposer", "kim"))
    if viewer is not None:
        hidden = set(hidden_labels(viewer))
        seen = [(lab, v) for lab, v in zip(labels, vals) if lab not in hidden]
        rest = sum(v for lab, v in zip(labels, vals) if lab in hidden)
        return shown_terms([*(lab for lab, _ in seen), HIDDEN_VOTE_LABEL], [*(v for _, v in seen), rest], exact, side)
    return shown_terms(labels, vals, exact, side)


def estimate_terms(
    viewer: str, values: Sequence[float], estimated: float, labels: Sequence[str] = TERM_LABELS
) -> tuple[list[tuple[str, int]], int]:
    """Why a member seems to lean as they do, as ``viewer`` may know it: the terms this side may
    see, and one more term for the rest (the other side's hidden work and the informers' blur),
    so the parts add up to the estimated lean the screens show."""
    hidden = set(hidden_labels(viewer))
    seen_labels = [lab for lab in labels if lab not in hidden]
    seen = [v for lab, v in zip(labels, values) if lab not in hidden]
    rest = estimated - sum(seen)
    return shown_terms([*seen_labels, UNKNOWN_LABEL], [*seen, rest], estimated)
