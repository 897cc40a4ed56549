"""The devices page: every kiosk and board with its last heartbeat, printer, paper, version and last error;
enrol one (the one-time code large and as a QR code), rename, lock, unlock, revoke. A client of the same
DeviceAdmin calls as /api/v1/devices…, with the same roles: supervisors lock and unlock, the rest is the
admin's."""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import datetime
from typing import Any

import qrcode
import qrcode.image.svg
from fastapi import APIRouter, Request, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from core.wire import Device, EnrolmentCode
from server.api.schemas import DeviceName, NewDevice
from server.auth import MANAGER_ROLES, Role
from server.console.i18n import MESSAGES, texts
from server.console.pages import ConsoleRoute, checked_form, language, redirect, refusal_text, render, signed_in
from server.console.session import ConsoleSession
from server.console.site_time import site_clock
from server.errors import ApiError

router = APIRouter(route_class=ConsoleRoute)
ADMIN = frozenset({Role.ADMIN})
DONE_NOTICES = {"renamed": "devices.renamed_done", "locked": "devices.locked_done",
                "unlocked": "devices.unlocked_done", "revoked": "devices.revoked_done"}


def qr_data_url(text: str) -> str:
    """The text as a QR code, an SVG drawn here and inlined as a data: URL (the pages' CSP allows it)."""
    svg = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2).to_string()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()


def _reported(lang: str) -> Callable[[str, str | None], str]:
    """A device's own report (printer state, paper) in the page's words; a value it has none for, as sent."""
    t = texts(lang)

    def word(prefix: str, value: str | None) -> str:
        if not value:
            return ""
        return t(f"{prefix}.{value}") if f"{prefix}.{value}" in MESSAGES else value

    return word


