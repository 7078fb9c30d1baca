"""POSTed HTML forms, read safely: a size-capped body, and the same-origin check against CSRF.

The web app is a local server without accounts, so what stops another site from
making the user's browser POST to it (cross-site request forgery) is the browser's
own word about where a request comes from: ``Sec-Fetch-Site``, ``Origin`` and
``Referer`` must name this server (with the ``Host`` check of ``create_app``, which
stops DNS rebinding when bound to loopback). Pages with a form use
``Referrer-Policy: same-origin``: under ``no-referrer`` a browser sends
``Origin: null`` with a POST, which is refused.

>>> same_origin("http://127.0.0.1:8000", "http://127.0.0.1:8000/assess")
True
>>> same_origin("http://127.0.0.1:80", "http://127.0.0.1/")
True
>>> same_origin("http://evil.example:8000", "http://127.0.0.1:8000/")
False
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from starlette.requests import Request

from .. import thresholds as T

#: The only body a form of ours sends (``<form method="post">`` without ``enctype``).
FORM_TYPE = "application/x-www-form-urlencoded"
#: Percent-encoding turns a byte into up to three characters: a body may be this many times the text.
ENCODING_FACTOR = 3
#: ``Sec-Fetch-Site`` values of a request this server's own page made (``none``: typed by the user).
SAME_SITE_FETCH = ("same-origin", "none")
_DEFAULT_PORTS = {"http": "80", "https": "443"}


class FormRefused(Exception):
    """A POST that is not read: ``status`` (403 cross-origin, 413 too large, 415 not a form, 400
    malformed) and a one-line ``message`` for the page."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def _origin(url: str) -> tuple[str, str, str] | None:
    """(scheme, host, port) of a URL, the port spelled out; None when it has no scheme or host."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if not parts.scheme or not parts.hostname:
        return None
    scheme = parts.scheme.lower()
    return scheme, parts.hostname.lower(), str(port) if port else _DEFAULT_PORTS.get(scheme, "")


def same_origin(a: str, b: str) -> bool:
    """True when URLs ``a`` and ``b`` have the same scheme, host and port (default ports filled in)."""
    oa = _origin(a)
    return oa is not None and oa == _origin(b)


def origin_problem(request: Request, *, require: bool) -> str | None:
    """Why ``request`` may come from another site, or None when it is from this server's pages.

    Refused: ``Sec-Fetch-Site`` other than same-origin; an ``Origin`` (or, without one, a
    ``Referer``) naming another scheme, host or port than the request's own URL (built from
    its ``Host`` header); ``Origin: null``. With ``require`` (a request that stores), a
    request naming neither is refused too; without it (a request that only computes a
    page, from curl say) it passes.
    """
    site = request.headers.get("sec-fetch-site")
    if site and site.lower() not in SAME_SITE_FETCH:
        return f"refused a {site} request: this form only accepts requests from this server's own pages"
    own = str(request.url)
    origin = request.headers.get("origin")
    if origin is not None:
        if origin.strip().lower() == "null" or not same_origin(origin, own):
            return f"refused a request from another origin ({origin[:100]!r}): forms are accepted from this server only"
        return None
    referer = request.headers.get("referer")
    if referer is not None:
        if not same_origin(referer, own):
            return "refused a request referred by another site: forms are accepted from this server only"
        return None
    if require:
        return "refused a request without an Origin or Referer header: storing needs a request from this server's page"
    return None


async def read_form(request: Request, max_bytes: int) -> dict[str, list[str]]:
    """The fields of a URL-encoded form POST, each with its values as sent (UTF-8; bad bytes replaced).

    ``max_bytes``: the largest body read; the body is read in chunks and the request
    refused (``FormRefused`` 413) as soon as it is larger, before it is parsed. Raises
    ``FormRefused`` 415 for another content type, 400 for more than ``thresholds.MAX_FORM_FIELDS`` fields.
    """
    ctype = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if ctype != FORM_TYPE:
        raise FormRefused(415, f"expected a form ({FORM_TYPE}), got {ctype or 'no content type'}")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FormRefused(413, _too_large(int(declared), max_bytes))
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > max_bytes:
            raise FormRefused(413, _too_large(None, max_bytes))
    try:
        return parse_qs(body.decode("latin-1"), keep_blank_values=True, encoding="utf-8", errors="replace",
                        max_num_fields=T.MAX_FORM_FIELDS)
    except ValueError as exc:  # too many fields
        raise FormRefused(400, f"malformed form: {exc}") from exc


def _too_large(size: int | None, limit: int) -> str:
    got = f"{size:,} bytes" if size is not None else f"over {limit:,} bytes"
    return f"the form is {got}; this page takes at most {limit:,} bytes (assess a larger file with careerladder assess -e FILE)"


__all__ = ["FormRefused", "origin_problem", "read_form", "same_origin", "FORM_TYPE", "ENCODING_FACTOR"]
