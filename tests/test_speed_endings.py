"""The AI's look-ahead skips the endings' check after a move that changes nothing they read.

That is exact only if two declarations are true: what each effect kind may change
(effect_kinds' `changes`) and what each name and function of an expression reads (context's
`path_reads` / `FUNCTION_READS`). Here every shipped effect is applied to a full copy of a
mid-game state and every field that changed must be declared; every name is answered from a
state whose undeclared fields were swapped for another game's and must answer the same; and
over whole games the skipped check gives what the check gives.
"""

import copy
import dataclasses

import pytest

from game import ai
from game.ai import belief as B
from game.ai import player as P
from game.engine import context as C
from game.engine import endings as E
from game.engine import expr as X
from game.engine import intel
from game.engine.actions import Refused
from game.engine.effect_kinds import KINDS, changes
from game.engine.effects import apply_effects
from game.engine.game import Game
from game.engine.plenum import projection
from game.engine.rng import Rng
from game.engine.state import GameState, PersonState
from game.scenario.loader import find_scenario, load
from tests.play import play_moves
from tests.test_speed_copies import _effect_lists

PERSON_FIELDS = [f.name for f in dataclasses.fields(PersonState)]
STATE_FIELDS = [f.name for f in dataclasses.fields(GameState)]


def _scn(name):
    return load(find_scenario(name)).scenario


def _mid(scn, seed=5, moves=40):
    return play_moves(Game.new(scn, None, seed), {"kim": ai.make("ai:easy"), "opposition": ai.make("ai:easy")}, moves)


def _applied(st: GameState, scn, effects, target, roll: int, *, history: bool = False) -> GameState | None:
    """A copy of ``st`` with ``effects`` applied on the dice of ``roll``, or None where the engine
    refuses them in this state."""
    c = st.clone(history=history)
    c.rng = Rng(roll)
    try:
        apply_effects(c, scn, effects, target=target)
    except (KeyError, ValueError, Refused):
        return None
    return c


def _changed(a: GameState, b: GameState) -> set[str]:
    """The fields of b that differ from a ("people.<field>" for a person's field; "people" too
    when someone came or went)."""
    out = set()
    for name in STATE_FIELDS:
        if name in ("rng", "people"):
            continue
        if getattr(a, name) != getattr(b, name):
            out.add(name)
    if set(a.people) != set(b.people):
        out.add("people")
    for pid in set(a.people) & set(b.people):
        for f in PERSON_FIELDS:
            if getattr(a.people[pid], f) != getattr(b.people[pid], f):
                out.add(f"people.{f}")
    return out


def _declared(ch: frozenset[str]) -> set[str]:
    out = set(ch)
    if "people" in ch:
        out |= {f"people.{f}" for f in PERSON_FIELDS}
    return out


@pytest.mark.parametrize("name", ["august-1956", "campaign-1953"])
def test_every_shipped_effect_changes_only_what_its_kinds_declare(name):
    scn = _scn(name)
    tried = 0
    for seed, moves in ((5, 40), (8, 120)):
        st = _mid(scn, seed, moves).state
        for where, effects, target in _effect_lists(scn):
            ch = changes(effects)
            if not effects or ch is None:
                continue
            for roll in (1, 2, 3):  # chance branches and purges go different ways
                c = _applied(st, scn, effects, target, roll, history=True)
                if c is None:
                    continue
                tried += 1
                extra = _changed(st, c) - _declared(ch)
                assert not extra, f"{where} changed {sorted(extra)}, not declared in `changes`"
    assert tried > 100


def test_every_kind_declares_what_it_changes_or_says_it_may_change_anything():
    fields = set(STATE_FIELDS) | {f"people.{f}" for f in PERSON_FIELDS}
    for k in KINDS.values():
        assert k.changes is None or k.changes <= fields, (k.key, k.changes)


