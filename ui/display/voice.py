"""The display board's voice: calls are queued and read aloud one at a time, never overlapping.

Speech is rendered on a worker (``ui.tasks.TaskRunner``) and played by an ``AudioSink``
(QtMultimedia by default). Without a sound device or without espeak-ng the calls still go through
the queue, with their signals, just silently.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, QUrl, Signal

from core.announce import Announcement, call_sentence
from core.speech import SpeechEngine, SpeechUnavailable, wav_duration
from ui.tasks import TaskRunner
from ui.timers import later, stop_timers

log = logging.getLogger(__name__)

NO_DEVICE_MESSAGE = "no sound device; showing calls without voice"
NO_ENGINE_MESSAGE = "speech engine unavailable (%s); showing calls without voice"
# A sink that never says it ended must not stall the board: give up this long after the sound's
# own length.
WATCHDOG_SLACK_MS = 5000


class Renderer(Protocol):
    """What the caller needs from a speech engine: text in, a WAV with the chime in front out."""

    def render_call(self, text: str) -> Path: ...


class AudioSink(QObject):
    """Plays one WAV at a time and says when it ended: ``finished`` or ``failed(reason)``, once
    per ``play``. Subclass it for another backend, or for a fake in tests."""

    finished = Signal()
    failed = Signal(str)

    def has_output(self) -> bool:
        """Whether there is a device to play on at all."""
        raise NotImplementedError

    def play(self, path: Path, volume: float) -> None:
        """Start playing ``path`` at ``volume`` (0.0–1.0); return at once."""
        raise NotImplementedError

    def set_volume(self, volume: float) -> None:
        """Change the volume of what is playing now."""

    def stop(self) -> None:
        """Stop playing; no ``finished`` or ``failed`` follows for that sound."""


class QtMediaSink(AudioSink):
    """The real speakers: QMediaPlayer on the system's default audio output."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player = None
        self._output = None
        self._active = False  # a play() whose end has not been reported yet

    def has_output(self) -> bool:
        from PySide6.QtMultimedia import QMediaDevices  # noqa: PLC0415 - loads the backend; only when needed

        return bool(QMediaDevices.audioOutputs())

    def play(self, path: Path, volume: float) -> None:
        from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer  # noqa: PLC0415 - as above

        if self._player is None:
            self._output = QAudioOutput(self)
            self._player = QMediaPlayer(self)
            self._player.setAudioOutput(self._output)
            self._player.mediaStatusChanged.connect(self._on_player_status_changed)
            self._player.errorOccurred.connect(self._on_player_error)
        # Follow the current default device: USB speakers may have been plugged in since.
        self._output.setDevice(QMediaDevices.defaultAudioOutput())
        self._output.setVolume(volume)
        self._active = True
        # Clear first: the same cached file twice in a row would otherwise not be reloaded.
        self._player.setSource(QUrl())
        self._player.setSource(QUrl.fromLocalFile(str(path)))
        self._player.play()

    def set_volume(self, volume: float) -> None:
        if self._output is not None:
            self._output.setVolume(volume)

    def stop(self) -> None:
        self._active = False
        if self._player is not None:
            self._player.stop()

    def _on_player_status_changed(self, status) -> None:
        from PySide6.QtMultimedia import QMediaPlayer  # noqa: PLC0415 - as above

        if not self._active:
            return
        if status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._active = False
            self.finished.emit()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self._active = False
            self.failed.emit("the sound file could not be played")

    def _on_player_error(self, _error, message: str) -> None:
        if not self._active:
            return
        self._active = False
        self.failed.emit(message or "playback error")


# How a call ended, for whoever asked to hear it (the technician's voice test): spoken, or why not.
SPOKEN, VOICE_OFF, NO_DEVICE, NO_ENGINE, FAILED = "spoken", "voice_off", "no_device", "no_engine", "failed"
Outcome = Callable[[str, str], None]   # (one of the above, the sentence spoken or the reason in words)


