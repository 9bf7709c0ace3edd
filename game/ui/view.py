"""Read-only helpers that turn state into words for the screens (no rules live here)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.engine.basics import ABSENT, ACTIVE, STATUS_NAMES, days_until  # noqa: F401  (the screens read them as V.*)
from game.engine.plenum import lean_terms, plenum_next  # noqa: F401  (the screens read them as V.*)
from game.engine.vote_rule import RULE, TERM_LABELS, band_text, hidden_labels
from game.figures import UNKNOWN_LABEL, UNKNOWN_TEXT, estimate_terms
from game.words import dispatch_text, far_plenum_words, history_date, mid_sentence, pledge_line, prose_dates, uses_line  # noqa: F401  (the screens read them as V.*)

# Out of the party's life for good, as the lists show it: the engine's absent statuses save abroad
# (a man abroad comes back).
FALLEN = tuple(s for s in ABSENT if s != "abroad")
SEAT_WORDS = {"full": "Full member of the CC", "candidate": "Candidate member of the CC", "none": "No CC seat"}
KIND_COLOURS = {
    "event": (168, 24, 22),
    "decision": (168, 24, 22),
    "action": (28, 22, 20),
    "plenum": (150, 110, 20),
    "intel": (40, 84, 128),
    "news": (88, 76, 66),
    "info": (88, 76, 66),
    "ending": (168, 24, 22),
}


def faction_ids(scn, st) -> list[str]:
    """Factions in the scenario's order (a loaded save's dicts come back sorted by key)."""
    order = [f.id for f in scn.factions if f.id in st.factions]
    return order + [f for f in st.factions if f not in order]


def patron_ids(scn, st) -> list[str]:
    order = [p.id for p in scn.patrons if p.id in st.patrons]
    return order + [p for p in st.patrons if p not in order]


def person_name(app, scn, st, pid: str, *, hangul: bool | None = None) -> str:
    p = st.people.get(pid)
    if p is None:
        return pid
    if hangul is None:
        hangul = app.settings.hangul
    d = scn.get("person", pid)
    if hangul and d is not None and d.name_ko:
        return f"{p.name}  {d.name_ko}"
    return p.name


def faction_name(scn, fid: str | None) -> str:
    if not fid:
        return "Foreign"
    f = scn.get("faction", fid)
    return f.name if f else fid


def office_names(scn, ids) -> list[str]:
    out = []
    for o in ids:
        od = scn.get("office", o)
        out.append(od.name if od else o)
    return out


def office_line(scn, st, pid: str) -> str:
    p = st.people[pid]
    if p.generated:
        return "Generated cadre (a seat whose holder the record does not name)"
    names = office_names(scn, p.offices)
    return (
        names[0]
        if names
        else (scn.get("person", pid).role[:60] if scn.get("person", pid) and scn.get("person", pid).role else "No post")
    )


FIRM = 20  # a lean this far from zero is described as firm (words only; the vote uses RULE.band)


def lean_word(lean: float) -> str:
    if lean >= FIRM:
        return "firmly with Kim"
    if lean >= RULE.band:
        return "leans to Kim"
    if lean > -RULE.band:
        return "undecided (would abstain)"
    if lean > -FIRM:
        return "leans to the critics"
    return "firmly with the critics"


def secret_terms(viewer: str) -> tuple[str, ...]:
    """Vote terms a side cannot see: the other side's private work."""
    return hidden_labels(viewer)


def stance_lines(session, pid: str) -> list[str]:
    """Why a member leans as they do, as this viewer may know it."""
    st, scn = session.state, session.scn
    p = st.people[pid]
    if p.cc != "full" or p.status not in ACTIVE:
        return [
            "Has no vote at a plenum"
            + (" (candidate member: speaks and shouts, does not vote)." if p.cc == "candidate" else ".")
        ]
    est = session.view().members.get(pid)
    if est is None:
        return ["Not in the hall today."]
    terms, total = estimate_terms(session.viewer, lean_terms(st, scn, pid), est.lean, TERM_LABELS)
    lines = [f"Estimated lean {total:+d} (±{est.error:.0f}): {lean_word(total)}. {band_text()}"]
    for label, v in terms:
        lines.append(f"  {label}: {v:+d}")
    if any(label == UNKNOWN_LABEL for label, _ in terms):
        lines.append(f"  ({UNKNOWN_LABEL}: {UNKNOWN_TEXT}.)")
    return lines


