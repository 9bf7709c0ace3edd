"""Every kind of effect a scenario may write, each declared once.

An effect is a one-key mapping in a scenario file (``- pledge: {person: target, side: kim,
add: 35}``). Each kind below is one ``EffectKind``: the shape of its value (a pydantic model or
a plain type), how it changes the state, how it reads to a player before a choice, which ids
it names (checked at load time), which people it may change (for the AI's cheap look-ahead)
and any rule about its value that a shape cannot say. The ``Effect`` model of the scenario
format is built from this table, so adding a kind is one entry here, and a test checks that
every kind has every part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from pydantic import Field, PrivateAttr, create_model, model_validator

from game.engine.basics import (
    ABSENT,
    ACTIVE,
    COUNTRY_MEASURES,
    PATRON_MEASURES,
    CCSeat,
    Date,
    Delta,
    Id,
    Percent,
    Side,
    Status,
    Strict,
    Text,
    clamp,
    date_add,
)
from game.engine.changes import FRIGHTENING, group_members, group_pool, seat_committee, set_status
from game.engine.vote_rule import RULE

if TYPE_CHECKING:
    from game.engine.content import Scenario
    from game.engine.state import GameState, PersonState


def _clamp(v: float, lo: int = 0, hi: int = 100) -> int:
    """basics.clamp with its commonest case first (a whole number already in range is itself):
    effects are applied thousands of times a game in the AI's look-ahead."""
    if type(v) is int and lo <= v <= hi:
        return v
    return clamp(v, lo, hi)


# --------------------------------------------------------------------------- value shapes


class FactionFx(Strict):
    faction: Id = Field(
        description="A faction id, or 'target' inside an action aimed at a person: the faction he is counted with."
    )
    influence: Delta = 0
    cohesion: Delta = 0
    absorb_into: Id | None = Field(None, description="Every active member joins this faction instead.")


class StandingFx(Strict):
    faction: Id
    patron: Id
    add: Delta


if TYPE_CHECKING:

    class PatronFx(Strict):
        patron: Id

    class CountryFx(Strict):
        pass

else:
    # One field per measure in basics.PATRON_MEASURES / COUNTRY_MEASURES, each a change of it.
    PatronFx = create_model(
        "PatronFx",
        __base__=Strict,
        __module__=__name__,
        patron=(Id, ...),
        **{m.name: (Delta, 0) for m in PATRON_MEASURES},
    )
    CountryFx = create_model(
        "CountryFx", __base__=Strict, __module__=__name__, **{m.name: (Delta, 0) for m in COUNTRY_MEASURES}
    )


class PersonFx(Strict):
    person: str = Field(description="A person id, or 'target' inside an action.")
    loyalty: Delta = 0
    ambition: Delta = 0
    reputation: Delta = 0
    fear: Delta = 0
    status: Status | None = None
    cc: CCSeat | None = None
    add_office: Id | None = Field(
        None,
        description="An office id: the person takes this post; a sidelined person (demoted) is restored to active.",
    )
    remove_office: Id | None = None
    clear_offices: bool = False
    plotter: bool | None = None
    faction: Id | None = Field(None, description="The person changes sides: counted with this faction from now on.")


class GroupFx(Strict):
    group: Literal["plotters", "speakers", "faction"] = Field(
        description="plotters = the opposition's inner circle; speakers = who spoke against Kim "
        "at the last plenum; faction = everyone in `faction`."
    )
    faction: Id | None = Field(None, description="With plotters or speakers: only those of this faction.")
    loyalty: Delta = 0
    fear: Delta = 0
    status: Status | None = None
    only_status: list[Status] = Field(
        default_factory=lambda: list(ACTIVE),
        description="Only people now in one of these statuses are affected.",
    )
    cc: CCSeat | None = None
    clear_offices: bool = False
    limit: int = Field(0, ge=0, le=500, description="Affect at most this many (0 = all), most prominent first.")
    exclude: list[Id] = Field(default_factory=list, description="People this effect leaves alone.")


class PledgeFx(Strict):
    side: Side
    add: Delta
    person: str | None = Field(None, description="A person id or 'target'.")
    faction: Id | None = Field(None, description="Every Central Committee member of this faction.")
    generated_only: bool = False


class VarFx(Strict):
    name: Id
    add: int = 0
    set: int | None = None


class SideAmount(Strict):
    side: Side
    add: Delta


class PlenumFx(Strict):
    plenum: Id
    do: Literal["schedule", "postpone", "cancel"]
    date: Date | None = None
    days: int = Field(0, ge=0, le=365)


class ChanceFx(Strict):
    percent: Percent
    then: list[Effect] = Field(default_factory=list)
    otherwise: list[Effect] = Field(default_factory=list)


class LogFx(Strict):
    text: Text
    visible_to: Literal["all", "kim", "opposition"] = "all"


