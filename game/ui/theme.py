"""The visual identity: a 1950s poster palette (cream paper, deep red, black, gold).

Faction colours come from the scenario (``FactionDef.color``) and are used everywhere a faction
appears; the palette here is only for the chrome around them.
"""

from __future__ import annotations

PAPER = (236, 226, 200)  # cream poster paper
PAPER_DARK = (222, 208, 176)
PAPER_LIGHT = (246, 239, 220)
INK = (28, 22, 20)  # near-black printing ink
INK_SOFT = (88, 76, 66)
INK_FAINT = (150, 136, 118)
RED = (168, 24, 22)  # deep poster red
RED_DARK = (112, 14, 14)
RED_BRIGHT = (206, 40, 30)
GOLD = (214, 166, 48)
GOLD_LIGHT = (240, 206, 110)
GOLD_DARK = (150, 110, 20)
HALL = (44, 20, 18)  # the plenum hall at night
HALL_LIGHT = (74, 34, 30)
SHADOW = (0, 0, 0, 110)
FOCUS = (214, 166, 48)  # focus ring: gold
OK = (60, 110, 58)
BAD = RED

VOTE_FOR = (236, 192, 70)  # gold: a raised card
VOTE_AGAINST = (24, 20, 18)  # black
VOTE_ABSTAIN = (150, 140, 128)  # grey
EMPTY_SEAT = (92, 60, 54)

SIDE_COLOUR = {"kim": (178, 34, 30), "opposition": (40, 84, 128)}
SIDE_NAME = {"kim": "Kim Il Sung", "opposition": "The opposition"}
SIDE_SHORT = {"kim": "Kim", "opposition": "Opposition"}

FOREIGN = (120, 110, 100)


def hex_to_rgb(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    try:
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
    except (ValueError, IndexError):
        return FOREIGN


def mix(a, b, t: float) -> tuple[int, int, int]:
    return (int(a[0] + (b[0] - a[0]) * t), int(a[1] + (b[1] - a[1]) * t), int(a[2] + (b[2] - a[2]) * t))


def faction_colour(scn, fid: str | None) -> tuple[int, int, int]:
    if not fid:
        return FOREIGN
    f = scn.get("faction", fid)
    return hex_to_rgb(f.color) if f else FOREIGN


def patron_colour(scn, pid: str | None) -> tuple[int, int, int]:
    p = scn.get("patron", pid) if pid else None
    return hex_to_rgb(p.color) if p else FOREIGN


def readable_on(colour) -> tuple[int, int, int]:
    r, g, b = colour[:3]
    return INK if (0.299 * r + 0.587 * g + 0.114 * b) > 150 else PAPER_LIGHT
