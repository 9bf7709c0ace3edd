"""The Central Committee plenum: how each member votes, and how a session unfolds.

Every full member present has a lean toward Kim's side (positive) or the critics' (negative),
the sum of named terms; the lean decides the vote. The terms, their coefficients, the band
between the sides and the shout-down odds are defined once in game/engine/vote_rule.py (``RULE``
and ``TERMS``); this module only computes with them, so the game can always show a player the
numbers behind a vote. Candidate members have no vote but do make up the hall that shouts
speakers down.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.engine import expr as X
from game.engine.content import MotionDef, PlenumDef, Scenario, TacticDef
from game.engine.context import ACTIVE, EvalContext
from game.engine.effects import apply_effects
from game.engine.vote_rule import RULE, TERM_LABELS

if TYPE_CHECKING:
    from game.engine.state import GameState, PersonState

# Aliases for older callers; the one definition is RULE.
VOTE_BAND = RULE.band
HOSTILE_LEAN = RULE.hostile_lean
NOISE = RULE.noise


def plenum_next(scn: Scenario, st: GameState) -> tuple[Any, Any]:
    """The next plenum on the calendar (definition, state), or (None, None): the screens, the
    words and the terminal ask it."""
    best = None
    for pdef in scn.plenums:
        pl = st.plenums.get(pdef.id)
        if pl and pl.status in ("scheduled", "in_session"):
            if best is None or pl.date < best[1].date:
                best = (pdef, pl)
    return best or (None, None)


def present_members(state: GameState, *, candidates: bool = False) -> list[str]:
    if not candidates:  # the usual question (every count of the committee asks it): one compare
        return [pid for pid, p in state.people.items() if p.cc == "full" and p.status in ACTIVE]
    return [pid for pid, p in state.people.items() if p.cc in ("full", "candidate") and p.status in ACTIVE]


def _faction_terms(state: GameState, scn: Scenario, patrons_present: tuple[str, ...]) -> dict[str, tuple[float, float]]:
    """Per faction: (faction line, patron signal) — the same for every member of a faction,
    so computed once per count rather than once per member."""
    r = RULE
    own_tie, coef, envoys = r.own_patron_tie, r.patron, r.envoys_present
    out: dict[str, tuple[float, float]] = {}
    factions = scn.ids("faction")
    # Each patron's pull (its favour gap, its will to intervene, its envoys) is the same for
    # every faction: read once. The arithmetic below is the rule's, in its order.
    pulls = [
        (
            pat_id,
            pat.favour_kim - pat.favour_opposition,
            1 + pat.intervention / 100,
            envoys if pat_id in patrons_present else 1,
        )
        for pat_id, pat in state.patrons.items()
    ]
    for fid, fs in state.factions.items():
        fdef = factions[fid]
        standing = fs.standing
        own = fdef.patron
        signal = 0.0
        for pat_id, gap, will, present in pulls:
            tie = max(0, standing.get(pat_id, 0)) / 100 + (own_tie if own == pat_id else 0.0)
            signal += gap * (coef * tie * will * present)
        out[fid] = (fdef.vote_base * fs.cohesion / 100, signal)
    return out


def lean_terms(
    state: GameState,
    scn: Scenario,
    pid: str,
    *,
    severity: int = 0,
    kim_motion: bool = False,
    mood: float = 0.0,
    noise: int = 0,
    patrons_present: tuple[str, ...] = (),
    _factions: dict[str, tuple[float, float]] | None = None,
) -> list[float]:
    """The named terms of a member's lean, in the order of vote_rule.TERMS."""
    r = RULE
    p = state.people[pid]
    ft = _factions if _factions is not None else _faction_terms(state, scn, patrons_present)
    line, patron_signal = ft[p.faction]
    c = state.country
    # Severity is reluctance to vote *for* the motion; for Kim's own motions that reluctance
    # pulls toward the critics' side.
    motion_term = -severity if kim_motion else severity
    return [
        line,
        (p.loyalty - r.neutral) * r.loyalty,
        p.fear * r.fear + (c.security - r.neutral) * r.security,
        (c.cult - r.neutral) * r.cult,
        p.pledge_kim * r.pledge,
        -p.pledge_opposition * r.pledge,
        patron_signal,
        float(motion_term),
        float(mood),
        float(noise),
    ]


