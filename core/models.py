"""The models the apps work with: those of the wire contract (core/wire), under the names the
apps have always imported."""

from core.wire import (
                       AT_LOKET,
                       Agency,
                       Catalog,
                       Counter,
                       CounterQueue,
                       CounterRef,
                       CounterState,
                       DailyReport,
                       Device,
                       Event,
                       Health,
                       HeartbeatReply,
                       Login,
                       Priority,
                       PublicTicket,
                       QueueService,
                       Service,
                       ServiceReport,
                       Site,
                       Ticket,
                       TicketStatus,
                       WaitingTicket,
)

__all__ = [
    "AT_LOKET", "Agency", "Catalog", "Counter", "CounterQueue", "CounterRef", "CounterState", "DailyReport", "Device",
    "Event", "Health", "HeartbeatReply", "Login", "Priority", "PublicTicket", "QueueService", "Service",
    "ServiceReport", "Site", "Ticket", "TicketStatus", "WaitingTicket",
]