def _names(scn):
    pid, fid, pat = "nam_il", "soviet", "ussr"
    paths = [("faction", fid, a) for a in C.FACTION_NAMES] + [("faction", fid, "standing", pat)]
    paths += [("person", pid, a) for a in C.PERSON_NAMES] + [("patron", pat, a) for a in C.PATRON_NAMES]
    paths += [("country", a) for a in C.COUNTRY_NAMES] + [(s,) for s in C.SCALAR_NAMES]
    paths += [(r, "kim") for r in C.SIDE_NAMES if r != "tactic"] + [("tactic", "kim")]
    paths += [("flag", f) for f in ("kim_abroad", "critique_drafted", "plot_discovered")] + [("var", "coalition_built")]
    calls = [
        ("holds", ["kim_il_sung", "party_chairman"]),
        ("holds", [pid, "vice_premier"]),
        ("passed", ["august_plenum", "expel_critics"]),
        ("held", ["august_plenum"]),
        ("status_count", ["active"]),
        ("status_count", ["expelled", "yanan"]),
        ("min", [1, 2]),
        ("max", [1, 2]),
        ("abs", [-1]),
        ("fired", [scn.events[0].id]),
        ("chose", [scn.events[0].id, scn.events[0].options[0].id]),
    ]
    return paths, calls


def _swap(a: GameState, b: GameState, field: str) -> GameState:
    """a with one field (or one field of every person both have) taken from b."""
    h = a.clone(history=True)
    if field.startswith("people."):
        f = field.split(".", 1)[1]
        for pid, p in h.people.items():
            if pid in b.people:
                setattr(p, f, copy.deepcopy(getattr(b.people[pid], f)))
    else:
        setattr(h, field, copy.deepcopy(getattr(b, field)))
    return h


def test_an_answer_changes_only_with_what_the_name_is_declared_to_read():
    scn = _scn("august-1956")
    a = Game.new(scn, None, 1).state
    # A state far from the first: most fields differ (from the end of a whole game).
    g = Game.new(scn, None, 3)
    from game.tools.report import run

    run(g, {"kim": ai.make("ai:easy"), "opposition": ai.make("ai:easy")})
    b = g.state
    paths, calls = _names(scn)
    # People whose posts or standing differ between the two states, so a wrong read shows.
    for pid, p in a.people.items():
        q = b.people.get(pid)
        if q is not None and p.offices and (p.offices != q.offices or p.status != q.status):
            calls.append(("holds", [pid, p.offices[0]]))
            paths.append(("person", pid, "in_cc"))
    fields = [f for f in STATE_FIELDS if f not in ("people", "rng")] + [f"people.{f}" for f in PERSON_FIELDS]
    swaps = 0
    for field in fields:
        h = _swap(a, b, field)
        ca = C.EvalContext(a, scn, votes=projection, plenum_id="august_plenum")
        ch = C.EvalContext(h, scn, votes=projection, plenum_id="august_plenum")
        for path in paths:
            r = C.path_reads(path)
            if r is not None and not C.overlaps(frozenset({field}), r):
                swaps += 1
                assert ca.resolve(path) == ch.resolve(path), (path, field)
        for name, args in calls:
            r = C.FUNCTION_READS[name]
            if not C.overlaps(frozenset({field}), r):
                assert ca.call(name, args) == ch.call(name, args), (name, args, field)
    assert swaps > 200
    # ... and the fields that are read do move the answers on these two states (the test bites).
    moved = [
        p
        for p in paths
        if p[0] in ("flag", "country") and C.EvalContext(b, scn).resolve(p) != C.EvalContext(a, scn).resolve(p)
    ]
    assert moved


def test_every_function_and_root_has_a_declared_read():
    for name in X.FUNCTIONS:
        assert name in C.FUNCTION_READS, name
    for root in C.ROOTS:
        if root in ("faction", "person"):
            continue  # by attribute, in path_reads
        if root in ("votes", "target"):
            assert C.path_reads((root, "kim")) is None  # the whole committee / an action's target
        else:
            assert C.path_reads((root, "x")) is not None, root


