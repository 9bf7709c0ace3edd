"""Reading a JSON file the player or a tool hands the game (a save, its session notes, the
settings, a replay), whatever the file holds: one place says which failures there are, and each
caller words them for its own file. A file too large, missing, unreadable, not JSON, nested far
too deeply or holding a number of thousands of digits is a JsonFileError, never a traceback
(json.loads raises RecursionError, which is not a ValueError, for ten thousand brackets)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

Kind = Literal["too_large", "missing", "unreadable", "syntax", "too_deep", "bad_value"]


class JsonFileError(ValueError):
    """What is wrong with a JSON file: its kind, a detail for the words, and where (for syntax)."""

    def __init__(self, path: Path, kind: Kind, detail: str = "", line: int = 0, column: int = 0):
        self.path, self.kind, self.detail, self.line, self.column = path, kind, detail, line, column
        super().__init__(f"{path}: {kind}" + (f" ({detail})" if detail else ""))

    @property
    def where(self) -> str:
        """The file, with line and column when the JSON itself is broken ("save.json:3:14")."""
        return f"{self.path}:{self.line}:{self.column}" if self.kind == "syntax" else str(self.path)


def read(path: Path, max_bytes: int) -> Any:
    """The parsed content of the file at `path`, refusing one over `max_bytes` before reading it."""
    path = Path(path)
    try:
        if path.stat().st_size > max_bytes:
            raise JsonFileError(path, "too_large", f"over {max_bytes // 1_000_000} MB")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise JsonFileError(path, "missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise JsonFileError(path, "unreadable", str(exc)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonFileError(path, "syntax", exc.msg, exc.lineno, exc.colno) from None
    except RecursionError:
        raise JsonFileError(path, "too_deep", "nested far too deeply") from None
    except ValueError as exc:  # e.g. an integer of 5,000 digits
        raise JsonFileError(path, "bad_value", str(exc)) from None
