"""Safe YAML loading that remembers where every value came from.

PyYAML is used only to *compose* a node tree (with the C parser when present); building
Python values from nodes happens here, so we can (1) keep a line/column for every key and
value, (2) reject duplicate keys, which PyYAML silently accepts, and (3) keep dates as the
strings the author wrote. Nothing here constructs arbitrary Python objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.scenario.diagnostics import Diagnostic, Mark

try:
    _Loader = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_constructor = yaml.constructor.SafeConstructor()


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
            return pair[0] if key_mark else pair[1]
        if isinstance(container, list) and isinstance(key, int) and 0 <= key < len(entry):
            return entry[key]
        return None

    def update(self, other: Marks) -> None:
        self.table.update(other.table)
        self.own.update(other.own)


def _mark(node: yaml.Node, file: str) -> Mark:
    return Mark(file, node.start_mark.line + 1, node.start_mark.column + 1)


def _build(node: yaml.Node, file: str, marks: Marks, diags: list[Diagnostic], depth: int = 0) -> Any:
    if depth > 60:
        m = _mark(node, file)
        diags.append(Diagnostic(file, m.line, m.col, "error", "yaml", "nesting is too deep"))
        return None
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        entry: dict[Any, tuple[Mark, Mark]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                m = _mark(key_node, file)
                diags.append(Diagnostic(file, m.line, m.col, "error", "yaml", "a key must be plain text"))
                continue
            key = _scalar(key_node)
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
            out[key] = _build(value_node, file, marks, diags, depth + 1)
            entry[key] = (_mark(key_node, file), _mark(value_node, file))
        marks.table[id(out)] = entry
        marks.own[id(out)] = _mark(node, file)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = [_build(n, file, marks, diags, depth + 1) for n in node.value]
        marks.table[id(items)] = [_mark(n, file) for n in node.value]
        marks.own[id(items)] = _mark(node, file)
        return items
    return _scalar(node)


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value  # keep "1956-08-30" as written; the format validates dates itself
    if node.tag.startswith("tag:yaml.org,2002:") and node.tag.rsplit(":", 1)[1] in (
        "null",
        "bool",
        "int",
        "float",
        "str",
    ):
        return _constructor.construct_object(node)
    return node.value


@dataclass
class Loaded:
    data: Any
    marks: Marks
    diagnostics: list[Diagnostic]
    root_mark: Mark


def load_text(text: str, file: str) -> Loaded:
    marks = Marks()
    diags: list[Diagnostic] = []
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "could not be read"
        ctx = f" ({exc.context})" if exc.context else ""
        diags.append(
            Diagnostic(
                file,
                line,
                col,
                "error",
                "yaml-syntax",
                f"YAML syntax error: {problem}{ctx}",
                "check the indentation and quoting on this line and the one before",
            )
        )
        return Loaded(None, marks, diags, Mark(file, 1, 1))
    except yaml.YAMLError as exc:
        diags.append(Diagnostic(file, 1, 1, "error", "yaml-syntax", f"YAML error: {exc}"))
        return Loaded(None, marks, diags, Mark(file, 1, 1))
    if node is None:
        return Loaded(None, marks, diags, Mark(file, 1, 1))
    data = _build(node, file, marks, diags)
    return Loaded(data, marks, diags, _mark(node, file))


def load_file(path: Path, display: str | None = None) -> Loaded:
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
    if len(raw) > 8_000_000:
        return Loaded(
            None, Marks(), [Diagnostic(name, 1, 1, "error", "io", "file is larger than 8 MB")], Mark(name, 1, 1)
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Loaded(
            None,
            Marks(),
            [
                Diagnostic(
                    name, line, 1, "error", "encoding", "the file is not UTF-8 text", "save it as UTF-8 in your editor"
                )
            ],
            Mark(name, line, 1),
        )
    return load_text(text, name)
