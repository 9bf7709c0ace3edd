"""Computer players. They see the same Game API a human does and send the same orders.

    make("ai", "normal")   the computer opponent (levels: easy, normal, hard; see weights.py)
    make("ai:hard")        the same, with the level in the kind
    make("history")        every historical choice

A policy never draws from the game's RNG: a replay of its recorded orders must not depend on
whether it is there to think.
"""

from __future__ import annotations

from collections.abc import Callable

from game.ai.history import HistoryPlayer
from game.ai.player import AIPlayer
from game.ai.weights import LEVELS, level_names
from game.engine.game import Game

Policy = Callable[[Game, str], dict]

__all__ = ["LEVELS", "AIPlayer", "HistoryPlayer", "Policy", "level_names", "make", "parse"]


def parse(kind: str, difficulty: str = "normal") -> tuple[str, str]:
    """('ai', level) or ('history', ''), from 'ai', 'ai:LEVEL' or 'history'; ValueError otherwise."""
    if kind == "history":
        return "history", ""
    base, _, level = kind.partition(":")
    if base != "ai":
        raise ValueError(f"unknown player {kind!r}: use ai, ai:easy, ai:normal, ai:hard or history")
    level = level or difficulty
    if level not in LEVELS:
        raise ValueError(f"unknown AI level {level!r}: use one of {', '.join(LEVELS)}")
    return "ai", level


def make(kind: str, difficulty: str = "normal") -> Policy:
    base, level = parse(kind, difficulty)
    if base == "history":
        return HistoryPlayer()
    return AIPlayer(level)
