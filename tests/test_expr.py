import pytest

from game.engine import expr as X


class Ctx:
    def __init__(self, values):
        self.values = values

    def resolve(self, path):
        return self.values[".".join(path)]

    def call(self, name, args):
        return {"max": max, "min": min}[name](*args)


def ev(src, **values):
    return X.evaluate(X.parse(src), Ctx({k.replace("__", "."): v for k, v in values.items()}))


def test_precedence_and_arithmetic():
    assert ev("1 + 2 * 3") == 7
    assert ev("(1 + 2) * 3") == 9
    assert ev("-2 + 5") == 3
    assert ev("10 / 4") == 2.5
    assert ev("1 / 0") == 0  # a modder's division by zero is not a crash


def test_logic_and_comparison():
    assert ev("a.b >= 3 and not c", a__b=3, c=False) is True
    assert ev("a.b > 3 or c", a__b=3, c=True) is True
    assert ev("x == 'soviet'", x="soviet") is True
    assert ev("x != 'soviet'", x="yanan") is True
    assert ev("(x == 'a') * 15 + 1", x="a") == 16


def test_functions():
    assert ev("max(2, 7) - min(1, 4)") == 6


@pytest.mark.parametrize(
    "src,col,fragment",
    [
        ("1 +", 3, "expected a value"),
        ("a >= 1 b", 7, "is an 'and' or 'or' missing"),
        ("(1 + 2", 6, "expected ')'"),
        ("1 < 2 < 3", 6, "cannot be chained"),
        ("a ; b", 2, "unexpected character"),
    ],
)
def test_syntax_errors_have_columns(src, col, fragment):
    with pytest.raises(X.ExprError) as exc:
        X.parse(src)
    assert exc.value.column == col
    assert fragment in exc.value.message


def test_python_is_never_evaluated():
    # Looks like Python, parses as a call to an unknown function: evaluation would go to the
    # context (which refuses), never to Python's builtins.
    tree = X.parse("__import__('os')")
    assert tree[0] == "call"
    with pytest.raises(KeyError):
        X.evaluate(tree, Ctx({}))
    with pytest.raises(X.ExprError):
        X.parse("os.system('x'); 1")


def test_paths_and_calls_listed():
    tree = X.parse("faction.soviet.influence > 3 and held('august_plenum')")
    assert [p for p, _ in X.paths_in(tree)] == [("faction", "soviet", "influence")]
    assert [c[0] for c in X.calls_in(tree)] == ["held"]


# --------------------------------------------------------------------------- the typed check


def _faults(scn, src, **kw):
    from game.engine.typecheck import typecheck

    return typecheck(src, scn, **kw)


@pytest.mark.parametrize(
    ("src", "message", "column"),
    [
        ("person.nam_il.faction > 3", "cannot compare person.nam_il.faction (a faction id) with 3 (a number)", 22),
        ("date > 3", "cannot compare date (a date) with 3 (a number)", 5),
        ("'abc' + 5", "'+' needs numbers on both sides, but 'abc' (text) is not a number", 6),
        ("person.nam_il.status == 'actve'", "person.nam_il.status is a status, and 'actve' is not one", 24),
        ("person.nam_il.faction == 'sovet'", "person.nam_il.faction is a faction id, and 'sovet' is not one", 25),
        ("person.nam_il.cc != 'ful'", "person.nam_il.cc is a seat, and 'ful' is not one", 20),
        ("date >= '1956-13-01'", "date is a date, and '1956-13-01' is not a date", 8),
        ("min(date, 3) > 1", "'min' needs numbers, but date (a date) is not one", 4),
        ("flag.x and person.nam_il.status", "'and' joins conditions, but person.nam_il.status (a status) is not", 11),
        ("person.nam_il.status", "this should be true or false, but person.nam_il.status (a status) is neither", 0),
        ("person.nam_il.status < 'active'", "person.nam_il.status (a status) can only be compared with == or !=", 21),
    ],
)
def test_type_faults_are_found_at_load_time_with_column(august, src, message, column):
    faults = _faults(august, src)
    assert [f.message for f in faults] == [message] or faults[0].message.startswith(message), faults
    assert faults[0].column == column


def test_did_you_mean_for_an_enumerated_value(august):
    assert _faults(august, "person.nam_il.status == 'actve'")[0].hint == "did you mean 'active'?"
    assert _faults(august, "person.nam_il.faction == 'sovet'")[0].hint == "did you mean 'soviet'?"
    assert "did you mean" in _faults(august, "tactic.kim == 'counter_ofensive'", plenum=True)[0].hint


def test_odds_must_be_numbers(august):
    (fault,) = _faults(august, "person.nam_il.status", want="number")
    assert fault.message.startswith("this should give a number")
    assert not _faults(august, "30 + votes.opposition - votes.kim / 3", want="number")


def test_well_typed_expressions_pass(august):
    for src in (
        "person.nam_il.loyalty > 3 and date >= '1956-07-01'",
        "person.nam_il.faction == person.choe_chang_ik.faction",
        "target.faction != '' and target.faction != 'partisan'",  # '' is a foreign figure's faction
        "status_count('arrested', 'yanan') >= 2 or not flag.kim_abroad",
        "max(country.cult, 50) - abs(-3) * 2 > faction.soviet.standing.ussr",
        "true == flag.kim_abroad",
    ):
        assert not _faults(august, src, target="person"), src


