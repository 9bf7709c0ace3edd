"""The guided replay's stepping: which recorded moment is on stage, how long it stays there,
pause and skip, and each moment's annotation (its sources from the bibliography, what is
uncertain, the codex entries it opens). Plain state, no I/O: the terminal and the window both
drive it, and tests can step it without either.

The steps are content (``Scenario.replay``, the scenario's replay.yaml). Nothing here changes a
game; taking a seat is in ``replay_seat``.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.content import ReplayStep, Scenario

# Seconds a step stays on stage at normal speed: a pause to take it in, plus reading time.
# The plenum hall holds a speech for about four seconds; a replay step carries a paragraph.
BASE_SECONDS = 4.0
SECONDS_PER_WORD = 0.28
MAX_SECONDS = 30.0

OUTCOME_WORDS = {
    "delivered": "heard out",
    "shouted_down": "shouted down",
    "carried": "carried",
    "defeated": "defeated",
    "fled": "fled to China",
}
KIND_WORDS = {
    "context": "Background",
    "report": "Report",
    "speech": "Speech",
    "vote": "Decision",
    "flight": "Flight",
    "session": "Session",
}


def dwell(step: ReplayStep, speed: float = 1.0) -> float:
    """How long a step stays on stage before the replay moves on by itself."""
    words = len(step.text.split())
    return min(MAX_SECONDS, BASE_SECONDS + SECONDS_PER_WORD * words) / max(0.05, speed)


@dataclass(frozen=True)
class SourceNote:
    key: str
    label: str  # author, title, date, as the bibliography has it
    known: bool  # False when the key has no bibliography entry


@dataclass(frozen=True)
class CodexNote:
    id: str
    title: str
    text: str
    uncertain: str


@dataclass(frozen=True)
class Annotation:
    step_id: str
    date: str
    kind: str
    title: str
    speaker: str
    side: str
    outcome: str
    text: str
    sources: tuple[SourceNote, ...]
    uncertain: str
    codex: tuple[CodexNote, ...]
    seat_note: str


def bibliography(scn: Scenario) -> dict[str, str]:
    """Every source key the scenario's bibliography knows, with a one-line citation. The
    bibliography is the codex's source entries: a full citation (``cite``) where there is one,
    otherwise the entry's title for each key it lists."""
    out: dict[str, str] = {}
    for c in scn.codex:
        if c.category != "source":
            continue
        cite = getattr(c, "cite", None)
        if cite is not None:
            parts = [p for p in (cite.author, cite.title, cite.date) if p]
            out[cite.key] = ", ".join(parts)
            continue
        for key in c.sources:
            out.setdefault(key, c.title)
    return out


def speaker_name(scn: Scenario, step: ReplayStep) -> str:
    if step.person:
        p = scn.get("person", step.person)
        if p is not None:
            return str(p.name)
    return step.speaker


def annotate(scn: Scenario, step: ReplayStep, bib: dict[str, str] | None = None) -> Annotation:
    bib = bibliography(scn) if bib is None else bib
    notes = tuple(SourceNote(k, bib.get(k, "not in the bibliography"), k in bib) for k in step.sources)
    codex = []
    for cid in step.codex:
        c = scn.get("codex", cid)
        if c is not None:
            codex.append(CodexNote(c.id, c.title, c.text.strip(), c.uncertain.strip()))
    return Annotation(
        step_id=step.id,
        date=step.date,
        kind=KIND_WORDS.get(step.kind, step.kind),
        title=step.title,
        speaker=speaker_name(scn, step),
        side=step.side,
        outcome=OUTCOME_WORDS.get(step.outcome, ""),
        text=step.text.strip(),
        sources=notes,
        uncertain=step.uncertain.strip(),
        codex=tuple(codex),
        seat_note=step.seat.note,
    )


class ReplayCursor:
    """Where the replay stands: the step on stage, how long it has been there, paused or not."""

    def __init__(self, steps: list[ReplayStep] | tuple[ReplayStep, ...], speed: float = 1.0):
        if not steps:
            raise ValueError("a replay needs at least one step")
        self.steps = tuple(steps)
        self.index = 0
        self.t = 0.0
        self.speed = speed
        self.paused = False
        self.finished = False

    @property
    def step(self) -> ReplayStep:
        return self.steps[self.index]

    def progress(self) -> float:
        return 1.0 if self.finished else min(1.0, self.t / dwell(self.step, self.speed))

    def tick(self, dt: float) -> bool:
        """Let time pass; True when the replay moved to another step."""
        if self.paused or self.finished:
            return False
        self.t += dt
        if self.t >= dwell(self.step, self.speed):
            return self.next()
        return False

    def next(self) -> bool:
        """Skip to the next step (at the last one, the replay is finished)."""
        self.t = 0.0
        if self.index + 1 < len(self.steps):
            self.index += 1
            return True
        self.finished = True
        return False

    def back(self) -> bool:
        self.t = 0.0
        self.finished = False
        if self.index > 0:
            self.index -= 1
            return True
        return False

    def next_day(self) -> bool:
        """Skip to the first step on a later date than the one on stage."""
        today = self.step.date
        for i in range(self.index + 1, len(self.steps)):
            if self.steps[i].date > today:
                self.index, self.t, self.finished = i, 0.0, False
                return True
        self.finished = True
        return False

    def goto(self, step_id: str) -> None:
        for i, s in enumerate(self.steps):
            if s.id == step_id:
                self.index, self.t, self.finished = i, 0.0, False
                return
        raise KeyError(step_id)

    def toggle_pause(self) -> None:
        self.paused = not self.paused
