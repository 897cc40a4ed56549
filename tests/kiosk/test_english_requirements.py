"""The English kiosk prints a service's requirements in English when the catalog has them, and the
Indonesian ones when it has not: the real kiosk, server and printer."""

from __future__ import annotations

import copy

from server.catalog import load_catalog_file, parse_catalog
from tests.support.printer import wait_for_receipt
from tests.support.server import TEST_CATALOG


def test_an_english_receipt_lists_the_english_requirements_else_the_indonesian(server, make_kiosk, vp):
    doc = copy.deepcopy(dict(load_catalog_file(TEST_CATALOG).document))
    kk = next(s for a in doc["agencies"] for s in a["services"] if s["id"] == "kk")
    kk["requirements_en"] = ["Form F-1.02 (family card)"]
    server.services.engine.import_catalog(parse_catalog(doc), "english requirements")
    kiosk = make_kiosk()
    kiosk.controller.set_language("en")
    kiosk.take_ticket("dukcapil", "kk")
    english = wait_for_receipt(vp, 1).txt.read_text(encoding="utf-8")
    assert "Form F-1.02 (family card)" in english and "Formulir F-1.02" not in english
    kiosk.tap(kiosk.controller.ticket.done_button)
    kiosk.wait_screen("home")
    kiosk.controller.set_language("en")
    kiosk.take_ticket("dukcapil", "ktp")  # no English requirements in the catalog: the Indonesian ones
    assert "Fotokopi KK" in wait_for_receipt(vp, 2).txt.read_text(encoding="utf-8")
