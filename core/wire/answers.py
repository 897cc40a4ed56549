"""The API's answers as typed, frozen models: the server's routes declare them, the apps parse them.

Optional fields carry the default an app shows when a server leaves them out; names the server may
omit (an English name, a short name) fall back to the main one."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from pydantic import Field, model_validator

from core.wire.base import WireDateTime, WireModel, fall_back, none_if_empty
from core.wire.codes import BookingStatus, CounterState, ErrorCode, HallAlertKind, Priority, TicketStatus, WaitUnknown

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
    # The office's running text for today (PUT /today/running-text): while set, boards show it
    # instead of their own or the site's.
    running_text_today: str = ""
    footer: tuple[str, ...] = ()
    local_date: date | None = None
    local_time: WireDateTime | None = None
    open_all_hours: bool = False
    no_show_after_seconds: int = 0  # how long a called citizen has before "no-show" is allowed
    footer_en: tuple[str, ...] = ()  # empty: print ``footer`` on an English receipt too

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        data = fall_back(data, ("short_name", "name"))
        if isinstance(data, Mapping) and data.get("running_text") is None and "running_text" in data:
            data = {**data, "running_text": ""}
        return data


class BreakTime(WireModel):
    """A break in a service's day, site time "HH:MM", and its reason (``istirahat``, ``sholat_jumat``):
    a loket pausing for it offers its end as the return time."""

    start: str
    end: str
    reason: str = "istirahat"


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
    requirements_en: tuple[str, ...] = ()  # empty: show ``requirements`` in English too
    breaks_today: tuple[BreakTime, ...] = ()  # the service day's breaks, earliest first
    bookable: bool = False  # the service takes bookings: the kiosk offers "Saya sudah booking"

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
    called_at: WireDateTime | None = None   # the server's times, for the loket's timers
    started_at: WireDateTime | None = None
    wait_unknown: WaitUnknown | None = None
    # Sent by a transfer to this loket, which alone calls it while it is open.
    target_counter: CounterRef | None = None
    # The transferring officer's note for the receiving one: in staff answers only, never a device's.
    transfer_note: str | None = None
    requirements_en: tuple[str, ...] = ()  # empty: print ``requirements`` on an English receipt too
    # A ticket issued by a booking's check-in: its slot's start, "HH:MM" site time; None for a walk-in.
    booked_for: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        data = fall_back(data, ("service_name_en", "service_name"), ("agency_short_name", "agency_name"),
                         ("agency_name_en", "agency_name"))
        return none_if_empty(data, "counter", "priority", "called_at", "started_at", "target_counter")


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
    target_counter: CounterRef | None = None  # the one loket a transfer sent it to, while that loket is open
    booked_for: str | None = None  # a checked-in booking's slot, HH:MM site time: why it is ahead of walk-ins

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        data = fall_back(data, ("service_name_en", "service_name"), ("agency_name_en", "agency_name"))
        return none_if_empty(data, "counter", "issued_at", "target_counter")


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
    pause_until: WireDateTime | None = None  # when a paused loket expects to be back, if its officer said


    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        if isinstance(data, Mapping) and "active_service_ids" not in data:
            data = {**data, "active_service_ids": data.get("service_ids", ())}
        return none_if_empty(data, "current_ticket", "pause_until")


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
    target_counter: CounterRef | None = None  # sent by a transfer to this loket only
    transfer_note: str | None = None          # the transferring officer's note (staff answers only)

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        return none_if_empty(data, "priority", "target_counter")


class CounterQueue(WireModel):
    """A loket's waiting list, in calling order, and what its officer served today by status."""

    counter: CounterRef
    services: tuple[QueueService, ...] = ()
    waiting: tuple[WaitingTicket, ...] = ()
    served_today: dict[str, int] = Field(default_factory=dict)


# ----------------------------------------------------------------- the hall (the console's live view)


class HallLoket(WireModel):
    """A loket as a supervisor watches it: who has it, the ticket at it and since when (``since``: its
    call, or the start of its service), and the tickets it finished done today."""

    id: int
    name: str
    state: CounterState
    staff: str | None = None
    staff_name: str | None = None
    pause_reason: str | None = None
    service_ids: tuple[str, ...] = ()
    current_code: str | None = None
    current_status: TicketStatus | None = None
    since: WireDateTime | None = None
    served_today: int = 0


