"""Playing a game some way in, for tests that need a state from the middle of one."""

from __future__ import annotations


def play_moves(g, players: dict, moves: int):
    """Submit up to `moves` orders from `players` (side -> player), fewer if the game ends; returns g."""
    for _ in range(moves):
        side = g.to_move()
        if side is None:
            break
        g.submit(players[side](g, side))
    return g
