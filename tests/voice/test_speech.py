"""Speech to WAV with the real espeak-ng, its cache, the chime, and ``main.py announce --wav``."""

from __future__ import annotations

import array
import importlib.util
import math
import shutil
import subprocess
import wave
from pathlib import Path

import pytest

from core.announce import call_sentence
from core.errors import AnjunganError
from core.speech import DEFAULT_CHIME, SpeechEngine, SpeechError, SpeechUnavailable, concat_wavs, wav_duration

SENTENCE = call_sentence("A-123", 3).spoken
FRAME = 1 / 22050


def _samples(path: Path) -> array.array:
    with wave.open(str(path), "rb") as wav:
        data = array.array("h")
        data.frombytes(wav.readframes(wav.getnframes()))
    return data


def _rms(samples) -> float:
    return math.sqrt(sum(s * s for s in samples) / len(samples)) if len(samples) else 0.0


def _params(path: Path) -> tuple[int, int, int]:
    with wave.open(str(path), "rb") as wav:
        return wav.getnchannels(), wav.getsampwidth(), wav.getframerate()


@pytest.fixture
def engine(tmp_path: Path) -> SpeechEngine:
    return SpeechEngine(tmp_path / "cache")


def _load_make_chime():
    script = DEFAULT_CHIME.with_name("make_chime.py")
    spec = importlib.util.spec_from_file_location("make_chime", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_espeak_renders_a_call_as_a_real_wav(engine):
    wav = engine.speak_to_wav(SENTENCE)

    assert _params(wav) == (1, 2, 22050)
    # "Nomor antrean, a, seratus dua puluh tiga, silakan menuju loket tiga." takes seconds to say.
    assert 3.0 < wav_duration(wav) < 15.0
    assert _rms(_samples(wav)) > 500  # sound, not silence
    if shutil.which("sox"):  # a second opinion on the file, where sox is installed
        sox = subprocess.run(["sox", "--i", "-D", str(wav)], capture_output=True, text=True, check=True)
        assert float(sox.stdout) == pytest.approx(wav_duration(wav), abs=0.01)


def test_the_cache_answers_a_repeated_sentence_without_running_espeak(engine, tmp_path):
    first = engine.speak_to_wav(SENTENCE)
    content = first.read_bytes()

    again = engine.speak_to_wav("  " + SENTENCE.replace(" ", "  ") + "\n")  # same words, other spacing

    assert again == first and again.read_bytes() == content
    assert engine.espeak_runs == 1
    # An engine that cannot run espeak at all still gets the sentence from the shared cache.
    offline = SpeechEngine(tmp_path / "cache", executable=str(tmp_path / "no-such-espeak"))
    assert offline.speak_to_wav(SENTENCE) == first
    assert wav_duration(offline.render_call(SENTENCE)) > wav_duration(first)  # the join needs no espeak
    assert offline.espeak_runs == 0


def test_different_sentences_get_different_files(engine):
    one = engine.speak_to_wav(call_sentence("A-001", 1).spoken)
    two = engine.speak_to_wav(call_sentence("A-002", 1).spoken)
    assert one != two and one.read_bytes() != two.read_bytes()
    assert engine.espeak_runs == 2


def test_a_call_is_chime_then_pause_then_speech_in_one_file(engine):
    call = engine.render_call(SENTENCE)
    speech = engine.speak_to_wav(SENTENCE)

    assert _params(call) == _params(speech)
    expected = wav_duration(DEFAULT_CHIME) + engine.gap + wav_duration(speech)
    assert wav_duration(call) == pytest.approx(expected, abs=2 * FRAME)
    joined, chime = _samples(call), _samples(DEFAULT_CHIME)
    assert joined[:len(chime)] == chime  # it really starts with the chime
    assert engine.render_call(SENTENCE) == call and engine.espeak_runs == 1


def test_join_converts_a_chime_of_another_rate(tmp_path, engine):
    chime44 = tmp_path / "chime44.wav"
    _load_make_chime().write_chime(chime44, rate=44100)
    speech = engine.speak_to_wav("satu dua tiga")

    out = concat_wavs([chime44, speech], tmp_path / "out.wav", gap=0.5)

    assert _params(out) == (1, 2, 22050)
    expected = wav_duration(chime44) + 0.5 + wav_duration(speech)
    assert wav_duration(out) == pytest.approx(expected, abs=2 * FRAME)


def test_a_missing_espeak_is_a_typed_error(tmp_path):
    engine = SpeechEngine(tmp_path / "cache", executable=str(tmp_path / "no-such-espeak"))

    with pytest.raises(SpeechUnavailable) as caught:
        engine.speak_to_wav(SENTENCE)
    with pytest.raises(SpeechUnavailable):
        engine.render_call(SENTENCE)
    with pytest.raises(SpeechUnavailable):
        engine.check()

    assert isinstance(caught.value, SpeechError) and isinstance(caught.value, AnjunganError)
    assert caught.value.code == "speech_unavailable"
    assert "espeak-ng" in str(caught.value)
    assert list((tmp_path / "cache").glob("*")) == []  # no half-written files left behind


def test_an_unknown_voice_is_reported(tmp_path):
    engine = SpeechEngine(tmp_path / "cache", voice="xx-nonexistent")
    with pytest.raises(SpeechUnavailable):
        engine.check()
    with pytest.raises(SpeechError):
        engine.speak_to_wav(SENTENCE)


def test_a_hanging_engine_is_cut_off_by_the_timeout(tmp_path):
    hanging = tmp_path / "espeak-hangs"
    hanging.write_text("#!/bin/sh\nexec sleep 30\n")
    hanging.chmod(0o755)
    engine = SpeechEngine(tmp_path / "cache", executable=str(hanging), timeout=0.5)

    with pytest.raises(SpeechError, match="longer than"):
        engine.speak_to_wav(SENTENCE)


def test_the_real_engine_has_the_indonesian_voice(engine):
    assert "eSpeak NG" in engine.check()


@pytest.mark.parametrize(("code", "loket", "heard", "not_heard"), [
    # The letter B is read "be" (b'E), not as the English "bee" or swallowed.
    ("B2-014", "Loket 12", "b'E d'ua 'Empat b'Elas", None),
    # 100 is "seratus" (s@R2'atus), never "satu ratus".
    ("C-100", 10, "tS'E s@R2'atus", "s'atu"),
    ("KT-1000", 20, "k'a t'E s@R2'ibu", "s'atu"),
])
def test_espeak_reads_the_letters_and_numbers_as_meant(engine, code, loket, heard, not_heard):
    said = engine.phonemes(call_sentence(code, loket).spoken)
    assert heard in said
    if not_heard:
        assert not_heard not in said


def test_the_chime_is_short_clean_and_made_by_its_script(tmp_path):
    assert _params(DEFAULT_CHIME) == (1, 2, 22050)
    assert 0.5 < wav_duration(DEFAULT_CHIME) < 1.5
    samples = _samples(DEFAULT_CHIME)
    assert max(abs(s) for s in samples) < 32000  # no clipping
    assert abs(samples[0]) < 200 and abs(samples[-1]) < 200  # no click at either end
    assert _rms(samples) > 1000  # and it is audible

    remade = _load_make_chime().write_chime(tmp_path / "chime.wav")
    again = _samples(remade)
    assert len(again) == len(samples)
    # Floating point may differ in the last bit between machines; a sample may move by one.
    assert max(abs(a - b) for a, b in zip(again, samples, strict=True)) <= 1


def test_announce_cli_writes_the_call_to_a_wav(tmp_path, capsys):
    from ui.display.announce_cli import main  # noqa: PLC0415 - the other voice tests run without Qt

    target = tmp_path / "out" / "call.wav"
    assert main(["A-123", "3", "--wav", str(target)]) == 0

    printed = capsys.readouterr().out
    assert "A-123 → Loket 3" in printed
    assert "Nomor antrean, a, seratus dua puluh tiga, silakan menuju loket tiga." in printed
    assert wav_duration(target) > wav_duration(DEFAULT_CHIME) + 3.0
    assert _samples(target)[:len(_samples(DEFAULT_CHIME))] == _samples(DEFAULT_CHIME)


def test_announce_cli_recall_and_bad_code(tmp_path, capsys):
    from ui.display.announce_cli import main  # noqa: PLC0415 - the other voice tests run without Qt

    assert main(["B2-014", "Loket 12", "--recall", "--wav", str(tmp_path / "r.wav")]) == 0
    assert "Panggilan ulang. Nomor antrean, be dua, empat belas" in capsys.readouterr().out
    with pytest.raises(SystemExit) as bad:
        main(["not a code", "3", "--wav", str(tmp_path / "x.wav")])
    assert bad.value.code == 2
