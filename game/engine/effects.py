"""Applying scenario effects to the state and describing them to the player beforehand.

Each effect kind is declared once in ``effect_kinds.py`` (shape, application, description,
the ids it names, the people it touches); this module is the face the rest of the engine, the
UI, the AI and the loader's checks import.
"""

from __future__ import annotations

from game.engine.basics import clamp
from game.engine.changes import add_cadres
from game.engine.effect_kinds import KINDS, Ref, apply_effects, describe, problems, referenced_ids, touched

__all__ = ["KINDS", "Ref", "add_cadres", "apply_effects", "clamp", "describe", "problems", "referenced_ids", "touched"]
