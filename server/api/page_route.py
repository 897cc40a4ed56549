"""Routes whose every answer is a page: the console's and the public booking pages. Whatever the endpoint
raises, the module's own ``answer`` turns it into a page in the reader's language, and the page's security
headers go on every answer, a redirect or a failure's page too."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Mapping
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from fastapi.routing import APIRoute

Handler = Callable[[Request], Coroutine[Any, Any, Response]]
Answer = Callable[[Handler, Request], Awaitable[Response]]


def page_route(answer: Answer, headers: Mapping[str, str]) -> type[APIRoute]:
    """An ``APIRoute`` class whose requests are answered by ``answer(endpoint, request)``, with ``headers``."""

    class PageRoute(APIRoute):
        def get_route_handler(self) -> Handler:
            handler = super().get_route_handler()

            async def page_handler(request: Request) -> Response:
                response = await answer(handler, request)
                for name, value in headers.items():
                    response.headers.setdefault(name, value)
                return response

            return page_handler

    return PageRoute
