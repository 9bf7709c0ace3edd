"""What a person file or a codex entry may tell at the game's date: the text written as of the
scenario's start, and each 'later' note of history only once the game has reached its date
(content: LaterNote in game/engine/content.py). A codex entry dated 'after' stays locked until
then, even once an event has unlocked it. Plain code, no pygame."""

from __future__ import annotations

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


def text_at(base: str, notes, date: str) -> str:
    """The base text and the notes reached so far, as one text in paragraphs."""
    parts = [base.strip()] if base and base.strip() else []
    parts += known(notes, date)
    return "\n\n".join(parts)


def open_at(entry, date: str) -> bool:
    """A codex entry dated ``after`` tells of later events: closed before that date."""
    after = getattr(entry, "after", None)
    return after is None or after <= date
