"""The small expression language used by scenario conditions and odds.

Scenario files are data written by modders, so nothing in them is ever handed to Python's
``eval``. Instead a condition such as ``faction.soviet.influence >= 20 and flag.kim_abroad``
is tokenised and parsed here into a tuple tree, checked against the scenario's ids at load
time (so a typo is reported with its column) and evaluated against a read-only context.

Grammar (lowest precedence first)::

    expr    := or
    or      := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := sum (("==" | "!=" | "<" | "<=" | ">" | ">=") sum)?
    sum     := product (("+" | "-") product)*
    product := unary (("*" | "/") unary)*
    unary   := "-" unary | atom
    atom    := NUMBER | STRING | "true" | "false" | call | path | "(" expr ")"
    call    := NAME "(" [expr ("," expr)*] ")"
    path    := NAME ("." NAME)*
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

__all__ = [
    "FUNCTIONS",
    "ExprError",
    "Node",
    "RuleError",
    "calls_in",
    "compiled",
    "evaluate",
    "parse",
    "paths_in",
    "run",
]

# A parsed expression: a tuple whose first item names the node ("num", "path", "cmp", ...).
Node = tuple[Any, ...]


class ExprError(ValueError):
    """A syntax error in an expression, with the 0-based column where it was found."""

    def __init__(self, message: str, column: int):
        super().__init__(message)
        self.message = message
        self.column = column


_TOKEN = re.compile(
    r"""\s*(?:
        (?P<num>\d+(?:\.\d+)?)
      | (?P<str>'[^']*'|"[^"]*")
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<op>==|!=|<=|>=|<|>|\+|-|\*|/|\(|\)|,|\.)
    )""",
    re.VERBOSE,
)

_KEYWORDS = {"and", "or", "not", "true", "false"}
_COMPARE = {"==", "!=", "<", "<=", ">", ">="}


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str
    text: str
    col: int


def _tokenise(src: str) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = 0
    while pos < len(src):
        if src[pos:].strip() == "":
            break
        m = _TOKEN.match(src, pos)
        if not m or m.end() == pos:
            col = pos + (len(src[pos:]) - len(src[pos:].lstrip()))
            raise ExprError(f"unexpected character {src[col]!r}", col)
        kind = m.lastgroup or "op"
        text = m.group(kind)
        col = m.start(kind)
        if kind == "name" and text in _KEYWORDS:
            kind = text
        toks.append(_Tok(kind, text, col))
        pos = m.end()
    toks.append(_Tok("end", "", len(src)))
    return toks


# Bounds, so a hostile condition is a located error, not Python's recursion limit (a tree
# thousands deep crashed the validator, and would crash whatever evaluates it). The longest
# shipped expression has under 50 parts and nests 3 deep.
MAX_PARTS = 1000
MAX_NESTING = 64


class _Parser:
    def __init__(self, src: str):
        self.toks = _tokenise(src)
        self.i = 0
        self.nesting = 0
        if len(self.toks) > MAX_PARTS:
            raise ExprError(
                f"the expression is too long ({len(self.toks):,} parts, at most {MAX_PARTS:,}); split it up", 0
            )

    def deeper(self, col: int) -> None:
        self.nesting += 1
        if self.nesting > MAX_NESTING:
            raise ExprError(f"the expression nests too deeply (more than {MAX_NESTING} levels); simplify it", col)

    def peek(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def expect(self, text: str) -> _Tok:
        tok = self.take()
        if tok.text != text:
            found = "end of expression" if tok.kind == "end" else repr(tok.text)
            raise ExprError(f"expected {text!r}, found {found}", tok.col)
        return tok

    def parse(self) -> Node:
        node = self.or_()
        tok = self.peek()
        if tok.kind != "end":
            raise ExprError(f"unexpected {tok.text!r}; is an 'and' or 'or' missing?", tok.col)
        return node

    def or_(self) -> Node:
        self.deeper(self.peek().col)
        node = self.and_()
        while self.peek().kind == "or":
            col = self.take().col
            node = ("or", node, self.and_(), col)
        self.nesting -= 1
        return node

    def and_(self) -> Node:
        node = self.not_()
        while self.peek().kind == "and":
            col = self.take().col
            node = ("and", node, self.not_(), col)
        return node

    def not_(self) -> Node:
        if self.peek().kind == "not":
            col = self.take().col
            self.deeper(col)
            node: Node = ("not", self.not_(), col)
            self.nesting -= 1
            return node
        return self.compare()

    def compare(self) -> Node:
        node = self.sum()
        if self.peek().text in _COMPARE and self.peek().kind == "op":
            tok = self.take()
            node = ("cmp", tok.text, node, self.sum(), tok.col)
            if self.peek().text in _COMPARE and self.peek().kind == "op":
                raise ExprError("comparisons cannot be chained; join them with 'and'", self.peek().col)
        return node

    def sum(self) -> Node:
        node = self.product()
        while self.peek().kind == "op" and self.peek().text in ("+", "-"):
            tok = self.take()
            node = ("arith", tok.text, node, self.product(), tok.col)
        return node

    def product(self) -> Node:
        node = self.unary()
        while self.peek().kind == "op" and self.peek().text in ("*", "/"):
            tok = self.take()
            node = ("arith", tok.text, node, self.unary(), tok.col)
        return node

    def unary(self) -> Node:
        if self.peek().kind == "op" and self.peek().text == "-":
            col = self.take().col
            self.deeper(col)
            node: Node = ("neg", self.unary(), col)
            self.nesting -= 1
            return node
        return self.atom()

    def atom(self) -> Node:
        tok = self.take()
        if tok.kind == "num":
            value = float(tok.text) if "." in tok.text else int(tok.text)
            return ("num", value, tok.col)
        if tok.kind == "str":
            return ("str", tok.text[1:-1], tok.col)
        if tok.kind == "true":
            return ("num", True, tok.col)
        if tok.kind == "false":
            return ("num", False, tok.col)
        if tok.kind == "op" and tok.text == "(":
            node = self.or_()
            self.expect(")")
            return node
        if tok.kind == "name":
            if self.peek().text == "(" and self.peek().kind == "op":
                self.take()
                args: list[Node] = []
                if not (self.peek().kind == "op" and self.peek().text == ")"):
                    args.append(self.or_())
                    while self.peek().kind == "op" and self.peek().text == ",":
                        self.take()
                        args.append(self.or_())
                self.expect(")")
                return ("call", tok.text, tuple(args), tok.col)
            parts = [tok.text]
            while self.peek().kind == "op" and self.peek().text == ".":
                self.take()
                part = self.take()
                if part.kind not in ("name", "num") and part.kind not in _KEYWORDS:
                    raise ExprError("expected a name after '.'", part.col)
                parts.append(part.text)
            return ("path", tuple(parts), tok.col)
        found = "end of expression" if tok.kind == "end" else repr(tok.text)
        raise ExprError(f"expected a value, found {found}", tok.col)


@lru_cache(maxsize=4096)
def parse(src: str) -> Node:
    """Parse an expression into a tuple tree; raises ExprError with a column on bad syntax."""
    if not isinstance(src, str) or not src.strip():
        raise ExprError("empty expression", 0)
    return _Parser(src).parse()


class Context(Protocol):
    def resolve(self, path: tuple[str, ...]) -> Any: ...
    def call(self, name: str, args: list[Any]) -> Any: ...


class RuleError(Exception):
    """A scenario rule that could not be evaluated in play: a fault the load-time checks did not
    catch. Names the rule (file:line when the loader recorded it, else what the rule belongs to)
    and the expression, so the game can show it once instead of failing on every frame."""

    def __init__(self, where: str, source: str, detail: str):
        super().__init__(f"{where}: the rule `{source}` cannot be evaluated: {detail}")
        self.where = where
        self.source = source
        self.detail = detail

    def __reduce__(self) -> tuple[type[RuleError], tuple[str, str, str]]:
        # So it survives the trip back from a worker process (the balance lab's pool).
        return (RuleError, (self.where, self.source, self.detail))


def _num(v: Any) -> float:
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (int, float)):
        return v
    raise TypeError(f"expected a number, got {v!r}")


def _cmp(op: str, a: Any, b: Any) -> bool:
    if op == "==":
        return bool(a == b)
    if op == "!=":
        return bool(a != b)
    if not (isinstance(a, str) and isinstance(b, str)):  # dates compare as text
        a, b = _num(a), _num(b)
    if op == "<":
        return bool(a < b)
    if op == "<=":
        return bool(a <= b)
    if op == ">":
        return bool(a > b)
    return bool(a >= b)


Compiled = Callable[[Any], Any]


def _compile(node: Node) -> Compiled:
    """Turn a parsed tree into nested closures, so the tuples are not re-walked on every call.
    Built only from the tree; no source text is executed."""
    kind = node[0]
    if kind in ("num", "str"):
        value = node[1]
        return lambda ctx: value
    if kind == "path":
        path = node[1]
        return lambda ctx: ctx.resolve(path)
    if kind == "and":
        a, b = _compile(node[1]), _compile(node[2])
        return lambda ctx: bool(a(ctx)) and bool(b(ctx))
    if kind == "or":
        a, b = _compile(node[1]), _compile(node[2])
        return lambda ctx: bool(a(ctx)) or bool(b(ctx))
    if kind == "not":
        a = _compile(node[1])
        return lambda ctx: not a(ctx)
    if kind == "cmp":
        op, a, b = node[1], _compile(node[2]), _compile(node[3])
        fast = _cmp_with_constant(op, a, node[3])
        if fast is not None:
            return fast
        return lambda ctx: _cmp(op, a(ctx), b(ctx))
    if kind == "arith":
        op, a, b = node[1], _compile(node[2]), _compile(node[3])
        fast = _arith_with_constant(op, a, node[3])
        if fast is not None:
            return fast
        if op == "+":
            return lambda ctx: _num(a(ctx)) + _num(b(ctx))
        if op == "-":
            return lambda ctx: _num(a(ctx)) - _num(b(ctx))
        if op == "*":
            return lambda ctx: _num(a(ctx)) * _num(b(ctx))

        def div(ctx: Any) -> float:
            x, y = _num(a(ctx)), _num(b(ctx))
            return x / y if y else 0

        return div
    if kind == "neg":
        a = _compile(node[1])
        return lambda ctx: -_num(a(ctx))
    if kind == "call":
        name, args = node[1], [_compile(x) for x in node[2]]
        return lambda ctx: ctx.call(name, [f(ctx) for f in args])
    raise AssertionError(f"unknown node {kind}")


def _constant(node: Node) -> tuple[bool, Any]:
    """(True, value) for a number written in the expression (true and false included)."""
    if node[0] == "num":
        return True, node[1]
    return False, None


def _cmp_with_constant(op: str, a: Compiled, right: Node) -> Compiled | None:
    """A comparison with a number written on its right (`target.loyalty < 60`), the commonest
    shape: the same answer and the same errors as `_cmp`, without evaluating the constant or
    testing its type on every call. None for any other shape."""
    ok, value = _constant(right)
    if not ok:
        return None
    if op == "==":
        return lambda ctx: bool(a(ctx) == value)
    if op == "!=":
        return lambda ctx: bool(a(ctx) != value)
    n = _num(value)  # a number constant: _cmp always compares the two as numbers
    if op == "<":
        return lambda ctx: bool(_num(a(ctx)) < n)
    if op == "<=":
        return lambda ctx: bool(_num(a(ctx)) <= n)
    if op == ">":
        return lambda ctx: bool(_num(a(ctx)) > n)
    return lambda ctx: bool(_num(a(ctx)) >= n)


def _arith_with_constant(op: str, a: Compiled, right: Node) -> Compiled | None:
    """Arithmetic with a number written on its right (`target.fear / 2`): as the general case."""
    ok, value = _constant(right)
    if not ok:
        return None
    n = _num(value)
    if op == "+":
        return lambda ctx: _num(a(ctx)) + n
    if op == "-":
        return lambda ctx: _num(a(ctx)) - n
    if op == "*":
        return lambda ctx: _num(a(ctx)) * n
    if n:
        return lambda ctx: _num(a(ctx)) / n
    return None  # division by a written zero: the general case says 0


@lru_cache(maxsize=4096)
def compiled(src: str) -> Compiled:
    return _compile(parse(src))


def evaluate(node: Node, ctx: Context) -> Any:
    """Evaluate a parsed tree (compiled on the fly; prefer `run` for source strings)."""
    return _compile(node)(ctx)


def run(src: str, ctx: Context, where: str = "") -> Any:
    """Evaluate expression source against a context (parsed and compiled once per string).
    Any fault becomes a RuleError naming the rule: `where` says what the rule belongs to, and
    the scenario's record of where it was written (when the context has a scenario) wins."""
    try:
        return compiled(src)(ctx)
    except FAULTS as exc:
        raise rule_error(src, ctx, where, exc) from exc


