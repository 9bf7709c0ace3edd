"""Save files: versioned JSON, written atomically, checked field by field before any use.

A save is the one thing the game must never lose, and also a file anyone can edit, so:

- writing goes to a ``.tmp-*`` file beside the target, is read back, then swapped in; a crash
  leaves the old save whole, and leftover temporary files are removed at start and never listed;
- reading checks the envelope and every field of the state against a pydantic model (types,
  ranges, lengths), then every id against the scenario, before the engine sees any of it;
- ``scenario`` and ``mods`` are ids looked up among installed content, never paths;
- a damaged save is one "damaged" entry in the list and never stops the game starting.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Container
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from game import json_file
from game.engine.basics import date_words
from game.engine.content import STATUSES, Scenario
from game.engine.game import Game
from game.engine.state import SAVE_VERSION, GameState
from game.paths import saves_dir
from game.scenario.installed import NAME, mod_by_id, scenario_by_id
from game.scenario.loader import load

MAGIC = "august-plenum-save"
MAX_SAVE_BYTES = 64_000_000  # a ten-year campaign with its full log is well under 5 MB
TMP_PREFIX = ".tmp-"


class SaveError(Exception):
    """A save that cannot be used; the message names the file and what to do."""


# --------------------------------------------------------------------------- the save's shape
# Bounds are generous (a real game stays far inside them) but finite: a value outside them is a
# damaged or hand-edited file, and the game would otherwise draw 10^12 pips or loop on it.

Small = Annotated[int, Field(ge=-1_000_000, le=1_000_000)]
Points = Annotated[int, Field(ge=-100, le=100)]  # action points: the window draws one pip each
U64 = Annotated[int, Field(ge=0, lt=2**64)]
Short = Annotated[str, Field(max_length=200)]
Prose = Annotated[str, Field(max_length=20_000)]
Key = Annotated[str, Field(min_length=1, max_length=80)]


def _real_date(text: str) -> str:
    # The pattern alone let 1956-13-45 through; the calendar then failed in play.
    date.fromisoformat(text)
    return text


DateText = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$"), AfterValidator(_real_date)]
Side = Literal["kim", "opposition"]


class _M(BaseModel):
    # strict: 1e400 (a float), "3" (text) and true (a bool) are never taken for a whole number.
    # extra="allow": a field added to the state by a newer engine of the same save version is
    # passed through to GameState.from_dict, which decides.
    model_config = ConfigDict(strict=True, extra="allow")


class FactionSave(_M):
    influence: Small
    cohesion: Small
    standing: dict[Key, Small]


class PersonSave(_M):
    name: Short
    faction: Annotated[str, Field(max_length=80)]
    status: Literal[STATUSES]  # type: ignore[valid-type]
    offices: Annotated[list[Key], Field(max_length=100)]
    cc: Literal["full", "candidate", "none"]
    loyalty: Small
    ambition: Small
    reputation: Small
    fear: Small
    generated: bool = False
    plotter: bool = False
    patron: Annotated[str, Field(max_length=80)] = ""
    pledge_kim: Small = 0
    pledge_opposition: Small = 0
    career: Annotated[list[Prose], Field(max_length=1000)] = []


class PatronSave(_M):
    favour_kim: Small
    favour_opposition: Small
    leverage: Small
    aid: Small
    advisers: Small
    troops: Small
    doctrine: Small
    intervention: Small


class CountrySave(_M):
    economy: Small
    support: Small
    security: Small
    cult: Small


class RngSave(_M):
    state: U64
    inc: U64
    draws: Annotated[int, Field(ge=0, le=10**12)] = 0


class PendingSave(_M):
    event: Key
    side: Literal["kim", "opposition", "none"]


class PlenumSave(_M):
    date: DateText
    status: Literal["scheduled", "in_session", "held", "cancelled", "unscheduled"] = "scheduled"
    postponed_days: Annotated[int, Field(ge=0, le=100_000)] = 0
    tactics: dict[Key, Key] = {}
    record: dict[str, Any] | None = None


LogSave = Annotated[list[Prose], Field(min_length=2, max_length=4)]  # [date, text, kind, visible_to]


class StateSave(_M):
    version: Literal[SAVE_VERSION]  # type: ignore[valid-type]
    scenario: Key
    start: Key
    seed: Annotated[int, Field(ge=-(2**63), lt=2**64)]
    date: DateText
    end_date: DateText
    turn: Annotated[int, Field(ge=0, le=100_000)]
    rng: RngSave
    factions: Annotated[dict[Key, FactionSave], Field(max_length=100)]
    people: Annotated[dict[Key, PersonSave], Field(max_length=5000)]
    patrons: Annotated[dict[Key, PatronSave], Field(max_length=100)]
    country: CountrySave
    rift: Small
    exposure: Small
    intel: dict[Side, Small]
    budget: dict[Side, Points]
    spent: dict[Side, Points]
    phase: Literal["kim", "opposition", "plenum", "over"]
    flags: Annotated[list[Key], Field(max_length=10_000)] = []
    vars: Annotated[dict[Key, Small], Field(max_length=10_000)] = {}
    fired: Annotated[dict[Key, Annotated[str, Field(max_length=2000)]], Field(max_length=10_000)] = {}
    queued_events: Annotated[list[Key], Field(max_length=10_000)] = []
    pending: Annotated[list[PendingSave], Field(max_length=1000)] = []
    plenums: Annotated[dict[Key, PlenumSave], Field(max_length=1000)] = {}
    actions_this_turn: Annotated[dict[Key, Annotated[int, Field(ge=0, le=1000)]], Field(max_length=10_000)] = {}
    estimates: dict[Key, dict[Key, Annotated[list[Small], Field(max_length=10)]]] = {}
    estimate_noise: dict[Key, dict[Key, Small]] = {}
    log: Annotated[list[LogSave], Field(max_length=200_000)] = []
    decisions: Annotated[list[dict[str, Any]], Field(max_length=200_000)] = []
    timeline: Annotated[list[dict[str, Any]], Field(max_length=200_000)] = []
    codex: Annotated[list[Key], Field(max_length=100_000)] = []
    ending: Key | None = None
    last_speakers: Annotated[list[Key], Field(max_length=1000)] = []
    budget_bonus: dict[Side, Points] = {}
    mods: Annotated[list[Annotated[str, Field(pattern=NAME.pattern)]], Field(max_length=50)] = []
    advance_to: DateText | None = None


class SaveFile(_M):
    model_config = ConfigDict(strict=True, extra="forbid")

    format: Literal[MAGIC]  # type: ignore[valid-type]
    version: int
    scenario: Annotated[str, Field(pattern=NAME.pattern)]
    mods: Annotated[list[Annotated[str, Field(pattern=NAME.pattern)]], Field(max_length=50)] = []
    label: Short = ""
    hash: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    state: dict[str, Any]


def _first_problem(exc: ValidationError) -> str:
    errs = exc.errors(include_url=False)
    e = errs[0]
    where = ".".join(str(p) for p in e["loc"]) or "the file"
    value = repr(e.get("input"))
    if len(value) > 40:
        value = value[:37] + "..."
    more = f" (and {len(errs) - 1} more)" if len(errs) > 1 else ""
    if e["type"] == "missing":  # the input is then the whole enclosing mapping: not worth showing
        return f"'{where}' is missing{more}"
    return f"'{where}' is {value}: {e['msg'].lower()}{more}"


# --------------------------------------------------------------------------- writing


def write(path: Path, game: Game, scenario_dir: str, label: str = "") -> Path:
    """Write atomically. ``scenario_dir`` is the scenario's folder name (an id, not a path)."""
    scenario = Path(str(scenario_dir)).name  # whatever a caller passes, only the name is kept
    payload = {
        "format": MAGIC,
        "version": SAVE_VERSION,
        "scenario": scenario,
        "mods": list(game.state.mods),
        "label": (label or f"{game.scn.scenario.title}, {date_words(game.state.date)}")[:200],
        "hash": game.state.hash(),
        "state": game.state.to_dict(),
    }
    # Insertion order is kept (factions and people stay in scenario order after a load); the
    # checksum comes from the canonical sorted form, so order never affects it.
    text = json.dumps(payload, ensure_ascii=False)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write beside the target, check it reads back, then swap it in: a crash or a full disk
    # leaves the previous save untouched.
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if json.loads(Path(tmp).read_text(encoding="utf-8"))["hash"] != payload["hash"]:
            raise SaveError(f"{path}: the save did not read back correctly; the old file was kept")
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def unique_path(folder: Path, stem: str) -> Path:
    """``stem.json`` in ``folder``, or ``stem-2.json``, ``stem-3.json``... whichever is free.

    For saves the player did not name (the terminal's): two games on the same scenario and
    date get two files. Overwriting is only ever done on a name the player chose.
    """
    path = folder / f"{stem}.json"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}.json"
        n += 1
    return path


