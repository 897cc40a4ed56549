"""``python main.py announce CODE LOKET [--wav FILE] [--recall]``: say one call, to test the speakers.

Prints what the board would show and say, then plays it (chime and voice) on this machine's sound
device, or writes it to a WAV file with ``--wav``. Exit 0 when done, 1 when it could not be heard
(no espeak-ng, no sound device, playback error), 2 for bad arguments.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from core.announce import call_sentence
from core.speech import DEFAULT_RATE, SpeechEngine, SpeechError, SpeechUnavailable


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py announce",
                                     description="Speak a queue call in Indonesian, to test the speakers.")
    parser.add_argument("code", help="ticket code, e.g. A-123 or B2-014")
    parser.add_argument("loket", help='counter, e.g. 3 or "Loket 3"')
    parser.add_argument("--recall", action="store_true", help="say it as a recall (panggilan ulang)")
    parser.add_argument("--wav", type=Path, metavar="FILE",
                        help="write chime and speech to FILE instead of playing it")
    parser.add_argument("--rate", type=int, default=DEFAULT_RATE, help="words per minute")
    parser.add_argument("--volume", type=int, default=80, help="0-100, when playing")
    return parser


def main(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    loket: str | int = int(args.loket) if args.loket.isdigit() else args.loket
    try:
        announcement = call_sentence(args.code, loket, recall=args.recall)
    except ValueError as exc:
        parser.error(str(exc))  # exits with 2
    print(announcement.shown)
    print(announcement.spoken)
    engine = SpeechEngine(rate=args.rate)
    if args.wav is not None:
        return _write(engine, announcement.spoken, args.wav)
    return _play(engine, args.code, loket, args.recall, args.volume)


def _write(engine: SpeechEngine, text: str, target: Path) -> int:
    try:
        wav = engine.render_call(text)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(wav, target)
    except SpeechUnavailable as exc:
        print(f"no speech: {exc}", file=sys.stderr)
        return 1
    except (SpeechError, OSError) as exc:
        print(f"could not write {target}: {exc}", file=sys.stderr)
        return 1
    print(f"written to {target}")
    return 0


def _play(engine: SpeechEngine, code: str, loket: str | int, recall: bool, volume: int) -> int:
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415 - Qt only when playing

    from ui.display.voice import NO_DEVICE_MESSAGE, QtMediaSink, VoiceCaller  # noqa: PLC0415 - Qt only when playing

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0] if sys.argv else "announce"])
    sink = QtMediaSink()
    if not sink.has_output():
        print(NO_DEVICE_MESSAGE, file=sys.stderr)
        return 1
    caller = VoiceCaller(engine, sink, volume=volume)
    problems: list[str] = []
    caller.failed.connect(lambda _code, reason: problems.append(reason))
    caller.finished.connect(lambda _code: app.quit())
    if caller.call(code, loket, recall=recall) is None:
        return 2
    app.exec()
    caller.shutdown()
    for reason in problems:
        print(reason, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
