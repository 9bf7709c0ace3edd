"""The plenum tactic cards: each tooltip is short (the most important lines) and sits above the
row of cards, so it never covers a neighbouring card's title; the details panel (D) has the rest."""

from __future__ import annotations

import pygame
import pytest

from tests.ui_helpers import key, make_app, move, pump


@pytest.fixture
def tactic_app(august):
    from game.engine.game import Game
    from game.ui.screens.plenum_prep import TacticScreen
    from game.ui.session import Players, Session
    from game.ui.shots import _play_until

    app = make_app()
    sess = Session(Game.new(august, "eve_of_plenum", 3), "august-1956", Players(("kim",), "normal"))
    app.session = sess
    _play_until(sess, lambda: any(p.event.startswith("plenum:") and p.side == "kim" for p in sess.state.pending))
    pend = next(p for p in sess.state.pending if p.event.startswith("plenum:") and p.side == "kim")
    app.reset(TacticScreen(app, pend))
    pump(app)
    yield app
    pygame.quit()


def tip_rect(app):
    from game.ui import widgets as W

    tip = app.top.tooltip()
    assert tip is not None
    got = W.tooltip_box(
        pygame.Surface(app.size),
        tip[0],
        tip[1],
        avoid=tip[2] if len(tip) > 2 else None,
        above=tip[3] if len(tip) > 3 else None,
    )
    return tip[0], got[0]


def test_tactic_tooltips_are_short_and_cover_no_card(tactic_app):
    from game.ui.screens.plenum_prep import TacticCard

    app = tactic_app
    cards = [w for w in app.top.widgets if isinstance(w, TacticCard)]
    assert len(cards) >= 2
    for card in cards:
        # by the pointer, anywhere on the card
        for pos in (card.rect.center, (card.rect.right - 5, card.rect.y + 10), (card.rect.x + 5, card.rect.bottom - 5)):
            pump(app, [move(pos)])
            app.clock_s += 1
            lines, r = tip_rect(app)
            assert len(lines) <= 8, lines
            for other in cards:
                assert not r.colliderect(other.rect), (card.t.id, other.t.id, r, other.rect)
        # the card's tip names its shout-down odds and the forecast band
        text = " ".join(card.tooltip_lines())
        assert "Played out" in text and "Shout-down odds" in text
    # by the keyboard: the focus's tip also sits above the row
    app.top.hover = None
    pump(app, [key(pygame.K_RIGHT)])
    assert app.top.key_focus
    _, r = tip_rect(app)
    for other in cards:
        assert not r.colliderect(other.rect)


def test_details_panel_has_every_line_and_scrolls(tactic_app):
    from game.ui.screens.plenum_prep import DetailsPanel, TacticCard

    app = tactic_app
    scr = app.top
    pump(app, [key(pygame.K_d)])
    scr = app.top
    assert scr.show_details
    panel = next(w for w in scr.widgets if isinstance(w, DetailsPanel))
    cards = [w for w in scr.widgets if isinstance(w, TacticCard)]
    assert not any(panel.rect.colliderect(c.rect) for c in cards)
    for c in cards:
        pump(app, [move(c.rect.center)])
        assert scr.detail_tactic() is c.t
        detail = scr.details[c.t.id]
        # every line of the tip is in the details too (the tip is a digest of them)
        assert (
            detail[0] == c.t.name
            and any("Forecast" in ln for ln in detail)
            and any("Played out" in ln for ln in detail)
        )
        assert len(detail) > len(c.tooltip_lines()) or not c.tooltip_lines()
        assert c.tooltip_lines() == []  # no tip over the panel
    pump(app, [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False)])
    pump(app, [key(pygame.K_d)])
    assert not app.top.show_details
