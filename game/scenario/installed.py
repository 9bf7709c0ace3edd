"""What is installed where: scenarios (shipped and the player's own) and mods, found by name.

Every command and screen that takes a scenario or a mod resolves it here, so `validate`,
`simulate`, `lab`, the saves and the Mods screen agree on what a name means:

- a scenario is a folder name (``august-1956``) or a scenario id (``august_1956``), looked up
  among the shipped scenarios and then the data folder's ``scenarios/``;
- a mod is a path to a folder, or the folder name or the ``mod: id`` of a mod in the data
  folder's ``mods/``.

Saves store only ids and names; a path is never taken from a save (see game/saves.py).
"""

from __future__ import annotations

import importlib.resources
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.paths import mods_dir, user_scenarios_dir
from game.scenario.diagnostics import Diagnostic, Mark, suggest
from game.scenario.yamlsrc import load_file

# A scenario folder name or id, or a mod id: no separators, nothing that could climb a path.
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


# The shipped scenarios are package data (game/scenarios), so a wheel installed anywhere has
# them; importlib.resources finds them whether the package is a folder or installed.
SCENARIO_ROOT = Path(str(importlib.resources.files("game") / "scenarios"))


def scenario_roots() -> list[Path]:
    return [SCENARIO_ROOT, user_scenarios_dir()]


# --------------------------------------------------------------------------- the mod: block


class ModMeta(BaseModel):
    """The ``mod:`` block of mod.yaml, checked on every load."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64, description="The mod's id, e.g. nam_il_wavers.")
    title: str = Field(min_length=1, max_length=120)
    scenario: str = Field(
        max_length=64, description="The scenario it changes: its folder name (august-1956) or id (august_1956)."
    )
    description: str = Field("", max_length=4000)
    author: str = Field("", max_length=200)
    version: str = Field("", max_length=40)


@dataclass
class ModInfo:
    folder: Path
    meta: ModMeta | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    marks: dict[str, Mark] = field(default_factory=dict)  # where each key of 'mod:' was written

    @property
    def id(self) -> str:
        return self.meta.id if self.meta else self.folder.name

    @property
    def title(self) -> str:
        return self.meta.title if self.meta else self.folder.name


def read_mod_meta(folder: Path, display: str | None = None) -> ModInfo:
    """Read and check a mod folder's ``mod:`` block; problems come back as diagnostics."""
    shown = display or str(folder / "mod.yaml")
    path = folder / "mod.yaml"
    if not path.is_file():
        return ModInfo(
            folder,
            None,
            [
                Diagnostic(
                    shown,
                    1,
                    1,
                    "error",
                    "missing-file",
                    "mod.yaml is missing",
                    "a mod folder needs mod.yaml with 'mod: {id, title, scenario}'",
                )
            ],
        )
    loaded = load_file(path, shown)
    if loaded.diagnostics and any(d.is_error for d in loaded.diagnostics):
        return ModInfo(folder, None, list(loaded.diagnostics))
    data = loaded.data if isinstance(loaded.data, dict) else {}
    block = data.get("mod")
    mark = loaded.marks.child(data, "mod", key_mark=True) or Mark(shown, 1, 1)
    if not isinstance(block, dict):
        return ModInfo(
            folder,
            None,
            [
                Diagnostic(
                    shown,
                    mark.line,
                    mark.col,
                    "error",
                    "mod",
                    "mod.yaml needs a 'mod:' mapping",
                    "mod: {id: my_mod, title: My mod, scenario: august-1956}",
                )
            ],
        )
    try:
        meta = ModMeta.model_validate(block)
    except ValidationError as exc:
        out = []
        for err in exc.errors(include_url=False):
            loc = err["loc"]
            key = str(loc[0]) if loc else "mod"
            kmark = loaded.marks.child(block, key, key_mark=err["type"] == "extra_forbidden") or mark
            if err["type"] == "extra_forbidden":
                msg, hint = f"unknown key '{key}' in 'mod:'", suggest(key, ModMeta.model_fields)
                hint = hint or f"allowed keys: {', '.join(ModMeta.model_fields)}"
            elif err["type"] == "missing":
                msg, hint = f"'mod:' is missing '{key}'", ModMeta.model_fields[key].description or ""
            else:
                msg, hint = f"'mod: {key}:' {err['msg'].lower()}", ModMeta.model_fields[key].description or ""
            out.append(Diagnostic(shown, kmark.line, kmark.col, "error", "mod", msg, hint))
        return ModInfo(folder, None, out)
    marks = {k: m for k in block if (m := loaded.marks.child(block, k)) is not None}
    return ModInfo(folder, meta, [], marks)


# --------------------------------------------------------------------------- scenarios


def _scenario_id(folder: Path) -> str | None:
    loaded = load_file(folder / "scenario.yaml")
    data = loaded.data if isinstance(loaded.data, dict) else {}
    meta = data.get("scenario")
    sid = meta.get("id") if isinstance(meta, dict) else None
    return sid if isinstance(sid, str) else None


def all_scenarios() -> list[Path]:
    """Shipped scenarios, then the player's own; a user folder never hides a shipped one."""
    out: list[Path] = []
    seen: set[str] = set()
    for root in scenario_roots():
        if not root.is_dir():
            continue
        for p in sorted(root.iterdir()):
            if p.name in seen or p.is_symlink() or not (p / "scenario.yaml").is_file():
                continue
            seen.add(p.name)
            out.append(p)
    return out