# --------------------------------------------------------------------------- the declaration

Path = tuple[str | int, ...]


class Ref(NamedTuple):
    """An id an effect names. `at` is where, inside the effect's value; kind 'flag' marks a flag
    the effect sets (checked against the flags conditions read)."""

    at: Path
    kind: str
    id: str
    target_ok: bool = False  # 'target' stands for an action's chosen person
    hint: str = ""


Apply = Callable[["GameState", "Scenario", Any, "str | None"], None]
Describe = Callable[["Scenario", Any, str], list[str]]
Refs = Callable[[Any], Iterator[Ref]]
Touched = Callable[["GameState", Any, "str | None"], "set[str] | None"]
Problems = Callable[[Any], Iterator[tuple[Path, str]]]


def _no_problems(v: Any) -> Iterator[tuple[Path, str]]:
    return iter(())


def _no_refs(v: Any) -> Iterator[Ref]:
    return iter(())


def _nobody(state: GameState, v: Any, target: str | None) -> set[str] | None:
    return set()


def _anybody(state: GameState, v: Any, target: str | None) -> set[str] | None:
    return None


def _silent(scn: Scenario, v: Any, target_label: str) -> list[str]:
    return []  # bookkeeping the player need not weigh


@dataclass(frozen=True)
class EffectKind:
    key: str
    value: Any  # the value's type: a model class or an annotated scalar
    doc: str  # for the format reference; "" = none
    apply: Apply
    describe: Describe
    refs: Refs
    touched: Touched  # the people it may change; None = could be anyone
    problems: Problems = _no_problems
    # Which of the state's fields it may change (GameState's field names; "people.<field>" for
    # one field of a person, "people" for any); None = any. The AI's what-if copies copy only
    # the records among them (`writes`), and skip the endings' check when they read none of them
    # (a test applies every shipped effect to a full copy and compares every field).
    changes: frozenset[str] | None = None
    # The people its apply may write, where that is fewer than `touched` names (whose count a
    # move may change, None = recount everyone): the AI's what-if copy copies only these, and
    # still recounts whom `touched` says. None here = the same as `touched`.
    copies: Touched | None = None

    @property
    def writes(self) -> frozenset[str] | None:
        """The shared records and containers among `changes` (RECORDS), which the AI's what-if
        copy must copy to change in place; None = any."""
        return None if self.changes is None else self.changes & RECORDS


# The state's records and small containers a what-if copy shares with its world unless an
# effect changes them (copying all of them for every move tried cost more than the move).
RECORDS = frozenset(
    {
        "factions",
        "patrons",
        "country",
        "plenums",
        "pending",
        "intel",
        "budget",
        "spent",
        "budget_bonus",
        "flags",
        "vars",
        "fired",
        "queued_events",
        "codex",
        "actions_this_turn",
        "last_speakers",
    }
)

KINDS: dict[str, EffectKind] = {}


def kind(
    key: str,
    value: Any,
    *,
    doc: str = "",
    describe: Describe = _silent,
    refs: Refs = _no_refs,
    touched: Touched = _nobody,
    problems: Problems = _no_problems,
    changes: frozenset[str] | None = None,
    copies: Touched | None = None,
) -> Callable[[Apply], Apply]:
    """Declare an effect kind around its apply function."""

    def register(apply: Apply) -> Apply:
        KINDS[key] = EffectKind(key, value, doc, apply, describe, refs, touched, problems, changes, copies)
        return apply

    return register


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


def _name(scn: Scenario, kind_: str, id_: str | None, target_label: str = "the target") -> str:
    if id_ == "target":
        return target_label
    obj = scn.get(kind_, id_) if id_ else None
    return getattr(obj, "name", None) or getattr(obj, "title", None) or str(id_)


def _side_word(side: str) -> str:
    return "Kim" if side == "kim" else "Opposition"


def _who(target: str | None, person: str) -> str | None:
    return target if person == "target" else person


# --------------------------------------------------------------------------- faction, standing


def _faction_describe(scn: Scenario, v: FactionFx, tl: str) -> list[str]:
    whose = f"{tl}'s faction" if v.faction == "target" else _name(scn, "faction", v.faction)
    cohesion = f"cohesion {_signed(v.cohesion)}" if v.cohesion else ""
    if v.cohesion:
        # Cohesion scales the faction's line, a term of each member's lean (vote_rule.TERMS: the
        # vote base x cohesion / 100): say what it does to the count, as the country's grip does.
        fdef = scn.get("faction", v.faction) if v.faction != "target" else None
        shift = v.cohesion * fdef.vote_base / 100 if fdef is not None else 0.0
        if shift:
            side = "Kim" if shift > 0 else "the critics"
            cohesion += f" (each member's lean {round(abs(shift), 2):g} more toward {side})"
        elif fdef is None:
            cohesion += f" (its line holds its members {'less' if v.cohesion < 0 else 'more'})"
    parts = [f"influence {_signed(v.influence)}" if v.influence else "", cohesion]
    if v.absorb_into:
        parts.append(f"absorbed into the {_name(scn, 'faction', v.absorb_into)}")
    return [f"{whose}: " + ", ".join(p for p in parts if p)]


