"""The API's answers as typed, frozen models: the server's routes declare them, the apps parse them.

Optional fields carry the default an app shows when a server leaves them out; names the server may
omit (an English name, a short name) fall back to the main one."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from pydantic import Field, model_validator

from core.wire.base import WireDateTime, WireModel, fall_back, none_if_empty
from core.wire.codes import CounterState, ErrorCode, Priority, TicketStatus, WaitUnknown

# ----------------------------------------------------------------- catalog


class Site(WireModel):
    name: str
    short_name: str
    timezone: str
    tz_label: str = ""
    address: str = ""
    allow_priority: bool = True
    priority_policy: str = ""
    running_text: str = ""  # the hall board's scrolling line, set by the site
    footer: tuple[str, ...] = ()
    local_date: date | None = None
    local_time: WireDateTime | None = None
    open_all_hours: bool = False

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        data = fall_back(data, ("short_name", "name"))
        if isinstance(data, Mapping) and data.get("running_text") is None and "running_text" in data:
            data = {**data, "running_text": ""}
        return data


class Service(WireModel):
    """A service with its live state: open or closed (``closed_reason`` is an error code), how many
    wait, the estimate (or ``wait_unknown``: why there is none) and the quota left."""

    id: str
    prefix: str
    name: str
    name_en: str
    open: bool
    closed_reason: str | None = None
    closed_params: dict[str, Any] = Field(default_factory=dict)
    opens_at: str | None = None
    closes_at: str | None = None
    waiting: int = 0
    eta_minutes: int = 0
    quota: int | None = None
    quota_left: int | None = None
    counters_open: int = 0
    requirements: tuple[str, ...] = ()
    lokets: tuple[str, ...] = ()
    wait_unknown: WaitUnknown | None = None

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        return fall_back(data, ("name_en", "name"))


class Agency(WireModel):
    id: str
    name: str
    short_name: str
    name_en: str
    services: tuple[Service, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        return fall_back(data, ("short_name", "name"), ("name_en", "name"))


class Catalog(WireModel):
    site: Site
    agencies: tuple[Agency, ...] = ()

    def service(self, service_id: str) -> Service | None:
        for agency in self.agencies:
            for service in agency.services:
                if service.id == service_id:
                    return service
        return None


# ----------------------------------------------------------------- tickets


class CounterRef(WireModel):
    id: int
    name: str


class Ticket(WireModel):
    id: int
    code: str
    service_id: str
    service_name: str
    agency_name: str
    service_date: date
    issued_at: WireDateTime
    status: TicketStatus
    priority: Priority | None = None
    people_ahead: int = 0
    eta_minutes: int = 0
    token: str
    counter: CounterRef | None = None
    status_url: str = ""
    lokets: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()
    print_status: str | None = None
    service_name_en: str = ""
    agency_short_name: str = ""
    recalls: int = 0
    transferred: bool = False
    agency_name_en: str = ""
    wait_unknown: WaitUnknown | None = None

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        data = fall_back(data, ("service_name_en", "service_name"), ("agency_short_name", "agency_name"),
                         ("agency_name_en", "agency_name"))
        return none_if_empty(data, "counter", "priority")


class PublicTicket(WireModel):
    """What the QR link shows of a ticket: its place in the queue, nothing about who holds it."""

    code: str
    service_name: str
    service_name_en: str
    agency_name: str = ""
    agency_name_en: str = ""
    service_date: date
    status: TicketStatus
    people_ahead: int = 0
    eta_minutes: int = 0
    counter: CounterRef | None = None
    issued_at: WireDateTime | None = None
    wait_unknown: WaitUnknown | None = None
    lokets: tuple[str, ...] = ()  # where its service is served: after a transfer, the new service's
    transferred: bool = False

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        data = fall_back(data, ("service_name_en", "service_name"), ("agency_name_en", "agency_name"))
        return none_if_empty(data, "counter", "issued_at")


# ----------------------------------------------------------------- counters


class Counter(WireModel):
    id: int
    name: str
    service_ids: tuple[str, ...] = ()
    state: CounterState
    current_ticket: Ticket | None = None
    staff: str | None = None
    pause_reason: str | None = None
    active_service_ids: tuple[str, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        if isinstance(data, Mapping) and "active_service_ids" not in data:
            data = {**data, "active_service_ids": data.get("service_ids", ())}
        return none_if_empty(data, "current_ticket")


class QueueService(WireModel):
    id: str
    name: str
    prefix: str
    waiting: int = 0
    active: bool = True


class WaitingTicket(WireModel):
    id: int
    code: str
    service_id: str
    priority: Priority | None = None
    issued_at: WireDateTime
    transferred: bool = False

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        return none_if_empty(data, "priority")


class CounterQueue(WireModel):
    """A loket's waiting list, in calling order, and what its officer served today by status."""

    counter: CounterRef
    services: tuple[QueueService, ...] = ()
    waiting: tuple[WaitingTicket, ...] = ()
    served_today: dict[str, int] = Field(default_factory=dict)


# ----------------------------------------------------------------- reports


class ServiceReport(WireModel):
    """One service's day: tickets issued in it, and how many ended in each status."""

    service_id: str
    service_name: str
    issued: int = 0
    waiting: int = 0
    called: int = 0
    serving: int = 0
    done: int = 0
    no_show: int = 0
    cancelled: int = 0
    transferred: int = 0
    expired: int = 0
    mean_wait_minutes: float | None = None
    mean_service_minutes: float | None = None

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        return fall_back(data, ("service_name", "service_id"))

    @property
    def by_status(self) -> Mapping[str, int]:
        return {s.value: getattr(self, s.value) for s in TicketStatus}


class DailyReport(WireModel):
    date: date
    site: str = ""
    total_issued: int
    services: tuple[ServiceReport, ...] = ()
    served_by_counter: dict[int, int] = Field(default_factory=dict)
    by_priority: dict[str, int] = Field(default_factory=dict)


# ----------------------------------------------------------------- health, sign-in, devices


class Health(WireModel):
    status: str
    version: str = ""
    server_time: WireDateTime
    local_date: date
    clock_settled: bool = True
    site: str = ""
    database: str = ""


class Login(WireModel):
    """A staff sign-in: the token expires at ``expires_at``; the counter app renews it before."""

    token: str = Field(repr=False)
    expires_at: WireDateTime
    role: str
    username: str
    display_name: str = ""

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        return fall_back(data, ("display_name", "username"))


class LoggedOut(WireModel):
    status: str


class DeviceRef(WireModel):
    id: int
    name: str
    kind: str


class Enrollment(WireModel):
    """The device token, given once for a one-time enrolment code."""

    token: str = Field(repr=False)
    device: DeviceRef | None = None


class HeartbeatReply(WireModel):
    locked: bool = False
    server_time: WireDateTime
    name: str = ""


class Device(WireModel):
    """A kiosk or display as technicians see it: enrolled, locked, silent, its last reported state."""

    id: int
    name: str
    kind: str
    enrolled: bool
    revoked: bool
    locked: bool
    last_seen_at: WireDateTime | None = None
    silent: bool = False
    paper_out: bool = False
    state: dict[str, Any] = Field(default_factory=dict)


# ----------------------------------------------------------------- errors


class ErrorDetail(WireModel):
    code: ErrorCode
    message: str
    params: dict[str, Any] = Field(default_factory=dict)
    request_id: str | None = None


class ErrorDocument(WireModel):
    """Every refusal: the client picks its text by ``error.code``; ``message`` is for logs."""

    error: ErrorDetail
