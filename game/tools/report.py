"""The final-state report printed by ``plenum simulate --json``, and the run loop it comes from."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from game.engine.game import Game
from game.engine.intel import side_view
from game.engine.vote_rule import TERM_LABELS
from game.figures import vote_terms

Controller = Callable[[Game, str], dict]

MAX_ORDERS = 20000


def run(g: Game, controllers: Mapping[str, Controller], on_order: Callable[[dict, object], None] | None = None) -> Game:
    """Drive the game until it ends, asking each side's controller for its next order."""
    for _ in range(MAX_ORDERS):
        side = g.to_move()
        if side is None:
            return g
        order = controllers[side](g, side)
        out = g.submit(order)
        if on_order:
            on_order(order, out)
    raise RuntimeError("the game did not end within the order limit")


def final_report(g: Game) -> dict:
    st, scn = g.state, g.scn
    ending = scn.get("ending", st.ending) if st.ending else None
    people = []
    for pid, p in st.people.items():
        if p.generated:
            continue
        people.append(
            {
                "id": pid,
                "name": p.name,
                "faction": p.faction or None,
                "patron": p.patron or None,
                "status": p.status,
                "offices": list(p.offices),
                "cc": p.cc,
            }
        )
    plenums = []
    for pdef in sorted(scn.plenums, key=lambda d: (st.plenums[d.id].date, d.id)):
        pl = st.plenums[pdef.id]
        entry: dict[str, Any] = {
            "id": pdef.id,
            "title": pdef.title,
            "status": pl.status,
            "date": pl.date,
            "motions": [],
        }
        if pl.record:
            entry["tactics"] = dict(pl.tactics)
            for stage in pl.record["stages"]:
                if stage["kind"] == "vote":
                    entry["motions"].append(
                        {
                            "id": stage["motion"],
                            "title": stage["title"],
                            "proposer": stage["proposer"],
                            # the sides whose members vote for it (records from before the field: the proposer's)
                            "welcomed_by": stage.get("welcomed_by") or [stage["proposer"]],
                            "passed": stage["passed"],
                            "needed": stage["needed"],
                            **stage["tally"],
                            "members": _members(stage, pl.record.get("labels") or TERM_LABELS),
                        }
                    )
                elif stage["kind"] == "speech":
                    entry.setdefault("speeches", []).append(
                        {"person": stage["person"], "side": stage["side"], "outcome": stage["outcome"]}
                    )
        plenums.append(entry)
    return {
        "scenario": st.scenario,
        "start": st.start,
        "seed": st.seed,
        "date": st.date,
        "turns": st.turn,
        "ending": {
            "id": st.ending,
            "title": ending.title if ending else None,
            "victor": ending.victor if ending else None,
            "historical": bool(ending and ending.historical),
        },
        "factions": {fid: {"influence": f.influence, "cohesion": f.cohesion} for fid, f in st.factions.items()},
        "patrons": {
            pid: {
                "favour_kim": p.favour_kim,
                "favour_opposition": p.favour_opposition,
                "intervention": p.intervention,
                "leverage": p.leverage,
            }
            for pid, p in st.patrons.items()
        },
        "rift": st.rift,
        "country": {
            "economy": st.country.economy,
            "support": st.country.support,
            "security": st.country.security,
            "cult": st.country.cult,
        },
        "people": people,
        "plenums": plenums,
        "estimates": {side: _estimate(g, side) for side in ("kim", "opposition")},
        "decisions": st.decisions,
        "hash": st.hash(),
    }


def _members(stage: dict, labels) -> dict:
    """Each member's vote on one motion and the terms as the game shows them (they add up to
    the shown lean, which sits on the vote's side of the band)."""
    out = {}
    for pid in sorted(stage["votes"]):
        got = vote_terms(stage, pid, labels)
        terms, total = got if got else ([], 0)
        out[pid] = {"vote": stage["votes"][pid], "lean": total, "terms": dict(terms)}
    return out


def _estimate(g: Game, side: str) -> dict:
    """A side's final picture of the committee: the headline it is shown."""
    v = side_view(g.state, g.scn, side)
    return {
        "with_kim": v.with_kim,
        "undecided": v.undecided,
        "with_critics": v.with_critics,
        "errors": dict(v.errors),
        "present": v.present,
        "majority": v.majority,
        "leans": {pid: m.lean for pid, m in sorted(v.members.items())},
    }