@dataclass(eq=False)
class _Job:
    announcement: Announcement
    wav: Path | None = None
    duration: float = 0.0
    error: BaseException | None = None
    rendering: bool = False
    on_done: Outcome | None = None


class VoiceCaller(QObject):
    """Reads calls aloud in order. Every ``started(code)`` is followed by exactly one
    ``finished(code)``, and the next call starts only after that; ``failed(code, reason)`` comes
    just before ``finished`` when the voice could not be given for that call."""

    started = Signal(str)
    finished = Signal(str)
    failed = Signal(str, str)

    def __init__(self, engine: Renderer | None = None, sink: AudioSink | None = None,
                 runner: TaskRunner | None = None, *, enabled: bool = True, volume: int = 80,
                 watchdog_slack_ms: int = WATCHDOG_SLACK_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine: Renderer = engine if engine is not None else SpeechEngine()
        self._sink = sink if sink is not None else QtMediaSink(self)
        # One worker: renders come back in the order they were asked for.
        self._owns_runner = runner is None
        self._runner = runner if runner is not None else TaskRunner("speech", 1, self)
        self._enabled = enabled
        self._volume = _clamp(volume)
        self._queue: deque[_Job] = deque()
        self._current: _Job | None = None
        self._playing = False
        self._warned: set[str] = set()
        self._closed = False
        self._watchdog_slack_ms = watchdog_slack_ms
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._on_watchdog_timeout)
        self._sink.finished.connect(self._on_sink_finished)
        self._sink.failed.connect(self._on_sink_failed)

    # -- public ----------------------------------------------------------------------------------

    def call(self, code: str, loket: str | int, recall: bool = False, *,
             on_done: Outcome | None = None) -> Announcement | None:
        """Queue a call; it is read after the ones before it. A malformed code or loket is logged
        and reported by ``failed`` (without ``started``), never raised at the board. ``on_done``
        hears how it ended: ``SPOKEN`` or why not (``VOICE_OFF``, ``NO_DEVICE``, ``NO_ENGINE``, ``FAILED``)."""
        if self._closed:
            log.warning("call %s after shutdown ignored", code)
            return None
        try:
            announcement = call_sentence(code, loket, recall=recall)
        except (TypeError, ValueError) as exc:
            log.warning("cannot announce %r to %r: %s", code, loket, exc)
            self.failed.emit(str(code), str(exc))
            if on_done is not None:
                on_done(FAILED, str(exc))
            return None
        job = _Job(announcement, on_done=on_done)
        self._queue.append(job)
        if self._enabled:
            self._render(job)  # start now, so the speech is ready when its turn comes
        self._next()
        return announcement

    def current(self) -> Announcement | None:
        """The call being announced now, if any."""
        return self._current.announcement if self._current is not None else None

    def pending(self) -> int:
        """Calls not finished yet: the current one and those waiting."""
        return len(self._queue) + (self._current is not None)

    def is_enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """Voice off: calls still go through the queue and their signals, silently. Switching off
        cuts the call being read."""
        if enabled == self._enabled:
            return
        self._enabled = enabled
        if not enabled:
            if self._current is not None:
                if self._playing:
                    self._sink.stop()
                self._finish(self._current, outcome=(VOICE_OFF, "voice switched off"))
            return
        for job in self._queue:
            self._render(job)

    def volume(self) -> int:
        return self._volume

    def set_volume(self, volume: int) -> None:
        """Loudness 0–100; applies to the call being read too."""
        self._volume = _clamp(volume)
        if self._playing:
            self._sink.set_volume(self._volume / 100)

    def shutdown(self) -> None:
        """Drop the queue, stop the sound, and (if the runner is ours) wait for a render in
        progress to end."""
        self._closed = True
        self._queue.clear()
        stop_timers(self)
        if self._playing:
            self._sink.stop()
        self._current = None
        self._playing = False
        if self._owns_runner:
            self._runner.shutdown()

    # -- the queue -------------------------------------------------------------------------------

    def _render(self, job: _Job) -> None:
        if job.wav is not None or job.rendering or job.error is not None:
            return
        job.rendering = True
        engine = self._engine
        text = job.announcement.spoken

        def work() -> tuple[Path, float]:
            path = engine.render_call(text)
            return path, wav_duration(path)

        self._runner.run_task(work, partial(self._on_rendered, job), partial(self._on_render_failed, job))

    def _next(self) -> None:
        if self._current is not None or not self._queue:
            return
        job = self._queue.popleft()
        self._current = job
        self.started.emit(job.announcement.code)
        if self._current is job:  # a slot on started may have shut us down
            self._proceed(job)

    def _proceed(self, job: _Job) -> None:
        """Take the current call one step on: wait for its speech, play it, or end it."""
        if not self._enabled:
            self._finish(job, outcome=(VOICE_OFF, "voice off"))
        elif job.error is not None:
            reason = self._describe_render_error(job.error)
            self._finish(job, reason, outcome=(NO_ENGINE if isinstance(job.error, SpeechUnavailable) else FAILED,
                                               str(job.error)))
        elif job.wav is None:
            self._render(job)  # voice was off when it was queued; on_rendered brings us back
        elif not self._sink.has_output():
            self._warn_once("no-device", NO_DEVICE_MESSAGE)
            self._finish(job, outcome=(NO_DEVICE, "no sound device"))
        else:
            self._playing = True
            self._watchdog.start(int(job.duration * 1000) + self._watchdog_slack_ms)
            self._sink.play(job.wav, self._volume / 100)

    def _finish(self, job: _Job, failure: str | None = None, *, outcome: tuple[str, str] | None = None) -> None:
        self._watchdog.stop()
        self._playing = False
        self._current = None
        code = job.announcement.code
        if failure is not None:
            self.failed.emit(code, failure)
        if job.on_done is not None:
            job.on_done(*(outcome or ((FAILED, failure) if failure is not None else (SPOKEN, job.announcement.spoken))))
        self.finished.emit(code)
        # The next call starts from the event loop, not from inside finished's slots: no deep
        # recursion through a long silent queue, and slots see a caller at rest.
        later(self, 0, self._next)

    def _describe_render_error(self, error: BaseException) -> str:
        if isinstance(error, SpeechUnavailable):
            self._warn_once("no-engine", NO_ENGINE_MESSAGE % error)
            return f"speech unavailable: {error}"
        log.warning("could not render a call: %s", error)
        return f"speech failed: {error}"

    def _warn_once(self, key: str, message: str) -> None:
        if key not in self._warned:
            self._warned.add(key)
            log.warning(message)

    # -- results ---------------------------------------------------------------------------------

    def _on_rendered(self, job: _Job, result: tuple[Path, float]) -> None:
        job.rendering = False
        job.wav, job.duration = result
        if job is self._current and not self._playing:
            self._proceed(job)

    def _on_render_failed(self, job: _Job, error: BaseException) -> None:
        job.rendering = False
        job.error = error
        if job is self._current and not self._playing:
            self._proceed(job)

    def _on_sink_finished(self) -> None:
        if self._current is not None and self._playing:
            self._finish(self._current)

    def _on_sink_failed(self, reason: str) -> None:
        if self._current is not None and self._playing:
            self._warn_once(f"playback:{reason}", f"could not play a call ({reason}); "
                            "showing calls without voice")
            self._finish(self._current, f"playback failed: {reason}")

    def _on_watchdog_timeout(self) -> None:
        if self._current is not None and self._playing:
            log.warning("the sound of %s did not end; moving on", self._current.announcement.code)
            self._sink.stop()
            self._finish(self._current, "playback did not end in time")


def _clamp(volume: int) -> int:
    return max(0, min(100, int(volume)))
