"""No text is cut or runs out of its box: every screen (the same set `plenum shots` renders)
at 100% and 125% UI scale and in the smallest window supported. The text helpers record every
shortening, truncation, broken word and text drawn off the surface (game/ui/text.py CUTS)."""

from __future__ import annotations

import pytest

import tests.ui_helpers  # noqa: F401  (dummy video and audio drivers)


@pytest.mark.parametrize(
    ("size", "scale"),
    [((1280, 720), 0.0), ((1280, 720), 1.25), ((1024, 600), 0.0)],
    ids=["1280x720-100%", "1280x720-125%", "smallest-1024x600"],
)
def test_every_screen_fits_its_text(tmp_path, size, scale):
    from game.ui.shots import render_all

    cuts: dict[str, list] = {}
    written = render_all(tmp_path, size, ui_scale=scale, cuts=cuts)
    assert len(written) >= 15, "some screens were not rendered"
    bad = {name: found for name, found in cuts.items() if found}
    assert not bad, "text cut or overflowing:\n" + "\n".join(
        f"  {name}: {how}: {text[:90]!r}" for name, found in bad.items() for how, text in found
    )
