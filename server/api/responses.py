"""What a route may answer besides its result, for OpenAPI: each refusal's HTTP status, the error
document's schema, and the error codes the route can send with that status."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from core.wire import ErrorCode, ErrorDocument

E = ErrorCode

# The status each code is sent with. A code sent with two statuses lists the first; the second is
# named where the route is declared (ticket_not_at_your_counter: 409 to its officer, 403 to others).
STATUS: dict[ErrorCode, int] = {
    E.BAD_REQUEST: 400, E.BAD_HTTP: 400, E.MALFORMED_JSON: 400, E.TOO_MANY_PIPELINED: 400,
    E.IDEMPOTENCY_KEY_REQUIRED: 400, E.INVALID_IDEMPOTENCY_KEY: 400, E.INVALID_LAST_EVENT_ID: 400,
    E.UNAUTHORIZED: 401, E.INVALID_TOKEN: 401, E.TOKEN_RENEWED: 401, E.BAD_CREDENTIALS: 401,
    E.BAD_ENROLLMENT_CODE: 401, E.ACCOUNT_DISABLED: 401,
    E.FORBIDDEN: 403, E.DEVICE_LOCKED: 403, E.COUNTER_NOT_YOURS: 403, E.NOT_YOUR_TICKET: 403,
    E.NOT_FOUND: 404, E.COUNTER_NOT_FOUND: 404, E.SERVICE_NOT_FOUND: 404, E.TICKET_NOT_FOUND: 404,
    E.METHOD_NOT_ALLOWED: 405, E.REQUEST_TIMEOUT: 408,
    E.CONFLICT: 409, E.WRITE_CONFLICT: 409, E.QUEUE_BUSY: 409, E.QUEUE_EMPTY: 409, E.NOTHING_TO_RECALL: 409,
    E.COUNTER_TAKEN: 409, E.COUNTER_CLOSED: 409, E.COUNTER_PAUSED: 409, E.COUNTER_NOT_PAUSED: 409,
    E.PAUSE_UNTIL_PASSED: 422,
    E.INVALID_TRANSITION: 409, E.TICKET_IN_PROGRESS: 409, E.TICKET_NOT_AT_YOUR_COUNTER: 409,
    E.NO_SHOW_TOO_EARLY: 409, E.TICKET_OF_ANOTHER_DAY: 409,
    E.SERVICE_INACTIVE: 409, E.HOLIDAY: 409, E.CLOSED_DAY: 409, E.NOT_OPEN_YET: 409, E.CLOSED_FOR_TODAY: 409,
    E.ON_BREAK: 409, E.QUOTA_EXHAUSTED: 409, E.CLOSED: 409,
    E.AGENCY_STOPPED_TODAY: 409, E.SERVICE_CLOSED_TODAY: 409, E.QUOTA_BELOW_ISSUED: 409, E.AGENCY_NOT_FOUND: 404,
    E.BODY_TOO_LARGE: 413, E.UNSUPPORTED_MEDIA_TYPE: 415,
    E.MISSING_FIELD: 422, E.INVALID_REQUEST: 422, E.IDEMPOTENCY_KEY_REUSED: 422, E.INVALID_CODE: 422,
    E.INVALID_NIK: 422, E.INVALID_PRIORITY: 422, E.INVALID_SERVICE_IDS: 422, E.INVALID_TRANSFER_TARGET: 422,
    E.TAKE_OVER_REASON_REQUIRED: 422, E.PASSWORD_TOO_SHORT: 422, E.PASSWORD_UNCHANGED: 422,
    E.PASSWORD_CHANGE_REQUIRED: 403, E.WRONG_CURRENT_PASSWORD: 403,
    E.PRIORITY_NOT_ALLOWED: 422,
    E.USER_NOT_FOUND: 404, E.DEVICE_NOT_FOUND: 404, E.USER_EXISTS: 409, E.LAST_ADMIN: 409,
    E.DEVICE_NAME_TAKEN: 409, E.INVALID_USERNAME: 422,
    E.CATALOG_INVALID: 422, E.CATALOG_VERSION_NOT_FOUND: 404, E.PREFIX_IN_USE_TODAY: 409,
    E.SERVICE_IN_USE_TODAY: 409,
    E.NOTIFICATION_NOT_FOUND: 404, E.NOTIFICATION_NOT_DEAD: 409, E.NOTIFY_CHANNEL_OFF: 409,
    E.NOTIFY_TICKET_NOT_WAITING: 409, E.NOTIFY_TOO_MANY_CHANGES: 409,
    E.REPORT_PERIOD_REVERSED: 422, E.REPORT_PERIOD_TOO_LONG: 422,
    E.SURVEY_NOT_SERVED: 409, E.SURVEY_ALREADY_ANSWERED: 409, E.SURVEY_CLOSED: 409, E.SURVEY_INVALID: 422,
    E.SURVEY_NONE_AT_LOKET: 404,
    E.SKM_ACTION_NOT_FOUND: 404,
    E.BOOKING_NOT_OFFERED: 409, E.BOOKING_DAY_OUT_OF_RANGE: 422, E.BOOKING_DAY_CLOSED: 409,
    E.BOOKING_SLOT_UNKNOWN: 422, E.BOOKING_SLOT_FULL: 409, E.BOOKING_NIK_LIMIT: 409,
    E.BOOKING_CONSENT_REQUIRED: 422, E.BOOKING_RATE_LIMITED: 429, E.BOOKING_CODE_INVALID: 422,
    E.BOOKING_NOT_FOUND: 404, E.BOOKING_CANCELLED: 409, E.BOOKING_ALREADY_CHECKED_IN: 409,
    E.BOOKING_NOT_TODAY: 409, E.BOOKING_TOO_EARLY: 409, E.BOOKING_TOO_LATE: 409, E.BOOKING_NOT_CANCELLABLE: 409,
    E.TRANSFER_LOKET_NOT_FOUND: 422, E.TRANSFER_LOKET_NOT_SERVING: 409, E.TRANSFER_LOKET_NOT_OPEN: 409,
    E.LOGIN_LOCKED: 429, E.HEADERS_TOO_LARGE: 431,
    E.INTERNAL_ERROR: 500, E.HTTP_ERROR: 500,
    E.SERVER_BUSY: 503, E.STORAGE_UNAVAILABLE: 503, E.CLOCK_UNSETTLED: 503, E.NO_CATALOG: 503,
}

# Any route: what the HTTP layer, the request guard and the error handlers may answer for it.
ANY_ROUTE = (E.BAD_HTTP, E.TOO_MANY_PIPELINED, E.REQUEST_TIMEOUT, E.HEADERS_TOO_LARGE, E.SERVER_BUSY,
             E.BODY_TOO_LARGE, E.INVALID_REQUEST, E.MISSING_FIELD, E.INTERNAL_ERROR, E.STORAGE_UNAVAILABLE)
SIGNED_IN = (E.UNAUTHORIZED, E.INVALID_TOKEN, E.ACCOUNT_DISABLED, E.FORBIDDEN, E.PASSWORD_CHANGE_REQUIRED)
WITH_BODY = (E.MALFORMED_JSON, E.BAD_REQUEST)
CLOSED_SERVICE = (E.SERVICE_INACTIVE, E.HOLIDAY, E.CLOSED_DAY, E.NOT_OPEN_YET, E.CLOSED_FOR_TODAY, E.ON_BREAK,
                  E.QUOTA_EXHAUSTED, E.CLOSED, E.AGENCY_STOPPED_TODAY, E.SERVICE_CLOSED_TODAY)
# Outside any route: an unknown path, a wrong method, a refused content type, another HTTP error.
NO_ROUTE = (E.NOT_FOUND, E.METHOD_NOT_ALLOWED, E.UNSUPPORTED_MEDIA_TYPE, E.HTTP_ERROR)


def refusals(*codes: ErrorCode | Iterable[ErrorCode], also: dict[ErrorCode, int] | None = None,
             signed_in: bool = True) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` of a route that may send ``codes`` (and the codes of every route), one
    entry per status; ``also`` names a code sent with a second status."""
    chosen: list[ErrorCode] = list(ANY_ROUTE) + (list(SIGNED_IN) if signed_in else [])
    for code in codes:
        chosen.extend([code] if isinstance(code, ErrorCode) else code)
    by_status: dict[int, list[ErrorCode]] = defaultdict(list)
    for code in dict.fromkeys(chosen):
        by_status[STATUS[code]].append(code)
    for code, status in (also or {}).items():
        by_status[status].append(code)
    return {status: {"model": ErrorDocument, "x-error-codes": [c.value for c in found],
                     "description": "Refused; `error.code` is one of: " + ", ".join(f"`{c.value}`" for c in found)}
            for status, found in sorted(by_status.items())}

