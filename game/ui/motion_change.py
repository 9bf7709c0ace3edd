"""Why the count moves from one motion to the next of the same session, seat by seat, with
figures that add up (no pygame; the plenum hall draws it, a test checks the sums).

Within a session the mood and each member's own judgement are fixed once the speeches are over
(game/engine/plenum.resolve); what moves a member between motions is the motion's weight (it
counts against whoever proposes a drastic step), what the earlier motion did (the expelled leave
the hall; fear, loyalty or pledges may change), and nothing else. For the first motion the
comparison is with the hall before the session's own work: the same members with no mood, no
weight of the motion and no judgement of the day.

Each member who changes side is put down to the one term that moved furthest in the direction
he moved; a member who left (or came in) is counted as such. So the causes add up, side by
side, to the change of the counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.vote_rule import INDEX, RULE, TERM_LABELS, hidden_labels

SIDES = ("kim", "abstain", "opposition")
RANK = {"opposition": -1, "abstain": 0, "kim": 1}
SESSION_TERMS = ("mood", "motion", "judgement")  # the terms the session itself brings
LEFT = "Left the hall (removed by the motion before, or absent)"
CAME = "Came into the hall"
HIDDEN = "The other side's private work (hidden from you)"


@dataclass
class Change:
    before: dict[str, int]  # counts per side: kim, abstain, opposition
    after: dict[str, int]
    causes: list[tuple[str, dict[str, int]]] = field(default_factory=list)  # largest first

    def delta(self, side: str) -> int:
        return self.after[side] - self.before[side]


def _side(total: float) -> str:
    return RULE.side_of(total)


def counts(sides: dict[str, str]) -> dict[str, int]:
    out = dict.fromkeys(SIDES, 0)
    for s in sides.values():
        out[s] += 1
    return out


def _base(stage: dict) -> tuple[dict[str, list[float]], dict[str, float]]:
    """The first motion's hall before the session's own terms (mood, weight, judgement)."""
    terms, totals = {}, {}
    drop = [INDEX[t] for t in SESSION_TERMS]
    for pid, vals in stage["terms"].items():
        v = list(vals)
        exact = stage.get("totals", {}).get(pid, sum(v))
        for i in drop:
            exact -= v[i]
            v[i] = 0
        terms[pid], totals[pid] = v, exact
    return terms, totals


def _label(i: int, viewer: str | None, labels) -> str:
    lab = labels[i]
    return HIDDEN if viewer and lab in hidden_labels(viewer) else lab


def between(prev: dict | None, stage: dict, viewer: str | None = None, labels=TERM_LABELS) -> Change:
    """How the counts moved from ``prev`` (a vote stage; None: the hall before the session) to
    ``stage``, and why, as ``viewer`` may know it (the other side's hidden terms are one cause)."""
    if prev is None:
        a_terms, a_tot = _base(stage)
    else:
        a_terms = prev["terms"]
        a_tot = {pid: prev.get("totals", {}).get(pid, sum(v)) for pid, v in prev["terms"].items()}
    b_terms = stage["terms"]
    b_tot = {pid: stage.get("totals", {}).get(pid, sum(v)) for pid, v in b_terms.items()}
    a_side = {pid: _side(t) for pid, t in a_tot.items()}
    b_side = {pid: _side(t) for pid, t in b_tot.items()}
    causes: dict[str, dict[str, int]] = {}

    def add(label: str, frm: str | None, to: str | None) -> None:
        c = causes.setdefault(label, dict.fromkeys(SIDES, 0))
        if frm:
            c[frm] -= 1
        if to:
            c[to] += 1

    for pid in sorted(set(a_side) | set(b_side)):
        frm, to = a_side.get(pid), b_side.get(pid)
        if frm == to:
            continue
        if to is None:
            add(LEFT, frm, None)
            continue
        if frm is None:
            add(CAME, None, to)
            continue
        way = 1 if RANK[to] > RANK[frm] else -1
        diffs = [(b - a) * way for a, b in zip(a_terms[pid], b_terms[pid])]
        i = max(range(len(diffs)), key=lambda k: (diffs[k], -k))
        add(_label(i, viewer, labels), frm, to)
    ordered = sorted(causes.items(), key=lambda kv: (-sum(abs(v) for v in kv[1].values()), kv[0]))
    return Change(counts(a_side), counts(b_side), ordered)


def mood_parts(stages: list[dict], pdef) -> list[tuple[str, str, float]]:
    """What built the session's mood, in order: each side's tactic (from the plenum's own
    definition) and each speech, heard out or shouted down (the record keeps the running mood
    after each speech). The parts add up to the mood every vote carries."""
    out: list[tuple[str, str, float]] = []  # (how: tactic | heard | shouted, who: tactic name or person id, points)
    running = 0.0
    moods = {t.id: t.mood for t in (pdef.tactics if pdef is not None else [])}
    for st in stages:
        if st.get("kind") == "tactic":
            m = float(moods.get(st.get("tactic"), 0))
            running += m
            if m:
                out.append(("tactic", str(st.get("name", st.get("tactic"))), m))
        elif st.get("kind") == "speech":
            m = float(st.get("mood", running)) - running
            running = float(st.get("mood", running))
            if abs(m) >= 0.05:
                how = "shouted" if st.get("outcome") == "shouted_down" else "heard"
                out.append((how, str(st.get("person", "")), m))
    return out


SIDE_WORDS = {"kim": "with Kim", "abstain": "abstaining", "opposition": "with the critics"}


def moves(d: dict[str, int]) -> str:
    """'with Kim +5, with the critics −5' (sides that did not move are left out)."""
    parts = [f"{SIDE_WORDS[s]} {d[s]:+d}".replace("-", "−") for s in SIDES if d[s]]
    return ", ".join(parts) or "no change"


def summary(ch: Change) -> str:
    """'With Kim 48 → 53, with the critics 9 → 4, abstaining 14': the counts, before and after."""
    parts = []
    for s in SIDES:
        a, b = ch.before[s], ch.after[s]
        parts.append(f"{SIDE_WORDS[s]} {a} → {b}" if a != b else f"{SIDE_WORDS[s]} {b}")
    text = ", ".join(parts)
    return text[0].upper() + text[1:]


def lines(
    prev: dict | None, stage: dict, viewer: str | None, stages: list[dict], pdef, name_of, index: int
) -> list[str]:
    """The explanation for a tooltip: the counts, each cause with its figures (they add up to
    the change), and for the first motion what built the mood."""
    ch = between(prev, stage, viewer)
    head = (
        f"Motion {index + 1} beside motion {index}"
        if prev is not None
        else f"Motion {index + 1} beside the hall before the session (no mood, no weight of the motion, "
        "no judgement of the day)"
    )
    out = [head + ":", summary(ch) + "."]
    if not ch.causes:
        out.append("No member changed side.")
    for label, d in ch.causes:
        out.append(f"  {label}: {moves(d)}.")
    if prev is None:
        parts = mood_parts(stages, pdef)
        if parts:
            said = []
            for how, who, pts in parts:
                if how == "tactic":
                    said.append(f"the tactic '{who}' {pts:+.0f}")
                elif how == "shouted":
                    said.append(f"{name_of(who)} shouted down {pts:+.0f}")
                else:
                    said.append(f"{name_of(who)}'s speech {pts:+.0f}")
            total = sum(p for _, _, p in parts)
            out.append(f"The mood, {total:+.0f} toward Kim, was built by: " + "; ".join(said) + ".")
    else:
        out.append(
            "Within a session the mood and each member's judgement stay as the speeches left them; "
            "what moves a member is the motion's own weight and what the motion before did."
        )
    return [ln.replace("+-", "−") for ln in out]


def short(ch: Change) -> str:
    """'Kim 48→53 · abst. 14 · critics 9→4': the counts in a narrow column."""
    words = {"kim": "Kim", "abstain": "abst.", "opposition": "critics"}
    return " · ".join(
        f"{words[s]} {ch.before[s]}→{ch.after[s]}" if ch.before[s] != ch.after[s] else f"{words[s]} {ch.after[s]}"
        for s in SIDES
    )
