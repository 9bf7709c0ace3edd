"""Why a side's count of the committee moved since it last looked: each member who changed
column, put down to the term of their lean that moved most their way (a pledge fading, fear,
a patron's signal, the other side's hidden work...), or to leaving or joining the committee.
Plain code (no pygame): the dispatch report reads it and a test checks it adds up.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from game.engine.plenum import lean_terms
from game.engine.vote_rule import RULE, TERM_LABELS
from game.ui.explain import UNKNOWN_LABEL, estimate_terms

KEYS = (("kim", "With Kim"), ("opposition", "With the critics"), ("swing", "Undecided"))
COLUMN = {"kim": "kim", "opposition": "opposition", "abstain": "swing"}

# Plain words for a term moving toward Kim (+) or toward the critics (−).
CAUSE_WORDS = {
    "Faction line": ("their faction closing ranks behind its line", "their faction's line loosening"),
    "Loyalty to Kim": ("loyalty to Kim growing", "loyalty to Kim wearing thin"),
    "Fear": ("fear of the security services", "fear easing"),
    "Personality cult": ("the growing cult", "the cult losing its hold"),
    "Secured by Kim": ("Kim's men securing them", "Kim's pledges fading"),
    "Won over by the critics": ("the critics' pledges fading", "the critics winning them over"),
    "Patron signals": ("signals from the patrons favouring Kim", "signals from the patrons against Kim"),
    UNKNOWN_LABEL: (
        "what you cannot see (the critics' hidden work fading, or your informers' error)",
        "what you cannot see (the other side's hidden work, or your informers' error)",
    ),
}


@dataclass(frozen=True)
class Snapshot:
    columns: dict[str, str]  # pid -> kim / opposition / swing
    terms: dict[str, dict[str, int]]  # pid -> shown term values (they add up to the estimate)


def snapshot(state, scn, view, viewer: str) -> Snapshot:
    cols, terms = {}, {}
    for pid, m in view.members.items():
        parts, total = estimate_terms(viewer, lean_terms(state, scn, pid), m.lean, TERM_LABELS)
        cols[pid] = COLUMN[RULE.side_of(total)]
        terms[pid] = dict(parts)
    return Snapshot(cols, terms)


def cause_of(old: dict[str, int], new: dict[str, int], toward_kim: bool) -> str:
    labels = set(old) | set(new)
    deltas = {lab: new.get(lab, 0) - old.get(lab, 0) for lab in labels}
    sign = 1 if toward_kim else -1
    best = max(sorted(labels), key=lambda lab: sign * deltas[lab], default=None)
    if best is None or sign * deltas[best] <= 0:
        return "small shifts in many things at once"
    words = CAUSE_WORDS.get(best)
    if words is None:
        return best.lower()
    return words[0] if toward_kim else words[1]


def _low(label: str) -> str:
    return label[0].lower() + label[1:]


def movements(old: Snapshot, new: Snapshot, people) -> list[tuple[str, int, int, list[tuple[int, str]]]]:
    """Per headline figure: (label, old count, new count, [(members, reason)], largest first)."""
    order = {"opposition": -1, "swing": 0, "kim": 1}
    reasons: dict[str, Counter] = {k: Counter() for k, _ in KEYS}
    for pid in sorted(set(old.columns) | set(new.columns)):
        a, b = old.columns.get(pid), new.columns.get(pid)
        if a == b:
            continue
        if b is None:
            assert a is not None  # a == b was ruled out above
            p = people.get(pid)
            why = f"left the committee ({p.status})" if p is not None else "left the committee"
            reasons[a][f"−|{why}"] += 1
            continue
        if a is None:
            reasons[b]["+|joined the committee"] += 1
            continue
        toward_kim = order[b] > order[a]
        why = cause_of(old.terms.get(pid, {}), new.terms.get(pid, {}), toward_kim)
        reasons[a][f"−|moved to {_low(dict(KEYS)[b])}: {why}"] += 1
        reasons[b][f"+|came from {_low(dict(KEYS)[a])}: {why}"] += 1
    out = []
    for key, label in KEYS:
        was = sum(1 for c in old.columns.values() if c == key)
        now = sum(1 for c in new.columns.values() if c == key)
        if was == now and not reasons[key]:
            continue
        rows = [(n, r) for r, n in reasons[key].items()]
        rows.sort(key=lambda t: (-t[0], t[1]))
        out.append((label, was, now, [(n if r.startswith("+") else -n, r[2:]) for n, r in rows]))
    return out
