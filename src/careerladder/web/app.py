"""``careerladder serve``: a local, read-only web app over a careerladder database (FastAPI + Jinja2).

Pages are the static site's templates rendered on request; every page but the
source file has a JSON twin (``/level/<key>.json``, registered with its page by
``web.twins.twin_page``) and the JSON API under ``/api/`` (OpenAPI schema at
``/api/openapi.json``) returns the same contexts. The app only reads:
the database is opened read-only and every route is GET, but for the assessment
form (``views.assess``), whose POSTs compute a page and write nothing. Only with
``allow_write`` (``careerladder serve --allow-write``) may one route,
``POST /assess/save``, open the database read-write to store an assessment
(same-origin check, ``web.forms``). Every response
carries a strict Content-Security-Policy (no inline script or style, nothing
from another origin); a ``Host`` header other than the bound one is refused
(DNS rebinding), and file routes only serve files named by stored roles or
shipped in ``careerladder/static``.

Page families are routers in ``careerladder.web.views`` (one module each,
listed in ``views.ROUTERS``); see docs/site.md for adding one.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any, Sequence

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..version import __version__
from ..errors import StoreError
from ..store import open_store
from ..pages.templating import CSP, environment
from .deps import Site
from .views import ROUTERS

#: CSP of SVG responses: pygal styles its charts with an inline <style>; no script of any kind.
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}
#: Hosts accepted when the app listens on a loopback address.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")


def create_app(db: str | Path, *, allowed_hosts: Sequence[str] | None = None,
               routers: Sequence[Any] | None = None, allow_write: bool = False) -> FastAPI:
    """The web app over the database at ``db`` (opened read-only).

    ``allowed_hosts``: ``Host`` header values to accept (``None`` accepts any;
    ``careerladder serve`` passes the loopback names when bound to loopback).
    ``routers``: the page families to mount (default ``views.ROUTERS``).
    ``allow_write``: let ``POST /assess/save`` store assessments (off: it answers 403).
    ``db``: every path or URL ``open_store`` accepts (a SQLite file, ``sqlite:///path``,
    ``postgresql://...``). Raises ``StoreError`` when the database cannot be opened.
    """
    text = str(db)
    if "://" not in text and not Path(text).is_file():  # a SQLite path; URLs are checked by connecting
        raise StoreError("no such database (run careerladder build first)", text)
    store = open_store(text, readonly=True)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        store.close()

    app = FastAPI(title="careerladder", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  openapi_url="/api/openapi.json",
                  description="Read-only JSON API over a careerladder database: ladders, levels, roles, "
                              "compare, diff and full-text search. Every HTML page has the same data at "
                              "its URL plus `.json`.")
    app.state.site = Site(text, store, environment(), allow_write=allow_write)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        svg = response.headers.get("content-type", "").startswith("image/svg")
        response.headers["Content-Security-Policy"] = SVG_CSP if svg else CSP + "; frame-ancestors 'none'"
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 422, "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()))

    app.mount("/static", StaticFiles(directory=str(resources.files("careerladder") / "static")), name="static")
    for router in (routers if routers is not None else ROUTERS):
        app.include_router(router)
    return app


def _error(request: Request, status: int, message: str) -> Response:
    site: Site = request.app.state.site
    wants_json = request.url.path.startswith("/api/") or request.url.path.endswith(".json")
    if wants_json:
        return JSONResponse({"error": message, "status": status}, status_code=status)
    title = {403: "Forbidden", 404: "Not found", 405: "Method not allowed", 413: "Too large",
             422: "Bad request"}.get(status, "Error")
    return site.page("error.html", {"page": "error", "title": title, "message": message}, status=status)
