"""Save files: versioned JSON, written atomically, never overwriting a good save with a bad one."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from game.engine.content import Scenario
from game.engine.game import Game
from game.engine.state import SAVE_VERSION, GameState
from game.paths import saves_dir
from game.scenario.loader import find_scenario, load

MAGIC = "august-plenum-save"


class SaveError(Exception):
    """A save that cannot be used; the message names the file and what to do."""


@dataclass
class SaveInfo:
    path: Path
    label: str
    scenario: str
    date: str
    turn: int
    mtime: float


def write(path: Path, game: Game, scenario_dir: str, label: str = "") -> Path:
    payload = {
        "format": MAGIC,
        "version": SAVE_VERSION,
        "scenario": scenario_dir,
        "mods": list(game.state.mods),
        "label": label or f"{game.scn.scenario.title}, {game.state.date}",
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
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
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


def read(path: Path) -> tuple[Scenario, Game, str]:
    """Load a save and the scenario it belongs to. Raises SaveError with a readable message."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SaveError(f"{path}: no such save file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SaveError(f"{path}: cannot be read ({exc}); it may be damaged") from None
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SaveError(
            f"{path}:{exc.lineno}:{exc.colno}: the save is damaged ({exc.msg}); your other saves are not affected"
        ) from None
    if not isinstance(payload, dict) or payload.get("format") != MAGIC:
        raise SaveError(f"{path}: this is not an August Plenum save file")
    if payload.get("version") != SAVE_VERSION:
        raise SaveError(
            f"{path}: save version {payload.get('version')} is not supported by this version "
            f"of the game (it reads version {SAVE_VERSION})"
        )
    scen_name = payload.get("scenario", "")
    folder = find_scenario(scen_name) if isinstance(scen_name, str) and scen_name else None
    if folder is None:
        raise SaveError(f"{path}: the save needs scenario '{scen_name}', which is not installed")
    mods = payload.get("mods") or []
    from game.paths import mods_dir

    mod_dirs = [mods_dir() / m for m in mods]
    result = load(folder, mod_dirs)
    if not result.ok:
        first = result.errors[0].format() if result.errors else "unknown problem"
        raise SaveError(f"{path}: its scenario '{scen_name}' has errors: {first}")
    try:
        state = GameState.from_dict(payload["state"])
    except (KeyError, TypeError, ValueError) as exc:
        raise SaveError(f"{path}: the saved game is incomplete or damaged ({exc.__class__.__name__}: {exc})") from None
    if payload.get("hash") and state.hash() != payload["hash"]:
        raise SaveError(f"{path}: the saved game does not match its checksum; it was changed or damaged")
    missing = [
        pid for pid in state.people if not pid.startswith("cadre_") and result.scenario.get("person", pid) is None
    ]
    if missing:
        raise SaveError(
            f"{path}: the save mentions people the scenario lacks ({', '.join(missing[:3])}); "
            f"was it made with a different version or mod?"
        )
    return result.scenario, Game(result.scenario, state), scen_name


def list_saves(folder: Path | None = None) -> list[SaveInfo]:
    folder = folder or saves_dir()
    out = []
    if not folder.is_dir():
        return out
    for p in folder.glob("*.json"):
        try:
            payload = json.loads(p.read_text(encoding="utf-8"))
            st = payload["state"]
            out.append(
                SaveInfo(
                    p,
                    payload.get("label", p.stem),
                    payload.get("scenario", "?"),
                    st["date"],
                    int(st["turn"]),
                    p.stat().st_mtime,
                )
            )
        except (OSError, ValueError, KeyError, TypeError):
            out.append(SaveInfo(p, f"{p.stem} (damaged)", "?", "?", 0, p.stat().st_mtime if p.exists() else 0))
    return sorted(out, key=lambda s: -s.mtime)
