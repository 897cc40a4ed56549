"""The wire contract holds on the server's side: every code it can send is an ``ErrorCode``, every
route declares its answer and its refusals in OpenAPI, and its real answers parse into the apps'
models without losing a field."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from pydantic import TypeAdapter

from core.client import BackendClient
from core.schedule import Closed
from core.survey import Unsur
from core.wire import (
    AuditPage,
    Catalog,
    Counter,
    CounterQueue,
    CounterRef,
    CounterState,
    DailyReport,
    Device,
    ErrorCode,
    Event,
    EventType,
    Health,
    HeartbeatReply,
    Login,
    PublicTicket,
    Ticket,
    TicketEvent,
    TodaySwitches,
    WireModel,
    payload_of,
)
from server.api.responses import NO_ROUTE
from server.engine.statements import ticket_row
from server.errors import ApiError
from server.events import events_after
from server.views import counter_ref, event_ticket, ticket_json
from tests.support.server import live_server

ROOT = Path(__file__).resolve().parents[2]
# Calls whose second argument is the error code they send.
SENDERS = {"ApiError": 1, "_refuse": 1, "error_answer": 1, "error_body": 1}


def _codes_written_in_server() -> list[tuple[str, int, str]]:
    """Each string literal passed as an error code in server/, with where it is written."""
    found = []
    for path in sorted((ROOT / "server").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            at = SENDERS.get(name)
            if at is None or len(node.args) <= at:
                continue
            arg = node.args[at]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append((str(path.relative_to(ROOT)), node.lineno, arg.value))
            elif isinstance(arg, ast.JoinedStr):
                found.append((str(path.relative_to(ROOT)), node.lineno, ast.unparse(arg)))
    return found


def test_the_server_names_every_error_code_it_sends_by_its_member() -> None:
    """No code is written as a string (a typo would reach a client that cannot translate it), nor
    built from one at run time: ``ErrorCode.X``, or a helper such as ``ErrorCode.counter_not_open``."""
    written = [f"{path}:{line} {code}" for path, line, code in _codes_written_in_server()]
    assert not written, f"write these as ErrorCode members: {written}"


def test_codes_made_at_run_time_are_members_too() -> None:
    """A closed service sends its reason as the code; a loket that must be open sends its state."""
    reasons = {value for name, value in vars(Closed).items() if name.isupper()}
    assert reasons and reasons <= {c.value for c in ErrorCode}
    for state in CounterState:
        if state is not CounterState.OPEN:
            assert ErrorCode(f"counter_{state.value}") is ErrorCode.counter_not_open(state.value)


def test_a_bare_string_that_is_no_error_code_is_refused_where_it_is_raised() -> None:
    assert ApiError(409, "queue_empty", "…").code is ErrorCode.QUEUE_EMPTY
    with pytest.raises(ValueError):
        ApiError(409, "no_such_code", "…")


# ----------------------------------------------------------------- OpenAPI


@pytest.fixture(scope="module")
def openapi(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    with live_server(tmp_path_factory.mktemp("openapi")) as live:
        return live.http.get(f"{live.api}/openapi.json", timeout=15).json()


def _operations(doc: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(method.upper(), path, op) for path, item in doc["paths"].items() for method, op in item.items()
            if path.startswith("/api/v1/")]


def test_every_route_declares_the_schema_of_its_answer(openapi: dict[str, Any]) -> None:
    missing = []
    for method, path, op in _operations(openapi):
        ok = [r for status, r in op["responses"].items() if status.startswith("2")]
        schemas = [m.get("schema") for r in ok for m in r.get("content", {}).values()]
        if not any(s and s != {} for s in schemas):
            missing.append(f"{method} {path}")
    assert not missing, f"routes without an answer schema: {missing}"


def test_every_route_documents_its_refusals_with_the_error_document(openapi: dict[str, Any]) -> None:
    for method, path, op in _operations(openapi):
        refusals = {s: r for s, r in op["responses"].items() if s[0] in "45"}
        assert "422" in refusals and "500" in refusals, f"{method} {path}"
        for status, r in refusals.items():
            schema = r["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorDocument"}, f"{method} {path} {status}"
            assert r["x-error-codes"], f"{method} {path} {status}"


def test_openapi_names_every_error_code(openapi: dict[str, Any]) -> None:
    """The ErrorCode schema lists them all; the routes' refusals name all that a route can send."""
    assert set(openapi["components"]["schemas"]["ErrorCode"]["enum"]) == {c.value for c in ErrorCode}
    named = {code for _, _, op in _operations(openapi) for r in op["responses"].values()
             for code in r.get("x-error-codes", ())}
    assert named | {c.value for c in NO_ROUTE} == {c.value for c in ErrorCode}


# ----------------------------------------------------------------- real answers, parsed


def _same(model: WireModel, answer: Any) -> None:
    """The model read the whole answer: written back, it is the answer, field for field."""
    assert model.model_dump(mode="json") == answer


