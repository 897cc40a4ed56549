"""The names both sides of the API must spell alike: ticket and counter states, event types and
error codes. ``str`` enums, so a member compares equal to the string on the wire; event types and
error codes are ``StrEnum`` so they also format as that string in logs, SSE lines and JSON."""

from __future__ import annotations

import enum


class TicketStatus(str, enum.Enum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    TRANSFERRED = "transferred"
    EXPIRED = "expired"


# A ticket in one of these states is at its loket: the board shows its code there, the citizen's
# page sends them there, and the loket cannot pause or call the next one until it moves on.
AT_LOKET: frozenset[TicketStatus] = frozenset({TicketStatus.CALLED, TicketStatus.SERVING})


class Priority(str, enum.Enum):
    """Priority groups the blueprint names; ``None`` on a ticket means regular."""

    LANSIA = "lansia"
    DISABILITAS = "disabilitas"
    IBU_HAMIL = "ibu_hamil"
    ANAK = "anak"


class BookingStatus(str, enum.Enum):
    """Where a booking stands: kept as a row through every change, for audit and statistics."""

    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


class CounterState(str, enum.Enum):
    CLOSED = "closed"
    OPEN = "open"
    PAUSED = "paused"


class WaitUnknown(enum.StrEnum):
    """Why a service or ticket has no estimated wait (``wait_unknown``): its ``eta_minutes`` is then
    no promise, and the apps say this instead."""

    NO_LOKET_OPEN = "no_loket_open"  # no loket serving it is open yet (or still)
    LOKETS_PAUSED = "lokets_paused"  # its lokets are open but all paused


class HallAlertKind(enum.StrEnum):
    """What the console's hall warns a supervisor of (``HallAlert.kind``)."""

    DEVICE_SILENT = "device_silent"      # a kiosk or board sent no heartbeat for a while
    PAPER_OUT = "paper_out"              # a kiosk's printer reports no paper
    DEVICE_LOCKED = "device_locked"      # the office locked a kiosk or board
    WAIT_OVER_TARGET = "wait_over_target"  # someone has waited longer than the service's target


class EventType(enum.StrEnum):
    """The ``type`` of an event on ``/events`` (also the SSE ``event:`` line)."""

    TICKET_ISSUED = "ticket.issued"
    TICKET_CALLED = "ticket.called"
    TICKET_RECALLED = "ticket.recalled"
    TICKET_STATUS = "ticket.status"
    COUNTER_STATE = "counter.state"
    CATALOG_CHANGED = "catalog.changed"
    DEVICE_STATE = "device.state"
    TODAY_CHANGED = "today.changed"  # a switch of today (closed service, quota, stopped agency, running text)
    SURVEY_ANSWERED = "survey.answered"  # a served ticket answered the SKM survey (no answers in the event)
    STAFF_CHANGED = "staff.changed"  # an account added, reset, given a role, disabled, enabled, its password changed
    BOOKING_CHANGED = "booking.changed"  # a booking made, cancelled, checked in, or a no-show at day end


class AuditKind(enum.StrEnum):
    """What an audit-log entry records (server/audit.py); the console filters by it."""

    # Staff accounts.
    USER_ADDED = "user.added"
    USER_PASSWORD_RESET = "user.password_reset"
    USER_PASSWORD_CHANGED = "user.password_changed"
    USER_ROLE_SET = "user.role_set"
    USER_DISABLED = "user.disabled"
    USER_ENABLED = "user.enabled"
    # Kiosks, boards and other devices.
    DEVICE_ENROL_CODE_MADE = "device.enrol_code_made"
    DEVICE_RENAMED = "device.renamed"
    DEVICE_LOCKED = "device.locked"
    DEVICE_UNLOCKED = "device.unlocked"
    DEVICE_REVOKED = "device.revoked"
    # Today's switches.
    SERVICE_CLOSED_TODAY = "today.service_closed"
    SERVICE_REOPENED_TODAY = "today.service_reopened"
    QUOTA_SET_TODAY = "today.quota_set"
    QUOTA_RESET_TODAY = "today.quota_reset"
    AGENCY_STOPPED_TODAY = "today.agency_stopped"
    AGENCY_RESUMED_TODAY = "today.agency_resumed"
    RUNNING_TEXT_SET = "today.running_text_set"
    RUNNING_TEXT_CLEARED = "today.running_text_cleared"
    # The catalog.
    CATALOG_SAVED = "catalog.saved"
    CATALOG_RESTORED = "catalog.restored"
    # Lokets and tickets by another's hand.
    COUNTER_TAKEN_OVER = "counter.taken_over"
    COUNTER_CLOSED_BY_MANAGER = "counter.closed_by_manager"
    TICKET_REQUEUED = "ticket.requeued"
    TICKET_TRANSFERRED = "ticket.transferred"
    TICKET_CANCELLED = "ticket.cancelled"
    # Notifications (server/notify/).
    NOTIFICATION_RETRIED = "notification.retried"
    NOTIFICATION_CHECK_SENT = "notification.check_sent"
    # The SKM's follow-up actions (server/skm/actions.py).
    SKM_ACTION_ADDED = "skm_action.added"
    SKM_ACTION_UPDATED = "skm_action.updated"
    # Bookings (server/engine/bookings.py).
    BOOKING_CANCELLED_BY_STAFF = "booking.cancelled_by_staff"


class ErrorCode(enum.StrEnum):
    """Every ``error.code`` the server can answer with; clients choose their text by it."""

    # The request itself (server/errors.py, server/http_protocol.py, server/api/middleware.py).
    BAD_REQUEST = "bad_request"
    BAD_HTTP = "bad_http"
    MALFORMED_JSON = "malformed_json"
    MISSING_FIELD = "missing_field"
    INVALID_REQUEST = "invalid_request"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    BODY_TOO_LARGE = "body_too_large"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    HEADERS_TOO_LARGE = "headers_too_large"
    REQUEST_TIMEOUT = "request_timeout"
    TOO_MANY_PIPELINED = "too_many_pipelined"
    HTTP_ERROR = "http_error"
    SERVER_BUSY = "server_busy"
    INTERNAL_ERROR = "internal_error"
    STORAGE_UNAVAILABLE = "storage_unavailable"
    WRITE_CONFLICT = "write_conflict"
    QUEUE_BUSY = "queue_busy"
    CLOCK_UNSETTLED = "clock_unsettled"
    NO_CATALOG = "no_catalog"
    # Who is asking.
    UNAUTHORIZED = "unauthorized"
    INVALID_TOKEN = "invalid_token"
    TOKEN_RENEWED = "token_renewed"
    FORBIDDEN = "forbidden"
    DEVICE_LOCKED = "device_locked"
    BAD_CREDENTIALS = "bad_credentials"
    LOGIN_LOCKED = "login_locked"
    PASSWORD_CHANGE_REQUIRED = "password_change_required"
    WRONG_CURRENT_PASSWORD = "wrong_current_password"
    PASSWORD_TOO_SHORT = "password_too_short"
    PASSWORD_UNCHANGED = "password_unchanged"
    BAD_ENROLLMENT_CODE = "bad_enrollment_code"
    ACCOUNT_DISABLED = "account_disabled"  # a staff token of an account an admin has disabled
    INVALID_LAST_EVENT_ID = "invalid_last_event_id"
    # Issuing a ticket.
    IDEMPOTENCY_KEY_REQUIRED = "idempotency_key_required"
    INVALID_IDEMPOTENCY_KEY = "invalid_idempotency_key"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    SERVICE_NOT_FOUND = "service_not_found"
    INVALID_PRIORITY = "invalid_priority"
    PRIORITY_NOT_ALLOWED = "priority_not_allowed"
    INVALID_NIK = "invalid_nik"
    CONFLICT = "conflict"
    # A closed service, in the order core/schedule.py checks them; CLOSED when it names no reason.
    SERVICE_INACTIVE = "service_inactive"
    HOLIDAY = "holiday"
    CLOSED_DAY = "closed_day"
    NOT_OPEN_YET = "not_open_yet"
    CLOSED_FOR_TODAY = "closed_for_today"
    ON_BREAK = "on_break"
    QUOTA_EXHAUSTED = "quota_exhausted"
    CLOSED = "closed"
    # The office's switches for today (server/engine/today.py): checked right after SERVICE_INACTIVE.
    AGENCY_STOPPED_TODAY = "agency_stopped_today"
    SERVICE_CLOSED_TODAY = "service_closed_today"
    QUOTA_BELOW_ISSUED = "quota_below_issued"
    AGENCY_NOT_FOUND = "agency_not_found"
    # Tickets.
    INVALID_CODE = "invalid_code"
    TICKET_NOT_FOUND = "ticket_not_found"
    INVALID_TRANSITION = "invalid_transition"
    INVALID_TRANSFER_TARGET = "invalid_transfer_target"
    # A transfer to a named loket: no such loket, it does not serve the service, it is closed.
    TRANSFER_LOKET_NOT_FOUND = "transfer_loket_not_found"
    TRANSFER_LOKET_NOT_SERVING = "transfer_loket_not_serving"
    TRANSFER_LOKET_NOT_OPEN = "transfer_loket_not_open"
    NOT_YOUR_TICKET = "not_your_ticket"
    TICKET_NOT_AT_YOUR_COUNTER = "ticket_not_at_your_counter"
    TICKET_IN_PROGRESS = "ticket_in_progress"
    NO_SHOW_TOO_EARLY = "no_show_too_early"
    TICKET_OF_ANOTHER_DAY = "ticket_of_another_day"
    # Lokets.
    COUNTER_NOT_FOUND = "counter_not_found"
    COUNTER_NOT_YOURS = "counter_not_yours"
    COUNTER_TAKEN = "counter_taken"
    COUNTER_CLOSED = "counter_closed"
    COUNTER_PAUSED = "counter_paused"
    COUNTER_NOT_PAUSED = "counter_not_paused"
    INVALID_SERVICE_IDS = "invalid_service_ids"
    QUEUE_EMPTY = "queue_empty"
    NOTHING_TO_RECALL = "nothing_to_recall"
    TAKE_OVER_REASON_REQUIRED = "take_over_reason_required"
    # Staff accounts and devices, as an admin manages them.
    USER_NOT_FOUND = "user_not_found"
    USER_EXISTS = "user_exists"
    INVALID_USERNAME = "invalid_username"
    LAST_ADMIN = "last_admin"
    DEVICE_NOT_FOUND = "device_not_found"
    DEVICE_NAME_TAKEN = "device_name_taken"
    PAUSE_UNTIL_PASSED = "pause_until_passed"  # a pause's expected return is not later than now, today
    # The catalog, as an admin edits it (server/engine/catalog_versions.py).
    CATALOG_INVALID = "catalog_invalid"  # params: path (the field), reason
    CATALOG_VERSION_NOT_FOUND = "catalog_version_not_found"
    PREFIX_IN_USE_TODAY = "prefix_in_use_today"  # params: service_id, prefix
    SERVICE_IN_USE_TODAY = "service_in_use_today"  # params: service_id
    # Notifications (server/notify/).
    NOTIFICATION_NOT_FOUND = "notification_not_found"
    NOTIFICATION_NOT_DEAD = "notification_not_dead"  # only a message given up on is sent again by hand
    NOTIFY_CHANNEL_OFF = "notify_channel_off"  # params: channel; the server's notify file has no such channel
    NOTIFY_TICKET_NOT_WAITING = "notify_ticket_not_waiting"  # params: status; only a waiting ticket is told
    NOTIFY_TOO_MANY_CHANGES = "notify_too_many_changes"  # params: most; a ticket's number set that often already
    # A report's period (server/reports/period.py): its end before its start, or longer than a year.
    REPORT_PERIOD_REVERSED = "report_period_reversed"  # params: date_from, date_to
    REPORT_PERIOD_TOO_LONG = "report_period_too_long"  # params: days, most_days
    # The SKM survey (server/engine/survey.py); an unknown ticket is TICKET_NOT_FOUND.
    SURVEY_NOT_SERVED = "survey_not_served"              # the ticket has not reached done
    SURVEY_ALREADY_ANSWERED = "survey_already_answered"
    SURVEY_CLOSED = "survey_closed"                      # more than ANSWER_DAYS after its service date
    SURVEY_INVALID = "survey_invalid"                    # params: field (an answer missing or out of range)
    SURVEY_NONE_AT_LOKET = "survey_none_at_loket"        # no ticket finished there lately waits for an answer
    # The SKM report (server/skm/).
    SKM_ACTION_NOT_FOUND = "skm_action_not_found"        # params: id
    # Bookings (server/engine/bookings.py, core/booking.py).
    BOOKING_NOT_OFFERED = "booking_not_offered"            # the service takes no bookings
    BOOKING_DAY_OUT_OF_RANGE = "booking_day_out_of_range"  # params: date, first, last
    BOOKING_DAY_CLOSED = "booking_day_closed"  # params: date, reason, holiday, next_free_date, next_free_slot
    BOOKING_SLOT_UNKNOWN = "booking_slot_unknown"          # params: slot (not a slot of that day)
    BOOKING_SLOT_FULL = "booking_slot_full"                # params: date, slot, next_free_date, next_free_slot
    BOOKING_NIK_LIMIT = "booking_nik_limit"                # params: period ("day" or "week"), most
    BOOKING_CONSENT_REQUIRED = "booking_consent_required"  # a phone number given without consent
    BOOKING_RATE_LIMITED = "booking_rate_limited"          # params: retry_after (seconds)
    BOOKING_CODE_INVALID = "booking_code_invalid"          # fails its check digit or length: no look-up made
    BOOKING_NOT_FOUND = "booking_not_found"                # no such code, or the NIK's last four do not match
    BOOKING_CANCELLED = "booking_cancelled"                # params: by_staff (the MPP cancelled it, not its holder)
    BOOKING_ALREADY_CHECKED_IN = "booking_already_checked_in"  # params: code (the ticket's)
    BOOKING_NOT_TODAY = "booking_not_today"                # params: date (the booking's day)
    BOOKING_TOO_EARLY = "booking_too_early"                # params: slot, come_back_at ("HH:MM")
    BOOKING_TOO_LATE = "booking_too_late"                  # params: slot, late_minutes, walk_in, service_id
    BOOKING_NOT_CANCELLABLE = "booking_not_cancellable"    # params: status (checked in, no-show, slot passed)

    @classmethod
    def counter_not_open(cls, state: str) -> ErrorCode:
        """The refusal for a loket that must be open but is ``state`` (closed or paused)."""
        return cls.COUNTER_PAUSED if state == CounterState.PAUSED else cls.COUNTER_CLOSED
