"""The load-time type check of scenario expressions.

Every name has a type (``context.py``); this walks a parsed expression and refuses what could
only fail or mean nothing in play: arithmetic on anything but numbers, ordering anything but
numbers or dates, comparing values of different kinds, and a quoted string compared with an
enumerated name (a status, a faction, a person...) that is not one of its values. Faults come
with the 0-based column of the operator or value at fault, and a hint where one helps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.engine import expr as X
from game.engine.basics import is_date, suggest
from game.engine.context import (
    BOOL,
    DATE,
    ENUMS,
    FUNCTION_RESULTS,
    NUMBER,
    NUMERIC,
    TEXT,
    check_path,
    enum_values,
    type_of,
)

if TYPE_CHECKING:
    from game.engine.content import Scenario


@dataclass(frozen=True)
class TypeFault:
    message: str
    column: int
    hint: str = ""


@dataclass(frozen=True)
class _Val:
    type: str | None  # None: unknown (a name already reported as invalid); never faulted twice
    what: str  # how the value reads in a message
    literal: str | None = None  # the text of a quoted string
    column: int = 0


def _a(ty: str) -> str:
    if ty == TEXT:
        return "text"
    return f"an {ty}" if ty[0] in "aeiou" else f"a {ty}"


def _show(v: _Val) -> str:
    return f"{v.what} ({_a(v.type)})" if v.type else v.what


class _Checker:
    def __init__(self, src: str, scn: Scenario, target: str | None, plenum: bool):
        self.src = src
        self.scn = scn
        self.target = target
        self.plenum = plenum
        self.faults: list[TypeFault] = []

    def fault(self, message: str, column: int, hint: str = "") -> None:
        self.faults.append(TypeFault(message, column, hint))

    def text(self, node: X.Node) -> str:
        """A short rendering of a sub-expression for messages."""
        kind = node[0]
        if kind == "path":
            return ".".join(node[1])
        if kind == "str":
            return repr(node[1])
        if kind == "num":
            return str(node[1]).lower()
        if kind == "call":
            return f"{node[1]}(...)"
        return "the expression"

    def infer(self, node: X.Node) -> _Val:
        kind = node[0]
        if kind == "num":
            return _Val(BOOL if isinstance(node[1], bool) else NUMBER, self.text(node), column=node[2])
        if kind == "str":
            return _Val(TEXT, self.text(node), literal=node[1], column=node[2])
        if kind == "path":
            path, col = node[1], node[2]
            if check_path(path, self.scn, target=self.target, plenum=self.plenum):
                return _Val(None, self.text(node), column=col)
            return _Val(type_of(path, target=self.target), self.text(node), column=col)
        if kind == "call":
            name, args, col = node[1], node[2], node[3]
            spec = X.FUNCTIONS.get(name, ())
            for want, arg in zip(spec, args):
                v = self.infer(arg)
                if want == "number" and v.type is not None and v.type not in NUMERIC:
                    self.fault(f"'{name}' needs numbers, but {_show(v)} is not one", v.column)
            return _Val(FUNCTION_RESULTS.get(name), self.text(node), column=col)
        if kind in ("and", "or"):
            for side in (node[1], node[2]):
                self.truth(self.infer(side), kind, node[3])
            return _Val(BOOL, "the expression", column=node[3])
        if kind == "not":
            self.truth(self.infer(node[1]), "not", node[2])
            return _Val(BOOL, "the expression", column=node[2])
        if kind == "neg":
            v = self.infer(node[1])
            self.number(v, "-", node[2])
            return _Val(NUMBER, "the expression", column=node[2])
        if kind == "arith":
            op, col = node[1], node[4]
            a, b = self.infer(node[2]), self.infer(node[3])
            self.number(a, op, col)
            self.number(b, op, col)
            return _Val(NUMBER, "the expression", column=col)
        if kind == "cmp":
            self.compare(node[1], self.infer(node[2]), self.infer(node[3]), node[4])
            return _Val(BOOL, "the expression", column=node[4])
        raise AssertionError(kind)

    def truth(self, v: _Val, op: str, col: int) -> None:
        if v.type is not None and v.type not in NUMERIC:
            self.fault(
                f"'{op}' joins conditions, but {_show(v)} is not true or false",
                v.column,
                "compare it with something, e.g. person.pak_hon_yong.status == 'active'",
            )

    def number(self, v: _Val, op: str, col: int) -> None:
        if v.type is not None and v.type not in NUMERIC:
            self.fault(f"'{op}' needs numbers on both sides, but {_show(v)} is not a number", col)

    def compare(self, op: str, a: _Val, b: _Val, col: int) -> None:
        if a.type is None or b.type is None:
            return
        if a.type in NUMERIC and b.type in NUMERIC:
            return
        # A quoted string against a typed name: check the string is a value that name can take.
        for name, lit in ((a, b), (b, a)):
            if lit.type == TEXT and lit.literal is not None and name.type != TEXT:
                if name.type in ENUMS:
                    values = enum_values(name.type, self.scn)
                    if lit.literal not in values:
                        shown = [v for v in values if v]
                        self.fault(
                            f"{name.what} is {_a(name.type)}, and '{lit.literal}' is not one",
                            lit.column,
                            suggest(lit.literal, shown) or f"it is one of: {', '.join(shown[:12])}",
                        )
                        return
                    if op not in ("==", "!="):
                        self.fault(f"{_show(name)} can only be compared with == or !=", col)
                    return
                if name.type == DATE:
                    if not is_date(lit.literal):
                        self.fault(
                            f"{name.what} is a date, and '{lit.literal}' is not a date",
                            lit.column,
                            "write dates as 'YYYY-MM-DD', e.g. '1956-08-30'",
                        )
                    return
        if a.type == b.type and a.type != TEXT:
            if a.type != DATE and op not in ("==", "!="):
                self.fault(f"{_show(a)} can only be compared with == or !=", col)
            return
        if a.type == TEXT and b.type == TEXT:
            if op not in ("==", "!="):
                self.fault(f"'{op}' needs numbers or dates, but {_show(a)} is text", col)
            return
        hint = ""
        if DATE in (a.type, b.type):
            hint = "compare a date with a date in quotes, e.g. date >= '1956-08-30'"
        self.fault(f"cannot compare {_show(a)} with {_show(b)}", col, hint)


def typecheck(
    src: str, scn: Scenario, *, target: str | None = None, plenum: bool = False, want: str = "condition"
) -> list[TypeFault]:
    """Type faults in one expression. `want` is what its use needs: 'condition' (true/false or
    a number read as one) or 'number' (odds)."""
    checker = _Checker(src, scn, target, plenum)
    tree = X.parse(src)
    top = checker.infer(tree)
    if top.type is not None and top.type not in NUMERIC:
        if want == "number":
            checker.fault(f"this should give a number, but {_show(top)} is not one", top.column)
        else:
            checker.fault(
                f"this should be true or false, but {_show(top)} is neither",
                top.column,
                "compare it with something, e.g. == 'active'",
            )
    return checker.faults
