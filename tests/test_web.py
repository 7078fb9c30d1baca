"""The web app (``careerladder serve``) through its ASGI interface: pages and their JSON twins, the /api/
with its OpenAPI schema, search with filters and HTMX partials, charts, exports, and its security:
read-only, strict CSP on every response, no path traversal, Host checking, escaped document text."""

from __future__ import annotations

import json
import sqlite3
from urllib.parse import parse_qsl, urlsplit

import pytest

pytest.importorskip("fastapi", reason="the web app needs the 'web' extra")
from fastapi import APIRouter, Depends  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from careerladder.cli import app as cli_app  # noqa: E402
from careerladder.cli.serve import allowed_hosts  # noqa: E402
from typer.testing import CliRunner  # noqa: E402
from careerladder.errors import StoreError  # noqa: E402
from careerladder.pipeline import EXAMPLE_LADDER, build  # noqa: E402
from careerladder.web.app import create_app  # noqa: E402
from careerladder.web.deps import Site, get_site  # noqa: E402
from careerladder.pages.catalog import url_key  # noqa: E402
from careerladder.web.views import ROUTERS  # noqa: E402

from conftest import SEEDS  # noqa: E402
from test_site import PAYLOADS, write_hostile_ladder  # noqa: E402

DIRECTOR, EM, CTO = (url_key(x) for x in ("director-of-engineering.md", "engineering-manager.md", "cto.md"))
#: Roles in the test database: the example ladder's six levels, and the five seeds when present.
ROLES = 6 + (5 if SEEDS.exists() else 0)


@pytest.fixture(scope="module")
def db(example_build):
    return example_build[0] / "careerladder.db"


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