def clean_temporary(folder: Path | None = None, *, older_than: float = 60.0) -> int:
    """Remove ``.tmp-*`` files a crash left behind (called at start); returns how many."""
    folder = folder or saves_dir()
    removed = 0
    if not folder.is_dir():
        return 0
    now = time.time()
    for p in folder.glob(f"{TMP_PREFIX}*"):
        try:
            # A second copy of the game may be writing right now: leave fresh files alone.
            if p.is_file() and now - p.stat().st_mtime >= older_than:
                p.unlink()
                removed += 1
        except OSError:
            pass
    return removed


# --------------------------------------------------------------------------- reading


def _payload(path: Path) -> dict[str, Any]:
    """The checked envelope of a save (the state inside is checked by ``read``)."""
    try:
        payload = json_file.read(path, MAX_SAVE_BYTES)
    except json_file.JsonFileError as exc:
        raise SaveError(
            {
                "too_large": f"{path}: the file is larger than {MAX_SAVE_BYTES // 1_000_000} MB; it is not a save",
                "missing": f"{path}: no such save file",
                "unreadable": f"{path}: cannot be read ({exc.detail}); it may be damaged",
                "syntax": f"{exc.where}: the save is damaged ({exc.detail}); your other saves are not affected",
                "too_deep": f"{path}: the save is damaged (nested far too deeply); it is not a save",
            }.get(exc.kind, f"{path}: the save is damaged ({exc.detail})")
        ) from None
    if not isinstance(payload, dict) or payload.get("format") != MAGIC:
        raise SaveError(f"{path}: this is not an August Plenum save file")
    if payload.get("version") != SAVE_VERSION:
        raise SaveError(
            f"{path}: save version {payload.get('version')!r} is not supported by this version "
            f"of the game (it reads version {SAVE_VERSION})"
        )
    try:
        SaveFile.model_validate(payload)
    except ValidationError as exc:
        raise SaveError(f"{path}: the save is damaged: {_first_problem(exc)}") from None
    return payload


