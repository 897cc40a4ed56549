"""The HTTP client of the central backend: one session, explicit timeouts, typed models back, one
error hierarchy, and retries only for requests that may safely run twice."""

from __future__ import annotations

import itertools
import logging
import re
import uuid
from collections.abc import Callable, Mapping
from datetime import date, time
from typing import Any, TypeVar

import requests
from pydantic import TypeAdapter

from core import __version__
from core.errors import BackendError, BackendStatusError, BackendTimeout, BackendUnreachable
from core.models import Catalog, Counter, CounterQueue, DailyReport, Health, HeartbeatReply, Login, PublicTicket, Ticket
from core.retry import RetryPolicy, parse_retry_after
from core.wire import Enrollment, ErrorDetail, PasswordChanged, RecentCalls, SurveyAnswered, SurveyForm

log = logging.getLogger(__name__)
API_PREFIX = "/api/v1"
T = TypeVar("T")
_SECRET_IN_PATH = re.compile(r"(/tickets/status/|/survey/ticket/)[^/?]+")
_COUNTERS = TypeAdapter(list[Counter])


def translate(exc: requests.RequestException) -> BackendError:
    """The one place where a ``requests`` failure becomes an error of ``kiosk.errors``."""
    if isinstance(exc, requests.ConnectTimeout):  # nothing was sent: as good as unreachable
        return BackendUnreachable(f"could not connect in time: {type(exc).__name__}")
    if isinstance(exc, requests.Timeout):
        return BackendTimeout(f"no answer in time: {type(exc).__name__}")
    if isinstance(exc, (requests.ConnectionError, requests.exceptions.ChunkedEncodingError)):
        return BackendUnreachable(f"connection failed: {type(exc).__name__}")
    return BackendError(f"request failed: {type(exc).__name__}", code="request_failed")


def status_error(resp: requests.Response) -> BackendStatusError:
    """An answer of 4xx/5xx as an error; the server's error document gives code, params, request id.
    A code this app does not know yet (a newer server) is kept as it came."""
    doc: Any = None
    try:
        doc = resp.json().get("error")
    except (ValueError, AttributeError):
        pass  # e.g. an HTML page from a reverse proxy: keep the status, make up the code
    request_id = resp.headers.get("X-Request-ID")
    if not isinstance(doc, dict):
        return BackendStatusError(resp.status_code, f"http_{resp.status_code}", resp.reason or "",
                                  request_id=request_id)
    try:
        known = ErrorDetail.model_validate(doc)
    except ValueError:
        return BackendStatusError(resp.status_code, str(doc.get("code") or f"http_{resp.status_code}"),
                                  str(doc.get("message") or ""), params=doc.get("params") or {},
                                  request_id=doc.get("request_id") or request_id)
    return BackendStatusError(resp.status_code, known.code.value, known.message, params=known.params,
                              request_id=known.request_id or request_id)