def entry_story(scn, entry) -> str:
    """The text behind a dispatch that logs only an event's title (news, a decision point)."""
    if entry.kind not in ("event", "news"):
        return ""
    e = next((e for e in scn.events if e.title == entry.text), None)
    if e is None:
        return ""
    when, rest = history_date(e.text)
    return f"{rest} (In history: {when}.)" if when else rest


def readable(entry, scn=None):
    """A dispatch as the player reads it (game.words.dispatch_text, the terminal's wording too)."""
    text = dispatch_text(entry.text, scn)
    return entry if text == entry.text else replace(entry, text=text)


@dataclass(frozen=True)
class Roll:
    """What a list of people holds, counted two ways that must agree: named + unnamed, and full
    members + candidates + those with no seat. The headline counts only the full members present
    (the ones who vote), so a list that says "78" and a headline that adds up to 71 reconcile."""

    named: int
    unnamed: int
    groups: int  # unnamed members shown as one row per faction
    full: int
    candidates: int
    seatless: int

    @property
    def total(self) -> int:
        return self.named + self.unnamed


def roll(st, pids) -> Roll:
    ps = [st.people[p] for p in pids if p in st.people]
    unnamed = [p for p in ps if p.generated]
    return Roll(
        named=len(ps) - len(unnamed),
        unnamed=len(unnamed),
        groups=len({p.faction or "-" for p in unnamed}),
        full=sum(1 for p in ps if p.cc == "full"),
        candidates=sum(1 for p in ps if p.cc == "candidate"),
        seatless=sum(1 for p in ps if p.cc not in ("full", "candidate")),
    )


def _n(k: int, one: str, many: str) -> str:
    return f"{k} {one if k == 1 else many}"


def roll_names(r: Roll, *, grouped: bool = True) -> str:
    """ "23 named, 55 unnamed in 4 groups" (or without the groups where each is its own row)."""
    parts = [f"{r.named} named"]
    if r.unnamed:
        parts.append(
            f"{r.unnamed} unnamed" + (f" in {_n(r.groups, 'group', 'groups')}" if grouped and r.groups else "")
        )
    return ", ".join(parts)


def roll_seats(r: Roll) -> str:
    """ "71 full members + 7 candidates (+ 3 without a seat)"."""
    parts = [_n(r.full, "full member", "full members")]
    if r.candidates:
        parts.append(_n(r.candidates, "candidate", "candidates"))
    if r.seatless:
        parts.append(f"{r.seatless} without a seat")
    return " + ".join(parts)


def roll_tip(r: Roll, voting: int | None = None) -> list[str]:
    """The reconciliation, for a tooltip: both ways of counting the list, and how it meets the
    headline (which counts only the full members present, who vote)."""
    lines = [
        f"This list: {r.total} people.",
        f"{roll_names(r)} (the record does not name who held the unnamed seats; they are grouped by faction).",
        f"{roll_seats(r)} = {r.total}.",
    ]
    if voting is not None:
        lines.append(
            f"The headline counts the {voting} full members present, who vote at a plenum; "
            "candidates speak and shout but do not vote."
        )
    return lines


def event_seen_by(e, viewer: str) -> bool:
    """Whether ``viewer`` learns of this event when it fires (its declared visibility, else: news
    and decisions both sides take reach both, a one-side decision its side)."""
    vis = e.visible_to or ("all" if e.side in ("both", "none") else e.side)
    return vis in ("all", viewer)


def codex_seen(state, scn, viewer: str) -> list[str]:
    """The codex entries unlocked in this game that ``viewer`` may know of: an entry unlocked only
    by events the other side alone learnt of stays hidden (its appearance would tell the secret)."""
    unlockers: dict[str, list] = {}
    for e in scn.events:
        for c in e.codex:
            unlockers.setdefault(c, []).append(e)
    out = []
    for cid in state.codex:
        evs = unlockers.get(cid)
        if not evs or any(e.id in state.fired and event_seen_by(e, viewer) for e in evs):
            out.append(cid)
    return out
