"""Every kind of scenario mistake is reported as file:line:col with a useful message."""

import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario.loader import load

ROOT = Path(__file__).resolve().parents[1]


def diags(folder, mods=()):
    return load(folder, list(mods)).diagnostics


def find(ds, code, fragment=""):
    hits = [d for d in ds if d.code == code and fragment in d.message]
    assert hits, f"no {code!r} diagnostic containing {fragment!r} in:\n" + "\n".join(d.format() for d in ds)
    return hits[0]


def write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


def test_mini_is_valid(mini_dir):
    res = load(mini_dir)
    assert res.ok
    assert not res.diagnostics


def test_yaml_syntax_error_line(mini_dir):
    write(mini_dir, "people.yaml", 'people:\n  - {id: boss, name: "The Boss"\n  - id: x\n')
    d = find(diags(mini_dir), "yaml-syntax")
    assert d.file.endswith("people.yaml")
    assert d.line in (2, 3)


def test_duplicate_key(mini_dir):
    write(
        mini_dir, "patrons.yaml", "patrons:\n  - id: moscow\n    name: Moscow\n    color: '#cc0000'\n    name: Again\n"
    )
    d = find(diags(mini_dir), "duplicate-key", "'name' appears twice")
    assert (d.line, d.col) == (5, 5)
    assert "first at line 3" in d.message


def test_unknown_key_with_suggestion(mini_dir):
    write(mini_dir, "people.yaml", (mini_dir / "people.yaml").read_text().replace("loyalty: 80", "loyality: 80"))
    d = find(diags(mini_dir), "unknown-key", "'loyality'")
    assert d.file.endswith("people.yaml") and d.line == 3
    assert "did you mean 'loyalty'" in d.hint


def test_missing_key(mini_dir):
    write(mini_dir, "offices.yaml", "offices:\n  - {id: chair, name: Chairman}\n  - {id: minister}\n")
    d = find(diags(mini_dir), "missing-key", "'name'")
    assert d.line == 3


def test_bad_literal_value(mini_dir):
    write(
        mini_dir,
        "people.yaml",
        (mini_dir / "people.yaml")
        .read_text()
        .replace("cc: full, loyalty: 10, plotter", "cc: fulll, loyalty: 10, plotter"),
    )
    d = find(diags(mini_dir), "bad-value", "'fulll'")
    assert d.line == 4 and "did you mean 'full'" in d.hint


def test_out_of_range(mini_dir):
    write(mini_dir, "people.yaml", (mini_dir / "people.yaml").read_text().replace("loyalty: 80", "loyalty: 180"))
    d = find(diags(mini_dir), "out-of-range", "at most 100")
    assert d.line == 3


def test_wrong_type(mini_dir):
    write(mini_dir, "people.yaml", (mini_dir / "people.yaml").read_text().replace("loyalty: 80", "loyalty: high"))
    d = find(diags(mini_dir), "type", "whole number")
    assert d.line == 3


def test_bad_id_date_and_colour(mini_dir):
    write(
        mini_dir,
        "factions.yaml",
        (mini_dir / "factions.yaml").read_text().replace("id: loyal,", "id: Loyal Ones,").replace('"#aa0000"', '"red"'),
    )
    ds = diags(mini_dir)
    assert find(ds, "bad-value", "not a valid id").line == 2
    assert find(ds, "bad-value", "not a colour").line == 2
    write(mini_dir, "factions.yaml", (ROOT / "tests/fixtures/mini/factions.yaml").read_text())
    write(mini_dir, "plenums.yaml", (mini_dir / "plenums.yaml").read_text().replace("1956-02-01", "1956-02-31"))
    d = find(diags(mini_dir), "invalid", "not a real date")
    assert d.file.endswith("plenums.yaml") and d.line == 4


def test_expression_syntax_error_has_column(mini_dir):
    write(
        mini_dir,
        "events.yaml",
        (mini_dir / "events.yaml")
        .read_text()
        .replace('condition: "country.cult >= 55"', 'condition: "country.cult >= "'),
    )
    d = find(diags(mini_dir), "expression", "expected a value")
    assert d.line == 15 and "column" in d.message


