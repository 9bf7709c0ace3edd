"""The validation report: one structure for the terminal, ``--json`` and the Mods screen.

The cause comes first. A file that cannot be read (a syntax error, bad encoding, a limit) is
reported before anything else, and every other problem found in the same check is folded
under it: with one file unread, "unknown patron 'ussr'" in every other file only follows from
it. Fix the first problem and validate again; the folded ones are still there in full (in
``--json`` and with ``--all``) for anyone who wants them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from game.scenario.diagnostics import Diagnostic, sort_unique

# Problems that stop a file being read at all: everything else found alongside may be a
# consequence of the content that went missing with it.
CAUSES = frozenset({"yaml-syntax", "encoding", "io", "limit", "yaml", "duplicate-key", "symlink", "missing-file"})


@dataclass
class Finding:
    diagnostic: Diagnostic
    follows: list[Diagnostic] = field(default_factory=list)  # folded under it

    def to_dict(self) -> dict[str, Any]:
        d = self.diagnostic
        return {
            "file": d.file,
            "line": d.line,
            "col": d.col,
            "severity": d.severity,
            "code": d.code,
            "message": d.message,
            "hint": d.hint,
            "follows": [
                {
                    "file": f.file,
                    "line": f.line,
                    "col": f.col,
                    "severity": f.severity,
                    "code": f.code,
                    "message": f.message,
                }
                for f in self.follows
            ],
        }


@dataclass
class Target:
    """One scenario or mod checked."""

    name: str  # what was asked for: a folder or an id
    kind: str  # "scenario" | "mod"
    ok: bool
    summary: str = ""
    title: str = ""
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 + sum(f.is_error for f in x.follows) for x in self.findings if x.diagnostic.is_error)

    @property
    def warnings(self) -> int:
        return sum(1 for x in self.findings if not x.diagnostic.is_error)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "ok": self.ok,
            "title": self.title,
            "summary": self.summary,
            "errors": self.errors,
            "warnings": self.warnings,
            "findings": [f.to_dict() for f in self.findings],
        }

    def lines(self, *, show_all: bool = False) -> list[str]:
        out = []
        for f in self.findings:
            out.append(f.diagnostic.format())
            if f.follows:
                if show_all:
                    out += ["    " + d.format().replace("\n", "\n    ") for d in f.follows]
                else:
                    n = len(f.follows)
                    out.append(
                        f"    ... and {n} more {'problem' if n == 1 else 'problems'} that may follow from this; "
                        "fix it and validate again (--all shows them)"
                    )
        if self.ok:
            out.append(f"{self.name}: OK: {self.summary}" if self.summary else f"{self.name}: OK")
        return out


def fold(diags: list[Diagnostic]) -> list[Finding]:
    """Causes first, each with what follows from it; without a cause, every problem stands alone."""
    diags = sort_unique(diags)
    causes = [d for d in diags if d.is_error and d.code in CAUSES]
    rest = [d for d in diags if d not in causes]
    if not causes:
        errors = [Finding(d) for d in rest if d.is_error]
        return errors + [Finding(d) for d in rest if not d.is_error]
    findings = [Finding(d) for d in causes]
    # Everything else goes under the first cause: one unread file can break any other.
    findings[0].follows = rest
    return findings


@dataclass
class Report:
    targets: list[Target] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.targets) and bool(self.targets)

    @property
    def errors(self) -> int:
        return sum(t.errors for t in self.targets)

    @property
    def warnings(self) -> int:
        return sum(t.warnings for t in self.targets)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "errors": self.errors,
            "warnings": self.warnings,
            "targets": [t.to_dict() for t in self.targets],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def text(self, *, show_all: bool = False) -> str:
        out: list[str] = []
        for t in self.targets:
            out += t.lines(show_all=show_all)
        if self.errors:
            out.append(f"{self.errors} error(s), {self.warnings} warning(s).")
        elif self.warnings:
            out.append(f"valid, with {self.warnings} warning(s).")
        return "\n".join(out)
