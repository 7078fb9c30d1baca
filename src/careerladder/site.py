"""The static ladder site: ``OUT/site/``, readable from ``file://`` and from any static host.

Every page is rendered from the same context as the web app's page and written
beside its JSON twin (``level/<key>.html`` and ``level/<key>.json``). Links are
relative, scripts and styles are the files under ``static/`` (HTMX is not
needed here: search, compare and diff run on data files in ``data/`` read by
``static/site.js``), charts are pygal SVGs without scripts, and nothing is
loaded from another site. Pages: ``index.html`` (heatmaps, lint findings, calibration),
``roles.html``, ``level/``, ``role/``, ``source/`` (the input files with line
anchors), ``compare.html``, ``diff.html`` and ``diff/`` (every pair of levels of
one ladder), ``search.html``; exports under ``export/``.

>>> from careerladder.store import open_store
>>> import tempfile, pathlib
>>> result = render_site(open_store(":memory:"), pathlib.Path(tempfile.mkdtemp()) / "site")
>>> result.pages, (result.root / "index.html").exists()
(5, True)
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from . import thresholds as T
from .diff import UNCLASSIFIED, top_competency
from .errors import CareerLadderError
from .model import Diagnostic, Ladder, Role, role_statements
from .store import Store, open_store
from .pages.catalog import Catalog, file_key, url_key
from .pages.compare import compare_context, diff_context, search_context
from .pages.context import (competencies_data, coverage_data, level_context, overview_context,
                           role_context, role_ref, roles_context, source_context, statement_anchor)
from .pages.findings import lint_context
from .pages.templating import StaticLinks, diff_file, environment, render
from .render import charts, export
from .render.summary import requirement_text

#: Marks a folder as written by ``render_site`` (only such a folder is emptied before writing).
MARKER = ".careerladder-site"


@dataclass
class SiteResult:
    """What ``render_site`` wrote: ``root`` folder, number of HTML ``pages``, all ``files``, and how many
    job postings were left out (over ``thresholds.SITE_MAX_POSTINGS``)."""

    root: Path
    pages: int = 0
    files: int = 0
    postings_left_out: int = 0
    problems: list[str] = field(default_factory=list)


class _Writer:
    def __init__(self, root: Path, result: SiteResult):
        self.root, self.result, self.env = root, result, environment()

    def file(self, rel: str, text: str | bytes) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        self.result.files += 1

    def page(self, rel: str, template: str, context: dict[str, Any], json_twin: bool = True) -> None:
        """Write ``rel`` (an .html path) from ``template`` and, beside it, the context as JSON."""
        links = StaticLinks(rel.count("/"))
        json_rel = rel[:-5] + ".json"
        html = render(self.env, template, context, links,
                      json_url=json_rel.rsplit("/", 1)[-1] if json_twin else None)
        self.file(rel, html)
        if json_twin:
            self.file(json_rel, json.dumps(context, ensure_ascii=False))
        self.result.pages += 1

    def script(self, rel: str, assignments: dict[str, Any]) -> None:
        """A data file: ``window.careerladder.<name> = <json>;`` per item (loaded with ``<script src>``)."""
        body = "".join(f"window.careerladder.{name} = {_js(value)};\n" for name, value in assignments.items())
        self.file(rel, "window.careerladder = window.careerladder || {};\n" + body)


def _js(value: Any) -> str:
    """JSON as a JavaScript literal (``<`` escaped so the text can never close a script element)."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def _prepare(root: Path) -> None:
    if root.exists():
        if not (root / MARKER).exists() and any(root.iterdir()):
            raise CareerLadderError("folder exists and was not written by careerladder; not overwriting it",
                                    str(root))
        shutil.rmtree(root)
    root.mkdir(parents=True)
    (root / MARKER).write_text("written by careerladder render_site; emptied on every build\n")


def _copy_static(w: _Writer) -> None:
    folder = resources.files("careerladder") / "static"
    for item in folder.iterdir():
        if item.is_file() and item.name.endswith((".js", ".css")):
            w.file(f"static/{item.name}", item.read_bytes())