# What evaluating a rule can raise when the content is wrong in a way the load-time checks missed.
FAULTS = (TypeError, ValueError, KeyError, AttributeError, IndexError, ZeroDivisionError)


def rule_error(src: str, ctx: Context, where: str, exc: Exception) -> RuleError:
    return RuleError(_origin(ctx, src) or where or "a scenario rule", src, _detail(exc))


def _origin(ctx: Context, src: str) -> str:
    scn = getattr(ctx, "scn", None)
    source_of = getattr(scn, "source_of", None)
    return str(source_of(src)) if source_of is not None else ""


def _detail(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"nothing called {exc.args[0]!r} here" if exc.args else "a name is missing"
    return str(exc) or type(exc).__name__


def counter_bound(node: Node) -> tuple[str, str, Any] | None:
    """(counter, operator, number) of a comparison of a counter with a number ('var.rounds < 3'),
    or None for any other node: how a limit on a move is written."""
    if node[0] == "cmp" and node[2][0] == "path" and node[3][0] == "num":
        path = node[2][1]
        if len(path) == 2 and path[0] == "var":
            return path[1], node[1], node[3][1]
    return None


def paths_in(node: Node) -> list[tuple[tuple[str, ...], int]]:
    """Every dotted path in a tree with its column, for load-time reference checks."""
    out: list[tuple[tuple[str, ...], int]] = []

    def walk(n: Node) -> None:
        if n[0] == "path":
            out.append((n[1], n[2]))
        elif n[0] == "call":
            for a in n[2]:
                walk(a)
        else:
            for child in n[1:]:
                if isinstance(child, tuple):
                    walk(child)

    walk(node)
    return out


def calls_in(node: Node) -> list[tuple[str, tuple[Node, ...], int]]:
    out: list[tuple[str, tuple[Node, ...], int]] = []

    def walk(n: Node) -> None:
        if n[0] == "call":
            out.append((n[1], n[2], n[3]))
            for a in n[2]:
                walk(a)
        elif n[0] != "path":
            for child in n[1:]:
                if isinstance(child, tuple):
                    walk(child)

    walk(node)
    return out


# Functions a scenario may call, with their arity and what each argument must name.
# The kinds ('person', 'plenum', ...) are checked against the scenario's ids at load time;
# what each returns is in context.FUNCTION_RESULTS.
FUNCTIONS: dict[str, tuple[str, ...]] = {
    "holds": ("person", "office"),  # does a person hold an office
    "passed": ("plenum", "motion"),  # did a motion pass at a plenum
    "held": ("plenum",),  # has a plenum been held
    "status_count": ("status", "faction?"),  # how many people have a status (optionally in a faction)
    "min": ("number", "number"),
    "max": ("number", "number"),
    "abs": ("number",),
    "fired": ("event",),  # has an event fired
    "chose": ("event", "option"),  # was this option taken
}