def test_the_apps_models_read_the_real_answers_whole(server) -> None:
    """GIVEN the real server on loopback WHEN the apps' client asks for each kind of answer
    THEN each parses into its model, and that model written back is the server's answer."""
    kiosk = BackendClient(server.url, server.tokens["kiosk"])
    staff = BackendClient(server.url, server.tokens["staff1"])
    manager = BackendClient(server.url, server.tokens["admin"])

    def raw(client: BackendClient, method: str, path: str, **kw: Any) -> Any:
        return client._send(method, path, **kw).json()

    _same(Health.model_validate(raw(kiosk, "GET", "/health")), raw(kiosk, "GET", "/health"))
    catalog = raw(kiosk, "GET", "/catalog")
    _same(Catalog.model_validate(catalog), catalog)
    ticket, _ = kiosk.issue_ticket("kk", idempotency_key=kiosk.new_idempotency_key())
    _same(ticket, raw(kiosk, "GET", f"/tickets/{ticket.id}"))
    status = raw(kiosk, "GET", f"/tickets/status/{ticket.token}")
    _same(PublicTicket.model_validate(status), status)
    counter = staff.open_counter(1)
    called = staff.call_next(counter.id)
    assert called.current_ticket is not None and called.current_ticket.code == ticket.code
    _same(Counter.model_validate(raw(staff, "GET", "/counters")[0]), raw(staff, "GET", "/counters")[0])
    queue = raw(staff, "GET", f"/counters/{counter.id}/queue")
    _same(CounterQueue.model_validate(queue), queue)
    staff.start(ticket.id)
    staff.finish(ticket.id)
    report = raw(manager, "GET", "/reports/daily")
    _same(DailyReport.model_validate(report), report)
    devices = raw(manager, "GET", "/devices")
    assert [d.model_dump(mode="json") for d in TypeAdapter(list[Device]).validate_python(devices)] == devices
    beat = raw(kiosk, "POST", "/devices/heartbeat", json={"printer_state": "online", "paper": "ok"})
    _same(HeartbeatReply.model_validate(beat), beat)
    manager.issue_ticket("ktp", idempotency_key=manager.new_idempotency_key())
    for path, body in (("/today/services/ktp/closed", {"note": "rapat"}), ("/today/services/ktp/quota", {"quota": 9}),
                       ("/today/agencies/imigrasi/stopped", {}), ("/today/running-text", {"text": "Halo"})):
        raw(manager, "PUT", path, json=body)
    today = raw(manager, "GET", "/today")
    assert today["closed_services"] and today["quotas"] and today["stopped_agencies"] and today["running_text"]
    _same(TodaySwitches.model_validate(today), today)
    catalog = raw(kiosk, "GET", "/catalog")
    _same(Catalog.model_validate(catalog), catalog)
    audit = raw(manager, "GET", "/audit", params={"limit": 2})
    assert len(audit["entries"]) == 2 and audit["next_cursor"]
    _same(AuditPage.model_validate(audit), audit)
    login = raw(BackendClient(server.url), "POST", "/auth/login",
                json={"username": "staff2", "password": "rahasia-123"})
    _same(Login.model_validate(login), login)


def test_every_event_the_server_wrote_has_the_payload_its_type_names(server) -> None:
    kiosk = BackendClient(server.url, server.tokens["kiosk"])
    staff = BackendClient(server.url, server.tokens["staff1"])
    ticket, _ = kiosk.issue_ticket("kk", idempotency_key=kiosk.new_idempotency_key())
    staff.open_counter(1)
    staff.call_next(1)
    staff.recall(1)
    staff.start(ticket.id)
    staff.finish(ticket.id)
    ref = server.call("GET", f"/survey/ticket/{ticket.token}").json()["ref"]
    assert server.call("POST", "/survey", json={
        "ref": ref, "answers": dict.fromkeys(Unsur, 4), "gender": "perempuan", "education": "s1",
        "occupation": "pns"}).status_code == 201
    kiosk.heartbeat({"printer_state": "offline", "paper": "out"})
    assert server.call("PUT", "/today/running-text", "super", json={"text": "Selamat datang"}).status_code == 200
    assert server.call("POST", "/bookings", json={"service_id": "paspor", "date": "2026-11-24", "slot": "09:00",
                                                  "nik": "3604011709900001"}).status_code == 201
    with server.services.engine.db.read() as conn:
        written = events_after(conn, 0)
    for raw in written:
        event = Event.model_validate_json(json.dumps(raw))
        payload = payload_of(event)
        assert payload is not None, raw
        assert set(event.data) <= set(type(payload).model_fields), raw
        assert payload.model_dump(mode="json", include=set(event.data)) == event.data, raw
    assert {e["type"] for e in written} == set(EventType)


def test_the_hot_paths_hand_built_dicts_have_the_shape_of_their_models(server) -> None:
    """server/views.py builds a ticket's dicts by hand, with no validation per ticket (the issue
    route's speed): they must carry exactly the model's fields, and parse."""
    kiosk = BackendClient(server.url, server.tokens["kiosk"])
    staff = BackendClient(server.url, server.tokens["staff1"])
    issued, _ = kiosk.issue_ticket("kk", idempotency_key=kiosk.new_idempotency_key())
    staff.open_counter(1)
    staff.call_next(1)
    engine = server.services.engine
    cat = engine.catalog()
    with engine.db.read() as conn:
        row = ticket_row(conn, issued.id)
    loket = counter_ref(SimpleNamespace(id=1, name="Loket 1"))
    as_ticket = ticket_json(row, cat, people_ahead=0, eta_minutes=0, counter=loket, public_url=server.url)
    assert set(as_ticket) == set(Ticket.model_fields)
    _same(Ticket.model_validate(as_ticket), json.loads(json.dumps(as_ticket)))
    as_event = event_ticket(row, cat, loket)
    assert set(as_event) <= set(TicketEvent.model_fields)
    assert TicketEvent.model_validate(as_event).counter == CounterRef(id=1, name="Loket 1")
