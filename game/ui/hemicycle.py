"""The hall's seating: full members on the inner benches, candidates on the outer ones, filled
bench by bench from the rostrum outward. Plain geometry (no pygame), so it is tested alone."""

from __future__ import annotations

import math

SPAN = math.pi * 0.92  # the arc the benches cover


def _rows(n: int, r_start: float, pitch: float) -> tuple[list[tuple[float, float]], float]:
    """Fill benches outward from r_start until n seats are placed: (angle, radius) list and the
    radius after the last bench."""
    seats: list[tuple[float, float]] = []
    r = r_start
    left = n
    while left > 0:
        cap = max(1, int(SPAN * r / pitch))
        k = min(cap, left)
        # A last, partial bench is spread over the whole arc, like a real hall's back row.
        for j in range(k):
            a = math.pi - (math.pi - SPAN) / 2 - SPAN * (j / (k - 1) if k > 1 else 0.5)
            seats.append((a, r))
        left -= k
        r += pitch
    return seats, r


def hemicycle(n_inner: int, n_outer: int, centre, max_radius: float) -> tuple[list, list, float, float, float]:
    """Seat positions for full members (inner benches) and candidates (outer benches), each ordered
    left to right by angle so factions sit in wedges. Returns (inner, outer, r_full, r_cand, r0)."""
    cx, cy = centre
    pitch = 34.0
    while pitch > 10:
        r0 = max_radius * 0.44
        inner, r_mid = _rows(n_inner, r0, pitch)
        outer, r_end = _rows(n_outer, r_mid + pitch * 0.15, pitch * 0.84)
        if r_end - pitch * 0.84 <= max_radius:
            break
        pitch -= 1

    def place(seats):
        seats = sorted(seats, key=lambda t: (-round(t[0], 4), t[1]))
        return [(cx + r * math.cos(a), cy - r * math.sin(a)) for a, r in seats]

    return place(inner), place(outer), pitch * 0.42, pitch * 0.84 * 0.40, r0
