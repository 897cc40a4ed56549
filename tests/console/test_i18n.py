"""Every console text in both languages, with the same blanks to fill; every key a page asks for exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from core.schedule import WEEKDAYS
from core.wire import CounterState, HallAlertKind
from server.api.responses import CLOSED_SERVICE
from server.auth import STAFF_ROLES
from server.catalog_diff import ADDED, CHANGED, KINDS, REMOVED
from server.console.i18n import MESSAGES, text
from server.notify.outbox import CHANNELS
from server.notify.service import STATUSES
from server.notify.texts import TEMPLATES

CONSOLE = Path(__file__).resolve().parents[2] / "server" / "console"


def _blanks(words: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(words) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_each_text_has_both_languages_with_the_same_blanks(key: str) -> None:
    indonesian, english = MESSAGES[key]
    assert indonesian.strip() and english.strip()
    assert _blanks(indonesian) == _blanks(english)


def test_every_key_the_pages_and_routes_ask_for_is_there() -> None:
    asked: set[str] = set()
    for path in [*CONSOLE.glob("templates/*.html"), *(p for p in CONSOLE.glob("*.py") if p.name != "i18n.py")]:
        asked |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]+|[a-z_]+)["']""", path.read_text()))
    asked |= {f"role.{r.value}" for r in STAFF_ROLES} | {f"state.{s.value}" for s in CounterState}
    asked |= {"status.called", "status.serving"} | {f"alert.{k.value}" for k in HallAlertKind}
    asked |= {f"closed.{code.value}" for code in CLOSED_SERVICE}
    asked |= {f"weekday.{day}" for day in WEEKDAYS}
    asked |= {f"change_kind.{kind}" for kind in KINDS} | {f"change_action.{a}" for a in (ADDED, REMOVED, CHANGED)}
    asked = {key for key in asked if not key.endswith(".")}  # a prefix a page completes, listed here instead:
    asked |= {f"notify.channel.{c}" for c in CHANNELS} | {f"notify.status.{s}" for s in STATUSES}
    asked |= {f"notify.template.{name}" for name in TEMPLATES}
    assert len(asked) > 40
    assert asked - set(MESSAGES) == set()


def test_an_unknown_language_reads_indonesian() -> None:
    assert text("fr", "hall.title") == text("id", "hall.title") == "Aula"
    assert text("en", "hall.title") == "Hall"
