"""The site catalog — site, hours, breaks, holidays, agencies, services, lokets — read from TOML,
validated once, and kept as typed objects the queue engine can ask questions of."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from core.rules import PREFIX_PATTERN, QueuePolicy
from core.schedule import WEEKDAYS, Break, ServiceSchedule, Span

DEMO_CATALOG = Path(__file__).resolve().parent.parent / "resources" / "catalog" / "mpp-serang.toml"


class CatalogInvalid(ValueError):
    """The catalog file breaks a rule; the message names the place."""


@dataclass(frozen=True)
class SiteInfo:
    name: str
    short_name: str
    address: str
    timezone: str
    tz_label: str
    allow_priority: bool
    policy: QueuePolicy
    running_text: str
    footer: tuple[str, ...]

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class ServiceInfo:
    id: str
    prefix: str
    name: str
    name_en: str
    agency_id: str
    quota: int | None
    mean_service_minutes: float
    requirements: tuple[str, ...]
    schedule: ServiceSchedule


@dataclass(frozen=True)
class AgencyInfo:
    id: str
    name: str
    short_name: str
    name_en: str
    service_ids: tuple[str, ...]


@dataclass(frozen=True)
class LoketInfo:
    id: int
    name: str
    service_ids: tuple[str, ...]


@dataclass(frozen=True)
class SiteCatalog:
    site: SiteInfo
    agencies: tuple[AgencyInfo, ...]
    services: Mapping[str, ServiceInfo]
    lokets: tuple[LoketInfo, ...]
    holidays: Mapping[date, str]
    document: Mapping[str, Any]

    def agency_of(self, service_id: str) -> AgencyInfo:
        return next(a for a in self.agencies if service_id in a.service_ids)

    def lokets_for(self, service_id: str) -> tuple[LoketInfo, ...]:
        return tuple(loket for loket in self.lokets if service_id in loket.service_ids)


def _hours(table: Mapping[str, Any], where: str) -> dict[str, Span]:
    hours: dict[str, Span] = {}
    for day, text in table.items():
        if day not in WEEKDAYS:
            raise CatalogInvalid(f"{where}: unknown weekday {day!r} (use {', '.join(WEEKDAYS)})")
        if not text:
            continue
        try:
            hours[day] = Span.parse(str(text))
        except ValueError as exc:
            raise CatalogInvalid(f"{where}.{day}: {exc}") from None
    return hours


def _breaks(items: list[Mapping[str, Any]], where: str) -> tuple[Break, ...]:
    out = []
    for i, item in enumerate(items):
        days = frozenset(item.get("days", ()))
        if not days or not days <= set(WEEKDAYS):
            raise CatalogInvalid(f"{where}[{i}].days must list weekdays")
        try:
            span = Span.parse(f"{item['start']}-{item['end']}")
        except (KeyError, ValueError) as exc:
            raise CatalogInvalid(f"{where}[{i}]: {exc}") from None
        out.append(Break(days, span, str(item.get("reason", "istirahat"))))
    return tuple(out)


def parse_catalog(document: Mapping[str, Any]) -> SiteCatalog:
    """Validate a catalog document (parsed TOML, or the JSON copy in the database)."""
    try:
        site_doc = document["site"]
        tz = site_doc.get("timezone", "Asia/Jakarta")
        ZoneInfo(tz)
    except KeyError:
        raise CatalogInvalid("the catalog needs a [site] table") from None
    except ZoneInfoNotFoundError:
        raise CatalogInvalid(f"site.timezone: unknown time zone {tz!r}") from None
    mode = site_doc.get("priority_policy", "first")
    if mode not in ("first", "interleave"):
        raise CatalogInvalid("site.priority_policy must be 'first' or 'interleave'")
    site = SiteInfo(
        name=site_doc["name"], short_name=site_doc.get("short_name", site_doc["name"]),
        address=site_doc.get("address", ""), timezone=tz, tz_label=site_doc.get("tz_label", ""),
        allow_priority=bool(site_doc.get("allow_priority", True)),
        policy=QueuePolicy(mode, int(site_doc.get("priority_ratio", 2))),
        running_text=site_doc.get("running_text", ""), footer=tuple(site_doc.get("footer", ())),
    )
    default_hours = _hours(site_doc.get("hours", {}), "site.hours")
    default_breaks = _breaks(site_doc.get("breaks", []), "site.breaks")
    default_cutoff = int(site_doc.get("cutoff_minutes", 30))

    holidays: dict[date, str] = {}
    for i, h in enumerate(document.get("holidays", [])):
        try:
            day = h["date"] if isinstance(h["date"], date) else date.fromisoformat(str(h["date"]))
        except (KeyError, ValueError):
            raise CatalogInvalid(f"holidays[{i}].date must be YYYY-MM-DD") from None
        holidays[day] = str(h.get("name", "Hari libur"))

    agencies, services, prefixes = [], {}, set()
    for a_i, a in enumerate(document.get("agencies", [])):
        where = f"agencies[{a_i}]"
        if "id" not in a or "name" not in a:
            raise CatalogInvalid(f"{where} needs id and name")
        ids = []
        for s_i, s in enumerate(a.get("services", [])):
            sw = f"{where}.services[{s_i}]"
            for key in ("id", "prefix", "name"):
                if key not in s:
                    raise CatalogInvalid(f"{sw} needs {key}")
            if s["id"] in services:
                raise CatalogInvalid(f"{sw}: service id {s['id']!r} is used twice")
            if not PREFIX_PATTERN.match(s["prefix"]) or s["prefix"] in prefixes:
                raise CatalogInvalid(f"{sw}: prefix {s['prefix']!r} must be unique, like A, B2 or KT")
            prefixes.add(s["prefix"])
            quota = s.get("quota")
            if quota is not None and int(quota) < 0:
                raise CatalogInvalid(f"{sw}.quota must not be negative")
            schedule = ServiceSchedule(
                active=bool(s.get("active", True)),
                hours=_hours(s["hours"], f"{sw}.hours") if "hours" in s else default_hours,
                breaks=_breaks(s["breaks"], f"{sw}.breaks") if "breaks" in s else default_breaks,
                cutoff_minutes=int(s.get("cutoff_minutes", default_cutoff)),
                quota=None if quota is None else int(quota),
            )
            services[s["id"]] = ServiceInfo(
                id=s["id"], prefix=s["prefix"], name=s["name"], name_en=s.get("name_en", s["name"]),
                agency_id=a["id"], quota=schedule.quota,
                mean_service_minutes=float(s.get("mean_service_minutes", 10)),
                requirements=tuple(s.get("requirements", ())), schedule=schedule)
            ids.append(s["id"])
        agencies.append(AgencyInfo(a["id"], a["name"], a.get("short_name", a["name"]),
                                   a.get("name_en", a["name"]), tuple(ids)))

    lokets, seen = [], set()
    for index, entry in enumerate(document.get("lokets", [])):
        lid = int(entry["id"])
        if lid in seen:
            raise CatalogInvalid(f"lokets[{index}]: id {lid} is used twice")
        seen.add(lid)
        unknown = [s for s in entry.get("services", []) if s not in services]
        if unknown:
            raise CatalogInvalid(f"lokets[{index}] names unknown services: {', '.join(unknown)}")
        lokets.append(LoketInfo(lid, entry.get("name", f"Loket {lid}"), tuple(entry.get("services", []))))
    return SiteCatalog(site, tuple(agencies), services, tuple(lokets), holidays, _jsonable(document))


def _jsonable(value: Any) -> Any:
    """TOML dates become ISO strings so the document can be stored as JSON."""
    if isinstance(value, Mapping):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def load_catalog_file(path: Path) -> SiteCatalog:
    try:
        with open(path, "rb") as fh:
            document = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogInvalid(f"{path}: {exc}") from None
    return parse_catalog(document)
