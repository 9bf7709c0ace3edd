"""State changes that several effect kinds and rules share: a change of status (and what a purge
costs), seating a new Central Committee, generated cadres, and who counts as most prominent."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from game.engine.basics import ABSENT, ACTIVE, STRIPPED, clamp
from game.engine.state import GameState, PersonState

if TYPE_CHECKING:
    from game.engine.content import GeneratedBloc, Scenario


# The statuses whose purge frightens the whole committee (everyone else's fear rises).
FRIGHTENING = ("arrested", "executed")


def set_status(state: GameState, scn: Scenario, pid: str, status: str) -> None:
    p = state.people[pid]
    if p.status == status:
        return
    if status in ABSENT and p.status in ACTIVE and not p.generated:
        _purge_cost(state, scn, pid, status)
    p.status = status
    if status in STRIPPED:
        p.cc = "none"
        p.offices = []
        p.plotter = False if status in ("executed", "dead") else p.plotter
    p.career.append(f"{state.date}: {status}")


def _purge_cost(state: GameState, scn: Scenario, pid: str, status: str) -> None:
    """Losing a senior figure costs something: the expertise of his posts, his patron's
    goodwill, and (for arrests and executions) the committee's nerve."""
    p = state.people[pid]
    senior = [o for o in (scn.get("office", oid) for oid in p.offices) if o]
    lost = sum(1 for o in senior if o.rank <= 3)
    if lost:
        state.country.economy = clamp(state.country.economy - lost)
    fdef = scn.get("faction", p.faction) if p.faction else None
    if fdef and fdef.patron and fdef.patron in state.patrons and status in ("arrested", "executed", "expelled"):
        pat = state.patrons[fdef.patron]
        pat.favour_kim = clamp(pat.favour_kim - (4 if status == "executed" else 2), -100, 100)
    if status in FRIGHTENING:
        bump = 3 if status == "arrested" else 5
        for q in state.people.values():
            if q.cc != "none" and q.status in ACTIVE:
                # clamp(), with its commonest case first (a whole number in range is itself): the
                # AI tries an arrest on a whole committee several times a decision.
                fear = q.fear + bump
                q.fear = fear if type(fear) is int and 0 <= fear <= 100 else clamp(fear)


def seat_committee(state: GameState, scn: Scenario, committee_id: str) -> None:
    """A congress elects a new Central Committee: named seats as listed, the rest generated."""
    cdef = next(c for c in scn.scenario.committees if c.id == committee_id)
    full, cand = set(cdef.full_members), set(cdef.candidate_members)
    for pid in [k for k, q in state.people.items() if q.generated]:
        del state.people[pid]
    for pid, q in state.people.items():
        if q.patron:
            continue
        new = "full" if pid in full else "candidate" if pid in cand else "none"
        if q.status not in ACTIVE and q.status != "abroad":  # an ambassador can be elected in absence
            new = "none"
        if new != q.cc:
            q.cc = new
            q.career.append(
                f"{state.date}: "
                + ("left the Central Committee" if new == "none" else f"elected to the Central Committee ({new})")
            )
    add_cadres(state, scn, cdef.generated)
    state.add_log(
        f"A new Central Committee is elected: {cdef.full_seats} full and {cdef.candidate_seats} candidate members.",
        "news",
    )


def add_cadres(state: GameState, scn: Scenario, blocs: Iterable[GeneratedBloc]) -> None:
    n = state.vars.get("_cadres", 0)
    for bloc in blocs:
        fdef = scn.get("faction", bloc.faction)
        fname = fdef.short or fdef.name
        for seat, count in (("full", bloc.full), ("candidate", bloc.candidate)):
            for _ in range(count):
                n += 1
                lo, hi = sorted(bloc.loyalty)
                rng = state.rng
                state.people[f"cadre_{n:03d}"] = PersonState(
                    name=f"Cadre {n:03d} ({fname})",
                    faction=bloc.faction,
                    status="active",
                    offices=[],
                    cc=seat,
                    loyalty=rng.randint(lo, hi),
                    ambition=rng.randint(20, 70),
                    reputation=rng.randint(15, 45),
                    fear=rng.randint(15, 35),
                    generated=True,
                )
    state.vars["_cadres"] = n


def prominence(state: GameState, scn: Scenario, pid: str) -> tuple[int, int, str]:
    p = state.people[pid]
    ranks = [o.rank for o in (scn.get("office", oid) for oid in p.offices) if o]
    return (min(ranks) if ranks else 9, -p.reputation, pid)


def group_pool(state: GameState, group: str, faction: str | None) -> list[str]:
    """Everyone a group names (in no particular order; group_members ranks them)."""
    if group == "plotters":
        ids = [pid for pid, p in state.people.items() if p.plotter]
    elif group == "speakers":
        ids = [pid for pid in state.last_speakers if pid in state.people]
    else:
        ids = [pid for pid, p in state.people.items() if p.faction == faction]
    if faction and group != "faction":
        ids = [pid for pid in ids if state.people[pid].faction == faction]
    return ids


def group_members(state: GameState, scn: Scenario, group: str, faction: str | None) -> list[str]:
    return sorted(group_pool(state, group, faction), key=lambda pid: prominence(state, scn, pid))
