"""Safe YAML loading that remembers where every value came from.

PyYAML is used only to *compose* a node tree (with the C parser when present); building
Python values from nodes happens here, so we can (1) keep a line/column for every key and
value, (2) reject duplicate keys, which PyYAML silently accepts, and (3) keep dates as the
strings the author wrote. Nothing here constructs arbitrary Python objects.

Loading is bounded, so a hostile file fails in well under a second instead of eating the
machine: the number of values is counted *while composing* (the resolver is called once per
node, so that is where the count lives), aliases may add only a few thousand values in all
(a "billion laughs" file stops at once), and numbers are limited in length and size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.scenario.diagnostics import Diagnostic, Mark
from game.scenario.yamlerrors import explain

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_constructor = yaml.constructor.SafeConstructor()

# The limits, each named once. A shipped scenario uses a few percent of each: the largest
# file, people.yaml, holds under 10,000 values; a codex of 27,000 entries about 220,000.
MAX_FILE_BYTES = 8_000_000
MAX_NODES_PER_FILE = 400_000
MAX_NODES_PER_LAYER = 1_500_000  # a scenario folder or a mod, all its files together
MAX_ALIAS_NODES = 10_000  # values that aliases ('*name') may add to a file, in all
MAX_DEPTH = 60
MAX_NUMBER_CHARS = 20
MAX_NUMBER = 1_000_000_000


class LimitError(Exception):
    """A file went over one of the limits above; carries the diagnostic to report."""

    def __init__(self, diagnostic: Diagnostic):
        self.diagnostic = diagnostic
        super().__init__(diagnostic.message)


class _Counter:
    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.composed = 0
        self.built = 0


class _CountingLoader(_Base):  # type: ignore[misc]
    """The C safe loader, counting nodes as they are composed, with a memo for plain scalars.

    The memo is also what makes composing fast: resolving a plain scalar's tag runs a list of
    regular expressions in Python, and real files repeat the same few hundred values.
    """

    counter: _Counter
    _memo: dict[str, str] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        c = self.counter
        c.composed += 1
        if c.composed > c.budget:
            raise _TooMany()
        if kind is yaml.ScalarNode:
            if not implicit[0]:  # quoted or block text: always a string
                return _STR
            tag = self._memo.get(value)
            if tag is None:
                if value and value[0] not in self.yaml_implicit_resolvers:
                    return _STR  # no implicit type starts with this character
                tag = super().resolve(kind, value, implicit)
                if len(value) <= 40 and len(self._memo) < 50_000:
                    self._memo[value] = tag
            return tag
        return _SEQ if kind is yaml.SequenceNode else _MAP


class _TooMany(Exception):
    pass


_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


@dataclass
class Marks:
    """Side table from container identity to the marks of its children.

    For a dict: {key: (key_mark, value_mark)}; for a list: [item_mark, ...]. Containers
    must stay alive while the table is used, which they do as part of the loaded data.
    """

    table: dict[int, Any] = field(default_factory=dict)
    own: dict[int, Mark] = field(default_factory=dict)

    def of(self, container: Any) -> Mark | None:
        return self.own.get(id(container))

    def child(self, container: Any, key: Any, *, key_mark: bool = False) -> Mark | None:
        entry = self.table.get(id(container))
        if entry is None:
            return None
        if isinstance(container, dict):
            pair = entry.get(key)
            if pair is None:
                return None
            found: Mark | None = pair[0] if key_mark else pair[1]
            return found
        if isinstance(container, list) and isinstance(key, int) and 0 <= key < len(entry):
            item: Mark | None = entry[key]
            return item
        return None

    def update(self, other: Marks) -> None:
        self.table.update(other.table)
        self.own.update(other.own)


def _mark(node: yaml.Node, file: str) -> Mark:
    return Mark(file, node.start_mark.line + 1, node.start_mark.column + 1)


def _build(node: yaml.Node, file: str, marks: Marks, diags: list[Diagnostic], counter: _Counter, depth: int = 0) -> Any:
    counter.built += 1
    if counter.built > counter.composed + MAX_ALIAS_NODES:
        m = _mark(node, file)
        raise LimitError(
            Diagnostic(
                file,
                m.line,
                m.col,
                "error",
                "limit",
                f"aliases ('*name') here expand to more than {MAX_ALIAS_NODES:,} values",
                "write the values out, or share them with a base scenario; nested aliases multiply",
            )
        )
    if depth > MAX_DEPTH:
        m = _mark(node, file)
        diags.append(
            Diagnostic(
                file,
                m.line,
                m.col,
                "error",
                "yaml",
                f"nesting is too deep (more than {MAX_DEPTH} levels)",
                "no part of the format nests this deep; check for a runaway bracket",
            )
        )
        return None
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        entry: dict[Any, tuple[Mark, Mark]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                m = _mark(key_node, file)
                diags.append(Diagnostic(file, m.line, m.col, "error", "yaml", "a key must be plain text"))
                continue
            counter.built += 1  # keys count too, so only aliases can make built outrun composed
            key = _scalar(key_node, file, diags)
            if key_node.tag == "tag:yaml.org,2002:merge":
                m = _mark(key_node, file)
                diags.append(
                    Diagnostic(
                        file,
                        m.line,
                        m.col,
                        "error",
                        "yaml",
                        "merge keys ('<<') are not supported",
                        "repeat the fields, or use a base scenario or a mod to share them",
                    )
                )
                continue
            if not isinstance(key, (str, int, bool)) or isinstance(key, bool):
                key = str(key)
            if key in out:
                first = entry[key][0]
                m = _mark(key_node, file)
                diags.append(
                    Diagnostic(
                        file,
                        m.line,
                        m.col,
                        "error",
                        "duplicate-key",
                        f"key '{key}' appears twice in the same mapping (first at line {first.line})",
                        "YAML would silently keep only the last one; remove one of them",
                    )
                )
                continue
            out[key] = _build(value_node, file, marks, diags, counter, depth + 1)
            entry[key] = (_mark(key_node, file), _mark(value_node, file))
        marks.table[id(out)] = entry
        marks.own[id(out)] = _mark(node, file)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = [_build(n, file, marks, diags, counter, depth + 1) for n in node.value]
        marks.table[id(items)] = [_mark(n, file) for n in node.value]
        marks.own[id(items)] = _mark(node, file)
        return items
    assert isinstance(node, yaml.ScalarNode)
    return _scalar(node, file, diags)


_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_PLAIN = {f"tag:yaml.org,2002:{t}" for t in ("null", "bool")}


def _scalar(node: yaml.ScalarNode, file: str, diags: list[Diagnostic]) -> Any:
    tag = node.tag
    if tag == "tag:yaml.org,2002:timestamp":
        return node.value  # keep "1956-08-30" as written; the format validates dates itself
    if tag == _STR:
        return node.value
    if tag in (_INT, _FLOAT):
        return _number(node, file, diags)
    if tag in _PLAIN:
        return _constructor.construct_object(node)
    return node.value


def _number(node: yaml.ScalarNode, file: str, diags: list[Diagnostic]) -> Any:
    """A number, refused before conversion when it is too long and after when it is too big."""
    text = str(node.value)
    m = _mark(node, file)
    if len(text) > MAX_NUMBER_CHARS:
        diags.append(
            Diagnostic(
                file,
                m.line,
                m.col,
                "error",
                "number",
                f"a number of {len(text):,} characters is too long (at most {MAX_NUMBER_CHARS})",
                "no value in the format needs more than a few digits; put quotes around it if it is text",
            )
        )
        return 0
    try:
        value = _constructor.construct_object(node)
    except ValueError:
        value = None
    if not isinstance(value, (int, float)) or value != value or abs(value) > MAX_NUMBER:
        diags.append(
            Diagnostic(
                file,
                m.line,
                m.col,
                "error",
                "number",
                f"the number {text} is out of range (at most {MAX_NUMBER:,} either way)",
                "use a smaller number; infinity and 'not a number' are not allowed",
            )
        )
        return 0
    return value


@dataclass
class Loaded:
    data: Any
    marks: Marks
    diagnostics: list[Diagnostic]
    root_mark: Mark
    nodes: int = 0  # values composed, counted against the layer's allowance


def _compose(text: str, counter: _Counter) -> yaml.Node | None:
    loader = _CountingLoader(text)
    loader.counter = counter
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


def _too_many(file: str, counter: _Counter, rough: int) -> Diagnostic:
    whole = counter.budget == MAX_NODES_PER_FILE
    about = f" (about {rough:,})" if rough else ""
    return Diagnostic(
        file,
        1,
        1,
        "error",
        "limit",
        f"the file holds more than {counter.budget:,} values{about}"
        + ("" if whole else f", the rest of the {MAX_NODES_PER_LAYER:,} allowed in one folder"),
        "split the content over several mods, or trim it; no shipped file comes near this",
    )


def load_text(text: str, file: str, *, budget: int = MAX_NODES_PER_FILE) -> Loaded:
    """Compose and build one file. `budget` is how many values it may hold (the layer's
    remaining allowance when that is smaller than the per-file limit)."""
    marks = Marks()
    diags: list[Diagnostic] = []
    counter = _Counter(min(budget, MAX_NODES_PER_FILE))
    # Values are introduced by these (a comma, a new line, '- ', ': ', an opening bracket), so
    # their count, read at C speed, estimates the values: in the shipped files it is 1.0 to 1.8
    # times the true number (more in prose). Over twice the limit, the file is refused before
    # composing; nearer, the exact count made while composing decides.
    rough = sum(text.count(c) for c in (",", "\n", "- ", ": ", "[", "{"))
    if rough > 2 * counter.budget:
        counter.composed = rough
        diags.append(_too_many(file, counter, rough))
        return Loaded(None, marks, diags, Mark(file, 1, 1), counter.budget + 1)
    try:
        node = _compose(text, counter)
    except _TooMany:
        diags.append(_too_many(file, counter, 0))
        return Loaded(None, marks, diags, Mark(file, 1, 1), counter.composed)
    except yaml.MarkedYAMLError as exc:
        diags.append(explain(exc, text, file))
        return Loaded(None, marks, diags, Mark(file, 1, 1))
    except yaml.YAMLError as exc:
        diags.append(Diagnostic(file, 1, 1, "error", "yaml-syntax", f"YAML error: {exc}"))
        return Loaded(None, marks, diags, Mark(file, 1, 1))
    if node is None:
        return Loaded(None, marks, diags, Mark(file, 1, 1))
    try:
        data = _build(node, file, marks, diags, counter)
    except LimitError as exc:
        return Loaded(None, Marks(), diags + [exc.diagnostic], Mark(file, 1, 1), counter.composed)
    return Loaded(data, marks, diags, _mark(node, file), counter.composed)


def load_file(path: Path, display: str | None = None, *, budget: int = MAX_NODES_PER_FILE) -> Loaded:
    name = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Loaded(
            None,
            Marks(),
            [Diagnostic(name, 1, 1, "error", "io", f"cannot read the file: {exc.strerror or exc}")],
            Mark(name, 1, 1),
        )
    if len(raw) > MAX_FILE_BYTES:
        return Loaded(
            None,
            Marks(),
            [
                Diagnostic(
                    name,
                    1,
                    1,
                    "error",
                    "limit",
                    f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB",
                    "split it over several files",
                )
            ],
            Mark(name, 1, 1),
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        # Windows editors often save as UTF-16 ("Unicode"); say so rather than a bare "not UTF-8".
        utf16 = raw[:2] in (b"\xff\xfe", b"\xfe\xff") or raw[1:200:2].count(0) > 50
        what = "UTF-16 text" if utf16 else "not UTF-8 text"
        return Loaded(
            None,
            Marks(),
            [
                Diagnostic(
                    name,
                    1 if utf16 else line,
                    1,
                    "error",
                    "encoding",
                    f"the file is {what}" if utf16 else f"the file is {what} (a byte on line {line} is not UTF-8)",
                    "save it as UTF-8 in your editor (in Notepad: Save as, Encoding: UTF-8)",
                )
            ],
            Mark(name, line, 1),
        )
    return load_text(text, name, budget=budget)


def locate(data: Any, loc: tuple[Any, ...], marks: Marks, fallback: Mark, *, key: bool = False) -> tuple[Mark, Any]:
    """Walk `loc` (a path of keys and indexes) through the raw data; return the deepest mark found
    and the value there. Diagnostics use it to point at what the modder wrote."""
    mark = marks.of(data) or fallback
    node = data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, dict) and part in node:
            mark = marks.child(node, part, key_mark=key and last) or mark
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            mark = marks.child(node, part) or mark
            node = node[part]
        else:
            break
    return mark, node
