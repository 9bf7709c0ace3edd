"""The speed caches must never answer for a state that has changed behind them.

Each cache here is checked the same way: fill it, change the state in a way it must notice
(without going through the orders), and compare its answer with one worked out from scratch.
"""

import copy

import pytest

from game import ai
from game.ai import belief as B
from game.ai.weights import for_scenario
from game.engine import actions as A
from game.engine import intel
from game.engine.game import Game
from game.engine.rng import Rng
from game.scenario.loader import find_scenario, load
from tests.play import play_moves


@pytest.fixture(scope="module")
def scn():
    return load(find_scenario("august-1956")).scenario


def _midgame(scn, seed: int = 5, moves: int = 40) -> Game:
    return play_moves(Game.new(scn, None, seed), {"kim": ai.make("ai:easy"), "opposition": ai.make("ai:easy")}, moves)


def test_randints_draws_what_randint_draws():
    for lo, hi in ((-100, 100), (-5, 5), (0, 0), (1, 7)):
        a, b = Rng(42), Rng(42)
        one = [a.randint(lo, hi) for _ in range(300)]
        assert b.randints(lo, hi, 300) == one
        assert (a.state, a.inc, a.draws) == (b.state, b.inc, b.draws)


def _fresh_candidates(state, scn, a):
    """The filter run on every person, with no memo at all."""
    saved = (dict(A._TARGET_MEMO), dict(A._TARGET_LAST))
    A._TARGET_MEMO.clear()
    A._TARGET_LAST.clear()
    try:
        return A.candidates(state, scn, a)
    finally:
        A._TARGET_MEMO.clear()
        A._TARGET_LAST.clear()
        A._TARGET_MEMO.update(saved[0])
        A._TARGET_LAST.update(saved[1])


def test_target_lists_follow_a_person_changed_behind_them(scn):
    g = _midgame(scn)
    st = g.state
    person_actions = [a for a in scn.actions if a.target == "person" and a.targets and A._filter_plan(a.targets)]
    assert person_actions
    for a in person_actions:
        first = A.candidates(st, scn, a)
        assert A.candidates(st, scn, a) == first  # answered from the whole-pool cache
        # Change each field the filter reads, one person at a time, behind the cache's back.
        for pid in list(st.people)[:40]:
            p = st.people[pid]
            before = copy.copy(p.__dict__)
            p.cc = "none" if p.cc == "full" else "full"
            p.pledge_kim = 99 - p.pledge_kim
            p.faction = "partisan" if p.faction != "partisan" else "soviet"
            assert A.candidates(st, scn, a) == _fresh_candidates(st, scn, a), (a.id, pid)
            p.status = "executed" if p.status != "executed" else "active"
            assert A.candidates(st, scn, a) == _reference_candidates(st, scn, a), (a.id, pid)
            p.__dict__.clear()
            p.__dict__.update(before)
        assert A.candidates(st, scn, a) == first
        # Someone joins the committee (a new cadre): the lists follow the new pool.
        st.people["cadre_new"] = copy.copy(next(iter(st.people.values())))
        assert A.candidates(st, scn, a) == _fresh_candidates(st, scn, a), a.id
        del st.people["cadre_new"]
        assert A.candidates(st, scn, a) == first


def test_a_list_handed_out_cannot_change_the_cache(scn):
    g = _midgame(scn)
    a = next(a for a in scn.actions if a.target == "person" and a.targets and A._filter_plan(a.targets))
    got = A.candidates(g.state, scn, a)
    want = list(got)
    got.append("nobody")
    assert A.candidates(g.state, scn, a) == want


@pytest.mark.parametrize("side", ["kim", "opposition"])
def test_a_world_shares_only_people_who_read_the_same(scn, side):
    """determinize shares with the state the people whose hidden values the draw leaves as they
    are: every person of the world must read exactly as a full copy would, and the state's own
    people must be untouched."""
    g = _midgame(scn, seed=7, moves=60)
    st = g.state
    w, _flags = for_scenario(scn, "hard")
    before = {pid: dict(p.__dict__) for pid, p in st.people.items()}
    view = intel.side_view(st, scn, side)
    hide = "pledge_opposition" if side == "kim" else "pledge_kim"
    for k in range(3):
        B._DRAWS.clear()  # so the one draw made is the one read back
        d = B.determinize(st, scn, side, view, k, w)
        ((_scn, (pledges, _extra, _exposure, plotters, _found)),) = B._DRAWS.values()
        for pid, q in d.people.items():
            assert q.__dict__[hide] == pledges.get(pid, 0), pid
            if plotters is not None:
                assert q.plotter == (pid in plotters), pid
            real = st.people[pid]
            if q is real:
                assert real.__dict__[hide] == pledges.get(pid, 0)
            # Apart from what is drawn, the world reads as the state.
            assert {f: v for f, v in q.__dict__.items() if f not in (hide, "plotter")} == {
                f: v for f, v in real.__dict__.items() if f not in (hide, "plotter")
            }
    assert {pid: dict(p.__dict__) for pid, p in st.people.items()} == before


