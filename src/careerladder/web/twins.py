"""One registration, two routes: a page of the web app and its JSON twin.

A view family declares each page once, as its context function::

    @twin_page(router, "/level/{key}", "level.html")
    def level(site: Site, key: str) -> dict:
        return level_context(site.catalog, role_or_404(site.catalog, key, kind="ladder_level"))

which registers ``GET /level/{key}`` (the HTML page, ``site.page(template, ctx, json_url=...)``) and
``GET /level/{key}.json`` (the same context, ``json_twin(ctx)``). Both routes take the same path and
query parameters, call the same function, and so answer the same errors: an ``HTTPException`` the
function raises becomes the app's HTML error page on the page and ``{"error", "status"}`` on the twin
(``web.app``), and a query parameter that fails validation is a 422 on both.

The twin's URL is the page's path plus ``.json`` (``/`` has ``/index.json``), with the request's
path parameters and the non-empty query parameters the route declares, in declaration order: the
page's ``<link rel="alternate">`` always names the JSON of the very context it rendered.
"""

from __future__ import annotations

import inspect
import re
from typing import Any, Callable, TypeVar
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse

from .deps import Site, get_site, json_twin

Context = dict[str, Any]
ContextFn = TypeVar("ContextFn", bound=Callable[..., Context])
#: Parameter names the helper adds to both endpoints (a context function must not use them).
_REQUEST, _SITE = "twin_request", "twin_site"
#: A path parameter in a route (``{key}``, ``{key:str}``).
_PARAM = re.compile(r"{(\w+)(?::\w+)?}")


def twin_path(path: str) -> str:
    """The JSON twin's route of a page's route: ``"/roles"`` -> ``"/roles.json"``,
    ``"/level/{key}"`` -> ``"/level/{key}.json"``, ``"/"`` -> ``"/index.json"``."""
    return "/index.json" if path == "/" else path + ".json"


def twin_page(router: APIRouter, path: str, template: str, *, json_path: str | None = None,
              partial: str | None = None, referrer: str | None = None) -> Callable[[ContextFn], ContextFn]:
    """Decorator: register ``GET path`` (HTML from ``template``) and ``GET json_path`` (JSON) on ``router``.

    The decorated function is ``context(site, **params) -> dict``: its first parameter receives the
    app's ``Site``, the others are FastAPI parameters declared as on any route (path parameters by
    name, ``Query(...)`` defaults, ``Depends()`` classes); it returns the page's JSON-ready context
    or raises ``HTTPException`` (404 for a key that names nothing). It is returned unchanged, so the
    JSON API can call it too.

    ``json_path``: the twin's route (default ``twin_path(path)``). ``partial``: a template rendered
    instead, without the twin link, for HTMX requests (``HX-Request: true``). ``referrer``: the
    page's Referrer-Policy when not ``no-referrer`` (``Site.page``). Both routes follow the
    router's ``include_in_schema``; the twin is registered first, so ``/level/<key>.json`` never
    reaches the page route as a key ending in ``.json``. Raises ``TypeError`` at registration when
    the function has no first parameter or uses one of the helper's own parameter names.
    """
    twin_route = json_path or twin_path(path)

    def register(context: ContextFn) -> ContextFn:
        signature = _endpoint_signature(context)
        query_names: list[str] = []

        async def as_json(**values: Any) -> JSONResponse:
            values.pop(_REQUEST)
            return json_twin(context(values.pop(_SITE), **values))

        async def as_page(**values: Any) -> HTMLResponse:
            request: Request = values.pop(_REQUEST)
            site: Site = values.pop(_SITE)
            ctx = context(site, **values)
            if partial and request.headers.get("HX-Request") == "true":
                return site.page(partial, ctx)
            return site.page(template, ctx, json_url=_twin_url(twin_route, request, query_names),
                             referrer=referrer)

        for endpoint, route_path, suffix in ((as_json, twin_route, "_json"), (as_page, path, "")):
            endpoint.__signature__ = signature  # type: ignore[attr-defined]
            endpoint.__name__ = endpoint.__qualname__ = context.__name__ + suffix
            endpoint.__doc__ = context.__doc__
            router.add_api_route(route_path, endpoint, methods=["GET"], name=endpoint.__name__)
        query_names.extend(_query_names(router.routes[-1].dependant))
        return context

    return register


def _endpoint_signature(context: Callable[..., Context]) -> inspect.Signature:
    """``context``'s parameters but the first, keyword-only, with the request and the site added."""
    params = list(inspect.signature(context, eval_str=True).parameters.values())
    if not params:
        raise TypeError(f"{context.__name__}: a page context function takes the Site first")
    own = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in params[1:]]
    if {p.name for p in own} & {_REQUEST, _SITE}:
        raise TypeError(f"{context.__name__}: parameter names {_REQUEST!r} and {_SITE!r} are the helper's")
    return inspect.Signature([
        inspect.Parameter(_REQUEST, inspect.Parameter.KEYWORD_ONLY, annotation=Request),
        inspect.Parameter(_SITE, inspect.Parameter.KEYWORD_ONLY, annotation=Site, default=Depends(get_site)),
        *own])


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
