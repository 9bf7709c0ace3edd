"""Playing from the terminal: numbered choices, for `plenum simulate --kim human`.

What a side is shown comes from its own picture (game/engine/intel.side_view): the headline
count, each member's estimated lean, the critics' exposure band and whether the plot is known.
Never the other side's pledges, the true leans or the true exposure figure.

Numbers are stable within a phase: an action keeps the number it had when the phase began
(greyed, with its reason, once it cannot be taken), and "End your turn" is always 0 (or 'e').

Two people at one terminal (hot-seat) share a `HotSeat`: when the seat changes hands the screen is
cleared and the next side must press Enter, and a plenum's report waits for each side's own turn
at the keyboard (each sees the other side's pledges only as one unnamed term).
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable
from typing import TextIO

from game.ai.odds import seen_odds
from game.engine.actions import ActionView
from game.engine.basics import STATUS_NAMES, date_words
from game.engine.game import Game
from game.engine.intel import EXPOSURE_BANDS, SideView, side_view
from game.engine.vote_rule import RULE
from game.figures import shown_total, vote_terms
from game.movement import Snapshot, movements, net_words, snapshot
from game.played import leads_to, play_out, tactic_plays_words
from game.words import (
    dispatch_text,
    effect_lines,
    history_date,
    last_refusals,
    outcome_lines,
    pledge_line,
    secrecy,
    target_key,
    uses_line,
    why_closed,
)

SIDE_NAME = {"kim": "Kim Il Sung", "opposition": "the Opposition"}

SETTLED_PREFIX = "The question of the year is settled"


class Quit(Exception):
    pass


TARGET_ROWS = 30  # a target picker's rows (the rest are said to be there)


class HotSeat:
    """Who sits at a terminal shared by two human sides."""

    def __init__(self) -> None:
        self.side: str | None = None


# ---------------------------------------------------------------------- words
def prose(text: str, scn=None) -> str:
    """A line as a reader writes it: dates in words, the first letter a capital, an informer's
    glimpse naming the move as its title (as the scenario spells it, given the scenario)."""
    text = dispatch_text(text.strip(), scn)
    return text[:1].upper() + text[1:]


def final_date(g: Game) -> str:
    """The day the game was decided: when the year's question was settled early the calendar is
    moved to the end date, but the game ended on the day it was settled."""
    for e in g.state.log:
        if e.kind == "info" and e.text.startswith(SETTLED_PREFIX):
            return e.date
    return g.state.date


def ending_line(g: Game) -> str:
    """The line that names the ending, with the game's actual final date in words."""
    st = g.state
    e = g.scn.get("ending", st.ending)
    title = e.title if e else (st.ending or "?")
    kind = "historical" if e and e.historical else "counterfactual"
    victor = e.victor if e else "?"
    when = final_date(g)
    tail = f"decided on {date_words(when)}, turn {st.turn}"
    if when != st.date:
        tail += f" (the calendar then ran on to {date_words(st.date)})"
    return f"Ending: {title}  ({kind}; victor: {victor})   {tail}"


def lean_words(lean: float, error: float) -> str:
    """An estimated lean as the side reads it: + toward Kim, - toward the critics. The figure is
    kept on its side of the band, as the window shows it (an undecided +5.7 reads +5, not +6)."""
    n = shown_total(lean)
    if lean >= RULE.band:
        where = "with Kim"
    elif lean <= -RULE.band:
        where = "with the critics"
    else:
        where = "undecided"
    return f"{where}, lean {n:+d}±{round(error)}"


