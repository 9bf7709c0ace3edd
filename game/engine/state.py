"""Everything that changes during a game, and its serialisation.

The scenario (content) never changes; this state refers to it by id. A save file is this
state as JSON; the state hash is the SHA-256 of its canonical JSON, so two runs that agree on
the hash agree on everything, the RNG included.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field, fields
from typing import Any

from game.engine.rng import Rng

SAVE_VERSION = 1


@dataclass
class FactionState:
    influence: int
    cohesion: int
    standing: dict[str, int]


@dataclass
class PersonState:
    name: str
    faction: str
    status: str
    offices: list[str]
    cc: str
    loyalty: int
    ambition: int
    reputation: int
    fear: int
    generated: bool = False
    plotter: bool = False
    patron: str = ""
    # How firmly each side has secured this person's vote (0-100). Hidden from the other side.
    pledge_kim: int = 0
    pledge_opposition: int = 0
    career: list[str] = field(default_factory=list)


@dataclass
class PatronState:
    favour_kim: int
    favour_opposition: int
    leverage: int
    aid: int
    advisers: int
    troops: int
    doctrine: int
    intervention: int


@dataclass
class CountryState:
    economy: int
    support: int
    security: int
    cult: int


@dataclass
class LogEntry:
    date: str
    text: str
    kind: str = "info"  # info | action | event | plenum | news | ending
    visible_to: str = "all"  # all | kim | opposition

    def to_list(self) -> list[str]:
        return [self.date, self.text, self.kind, self.visible_to]


@dataclass
class Pending:
    """A decision the game waits for: an event's options for one side."""

    event: str
    side: str  # kim | opposition | none (a dispatch anyone may acknowledge)


@dataclass
class PlenumState:
    date: str
    status: str = "scheduled"  # scheduled | in_session | held | cancelled | unscheduled
    postponed_days: int = 0
    tactics: dict[str, str] = field(default_factory=dict)
    record: dict[str, Any] | None = None  # filled when held: see plenum.py


