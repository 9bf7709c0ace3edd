"""Events, effects, actions, turn flow, determinism, replays and saves."""

import json

import pytest

from game import ai, saves
from game.engine.actions import Refused
from game.engine.game import Game
from game.engine.state import GameState
from game.tools.report import final_report, run


def test_news_event_fires_and_applies_effects(mini):
    g = Game.new(mini, seed=1)
    assert "news" in g.state.fired
    assert g.state.country.cult == 55  # 50 + 5
    assert any(e.text == "News" and e.kind == "news" for e in g.state.log)


def test_event_waits_for_its_date_and_condition(mini):
    g = Game.new(mini, seed=1)
    assert not any(p.event == "choice" for p in g.state.pending)  # earliest is 1956-01-15
    g.submit({"t": "end", "side": "kim"})
    g.submit({"t": "end", "side": "opposition"})
    assert g.state.date == "1956-01-15"
    assert [(p.event, p.side) for p in g.state.pending] == [("choice", "kim")]


def test_event_condition_can_block(mini):
    g = Game.new(mini, seed=1)
    g.state.country.cult = 10
    g.submit({"t": "end", "side": "kim"})
    g.submit({"t": "end", "side": "opposition"})
    assert not g.state.pending


def test_choosing_an_option_applies_it_and_is_recorded(mini):
    g = Game.new(mini, seed=1)
    g.submit({"t": "end", "side": "kim"})
    g.submit({"t": "end", "side": "opposition"})
    fear = g.state.people["rebel"].fear
    with pytest.raises(Refused):
        g.submit({"t": "end", "side": "kim"})  # a decision is waiting
    g.submit({"t": "choose", "side": "kim", "event": "choice", "option": "harsh"})
    assert g.state.people["rebel"].fear == fear + 30
    assert g.state.fired["choice"] == "harsh"
    with pytest.raises(Refused):
        g.submit({"t": "choose", "side": "kim", "event": "choice", "option": "soft"})


def test_actions_cost_points_and_are_refused_with_reasons(mini):
    g = Game.new(mini, seed=1)
    with pytest.raises(Refused, match="not your phase"):
        g.submit({"t": "act", "side": "opposition", "action": "rally"})
    with pytest.raises(Refused, match="does not qualify"):
        g.submit({"t": "act", "side": "kim", "action": "lean_on", "target": "aide"})
    g.submit({"t": "act", "side": "kim", "action": "lean_on", "target": "rebel"})
    assert g.remaining("kim") == 1
    assert g.state.people["rebel"].pledge_kim == 50
    with pytest.raises(Refused, match=r"Already done|costs"):
        g.submit({"t": "act", "side": "kim", "action": "lean_on", "target": "rebel"})


def test_preview_says_what_an_action_may_do(mini):
    g = Game.new(mini, seed=1)
    pv = g.preview("kim", "lean_on", "rebel")
    assert pv.chance == 100
    assert pv.success == ["The Rebel: commitment to Kim +50"]


def test_plenum_can_be_scheduled_by_an_action_and_sits(mini):
    g = Game.new(mini, seed=1)
    g.submit({"t": "end", "side": "kim"})
    g.submit({"t": "act", "side": "opposition", "action": "call_session"})
    assert g.state.plenums["session"].status == "scheduled"
    assert g.state.plenums["session"].date == "1956-01-15"
    g.submit({"t": "end", "side": "opposition"})
    assert g.state.plenums["session"].status == "held"
    assert g.state.last_speakers == ["rebel"]


def test_fallback_ending_at_the_end_date(mini):
    g = Game.new(mini, seed=1)
    run(g, {"kim": ai.make("history"), "opposition": ai.make("history")})
    assert g.state.ending == "survived"
    assert g.state.date == "1956-03-31"
    assert g.state.phase == "over"


def test_start_point_effects(mini):
    g = Game.new(mini, "late", seed=1)
    assert g.state.date == "1956-03-01"
    assert g.state.has_flag("late_start")


