"""What the display offers: its size, for full screen and for the window sizes worth offering."""

from __future__ import annotations

import pygame


def display_size() -> tuple[int, int] | None:
    """The desktop's size (the first display), or None when unknown (the dummy driver)."""
    try:
        sizes = pygame.display.get_desktop_sizes()
    except (pygame.error, AttributeError):
        return None
    return (int(sizes[0][0]), int(sizes[0][1])) if sizes and sizes[0][0] > 0 else None
