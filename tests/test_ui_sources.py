"""Every source key a screen shows opens its full bibliography entry: the event dialog's and the
person file's keys are chips (as the codex's are), each opening the entry from the scenario's
bibliography (sources.yaml) with its author, title, date and where to read it."""

from __future__ import annotations

import pygame

from tests.test_ui_screens import app, start_game  # noqa: F401  (the app fixture)
from tests.ui_helpers import click, key, pump


def chips(screen):
    return [w for w in screen.widgets if w.name.startswith("src:")]


def check_chips_open_entries(app, keys):  # noqa: F811
    from game.ui.sources import CitationScreen, bibliography, citation_lines

    under = app.top
    bib = bibliography(app.session.scn)
    found = chips(under)
    assert found, "no source chips"
    named = [w.name.split(":", 1)[1] for w in found if w.name != "src:more"]
    assert named == list(keys)[: len(named)]  # in the order the data gives, none skipped
    if len(named) < len(keys):
        assert found[-1].name == "src:more"
    for w in found:
        assert w.enabled and w.tooltip_lines()
        pump(app, [click(w.rect.center)])
        assert isinstance(app.top, CitationScreen), w.name
        k = w.name.split(":", 1)[1] if w.name != "src:more" else keys[len(named)]
        assert app.top.entries[0] is bib[k]
        lines = citation_lines(bib[k].cite)
        assert lines[0].startswith(k + ":") and any(ln.startswith("Where to read it") for ln in lines)
        pump(app, [key(pygame.K_ESCAPE)])
        assert app.top is under


def test_event_dialog_source_keys_open_the_bibliography(app):  # noqa: F811
    from game.engine.state import Pending
    from game.ui.screens.event_dialog import EventDialog

    start_game(app, start="congress")
    s = app.session
    ev = next(e for e in s.scn.events if e.side == "kim" and len(e.sources) >= 3 and len(e.options) >= 2)
    s.state.pending.append(Pending(ev.id, "kim"))
    pump(app, frames=3)
    assert isinstance(app.top, EventDialog)
    check_chips_open_entries(app, ev.sources)


def test_person_file_source_keys_open_the_bibliography(app):  # noqa: F811
    from game.ui.screens.person import PersonScreen

    start_game(app, start="congress")
    s = app.session
    d = max((p for p in s.scn.people if p.id in s.state.people), key=lambda p: len(p.sources))
    app.push(PersonScreen(app, d.id))
    pump(app)
    check_chips_open_entries(app, d.sources)


def test_every_key_shown_anywhere_is_in_the_bibliography(august):
    from game.ui.sources import bibliography

    bib = bibliography(august)
    keys = {k for e in august.events for k in e.sources} | {k for p in august.people for k in p.sources}
    keys |= {k for c in august.codex for k in c.sources}
    assert keys and not keys - set(bib), sorted(keys - set(bib))


def test_replay_source_keys_open_the_bibliography(app):  # noqa: F811
    from game.ui.screens.replay import ReplayScreen
    from game.ui.sources import CitationScreen

    app.show("replay")
    scr = app.top
    assert isinstance(scr, ReplayScreen)
    if not scr.cur.paused:
        scr.toggle()  # hold the step still while we click
    pump(app, frames=3)
    assert scr._src_hits
    rect, keys = scr._src_hits[0]
    pump(app, [click(rect.center)])
    assert isinstance(app.top, CitationScreen)
    assert app.top.entries[0].cite.key == keys[0]
