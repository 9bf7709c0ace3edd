"""The plenum vote rule's numbers and named terms: the one definition that the engine's vote
(game/engine/plenum.py), the UI's tooltips, the AI and the docs all read.

Every full member present has a *lean*: points toward Kim's side (positive) or the critics'
side (negative), the sum of the terms in TERMS. A lean of at least ``RULE.band`` votes with Kim's
side, at most ``-RULE.band`` with the critics, anything between abstains. A motion passes with
``majority(present)`` votes for it (more than half of the full members present); abstaining is
not voting against, but it does not help a motion either.

Change a number here and the vote, every explanation built from ``TERMS`` and every band shown
on screen change with it. Scenario-specific adjustments (a speech that lands harder once a
critique is drafted, say) are scenario data on the plenum, not code here.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class VoteRule:
    """Every named coefficient of the vote and of the shout-down."""

    # -- the vote
    band: int = 6  # a lean of at least +band votes with Kim, at most -band with the critics
    noise: int = 6  # own judgement: a whole number drawn from -noise..+noise per member per session
    neutral: int = 50  # the midpoint of loyalty, security and cult: at 50 they pull neither way
    loyalty: float = 0.6  # per point of loyalty above neutral
    fear: float = 0.25  # per point of the member's fear
    security: float = 0.1  # per point of the security services' grip above neutral
    cult: float = 0.15  # per point of the personality cult above neutral
    pledge: float = 0.45  # per point secured by a side (toward that side)
    patron: float = 0.12  # per point of a patron's favour to Kim minus its favour to the opposition
    own_patron_tie: float = 0.5  # a faction's tie to its own patron, on top of its standing / 100
    envoys_present: float = 2  # a patron's signal is multiplied by this while its envoys sit in the hall

    # -- the shout-down of critics' speeches
    hostile_lean: int = 20  # a member this far toward Kim (with mood and judgement) heckles critics
    shout_offset: float = 20  # subtracted from the hostile share of the hall (in %)
    reputation_divisor: float = 5  # the speaker's reputation / this is subtracted from the odds
    shout_min: int = 5  # the odds never fall below this (%)
    shout_max: int = 95  # nor rise above this (%)
    shouted_down_mood: float = 2  # a speaker shouted down moves the hall this far toward Kim

    def majority(self, present: int) -> int:
        """Votes a motion needs: more than half of the full members present."""
        return present // 2 + 1

    def side_of(self, lean: float) -> str:
        """The side a lean votes with: 'kim', 'opposition' or 'abstain'."""
        if lean >= self.band:
            return "kim"
        if lean <= -self.band:
            return "opposition"
        return "abstain"

    def shout_odds(self, hostile_pct: float, interrupt: float, reputation: float) -> int:
        """The chance (whole %) that a critic is shouted down; a roll of 1..100 at or under it does."""
        odds = hostile_pct - self.shout_offset + interrupt - reputation / self.reputation_divisor
        return int(max(self.shout_min, min(self.shout_max, round(odds))))

    def shouted_down(self, roll: int, odds: int) -> bool:
        return roll <= odds


RULE = VoteRule()


def _n(x: float) -> str:
    """A coefficient as a reader writes it: 2 rather than 2.0, 0.45 as 0.45."""
    return f"{x:g}"


@dataclass(frozen=True)
class Term:
    """One named term of the lean, in the order plenum.lean_terms returns them."""

    id: str
    label: str
    seen_by: tuple[str, ...]  # the sides whose player may see this term's value
    _formula: str  # plain words, with {name} fields filled from the rule's coefficients

    def formula(self, rule: VoteRule = RULE) -> str:
        return self._formula.format(**{f.name: _n(getattr(rule, f.name)) for f in fields(rule)})


_BOTH = ("kim", "opposition")

TERMS: tuple[Term, ...] = (
    Term("faction", "Faction line", _BOTH, "the faction's vote base × its cohesion / 100"),
    Term("loyalty", "Loyalty to Kim", _BOTH, "(loyalty − {neutral}) × {loyalty}"),
    Term("fear", "Fear", _BOTH, "fear × {fear} + (security grip − {neutral}) × {security}"),
    Term("cult", "Personality cult", _BOTH, "(cult − {neutral}) × {cult}, the same for every member"),
    Term("pledge_kim", "Secured by Kim", ("kim",), "what Kim's men secured × {pledge}"),
    Term("pledge_opposition", "Won over by the critics", ("opposition",), "− what the critics won × {pledge}"),
    Term(
        "patrons",
        "Patron signals",
        _BOTH,
        "for each patron, (favour to Kim − favour to the opposition) × {patron} × the faction's tie to it "
        "(standing / 100, plus {own_patron_tie} for its own patron) × (1 + intervention / 100); "
        "× {envoys_present} while its envoys sit in the hall",
    ),
    Term(
        "motion",
        "Weight of the motion",
        _BOTH,
        "the motion's severity, a reluctance to vote for it: − severity on Kim's motions, + severity on the critics'",
    ),
    Term("mood", "Mood in the hall", _BOTH, "built by the day's tactics and speeches"),
    Term(
        "judgement",
        "Own judgement",
        _BOTH,
        "a whole number from −{noise} to +{noise}, drawn once per member per session (the one random term)",
    ),
)

TERM_IDS: tuple[str, ...] = tuple(t.id for t in TERMS)
TERM_LABELS: tuple[str, ...] = tuple(t.label for t in TERMS)
INDEX: dict[str, int] = {t.id: i for i, t in enumerate(TERMS)}


def hidden_labels(viewer: str) -> tuple[str, ...]:
    """Labels of the terms a side's player may not see (the other side's private work)."""
    return tuple(t.label for t in TERMS if viewer not in t.seen_by)


def band_text(rule: VoteRule = RULE) -> str:
    return (
        f"A lean of +{rule.band} or more votes with Kim's side, −{rule.band} or less with the critics; "
        f"anything between abstains. A member votes for a motion his side wants (the mover's, or "
        f"both sides' for a concession both welcome) and against one it does not."
    )


def majority_text() -> str:
    return "A motion passes with more votes for it than half of the full members present; abstaining is not opposing."


def shout_text(rule: VoteRule = RULE) -> str:
    return (
        f"A critic is shouted down with a chance of (share of the hall at a lean of +{rule.hostile_lean} or more, "
        f"counting mood and own judgement, in %) − {_n(rule.shout_offset)} + the tactic's interruption − "
        f"his reputation / {_n(rule.reputation_divisor)}, kept within {_n(rule.shout_min)}–{_n(rule.shout_max)}%. "
        f"Shouted down, he moves the hall {_n(rule.shouted_down_mood)} toward Kim; heard out, his speech's power "
        f"toward the critics."
    )


def explanation_lines(viewer: str | None = None, rule: VoteRule = RULE) -> list[str]:
    """The rule in plain words, one line per term, then the band, the majority and the
    shout-down: for tooltips, help screens and docs. With a viewer, terms that side may not
    see are listed as hidden rather than left out."""
    hidden = hidden_labels(viewer) if viewer else ()
    lines = [f"{t.label}: {t.formula(rule)}" + (" (hidden from you)" if t.label in hidden else "") for t in TERMS]
    return [*lines, band_text(rule), majority_text(), shout_text(rule)]
