"""The text-mode game (game/tools/terminal.py), driven with scripted input as a player types it:
numbers that stay put within a phase, dates in words, the critics' exposure band, the side's own
estimate of each lean (never the true one), the forecast before a plenum, the ending's date."""

from __future__ import annotations

import io
import re

import pytest

from game.engine.game import Game
from game.engine.intel import exposure_band, side_view
from game.engine.plenum import leans, present_members
from game.figures import shown_total
from game.played import play_out, tactic_plays_words
from game.tools.lab import make_player
from game.tools.terminal import SETTLED_PREFIX, Quit, TerminalPlayer, date_words, ending_line, prose

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
MENU_ROW = re.compile(r"^\s+(?:(\d+)\.|\((\d+)\)) \[\d+\] (.+?)(?:  (?:about )?\d+%)?(?:  -- .*)?$")


def player(script: str) -> tuple[TerminalPlayer, io.StringIO]:
    out = io.StringIO()
    return TerminalPlayer(inp=io.StringIO(script), out=out), out


def to_side(g: Game, side: str) -> None:
    """Play the other side by history until `side` is to move."""
    other = make_player("history", "kim" if side == "opposition" else "opposition", g.scn)
    while g.to_move() not in (side, None):
        g.submit(other(g, g.to_move()))


def menus(text: str) -> list[dict[int, str]]:
    """Each action menu printed, as number -> action name."""
    out: list[dict[int, str]] = []
    for block in text.split("Actions (")[1:]:
        rows: dict[int, str] = {}
        for line in block.splitlines()[1:]:
            if "0. End your turn" in line:
                break
            m = MENU_ROW.match(line)
            if m:
                rows[int(m.group(1) or m.group(2))] = m.group(3)
        out.append(rows)
    return out


def test_numbers_stay_put_within_a_phase_and_end_has_a_fixed_key(august):
    g = Game.new(august, None, 3)
    to_side(g, "opposition")
    probe, _ = player("")
    ids = [aid for aid, _v in probe.menu(g, "opposition")]
    assert "lie_low" in ids and "draft_critique" in ids
    n_lie, n_draft = ids.index("lie_low") + 1, ids.index("draft_critique") + 1

    p, out = player(f"{n_draft}\n1\n{n_draft}\n{n_lie}\n1\n")
    first = p(g, "opposition")
    assert first == {"t": "act", "side": "opposition", "action": "draft_critique"}
    g.submit(first)
    # The number seen a moment ago for "Lie low" is still "Lie low", not "End your turn"; the
    # spent action keeps its number and only says why it cannot be taken again.
    second = p(g, "opposition")
    assert second == {"t": "act", "side": "opposition", "action": "lie_low"}
    text = out.getvalue()
    assert "Not possible now:" in text
    shown = menus(text)
    assert len(shown) >= 3
    for later in shown[1:]:
        for num, name in shown[0].items():
            assert later[num] == name, (num, name, later)
    assert all("0. End your turn" in b for b in text.split("Actions (")[1:])

    g.submit(second)
    for key in ("0", "e"):
        g2 = Game.new(august, None, 3)
        to_side(g2, "opposition")
        p2, _ = player(f"{key}\n")
        assert p2(g2, "opposition") == {"t": "end", "side": "opposition"}


def test_numbers_stay_put_from_turn_to_turn_as_actions_open_and_close(august):
    """A number means one action for the whole game: over a dozen turns of each side, as actions
    open and close, every menu printed gives each number the same name, and lists every action
    of the side (the closed ones say why)."""
    for side in ("opposition", "kim"):
        g = Game.new(august, None, 5)
        other = make_player("history", "kim" if side == "opposition" else "opposition", g.scn)
        p, out = player("0\n1\n" * 60)
        opened: set[frozenset[str]] = set()
        while g.to_move() is not None and g.state.turn <= 12:
            s = g.to_move()
            if s == side and g.state.phase == side:
                opened.add(frozenset(v.action.id for v in g.actions(side) if v.open))
            g.submit(p(g, s) if s == side else other(g, s))
        shown = [m for m in menus(out.getvalue()) if m]
        assert len(shown) >= 8 and len(opened) >= 2, (len(shown), len(opened))  # actions did open and close
        names = {v.action.name for v in g.actions(side)}
        for m in shown:
            assert m == shown[0]
            assert set(m.values()) == names
        assert "not now:" in out.getvalue()
        # A long reason ("no one qualifies now (it needs ...)") wraps under the name.
        for block in out.getvalue().split("Actions (")[1:]:
            menu = block.split("0. End your turn")[0]
            assert all(len(line) <= 88 for line in menu.splitlines()), max(menu.splitlines(), key=len)


