"""Synthesise the hall display's "ding-dong" call chime: ``python resources/sounds/make_chime.py``.

Two bell-like tones, E5 then C5 (a falling major third, the classic public-address chime), each a
sine with two quiet overtones and an exponential decay. Pure Python and deterministic: the same
script always writes the same bytes, so ``chime.wav`` in the repository can be checked against it.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22050            # the rate espeak-ng writes, so chime and speech join without resampling
DURATION = 1.4          # seconds, under the 1.5 s budget
PEAK = 0.6              # of full scale: loud enough over a hall, never clipping
# (start in seconds, frequency in Hz, level): "ding" then "dong".
TONES = ((0.0, 659.25, 1.0), (0.45, 523.25, 1.0))
# Overtones as (multiple of the fundamental, relative level, extra decay): a soft bell, not a beep.
PARTIALS = ((1.0, 1.0, 1.0), (2.0, 0.35, 1.8), (3.0, 0.12, 2.6))
DECAY = 0.32            # seconds for a tone to fall to 1/e
ATTACK = 0.006          # seconds of fade-in, so a tone starts without a click
FADE_OUT = 0.08         # seconds of fade at the very end, so the file ends on silence

DEFAULT_PATH = Path(__file__).with_name("chime.wav")


def chime_samples(rate: int = RATE) -> list[int]:
    """The chime as signed 16-bit mono samples."""
    count = int(DURATION * rate)
    mix = [0.0] * count
    for start, freq, level in TONES:
        first = int(start * rate)
        for i in range(first, count):
            t = (i - first) / rate
            attack = min(1.0, t / ATTACK)
            value = sum(rel * math.exp(-t * extra / DECAY) * math.sin(2 * math.pi * freq * mult * t)
                        for mult, rel, extra in PARTIALS)
            mix[i] += level * attack * value
    loudest = max(abs(v) for v in mix)
    fade_from = count - int(FADE_OUT * rate)
    samples = []
    for i, v in enumerate(mix):
        fade = 1.0 if i < fade_from else (count - 1 - i) / (count - 1 - fade_from)
        samples.append(round(v / loudest * PEAK * fade * 32767))
    return samples


def write_chime(path: Path = DEFAULT_PATH, rate: int = RATE) -> Path:
    """Write the chime as a mono 16-bit WAV at ``rate`` Hz and return its path."""
    samples = chime_samples(rate)
    path = Path(path)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH
    print(write_chime(target))
