"""Direct routes: FastAPI documents them from their endpoint's signature as usual, but a request
is answered by a plain handler that checks the token and reads the JSON body itself.

Only the busiest route uses this. At the budget's 400 tickets/s, FastAPI's per-request machinery
(dependency solving, a MIME parse of the content type, exit stacks, telemetry hooks) cost 0.23 ms
of CPU per ticket, about a tenth of all a ticket cost, under the one interpreter lock the batch
writer needs as well (bench/server.py). The handler keeps FastAPI's rules for a JSON body, so
bad input gets the same errors (server/errors.py turns them into the API's error document)."""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from core.wire import ErrorCode
from server.api.middleware import BodyTooLarge
from server.errors import ApiError

Model = TypeVar("Model", bound=BaseModel)
Handler = Callable[[Request], Coroutine[Any, Any, Response]]


def direct_route(handler: Handler) -> type[APIRoute]:
    """An ``APIRoute`` class whose requests go straight to ``handler``."""

    class DirectRoute(APIRoute):
        def get_route_handler(self) -> Handler:
            return handler

    return DirectRoute


async def json_body(request: Request, model: type[Model]) -> Model:
    """The request's JSON body as ``model``, read and refused the way FastAPI does: an empty
    body is a missing field, a body sent as another content type is not an object, bad JSON is
    bad JSON, and a body that could not be read (the client went away) is a bad request."""
    try:
        raw = await request.body()
        body: Any = raw
        if raw and _is_json(request.headers.get("content-type", "")):
            body = json.loads(raw)  # as FastAPI does: it finds a BOM or UTF-16 by itself
    except BodyTooLarge:
        # The guard answers 413 in place of whatever this becomes.
        raise ApiError(413, ErrorCode.BODY_TOO_LARGE, "The request body is too large.") from None
    except json.JSONDecodeError as exc:
        raise RequestValidationError([{"type": "json_invalid", "loc": ("body", exc.pos),
                                       "msg": "JSON decode error", "input": {}}]) from None
    except Exception as exc:
        raise StarletteHTTPException(400, "There was an error parsing the body") from exc
    if not raw:
        raise RequestValidationError([{"type": "missing", "loc": ("body",), "msg": "Field required",
                                       "input": None}])
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        raise RequestValidationError([_in_body(e) for e in exc.errors(include_url=False)]) from None


def _is_json(content_type: str) -> bool:
    mime = content_type.partition(";")[0].strip().lower()
    return mime == "application/json" or (mime.startswith("application/") and mime.endswith("+json"))


def _in_body(error: Any) -> dict[str, Any]:
    return {**error, "loc": ("body", *error.get("loc", ()))}