def check_state(state: dict[str, Any], scn: Scenario) -> list[str]:
    """Every id a state names must exist in the scenario it is played with."""
    problems: list[str] = []

    def need(what: str, have: Container[str], ids: Any, *, extra: tuple[str, ...] = ()) -> None:
        bad = [i for i in ids if i not in have and not i.startswith(extra or ("\0",))]
        if bad:
            problems.append(f"{what} the scenario lacks: {', '.join(sorted(bad)[:3])}")

    factions = scn.ids("faction")
    patrons = scn.ids("patron")
    need("factions", factions, state["factions"])
    need("patrons", patrons, state["patrons"])
    for label, have, want in (("factions", factions, state["factions"]), ("patrons", patrons, state["patrons"])):
        gone = sorted(set(have) - set(want))
        if gone:
            problems.append(f"{label} of the scenario missing from the save: {', '.join(gone[:3])}")
    need("people", scn.ids("person"), state["people"], extra=("cadre_",))
    absent = sorted(set(scn.ids("person")) - set(state["people"]))
    if absent:
        problems.append(f"people of the scenario missing from the game: {', '.join(absent[:3])}")
    offices = scn.ids("office")
    for p in state["people"].values():
        if p["faction"] and p["faction"] not in factions:
            problems.append(f"a person's faction the scenario lacks: {p['faction']}")
            break
        if p.get("patron") and p["patron"] not in patrons:
            problems.append(f"a person's patron the scenario lacks: {p['patron']}")
            break
        if any(o not in offices for o in p["offices"]):
            problems.append(f"an office the scenario lacks: {next(o for o in p['offices'] if o not in offices)}")
            break
    events = scn.ids("event")
    need("events", events, state["fired"])
    need("events", events, state.get("queued_events", []))
    # A pending decision is an event's or, at a sitting plenum, "plenum:<id>" (its tactic).
    pend = [p["event"] for p in state.get("pending", [])]
    need("events", events, [e for e in pend if not e.startswith("plenum:")])
    need("plenums", scn.ids("plenum"), [e.removeprefix("plenum:") for e in pend if e.startswith("plenum:")])
    need("plenums", scn.ids("plenum"), state.get("plenums", {}))
    unsat = sorted(set(scn.ids("plenum")) - set(state.get("plenums", {})))
    if unsat:
        problems.append(f"plenums of the scenario missing from the game: {', '.join(unsat[:3])}")
    for key in ("intel", "budget"):  # (spent may be empty: nothing spent yet)
        sides = [side for side in ("kim", "opposition") if side not in state.get(key, {})]
        if sides:
            problems.append(f"'{key}' has no value for {' and '.join(sides)}")
    need("codex entries", scn.ids("codex"), state.get("codex", []))
    if state.get("ending") is not None:
        need("endings", scn.ids("ending"), [state["ending"]])
    if state["start"] not in {s.id for s in scn.scenario.starts}:
        problems.append(f"start point the scenario lacks: {state['start']}")
    if state["scenario"] != scn.scenario.id:
        problems.append(f"it is a game of scenario '{state['scenario']}', not '{scn.scenario.id}'")
    return problems