class HallService(WireModel):
    """A service's queue today: who waits and since when, the estimate, the quota left, and its target wait
    (``target_wait_minutes``, the site's "standar waktu pelayanan"; none when the catalog sets none)."""

    id: str
    prefix: str
    name: str
    name_en: str
    agency: str
    open: bool
    closed_reason: str | None = None
    waiting: int = 0
    oldest_waiting_since: WireDateTime | None = None
    longest_wait_minutes: int = 0   # the longest wait today so far: a wait still going, or one that ended in a call
    eta_minutes: int = 0
    wait_unknown: WaitUnknown | None = None
    quota: int | None = None
    quota_left: int | None = None
    served_today: int = 0
    target_wait_minutes: int | None = None
    over_target: bool = False


class HallAlert(WireModel):
    """Something a supervisor should see to: ``subject`` is the device's name or the service's id."""

    kind: HallAlertKind
    subject: str
    minutes: int | None = None  # how long a device has been silent, or the longest wait now


class Hall(WireModel):
    """The whole hall at one moment, from one read: what the console's hall page and GET /hall show."""

    at: WireDateTime
    local_date: date
    site: str
    lokets: tuple[HallLoket, ...] = ()
    services: tuple[HallService, ...] = ()
    alerts: tuple[HallAlert, ...] = ()


class OfficerServiceDay(WireModel):
    service_id: str
    name: str
    name_en: str
    done: int = 0
    mean_service_minutes: float | None = None


class OfficerDay(WireModel):
    """An officer's own day: the tickets they finished done, per service, and their mean service time."""

    username: str
    local_date: date
    done: int = 0
    no_show: int = 0
    mean_service_minutes: float | None = None
    services: tuple[OfficerServiceDay, ...] = ()


# ----------------------------------------------------------------- reports


class StatusCounts(WireModel):
    """How many of a set of tickets ended the day (so far) in each status."""

    waiting: int = 0
    called: int = 0
    serving: int = 0
    done: int = 0
    no_show: int = 0
    cancelled: int = 0
    transferred: int = 0
    expired: int = 0

    @property
    def by_status(self) -> Mapping[str, int]:
        return {s.value: getattr(self, s.value) for s in TicketStatus}


class ServiceReport(WireModel):
    """One service's day, told so that each count adds up.

    ``issued``: the tickets first issued for this service. The status fields say what became of
    those tickets here and add up to ``issued``; ``transferred`` counts those sent on to another
    service, where they count again under ``transferred_in``.

    ``transferred_in``: the tickets this service received from another one (a ticket received
    twice counts twice). ``received`` says what became of them here and adds up to
    ``transferred_in``; its ``transferred`` counts those sent on again.

    ``mean_wait_minutes``: over every ticket called in this service, issued here or received, from
    when it joined this queue (its issue, or the transfer that sent it here) to its first call
    here. ``mean_service_minutes``: over the tickets finished done here, from start to done."""

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
    transferred_in: int = 0
    received: StatusCounts = StatusCounts()
    mean_wait_minutes: float | None = None
    mean_service_minutes: float | None = None

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        return fall_back(data, ("service_name", "service_id"))

    @property
    def by_status(self) -> Mapping[str, int]:
        """What became of the tickets issued here; ``received.by_status`` for those received."""
        return {s.value: getattr(self, s.value) for s in TicketStatus}


class LoketReport(WireModel):
    """A loket of the catalog by its number and name, and how many tickets it finished done."""

    id: int
    name: str
    served: int = 0


class DailyReport(WireModel):
    """A service day: ``total_issued`` is the sum of the services' ``issued``; ``lokets`` lists
    every loket of the catalog (and any other that served that day), by number."""

    date: date
    site: str = ""
    total_issued: int
    services: tuple[ServiceReport, ...] = ()
    lokets: tuple[LoketReport, ...] = ()
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
    # An admin created or reset this account: every other staff route is refused until
    # ``POST /auth/password`` sets a password of the officer's own.
    must_change_password: bool = False

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        return fall_back(data, ("display_name", "username"))