class BackendClient:
    def __init__(self, base_url: str, token: str | None = None, *, session: requests.Session | None = None,
                 connect_timeout: float = 3.05, read_timeout: float = 10.0,
                 retry: RetryPolicy | None = None) -> None:
        root = base_url.rstrip("/")
        self.base_url = root[: -len(API_PREFIX)] if root.endswith(API_PREFIX) else root
        self.token = token
        self.session = session or requests.Session()
        self.timeout = (connect_timeout, read_timeout)
        self.retry = retry or RetryPolicy()

    def __repr__(self) -> str:  # never the token
        return f"BackendClient({self.base_url!r}, token={'set' if self.token else 'none'})"

    def close(self) -> None:
        self.session.close()

    @staticmethod
    def new_idempotency_key() -> str:
        """Made once per tap, before the first attempt, and sent unchanged on every retry."""
        return str(uuid.uuid4())

    # ----------------------------------------------------------------- sending

    def _exchange(self, method: str, path: str, *, headers: Mapping[str, str],
                  **kw: Any) -> requests.Response:
        try:
            return self.session.request(method, f"{self.base_url}{API_PREFIX}{path}", headers=headers,
                                        timeout=self.timeout, **kw)
        except requests.RequestException as e:
            raise translate(e) from e

    def _send(self, method: str, path: str, *, idempotency_key: str | None = None, repeatable: bool = False,
              **kw: Any) -> requests.Response:
        """Send with retries where safe; the decisions are the policy's, the waiting its ``sleep``.
        ``repeatable``: a POST that may run twice by its nature (a state report), retried like a keyed one."""
        headers = {"Accept": "application/json", "User-Agent": f"anjungan/{__version__}"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        where = _SECRET_IN_PATH.sub(r"\1…", path)
        for attempt in itertools.count(1):
            resp: requests.Response | None = None
            try:
                resp = self._exchange(method, path, headers=headers, **kw)
            except BackendError as err:
                outcome: int | BackendError = err
            else:
                if resp.status_code < 400:
                    return resp
                outcome = resp.status_code
            if not self.retry.should_retry(method, outcome, attempt,
                                           keyed=idempotency_key is not None or repeatable):
                if isinstance(outcome, BackendError):
                    raise outcome
                assert resp is not None
                raise status_error(resp)
            retry_after = parse_retry_after(resp.headers.get("Retry-After")) if resp is not None else None
            wait = self.retry.delay(attempt, retry_after)
            log.warning("%s %s failed (%s), attempt %d; retrying in %.2f s", method, where,
                        outcome if isinstance(outcome, int) else type(outcome).__name__, attempt, wait)
            self.retry.sleep(wait)
        raise AssertionError("unreachable")

    def _call(self, method: str, path: str, build: Callable[[Any], T], **kw: Any) -> T:
        return self._decode(self._send(method, path, **kw), build)

    @staticmethod
    def _decode(resp: requests.Response, build: Callable[[Any], T]) -> T:
        try:
            return build(resp.json())
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise BackendError(f"unexpected answer from the server: {type(e).__name__}",
                               code="bad_response") from e

    # ----------------------------------------------------------------- public, devices, sign-in

    def health(self) -> Health:
        return self._call("GET", "/health", Health.model_validate)

    def catalog(self) -> Catalog:
        return self._call("GET", "/catalog", Catalog.model_validate)

    def enroll(self, code: str) -> str:
        """Trade a one-time enrolment code for this device's token, and use it from now on."""
        self.token = self._call("POST", "/devices/enroll", Enrollment.model_validate,
                                json={"code": code}).token
        return self.token

    def heartbeat(self, state: Mapping[str, Any]) -> HeartbeatReply:
        # A report of this device's state: sent twice, the second says the same.
        return self._call("POST", "/devices/heartbeat", HeartbeatReply.model_validate, json=dict(state),
                          repeatable=True)

    def login(self, username: str, password: str) -> Login:
        result = self._call("POST", "/auth/login", Login.model_validate,
                            json={"username": username, "password": password})
        self.token = result.token
        return result

    def renew(self) -> Login:
        result = self._call("POST", "/auth/renew", Login.model_validate)
        self.token = result.token
        return result

    def change_password(self, current: str, new: str) -> PasswordChanged:
        """The signed-in officer's own new password (``must_change_password`` accounts first of all)."""
        return self._call("POST", "/auth/password", PasswordChanged.model_validate,
                          json={"current_password": current, "new_password": new})

    def logout(self) -> None:
        """Revoke this sign-in on the server (the caller forgets the token)."""
        self._send("POST", "/auth/logout")

    # ----------------------------------------------------------------- tickets

    def issue_ticket(self, service_id: str, priority: str | None = None, nik: str | None = None, *,
                     idempotency_key: str) -> tuple[Ticket, bool]:
        """Issue a ticket; ``replayed`` is True when the server returned the one this key made before."""
        body: dict[str, Any] = {"service_id": service_id}
        if priority:
            body["priority"] = str(getattr(priority, "value", priority))
        if nik:
            body["nik"] = nik
        return self._issued(self._send("POST", "/tickets", json=body, idempotency_key=idempotency_key))

    def check_in_booking(self, *, token: str | None = None, code: str | None = None, nik_last4: str | None = None,
                         idempotency_key: str) -> tuple[Ticket, bool]:
        """A booking's ticket, by its scanned ``token`` or its typed ``code`` and the NIK's last four digits;
        the same key and replay rules as ``issue_ticket``."""
        body = {"token": token} if token else {"code": code, "nik_last4": nik_last4}
        return self._issued(self._send("POST", "/bookings/check-in", json=body, idempotency_key=idempotency_key))

    def _issued(self, resp: requests.Response) -> tuple[Ticket, bool]:
        """The ticket a keyed POST answered with, and whether it is the replay of an earlier one."""
        replayed = resp.headers.get("Idempotent-Replayed", "").lower() == "true" or resp.status_code == 200
        return self._decode(resp, Ticket.model_validate), replayed

    def report_print(self, ticket_id: int, status: str, reason: str = "") -> Ticket:
        return self._call("POST", f"/tickets/{ticket_id}/print-result", Ticket.model_validate,
                          json={"status": status, "reason": reason})

    def lookup_ticket(self, code: str, date: date | None = None) -> Ticket:
        params = {"code": code, **({"date": date.isoformat()} if date else {})}
        return self._call("GET", "/tickets/lookup", Ticket.model_validate, params=params)

    def get_ticket(self, ticket_id: int) -> Ticket:
        return self._call("GET", f"/tickets/{ticket_id}", Ticket.model_validate)

    def ticket_status(self, token: str) -> PublicTicket:
        return self._call("GET", f"/tickets/status/{token}", PublicTicket.model_validate)

    def start(self, ticket_id: int) -> Ticket:
        return self._call("POST", f"/tickets/{ticket_id}/start", Ticket.model_validate)

    def finish(self, ticket_id: int) -> Ticket:
        return self._call("POST", f"/tickets/{ticket_id}/finish", Ticket.model_validate)

    def no_show(self, ticket_id: int) -> Ticket:
        return self._call("POST", f"/tickets/{ticket_id}/no-show", Ticket.model_validate)

    def requeue(self, ticket_id: int) -> Ticket:
        """Back to waiting: a ticket in hand, or a no-show whose citizen came late the same day."""
        return self._call("POST", f"/tickets/{ticket_id}/requeue", Ticket.model_validate)

    def cancel(self, ticket_id: int) -> Ticket:
        return self._call("POST", f"/tickets/{ticket_id}/cancel", Ticket.model_validate)

    def transfer(self, ticket_id: int, service_id: str, counter_id: int | None = None, note: str = "") -> Ticket:
        """To another service's queue; ``counter_id`` names the one loket to call it, ``note`` is for
        the officer there."""
        body: dict[str, Any] = {"service_id": service_id}
        if counter_id is not None:
            body["counter_id"] = counter_id
        if note:
            body["note"] = note
        return self._call("POST", f"/tickets/{ticket_id}/transfer", Ticket.model_validate, json=body)

    # ----------------------------------------------------------------- counters and reports

    def counters(self) -> list[Counter]:
        return self._call("GET", "/counters", _COUNTERS.validate_python)

    def recent_calls(self, limit: int = 12, lokets: tuple[int, ...] = ()) -> RecentCalls:
        """Today's latest calls, newest first, one per ticket (of ``lokets`` only, when given): what a
        board shows again after a restart."""
        return self._call("GET", "/calls/recent", RecentCalls.model_validate,
                          params={"limit": limit, "loket": list(lokets)})

    def open_counter(self, counter_id: int, service_ids: list[str] | None = None, reason: str = "") -> Counter:
        """Open a loket; ``reason`` is a supervisor's for taking over one another officer has open."""
        body: dict[str, Any] = {"service_ids": list(service_ids)} if service_ids else {}
        if reason:
            body["reason"] = reason
        return self._call("POST", f"/counters/{counter_id}/open", Counter.model_validate, json=body or None)

    def close_counter(self, counter_id: int, reason: str = "") -> Counter:
        """Close a loket; ``reason`` is a supervisor's for closing one another officer left open."""
        return self._call("POST", f"/counters/{counter_id}/close", Counter.model_validate,
                          json={"reason": reason} if reason else None)

    def call_next(self, counter_id: int) -> Counter:
        return self._call("POST", f"/counters/{counter_id}/call-next", Counter.model_validate)

    def recall(self, counter_id: int) -> Counter:
        return self._call("POST", f"/counters/{counter_id}/recall", Counter.model_validate)

    def pause(self, counter_id: int, reason: str = "", until: time | None = None) -> Counter:
        """Pause the loket; ``until``, the expected return on the site's clock today, if said."""
        body: dict[str, str] = {"reason": reason}
        if until is not None:
            body["until"] = f"{until:%H:%M}"
        return self._call("POST", f"/counters/{counter_id}/pause", Counter.model_validate, json=body)

    def resume(self, counter_id: int) -> Counter:
        return self._call("POST", f"/counters/{counter_id}/resume", Counter.model_validate)

    def counter_queue(self, counter_id: int) -> CounterQueue:
        return self._call("GET", f"/counters/{counter_id}/queue", CounterQueue.model_validate)

    def daily_report(self, date: date | None = None) -> DailyReport:
        params = {"date": date.isoformat()} if date else None
        return self._call("GET", "/reports/daily", DailyReport.model_validate, params=params)

    # ----------------------------------------------------------------- the SKM survey

    def survey_by_token(self, token: str) -> SurveyForm:
        """The survey of the ticket whose status QR holds ``token`` (scanned at the kiosk)."""
        return self._call("GET", f"/survey/ticket/{token}", SurveyForm.model_validate)

    def survey_by_code(self, code: str) -> SurveyForm:
        """The survey of today's ticket with ``code`` (typed at the kiosk)."""
        return self._call("GET", f"/survey/code/{code}", SurveyForm.model_validate)

    def survey_at_loket(self, loket_id: int) -> SurveyForm:
        """The survey of the ticket finished last at ``loket_id``, for the tablet there."""
        return self._call("GET", f"/survey/loket/{loket_id}", SurveyForm.model_validate)

    def answer_survey(self, body: Mapping[str, Any]) -> SurveyAnswered:
        """Send one citizen's answers (``ref`` from the form says which ticket); once per ticket."""
        return self._call("POST", "/survey", SurveyAnswered.model_validate, json=dict(body))