def _fresh_view(st, scn, side):
    saved = list(intel._PICTURES)
    intel._PICTURES.clear()
    try:
        return intel.side_view(st, scn, side)
    finally:
        intel._PICTURES[:] = saved


def _fresh_estimates(st, scn):
    from game.engine import world as W

    c = st.clone()
    saved = list(intel._PICTURES)
    intel._PICTURES.clear()
    try:
        W.estimates(c, scn, redraw=False)
    finally:
        intel._PICTURES[:] = saved
    return c.estimates


_CHANGES = [
    ("a member's pledge to Kim", lambda st, pid: setattr(st.people[pid], "pledge_kim", st.people[pid].pledge_kim + 7)),
    ("a member's pledge to the critics", lambda st, pid: setattr(st.people[pid], "pledge_opposition", 33)),
    ("a member's fear", lambda st, pid: setattr(st.people[pid], "fear", 90)),
    ("a member's faction", lambda st, pid: setattr(st.people[pid], "faction", "soviet")),
    ("a member joins the circle", lambda st, pid: setattr(st.people[pid], "plotter", True)),
    ("a member is arrested", lambda st, pid: setattr(st.people[pid], "status", "arrested")),
    ("a member loses the seat", lambda st, pid: setattr(st.people[pid], "cc", "candidate")),
    ("every member's fear", lambda st, pid: [setattr(p, "fear", p.fear + 3) for p in st.people.values()]),
    ("the security service", lambda st, pid: setattr(st.country, "security", st.country.security + 9)),
    ("the cult", lambda st, pid: setattr(st.country, "cult", st.country.cult - 9)),
    ("a patron's favour", lambda st, pid: setattr(next(iter(st.patrons.values())), "favour_kim", 77)),
    ("a faction's cohesion", lambda st, pid: setattr(st.factions["soviet"], "cohesion", 5)),
    ("a faction's standing", lambda st, pid: st.factions["soviet"].standing.update({"ussr": 95})),
    ("Kim's intelligence", lambda st, pid: st.intel.update({"kim": 95})),
    ("the critics' intelligence", lambda st, pid: st.intel.update({"opposition": 95})),
    ("the plot is found", lambda st, pid: st.set_flag("plot_discovered")),
    ("the blur", lambda st, pid: st.estimate_noise["kim"].update({"lean:" + pid: 100})),
    ("the last sighting", lambda st, pid: st.estimate_noise["opposition"].update({"seen:" + pid: 40})),
]


@pytest.mark.parametrize("what,change", _CHANGES, ids=[c[0] for c in _CHANGES])
def test_pictures_follow_a_state_changed_behind_them(scn, what, change):
    g = _midgame(scn, seed=11)
    st = g.state
    for side in ("kim", "opposition"):
        intel.side_view(st, scn, side)  # the cache holds this state's pictures now
    pid = next(p for p, q in st.people.items() if q.cc == "full" and q.status == "active" and not q.plotter)
    change(st, pid)
    for side in ("kim", "opposition"):
        assert intel.side_view(st, scn, side) == _fresh_view(st, scn, side), (what, side)
    from game.engine import world as W

    want = _fresh_estimates(st, scn)
    W.estimates(st, scn, redraw=False)
    assert st.estimates == want, what


def test_a_patched_picture_is_the_fresh_one_to_the_last_bit(scn):
    """Orders that move a few members patch the last picture: it must equal one made afresh."""
    g = Game.new(scn, None, 3)
    players = {"kim": ai.make("ai:normal"), "opposition": ai.make("ai:normal")}
    for _ in range(80):
        s = g.to_move()
        if s is None:
            break
        g.submit(players[s](g, s))
        for side in ("kim", "opposition"):
            assert intel.side_view(g.state, scn, side) == _fresh_view(g.state, scn, side)


