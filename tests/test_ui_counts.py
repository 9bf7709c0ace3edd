"""Every list says what it counts, and the counts reconcile: the people list (named people, the
unnamed in groups; full members and candidates), the target picker, and the headline (the full
members present, who vote)."""

from __future__ import annotations

import re

import pygame

from tests.test_ui_screens import app, start_game  # noqa: F401  (the app fixture)
from tests.ui_helpers import click, pump


def numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


def test_roll_words_add_up():
    from game.ui import view as V

    r = V.Roll(named=23, unnamed=55, groups=4, full=71, candidates=7, seatless=0)
    assert V.roll_names(r) == "23 named, 55 unnamed in 4 groups"
    assert V.roll_seats(r) == "71 full members + 7 candidates"
    one = V.Roll(named=1, unnamed=0, groups=0, full=1, candidates=0, seatless=0)
    assert V.roll_names(one) == "1 named" and V.roll_seats(one) == "1 full member"


def test_people_list_and_picker_counts_reconcile(app):  # noqa: F811
    from game.ui import view as V
    from game.ui.screens.action_dialog import ActionDialog, target_count_line
    from game.ui.screens.main_screen import ActionButton, GroupRow, PersonRow

    main = start_game(app, start="congress")
    pump(app)
    s = app.session
    st = s.state
    view = s.view()
    assert view.with_kim + view.undecided + view.with_critics == view.present
    for status in ("hall", "all", "fallen"):
        main.set_status(status)
        pump(app)
        listed = main.filtered_people()
        r = main.people_roll
        assert r == V.roll(st, listed)
        assert r.named + r.unnamed == r.full + r.candidates + r.seatless == len(listed)
        # the rows: one per named person, one per group of the unnamed
        rows = main.people_rows()
        assert len(rows) == r.named + r.groups == main.people_count
        assert sum(len(x[1]) for x in rows if isinstance(x, tuple)) == r.unnamed
        if status == "hall":
            # the hall's full members are exactly the members the headline counts
            full = [p for p in listed if st.people[p].cc == "full" and st.people[p].status in ("active", "demoted")]
            assert set(full) == set(view.members) and r.full == view.present
        # the words on the panel carry these numbers
        said = numbers(V.roll_names(r))
        assert said[0] == r.named and (said[1] == r.unnamed if r.unnamed else len(said) == 1)
        seats = numbers(V.roll_seats(r))
        assert sum(seats) == r.total
        tip = " ".join(V.roll_tip(r, view.present))
        assert str(view.present) in tip and str(r.total) in tip
    shown = [w for w in main.widgets if isinstance(w, PersonRow | GroupRow)]
    assert shown, "the people panel shows no rows"
    # the picker: its count line reconciles with its list and the headline
    main.set_status("hall")
    pump(app)
    btn = next(w for w in main.widgets if isinstance(w, ActionButton) and w.enabled and w.v.action.target == "person")
    pump(app, [click(btn.rect.center)])
    dlg = app.top
    assert isinstance(dlg, ActionDialog)
    line = target_count_line(st, dlg.targets, view.present)
    total = numbers(line)[0]
    ro = V.roll(st, dlg.targets)
    assert total == len(dlg.targets) == ro.total
    assert ro.full <= view.present
    assert str(view.present) in line or ro.full == view.present
    assert ro.named + ro.unnamed == total
    pygame.event.clear()
