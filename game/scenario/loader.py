"""Load a scenario folder (plus its base scenario and any mods) into a validated Scenario.

Layers are merged in order: base scenario, the scenario itself, then each mod. Within a
layer an id may be defined once; a later layer that defines the same id patches that entry
(only the keys it writes change), and a mod's ``remove:`` list deletes entries — removing
something that does not exist is an error, so a typo never goes unnoticed.

Every problem is collected with its file, line and column; nothing here raises on bad
content, it returns diagnostics instead.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from game.engine.content import LIST_SECTIONS, SECTION_FILES, Scenario
from game.scenario.diagnostics import Diagnostic, Mark, sort_unique, suggest
from game.scenario.installed import SCENARIO_ROOT, mod_target, read_mod_meta, scenario_by_id
from game.scenario.references import check_references
from game.scenario.yamlsrc import MAX_NODES_PER_LAYER, Marks, load_file, locate


@dataclass
class Raw:
    """The merged, not yet validated, scenario data and where each piece came from."""

    meta: dict[str, Any] = field(default_factory=dict)
    sections: dict[str, list[Any]] = field(default_factory=lambda: {k: [] for k in LIST_SECTIONS})
    marks: Marks = field(default_factory=Marks)
    section_marks: dict[str, Mark] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)  # the scenario and its bases, which mods may target
    names: set[str] = field(default_factory=set)  # their folder names and ids
    removed: dict[str, Mark] = field(default_factory=dict)  # id -> where a remove: list named it
    # id -> position in sections[key], so patching by id is a lookup, not a scan (a codex
    # of 27,000 entries merged in quadratic time took a minute).
    _index: dict[str, dict[str, int]] = field(default_factory=dict)

    def index(self, key: str) -> dict[str, int]:
        if key not in self._index:
            self.reindex(key)
        return self._index[key]

    def reindex(self, key: str) -> None:
        self._index[key] = {
            e["id"]: i for i, e in enumerate(self.sections[key]) if isinstance(e, dict) and isinstance(e.get("id"), str)
        }


@dataclass
class LoadResult:
    scenario: Scenario | None
    diagnostics: list[Diagnostic]
    folder: Path | None = None
    mods: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def ok(self) -> bool:
        return self.scenario is not None and not self.errors


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def find_scenario(name: str, roots: list[Path] | None = None) -> Path | None:
    """A folder path, or a scenario's folder name ('august-1956') or id ('august_1956') among the
    shipped scenarios and the data folder's scenarios/ (command lines; saves use ids only)."""
    p = Path(name)
    if p.is_dir():
        return p
    for root in roots or []:
        cand = root / name
        if cand.is_dir():
            return cand
    return scenario_by_id(name)


def list_scenarios(root: Path = SCENARIO_ROOT) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "scenario.yaml").is_file())


def _yaml_files(folder: Path, diags: list[Diagnostic]) -> list[Path]:
    """The folder's own .yaml files. A link, or anything resolving outside the folder, is
    reported and skipped: a mod reads only what is in its folder."""
    base = folder.resolve()
    files = []
    for p in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
        if p.is_symlink() or p.resolve().parent != base:
            diags.append(
                Diagnostic(
                    _display(p),
                    1,
                    1,
                    "error",
                    "symlink",
                    "this file is a link (or leads outside the folder); it was not read",
                    "copy the file into the folder instead of linking it",
                )
            )
            continue
        if p.is_file():
            files.append(p)
    # Only the folder's own files are read; content put in a subfolder would be lost without a word.
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.is_symlink()):
        inside = sorted(sub.glob("*.yaml")) + sorted(sub.glob("*.yml"))
        if inside:
            diags.append(
                Diagnostic(
                    _display(inside[0]),
                    1,
                    1,
                    "warning",
                    "subfolder",
                    f"files in the subfolder '{sub.name}/' are not read ({len(inside)} YAML file(s) there)",
                    f"move them up into {folder.name}/ (file names may be anything ending in .yaml)",
                )
            )
    first = [p for p in files if p.name in ("scenario.yaml", "mod.yaml")]
    return first + [p for p in files if p not in first]


