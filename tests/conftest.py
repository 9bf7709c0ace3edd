import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MINI = Path(__file__).parent / "fixtures" / "mini"

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


@pytest.fixture(autouse=True)
def _private_home(tmp_path, monkeypatch):
    """No test ever reads or writes the real player's saves and settings."""
    monkeypatch.setenv("AUGUST_PLENUM_HOME", str(tmp_path / "home"))


@pytest.fixture
def mini_dir(tmp_path):
    """A writable copy of the tiny test scenario; tests overwrite its files to break it."""
    dest = tmp_path / "game" / "scenarios" / "mini"
    shutil.copytree(MINI, dest)
    return dest


@pytest.fixture(scope="session")
def mini():
    from game.scenario.loader import load

    res = load(MINI)
    assert res.ok, [d.format() for d in res.diagnostics]
    return res.scenario


@pytest.fixture(scope="session")
def campaign():
    from game.scenario.loader import load

    res = load(ROOT / "game" / "scenarios" / "campaign-1953")
    assert res.ok, [d.format() for d in res.errors]
    return res.scenario


@pytest.fixture(scope="session")
def august():
    from game.scenario.loader import load

    res = load(ROOT / "game" / "scenarios" / "august-1956")
    assert res.ok, [d.format() for d in res.diagnostics]
    return res.scenario