def test_unknown_names_are_left_to_the_reference_check(august):
    # 'culture' is reported once, as an unknown name, not again as a type fault.
    assert not _faults(august, "country.culture > 'x'")


def test_type_faults_reach_the_validator_with_file_and_line(mini_dir):
    from game.scenario.loader import load

    events = mini_dir / "events.yaml"
    events.write_text(
        events.read_text().replace('condition: "country.cult >= 55"', 'condition: "date > 3"'), encoding="utf-8"
    )
    d = next(d for d in load(mini_dir).diagnostics if d.code == "type")
    assert d.file.endswith("events.yaml") and d.line == 15
    assert "cannot compare date (a date) with 3 (a number) (column 6 of the expression)" in d.message


def test_every_name_resolves_to_a_value_of_its_declared_type(august):
    """The names table and the resolver cannot drift apart: each name, on a real game."""
    from game.engine import context as C
    from game.engine.game import Game
    from game.engine.plenum import projection

    g = Game.new(august, seed=1)
    st = g.state
    pid, fid, pat = "nam_il", "soviet", "ussr"
    ctx = C.EvalContext(st, august, votes=projection, plenum_id="august_plenum")

    def is_type(value, ty):
        if ty in C.NUMERIC:
            return isinstance(value, (int, float))
        if ty == C.DATE:
            return isinstance(value, str) and value[4] == "-"
        if ty in C.ENUMS:
            return value in C.enum_values(ty, august)
        return isinstance(value, str)

    paths = [("faction", fid, a) for a in C.FACTION_NAMES] + [("faction", fid, "standing", pat)]
    paths += [("person", pid, a) for a in C.PERSON_NAMES] + [("patron", pat, a) for a in C.PATRON_NAMES]
    paths += [("country", a) for a in C.COUNTRY_NAMES] + [(s,) for s in C.SCALAR_NAMES]
    paths += [("votes", a) for a in C.VOTE_NAMES] + [(r, "kim") for r in C.SIDE_NAMES]
    paths += [("flag", "kim_abroad"), ("var", "anything")]
    for path in paths:
        assert C.check_path(path, august, plenum=True) is None, path
        assert is_type(ctx.resolve(path), C.type_of(path)), (path, ctx.resolve(path))
    for kind, target in (("person", pid), ("patron", pat), ("faction", fid)):
        tctx = C.EvalContext(st, august, target=target, target_kind=kind)
        for attr in C.TARGET_NAMES[kind]:
            path = ("target", attr)
            assert C.check_path(path, august, target=kind) is None
            assert is_type(tctx.resolve(path), C.type_of(path, target=kind)), path
    for name in X.FUNCTIONS:
        assert name in C.FUNCTION_RESULTS


def test_a_rule_that_fails_in_play_names_its_source(august):
    from game.engine.context import EvalContext
    from game.engine.game import Game

    g = Game.new(august, seed=1)
    ctx = EvalContext(g.state, august)
    with pytest.raises(X.RuleError) as err:
        X.run("person.nam_il.faction > 3", ctx, "event 'test' (condition)")
    assert err.value.where == "event 'test' (condition)"
    assert "person.nam_il.faction > 3" in str(err.value) and "expected a number" in str(err.value)
    # A rule the loader saw is named by its file and line.
    src = next(e.condition for e in august.events if e.condition)
    with pytest.raises(X.RuleError) as err:
        X.run(src, _Broken(august), "x")
    assert err.value.where.split(":")[0].endswith(".yaml") and err.value.where.split(":")[1].isdigit()


class _Broken:
    """A context whose every name is missing, to make any rule fail."""

    def __init__(self, scn):
        self.scn = scn

    def resolve(self, path):
        raise KeyError(".".join(path))

    def call(self, name, args):
        raise KeyError(name)


def _is_expr(annotation) -> bool:
    import typing

    from game.engine import content as C

    if any(getattr(m, "func", None) is C._check_expr for m in getattr(annotation, "__metadata__", ())):
        return True
    return any(_is_expr(a) for a in typing.get_args(annotation))


def _expressions(model, out):
    """Every expression string anywhere in a loaded scenario, found through the format's types."""
    from pydantic import BaseModel

    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if isinstance(value, str) and _is_expr(field.annotation):
            out.add(value)
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(item, BaseModel):
                _expressions(item, out)
    return out


def test_every_expression_of_the_format_is_type_checked_at_load(monkeypatch):
    """A new expression field in the format that the loader forgets to check fails here."""
    from game.scenario import loader, references

    seen = set()
    real = references.typecheck

    def spy(src, *args, **kwargs):
        seen.add(src)
        return real(src, *args, **kwargs)

    monkeypatch.setattr(references, "typecheck", spy)
    for name in ("august-1956", "campaign-1953"):
        res = loader.load(loader.find_scenario(name))
        assert res.scenario is not None
        missing = _expressions(res.scenario, set()) - seen
        assert not missing, sorted(missing)[:5]


def test_rule_error_survives_pickling():
    import pickle

    err = pickle.loads(pickle.dumps(X.RuleError("events.yaml:12", "date > 3", "expected a number")))
    assert (err.where, err.source, err.detail) == ("events.yaml:12", "date > 3", "expected a number")
    assert str(err).startswith("events.yaml:12: the rule `date > 3`")
