"""One registration, two routes: a page of the web app and its JSON twin.

A view family declares each page once, as its context function::

    @twin_page(router, "/level/{key}", "level.html")
    def level(key: str, site: Site = Depends(get_site)) -> dict:
        return level_context(site.catalog, role_or_404(site.catalog, key, kind="ladder_level"))

which registers ``GET /level/{key}`` (the HTML page, ``site.page(template, ctx, json_url=...)``) and
``GET /level/{key}.json`` (the same context, ``json_twin(ctx)``). The context function is the
routes' one FastAPI dependency: both take its path and query parameters, call it, and so answer the
same errors: an ``HTTPException`` it raises becomes the app's HTML error page on the page and
``{"error", "status"}`` on the twin (``web.app``), and a parameter failing validation is a 422 on both.

The twin's URL is the page's path plus ``.json`` (``/`` has ``/index.json``), with the request's
path parameters and the non-empty query parameters the route declares, in declaration order: the
page's ``<link rel="alternate">`` always names the JSON of the very context it rendered.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Callable, TypeVar
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse

from .deps import Site, get_site, json_twin

Context = dict[str, Any]
ContextFn = TypeVar("ContextFn", bound=Callable[..., Context])
#: A path parameter in a route (``{key}``, ``{key:str}``).
_PARAM = re.compile(r"{(\w+)(?::\w+)?}")


def twin_path(path: str) -> str:
    """The JSON twin's route of a page's route: ``"/roles"`` -> ``"/roles.json"``,
    ``"/level/{key}"`` -> ``"/level/{key}.json"``, ``"/"`` -> ``"/index.json"``."""
    return "/index.json" if path == "/" else path + ".json"


def twin_page(router: APIRouter, path: str, template: str, *, json_path: str | None = None,
              partial: str | None = None, referrer: str | None = None) -> Callable[[ContextFn], ContextFn]:
    """Decorator: register ``GET path`` (HTML from ``template``) and ``GET json_path`` (JSON) on ``router``.

    The decorated function is ``context(**params) -> dict``, declared like any FastAPI dependency:
    path parameters by name, ``Query(...)`` defaults, ``Depends()`` classes, and
    ``site: Site = Depends(get_site)`` for the catalog. It returns the page's JSON-ready context or
    raises ``HTTPException`` (404 for a key that names nothing). It runs in the event loop, like
    every view (the app's store and catalog are not shared with worker threads), and is returned
    unchanged, so the JSON API can call it too.

    ``json_path``: the twin's route (default ``twin_path(path)``). ``partial``: a template rendered
    instead, without the twin link, for HTMX requests (``HX-Request: true``). ``referrer``: the
    page's Referrer-Policy when not ``no-referrer`` (``Site.page``). Both routes follow the
    router's ``include_in_schema``; the twin is registered first, so ``/level/<key>.json`` never
    reaches the page route as a key ending in ``.json``.
    """
    twin_route = json_path or twin_path(path)

    def register(context: ContextFn) -> ContextFn:
        @functools.wraps(context)  # FastAPI reads the parameters of ``context`` through ``__wrapped__``
        async def dependency(*args: Any, **kwargs: Any) -> Context:
            return context(*args, **kwargs)

        query_names: list[str] = []

        async def as_json(ctx: Context = Depends(dependency)) -> JSONResponse:
            return json_twin(ctx)

        async def as_page(request: Request, ctx: Context = Depends(dependency),
                          site: Site = Depends(get_site)) -> HTMLResponse:
            if partial and request.headers.get("HX-Request") == "true":
                return site.page(partial, ctx)
            return site.page(template, ctx, json_url=_twin_url(twin_route, request, query_names),
                             referrer=referrer)

        router.add_api_route(twin_route, as_json, methods=["GET"], name=f"{context.__name__}_json")
        router.add_api_route(path, as_page, methods=["GET"], name=context.__name__)
        query_names.extend(_query_names(router.routes[-1].dependant))
        return context

    return register


def _query_names(dependant: Any) -> list[str]:
    """Names of the query parameters a route declares, its dependencies' (``Depends()``) included."""
    names = [field.alias for field in dependant.query_params]
    for sub in dependant.dependencies:
        names += [n for n in _query_names(sub) if n not in names]
    return names


def _twin_url(route: str, request: Request, query_names: list[str]) -> str:
    """The twin route filled in with this request's path parameters and non-empty declared query ones."""
    url = _PARAM.sub(lambda m: quote(str(request.path_params[m[1]]), safe=""), route)
    query = [(n, request.query_params[n]) for n in query_names if request.query_params.get(n)]
    return url + ("?" + urlencode(query) if query else "")
