"""A refused setting says the limit the config enforces, taken from core/config.py (and the PIN's from
core/technician_pin.py): the texts carry placeholders, never a copy of the number."""

from __future__ import annotations

import dataclasses

import pytest

from core import config
from core.config import DeviceConfig, validate
from core.errors import ConfigError
from core.technician_pin import PIN_MAX, PIN_MIN
from ui.i18n import Text, Translations
from ui.setup.fields import refusal_of
from ui.setup.reasons import PIN_FORMAT

OVER_THE_LIMIT = {
    "idle_timeout_s": (config.IDLE_TIMEOUT_MAX_S + 1, (config.IDLE_TIMEOUT_MIN_S, config.IDLE_TIMEOUT_MAX_S)),
    "device_name": ("x" * (config.DEVICE_NAME_MAX + 1), (config.DEVICE_NAME_MAX,)),
    "volume": (config.VOLUME_MAX + 1, (config.VOLUME_MIN, config.VOLUME_MAX)),
    "running_text": ("x" * (config.RUNNING_TEXT_MAX + 1), (config.RUNNING_TEXT_MAX,)),
    "paper_width": (max(config.PAPER_WIDTHS) + 1, config.PAPER_WIDTHS),
}


@pytest.fixture(scope="module")
def tr(qapp) -> Translations:
    return Translations()


def _says_limits(text: Text, limits: tuple[int, ...], tr: Translations) -> None:
    for limit in limits:
        assert str(limit) not in text.source, f"{text.source!r} restates a limit of the config"
    for lang in ("id", "en"):
        shown = text.render(tr, lang)
        assert "{" not in shown
        assert all(str(limit) in shown for limit in limits), shown


@pytest.mark.parametrize("key", sorted(OVER_THE_LIMIT))
def test_a_value_over_the_limit_is_refused_with_the_configs_own_limit(key: str, tr: Translations):
    value, limits = OVER_THE_LIMIT[key]
    with pytest.raises(ConfigError) as refused:
        validate(dataclasses.replace(DeviceConfig(), **{key: value}))
    shown_key, reason = refusal_of(refused.value)
    assert shown_key == key
    _says_limits(reason, limits, tr)


def test_the_pin_refusal_says_the_pins_own_length(tr: Translations):
    _says_limits(PIN_FORMAT, (PIN_MIN, PIN_MAX), tr)
