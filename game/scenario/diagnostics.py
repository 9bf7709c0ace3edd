"""One shape for every problem found in a scenario, mod, save or settings file."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import NamedTuple

# The 'did you mean' text is the engine's, so load-time and run-time messages suggest alike.
from game.engine.basics import suggest

__all__ = ["Diagnostic", "DiagnosticError", "Mark", "sort_unique", "suggest", "to_json"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    file: str
    line: int
    col: int
    severity: str  # "error" | "warning"
    code: str
    message: str
    hint: str = ""

    def format(self) -> str:
        text = f"{self.file}:{self.line}:{self.col}: {self.severity}[{self.code}]: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class Mark(NamedTuple):
    """Where a value was written. A tuple, not a dataclass: a large file makes one per value."""

    file: str
    line: int  # 1-based
    col: int  # 1-based


def sort_unique(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(set(diags))


def to_json(diags: Iterable[Diagnostic]) -> str:
    return json.dumps([asdict(d) for d in diags], indent=2)


class DiagnosticError(Exception):
    """Raised by loaders when a file cannot be used; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sort_unique(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))