def test_the_collector_settings_of_long_runs_change_no_game(scn):
    """The lab and bench tune the garbage collector (game.tools.headless_gc): the same seeds
    must play the same games with and without it."""
    import gc

    from game.tools import headless_gc
    from game.tools.report import run

    def play(seed):
        g = Game.new(scn, None, seed)
        run(g, {"kim": ai.make("ai:normal"), "opposition": ai.make("ai:easy")})
        return g.state.hash()

    plain = [play(s) for s in (31, 32)]
    before = gc.get_threshold()
    headless_gc.tune()
    try:
        assert gc.get_threshold() == (headless_gc.YOUNG, headless_gc.MIDDLE, headless_gc.OLD)
        assert [play(s) for s in (31, 32)] == plain
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def _other_value(v, pool):
    if isinstance(v, bool):
        return not v
    if isinstance(v, int):
        return v + 7 if v < 90 else v - 7
    if isinstance(v, str):
        return next(x for x in pool if x != v)
    return None


def test_pictures_follow_every_field_of_the_state_they_may_read(scn):
    """Not only the fields the picture's key names today: every scalar field of a person, a
    faction, a patron and the country is changed in turn behind the cache, and the view must
    be the fresh one (so a vote rule that comes to read another field cannot leave it stale)."""
    from dataclasses import fields

    g = _midgame(scn, seed=13)
    st = g.state
    pid = next(p for p, q in st.people.items() if q.cc == "full" and q.status == "active")
    pools = {
        "faction": list(scn.ids("faction")),
        "status": ["active", "arrested", "abroad", "expelled"],
        "cc": ["full", "candidate", "none"],
    }
    targets = [
        (st.people[pid], "person"),
        (next(iter(st.factions.values())), "faction"),
        (next(iter(st.patrons.values())), "patron"),
        (st.country, "country"),
    ]
    tried = 0
    for obj, label in targets:
        for f in fields(obj):
            was = getattr(obj, f.name)
            new = _other_value(was, pools.get(f.name, ["a", "b"]))
            if new is None:
                continue
            for side in ("kim", "opposition"):
                intel.side_view(st, scn, side)  # cached for the state as it was
            setattr(obj, f.name, new)
            try:
                for side in ("kim", "opposition"):
                    assert intel.side_view(st, scn, side) == _fresh_view(st, scn, side), (label, f.name, side)
            finally:
                setattr(obj, f.name, was)
            tried += 1
    assert tried > 20


def _all_hints(st, side):
    return tuple(intel.Hint(e.date, e.text) for e in st.log if e.kind == "intel" and e.visible_to == side)


@pytest.mark.parametrize("name", ["august-1956", "campaign-1953"])
def test_the_hints_read_since_last_time_are_every_hint_of_the_log(name):
    """hints() reads only what the log gained since it last read it: over a whole AI game (and
    for a copy of the state, whose log is another list) it must give what a full read gives."""
    s = load(find_scenario(name)).scenario
    g = Game.new(s, None, 4)
    players = {"kim": ai.make("ai:easy"), "opposition": ai.make("ai:easy")}
    seen = 0
    for _ in range(400):
        side = g.to_move()
        if side is None:
            break
        g.submit(players[side](g, side))
        for who in ("kim", "opposition"):
            want = _all_hints(g.state, who)
            assert intel.hints(g.state, who) == want
            seen += len(want)
            c = g.state.clone(history=True)
            c.add_log("Informers report something.", "intel", who)
            assert intel.hints(c, who) == _all_hints(c, who)
            assert intel.hints(g.state, who) == want
    assert seen > 0


def test_whether_an_expression_reads_hidden_things_is_remembered_per_scenario():
    """reads_hidden answers each (expression, side) once per scenario: a second scenario asking
    about the same text gets its own answer (its secret flags differ), never the first one's."""
    scns = [load(find_scenario(n)).scenario for n in ("august-1956", "campaign-1953")]
    srcs = sorted({a.chance for s in scns for a in s.actions if a.chance} | {"flag.critique_drafted + 1"})
    for s in scns:
        for side in ("kim", "opposition"):
            for src in srcs:
                want = B._reads_hidden(src, s, side)
                assert B.reads_hidden(src, s, side) == want
                assert B.reads_hidden(src, s, side) == want
    # The critics' draft is their secret in the campaign, not in August 1956 (asked in turn).
    for _ in range(2):
        assert B.reads_hidden("flag.critique_drafted + 1", scns[1], "kim") is True
        assert B.reads_hidden("flag.critique_drafted + 1", scns[0], "kim") is False


