"""The staff page (admins): every account, add one, and per account reset its password, set its role,
disable or enable it. A client of the same StaffAdmin calls as /api/v1/staff…, so the same rules
(last admin, valid usernames) and the same audit entries; a one-time password is shown once."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from core.wire import StaffPassword, StaffUser
from server.api.deps import password_work
from server.api.schemas import NewStaff, StaffRoleChange
from server.auth import Role
from server.console.i18n import texts
from server.console.pages import (
    ConsoleRoute,
    checked_form,
    event_seq,
    language,
    redirect,
    refusal_text,
    render,
    signed_in,
)
from server.console.session import ConsoleSession
from server.console.site_time import site_clock
from server.errors import ApiError

router = APIRouter(route_class=ConsoleRoute)
ADMIN = frozenset({Role.ADMIN})
ROLE_CHOICES = tuple(r.value for r in (Role.STAFF, Role.SUPERVISOR, Role.ADMIN))
DONE_NOTICES = {"role": "staff.role_done", "disabled": "staff.disabled_done", "enabled": "staff.enabled_done"}
FIELDS = {"staff.username", "staff.display_name", "staff.role"}
# No username starts with "_": the address stays apart from every person's page.
ONE_TIME_PAGE = "/console/staff/_one-time"


def _invalid(request: Request, error: ValidationError) -> str:
    field = str(error.errors()[0]["loc"][0]) if error.errors() and error.errors()[0]["loc"] else "?"
    t = texts(language(request))
    return t("staff.invalid_field", field=t(f"staff.{field}") if f"staff.{field}" in FIELDS else field)


def _users(request: Request) -> tuple[int, list[StaffUser]]:
    seq = event_seq(request)  # before the accounts: a change made meanwhile has a later number
    return seq, request.app.state.accounts.staff.all_users()


async def _list_page(request: Request, session: ConsoleSession, *, status: int = 200, message: str | None = None,
                     typed: dict[str, str] | None = None) -> Response:
    seq, users = await run_in_threadpool(_users, request)
    key = DONE_NOTICES.get(request.query_params.get("done", ""))
    user = request.query_params.get("user", "")
    notice = texts(language(request))(key, username=user) if key and any(u.username == user for u in users) else None
    return render(request, "staff.html", session=session, status=status, users=users, message=message,
                  typed=typed or {"username": "", "display_name": "", "role": Role.STAFF.value},
                  roles=ROLE_CHOICES, notice=notice, shown=site_clock(request), seq=seq)


@router.get("/console/staff", include_in_schema=False)
async def staff_page(request: Request) -> Response:
    session = signed_in(request, ADMIN)
    return await _list_page(request, session)


@router.get("/console/staff/_live", include_in_schema=False)
async def staff_live(request: Request) -> Response:
    """The list alone, for the page's script to put in place on the hall's stream (a ``staff.changed`` from
    another admin, the API or the command line) and every half minute (a sign-in writes no event). The
    ``_`` keeps the address apart from every person's page: no username starts with one."""
    session = signed_in(request, ADMIN)
    users = await run_in_threadpool(request.app.state.accounts.staff.all_users)
    return render(request, "staff_live.html", session=session, users=users, shown=site_clock(request))


@router.post("/console/staff", include_in_schema=False)
async def add_staff(request: Request) -> Response:
    """A new account with a password the server makes, shown on this answer alone."""
    session = signed_in(request, ADMIN)
    fields = await checked_form(request, session)
    typed = {"username": fields.get("username", "").strip(), "display_name": fields.get("display_name", "").strip(),
             "role": fields.get("role", "")}
    try:
        body = NewStaff.model_validate(typed)
    except ValidationError as error:
        return await _list_page(request, session, status=422, message=_invalid(request, error), typed=typed)
    staff = request.app.state.accounts.staff
    try:
        made: StaffPassword = await password_work(
            request, lambda: staff.add(session.principal, body.username, Role(body.role), body.display_name))
    except ApiError as refusal:
        return await _list_page(request, session, status=refusal.status, typed=typed,
                                message=refusal_text(language(request), refusal))
    return _to_one_time_page(request, session, made, added=True)


def _to_one_time_page(request: Request, session: ConsoleSession, made: StaffPassword, *, added: bool) -> Response:
    """Post/Redirect/Get: the password waits server-side for this sign-in, and a reload of the page it is
    shown on sends no form again (no second account, no second reset)."""
    request.app.state.one_time_passwords.keep(session.sign_in_id, made, added=added)
    return redirect(request, ONE_TIME_PAGE, session)


@router.get(ONE_TIME_PAGE, include_in_schema=False)
async def one_time_page(request: Request) -> Response:
    """The one-time password, once; opened again (a reload, the back button), it says it is gone."""
    session = signed_in(request, ADMIN)
    shown = request.app.state.one_time_passwords.take(session.sign_in_id)
    if shown is None:
        return render(request, "error.html", session=session, status=410, title_key="staff.one_time_gone_title",
                      text_key="staff.one_time_gone", params={}, message=None)
    return render(request, "staff_password.html", session=session, made=shown.made, added=shown.added)


