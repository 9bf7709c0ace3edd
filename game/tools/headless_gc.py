"""The garbage collector's settings for long headless runs (the lab's games, `plenum bench`).

A game allocates a great many short-lived containers (the AI copies a world for every move it
weighs), and the collector's default of a young-generation pass every 700 allocations, each
also walking the loaded scenario's thousands of objects at the older passes, cost about 5% of
an AI-vs-AI game's processor time. Nothing in a game depends on when garbage is collected (no finalizers, no
object addresses in any result), so the same seed plays the same game either way; the lab's
figures and the fixed-game hashes are unchanged by this.
"""

from __future__ import annotations

import gc

# A young-generation pass every 20,000 net allocations instead of 700; the older generations
# as often relative to it as before, roughly.
YOUNG = 20_000
MIDDLE = 20
OLD = 100


def tune() -> None:
    """Call once the scenario is loaded: what is alive now lives for the whole run, so the
    collector stops walking it (gc.freeze), and young passes come less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG, MIDDLE, OLD)
