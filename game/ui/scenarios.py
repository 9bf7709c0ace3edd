"""Scenario loading for the UI, cached per folder (a load takes a few hundred ms)."""

from __future__ import annotations

from pathlib import Path

from game.scenario.installed import all_scenarios
from game.scenario.loader import load

_cache: dict[str, object] = {}


def available() -> list[Path]:
    try:
        return all_scenarios()  # the shipped ones, then the data folder's scenarios/
    except OSError:
        return []


def get(folder: Path):
    key = str(folder)
    if key not in _cache:
        _cache[key] = load(folder)
    return _cache[key]


def first_ok():
    for f in available():
        res = get(f)
        if res.ok:
            return f, res.scenario
    return None, None
