"""Indonesian speech as WAV files: espeak-ng renders a sentence in a subprocess, the result is
cached by its text, and the call chime is put in front so the display plays one file per call."""

from __future__ import annotations

import array
import hashlib
import json
import logging
import os
import subprocess
import sys
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

from core.errors import AnjunganError
from core.paths import user_data_dir

log = logging.getLogger(__name__)

DEFAULT_CHIME = Path(__file__).resolve().parent.parent / "resources" / "sounds" / "chime.wav"
# The Indonesian voice of espeak-ng ("espeak-ng --voices=id" lists it as "id", file poz/id).
DEFAULT_VOICE = "id"
# Words per minute: a little slower than espeak's 175 so a call carries across a noisy hall.
DEFAULT_RATE = 140
# Bump when the way files are made changes, so old cache entries are not reused.
_CACHE_FORMAT = 1


class SpeechError(AnjunganError):
    """A sentence could not be turned into sound."""

    code = "speech_failed"


class SpeechUnavailable(SpeechError):
    """The speech engine is not installed (or not runnable) on this machine."""

    code = "speech_unavailable"


@dataclass(frozen=True)
class WavFormat:
    channels: int
    sample_width: int   # bytes per sample
    rate: int           # frames per second


def wav_format(path: Path) -> WavFormat:
    with wave.open(str(path), "rb") as wav:
        return WavFormat(wav.getnchannels(), wav.getsampwidth(), wav.getframerate())


def wav_duration(path: Path) -> float:
    """Length of a WAV file in seconds."""
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def concat_wavs(parts: list[Path], out: Path, *, gap: float = 0.0) -> Path:
    """Join 16-bit PCM WAV files into ``out``, with ``gap`` seconds of silence between them.

    The output takes the format of the last part (the speech); earlier parts in another rate or
    channel count are converted to it, so a chime made at 44.1 kHz still joins espeak's 22.05 kHz.
    """
    if not parts:
        raise ValueError("nothing to join")
    target = wav_format(parts[-1])
    if target.sample_width != 2:
        raise SpeechError(f"only 16-bit WAV can be joined, {parts[-1]} has {target.sample_width * 8}-bit")
    silence = bytes(2 * target.channels * round(gap * target.rate))
    chunks: list[bytes] = []
    for index, part in enumerate(parts):
        if index:
            chunks.append(silence)
        chunks.append(_read_as(part, target))
    _atomic_write_wav(out, target, b"".join(chunks))
    return out


def _read_as(path: Path, target: WavFormat) -> bytes:
    with wave.open(str(path), "rb") as wav:
        fmt = WavFormat(wav.getnchannels(), wav.getsampwidth(), wav.getframerate())
        data = wav.readframes(wav.getnframes())
    if fmt == target:
        return data
    if fmt.sample_width != 2:
        raise SpeechError(f"only 16-bit WAV can be joined, {path} has {fmt.sample_width * 8}-bit")
    samples = _as_array(data)
    if fmt.channels != 1:  # down-mix to mono first, then spread to the target's channels
        samples = array.array("h", (int(sum(samples[i:i + fmt.channels]) / fmt.channels)
                                    for i in range(0, len(samples), fmt.channels)))
    if fmt.rate != target.rate:
        samples = _resample(samples, fmt.rate, target.rate)
    if target.channels != 1:
        samples = array.array("h", (s for s in samples for _ in range(target.channels)))
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


def _as_array(data: bytes) -> array.array:
    samples = array.array("h")
    samples.frombytes(data)
    if sys.byteorder == "big":  # WAV is little-endian
        samples.byteswap()
    return samples


def _resample(samples: array.array, src: int, dst: int) -> array.array:
    """Linear interpolation: plenty for a chime, which is all that is ever converted."""
    if not samples:
        return samples
    count = max(1, round(len(samples) * dst / src))
    last = len(samples) - 1
    out = array.array("h")
    for i in range(count):
        pos = i * src / dst
        left = min(int(pos), last)
        right = min(left + 1, last)
        frac = pos - left
        out.append(int(round(samples[left] * (1 - frac) + samples[right] * frac)))
    return out


