"""Effects read as English for every status: each effect kind that can change a status is
described, for every status there is, in words a reader would write ("flees abroad", "are
arrested"), never "become fled" or "is dead"."""

from __future__ import annotations

import re
import typing

import pytest

from game.engine import effect_kinds as EK
from game.engine.basics import Status

STATUSES = typing.get_args(Status)
STATUS_KINDS = [k for k, ek in EK.KINDS.items() if isinstance(ek.value, type) and "status" in ek.value.model_fields]
# A sample value of each kind whose status can change (its other keys as plain as they come).
SAMPLES = {"person": {"person": "kim_il_sung"}, "group": {"group": "plotters"}}
BAD = re.compile(
    r"\bbecomes? \w+|\bis (fled|dead|abroad|active)\b|\bare (fled|dead|abroad|active)\b|\b(is|are) \w+ed \w+ed\b"
)
# How each status must read, for one person and for a group (the plain English a reader expects).
READS = {
    "active": ("restored",),
    "demoted": ("sidelined",),
    "expelled": ("expelled",),
    "arrested": ("arrested",),
    "fled": ("flees abroad", "flee abroad"),
    "executed": ("executed",),
    "dead": ("dies", "die"),
    "abroad": ("goes abroad", "go abroad"),
}


def test_every_status_kind_has_a_sample():
    assert STATUS_KINDS, "no effect kind changes a status?"
    assert set(STATUS_KINDS) <= set(SAMPLES), f"add a sample for {set(STATUS_KINDS) - set(SAMPLES)}"


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("kind", STATUS_KINDS)
def test_status_effect_reads_as_english(august, kind, status):
    model = EK.KINDS[kind].value
    v = model(**SAMPLES[kind], status=status)
    lines = EK.KINDS[kind].describe(august, v, "the target")
    text = " ".join(lines)
    assert text, (kind, status)
    assert not BAD.search(text), text
    singular = kind == "person"
    want = READS[status]
    phrase = want[0] if singular or len(want) == 1 else want[1]
    assert phrase in text, (kind, status, text)
    verb = "is " if singular else "are "
    if status in ("demoted", "expelled", "arrested", "executed", "active"):
        assert verb + phrase.split()[-1] in text or verb + "restored" in text, text


def test_a_group_that_leaves_someone_out_says_whom(august):
    """The Yalu crossing reads "The opposition's circle (up to 4, not Choe Chang-ik): flee
    abroad", not "Choe Chang-ik: leaves the opposition's circle ... Choe Chang-ik: joins the
    opposition's circle" (he used to be taken out of the circle and put back around it)."""
    from game.engine.effects import describe

    ev = august.get("event", "crossing_the_yalu")
    opt = next(o for o in ev.options if o.historical)
    lines = describe(august, opt.effects)
    assert "The opposition's circle (up to 4, not Choe Chang-ik): flee abroad" in lines
    assert not any(
        "joins the opposition's circle" in line or "out of the opposition's circle" in line for line in lines
    )
