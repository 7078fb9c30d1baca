"""What every view depends on: the running app's ``Site`` (``get_site``, a FastAPI dependency) and
the helpers that turn a page context into a response. Views import from here, never from ``app``.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse
from jinja2 import Environment

from ..errors import StoreError
from ..pages.catalog import Catalog
from ..pages.templating import WebLinks, render
from ..store import Store, open_store


@dataclass
class Site:
    """What every view needs: the database, its catalog, the templates and the links of the web app.

    The catalog is read again when the store's ``data_version`` changes (a rebuild or an ingest
    while serving).
    ``store`` is read-only; ``allow_write`` says whether ``write_store`` may open the
    database read-write (``careerladder serve --allow-write``; off by default).
    """

    db: str
    store: Store
    env: Environment
    links: WebLinks = field(default_factory=WebLinks)
    allow_write: bool = False
    _catalog: Catalog | None = None
    _version: str | None = None

    @property
    def catalog(self) -> Catalog:
        version = self.store.data_version()
        if self._catalog is None or version != self._version:
            self._catalog, self._version = Catalog.load(self.store), version
        return self._catalog

    def page(self, template: str, context: dict[str, Any], *, json_url: str | None = None,
             status: int = 200, referrer: str | None = None) -> HTMLResponse:
        """An HTML page rendered from a context with the web app's links.

        ``referrer``: the page's Referrer-Policy when not ``no-referrer`` (a page with a POST form
        uses ``same-origin``, so the browser sends the Origin header the same-origin check needs).
        """
        html = render(self.env, template, context, self.links, json_url=json_url, referrer_policy=referrer)
        response = HTMLResponse(html, status_code=status)
        if referrer:
            response.headers["Referrer-Policy"] = referrer
        return response

    @contextmanager
    def write_store(self) -> Iterator[Store]:
        """A read-write store for one write, closed afterwards (the app's own ``store`` stays read-only).

        Raises ``StoreError`` when the app was not created with ``allow_write``.
        """
        if not self.allow_write:
            raise StoreError("this server is read-only (start careerladder serve --allow-write to store)", self.db)
        store = open_store(self.db)
        try:
            yield store
        finally:
            store.close()


def get_site(request: Request) -> Site:
    """FastAPI dependency: the ``Site`` of the running app."""
    return request.app.state.site


def json_twin(context: dict[str, Any]) -> JSONResponse:
    """A page context as the page's JSON twin."""
    return JSONResponse(context)


def split_format(key: str, formats: Sequence[str] = ("json",)) -> tuple[str, str | None]:
    """``"abc.json"`` -> ``("abc", "json")``; a key without a known suffix -> ``(key, None)``.

    URL keys never hold a dot (``catalog.url_key``), so the suffix is unambiguous.
    """
    stem, dot, ext = key.rpartition(".")
    return (stem, ext) if dot and ext in formats else (key, None)
