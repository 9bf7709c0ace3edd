"""The scenario format: every structure a scenario (or mod) file may hold.

These pydantic models are the single definition of the public modding format. The loader
validates YAML against them, ``plenum schema`` derives its JSON Schema from them, and the
engine reads the validated objects at run time. Field descriptions double as modder docs.

Load-time reference checks (does ``faction: sovet`` exist?) live in
``game/scenario/references.py``; this module only knows shapes, types and ranges.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, PrivateAttr

from game.engine import expr as _expr

# The shared field types and vocabularies, and every effect kind's value shape, are defined
# once in basics.py and effect_kinds.py; they are re-exported here as part of the format.
from game.engine.basics import (
    SIDES,
    STATUSES,
    CCSeat,
    Date,
    Delta,
    Id,
    Percent,
    Side,
    Standing,
    Status,
    Strict,
    Text,
)
from game.engine.effect_kinds import (
    ChanceFx,
    CountryFx,
    Effect,
    FactionFx,
    GroupFx,
    LogFx,
    PatronFx,
    PersonFx,
    PledgeFx,
    PlenumFx,
    SideAmount,
    StandingFx,
    VarFx,
)
from game.engine.vote_rule import RULE

__all__ = [
    "SIDES",
    "STATUSES",
    "CCSeat",
    "ChanceFx",
    "CountryFx",
    "Date",
    "Delta",
    "Effect",
    "FactionFx",
    "GroupFx",
    "LogFx",
    "PatronFx",
    "Percent",
    "PersonFx",
    "PledgeFx",
    "PlenumFx",
    "Side",
    "SideAmount",
    "Standing",
    "StandingFx",
    "Status",
    "Strict",
    "Text",
    "VarFx",
]


def _check_expr(value: str) -> str:
    try:
        _expr.parse(value)
    except _expr.ExprError as exc:
        # A long expression is shown around the column only (a hostile one can be megabytes).
        start = max(0, exc.column - 40)
        tail = "..." if len(value) > exc.column + 40 else ""
        shown = ("..." if start else "") + value[start : exc.column + 40] + tail
        pointer = " " * (exc.column - start + (3 if start else 0)) + "^"
        raise ValueError(f"{exc.message} (column {exc.column + 1})\n    {shown}\n    {pointer}") from None
    return value


Expr = Annotated[
    str,
    Field(min_length=1, description="An expression in the scenario language (see docs/MODDING.md)."),
    AfterValidator(_check_expr),
]


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


class AISideModel(Strict):
    """One side's own tuning for the computer player (game/engine/ai_tuning.py names the weights and
    the level settings)."""

    weights: dict[str, float] = Field(default_factory=dict, description="This side's weights at every level.")
    levels: dict[Literal["easy", "normal", "hard"], dict[str, float]] = Field(
        default_factory=dict,
        description="This side's own weights and level settings (foresight: width, sessions...) at one level.",
    )


class AIModel(Strict):
    """Tuning for the computer players (game/engine/ai_tuning.py names every weight and its default).
    Optional: a scenario without it still gets a sensible opponent."""

    weights: dict[str, float] = Field(default_factory=dict, description="Weights for every level, by name.")
    levels: dict[Literal["easy", "normal", "hard"], dict[str, float]] = Field(
        default_factory=dict, description="One level's own weights, over `weights`."
    )
    flags: dict[Id, dict[Side, float]] = Field(default_factory=dict, description="What a flag is worth to each side.")
    sides: dict[Side, AISideModel] = Field(
        default_factory=dict,
        description="One side's own tuning, over the above (the critics' levels apart from Kim's).",
    )


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
    intel: dict[Side, Percent] = Field(default_factory=lambda: dict[Side, int]({"kim": 40, "opposition": 30}))
    leader: Id = Field(description="The person whose fall the opposition seeks (Kim Il Sung).")
    leader_office: Id = Field(description="The office that makes the leader the leader.")
    ai: AIModel | None = Field(None, description="Optional tuning for the computer players.")
    public_flags: list[Id] = Field(
        default_factory=list,
        description="Flags both sides always know, whoever sets them: a flag set only by one side's "
        "decisions or hidden moves is otherwise that side's secret, which the other side (and the "
        "computer player on it) can only guess at. E.g. the Chairman's journey abroad, which every "
        "newspaper reports.",
    )


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


class LaterNote(Strict):
    """What history records after some date: shown in the person file or codex entry only once
    the game's date has reached it, so a file never tells what has not yet happened."""

    after: Date = Field(description="The date it happened in history; shown from this game date on.")
    text: Text


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
    later: list[LaterNote] = Field(
        default_factory=list, description="What history records later, each shown once the game reaches its date."
    )