def test_a_few_turns_on_each_side_dates_in_words_and_what_each_side_sees(august):
    for side in ("opposition", "kim"):
        g = Game.new(august, None, 4)
        other_side = "kim" if side == "opposition" else "opposition"
        other = make_player("history", other_side, g.scn)
        # Take the first action on offer (and the first target), answer every dispatch with its
        # first option, end the turn: a few turns of it.
        p, out = player("1\n1\n1\n0\n" * 40)
        turns_seen = set()
        exposures = []
        try:
            while g.to_move() is not None and g.state.turn <= 4:
                s = g.to_move()
                if s == side:
                    turns_seen.add(g.state.turn)
                    if side == "opposition":
                        exposures.append(exposure_band(g.state.exposure)[0])
                    g.submit(p(g, s))
                else:
                    g.submit(other(g, s))
        except Quit:
            pass
        text = out.getvalue()
        assert len(turns_seen) >= 3
        assert not ISO.search(text), ISO.search(text)
        assert "25 February 1956" in text
        if side == "opposition":
            assert "Your exposure: " in text
            for word in exposures:
                assert f"Your exposure: {word} -- " in text
            assert re.search(r"(No sign that Kim knows|You suspect Kim knows|Kim knows) of the plot", text)
        else:
            # Kim is never told the critics' exposure band, or anything of the kind.
            assert "Your exposure" not in text
            assert "The critics' plot: " in text
        for line in text.splitlines():
            body = line.strip()
            m = re.match(r"^\d{1,2} [A-Z][a-z]+ \d{4}  (.)", body)
            if m:
                assert not m.group(1).islower(), line


def test_prose_and_dates():
    assert date_words("1956-08-30") == "30 August 1956"
    assert prose("on 1956-08-30 the critics met.") == "On 30 August 1956 the critics met."
    assert (
        prose("Informers report that the critics were busy: build a coalition.")
        == "Informers report that the critics were seen at work: “Build a coalition”."
    )
    # An undecided lean never shows a figure that would vote (band 6: +5.7 reads +5).
    from game.tools.terminal import lean_words

    assert lean_words(5.7, 3) == "undecided, lean +5±3" and lean_words(6.2, 3) == "with Kim, lean +6±3"
    assert lean_words(-5.6, 2) == "undecided, lean -5±2"
    # The figure reads as a lean, not as a count with the critics ("with the critics -7" did).
    assert lean_words(-7.2, 5) == "with the critics, lean -7±5"


def test_target_picker_shows_the_sides_own_estimate_and_marks_non_voters(august):
    g = Game.new(august, None, 3)
    to_side(g, "opposition")
    view = {v.action.id: v for v in g.actions("opposition")}["recruit_member"]
    p, _out = player("")
    rows = p.target_rows(g, "opposition", view, limit=None)
    est = side_view(g.state, g.scn, "opposition").members
    # Named figures first; then the unnamed voters nearest the line by the side's own estimate.
    unnamed = [est[pid].lean for pid, _ in rows if pid in est and g.state.people[pid].generated]
    assert unnamed == sorted(unnamed, key=abs) and len(unnamed) > 3
    true = leans(g.state, g.scn, present_members(g.state))
    differs = 0
    marked = 0
    for pid, line in rows:
        m = re.search(r"your estimate: (?:with Kim|undecided|with the critics), lean ([+-]\d+)±(\d+)", line)
        if pid in est:
            assert m, line
            assert int(m.group(1)) == shown_total(est[pid].lean)  # kept on its side of the band
            assert int(m.group(2)) == round(est[pid].error)
            differs += round(true[pid]) != round(est[pid].lean)
        else:
            assert "no vote" in line, line
            marked += 1
    assert differs, "the estimates happen to equal the true leans: the test proves nothing"
    assert marked, "no candidate among the targets: the non-voter mark is untested"

    # What Kim has secured since the critics' last report is hidden from them: the lean the
    # picker shows does not move when it changes. (The odds beside it are the engine's preview,
    # which does read it: see the report of this change.)
    def shown_leans(rs):
        return [(pid, line.split("your estimate: ")[-1]) for pid, line in rs]

    target = next(pid for pid, _ in rows if pid in est)
    g.state.people[target].pledge_kim += 40
    assert shown_leans(p.target_rows(g, "opposition", view, limit=None)) == shown_leans(rows)


