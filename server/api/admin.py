"""The office's staff accounts and devices: admins manage both; supervisors may also lock and unlock a
device in the hall. The same functions serve the command line (server/staff_admin.py,
server/device_admin.py), so both obey the same rules and write the same audit log."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response

from core.wire import DeviceRef, EnrolmentCode, StaffPassword, StaffUser
from core.wire import ErrorCode as E
from server.api.deps import accounts, password_work, require
from server.api.responses import WITH_BODY, refusals
from server.api.schemas import DeviceName, NewDevice, NewStaff, PasswordReset, RowId, StaffRoleChange, Text
from server.auth import MANAGER_ROLES, Principal, Role

router = APIRouter()
ADMIN = frozenset({Role.ADMIN})


def _secret_answer(response: Response) -> None:
    """An answer carrying a one-time password or code: no cache or proxy may keep it."""
    response.headers["Cache-Control"] = "no-store"


# ----------------------------------------------------------------- staff


@router.get("/staff", response_model=list[StaffUser], responses=refusals())
def list_staff(request: Request, _: Principal = Depends(require(ADMIN))) -> list[StaffUser]:
    return accounts(request).staff.all_users()


@router.post("/staff", response_model=StaffPassword, status_code=201,
             responses=refusals(WITH_BODY, E.USER_EXISTS, E.INVALID_USERNAME, E.PASSWORD_TOO_SHORT))
async def add_staff(body: NewStaff, request: Request, response: Response,
                    who: Principal = Depends(require(ADMIN))) -> StaffPassword:
    """A new account that must choose its own password at the first sign-in; without ``password``
    the server makes one and answers it this once."""
    _secret_answer(response)
    staff = accounts(request).staff
    return await password_work(request, lambda: staff.add(who, body.username, Role(body.role), body.display_name,
                                                     body.password))


@router.post("/staff/{username}/password-reset", response_model=StaffPassword,
             responses=refusals(WITH_BODY, E.USER_NOT_FOUND, E.PASSWORD_TOO_SHORT))
async def reset_password(username: Text, request: Request, response: Response, body: PasswordReset | None = None,
                         who: Principal = Depends(require(ADMIN))) -> StaffPassword:
    """A new password the officer must change at the next sign-in; every sign-in of theirs ends now."""
    _secret_answer(response)
    staff = accounts(request).staff
    password = body.password if body is not None else None
    return await password_work(request, lambda: staff.reset_password(who, username, password))


@router.put("/staff/{username}/role", response_model=StaffUser,
            responses=refusals(WITH_BODY, E.USER_NOT_FOUND, E.LAST_ADMIN))
def set_role(username: Text, body: StaffRoleChange, request: Request,
             who: Principal = Depends(require(ADMIN))) -> StaffUser:
    return accounts(request).staff.set_role(who, username, Role(body.role))


@router.post("/staff/{username}/disable", response_model=StaffUser,
             responses=refusals(E.USER_NOT_FOUND, E.LAST_ADMIN))
def disable_staff(username: Text, request: Request, who: Principal = Depends(require(ADMIN))) -> StaffUser:
    """Every sign-in of theirs ends: the next request with any of their tokens is refused."""
    return accounts(request).staff.set_active(who, username, False)


@router.post("/staff/{username}/enable", response_model=StaffUser, responses=refusals(E.USER_NOT_FOUND))
def enable_staff(username: Text, request: Request, who: Principal = Depends(require(ADMIN))) -> StaffUser:
    return accounts(request).staff.set_active(who, username, True)


# ----------------------------------------------------------------- devices


@router.post("/devices", response_model=EnrolmentCode, status_code=201,
             responses=refusals(WITH_BODY, E.DEVICE_NAME_TAKEN))
def enrol_device(body: NewDevice, request: Request, response: Response,
                 who: Principal = Depends(require(ADMIN))) -> EnrolmentCode:
    """A one-time code for the device's setup, answered this once."""
    _secret_answer(response)
    return accounts(request).devices.make_code(who, Role(body.kind), body.name, replace=body.replace)


@router.put("/devices/{device_id}/name", response_model=DeviceRef,
            responses=refusals(WITH_BODY, E.DEVICE_NOT_FOUND, E.DEVICE_NAME_TAKEN))
def rename_device(device_id: RowId, body: DeviceName, request: Request,
                  who: Principal = Depends(require(ADMIN))) -> DeviceRef:
    return accounts(request).devices.rename(who, device_id, body.name)


@router.post("/devices/{device_id}/lock", response_model=DeviceRef, responses=refusals(E.DEVICE_NOT_FOUND))
def lock_device(device_id: RowId, request: Request, who: Principal = Depends(require(MANAGER_ROLES))) -> DeviceRef:
    """Out of service at once: its writes are refused; it keeps its heartbeat and shows why."""
    return accounts(request).devices.set_locked(who, True, device_id=device_id)


@router.post("/devices/{device_id}/unlock", response_model=DeviceRef, responses=refusals(E.DEVICE_NOT_FOUND))
def unlock_device(device_id: RowId, request: Request,
                  who: Principal = Depends(require(MANAGER_ROLES))) -> DeviceRef:
    return accounts(request).devices.set_locked(who, False, device_id=device_id)


@router.post("/devices/{device_id}/revoke", response_model=DeviceRef, responses=refusals(E.DEVICE_NOT_FOUND))
def revoke_device(device_id: RowId, request: Request, who: Principal = Depends(require(ADMIN))) -> DeviceRef:
    """Its token ends at once; to use it again, enrol it with a new code."""
    return accounts(request).devices.revoke(who, device_id=device_id)
