"""Where the plenum's playback stands: which moment of the engine's record is on stage, how far
through it, which seats have been counted and the running tally. Plain state (no pygame), so
the staging can be tested without a window; the hall screen draws what this says.

The record is the engine's (``state.plenums[id].record``): playback never changes an outcome,
it only decides how much of it has been shown.
"""

from __future__ import annotations

# Seconds each kind of moment lasts at normal speed.
DURATIONS = {"agenda": 3.5, "tactic": 2.2, "speech": 3.8, "vote": 6.0}
COUNTING_SHARE = 0.8  # seats are counted over this share of a vote's moment, left to right
HEARD_AT = 0.45  # a speech counts toward the mood once this much of it has been heard


class Playback:
    def __init__(self, stages: list[dict], seated_full: list[str], speed: float = 1.0):
        self.stages = stages
        self.seated_full = seated_full
        self.speed = speed
        self.beat = 0
        self.t = 0.0
        self.finished = not stages

    # -------------------------------------------------------------- the moment on stage
    def stage(self) -> dict | None:
        return self.stages[self.beat] if self.beat < len(self.stages) else None

    def duration(self, st: dict | None) -> float:
        if st is None:
            return 0.0
        return DURATIONS.get(st.get("kind", ""), 2.0) / self.speed

    def progress(self) -> float:
        st = self.stage()
        if st is None:
            return 1.0
        return min(1.0, self.t / max(0.01, self.duration(st)))

    def advance(self) -> None:
        self.beat += 1
        self.t = 0.0
        if self.beat >= len(self.stages):
            self.finished = True

    def skip(self) -> None:
        self.beat = len(self.stages)
        self.finished = True

    def jump(self, beat: int, progress: float) -> None:
        self.beat = max(0, min(beat, len(self.stages)))
        self.finished = self.beat >= len(self.stages)
        st = self.stage()
        self.t = progress * self.duration(st) if st else 0.0

    # -------------------------------------------------------------- votes
    def votes(self) -> list[dict]:
        return [s for s in self.stages if s.get("kind") == "vote"]

    def current_vote(self) -> dict | None:
        st = self.stage()
        return st if st and st.get("kind") == "vote" else None

    def last_vote(self) -> dict | None:
        """The vote on stage, or the last one already shown."""
        upto = len(self.stages) if self.finished else self.beat + 1
        votes = [s for s in self.stages[:upto] if s.get("kind") == "vote"]
        return votes[-1] if votes else None

    def shown_votes(self) -> list[dict]:
        upto = len(self.stages) if self.finished else self.beat + 1
        return [s for s in self.stages[:upto] if s.get("kind") == "vote"]

    def counted(self, vote: dict) -> set[str]:
        """Seats whose vote on this motion has been counted so far."""
        if vote is not self.current_vote():
            return set(vote["votes"])
        frac = min(1.0, self.progress() / COUNTING_SHARE)
        return set(self.seated_full[: int(len(self.seated_full) * frac)])

    def tally(self, vote: dict) -> dict[str, int]:
        t = {"F": 0, "A": 0, "N": 0}
        for pid in self.counted(vote):
            v = vote["votes"].get(pid)
            if v:
                t[v] += 1
        return t

    # -------------------------------------------------------------- the mood
    def mood_heard(self) -> float:
        """The hall's mood after the last speech already heard."""
        st = self.stage()
        k = st.get("kind") if st else None
        upto = (
            len(self.stages) if st is None else self.beat + (1 if (k == "speech" and self.progress() > HEARD_AT) else 0)
        )
        heard = [x for x in self.stages[:upto] if x.get("kind") == "speech"]
        return heard[-1].get("mood", 0) if heard else 0