# ---------------------------------------------------------------------- the player
class TerminalPlayer:
    """Asks a person at the terminal for each order. `save` is called with a path on 's'."""

    def __init__(
        self,
        inp: TextIO | None = None,
        out: TextIO | None = None,
        save: Callable[[Game], str] | None = None,
        seat: HotSeat | None = None,
    ):
        # Read at call time, so a redirected (or test-patched) sys.stdin / sys.stdout is used.
        self.inp = inp if inp is not None else sys.stdin
        self.out = out if out is not None else sys.stdout
        self.save = save
        self.seat = seat
        # Plenum reports held back until this side has the keyboard (hot-seat only).
        self._reports: list[str] = []
        self._last_log = 0
        self._header_turn: tuple | None = None
        # Each side's action menu: the action ids in their numbers, kept for the whole game.
        self._menus: dict[str, list[str]] = {}
        # What this side last read of its danger (exposure band, plot found), to say when it moves.
        self._danger: dict[str, tuple[str | None, str]] = {}
        self._cut = 0  # targets the last picker left out
        self._snaps: dict[str, Snapshot] = {}  # each side's count as it last ended its phase
        self.target_sort = "line"  # the picker's order: "line" (nearest it first), "odds" or "name"

    # ------------------------------------------------------------------ output
    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def wrap(self, text: str, indent: str = "  ") -> None:
        for para in text.strip().split("\n"):
            self.say(textwrap.fill(para, 88, initial_indent=indent, subsequent_indent=indent))

    def _line(self) -> str:
        line = self.inp.readline()
        if not line:
            raise Quit()
        return line.strip().lower()

    def ask(
        self,
        prompt: str,
        n: int,
        extra: str = "",
        end: bool = False,
        letters: dict[str, str] | None = None,
        quiet: set[str] | None = None,
    ) -> int | str:
        """A number 1..n (returned 0-based), or with `end` 0 / 'e' (returned as 'e'); with `extra`
        also s (save), l (log), i (committee); a key of `letters` (letter -> what it does) is
        returned as itself, and so is one of `quiet` (taken but not offered); q quits."""
        letters = letters or {}
        keys = f"1-{n}" if n else ""
        if end:
            keys = f"{keys}, 0 or e to end" if keys else "0 or e to end"
        keys += "".join(f", {k} {what}" for k, what in letters.items())
        while True:
            self.out.write(f"{prompt} [{keys}{extra}]: ")
            self.out.flush()
            line = self._line()
            if line in ("q", "quit"):
                raise Quit()
            if end and line in ("0", "e", "end"):
                return "e"
            if line in letters or line in (quiet or ()):
                return line
            if extra:
                if line in ("s", "save") and self.save:
                    return "s"
                if line in ("l", "log"):
                    return "l"
                if line in ("i", "info"):
                    return "i"
            # (A choice is a short number; a line of 100,000 digits is not one, and int() would refuse it.)
            if line.isdigit() and len(line) <= 6 and 1 <= int(line) <= n:
                return int(line) - 1
            self.say(
                f"  Type a number from 1 to {n}"
                + (", 0 or e to end your turn" if end else "")
                + "".join(f", {k} for {what}" for k, what in letters.items())
                + (", s to save, l for the log, i for the committee, q to quit." if extra else ", q to quit.")
            )

    def _entry(self, e, scn=None) -> str:
        return f"  {date_words(e.date)}  {prose(e.text, scn)}"

    def _new_log(self, g: Game, side: str, skip: str | None = None) -> None:
        """The log entries this side may read since it last looked; `skip`, a text already shown
        (an action's result), is not printed again."""
        entries = g.state.log[self._last_log :]
        self._last_log = len(g.state.log)
        for e in entries:
            if e.visible_to in ("all", side):
                if skip is not None and e.text == skip:
                    skip = None
                    continue
                self.say(self._entry(e, g.scn))

    def result(self, g: Game, side: str, text: str) -> None:
        """What came of this side's own action, once (the log line that says the same is not repeated)."""
        self.say(f"  >> {prose(text)}")
        self._new_log(g, side, skip=text)

    def _take_seat(self, side: str) -> None:
        """Hot-seat: hand the keyboard over before the other side's screen is drawn."""
        if self.seat is None or self.seat.side == side:
            return
        if self.seat.side is not None:
            # Clear what the last side read: a terminal's own clear, then blank lines for a log file.
            self.out.write("\033[2J\033[H" if getattr(self.out, "isatty", lambda: False)() else "\n" * 60)
            self.say(f"Pass the keyboard to {SIDE_NAME[side]}.")
            self.out.write("Press Enter when only they can see the screen (q quits): ")
            self.out.flush()
            if self._line() in ("q", "quit"):
                raise Quit()
        self.seat.side = side
        self._header_turn = None  # the new side reads its own header

    def _header(self, g: Game, side: str) -> None:
        st = g.state
        key = (st.turn, side)
        if key == self._header_turn:
            return
        self._header_turn = key
        self.say("")
        self.say("=" * 88)
        self.say(
            f" {date_words(st.date)}   turn {st.turn}   playing {SIDE_NAME[side]}   "
            f"action points {g.remaining(side)}/{st.budget[side]}"
        )
        infl = "  ".join(f"{g.scn.get('faction', f).short or f} {fs.influence}" for f, fs in st.factions.items())
        self.say(f" Influence: {infl}")
        pats = "  ".join(
            f"{g.scn.get('patron', p).short}: Kim {ps.favour_kim:+d} / critics {ps.favour_opposition:+d}"
            for p, ps in st.patrons.items()
        )
        self.say(f" Patrons: {pats}   rift {st.rift}")
        view = side_view(st, g.scn, side)
        for line in self.view_lines(view):
            self.say(textwrap.fill(line, 88, subsequent_indent="   "))
        for line in self.danger_news(view):
            self.say(f" ** {line}")
        for line in self.why_moved(g, side, view):
            self.say(textwrap.fill(line, 88, initial_indent="   ", subsequent_indent="     "))
        self.say("=" * 88)

    def why_moved(self, g: Game, side: str, view: SideView) -> list[str]:
        """Why this side's count moved since it last ended a phase, as the window's dispatch
        report says it (game/movement.py: each member's move put down to one cause, the lines
        adding up to the change); the terminal showed 40 with Kim one turn and 28 the next, and
        no reason."""
        old = self._snaps.get(side)
        if old is None:
            return []
        mv = movements(old, snapshot(g.state, g.scn, view, side), g.state.people, side, g.scn)
        if not mv.moved:
            return []
        return ["Why it moved since your last turn:"] + [f"- {text}: {net_words(d)}." for text, d in mv.causes]

    def remember_count(self, g: Game, side: str) -> None:
        """The count as this side leaves its phase: what the next turn's reasons start from."""
        self._snaps[side] = snapshot(g.state, g.scn, side_view(g.state, g.scn, side), side)

    def danger_news(self, v: SideView) -> list[str]:
        """What changed in the side's own reading of its danger since its last turn."""
        before = self._danger.get(v.side)
        self._danger[v.side] = (v.exposure, v.plot_found)
        if before is None:
            return []
        out = []
        if v.side == "opposition" and v.exposure != before[0]:
            words = [b[1] for b in EXPOSURE_BANDS]
            up = before[0] in words and v.exposure in words and words.index(v.exposure) > words.index(before[0])
            out.append(f"Your exposure has {'risen' if up else 'fallen'}: {before[0]} -> {v.exposure}.")
        if v.plot_found != before[1]:
            if v.side == "opposition":
                out.append(
                    "Your contacts confirm it: Kim knows of the plot."
                    if v.plot_found == "known"
                    else "You now suspect Kim knows of the plot."
                    if v.plot_found == "suspected"
                    else "No sign any more that Kim knows of the plot."
                )
            elif v.plot_found == "known":
                out.append("The security services have uncovered the critics' plot.")
        return out

    @staticmethod
    def view_lines(v: SideView) -> list[str]:
        """The side's own picture: the headline count, and its danger (the critics' exposure band
        and whether the plot is known) -- from intel.side_view only."""
        e = v.errors
        out = [
            f" Your estimate of the Central Committee ({v.present} full members present, a motion needs "
            f"{v.majority}): with Kim {v.with_kim}±{e['with_kim']}, undecided {v.undecided}±{e['undecided']}, "
            f"with the critics {v.with_critics}±{e['with_critics']}"
        ]
        if v.side == "opposition":
            out.append(f" Your exposure: {v.exposure} -- {v.exposure_text}")
            found = {
                "no sign": "No sign that Kim knows of the plot.",
                "suspected": "You suspect Kim knows of the plot.",
                "known": "Kim knows of the plot: your contacts confirm it.",
            }[v.plot_found]
            out.append(f" {found}")
        else:
            plot = "known: the security files are open" if v.plot_found == "known" else "not uncovered"
            out.append(f" The critics' plot: {plot}; plotters you count: about {v.plotters[0]}±{v.plotters[1]}")
        return out

    # ------------------------------------------------------------------ decisions
    def __call__(self, g: Game, side: str) -> dict:
        self._take_seat(side)
        for text in self._reports:
            self.say(text)
        self._reports.clear()
        while True:
            self._new_log(g, side)
            self._header(g, side)
            pend = [p for p in g.state.pending if p.side == side]
            order = self._pending(g, side, pend[0]) if pend else self._phase(g, side)
            if order is not None:
                if order.get("t") == "end":
                    self.remember_count(g, side)
                return order

    def _pending(self, g: Game, side: str, p) -> dict | None:
        opts = g.options(p)
        if p.event.startswith("plenum:"):
            pdef = g.scn.get("plenum", p.event.split(":", 1)[1])
            self.say(f"\n*** {pdef.title} ***")
            self.wrap(pdef.agenda)
            view = side_view(g.state, g.scn, side)
            self.wrap("Your count today. " + self.view_lines(view)[0].strip())
            # The window's forecast reads this same tally (game/played.py), so the two agree.
            ol = play_out(g.state, g.scn, side, view, pdef)
            if ol and ol.shout:
                parts = []
                for pid, lo, hi, down, rose in ol.shout:
                    odds = f"{lo}%" if lo == hi else f"{lo}-{hi}%"
                    parts.append(f"{g.state.people[pid].name} {odds} (down in {down} of {rose})")
                self.wrap("Shout-down odds, before any tactic is chosen: " + ", ".join(parts) + ".")
            if ol and ol.first_motion:
                self.wrap(
                    f"Forecast per tactic: the session played out {ol.runs} times on your own picture against "
                    f"each of the other side's tactics; counts on “{ol.first_motion}”."
                )
            self.say("  How will you play the session?")
            for i, t in enumerate(opts, 1):
                self.say(f"  {i}. {t.name}")
                self.wrap(t.summary, "       ")
                f = ol.by_tactic.get(t.id) if ol else None
                if f:
                    self.say(f"       Forecast: {tactic_plays_words(f)}")
                    lead = leads_to(g.scn, side, ol, t.id, pdef)
                    if lead:
                        self.wrap(lead, "       ")
            r = self.ask("Tactic", len(opts))
            if isinstance(r, str):
                self._meta(g, side, r)
                return None
            return {"t": "tactic", "side": side, "plenum": pdef.id, "tactic": opts[r].id}
        e = g.scn.get("event", p.event)
        when, body = history_date(e.text)
        # As the window: history's own day beside the game's ("19 April." opened an event the game
        # put on 7 April, and read as a contradiction).
        self.say(f"\n--- {e.title} ---" + (f"  (in history: {when})" if when else ""))
        self.wrap(prose(body))
        for i, o in enumerate(opts, 1):
            self.say(f"  {i}. {prose(o.text)}")
            if o.detail:
                self.wrap(prose(o.detail), "       ")
            # The window's words for an option (effect_lines: the effects, then what any flag
            # means); the terminal listed the effects alone and left the flags out.
            for line in effect_lines(g.scn, o.effects):
                self.say(f"       - {prose(line)}")
        r = self.ask("Your decision", len(opts), ", s, l, i, q")
        if isinstance(r, str):
            self._meta(g, side, r)
            return None
        return {"t": "choose", "side": side, "event": e.id, "option": opts[r].id}

    def menu(self, g: Game, side: str) -> list[tuple[str, ActionView | None]]:
        """The action menu: (action id, its view or None), numbered 1.. in one order for the whole
        game, every action of the side listed (a closed one says why, as the window's greyed
        button does). Numbers that moved between turns, as actions opened and closed, had a
        player who typed last turn's number take another action; one that appears later is added
        at the end, and none ever moves."""
        views = {v.action.id: v for v in g.actions(side)}
        order = self._menus.setdefault(side, [])
        order.extend(aid for aid in views if aid not in order)
        return [(aid, views.get(aid)) for aid in order]

    def _phase(self, g: Game, side: str) -> dict | None:
        entries = self.menu(g, side)
        left = g.remaining(side)
        self.say(f"\n  Actions ({left} point{'s' if left != 1 else ''} left):")
        for i, (aid, v) in enumerate(entries, 1):
            a = v.action if v is not None else g.scn.get("action", aid)
            usable = v is not None and v.open and v.affordable
            odds = ""
            if usable and a.target == "none":
                odds = f"  {seen_odds(g.state, g.scn, side, a.id, None).text()}"
            mark = ""
            if v is None or not v.open:
                why = why_closed(v, g.state, g.scn) if v is not None else ""
                mark = f"  -- not now: {why.rstrip('.') or 'no longer possible this turn'}"
            elif not v.affordable:
                mark = f"  -- needs {a.cost} point{'s' if a.cost != 1 else ''}, you have {left}"
            num = f"{i:2d}." if usable else f"({i})"
            # A long reason wraps under the action's name, not at the terminal's edge.
            self.say(textwrap.fill(f"  {num:>4s} [{a.cost}] {a.name}{odds}{mark}", 88, subsequent_indent=" " * 13))
        self.say("     0. End your turn (also e)")
        r = self.ask("Choose", len(entries), ", s, l, i, q", end=True)
        if r == "e":
            return {"t": "end", "side": side}
        if isinstance(r, str):
            self._meta(g, side, r)
            return None
        aid, v = entries[r]
        if v is None or not v.open:
            why = (why_closed(v, g.state, g.scn) if v is not None else "") or "no longer possible this turn"
            self.say(f"  Not possible now: {why.rstrip('.')}.")
            return None
        a = v.action
        self.wrap(a.summary)
        target = None
        if a.target != "none":
            target = self._pick_target(g, side, v)
            if target is None:
                return None
        pv = g.preview(side, a.id, target)
        # The odds as this side may know them (the preview's own figure reads the true state).
        seen = seen_odds(g.state, g.scn, side, a.id, target)
        # The window's outcome lines (what a flag means included), joined for the terminal.
        ok, bad = outcome_lines(g.scn, pv.success, a.success), outcome_lines(g.scn, pv.failure, a.failure)
        self.wrap(f"Chance {seen.text()}.  On success: {'; '.join(ok) or 'as described'}")
        if not seen.exact:
            self.wrap(seen.range_text())
        lasts = pledge_line(g.scn, g.state, a.success, side)
        if lasts:
            self.wrap(lasts)
        if bad:
            self.wrap(f"On failure: {'; '.join(bad)}")
        uses = uses_line(g.state, a)
        if uses:
            self.wrap(uses)
        self.wrap(secrecy(a.visible))
        if not v.affordable:
            self.say(f"  You do not have enough action points for that (it needs {a.cost}, you have {left}).")
            return None
        self.say(f"  1. Do it ({a.cost} point{'s' if a.cost != 1 else ''})   2. Back")
        if self.ask("Confirm", 2) != 0:
            return None
        order = {"t": "act", "side": side, "action": a.id}
        if target:
            order["target"] = target
        return order

    def target_rows(self, g: Game, side: str, v, limit: int | None = TARGET_ROWS) -> list[tuple[str, str]]:
        """(target id, the line shown) for a target picker, in the order words.target_key gives
        (the window's too); for a person the side's estimate of the lean (never the true one), and
        a mark on those who have no vote."""
        a = v.action
        chances = {t: seen_odds(g.state, g.scn, side, a.id, t).chance for t in v.targets}
        names = [(t, self._target_name(g, a.target, t)) for t in v.targets]
        est = side_view(g.state, g.scn, side).members if a.target == "person" else {}

        how = {"odds": "odds", "name": "name", "line": "swing"}[self.target_sort]

        def order(x: tuple[str, str]) -> tuple:
            # The window's dialog sorts by the same key (words.target_key).
            t, n = x
            m = est.get(t)
            p = g.state.people.get(t) if a.target == "person" else None
            return target_key(
                how,
                name=n,
                odds=chances[t],
                lean=m.lean if m is not None else None,
                has_vote=a.target != "person" or m is not None,
                generated=bool(p and p.generated),
            )

        names.sort(key=order)
        self._cut = max(0, len(names) - limit) if limit is not None else 0
        refused = last_refusals(g.state, g.scn, side, a.id)
        rows = []
        for t, n in names[:limit]:
            extra = f"{chances[t]}%"
            if t in refused:
                extra += f"; refused you {date_words(refused[t])}"
            if a.target == "person":
                p = g.state.people[t]
                m = est.get(t)
                if m is not None:
                    extra += f"; your estimate: {lean_words(m.lean, m.error)}"
                elif p.cc == "candidate":
                    extra += "; candidate member: no vote"
                elif p.cc == "full":
                    extra += "; full member, not sitting: no vote"
                else:
                    extra += "; not on the Central Committee: no vote"
            rows.append((t, f"{n}  ({extra})"))
        return rows

    def _pick_target(self, g: Game, side: str, v) -> str | None:
        """The target list, in the order last chosen (as the window's dialog remembers its sort):
        w the nearest the line first, o the best odds first, a by name."""
        sorts = {"w": "nearest the line", "o": "best odds", "a": "by name"}
        by = {"w": "line", "o": "odds", "a": "name"}
        while True:
            rows = self.target_rows(g, side, v)
            if v.action.target == "person":
                order = {
                    "line": "members nearest the line",
                    "odds": "the best odds",
                    "name": "by name",
                }[self.target_sort]
                self.wrap(
                    f"Leans are your own estimates (+ toward Kim, - toward the critics; ±{RULE.band} is"
                    f" undecided); {order} first."
                )
            for i, (_t, line) in enumerate(rows, 1):
                self.say(f"  {i:2d}. {line}")
            if self._cut:
                self.say(f"      ({self._cut} more not shown: further down this order)")
            self.say(f"  {len(rows) + 1:2d}. Back")
            # The sort in use is not offered, but typing its letter shows the list again.
            letters = {k: what for k, what in sorts.items() if by[k] != self.target_sort}
            if v.action.target == "person":
                r2 = self.ask("Target", len(rows) + 1, letters=letters, quiet=set(sorts) - set(letters))
            else:
                r2 = self.ask("Target", len(rows) + 1)
            if isinstance(r2, str):
                if r2 in by:
                    self.target_sort = by[r2]
                    continue
                return None
            if r2 == len(rows):
                return None
            return rows[r2][0]

    def _target_name(self, g: Game, kind: str, tid: str) -> str:
        if kind == "person":
            p = g.state.people[tid]
            if p.generated:
                return f"{p.name}, generated cadre"
            fac = g.scn.get("faction", p.faction)
            return f"{p.name} [{fac.short if fac else p.patron}]"
        obj = g.scn.get(kind, tid)
        return obj.name if obj else tid

    def _meta(self, g: Game, side: str, cmd: str) -> None:
        if cmd == "s" and self.save:
            self.say(f"  Saved to {self.save(g)}")
        elif cmd == "l":
            for e in [e for e in g.state.log if e.visible_to in ("all", side)][-25:]:
                self.say(self._entry(e, g.scn))
        elif cmd == "i":
            for _pid, p in g.state.people.items():
                if p.generated or p.patron:
                    continue
                self.say(
                    f"  {p.name:22s} {g.scn.get('faction', p.faction).short:9s} {STATUS_NAMES[p.status]:11s} cc:{p.cc:9s} "
                    f"{', '.join(g.scn.get('office', o).name for o in p.offices)}"
                )
        return None

    def plenum_report(self, g: Game, plenum_id: str, side: str) -> None:
        """A plenum's record as `side` may read it: now, or in hot-seat play when that side next
        has the keyboard."""
        lines = self._plenum_lines(g, plenum_id, side)
        if self.seat is not None and self.seat.side != side:
            self._reports.extend(lines)
        else:
            for line in lines:
                self.say(line)

    def flush_reports(self) -> None:
        """At the game's end nothing is secret any more: print what is still held back."""
        for text in self._reports:
            self.say(text)
        self._reports.clear()

    def _plenum_lines(self, g: Game, plenum_id: str, side: str) -> list[str]:
        out: list[str] = []
        pl = g.state.plenums[plenum_id]
        if not pl.record:
            return out
        pdef = g.scn.get("plenum", plenum_id)
        out.append(f"\n*** {pdef.title}, {date_words(pl.record['date'])} ***")
        for stage in pl.record["stages"]:
            if stage["kind"] == "speech":
                who = g.state.people[stage["person"]].name
                if stage["outcome"] == "shouted_down":
                    out.append(
                        f'  {who} rises: "{stage["topic"]}" -- the hall shouts him down ({stage["odds"]}% chance).'
                    )
                else:
                    out.append(f'  {who} speaks: "{stage["topic"]}".')
            elif stage["kind"] == "vote":
                t = stage["tally"]
                out.append(
                    f"  VOTE: {stage['title']}: {t['for']} for, {t['against']} against, "
                    f"{t['abstain']} abstaining; {stage['needed']} needed -> "
                    f"{'CARRIED' if stage['passed'] else 'DEFEATED'}"
                )
                swing = sorted(stage["terms"], key=lambda pid: abs(sum(stage["terms"][pid])))[:2]
                for pid in swing:
                    # The other side's pledges are one unnamed term, as in the window's hall.
                    shown = vote_terms(stage, pid, viewer=side)
                    if shown is None:
                        continue
                    why = ", ".join(f"{lab} {v:+d}" for lab, v in shown[0][:4])
                    out.append(f"     e.g. {g.state.people[pid].name}: {why}")
        return out
