"""Plain ASGI middleware (no buffering, so event streams flow): a request id on every request and
answer, and a cap on body size that refuses a 10 MB upload without reading it all. The API's refusal
is JSON; a browser's page (the console) may answer with a page of its own instead."""

from __future__ import annotations

import itertools
import json
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from core.wire import ErrorCode, ErrorDetail, ErrorDocument

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


# A request id only has to be unique in the logs: a random start per process and a counter
# (a random id per request costs a system call on the busiest route).
_REQUEST_IDS = itertools.count(1)
_PROCESS_TAG = secrets.token_hex(3)


def new_request_id() -> str:
    return f"{_PROCESS_TAG}-{next(_REQUEST_IDS):x}"


class BodyTooLarge(Exception):
    pass


# The refusal of a body over the cap as a page, for the addresses it names: (status, headers, body), or None
# for the API's JSON. It is called before any of the body is read, and must not wait on anything.
PageRefusal = Callable[[Scope, int], "tuple[int, list[tuple[bytes, bytes]], bytes] | None"]


class RequestGuard:
    def __init__(self, app: Any, max_body_bytes: int, page_refusal: PageRefusal | None = None) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.page_refusal = page_refusal

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        request_id = headers.get(b"x-request-id", b"").decode("latin-1")[:64] or new_request_id()
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_id(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [(b"x-request-id", request_id.encode())]
            await send(message)

        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body_bytes):
            await self._refuse(send_with_id, request_id, scope)
            return
        received = 0
        started = False
        too_large = False

        async def limited_receive() -> dict[str, Any]:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    too_large = True
                    raise BodyTooLarge()
            return message

        async def tracking_send(message: dict[str, Any]) -> None:
            nonlocal started
            if too_large:
                # FastAPI turns BodyTooLarge into its own 400 "error parsing the body"; a chunked
                # upload past the cap still gets the 413 that a declared length gets.
                if message["type"] == "http.response.start" and not started:
                    started = True
                    await self._refuse(send_with_id, request_id, scope)
                return
            if message["type"] == "http.response.start":
                started = True
            await send_with_id(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(send_with_id, request_id, scope)

    async def _refuse(self, send: Send, request_id: str, scope: Scope) -> None:
        page = self.page_refusal(scope, self.max_body_bytes) if self.page_refusal is not None else None
        if page is not None:
            status, headers, body = page
            await send({"type": "http.response.start", "status": status,
                        "headers": [*headers, (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
            await send({"type": "http.response.body", "body": body})
            return
        refusal = ErrorDetail(code=ErrorCode.BODY_TOO_LARGE, request_id=request_id,
                              message=f"The request body is larger than {self.max_body_bytes} bytes.",
                              params={"max_bytes": self.max_body_bytes})
        body = json.dumps(ErrorDocument(error=refusal).model_dump(mode="json")).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