# Effects: see effect_kinds.py (each kind's shape beside its behaviour).


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
    visible_to: Literal["all", "kim", "opposition"] | None = Field(
        None,
        description="Who learns of this event in the dispatches. Default: both sides for news (side none) and for "
        "a decision both sides take; the deciding side for a one-side decision. Set it for news only one side "
        "would hear (a secret kept, a refusal).",
    )


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
    welcomed_by: list[Side] = Field(
        default_factory=list,
        max_length=2,
        description="The sides whose members vote for it; empty means the proposer's side alone. "
        "A concession both want (the leadership restoring the critics it expelled) lists both, so "
        "the critics do not vote against their own friends' return.",
    )
    on_pass: list[Effect] = Field(default_factory=list)
    on_fail: list[Effect] = Field(default_factory=list)
    description: Text = ""

    def welcomed(self) -> tuple[str, ...]:
        """The sides whose members vote for this motion."""
        return tuple(self.welcomed_by) or (self.proposer,)


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
        default_factory=list,
        description=f"Patrons whose envoys sit in the hall: their signals to members count × {RULE.envoys_present:g}.",
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
    settled: Expr | None = Field(
        None,
        description="When this holds at the start of a turn (with the condition), nothing left in the game can "
        "change the verdict: the game says so and skips to the end date.",
    )


class HistoryStep(Strict):
    date: Date = Field(description="The step is taken on the first turn on or after this date.")
    side: Side
    action: Id
    target: Id | None = None


class Citation(Strict):
    """One bibliography entry: what a key in a `sources` list stands for, and where to read it."""

    key: str = Field(min_length=1, max_length=16, description="The key that `sources` lists use, e.g. 'D18'.")
    author: str = Field("", description="Author(s), or the office that wrote a document.")
    title: str = Field(min_length=1, description="Title of the work or document.")
    date: str = Field("", description="Date of the document, or year of publication.")
    publisher: str = Field("", description="Publisher, journal, series or archive.")
    where: str = Field("", description="Where to read it: archive and record number, or edition and pages.")
    kind: Literal["primary", "scholarship", "reference", "press"] = Field(
        "primary", description="A document of the time, a historian's work, an encyclopedia, or a newspaper."
    )


class FlagDef(Strict):
    """What a flag means, in the words a player reads ("From now on: ...", "only when ...").
    A flag without an entry reads as its id in words."""

    id: Id
    set: str = Field(min_length=1, description="The flag once set, e.g. 'Kim is abroad'.")
    cleared: str = Field("", description="The flag not set, e.g. 'Kim is at home' (default: 'not: ' + set).")


class CounterDef(Strict):
    """What a counter (`var.X`, raised by a `var:` effect) counts, in the words a player reads
    ("only when there have been fewer than 2 postponements of the plenum"). A counter without an
    entry reads as its id in words."""

    id: Id
    counts: str = Field(min_length=1, description="The things counted, plural, e.g. 'postponements of the plenum'.")


class CodexEntry(Strict):
    id: Id
    title: str
    category: Literal["person", "event", "faction", "term", "source", "place", "patron"]
    text: Text
    sources: list[str] = Field(default_factory=list)
    uncertain: Text = ""
    locked: bool = Field(False, description="Hidden until an event or effect unlocks it.")
    cite: Citation | None = Field(
        None, description="For a bibliography entry (category 'source'): the full citation of one source key."
    )
    after: Date | None = Field(
        None, description="Stays locked until the game reaches this date, even once unlocked (tells of later events)."
    )
    later: list[LaterNote] = Field(
        default_factory=list, description="What history records later, each shown once the game reaches its date."
    )


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
    flags: list[FlagDef] = Field(default_factory=list, description="Words for the scenario's flags.")
    counters: list[CounterDef] = Field(default_factory=list, description="Words for the scenario's counters (var.X).")
    replay: list[ReplayStep] = Field(default_factory=list, description="The guided replay's steps, in order.")

    _index: dict[str, dict[str, Any]] = PrivateAttr(default_factory=dict)
    # Where each expression was written ("events.yaml:12"), noted by the loader's checks, so a
    # rule that fails in play is reported by its file and line.
    _sources: dict[str, str] = PrivateAttr(default_factory=dict)

    # Lookup tables built once; the model is frozen so these never go stale.
    def model_post_init(self, __context: Any) -> None:
        index: dict[str, dict[str, Any]] = {
            "faction": {f.id: f for f in self.factions},
            "patron": {p.id: p for p in self.patrons},
            "office": {o.id: o for o in self.offices},
            "person": {p.id: p for p in self.people},
            "action": {a.id: a for a in self.actions},
            "event": {e.id: e for e in self.events},
            "plenum": {p.id: p for p in self.plenums},
            "ending": {e.id: e for e in self.endings},
            "codex": {c.id: c for c in self.codex},
            "flag": {f.id: f for f in self.flags},
            "counter": {c.id: c for c in self.counters},
            "replay": {r.id: r for r in self.replay},
            "committee": {c.id: c for c in self.scenario.committees},
        }
        self._index = index

    def get(self, kind: str, id_: str | None) -> Any:
        # Read the private dict directly: pydantic's attribute hook is slow on a hot path.
        return self.__pydantic_private__["_index"][kind].get(id_)  # type: ignore[index]

    def ids(self, kind: str) -> dict[str, Any]:
        return self.__pydantic_private__["_index"][kind]  # type: ignore[index, no-any-return]

    def note_source(self, src: str, where: str) -> None:
        self.__pydantic_private__["_sources"].setdefault(src, where)  # type: ignore[index]

    def source_of(self, src: str) -> str:
        return self.__pydantic_private__["_sources"].get(src, "")  # type: ignore[index, no-any-return]

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
    "flags": "flags.yaml",
    "counters": "flags.yaml",
    "replay": "replay.yaml",
}
LIST_SECTIONS = tuple(k for k in SECTION_FILES if k != "scenario")
