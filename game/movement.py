"""Why a side's count of the committee moved since it last looked, as that side may know it.

Each member who changed column is put down to one cause:

* a term the side can see (a pledge fading, fear, the cult, a patron's signal, the faction
  line...) when the terms it can see moved that member into his new column by themselves,
  the term that moved furthest his way; named after the dispatches this side read that
  changed it ("after 'Brezhnev Reports to Moscow'");
* else its informers' error, re-drawn every turn, when that with the seen terms moved him;
* else the rest: the other side's hidden work as the informers glimpsed it (counted only in
  aggregate here; a person file still shows the part a side cannot see as one figure);
* or leaving or joining the committee.

Causes are counted net, column by column (a member moving from 'with Kim' to 'undecided' is
−1 and +1 in the one line of his cause), so the lines add up, column by column, to the change
of the headline. Plain code (no pygame): the dispatch report reads it and a test checks the sums.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.intel import blur as blur_of
from game.engine.plenum import lean_terms
from game.engine.vote_rule import RULE, TERM_LABELS, hidden_labels
from game.figures import UNKNOWN_LABEL, shown_terms

KEYS = (("kim", "With Kim"), ("swing", "Undecided"), ("opposition", "With the critics"))
COLUMN = {"kim": "kim", "opposition": "opposition", "abstain": "swing"}
ORDER = {"opposition": -1, "swing": 0, "kim": 1}

# Plain words for a term moving toward Kim (+) or toward the critics (−).
CAUSE_WORDS = {
    "Faction line": ("their faction closing ranks behind its line", "their faction's line loosening"),
    "Loyalty to Kim": ("loyalty to Kim growing", "loyalty to Kim wearing thin"),
    "Fear": ("fear of the security services", "fear easing"),
    "Personality cult": ("the growing cult", "the cult losing its hold"),
    "Secured by Kim": ("Kim's men securing them", "Kim's pledges fading"),
    "Won over by the critics": ("the critics' pledges fading", "the critics winning them over"),
    "Patron signals": ("signals from the patrons favouring Kim", "signals from the patrons against Kim"),
}
LEFT = "left the committee"
JOINED = "joined the committee"


ERROR_LABEL = "Informers' error"
ERROR_WORDS = "your informers' error, re-drawn this turn (each reading is off by up to its ±)"


def unknown_words(viewer: str) -> str:
    """The rest: what the informers glimpsed of the other side's hidden work since their last report."""
    return (
        "the critics' hidden work (or its fading), as your informers glimpsed it"
        if viewer == "kim"
        else "Kim's men's hidden work (or its fading), as your contacts glimpsed it"
    )


# Which vote terms an effect kind (and its keys) can move: to name the dispatches behind a cause.
def _terms_touched(fx) -> set[str]:
    k, v = fx.kind, fx.value
    if k in ("patron", "standing"):
        return {"Patron signals"}
    if k == "country":
        out = set()
        if getattr(v, "cult", 0):
            out.add("Personality cult")
        if getattr(v, "security", 0):
            out.add("Fear")
        return out
    if k in ("person", "group"):
        out = set()
        if getattr(v, "loyalty", 0):
            out.add("Loyalty to Kim")
        if getattr(v, "fear", 0):
            out.add("Fear")
        if getattr(v, "faction", None):
            out.add("Faction line")
        return out
    if k == "faction":
        return {"Faction line"} if getattr(v, "cohesion", 0) or getattr(v, "absorb_into", None) else set()
    if k == "pledge":
        return {"Secured by Kim" if v.side == "kim" else "Won over by the critics"}
    return set()


def dispatch_causes(scn, entries) -> dict[str, list[str]]:
    """term label -> titles of the dispatches (news, decisions) among ``entries`` whose effects
    moved that term: what this side read that explains a visible cause."""
    out: dict[str, list[str]] = {}
    by_title = {e.title: e for e in scn.events}
    for entry in entries:
        effects: list = []
        title = entry.text
        if entry.kind == "news" and entry.text in by_title:
            e = by_title[entry.text]
            effects = e.options[0].effects if e.options else []
        elif entry.kind == "decision":
            e = next((ev for t, ev in by_title.items() if entry.text.startswith(t + ": ")), None)
            if e is not None:
                said = entry.text[len(e.title) + 2 :]
                opt = next((o for o in e.options if o.text == said), None)
                effects = opt.effects if opt else []
                title = e.title
        for fx in effects:
            for label in _terms_touched(fx):
                if title not in out.setdefault(label, []):
                    out[label].append(title)
    return out


@dataclass(frozen=True)
class Snapshot:
    columns: dict[str, str]  # pid -> kim / opposition / swing
    terms: dict[str, dict[str, int]]  # pid -> shown term values (they add up to the estimate)


