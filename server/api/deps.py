"""Who may call what: the bearer token becomes a principal, and each route names its roles."""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable, Iterable
from typing import TypeVar

import anyio
from fastapi import Request

from core.wire import ErrorCode, Login
from server.accounts import Accounts
from server.auth import Principal, Role
from server.engine import QueueEngine
from server.errors import ApiError

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Password checks run one at a time per process: each takes a core and 16 MB for tens of ms, and
# the machine's other core must stay free for the queue. Logins waiting their turn wait as
# coroutines, not in the thread pool that the other routes need.
PASSWORD_CHECKS_AT_ONCE = 1
LOCKED_ANSWER_DELAY_S = 1.0


def engine(request: Request) -> QueueEngine:
    return request.app.state.engine


def accounts(request: Request) -> Accounts:
    return request.app.state.accounts


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def client_address(request: Request) -> str:
    """The TCP peer; behind a configured reverse proxy, the client that proxy forwarded for.

    Only a peer listed in the ``trusted_proxies`` setting is believed, and only its right-most
    untrusted ``X-Forwarded-For`` entry: entries further left were written by the client."""
    peer = request.client.host if request.client else "unknown"
    trusted = request.app.state.settings.trusted_proxies
    if peer not in trusted:
        return peer
    hops = ",".join(request.headers.getlist("x-forwarded-for")).split(",")
    for hop in reversed(hops):
        try:
            address = str(ipaddress.ip_address(hop.strip()))
        except ValueError:
            return peer
        if address not in trusted:
            return address
    return peer


T = TypeVar("T")


async def password_work(request: Request, work: Callable[[], T]) -> T:
    """A password checked or a new one hashed (scrypt), off the event loop and in turn with every other
    password's work, whichever route or page asks (see PASSWORD_CHECKS_AT_ONCE)."""
    state = request.app.state
    if getattr(state, "password_checks", None) is None:
        state.password_checks = anyio.CapacityLimiter(PASSWORD_CHECKS_AT_ONCE)
    return await anyio.to_thread.run_sync(work, limiter=state.password_checks)


async def sign_in(request: Request, username: str, password: str) -> Login:
    """A login, its password checked in a worker of its own (see PASSWORD_CHECKS_AT_ONCE)."""
    address = client_address(request)
    acc = accounts(request)
    try:
        acc.refuse_if_locked(username, address)
        return await password_work(request, lambda: acc.login(username, password, address))
    except ApiError as refusal:
        if refusal.status == 429:
            # A locked client that floods waits for each refusal, idle: without this, answering
            # hundreds of refusals a second took the CPU that ticket issue needs (bench/login_flood.py).
            await anyio.sleep(LOCKED_ANSWER_DELAY_S)
        raise


def authorise(request: Request, allowed: frozenset[Role], *, while_locked: bool = False,
              before_password_change: bool = False) -> Principal:
    """The principal behind the request's bearer token, if its role is allowed; else 401/403.
    A device the office locked may read, and write only where ``while_locked`` says so.
    The look-up is cached, and a miss is one indexed read."""
    token = bearer_token(request)
    if token is None:
        raise ApiError(401, ErrorCode.UNAUTHORIZED, "Sign in first: this needs a bearer token.")
    principal = request.app.state.accounts.principal_for(token)
    if principal is None:
        raise request.app.state.accounts.refusal_for(token)
    if principal.role not in allowed:
        raise ApiError(403, ErrorCode.FORBIDDEN, "Your role may not do this.", role=principal.role.value)
    if principal.must_change_password and not before_password_change:
        raise ApiError(403, ErrorCode.PASSWORD_CHANGE_REQUIRED,
                       "Choose a password of your own first (POST /auth/password).", username=principal.name)
    if principal.locked and not while_locked and request.method not in READ_METHODS:
        raise ApiError(403, ErrorCode.DEVICE_LOCKED, "The office has locked this device.", device=principal.name)
    return principal


def require(roles: Iterable[Role], *, while_locked: bool = False,
            before_password_change: bool = False) -> Callable[[Request], Awaitable[Principal]]:
    """``before_password_change``: the route is open to an account that must change its password
    first (changing it, renewing, logging out); every other staff route refuses it."""
    allowed = frozenset(roles)

    async def dependency(request: Request) -> Principal:
        # Async, so a route does not pay a thread-pool hop for it.
        return authorise(request, allowed, while_locked=while_locked, before_password_change=before_password_change)

    return dependency
