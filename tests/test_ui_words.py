"""Conditions and odds in plain words: no expression syntax, no internal ids ("partisan",
"kim_returned"), and flags and factions named as a reader would name them."""

from __future__ import annotations

import re

from game.ui.words import words

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
    assert words("flag.kim_returned", august) == "Kim is back from his journey abroad"
    assert words("not flag.plot_discovered", august) == "the plot is still secret"
    assert words("target.faction != 'partisan'", august) == "the target is not of the Partisans"
    assert words("not target.plotter", august) == "the target is not in the critics' circle"
    assert words("country.security >= 50", august) == "the security grip is at least 50"


def test_sparing_someone_reads_as_one_step(august):
    from game.ui.words import effect_lines

    e = august.get("event", "crossing_the_yalu")
    lines = effect_lines(august, e.options[0].effects)
    assert any("The opposition's circle except Choe Chang-ik" in ln and "flee abroad" in ln for ln in lines), lines
    assert not any("leaves the opposition's circle" in ln or "joins the opposition's circle" in ln for ln in lines)


def test_effect_lines_show_dates_in_words(august):
    from game.ui.words import effect_lines

    for ev in august.events:
        for o in ev.options:
            for ln in effect_lines(august, o.effects):
                assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", ln), (ev.id, ln)