# Lists inside entries that hold things with ids patch item by item (adding one option to an
# event keeps the others); the key each is matched on. Any other list is replaced whole.
KEYED_LISTS = {"options": "id", "starts": "id", "motions": "id", "tactics": "id", "speakers": "person"}


def _item_key(item: Any, key: str) -> str | None:
    v = item.get(key) if isinstance(item, dict) else None
    return v if isinstance(v, str) else None


def _patch(old: Any, new: Any, marks: Marks, diags: list[Diagnostic], at: Mark, name: str = "") -> Any:
    """`new` written over `old`: mappings key by key, lists of things with ids item by item,
    anything else replaced. Marks follow, so errors point at whichever layer wrote the value."""
    if isinstance(old, dict) and isinstance(new, dict):
        out = dict(old)
        table = dict(marks.table.get(id(old), {}))
        new_table = marks.table.get(id(new), {})
        for k, v in new.items():
            here = new_table[k][1] if k in new_table else at
            out[k] = _patch(old[k], v, marks, diags, here, str(k)) if k in old else v
            if k in new_table:
                table[k] = new_table[k]
        marks.table[id(out)] = table
        marks.own[id(out)] = marks.own.get(id(new)) or marks.own.get(id(old)) or at
        return out
    key = KEYED_LISTS.get(name)
    if key and isinstance(old, list) and isinstance(new, list):
        return _patch_list(old, new, key, marks, diags, at, name)
    return new


def _patch_list(
    old: list[Any], new: list[Any], key: str, marks: Marks, diags: list[Diagnostic], at: Mark, name: str
) -> list[Any]:
    out = list(old)
    omarks = list(marks.table.get(id(old), [at] * len(old)))
    nmarks = marks.table.get(id(new), [])
    where: dict[str, list[int]] = {}
    for i, item in enumerate(out):
        k = _item_key(item, key)
        if k is not None:
            where.setdefault(k, []).append(i)
    doomed: set[int] = set()
    for j, item in enumerate(new):
        m = nmarks[j] if j < len(nmarks) else at
        k = _item_key(item, key)
        if k is None:
            diags.append(
                Diagnostic(
                    m.file,
                    m.line,
                    m.col,
                    "error",
                    "patch",
                    f"each item of '{name}' in a patch needs its '{key}', to say which one it changes or adds",
                    f"'{name}' items are matched by '{key}'; write it, or remove and redefine the whole entry",
                )
            )
            continue
        hits = where.get(k, [])
        if isinstance(item, dict) and item.get("remove") is True:
            if not hits or any(h in doomed for h in hits):
                diags.append(
                    Diagnostic(
                        m.file, m.line, m.col, "error", "remove-missing", f"cannot remove {name} '{k}': there is none"
                    )
                )
            doomed.update(hits)
            continue
        if len(hits) > 1:
            diags.append(
                Diagnostic(
                    m.file,
                    m.line,
                    m.col,
                    "error",
                    "patch",
                    f"'{k}' appears {len(hits)} times in '{name}', so a patch cannot tell which one it changes",
                    "remove the whole entry and define it again as it should be",
                )
            )
            continue
        if hits:
            i = hits[0]
            out[i] = _patch(out[i], item, marks, diags, m)
            omarks[i] = m
        else:
            where[k] = [len(out)]
            out.append(item)
            omarks.append(m)
    if doomed:
        out = [e for i, e in enumerate(out) if i not in doomed]
        omarks = [mk for i, mk in enumerate(omarks) if i not in doomed]
    marks.table[id(out)] = omarks
    marks.own[id(out)] = at
    return out