def _ai_game(scn, seed):
    g = Game.new(scn, seed=seed)
    run(g, {"kim": ai.make("ai"), "opposition": ai.make("ai")})
    return g


def test_same_seed_and_decisions_give_the_same_hash(august):
    a = _ai_game(august, 7)
    b = _ai_game(august, 7)
    assert a.state.hash() == b.state.hash()
    replayed = Game.replay(august, None, 7, a.state.decisions)
    assert replayed.state.hash() == a.state.hash()
    assert replayed.state.to_json() == a.state.to_json()


def test_different_seeds_differ(august):
    assert _ai_game(august, 1).state.hash() != _ai_game(august, 2).state.hash()


def test_state_roundtrips_through_json(august):
    g = _ai_game(august, 3)
    d = json.loads(g.state.to_json())
    back = GameState.from_dict(d)
    assert back.hash() == g.state.hash()


def test_save_and_load_mid_game_continue_identically(august, tmp_path):
    g = Game.new(august, seed=11)
    pol = {"kim": ai.make("ai"), "opposition": ai.make("ai")}
    for _ in range(12):
        side = g.to_move()
        g.submit(pol[side](g, side))
    path = saves.write(tmp_path / "slot.json", g, "august-1956")
    _scn2, g2, name = saves.read(path)
    assert name == "august-1956"
    assert g2.state.hash() == g.state.hash()
    # Both go on with computer players made afresh, as a resumed game gets them: what the save
    # must carry is the game, not a player's memory of earlier turns.
    run(g, {"kim": ai.make("ai"), "opposition": ai.make("ai")})
    run(g2, {"kim": ai.make("ai"), "opposition": ai.make("ai")})
    assert g.state.hash() == g2.state.hash()


