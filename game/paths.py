"""Where the game keeps the player's files (settings, saves, mods), per platform conventions."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "august-plenum"


def _base(kind: str) -> Path:
    override = os.environ.get("AUGUST_PLENUM_HOME")
    if override:
        return Path(override) / kind
    if sys.platform == "win32":
        root = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
        return root / APP / kind
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP / kind
    env = {"config": "XDG_CONFIG_HOME", "data": "XDG_DATA_HOME"}[kind]
    default = {"config": Path.home() / ".config", "data": Path.home() / ".local" / "share"}[kind]
    return Path(os.environ.get(env) or default) / APP


def config_dir() -> Path:
    return _base("config")


def data_dir() -> Path:
    return _base("data")


def saves_dir() -> Path:
    return data_dir() / "saves"


def mods_dir() -> Path:
    return data_dir() / "mods"


def settings_file() -> Path:
    return config_dir() / "settings.json"


def user_scenarios_dir() -> Path:
    """Standalone scenarios the player installed; found by id like the shipped ones."""
    return data_dir() / "scenarios"