def test_plenum_tactic_choice_shows_the_forecast_per_tactic_and_shout_down_odds(august):
    g = Game.new(august, None, 3)
    kim = make_player("history", "kim", g.scn)
    opp = make_player("history", "opposition", g.scn)
    while g.to_move() is not None:
        s = g.to_move()
        if s == "opposition" and any(p.side == s and p.event.startswith("plenum:") for p in g.state.pending):
            break
        g.submit((kim if s == "kim" else opp)(g, s))
    else:
        pytest.fail("no plenum tactic to choose")
    rng = g.state.rng
    rng_before = (rng.state, rng.inc, rng.draws)
    p, out = player("1\n")
    order = p(g, "opposition")
    assert order["t"] == "tactic"
    text = out.getvalue()
    assert "Your count today." in text
    assert "Shout-down odds, before any tactic is chosen:" in text
    n_tactics = len(g.options(next(x for x in g.state.pending if x.side == "opposition")))
    assert text.count("Forecast: with Kim ") == n_tactics
    # the window's figures: the same tally (game/played.play_out, which the window's session
    # caches: tests/test_ui_main_band), word for word
    pend = next(x for x in g.state.pending if x.side == "opposition")
    pdef = g.scn.get("plenum", pend.event.split(":", 1)[1])
    shared = play_out(g.state, g.scn, "opposition", side_view(g.state, g.scn, "opposition"), pdef)
    assert shared is not None and shared.by_tactic
    flat = " ".join(text.split())
    for t in g.options(pend):
        if t.id in shared.by_tactic:
            assert "Forecast: " + tactic_plays_words(shared.by_tactic[t.id]) in flat
    assert f"played out {shared.runs} times" in flat
    # and where each leads, once per tactic (the words wrap, so count the start)
    assert text.count("Where it leads, of ") == n_tactics
    assert (rng.state, rng.inc, rng.draws) == rng_before  # the forecast never touches the game's dice


def test_ending_line_names_the_day_the_game_was_decided(august):
    g = Game.new(august, None, 3)
    st = g.state
    st.add_log(f"{SETTLED_PREFIX} (An Uneasy Truce); the calendar moves to its end.", "info")
    st.date = st.end_date
    st.ending = "uneasy_truce"
    line = ending_line(g)
    assert "decided on 25 February 1956" in line
    assert "ran on to 31 December 1956" in line
    assert not ISO.search(line)