def _atomic_write_wav(path: Path, fmt: WavFormat, frames: bytes) -> None:
    """Write next to ``path`` and rename, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".part-", suffix=".wav", dir=path.parent)
    os.close(fd)
    try:
        with wave.open(tmp, "wb") as out:
            out.setnchannels(fmt.channels)
            out.setsampwidth(fmt.sample_width)
            out.setframerate(fmt.rate)
            out.writeframes(frames)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class SpeechEngine:
    """Renders Indonesian sentences to WAV with espeak-ng and keeps them in ``cache_dir``.

    Blocking: call it from a worker, never from the GUI thread. Safe to share between threads and
    processes, because every file is written under a temporary name and renamed into place.
    """

    def __init__(self, cache_dir: Path | None = None, *, executable: str = "espeak-ng",
                 voice: str = DEFAULT_VOICE, rate: int = DEFAULT_RATE, timeout: float = 20.0,
                 chime: Path | None = DEFAULT_CHIME, gap: float = 0.25,
                 max_cache_bytes: int = 64 * 1024 * 1024) -> None:
        self.cache_dir = Path(cache_dir) if cache_dir is not None else user_data_dir() / "speech"
        self.executable = executable
        self.voice = voice
        self.rate = rate
        self.timeout = timeout
        self.chime = Path(chime) if chime is not None else None
        self.gap = gap
        self.max_cache_bytes = max_cache_bytes
        self.espeak_runs = 0  # how often espeak-ng actually ran: a cache hit does not count
        self._chime_digest: str | None = None

    # -- public ----------------------------------------------------------------------------------

    def check(self) -> str:
        """espeak-ng's version line; SpeechUnavailable if it is missing or has no such voice."""
        out = self._run([self.executable, "--version"], None).decode("utf-8", "replace")
        voices = self._run([self.executable, f"--voices={self.voice}"], None).decode("utf-8", "replace")
        names = {part for line in voices.splitlines()[1:] for part in line.split()[1:4]}
        if self.voice not in names:
            raise SpeechUnavailable(f"espeak-ng has no voice {self.voice!r}")
        return out.strip()

    def phonemes(self, text: str) -> str:
        """What espeak-ng would say, as its phoneme mnemonics (``-x``), one line: to check by eye
        or in a test that "B" is read as the letter "be" and 100 as "seratus"."""
        out = self._run([self.executable, "-v", self.voice, "-q", "-x", "-b", "1", "--stdin"],
                        _clean(text).encode("utf-8"))
        return " ".join(out.decode("utf-8", "replace").split())

    def speak_to_wav(self, text: str) -> Path:
        """The sentence alone as a WAV file in the cache; rendered only the first time."""
        text = _clean(text)
        path = self._cache_path("speech", {"text": text})
        if self._hit(path):
            return path
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".part-", suffix=".wav", dir=self.cache_dir)
        os.close(fd)
        try:
            self._run([self.executable, "-v", self.voice, "-s", str(self.rate), "-b", "1",
                       "-w", tmp, "--stdin"], text.encode("utf-8"))
            self.espeak_runs += 1
            if _frames(Path(tmp)) == 0:
                raise SpeechError(f"espeak-ng wrote no sound for {text!r}")
            os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)
        self._prune(keep=path)
        return path

    def render_call(self, text: str) -> Path:
        """Chime, a short pause, then the sentence: one WAV file, cached like the speech."""
        if self.chime is None:
            return self.speak_to_wav(text)
        text = _clean(text)
        path = self._cache_path("call", {"text": text, "chime": self._chime_hash(), "gap": self.gap})
        if self._hit(path):
            return path
        speech = self.speak_to_wav(text)
        concat_wavs([self.chime, speech], path, gap=self.gap)
        self._prune(keep=path)
        return path

    # -- inside ----------------------------------------------------------------------------------

    def _run(self, argv: list[str], stdin: bytes | None) -> bytes:
        try:
            done = subprocess.run(argv, input=stdin, capture_output=True, timeout=self.timeout,
                                  check=False, stdin=None if stdin is not None else subprocess.DEVNULL)
        except (FileNotFoundError, PermissionError, NotADirectoryError) as exc:
            raise SpeechUnavailable(f"cannot run {argv[0]!r}: {exc.strerror or exc}; "
                                    "install espeak-ng (apt-get install espeak-ng)") from exc
        except subprocess.TimeoutExpired as exc:
            raise SpeechError(f"{argv[0]} took longer than {self.timeout:g} s") from exc
        if done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip()[:300]
            raise SpeechError(f"{argv[0]} failed with exit code {done.returncode}: {detail}")
        return done.stdout

    def _cache_path(self, kind: str, fields: dict[str, object]) -> Path:
        # The executable is left out on purpose: any espeak-ng gives the same words.
        key = json.dumps({"v": _CACHE_FORMAT, "kind": kind, "voice": self.voice, "rate": self.rate,
                          **fields}, sort_keys=True, ensure_ascii=False)
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        return self.cache_dir / f"{kind}-{digest}.wav"

    def _chime_hash(self) -> str:
        if self._chime_digest is None:
            assert self.chime is not None
            try:
                self._chime_digest = hashlib.sha256(self.chime.read_bytes()).hexdigest()[:16]
            except OSError as exc:
                raise SpeechError(f"cannot read the chime {self.chime}: {exc}") from exc
        return self._chime_digest

    @staticmethod
    def _hit(path: Path) -> bool:
        try:
            os.utime(path)  # mark as recently used, for pruning
        except OSError:
            return False
        return True

    def _prune(self, keep: Path) -> None:
        """Drop the least recently used files once the cache is over its size budget; never
        ``keep``, the file about to be handed out."""
        try:
            entries = [(p.stat(), p) for p in self.cache_dir.glob("*.wav") if not p.name.startswith(".")]
        except OSError:
            return
        total = sum(st.st_size for st, _ in entries)
        for st, path in sorted(entries, key=lambda e: e[0].st_mtime):
            if total <= self.max_cache_bytes:
                break
            if path == keep:
                continue
            path.unlink(missing_ok=True)
            total -= st.st_size


def _clean(text: str) -> str:
    """One line of text, so nothing in it can look like more input to espeak-ng."""
    text = " ".join(text.split())
    if not text:
        raise ValueError("nothing to say")
    return text


def _frames(path: Path) -> int:
    try:
        with wave.open(str(path), "rb") as wav:
            return wav.getnframes()
    except (wave.Error, EOFError, OSError) as exc:
        raise SpeechError(f"espeak-ng wrote an unreadable WAV: {exc}") from exc
