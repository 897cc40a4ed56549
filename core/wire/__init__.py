"""The wire contract between the server and its apps: the codes both sides spell alike, the
models of every answer and every event payload."""

from core.wire.answers import (
                               Agency,
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
                               Hall,
                               HallAlert,
                               HallLoket,
                               HallService,
                               Health,
                               HeartbeatReply,
                               LoggedOut,
                               Login,
                               LoketReport,
                               OfficerDay,
                               OfficerServiceDay,
                               PasswordChanged,
                               PublicTicket,
                               QueueService,
                               Service,
                               ServiceReport,
                               Site,
                               StatusCounts,
                               Ticket,
                               WaitingTicket,
)
from core.wire.base import WireModel
from core.wire.codes import (
    AT_LOKET,
    AuditKind,
    CounterState,
    ErrorCode,
    EventType,
    HallAlertKind,
    Priority,
    TicketStatus,
    WaitUnknown,
)
from core.wire.events import (
                               CatalogChanged,
                               CounterStateEvent,
                               DayExpired,
                               DeviceStateEvent,
                               Event,
                               EventPayload,
                               TicketEvent,
                               payload_of,
)

__all__ = [
    "AT_LOKET", "Agency", "AuditKind", "Catalog", "CatalogChanged", "Counter", "CounterQueue", "CounterRef",
    "CounterState",
    "CounterStateEvent", "DailyReport", "DayExpired", "Device", "DeviceRef", "DeviceStateEvent", "Enrollment",
    "ErrorCode", "ErrorDetail", "ErrorDocument", "Event", "EventPayload", "EventType", "Hall", "HallAlert",
    "HallAlertKind", "HallLoket", "HallService", "Health", "HeartbeatReply", "OfficerDay", "OfficerServiceDay",
    "LoggedOut", "Login", "LoketReport", "PasswordChanged", "Priority", "PublicTicket", "QueueService", "Service",
    "ServiceReport", "Site", "StatusCounts", "Ticket", "TicketEvent", "TicketStatus", "WaitUnknown", "WaitingTicket",
    "WireModel", "payload_of",
]
