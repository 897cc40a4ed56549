"""Every error code the server can send (core.wire.ErrorCode) has the kiosk's words for it, in
Indonesian and English, and none falls through to the "no message" warning."""

from __future__ import annotations

import logging

import pytest

from core.errors import BackendStatusError
from core.wire import ErrorCode
from server.api.responses import STATUS
from ui.i18n import Translations
from ui.kiosk.messages import message_for_error

PARAMS = {"opens_at": "08.00 WIB", "closes_at": "14.30 WIB", "resumes_at": "13.00 WIB", "holiday": "Natal",
          "next_open_date": "2026-11-30", "next_opens_at": "08.00 WIB", "code": "A-001"}


@pytest.fixture(scope="module")
def tr(qapp) -> Translations:
    return Translations()


@pytest.mark.parametrize("code", list(ErrorCode), ids=str)
def test_every_error_code_has_a_kiosk_message_in_both_languages(code, tr, caplog):
    with caplog.at_level(logging.WARNING, logger="ui.kiosk.messages"):
        message = message_for_error(BackendStatusError(STATUS[code], code.value, params=PARAMS))
    assert not caplog.records, f"no message for {code.value}"
    for text in (message.title, message.body):
        indonesian, english = text.render(tr, "id"), text.render(tr, "en")
        assert indonesian and english and indonesian != english
        assert "{" not in indonesian + english