class LoggedOut(WireModel):
    status: str


class PasswordChanged(WireModel):
    """``POST /auth/password``: the sign-in goes on, now with the officer's own password."""

    status: str = "changed"


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
    # From its last heartbeat (also in ``state``, with the rest it reported).
    printer_state: str | None = None
    paper: str | None = None
    version: str | None = None
    last_error: str | None = None
    # A one-time code made for it and not used yet, and when that code expires.
    enrol_code_expires_at: WireDateTime | None = None
    state: dict[str, Any] = Field(default_factory=dict)


class EnrolmentCode(WireModel):
    """A one-time enrolment code, answered once: the office never sees it again. ``scan_text`` is what
    the device's setup takes in its code field, typed or read from a QR code; ``replaces`` is true when a
    device enrolled under that name stops working once the code is used."""

    device: DeviceRef
    code: str = Field(repr=False)
    expires_at: WireDateTime
    scan_text: str = Field(repr=False)
    replaces: bool = False


class StaffUser(WireModel):
    """A staff account as an admin sees it; never its password nor its hash."""

    username: str
    display_name: str
    role: str
    active: bool
    locked_until: WireDateTime | None = None  # locked everywhere after many wrong passwords
    must_change_password: bool = False
    created_at: WireDateTime | None = None
    last_login_at: WireDateTime | None = None


class StaffPassword(WireModel):
    """An account added or reset. ``one_time_password`` is set when the server made the password: it
    is shown this once, and the officer must choose their own at the next sign-in."""

    user: StaffUser
    one_time_password: str | None = Field(default=None, repr=False)


# ----------------------------------------------------------------- today's switches, the audit log


class ServiceClosedToday(WireModel):
    """A service the office closed for the rest of today; ``note`` is its public reason."""

    service_id: str
    note: str = ""
    by: str
    at: WireDateTime


class QuotaToday(WireModel):
    """Today's quota of a service in place of the catalog's (``catalog_quota``, None for none);
    ``issued`` is how many tickets it has issued today."""

    service_id: str
    quota: int
    catalog_quota: int | None = None
    issued: int = 0
    by: str
    at: WireDateTime


class AgencyStoppedToday(WireModel):
    """An agency whose services the kiosks take no tickets for, for the rest of today."""

    agency_id: str
    note: str = ""
    by: str
    at: WireDateTime


class RunningTextToday(WireModel):
    text: str
    by: str
    at: WireDateTime


class TodaySwitches(WireModel):
    """Every switch the office set for the service day ``service_date``; the next day starts clean."""

    service_date: date
    closed_services: tuple[ServiceClosedToday, ...] = ()
    quotas: tuple[QuotaToday, ...] = ()
    stopped_agencies: tuple[AgencyStoppedToday, ...] = ()
    running_text: RunningTextToday | None = None


class AuditEntry(WireModel):
    """Who did what (``kind``, an ``AuditKind`` value) to what (``subject``), and when; ``detail``
    never holds a secret or a whole NIK."""

    id: int
    at: WireDateTime
    actor: str
    actor_role: str
    kind: str
    subject: str
    detail: dict[str, Any] = Field(default_factory=dict)


class AuditPage(WireModel):
    """Entries newest first; ``next_cursor``, passed back as ``before``, gives the older ones (None at the end)."""

    entries: tuple[AuditEntry, ...] = ()
    next_cursor: int | None = None


# ----------------------------------------------------------------- catalog versions


class CatalogVersion(WireModel):
    """One stored version of the catalog; ``made_by`` is the staff member, "cli", or None for a version
    stored before who made it was kept."""

    id: int
    imported_at: WireDateTime
    source: str
    made_by: str | None = None


class CatalogFieldChange(WireModel):
    """One field of an entry, as text: ``before`` None when it was not set, ``after`` None when removed."""

    field: str
    before: str | None = None
    after: str | None = None


class CatalogChange(WireModel):
    """An entry added, removed or changed: ``kind`` site, agency, service, loket or holiday; ``key`` its id
    (a holiday's date)."""

    kind: str
    key: str
    action: str
    fields: tuple[CatalogFieldChange, ...] = ()