def _merge_layer(
    raw: Raw, folder: Path, diags: list[Diagnostic], *, is_mod: bool, seen_bases: tuple[Path, ...] = ()
) -> None:
    """Read one folder's files and merge them over what `raw` already holds.

    In order: the base scenario (if any), then this folder's ``remove:`` lists (they act on the
    layers below, so removing an id and defining it again in the same folder replaces the
    entry whole), then every entry: a new id is added, an existing one is patched.
    """
    layer_ids: dict[tuple[str, str], Mark] = {}
    if not is_mod:
        raw.folders.append(folder.resolve())
        raw.names.add(folder.name)
    files = _yaml_files(folder, diags)
    if not files:
        diags.append(
            Diagnostic(
                _display(folder),
                1,
                1,
                "error",
                "empty",
                "no .yaml files in this folder",
                "a mod needs at least mod.yaml" if is_mod else "a scenario needs at least scenario.yaml",
            )
        )
        return
    head_name = "mod.yaml" if is_mod else "scenario.yaml"
    if not (folder / head_name).is_file():
        diags.append(
            Diagnostic(
                _display(folder / head_name),
                1,
                1,
                "error",
                "missing-file",
                f"{head_name} is missing",
                "it holds the title, calendar and start points"
                if not is_mod
                else "it names the mod and the scenario it changes",
            )
        )
    # ---------------------------------------------------------------- read every file
    used = 0  # values composed in this layer, against MAX_NODES_PER_LAYER
    docs: list[tuple[str, str, dict[str, Any], Marks, Mark]] = []
    for path in files:
        shown = _display(path)
        raw.files.append(shown)
        if used >= MAX_NODES_PER_LAYER:
            diags.append(
                Diagnostic(
                    shown,
                    1,
                    1,
                    "error",
                    "limit",
                    f"this folder already holds {MAX_NODES_PER_LAYER:,} values; the file was not read",
                    "split the content into several mods",
                )
            )
            continue
        loaded = load_file(path, shown, budget=MAX_NODES_PER_LAYER - used)
        used += loaded.nodes
        diags.extend(loaded.diagnostics)
        raw.marks.update(loaded.marks)
        data = loaded.data
        if data is None:
            if not loaded.diagnostics:
                diags.append(Diagnostic(shown, 1, 1, "warning", "empty", "the file is empty"))
            continue
        if not isinstance(data, dict):
            m = loaded.root_mark
            diags.append(
                Diagnostic(
                    shown, m.line, m.col, "error", "type", "the file must be a mapping of sections (e.g. 'people:')"
                )
            )
            continue
        docs.append((shown, path.name, data, loaded.marks, loaded.root_mark))

    allowed = set(SECTION_FILES) | ({"mod", "remove"} if is_mod else {"remove"})
    removals: list[tuple[str, Any, dict[str, Any], str, Marks]] = []
    for shown, fname, data, lmarks, root in docs:
        for key, value in data.items():
            kmark = lmarks.child(data, key, key_mark=True) or root
            vmark = lmarks.child(data, key) or kmark
            if key not in allowed:
                diags.append(
                    Diagnostic(
                        shown,
                        kmark.line,
                        kmark.col,
                        "error",
                        "unknown-section",
                        f"unknown section '{key}'",
                        suggest(key, allowed) or f"sections are: {', '.join(sorted(allowed))}",
                    )
                )
            elif key == "mod" and fname != "mod.yaml":
                diags.append(
                    Diagnostic(
                        shown,
                        kmark.line,
                        kmark.col,
                        "error",
                        "mod",
                        "the 'mod:' block belongs in mod.yaml",
                        "move it there; other files hold only sections",
                    )
                )
            elif key == "remove":
                if not isinstance(value, dict):
                    diags.append(
                        Diagnostic(
                            shown,
                            vmark.line,
                            vmark.col,
                            "error",
                            "type",
                            "'remove' must map a section to a list of ids",
                            "remove: {events: [some_event_id]}",
                        )
                    )
                    continue
                for sec, ids in value.items():
                    removals.append((sec, ids, value, shown, lmarks))
            elif key == "scenario" and not is_mod and isinstance(value, dict):
                base = value.get("base")
                if base and not raw.meta:
                    _merge_base(raw, folder, str(base), lmarks.child(value, "base") or vmark, diags, seen_bases)

    # ---------------------------------------------------------------- removals, on the layers below
    for sec, ids, container, shown, lmarks in removals:
        _remove(raw, sec, ids, container, shown, lmarks, diags)

    # ---------------------------------------------------------------- definitions and patches
    for shown, _fname, data, lmarks, root in docs:
        for key, value in data.items():
            if key not in SECTION_FILES:
                continue
            kmark = lmarks.child(data, key, key_mark=True) or root
            vmark = lmarks.child(data, key) or kmark
            if key == "scenario":
                if not isinstance(value, dict):
                    diags.append(
                        Diagnostic(shown, vmark.line, vmark.col, "error", "type", "'scenario' must be a mapping")
                    )
                    continue
                if is_mod and "base" in value:
                    bmark = lmarks.child(value, "base", key_mark=True) or vmark
                    diags.append(
                        Diagnostic(
                            shown,
                            bmark.line,
                            bmark.col,
                            "error",
                            "mod",
                            "a mod cannot set 'base:'; it was ignored",
                            "a mod changes the scenario named in mod.yaml; to build a new scenario on this one, "
                            "make a scenario folder with 'base:' (see MODDING.md, 'Your own scenario')",
                        )
                    )
                    value = {k: v for k, v in value.items() if k != "base"}
                if is_mod and raw.meta:
                    # A mod patches the settings like any entry: calendar: {end: ...} keeps the start.
                    patched = _patch(raw.meta, value, raw.marks, diags, vmark)
                    raw.meta.clear()
                    raw.meta.update(patched)
                    raw.marks.table[id(raw.meta)] = dict(raw.marks.table.get(id(patched), {}))
                else:
                    if isinstance(value.get("id"), str):
                        raw.names.add(value["id"])
                    # A scenario built on a base sets each key it writes whole (its own calendar,
                    # its own start points) and inherits the rest.
                    table = raw.marks.table.setdefault(id(raw.meta), {})
                    for k, v in value.items():
                        raw.meta[k] = v
                        table[k] = lmarks.table[id(value)][k]
                raw.marks.own[id(raw.meta)] = vmark
                continue
            if not isinstance(value, list):
                diags.append(
                    Diagnostic(
                        shown,
                        vmark.line,
                        vmark.col,
                        "error",
                        "type",
                        f"'{key}' must be a list (each item starting with '- ')",
                    )
                )
                continue
            raw.section_marks.setdefault(key, vmark)
            target = raw.sections[key]
            tmarks = raw.marks.table.setdefault(id(target), [])
            index = raw.index(key)
            for i, item in enumerate(value):
                imark = lmarks.child(value, i) or vmark
                item_id = item.get("id") if isinstance(item, dict) else None
                if key == "history" or not isinstance(item_id, str):
                    target.append(item)
                    tmarks.append(imark)
                    continue
                prev = layer_ids.get((key, item_id))
                if prev is not None:
                    diags.append(
                        Diagnostic(
                            shown,
                            imark.line,
                            imark.col,
                            "error",
                            "duplicate-id",
                            f"{key[:-1] if key.endswith('s') else key} id '{item_id}' is defined twice "
                            f"(first at {prev.file}:{prev.line})",
                            "ids must be unique; rename one of them",
                        )
                    )
                    continue
                layer_ids[(key, item_id)] = imark
                existing = index.get(item_id)
                if existing is None:
                    index[item_id] = len(target)
                    target.append(item)
                    tmarks.append(imark)
                else:
                    # Patch: keys written in this layer win; the rest come from below.
                    target[existing] = _patch(target[existing], item, raw.marks, diags, imark)
                    raw.marks.own[id(target[existing])] = imark
                    tmarks[existing] = imark


