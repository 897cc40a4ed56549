"""The HTTP server around the app, with its limits: one builder for ``main.py server`` (and so the
demo) and for the tests, so both run the same server."""

from __future__ import annotations

import functools
import logging
import resource
from collections import Counter
from dataclasses import replace
from typing import Any

import uvicorn

from server.http_protocol import EdgeLog, LimitedHttpProtocol
from server.settings import HttpLimits

log = logging.getLogger(__name__)

# Files the process opens besides client sockets: database connections, logs, the listening socket.
RESERVED_FILES = 256


def build_http_server(app: Any, host: str, port: int, limits: HttpLimits,
                      graceful_shutdown_seconds: int = 2) -> uvicorn.Server:
    limits = replace(limits, max_connections=_connections_within_file_limit(limits.max_connections))
    protocol = functools.partial(LimitedHttpProtocol, limits=limits, edge_log=EdgeLog(), per_address=Counter())
    # No WebSocket routes exist: an upgrade request is served as plain HTTP, not handed to another parser.
    # proxy_headers off: uvicorn would believe X-Forwarded-For from any local process; the
    # --trusted-proxy setting decides instead (server/api/deps.py client_address).
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False,
                            # uvicorn calls ``http`` as a factory; its annotation names only a class.
                            http=protocol, ws="none", server_header=False,  # type: ignore[arg-type]
                            proxy_headers=False,
                            timeout_keep_alive=limits.keep_alive_seconds,
                            timeout_graceful_shutdown=graceful_shutdown_seconds)
    return uvicorn.Server(config)


def _connections_within_file_limit(wanted: int) -> int:
    """``wanted``, or fewer if the process may not open that many files: past the open-file limit
    the server could no longer accept anyone, nor open its database."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = wanted + RESERVED_FILES
    if soft != resource.RLIM_INFINITY and soft < needed:
        raised = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (raised, hard))
            soft = raised
        except (ValueError, OSError):
            pass
    if soft != resource.RLIM_INFINITY and soft < needed:
        allowed = max(soft - RESERVED_FILES, 1)
        log.warning("open-file limit %d: at most %d connections, not %d (raise LimitNOFILE)", soft, allowed, wanted)
        return allowed
    return wanted
