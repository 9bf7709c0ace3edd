"""The action dialog's odds line: an estimate whose plausible pictures all agree reads as an
estimate, without a range of one number ("estimated (15–15%)", as the dialog said before); one
whose pictures differ gives the range."""

from __future__ import annotations

import pytest

from game.ai.odds import Odds
from tests.test_ui_screens import app, start_game  # noqa: F401  (the app fixture)


@pytest.mark.parametrize(
    "odds, said",
    [
        (Odds(15, 15, 15, False), "chance of success, estimated"),
        (Odds(40, 31, 48, False), "chance of success, estimated (31–48%)"),
        (Odds(70, 70, 70, True), "chance of success"),
    ],
)
def test_the_odds_line(app, monkeypatch, odds, said):  # noqa: F811
    from game.ui.screens import action_dialog as D
    from game.ui.screens.main_screen import ActionButton
    from tests.ui_helpers import drawn_texts, pump

    main = start_game(app, side="kim")
    pump(app)
    btn = next(w for w in main.widgets if isinstance(w, ActionButton) and w.v.action.id == "investigate_circle")
    drawn = drawn_texts(monkeypatch)
    monkeypatch.setattr(D, "seen_odds", lambda *a, **k: odds)
    app.push(D.ActionDialog(app, btn.v))
    app.frame([], dt=1 / 60, force=True)
    assert f"{odds.chance}%" in drawn
    lines = [t for t in drawn if t.startswith("chance of success")]
    assert lines == [said], lines
