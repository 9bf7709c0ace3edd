"""The vocabulary every layer of the rules shares: field types, statuses, sides, the patron and
country measures, and two small helpers (clamping and date arithmetic).

It sits at the bottom of the engine and imports nothing from it, so the scenario format
(``content``), the effect kinds, the expression names and the rules can all read it without
importing one another.
"""

from __future__ import annotations

import datetime as _dt
import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


class Strict(BaseModel):
    """Every format structure: unknown keys are errors (a typo never passes silently) and values
    never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_date(value: str) -> str:
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a real date; write it as YYYY-MM-DD, e.g. 1956-08-30") from None
    return value


def is_date(value: str) -> bool:
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


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
Percent = Annotated[int, Field(ge=0, le=100)]
Delta = Annotated[int, Field(ge=-100, le=100)]
Standing = Annotated[int, Field(ge=-100, le=100)]
Side = Literal["kim", "opposition"]
Status = Literal["active", "demoted", "expelled", "arrested", "fled", "executed", "dead", "abroad"]
CCSeat = Literal["full", "candidate", "none"]
Text = Annotated[str, Field(max_length=6000)]

STATUSES: tuple[str, ...] = ("active", "demoted", "expelled", "arrested", "fled", "executed", "dead", "abroad")
SIDES: tuple[str, ...] = ("kim", "opposition")
CC_SEATS: tuple[str, ...] = ("full", "candidate", "none")
# Statuses of people still in the party's life; those that take a person out of the hall; and
# those that also strip party posts and seats.
ACTIVE: tuple[Status, ...] = ("active", "demoted")
ABSENT: tuple[str, ...] = ("expelled", "arrested", "fled", "executed", "dead", "abroad")
STRIPPED: tuple[str, ...] = ("expelled", "arrested", "executed", "dead")
# What each status is called wherever a player reads one (the window's lists, the terminal, the
# replay's comparison with history): one table, so a status never has two names.
STATUS_NAMES: dict[str, str] = {
    "active": "Active",
    "demoted": "Sidelined",
    "expelled": "Expelled",
    "arrested": "Arrested",
    "fled": "Fled abroad",
    "executed": "Executed",
    "dead": "Dead",
    "abroad": "Abroad",
}


@dataclass(frozen=True, slots=True)
class Measure:
    """One number a patron or the country has: its name in files and expressions, the words the
    player reads, and its range."""

    name: str
    label: str
    lo: int = 0
    hi: int = 100


# The single list of a patron's and the country's measures. The state, the scenario models,
# the `patron`/`country` effects, the expression names and the descriptions all follow it.
PATRON_MEASURES: tuple[Measure, ...] = (
    Measure("favour_kim", "favour to Kim", -100, 100),
    Measure("favour_opposition", "favour to the opposition", -100, 100),
    Measure("leverage", "leverage"),
    Measure("aid", "aid"),
    Measure("advisers", "advisers"),
    Measure("troops", "troops"),
    Measure("doctrine", "doctrinal pressure"),
    Measure("intervention", "will to intervene"),
)
COUNTRY_MEASURES: tuple[Measure, ...] = (
    Measure("economy", "economy"),
    Measure("support", "popular support"),
    Measure("security", "security grip"),
    Measure("cult", "personality cult"),
)
PATRON_FIELDS: tuple[str, ...] = tuple(m.name for m in PATRON_MEASURES)
COUNTRY_FIELDS: tuple[str, ...] = tuple(m.name for m in COUNTRY_MEASURES)


def clamp(v: float, lo: int = 0, hi: int = 100) -> int:
    return int(max(lo, min(hi, round(v))))


# Month names for dates written as prose (the UI's dispatches and the AI's reasons share them).
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date_words(iso: str) -> str:
    """'1956-08-02' -> '2 August 1956', for every date a player reads (the window, the terminal,
    the replay, the AI's reasons); anything that is not an ISO date comes back as it was."""
    try:
        d = _dt.date.fromisoformat(str(iso).strip())
    except ValueError:
        return str(iso)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def date_add(date: str, days: int) -> str:
    return (_dt.date.fromisoformat(date) + _dt.timedelta(days=days)).isoformat()


def days_until(a: str, b: str) -> int:
    """Days from date a to date b (0 if either is not a date): the calendar's one subtraction."""
    try:
        return (_dt.date.fromisoformat(b) - _dt.date.fromisoformat(a)).days
    except ValueError:
        return 0


def suggest(word: str, choices: Iterable[str]) -> str:
    """'did you mean ...' text for a likely misspelling, or ''."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
