"""Following history in August 1956 ends as 1956 did."""

import re

import pytest

from game import ai
from game.engine.game import Game
from game.tools.report import run


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_history_replay_ends_as_1956_did(august, seed):
    g = Game.new(august, seed=seed)
    run(g, {"kim": ai.make("history"), "opposition": ai.make("history")})
    st = g.state
    ending = august.get("ending", st.ending)
    assert ending.historical, st.ending
    assert ending.victor == "kim"
    assert "party_chairman" in st.people["kim_il_sung"].offices
    critics = ("choe_chang_ik", "pak_chang_ok", "yun_kong_hum", "so_hwi", "ri_phil_gyu")
    assert all(st.people[c].status in ("expelled", "fled", "arrested", "active", "demoted") for c in critics)
    assert all(
        not st.people[c].offices or st.people[c].status != "active" or c in ("choe_chang_ik", "pak_chang_ok")
        for c in critics
    )
    assert sum(1 for c in critics if st.people[c].status == "fled") >= 2
    assert st.plenums["august_plenum"].status == "held"
    assert "expel_critics" in st.plenums["august_plenum"].record["passed"]


def test_eve_of_plenum_reaches_the_session_quickly(august):
    g = Game.new(august, "eve_of_plenum", seed=1)
    run(g, {"kim": ai.make("ai"), "opposition": ai.make("ai")})
    pl = g.state.plenums["august_plenum"]
    assert pl.status == "held"
    assert pl.record["date"] <= "1956-09-07"


# ---------------------------------------------------------------- the record, person by person
# Where each named person stood on 31 December 1956, as far as the record shows (codex and
# people.yaml give the sources): status, and posts they must or must not hold.
FATES_1956 = {
    "kim_il_sung": ("active", {"party_chairman", "premier"}, set()),
    "choe_yong_gon": ("active", {"defence_minister", "cc_vice_chairman"}, set()),
    "nam_il": ("active", {"foreign_minister"}, set()),
    "pang_hak_se": ("active", {"interior_minister"}, set()),
    "kim_tu_bong": ("active", {"head_of_state"}, set()),
    "pak_chang_ok": ("active", {"factory_manager"}, {"vice_premier", "planning_chairman"}),  # Madong
    "choe_chang_ik": ("active", {"monuments_committee"}, {"vice_premier"}),
    "ri_jong_ok": ("active", {"planning_chairman"}, set()),
    "yun_kong_hum": ("fled", set(), set()),
    "so_hwi": ("fled", set(), set()),
    "ri_phil_gyu": ("fled", set(), set()),
    "kim_kang": ("fled", set(), set()),
    "ri_sang_jo": ("abroad", set(), {"ambassador_moscow"}),  # recalled, stayed in the USSR
    "kim_sung_hwa": ("abroad", set(), {"construction_minister"}),  # the Higher Party School
    "pak_il_u": ("demoted", set(), set()),  # release decided in November
    "pak_hon_yong": ("executed", set(), set()),
    "ri_sung_yop": ("executed", set(), set()),
    "ho_ka_i": ("dead", set(), set()),
    "mu_chong": ("dead", set(), set()),
}
# Restored to the Central Committee in September 1956 (D62), whatever else befell them.
CC_1956 = {"choe_chang_ik": "full", "pak_chang_ok": "full", "ri_sang_jo": "none"}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_fates_at_the_end_of_1956_match_the_record(august, seed):
    g = Game.new(august, seed=seed)
    run(g, {"kim": ai.make("history"), "opposition": ai.make("history")})
    wrong = []
    for pid, (status, must, must_not) in FATES_1956.items():
        p = g.state.people[pid]
        if p.status != status or not must <= set(p.offices) or must_not & set(p.offices):
            wrong.append(f"{pid}: {p.status} {sorted(p.offices)} (record: {status}, holds {sorted(must)})")
    for pid, seat in CC_1956.items():
        if g.state.people[pid].cc != seat:
            wrong.append(f"{pid}: seat {g.state.people[pid].cc} (record: {seat})")
    assert not wrong, wrong


# ---------------------------------------------------------------- the bibliography
SCENARIO_DIRS = ("august-1956", "campaign-1953")


def _keys_used(scn):
    used = set()
    for section in ("people", "events", "codex"):
        for item in getattr(scn, section):
            used.update(item.sources)
    return used


