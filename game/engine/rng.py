"""The one random number generator the rules use.

PCG32 (O'Neill, 2014): tiny state that serialises as two integers, identical output on every
platform and Python version (unlike ``random.Random``'s helper methods, whose algorithms
have changed between releases). The UI's cosmetic jitter must use its own generator, never
this one, or watching an animation would change the game.
"""

from __future__ import annotations

_MASK64 = (1 << 64) - 1
_MULT = 6364136223846793005


class Rng:
    __slots__ = ("draws", "inc", "state")

    def __init__(self, seed: int = 0, stream: int = 54):
        self.inc = ((stream << 1) | 1) & _MASK64
        self.state = 0
        self.draws = 0
        self._next()
        self.state = (self.state + (seed & _MASK64)) & _MASK64
        self._next()
        self.draws = 0

    def _next(self) -> int:
        old = self.state
        self.state = (old * _MULT + self.inc) & _MASK64
        xorshifted = (((old >> 18) ^ old) >> 27) & 0xFFFFFFFF
        rot = old >> 59
        self.draws += 1
        return ((xorshifted >> rot) | (xorshifted << ((-rot) & 31))) & 0xFFFFFFFF

    def below(self, n: int) -> int:
        """Uniform integer in [0, n), without modulo bias."""
        if n <= 0:
            raise ValueError("n must be positive")
        threshold = (0x100000000 - n) % n
        while True:
            r = self._next()
            if r >= threshold:
                return r % n

    def randint(self, lo: int, hi: int) -> int:
        return lo + self.below(hi - lo + 1)

    def randints(self, lo: int, hi: int, count: int) -> list[int]:
        """`count` draws of randint(lo, hi), in order: the same numbers, the same generator state
        after, in one call (the blur redraws a value for every member each turn)."""
        n = hi - lo + 1
        if n <= 0:
            raise ValueError("n must be positive")
        threshold = (0x100000000 - n) % n
        state, inc, mult, mask = self.state, self.inc, _MULT, _MASK64
        out = []
        draws = 0
        for _ in range(count):
            while True:
                # _next, written out (the same arithmetic)
                old = state
                state = (old * mult + inc) & mask
                xorshifted = (((old >> 18) ^ old) >> 27) & 0xFFFFFFFF
                rot = old >> 59
                draws += 1
                r = ((xorshifted >> rot) | (xorshifted << ((-rot) & 31))) & 0xFFFFFFFF
                if r >= threshold:
                    out.append(lo + r % n)
                    break
        self.state = state
        self.draws += draws
        return out

    def roll(self) -> int:
        """A percentile roll, 1..100."""
        return self.below(100) + 1

    def chance(self, percent: float) -> bool:
        return self.roll() <= percent

    def to_dict(self) -> dict[str, int]:
        return {"state": self.state, "inc": self.inc, "draws": self.draws}

    @classmethod
    def from_dict(cls, d: dict[str, int]) -> Rng:
        r = cls.__new__(cls)
        r.state, r.inc, r.draws = int(d["state"]), int(d["inc"]), int(d.get("draws", 0))
        return r
