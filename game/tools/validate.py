"""`plenum validate`: check scenarios and mods; every problem, with file, line and column.

What to check: scenario ids or folders, mod folders (or an installed mod's name), or a folder
holding several scenarios or mods, each of which is checked. The report (game/scenario/report.py)
puts the cause first and is the same structure printed here, as ``--json`` and in the Mods screen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from game.scenario.check import check_mod, check_scenario
from game.scenario.diagnostics import Diagnostic
from game.scenario.installed import all_scenarios, mod_not_found, resolve_mod, shadowed_scenarios
from game.scenario.loader import find_scenario
from game.scenario.report import Report, Target, fold


def _kind(folder: Path) -> str | None:
    if (folder / "mod.yaml").is_file():
        return "mod"
    if (folder / "scenario.yaml").is_file():
        return "scenario"
    return None


def _expand(raw: str) -> list[tuple[Path, str]] | Target:
    """The folders a command-line argument stands for, each with its kind; or a failed Target."""
    p = Path(raw)
    if p.is_file():
        p = p.parent
    if not p.exists():
        found = find_scenario(raw)
        if found is not None:
            return [(found, "scenario")]
        mod = resolve_mod(raw)
        if mod is not None:
            return [(mod, "mod")]
        return Target(
            raw,
            "scenario",
            False,
            findings=fold(
                [
                    Diagnostic(
                        raw,
                        1,
                        1,
                        "error",
                        "io",
                        "no such file, folder, scenario or installed mod",
                        "give a scenario id (plenum validate --list), a mod's name, or a path",
                    )
                ]
            ),
        )
    kind = _kind(p)
    if kind:
        return [(p, kind)]
    # A folder of scenarios or mods (game/scenarios, the data folder's mods/): check each one.
    subs = [(q, k) for q in sorted(p.iterdir()) if q.is_dir() and not q.is_symlink() and (k := _kind(q))]
    if subs:
        return subs
    return Target(
        str(p),
        "scenario",
        False,
        findings=fold(
            [
                Diagnostic(
                    str(p),
                    1,
                    1,
                    "error",
                    "empty",
                    "this folder has no scenario.yaml or mod.yaml, and no scenario or mod folders inside it",
                    "point at a scenario folder, a mod folder, or a folder that holds them",
                )
            ]
        ),
    )


def build_report(paths: list[str], mods: list[str]) -> Report:
    report = Report()
    mod_dirs: list[Path] = []
    for m in mods:
        found = resolve_mod(m)
        if found is None:
            report.targets.append(
                Target(m, "mod", False, findings=fold([Diagnostic(m, 1, 1, "error", "io", mod_not_found(m))]))
            )
        else:
            mod_dirs.append(found)
    if not paths and not mod_dirs and report.targets:
        return report
    if not paths and mod_dirs:
        # `validate --mod NAME`: the mod on the scenario it names.
        report.targets.append(check_mod(mod_dirs[0], mod_dirs[1:], name=mods[0]))
        return report
    targets: list[str] = paths or [str(p) for p in all_scenarios()]
    for d in shadowed_scenarios():
        report.targets.append(Target(d.file, "scenario", True, findings=fold([d])))
    for raw in targets:
        expanded = _expand(raw)
        if isinstance(expanded, Target):
            report.targets.append(expanded)
            continue
        for folder, kind in expanded:
            if kind == "mod":
                report.targets.append(check_mod(folder, mod_dirs))
            else:
                report.targets.append(check_scenario(folder, mod_dirs))
    return report


def main(
    paths: list[str], mods: list[str], *, as_json: bool = False, list_only: bool = False, show_all: bool = False
) -> int:
    if list_only:
        for p in all_scenarios():
            print(p.name)
        for d in shadowed_scenarios():
            print(d.format(), file=sys.stderr)
        return 0
    report = build_report(paths, mods)
    if as_json:
        print(report.to_json())
    else:
        text = report.text(show_all=show_all)
        print(text, file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1