def render_site(source: Store | str | Path, out_dir: str | Path, *,
                max_postings: int | None = None,
                diagnostics: Iterable[Diagnostic] | None = None) -> SiteResult:
    """Write the static site for everything in ``source`` (a store, or a path to ``careerladder.db``).

    ``out_dir`` is emptied first when an earlier ``render_site`` wrote it; a
    non-empty folder it did not write raises ``CareerLadderError``. ``max_postings``: job postings
    given pages (default ``thresholds.SITE_MAX_POSTINGS``).
    ``diagnostics``: what reading and resolving reported (``BuildResult.diagnostics``), shown
    with the lint findings on the overview; None lints the stored ladders alone
    (``web.findings``: reference problems are found again, reading problems are not).
    Returns a ``SiteResult``; a source file that cannot be read is noted in
    ``problems`` and its page names the path instead.
    """
    max_postings = T.SITE_MAX_POSTINGS if max_postings is None else max_postings
    store = open_store(source, readonly=True) if isinstance(source, (str, Path)) else source
    try:
        cat = Catalog.load(store)
        return _render(cat, Path(out_dir), max_postings, lint_context(cat, diagnostics))
    finally:
        if store is not source:
            store.close()


def _render(cat: Catalog, root: Path, max_postings: int, lint: dict[str, Any]) -> SiteResult:
    _prepare(root)
    result = SiteResult(root)
    w = _Writer(root, result)
    _copy_static(w)
    roles = cat.all_roles(limit_postings=max_postings)
    result.postings_left_out = max(0, cat.counts.get("roles", 0) - len(roles))
    overview = overview_context(cat, lint=lint)
    overview["postings_left_out"] = result.postings_left_out
    w.page("index.html", "overview.html", overview)
    w.page("roles.html", "roles.html", roles_context(cat, limit=max_postings))
    _role_pages(w, cat, roles)
    _charts(w, cat, roles)
    _compare_and_diff(w, cat, roles)
    _search(w, cat, roles)
    _exports(w, cat, roles)
    return result


def _role_pages(w: _Writer, cat: Catalog, roles: list[Role]) -> None:
    sources: dict[str, list] = {}
    for role in roles:
        f = file_key(role.id)
        w.page(f"role/{f}.html", "role.html", role_context(cat, role))
        if role.kind == "ladder_level":
            w.page(f"level/{f}.html", "level.html", level_context(cat, role))
        sources.setdefault(role.source, []).append(role)
    for source, owners in sources.items():
        ctx = source_context(source, owners)
        if ctx["note"]:
            w.result.problems.append(f"{source}: {ctx['note']}")
        w.page(f"source/{file_key(source)}.html", "source.html", ctx, json_twin=False)


def _charts(w: _Writer, cat: Catalog, roles: list[Role]) -> None:
    """Radar charts of every role on one scale (``radar/`` teal, ``radar-b/`` orange on a transparent
    background, so the compare page can lay one over the other) and a dot matrix per ladder."""
    coverage = {r.id: coverage_data(cat.effective(r)) for r in roles}
    top = max([1] + [n for cov in coverage.values() for n in cov.values()])
    for role in roles:
        f, series = file_key(role.id), [(role.title, coverage[role.id])]
        w.file(f"charts/radar/{f}.svg", charts.radar_svg(series, title=role.title, max_value=top, legend=False))
        w.file(f"charts/radar-b/{f}.svg", charts.radar_svg(series, title=role.title, max_value=top, legend=False,
                                                           colors=charts.COLORS[1:], transparent=True))
    for ladder in cat.ladders:
        rows = [(r.title, coverage[r.id] if r.id in coverage else coverage_data(cat.effective(r)))
                for r in ladder.roles]
        svg = charts.matrix_svg(rows, title=f"{ladder.name}: expectations per competency")
        w.file(f"charts/matrix/{file_key(ladder.id)}.svg", svg)