def lean_of(state: GameState, p: PersonState, ft: dict[str, tuple[float, float]]) -> float:
    """Today's lean of one member (no motion, mood or judgement): exactly
    ``sum(lean_terms(state, scn, pid, _factions=ft))``, the same terms summed in the same order
    (a test holds them equal), without building the named list. Every count of the committee
    runs through here, the AI's look-ahead thousands of times a game."""
    r = RULE
    line, patron_signal = ft[p.faction]
    c = state.country
    # Added left to right as sum() adds them (Python 3.11 sum of floats is plain addition);
    # sum() starts from 0, which differs from starting at `line` only in the sign of a zero
    # partial, and the closing + 0.0 (the three empty terms) folds a -0.0 to 0.0 as sum does.
    return (
        line
        + (p.loyalty - r.neutral) * r.loyalty
        + (p.fear * r.fear + (c.security - r.neutral) * r.security)
        + (c.cult - r.neutral) * r.cult
        + p.pledge_kim * r.pledge
        + -p.pledge_opposition * r.pledge
        + patron_signal
        + 0.0
    )


def leans(state: GameState, scn: Scenario, members: list[str]) -> dict[str, float]:
    """Today's lean of each member (no speeches, no chance). The same terms as the vote and
    its explanation, so a count and a tooltip can never disagree; the faction terms are
    computed once for the whole list."""
    ft = _faction_terms(state, scn, ())
    people = state.people
    # lean_of for each, written out with the terms every member shares worked out once (the same
    # operands, so the same values; the terms added in lean_of's order, so the same sums).
    r = RULE
    c = state.country
    neutral, loyalty, fear, pledge = r.neutral, r.loyalty, r.fear, r.pledge
    security = (c.security - neutral) * r.security
    cult = (c.cult - neutral) * r.cult
    out: dict[str, float] = {}
    for pid in members:
        p = people[pid]
        line, patron_signal = ft[p.faction]
        out[pid] = (
            line
            + (p.loyalty - neutral) * loyalty
            + (p.fear * fear + security)
            + cult
            + p.pledge_kim * pledge
            + -p.pledge_opposition * pledge
            + patron_signal
            + 0.0
        )
    return out


def side_of(lean: float) -> str:
    """'kim', 'opposition' or 'abstain', by RULE's band."""
    return RULE.side_of(lean)


def projection(state: GameState, scn: Scenario) -> dict[str, int]:
    """Where the full members stand today, with no speeches and no chance: the numbers an
    all-seeing observer would count. Players see this only through their intelligence."""
    members = present_members(state)
    counts = {"kim": 0, "opposition": 0, "abstain": 0}
    for lean in leans(state, scn, members).values():
        counts[side_of(lean)] += 1
    return {
        "kim": counts["kim"],
        "opposition": counts["opposition"],
        "swing": counts["abstain"],
        "present": len(members),
        "majority": RULE.majority(len(members)),
    }


def spread(state: GameState, scn: Scenario) -> list[tuple[str, float]]:
    """Every full member present with their lean today, for the pre-plenum distribution chart."""
    return sorted(leans(state, scn, present_members(state)).items(), key=lambda t: (t[1], t[0]))


def _requires(state: GameState, scn: Scenario, src: str | None, plenum_id: str) -> bool:
    if not src:
        return True
    return bool(X.run(src, EvalContext(state, scn, plenum_id=plenum_id, votes=projection)))


def _speech_bonus(state: GameState, scn: Scenario, pdef: PlenumDef, side: str) -> int:
    """Extra power of a delivered speech from `side`: the plenum's speech_modifiers that hold now."""
    return sum(m.power for m in pdef.speech_modifiers if m.side == side and _requires(state, scn, m.when, pdef.id))


