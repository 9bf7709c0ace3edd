"""What a person file or a codex entry may tell at the game's date: the text written as of the
scenario's start, and each 'later' note of history only once the game has reached its date
(content: LaterNote in game/engine/content.py). A codex entry dated 'after' stays locked until
then, even once an event has unlocked it. Plain code, no pygame."""

from __future__ import annotations

import re

from game.engine.basics import MONTHS
from game.ui.view import prose_dates


def known(notes, date: str) -> list[str]:
    """The later notes history has reached by ``date`` (ISO), oldest first, each opening with
    its date in words ("In history, 31 August 1956: ...")."""
    out = []
    for n in sorted(notes or [], key=lambda n: n.after):
        if n.after <= date:
            out.append(f"In history, {prose_dates(n.after)}: " + " ".join(n.text.split()))
    return out


def later_count(notes, date: str) -> int:
    """How many notes still lie ahead (the file says there is more to learn, not what)."""
    return sum(1 for n in notes or [] if n.after > date)


_MONTH = {m: i + 1 for i, m in enumerate(MONTHS)}
_DATE = re.compile(r"\b(?:(\d{1,2})(?:[-–]\d{1,2})? )?(?:(" + "|".join(MONTHS) + r") )?(1[89]\d\d|20\d\d)\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])")


def latest_date(sentence: str) -> str:
    """The latest day a sentence names ("in September 1957", "1948 to 1957"), as an ISO date
    (a bare year counts from its first day), or "" when it names none."""
    out = ""
    for day, month, year in _DATE.findall(sentence):
        iso = f"{year}-{_MONTH.get(month, 1):02d}-{int(day) if day and month else 1:02d}"
        out = max(out, iso)
    return out


def known_text(text: str, date: str) -> str:
    """A text written without dated notes (a scenario built on another, a mod), told as of
    ``date``: each sentence that names a day still to come is left out, so a file opened in 1953
    does not tell of 1956."""
    if not text:
        return text
    paras = []
    for para in text.split("\n\n"):
        kept = [s for s in _SENTENCE.split(" ".join(para.split())) if s and latest_date(s) <= date]
        if kept:
            paras.append(" ".join(kept))
    return "\n\n".join(paras)


def text_at(base: str, notes, date: str) -> str:
    """The base text (its sentences about days still to come left out) and the notes reached
    so far, as one text in paragraphs."""
    base = known_text(base.strip(), date) if base else ""
    parts = [base] if base else []
    parts += known(notes, date)
    return "\n\n".join(parts)


def open_at(entry, date: str) -> bool:
    """A codex entry dated ``after`` tells of later events: closed before that date."""
    after = getattr(entry, "after", None)
    return after is None or after <= date