def _reference_candidates(st, scn, a):
    """A person filter's candidates as the rule states them, without actions.candidates: every
    person neither dead nor executed whom the filter admits, in id order."""
    from game.engine import expr as X
    from game.engine.context import EvalContext

    ctx = EvalContext(st, scn, target_kind="person")
    out = []
    for pid, p in st.people.items():
        if p.status in ("dead", "executed"):
            continue
        ctx.target = pid
        if X.compiled(a.targets)(ctx):
            out.append(pid)
    return sorted(out)


def test_a_target_list_drops_the_dead_its_filter_does_not_ask_about(scn):
    """A filter that reads no status still never names the dead or the executed: the kept list
    must notice a person who died behind it, and one who came back."""
    a = next(a for a in scn.actions if a.target == "person" and a.targets)
    a = a.model_copy(update={"id": "anyone", "targets": "target.loyalty >= 0"})
    st = _midgame(scn).state
    first = A.candidates(st, scn, a)
    assert first == _reference_candidates(st, scn, a)
    pid = first[0]
    for status in ("dead", "executed", "active"):
        st.people[pid].status = status
        assert A.candidates(st, scn, a) == _reference_candidates(st, scn, a), status
    assert A.candidates(st, scn, a) == first


def _reference_eligible(state, scn, e, queued):
    """events.eligible as the rule reads, with no remembered dates or keys."""
    from game.engine import events as EV
    from game.engine.basics import date_add

    month = int(state.date[:4]) * 12 + int(state.date[5:7])
    if e.once and e.id in state.fired:
        return False
    if not e.once and not queued and state.vars.get(EV.LAST_FIRED + e.id) == month:
        return False
    if any(p.event == e.id for p in state.pending):
        return False
    if e.triggered_only and not queued:
        return False
    if e.earliest and state.date < e.earliest and not queued:
        return False
    if e.latest and date_add(e.latest, scn.scenario.calendar.turn_days - 1) < state.date:
        return False
    return EV._cond(state, scn, e.condition)


@pytest.mark.parametrize("name", ["august-1956", "campaign-1953"])
def test_which_events_may_fire_is_the_rule_worked_out_afresh(name):
    from game.ai.history import HistoryPlayer
    from game.engine import events as EV

    s = load(find_scenario(name)).scenario
    g = Game.new(s, None, 2)
    players = {"kim": HistoryPlayer(), "opposition": HistoryPlayer()}
    asked = fired = 0
    for _ in range(600):
        side = g.to_move()
        if side is None:
            break
        for e in s.events:
            for queued in (False, True):
                want = _reference_eligible(g.state, s, e, queued)
                assert EV.eligible(g.state, s, e, queued=queued) == want, (e.id, g.state.date)
                asked += 1
                fired += want
        g.submit(players[side](g, side))
    assert asked > 1000 and fired > 10
    # The remembered window ends, asked again, are the dates worked out afresh.
    from game.engine.basics import date_add

    td = s.scenario.calendar.turn_days
    for _ in range(2):
        for e in s.events:
            if e.latest:
                assert EV._last_day(e.latest, td) == date_add(e.latest, td - 1)


@pytest.mark.parametrize("name", ["august-1956", "campaign-1953"])
def test_a_whole_listing_shares_one_reading_of_everyone_and_lists_the_same(name):
    """view() reads everyone's fields once for all its actions: over a whole AI game, every
    action's targets must be the rule's own (worked out afresh for each action)."""
    s = load(find_scenario(name)).scenario
    g = Game.new(s, None, 6)
    players = {"kim": ai.make("ai:easy"), "opposition": ai.make("ai:easy")}
    checked = 0
    for _ in range(300):
        side = g.to_move()
        if side is None:
            break
        for who in ("kim", "opposition"):
            for v in A.view(g.state, s, who):
                if v.open and v.action.target == "person" and v.action.targets:
                    assert v.targets == _reference_candidates(g.state, s, v.action), v.action.id
                    checked += 1
        g.submit(players[side](g, side))
    assert checked > 100


@pytest.mark.parametrize("name", ["august-1956", "campaign-1953"])
def test_each_sides_secret_flags_come_in_the_order_the_draw_sorted_them(name):
    """belief.secret_flags_of keeps, per scenario, each side's secret flags in the order the
    other side's draw used to sort them into on every draw (sorted by flag)."""
    s = load(find_scenario(name)).scenario
    flags = B.private_flags(s)
    for side in ("kim", "opposition"):
        want = tuple(f for f, owner in sorted(flags.items()) if owner == side)
        assert B.secret_flags_of(s, side) == want
    assert sum(len(B.secret_flags_of(s, side)) for side in ("kim", "opposition")) == len(flags)