def test_simulate_prints_the_ending_line_in_words(august, capsys):
    from game.cli import main

    assert main(["simulate", "--kim", "history", "--opposition", "history", "--seed", "3"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("Ending:"))
    # History vs history is settled before the calendar's end (the sole-rule ending's `settled`).
    assert re.search(r"decided on \d{1,2} [A-Z][a-z]+ 1956", line) and not ISO.search(line), line


def test_the_critics_are_told_when_their_exposure_band_moves_and_the_plot_is_found(august):
    g = Game.new(august, None, 3)
    to_side(g, "opposition")
    p, _out = player("")
    v0 = side_view(g.state, g.scn, "opposition")
    assert p.danger_news(v0) == []  # the first reading is the header itself
    g.state.exposure = 50  # "watched": fears the worst
    v1 = side_view(g.state, g.scn, "opposition")
    news = p.danger_news(v1)
    assert any("exposure has risen" in n and "watched" in n for n in news), news
    assert any("suspect Kim knows of the plot" in n for n in news), news
    g.state.intel["opposition"] = 60
    g.state.flags.append("plot_discovered")
    news = p.danger_news(side_view(g.state, g.scn, "opposition"))
    assert any("Kim knows of the plot" in n for n in news), news
    # Kim is never told the critics' exposure.
    k = TerminalPlayer(inp=io.StringIO(""), out=io.StringIO())
    kv = side_view(g.state, g.scn, "kim")
    k.danger_news(kv)
    assert all("exposure" not in line.lower() for line in k.view_lines(kv))


def test_an_actions_result_is_printed_once(august):
    g = Game.new(august, None, 3)
    # Secure a vote on the first target, confirm; then end the turn.
    p, out = player("1\n1\n1\n0\n")
    order = p(g, "kim")
    assert order["t"] == "act"
    outcome = g.submit(order)
    p.result(g, "kim", outcome.text)
    assert p(g, "kim")["t"] == "end"
    text = out.getvalue()
    assert f">> {prose(outcome.text)}" in text
    assert text.count(prose(outcome.text)) == 1, text


def test_hot_seat_hands_the_keyboard_over_and_holds_each_sides_plenum_report(august):
    from game.engine.vote_rule import hidden_labels
    from game.figures import HIDDEN_VOTE_LABEL
    from game.tools.terminal import HotSeat

    g = Game.new(august, None, 3)
    seat = HotSeat()
    out = io.StringIO()
    kim = TerminalPlayer(inp=io.StringIO("0\n"), out=out, seat=seat)
    opp = TerminalPlayer(inp=io.StringIO("\n0\n"), out=out, seat=seat)
    g.submit(kim(g, "kim"))
    assert "Pass the keyboard" not in out.getvalue()  # the first side just sits down
    before = len(out.getvalue())
    to_side(g, "opposition")
    g.submit(opp(g, "opposition"))
    handed = out.getvalue()[before:]
    assert handed.index("Pass the keyboard to the Opposition") < handed.index("playing the Opposition")

    # Play on by history until the August plenum has sat; its report waits for each side's turn.
    hist = {s: make_player("history", s, g.scn) for s in ("kim", "opposition")}
    while g.state.plenums["august_plenum"].status != "held":
        s = g.to_move()
        g.submit(hist[s](g, s))
    seat.side = "opposition"
    kim.plenum_report(g, "august_plenum", "kim")
    opp.plenum_report(g, "august_plenum", "opposition")
    text = out.getvalue()
    assert text.count("*** ") >= 1 and kim._reports and not opp._reports
    held = "\n".join(kim._reports)
    assert "VOTE:" in held
    for label in hidden_labels("kim"):  # the critics' pledges are never named to Kim
        assert label not in held
    # Kim's seat comes round: the report is shown after the hand-over, not before.
    kim.inp = io.StringIO("\n0\n")
    before = len(out.getvalue())
    to_side(g, "kim")
    assert g.to_move() == "kim"
    kim(g, "kim")
    after = out.getvalue()[before:]
    assert after.index("Pass the keyboard to Kim Il Sung") < after.index("VOTE:")
    assert not kim._reports
    # The critics' pledges, where they counted, appear only as the one unnamed term.
    assert HIDDEN_VOTE_LABEL in after or "Won over" not in after


def test_after_a_game_the_terminal_prints_the_computers_reasons(august, capsys, monkeypatch):
    from game.cli import main

    # A Kim who ends every phase and takes the first option of every dispatch.
    monkeypatch.setattr("sys.stdin", io.StringIO("e\n1\n" * 200))
    assert (
        main(["simulate", "--start", "eve_of_plenum", "--kim", "human", "--opposition", "ai:easy", "--seed", "4"]) == 0
    )
    out = capsys.readouterr().out
    m = re.search(r"HOW THE COMPUTER PLAYED THE OPPOSITION \((\d+) moves explained\)\n", out)
    assert m and int(m.group(1)) > 0, out[-2000:]
    after = out[m.end() :].splitlines()
    dated = [ln for ln in after if re.match(r"^  \d{1,2} [A-Z][a-z]+ \d{4}  \S", ln)]
    assert len(dated) == int(m.group(1))


def test_absurd_input_gets_the_prompt_again_not_a_traceback(august):
    g = Game.new(august, None, 3)
    # A line of 100,000 digits, a line of rubbish, then a real choice (end the turn).
    p, out = player("9" * 100_000 + "\n" + "\x00\xff{[(" * 1000 + "\n0\n")
    assert p(g, "kim")["t"] == "end"
    assert out.getvalue().count("Type a number from 1 to") == 2


def test_target_picker_sorts_by_odds_or_name_on_a_key_and_keeps_it(august):
    """As the window's dialog has three sorts, the terminal's picker takes o (best odds), a (by
    name) and w (nearest the line), shows the list again in that order and keeps it."""
    g = Game.new(august, None, 3)
    to_side(g, "opposition")
    view = {v.action.id: v for v in g.actions("opposition")}["recruit_member"]
    p, out = player("o\no\na\n1\n")  # the second o: the sort in use, the list shown again
    target = p._pick_target(g, "opposition", view)
    text = out.getvalue()
    assert "o best odds" in text and "a by name" in text
    lists = [b for b in text.split("Leans are your own estimates")[1:]]
    heads = [" ".join(b.split("\n   1.")[0].split()) for b in lists]  # the wrapped note, as one line
    assert len(lists) == 4 and "Type a number" not in text
    del lists[1]
    heads = heads[:1] + heads[2:]
    assert len(lists) == 3 and "the best odds first" in heads[1] and "by name first" in heads[2]

    def odds_of(block):
        return [int(x) for x in re.findall(r"\((\d+)%", block)]

    # Best odds first as the window's dialog orders them (words.target_key): those with a vote
    # first (a candidate's pledge moves no vote), each group by its odds, named or not.
    rows = re.findall(r"^\s+\d+\. (.+?)  \((\d+)%; (.+?)\)$", lists[1], re.M)
    groups = [("no vote" in rest) for name, _, rest in rows]
    assert groups == sorted(groups)
    for gkey in set(groups):
        odds = [int(o) for (_, o, _), k in zip(rows, groups) if k == gkey]
        assert odds == sorted(odds, reverse=True)
    assert odds_of(lists[1]) != odds_of(lists[0])
    names = re.findall(r"^\s+\d+\. (.+?)  \(", lists[2], re.M)
    named = [n for n in names if not n.startswith("Cadre")]
    assert names == sorted(named) + sorted(n for n in names if n.startswith("Cadre")) and len(named) > 5
    assert (
        target
        == sorted(
            (t for t in view.targets if not g.state.people[t].generated), key=lambda t: p._target_name(g, "person", t)
        )[0]
    )
    assert p.target_sort == "name"  # kept for the next picker
    assert "a by name" not in text.split("Leans are your own estimates")[-1]  # the sort in use is not offered


def test_a_decision_point_lists_what_its_flags_mean(campaign):
    """The terminal lists an option's effects as the window does, flags included: "Put both
    cases before the December plenum" sets the flag the plenum's motion needs."""
    g = Game.new(campaign, "dogmatism", 3)
    t, out = player("1\n1\n")
    with pytest.raises(Quit):
        while True:
            side = g.to_move()
            if side is None:
                break
            order = t(g, side) if side == "kim" else make_player("history", side, campaign)(g, side)
            if order:
                g.submit(order)
    text = out.getvalue()
    i = text.index("Put both cases before the December plenum")
    assert "From now on: charges against Pak Il-u and Pak Yong-bin are before the plenum" in text[i : i + 400]


def test_an_action_preview_says_what_its_flag_means(august):
    """The terminal's action preview, as the window's dialog: drafting the critique says what
    its flag opens to the critics ("From now on: the critics have drafted their critique")."""
    g = Game.new(august, None, 3)
    to_side(g, "opposition")
    t, out = player("")
    with pytest.raises(Quit):
        t(g, "opposition")
    row = next(k for k, name in menus(out.getvalue())[0].items() if name == "Draft the critique")
    t, out = player(f"{row}\n2\n")
    with pytest.raises(Quit):
        t(g, "opposition")
    assert "From now on: the critics have drafted their critique" in " ".join(out.getvalue().split())


def test_an_events_day_in_history_is_said_as_historys(august):
    """An event text that opens with history's day ("19 April. Ambassador Ivanov...") read as a
    contradiction at the terminal when the game put the event on 7 April; the terminal now says
    it as the window does, beside the title."""
    from game.words import history_date

    e = august.get("event", "ivanov_pak_hon_yong")
    when, body = history_date(e.text)
    assert when == "19 April" and body.startswith("Ambassador Ivanov")
    g = Game.new(august, None, 5150)
    g.state.pending.clear()
    from game.engine.state import Pending

    g.state.pending.append(Pending(event=e.id, side="kim"))
    t, out = player("q\n")
    with pytest.raises(Quit):
        t(g, "kim")
    text = out.getvalue()
    assert "--- The Ambassador and the Condemned Man ---  (in history: 19 April)" in text
    assert "19 April. Ambassador" not in " ".join(text.split())


def test_the_terminal_says_why_the_count_moved(august):
    """The window's dispatch report says why a side's count moved since its last turn; the
    terminal showed the new count alone (40 with Kim one turn, 28 the next). It now prints the
    same causes under the count, and they add up to the change, column by column."""
    from game import movement as MV

    g = Game.new(august, None, 5150)
    t, _out = player("")
    ai = {s: make_player("ai:normal", s, august) for s in ("kim", "opposition")}
    seen = 0
    for _ in range(300):
        side = g.to_move()
        if side is None or g.over or g.state.turn > 8:
            break
        if side == "kim" and not g.state.pending and g.state.phase == "kim":
            view = side_view(g.state, g.scn, "kim")
            old = t._snaps.get("kim")
            lines = t.why_moved(g, "kim", view)
            if old is not None:
                mv = MV.movements(old, MV.snapshot(g.state, g.scn, view, "kim"), g.state.people, "kim", g.scn)
                assert bool(lines) == mv.moved
                if lines:
                    seen += 1
                    assert lines[0] == "Why it moved since your last turn:"
                    assert len(lines) == 1 + len(mv.causes)
                    for key, _label, was, now in mv.counts:  # the causes add up to each figure's change
                        assert sum(d.get(key, 0) for _t, d in mv.causes) == now - was
        order = ai[side](g, side)
        if side == "kim" and order.get("t") == "end":
            t.remember_count(g, "kim")
        g.submit(order)
    assert seen >= 3