def open_session(state: GameState, scn: Scenario, pdef: PlenumDef) -> None:
    """The plenum's date has come: wait for each side's tactic, or resolve at once if none."""
    pl = state.plenums[pdef.id]
    pl.status = "in_session"
    state.add_log(f"{pdef.title} opens.", "plenum")


def tactics_for(scn: Scenario, state: GameState, pdef: PlenumDef, side: str) -> list[TacticDef]:
    return [t for t in pdef.tactics if t.side == side and _requires(state, scn, t.requires, pdef.id)]


def resolve(state: GameState, scn: Scenario, pdef: PlenumDef, *, shown: bool = True) -> dict[str, Any]:
    """Run the whole session: tactics, speeches in order, then each motion's vote. With
    shown=False (a look-ahead play no one is shown) each vote's record leaves out how every
    member voted and why (vote's `shown`); the rules read only what passed."""
    pl = state.plenums[pdef.id]
    rng = state.rng
    record: dict[str, Any] = {
        "plenum": pdef.id,
        "date": state.date,
        "stages": [],
        "passed": [],
        "failed": [],
        "labels": list(TERM_LABELS),
    }
    pl.record = record
    mood = 0.0
    interrupt = 0
    for side in ("opposition", "kim"):
        tid = pl.tactics.get(side)
        tdef = next((t for t in pdef.tactics if t.id == tid), None)
        if tdef:
            mood += tdef.mood
            interrupt += tdef.interrupt
            apply_effects(state, scn, tdef.effects)
            record["stages"].append({"kind": "tactic", "side": side, "tactic": tdef.id, "name": tdef.name})
    record["stages"].insert(0, {"kind": "agenda", "text": pdef.agenda})

    # Each member's own judgement is drawn once, in a fixed order, so the session is replayable.
    everyone = sorted(present_members(state, candidates=True))
    noise = dict(zip(everyone, rng.randints(-RULE.noise, RULE.noise, len(everyone))))

    speakers_against: list[str] = []
    # Nothing in the speeches changes a lean (only the mood, added apart): the hall's leans are
    # counted once, when the first critic rises.
    today: dict[str, float] | None = None
    for sp in pdef.speakers:
        person = state.people.get(sp.person)
        if person is None or person.status not in ACTIVE:
            continue
        if not _requires(state, scn, sp.requires, pdef.id):
            continue
        if sp.side == "opposition":
            if today is None:
                today = leans(state, scn, everyone)
            hostile = sum(1 for pid in everyone if today[pid] + mood + noise[pid] >= RULE.hostile_lean)
            hostile_pct = 100 * hostile / max(1, len(everyone))
            odds = RULE.shout_odds(hostile_pct, interrupt, person.reputation)
            roll = rng.roll()
            speakers_against.append(sp.person)
            if RULE.shouted_down(roll, odds):
                mood += RULE.shouted_down_mood
                outcome = "shouted_down"
            else:
                mood -= sp.power + _speech_bonus(state, scn, pdef, sp.side)
                outcome = "delivered"
            record["stages"].append(
                {
                    "kind": "speech",
                    "person": sp.person,
                    "side": sp.side,
                    "topic": sp.topic,
                    "outcome": outcome,
                    "odds": odds,
                    "roll": roll,
                    "hostile": round(hostile_pct),
                    "mood": round(mood, 1),
                }
            )
        else:
            mood += sp.power + _speech_bonus(state, scn, pdef, sp.side)
            record["stages"].append(
                {
                    "kind": "speech",
                    "person": sp.person,
                    "side": sp.side,
                    "topic": sp.topic,
                    "outcome": "delivered",
                    "odds": 0,
                    "roll": 0,
                    "hostile": 0,
                    "mood": round(mood, 1),
                }
            )
    # Keep the memory of the last session where critics spoke: a later plenum that only hears
    # the leadership (September 1956) must still be able to name the August speakers.
    if speakers_against:
        state.last_speakers = speakers_against

    patrons = tuple(pdef.patrons_present)
    for motion in pdef.motions:
        if not _requires(state, scn, motion.requires, pdef.id):
            continue
        record["stages"].append(vote(state, scn, pdef, motion, mood, noise, patrons, shown=shown))

    apply_effects(state, scn, pdef.after)
    pl.status = "held"
    return record