def _remove(
    raw: Raw, sec: str, ids: Any, container: dict[str, Any], shown: str, lmarks: Marks, diags: list[Diagnostic]
) -> None:
    smark = lmarks.child(container, sec) or Mark(shown, 1, 1)
    if sec not in LIST_SECTIONS:
        diags.append(
            Diagnostic(
                shown,
                smark.line,
                smark.col,
                "error",
                "unknown-section",
                f"cannot remove from unknown section '{sec}'",
                suggest(sec, LIST_SECTIONS),
            )
        )
        return
    if not isinstance(ids, list):
        diags.append(
            Diagnostic(shown, smark.line, smark.col, "error", "type", f"'remove: {sec}:' must be a list of ids")
        )
        return
    target = raw.sections[sec]
    tmarks = raw.marks.table.setdefault(id(target), [])
    index = raw.index(sec)
    doomed: set[int] = set()
    for j, rid in enumerate(ids):
        m = lmarks.child(ids, j) or smark
        idx = index.get(rid) if isinstance(rid, str) else None
        if idx is None or idx in doomed:
            diags.append(
                Diagnostic(
                    shown,
                    m.line,
                    m.col,
                    "error",
                    "remove-missing",
                    f"cannot remove {sec} '{rid}': no such id"
                    + (" (it is already removed above)" if idx is not None else " in the scenario or earlier mods"),
                    suggest(str(rid), list(index)),
                )
            )
            continue
        doomed.add(idx)
        raw.removed[rid] = m
    if doomed:
        # One pass, not one scan per id: a mod removing thousands of entries stays linear.
        target[:] = [e for k, e in enumerate(target) if k not in doomed]
        tmarks[:] = [mk for k, mk in enumerate(tmarks) if k not in doomed]
        raw.reindex(sec)