def _faction_refs(v: FactionFx) -> Iterator[Ref]:
    yield Ref(("faction",), "faction", v.faction, target_ok=True)
    if v.absorb_into:
        yield Ref(("absorb_into",), "faction", v.absorb_into)


def _faction_touched(state: GameState, v: FactionFx, target: str | None) -> set[str] | None:
    return None if v.absorb_into else set()


@kind(
    "faction",
    FactionFx,
    describe=_faction_describe,
    refs=_faction_refs,
    touched=_faction_touched,
    changes=frozenset({"factions", "people.faction", "people.career"}),  # absorb_into moves people
)
def _faction(state: GameState, scn: Scenario, v: FactionFx, target: str | None) -> None:
    fid = v.faction
    if fid == "target":
        # The target's own faction: a man with none (an unaligned figure) has no faction to move.
        fid = state.people[target].faction if target is not None and target in state.people else ""
        if not fid:
            return
    f = state.factions[fid]
    f.influence = _clamp(f.influence + v.influence)
    f.cohesion = _clamp(f.cohesion + v.cohesion)
    if v.absorb_into and v.absorb_into != fid:
        into = state.factions[v.absorb_into]
        for q in state.people.values():
            if q.faction == fid and q.status in ACTIVE:
                q.faction = v.absorb_into
                q.career.append(f"{state.date}: counted with the {scn.get('faction', v.absorb_into).name}")
        into.influence = _clamp(into.influence + f.influence)
        f.influence = 0


def _standing_describe(scn: Scenario, v: StandingFx, tl: str) -> list[str]:
    return [f"{_name(scn, 'faction', v.faction)} standing with {_name(scn, 'patron', v.patron)} {_signed(v.add)}"]


def _standing_refs(v: StandingFx) -> Iterator[Ref]:
    yield Ref(("faction",), "faction", v.faction)
    yield Ref(("patron",), "patron", v.patron)


@kind("standing", StandingFx, describe=_standing_describe, refs=_standing_refs, changes=frozenset({"factions"}))
def _standing(state: GameState, scn: Scenario, v: StandingFx, target: str | None) -> None:
    f = state.factions[v.faction]
    f.standing[v.patron] = _clamp(f.standing.get(v.patron, 0) + v.add, -100, 100)


# --------------------------------------------------------------------------- patron, country


def _patron_describe(scn: Scenario, v: PatronFx, tl: str) -> list[str]:
    parts = [f"{m.label} {_signed(getattr(v, m.name))}" for m in PATRON_MEASURES if getattr(v, m.name)]
    return [f"{_name(scn, 'patron', v.patron)}: " + ", ".join(parts)]


def _patron_refs(v: PatronFx) -> Iterator[Ref]:
    yield Ref(("patron",), "patron", v.patron)


@kind("patron", PatronFx, describe=_patron_describe, refs=_patron_refs, changes=frozenset({"patrons"}))
def _patron(state: GameState, scn: Scenario, v: PatronFx, target: str | None) -> None:
    p = state.patrons[v.patron]
    for m in PATRON_MEASURES:
        setattr(p, m.name, _clamp(getattr(p, m.name) + getattr(v, m.name), m.lo, m.hi))


def _country_describe(scn: Scenario, v: CountryFx, tl: str) -> list[str]:
    parts = [f"{m.label} {_signed(getattr(v, m.name))}" for m in COUNTRY_MEASURES if getattr(v, m.name)]
    line = "Country: " + ", ".join(parts)
    # The grip and the cult are terms of every member's lean (vote_rule.TERMS): say what a change
    # does to the count, from the same coefficients the count uses (hand play: "security grip +5"
    # on a trial read as nothing for the vote, when it moves every member).
    shift = sum(getattr(v, name) * getattr(RULE, name) for name in LEAN_MEASURES)
    if shift:
        side = "Kim" if shift > 0 else "the critics"
        # Two places where the coefficients need them: the cult's 0.15 a point makes 0.45 for 3,
        # which one place would show as 0.4 (and 0.75 as 0.8).
        line += f" (every member's lean {round(abs(shift), 2):g} more toward {side})"
    return [line]


# The country's measures that are terms of every member's lean, each with its coefficient of the
# same name in vote_rule.RULE.
LEAN_MEASURES = ("security", "cult")


@kind("country", CountryFx, describe=_country_describe, changes=frozenset({"country"}))
def _country(state: GameState, scn: Scenario, v: CountryFx, target: str | None) -> None:
    c = state.country
    for m in COUNTRY_MEASURES:
        setattr(c, m.name, _clamp(getattr(c, m.name) + getattr(v, m.name), m.lo, m.hi))


