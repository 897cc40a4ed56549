"""Typed, frozen models of what the API returns; built from JSON here so no raw dict crosses a layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Mapping

from core.wire import CounterState, Priority, TicketStatus



@dataclass(frozen=True)
class Site:
    name: str
    short_name: str
    timezone: str
    tz_label: str
    address: str = ""
    allow_priority: bool = True
    local_date: date | None = None
    running_text: str = ""  # the hall board's scrolling line, set by the site

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Site":
        local = data.get("local_date")
        return cls(
            name=data["name"],
            short_name=data.get("short_name") or data["name"],
            timezone=data["timezone"],
            tz_label=data.get("tz_label", ""),
            address=data.get("address", ""),
            allow_priority=bool(data.get("allow_priority", True)),
            local_date=date.fromisoformat(local) if local else None,
            running_text=str(data.get("running_text") or ""),
        )


@dataclass(frozen=True)
class Service:
    id: str
    prefix: str
    name: str
    name_en: str
    open: bool
    closed_reason: str | None
    opens_at: str | None
    closes_at: str | None
    waiting: int
    eta_minutes: int
    quota_left: int | None
    requirements: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Service":
        return cls(
            id=data["id"],
            prefix=data["prefix"],
            name=data["name"],
            name_en=data.get("name_en") or data["name"],
            open=bool(data["open"]),
            closed_reason=data.get("closed_reason"),
            opens_at=data.get("opens_at"),
            closes_at=data.get("closes_at"),
            waiting=int(data.get("waiting", 0)),
            eta_minutes=int(data.get("eta_minutes", 0)),
            quota_left=data.get("quota_left"),
            requirements=tuple(data.get("requirements", ())),
        )


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    short_name: str
    name_en: str
    services: tuple[Service, ...]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Agency":
        return cls(
            id=data["id"],
            name=data["name"],
            short_name=data.get("short_name") or data["name"],
            name_en=data.get("name_en") or data["name"],
            services=tuple(Service.from_json(s) for s in data.get("services", ())),
        )


@dataclass(frozen=True)
class Catalog:
    site: Site
    agencies: tuple[Agency, ...]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Catalog":
        return cls(
            site=Site.from_json(data["site"]),
            agencies=tuple(Agency.from_json(a) for a in data.get("agencies", ())),
        )

    def service(self, service_id: str) -> Service | None:
        for agency in self.agencies:
            for service in agency.services:
                if service.id == service_id:
                    return service
        return None


@dataclass(frozen=True)
class CounterRef:
    id: int
    name: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> "CounterRef | None":
        if not data:
            return None
        return cls(id=int(data["id"]), name=data["name"])


@dataclass(frozen=True)
class Ticket:
    id: int
    code: str
    service_id: str
    service_name: str
    agency_name: str
    service_date: date
    issued_at: datetime
    status: TicketStatus
    priority: Priority | None
    people_ahead: int
    eta_minutes: int
    token: str
    counter: CounterRef | None
    status_url: str = ""
    lokets: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()
    print_status: str | None = None
    service_name_en: str = ""
    agency_short_name: str = ""
    recalls: int = 0
    transferred: bool = False
    agency_name_en: str = ""

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Ticket":
        prio = data.get("priority")
        return cls(
            id=int(data["id"]),
            code=data["code"],
            service_id=data["service_id"],
            service_name=data["service_name"],
            agency_name=data["agency_name"],
            service_date=date.fromisoformat(data["service_date"]),
            issued_at=datetime.fromisoformat(data["issued_at"]),
            status=TicketStatus(data["status"]),
            priority=Priority(prio) if prio else None,
            people_ahead=int(data.get("people_ahead", 0)),
            eta_minutes=int(data.get("eta_minutes", 0)),
            token=data["token"],
            counter=CounterRef.from_json(data.get("counter")),
            status_url=data.get("status_url", ""),
            lokets=tuple(data.get("lokets", ())),
            requirements=tuple(data.get("requirements", ())),
            print_status=data.get("print_status"),
            service_name_en=data.get("service_name_en") or data["service_name"],
            agency_short_name=data.get("agency_short_name") or data["agency_name"],
            recalls=int(data.get("recalls", 0)),
            transferred=bool(data.get("transferred", False)),
            agency_name_en=data.get("agency_name_en") or data["agency_name"],
        )


@dataclass(frozen=True)
class Counter:
    id: int
    name: str
    service_ids: tuple[str, ...]
    state: CounterState
    current_ticket: Ticket | None
    staff: str | None = None
    pause_reason: str | None = None
    active_service_ids: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Counter":
        cur = data.get("current_ticket")
        return cls(
            id=int(data["id"]),
            name=data["name"],
            service_ids=tuple(data.get("service_ids", ())),
            state=CounterState(data["state"]),
            current_ticket=Ticket.from_json(cur) if cur else None,
            staff=data.get("staff"),
            pause_reason=data.get("pause_reason"),
            active_service_ids=tuple(data.get("active_service_ids", data.get("service_ids", ()))),
        )


@dataclass(frozen=True)
class Event:
    """One entry of the server's event stream; ``seq`` is strictly increasing."""

    seq: int
    type: str
    at: datetime
    data: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Event":
        return cls(
            seq=int(data["seq"]),
            type=data["type"],
            at=datetime.fromisoformat(data["at"]),
            data=dict(data.get("data", {})),
        )


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@dataclass(frozen=True)
class Health:
    status: str
    version: str
    server_time: datetime
    local_date: date
    site: str
    database: str = ""

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Health":
        return cls(status=data["status"], version=data.get("version", ""),
                   server_time=datetime.fromisoformat(data["server_time"]),
                   local_date=date.fromisoformat(data["local_date"]), site=data.get("site", ""),
                   database=data.get("database", ""))


