"""Who may call what: the bearer token becomes a principal, and each route names its roles."""

from __future__ import annotations

from typing import Callable, Iterable

from fastapi import Request

from server.accounts import Accounts
from server.auth import Principal, Role
from server.errors import ApiError
from server.queue import QueueEngine


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


def authorise(request: Request, allowed: frozenset[Role]) -> Principal:
    """The principal behind the request's bearer token, if its role is allowed; else 401/403.
    The look-up is cached, and a miss is one indexed read."""
    token = bearer_token(request)
    if token is None:
        raise ApiError(401, "unauthorized", "Sign in first: this needs a bearer token.")
    principal = request.app.state.accounts.principal_for(token)
    if principal is None:
        raise ApiError(401, "invalid_token", "The token is unknown, revoked or expired.")
    if principal.role not in allowed:
        raise ApiError(403, "forbidden", "Your role may not do this.", role=principal.role.value)
    return principal


def require(roles: Iterable[Role]) -> Callable[[Request], Principal]:
    allowed = frozenset(roles)

    async def dependency(request: Request) -> Principal:
        # Async, so a route does not pay a thread-pool hop for it.
        return authorise(request, allowed)

    return dependency
