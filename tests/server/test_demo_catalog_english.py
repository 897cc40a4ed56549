"""The demo catalog (MPP Kabupaten Serang) gives every service's persyaratan in English, so the English
kiosk, receipt, booking page and messages never fall back to the Indonesian list: read as the server
loads it, the way each of them gets it."""

from __future__ import annotations

import pytest

from server.catalog import DEMO_CATALOG, ServiceInfo, load_catalog_file

# Items that are the same in both languages because they are a proper name; none so far.
SAME_IN_BOTH: frozenset[str] = frozenset()

SERVICES = [s for s in load_catalog_file(DEMO_CATALOG).services.values() if s.requirements]


def test_the_demo_catalog_has_services_with_requirements() -> None:
    assert len(SERVICES) >= 20


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.id)
def test_every_requirement_has_its_english_item_in_the_same_place(service: ServiceInfo) -> None:
    assert len(service.requirements_en) == len(service.requirements)
    indonesian = {item.strip().casefold() for item in service.requirements}
    copied = [item for item in service.requirements_en
              if item.strip().casefold() in indonesian and item not in SAME_IN_BOTH]
    assert not copied, f"{service.id}: the English list repeats the Indonesian {copied}"
    assert all(item.strip() for item in service.requirements_en)
