"""Stand-ins for the board's speech, handed to the real ``VoiceCaller``: an engine that renders each
sentence as a short tone (no espeak-ng needed), and a sink that "plays" a WAV by waiting its length
on a QTimer and writes down what it played and when, so order and overlap can be checked."""

from __future__ import annotations

import math
import struct
import threading
import time
import wave
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer

from core.speech import wav_duration
from ui.display.voice import AudioSink


def _tone(path: Path, seconds: float, rate: int = 16000) -> Path:
    count = int(seconds * rate)
    frames = struct.pack(f"<{count}h", *(int(6000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(count)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return path


class ToneEngine:
    """Renders every sentence (on the caller's worker thread) as a tone of ``seconds``."""

    def __init__(self, folder: Path, seconds: float = 0.15) -> None:
        self.folder = folder
        self.seconds = seconds
        self.texts: list[str] = []
        self._paths: dict[Path, str] = {}
        self._lock = threading.Lock()
        folder.mkdir(parents=True, exist_ok=True)

    def render_call(self, text: str) -> Path:
        with self._lock:
            self.texts.append(text)
            path = self.folder / f"call-{len(self.texts)}.wav"
            self._paths[path] = text
        return _tone(path, self.seconds)

    def text_of(self, path: Path) -> str:
        with self._lock:
            return self._paths[path]


@dataclass(frozen=True)
class Played:
    text: str
    start: float
    end: float


class RecordingSink(AudioSink):
    """Plays by waiting the WAV's length; ``played`` lists each sound with its start and end, and
    ``overlaps`` counts every ``play`` that came while a sound was still playing."""

    def __init__(self, engine: ToneEngine) -> None:
        super().__init__()
        self.engine = engine
        self.played: list[Played] = []
        self.volumes: list[float] = []   # the volume each sound was played at, 0.0–1.0
        self.overlaps = 0
        self._current: tuple[str, float] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    def has_output(self) -> bool:
        return True

    def play(self, path: Path, volume: float) -> None:
        if self._current is not None:
            self.overlaps += 1
        self.volumes.append(volume)
        self._current = (self.engine.text_of(path), time.monotonic())
        self._timer.start(max(1, int(wav_duration(path) * 1000)))

    def stop(self) -> None:
        self._timer.stop()
        self._current = None

    def spoken(self) -> list[str]:
        return [p.text for p in self.played]

    def _on_timer_timeout(self) -> None:
        if self._current is None:
            return
        text, start = self._current
        self._current = None
        self.played.append(Played(text, start, time.monotonic()))
        self.finished.emit()
