"""The site and the web app in a real browser (Playwright driving Debian's /usr/bin/chromium; never a
downloaded browser): overview, level, role, compare, diff and search through clicks and typing, keyboard
use, and hostile documents staying inert. Screenshots go to each test's temporary folder."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

playwright_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package (test extra)")
CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"needs {CHROMIUM} (scripts/test installs it with apt-get when run as root)",
                allow_module_level=True)

from careerladder.pipeline import build  # noqa: E402
from careerladder.pages.catalog import url_key  # noqa: E402

from test_site import write_hostile_ladder  # noqa: E402

ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EM, DIRECTOR, CTO = (url_key(x) for x in ("engineering-manager.md", "director-of-engineering.md", "cto.md"))
HANDLERS = "[onerror],[onload],[onmouseover],[onclick],[onfocus],[onanimationstart]"


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watch:
    """A page with everything that must not happen recorded: dialogs, script errors, CSP violations."""

    def __init__(self, page, shots: Path):
        self.page, self.shots, self.dialogs, self.errors, self.csp = page, shots, [], [], []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.csp.append(m.text) if "Content Security Policy" in m.text else None)
        page.set_default_timeout(10_000)

    def shot(self, name: str) -> Path:
        path = self.shots / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 1000
        return path

    def clean(self) -> None:
        assert not self.dialogs, self.dialogs
        assert not self.errors, self.errors
        assert not self.csp, self.csp


@pytest.fixture
def watch(browser, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    w = Watch(context.new_page(), tmp_path)
    yield w
    context.close()


@pytest.fixture(scope="module")
def built(example_build):
    return example_build[0]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser-hostile")
    build([write_hostile_ladder(out / "input")], out / "out")
    return out / "out"


class Server:
    """``careerladder serve``'s app under uvicorn on a free localhost port, in a thread."""

    def __init__(self, db: Path, allow_write: bool = False):
        import uvicorn

        from careerladder.cli.serve import allowed_hosts
        from careerladder.web.app import create_app

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        app = create_app(db, allowed_hosts=allowed_hosts("127.0.0.1", self.port), allow_write=allow_write)
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def server(built):
    s = Server(built / "careerladder.db")
    yield s
    s.stop()


def _file(root: Path, rel: str) -> str:
    return (root / "site" / rel).as_uri()


def test_static_overview_level_role_and_source_by_clicking(watch, built):
    page = watch.page
    page.goto(_file(built, "index.html"))
    assert page.locator("h1").inner_text() == "Career ladders"
    heatmap = page.locator("table.heatmap").filter(has_text="Acme Robotics")
    assert heatmap.locator("tbody tr").count() == 6
    assert heatmap.locator("td.heat-5").count() >= 1, "the heatmap is shaded"
    watch.shot("overview")
    heatmap.get_by_role("link", name="Director of Engineering", exact=True).click()
    page.wait_for_url(lambda u: u.endswith(f"/level/{DIRECTOR}.html"))
    assert page.locator("h1").inner_text() == "Director of Engineering"
    headings = page.locator("h3").all_inner_texts()
    assert "Inherited from Senior Engineering Manager" in headings and "Own expectations" in headings
    assert page.locator("table.requirements").get_by_text("years_experience ≥7 (management)").count() == 1
    watch.shot("level")
    page.get_by_role("link", name="the document as written").click()
    page.wait_for_url(lambda u: u.endswith(f"/role/{DIRECTOR}.html"))
    section = page.locator("section.doc-section", has=page.get_by_role("heading", name="Strategy"))
    item = section.locator("li.statement").first
    assert "Set a yearly strategy" in item.inner_text() and "comp-strategy" in item.get_attribute("class")
    assert page.locator("#leveling-h").is_visible()
    watch.shot("role")
    item.get_by_role("link", name="line 28").click()
    page.wait_for_url(lambda u: "/source/" in u and "director-of-engineering" in u and u.endswith("#L28"))
    assert "Set a yearly strategy" in page.locator("li:target").inner_text()
    watch.clean()


def test_static_compare_with_radar_overlay(watch, built):
    page = watch.page
    page.goto(_file(built, "compare.html"))
    page.select_option("#pick-a", EM)
    page.select_option("#pick-b", CTO)
    page.get_by_role("button", name="Compare").click()
    result = page.locator("#compare-result")
    assert result.locator("h2").inner_text() == "Engineering Manager and Chief Technology Officer"
    images = result.locator(".radar-stack img")
    assert images.count() == 2
    page.wait_for_function("() => [...document.querySelectorAll('.radar-stack img')].every(i => i.naturalWidth > 0)")
    assert "People management" in images.first.get_attribute("alt")
    rows = result.locator("table.compare tbody tr")
    assert rows.count() >= 8
    assert "Set the company's technology vision" in result.locator("tr.comp-technical_direction").inner_text()
    assert page.url.endswith(f"#{EM}+{CTO}")
    watch.shot("compare")
    page.reload()
    assert result.locator("h2").inner_text() == "Engineering Manager and Chief Technology Officer"
    watch.clean()


