"""Ladder lint findings on the ladder overview: the static site (with the build's diagnostics) and the web
app (linted from the stored ladders), grouped by severity, linking to the level page and the source line,
their quoted ladder text escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from careerladder.pipeline import build
from careerladder.site import render_site
from careerladder.pages.findings import STORED_NOTE
from xss_payloads import assert_inert_html

ABTION_SEM = "Senior Engineering Manager"


@pytest.fixture(scope="module")
def abtion(tmp_path_factory, seeds_dir, ladders_dir):
    """The seeds and the Abtion ladder (three levels titled Senior Engineering Manager), built."""
    out = tmp_path_factory.mktemp("lint-site")
    result = build([seeds_dir, ladders_dir / "abtion__guidelines"], out)
    return out, result


def _overview(root: Path) -> dict:
    return json.loads((root / "index.json").read_text(encoding="utf-8"))


def _ladder(overview: dict, level_title: str) -> dict:
    return next(lad for lad in overview["ladders"] if any(lv["title"] == level_title for lv in lad["levels"]))


def _keys(ladder: dict) -> set[tuple]:
    return {(f["code"], f["severity"], f["source"], f["line"], f["role_id"])
            for g in ladder["lint"]["groups"] for f in g["findings"]}


def test_static_overview_shows_the_abtion_duplicate_titles_with_links(abtion):
    out, _ = abtion
    root = out / "site"
    overview = _overview(root)
    assert overview["lint"]["origin"] == "build" and overview["lint"]["available"]
    ladder = _ladder(overview, ABTION_SEM)
    dupes = [f for g in ladder["lint"]["groups"] for f in g["findings"] if f["code"] == "DUPLICATE_TITLE"]
    sem = [f for f in dupes if f["level"]["title"] == ABTION_SEM]
    assert len(sem) == 3 and len({f["role_id"] for f in sem}) == 3
    assert all("3 levels of this ladder are called 'Senior Engineering Manager'" in f["message"] for f in sem)
    assert [g["severity"] for g in ladder["lint"]["groups"]] == sorted(
        (g["severity"] for g in ladder["lint"]["groups"]), key=["error", "warning", "info"].index)

    page = LexborHTMLParser((root / "index.html").read_text(encoding="utf-8"))
    section = next(s for s in page.css("section.lint") if ladder["name"] in s.css_first("h3").text())
    items = [li for li in section.css("li.finding") if li.attributes.get("data-code") == "DUPLICATE_TITLE"]
    shown = [li for li in items if ABTION_SEM in li.css_first("a").text()]
    assert len(shown) == 3
    for li in shown:
        level_href, source_href = (a.attributes["href"] for a in li.css("a"))
        assert (root / level_href).is_file(), level_href
        file, anchor = source_href.split("#")
        assert (root / file).is_file() and anchor.startswith("L")
        source_page = LexborHTMLParser((root / file).read_text(encoding="utf-8"))
        assert ABTION_SEM in source_page.css_first(f"li#{anchor}").text(), "the link lands on the level's heading"
    warnings = section.css("details.severity-warning")
    assert warnings and "Warnings" in warnings[0].css_first("summary").text()


def test_seed_errors_are_grouped_apart_from_warnings(abtion):
    overview = _overview(abtion[0] / "site")
    mariana = _ladder(overview, "VP, Engineering")
    assert mariana["lint"]["counts"]["error"] >= 1
    error = mariana["lint"]["groups"][0]
    assert error["severity"] == "error" and error["open"]
    assert any(f["code"] == "UNRESOLVED_PARENT" and "Engineering Manager" in f["message"] for f in error["findings"])


def test_web_app_overview_lints_the_stored_ladders_the_same(abtion):
    pytest.importorskip("fastapi", reason="the web app needs the 'web' extra")
    from fastapi.testclient import TestClient

    from careerladder.web.app import create_app

    out, _ = abtion
    static = _overview(out / "site")
    with TestClient(create_app(out / "careerladder.db")) as c:
        web = c.get("/api/overview").json()
        html = c.get("/").text
    assert web["lint"]["origin"] == "stored" and web["lint"]["note"] == STORED_NOTE
    for title in (ABTION_SEM, "VP, Engineering", "Head of Engineering"):
        # resolving the stored levels again finds the reference problems the build reported
        assert _keys(_ladder(web, title)) == _keys(_ladder(static, title)) != set(), title
    page = LexborHTMLParser(html)
    hrefs = [a.attributes["href"] for li in page.css("li.finding[data-code=DUPLICATE_TITLE]") for a in li.css("a")]
    assert any(h.startswith("/level/") for h in hrefs) and any(h.startswith("/source/") and "#L" in h for h in hrefs)
    assert STORED_NOTE in page.css_first("p.note").text()


def test_site_rendered_from_a_database_alone_says_where_findings_come_from(abtion, tmp_path):
    out, _ = abtion
    render_site(out / "careerladder.db", tmp_path / "site")
    overview = _overview(tmp_path / "site")
    assert overview["lint"]["origin"] == "stored"
    assert _keys(_ladder(overview, ABTION_SEM)) == _keys(_ladder(_overview(out / "site"), ABTION_SEM))
    assert "not kept in the" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_a_failing_lint_leaves_the_overview_standing(abtion, tmp_path, monkeypatch):
    import careerladder.pages.findings

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(careerladder.pages.findings, "lint_ladders", broken)
    render_site(abtion[0] / "careerladder.db", tmp_path / "site")
    overview = _overview(tmp_path / "site")
    assert not overview["lint"]["available"] and "RuntimeError: boom" in overview["lint"]["note"]
    assert len(overview["ladders"]) == 4  # Abtion's two tracks, Mariana Tek's and Vio's ladders
    assert "Ladder lint failed" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def write_hostile_lint_ladder(folder: Path) -> Path:
    """A ladder (our words) whose findings quote markup: an unresolved parent and a vague statement."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "levels.md").write_text(
        "# Levels\n\n## Engineering Manager\n\n- Holds a weekly one-on-one with each engineer on the team.\n\n"
        "## Engineering Manager\n\n*Same as Team Lead <img src=x onerror=alert(\"xss-lint-1\")>, but also...*\n\n"
        "- Strong communication skills <svg onload=alert(\"xss-lint-2\")>\n"
        "- Runs the hiring loop for the team and closes offers.\n", encoding="utf-8")
    return folder


def test_finding_messages_quoting_markup_render_inert(tmp_path):
    build([write_hostile_lint_ladder(tmp_path / "in")], tmp_path / "out")
    html = (tmp_path / "out" / "site" / "index.html").read_text(encoding="utf-8")
    messages = [li.text() for li in LexborHTMLParser(html).css("li.finding")]
    assert any('<img src=x onerror=alert("xss-lint-1")>' in m for m in messages), "shown as text"
    assert any('<svg onload=alert("xss-lint-2")>' in m for m in messages)
    assert_inert_html(html, " (static overview)")
    pytest.importorskip("fastapi", reason="the web app needs the 'web' extra")
    from fastapi.testclient import TestClient

    from careerladder.web.app import create_app

    with TestClient(create_app(tmp_path / "out" / "careerladder.db")) as c:
        web = c.get("/").text
    assert "&lt;img src=x onerror=alert(" in web, "the web overview shows the quoted markup as text"
    assert_inert_html(web, " (web overview)")