def test_unknown_names_in_expressions(mini_dir):
    write(
        mini_dir,
        "events.yaml",
        (mini_dir / "events.yaml")
        .read_text()
        .replace(
            'condition: "country.cult >= 55"', 'condition: "country.culture >= 55 and faction.crtics.influence > 1"'
        ),
    )
    ds = diags(mini_dir)
    assert "did you mean 'cult'" in find(ds, "expression", "'culture'").hint
    assert "did you mean 'critics'" in find(ds, "expression", "unknown faction 'crtics'").hint


def test_dangling_reference(mini_dir):
    write(
        mini_dir,
        "people.yaml",
        (mini_dir / "people.yaml").read_text().replace("faction: critics, offices", "faction: critcs, offices"),
    )
    d = find(diags(mini_dir), "reference", "unknown faction 'critcs'")
    assert d.line == 4 and "did you mean 'critics'" in d.hint


def test_duplicate_id(mini_dir):
    write(
        mini_dir,
        "offices.yaml",
        "offices:\n  - {id: chair, name: A}\n  - {id: minister, name: B}\n  - {id: chair, name: C}\n",
    )
    d = find(diags(mini_dir), "duplicate-id", "'chair' is defined twice")
    assert d.line == 4 and "offices.yaml:2" in d.message


def test_seat_arithmetic(mini_dir):
    write(
        mini_dir, "scenario.yaml", (mini_dir / "scenario.yaml").read_text().replace("full_seats: 9", "full_seats: 10")
    )
    d = find(diags(mini_dir), "seats", "10 full seats")
    assert "3 named" in d.message


def test_effect_with_two_keys(mini_dir):
    write(
        mini_dir,
        "events.yaml",
        (mini_dir / "events.yaml")
        .read_text()
        .replace("          - country: {cult: 5}", "          - country: {cult: 5}\n            flag: both"),
    )
    d = find(diags(mini_dir), "invalid", "exactly one key")
    assert d.line == 10


def test_unknown_section(mini_dir):
    write(mini_dir, "extra.yaml", "peeple: []\n")
    d = find(diags(mini_dir), "unknown-section", "'peeple'")
    assert d.hint == "did you mean 'people'?"


def test_not_utf8(mini_dir):
    (mini_dir / "codex.yaml").write_bytes(b"codex:\n  - title: \xff\xfe\n")
    d = find(diags(mini_dir), "encoding")
    assert d.line == 2


def test_all_errors_reported_in_one_run(mini_dir):
    write(
        mini_dir,
        "people.yaml",
        (mini_dir / "people.yaml")
        .read_text()
        .replace("loyalty: 80", "loyalty: 180")
        .replace("loyalty: 10,", "loyality: 10,"),
    )
    write(mini_dir, "offices.yaml", "offices:\n  - {id: chair, name: A}\n  - {id: minister}\n")
    codes = {d.code for d in diags(mini_dir)}
    assert {"out-of-range", "unknown-key", "missing-key"} <= codes


def test_mod_patches_and_removal_errors(mini_dir, tmp_path):
    mod = tmp_path / "mods" / "harsh"
    mod.mkdir(parents=True)
    write(mod, "mod.yaml", "mod: {id: harsh, title: Harsh, scenario: mini}\nremove:\n  events: [choice, nosuch]\n")
    write(mod, "people.yaml", "people:\n  - id: rebel\n    loyalty: 0\n")
    res = load(mini_dir, [mod])
    d = find(res.diagnostics, "remove-missing", "'nosuch'")
    assert d.file.endswith("mod.yaml") and d.line == 3
    write(mod, "mod.yaml", "mod: {id: harsh, title: Harsh, scenario: mini}\nremove:\n  events: [choice]\n")
    res = load(mini_dir, [mod])
    assert res.ok, [x.format() for x in res.diagnostics]
    assert res.scenario.get("person", "rebel").loyalty == 0
    assert res.scenario.get("person", "rebel").faction == "critics"  # untouched keys survive
    assert res.scenario.get("event", "choice") is None


