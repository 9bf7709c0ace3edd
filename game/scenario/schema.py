"""JSON Schema for scenario files, generated from the same models the loader validates with.

A scenario is split over several files, each holding some top-level sections; the schema
therefore describes one *file*: any of the sections, none required, nothing else allowed.
"""

from __future__ import annotations

from typing import Any

from game.engine.content import Scenario


def json_schema() -> dict[str, Any]:
    whole = Scenario.model_json_schema(mode="validation")
    props = whole.get("properties", {})
    defs = whole.get("$defs", {})
    mod_props = {
        "mod": {
            "type": "object",
            "description": "Only in mod.yaml: names the mod and the scenario it changes.",
            "properties": {"id": {"type": "string"}, "title": {"type": "string"},
                           "scenario": {"type": "string"}, "description": {"type": "string"},
                           "author": {"type": "string"}, "version": {"type": "string"}},
            "required": ["scenario"],
            "additionalProperties": False,
        },
        "remove": {
            "type": "object",
            "description": "Only in mods: ids to delete from the scenario, by section.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    }
    # An effect takes exactly one key; say so to editors too.
    if "Effect" in defs:
        defs["Effect"]["minProperties"] = 1
        defs["Effect"]["maxProperties"] = 1
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://august-plenum.example/schema/scenario-file.json",
        "title": "August Plenum scenario or mod file",
        "description": "One YAML file of a scenario folder (scenario.yaml, people.yaml, events.yaml, ...) "
                       "or of a mod folder. Generated from game/engine/content.py.",
        "type": "object",
        "properties": {**props, **mod_props},
        "additionalProperties": False,
        "$defs": defs,
    }