PAGES = ["/", "/roles", f"/level/{DIRECTOR}", f"/role/{DIRECTOR}", f"/source/{DIRECTOR}",
         f"/compare?a={EM}&b={CTO}", f"/diff?a={CTO}&b={EM}", "/search?q=budget", "/compare", "/diff", "/search",
         "/assess", "/assess/history", "/assess/history?person=Nobody"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_with_strict_headers(client, path):
    res = client.get(path)
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/html")
    csp = res.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert res.headers["x-content-type-options"] == "nosniff"
    page = LexborHTMLParser(res.text)
    assert len(page.css("h1")) == 1
    assert all(s.attributes.get("src", "").startswith("/static/") for s in page.css("script"))
    assert all((img.attributes.get("alt") or "").strip() for img in page.css("img"))


@pytest.mark.parametrize("page, api", [
    ("/index.json", "/api/overview"), (f"/level/{DIRECTOR}.json", f"/api/levels/{DIRECTOR}"),
    (f"/role/{CTO}.json", f"/api/roles/{CTO}"), (f"/compare.json?a={EM}&b={CTO}", f"/api/compare?a={EM}&b={CTO}"),
    (f"/diff.json?a={EM}&b={CTO}", f"/api/diff?a={EM}&b={CTO}"),
    ("/search.json?q=budget&kind=ladder_level", "/api/search?q=budget&kind=ladder_level"),
])
def test_json_twin_equals_the_api(client, page, api):
    twin, data = client.get(page), client.get(api)
    assert twin.status_code == data.status_code == 200
    assert twin.json() == data.json()
    html = client.get("/" if page == "/index.json" else page.replace(".json", "", 1))
    link = LexborHTMLParser(html.text).css_first('link[rel="alternate"]').attributes["href"]
    assert link.replace("&amp;", "&") == page


def test_level_diff_and_compare_content(client):
    level = client.get(f"/api/levels/{DIRECTOR}").json()
    assert level["own_count"] == 11 and level["ladder"]["name"] == "Acme Robotics management"
    assert {e["origin"]["title"] for e in level["expectations"] if not e["own"]} == {
        "Senior Engineering Manager", "Engineering Manager"}
    diff = client.get(f"/api/diff?a={CTO}&b={EM}").json()  # named the wrong way round
    assert diff["swapped"] and diff["lower"]["title"] == "Engineering Manager"
    added = {g["competency"]: len(g["items"]) for g in diff["added"]}
    assert added["org_design"] >= 5 and sum(added.values()) == diff["added_count"]
    compare = client.get(f"/api/compare?a={EM}&b={CTO}").json()
    cov = {c["competency"]: (c["a"], c["b"]) for c in compare["coverage"]}
    assert cov["people_management"][0] <= cov["people_management"][1]
    page = LexborHTMLParser(client.get(f"/compare?a={EM}&b={CTO}").text)
    assert page.css_first(".compare-result img").attributes["src"] == f"/charts/radar.svg?a={EM}&b={CTO}"


def test_search_filters_and_htmx_partial(client):
    hits = client.get("/api/search", params={"q": "budget"}).json()["results"]
    assert hits and all("budget" in h["text"].lower() for h in hits)
    only = client.get("/api/search", params={"q": "budget", "competency": "budget_business",
                                              "organization": "Acme Robotics"}).json()["results"]
    assert only and all(h["competency"] == "budget_business" and h["role"]["organization"] == "Acme Robotics"
                        for h in only)
    assert len(only) < len(hits)
    assert all(any(marked for _, marked in h["snippet"]) for h in only)
    partial = client.get("/search", params={"q": "budget"}, headers={"HX-Request": "true"})
    assert "<html" not in partial.text and "<mark>" in partial.text
    page = LexborHTMLParser(partial.text)
    first = page.css_first("ol.results li a").attributes["href"]
    assert first.startswith("/role/") and "#s" in first
    echo = client.get("/search", params={"q": '<script>alert(1)</script>'}).text
    assert "<script>alert(1)" not in echo and "&lt;script&gt;alert(1)" in echo


def test_openapi_describes_the_api_only(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "careerladder"
    paths = set(schema["paths"])
    assert {"/api/overview", "/api/roles", "/api/roles/{key}", "/api/levels/{key}", "/api/search",
            "/api/compare", "/api/diff", "/api/ladders"} <= paths
    assert all(p.startswith("/api/") for p in paths)
    params = {p["name"] for p in schema["paths"]["/api/search"]["get"]["parameters"]}
    assert params == {"q", "level", "competency", "organization", "kind", "semantic"}
    assert client.get("/docs").status_code == 404, "no Swagger UI: it loads scripts from a CDN"


def test_charts_and_exports(client):
    svg = client.get(f"/charts/radar.svg?a={EM}&b={CTO}")
    assert svg.headers["content-type"] == "image/svg+xml" and "<script" not in svg.text
    assert "script-src" not in svg.headers["content-security-policy"]
    assert "Engineering Manager" in svg.text and "Chief Technology Officer" in svg.text
    png = client.get("/charts/matrix/acme-robotics-management.png")
    assert png.status_code == 200 and png.content[:4] == b"\x89PNG"
    assert client.get("/charts/radar.gif?a=" + EM).status_code == 404
    roles = client.get("/export/roles.json")
    assert roles.headers["content-disposition"] == 'attachment; filename="roles.json"' and len(roles.json()) == ROLES
    csv_text = client.get("/export/statements.csv").text
    assert csv_text.splitlines()[0].startswith("role_id,role_title")
    ld = client.get(f"/export/posting/{DIRECTOR}.jsonld")
    assert ld.headers["content-type"].startswith("application/ld+json")
    assert json.loads(ld.text)["@type"] == "JobPosting"
    assert client.get(f"/export/role/{CTO}.md").text.startswith("# Chief Technology Officer")


def _routes(routes):
    """Every route, inside the routers FastAPI includes as wrappers too."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _routes(inner.routes)
        else:
            yield route


#: The only routes taking a POST: the assessment form computes a page (writes nothing), and
#: /assess/save stores only with --allow-write (tests/test_web_assess.py).
POST_ROUTES = {"/assess", "/assess.json", "/assess.md", "/assess/save"}


def test_read_only(client, db):
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/").status_code == 405
        assert getattr(client, method)("/api/roles").status_code == 405
    routes = list(_routes(client.app.routes))
    assert len(routes) > 30
    posts = set()
    for route in routes:
        methods = set(getattr(route, "methods", None) or {"GET"})
        if methods == {"POST"}:
            posts.add(route.path)
        else:
            assert methods <= {"GET", "HEAD"}, route
    assert posts == POST_ROUTES
    site: Site = client.app.state.site
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        site.store.conn.execute("DELETE FROM roles")


#: Query strings the page walk adds to pages that take them (every page is walked bare, too).
WALK_QUERIES = {"/roles": "?kind=ladder_level", "/compare": f"?a={EM}&b={CTO}", "/diff": f"?b={EM}&a={CTO}",
                "/search": "?kind=ladder_level&q=budget", "/assess": f"?level={DIRECTOR}",
                "/assess/history": "?person=Nobody&saved=new"}
#: HTML pages without a JSON twin, as in the static site: the source file with line anchors.
NO_TWIN = {"/source/{key}"}


def _page_routes(app) -> set[str]:
    """Paths of the GET routes answering HTML pages: no file suffix, not the API, charts, exports or
    static files."""
    return {route.path for route in _routes(app.routes)
            if "GET" in (getattr(route, "methods", None) or ())
            and not route.path.startswith(("/api", "/charts/", "/export/", "/static"))
            and "." not in route.path.rsplit("/", 1)[-1]}


def test_every_page_has_a_json_twin_of_the_context_it_rendered(client, monkeypatch):
    rendered = []
    page = Site.page

    def recording(self, template, context, **kw):
        rendered.append(context)
        return page(self, template, context, **kw)

    monkeypatch.setattr(Site, "page", recording)
    paths = _page_routes(client.app)
    assert {"/", "/roles", "/level/{key}", "/role/{key}", "/compare", "/diff", "/search", "/assess",
            "/assess/history"} | NO_TWIN <= paths
    for path in sorted(paths):
        bare = path.replace("{key}", DIRECTOR)
        assert "{" not in bare, f"give the page walk a value for {path}"
        for url in dict.fromkeys([bare, bare + WALK_QUERIES.get(path, "")]):
            rendered.clear()
            html = client.get(url)
            assert html.status_code == 200 and len(rendered) == 1, url
            link = LexborHTMLParser(html.text).css_first('link[rel="alternate"][type="application/json"]')
            if path in NO_TWIN:
                assert link is None, url
                continue
            twin_url = link.attributes["href"]
            assert urlsplit(twin_url).path == ("/index.json" if bare == "/" else bare + ".json"), url
            assert sorted(parse_qsl(urlsplit(twin_url).query)) == sorted(parse_qsl(urlsplit(url).query)), url
            twin = client.get(twin_url)
            assert twin.status_code == 200 and twin.headers["content-type"] == "application/json", twin_url
            assert twin.json() == json.loads(json.dumps(rendered[0])), url
        if "{key}" in path and path not in NO_TWIN:  # the same 404, as a page and as JSON
            missing, missing_twin = client.get(path.replace("{key}", "nothing")), client.get(
                path.replace("{key}", "nothing") + ".json")
            assert missing.status_code == missing_twin.status_code == 404, path
            assert missing_twin.json()["error"] in LexborHTMLParser(missing.text).css_first("main").text()


@pytest.mark.parametrize("path", [
    "/static/..%2f..%2fpyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml", "/static/../web/app.py",
    "/source/..%2F..%2F..%2Fetc%2Fpasswd", "/source/~2E~2E~2F~2E~2E~2Fetc~2Fpasswd", "/source/%2Fetc%2Fpasswd",
    "/charts/matrix/..%2f..%2fpyproject.svg", "/export/role/..%2f..%2fpyproject.md", "/level/~ZZ",
])
def test_path_traversal_is_rejected(client, path):
    res = client.get(path)
    assert res.status_code == 404, path
    assert "root:" not in res.text and "[project]" not in res.text and "create_app" not in res.text
    assert "content-security-policy" in res.headers


def test_unknown_keys_give_404_pages_and_json(client):
    page = client.get("/level/nothing~2Emd")
    assert page.status_code == 404 and "no level with key" in LexborHTMLParser(page.text).css_first("main").text()
    api = client.get("/api/roles/nothing")
    assert api.status_code == 404 and api.json()["status"] == 404


def test_a_job_posting_has_a_role_page_but_no_level_page(client, seeds_dir):
    assert client.get(f"/level/{url_key('001_7d79c1ce421dd6ca.txt')}").status_code == 200
    assert client.get(f"/role/{url_key('000_46b10606bf43a2d5.txt')}").status_code == 200
    assert client.get(f"/level/{url_key('000_46b10606bf43a2d5.txt')}").status_code == 404, "a posting is no level"


def test_host_header_is_checked_when_bound_to_loopback(db):
    hosts = allowed_hosts("127.0.0.1", 8123)
    assert "127.0.0.1:8123" in hosts and "localhost" in hosts and allowed_hosts("0.0.0.0", 8000) is None
    with TestClient(create_app(db, allowed_hosts=hosts), base_url="http://127.0.0.1:8123") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"host": "attacker.example"}).status_code == 400


def test_serve_binds_loopback_by_default():
    import typer.main

    from careerladder.cli import app

    serve = typer.main.get_command(app).commands["serve"]
    defaults = {p.name: p.default for p in serve.params}
    assert defaults["host"] == "127.0.0.1" and defaults["port"] == 8000


def test_missing_database_is_a_clear_error_and_is_not_created(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "nope.db")
    assert not (tmp_path / "nope.db").exists()


def test_another_page_family_can_be_mounted(db):
    extra = APIRouter()

    @extra.get("/hello")
    async def hello(site: Site = Depends(get_site)):
        return site.page("error.html", {"page": "hello", "title": "Hello", "message": "an extra page family"})

    with TestClient(create_app(db, routers=[*ROUTERS, extra])) as c:
        res = c.get("/hello")
        assert res.status_code == 200 and "an extra page family" in res.text
        assert "script-src 'self'" in res.headers["content-security-policy"]
        assert c.get("/").status_code == 200


def test_hostile_documents_render_escaped(tmp_path):
    build([write_hostile_ladder(tmp_path / "input")], tmp_path / "out")
    with TestClient(create_app(tmp_path / "out" / "careerladder.db")) as c:
        keys = [r["key"] for r in c.get("/api/roles").json()["roles"]]
        pages = ["/", "/search?q=engineers", f"/compare?a={keys[0]}&b={keys[-1]}", f"/diff?a={keys[0]}&b={keys[-1]}"]
        pages += [f"/role/{k}" for k in keys] + [f"/level/{k}" for k in keys] + [f"/source/{k}" for k in keys]
        for path in pages:
            html = c.get(path).text
            for payload in PAYLOADS:
                assert payload not in html, (path, payload)
            for node in LexborHTMLParser(html).css("*"):
                assert not any(name.startswith("on") for name in node.attributes), (path, node.html)
                assert not (node.attributes.get("href") or "").lower().startswith("javascript:"), (path, node.html)


def test_catalog_is_read_again_after_a_rebuild(tmp_path, seeds_dir):
    build([EXAMPLE_LADDER], tmp_path)
    with TestClient(create_app(tmp_path / "careerladder.db")) as c:
        assert c.get("/api/overview").json()["postings_total"] == 0
        build([EXAMPLE_LADDER, seeds_dir], tmp_path)
        assert c.get("/api/overview").json()["postings_total"] == 2


def test_the_app_serves_a_postgresql_database(tmp_path, monkeypatch):
    """``serve --db postgresql://...`` and ``create_app`` take every URL ``open_store`` accepts."""
    import pg
    import uvicorn
    from careerladder.pipeline import ingest

    url = pg.database_url()
    summary = ingest([EXAMPLE_LADDER], url, jobs=1, errors_path=tmp_path / "e.log")
    assert summary.stored == 6 and summary.ladder_levels == 6
    with TestClient(create_app(url)) as client:
        page = client.get("/")
        assert page.status_code == 200 and "Chief Technology Officer" in page.text
        assert client.get("/index.json").json()["ladders"]
    served = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: served.append(kw))
    result = CliRunner().invoke(cli_app, ["serve", "--db", url, "--port", "8765"])
    assert result.exit_code == 0, result.output
    assert served == [{"host": "127.0.0.1", "port": 8765, "log_level": "warning"}]