def snapshot(state, scn, view, viewer: str) -> Snapshot:
    """Each member's column as the headline counts him (his estimated lean against the band) and
    the terms shown for him, rounded so they add up to a total on that same side of the band."""
    cols, terms = {}, {}
    hidden = set(hidden_labels(viewer))
    for pid, m in view.members.items():
        side = RULE.side_of(m.lean)
        vals = lean_terms(state, scn, pid)
        seen = [(lab, v) for lab, v in zip(TERM_LABELS, vals) if lab not in hidden]
        rest = m.lean - sum(v for _, v in seen)
        # The part the side cannot see, in two: its informers' error (re-drawn each turn) and the
        # rest, the other side's work as they glimpsed it. Only counted in aggregate, never shown
        # per member (where it stays one figure).
        blur = blur_of(state, viewer, pid)
        parts, _total = shown_terms(
            [*(lab for lab, _ in seen), ERROR_LABEL, UNKNOWN_LABEL],
            [*(v for _, v in seen), blur, rest - blur],
            m.lean,
            side,
        )
        cols[pid] = COLUMN[side]
        terms[pid] = dict(parts)
    return Snapshot(cols, terms)


@dataclass
class Movement:
    counts: list[tuple[str, str, int, int]]  # (key, label, was, now) for each headline figure
    causes: list[tuple[str, dict[str, int]]] = field(default_factory=list)  # net per column, largest first
    changed: int = 0  # members who changed column

    def delta(self, key: str) -> int:
        return next(now - was for k, _, was, now in self.counts if k == key)

    @property
    def moved(self) -> bool:
        return any(was != now for _, _, was, now in self.counts)


def cause_of(old: dict[str, int], new: dict[str, int], old_col: str, new_col: str) -> str | None:
    """What moved this member into his new column: the seen term that moved furthest his way
    when the seen terms alone would have moved him; else the informers' error re-drawn when it
    would have, with the seen terms; else (None) the other side's work as the informers saw it."""
    toward_kim = ORDER[new_col] > ORDER[old_col]
    sign = 1 if toward_kim else -1
    labels = sorted((set(old) | set(new)) - {UNKNOWN_LABEL, ERROR_LABEL})
    deltas = {lab: new.get(lab, 0) - old.get(lab, 0) for lab in labels}
    start = sum(old.values())
    if_seen_only = start + sum(deltas.values())
    if COLUMN[RULE.side_of(if_seen_only)] == new_col:
        best = max(labels, key=lambda lab: sign * deltas[lab], default=None)
        if best is not None and sign * deltas[best] > 0:
            return best
    err = new.get(ERROR_LABEL, 0) - old.get(ERROR_LABEL, 0)
    if sign * err > 0 and COLUMN[RULE.side_of(if_seen_only + err)] == new_col:
        return ERROR_LABEL
    return None


def movements(old: Snapshot, new: Snapshot, people, viewer: str = "kim", scn=None, entries=()) -> Movement:
    """How this side's headline moved from ``old`` to ``new``, and why (see the module's notes)."""
    seen_in = dispatch_causes(scn, entries) if scn is not None else {}
    causes: dict[str, dict[str, int]] = {}
    left_names: dict[str, list[str]] = {}  # who left, by cause: a side is told who its people are
    changed = 0

    def add(text: str, frm: str | None, to: str | None) -> None:
        c = causes.setdefault(text, {k: 0 for k, _ in KEYS})
        if frm:
            c[frm] -= 1
        if to:
            c[to] += 1

    for pid in sorted(set(old.columns) | set(new.columns)):
        a, b = old.columns.get(pid), new.columns.get(pid)
        if a == b:
            continue
        changed += 1
        if b is None:
            p = people.get(pid)
            text = f"{LEFT} ({p.status})" if p is not None else LEFT
            add(text, a, None)
            if p is not None:
                left_names.setdefault(text, []).append("" if p.generated else p.name)
            continue
        if a is None:
            add(JOINED, None, b)
            continue
        label = cause_of(old.terms.get(pid, {}), new.terms.get(pid, {}), a, b)
        if label is None:
            add(unknown_words(viewer), a, b)
            continue
        if label == ERROR_LABEL:
            add(ERROR_WORDS, a, b)
            continue
        toward_kim = ORDER[b] > ORDER[a]
        words = CAUSE_WORDS.get(label)
        text = (words[0] if toward_kim else words[1]) if words else label.lower()
        if seen_in.get(label):
            text += " (after " + ", ".join(f"“{t}”" for t in seen_in[label][:2]) + ")"
        add(text, a, b)
    for text, names in left_names.items():
        named = [n for n in names if n]
        if named:
            rest = len(names) - len(named)
            said = ", ".join(named) + (f" and {rest} unnamed" if rest else "")
            causes[f"{text}: {said}"] = causes.pop(text)
    unknown = unknown_words(viewer)
    rows = [(t, d) for t, d in causes.items() if any(d.values())]
    # Largest first; the part the side cannot see last among equals (named causes come first).
    rows.sort(key=lambda td: (-sum(abs(v) for v in td[1].values()), td[0] in (unknown, ERROR_WORDS), td[0]))
    counts = []
    for key, label in KEYS:
        was = sum(1 for c in old.columns.values() if c == key)
        now = sum(1 for c in new.columns.values() if c == key)
        counts.append((key, label, was, now))
    return Movement(counts, rows, changed)


def net_words(d: dict[str, int]) -> str:
    """'with Kim −2, undecided +2' (columns that did not move are left out)."""
    names = {"kim": "with Kim", "swing": "undecided", "opposition": "with the critics"}
    return ", ".join(f"{names[k]} {d[k]:+d}".replace("-", "−") for k, _ in KEYS if d[k])