@dataclass
class GameState:
    scenario: str
    start: str
    seed: int
    date: str
    end_date: str
    turn: int
    rng: Rng
    factions: dict[str, FactionState]
    people: dict[str, PersonState]
    patrons: dict[str, PatronState]
    country: CountryState
    rift: int
    exposure: int
    intel: dict[str, int]
    budget: dict[str, int]
    spent: dict[str, int]
    phase: str = "kim"  # kim | opposition | plenum | over
    flags: list[str] = field(default_factory=list)
    vars: dict[str, int] = field(default_factory=dict)
    fired: dict[str, str] = field(default_factory=dict)  # event id -> chosen option ids joined by ','
    queued_events: list[str] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)
    plenums: dict[str, PlenumState] = field(default_factory=dict)
    actions_this_turn: dict[str, int] = field(default_factory=dict)
    estimates: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    estimate_noise: dict[str, dict[str, int]] = field(default_factory=dict)
    log: list[LogEntry] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)  # per-turn faction influence, for the ending chart
    codex: list[str] = field(default_factory=list)
    ending: str | None = None
    last_speakers: list[str] = field(default_factory=list)
    budget_bonus: dict[str, int] = field(default_factory=dict)
    mods: list[str] = field(default_factory=list)
    advance_to: str | None = None  # the next turn's date while a plenum sits on the way there

    # ------------------------------------------------------------------ helpers
    def has_flag(self, name: str) -> bool:
        return name in self.flags

    def set_flag(self, name: str) -> None:
        if name not in self.flags:
            self.flags.append(name)

    def clear_flag(self, name: str) -> None:
        if name in self.flags:
            self.flags.remove(name)

    def add_log(self, text: str, kind: str = "info", visible_to: str = "all") -> None:
        self.log.append(LogEntry(self.date, text, kind, visible_to))

    def clone(self, *, history: bool = False, only: set[str] | None = None) -> GameState:
        """A deep-enough copy to play moves on without touching this state. With history=False
        the log, decisions and timeline start empty: what-if copies (the AI's) do not need
        them, and copying them would make every look-ahead slower as the game grows.
        With `only` given, only those people are copied and the rest are shared: the caller
        promises that nothing it does to the copy touches anyone else."""
        c = copy.copy(self)
        c.rng = Rng.from_dict(self.rng.to_dict())
        c.factions = {k: FactionState(v.influence, v.cohesion, dict(v.standing)) for k, v in self.factions.items()}
        people = dict(self.people) if only is not None else {}
        for k in only if only is not None else self.people:
            p = self.people.get(k)
            if p is None:
                continue
            q = PersonState.__new__(PersonState)
            q.__dict__.update(p.__dict__)
            q.offices = list(p.offices)
            q.career = list(p.career) if history else []
            people[k] = q
        c.people = people
        c.patrons = {k: PatronState(**v.__dict__) for k, v in self.patrons.items()}
        c.country = copy.copy(self.country)
        c.intel, c.budget, c.spent = dict(self.intel), dict(self.budget), dict(self.spent)
        c.flags, c.vars, c.fired = list(self.flags), dict(self.vars), dict(self.fired)
        c.queued_events = list(self.queued_events)
        c.pending = [Pending(p.event, p.side) for p in self.pending]
        c.plenums = {
            k: PlenumState(
                v.date, v.status, v.postponed_days, dict(v.tactics), copy.deepcopy(v.record) if history else v.record
            )
            for k, v in self.plenums.items()
        }
        c.actions_this_turn = dict(self.actions_this_turn)
        c.estimates = {k: {kk: list(vv) for kk, vv in v.items()} for k, v in self.estimates.items()}
        c.estimate_noise = {k: dict(v) for k, v in self.estimate_noise.items()}
        c.log = list(self.log) if history else []
        c.decisions = list(self.decisions) if history else []
        c.timeline = list(self.timeline) if history else []
        c.codex = list(self.codex)
        c.last_speakers = list(self.last_speakers)
        c.budget_bonus = dict(self.budget_bonus)
        c.mods = list(self.mods)
        return c

    # ------------------------------------------------------------------ serialisation
    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"version": SAVE_VERSION}
        for f in fields(self):
            v = getattr(self, f.name)
            d[f.name] = _plain(v)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> GameState:
        if d.get("version") != SAVE_VERSION:
            raise ValueError(f"save version {d.get('version')!r} is not supported (this game reads {SAVE_VERSION})")
        return cls(
            scenario=d["scenario"],
            start=d["start"],
            seed=int(d["seed"]),
            date=d["date"],
            end_date=d["end_date"],
            turn=int(d["turn"]),
            rng=Rng.from_dict(d["rng"]),
            factions={k: FactionState(**v) for k, v in d["factions"].items()},
            people={k: PersonState(**v) for k, v in d["people"].items()},
            patrons={k: PatronState(**v) for k, v in d["patrons"].items()},
            country=CountryState(**d["country"]),
            rift=int(d["rift"]),
            exposure=int(d["exposure"]),
            intel=dict(d["intel"]),
            budget=dict(d["budget"]),
            spent=dict(d["spent"]),
            phase=d["phase"],
            flags=list(d["flags"]),
            vars=dict(d["vars"]),
            fired=dict(d["fired"]),
            queued_events=list(d["queued_events"]),
            pending=[Pending(**p) for p in d["pending"]],
            plenums={k: PlenumState(**v) for k, v in d["plenums"].items()},
            actions_this_turn=dict(d["actions_this_turn"]),
            estimates={k: {kk: list(vv) for kk, vv in v.items()} for k, v in d["estimates"].items()},
            estimate_noise={k: dict(v) for k, v in d.get("estimate_noise", {}).items()},
            log=[LogEntry(*e) for e in d["log"]],
            decisions=list(d["decisions"]),
            timeline=list(d["timeline"]),
            codex=list(d["codex"]),
            ending=d["ending"],
            last_speakers=list(d["last_speakers"]),
            budget_bonus=dict(d["budget_bonus"]),
            mods=list(d.get("mods", [])),
            advance_to=d.get("advance_to"),
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def hash(self) -> str:
        return hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()


def _plain(v: Any) -> Any:
    if isinstance(v, Rng):
        return v.to_dict()
    if isinstance(v, LogEntry):
        return v.to_list()
    if hasattr(v, "__dataclass_fields__"):
        return {f.name: _plain(getattr(v, f.name)) for f in fields(v)}
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return v
