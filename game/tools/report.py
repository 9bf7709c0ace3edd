"""The final-state report printed by ``plenum simulate --json``, and the run loop it comes from."""

from __future__ import annotations

from collections.abc import Callable

from game.engine.game import Game

Controller = Callable[[Game, str], dict]

MAX_ORDERS = 20000


def run(g: Game, controllers: dict[str, Controller], on_order: Callable[[dict, object], None] | None = None) -> Game:
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
        entry = {"id": pdef.id, "title": pdef.title, "status": pl.status, "date": pl.date, "motions": []}
        if pl.record:
            entry["tactics"] = dict(pl.tactics)
            for stage in pl.record["stages"]:
                if stage["kind"] == "vote":
                    entry["motions"].append(
                        {
                            "id": stage["motion"],
                            "title": stage["title"],
                            "proposer": stage["proposer"],
                            "passed": stage["passed"],
                            "needed": stage["needed"],
                            **stage["tally"],
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
        "decisions": st.decisions,
        "hash": st.hash(),
    }
