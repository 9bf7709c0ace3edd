"""The scenario format: every structure a scenario (or mod) file may hold.

These pydantic models are the single definition of the public modding format. The loader
validates YAML against them, ``plenum schema`` derives its JSON Schema from them, and the
engine reads the validated objects at run time. Field descriptions double as modder docs.

Load-time reference checks (does ``faction: sovet`` exist?) live in
``game/scenario/references.py``; this module only knows shapes, types and ranges.
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from game.engine import expr as _expr


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_date(value: str) -> str:
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a real date; write it as YYYY-MM-DD, e.g. 1956-08-30") from None
    return value


def _check_expr(value: str) -> str:
    try:
        _expr.parse(value)
    except _expr.ExprError as exc:
        pointer = " " * exc.column + "^"
        raise ValueError(f"{exc.message} (column {exc.column + 1})\n    {value}\n    {pointer}") from None
    return value


Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        min_length=1,
        max_length=64,
        description="An identifier: lower-case letters, digits and underscores, starting with a letter.",
    ),
]
Date = Annotated[
    str,
    Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="A date, YYYY-MM-DD."),
    AfterValidator(_check_date),
]
Expr = Annotated[
    str,
    Field(min_length=1, description="An expression in the scenario language (see docs/MODDING.md)."),
    AfterValidator(_check_expr),
]
Percent = Annotated[int, Field(ge=0, le=100)]
Delta = Annotated[int, Field(ge=-100, le=100)]
Standing = Annotated[int, Field(ge=-100, le=100)]
Side = Literal["kim", "opposition"]
Status = Literal["active", "demoted", "expelled", "arrested", "fled", "executed", "dead", "abroad"]
CCSeat = Literal["full", "candidate", "none"]
Text = Annotated[str, Field(max_length=6000)]

STATUSES: tuple[str, ...] = ("active", "demoted", "expelled", "arrested", "fled", "executed", "dead", "abroad")
SIDES: tuple[str, ...] = ("kim", "opposition")


# --------------------------------------------------------------------------- scenario meta


class HeldPlenum(Strict):
    """A plenum that already sat before a start point: its date, tactics and the motions it
    passed, so `held()` and `passed()` answer as if the game had played it."""

    plenum: Id
    date: Date
    tactics: dict[Side, Id] = Field(default_factory=dict)
    passed: list[Id] = Field(default_factory=list)
    failed: list[Id] = Field(default_factory=list)
    speakers: list[Id] = Field(
        default_factory=list, description="Who spoke against the leader there (for a later 'speakers' group effect)."
    )


class StartPoint(Strict):
    id: Id
    title: str
    date: Date
    summary: Text = ""
    effects: list[Effect] = Field(
        default_factory=list, description="Applied once when a game begins at this start point."
    )
    skip_events: list[Id] = Field(
        default_factory=list, description="Events treated as already past when starting here."
    )
    held: list[HeldPlenum] = Field(
        default_factory=list, description="Plenums that already sat before this start point, with what they passed."
    )


class Calendar(Strict):
    start: Date
    end: Date
    turn_days: int = Field(14, ge=1, le=92, description="Length of one turn in days.")


class Budget(Strict):
    kim: int = Field(3, ge=0, le=20, description="Action points Kim's side gets each turn.")
    opposition: int = Field(3, ge=0, le=20, description="Action points the opposition gets each turn.")


class Country(Strict):
    economy: Percent = 50
    support: Percent = Field(50, description="Popular support for the regime.")
    security: Percent = Field(50, description="The security apparatus's grip.")
    cult: Percent = Field(50, description="Strength of Kim's personality cult.")


class GeneratedBloc(Strict):
    faction: Id
    full: int = Field(0, ge=0, le=300)
    candidate: int = Field(0, ge=0, le=300)
    loyalty: tuple[Percent, Percent] = Field((40, 60), description="Range of loyalty to Kim for these cadres.")
    label: str = Field("", description="How the game describes these generated cadres.")


class Committee(Strict):
    full_seats: int = Field(ge=1, le=400)
    candidate_seats: int = Field(ge=0, le=400)
    elected: str = Field("", description="When and how this Central Committee was elected.")
    generated: list[GeneratedBloc] = Field(
        default_factory=list,
        description="Unnamed seats, filled with generated cadres. Their split is a design estimate.",
    )
    estimate_note: str = ""


class NamedCommittee(Committee):
    """A Central Committee elected later in the scenario (at a congress), seated by a
    `congress` effect. Named members are listed here rather than on each person."""

    id: Id
    full_members: list[Id] = Field(default_factory=list)
    candidate_members: list[Id] = Field(default_factory=list)


class ScenarioMeta(Strict):
    id: Id
    title: str
    subtitle: str = ""
    summary: Text = ""
    base: str | None = Field(None, description="Another scenario folder this one builds on.")
    calendar: Calendar
    starts: list[StartPoint] = Field(min_length=1)
    budget: Budget = Budget()
    country: Country = Country()
    committee: Committee
    committees: list[NamedCommittee] = Field(
        default_factory=list, description="Later Central Committees, seated by a 'congress' effect."
    )
    rift: Percent = Field(10, description="How far the USSR and China have drifted apart (0-100).")
    exposure: Percent = Field(0, description="How much of the opposition's plotting Kim's people have seen.")
    intel: dict[Side, Percent] = Field(default_factory=lambda: {"kim": 40, "opposition": 30})
    leader: Id = Field(description="The person whose fall the opposition seeks (Kim Il Sung).")
    leader_office: Id = Field(description="The office that makes the leader the leader.")


# --------------------------------------------------------------------------- world


class FactionDef(Strict):
    id: Id
    name: str
    name_ko: str = ""
    short: str = Field("", max_length=12)
    color: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")
    bloc: Side = Field(description="Which side this faction plays with.")
    influence: Percent
    cohesion: Percent = 60
    patron: Id | None = None
    standing: dict[Id, Standing] = Field(default_factory=dict, description="Standing with each patron.")
    vote_base: int = Field(
        0, ge=-60, le=60, description="How far members of this faction lean toward Kim before anything else."
    )
    description: Text = ""


class PatronDef(Strict):
    id: Id
    name: str
    short: str = ""
    color: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")
    favour_kim: Standing = 0
    favour_opposition: Standing = 0
    leverage: Percent = 50
    aid: Percent = 50
    advisers: Percent = 0
    troops: Percent = 0
    doctrine: Percent = Field(0, description="Pressure to follow the patron's line (de-Stalinization).")
    intervention: Percent = Field(0, description="Willingness to intervene in the party's affairs.")
    description: Text = ""


class OfficeDef(Strict):
    id: Id
    name: str
    kind: Literal["party", "state", "military", "diplomatic", "other"] = "state"
    rank: int = Field(3, ge=1, le=5, description="1 = the top of the party, 5 = minor.")


class PersonDef(Strict):
    id: Id
    name: str
    name_ko: str = ""
    other_names: list[str] = Field(default_factory=list)
    faction: Id | None = Field(None, description="The party faction; omit for a foreign figure.")
    patron: Id | None = Field(None, description="For a Soviet or Chinese figure: the patron they serve.")
    offices: list[Id] = Field(default_factory=list)
    cc: CCSeat = "none"
    loyalty: Percent = 50
    ambition: Percent = 50
    reputation: Percent = 50
    fear: Percent = 20
    status: Status = "active"
    born: int | None = Field(None, ge=1850, le=1960)
    died: str | None = None
    plotter: bool = Field(False, description="Starts as a member of the opposition's inner circle.")
    role: Text = Field("", description="What this person did in the period, in a line.")
    bio: Text = ""
    fate: Text = Field("", description="What really happened to them, for the ending screen.")
    uncertain: Text = Field("", description="What the record leaves open.")
    sources: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- effects


class FactionFx(Strict):
    faction: Id
    influence: Delta = 0
    cohesion: Delta = 0
    absorb_into: Id | None = Field(None, description="Every active member joins this faction instead.")


class StandingFx(Strict):
    faction: Id
    patron: Id
    add: Delta


class PatronFx(Strict):
    patron: Id
    favour_kim: Delta = 0
    favour_opposition: Delta = 0
    leverage: Delta = 0
    aid: Delta = 0
    advisers: Delta = 0
    troops: Delta = 0
    doctrine: Delta = 0
    intervention: Delta = 0


class CountryFx(Strict):
    economy: Delta = 0
    support: Delta = 0
    security: Delta = 0
    cult: Delta = 0


class PersonFx(Strict):
    person: str = Field(description="A person id, or 'target' inside an action.")
    loyalty: Delta = 0
    ambition: Delta = 0
    reputation: Delta = 0
    fear: Delta = 0
    status: Status | None = None
    cc: CCSeat | None = None
    add_office: Id | None = None
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
        default_factory=lambda: ["active", "demoted"],
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


class Effect(Strict):
    """One effect. Write exactly one of the keys below."""

    faction: FactionFx | None = None
    standing: StandingFx | None = None
    patron: PatronFx | None = None
    country: CountryFx | None = None
    person: PersonFx | None = None
    group: GroupFx | None = None
    pledge: PledgeFx | None = None
    flag: Id | None = Field(None, description="Set a flag.")
    clear_flag: Id | None = None
    var: VarFx | None = None
    exposure: Delta | None = Field(None, description="Change how much Kim's people have seen of the plot.")
    intel: SideAmount | None = None
    budget: SideAmount | None = Field(None, description="Change a side's action points for next turn.")
    rift: Delta | None = None
    plenum: PlenumFx | None = None
    event: Id | None = Field(None, description="Queue an event to fire at the next check.")
    end: Id | None = Field(None, description="End the game with this ending.")
    chance: ChanceFx | None = None
    log: LogFx | None = None
    codex: Id | None = Field(None, description="Unlock a codex entry.")
    congress: Id | None = Field(None, description="Seat a new Central Committee (an id from scenario.committees).")

    @model_validator(mode="after")
    def _one_key(self) -> Effect:
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

    @property
    def kind(self) -> str:
        for k in type(self).model_fields:
            if getattr(self, k) is not None:
                return k
        raise AssertionError("validated effect without a key")

    @property
    def value(self):
        return getattr(self, self.kind)


StartPoint.model_rebuild()
ChanceFx.model_rebuild()


# --------------------------------------------------------------------------- actions


class ActionDef(Strict):
    id: Id
    side: Side
    name: str
    cost: int = Field(1, ge=0, le=10)
    summary: Text = Field("", description="What the action may do, shown before the player commits.")
    target: Literal["none", "person", "patron", "faction"] = "none"
    targets: Expr | None = Field(None, description="Which targets qualify; refer to the candidate as 'target'.")
    available: Expr | None = Field(None, description="When the action can be taken at all.")
    chance: Expr = Field(
        "100", description="Percent chance of success; may refer to 'target'. Clamped to 5-95 unless it is exactly 100."
    )
    success: list[Effect] = Field(default_factory=list)
    failure: list[Effect] = Field(default_factory=list)
    success_text: Text = ""
    failure_text: Text = ""
    visible: bool = Field(False, description="Whether the other side learns of it at once.")
    limit_per_turn: int = Field(1, ge=0, le=10, description="0 = unlimited.")
    ai_weight: int = Field(0, ge=-100, le=100)
    tags: list[Id] = Field(default_factory=list)


# --------------------------------------------------------------------------- events


class OptionDef(Strict):
    id: Id
    text: str
    side: Side | None = Field(None, description="For an event of side 'both': who may pick it.")
    detail: Text = ""
    historical: bool = False
    condition: Expr | None = None
    effects: list[Effect] = Field(default_factory=list)
    ai_weight: int = Field(0, ge=-100, le=100)


class EventDef(Strict):
    id: Id
    title: str
    side: Literal["kim", "opposition", "both", "none"] = "none"
    earliest: Date | None = None
    latest: Date | None = None
    condition: Expr | None = None
    chance: Percent = Field(100, description="Percent chance to fire on each turn it is eligible.")
    once: bool = True
    triggered_only: bool = Field(False, description="Fires only when an effect queues it.")
    text: Text
    options: list[OptionDef] = Field(default_factory=list)
    codex: list[Id] = Field(default_factory=list, description="Codex entries this event unlocks.")
    sources: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- plenums


class SpeakerDef(Strict):
    person: Id
    side: Side
    topic: str
    power: int = Field(5, ge=0, le=30, description="How far a finished speech moves the hall.")
    requires: Expr | None = None


class MotionDef(Strict):
    id: Id
    title: str
    proposer: Side
    kind: Literal["criticise_leader", "remove_leader", "expel_critics", "rehabilitate", "other"] = "other"
    severity: int = Field(
        0,
        ge=-40,
        le=40,
        description="Extra reluctance to vote for it: a positive number pushes members toward the status quo.",
    )
    requires: Expr | None = None
    on_pass: list[Effect] = Field(default_factory=list)
    on_fail: list[Effect] = Field(default_factory=list)
    description: Text = ""


class TacticDef(Strict):
    id: Id
    side: Side
    name: str
    summary: Text = ""
    interrupt: int = Field(0, ge=-50, le=50, description="Added to the chance of shouting down opposition speakers.")
    mood: int = Field(0, ge=-30, le=30, description="Moves the hall's mood toward Kim (+) or the critics (-).")
    historical: bool = False
    requires: Expr | None = None
    effects: list[Effect] = Field(default_factory=list)


class SpeechModifierDef(Strict):
    when: Expr = Field(description="While this holds (checked at each speech), the modifier applies.")
    side: Side = Field("opposition", description="Whose speeches it strengthens.")
    power: int = Field(ge=-30, le=30, description="Added to the power of every speech of that side heard out.")
    label: str = Field("", description="Why, in a few words, for the session's explanation.")


class PlenumDef(Strict):
    id: Id
    title: str
    date: Date
    agenda: Text = ""
    patrons_present: list[Id] = Field(
        default_factory=list, description="Patrons whose envoys sit in the hall: their signals to members count double."
    )
    scheduled: bool = Field(True, description="On the calendar from the start (else an effect schedules it).")
    tactics: list[TacticDef] = Field(default_factory=list)
    speakers: list[SpeakerDef] = Field(default_factory=list)
    speech_modifiers: list[SpeechModifierDef] = Field(
        default_factory=list, description="Conditions that make one side's speeches land harder (or softer)."
    )
    motions: list[MotionDef] = Field(min_length=1)
    after: list[Effect] = Field(default_factory=list, description="Applied when the session closes.")
    codex: list[Id] = Field(default_factory=list)


# --------------------------------------------------------------------------- endings, history, codex


class EndingDef(Strict):
    id: Id
    title: str
    victor: Literal["kim", "opposition", "patrons", "none"]
    when: Literal["any", "end"] = Field("any", description="'any' = checked every turn; 'end' = only at the end date.")
    condition: Expr | None = Field(None, description="Omit to make a fallback ending.")
    priority: int = Field(0, ge=-100, le=100)
    historical: bool = False
    text: Text
    history: Text = Field("", description="What really happened, for comparison.")


class HistoryStep(Strict):
    date: Date = Field(description="The step is taken on the first turn on or after this date.")
    side: Side
    action: Id
    target: Id | None = None


class CodexEntry(Strict):
    id: Id
    title: str
    category: Literal["person", "event", "faction", "term", "source", "place", "patron"]
    text: Text
    sources: list[str] = Field(default_factory=list)
    uncertain: Text = ""
    locked: bool = Field(False, description="Hidden until an event or effect unlocks it.")


class ReplaySeat(Strict):
    """Where a player who takes a seat at a replay step enters the game."""

    start: Id = Field(description="The start point the game begins from; both sides follow history up to the seat.")
    at: str = Field(
        pattern=r"^(start|plenum:[a-z][a-z0-9_]*|after:[a-z][a-z0-9_]*)$",
        description="'start' (the first turn), 'plenum:ID' (as the sides choose their line for that "
        "plenum) or 'after:ID' (the first move once that plenum has sat).",
    )
    note: Text = Field("", description="What the player can still change from this moment, in a line.")


class ReplayStep(Strict):
    """One moment of the guided replay of a plenum as recorded."""

    id: Id
    date: Date
    kind: Literal["context", "report", "speech", "vote", "flight", "session"] = "context"
    title: str
    person: Id | None = Field(None, description="The speaker, when they are a person of the scenario.")
    speaker: str = Field("", description="The speaker's name, for someone who is not a person of the scenario.")
    side: Literal["kim", "opposition", "none"] = "none"
    outcome: Literal["", "delivered", "shouted_down", "carried", "defeated", "fled"] = ""
    text: Text
    sources: list[str] = Field(min_length=1, description="Source keys from the bibliography.")
    uncertain: Text = Field("", description="What the record leaves open about this moment.")
    codex: list[Id] = Field(default_factory=list)
    seat: ReplaySeat


class Scenario(Strict):
    """A whole scenario after its files (and any base scenario and mods) are merged."""

    scenario: ScenarioMeta
    factions: list[FactionDef] = Field(min_length=1)
    patrons: list[PatronDef] = Field(default_factory=list)
    offices: list[OfficeDef] = Field(default_factory=list)
    people: list[PersonDef] = Field(min_length=1)
    actions: list[ActionDef] = Field(default_factory=list)
    events: list[EventDef] = Field(default_factory=list)
    plenums: list[PlenumDef] = Field(default_factory=list)
    endings: list[EndingDef] = Field(min_length=1)
    history: list[HistoryStep] = Field(default_factory=list)
    codex: list[CodexEntry] = Field(default_factory=list)
    replay: list[ReplayStep] = Field(default_factory=list, description="The guided replay's steps, in order.")

    _index: dict = PrivateAttr(default_factory=dict)

    # Lookup tables built once; the model is frozen so these never go stale.
    def model_post_init(self, __context) -> None:
        index = {
            "faction": {f.id: f for f in self.factions},
            "patron": {p.id: p for p in self.patrons},
            "office": {o.id: o for o in self.offices},
            "person": {p.id: p for p in self.people},
            "action": {a.id: a for a in self.actions},
            "event": {e.id: e for e in self.events},
            "plenum": {p.id: p for p in self.plenums},
            "ending": {e.id: e for e in self.endings},
            "codex": {c.id: c for c in self.codex},
            "replay": {r.id: r for r in self.replay},
        }
        self._index = index

    def get(self, kind: str, id_: str):
        # Read the private dict directly: pydantic's attribute hook is slow on a hot path.
        return self.__pydantic_private__["_index"][kind].get(id_)

    def ids(self, kind: str) -> dict:
        return self.__pydantic_private__["_index"][kind]

    def start(self, start_id: str | None) -> StartPoint:
        if start_id is None:
            return self.scenario.starts[0]
        for s in self.scenario.starts:
            if s.id == start_id:
                return s
        raise KeyError(start_id)


# Which top-level key lives in which file of a scenario folder; a modder finds people in
# people.yaml, and so on. The loader also accepts any other *.yaml holding these keys.
SECTION_FILES: dict[str, str] = {
    "scenario": "scenario.yaml",
    "factions": "factions.yaml",
    "patrons": "patrons.yaml",
    "offices": "offices.yaml",
    "people": "people.yaml",
    "actions": "actions.yaml",
    "events": "events.yaml",
    "plenums": "plenums.yaml",
    "endings": "endings.yaml",
    "history": "history.yaml",
    "codex": "codex.yaml",
    "replay": "replay.yaml",
}
LIST_SECTIONS = tuple(k for k in SECTION_FILES if k != "scenario")
