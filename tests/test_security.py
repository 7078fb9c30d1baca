"""What SECURITY.md promises about output and storage, checked with the shared payload suite
(``tests/xss_payloads.py``): document text is inert in summary.md, the static site, the web app and
the charts; SQL payloads stay data; nothing reaches the network at run time."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from selectolax.lexbor import LexborHTMLParser

from careerladder.pipeline import EXAMPLE_LADDER, build
from careerladder.render.markdown import md_escape
from careerladder.store import DocumentRecord, open_store

from test_fuzz import CHARS, fuzz
from xss_payloads import PAYLOADS, assert_inert_html, assert_inert_svg, write_hostile_documents

#: A Markdown viewer that lets raw HTML through (GitHub's is stricter): the worst case for summary.md.
VIEWER = MarkdownIt("commonmark", {"html": True}).enable("table")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """``careerladder build`` of the hostile documents: (output folder, BuildResult)."""
    root = tmp_path_factory.mktemp("hostile")
    result = build([write_hostile_documents(root / "in")], root / "out")
    assert len(result.roles) == 4  # every hostile document is read, its payloads kept as text
    return root / "out", result


def test_the_payloads_are_kept_as_document_text(hostile):
    _, result = hostile
    texts = " ".join(st.text for role in result.roles for section in role.sections for st in section.statements)
    texts += " ".join(st.text for role in result.roles for section in role.sections
                      for sub in section.subsections for st in sub.statements)
    assert 'alert("xss-1")' in texts and "onerror=alert" in texts


def test_summary_shows_every_payload_as_text(hostile):
    out, _ = hostile
    html = VIEWER.render((out / "summary.md").read_text(encoding="utf-8"))
    assert_inert_html(html, " in summary.md")
    assert 'Engineering Manager "&lt;script&gt;alert(\\&quot;xss-1\\&quot;)' in html or "xss-1" in html


@fuzz(300)
@given(st.one_of(st.sampled_from([p for _, p in PAYLOADS]), st.text(CHARS, max_size=200),
                 st.lists(st.sampled_from([p for _, p in PAYLOADS] + ["*", "_", "|", "[", "]", "`", "\\", "<", "&"]),
                          max_size=8).map("".join)))
def test_md_escape_renders_back_to_the_text_alone(text):
    expected = " ".join(text.split())
    for markdown, tags in ((md_escape(text), {"p"}), (f"| h |\n|---|\n| {md_escape(text)} |", None)):
        page = LexborHTMLParser(VIEWER.render(markdown))
        found = ({n.tag for n in page.body.css("*")} if page.body else set()) - {"body"}
        if tags is not None:  # a paragraph of text and nothing else
            assert found <= tags, found
            assert (page.body.text() if page.body else "").strip() == expected.strip()
        else:  # one table, its cell holding the text
            assert found <= {"table", "thead", "tbody", "tr", "th", "td"}, found
            cells = page.css("td")
            assert [c.text() for c in cells] in ([expected.strip()], []) or not expected.strip()


def test_static_site_pages_and_charts_are_inert(hostile):
    site = hostile[0] / "site"
    if not site.is_dir():
        pytest.skip("this build writes no static site (careerladder.site is absent)")
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        assert_inert_html(page.read_text(encoding="utf-8"), f" in {page.relative_to(site)}")
    for svg in site.rglob("*.svg"):
        assert_inert_svg(svg.read_text(encoding="utf-8"), f" in {svg.relative_to(site)}")


def test_web_app_pages_are_inert(hostile):
    pytest.importorskip("fastapi", reason="the web app needs the 'web' extra")
    from fastapi.testclient import TestClient

    from careerladder.web.app import create_app

    seen, queue = set(), ["/", "/roles", "/search?q=xss", "/search?q=%3Cscript%3E"]
    with TestClient(create_app(hostile[0] / "careerladder.db")) as client:
        while queue and len(seen) < 150:
            path = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            res = client.get(path)
            kind = res.headers.get("content-type", "")
            assert res.status_code in (200, 404), (path, res.status_code)
            assert "unsafe-inline" not in res.headers.get("content-security-policy", "unsafe-inline") \
                or kind.startswith("image/svg")
            if kind.startswith("text/html"):
                assert_inert_html(res.text, f" at {path}")
                queue += [a.attributes.get("href") or "" for a in LexborHTMLParser(res.text).css("a")
                          if (a.attributes.get("href") or "").startswith("/")
                          and not (a.attributes.get("href") or "").startswith("/static/")]
            elif kind.startswith("image/svg"):
                assert_inert_svg(res.text, f" at {path}")
    assert len(seen) > 10


@pytest.mark.parametrize("payload", [pytest.param(p, id=name) for name, p in PAYLOADS])
def test_chart_svgs_are_inert_with_every_payload(payload):
    charts = pytest.importorskip("careerladder.render.charts", reason="charts need the render extra")
    title = f"Director {payload}"
    assert_inert_svg(charts.radar_svg([(title, {"hiring": 3, "strategy": 1}), (payload, {"hiring": 1})],
                                      title=title), " in the radar")
    assert_inert_svg(charts.matrix_svg([(title, {"hiring": 3}), (payload, {"strategy": 4})], title=title),
                     " in the matrix")


SQL = ["'; DROP TABLE roles; --", '" OR 1=1 --', "x' UNION SELECT data FROM roles --", "%' OR '%'='",
       "\\'; DELETE FROM documents; --", 'NEAR("a" "b")', "* OR title:*", "roles\x00"]


@pytest.mark.parametrize("payload", SQL)
def test_sql_payloads_are_stored_and_searched_as_data(payload):
    store = open_store(":memory:")
    role = {"id": f"r{payload}", "source": payload, "title": f"Engineering Manager {payload}",
            "organization": payload, "kind": "job_posting", "span": [1, 2], "metadata": {payload: payload},
            "sections": [{"heading": payload, "path": [payload], "kind": "qualifications", "statements": [
                {"id": f"r{payload}:1", "text": f"Lead {payload} people", "line": 1, "end_line": 1,
                 "kind": "item", "children": [], "label": payload}], "subsections": []}],
            "requirements": [{"type": "location", "text": payload, "line": 1, "value": payload}],
            "parents": [], "next_level": None, "ladder": payload}
    assert store.write_document(DocumentRecord(payload, "c", "a", "markdown", {payload: payload}), [role])
    assert store.role(role["id"]) == role and store.counts()["roles"] == 1
    for query in (payload, f"lead {payload}", "lead"):
        hits = store.search(query, organization=payload, kind=payload if query == "x" else None, level=None)
        assert all(hit.role_id == role["id"] for hit in hits)
    assert [r["id"] for r in store.roles(kind="job_posting", ladder=payload)] == [role["id"]]
    assert store.counts() == {**store.counts(), "roles": 1, "documents": 1, "statements": 1, "requirements": 1}
    assert store.integrity_ok()


def test_nothing_reaches_the_network_at_run_time(tmp_path, monkeypatch, seeds_dir):
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access at run time: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    result = build([seeds_dir, EXAMPLE_LADDER], tmp_path / "out")
    assert len(result.roles) >= 11 and (tmp_path / "out" / "summary.md").exists()
    assert all(Path(p).exists() for p in result.outputs.values())
