"""The Jinja environment both faces share, and where each page lives in each face.

One set of templates (``careerladder/templates``, partials start with ``_``)
renders the static site and the web app; only ``url`` (a ``Links``) and
``mode`` (``"static"`` or ``"web"``) differ. Autoescape is on for every
template, whatever its name: document text is untrusted.
"""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..version import __version__
from ..vocab import LEVEL_NAMES
from .catalog import file_key, role_id_of
from .context import competency_name

#: HTMX build shipped in ``careerladder/static`` (see static/VENDORED.md).
HTMX = "htmx-2.0.11.min.js"
#: Content-Security-Policy of every HTML page: nothing inline, nothing from elsewhere.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'")


def diff_file(a_key: str, b_key: str) -> str:
    """File name (under ``diff/``) of the static diff page of two roles."""
    return hashlib.sha1(f"{a_key}\n{b_key}".encode()).hexdigest()[:16] + ".html"


class WebLinks:
    """URL paths of the web app (absolute, query strings for compare/diff/search)."""

    mode = "web"
    root = "/"

    def home(self) -> str:
        return "/"

    def roles(self) -> str:
        return "/roles"

    def level(self, key: str) -> str:
        return f"/level/{key}"

    def role(self, key: str, anchor: str | None = None) -> str:
        return f"/role/{key}" + (f"#{anchor}" if anchor else "")

    def compare(self, a: str | None = None, b: str | None = None) -> str:
        return "/compare" + (f"?{urlencode({'a': a, 'b': b})}" if a and b else "")

    def diff(self, a: str | None = None, b: str | None = None) -> str:
        return "/diff" + (f"?{urlencode({'a': a, 'b': b})}" if a and b else "")

    def search(self) -> str:
        return "/search"

    def static(self, name: str) -> str:
        return f"/static/{name}"

    def source(self, key: str, source: str, line: int | None = None) -> str:
        return f"/source/{key}" + (f"#L{line}" if line else "")

    def radar(self, a: str, b: str | None = None, fmt: str = "svg") -> str:
        return f"/charts/radar.{fmt}?" + urlencode({"a": a, **({"b": b} if b else {})})

    def matrix(self, ladder_key: str, fmt: str = "svg") -> str:
        return f"/charts/matrix/{ladder_key}.{fmt}"

    def export(self, name: str) -> str:
        return f"/export/{name}"

    def posting(self, key: str, fmt: str) -> str:
        return f"/export/posting/{key}.{fmt}"

    def role_export(self, key: str) -> str:
        return f"/export/role/{key}.md"

    def api(self) -> str:
        return "/api"

    def assess(self, fmt: str | None = None, level: str | None = None) -> str:
        """The assessment form (web app only: the static site has no server to assess with)."""
        return "/assess" + (f".{fmt}" if fmt else "") + (f"?{urlencode({'level': level})}" if level else "")

    def assess_save(self) -> str:
        return "/assess/save"

    def assess_history(self, person: str | None = None, fmt: str | None = None) -> str:
        return "/assess/history" + (f".{fmt}" if fmt else "") + (f"?{urlencode({'person': person})}" if person else "")


class StaticLinks:
    """Relative file paths of the static site, from a page ``depth`` folders below the site root."""

    mode = "static"

    def __init__(self, depth: int = 0):
        self.root = "../" * depth or "./"
        self._up = "../" * depth

    def home(self) -> str:
        return self._up + "index.html"

    def roles(self) -> str:
        return self._up + "roles.html"

    def level(self, key: str) -> str:
        return f"{self._up}level/{_file(key)}.html"

    def role(self, key: str, anchor: str | None = None) -> str:
        return f"{self._up}role/{_file(key)}.html" + (f"#{anchor}" if anchor else "")

    def compare(self, a: str | None = None, b: str | None = None) -> str:
        return self._up + "compare.html" + (f"#{a}+{b}" if a and b else "")

    def diff(self, a: str | None = None, b: str | None = None) -> str:
        if a and b:
            return f"{self._up}diff/{diff_file(a, b)}"
        return self._up + "diff.html"

    def search(self) -> str:
        return self._up + "search.html"

    def static(self, name: str) -> str:
        return f"{self._up}static/{name}"

    def source(self, key: str, source: str, line: int | None = None) -> str:
        return f"{self._up}source/{file_key(source)}.html" + (f"#L{line}" if line else "")

    def radar(self, a: str, b: str | None = None, fmt: str = "svg") -> str:
        return f"{self._up}charts/radar/{_file(a)}.{fmt}"

    def matrix(self, ladder_key: str, fmt: str = "svg") -> str:
        return f"{self._up}charts/matrix/{_file(ladder_key)}.{fmt}"

    def export(self, name: str) -> str:
        return f"{self._up}export/{name}"

    def posting(self, key: str, fmt: str) -> str:
        return f"{self._up}export/posting/{_file(key)}.{fmt}"

    def role_export(self, key: str) -> str:
        return f"{self._up}export/role/{_file(key)}.md"

    def api(self) -> str:
        return self._up + "index.json"


def _file(key: str) -> str:
    rid = role_id_of(key)
    return file_key(rid) if rid is not None else key


def level_name(level: str | None) -> str:
    return LEVEL_NAMES.get(level or "", level or "—")


def percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def environment() -> Environment:
    """The shared Jinja environment: package templates, autoescape on everything, strict undefined."""
    env = Environment(loader=PackageLoader("careerladder", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(version=__version__, htmx=HTMX, csp=CSP, level_name=level_name,
                       competency_name=competency_name)
    env.filters.update(percent=percent)
    return env


def render(env: Environment, template: str, context: dict[str, Any], links, **extra: Any) -> str:
    """Render ``template`` with a page context, the page's ``links`` and ``mode``."""
    return env.get_template(template).render(**context, ctx=context, url=links, mode=links.mode, **extra)