def _merge_base(raw: Raw, folder: Path, base: str, mark: Mark, diags: list[Diagnostic], seen: tuple[Path, ...]) -> None:
    # A base is named by scenario id only, never by path: content cannot reach outside the
    # scenarios it is installed beside.
    if "/" in base or "\\" in base or base.startswith("."):
        diags.append(
            Diagnostic(
                mark.file,
                mark.line,
                mark.col,
                "error",
                "base",
                f"base '{base}' must be a scenario id such as 'august-1956', not a path",
            )
        )
        return
    base_dir = folder.parent / base
    if not (base_dir / "scenario.yaml").is_file():
        # A scenario in the data folder may build on a shipped one, found by id like any other.
        base_dir = scenario_by_id(base) or base_dir
    if not (base_dir / "scenario.yaml").is_file():
        known = [p.name for p in list_scenarios(folder.parent)]
        diags.append(
            Diagnostic(
                mark.file,
                mark.line,
                mark.col,
                "error",
                "base",
                f"base scenario '{base}' not found next to this one",
                suggest(base, known) or f"available: {', '.join(known)}",
            )
        )
        return
    resolved = base_dir.resolve()
    if resolved in seen or resolved == folder.resolve():
        diags.append(
            Diagnostic(mark.file, mark.line, mark.col, "error", "base", f"base scenario '{base}' leads back to itself")
        )
        return
    _merge_layer(raw, base_dir, diags, is_mod=False, seen_bases=seen + (folder.resolve(),))
    # The base's own meta must not leak in as ours except through the fields we inherit.
    base_meta = dict(raw.meta)
    raw.meta.clear()
    raw.meta.update({k: v for k, v in base_meta.items() if k not in ("id", "base")})


# --------------------------------------------------------------------------- pydantic errors