# --------------------------------------------------------------------------- people

# What a change of status reads as, for one person and for a group: plain English for every status.
STATUS_SAID: dict[str, tuple[str, str]] = {
    "active": ("is restored", "are restored"),
    # One word for both ways into this status: a man stripped of his post and a man let out of
    # prison are alike free, voting and out of favour.
    "demoted": ("is sidelined (free, out of favour)", "are sidelined (free, out of favour)"),
    "expelled": ("is expelled", "are expelled"),
    "arrested": ("is arrested", "are arrested"),
    "fled": ("flees abroad", "flee abroad"),
    "executed": ("is executed", "are executed"),
    "dead": ("dies", "die"),
    "abroad": ("goes abroad", "go abroad"),
}


def _person_describe(scn: Scenario, v: PersonFx, target_label: str) -> list[str]:
    who = _name(scn, "person", v.person, target_label)
    parts = []
    for a in ("loyalty", "ambition", "reputation", "fear"):
        if getattr(v, a):
            parts.append(f"{'loyalty to Kim' if a == 'loyalty' else a} {_signed(getattr(v, a))}")
    if v.status:
        parts.append(STATUS_SAID[v.status][0])
    if v.add_office:
        parts.append(f"appointed {_name(scn, 'office', v.add_office)}")
    if v.remove_office:
        parts.append(f"loses post of {_name(scn, 'office', v.remove_office)}")
    if v.clear_offices:
        parts.append("loses all posts")
    if v.cc:
        parts.append("leaves the Central Committee" if v.cc == "none" else f"CC seat: {v.cc}")
    if v.plotter is not None:
        # (Not "leaves": co-opting offers any member the post, and most were never in the circle.)
        parts.append("joins the opposition's circle" if v.plotter else "is out of the opposition's circle")
    if v.faction:
        parts.append(f"goes over to the {_name(scn, 'faction', v.faction)}")
    return [f"{who}: " + ", ".join(parts)]


def _person_refs(v: PersonFx) -> Iterator[Ref]:
    yield Ref(("person",), "person", v.person, target_ok=True)
    if v.add_office:
        yield Ref(("add_office",), "office", v.add_office)
    if v.remove_office:
        yield Ref(("remove_office",), "office", v.remove_office)
    if v.faction:
        yield Ref(("faction",), "faction", v.faction)


def _person_touched(state: GameState, v: PersonFx, target: str | None) -> set[str] | None:
    if v.status in ABSENT:
        return None  # a purge frightens the whole committee
    pid = _who(target, v.person)
    return {pid} if pid is not None else set()


def _person_copies(state: GameState, v: PersonFx, target: str | None) -> set[str] | None:
    # A purge changes everyone's count (the recount is whole), but only an arrest or an
    # execution frightens the others (changes.FRIGHTENING): any other status writes one person.
    if v.status in FRIGHTENING:
        return None
    pid = _who(target, v.person)
    return {pid} if pid is not None else set()


# A change of status may cost the country and a patron something (changes._purge_cost).
@kind(
    "person",
    PersonFx,
    describe=_person_describe,
    refs=_person_refs,
    touched=_person_touched,
    changes=frozenset({"people", "country", "patrons"}),
    copies=_person_copies,
)
def _person(state: GameState, scn: Scenario, v: PersonFx, target: str | None) -> None:
    pid = _who(target, v.person)
    if pid is None or pid not in state.people:
        return
    p = state.people[pid]
    p.loyalty = _clamp(p.loyalty + v.loyalty)
    p.ambition = _clamp(p.ambition + v.ambition)
    p.reputation = _clamp(p.reputation + v.reputation)
    p.fear = _clamp(p.fear + v.fear)
    if v.clear_offices and p.offices:
        p.career.append(f"{state.date}: removed from all posts")
        p.offices = []
    if v.remove_office and v.remove_office in p.offices:
        p.offices.remove(v.remove_office)
        p.career.append(f"{state.date}: left {scn.get('office', v.remove_office).name}")
    if v.add_office and v.add_office not in p.offices:
        p.offices.append(v.add_office)
        p.career.append(f"{state.date}: became {scn.get('office', v.add_office).name}")
        # A post given to a sidelined man ends his disfavour: a co-opted critic who heads a
        # department was otherwise still listed as sidelined, and a show trial could pick him as
        # a 'disgraced figure' (its targets read the status).
        if p.status == "demoted" and v.status is None:
            set_status(state, scn, pid, "active")
    if v.cc is not None and v.cc != p.cc:
        p.cc = v.cc
        p.career.append(f"{state.date}: Central Committee seat: {v.cc}")
    if v.plotter is not None:
        p.plotter = v.plotter
    if v.faction and v.faction != p.faction:
        p.faction = v.faction
        p.career.append(f"{state.date}: counted with the {scn.get('faction', v.faction).name}")
    if v.status is not None:
        set_status(state, scn, pid, v.status)


