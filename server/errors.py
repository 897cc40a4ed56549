"""The one error the API raises, and the handlers that turn every failure into the error document
``{"error": {"code", "message", "params", "request_id"}}`` — never a traceback, never a 500 for bad input,
and a 503 ``storage_unavailable`` with its reason when the disk or database refuses a write."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from core.wire import ErrorCode, ErrorDetail, ErrorDocument
from server.storage import MESSAGES, psycopg, storage_fault

log = logging.getLogger(__name__)


class ApiError(Exception):
    """A refusal with its HTTP status and one of the contract's error codes. A string that is no
    ``ErrorCode`` fails here, where it is raised, never on the client that cannot translate it."""

    # Positional-only, so that a param may itself be called ``code`` (a ticket code) or ``message``.
    def __init__(self, status: int, code: ErrorCode, message: str, /, **params: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = ErrorCode(code)
        self.message = message
        self.params = params


def error_body(request: Request, code: ErrorCode, message: str, params: dict[str, Any] | None = None) -> dict:
    return ErrorDocument(error=ErrorDetail(code=code, message=message, params=params or {},
                                           request_id=getattr(request.state, "request_id", None))
                         ).model_dump(mode="json")


def _json_safe(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    return str(value)


_HTTP_CODES = {400: ErrorCode.BAD_REQUEST, 401: ErrorCode.UNAUTHORIZED, 403: ErrorCode.FORBIDDEN,
               404: ErrorCode.NOT_FOUND, 405: ErrorCode.METHOD_NOT_ALLOWED, 413: ErrorCode.BODY_TOO_LARGE,
               415: ErrorCode.UNSUPPORTED_MEDIA_TYPE}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        # A refusal that says how long to wait says it in the header HTTP clients read too.
        wait = exc.params.get("retry_after") if exc.status == 429 else None
        return JSONResponse(error_body(request, exc.code, exc.message, _json_safe(exc.params)),
                            status_code=exc.status, headers={"Retry-After": str(wait)} if wait else None)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [{"loc": [str(p) for p in e.get("loc", ())], "type": e.get("type"), "msg": e.get("msg")}
                    for e in exc.errors()]
        if any(p["type"] == "json_invalid" for p in problems):
            return JSONResponse(error_body(request, ErrorCode.MALFORMED_JSON, "The request body is not valid JSON."),
                                status_code=400)
        missing = [p for p in problems if p["type"] == "missing"]
        code = ErrorCode.MISSING_FIELD if missing and len(missing) == len(problems) else ErrorCode.INVALID_REQUEST
        return JSONResponse(error_body(request, code, "The request is not valid.", {"errors": problems}),
                            status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400 and isinstance(exc.__cause__, ValueError):
            # FastAPI's "error parsing the body" for a body that is not even UTF-8: still bad JSON.
            return JSONResponse(error_body(request, ErrorCode.MALFORMED_JSON, "The request body is not valid JSON."),
                                status_code=400)
        code = _HTTP_CODES.get(exc.status_code, ErrorCode.HTTP_ERROR)
        return JSONResponse(error_body(request, code, str(exc.detail)), status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    async def _database_error(request: Request, exc: Exception) -> JSONResponse:
        reason = storage_fault(exc)
        if reason is None:
            return await _unexpected(request, exc)
        log.error("%s %s refused: storage fault (%s)", request.method, request.url.path, reason)
        return JSONResponse(error_body(request, ErrorCode.STORAGE_UNAVAILABLE, storage_message(reason),
                                       {"reason": reason}), status_code=503)

    # The driver's own errors too: the batch writer's fast path may hand them back unwrapped.
    for database_error in (DBAPIError, sqlite3.Error, *([psycopg.Error] if psycopg else [])):
        app.add_exception_handler(database_error, _database_error)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return JSONResponse(error_body(request, ErrorCode.INTERNAL_ERROR,
                                       "Something went wrong on the server; it has been logged."),
                            status_code=500)


def storage_message(reason: str) -> str:
    return f"{MESSAGES.get(reason, MESSAGES['io_error'])} Please try again later; nothing was changed."


def storage_unavailable(reason: str, **params: Any) -> ApiError:
    return ApiError(503, ErrorCode.STORAGE_UNAVAILABLE, storage_message(reason), reason=reason, **params)
