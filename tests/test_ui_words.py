"""Conditions and odds in plain words: no expression syntax, no internal ids ("partisan",
"kim_returned"), and flags and factions named as a reader would name them."""

from __future__ import annotations

import re

from game.words import words

SYNTAX = re.compile(r"==|!=|>=|<=|\bflag\.|\bvar\.|\bcountry\.|\w_\w|\(\s*'")


def exprs(scn):
    for a in scn.actions:
        for src in (a.available, a.targets, a.chance):
            if src:
                yield f"action {a.id}", src


def test_every_action_condition_reads_as_words(august):
    faction_ids = {f.id for f in august.factions}
    for where, src in exprs(august):
        text = words(src, august)
        assert not SYNTAX.search(text), (where, src, text)
        for fid in faction_ids:
            assert not re.search(rf"\b{fid}\b", text), (where, text)
        assert "not the target is" not in text, (where, text)


def test_flags_and_factions_read_as_sentences(august):
    assert words("flag.kim_returned", august) == "Kim has made his journey abroad and come back"
    assert words("not flag.plot_discovered", august) == "the plot is still secret"
    assert words("target.faction != 'partisan'", august) == "the target is not of the Partisans"
    assert words("not target.plotter", august) == "the target is not in the critics' circle"
    assert words("country.security >= 50", august) == "the security grip is at least 50"
    # A counter is a count of things done ("postponements is below 2" before).
    assert words("var.postponements < 2", august) == "there have been fewer than 2 postponements of the plenum"
    assert words("var.committee_worked < 2", august).endswith("fewer than 2 rounds of work on the committee")


def test_every_counter_the_scenarios_test_has_words(august, campaign):
    """Each counter a shipped scenario tests has its words in the scenario's data (flags.yaml,
    `counters:`), which the game reads; none reads as its bare id."""
    for scn in (august, campaign):
        for where, src in exprs(scn):
            for name in re.findall(r"\bvar\.(\w+)", src):
                assert scn.get("counter", name) is not None, (where, name)


def test_a_scenario_names_its_own_counters(mini_dir):
    """The words are data: a scenario's counters read as it names them, a counter it does not
    name as its id in words."""
    from game.scenario.loader import load
    from game.words import words

    (mini_dir / "counters.yaml").write_text('counters:\n  - {id: rounds, counts: "rounds of tea with the envoys"}\n')
    scn = load(mini_dir).scenario
    assert words("var.rounds < 3", scn) == "there have been fewer than 3 rounds of tea with the envoys"
    assert words("var.other_thing >= 1", scn) == "there have been at least 1 other thing"


def test_sparing_someone_reads_as_one_step(august):
    from game.words import effect_lines

    e = august.get("event", "crossing_the_yalu")
    lines = effect_lines(august, e.options[0].effects)
    assert any("The opposition's circle (up to 4, not Choe Chang-ik)" in ln and "flee abroad" in ln for ln in lines), (
        lines
    )
    assert not any("out of the opposition's circle" in ln or "joins the opposition's circle" in ln for ln in lines)


def test_effect_lines_show_dates_in_words(august):
    from game.words import effect_lines

    for ev in august.events:
        for o in ev.options:
            for ln in effect_lines(august, o.effects):
                assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", ln), (ev.id, ln)


def test_why_an_action_is_closed_reads_as_a_sentence_in_the_window_and_the_terminal(august):
    """One wording for a closed action (game.words.why_closed), read by the main screen's greyed
    buttons and the terminal's menu; never the engine's bare 'Not possible now.'."""
    import io

    from game.engine import actions as A
    from game.engine.game import Game
    from game.tools.terminal import TerminalPlayer
    from game.words import why_closed

    g = Game.new(august, None, 3)
    g.state.flags.append("critique_drafted")
    views = {v.action.id: v for v in A.view(g.state, august, "opposition")}
    assert why_closed(views["draft_critique"], g.state, august) == "the critics have drafted their critique already."
    # After the plenum has sat, the negated call reads as English, not "not yet: ... has sat".
    assert words("not held('august_plenum')", august) == "the August Plenum has not yet sat"
    g = Game.new(august, None, 77)
    while g.to_move() != "opposition":
        g.submit({"t": "end", "side": g.to_move()})
    # Draft the critique at the terminal (its number, confirm); the menu then shows it closed, in words.
    out = io.StringIO()
    n = [aid for aid, _ in TerminalPlayer(inp=io.StringIO(""), out=io.StringIO()).menu(g, "opposition")].index(
        "draft_critique"
    )
    p = TerminalPlayer(inp=io.StringIO(f"{n + 1}\n1\n0\n"), out=out)
    order = p(g, "opposition")
    assert order["action"] == "draft_critique"
    g.submit(order)
    assert g.state.has_flag("critique_drafted")  # this seed's roll succeeds
    assert p(g, "opposition")["t"] == "end"
    text = out.getvalue()
    flat = " ".join(text.split())  # a long line wraps under the action's name
    assert "Draft the critique -- not now: the critics have drafted their critique already" in flat
    assert "Not possible now" not in text