def _silent_minutes(device: Device, now: datetime) -> int | None:
    if not device.silent or device.last_seen_at is None:
        return None
    return max(0, int((now - device.last_seen_at).total_seconds() // 60))


def _wording(request: Request) -> dict[str, Any]:
    """What the device templates use to word a row: silence, the device's own report, site time."""
    return {"silent_minutes": _silent_minutes, "reported": _reported(language(request)), "shown": site_clock(request)}


def _list(request: Request) -> tuple[list[Device], datetime]:
    accounts = request.app.state.accounts
    return accounts.list_devices(), accounts.clock.now()


async def _list_page(request: Request, session: ConsoleSession, *, status: int = 200, message: str | None = None,
                     typed: dict[str, Any] | None = None) -> Response:
    found, now = await run_in_threadpool(_list, request)
    key = DONE_NOTICES.get(request.query_params.get("done", ""))
    device = next((d for d in found if str(d.id) == request.query_params.get("device")), None)
    notice = texts(language(request))(key, name=device.name) if key and device else None
    return render(request, "devices.html", session=session, status=status, devices=found, now=now,
                  message=message, notice=notice, **_wording(request),
                  admin=session.principal.role == Role.ADMIN,
                  typed=typed or {"kind": "kiosk", "name": "", "replace": False})


@router.get("/console/devices", include_in_schema=False)
async def devices_page(request: Request) -> Response:
    session = signed_in(request, MANAGER_ROLES)
    return await _list_page(request, session)


@router.get("/console/devices/live", include_in_schema=False)
async def devices_live(request: Request) -> Response:
    """The list alone, for the page's script to put in place when the hall's stream says something changed
    (a lock, a rename, a revocation) and every half minute (heartbeats write no event)."""
    session = signed_in(request, MANAGER_ROLES)
    found, now = await run_in_threadpool(_list, request)
    return render(request, "devices_live.html", session=session, devices=found, now=now,
                  **_wording(request))


@router.post("/console/devices", include_in_schema=False)
async def enrol(request: Request) -> Response:
    """A one-time code, shown on this answer alone (large, and as a QR code for the device's setup)."""
    session = signed_in(request, ADMIN)
    fields = await checked_form(request, session)
    typed = {"kind": fields.get("kind", ""), "name": fields.get("name", "").strip(),
             "replace": fields.get("replace") == "yes"}
    t = texts(language(request))
    try:
        body = NewDevice.model_validate(typed)
        made: EnrolmentCode = await run_in_threadpool(
            request.app.state.accounts.devices.make_code, session.principal, Role(body.kind), body.name,
            replace=body.replace)
    except ValidationError:
        return await _list_page(request, session, status=422, typed=typed, message=t("devices.invalid"))
    except ApiError as refusal:
        message = refusal_text(language(request), refusal)
        return await _list_page(request, session, status=refusal.status, typed=typed, message=message)
    return render(request, "device_code.html", session=session, status=201, made=made,
                  qr=qr_data_url(made.scan_text), shown=site_clock(request))


def _one(request: Request, device_id: int) -> tuple[Device | None, datetime]:
    found, now = _list(request)
    return next((d for d in found if d.id == device_id), None), now


async def _device_page(request: Request, session: ConsoleSession, device_id: int, *, status: int = 200,
                       message: str | None = None, name: str | None = None, confirm_revoke: bool = False) -> Response:
    device, now = await run_in_threadpool(_one, request, device_id)
    if device is None:
        return render(request, "error.html", session=session, status=404, title_key="page.not_found.title",
                      text_key="error.device_not_found", params={}, message=None)
    return render(request, "device.html", session=session, status=status, device=device, now=now, message=message,
                  typed_name=name or device.name, **_wording(request),
                  admin=session.principal.role == Role.ADMIN, confirm_revoke=confirm_revoke)


@router.get("/console/devices/{device_id}", include_in_schema=False)
async def device_page(device_id: int, request: Request) -> Response:
    session = signed_in(request, MANAGER_ROLES)
    return await _device_page(request, session, device_id)


@router.post("/console/devices/{device_id}/name", include_in_schema=False)
async def rename(device_id: int, request: Request) -> Response:
    session = signed_in(request, ADMIN)
    fields = await checked_form(request, session)
    typed = fields.get("name", "").strip()
    try:
        body = DeviceName.model_validate({"name": typed})
        await run_in_threadpool(request.app.state.accounts.devices.rename, session.principal, device_id, body.name)
    except ValidationError:
        return await _device_page(request, session, device_id, status=422, name=typed,
                                  message=texts(language(request))("devices.invalid"))
    except ApiError as refusal:
        return await _device_page(request, session, device_id, status=refusal.status, name=typed,
                                  message=refusal_text(language(request), refusal))
    return redirect(request, f"/console/devices?done=renamed&device={device_id}")


async def _lock(request: Request, device_id: int, locked: bool) -> Response:
    session = signed_in(request, MANAGER_ROLES)
    await checked_form(request, session)
    try:
        await run_in_threadpool(lambda: request.app.state.accounts.devices.set_locked(
            session.principal, locked, device_id=device_id))
    except ApiError as refusal:
        return await _device_page(request, session, device_id, status=refusal.status,
                                  message=refusal_text(language(request), refusal))
    return redirect(request, f"/console/devices?done={'locked' if locked else 'unlocked'}&device={device_id}")


@router.post("/console/devices/{device_id}/lock", include_in_schema=False)
async def lock(device_id: int, request: Request) -> Response:
    """Out of service at once: its writes are refused, it keeps its heartbeat and shows why."""
    return await _lock(request, device_id, True)


@router.post("/console/devices/{device_id}/unlock", include_in_schema=False)
async def unlock(device_id: int, request: Request) -> Response:
    return await _lock(request, device_id, False)


@router.post("/console/devices/{device_id}/revoke", include_in_schema=False)
async def revoke(device_id: int, request: Request) -> Response:
    """Asked twice: the first form leads to a page that says what revoking does, the second revokes."""
    session = signed_in(request, ADMIN)
    fields = await checked_form(request, session)
    if fields.get("confirm") != "yes":
        return await _device_page(request, session, device_id, confirm_revoke=True)
    try:
        await run_in_threadpool(lambda: request.app.state.accounts.devices.revoke(
            session.principal, device_id=device_id))
    except ApiError as refusal:
        return await _device_page(request, session, device_id, status=refusal.status,
                                  message=refusal_text(language(request), refusal))
    return redirect(request, f"/console/devices?done=revoked&device={device_id}")
