"""The display's voice queue: calls one after another, recalls, voice off, and no sound device.

Most tests use a fake sink that "plays" a WAV by waiting its length on a QTimer, so the order of
events is exact; others use the real QtMultimedia sink as it is on this machine.
"""

from __future__ import annotations

import logging
import math
import struct
import threading
import time
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from core.speech import SpeechEngine, wav_duration
from ui.display.voice import NO_DEVICE_MESSAGE, AudioSink, QtMediaSink, VoiceCaller
from ui.tasks import TaskRunner


def _tone(path: Path, seconds: float, freq: float = 440.0, rate: int = 22050) -> Path:
    count = int(seconds * rate)
    frames = struct.pack(f"<{count}h", *(int(8000 * math.sin(2 * math.pi * freq * i / rate))
                                         for i in range(count)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return path


class FakeEngine:
    """Renders each sentence as a short tone, one file per distinct text, and remembers what it
    was asked and on which thread."""

    def __init__(self, folder: Path, seconds: float = 0.15) -> None:
        self.folder = folder
        self.seconds = seconds
        self.texts: list[str] = []
        self.threads: list[int] = []
        self._files: dict[str, Path] = {}

    def render_call(self, text: str) -> Path:
        self.threads.append(threading.get_ident())
        self.texts.append(text)
        if text not in self._files:
            self._files[text] = _tone(self.folder / f"call-{len(self._files)}.wav", self.seconds)
        return self._files[text]

    def text_of(self, path: Path) -> str:
        return next(text for text, p in self._files.items() if p == path)


class FakeSink(AudioSink):
    """Plays by waiting the WAV's length (divided by ``speedup``); can have no device, fail, or
    never end."""

    def __init__(self, events: list, *, output: bool = True, fail: str | None = None,
                 hang: bool = False, speedup: float = 1.0) -> None:
        super().__init__()
        self.events = events
        self.output = output
        self.fail = fail
        self.hang = hang
        self.speedup = speedup
        self.played: list[Path] = []
        self.volumes: list[float] = []
        self.stops = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may fire 5% early
        self._timer.timeout.connect(self._on_timer_timeout)

    def has_output(self) -> bool:
        return self.output

    def play(self, path: Path, volume: float) -> None:
        assert not self._timer.isActive(), "asked to play while still playing"
        self.events.append(("play", path.name, time.monotonic()))
        self.played.append(path)
        self.volumes.append(volume)
        if not self.hang:
            self._timer.start(int(wav_duration(path) * 1000 / self.speedup))

    def set_volume(self, volume: float) -> None:
        self.volumes.append(volume)

    def stop(self) -> None:
        self.stops += 1
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        self.events.append(("end", self.played[-1].name, time.monotonic()))
        if self.fail:
            self.failed.emit(self.fail)
        else:
            self.finished.emit()


@pytest.fixture
def events() -> list:
    return []


@pytest.fixture
def make_caller(qtbot, events):
    """A VoiceCaller whose signals are written into ``events``; shut down after the test."""
    made: list[VoiceCaller] = []

    def make(engine, sink=None, **kwargs) -> VoiceCaller:
        caller = VoiceCaller(engine, sink, **kwargs)
        caller.started.connect(lambda code: events.append(("started", code, time.monotonic())))
        caller.finished.connect(lambda code: events.append(("finished", code, time.monotonic())))
        caller.failed.connect(lambda code, why: events.append(("failed", code, why)))
        made.append(caller)
        return caller

    yield make
    for caller in made:
        caller.shutdown()


def _kinds(events: list) -> list[tuple[str, str]]:
    return [(e[0], e[1]) for e in events if e[0] in {"started", "finished", "failed"}]


def _finished_count(events: list) -> int:
    return sum(1 for e in events if e[0] == "finished")


def _assert_one_at_a_time(events: list) -> None:
    """Never two calls open, never two sounds playing, every sound inside its call."""
    open_call, playing = None, False
    for kind, what, *_ in events:
        if kind == "started":
            assert open_call is None, f"{what} started while {open_call} was still on"
            open_call = what
        elif kind == "finished":
            assert open_call == what and not playing
            open_call = None
        elif kind == "play":
            assert open_call is not None and not playing
            playing = True
        elif kind == "end":
            assert playing
            playing = False


def test_two_calls_are_spoken_one_after_the_other(qtbot, tmp_path, events, make_caller):
    engine = FakeEngine(tmp_path, seconds=0.3)
    sink = FakeSink(events)
    caller = make_caller(engine, sink)

    caller.call("A-001", 1)
    caller.call("A-002", 2)  # queued while the first is still being said
    qtbot.waitUntil(lambda: _finished_count(events) == 2, timeout=5000)

    assert [(e[0], e[1]) for e in events] == [
        ("started", "A-001"), ("play", "call-0.wav"), ("end", "call-0.wav"), ("finished", "A-001"),
        ("started", "A-002"), ("play", "call-1.wav"), ("end", "call-1.wav"), ("finished", "A-002")]
    _assert_one_at_a_time(events)
    assert [engine.text_of(p) for p in sink.played] == [
        "Nomor antrean, a, satu, silakan menuju loket satu.",
        "Nomor antrean, a, dua, silakan menuju loket dua."]
    first_end = next(e[2] for e in events if e[0] == "finished")
    second_start = [e[2] for e in events if e[0] == "started"][1]
    assert second_start >= first_end
    assert caller.pending() == 0


def test_real_espeak_calls_play_in_order_for_their_length(qtbot, tmp_path, events, make_caller):
    """GIVEN the real espeak-ng and a sink that waits a quarter of each WAV's length
    WHEN two calls arrive together THEN each is played whole, the second after the first."""
    sink = FakeSink(events, speedup=4)
    caller = make_caller(SpeechEngine(tmp_path / "cache"), sink)

    caller.call("A-123", 3)
    caller.call("B2-014", "Loket 12")
    qtbot.waitUntil(lambda: _finished_count(events) == 2, timeout=30000)

    _assert_one_at_a_time(events)
    assert _kinds(events) == [("started", "A-123"), ("finished", "A-123"),
                              ("started", "B2-014"), ("finished", "B2-014")]
    assert len(sink.played) == 2 and sink.played[0] != sink.played[1]
    for path in sink.played:
        assert wav_duration(path) > 4.0  # chime and a whole sentence
    plays = {e[1]: e[2] for e in events if e[0] == "play"}
    ends = {e[1]: e[2] for e in events if e[0] == "end"}
    for path in sink.played:
        assert ends[path.name] - plays[path.name] >= 0.95 * wav_duration(path) / 4


def test_a_recall_is_queued_and_spoken_again(qtbot, tmp_path, events, make_caller):
    engine = FakeEngine(tmp_path)
    sink = FakeSink(events)
    caller = make_caller(engine, sink)

    caller.call("A-123", 3)
    again = caller.call("A-123", 3, recall=True)
    qtbot.waitUntil(lambda: _finished_count(events) == 2, timeout=5000)

    assert again is not None and again.recall
    assert _kinds(events) == [("started", "A-123"), ("finished", "A-123"),
                              ("started", "A-123"), ("finished", "A-123")]
    _assert_one_at_a_time(events)
    assert [engine.text_of(p) for p in sink.played] == [
        "Nomor antrean, a, seratus dua puluh tiga, silakan menuju loket tiga.",
        "Panggilan ulang. Nomor antrean, a, seratus dua puluh tiga, silakan menuju loket tiga."]


def test_the_same_call_twice_plays_the_same_file_twice(qtbot, tmp_path, events, make_caller):
    sink = FakeSink(events)
    caller = make_caller(FakeEngine(tmp_path), sink)

    caller.call("C-100", 10)
    caller.call("C-100", 10)
    qtbot.waitUntil(lambda: _finished_count(events) == 2, timeout=5000)

    assert len(sink.played) == 2 and sink.played[0] == sink.played[1]


def test_with_voice_off_calls_are_still_signalled_but_not_spoken(qtbot, tmp_path, events, make_caller):
    engine = FakeEngine(tmp_path)
    sink = FakeSink(events)
    caller = make_caller(engine, sink, enabled=False)

    with qtbot.waitSignal(caller.finished, timeout=2000) as done:
        shown = caller.call("A-001", 1)

    assert done.args == ["A-001"]
    assert shown is not None and shown.shown == "A-001 → Loket 1"
    assert _kinds(events) == [("started", "A-001"), ("finished", "A-001")]
    assert sink.played == [] and engine.texts == []


def test_switching_voice_off_cuts_the_call_and_the_rest_go_silently(qtbot, tmp_path, events,
                                                                     make_caller):
    engine = FakeEngine(tmp_path, seconds=5.0)
    sink = FakeSink(events)
    caller = make_caller(engine, sink)

    caller.call("A-001", 1)
    caller.call("A-002", 1)
    qtbot.waitUntil(lambda: len(sink.played) == 1, timeout=3000)
    caller.set_enabled(False)
    qtbot.waitUntil(lambda: _finished_count(events) == 2, timeout=2000)

    assert _kinds(events) == [("started", "A-001"), ("finished", "A-001"),
                              ("started", "A-002"), ("finished", "A-002")]
    assert len(sink.played) == 1 and sink.stops == 1

    caller.set_enabled(True)  # and back on: the next call is heard again
    caller.set_volume(35)
    caller.call("A-003", 1)
    qtbot.waitUntil(lambda: len(sink.played) == 2, timeout=3000)
    assert sink.volumes[-1] == pytest.approx(0.35)


def test_volume_is_kept_between_0_and_100(qtbot, tmp_path, events, make_caller):
    caller = make_caller(FakeEngine(tmp_path), FakeSink(events))
    caller.set_volume(150)
    assert caller.volume() == 100
    caller.set_volume(-3)
    assert caller.volume() == 0


def test_speech_is_rendered_off_the_gui_thread(qtbot, tmp_path, events, make_caller):
    engine = FakeEngine(tmp_path)
    caller = make_caller(engine, FakeSink(events))

    caller.call("A-001", 1)
    caller.call("A-002", 1)
    qtbot.waitUntil(lambda: _finished_count(events) == 2, timeout=5000)

    assert len(engine.threads) == 2
    assert threading.main_thread().ident not in engine.threads


def test_without_a_sound_device_the_queue_drains_on_the_real_sink(qtbot, tmp_path, events,
                                                                  make_caller):
    """GIVEN the default QtMultimedia sink (on a server or CI there is no sound device)
    WHEN three calls arrive THEN all three start and finish in order, without hanging."""
    caller = make_caller(FakeEngine(tmp_path))

    for n in (1, 2, 3):
        caller.call(f"A-00{n}", n)
    qtbot.waitUntil(lambda: _finished_count(events) == 3, timeout=10000)

    assert [k for k in _kinds(events) if k[0] != "failed"] == [
        ("started", "A-001"), ("finished", "A-001"), ("started", "A-002"), ("finished", "A-002"),
        ("started", "A-003"), ("finished", "A-003")]
    assert caller.pending() == 0


def test_without_a_sound_device_it_says_so_once_and_goes_on(qtbot, tmp_path, events, make_caller,
                                                            caplog):
    sink = FakeSink(events, output=False)
    caller = make_caller(FakeEngine(tmp_path), sink)

    with caplog.at_level(logging.WARNING, logger="ui.display.voice"):
        for n in (1, 2, 3):
            caller.call(f"A-00{n}", n)
        qtbot.waitUntil(lambda: _finished_count(events) == 3, timeout=5000)

    assert [r.getMessage() for r in caplog.records] == [NO_DEVICE_MESSAGE]
    assert sink.played == []
    assert _kinds(events) == [("started", "A-001"), ("finished", "A-001"), ("started", "A-002"),
                              ("finished", "A-002"), ("started", "A-003"), ("finished", "A-003")]


def test_the_real_sink_plays_a_wav_to_its_end(qtbot, tmp_path, events, make_caller):
    """The QtMultimedia path itself: forced to play even where no device is listed, QMediaPlayer
    runs the file to its end and the caller moves on; never a hang."""

    class AlwaysOutputSink(QtMediaSink):
        def has_output(self) -> bool:
            return True

    caller = make_caller(FakeEngine(tmp_path, seconds=0.4), AlwaysOutputSink())

    caller.call("A-001", 1)
    caller.call("A-001", 1)  # the same file again must be reloaded and played again
    qtbot.waitUntil(lambda: _finished_count(events) == 2, timeout=10000)

    assert _kinds(events) == [("started", "A-001"), ("finished", "A-001"),
                              ("started", "A-001"), ("finished", "A-001")]
    spans = [f[2] - s[2] for s, f in zip([e for e in events if e[0] == "started"],
                                         [e for e in events if e[0] == "finished"], strict=True)]
    assert all(span >= 0.3 for span in spans)  # it waited for the sound, it did not skip it


def test_a_playback_error_is_reported_and_the_queue_goes_on(qtbot, tmp_path, events, make_caller,
                                                            caplog):
    sink = FakeSink(events, fail="device unplugged")
    caller = make_caller(FakeEngine(tmp_path), sink)

    with caplog.at_level(logging.WARNING, logger="ui.display.voice"):
        caller.call("A-001", 1)
        caller.call("A-002", 1)
        qtbot.waitUntil(lambda: _finished_count(events) == 2, timeout=5000)

    assert _kinds(events) == [
        ("started", "A-001"), ("failed", "A-001"), ("finished", "A-001"),
        ("started", "A-002"), ("failed", "A-002"), ("finished", "A-002")]
    assert len(caplog.records) == 1 and "device unplugged" in caplog.records[0].getMessage()


def test_a_sound_that_never_ends_is_given_up(qtbot, tmp_path, events, make_caller):
    sink = FakeSink(events, hang=True)
    caller = make_caller(FakeEngine(tmp_path, seconds=0.1), sink, watchdog_slack_ms=200)

    caller.call("A-001", 1)
    caller.call("A-002", 1)
    qtbot.waitUntil(lambda: _finished_count(events) == 2, timeout=5000)

    assert _kinds(events) == [
        ("started", "A-001"), ("failed", "A-001"), ("finished", "A-001"),
        ("started", "A-002"), ("failed", "A-002"), ("finished", "A-002")]
    assert sink.stops == 2


def test_without_espeak_it_logs_and_goes_on(qtbot, tmp_path, events, make_caller, caplog):
    engine = SpeechEngine(tmp_path / "cache", executable=str(tmp_path / "no-such-espeak"))
    sink = FakeSink(events)
    caller = make_caller(engine, sink)

    with caplog.at_level(logging.WARNING, logger="ui.display.voice"):
        caller.call("A-001", 1)
        caller.call("A-002", 1)
        qtbot.waitUntil(lambda: _finished_count(events) == 2, timeout=5000)

    assert _kinds(events) == [
        ("started", "A-001"), ("failed", "A-001"), ("finished", "A-001"),
        ("started", "A-002"), ("failed", "A-002"), ("finished", "A-002")]
    assert all("speech unavailable" in e[2] for e in events if e[0] == "failed")
    assert len(caplog.records) == 1 and "espeak" in caplog.records[0].getMessage()
    assert sink.played == []


def test_a_malformed_code_is_reported_not_raised(qtbot, tmp_path, events, make_caller):
    caller = make_caller(FakeEngine(tmp_path), FakeSink(events))

    assert caller.call("??", 1) is None

    assert [e[:2] for e in events] == [("failed", "??")]
    assert caller.pending() == 0


def test_a_shared_runner_is_used_and_left_running(qtbot, tmp_path, events, make_caller):

    runner = TaskRunner("shared", 1)
    caller = make_caller(FakeEngine(tmp_path), FakeSink(events), runner=runner)
    caller.call("A-001", 1)
    qtbot.waitUntil(lambda: _finished_count(events) == 1, timeout=5000)

    caller.shutdown()

    results: list[int] = []
    runner.run_task(lambda: 42, results.append)  # still open for its other users
    qtbot.waitUntil(lambda: results == [42], timeout=2000)
    assert runner.shutdown()
