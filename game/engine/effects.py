"""Applying scenario effects to the state, and describing them to the player beforehand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.content import Effect, Scenario
from game.engine.context import ACTIVE, date_add

if TYPE_CHECKING:
    from game.engine.state import GameState

# Statuses that take a person out of the hall, and the ones that also strip party posts.
ABSENT = ("expelled", "arrested", "fled", "executed", "dead", "abroad")
STRIPPED = ("expelled", "arrested", "executed", "dead")


def clamp(v: float, lo: int = 0, hi: int = 100) -> int:
    return int(max(lo, min(hi, round(v))))


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
    senior = [scn.get("office", o) for o in p.offices if scn.get("office", o)]
    lost = sum(1 for o in senior if o.rank <= 3)
    if lost:
        state.country.economy = clamp(state.country.economy - lost)
    fdef = scn.get("faction", p.faction) if p.faction else None
    if fdef and fdef.patron and fdef.patron in state.patrons and status in ("arrested", "executed", "expelled"):
        pat = state.patrons[fdef.patron]
        pat.favour_kim = clamp(pat.favour_kim - (4 if status == "executed" else 2), -100, 100)
    if status in ("arrested", "executed"):
        for q in state.people.values():
            if q.cc != "none" and q.status in ACTIVE:
                q.fear = clamp(q.fear + (3 if status == "arrested" else 5))


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


def add_cadres(state: GameState, scn: Scenario, blocs) -> None:
    from game.engine.state import PersonState

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


def prominence(state: GameState, scn: Scenario, pid: str) -> tuple:
    p = state.people[pid]
    ranks = [scn.get("office", o).rank for o in p.offices if scn.get("office", o)]
    return (min(ranks) if ranks else 9, -p.reputation, pid)


def _person(state, scn, pid: str, fx) -> None:
    p = state.people[pid]
    p.loyalty = clamp(p.loyalty + fx.loyalty)
    p.ambition = clamp(p.ambition + fx.ambition)
    p.reputation = clamp(p.reputation + fx.reputation)
    p.fear = clamp(p.fear + fx.fear)
    if fx.clear_offices and p.offices:
        p.career.append(f"{state.date}: removed from all posts")
        p.offices = []
    if fx.remove_office and fx.remove_office in p.offices:
        p.offices.remove(fx.remove_office)
        p.career.append(f"{state.date}: left {scn.get('office', fx.remove_office).name}")
    if fx.add_office and fx.add_office not in p.offices:
        p.offices.append(fx.add_office)
        p.career.append(f"{state.date}: became {scn.get('office', fx.add_office).name}")
    if fx.cc is not None and fx.cc != p.cc:
        p.cc = fx.cc
        p.career.append(f"{state.date}: Central Committee seat: {fx.cc}")
    if fx.plotter is not None:
        p.plotter = fx.plotter
    if fx.faction and fx.faction != p.faction:
        p.faction = fx.faction
        p.career.append(f"{state.date}: counted with the {scn.get('faction', fx.faction).name}")
    if fx.status is not None:
        set_status(state, scn, pid, fx.status)


def group_members(state: GameState, scn: Scenario, group: str, faction: str | None) -> list[str]:
    if group == "plotters":
        ids = [pid for pid, p in state.people.items() if p.plotter]
    elif group == "speakers":
        ids = [pid for pid in state.last_speakers if pid in state.people]
    else:
        ids = [pid for pid, p in state.people.items() if p.faction == faction]
    if faction and group != "faction":
        ids = [pid for pid in ids if state.people[pid].faction == faction]
    return sorted(ids, key=lambda pid: prominence(state, scn, pid))


def apply_effects(state: GameState, scn: Scenario, effects: list[Effect], *, target: str | None = None) -> None:
    for fx in effects:
        apply_effect(state, scn, fx, target=target)


def apply_effect(state: GameState, scn: Scenario, fx: Effect, *, target: str | None = None) -> None:
    k, v = fx.kind, fx.value
    if k == "faction":
        f = state.factions[v.faction]
        f.influence = clamp(f.influence + v.influence)
        f.cohesion = clamp(f.cohesion + v.cohesion)
        if v.absorb_into and v.absorb_into != v.faction:
            into = state.factions[v.absorb_into]
            for q in state.people.values():
                if q.faction == v.faction and q.status in ACTIVE:
                    q.faction = v.absorb_into
                    q.career.append(f"{state.date}: counted with the {scn.get('faction', v.absorb_into).name}")
            into.influence = clamp(into.influence + f.influence)
            f.influence = 0
    elif k == "standing":
        f = state.factions[v.faction]
        f.standing[v.patron] = clamp(f.standing.get(v.patron, 0) + v.add, -100, 100)
    elif k == "patron":
        p = state.patrons[v.patron]
        for attr in ("leverage", "aid", "advisers", "troops", "doctrine", "intervention"):
            setattr(p, attr, clamp(getattr(p, attr) + getattr(v, attr)))
        p.favour_kim = clamp(p.favour_kim + v.favour_kim, -100, 100)
        p.favour_opposition = clamp(p.favour_opposition + v.favour_opposition, -100, 100)
    elif k == "country":
        c = state.country
        for attr in ("economy", "support", "security", "cult"):
            setattr(c, attr, clamp(getattr(c, attr) + getattr(v, attr)))
    elif k == "person":
        pid = target if v.person == "target" else v.person
        if pid in state.people:
            _person(state, scn, pid, v)
    elif k == "group":
        ids = [
            pid
            for pid in group_members(state, scn, v.group, v.faction)
            if state.people[pid].status in v.only_status and pid not in v.exclude
        ]
        if v.limit:
            ids = ids[: v.limit]
        for pid in ids:
            p = state.people[pid]
            p.loyalty = clamp(p.loyalty + v.loyalty)
            p.fear = clamp(p.fear + v.fear)
            if v.clear_offices and p.offices:
                p.offices = []
                p.career.append(f"{state.date}: removed from all posts")
            if v.cc is not None:
                p.cc = v.cc
            if v.status is not None:
                set_status(state, scn, pid, v.status)
    elif k == "pledge":
        attr = "pledge_kim" if v.side == "kim" else "pledge_opposition"
        if v.person is not None:
            ids = [target if v.person == "target" else v.person]
        else:
            ids = [
                pid
                for pid, p in state.people.items()
                if p.faction == v.faction and p.cc != "none" and (p.generated or not v.generated_only)
            ]
        for pid in ids:
            if pid in state.people:
                p = state.people[pid]
                setattr(p, attr, clamp(getattr(p, attr) + v.add))
    elif k == "flag":
        state.set_flag(v)
    elif k == "clear_flag":
        state.clear_flag(v)
    elif k == "var":
        state.vars[v.name] = v.set if v.set is not None else state.vars.get(v.name, 0) + v.add
    elif k == "exposure":
        state.exposure = clamp(state.exposure + v)
    elif k == "intel":
        state.intel[v.side] = clamp(state.intel[v.side] + v.add)
    elif k == "budget":
        state.budget_bonus[v.side] = state.budget_bonus.get(v.side, 0) + v.add
    elif k == "rift":
        state.rift = clamp(state.rift + v)
    elif k == "plenum":
        pl = state.plenums[v.plenum]
        if v.do == "schedule":
            # A date already past means "as soon as possible": the end of this turn.
            pl.date = max(v.date or date_add(state.date, v.days), state.date)
            if pl.status in ("unscheduled", "cancelled"):
                pl.status = "scheduled"
            state.add_log(f"{scn.get('plenum', v.plenum).title} is called for {pl.date}.", "plenum")
        elif v.do == "postpone" and pl.status == "scheduled":
            pl.date = date_add(pl.date, v.days)
            pl.postponed_days += v.days
        elif v.do == "cancel" and pl.status == "scheduled":
            pl.status = "cancelled"
    elif k == "event":
        if v not in state.queued_events:
            state.queued_events.append(v)
    elif k == "end":
        if state.ending is None:
            state.ending = v
    elif k == "chance":
        branch = v.then if state.rng.chance(v.percent) else v.otherwise
        apply_effects(state, scn, branch, target=target)
    elif k == "log":
        state.add_log(v.text, "info", v.visible_to)
    elif k == "codex":
        if v not in state.codex:
            state.codex.append(v)
    elif k == "congress":
        seat_committee(state, scn, v)
    else:  # pragma: no cover - the content model admits no other key
        raise AssertionError(k)


# --------------------------------------------------------------------------- describing


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


def _name(scn: Scenario, kind: str, id_: str | None, target_label: str = "the target") -> str:
    if id_ == "target":
        return target_label
    obj = scn.get(kind, id_) if id_ else None
    return getattr(obj, "name", None) or getattr(obj, "title", None) or str(id_)


def describe(scn: Scenario, effects: list[Effect], target_label: str = "the target") -> list[str]:
    """Plain-language lines for a list of effects, for tooltips before a choice is made."""
    out: list[str] = []
    for fx in effects:
        k, v = fx.kind, fx.value
        if k == "faction":
            parts = [
                f"influence {_signed(v.influence)}" if v.influence else "",
                f"cohesion {_signed(v.cohesion)}" if v.cohesion else "",
            ]
            if v.absorb_into:
                parts.append(f"absorbed into the {_name(scn, 'faction', v.absorb_into)}")
            out.append(f"{_name(scn, 'faction', v.faction)}: " + ", ".join(p for p in parts if p))
        elif k == "standing":
            out.append(
                f"{_name(scn, 'faction', v.faction)} standing with {_name(scn, 'patron', v.patron)} {_signed(v.add)}"
            )
        elif k == "patron":
            labels = {
                "favour_kim": "favour to Kim",
                "favour_opposition": "favour to the opposition",
                "leverage": "leverage",
                "aid": "aid",
                "advisers": "advisers",
                "troops": "troops",
                "doctrine": "doctrinal pressure",
                "intervention": "will to intervene",
            }
            parts = [f"{lab} {_signed(getattr(v, a))}" for a, lab in labels.items() if getattr(v, a)]
            out.append(f"{_name(scn, 'patron', v.patron)}: " + ", ".join(parts))
        elif k == "country":
            labels = {
                "economy": "economy",
                "support": "popular support",
                "security": "security grip",
                "cult": "personality cult",
            }
            parts = [f"{lab} {_signed(getattr(v, a))}" for a, lab in labels.items() if getattr(v, a)]
            out.append("Country: " + ", ".join(parts))
        elif k == "person":
            who = _name(scn, "person", v.person, target_label)
            parts = []
            for a in ("loyalty", "ambition", "reputation", "fear"):
                if getattr(v, a):
                    parts.append(f"{'loyalty to Kim' if a == 'loyalty' else a} {_signed(getattr(v, a))}")
            if v.status:
                parts.append(f"becomes {v.status}")
            if v.add_office:
                parts.append(f"appointed {_name(scn, 'office', v.add_office)}")
            if v.remove_office:
                parts.append(f"loses post of {_name(scn, 'office', v.remove_office)}")
            if v.clear_offices:
                parts.append("loses all posts")
            if v.cc:
                parts.append("leaves the Central Committee" if v.cc == "none" else f"CC seat: {v.cc}")
            if v.plotter is not None:
                parts.append("joins the opposition's circle" if v.plotter else "leaves the opposition's circle")
            if v.faction:
                parts.append(f"goes over to the {_name(scn, 'faction', v.faction)}")
            out.append(f"{who}: " + ", ".join(parts))
        elif k == "group":
            who = {
                "plotters": "The opposition's circle",
                "speakers": "Those who spoke against Kim",
                "faction": f"All of the {_name(scn, 'faction', v.faction)} faction",
            }[v.group]
            if v.limit:
                who += f" (up to {v.limit})"
            parts = []
            if v.status:
                parts.append(f"become {v.status}")
            if v.clear_offices:
                parts.append("lose their posts")
            if v.loyalty:
                parts.append(f"loyalty {_signed(v.loyalty)}")
            if v.fear:
                parts.append(f"fear {_signed(v.fear)}")
            out.append(f"{who}: " + ", ".join(parts))
        elif k == "pledge":
            who = (
                _name(scn, "person", v.person, target_label)
                if v.person
                else f"{_name(scn, 'faction', v.faction)} members of the CC"
            )
            side = "Kim" if v.side == "kim" else "the opposition"
            out.append(f"{who}: commitment to {side} {_signed(v.add)}")
        elif k == "exposure":
            out.append(f"Kim's view of the plot {_signed(v)}")
        elif k == "intel":
            out.append(f"{'Kim' if v.side == 'kim' else 'Opposition'} intelligence {_signed(v.add)}")
        elif k == "budget":
            out.append(f"{'Kim' if v.side == 'kim' else 'Opposition'} action points next turn {_signed(v.add)}")
        elif k == "rift":
            out.append(f"Sino-Soviet rift {_signed(v)}")
        elif k == "plenum":
            title = _name(scn, "plenum", v.plenum)
            if v.do == "schedule":
                out.append(f"{title} is called" + (f" for {v.date}" if v.date else f" in {v.days} days"))
            elif v.do == "postpone":
                out.append(f"{title} is put off by {v.days} days")
            else:
                out.append(f"{title} is cancelled")
        elif k == "chance":
            then = "; ".join(describe(scn, v.then, target_label)) or "nothing"
            other = "; ".join(describe(scn, v.otherwise, target_label)) or "nothing"
            out.append(f"{v.percent}% chance: {then}. Otherwise: {other}")
        elif k == "end":
            out.append(f"The game ends: {_name(scn, 'ending', v)}")
        elif k == "congress":
            out.append("A congress elects a new Central Committee")
        elif k == "event":
            out.append(f"Leads to: {_name(scn, 'event', v)}")
        elif k in ("flag", "clear_flag", "var", "log", "codex"):
            continue  # bookkeeping the player need not weigh
    return out


__all__ = ["ABSENT", "ACTIVE", "apply_effect", "apply_effects", "clamp", "describe", "set_status"]