def test_static_diff_by_picking_two_levels(watch, built):
    page = watch.page
    page.goto(_file(built, "diff.html"))
    page.select_option("#pick-a", EM)
    page.select_option("#pick-b", DIRECTOR)
    page.get_by_role("button", name="Show what it adds").click()
    page.wait_for_url(lambda u: "/diff/" in u and u.endswith(".html"))
    assert page.locator("h2#diff-h").inner_text() == "What Director of Engineering adds over Engineering Manager"
    groups = page.locator("section.added h3").all_inner_texts()
    assert any(g.startswith("Organization design & resourcing") for g in groups)
    assert "Set a yearly strategy" in page.locator("section.added.comp-strategy").inner_text()
    watch.shot("diff")
    assert page.locator("#pick-b option").count() == 7, "a diff page offers the levels of its own ladder"
    watch.clean()


def test_static_diff_across_two_ladders_points_to_the_web_app(watch, built, seeds_dir):
    page = watch.page
    page.goto(_file(built, "diff.html"))
    page.select_option("#pick-a", url_key("001_7d79c1ce421dd6ca.txt"))  # a level of another ladder
    page.select_option("#pick-b", DIRECTOR)
    page.get_by_role("button", name="Show what it adds").click()
    message = page.locator("#diff-message")
    assert message.is_visible() and "careerladder serve" in message.inner_text()
    watch.clean()


def test_static_search_by_typing_with_filters(watch, built):
    page = watch.page
    page.goto(_file(built, "search.html"))
    page.locator("#q").click()
    page.keyboard.type("budget")
    results = page.locator("#search-results ol.results > li")
    results.first.wait_for()
    everything = results.count()
    assert everything >= 3
    assert page.locator("#search-results mark").first.inner_text().lower() == "budget"
    page.select_option("#f-competency", "budget_business")
    assert 0 < results.count() < everything or results.count() == everything
    assert all("Budget & business" in t for t in results.all_inner_texts())
    watch.shot("search")
    first = results.first.locator("a")
    title = first.inner_text()
    first.click()
    page.wait_for_url(lambda u: "/role/" in u and ".html#s" in u)
    assert page.locator("h1").inner_text() == title
    assert "budget" in page.locator("li:target").inner_text().lower()
    watch.clean()


