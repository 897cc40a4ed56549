"""The wire contract between the server and its apps: the codes both sides spell alike, the
models of every answer and every event payload."""

from core.wire.answers import (
                               Agency,
                               AgencyStoppedToday,
                               AuditEntry,
                               AuditPage,
                               Catalog,
                               Counter,
                               CounterQueue,
                               CounterRef,
                               DailyReport,
                               Device,
                               DeviceRef,
                               Enrollment,
                               ErrorDetail,
                               ErrorDocument,
                               Health,
                               HeartbeatReply,
                               LoggedOut,
                               Login,
                               LoketReport,
                               PasswordChanged,
                               PublicTicket,
                               QueueService,
                               QuotaToday,
                               RunningTextToday,
                               Service,
                               ServiceClosedToday,
                               ServiceReport,
                               Site,
                               StatusCounts,
                               Ticket,
                               TodaySwitches,
                               WaitingTicket,
)
from core.wire.base import WireModel
from core.wire.codes import AT_LOKET, AuditKind, CounterState, ErrorCode, EventType, Priority, TicketStatus, WaitUnknown
from core.wire.events import (
                               CatalogChanged,
                               CounterStateEvent,
                               DayExpired,
                               DeviceStateEvent,
                               Event,
                               EventPayload,
                               TicketEvent,
                               TodayChanged,
                               payload_of,
)

__all__ = [
    "AgencyStoppedToday", "AuditEntry", "AuditPage", "QuotaToday", "RunningTextToday", "ServiceClosedToday",
    "TodayChanged", "TodaySwitches",
    "AT_LOKET", "Agency", "AuditKind", "Catalog", "CatalogChanged", "Counter", "CounterQueue", "CounterRef",
    "CounterState",
    "CounterStateEvent", "DailyReport", "DayExpired", "Device", "DeviceRef", "DeviceStateEvent", "Enrollment",
    "ErrorCode", "ErrorDetail", "ErrorDocument", "Event", "EventPayload", "EventType", "Health", "HeartbeatReply",
    "LoggedOut", "Login", "LoketReport", "PasswordChanged", "Priority", "PublicTicket", "QueueService", "Service",
    "ServiceReport", "Site", "StatusCounts", "Ticket", "TicketEvent", "TicketStatus", "WaitUnknown", "WaitingTicket",
    "WireModel", "payload_of",
]