def _group_describe(scn: Scenario, v: GroupFx, tl: str) -> list[str]:
    who = {
        "plotters": "The opposition's circle",
        "speakers": "Those who spoke against Kim",
        "faction": f"All of the {_name(scn, 'faction', v.faction)} faction",
    }[v.group]
    spared = [_name(scn, "person", pid) for pid in v.exclude]
    if v.limit or spared:
        who += " (" + ", ".join(([f"up to {v.limit}"] if v.limit else []) + [f"not {n}" for n in spared]) + ")"
    parts = []
    if v.status:
        parts.append(STATUS_SAID[v.status][1])
    if v.clear_offices:
        parts.append("lose their posts")
    if v.loyalty:
        parts.append(f"loyalty {_signed(v.loyalty)}")
    if v.fear:
        parts.append(f"fear {_signed(v.fear)}")
    return [f"{who}: " + ", ".join(parts)]


def _group_refs(v: GroupFx) -> Iterator[Ref]:
    if v.faction:
        yield Ref(("faction",), "faction", v.faction)
    for j, pid in enumerate(v.exclude):
        yield Ref(("exclude", j), "person", pid)


def _group_problems(v: GroupFx) -> Iterator[tuple[Path, str]]:
    if v.group == "faction" and not v.faction:
        yield (), "group 'faction' needs a 'faction' key"


def _group_copies(state: GameState, v: GroupFx, target: str | None) -> set[str] | None:
    # Its members (those it may pick from), unless it arrests or executes: that frightens all.
    if v.status in FRIGHTENING:
        return None
    return set(group_pool(state, v.group, v.faction))


@kind(
    "group",
    GroupFx,
    describe=_group_describe,
    refs=_group_refs,
    touched=_anybody,
    problems=_group_problems,
    changes=frozenset({"people", "country", "patrons"}),
    copies=_group_copies,
)
def _group(state: GameState, scn: Scenario, v: GroupFx, target: str | None) -> None:
    ids = [
        pid
        for pid in group_members(state, scn, v.group, v.faction)
        if state.people[pid].status in v.only_status and pid not in v.exclude
    ]
    if v.limit:
        ids = ids[: v.limit]
    for pid in ids:
        p = state.people[pid]
        p.loyalty = _clamp(p.loyalty + v.loyalty)
        p.fear = _clamp(p.fear + v.fear)
        if v.clear_offices and p.offices:
            p.offices = []
            p.career.append(f"{state.date}: removed from all posts")
        if v.cc is not None:
            p.cc = v.cc
        if v.status is not None:
            set_status(state, scn, pid, v.status)


def _pledge_describe(scn: Scenario, v: PledgeFx, target_label: str) -> list[str]:
    who = (
        _name(scn, "person", v.person, target_label)
        if v.person
        # "Soviet Koreans on the CC" (it read "Soviet Koreans members of the CC"); a pledge to the
        # unnamed only says so, or a player counts the named members of the group in it.
        else f"{_name(scn, 'faction', v.faction)} on the CC" + (" (the unnamed members)" if v.generated_only else "")
    )
    side = "Kim" if v.side == "kim" else "the opposition"
    return [f"{who}: commitment to {side} {_signed(v.add)}"]


def _pledge_refs(v: PledgeFx) -> Iterator[Ref]:
    if v.person is not None:
        yield Ref(("person",), "person", v.person, target_ok=True)
    if v.faction is not None:
        yield Ref(("faction",), "faction", v.faction)


def _pledge_problems(v: PledgeFx) -> Iterator[tuple[Path, str]]:
    if (v.person is None) == (v.faction is None):
        yield (), "a pledge names either a 'person' or a 'faction'"


def _pledge_ids(state: GameState, v: PledgeFx, target: str | None) -> list[str | None]:
    if v.person is not None:
        return [_who(target, v.person)]
    return [pid for pid, _p in _faction_pledged(state, v)]


def _faction_pledged(state: GameState, v: PledgeFx) -> Iterator[tuple[str, PersonState]]:
    """(id, person) of each person a faction's pledge is given to, in the people's order: its
    members with a seat (generated ones only, if so written)."""
    # The effect's two fields read once, not once a person (the AI tries a faction's pledge on a
    # world of a hundred people or more, several times a decision).
    faction, named_too = v.faction, not v.generated_only
    return (
        (pid, p)
        for pid, p in state.people.items()
        if p.faction == faction and p.cc != "none" and (p.generated or named_too)
    )


def _pledge_touched(state: GameState, v: PledgeFx, target: str | None) -> set[str] | None:
    # Exactly the people the pledge is given to (a faction's pledge reaches only its members
    # with a seat), so a look-ahead copies and recounts no one else.
    if v.person is None:
        return {pid for pid, _p in _faction_pledged(state, v)}
    return {pid for pid in _pledge_ids(state, v, target) if pid is not None}


