"""Scenario loading for the UI, cached per folder (a load takes a few hundred ms).

The title screen starts ``preload`` so the loads run in a background thread while the player
reads the menu; screens ask ``ready`` for a frame that must not wait, ``get`` when they must have
the result. One lock keeps a folder from being loaded twice at once.
"""

from __future__ import annotations

import threading
from pathlib import Path

from game.scenario.installed import all_scenarios
from game.scenario.loader import load

_cache: dict[str, object] = {}
_lock = threading.Lock()
_thread: threading.Thread | None = None


def available() -> list[Path]:
    try:
        return all_scenarios()  # the shipped ones, then the data folder's scenarios/
    except OSError:
        return []


def get(folder: Path):
    key = str(folder)
    with _lock:
        if key not in _cache:
            _cache[key] = load(folder)
        return _cache[key]


def ready(folder: Path):
    """The loaded scenario if it is already in the cache, else None (never waits for a load)."""
    return _cache.get(str(folder))


def loaded() -> list:
    """The scenarios loaded so far that loaded cleanly (never waits for a load)."""
    with _lock:
        return [r for r in _cache.values() if getattr(r, "ok", False) and getattr(r, "scenario", None) is not None]


def loading() -> bool:
    return _thread is not None and _thread.is_alive()


def _load_all(folders: list[Path]) -> None:
    for f in folders:
        try:
            get(f)
        except Exception:  # a folder that fails here is loaded (and reported) again by get
            pass


def preload() -> None:
    """Load every available scenario not yet in the cache in a daemon thread; returns at once.
    Again after the cache was emptied (the F5 live reload does that)."""
    global _thread
    if _thread is not None and _thread.is_alive():
        return
    folders = [f for f in available() if str(f) not in _cache]
    if not folders:
        return
    _thread = threading.Thread(target=_load_all, args=(folders,), name="scenario-preload", daemon=True)
    _thread.start()


def wait(timeout: float | None = None) -> None:
    """Until the background loads are done (tests, and screens that cannot go on without them)."""
    if _thread is not None:
        _thread.join(timeout)


def first_ok():
    for f in available():
        res = get(f)
        if res.ok:
            return f, res.scenario
    return None, None
