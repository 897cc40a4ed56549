"""The loket's survey tablet under test: the real controller against the live server, enrolled as a
``survey`` device, following the real event stream."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from core.client import BackendClient
from core.config import DeviceConfig
from core.retry import RetryPolicy
from ui.i18n import Translations
from ui.survey.controller import SurveyTabletController, SurveyTimings

FAST = SurveyTimings(heartbeat_interval_ms=60_000, offer_check_ms=60_000, thanks_s=60,
                     stream_backoff=RetryPolicy(base_delay=0.05, max_delay=0.3))


@pytest.fixture
def survey_token(server) -> str:
    return server.enroll("survey", "survey-loket-1")


@pytest.fixture
def make_tablet(qtbot, server, survey_token) -> Iterator[Callable[..., SurveyTabletController]]:
    made: list[tuple[SurveyTabletController, Translations]] = []

    def make(*, loket: int = 1, size: tuple[int, int] = (800, 1280), language: str = "id",
             idle_timeout_s: int = 60) -> SurveyTabletController:
        cfg = DeviceConfig(server_url=server.url, token=survey_token, language=language,
                           idle_timeout_s=idle_timeout_s)
        client = BackendClient(server.url, survey_token, connect_timeout=1.0, read_timeout=5.0,
                               retry=RetryPolicy(max_attempts=1))
        translations = Translations(compile_missing=False)
        tablet = SurveyTabletController(cfg, client, translations, loket=loket, windowed=True, timings=FAST)
        made.append((tablet, translations))
        tablet.start(size=size)
        qtbot.waitUntil(lambda: tablet.online is True, timeout=10_000)
        return tablet

    yield make
    for tablet, translations in made:
        tablet.stop()
        translations.uninstall()
