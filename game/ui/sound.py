"""Sound effects synthesised at start-up (no audio files): a gavel, the murmur and uproar of the
hall, a typewriter for dispatches, a soft click. With no audio device the game is silent and
says nothing more about it than one line in the log."""

from __future__ import annotations

import array
import math
import random

import pygame

RATE = 22050


def _clip(v: float) -> int:
    return int(max(-32767, min(32767, v)))


def _gavel() -> list[float]:
    out = []
    rnd = random.Random(1)
    for _strike in range(2):
        n = int(RATE * 0.16)
        for i in range(n):
            t = i / RATE
            env = math.exp(-t * 38)
            body = math.sin(2 * math.pi * 180 * t) * 0.6 + math.sin(2 * math.pi * 410 * t) * 0.3
            click = (rnd.random() * 2 - 1) * math.exp(-t * 240)
            out.append((body * env + click * 0.8) * 0.8)
        out.extend([0.0] * int(RATE * 0.07))
    return out


def _crowd(seconds: float, loud: float, seed: int) -> list[float]:
    rnd = random.Random(seed)
    n = int(RATE * seconds)
    out = []
    lp = 0.0
    voices = [(rnd.uniform(110, 260), rnd.uniform(0, 6.28), rnd.uniform(2, 6)) for _ in range(9)]
    for i in range(n):
        t = i / RATE
        noise = rnd.random() * 2 - 1
        lp += (noise - lp) * 0.08
        v = sum(
            math.sin(2 * math.pi * f * t + p) * (0.5 + 0.5 * math.sin(2 * math.pi * m * t)) for f, p, m in voices
        ) / len(voices)
        fade = min(1.0, t / 0.25, (seconds - t) / 0.4)
        out.append((lp * 1.6 + v * 0.5) * loud * fade)
    return out


def _typewriter() -> list[float]:
    rnd = random.Random(3)
    out = []
    for _k in range(6):
        n = int(RATE * 0.025)
        for i in range(n):
            t = i / RATE
            out.append(
                (rnd.random() * 2 - 1) * math.exp(-t * 300) * 0.7
                + math.sin(2 * math.pi * 1900 * t) * math.exp(-t * 200) * 0.2
            )
        out.extend([0.0] * int(RATE * rnd.uniform(0.05, 0.11)))
    # the bell at the end of the line
    n = int(RATE * 0.25)
    for i in range(n):
        t = i / RATE
        out.append(math.sin(2 * math.pi * 2600 * t) * math.exp(-t * 14) * 0.25)
    return out


def _click() -> list[float]:
    n = int(RATE * 0.03)
    return [math.sin(2 * math.pi * 900 * (i / RATE)) * math.exp(-(i / RATE) * 180) * 0.35 for i in range(n)]


def _stamp() -> list[float]:
    rnd = random.Random(5)
    n = int(RATE * 0.2)
    return [
        ((rnd.random() * 2 - 1) * 0.6 + math.sin(2 * math.pi * 90 * i / RATE)) * math.exp(-(i / RATE) * 30) * 0.8
        for i in range(n)
    ]


RECIPES = {
    "gavel": _gavel,
    "murmur": lambda: _crowd(1.6, 0.35, 11),
    "uproar": lambda: _crowd(1.8, 0.95, 12),
    "typewriter": _typewriter,
    "click": _click,
    "stamp": _stamp,
}


class Sound:
    def __init__(self, volume: int = 70, muted: bool = False):
        self.volume = volume
        self.muted = muted
        self.ok = False
        self.problem = ""
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=RATE, size=-16, channels=1, buffer=512)
            init = pygame.mixer.get_init()
            if init is None:
                raise RuntimeError("the mixer did not start")
            freq, _size, channels = init
            for name, make in RECIPES.items():
                samples = make()
                if freq != RATE:
                    ratio = RATE / freq
                    samples = [samples[min(len(samples) - 1, int(i * ratio))] for i in range(int(len(samples) / ratio))]
                data = array.array("h", (_clip(v * 26000) for v in samples for _ in range(channels)))
                self.sounds[name] = pygame.mixer.Sound(buffer=data.tobytes())
            self.ok = True
        except Exception as exc:  # no device, no mixer: play silently
            self.problem = f"No sound device ({exc}); playing silently."
            self.sounds = {}

    def play(self, name: str) -> None:
        if not self.ok or self.muted or self.volume <= 0:
            return
        s = self.sounds.get(name)
        if s is None:
            return
        try:
            s.set_volume(self.volume / 100)
            s.play()
        except Exception:
            pass

    def set(self, volume: int, muted: bool) -> None:
        self.volume, self.muted = volume, muted