def _unwrap(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else tp
    return tp


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel] | None:
    tp: Any = Scenario
    for part in loc:
        tp = _unwrap(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if not isinstance(part, str) or part not in tp.model_fields:
                return None
            tp = tp.model_fields[part].annotation
        elif typing.get_origin(tp) in (list, tuple):
            tp = typing.get_args(tp)[0]
        elif typing.get_origin(tp) is dict:
            tp = typing.get_args(tp)[1]
        else:
            return None
    tp = _unwrap(tp)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _literal_choices(loc: tuple[Any, ...]) -> list[str]:
    parent = _model_at(loc[:-1])
    if parent is None or not isinstance(loc[-1], str):
        return []
    ann = _unwrap(parent.model_fields[loc[-1]].annotation)
    if typing.get_origin(ann) is typing.Literal:
        return [str(a) for a in typing.get_args(ann)]
    return []


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return type(value).__name__


def _translate(err: Mapping[str, Any], data: Any, marks: Marks, fallback: Mark) -> Diagnostic:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    etype = err["type"]
    field_name = str(loc[-1]) if loc else "value"
    what = f"'{field_name}'"
    if loc and isinstance(loc[-1], int):
        # A list item: its position counts the merged list (the base's entries too), so name
        # the list instead ("each entry of 'people'", not "'45'").
        what = f"each entry of '{loc[-2]}'" if len(loc) > 1 else "each entry"
    value = err.get("input")
    ctx = err.get("ctx") or {}
    hint = ""
    code = "invalid"
    if etype == "extra_forbidden":
        mark, _ = locate(data, loc, marks, fallback, key=True)
        parent = _model_at(loc[:-1])
        known = list(parent.model_fields) if parent else []
        msg = f"unknown key '{field_name}'"
        hint = suggest(field_name, known) or (f"allowed keys: {', '.join(known)}" if known else "")
        code = "unknown-key"
    elif etype == "missing":
        mark, _ = locate(data, loc[:-1], marks, fallback)
        msg = f"missing required key '{field_name}'"
        code = "missing-key"
    else:
        mark, _ = locate(data, loc, marks, fallback)
        if etype == "literal_error":
            choices = _literal_choices(loc)
            msg = f"'{value}' is not allowed for '{field_name}'"
            hint = suggest(str(value), choices) or (f"use one of: {', '.join(choices)}" if choices else "")
            code = "bad-value"
        elif etype in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            bound = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
            word = {
                "greater_than_equal": "at least",
                "less_than_equal": "at most",
                "greater_than": "more than",
                "less_than": "less than",
            }[etype]
            msg = f"{what} is {value}, out of range: it must be {word} {bound}"
            code = "out-of-range"
        elif etype in ("int_parsing", "int_type", "int_from_float"):
            msg = f"{what} must be a whole number, not {_describe(value)}"
            code = "type"
        elif etype in ("string_type",):
            msg = f"{what} must be text, not {_describe(value)}"
            hint = "put quotes around it" if isinstance(value, (int, float, bool)) else ""
            code = "type"
        elif etype in ("bool_parsing", "bool_type"):
            msg = f"{what} must be true or false, not {_describe(value)}"
            code = "type"
        elif etype in ("list_type", "tuple_type"):
            msg = f"{what} must be a list, not {_describe(value)}"
            hint = "start each item on its own line with '- '"
            code = "type"
        elif etype in ("dict_type", "model_type", "model_attributes_type"):
            msg = f"{what} must be a mapping of keys, not {_describe(value)}"
            code = "type"
        elif etype == "string_pattern_mismatch":
            pattern = ctx.get("pattern", "")
            if "a-z" in pattern and "_" in pattern:
                msg = f"'{value}' is not a valid id for '{field_name}'"
                hint = "ids use lower-case letters, digits and underscores, e.g. choe_chang_ik"
            elif "\\d{4}" in pattern:
                msg = f"'{value}' is not a date for '{field_name}'"
                hint = "write dates as YYYY-MM-DD"
            elif "#" in pattern:
                msg = f"'{value}' is not a colour for '{field_name}'"
                hint = "write colours as #rrggbb, e.g. #b22222"
            else:
                msg = f"'{value}' has the wrong form for '{field_name}'"
            code = "bad-value"
        elif etype in ("too_short", "string_too_short"):
            msg = f"{what} is empty" if not value else f"{what} is too short"
            hint = "it needs at least one item" if isinstance(value, list) else ""
            code = "empty"
        elif etype in ("too_long", "string_too_long"):
            msg = f"{what} is too long"
            code = "too-long"
        elif etype == "value_error":
            msg = str(ctx.get("error") or err["msg"]).removeprefix("Value error, ")
            code = "expression" if "column" in msg else "invalid"
        else:
            msg = f"{what}: {err['msg']}"
    return Diagnostic(mark.file, mark.line, mark.col, "error", code, msg, hint)


# --------------------------------------------------------------------------- entry points


def load(folder: Path | str, mods: Sequence[Path | str] = (), *, check_refs: bool = True) -> LoadResult:
    folder = Path(folder)
    diags: list[Diagnostic] = []
    if not folder.is_dir():
        return LoadResult(
            None,
            [
                Diagnostic(
                    str(folder),
                    1,
                    1,
                    "error",
                    "io",
                    "no such scenario folder",
                    "give a scenario id (see 'plenum validate --list') or a folder",
                )
            ],
        )
    raw = Raw()
    _merge_layer(raw, folder, diags, is_mod=False)
    mod_names = []
    for mod in mods:
        mod = Path(mod)
        if mod.is_symlink():
            diags.append(
                Diagnostic(
                    _display(mod),
                    1,
                    1,
                    "error",
                    "symlink",
                    "this mod folder is a link; links are not followed",
                    "copy the mod folder instead of linking it",
                )
            )
            continue
        if not mod.is_dir():
            diags.append(Diagnostic(str(mod), 1, 1, "error", "io", "no such mod folder"))
            continue
        info = read_mod_meta(mod, _display(mod / "mod.yaml"))
        diags.extend(info.diagnostics)
        if info.meta is not None and info.meta.scenario not in raw.names:
            target, problem = mod_target(info)
            if problem is not None:
                diags.append(problem)
                continue
            if target is not None and target.resolve() not in raw.folders:
                at = info.marks.get("scenario") or Mark(_display(mod / "mod.yaml"), 1, 1)
                diags.append(
                    Diagnostic(
                        at.file,
                        at.line,
                        at.col,
                        "error",
                        "mod",
                        f"this mod is for scenario '{info.meta.scenario}', not '{folder.name}'; it was not applied",
                        f"play it with {target.name}, or change 'mod: scenario:' if it was meant for this one",
                    )
                )
                continue
        mod_names.append(info.id)
        _merge_layer(raw, mod, diags, is_mod=True)
    if any(d.is_error for d in diags) and not raw.meta:
        return LoadResult(None, sort_unique(diags), folder, mod_names)
    return _validate(raw, diags, folder, mod_names, check_refs)


_UNKNOWN = re.compile(r"^unknown (\w+) '([^']+)'")


def _blame_removals(found: list[Diagnostic], removed: dict[str, Mark]) -> list[Diagnostic]:
    """A reference broken because a mod removed its target is reported at the reference (often
    in the shipped scenario) but says which removal broke it, so the modder knows it is theirs."""
    out = []
    for d in found:
        m = _UNKNOWN.match(d.message) if d.is_error else None
        gone = removed.get(m.group(2)) if m else None
        if gone is not None:
            d = replace(
                d,
                message=f"{d.message}: it was removed at {gone.file}:{gone.line}, but this still refers to it",
                hint="keep the entry (patch it instead of removing it), or also change or remove what refers to it",
            )
        out.append(d)
    return out


def _forget_removed_skips(raw: Raw) -> None:
    """A start point's skip_events only marks events as past; an event a mod removed is simply
    gone from those lists (the eve-of-plenum start lists every early event, so otherwise no mod
    could remove one without also rewriting the start point)."""
    events = {e.get("id") for e in raw.sections.get("events", []) if isinstance(e, dict)}
    gone = {rid for rid in raw.removed if rid not in events}
    starts = raw.meta.get("starts")
    if not gone or not isinstance(starts, list):
        return
    for start in starts:
        skips = start.get("skip_events") if isinstance(start, dict) else None
        if not isinstance(skips, list):
            continue
        keep = [not (isinstance(e, str) and e in gone) for e in skips]
        if all(keep):
            continue
        marks = raw.marks.table.get(id(skips))
        skips[:] = [e for e, k in zip(skips, keep, strict=True) if k]
        if isinstance(marks, list) and len(marks) == len(keep):
            raw.marks.table[id(skips)] = [m for m, k in zip(marks, keep, strict=True) if k]


def _validate(raw: Raw, diags: list[Diagnostic], folder: Path, mods: list[str], check_refs: bool) -> LoadResult:
    _forget_removed_skips(raw)
    data: dict[str, Any] = {"scenario": raw.meta}
    data.update(raw.sections)
    head = Mark(raw.files[0] if raw.files else str(folder), 1, 1)
    raw.marks.table[id(data)] = {
        k: (raw.section_marks.get(k, head), raw.section_marks.get(k, head)) for k in LIST_SECTIONS
    }
    raw.marks.table[id(data)]["scenario"] = (raw.marks.own.get(id(raw.meta), head),) * 2
    raw.marks.own[id(data)] = head
    try:
        scenario = Scenario.model_validate(data)
    except RecursionError:
        # The expression parser recurses; a condition of thousands of nested brackets is
        # refused here rather than crashing the validator.
        diags.append(
            Diagnostic(
                head.file,
                1,
                1,
                "error",
                "limit",
                "an expression nests too deeply (thousands of brackets or 'not's in a row)",
                "simplify the condition; no real rule needs more than a few levels",
            )
        )
        return LoadResult(None, sort_unique(diags), folder, mods)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            diags.append(_translate(err, data, raw.marks, head))
        return LoadResult(None, sort_unique(diags), folder, mods)
    if check_refs:
        diags.extend(_blame_removals(check_references(scenario, data, raw.marks, head), raw.removed))
    result_ok = not any(d.is_error for d in diags)
    return LoadResult(scenario if result_ok else None, sort_unique(diags), folder, mods)