@kind(
    "pledge",
    PledgeFx,
    describe=_pledge_describe,
    refs=_pledge_refs,
    touched=_pledge_touched,
    problems=_pledge_problems,
    changes=frozenset({"people.pledge_kim", "people.pledge_opposition"}),
)
def _pledge(state: GameState, scn: Scenario, v: PledgeFx, target: str | None) -> None:
    attr = "pledge_kim" if v.side == "kim" else "pledge_opposition"
    add = v.add
    if v.person is not None:
        pid = _who(target, v.person)
        p = state.people.get(pid) if pid is not None else None
        if p is not None:
            setattr(p, attr, _clamp(getattr(p, attr) + add))
        return
    # A faction's pledge: the people read and written in one pass, each once (not listed first
    # and looked up again: the AI's look-ahead gives a faction of forty its pledge several times
    # a decision).
    for _pid, p in _faction_pledged(state, v):
        pd = p.__dict__
        pd[attr] = _clamp(pd[attr] + add)


# --------------------------------------------------------------------------- flags and counters


def _flag_refs(v: str) -> Iterator[Ref]:
    yield Ref((), "flag", v)


@kind("flag", Id, doc="Set a flag.", refs=_flag_refs, changes=frozenset({"flags"}))
def _flag(state: GameState, scn: Scenario, v: str, target: str | None) -> None:
    state.set_flag(v)


@kind("clear_flag", Id, changes=frozenset({"flags"}))
def _clear_flag(state: GameState, scn: Scenario, v: str, target: str | None) -> None:
    state.clear_flag(v)


@kind("var", VarFx, changes=frozenset({"vars"}))
def _var(state: GameState, scn: Scenario, v: VarFx, target: str | None) -> None:
    state.vars[v.name] = v.set if v.set is not None else state.vars.get(v.name, 0) + v.add


def _exposure_describe(scn: Scenario, v: int, tl: str) -> list[str]:
    return [f"Exposure {_signed(v)} (what Kim's people may learn of the plot)"]


@kind(
    "exposure",
    Delta,
    doc="Change how much Kim's people have seen of the plot.",
    describe=_exposure_describe,
    changes=frozenset({"exposure"}),
)
def _exposure(state: GameState, scn: Scenario, v: int, target: str | None) -> None:
    state.exposure = _clamp(state.exposure + v)


def _intel_describe(scn: Scenario, v: SideAmount, tl: str) -> list[str]:
    return [f"{_side_word(v.side)} intelligence {_signed(v.add)}"]


@kind("intel", SideAmount, describe=_intel_describe, changes=frozenset({"intel"}))
def _intel(state: GameState, scn: Scenario, v: SideAmount, target: str | None) -> None:
    state.intel[v.side] = _clamp(state.intel[v.side] + v.add)


def _budget_describe(scn: Scenario, v: SideAmount, tl: str) -> list[str]:
    return [f"{_side_word(v.side)} action points next turn {_signed(v.add)}"]


@kind(
    "budget",
    SideAmount,
    doc="Change a side's action points for next turn.",
    describe=_budget_describe,
    changes=frozenset({"budget_bonus"}),
)
def _budget(state: GameState, scn: Scenario, v: SideAmount, target: str | None) -> None:
    state.budget_bonus[v.side] = state.budget_bonus.get(v.side, 0) + v.add


def _rift_describe(scn: Scenario, v: int, tl: str) -> list[str]:
    return [f"Sino-Soviet rift {_signed(v)}"]


@kind("rift", Delta, describe=_rift_describe, changes=frozenset({"rift"}))
def _rift(state: GameState, scn: Scenario, v: int, target: str | None) -> None:
    state.rift = _clamp(state.rift + v)


# --------------------------------------------------------------------------- the calendar and the story


def _plenum_describe(scn: Scenario, v: PlenumFx, tl: str) -> list[str]:
    title = _name(scn, "plenum", v.plenum)
    if v.do == "schedule":
        return [f"{title} is called" + (f" for {v.date}" if v.date else f" in {v.days} days")]
    if v.do == "postpone":
        return [f"{title} is put off by {v.days} days"]
    return [f"{title} is cancelled"]


def _plenum_refs(v: PlenumFx) -> Iterator[Ref]:
    yield Ref(("plenum",), "plenum", v.plenum)


def _plenum_problems(v: PlenumFx) -> Iterator[tuple[Path, str]]:
    if v.do == "schedule" and not v.date and not v.days:
        yield (), "scheduling a plenum needs a 'date' or 'days'"


