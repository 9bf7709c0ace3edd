"""The codex has one entry per subject, a working search, and every source key opens a full
reference."""

from __future__ import annotations

import pygame

from tests.ui_helpers import key, make_app, pump


def test_one_entry_per_subject_and_sources_resolve(august):
    from game.ui.screens.codex import build_entries

    unlocked = {c.id for c in august.codex}
    entries = build_entries(august, unlocked)
    subjects = [e.id.split(":", 1)[-1] for e in entries]
    assert len(subjects) == len(set(subjects)), "a subject is listed twice"
    names = [e.title.split("  ")[0].split(" (")[0].split(",")[0].lower() for e in entries if e.category == "person"]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    keys = {e.cite.key for e in entries if e.cite is not None}
    missing = {k for e in entries for k in e.sources if k not in keys}
    assert not missing, f"source keys with no bibliography entry: {sorted(missing)}"


def test_search_and_source_buttons():
    app = make_app()
    app.show("codex")
    pump(app)
    codex = app.top
    total = len(codex.shown())
    pump(app, [key(pygame.K_SLASH)])
    assert app.top.focus is codex.search
    for ch in "nam il":
        pump(app, [pygame.event.Event(pygame.TEXTINPUT, text=ch)], frames=1)
    pump(app)
    found = codex.shown()
    assert 0 < len(found) < total and any("Nam Il" in e.title for e in found)
    codex.select(next(e for e in found if e.sources))
    src = next(w for w in codex.widgets if w.name.startswith("src:") and w.enabled)
    assert any(ln.startswith("Where to read it") for ln in src.tooltip_lines())
    src.activate()
    assert codex.selected().cite is not None and codex.selected().cite.key == src.name[4:]
    pygame.quit()
