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
