"""What one catalog version changed from another, read from the two documents: per agency, service, loket
and holiday whether it was added or removed, and each changed field as text ("quota: 40 → 60")."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from core.wire import CatalogChange, CatalogFieldChange

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
# Each kind of entry, in the order a reader looks for them.
KINDS = ("site", "agency", "service", "loket", "holiday")


def as_text(value: Any) -> str:
    """A field's value the way the catalog file writes it, on one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str | int | float) for item in value):
        return ", ".join(as_text(item) for item in value)
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "), default=str)


def _fields(entry: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """An entry's fields as text, a nested table (the hours) as one field per key: ``hours.mon``."""
    out: dict[str, str] = {}
    for key, value in entry.items():
        if isinstance(value, Mapping):
            out.update(_fields(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = as_text(value)
    return out


def _tables(value: Any) -> list[Mapping[str, Any]]:
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def entries(document: Mapping[str, Any]) -> dict[tuple[str, str], dict[str, str]]:
    """Every entry of a (valid) document by (kind, key), with its fields as text. A service names its
    agency; an agency's own services are entries of their own, not a field of it."""
    found: dict[tuple[str, str], dict[str, str]] = {}
    site = document.get("site")
    if isinstance(site, Mapping):
        found["site", ""] = _fields(site)
    for agency in _tables(document.get("agencies")):
        agency_id = str(agency.get("id", ""))
        found["agency", agency_id] = _fields({k: v for k, v in agency.items() if k not in ("id", "services")})
        for service in _tables(agency.get("services")):
            fields = _fields({k: v for k, v in service.items() if k != "id"})
            found["service", str(service.get("id", ""))] = {"agency": agency_id, **fields}
    for loket in _tables(document.get("lokets")):
        found["loket", str(loket.get("id", ""))] = _fields({k: v for k, v in loket.items() if k != "id"})
    for holiday in _tables(document.get("holidays")):
        found["holiday", str(holiday.get("date", ""))] = _fields({k: v for k, v in holiday.items() if k != "date"})
    return found


def _field_changes(before: Mapping[str, str], after: Mapping[str, str]) -> Iterator[CatalogFieldChange]:
    for field in [*before, *(k for k in after if k not in before)]:
        if before.get(field) != after.get(field):
            yield CatalogFieldChange(field=field, before=before.get(field), after=after.get(field))


def diff(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> tuple[CatalogChange, ...]:
    """The changes from ``before`` to ``after``; with no ``before`` (the first version) every entry is added."""
    old, new = entries(before or {}), entries(after)
    changes = []
    for kind in KINDS:
        keys = [k for k in old if k[0] == kind] + [k for k in new if k[0] == kind and k not in old]
        for entry in keys:
            if entry not in new:
                changes.append(CatalogChange(kind=kind, key=entry[1], action=REMOVED))
            elif entry not in old:
                changes.append(CatalogChange(kind=kind, key=entry[1], action=ADDED,
                                             fields=tuple(_field_changes({}, new[entry]))))
            else:
                fields = tuple(_field_changes(old[entry], new[entry]))
                if fields:
                    changes.append(CatalogChange(kind=kind, key=entry[1], action=CHANGED, fields=fields))
    return tuple(changes)