@dataclass(frozen=True)
class Login:
    """A staff sign-in: the token expires at ``expires_at``; the counter app renews it before."""

    token: str = field(repr=False)
    expires_at: datetime
    role: str
    username: str
    display_name: str = ""

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Login":
        return cls(token=data["token"], expires_at=datetime.fromisoformat(data["expires_at"]),
                   role=data["role"], username=data["username"],
                   display_name=data.get("display_name") or data["username"])


@dataclass(frozen=True)
class HeartbeatReply:
    locked: bool
    server_time: datetime
    name: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "HeartbeatReply":
        return cls(locked=bool(data.get("locked", False)),
                   server_time=datetime.fromisoformat(data["server_time"]), name=data.get("name", ""))


@dataclass(frozen=True)
class PublicTicket:
    """What the QR link shows of a ticket: its place in the queue, nothing about who holds it."""

    code: str
    service_name: str
    service_name_en: str
    agency_name: str
    service_date: date
    status: TicketStatus
    people_ahead: int
    eta_minutes: int
    counter: CounterRef | None
    issued_at: datetime | None = None
    agency_name_en: str = ""

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "PublicTicket":
        return cls(code=data["code"], service_name=data["service_name"],
                   service_name_en=data.get("service_name_en") or data["service_name"],
                   agency_name=data.get("agency_name", ""),
                   agency_name_en=data.get("agency_name_en") or data.get("agency_name", ""),
                   service_date=date.fromisoformat(data["service_date"]), status=TicketStatus(data["status"]),
                   people_ahead=int(data.get("people_ahead", 0)), eta_minutes=int(data.get("eta_minutes", 0)),
                   counter=CounterRef.from_json(data.get("counter")), issued_at=_when(data.get("issued_at")))


@dataclass(frozen=True)
class QueueService:
    id: str
    name: str
    prefix: str
    waiting: int
    active: bool

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "QueueService":
        return cls(id=data["id"], name=data["name"], prefix=data["prefix"],
                   waiting=int(data.get("waiting", 0)), active=bool(data.get("active", True)))


@dataclass(frozen=True)
class WaitingTicket:
    id: int
    code: str
    service_id: str
    priority: Priority | None
    issued_at: datetime
    transferred: bool = False

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "WaitingTicket":
        prio = data.get("priority")
        return cls(id=int(data["id"]), code=data["code"], service_id=data["service_id"],
                   priority=Priority(prio) if prio else None,
                   issued_at=datetime.fromisoformat(data["issued_at"]),
                   transferred=bool(data.get("transferred", False)))


@dataclass(frozen=True)
class CounterQueue:
    """A loket's waiting list, in calling order, and what its officer served today by status."""

    counter: CounterRef
    services: tuple[QueueService, ...]
    waiting: tuple[WaitingTicket, ...]
    served_today: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "CounterQueue":
        counter = CounterRef.from_json(data["counter"])
        if counter is None:
            raise ValueError("a counter queue names its counter")
        return cls(counter=counter,
                   services=tuple(QueueService.from_json(s) for s in data.get("services", ())),
                   waiting=tuple(WaitingTicket.from_json(t) for t in data.get("waiting", ())),
                   served_today={str(k): int(v) for k, v in data.get("served_today", {}).items()})


@dataclass(frozen=True)
class ServiceReport:
    service_id: str
    service_name: str
    issued: int
    by_status: Mapping[str, int]
    mean_wait_minutes: float | None
    mean_service_minutes: float | None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "ServiceReport":
        return cls(service_id=data["service_id"], service_name=data.get("service_name", data["service_id"]),
                   issued=int(data.get("issued", 0)),
                   by_status={s.value: int(data.get(s.value, 0)) for s in TicketStatus},
                   mean_wait_minutes=data.get("mean_wait_minutes"),
                   mean_service_minutes=data.get("mean_service_minutes"))


@dataclass(frozen=True)
class DailyReport:
    date: date
    site: str
    total_issued: int
    services: tuple[ServiceReport, ...]
    served_by_counter: Mapping[int, int] = field(default_factory=dict)
    by_priority: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "DailyReport":
        return cls(date=date.fromisoformat(data["date"]), site=data.get("site", ""),
                   total_issued=int(data["total_issued"]),
                   services=tuple(ServiceReport.from_json(s) for s in data.get("services", ())),
                   served_by_counter={int(k): int(v) for k, v in data.get("served_by_counter", {}).items()},
                   by_priority={str(k): int(v) for k, v in data.get("by_priority", {}).items()})