def _compare_and_diff(w: _Writer, cat: Catalog, roles: list[Role]) -> None:
    """``compare.html`` with ``data/roles.js`` and one ``data/role/<key>.js`` per role (read by site.js);
    ``diff.html`` and a page under ``diff/`` for every pair of levels of one ladder (``data/diffs.js``)."""
    files = {url_key(r.id): file_key(r.id) for r in roles}
    names = {c["id"]: c["name"] for c in competencies_data()}
    w.script("data/roles.js", {"files": files, "competencies": names, "competencyOrder": list(names)})
    for role in roles:
        f = file_key(role.id)
        exps = cat.effective(role)
        data = {"key": url_key(role.id), "title": role.title, "organization": role.organization,
                "href": f"role/{f}.html", "radar": f"charts/radar/{f}.svg", "radar_b": f"charts/radar-b/{f}.svg",
                "coverage": coverage_data(exps), "requirements": [requirement_text(r) for r in role.requirements],
                "expectations": [[None if top_competency(e) == UNCLASSIFIED else top_competency(e), e.statement.text,
                                  e.statement.label, e.origin_id == role.id, e.origin_title] for e in exps]}
        w.file(f"data/role/{f}.js", f"window.careerladder.putRole({_js(data['key'])}, {_js(data)});\n")
    w.page("compare.html", "compare.html", compare_context(cat, None, None, limit_postings=len(roles)))
    diffs = {}
    for ladder in cat.ladders:
        levels = [role_ref(r) for r in ladder.roles]
        for lower, higher in diff_pairs(ladder):
            a, b = url_key(lower.id), url_key(higher.id)
            rel = f"diff/{diff_file(a, b)}"
            ctx = diff_context(cat, lower, higher, limit_postings=0)
            ctx["choices"] = levels  # this ladder's levels: the other pairs of the ladder are a click away
            w.page(rel, "diff.html", ctx)
            diffs[f"{a} {b}"] = rel
    w.script("data/diffs.js", {"diffs": diffs})
    w.page("diff.html", "diff.html", diff_context(cat, None, None, limit_postings=0))


def diff_pairs(ladder: Ladder) -> list[tuple[Role, Role]]:
    """(lower, higher) levels the static site pre-renders a diff for: every pair of a ladder of at most
    ``thresholds.DIFF_ALL_PAIRS_MAX_LEVELS`` levels, else each level and the next (the web app diffs any two)."""
    roles = ladder.roles
    if len(roles) <= T.DIFF_ALL_PAIRS_MAX_LEVELS:
        return [(lo, hi) for i, lo in enumerate(roles) for hi in roles[i + 1:]]
    return list(zip(roles, roles[1:]))


def _search(w: _Writer, cat: Catalog, roles: list[Role]) -> None:
    """``search.html`` plus ``data/search.js``: every statement of every role in the site, with filters."""
    index_roles, statements = [], []
    for n, role in enumerate(roles):
        f = file_key(role.id)
        index_roles.append([url_key(role.id), role.title, role.organization or "",
                            role.leveling.level if role.leveling else "", role.kind, f"role/{f}.html"])
        for section, st in role_statements(role):
            comps = st.competencies
            best = max(comps, key=lambda c: c.score).competency if comps else ""
            statements.append([n, statement_anchor(st.id), st.text, best, section.kind])
    ctx = search_context(cat, with_results=False)
    names = {c["id"]: c["name"] for c in ctx["options"]["competencies"]}
    levels = {o["id"]: o["name"] for o in ctx["options"]["levels"]}
    w.script("data/search.js", {"index": {"roles": index_roles, "statements": statements, "competencies": names,
                                          "levels": levels, "limit": ctx["limit"]}})
    w.page("search.html", "search.html", ctx)


def _exports(w: _Writer, cat: Catalog, roles: list[Role]) -> None:
    """Exports of what the site shows: roles (JSON), ladders (JSON), statements (CSV), each role as
    Markdown, each level as a job-posting draft (Markdown and JSON-LD)."""
    ids = {r.id for r in roles}
    data = [d for d in cat.store.roles() if d["id"] in ids]
    w.file("export/roles.json", export.roles_json(data))
    w.file("export/ladders.json", export.ladders_json(cat.store.ladders()))
    w.file("export/statements.csv", export.statements_csv(roles))
    for role in roles:
        f = file_key(role.id)
        w.file(f"export/role/{f}.md", export.role_markdown(role, cat.effective(role)))
        if role.kind == "ladder_level":
            draft = export.posting_draft(role, cat.effective(role))
            w.file(f"export/posting/{f}.md", draft.markdown)
            w.file(f"export/posting/{f}.jsonld", export.jsonld_text(draft.jsonld) + "\n")