def vote(
    state: GameState,
    scn: Scenario,
    pdef: PlenumDef,
    motion: MotionDef,
    mood: float,
    noise: dict[str, int],
    patrons: tuple[str, ...],
    *,
    shown: bool = True,
) -> dict[str, Any]:
    """One motion's vote. Its record holds the tally and, if `shown`, each member's vote, its
    rounded terms and its lean, for the hall, the tooltips and the reports to show."""
    members = sorted(present_members(state))
    kim_motion = motion.proposer == "kim"
    welcomed = motion.welcomed()
    votes: dict[str, str] = {}
    terms: dict[str, list[int]] = {}
    totals: dict[str, float] = {}
    tally = {"for": 0, "against": 0, "abstain": 0}
    ft = _faction_terms(state, scn, patrons)
    # lean_terms for each member, written out with the terms every member shares worked out
    # once (the same operands in the same order, so the same list): the AI's plenum play-outs
    # count the hall thousands of times a sweep.
    r = RULE
    c = state.country
    neutral, r_loyalty, r_fear, r_pledge = r.neutral, r.loyalty, r.fear, r.pledge
    security = (c.security - neutral) * r.security
    cult = (c.cult - neutral) * r.cult
    motion_term = float(-motion.severity if kim_motion else motion.severity)
    mood_term = float(mood)
    people = state.people
    side_of = r.side_of
    letter = {"for": "F", "against": "A", "abstain": "N"}
    for pid in members:
        p = people[pid]
        line, patron_signal = ft[p.faction]
        t = [
            line,
            (p.loyalty - neutral) * r_loyalty,
            p.fear * r_fear + security,
            cult,
            p.pledge_kim * r_pledge,
            -p.pledge_opposition * r_pledge,
            patron_signal,
            motion_term,
            mood_term,
            float(noise.get(pid, 0)),
        ]
        lean = sum(t)
        side = side_of(lean)
        if side == "abstain":
            v = "abstain"
        elif side in welcomed:
            v = "for"
        else:
            v = "against"
        tally[v] += 1
        if shown:
            votes[pid] = letter[v]
            # Terms are rounded for display; the exact lean that decided the vote is kept beside them.
            terms[pid] = list(map(round, t))
            totals[pid] = lean
    needed = RULE.majority(len(members))
    passed = tally["for"] >= needed
    record = state.plenums[pdef.id].record
    assert record is not None, "vote() runs inside resolve(), which opens the record"
    (record["passed"] if passed else record["failed"]).append(motion.id)
    state.add_log(
        f"{motion.title}: {'carried' if passed else 'defeated'}, {tally['for']} for, "
        f"{tally['against']} against, {tally['abstain']} abstaining ({needed} needed).",
        "plenum",
    )
    apply_effects(state, scn, motion.on_pass if passed else motion.on_fail)
    return {
        "kind": "vote",
        "motion": motion.id,
        "title": motion.title,
        "proposer": motion.proposer,
        "welcomed_by": list(welcomed),
        "tally": tally,
        "needed": needed,
        "passed": passed,
        "votes": votes,
        "terms": terms,
        "totals": totals,
    }


def explain(
    record_stage: dict[str, Any], pid: str, labels: list[str] | tuple[str, ...] = TERM_LABELS
) -> list[tuple[str, int]]:
    """The numbers behind one member's vote on one motion, largest first."""
    vals = record_stage["terms"].get(pid, [])
    pairs = [(lab, v) for lab, v in zip(labels, vals) if v]
    return sorted(pairs, key=lambda t: -abs(t[1]))


def explain_now(state: GameState, scn: Scenario, pid: str) -> list[tuple[str, int]]:
    """Why a member leans as they do today (no speeches, no chance), for the UI's tooltips."""
    t = lean_terms(state, scn, pid)
    return sorted(((lab, round(v)) for lab, v in zip(TERM_LABELS, t) if round(v)), key=lambda x: -abs(x[1]))
