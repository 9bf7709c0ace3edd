"""A game being played in the window: who controls each side, the AI's moves (computed off the
event loop), autosaves, and what each side is allowed to see.

The session submits orders and reads state; it never applies a rule itself. What a side knows
of the committee is ONE picture, ``view(side)`` (the engine's ``intel.side_view``): the headline,
the spread chart, the person files, the plenum forecast and the dispatch report all read it, so
their figures always agree and add up to the members present.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from game import ai, json_file, saves
from game.engine.actions import Refused
from game.engine.expr import RuleError
from game.engine.game import Game, Outcome
from game.engine.intel import SideView, side_view
from game.engine.plenum import present_members
from game.engine.state import LogEntry
from game.movement import Snapshot, movements, snapshot
from game.paths import saves_dir
from game.ui.view import prose_dates, readable
from game.words import why_closed

SIDES = ("kim", "opposition")
# The headline's keys and the SideView's names for their errors.
COUNT_KEYS = {"kim": "with_kim", "opposition": "with_critics", "swing": "undecided"}
AUTOSAVES = 3
AI_DELAY = 0.55  # seconds between the AI's visible moves


@dataclass
class Players:
    humans: tuple[str, ...] = ("kim",)
    difficulty: str = "normal"

    @property
    def hotseat(self) -> bool:
        return len(self.humans) == 2

    def to_dict(self) -> dict:
        return {"humans": list(self.humans), "difficulty": self.difficulty}

    @classmethod
    def from_dict(cls, d: dict) -> Players:
        humans = tuple(s for s in d.get("humans", ["kim"]) if s in SIDES) or ("kim",)
        diff = d.get("difficulty", "normal")
        return cls(humans, diff if diff in ("easy", "normal", "hard") else "normal")


@dataclass
class HallSeat:
    pid: str
    name: str
    faction: str
    cc: str
    generated: bool


@dataclass
class Session:
    g: Game
    scenario_name: str
    players: Players
    viewer: str = "kim"
    seen_plenums: set = field(default_factory=set)
    hall_snapshots: dict = field(default_factory=dict)
    last_turn_saved: int = 0
    notices: list = field(default_factory=list)  # (side or 'all', text) for the UI to show
    kept: list = field(default_factory=list)  # passing messages kept for the dispatch log (LogEntry)

    def __post_init__(self):
        self.policies = {s: ai.make("ai", self.players.difficulty) for s in SIDES if s not in self.players.humans}
        self._worker: threading.Thread | None = None
        self._result = None
        self._ai_wait = 0.0
        self._last_hall: list[HallSeat] = self.hall_now()
        for pid, pl in self.g.state.plenums.items():
            if pl.record:
                self.seen_plenums.add(pid)
        self.log_seen = len(self.g.state.log)
        if self.viewer not in self.players.humans:
            self.viewer = self.players.humans[0]
        self.last_turn_saved = self.g.state.turn
        self.autosave_problem = ""
        self.clock = 0.0
        self._report_mark: dict[str, int] = {}
        self._report_est: dict[str, dict] = {}
        self._views: dict[str, tuple[tuple, SideView]] = {}
        self._played: dict[str, tuple] = {}
        self._played_steps: dict[str, tuple] = {}  # side -> (key, game.played.play_out_steps) under way
        self._report_snap: dict[str, Snapshot] = {}
        self.told_plot: dict[str, str] = {}  # the last 'plot found' reading each side was told
        self._report_turn: dict[str, int] = {}
        self._report_plot: dict[str, str] = {}  # each side's 'plot found' reading at its last report

    # ------------------------------------------------------------------ basics
    @property
    def scn(self):
        return self.g.scn

    @property
    def state(self):
        return self.g.state

    def is_human(self, side: str | None) -> bool:
        return side in self.players.humans

    def mover(self) -> str | None:
        return self.g.to_move()

    def human_to_move(self) -> bool:
        return self.is_human(self.mover()) and not self.thinking

    @property
    def thinking(self) -> bool:
        return self._worker is not None

    # ------------------------------------------------------------------ orders
    def hall_now(self) -> list[HallSeat]:
        st = self.g.state
        out = []
        for pid in present_members(st, candidates=True):
            p = st.people[pid]
            out.append(HallSeat(pid, p.name, p.faction, p.cc, p.generated))
        return out

    def submit(self, order: dict) -> Outcome:
        """Submit an order; Refused propagates with its player-facing text."""
        self._last_hall = self.hall_now()
        turn = self.g.state.turn
        out = self.g.submit(order)
        for pid, pl in self.g.state.plenums.items():
            if pl.record and pid not in self.hall_snapshots:
                self.hall_snapshots[pid] = self._last_hall
        if self.g.state.turn != turn or self.g.over:
            self.autosave()
        return out

    def unseen_plenum(self) -> str | None:
        for pid, pl in self.g.state.plenums.items():
            if pl.record and pid not in self.seen_plenums:
                return pid
        return None

    # ------------------------------------------------------------------ the AI
    def poll(self, dt: float = 1 / 60) -> None:
        """Called each frame: start the AI when it is its move; submit its order when ready."""
        self.clock += dt
        if self._worker is not None:
            if self._worker.is_alive():
                return
            self._worker = None
            side, order, err = self._result
            self._result = None
            if err is None and self.g.to_move() == side:
                try:
                    self.submit(order)
                except Refused as exc:  # the AI asked for something the rules refused: end its phase
                    self.notices.append(("all", f"The computer's move was refused ({exc})."))
                    self._force_end(side)
            elif isinstance(err, RuleError):  # a scenario rule, not the computer: the window tells it once
                self._force_end(side)
                self._ai_wait = self.clock + AI_DELAY
                raise err
            elif err is not None:
                self.notices.append(("all", f"The computer player failed ({err}); its phase ends."))
                self._force_end(side)
            self._ai_wait = self.clock + AI_DELAY
            return

    # Tests and the screenshot tool run the computer's moves on the spot, without a thread.
    synchronous = False

    def start_ai_if_due(self) -> bool:
        side = self.g.to_move()
        if side is None or self.is_human(side) or self._worker is not None:
            return False
        if self.synchronous:
            try:
                order = self.policies[side](self.g, side)
            except RuleError:  # the computer's phase ends; the window tells the fault once
                self._force_end(side)
                raise
            try:
                self.submit(order)
            except Refused:
                self._force_end(side)
            return True
        if self.clock < self._ai_wait:
            return True
        policy = self.policies[side]
        g = self.g

        def work():
            try:
                order = policy(g, side)
                self._result = (side, order, None)
            except RuleError as exc:
                self._result = (side, None, exc)
            except Exception as exc:  # pragma: no cover - reported, not fatal
                self._result = (side, None, f"{exc.__class__.__name__}: {exc}")

        self._worker = threading.Thread(target=work, daemon=True)
        self._worker.start()
        return True

    def run_ai_now(self) -> None:
        """Synchronously let the AI move until a human must act (tests, screenshots)."""
        for _ in range(2000):
            side = self.g.to_move()
            if side is None or self.is_human(side):
                return
            order = self.policies[side](self.g, side)
            try:
                self.submit(order)
            except Refused:
                self._force_end(side)

    def _force_end(self, side: str) -> None:
        st = self.g.state
        for p in list(st.pending):
            if p.side == side:
                opts = self.g.options(p)
                if p.event.startswith("plenum:") and opts:
                    self.submit({"t": "tactic", "side": side, "plenum": p.event.split(":", 1)[1], "tactic": opts[0].id})
                elif opts:
                    self.submit({"t": "choose", "side": side, "event": p.event, "option": opts[0].id})
        if st.phase == side and not self.g.over:
            try:
                self.submit({"t": "end", "side": side})
            except Refused:
                pass

    def shutdown(self) -> None:
        if self._worker is not None:
            self._worker.join(timeout=2)

    # ------------------------------------------------------------------ the dispatch report
    def mark_reported(self, side: str) -> None:
        """Everything logged so far is known to this side; remember its count of the committee."""
        self._report_mark[side] = len(self.g.state.log)
        self._report_est[side] = {k: [self.estimate(k, side)[0], self.estimate(k, side)[1]] for k in COUNT_KEYS}
        self._report_snap[side] = snapshot(self.g.state, self.g.scn, self.view(side), side)
        self._report_turn[side] = self.g.state.turn

    def unreported(self, side: str):
        """(entries, old estimates, old snapshot) this side has not been shown since its last
        phase, once per turn; None when there is nothing new worth a report. A count that moved
        with no news is worth one: the report says why it moved."""
        if self._report_turn.get(side) == self.g.state.turn:
            return None
        mark = self._report_mark.get(side, 0)
        fresh = [readable(e, self.g.scn) for e in self.g.state.log[mark:] if e.visible_to in ("all", side)]
        news = self.plot_news(side)
        if news is not None:
            fresh.append(news)
        old = self._report_est.get(side)
        moved = old is not None and any(old.get(k, [None])[0] != self.estimate(k, side)[0] for k in COUNT_KEYS)
        if not fresh and not moved:  # no news and the count stands: nothing worth a report
            self._report_turn[side] = self.g.state.turn
            return None
        return fresh, self._report_est.get(side, {}), self._report_snap.get(side)

    def plot_news(self, side: str) -> LogEntry | None:
        """The side's reading of 'is the plot found out?' when it changed since its last report,
        as a dispatch of its own (the most important news of the game must not be a passing
        toast): for Kim what it opens, for the critics what their contacts fear."""
        found = self.view(side).plot_found
        before = self._report_plot.get(side)
        self._report_plot[side] = found
        if before is None and self.g.state.turn > 1 and found in ("no sign", "unknown"):
            return None
        if found == before or found in ("no sign", "unknown"):
            return None
        st = self.g.state
        if side == "kim":
            # What the discovery opens: the moves open now, and those that still wait for
            # something else (while Kim is abroad, "Work the committee" waits for his return;
            # "now open" named it anyway).
            views = {v.action.id: v for v in self.g.actions("kim")}
            now, later = [], []
            for a in self.g.scn.actions:
                if not (
                    a.side == "kim"
                    and a.available
                    and "plot_discovered" in a.available
                    and "not flag.plot_discovered" not in a.available
                ):
                    continue
                v = views.get(a.id)
                if v is not None and v.open:
                    now.append(f"“{a.name}”")
                elif v is not None:
                    later.append(f"“{a.name}” ({why_closed(v, st, self.g.scn).rstrip('.')})")
            text = "The plot is found out: your services know who the critics are, and your count of them is sharper."
            if now:
                text += " Now open to you: " + ", ".join(now) + "."
            if later:
                text += " Opened for later: " + "; ".join(later) + "."
        elif found == "known":
            text = "Your contacts warn you: Kim's people know of the plot."
        else:
            text = "Your contacts fear that Kim's people have found out about the plot."
        entry = LogEntry(st.date, text, "intel", side)
        self.kept.append(entry)  # and it stays in that side's dispatch log
        return entry

    def movement_now(self, side: str, old: Snapshot | None, entries=()):
        """Why this side's count moved since ``old`` (see movement.py), naming the dispatches
        ``entries`` it read; None without a baseline."""
        if old is None:
            return None
        now = snapshot(self.g.state, self.g.scn, self.view(side), side)
        return movements(old, now, self.g.state.people, side, self.g.scn, entries)

    # ------------------------------------------------------------------ what a side may see
    def keep(self, text: str) -> None:
        """A passing message worth keeping (news that is not in the game's log): into the
        dispatch log of the side that saw it."""
        st = self.g.state
        if not any(e.text == text and e.date == st.date for e in self.kept):
            self.kept.append(LogEntry(st.date, text, "info", self.viewer))

    def visible_log(self, side: str | None = None):
        side = side or self.viewer
        out = [readable(e, self.g.scn) for e in self.g.state.log if e.visible_to in ("all", side)]
        return out + [e for e in self.kept if e.visible_to == side]

    def view(self, side: str | None = None) -> SideView:
        """This side's one picture of the committee (cached until the state moves on)."""
        side = side or self.viewer
        st = self.g.state
        key = (id(st), st.turn, st.phase, len(st.log), len(st.decisions), tuple(sorted(st.spent.items())))
        got = self._views.get(side)
        if got is None or got[0] != key:
            got = (key, side_view(st, self.g.scn, side))
            self._views[side] = got
        return got[1]

    def _played_key(self, pdef) -> tuple:
        st = self.g.state
        return (id(st), st.turn, st.phase, len(st.log), len(st.decisions), tuple(sorted(st.spent.items())), pdef.id)

    def played(self, pdef, side: str | None = None):
        """The coming session played out on this side's own picture (game.played.play_out), worked
        out once per state of the game and side (~20-40 ms), then read by every tooltip."""
        side = side or self.viewer
        key = self._played_key(pdef)
        got = self._played.get(side)
        if got is None or got[0] != key:
            from game.played import play_out_steps

            steps = self._played_steps.get(side)
            if steps is None or steps[0] != key:
                steps = (key, play_out_steps(self.g.state, self.g.scn, side, self.view(side), pdef))
            self._played_steps.pop(side, None)
            while True:
                try:
                    next(steps[1])
                except StopIteration as done:
                    got = (key, done.value)
                    break
            self._played[side] = got
        return got[1]

    _NOT_YET = object()

    def played_soon(self, pdef, budget_s: float = 0.008, side: str | None = None):
        """``played`` worked out a little at a time, for a screen's idle frames: the finished
        forecast (the very cache ``played`` fills and reads), or ``Session._NOT_YET`` after about
        ``budget_s`` of work. ``budget_s=0`` only looks."""
        side = side or self.viewer
        key = self._played_key(pdef)
        got = self._played.get(side)
        if got is not None and got[0] == key:
            return got[1]
        if budget_s <= 0:
            return self._NOT_YET
        from game.played import play_out_steps

        steps = self._played_steps.get(side)
        if steps is None or steps[0] != key:
            steps = (key, play_out_steps(self.g.state, self.g.scn, side, self.view(side), pdef))
            self._played_steps[side] = steps
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < budget_s:
            try:
                next(steps[1])
            except StopIteration as done:
                self._played[side] = (key, done.value)
                self._played_steps.pop(side, None)
                return done.value
        return self._NOT_YET

    def estimate(self, key: str, side: str | None = None) -> tuple[int, int]:
        """(count, error) of the headline: kim / opposition / swing, majority, present, plotters."""
        v = self.view(side)
        if key in COUNT_KEYS:
            return v.count(key), v.errors[COUNT_KEYS[key]]
        if key == "majority":
            return v.majority, 0
        if key == "present":
            return v.present, 0
        if key == "plotters":
            return v.plotters
        raise KeyError(key)

    def blurred_spread(self, side: str | None = None) -> list[tuple[str, float, float]]:
        """(pid, estimated lean, error) for every full member present, from ``view``."""
        v = self.view(side)
        return sorted(((m.pid, m.lean, m.error) for m in v.members.values()), key=lambda t: (t[1], t[0]))

    # ------------------------------------------------------------------ saving
    def write(self, path: Path, label: str = "") -> Path:
        path = saves.write(path, self.g, self.scenario_name, label)
        try:
            path.with_suffix(".session").write_text(
                json.dumps(
                    {
                        "players": self.players.to_dict(),
                        "viewer": self.viewer,
                        "seen_plenums": sorted(self.seen_plenums),
                        "kept": [e.to_list() for e in self.kept],
                    }
                ),
                encoding="utf-8",
            )
        except OSError:
            pass
        return path

    def autosave(self) -> None:
        st = self.g.state
        slot = (st.turn % AUTOSAVES) + 1
        path = saves_dir() / f"autosave-{slot}.json"
        label = f"Autosave: {self.g.scn.scenario.title}, {prose_dates(st.date)} (turn {st.turn})"
        try:
            self.write(path, label)
            self.autosave_problem = ""
        except (OSError, saves.SaveError) as exc:
            self.autosave_problem = f"Autosave failed: {exc}"
            self.notices.append(("all", self.autosave_problem))


def slug(name: str) -> str:
    s = re.sub(r"[^A-Za-z0-9_-]+", "-", name.strip()).strip("-").lower()
    return s[:40] or "save"


# The notes beside a save: who plays, the plenums seen and the log lines kept (a decade's log is
# well under 2 MB).
MAX_SESSION_BYTES = 16_000_000


def load_session(path: Path) -> Session:
    """Raises saves.SaveError with a readable message."""
    _scn, g, scen_name = saves.read(path)
    players = Players(("kim",), "normal")
    viewer = None
    seen = set()
    kept: list[LogEntry] = []
    side_file = Path(path).with_suffix(".session")
    try:
        # The notes beside a save (who plays, what was seen): a damaged, huge or nested-bomb file
        # loses only them, never the save.
        meta = json_file.read(side_file, MAX_SESSION_BYTES)
        players = Players.from_dict(meta.get("players", {}))
        viewer = meta.get("viewer")
        seen = set(meta.get("seen_plenums", []))
        kept = [LogEntry(*map(str, e[:4])) for e in meta.get("kept", []) if isinstance(e, list) and len(e) >= 4]
    except (OSError, ValueError, AttributeError, TypeError):
        mover = g.to_move()
        if mover in SIDES:
            players = Players((mover,), "normal")
    s = Session(g, scen_name, players, viewer or players.humans[0])
    s.seen_plenums |= seen
    s.kept = kept
    return s
