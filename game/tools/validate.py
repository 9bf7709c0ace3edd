"""`plenum validate`: check scenarios and mods; every problem, with file, line and column."""

from __future__ import annotations

import sys
from pathlib import Path

from game.scenario.diagnostics import Diagnostic, to_json
from game.scenario.loader import SCENARIO_ROOT, find_scenario, list_scenarios, load


def _folder_of(path: str) -> tuple[Path | None, bool]:
    """The scenario (or mod) folder a path points at, and whether it is a mod."""
    p = Path(path)
    if p.is_file():
        p = p.parent
    elif not p.exists():
        found = find_scenario(path)
        if found is None:
            return None, False
        p = found
    if (p / "mod.yaml").is_file():
        return p, True
    return p, False


def _mod_target(mod: Path) -> str | None:
    from game.scenario.yamlsrc import load_file

    loaded = load_file(mod / "mod.yaml")
    data = loaded.data if isinstance(loaded.data, dict) else {}
    meta = data.get("mod") if isinstance(data.get("mod"), dict) else {}
    scen = meta.get("scenario")
    return scen if isinstance(scen, str) else None


def main(paths: list[str], mods: list[str], *, as_json: bool = False, list_only: bool = False) -> int:
    if list_only:
        for p in list_scenarios():
            print(p.name)
        return 0
    targets = paths or [str(p) for p in list_scenarios(SCENARIO_ROOT)]
    all_diags: list[Diagnostic] = []
    summaries = []
    for raw in targets:
        folder, is_mod = _folder_of(raw)
        if folder is None:
            all_diags.append(
                Diagnostic(
                    raw,
                    1,
                    1,
                    "error",
                    "io",
                    "no such file, folder or scenario",
                    "give a scenario id (plenum validate --list) or a path",
                )
            )
            continue
        mod_dirs = [Path(m) for m in mods]
        if is_mod:
            scen = _mod_target(folder)
            base = find_scenario(scen) if scen else None
            if base is None:
                all_diags.append(
                    Diagnostic(
                        str(folder / "mod.yaml"),
                        1,
                        1,
                        "error",
                        "mod",
                        f"the mod must name an installed scenario under 'mod: scenario:' (got {scen!r})",
                    )
                )
                continue
            result = load(base, [folder] + mod_dirs)
        else:
            result = load(folder, mod_dirs)
        all_diags.extend(result.diagnostics)
        if result.ok:
            s = result.scenario
            summaries.append(
                f"{folder}: OK: '{s.scenario.title}', {len(s.people)} people, {len(s.events)} events, "
                f"{len(s.actions)} actions, {len(s.plenums)} plenums, {len(s.endings)} endings"
            )
    errors = [d for d in all_diags if d.is_error]
    warnings = [d for d in all_diags if not d.is_error]
    if as_json:
        print(to_json(all_diags))
    else:
        for d in all_diags:
            print(d.format(), file=sys.stderr if d.is_error else sys.stdout)
        for line in summaries:
            print(line)
        if errors:
            print(f"{len(errors)} error(s), {len(warnings)} warning(s).", file=sys.stderr)
        elif warnings:
            print(f"valid, with {len(warnings)} warning(s).")
    return 1 if errors else 0