def test_damaged_save_gives_a_message_and_keeps_the_old_one(august, tmp_path):
    g = Game.new(august, seed=1)
    path = saves.write(tmp_path / "slot.json", g, "august-1956")
    good = path.read_text()
    (tmp_path / "bad.json").write_text(good[: len(good) // 2])
    with pytest.raises(saves.SaveError, match=r"bad.json:1:\d+: the save is damaged"):
        saves.read(tmp_path / "bad.json")
    (tmp_path / "other.json").write_text('{"format": "something-else"}')
    with pytest.raises(saves.SaveError, match="not an August Plenum save"):
        saves.read(tmp_path / "other.json")
    tampered = json.loads(good)
    tampered["state"]["turn"] = 99
    (tmp_path / "tampered.json").write_text(json.dumps(tampered))
    with pytest.raises(saves.SaveError, match="checksum"):
        saves.read(tmp_path / "tampered.json")
    # A write that fails half-way (a full disk) never replaces a good file.
    import game.saves as S

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    mp = pytest.MonkeyPatch()
    mp.setattr(S.os, "fsync", full_disk)
    try:
        with pytest.raises(OSError):
            saves.write(path, Game.new(august, seed=2), "august-1956")
    finally:
        mp.undo()
    assert path.read_text() == good
    assert not list(tmp_path.glob(".tmp-*"))


def test_report_lists_people_plenums_and_decisions(august):
    g = Game.new(august, seed=5)
    run(g, {"kim": ai.make("history"), "opposition": ai.make("history")})
    rep = final_report(g)
    assert rep["ending"]["id"]
    assert any(p["id"] == "kim_il_sung" for p in rep["people"])
    assert rep["plenums"][0]["motions"]
    assert rep["decisions"] == g.state.decisions
    assert set(rep["factions"]) == {"partisan", "soviet", "yanan", "domestic"}


def test_a_window_shorter_than_a_turn_still_fires(mini_dir):
    from game.scenario.loader import load

    events = (mini_dir / "events.yaml").read_text()
    events += """  - id: brief
    title: "A Brief Window"
    earliest: 1956-01-05
    latest: 1956-01-06
    text: "Between two turns."
"""
    (mini_dir / "events.yaml").write_text(events)
    scn = load(mini_dir).scenario
    g = Game.new(scn, seed=1)
    assert "brief" not in g.state.fired  # turn 1 is 1 January
    g.submit({"t": "end", "side": "kim"})
    g.submit({"t": "end", "side": "opposition"})
    assert "brief" in g.state.fired  # turn 2 (15 January) catches it


def test_plenum_sits_on_its_own_date_then_the_calendar_moves_on(mini):
    g = Game.new(mini, seed=1)
    g.submit({"t": "end", "side": "kim"})
    g.submit({"t": "act", "side": "opposition", "action": "call_session"})
    g.state.plenums["session"].date = "1956-01-10"  # falls inside the turn just ending
    g.submit({"t": "end", "side": "opposition"})
    assert g.state.plenums["session"].status == "held"
    assert g.state.plenums["session"].record["date"] == "1956-01-10"
    assert g.state.date == "1956-01-15" and g.state.advance_to is None


def test_estimates_follow_own_moves_without_new_draws(mini):
    g = Game.new(mini, seed=1)
    before = dict(g.state.estimate_noise["kim"])
    draws = g.state.rng.draws
    est = g.state.estimates["kim"]["kim"][0]
    g.submit({"t": "act", "side": "kim", "action": "lean_on", "target": "rebel"})
    assert g.state.estimate_noise["kim"] == before
    assert g.state.rng.draws == draws + 1  # only the informers' roll; the re-count draws nothing
    assert g.state.estimates["kim"]["kim"][0] >= est


# --------------------------------------------------------------------------- the effect registry


def test_every_effect_kind_of_the_format_is_declared_with_every_part():
    from game.engine.content import Effect
    from game.engine.effect_kinds import KINDS

    assert list(Effect.model_fields) == list(KINDS)  # the format's keys are the registry's
    for key, k in KINDS.items():
        assert k.key == key and k.value is not None
        for part in (k.apply, k.describe, k.refs, k.touched, k.problems):
            assert callable(part), (key, part)
        assert Effect.model_fields[key].description == (k.doc or None)


def _effects_of(scn):
    """Every effect list a scenario holds, with the target kind it runs with."""
    for a in scn.actions:
        for fx in a.success + a.failure:
            yield fx, a.target
    for e in scn.events:
        for o in e.options:
            for fx in o.effects:
                yield fx, "none"
    for p in scn.plenums:
        for m in p.motions:
            for fx in m.on_pass + m.on_fail:
                yield fx, "none"
        for fx in p.after:
            yield fx, "none"


def test_every_shipped_effect_describes_itself_and_names_real_ids(august):
    from game.engine import effects as FX

    seen = set()
    for fx, _target in _effects_of(august):
        seen.add(fx.kind)
        lines = FX.describe(august, [fx], "Nam Il")
        assert all(isinstance(line, str) and line for line in lines)
        if fx.kind not in ("flag", "clear_flag", "var", "log", "codex"):
            assert lines, fx  # only bookkeeping is silent
        for r in FX.referenced_ids(fx):
            if r.kind != "flag" and r.id != "target":
                assert r.id in august.ids(r.kind), (fx, r)
        assert FX.problems(fx) == []
    assert {"person", "pledge", "faction", "patron", "country", "flag", "group"} <= seen


def test_touched_covers_everyone_an_effect_changes(august):
    """What the AI's cheap look-ahead copies must include everyone an effect really changes."""
    from game.engine import effects as FX
    from game.engine.game import Game

    g = Game.new(august, seed=3)
    people = sorted(p for p, q in g.state.people.items() if not q.generated)
    checked = 0
    for i, (fx, target_kind) in enumerate(_effects_of(august)):
        target = people[i % len(people)] if target_kind == "person" else None
        who = FX.touched(g.state, [fx], target)
        if who is None:
            continue
        st = g.state.clone(history=True)
        before = {pid: dict(p.__dict__) for pid, p in st.people.items()}
        FX.apply_effects(st, august, [fx], target=target)
        changed = {pid for pid, p in st.people.items() if p.__dict__ != before[pid]}
        assert changed <= who, (fx, changed - who)
        checked += 1
    assert checked > 50


def test_a_purge_touches_everyone_and_a_pledge_only_its_man(august):
    from game.engine import effects as FX
    from game.engine.content import Effect
    from game.engine.game import Game

    st = Game.new(august, seed=1).state
    pledge = Effect.model_validate({"pledge": {"person": "target", "side": "kim", "add": 10}})
    purge = Effect.model_validate({"person": {"person": "target", "status": "arrested"}})
    assert FX.touched(st, [pledge], "nam_il") == {"nam_il"}
    assert FX.touched(st, [pledge, purge], "nam_il") is None
    branch = Effect.model_validate({"chance": {"percent": 50, "then": [pledge.model_dump(exclude_none=True)]}})
    assert FX.touched(st, [branch], "nam_il") == {"nam_il"}
    assert [r.at for r in FX.referenced_ids(branch)] == [("then", 0, "pledge", "person")]


def test_patron_and_country_measures_are_listed_once():
    from dataclasses import fields

    from game.engine import content as C
    from game.engine import context as X
    from game.engine.basics import COUNTRY_FIELDS, PATRON_FIELDS
    from game.engine.state import CountryState, PatronState

    assert tuple(f.name for f in fields(PatronState)) == PATRON_FIELDS
    assert tuple(f.name for f in fields(CountryState)) == COUNTRY_FIELDS
    assert tuple(k for k in C.PatronDef.model_fields if k in PATRON_FIELDS) == PATRON_FIELDS
    assert tuple(C.Country.model_fields) == COUNTRY_FIELDS
    assert tuple(C.PatronFx.model_fields) == ("patron", *PATRON_FIELDS)
    assert tuple(C.CountryFx.model_fields) == COUNTRY_FIELDS
    assert X.PATRON_ATTRS == PATRON_FIELDS and X.COUNTRY_ATTRS == COUNTRY_FIELDS
    # The save format checks the same fields (it cannot drop or invent one).
    assert tuple(saves.PatronSave.model_fields) == PATRON_FIELDS
    assert tuple(saves.CountrySave.model_fields) == COUNTRY_FIELDS


def test_a_rule_failing_in_play_is_a_rule_error_naming_the_action(mini):
    from game.engine import actions as A
    from game.engine import expr as X

    g = Game.new(mini, seed=1)
    a = mini.actions[0].model_copy(update={"chance": "person.boss.status"})
    with pytest.raises(X.RuleError) as err:
        A.chance(g.state, mini, a, None)
    assert err.value.where == f"action '{a.id}' (chance)"


def test_effect_rules_beyond_the_shape_are_reported_by_their_kind():
    from game.engine import effects as FX
    from game.engine.content import Effect

    def probs(raw):
        return FX.problems(Effect.model_validate(raw))

    assert probs({"group": {"group": "faction"}}) == [((), "group 'faction' needs a 'faction' key")]
    assert probs({"pledge": {"side": "kim", "add": 5}}) == [((), "a pledge names either a 'person' or a 'faction'")]
    assert probs({"plenum": {"plenum": "p", "do": "schedule"}}) == [
        ((), "scheduling a plenum needs a 'date' or 'days'")
    ]
    nested = {"chance": {"percent": 50, "otherwise": [{"pledge": {"side": "kim", "add": 5}}]}}
    assert probs(nested) == [(("otherwise", 0, "pledge"), "a pledge names either a 'person' or a 'faction'")]
    assert FX.referenced_ids(Effect.model_validate({"congress": "third"}))[0].kind == "committee"
