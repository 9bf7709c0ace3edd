"""The AI's cheap look-ahead must never write into the world it copies.

Its what-if copy (player._light_copy) copies only the people an effect may touch
(effect_kinds' `touched`) and only the records it may change (`writes`); everything else is
shared with the world. Here every effect the shipped scenarios hold is applied to such a copy
of a mid-game world, and the world must come out exactly as it went in.
"""

import copy

import pytest

from game import ai
from game.ai import belief as B
from game.ai.player import _COPIERS, _light_copy
from game.engine import intel
from game.engine.actions import Refused
from game.engine.effect_kinds import KINDS, RECORDS, copied, writes
from game.engine.effects import apply_effects, touched
from game.engine.game import Game
from game.engine.rng import Rng
from game.engine.state import GameState
from game.scenario.loader import find_scenario, load
from game.tools.report import run
from tests.play import play_moves


def _effect_lists(scn):
    """(where, effects, target) for every list of effects in the scenario."""
    for a in scn.actions:
        targets = [None]
        if a.target == "person":
            targets = ["pak_hon_yong" if "pak_hon_yong" in scn.ids("person") else next(iter(scn.ids("person")))]
        elif a.target == "patron":
            targets = list(scn.ids("patron"))[:1]
        elif a.target == "faction":
            targets = list(scn.ids("faction"))[:1]
        for t in targets:
            yield f"action {a.id} (success)", a.success, t
            yield f"action {a.id} (failure)", a.failure, t
    for e in scn.events:
        for o in e.options:
            yield f"event {e.id}:{o.id}", o.effects, None
    for pl in scn.plenums:
        for t in pl.tactics:
            yield f"tactic {pl.id}:{t.id}", t.effects, None
        for m in pl.motions:
            yield f"motion {pl.id}:{m.id} (pass)", m.on_pass, None
            yield f"motion {pl.id}:{m.id} (fail)", m.on_fail, None
        yield f"plenum {pl.id} (after)", pl.after, None


def _world(scn, side: str) -> GameState:
    """A determinized world (as the AI keeps them) some way into a game."""
    g = play_moves(Game.new(scn, None, 5), {"kim": ai.make("ai:easy"), "opposition": ai.make("ai:easy")}, 40)
    from game.ai.weights import for_scenario

    w, _flags = for_scenario(scn, "normal")
    return B.determinize(g.state, scn, side, intel.side_view(g.state, scn, side), 0, w)


def _fingerprint(d: GameState) -> str:
    c = copy.copy(d)
    c.rng = Rng(0)
    return c.to_json()


@pytest.mark.parametrize("name", ["august-1956", "campaign-1953"])
@pytest.mark.parametrize("side", ["kim", "opposition"])
def test_trying_any_shipped_effect_leaves_the_world_untouched(name, side):
    scn = load(find_scenario(name)).scenario
    d = _world(scn, side)
    before = _fingerprint(d)
    tried = 0
    for where, effects, target in _effect_lists(scn):
        if not effects:
            continue
        who = touched(d, effects, target)
        c = _light_copy(d, who if who is not None else copied(d, effects, target), writes(effects))
        c.rng = Rng(7)
        try:
            apply_effects(c, scn, effects, target=target)
        except (KeyError, ValueError, Refused):
            continue
        tried += 1
        assert _fingerprint(d) == before, f"{where} wrote into the world it was tried on"
    assert tried > 50


def test_every_kind_says_what_it_writes_or_is_copied_in_full():
    # None is allowed (the copy then takes every record); anything else names known records.
    for k in KINDS.values():
        assert k.writes is None or k.writes <= RECORDS, k.key


def test_the_cheap_copy_copies_every_record_it_may_share():
    """Each record and container an effect may declare it writes has its copier, and every one
    that is not a record is shared (the same object) in a copy that writes nothing."""
    assert set(_COPIERS) == RECORDS
    scn = load(find_scenario("august-1956")).scenario
    d = Game.new(scn, None, 1).state
    full, none = _light_copy(d, set(), None), _light_copy(d, set(), frozenset())
    for name in RECORDS:
        assert getattr(full, name) is not getattr(d, name), name
        assert getattr(full, name) == getattr(d, name), name
        assert getattr(none, name) is getattr(d, name), name


def test_a_full_game_still_plays_the_same_with_the_cheap_copies():
    scn = load(find_scenario("august-1956")).scenario
    a = Game.new(scn, None, 9)
    run(a, {"kim": ai.make("ai:normal"), "opposition": ai.make("ai:normal")})
    b = Game.replay(scn, None, 9, a.state.decisions)
    assert a.state.hash() == b.state.hash()


@pytest.mark.parametrize("name", ["august-1956", "campaign-1953"])
def test_each_effect_keeps_its_own_kind_and_value(name):
    """apply_effects, touched and copied read each effect's (kind, value) as worked out when it
    was loaded: it must be the kind and the value the effect holds."""
    scn = load(find_scenario(name)).scenario
    seen = 0
    for _where, effects, _target in _effect_lists(scn):
        stack = list(effects)
        while stack:
            fx = stack.pop()
            k, v = fx.__pydantic_private__["_decl"]
            assert k is KINDS[fx.kind] and v is fx.value
            if fx.kind == "chance":
                stack += list(v.then) + list(v.otherwise)
            seen += 1
    assert seen > 100
