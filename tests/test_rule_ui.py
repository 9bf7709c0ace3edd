"""The plenum hall explains the vote with the rule's own words and numbers (vote_rule.TERMS),
so changing a coefficient changes what the player reads."""

from __future__ import annotations

import pygame
import pytest

from game.engine import vote_rule as VR
from tests.test_ui_screens import app, end_phase, start_game  # noqa: F401  (the fixture and helpers)
from tests.ui_helpers import key, pump


@pytest.fixture
def hall(app):  # noqa: F811
    from game.ui.screens.plenum_hall import PlenumHall

    start_game(app)
    for _ in range(200):
        if isinstance(app.top, PlenumHall):
            break
        top = type(app.top).__name__
        if top in ("TacticScreen", "EventDialog"):
            pump(app, [key(pygame.K_1)])
        elif top == "MainScreen":
            end_phase(app)
        else:
            pump(app, [key(pygame.K_ESCAPE)])
    h = app.top
    assert isinstance(h, PlenumHall)
    votes = [i for i, st in enumerate(h.stages) if st["kind"] == "vote"]
    h.jump(votes[0], 1.0)
    return h


def test_tally_and_mood_tooltips_read_the_rule(hall):
    tip = hall.tally_tip("F")
    text = "\n".join(tip)
    assert "+6 or more" in text and "−6 or less" in text
    for t in VR.TERMS:
        assert f"{t.label}: {t.formula()}" in text
    # Kim's player is told the critics' private work is hidden from him
    assert "Won over by the critics" in text and "(hidden from you)" in text
    assert VR.shout_text() in hall.mood_tip()
