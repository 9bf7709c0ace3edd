"""No spoilers: a person file or a codex entry tells only what history has reached by the game's
date. Later events (the plenum, the flight, the arrests, the September reversal) sit in dated
'later' notes and dated codex entries; checked on an early-game state and on a late one."""

from __future__ import annotations

import re

import pygame
import pytest

from game.engine.game import Game
from game.ui import dated as D
from game.ui.screens.codex import build_entries

# Words that give away what happens at or after the August plenum, in text shown from the start.
GIVEAWAY = re.compile(
    r"\b([Ff]led|crossed into China|cross the Yalu|shouted down|[Aa]t the plenum|August plenum|"
    r"exile|executed|tried and shot|reversed|September mission|In September 1956)\b"
)


def test_base_texts_give_nothing_away(august):
    for p in august.people:
        for field in ("role", "bio", "uncertain"):
            text = " ".join((getattr(p, field) or "").split())
            m = GIVEAWAY.search(text)
            assert not m, f"{p.id}.{field} tells of later events ({m.group(0)!r}): move it to a dated 'later' note"
    for c in august.codex:
        if c.locked or c.after or c.category == "source":
            continue
        m = GIVEAWAY.search(" ".join(c.text.split()))
        assert not m, f"codex {c.id} is open from the start but tells of later events ({m.group(0)!r})"


@pytest.mark.parametrize(("start", "shows_later"), [("congress", False), ("late", True)])
def test_files_and_codex_follow_the_game_date(august, start, shows_later):
    g = Game.new(august, "congress", 1)
    st = g.state
    if start == "late":
        st.date = "1956-12-31"
    date = st.date
    # the person files: no later note before its date; all of them once it has passed
    for p in august.people:
        shown = D.text_at(p.bio, p.later, date)
        for n in p.later:
            said = " ".join(n.text.split())
            assert (said in shown) == (n.after <= date), (p.id, n.after, date)
    # the codex: everything unlocked, as if every event had fired; dated entries stay shut early
    unlocked = {c.id for c in august.codex}
    entries = build_entries(august, unlocked, date)
    by_id = {e.id: e for e in entries}
    for c in august.codex:
        if c.after and c.after > date and c.category not in ("person", "faction"):
            assert by_id[c.id].locked, c.id
        if c.after and c.after > date and c.category == "person":
            assert c.id not in by_id or by_id[c.id].locked  # the person's open file stands in
        for n in c.later:
            e = by_id.get(c.id)
            if e is not None and not e.locked:
                assert (" ".join(n.text.split()) in e.text) == (n.after <= date), (c.id, n.after)
    opened = [e for e in entries if not e.locked]
    later_shown = any("In history, " in e.text for e in opened)
    assert later_shown == shows_later


def test_person_screen_on_an_early_date_shows_no_later_note(august):
    from game.ui import text as T
    from game.ui.screens.person import PersonScreen
    from game.ui.session import Players, Session
    from tests.ui_helpers import make_app, pump

    app = make_app()
    try:
        sess = Session(Game.new(august, "congress", 1), "august-1956", Players(("kim",), "normal"))
        app.session = sess
        drawn: list[str] = []
        real = T.draw_box

        def spy(surf, text, *a, **kw):
            drawn.append(text)
            return real(surf, text, *a, **kw)

        T.draw_box = spy
        try:
            for pid in ("so_hwi", "nam_il", "choe_chang_ik", "yun_kong_hum"):
                app.reset(PersonScreen(app, pid))
                pump(app)
        finally:
            T.draw_box = real
        text = " ".join(drawn)
        assert "In history, " not in text
        assert not GIVEAWAY.search(text), GIVEAWAY.search(text)
    finally:
        pygame.quit()


def test_a_codex_title_dated_later_waits_for_its_date(august):
    """An entry whose title names a day (the meeting of 7-8 June) never opens weeks before it."""
    from game.engine.basics import MONTHS

    months = {m: i + 1 for i, m in enumerate(MONTHS)}
    pat = re.compile(r"(\d{1,2})(?:[-–]\d{1,2})? (" + "|".join(MONTHS) + r") (\d{4})")
    for c in august.codex:
        m = pat.search(c.title)
        if c.category == "source" or not m:
            continue
        day = f"{m.group(3)}-{months[m.group(2)]:02d}-{int(m.group(1)):02d}"
        opens = [e.earliest for e in august.events if c.id in e.codex and e.earliest]
        if c.after is None and opens and min(opens) < day:
            # a week's grace: the event of the day itself may fire on the turn before
            import datetime as dt

            gap = (dt.date.fromisoformat(day) - dt.date.fromisoformat(min(opens))).days
            assert gap <= 3, f"codex {c.id} ({c.title}) may open {gap} days early: give it 'after: {day}'"


def test_a_campaign_file_opened_in_1953_tells_nothing_of_1956():
    """The campaign reuses the 1956 cast: its texts, read in July 1953, leave out every sentence
    about a day still to come (dated notes or not)."""
    from pathlib import Path

    from game.scenario.loader import load
    from game.ui.dated import latest_date

    res = load(Path(__file__).resolve().parents[1] / "game" / "scenarios" / "campaign-1953")
    assert res.ok
    campaign = res.scenario

    g = Game.new(campaign, None, 1)
    date = g.state.date
    assert date < "1954-01-01"
    for p in campaign.people:
        shown = D.text_at(p.bio or p.role, p.later, date) + " " + D.known_text(p.uncertain, date)
        for sentence in re.split(r"(?<=[.!?])\s+", shown):
            assert latest_date(sentence) <= date, (p.id, sentence)
    entries = build_entries(campaign, {c.id for c in campaign.codex}, date)
    for e in entries:
        if e.locked:
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", f"{e.text} {e.uncertain}"):
            assert latest_date(sentence) <= date, (e.id, sentence)


def _choice_texts(scn, tactics: bool):
    """(where, text) for every event option's detail and, with ``tactics``, every plenum tactic's
    summary: what a player reads beside a choice."""
    for e in scn.events:
        for o in e.options:
            yield f"{e.id}.{o.id}", o.detail or ""
    if tactics:
        for pl in scn.plenums:
            for t in pl.tactics:
                yield f"{pl.id}.{t.id}", t.summary or ""


@pytest.mark.parametrize("name", ["august", "campaign"])
def test_no_option_detail_names_history_s_choice(name, request):
    # "Reveal history's choice" is the player's to press: an option's own detail must not say
    # which option history took (two did: "The historical choice. ..." on the flight north).
    scn = request.getfixturevalue(name)
    said = re.compile(r"\b(the )?historical (choice|course|option)\b", re.IGNORECASE)
    for where, text in _choice_texts(scn, tactics=False):
        assert not said.search(text), f"{where}: {text!r}"


@pytest.mark.parametrize("name", ["august", "campaign"])
def test_no_choice_says_what_the_record_shows(name, request):
    # Nor may an option's detail or a tactic's summary tell what really happened at that choice
    # ("What the record shows: Kim moved the reconsideration himself"; "What the March 1956
    # plenum did, in the standard accounts"): the codex and the reveal hold it. Interpretations
    # stay labelled as such ("An interpretation: no such motion was tabled").
    scn = request.getfixturevalue(name)
    said = re.compile(r"what the record shows|in the standard accounts|what the [\w ]+ (plenum|congress) did", re.I)
    for where, text in _choice_texts(scn, tactics=True):
        assert not said.search(text), f"{where}: {text!r}"