def test_base_cannot_be_a_path(mini_dir):
    write(
        mini_dir,
        "scenario.yaml",
        (mini_dir / "scenario.yaml").read_text().replace("  id: mini\n", "  id: mini\n  base: ../../etc\n"),
    )
    d = find(diags(mini_dir), "base", "must be a scenario id")
    assert d.line == 3


def test_shipped_scenarios_validate_clean():
    from game.scenario.loader import list_scenarios

    folders = list_scenarios()
    assert folders
    for folder in folders:
        res = load(folder)
        assert res.ok, "\n".join(d.format() for d in res.diagnostics)
        assert not [d for d in res.diagnostics if d.is_error]


def _validate(*args):
    return subprocess.run(
        [sys.executable, "-m", "game", "validate", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_cli_validate_exit_codes(mini_dir):
    ok = _validate(str(mini_dir))
    assert ok.returncode == 0 and "OK" in ok.stdout
    write(mini_dir, "people.yaml", (mini_dir / "people.yaml").read_text().replace("loyalty: 80", "loyalty: 180"))
    bad = _validate(str(mini_dir))
    assert bad.returncode == 1
    assert "people.yaml:3:" in bad.stderr and "out-of-range" in bad.stderr
    assert "Traceback" not in bad.stderr + bad.stdout


def test_cli_schema_is_json_schema():
    import json

    out = subprocess.run([sys.executable, "-m", "game", "schema"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    schema = json.loads(out.stdout)
    assert {"people", "events", "actions", "scenario"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False
    assert "Effect" in schema["$defs"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | st.text(max_size=300))
def test_garbage_never_raises(mini_dir, blob):
    path = mini_dir / "people.yaml"
    if isinstance(blob, str):
        path.write_text(blob, encoding="utf-8")
    else:
        path.write_bytes(blob)
    res = load(mini_dir)  # must not raise, whatever the file holds
    assert res.ok or res.errors


def test_example_mod_validates_and_applies():
    from game.scenario.loader import find_scenario

    res = load(find_scenario("august-1956"), [ROOT / "docs" / "example-mod"])
    assert res.ok, "\n".join(d.format() for d in res.diagnostics)
    assert res.scenario.get("person", "nam_il").loyalty == 35
    assert res.scenario.get("action", "quiet_word_in_moscow") is not None


def test_format_reference_is_current():
    from game.scenario.schema import markdown_reference

    assert (ROOT / "docs" / "FORMAT.md").read_text(encoding="utf-8") == markdown_reference(), (
        "docs/FORMAT.md is stale: run 'plenum schema --docs --out docs/FORMAT.md'"
    )


# ----------------------------------------------------------------------------- the cause first


def _copy_august(tmp_path):
    import shutil

    from game.scenario.loader import SCENARIO_ROOT

    dest = tmp_path / "scenarios" / "august-1956"
    shutil.copytree(SCENARIO_ROOT / "august-1956", dest)
    return dest


def test_unclosed_bracket_is_reported_first_and_the_cascade_folded(tmp_path):
    from game.tools.validate import build_report

    folder = _copy_august(tmp_path)
    text = (folder / "patrons.yaml").read_text(encoding="utf-8")
    # Open a flow list on the first patron and never close it.
    broken = text.replace("  - id: ussr\n", "  - id: ussr\n    extra: [1, 2\n", 1)
    assert broken != text
    (folder / "patrons.yaml").write_text(broken, encoding="utf-8")
    report = build_report([str(folder)], [])
    (target,) = report.targets
    first = target.findings[0]
    assert first.diagnostic.code == "yaml-syntax" and first.diagnostic.file.endswith("patrons.yaml")
    assert "'[' opened here is not closed" in first.diagnostic.message
    assert len(first.follows) > 10  # every "unknown patron 'ussr'" folded under it
    assert len(target.findings) == 1
    text_out = report.text()
    assert text_out.splitlines()[0].startswith(first.diagnostic.file)
    assert "more problems that may follow from this" in text_out
    assert "unknown patron" not in text_out and "unknown patron" in report.text(show_all=True)


def test_indentation_one_space_short_in_plain_words(mini_dir):
    write(mini_dir, "offices.yaml", "offices:\n  - id: chair\n    name: Chairman\n   - id: minister\n    name: M\n")
    d = find(diags(mini_dir), "yaml-syntax")
    assert (d.line, "indented 3 spaces") == (4, d.message[len("this line is ") :][: len("indented 3 spaces")])
    assert "indent it by 2 spaces" in d.hint
    assert "indicator" not in d.message


def test_unclosed_quote_is_located_where_it_opens(mini_dir):
    lines = ["offices:", "  - id: chair", '    name: "Chairman']
    lines += [f"  - id: post_{i}\n    name: Post {i}" for i in range(6)]
    lines += ["  - id: last", '    name: "Last"']
    write(mini_dir, "offices.yaml", "\n".join(lines) + "\n")
    d = find(diags(mini_dir), "yaml-syntax")
    assert d.line == 3 and d.col == 11
    assert "quote" in d.message


def test_validate_a_folder_of_scenarios_checks_each(tmp_path):
    import shutil

    from game.scenario.loader import SCENARIO_ROOT

    root = tmp_path / "many"
    for name in ("august-1956", "campaign-1953"):
        shutil.copytree(SCENARIO_ROOT / name, root / name)
    r = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(root), "--json"], capture_output=True, text=True, timeout=300
    )
    import json

    out = json.loads(r.stdout)
    assert r.returncode == 0 and out["ok"]
    assert [t["name"].rsplit("/", 1)[-1] for t in out["targets"]] == ["august-1956", "campaign-1953"]
    assert all(t["kind"] == "scenario" and t["ok"] for t in out["targets"])


def test_validate_json_holds_the_folded_problems(tmp_path):
    folder = _copy_august(tmp_path)
    (folder / "patrons.yaml").write_text("patrons: [\n", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(folder), "--json"], capture_output=True, text=True, timeout=300
    )
    import json

    out = json.loads(r.stdout)
    assert r.returncode == 1 and not out["ok"]
    first = out["targets"][0]["findings"][0]
    assert first["code"] == "yaml-syntax" and first["follows"]


# ----------------------------------------------------------------------------- schemas for editors


def _check_jsonschema(schema, files):
    exe = Path(sys.executable).with_name("check-jsonschema")
    return subprocess.run(
        [str(exe), "--schemafile", str(schema), *map(str, files)], capture_output=True, text=True, timeout=300
    )


def test_schema_files_are_current():
    import json

    from game.scenario.schema import SCHEMA_FILES, json_schema

    # docs/schema/ for modders reading the repository; game/schema/ ships in the package so
    # the first line of each shipped YAML file can name it with a relative path.
    for folder in (ROOT / "docs" / "schema", ROOT / "game" / "schema"):
        for kind, name in SCHEMA_FILES.items():
            on_disk = json.loads((folder / name).read_text(encoding="utf-8"))
            assert on_disk == json_schema(kind), f"{folder}/{name} is stale: run write_schemas (see docs/MODDING.md)"
            assert on_disk["$id"].startswith("urn:august-plenum:")


def test_every_shipped_file_names_its_schema_on_the_first_line():
    # yaml-language-server reads `# yaml-language-server: $schema=PATH` relative to the file;
    # the path must reach the packaged copy, and the kind must match the folder (a scenario
    # with a base is made of patches).
    from game.scenario.installed import all_scenarios
    from game.scenario.yamlsrc import load_file

    shipped = [f for f in all_scenarios() if (ROOT / "game" / "scenarios") in f.parents]
    assert shipped
    for folder in shipped:
        kind = "patch-file" if load_file(folder / "scenario.yaml").data["scenario"].get("base") else "scenario-file"
        for f in sorted(folder.glob("*.yaml")):
            first = f.read_text(encoding="utf-8").split("\n", 1)[0]
            assert first.startswith("# yaml-language-server: $schema="), f
            target = (f.parent / first.split("$schema=", 1)[1].strip()).resolve()
            assert target.is_file() and target.name == f"{kind}.schema.json", (f, target)


def test_every_shipped_and_example_file_passes_its_schema():
    # A complete scenario's files against the full schema; a scenario with a base, the
    # example mod and the test fixture's patches against the patch schema.
    from game.scenario.installed import all_scenarios
    from game.scenario.yamlsrc import load_file

    full, patch = [], []
    for folder in all_scenarios():
        meta = load_file(folder / "scenario.yaml").data["scenario"]
        (patch if meta.get("base") else full).extend(sorted(folder.glob("*.yaml")))
    patch += sorted((ROOT / "docs" / "example-mod").glob("*.yaml"))
    assert full and patch
    schema = ROOT / "docs" / "schema"
    for name, files in (("scenario-file.schema.json", full), ("patch-file.schema.json", patch)):
        r = _check_jsonschema(schema / name, files)
        assert r.returncode == 0, r.stdout + r.stderr


def test_schema_refuses_impossible_dates_and_a_complete_scenario_needs_its_keys(tmp_path):
    schema = ROOT / "docs" / "schema"
    bad = tmp_path / "events.yaml"
    bad.write_text("events:\n  - {id: e, title: E, text: T, earliest: 1956-13-45}\n", encoding="utf-8")
    assert _check_jsonschema(schema / "scenario-file.schema.json", [bad]).returncode != 0
    partial = tmp_path / "people.yaml"
    partial.write_text("people:\n  - {id: nam_il, loyalty: 3}\n", encoding="utf-8")
    assert _check_jsonschema(schema / "scenario-file.schema.json", [partial]).returncode != 0
    assert _check_jsonschema(schema / "patch-file.schema.json", [partial]).returncode == 0


def test_a_key_indented_one_space_too_far_says_so(mini_dir):
    write(mini_dir, "offices.yaml", "offices:\n  - id: chair\n     name: Chairman\n")
    d = find(diags(mini_dir), "yaml-syntax")
    assert (d.line, d.col) == (3, 6)
    assert "indented 5 spaces" in d.message and "start at 4" in d.message


def test_a_bracket_left_open_at_the_end_of_a_file_is_located_where_it_opens(mini_dir):
    write(mini_dir, "offices.yaml", "offices:\n  - id: chair\n    name: Chairman\n    extra: [\n")
    d = find(diags(mini_dir), "yaml-syntax")
    assert (d.line, d.col) == (4, 12)
    assert "'[' opened here is not closed" in d.message


def test_flag_words_for_a_flag_nothing_uses(mini_dir):
    """flags.yaml words for a flag no effect sets and no condition tests: a typo, named at its
    line with the nearest flag there is."""
    write(mini_dir, "flags.yaml", 'flags:\n  - {id: plot_discovred, set: "the plot is found"}\n')
    d = find(diags(mini_dir), "unused-flag", "plot_discovred")
    assert d.file.endswith("flags.yaml") and d.line == 2 and d.severity == "warning"
    assert "plot_discovered" in d.hint


def test_counter_words_for_a_counter_nothing_uses(mini_dir):
    """`counters:` words for a counter no effect raises and no condition reads: a typo, named at
    its line; the words of a counter the rules use pass without a word."""
    write(mini_dir, "counters.yaml", 'counters:\n  - {id: postponments, counts: "postponements"}\n')
    d = find(diags(mini_dir), "unused-counter", "postponments")
    assert d.file.endswith("counters.yaml") and d.line == 2 and d.severity == "warning"


def test_counter_words_the_shipped_scenarios_use_pass():
    from game.scenario.loader import find_scenario, load

    for sid in ("august-1956", "campaign-1953"):
        res = load(find_scenario(sid))
        assert not [d for d in res.diagnostics if d.code == "unused-counter"], sid
