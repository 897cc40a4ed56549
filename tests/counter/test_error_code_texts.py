"""Every error code the server can send (core.wire.ErrorCode) has the counter app's words for it,
translated in the .ts files (not only the English written beside the source)."""

from __future__ import annotations

import logging

import pytest

from core.errors import BackendStatusError
from core.wire import ErrorCode
from server.api.responses import STATUS
from ui.counter.messages import C, message_for_error
from ui.i18n import Translations


@pytest.fixture(scope="module")
def tr(qapp) -> Translations:
    return Translations()


@pytest.mark.parametrize("code", list(ErrorCode), ids=str)
def test_every_error_code_has_a_counter_message_in_both_languages(code, tr, caplog):
    with caplog.at_level(logging.WARNING, logger="ui.counter.messages"):
        message = message_for_error(BackendStatusError(STATUS[code], code.value,
                                                       params={"code": "A-001", "staff": "Sari"}))
    assert not caplog.records, f"no message for {code.value}"
    assert tr.translate_in("en", C, message.text.source) != message.text.source
    indonesian, english = message.text.render(tr, "id"), message.text.render(tr, "en")
    assert indonesian and english and indonesian != english
