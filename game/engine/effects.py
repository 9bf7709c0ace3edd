"""Applying scenario effects to the state and describing them to the player beforehand.

Each effect kind is declared once in ``effect_kinds.py`` (shape, application, description,
the ids it names, the people it touches); this module is the face the rest of the engine, the
UI and the AI import, together with the state changes several rules share (``changes.py``).
"""

from __future__ import annotations

from game.engine.basics import ABSENT, ACTIVE, STRIPPED, clamp
from game.engine.changes import add_cadres, group_members, prominence, seat_committee, set_status
from game.engine.effect_kinds import (
    KINDS,
    EffectKind,
    Ref,
    apply_effect,
    apply_effects,
    describe,
    problems,
    referenced_ids,
    touched,
)

__all__ = [
    "ABSENT",
    "ACTIVE",
    "KINDS",
    "STRIPPED",
    "EffectKind",
    "Ref",
    "add_cadres",
    "apply_effect",
    "apply_effects",
    "clamp",
    "describe",
    "group_members",
    "problems",
    "prominence",
    "referenced_ids",
    "seat_committee",
    "set_status",
    "touched",
]