def test_an_informers_glimpse_names_the_move_as_the_scenario_writes_it(august):
    from game.tools.terminal import prose
    from game.words import dispatch_text

    line = "Informers report that the critics were busy: canvass the soviet and yan'an members."
    assert dispatch_text(line, august) == (
        "Informers report that the critics were seen at work: “Canvass the Soviet and Yan'an members”."
    )
    assert prose(line, august) == dispatch_text(line, august)


def test_who_learns_of_a_move_is_the_rule_the_engine_rolls(august, monkeypatch):
    """The dialog's and the terminal's line on secrecy read actions.glimpse_odds, and so does the
    engine: odds of 100 glimpse every secret move, odds below 1 none, and the line's figures move
    with the rule."""
    import io

    from game.engine import actions as A
    from game.engine.game import Game
    from game.tools.terminal import TerminalPlayer
    from game.words import secrecy

    assert secrecy(True) == "The other side learns of it at once."
    assert f"{A.glimpse_odds(40)}% at intelligence 40" in secrecy(False)

    def glimpses(odds: int) -> int:
        monkeypatch.setattr(A, "glimpse_odds", lambda intel: odds)
        g = Game.new(august, None, 5)
        while g.to_move() != "kim":
            g.submit({"t": "end", "side": g.to_move()})
        g.submit({"t": "act", "side": "kim", "action": "court_moscow"})
        return sum(1 for e in g.state.log if e.kind == "intel" and e.visible_to == "opposition")

    assert glimpses(100) == 1 and glimpses(0) == 0
    monkeypatch.undo()
    monkeypatch.setattr(A, "GLIMPSE_SHARE", 2)  # the rule changed: the words follow
    assert "20% at intelligence 40" in secrecy(False)
    monkeypatch.undo()
    # At the terminal the same line follows the odds of a secret move.
    g = Game.new(august, None, 77)
    while g.to_move() != "opposition":
        g.submit({"t": "end", "side": g.to_move()})
    out = io.StringIO()
    TerminalPlayer(inp=io.StringIO("6\n2\n0\n"), out=out)(g, "opposition")
    assert secrecy(False) in out.getvalue().replace("\n    ", " ").replace("\n  ", " ")


def test_an_action_closed_because_it_is_done_says_so(august):
    """'Done already: the critics have drafted their critique', not 'only when the critique is
    not yet drafted'; a condition still to be met keeps its 'only when'."""
    from game.engine.game import Game
    from game.words import why_closed

    g = Game.new(august, None, 1)
    g.state.flags.append("critique_drafted")
    why = {v.action.id: why_closed(v, g.state, august) for v in g.actions("opposition") if not v.open}
    assert why["draft_critique"] == "the critics have drafted their critique already."
    assert why["demand_plenum"].startswith("only when ")


def test_the_aim_names_the_question_the_next_session_puts(august, campaign):
    """The aim panel reads the scenario's next plenum: in the campaign the first is December
    1955's case against Pak Il-u (Kim's motion), not August 1956's cult resolution."""
    from types import SimpleNamespace

    from game.engine.game import Game
    from game.ui.screens.main_tips import MainTips

    def aim(scn, viewer):
        tips = MainTips.__new__(MainTips)
        tips.s = SimpleNamespace(scn=scn, state=Game.new(scn, None, 1).state, viewer=viewer, estimate=lambda k: (36, 0))
        return tips.aim_text()

    kim, critics = aim(campaign, "kim"), aim(campaign, "opposition")
    assert "Carry “Expel Pak Il-u" in kim and "December Plenum, 1955" in kim
    assert critics.startswith("Defeat “Expel Pak Il-u") and "cult" not in critics
    assert aim(august, "opposition").startswith(
        "Carry “Resolution condemning the personality cult” at the August Plenum"
    )
    assert aim(august, "kim").startswith("Defeat “Resolution condemning the personality cult”")
    # Defeating it is not yet Kim's win: the critics must be disciplined too (sole_rule needs it).
    assert "then carry the vote to discipline the critics" in aim(august, "kim")
    assert "discipline" not in critics