def test_reads_of_an_expression_and_the_overlap_rule():
    assert C.reads("not holds('kim_il_sung', 'party_chairman')") == {"people.offices", "people.status"}
    assert C.reads("flag.a and country.cult > 3") == {"flags", "country"}
    assert C.reads("votes.kim > 3") is None
    assert C.overlaps(frozenset({"people"}), frozenset({"people.status"}))
    assert C.overlaps(frozenset({"people.status"}), frozenset({"people"}))
    assert not C.overlaps(frozenset({"people.pledge_kim"}), frozenset({"people.status", "flags"}))
    assert C.overlaps(None, frozenset())
    assert C.overlaps(frozenset(), None)


@pytest.mark.parametrize("name", ["august-1956", "campaign-1953"])
def test_the_skipped_check_gives_what_the_check_gives(name):
    """Every shipped move tried on AI worlds from several games: where the look-ahead skips the
    check, checking anyway gives the same ending (or none)."""
    scn = _scn(name)
    reads = E.check_reads(scn)
    skipped = 0
    for seed, moves in ((5, 30), (6, 90), (7, 150)):
        g = _mid(scn, seed, moves)
        for side in ("kim", "opposition"):
            from game.ai.weights import for_scenario

            w, _f = for_scenario(scn, "normal")
            d = B.determinize(g.state, scn, side, intel.side_view(g.state, scn, side), 0, w)
            before = E.check(d, scn, at_end=False)
            for _where, effects, target in _effect_lists(scn):
                if C.overlaps(changes(effects), reads):
                    continue
                c = _applied(d, scn, effects, target, 3)
                if c is None:
                    continue
                if c.ending is None:
                    skipped += 1
                    assert E.check(c, scn, at_end=False) == before
    assert skipped > 50


def test_a_world_whose_ending_inputs_change_is_checked_afresh():
    """Break the declaration on purpose (a pledge said to change nothing an ending reads is
    true; Kim's removal said to change nothing is not): the look-ahead must then miss an
    ending, which is what the declaration test above guards."""
    scn = _scn("august-1956")
    g = _mid(scn, 5, 30)
    mind = P.Mind(P.AIPlayer("normal"), g, "opposition")
    from game.engine.content import Effect

    oust = [Effect.model_validate({"person": {"person": "kim_il_sung", "status": "expelled"}})]
    value, _delta = mind.outcome(0, oust, None)
    assert value == mind.w.ending  # Kim removed: the critics' ending, seen by the full check
    kind = KINDS["person"]
    saved = kind.changes
    try:
        object.__setattr__(kind, "changes", frozenset())  # a false declaration
        P._DECLARED.clear()  # the look-ahead reads each list's declarations once (they never change in play)
        mind2 = P.Mind(P.AIPlayer("normal"), g, "opposition")
        value2, _d = mind2.outcome(0, oust, None)
    finally:
        object.__setattr__(kind, "changes", saved)
        P._DECLARED.clear()
    assert value2 != value


@pytest.mark.parametrize("name", ["august-1956", "campaign-1953"])
def test_the_endings_asked_after_a_move_give_what_the_whole_check_gives(name):
    """endings.check_after asks again only the endings whose conditions read what a move may
    change and keeps the world's answer for the rest: the same answer as check, for every
    shipped effect tried on mid-game states (with the world's answers kept across moves, as
    the AI keeps them)."""
    scn = _scn(name)
    tried = 0
    for seed, moves in ((5, 40), (8, 120), (2, 200)):
        st = _mid(scn, seed, moves).state
        if st.ending:
            continue
        held: dict[str, bool] = {}
        for _where, effects, target in _effect_lists(scn):
            if not effects:
                continue
            for roll in (1, 2):
                c = _applied(st, scn, effects, target, roll)
                if c is None:
                    continue
                tried += 1
                assert E.check_after(c, scn, st, changes(effects), held) == E.check(c, scn, at_end=False)
    assert tried > 100