@pytest.mark.parametrize("name", SCENARIO_DIRS)
def test_every_source_key_has_a_full_citation(name):
    from pathlib import Path

    from game.scenario.loader import load

    root = Path(__file__).resolve().parents[1]
    scn = load(root / "game" / "scenarios" / name).scenario
    cites = {c.cite.key: c for c in scn.codex if c.cite}
    missing = sorted(_keys_used(scn) - set(cites))
    assert not missing, f"source keys without a bibliography entry: {missing}"
    for c in cites.values():
        assert c.category == "source" and c.cite.title and c.cite.where, c.id
    # The same list, with the same keys, is printed in docs/SOURCES.md.
    doc = (root / "docs" / "SOURCES.md").read_text(encoding="utf-8")
    absent = sorted(k for k in cites if f"**{k}**" not in doc)
    assert not absent, f"keys missing from docs/SOURCES.md: {absent}"
    # Nothing points outside the repository: no web addresses, no paths to shared files.
    for c in scn.codex:
        for text in (c.text, c.uncertain, *(c.cite.model_dump().values() if c.cite else ())):
            assert "http" not in text and "facts.md" not in text and "/work/" not in text, c.id


# ---------------------------------------------------------------- text that cannot contradict the game
_FORETOLD = re.compile(r"\b(19[5-6]\d)\b")
# Editing marks that once reached the screen ('[DISAGREE]') or would read as unfinished work.
_MARKS = re.compile(r"\[[A-Z][A-Z ]+\]|TODO|FIXME|XXX")


# The fields a player reads (dates, ids and expressions are data, not prose).
_PROSE_KEYS = {
    "text",
    "title",
    "name",
    "role",
    "bio",
    "fate",
    "uncertain",
    "detail",
    "summary",
    "success_text",
    "failure_text",
    "history",
    "agenda",
    "topic",
    "label",
    "description",
    "outcome",
    "note",
}


def _prose(value, key=None):
    if isinstance(value, str):
        if key in _PROSE_KEYS:
            yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            if k != "cite":
                yield from _prose(v, k)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _prose(v, key)


@pytest.mark.parametrize("name", SCENARIO_DIRS)
def test_event_texts_name_no_year_after_their_own(name):
    """An event's text may recall the past but not foretell it: a year later than the last day the
    event can fire would contradict a game that has gone another way."""
    from pathlib import Path

    from game.scenario.loader import load

    scn = load(Path(__file__).resolve().parents[1] / "game" / "scenarios" / name).scenario
    bad = []
    for ev in scn.events:
        last = ev.latest or ev.earliest
        if last is None:
            continue
        year = int(str(last)[:4])
        for m in _FORETOLD.finditer(ev.text):
            if int(m.group(1)) > year:
                bad.append(f"{ev.id}: '{ev.text[max(0, m.start() - 40) : m.end()]}'")
    assert not bad, bad


@pytest.mark.parametrize("name", SCENARIO_DIRS)
def test_no_editing_marks_in_player_facing_text(name):
    from pathlib import Path

    from game.scenario.loader import load

    scn = load(Path(__file__).resolve().parents[1] / "game" / "scenarios" / name).scenario
    bad = []
    for section in ("people", "events", "codex", "plenums", "endings", "actions"):
        for item in getattr(scn, section):
            for text in _prose(item.model_dump()):
                if _MARKS.search(text) or re.search(r"\b\d{4}-\d{2}-\d{2}\b", text):
                    bad.append(f"{section}:{item.id}: {text[:80]}")
    assert not bad, bad


@pytest.mark.parametrize("name", SCENARIO_DIRS)
def test_a_source_named_in_an_events_text_is_among_its_chips(name):
    """Prose that cites a source by its key ("SUH88", "L1") must list that key in the event's
    sources, so the citation it points to is one click away on the same screen. (A single
    capital followed by a full stop is an initial, as in "A. M. Petrov", not the key "M".)"""
    from pathlib import Path

    from game.scenario.loader import load
    from game.ui.sources import bibliography

    scn = load(Path(__file__).resolve().parents[1] / "game" / "scenarios" / name).scenario
    keys = set(bibliography(scn))
    bad = []
    for ev in scn.events:
        prose = [ev.text] + [t for o in ev.options for t in (o.text, o.detail or "")]
        for text in prose:
            for m in re.finditer(r"\b([A-Za-z0-9]+)\b(\.?)", text):
                key, stop = m.group(1), m.group(2)
                if key in keys and key not in ev.sources and not (len(key) == 1 and stop):
                    bad.append(f"{ev.id}: {key} in '{text[max(0, m.start() - 30) : m.end() + 10]}'")
    assert not bad, bad
