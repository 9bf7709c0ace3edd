"""Player settings, kept as JSON in the config folder. A bad or unreadable file never stops the
game: the defaults are used and a message says what was wrong."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from game import json_file
from game.paths import settings_file
from game.scenario.installed import NAME

SIZES = [(1280, 720), (1366, 768), (1600, 900), (1920, 1080)]
SCALES = [0.0, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5]  # 0 = automatic: fit a 1280x720 layout to the window
TEXT_SPEEDS = ["slow", "normal", "fast", "instant"]
MAX_BYTES = 100_000  # the real file is a few hundred bytes


@dataclass
class Settings:
    width: int = 1280
    height: int = 720
    fullscreen: bool = False
    ui_scale: float = 0.0
    volume: int = 70
    muted: bool = False
    text_speed: str = "normal"
    hangul: bool = True
    seen_intro: bool = False
    mods: list[str] = field(default_factory=list)  # ids of installed mods switched on for a new game

    def speed_factor(self) -> float:
        return {"slow": 0.6, "normal": 1.0, "fast": 2.2, "instant": 50.0}.get(self.text_speed, 1.0)


def _coerce(raw: dict) -> tuple[Settings, list[str]]:
    s = Settings()
    problems = []
    for f in fields(Settings):
        if f.name not in raw:
            continue
        v = raw[f.name]
        default = getattr(s, f.name)
        ok = isinstance(v, type(default)) and not (
            isinstance(default, int) and isinstance(v, bool) and not isinstance(default, bool)
        )
        if isinstance(default, float) and isinstance(v, int) and not isinstance(v, bool):
            ok = abs(v) < 1000
            v = float(v) if ok else v
        if not ok:
            shown = repr(v) if len(repr(v)) <= 30 else repr(v)[:27] + "..."
            problems.append(f"'{f.name}' should be {type(default).__name__}, not {shown}")
            continue
        setattr(s, f.name, v)
    unknown = sorted(str(k)[:30] for k in raw if k not in {f.name for f in fields(Settings)})
    if unknown:  # a misspelt key would otherwise be dropped without a word
        problems.append(
            f"unknown setting(s) {', '.join(repr(k) for k in unknown[:3])}" + (" ..." if len(unknown) > 3 else "")
        )
    if not all(isinstance(m, str) and NAME.match(m) for m in s.mods) or len(s.mods) > 50:
        problems.append("the list of mods switched on is damaged")
        s.mods = []
    if (s.width, s.height) not in SIZES:
        problems.append(f"window size {s.width}x{s.height} is not offered")
        s.width, s.height = Settings.width, Settings.height
    if s.ui_scale != 0.0 and not 0.5 <= s.ui_scale <= 2.0:
        problems.append(f"UI scale {s.ui_scale} is out of range")
        s.ui_scale = 0.0
    if not 0 <= s.volume <= 100:
        problems.append(f"volume {s.volume} is out of range")
        s.volume = 70
    if s.text_speed not in TEXT_SPEEDS:
        problems.append(f"text speed '{s.text_speed}' is unknown")
        s.text_speed = "normal"
    return s, problems


def load(path: Path | None = None) -> tuple[Settings, str]:
    """Returns the settings and a message for the player ('' when all is well)."""
    path = path or settings_file()
    if not path.exists():
        return Settings(), ""
    try:
        raw = json_file.read(path, MAX_BYTES)
    except json_file.JsonFileError as exc:
        if exc.kind == "too_large":
            return Settings(), f"The settings file {path} is far too large to be settings; using the defaults."
        if exc.kind in ("missing", "unreadable"):  # (missing: removed since the check above)
            return (
                Settings(),
                f"Could not read the settings file {path} ({exc.detail or 'it is gone'}); using the defaults.",
            )
        if exc.kind == "syntax":
            return Settings(), (
                f"The settings file {path} is damaged (line {exc.line}: {exc.detail}); "
                f"using the defaults. Saving settings will replace it."
            )
        # Nested far too deeply, or a number of thousands of digits: not a settings file.
        return Settings(), f"The settings file {path} is damaged ({exc.detail}); using the defaults."
    if not isinstance(raw, dict):
        return Settings(), f"The settings file {path} does not hold settings; using the defaults."
    s, problems = _coerce(raw)
    msg = ""
    if problems:
        msg = f"Some settings in {path.name} were ignored: " + "; ".join(problems[:3]) + "."
    return s, msg


def save(s: Settings, path: Path | None = None) -> str:
    """Write atomically; returns an error message or ''."""
    path = path or settings_file()
    tmp = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(s), fh, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return f"Could not save settings: {exc}"
    return ""
