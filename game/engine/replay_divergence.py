"""Where a game left history: the first order that differs from the historical course played
from the same start and seed, and what followed from it (the plenums, the people, the ending).

The historical course is a game in which both sides took every historical choice (the caller
plays it; see game/tools/replay.py). Same start, same seed: until the first differing order the
two games are identical, so the first difference is the point of divergence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine.basics import STATUS_NAMES
from game.engine.content import Scenario
from game.engine.state import GameState

# What "the historical course" is, for a reader of the lines below: history's choices, played
# with this game's dice. Its speeches and votes can fall otherwise than they did in 1956 (at one
# seed Yun Kong-hum is heard out there, though the hall shouted him down), so the lines say "on
# the historical course", never "in history", for anything the dice decide.
COURSE_NOTE = "The historical course: both sides take every historical choice, played with this game's dice."

SIDE_WORDS = {"kim": "Kim's side", "opposition": "The opposition"}
OUTCOME = {"delivered": "was heard out", "shouted_down": "was shouted down"}
MAX_FOLLOWED = 10


@dataclass(frozen=True)
class Divergence:
    index: int | None  # the first differing order, or None when the game kept to history
    date: str
    first: str  # the point of divergence in words
    followed: tuple[str, ...]  # what came of it, in words
    ending: str
    historical_ending: str

    @property
    def kept_to_history(self) -> bool:
        return self.index is None


def _name(scn: Scenario, kind: str, id_: str | None) -> str:
    if not id_:
        return ""
    d = scn.get(kind, id_)
    return getattr(d, "name", None) or getattr(d, "title", None) or id_


def describe(scn: Scenario, order: dict[str, Any] | None, state: GameState | None = None) -> str:
    """One order in words: 'Kim's side took "Work the committee" (Nam Il)'."""
    if order is None:
        return "the game ended"
    side = SIDE_WORDS.get(order.get("side", ""), order.get("side", "?"))
    t = order.get("t")
    if t == "tactic":
        pdef = scn.get("plenum", order.get("plenum", ""))
        tac = next((x for x in (pdef.tactics if pdef else []) if x.id == order.get("tactic")), None)
        where = pdef.title if pdef else order.get("plenum", "")
        if where.startswith("The "):
            where = "the " + where[4:]  # mid-sentence
        return f'{side} chose "{tac.name if tac else order.get("tactic")}" for {where}'
    if t == "choose":
        ev = scn.get("event", order.get("event", ""))
        opt = next((o for o in (ev.options if ev else []) if o.id == order.get("option")), None)
        return f'{side} answered "{ev.title if ev else order.get("event")}": {opt.text if opt else order.get("option")}'
    if t == "act":
        a = _name(scn, "action", order.get("action"))
        tgt = order.get("target")
        tname = ""
        if tgt:
            person = state.people.get(tgt) if state is not None else None
            tname = person.name if person is not None else _name(scn, "person", tgt) if scn.get("person", tgt) else tgt
        return f'{side} took "{a}"' + (f" ({tname})" if tname else "")
    if t == "end":
        return f"{side} ended its phase of the turn"
    return f"{side}: {t}"


def _order_date(scn: Scenario, game: GameState, index: int) -> str:
    """The game date when order ``index`` was given: replay the orders before it."""
    from game.engine.game import Game

    return Game.replay(scn, game.start, game.seed, game.decisions[:index]).state.date


def _plenum_lines(scn: Scenario, game: GameState, ref: GameState) -> list[str]:
    out: list[str] = []
    for pdef in scn.plenums:
        a, b = game.plenums.get(pdef.id), ref.plenums.get(pdef.id)
        if a is None or b is None:
            continue
        held_a, held_b = a.status == "held", b.status == "held"
        if held_a != held_b:
            out.append(
                f"{pdef.title}: {'sat' if held_a else 'never sat'} here; on the historical course it {'sat' if held_b else 'did not sit'}."
            )
            continue
        if not (held_a and a.record and b.record):
            continue
        speeches_a = {s["person"]: s["outcome"] for s in a.record["stages"] if s.get("kind") == "speech"}
        speeches_b = {s["person"]: s["outcome"] for s in b.record["stages"] if s.get("kind") == "speech"}
        for pid in list(speeches_b) + [p for p in speeches_a if p not in speeches_b]:
            oa, ob = speeches_a.get(pid), speeches_b.get(pid)
            if oa == ob:
                continue
            who = _name(scn, "person", pid)
            if oa is None:
                out.append(
                    f"{pdef.title}: {who} did not speak; on the historical course he {OUTCOME.get(str(ob), ob)}."
                )
            elif ob is None:
                out.append(
                    f"{pdef.title}: {who} spoke and {OUTCOME.get(oa, oa)}; on the historical course he did not speak."
                )
            else:
                out.append(
                    f"{pdef.title}: {who} {OUTCOME.get(oa, oa)}; on the historical course he {OUTCOME.get(ob, ob)}."
                )
        titles = {m.id: m.title for m in pdef.motions}
        for mid in titles:
            pa = "passed" if mid in a.record["passed"] else "failed" if mid in a.record["failed"] else "not put"
            pb = "passed" if mid in b.record["passed"] else "failed" if mid in b.record["failed"] else "not put"
            if pa != pb:
                words = {"passed": "carried", "failed": "was defeated", "not put": "was not put"}
                out.append(f'{pdef.title}: "{titles[mid]}" {words[pa]}; on the historical course it {words[pb]}.')
    return out


def _people_lines(scn: Scenario, game: GameState, ref: GameState) -> list[str]:
    out = []
    for pid, p in game.people.items():
        q = ref.people.get(pid)
        if p.generated or q is None:
            continue
        if p.status != q.status:
            out.append(
                f"{p.name}: {STATUS_NAMES[p.status].lower()} at the end; on the historical course, {STATUS_NAMES[q.status].lower()}."
            )
        elif set(p.offices) != set(q.offices) and (p.offices or q.offices):
            lost = [_name(scn, "office", o) for o in q.offices if o not in p.offices]
            won = [_name(scn, "office", o) for o in p.offices if o not in q.offices]
            if won:
                out.append(f"{p.name} holds {', '.join(won)} here; on the historical course, not.")
            if lost:
                out.append(f"On the historical course {p.name} held {', '.join(lost)}; here, not.")
    return out


def compare(scn: Scenario, game: GameState, ref: GameState) -> Divergence:
    """The game against the historical course from the same start and seed."""
    ending = _name(scn, "ending", game.ending) if game.ending and game.ending != "__none__" else "no verdict"
    hist_ending = _name(scn, "ending", ref.ending) if ref.ending and ref.ending != "__none__" else "no verdict"
    a, b = game.decisions, ref.decisions
    index = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), None)
    if index is None and len(a) != len(b) and game.ending is not None:
        index = min(len(a), len(b))
    if index is None:
        return Divergence(None, game.date, "This game kept to the historical course.", (), ending, hist_ending)
    mine = describe(scn, a[index] if index < len(a) else None, game)
    theirs = describe(scn, b[index] if index < len(b) else None, ref)
    if theirs.startswith("The "):
        theirs = "t" + theirs[1:]
    first = f"{mine}, where history has: {theirs}."
    followed = _plenum_lines(scn, game, ref) + _people_lines(scn, game, ref)
    if ending != hist_ending:
        followed.append(f'The game ends in "{ending}"; the historical course ends in "{hist_ending}".')
    else:
        followed.append(f'For all that, the game ends as the historical course does: "{ending}".')
    return Divergence(index, _order_date(scn, game, index), first, tuple(followed[:MAX_FOLLOWED]), ending, hist_ending)