def shadowed_scenarios() -> list[Diagnostic]:
    """Scenarios in the data folder's scenarios/ that a shipped one hides (same folder name):
    the player's copy would never be played, so say so instead of ignoring it."""
    shipped = {p.name: p for p in all_scenarios() if SCENARIO_ROOT in p.parents}
    user = user_scenarios_dir()
    out = []
    if user.is_dir():
        for p in sorted(user.iterdir()):
            if p.name in shipped and (p / "scenario.yaml").is_file():
                out.append(
                    Diagnostic(
                        str(p / "scenario.yaml"),
                        1,
                        1,
                        "warning",
                        "shadowed",
                        f"this scenario has the folder name of a shipped one ('{p.name}'), so it is never used",
                        "rename the folder (and its 'id:'), e.g. my-" + p.name,
                    )
                )
    return out


def scenario_by_id(name: str) -> Path | None:
    """A scenario by folder name or id, never by path (what a save or a mod may name)."""
    if not isinstance(name, str) or not NAME.match(name):
        return None
    found = [p for p in all_scenarios() if p.name == name]
    if found:
        return found[0]
    for p in all_scenarios():
        if _scenario_id(p) == name:
            return p
    return None


def scenario_names() -> list[str]:
    return [p.name for p in all_scenarios()]


# --------------------------------------------------------------------------- mods


def installed_mods() -> list[ModInfo]:
    """Every folder in the data folder's mods/, with its checked ``mod:`` block."""
    root = mods_dir()
    if not root.is_dir():
        return []
    out = []
    for p in sorted(root.iterdir()):
        if not p.is_dir():
            continue
        if p.is_symlink():
            out.append(
                ModInfo(
                    p,
                    None,
                    [
                        Diagnostic(
                            str(p),
                            1,
                            1,
                            "error",
                            "symlink",
                            "this mod is a link to another folder; links are not followed",
                            "copy the mod folder into mods/ instead",
                        )
                    ],
                )
            )
            continue
        out.append(read_mod_meta(p))
    return out


def mod_by_id(name: str) -> Path | None:
    """An installed mod by folder name or ``mod: id`` — never by path (for saves)."""
    if not isinstance(name, str) or not NAME.match(name):
        return None
    mods = installed_mods()
    for info in mods:
        if info.folder.name == name and not info.folder.is_symlink():
            return info.folder
    for info in mods:
        if info.meta and info.meta.id == name:
            return info.folder
    return None


def resolve_mod(name: str) -> Path | None:
    """What a command line's ``--mod NAME`` means: a folder path, or an installed mod's name or id.

    Shared by ``validate``, ``simulate`` and ``lab`` so that all three find the same mod.
    """
    p = Path(name)
    if p.is_dir() and (p / "mod.yaml").is_file():
        return p
    return mod_by_id(name)


def mod_not_found(name: str) -> str:
    """The message for a ``--mod`` that names nothing, with a did-you-mean over installed mods."""
    mods = installed_mods()
    broken = next((m for m in mods if m.folder.name == name and m.diagnostics), None)
    if broken is not None:  # installed, but unusable: say why rather than "did you mean" itself
        d = broken.diagnostics[0]
        return f"the mod '{name}' in {mods_dir()} cannot be used: {d.message}" + (f" ({d.hint})" if d.hint else "")
    known = [m.folder.name for m in mods] + [m.meta.id for m in mods if m.meta]
    hint = suggest(name, known)
    where = mods_dir()
    return f"no mod '{name}': not a folder with a mod.yaml, nor a mod installed in {where}" + (
        f"; {hint}" if hint else (f" (installed: {', '.join(sorted(set(known)))})" if known else "")
    )


def mod_target(info: ModInfo) -> tuple[Path | None, Diagnostic | None]:
    """The scenario folder a mod changes, or a diagnostic saying why it cannot be found."""
    if info.meta is None:
        return None, (info.diagnostics[0] if info.diagnostics else None)
    name = info.meta.scenario
    at = info.marks.get("scenario") or Mark(str(info.folder / "mod.yaml"), 1, 1)
    shown = at.file
    if not NAME.match(name):
        return None, Diagnostic(
            shown,
            at.line,
            at.col,
            "error",
            "mod",
            f"'mod: scenario:' must be a scenario's folder name or id, not a path ('{name}')",
            f"installed scenarios: {', '.join(scenario_names())}",
        )
    folder = scenario_by_id(name)
    if folder is None:
        known = scenario_names() + [i for i in (_scenario_id(p) for p in all_scenarios()) if i]
        return None, Diagnostic(
            shown,
            at.line,
            at.col,
            "error",
            "mod",
            f"the mod is for scenario '{name}', which is not installed",
            suggest(name, known) or f"installed scenarios: {', '.join(scenario_names())}",
        )
    return folder, None


# --------------------------------------------------------------------------- mods for a game


def scenario_chain(folder: Path) -> set[str]:
    """The folder names and ids of a scenario and of every base it builds on."""
    names: set[str] = set()
    seen: set[Path] = set()
    cur: Path | None = folder
    while cur is not None and cur.resolve() not in seen:
        seen.add(cur.resolve())
        names.add(cur.name)
        loaded = load_file(cur / "scenario.yaml")
        data = loaded.data if isinstance(loaded.data, dict) else {}
        found = data.get("scenario")
        meta: dict[str, Any] = found if isinstance(found, dict) else {}
        if isinstance(meta.get("id"), str):
            names.add(meta["id"])
        base = meta.get("base")
        cur = scenario_by_id(base) if isinstance(base, str) else None
    return names


def mods_for(folder: Path, enabled: list[str]) -> list[ModInfo]:
    """The installed mods switched on (by id) that are meant for this scenario or a base of it,
    in the order they were switched on."""
    chain = scenario_chain(folder)
    by_id = {m.id: m for m in installed_mods() if m.meta is not None}
    return [by_id[i] for i in enabled if i in by_id and by_id[i].meta.scenario in chain]  # type: ignore[union-attr]
