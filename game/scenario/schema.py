"""JSON Schema for scenario files, generated from the same models the loader validates with.

A scenario is split over several files, each holding some top-level sections; a schema
therefore describes one *file*: any of the sections, none required, nothing else allowed.
There are two: one for a complete scenario's files, one for patch files (mods, and scenarios
built on a base), where an entry that changes an existing one need only name its id.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.engine.content import Scenario

# A date that exists (month 01-12, day 01-31); the loader also checks the calendar itself.
DATE_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
SCHEMA_IDS = {
    "full": "urn:august-plenum:schema:scenario-file:1",
    "patch": "urn:august-plenum:schema:patch-file:1",
}
SCHEMA_FILES = {"full": "scenario-file.schema.json", "patch": "patch-file.schema.json"}
# Entries inside entries that a patch matches by a key (loader.KEYED_LISTS), so a patch of
# them needs only that key; `remove: true` deletes one.
_KEYED_DEFS = {"OptionDef": "id", "StartPoint": "id", "MotionDef": "id", "TacticDef": "id", "SpeakerDef": "person"}


def _walk(node: Any, fn: Any) -> None:
    if isinstance(node, dict):
        fn(node)
        for v in node.values():
            _walk(v, fn)
    elif isinstance(node, list):
        for v in node:
            _walk(v, fn)


def _strict_dates(node: dict[str, Any]) -> None:
    if node.get("pattern") == r"^\d{4}-\d{2}-\d{2}$":
        node["pattern"] = DATE_PATTERN


def json_schema(kind: str = "full") -> dict[str, Any]:
    """The schema of one file. ``full``: a complete scenario's files, every required key
    required. ``patch``: a mod's files or a scenario built on a base, where an entry with an
    existing id writes only what it changes (so only its id is required)."""
    whole = Scenario.model_json_schema(mode="validation")
    props = whole.get("properties", {})
    defs = whole.get("$defs", {})
    _walk(props, _strict_dates)
    _walk(defs, _strict_dates)
    mod_props = {
        "mod": {
            "type": "object",
            "description": "Only in mod.yaml: names the mod and the scenario it changes.",
            "properties": {
                "id": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
                "title": {"type": "string", "minLength": 1},
                "scenario": {
                    "type": "string",
                    "pattern": "^[a-z0-9][a-z0-9_-]*$",
                    "description": "The scenario's folder name (august-1956) or id (august_1956).",
                },
                "description": {"type": "string"},
                "author": {"type": "string"},
                "version": {"type": "string"},
            },
            "required": ["id", "title", "scenario"],
            "additionalProperties": False,
        },
    }
    remove = {
        "remove": {
            "type": "object",
            "description": "Ids to delete from the layers below (the base scenario, earlier mods), by section.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    }
    # An effect takes exactly one key; say so to editors too.
    if "Effect" in defs:
        defs["Effect"]["minProperties"] = 1
        defs["Effect"]["maxProperties"] = 1
    if kind == "patch":
        for name, d in defs.items():
            if name == "Effect" or not isinstance(d, dict) or d.get("type") != "object":
                continue
            # Effects are written whole; anything else may be a partial patch.
            if not name.endswith("Fx") and name not in ("SideAmount",):
                req = [k for k in d.get("required", []) if k == "id"]
                if name in _KEYED_DEFS:
                    req = [_KEYED_DEFS[name]]
                    d.setdefault("properties", {})["remove"] = {
                        "const": True,
                        "description": "Delete this item from the entry being patched.",
                    }
                if req:
                    d["required"] = req
                else:
                    d.pop("required", None)
        scen = props.get("scenario")
        if isinstance(scen, dict):
            scen.pop("required", None)
        top = {**props, **remove, **mod_props}
        title = "August Plenum patch file (mod or scenario built on a base)"
        desc = (
            "One YAML file of a mod folder, or of a scenario with 'base:'. An entry whose id exists "
            "below patches it, so only its id is required. Generated from game/engine/content.py."
        )
    else:
        top = {**props, **remove}
        title = "August Plenum scenario file"
        desc = (
            "One YAML file of a complete scenario folder (scenario.yaml, people.yaml, events.yaml, ...). "
            "Generated from game/engine/content.py."
        )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_IDS[kind],
        "title": title,
        "description": desc,
        "type": "object",
        "properties": top,
        "additionalProperties": False,
        "$defs": defs,
    }


def write_schemas(folder: Path) -> list[Path]:
    """Write both schemas (to docs/schema/ and game/schema/ in the repository: the second ships in
    the package, and the first line of each shipped YAML file names it by a relative path)."""
    import json

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for kind, name in SCHEMA_FILES.items():
        path = folder / name
        path.write_text(json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        out.append(path)
    return out


def markdown_reference() -> str:
    """The format reference for modders, generated from the models (never edited by hand)."""
    import typing

    from pydantic import BaseModel

    from game.engine import content as C
    from game.engine.context import COUNTRY_ATTRS, PATRON_ATTRS, PERSON_ATTRS, SCALARS, VOTE_ATTRS
    from game.engine.expr import FUNCTIONS

    def type_name(ann: Any) -> str:
        origin = typing.get_origin(ann)
        args = typing.get_args(ann)
        if origin is typing.Annotated:
            " ".join(str(m) for m in args[1:] if hasattr(m, "pattern") or "Ge" in type(m).__name__)
            return type_name(args[0])
        if origin is typing.Literal:
            return " \\| ".join(f"`{a}`" for a in args)
        if origin in (list, tuple):
            return f"list of {type_name(args[0])}" if origin is list else "pair"
        if origin is dict:
            return f"map of {type_name(args[0])} → {type_name(args[1])}"
        if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
            inner = [a for a in args if a is not type(None)]
            return " or ".join(type_name(a) for a in inner) + " (optional)"
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            return f"[{ann.__name__}](#{ann.__name__.lower()})"
        return getattr(ann, "__name__", str(ann))

    models = [
        C.Scenario,
        C.ScenarioMeta,
        C.Calendar,
        C.StartPoint,
        C.Budget,
        C.Country,
        C.Committee,
        C.NamedCommittee,
        C.GeneratedBloc,
        C.FactionDef,
        C.PatronDef,
        C.OfficeDef,
        C.PersonDef,
        C.ActionDef,
        C.EventDef,
        C.OptionDef,
        C.PlenumDef,
        C.TacticDef,
        C.SpeakerDef,
        C.MotionDef,
        C.EndingDef,
        C.HistoryStep,
        C.CodexEntry,
        C.Citation,
        C.Effect,
        C.FactionFx,
        C.StandingFx,
        C.PatronFx,
        C.CountryFx,
        C.PersonFx,
        C.GroupFx,
        C.PledgeFx,
        C.VarFx,
        C.SideAmount,
        C.PlenumFx,
        C.ChanceFx,
        C.LogFx,
    ]
    out = [
        "# Scenario format reference",
        "",
        "Generated by `plenum schema --docs` from `game/engine/content.py`; do not edit by hand.",
        "",
    ]
    for m in models:
        assert issubclass(m, BaseModel)
        out.append(f"## {m.__name__}")
        doc = (m.__doc__ or "").strip()
        if doc and not doc.startswith("Usage docs"):
            out += ["", doc.split("\n\n")[0]]
        out += ["", "| key | type | default | meaning |", "|---|---|---|---|"]
        for name, f in m.model_fields.items():
            default = "required" if f.is_required() else repr(f.get_default(call_default_factory=True))
            meta = [str(x) for x in f.metadata]
            rng = ", ".join(x for x in meta if x.startswith(("Ge", "Le", "MinLen", "MaxLen")))
            desc = (f.description or "").replace("|", "\\|")
            out.append(f"| `{name}` | {type_name(f.annotation)}{' ' + rng if rng else ''} | {default} | {desc} |")
        out.append("")
    out += [
        "## Expressions",
        "",
        "Conditions, odds (`chance`), `targets`, `available` and `requires` are expressions: numbers, "
        "'quoted text', `true`/`false`, `and`/`or`/`not`, comparisons, `+ - * /`, parentheses, and:",
        "",
        "| name | meaning |",
        "|---|---|",
        "| `faction.<id>.influence`, `.cohesion`, `.members`, `.broken`, `.standing.<patron>` | a faction |",
        f"| `person.<id>.<attr>` | attrs: {', '.join(PERSON_ATTRS)} |",
        f"| `patron.<id>.<attr>` | attrs: {', '.join(PATRON_ATTRS)} |",
        f"| `country.<attr>` | attrs: {', '.join(COUNTRY_ATTRS)} |",
        "| `flag.<name>`, `var.<name>` | a flag set by effects (false if never set); a counter (0) |",
        "| `intel.kim`, `intel.opposition`, `budget.kim`, `budget.opposition` | each side's intelligence; action points left |",
        f"| `votes.<x>` | today's committee count, no chance involved: {', '.join(VOTE_ATTRS)} |",
        f"| {', '.join('`' + s + '`' for s in SCALARS)} | the calendar and the world |",
        "| `target.<attr>` | inside an action with a target: the person, patron or faction chosen |",
        "| `tactic.kim`, `tactic.opposition` | inside a plenum: the tactic each side chose |",
        "",
    ]
    out += ["| function | arguments |", "|---|---|"]
    out += [f"| `{name}(...)` | {', '.join(args)} |" for name, args in FUNCTIONS.items()]
    return "\n".join(out) + "\n"