def test_keyboard_skip_link_navigation_and_search(watch, built):
    page = watch.page
    page.goto(_file(built, "index.html"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null"), "focus moved into the content"
    page.goto(_file(built, "index.html"))
    page.keyboard.press("Tab")
    names = []
    for _ in range(6):
        page.keyboard.press("Tab")
        names.append(page.evaluate("document.activeElement.textContent"))
    assert names == ["careerladder", "Ladders", "All roles", "Compare", "Diff", "Search"]
    page.keyboard.press("Enter")
    page.wait_for_url(lambda u: u.endswith("/search.html"))
    page.keyboard.press("Tab")  # skip link
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "q":
            break
    assert page.evaluate("document.activeElement.id") == "q", "the search box is reachable by keyboard"
    page.keyboard.type("hire")
    page.locator("#search-results ol.results > li").first.wait_for()
    assert page.locator("label[for=q]").inner_text() == "Words to find"
    watch.clean()


def _assert_inert(watch) -> None:
    page = watch.page
    assert page.locator(HANDLERS).count() == 0
    assert page.locator('a[href^="javascript:" i], iframe, object, embed, img[src="x"]').count() == 0
    inline = page.evaluate("[...document.scripts].filter(s => !s.src).length")
    assert inline == 0
    assert page.evaluate("typeof window.xss") == "undefined"


def test_hostile_documents_are_inert_in_the_static_site(watch, hostile):
    page = watch.page
    page.goto(_file(hostile, "roles.html"))
    links = [a.get_attribute("href") for a in page.locator("ul.role-list a").all()]
    assert len(links) == 2
    targets = ["index.html", "roles.html", "diff.html", "compare.html"] + links
    for rel in targets:
        page.goto(_file(hostile, rel))
        _assert_inert(watch)
    role_page = links[0].replace("level/", "role/")
    targets.append(role_page)
    page.goto(_file(hostile, role_page))
    _assert_inert(watch)
    assert page.get_by_text('<img src=x onerror=alert("img")>', exact=False).count() >= 1, "shown as text"
    watch.shot("hostile-role")
    page.locator("li.statement a.line-link").first.click()
    page.wait_for_url(lambda u: "/source/" in u)
    _assert_inert(watch)
    page.goto(_file(hostile, "search.html"))
    page.locator("#q").fill("engineers")
    page.locator("#search-results ol.results > li").first.wait_for()
    _assert_inert(watch)
    page.goto(_file(hostile, "compare.html"))
    page.select_option("#pick-a", index=1)
    page.select_option("#pick-b", index=2)
    page.get_by_role("button", name="Compare").click()
    page.locator("#compare-result h2").wait_for()
    _assert_inert(watch)
    watch.shot("hostile-compare")
    for svg in sorted((hostile / "site" / "charts").rglob("*.svg"))[:4]:
        page.goto(svg.as_uri())
        _assert_inert(watch)
    watch.clean()


def test_web_app_pages_compare_diff_and_live_search(watch, server):
    page = watch.page
    page.goto(server.url + "/")
    assert page.locator("h1").inner_text() == "Career ladders"
    page.locator("table.heatmap").get_by_role("link", name="VP of Engineering").click()
    page.wait_for_url(lambda u: "/level/" in u)
    assert page.locator("h1").inner_text() == "VP of Engineering"
    watch.shot("web-level")
    page.get_by_role("link", name="Compare with Senior Director of Engineering").click()
    page.wait_for_url(lambda u: "/compare?a=" in u)
    assert page.locator("#compare-h").inner_text() == "Senior Director of Engineering and VP of Engineering"
    radar = page.locator(".compare-result img.chart")
    page.wait_for_function("() => document.querySelector('.compare-result img.chart').naturalWidth > 0")
    assert "/charts/radar.svg?" in radar.get_attribute("src")
    page.select_option("#pick-a", EM)
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(lambda u: "/compare?a=engineering-manager" in u)
    assert page.locator("#compare-h").inner_text() == "Engineering Manager and VP of Engineering"
    watch.shot("web-compare")
    page.get_by_role("link", name="Diff", exact=True).click()
    page.wait_for_url(lambda u: u.endswith("/diff"))
    page.select_option("#pick-a", CTO)
    page.select_option("#pick-b", EM)
    page.get_by_role("button", name="Show what it adds").click()
    page.wait_for_url(lambda u: "/diff?a=" in u)
    assert page.locator("#diff-h").inner_text() == "What Chief Technology Officer adds over Engineering Manager"
    assert page.get_by_role("note").inner_text().startswith("The two were named higher level first")
    page.get_by_role("link", name="Search", exact=True).click()
    page.wait_for_url(lambda u: u.endswith("/search"))
    page.locator("#q").click()
    page.keyboard.type("budget", delay=30)
    results = page.locator("#search-results ol.results > li")
    results.first.wait_for()  # HTMX fetched them while typing, no submit
    assert page.locator("#search-results mark").count() >= 1
    page.wait_for_url(lambda u: "q=budget" in u)
    count = results.count()
    page.select_option("#f-level", "vp")
    page.wait_for_url(lambda u: "level=vp" in u)
    page.wait_for_function(f"() => document.querySelectorAll('#search-results ol.results > li').length < {count}")
    watch.shot("web-search")
    results.first.locator("a").click()
    page.wait_for_url(lambda u: "/role/" in u and "#s" in u)
    assert page.locator("h1").inner_text()
    watch.clean()


def test_hostile_documents_are_inert_in_the_web_app(watch, hostile):
    server = Server(hostile / "careerladder.db")
    try:
        page = watch.page
        page.goto(server.url + "/roles")
        links = [a.get_attribute("href") for a in page.locator("ul.role-list a").all()]
        for path in ["/", "/roles", "/search?q=engineers", "/compare", "/diff"] + links:
            page.goto(server.url + path)
            _assert_inert(watch)
        keys = [link.rsplit("/", 1)[-1] for link in links]
        for path in (f"/role/{keys[0]}", f"/source/{keys[0]}", f"/compare?a={keys[0]}&b={keys[1]}",
                     f"/charts/radar.svg?a={keys[0]}&b={keys[1]}"):
            page.goto(server.url + path)
            _assert_inert(watch)
        page.goto(server.url + "/search")
        page.locator("#q").fill('<img src=x onerror=alert("q")>')
        page.keyboard.press("Enter")
        page.locator("#search-results").wait_for()
        _assert_inert(watch)
        watch.shot("web-hostile")
        watch.clean()
    finally:
        server.stop()


def test_chromium_is_the_system_one():
    assert shutil.which("chromium") or CHROMIUM.exists()