@kind(
    "plenum",
    PlenumFx,
    describe=_plenum_describe,
    refs=_plenum_refs,
    touched=_anybody,
    copies=_nobody,  # no one is written; the count is whole as `touched` says
    problems=_plenum_problems,
    changes=frozenset({"plenums", "log"}),
)
def _plenum(state: GameState, scn: Scenario, v: PlenumFx, target: str | None) -> None:
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
        # The new date is public (both sides' plenum panels show it): the log says so, or the
        # critics' dispatches still read "called for 2 August" beside a panel reading 30 August.
        state.add_log(f"{scn.get('plenum', v.plenum).title} is put off to {pl.date}.", "plenum")
    elif v.do == "cancel" and pl.status == "scheduled":
        pl.status = "cancelled"
        state.add_log(f"{scn.get('plenum', v.plenum).title} is cancelled.", "plenum")


def _event_describe(scn: Scenario, v: str, tl: str) -> list[str]:
    return [f"Leads to: {_name(scn, 'event', v)}"]


def _event_refs(v: str) -> Iterator[Ref]:
    yield Ref((), "event", v)


@kind(
    "event",
    Id,
    doc="Queue an event to fire at the next check.",
    describe=_event_describe,
    refs=_event_refs,
    touched=_anybody,
    copies=_nobody,  # no one is written; the count is whole as `touched` says
    changes=frozenset({"queued_events"}),
)
def _event(state: GameState, scn: Scenario, v: str, target: str | None) -> None:
    if v not in state.queued_events:
        state.queued_events.append(v)


def _end_describe(scn: Scenario, v: str, tl: str) -> list[str]:
    return [f"The game ends: {_name(scn, 'ending', v)}"]


def _end_refs(v: str) -> Iterator[Ref]:
    yield Ref((), "ending", v)


@kind(
    "end",
    Id,
    doc="End the game with this ending.",
    describe=_end_describe,
    refs=_end_refs,
    touched=_anybody,
    copies=_nobody,  # no one is written; the count is whole as `touched` says
    changes=frozenset({"ending"}),
)
def _end(state: GameState, scn: Scenario, v: str, target: str | None) -> None:
    if state.ending is None:
        state.ending = v


def _chance_describe(scn: Scenario, v: ChanceFx, target_label: str) -> list[str]:
    then = "; ".join(describe(scn, v.then, target_label)) or "nothing"
    other = "; ".join(describe(scn, v.otherwise, target_label)) or "nothing"
    return [f"{v.percent}% chance: {then}. Otherwise: {other}"]


def _chance_refs(v: ChanceFx) -> Iterator[Ref]:
    for branch in ("then", "otherwise"):
        for j, fx in enumerate(getattr(v, branch)):
            for r in referenced_ids(fx):
                yield r._replace(at=(branch, j, fx.kind, *r.at))


def _chance_problems(v: ChanceFx) -> Iterator[tuple[Path, str]]:
    for branch in ("then", "otherwise"):
        for j, fx in enumerate(getattr(v, branch)):
            for at, msg in problems(fx):
                yield (branch, j, fx.kind, *at), msg


def _chance_touched(state: GameState, v: ChanceFx, target: str | None) -> set[str] | None:
    a, b = touched(state, v.then, target), touched(state, v.otherwise, target)
    return None if a is None or b is None else a | b


def _chance_copies(state: GameState, v: ChanceFx, target: str | None) -> set[str] | None:
    a, b = copied(state, v.then, target), copied(state, v.otherwise, target)
    return None if a is None or b is None else a | b


@kind(
    "chance",
    ChanceFx,
    describe=_chance_describe,
    refs=_chance_refs,
    touched=_chance_touched,
    problems=_chance_problems,
    copies=_chance_copies,
)
def _chance(state: GameState, scn: Scenario, v: ChanceFx, target: str | None) -> None:
    branch = v.then if state.rng.chance(v.percent) else v.otherwise
    apply_effects(state, scn, branch, target=target)


@kind("log", LogFx, changes=frozenset({"log"}))
def _log(state: GameState, scn: Scenario, v: LogFx, target: str | None) -> None:
    state.add_log(v.text, "info", v.visible_to)


def _codex_refs(v: str) -> Iterator[Ref]:
    yield Ref((), "codex", v)


@kind("codex", Id, doc="Unlock a codex entry.", refs=_codex_refs, changes=frozenset({"codex"}))
def _codex(state: GameState, scn: Scenario, v: str, target: str | None) -> None:
    if v not in state.codex:
        state.codex.append(v)


def _congress_describe(scn: Scenario, v: str, tl: str) -> list[str]:
    return ["A congress elects a new Central Committee"]


def _congress_refs(v: str) -> Iterator[Ref]:
    yield Ref((), "committee", v, hint="define it under scenario: committees:")


@kind(
    "congress",
    Id,
    doc="Seat a new Central Committee (an id from scenario.committees).",
    describe=_congress_describe,
    refs=_congress_refs,
    touched=_anybody,
)
def _congress(state: GameState, scn: Scenario, v: str, target: str | None) -> None:
    seat_committee(state, scn, v)


