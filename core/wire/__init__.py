"""The wire contract between the server and its apps: the codes both sides spell alike."""

from core.wire.codes import AT_LOKET, CounterState, ErrorCode, EventType, Priority, TicketStatus

__all__ = ["AT_LOKET", "CounterState", "ErrorCode", "EventType", "Priority", "TicketStatus"]