def _one(request: Request, username: str) -> tuple[int, StaffUser | None]:
    seq, users = _users(request)
    return seq, next((u for u in users if u.username == username), None)


async def _user_page(request: Request, session: ConsoleSession, username: str, *, status: int = 200,
                     message: str | None = None, role: str | None = None, confirm: str | None = None) -> Response:
    """The person's page; with ``confirm`` ("reset" or "disable"), the page that asks again before doing it."""
    seq, user = await run_in_threadpool(_one, request, username)
    if user is None:
        return render(request, "error.html", session=session, status=404, title_key="page.not_found.title",
                      text_key="error.user_not_found", params={}, message=None)
    if confirm is not None:
        return render(request, "staff_confirm.html", session=session, user=user, action=confirm,
                      myself=user.username == session.principal.name)
    return render(request, "staff_user.html", session=session, status=status, user=user, message=message,
                  chosen_role=role or user.role, roles=ROLE_CHOICES, shown=site_clock(request),
                  myself=user.username == session.principal.name, seq=seq)


@router.get("/console/staff/{username}", include_in_schema=False)
async def user_page(username: str, request: Request) -> Response:
    session = signed_in(request, ADMIN)
    return await _user_page(request, session, username)


@router.get("/console/staff/{username}/live", include_in_schema=False)
async def user_live(username: str, request: Request) -> Response:
    """The person's facts and forms alone, for the page's script, on a ``staff.changed`` (another admin
    disabled them, the command line reset them) and every half minute (a sign-in writes no event)."""
    session = signed_in(request, ADMIN)
    _, user = await run_in_threadpool(_one, request, username)
    if user is None:
        return render(request, "error.html", session=session, status=404, title_key="page.not_found.title",
                      text_key="error.user_not_found", params={}, message=None)
    return render(request, "staff_user_live.html", session=session, user=user, chosen_role=user.role,
                  roles=ROLE_CHOICES, shown=site_clock(request), myself=user.username == session.principal.name)


@router.post("/console/staff/{username}/password-reset", include_in_schema=False)
async def reset_password(username: str, request: Request) -> Response:
    """Asked twice (a mis-tap must not reset a colleague's password): the first form leads to a page that
    says what a reset does, the second makes a password the server shows once; every sign-in of theirs ends."""
    session = signed_in(request, ADMIN)
    fields = await checked_form(request, session)
    if fields.get("confirm") != "yes":
        return await _user_page(request, session, username, confirm="reset")
    staff = request.app.state.accounts.staff
    try:
        made: StaffPassword = await password_work(request, lambda: staff.reset_password(session.principal, username))
    except ApiError as refusal:
        return await _user_page(request, session, username, status=refusal.status,
                                message=refusal_text(language(request), refusal))
    return _to_one_time_page(request, session, made, added=False)


@router.post("/console/staff/{username}/role", include_in_schema=False)
async def set_role(username: str, request: Request) -> Response:
    session = signed_in(request, ADMIN)
    fields = await checked_form(request, session)
    chosen = fields.get("role", "")
    try:
        body = StaffRoleChange.model_validate({"role": chosen})
        await run_in_threadpool(request.app.state.accounts.staff.set_role, session.principal, username,
                                Role(body.role))
    except ValidationError as error:
        return await _user_page(request, session, username, status=422, message=_invalid(request, error))
    except ApiError as refusal:
        return await _user_page(request, session, username, status=refusal.status, role=chosen,
                                message=refusal_text(language(request), refusal))
    return redirect(request, f"/console/staff?done=role&user={quote(username)}")


async def _set_active(request: Request, username: str, active: bool) -> Response:
    session = signed_in(request, ADMIN)
    fields = await checked_form(request, session)
    if not active and fields.get("confirm") != "yes":
        return await _user_page(request, session, username, confirm="disable")
    try:
        await run_in_threadpool(request.app.state.accounts.staff.set_active, session.principal, username, active)
    except ApiError as refusal:
        return await _user_page(request, session, username, status=refusal.status,
                                message=refusal_text(language(request), refusal))
    return redirect(request, f"/console/staff?done={'enabled' if active else 'disabled'}&user={quote(username)}")


@router.post("/console/staff/{username}/disable", include_in_schema=False)
async def disable(username: str, request: Request) -> Response:
    """Every sign-in of theirs ends at once: the counter app, the console, the API."""
    return await _set_active(request, username, False)


@router.post("/console/staff/{username}/enable", include_in_schema=False)
async def enable(username: str, request: Request) -> Response:
    return await _set_active(request, username, True)

