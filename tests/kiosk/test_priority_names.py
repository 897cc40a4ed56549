"""The priority groups' names have one table (printing/priority_labels.py): the kiosk, the counter and the
receipt all show its words, and no app or the receipt keeps a copy of its own."""

from __future__ import annotations

import re

import pytest

from core.models import Priority
from printing.priority_labels import PRIORITY_LABELS, printed_name
from printing.receipt import build_receipt
from printing.sample import sample_branding, sample_ticket
from ui.i18n import ROOT, Translations
from ui.priority_names import priority_hint, priority_name, short_priority_name

TABLE = ROOT / "printing" / "priority_labels.py"


@pytest.fixture(scope="module")
def tr(qapp) -> Translations:
    return Translations()


def test_every_group_has_its_names_in_the_table():
    assert set(PRIORITY_LABELS) == set(Priority)


@pytest.mark.parametrize("priority", list(Priority))
def test_each_group_reads_in_both_languages_on_screen_and_on_paper(priority: Priority, tr: Translations):
    label = PRIORITY_LABELS[priority]
    for text in (priority_name(priority), priority_hint(priority)):
        assert text.render(tr, "id") != text.render(tr, "en")
    tr.switch("en")
    try:
        assert short_priority_name(priority) not in ("", label.short)
    finally:
        tr.switch("id")
    assert short_priority_name(priority) == label.short
    for lang in ("id", "en"):
        receipt = build_receipt(sample_ticket(priority=priority), sample_branding(), lang)
        assert any(printed_name(priority, lang) in str(block) for block in receipt.blocks)


def test_no_app_and_not_the_receipt_keeps_a_copy_of_a_group_name():
    """A group's Indonesian name written anywhere under ui/ or printing/ but the table is a copy that
    will drift from it."""
    names = {name for label in PRIORITY_LABELS.values() for name in (label.name, label.short, label.hint)}
    names |= {word for label in PRIORITY_LABELS.values() for word in label.printed.values()}
    pattern = re.compile("|".join(rf"[\"']{re.escape(name)}[\"']" for name in names))
    copies = [f"{path.relative_to(ROOT)}:{number}"
              for folder in ("ui", "printing") for path in sorted((ROOT / folder).rglob("*.py")) if path != TABLE
              for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if pattern.search(line)]
    assert copies == []
