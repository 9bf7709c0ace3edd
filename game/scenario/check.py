"""Check a scenario or a mod and describe the result as a report Target (see report.py).

Shared by ``plenum validate`` and the Mods screen, so both say the same thing.
"""

from __future__ import annotations

from pathlib import Path

from game.scenario.diagnostics import Diagnostic
from game.scenario.installed import mod_target, read_mod_meta
from game.scenario.loader import LoadResult, load
from game.scenario.report import Target, fold


def _summary(result: LoadResult) -> str:
    s = result.scenario
    if s is None:
        return ""
    return (
        f"'{s.scenario.title}', {len(s.people)} people, {len(s.events)} events, "
        f"{len(s.actions)} actions, {len(s.plenums)} plenums, {len(s.endings)} endings"
    )


def check_scenario(folder: Path, mods: list[Path] | None = None, name: str | None = None) -> Target:
    result = load(folder, list(mods or []))
    title = result.scenario.scenario.title if result.scenario else ""
    return Target(name or str(folder), "scenario", result.ok, _summary(result), title, fold(result.diagnostics))


def check_mod(folder: Path, extra: list[Path] | None = None, name: str | None = None) -> Target:
    """A mod on top of the scenario it names (and any further mods after it)."""
    info = read_mod_meta(folder)
    title = info.meta.title if info.meta else folder.name
    if info.meta is None:
        return Target(name or str(folder), "mod", False, "", title, fold(info.diagnostics))
    base, problem = mod_target(info)
    if base is None:
        diags: list[Diagnostic] = [problem] if problem else []
        return Target(name or str(folder), "mod", False, "", title, fold(diags))
    result = load(base, [folder, *(extra or [])])
    summary = f"mod '{title}' on {_summary(result)}" if result.ok else ""
    return Target(name or str(folder), "mod", result.ok, summary, title, fold(result.diagnostics))