# --------------------------------------------------------------------------- the Effect model


class EffectBase(Strict):
    """One effect. Write exactly one of the keys below."""

    @model_validator(mode="after")
    def _one_key(self) -> EffectBase:
        keys = [k for k in type(self).model_fields if getattr(self, k) is not None]
        if len(keys) != 1:
            names = ", ".join(type(self).model_fields)
            if not keys:
                raise ValueError(f"an effect needs exactly one of: {names}")
            raise ValueError(
                f"an effect has exactly one key, this one has {len(keys)} "
                f"({', '.join(keys)}); split it into separate list items"
            )
        return self

    # Which key is set, found once: effects are applied many times in the AI's look-ahead. And
    # (its kind's declaration, its value), read by the hot loops below without the properties.
    _kind: str = PrivateAttr("")
    _decl: Any = PrivateAttr(None)

    def model_post_init(self, __context: Any) -> None:
        kind = next((k for k in type(self).model_fields if getattr(self, k) is not None), "")
        self._kind = kind
        if kind:
            self._decl = (KINDS[kind], getattr(self, kind))

    @property
    def kind(self) -> str:
        kind: str = self.__pydantic_private__["_kind"]  # type: ignore[index]
        if not kind:
            raise AssertionError("validated effect without a key")
        return kind

    @property
    def value(self) -> Any:
        return getattr(self, self.kind)


def _optional(t: Any) -> Any:
    return t | None


if TYPE_CHECKING:
    Effect = EffectBase
else:
    Effect = create_model(
        "Effect",
        __base__=EffectBase,
        __module__=__name__,
        __doc__=EffectBase.__doc__,
        **{k.key: (_optional(k.value), Field(None, description=k.doc) if k.doc else None) for k in KINDS.values()},
    )
ChanceFx.model_rebuild()


# --------------------------------------------------------------------------- reading the table


def apply_effects(state: GameState, scn: Scenario, effects: Sequence[Effect], *, target: str | None = None) -> None:
    for fx in effects:
        k, v = fx.__pydantic_private__["_decl"]  # type: ignore[index]  # (KINDS[fx.kind], fx.value)
        k.apply(state, scn, v, target)


def describe(scn: Scenario, effects: Sequence[Effect], target_label: str = "the target") -> list[str]:
    """Plain-language lines for a list of effects, for tooltips before a choice is made."""
    out: list[str] = []
    for fx in effects:
        out += KINDS[fx.kind].describe(scn, fx.value, target_label)
    return out


def referenced_ids(fx: Effect) -> list[Ref]:
    """The ids one effect names, each with where inside the effect's value it is written."""
    return list(KINDS[fx.kind].refs(fx.value))


def problems(fx: Effect) -> list[tuple[Path, str]]:
    """Rules about an effect's value that its shape cannot express, as (where, message)."""
    return list(KINDS[fx.kind].problems(fx.value))


def _union(effects: Sequence[Effect], attr: str) -> frozenset[str] | None:
    """The union of one declaration (an EffectKind attribute) over a list of effects, or None
    if any of them could reach anything."""
    out: frozenset[str] = frozenset()
    for fx in effects:
        some = getattr(KINDS[fx.kind], attr)
        if some is None:
            return None
        out |= some
    return out


def writes(effects: Sequence[Effect]) -> frozenset[str] | None:
    """The state's shared records (see EffectKind.writes) a list of effects may change in
    place, or None if it could be any."""
    return _union(effects, "writes")


def changes(effects: Sequence[Effect]) -> frozenset[str] | None:
    """The state's fields (see EffectKind.changes) a list of effects may change, or None if it
    could be any."""
    return _union(effects, "changes")


def touched(state: GameState, effects: Sequence[Effect], target: str | None) -> set[str] | None:
    """The people a list of effects may change, or None if it could be anyone. Lets the AI's
    look-ahead copy a handful of people instead of the whole committee."""
    out: set[str] = set()
    for fx in effects:
        k, v = fx.__pydantic_private__["_decl"]  # type: ignore[index]  # (KINDS[fx.kind], fx.value)
        some = k.touched(state, v, target)
        if some is None:
            return None
        out |= some
    return out


def copied(state: GameState, effects: Sequence[Effect], target: str | None) -> set[str] | None:
    """The people a list of effects may write, or None if it could be anyone: at most those
    `touched` names (a purge changes everyone's count, yet writes only the purged unless it
    frightens the rest). The AI's what-if copy copies these people and shares the others."""
    out: set[str] = set()
    for fx in effects:
        k, v = fx.__pydantic_private__["_decl"]  # type: ignore[index]  # (KINDS[fx.kind], fx.value)
        some = (k.copies or k.touched)(state, v, target)
        if some is None:
            return None
        out |= some
    return out