def read(path: Path) -> tuple[Scenario, Game, str]:
    """Load a save and the scenario it belongs to. Raises SaveError with a readable message."""
    path = Path(path)
    payload = _payload(path)
    scen_name = payload["scenario"]
    folder = scenario_by_id(scen_name)
    if folder is None:
        raise SaveError(f"{path}: the save needs scenario '{scen_name}', which is not installed")
    mod_dirs = []
    for m in payload.get("mods") or []:
        found = mod_by_id(m)
        if found is None:
            raise SaveError(f"{path}: the save was played with mod '{m}', which is not installed; install it first")
        mod_dirs.append(found)
    try:
        state_model = StateSave.model_validate(payload["state"])
    except ValidationError as exc:
        raise SaveError(f"{path}: the saved game is damaged: {_first_problem(exc)}") from None
    if state_model.mods != payload.get("mods", []):
        raise SaveError(f"{path}: the save's list of mods does not match its game; it was changed or damaged")
    result = load(folder, mod_dirs)
    if not result.ok or result.scenario is None:
        first = result.errors[0].format() if result.errors else "unknown problem"
        raise SaveError(f"{path}: its scenario '{scen_name}' has errors: {first}")
    problems = check_state(payload["state"], result.scenario)
    if problems:
        raise SaveError(
            f"{path}: this save does not fit scenario '{scen_name}' as installed ({problems[0]}); "
            "was it made with a different version or other mods?"
        )
    try:
        state = GameState.from_dict(payload["state"])
    except (KeyError, TypeError, ValueError) as exc:
        raise SaveError(f"{path}: the saved game is incomplete or damaged ({exc.__class__.__name__}: {exc})") from None
    if state.hash() != payload["hash"]:
        raise SaveError(f"{path}: the saved game does not match its checksum; it was changed or damaged")
    return result.scenario, Game(result.scenario, state), scen_name


# --------------------------------------------------------------------------- listing


@dataclass
class SaveInfo:
    path: Path
    label: str
    scenario: str
    date: str
    turn: int
    mtime: float
    damaged: bool = False
    problem: str = ""
    mods: tuple[str, ...] = ()
    ended: bool = False  # the game in it is over (its ending reached)


def _info(p: Path) -> SaveInfo:
    try:
        mtime = p.stat().st_mtime
    except OSError:
        mtime = 0.0
    try:
        payload = _payload(p)
        st = StateSave.model_validate(payload["state"])
    except SaveError as exc:
        return SaveInfo(p, f"{p.stem} (damaged)", "?", "?", 0, mtime, True, str(exc))
    except ValidationError as exc:
        return SaveInfo(p, f"{p.stem} (damaged)", "?", "?", 0, mtime, True, f"{p}: {_first_problem(exc)}")
    return SaveInfo(
        p,
        payload.get("label") or p.stem,
        payload["scenario"],
        st.date,
        st.turn,
        mtime,
        mods=tuple(payload.get("mods", [])),
        ended=st.ending is not None or st.phase == "over",
    )


def info(p: Path) -> SaveInfo:
    """One save's entry as the save list shows it (its label, date and turn)."""
    return _info(p)


def list_saves(folder: Path | None = None) -> list[SaveInfo]:
    """Every save in the folder, newest first; a damaged one is one entry marked damaged.

    Nothing a file holds can make this raise: the title screen calls it at start.
    """
    folder = folder or saves_dir()
    out: list[SaveInfo] = []
    if not folder.is_dir():
        return out
    for p in folder.glob("*.json"):
        if p.name.startswith(TMP_PREFIX) or not p.is_file():
            continue
        try:
            out.append(_info(p))
        except Exception as exc:  # never let one file stop the game starting
            out.append(SaveInfo(p, f"{p.stem} (damaged)", "?", "?", 0, 0.0, True, f"{p}: {exc}"))
    return sorted(out, key=lambda s: -s.mtime)
