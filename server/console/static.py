"""The console's stylesheet and script, written here and shipped in the package: nothing is fetched from
elsewhere, so the Content-Security-Policy can allow 'self' alone."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request, Response

from server.console.pages import ConsoleRoute, error_page

router = APIRouter(route_class=ConsoleRoute)
FOLDER = Path(__file__).with_name("static")
TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
FILES = {path.name: (path.read_bytes(), TYPES[path.suffix]) for path in FOLDER.iterdir() if path.suffix in TYPES}


@router.get("/console/static/{name}", include_in_schema=False)
async def static_file(name: str, request: Request) -> Response:
    found = FILES.get(name)
    if found is None:
        return error_page(request, 404, "page.not_found.title", "page.not_found.text")
    body, media_type = found
    return Response(body, media_type=media_type)
