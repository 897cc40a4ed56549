"""The counter's words have one source each: the Indonesian in the code, the English in
``anjungan_en.ts`` and nowhere else. Every message shows the .ts English, filled in, never Indonesian twice."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

import pytest

from ui.counter import messages
from ui.counter.messages import OFFLINE_BANNER, StaffText, done_message, message_for_code
from ui.i18n import I18N_DIR, Translations

PARAMS = {"code": "A-001", "staff": "siti", "loket": "Loket 3", "count": 2, "service": "KTP-el", "min_length": 8,
          "until": "2026-11-23T02:30:00+00:00", "by": "supervisor", "reason": "sakit", "seconds_left": 45,
          "counter": "Loket 2"}


@pytest.fixture(scope="module")
def tr(qapp) -> Translations:
    return Translations()


def english_ts(context: str) -> dict[str, str]:
    """The finished English translations of ``context`` in anjungan_en.ts, by Indonesian source."""
    root = ET.parse(I18N_DIR / "anjungan_en.ts").getroot()
    found: dict[str, str] = {}
    for ctx in root.iter("context"):
        if ctx.findtext("name") != context:
            continue
        for message in ctx.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                found[message.findtext("source") or ""] = translation.text
    return found


def shown_texts() -> list[StaffText]:
    texts = [OFFLINE_BANNER, message_for_code("some_code_nobody_knows").text]
    texts += [message_for_code(code, **PARAMS).text for code in messages._BY_CODE]
    for action in ("recall", "finish", "no_show", "transfer", "transfer_to_loket"):
        done = done_message(action, "A-001", count=2, service="KTP-el", loket="Loket 2")
        assert done is not None
        texts.append(done.text)
    return texts


def test_a_counter_text_carries_no_english_of_its_own():
    assert [f.name for f in dataclasses.fields(StaffText)] == ["source", "params", "n", "context"]


@pytest.mark.parametrize("text", shown_texts(), ids=lambda text: text.source[:40])
def test_each_message_shows_the_english_of_the_ts_file_filled_in(text: StaffText, tr: Translations):
    translations = english_ts("CounterMessages")
    assert text.source in translations, "a counter text without its English in anjungan_en.ts"
    english = text.render(tr, "en")
    # The .ts English, with the message's own parameters filled in the same way.
    assert english == dataclasses.replace(text, source=translations[text.source]).render(tr, "en")
    assert english != text.render(tr, "id")
    assert "{" not in english