class CatalogVersionDetail(WireModel):
    """A version with what it changed from the one before (every entry "added" for the first)."""

    version: CatalogVersion
    previous: int | None = None
    changes: tuple[CatalogChange, ...] = ()


# ----------------------------------------------------------------- notifications


class Notification(WireModel):
    """One message of the outbox. ``recipient`` is masked (the first four and last three digits); None once
    the day closed and the number was deleted, or for a webhook."""

    id: int
    made_at: WireDateTime
    service_date: date
    channel: str
    recipient: str | None = None
    template: str
    status: str
    attempts: int
    next_attempt_at: WireDateTime | None = None
    sent_at: WireDateTime | None = None
    last_error: str | None = None


class TicketContact(WireModel):
    """The number a ticket's holder gave to be told when their turn is near and when they are called,
    masked; None once removed."""

    code: str
    recipient: str | None = None
    language: str = "id"


class NotificationList(WireModel):
    """The messages of one status, newest first, with today's counts and the channels this server has."""

    status: str
    messages: tuple[Notification, ...] = ()
    today: dict[str, int] = Field(default_factory=dict)
    channels: tuple[str, ...] = ()
# ----------------------------------------------------------------- the SKM survey


class SurveyQuestion(WireModel):
    """One of the site's own questions, asked after the nine unsur and never part of the IKM: ``kind``
    ``scale`` (answered 1..4, ``labels`` the four answers' words) or ``text`` (up to 200 characters)."""

    id: str
    text: str
    text_en: str = ""
    kind: str = "scale"
    labels: tuple[str, ...] = ()
    labels_en: tuple[str, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        return fall_back(data, ("text_en", "text"), ("labels_en", "labels"))


class SurveyForm(WireModel):
    """A served ticket that may answer the survey (core.survey has the questionnaire): what to show of it,
    and ``ref``, the opaque string to send back with the answers."""

    code: str
    service_date: date
    service_name: str
    service_name_en: str = ""
    agency_name: str = ""
    agency_name_en: str = ""
    answerable_until: date
    ref: str
    questions: tuple[SurveyQuestion, ...] = ()  # the site's own, after the nine

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        return fall_back(data, ("service_name_en", "service_name"), ("agency_name_en", "agency_name"))


class SurveyAnswered(WireModel):
    id: int
    answered_at: WireDateTime


# ----------------------------------------------------------------- errors


class ErrorDetail(WireModel):
    code: ErrorCode
    message: str
    params: dict[str, Any] = Field(default_factory=dict)
    request_id: str | None = None


class ErrorDocument(WireModel):
    """Every refusal: the client picks its text by ``error.code``; ``message`` is for logs."""

    error: ErrorDetail


# ----------------------------------------------------------------- queue report (any period)


class QueueFigures(WireModel):
    """One row of the queue report: the whole period, an agency, a service, a loket, an officer or an
    hour of the day (``key``: its id, the loket number, the username, the hour "08").

    The counts add up: ``issued + transferred_in = served + no_show + cancelled + transferred +
    expired + open``. A transfer counts once as ``transferred`` where the ticket was issued and once
    as ``transferred_in`` where it ended; in the whole period the two are equal, so there ``issued``
    alone adds up to the ends other than transfers. A loket's and an officer's rows count only what
    was ended there (their ``issued`` is 0). Times are minutes: the wait from joining the queue (its
    issue, or the transfer that sent it) to the call, the service from start to done; p50 and p90 are
    the nearest-rank percentiles. ``within_target`` counts the served tickets whose wait was at most
    their service's ``target_wait_minutes``, of ``with_target`` served tickets that have one."""

    key: str
    name: str
    issued: int = 0
    transferred_in: int = 0
    served: int = 0
    no_show: int = 0
    cancelled: int = 0
    transferred: int = 0
    expired: int = 0
    open: int = 0
    wait_p50_minutes: float | None = None
    wait_p90_minutes: float | None = None
    wait_max_minutes: float | None = None
    service_p50_minutes: float | None = None
    service_p90_minutes: float | None = None
    service_max_minutes: float | None = None
    target_wait_minutes: int | None = None
    within_target: int = 0
    with_target: int = 0

    @property
    def within_target_share(self) -> float | None:
        return self.within_target / self.with_target if self.with_target else None


class QueueReport(WireModel):
    """The queue report of a period of service days (site-local dates, both included), for the whole
    site or one agency. ``busiest_hours``: the hours of the day with the most tickets issued, busiest
    first (at most three). ``empty``: no ticket was issued in the period."""

    site: str
    date_from: date
    date_to: date
    agency_id: str | None = None
    agency_name: str | None = None
    total: QueueFigures
    agencies: tuple[QueueFigures, ...] = ()
    services: tuple[QueueFigures, ...] = ()
    lokets: tuple[QueueFigures, ...] = ()
    officers: tuple[QueueFigures, ...] = ()
    hours: tuple[QueueFigures, ...] = ()
    busiest_hours: tuple[int, ...] = ()
    # The period's bookings (server/reports/bookings.py); None when no service in scope takes them and none
    # was booked.
    bookings: BookingsReport | None = None

    @property
    def empty(self) -> bool:
        return self.total.issued == 0 and self.total.transferred_in == 0
# ----------------------------------------------------------------- the catalog as a whole document


class CatalogDocument(WireModel):
    """A catalog version's whole document, as ``import-catalog`` reads it from TOML (dates as ISO text).
    GET /catalog/document answers the newest with its ``version``; PUT /catalog takes one back with
    ``based_on``, the version it was edited from (another stored since: 409 write_conflict)."""

    document: dict[str, Any]
    version: int | None = None
    based_on: int | None = Field(default=None, ge=1, le=2**31 - 1)


# ----------------------------------------------------------------- bookings


class BookingSlot(WireModel):
    """One slot of a booking day, site time "HH:MM": its places and how many are still free."""

    start: str
    end: str
    capacity: int
    left: int


class BookingDay(WireModel):
    """A service's bookable slots on one day; ``closed_reason`` (an ErrorCode value) says why it has none."""

    service_id: str
    date: date
    open: bool
    closed_reason: str | None = None
    slots: tuple[BookingSlot, ...] = ()


class Booking(WireModel):
    """A booking as its holder sees it: ``code`` (nine digits, the last a check digit) is typed at the kiosk
    with the NIK's last four; ``token`` is the secret of its link and QR; ``link`` the absolute URL of
    /booking/{token} ("" when the server has no public URL). Times are site time "HH:MM".
    ``cancelled_by_staff``: the MPP's staff cancelled it, not its holder (who, the console and audit say)."""

    code: str
    token: str = Field(repr=False)
    service_id: str
    service_name: str
    service_name_en: str = ""
    agency_name: str = ""
    agency_name_en: str = ""
    service_date: date
    slot_start: str
    slot_end: str
    check_in_from: str
    check_in_until: str
    status: BookingStatus
    nik_last4: str
    has_phone: bool = False
    requirements: tuple[str, ...] = ()
    requirements_en: tuple[str, ...] = ()
    ticket_code: str | None = None
    made_at: WireDateTime
    link: str = ""
    cancelled_by_staff: bool = False

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        return fall_back(data, ("service_name_en", "service_name"), ("agency_name_en", "agency_name"))


class BookingQuota(WireModel):
    """A service's places on ``date`` (today): still bookable, and walk-in tickets still possible (None: no
    quota); ``bookable`` false for a service that takes no bookings."""

    service_id: str
    date: date
    bookable: bool
    booking_left: int | None = None
    walk_in_left: int | None = None


class BookingFigures(WireModel):
    """One row of the queue report's bookings: the whole period, an agency or a service. A booking counts in
    the period of its slot's service day, by where it stands when the report is made, so the counts add up:
    ``made = checked_in + no_show + cancelled + booked``. Lead time: from the booking being made to its slot's
    start, over every booking made, in hours (median and mean)."""

    key: str
    name: str
    made: int = 0
    checked_in: int = 0
    no_show: int = 0
    cancelled: int = 0
    booked: int = 0
    lead_median_hours: float | None = None
    lead_mean_hours: float | None = None


class BookingsReport(WireModel):
    """The queue report's bookings section: the whole scope, each agency and each service with bookings."""

    total: BookingFigures
    agencies: tuple[BookingFigures, ...] = ()
    services: tuple[BookingFigures, ...] = ()
