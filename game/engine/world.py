"""What happens between turns without anyone deciding it: drift, discovery, estimates.

Ideas borrowed: patron pressure is strong in the moment and fades unless backed by presence
(troops, aid); commitments made to a side fade if not renewed, so timing matters (the plenum's
postponement in 1956 gave Kim a month to work the members one by one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.engine import intel
from game.engine.content import Scenario
from game.engine.context import ACTIVE
from game.engine.effects import clamp
from game.engine.plenum import present_members

if TYPE_CHECKING:
    from game.engine.state import GameState

PLEDGE_DECAY = 2
FEAR_FLOOR = 15


def pledge_lasts(add: int) -> int:
    """Turns until a fresh commitment of `add` has faded to nothing (drift takes PLEDGE_DECAY a
    turn): what the action dialog tells a player before a pledge far from any plenum."""
    return -(-max(0, add) // PLEDGE_DECAY)


# Each turn a faction's influence moves this share of the way toward its share of the full
# members present (the UI's explanations read it from here).
INFLUENCE_PULL = 0.08


def drift(state: GameState, scn: Scenario) -> None:
    members = present_members(state)
    total = max(1, len(members))
    seats: dict[str, int] = {f: 0 for f in state.factions}
    for pid in members:
        seats[state.people[pid].faction] += 1
    for fid, f in state.factions.items():
        share = 100 * seats[fid] / total
        f.influence = clamp(f.influence + (share - f.influence) * INFLUENCE_PULL)
    for p in state.people.values():
        if p.status not in ACTIVE:
            continue
        if p.pledge_kim:
            p.pledge_kim = max(0, p.pledge_kim - PLEDGE_DECAY)
        if p.pledge_opposition:
            p.pledge_opposition = max(0, p.pledge_opposition - PLEDGE_DECAY)
        if p.fear > FEAR_FLOOR:
            p.fear -= 1
    for pat in state.patrons.values():
        if pat.intervention > 10:
            pat.intervention -= 2
        if pat.doctrine > 0:
            pat.doctrine -= 1
        # Patrons who are drifting apart dare not push Pyongyang toward the rival: the wider
        # the rift, the more each courts Kim and the less it will intervene against him.
        if state.rift >= 50:
            pat.intervention = clamp(pat.intervention - state.rift // 25)
            if pat.favour_kim < 40:
                pat.favour_kim += 1
    c = state.country
    # A strong security apparatus lets the cult grow, but only as far as its own grip reaches:
    # otherwise ten years of turns would pin it at the maximum whatever the players did.
    if c.security >= 60 and c.cult < c.security:
        c.cult = clamp(c.cult + 1)
    # Reconstruction runs on aid, and aid follows favour.
    target = 30 + sum(pat.aid * max(0, pat.favour_kim + 50) / 100 * 0.4 for pat in state.patrons.values())
    c.economy = clamp(c.economy + (target - c.economy) * 0.1)


def discovery_odds(exposure: float, kim_intel: float) -> float:
    """The chance (%) a turn that Kim's services piece the plot together."""
    return exposure * (0.5 + kim_intel / 100) / 2


def discovery(state: GameState, scn: Scenario) -> None:
    """Kim's security services may piece the plot together: the more the critics have exposed
    themselves and the sharper Kim's intelligence, the likelier each turn."""
    if state.has_flag("plot_discovered"):
        return
    informers(state, scn)
    if state.exposure <= 0:
        return
    odds = discovery_odds(state.exposure, state.intel["kim"])
    if state.rng.roll() <= odds:
        state.set_flag("plot_discovered")
        state.intel["kim"] = clamp(state.intel["kim"] + 15)
        state.add_log("Kim's security services have pieced together who is plotting, and with whom.", "intel", "kim")


def _exposure_delta(scn: Scenario, action_id: str) -> int:
    a = scn.get("action", action_id)
    if a is None or a.side != "opposition":
        return 0
    return sum(fx.exposure for fx in a.success if fx.exposure is not None)


def informers(state: GameState, scn: Scenario) -> None:
    """At the end of the critics' phase: if all they did was cover their tracks, Kim's
    informers may notice the silence itself. A careful plot is not an invisible one."""
    done = [aid for aid, n in state.actions_this_turn.items() if n and _exposure_delta(scn, aid)]
    deltas = [_exposure_delta(scn, aid) for aid in done]
    if not deltas or max(deltas) > 0:
        return
    if state.rng.roll() <= 30 + state.intel["kim"] // 2:
        state.add_log(intel.QUIET_HINT, "intel", "kim")


def estimates(state: GameState, scn: Scenario, *, redraw: bool = True, counts: bool = True) -> None:
    """Each side's picture of the Central Committee (see intel.py): every member's lean blurred
    by the side's intelligence, and the counts those blurred leans give.

    The blur is drawn once a turn (redraw) and half of it carries over, so the count wanders
    rather than jumps; between draws the same blur is laid over the live leans, so a player's
    own moves show at once without revealing anything new.

    With counts=False only the draws are made (the RNG and the stored blur move exactly as
    with them) and `state.estimates` is left as it was: for a look-ahead play of the rules
    that no side's view will be read from (no rule reads the estimates; side_view does)."""
    if not redraw and not counts:
        return
    members = present_members(state)
    scratch: dict[str, Any] = {}
    terms = intel.terms_key(state, members) if counts else ()
    plotters = intel.active_plotters(state)
    for side in ("kim", "opposition"):
        if redraw:
            intel.draw_blur(state, side, members)
        noise = state.estimate_noise.setdefault(side, {})
        # The critics know their own circle; Kim's services can only guess at it until the
        # plot is found.
        e = intel.count_error(state, side) // 2 if side == "kim" and not state.has_flag("plot_discovered") else 0
        if redraw:
            draw = state.rng.randint(-e, e) if e else 0
            noise["plotters"] = round(noise.get("plotters", 0) / 2 + draw / 2)
        if not counts:
            continue
        # The counts (drawn from nothing, so they may come after the draw above): the picture
        # made last from a state that reads the same, or made now, the leans worked out once.
        _members, _rows, heads, errors, _made = intel.picture(state, scn, side, members, terms, scratch)
        view: dict[str, list[int]] = {key: [heads[key], errors[key]] for key in ("kim", "opposition", "swing")}
        off = max(-e, min(e, noise.get("plotters", 0)))
        view["plotters"] = [max(0, plotters + off), e]
        view["majority"] = [len(members) // 2 + 1, 0]
        state.estimates[side] = view


def snapshot(state: GameState) -> None:
    state.timeline.append({"date": state.date, "influence": {fid: f.influence for fid, f in state.factions.items()}})
