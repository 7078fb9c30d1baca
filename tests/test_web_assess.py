"""The web app's assessment page: paste evidence, choose a level, see readiness with the radar chart; errors
named by line; a size cap; storing only with the write flag and only from the app's own pages (CSRF);
the history with its progress chart; everything escaped."""

from __future__ import annotations

import base64
import shutil
import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web app needs the 'web' extra")
from fastapi.testclient import TestClient  # noqa: E402
from selectolax.lexbor import LexborHTMLParser  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from careerladder.assess.assessment import assess, find_level  # noqa: E402
from careerladder.assess.evidence import parse_evidence  # noqa: E402
from careerladder.pipeline import EXAMPLE_LADDER, load  # noqa: E402
from careerladder.resolve import resolve  # noqa: E402
from careerladder.web.app import create_app  # noqa: E402
from careerladder.pages.assessment import EVIDENCE_MAX_BYTES  # noqa: E402
from careerladder.pages.catalog import url_key  # noqa: E402
from careerladder.pages.templating import percent  # noqa: E402
from xss_payloads import PAYLOADS, assert_inert_html, assert_inert_svg  # noqa: E402

#: The example ladder's VP (every test), and seed 003's VP with its parent seed 001 (tests needing the seeds).
VP = url_key("vp-of-engineering.md")
SEED_VP, SEED_DIRECTOR = url_key("003_e49c1f1394c4b8c3.txt"), url_key("001_7d79c1ce421dd6ca.txt")
#: The example ladder's levels, lowest first.
ACME = ["Engineering Manager", "Senior Engineering Manager", "Director of Engineering",
        "Senior Director of Engineering", "VP of Engineering", "Chief Technology Officer"]
HERE = "http://testserver"
SAME = {"Origin": HERE}
#: A person's evidence against a VP level (the example ladder's or seed 003), written for this test.
EVIDENCE = """---
person: Rafa Example
date: 2026-01-15
---
# Rafa's year

- [2025-11-03] Presented the quarterly engineering plan, its risks and the hiring numbers to the board.
- [budget_business] Wrote the yearly engineering budget with finance and kept the year under plan.
- Turned the company strategy into an engineering roadmap with priorities for every team.
- Coached the directors on giving feedback and on career development plans for their managers.
- Painted the office kitchen.
"""


@pytest.fixture(scope="module")
def db(example_build) -> Path:
    return example_build[0] / "careerladder.db"


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


@pytest.fixture
def writable(db, tmp_path) -> Path:
    """A copy of the test database that a write-enabled app may change."""
    for suffix in ("", "-wal"):
        if Path(str(db) + suffix).exists():
            shutil.copyfile(str(db) + suffix, str(tmp_path / "careerladder.db") + suffix)
    return tmp_path / "careerladder.db"


def _stored(path: Path) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT count(*) FROM assessments").fetchone()[0]


def _library(folder: Path, text: str, ref: str = "VP of Engineering"):
    """The library's assessment of ``text`` against level ``ref`` of the ladder in ``folder``."""
    _, ladders, _ = resolve(load([folder]).roles)
    ladder, level = find_level(ladders, ref)
    return assess(parse_evidence(text, "pasted-evidence.md"), ladder, level)


def _alert(html: str) -> str:
    node = LexborHTMLParser(html).css_first('[role="alert"]')
    return node.text() if node else ""


def test_form_offers_every_level_works_without_script_and_offers_no_save(client):
    res = client.get("/assess")
    assert res.status_code == 200 and "unsafe-inline" not in res.headers["content-security-policy"]
    assert res.headers["referrer-policy"] == "same-origin", "so the browser sends its Origin with the POST"
    page = LexborHTMLParser(res.text)
    assert page.css_first('meta[name="referrer"]').attributes["content"] == "same-origin"
    assert len(page.css("h1")) == 1 and not [s for s in page.css("script") if not s.attributes.get("src")]
    form = page.css_first("form.assess-form")
    assert form.attributes["method"] == "post" and form.attributes["action"] == "/assess"
    groups = {g.attributes["label"]: [o.text() for o in g.css("option")] for g in form.css("optgroup")}
    assert groups["Acme Robotics management"] == [f"{t} · Acme Robotics management" for t in ACME]
    for name in ("level", "person", "perspective", "assessed_on", "format", "evidence"):
        assert form.css_first(f'[name="{name}"]') is not None, name
    labels = {lab.attributes["for"] for lab in form.css("label")}
    assert labels == {el.attributes["id"] for el in form.css("select, input, textarea")}
    assert [b.text() for b in form.css("button")] == ["Assess", "Promotion packet (Markdown)"], "no save button"
    assert "History is read-only" in page.css_first("#history-note").text()
    level_page = LexborHTMLParser(client.get(f"/level/{VP}").text)
    link = next(a for a in level_page.css("a.button") if a.text() == "Assess someone against this level")
    chosen = LexborHTMLParser(client.get(link.attributes["href"]).text).css_first("#assess-level option[selected]")
    assert chosen.attributes["value"] == VP and chosen.text() == "VP of Engineering · Acme Robotics management"
    assert client.get("/assess", params={"level": "../etc"}).status_code == 422
    twin = client.get("/assess.json").json()
    assert twin["allow_write"] is False and twin["assessment"] is None
    assert [lv["title"] for lad in twin["levels"] for lv in lad["levels"] if lad["name"] == "Acme Robotics management"] == ACME


def test_round_trip_on_seed_003_gives_the_library_result(client, seeds_dir):
    expected = _library(seeds_dir, EVIDENCE, "VP, Engineering")
    res = client.post("/assess", data={"level": SEED_VP, "evidence": EVIDENCE})
    assert res.status_code == 200
    page = LexborHTMLParser(res.text)
    assert page.css_first("h1").text() == "Promotion readiness: Rafa Example for VP, Engineering"
    assert page.css_first("#readiness-overall").text() == percent(expected.readiness) != "0%"
    for status in ("met", "partly", "not_evidenced"):  # each expectation under its status, in ladder order
        group = page.css_first(f"ul.results-{status}")
        if not any(r.status == status for r in expected.results):  # an empty group says so
            assert group is None and "None." in page.css_first(f"#status-{status}").parent.text()
            continue
        shown = [(li.css_first("a.line-link").text(), li.css_first(".origin a").text()) for li in group.css("li.result")]
        assert shown == [(f"line {r.expectation.statement.line}", r.expectation.origin_title)
                         for r in expected.results if r.status == status]
    met = next(r for r in expected.results if r.status == "met" and r.matches and r.matches[0].how != "tag")
    shown = next(li for li in page.css("ul.results-met li.result") if met.expectation.statement.text in li.text())
    assert met.matches[0].item.text in shown.css_first("ul.matches").text(), "with its evidence"
    assert f"{met.matches[0].how} {met.matches[0].score:.2f}" in shown.css_first("ul.matches").text()
    inherited = [li for li in page.css("li.result") if "inherited from" in li.css_first(".origin").text()]
    assert inherited and all(f"/level/{SEED_DIRECTOR}" == li.css_first(".origin a").attributes["href"] for li in inherited)
    assert "Painted the office kitchen." in page.css_first("#unmatched-h").parent.text()
    gaps = page.css_first("#gaps-h").text()
    assert "Gaps to the next level" in gaps, "VP is the top of the Mariana Tek ladder"
    chart = page.css_first("img.radar")
    src = chart.attributes["src"]
    assert src.startswith("data:image/svg+xml;base64,") and "Budget & business" in chart.attributes["alt"]
    svg = base64.b64decode(src.split(",", 1)[1]).decode()
    assert_inert_svg(svg)
    assert "Rafa Example (self)" in svg
    # the JSON twin is the same assessment the library makes, expectation by expectation
    data = client.post("/assess.json", data={"level": SEED_VP, "evidence": EVIDENCE}).json()["assessment"]
    assert data["readiness"]["overall"] == expected.readiness
    assert [(e["statement_id"], e["status"], e["score"]) for e in data["expectations"]] == [
        (r.expectation.statement.id, r.status, round(r.score, 3)) for r in expected.results]
    origins = {e["origin_title"] for e in data["expectations"] if e["inherited"]}
    assert origins == {"Director, Engineering"}, "expectations inherited from seed 001 are assessed with origin"


def test_level_from_front_matter_and_more_evidence_never_lowers_readiness(client):
    text = EVIDENCE.replace("date: 2026-01-15", "date: 2026-01-15\nlevel: VP of Engineering")
    full = client.post("/assess.json", data={"evidence": text}).json()["assessment"]
    assert full["level"]["title"] == "VP of Engineering"
    fewer = text.replace("- [budget_business] Wrote the yearly engineering budget with finance and kept the year "
                         "under plan.\n", "")
    less = client.post("/assess.json", data={"evidence": fewer}).json()["assessment"]
    assert less["readiness"]["overall"] < full["readiness"]["overall"]
    as_manager = client.post("/assess.json", data={"evidence": text, "perspective": "manager",
                                                   "person": "Someone Else", "assessed_on": "2026-02-01"}).json()
    a = as_manager["assessment"]
    assert (a["perspective"], a["person"], a["assessed_on"]) == ("manager", "Someone Else", "2026-02-01")
    packet = client.post("/assess.md", data={"evidence": text})
    assert packet.status_code == 200 and packet.headers["content-type"].startswith("text/markdown")
    assert "attachment" in packet.headers["content-disposition"] and "Rafa Example" in packet.text


@pytest.mark.parametrize("fields, message", [
    ({"evidence": "", "level": VP}, "pasted-evidence.md:1: empty evidence file"),
    ({"evidence": "   \n\n", "level": VP}, "pasted-evidence.md:1: empty evidence file"),
    ({"evidence": "- Ran the budget.\n- Hired people.\n- [wip] Planned the roadmap.\n", "level": VP},
     "pasted-evidence.md:3: unknown tag [wip]"),
    ({"evidence": "---\nperson: Rafa\nteam: platform\n---\n- Ran the budget.\n", "level": VP},
     "pasted-evidence.md:3: unknown key 'team'"),
    ({"evidence": "evidence:\n  - text: [unclosed\n", "level": VP, "format": "yaml"}, "pasted-evidence.yaml:"),
    ({"evidence": "- [2025-13-45] Hired people.\n", "level": VP}, "pasted-evidence.md:1: date"),
    ({"evidence": "- Hired people.\n"}, "choose a level"),
    ({"evidence": "- Hired people.\n", "level": "nothing~2Emd"}, "no ladder level with key"),
    ({"evidence": "- Hired people.\n", "level": VP, "assessed_on": "yesterday"}, "is not a date"),
    ({"evidence": "- Hired people.\n", "level": VP, "perspective": "boss"}, "perspective must be one of"),
])
def test_bad_evidence_is_one_line_naming_the_line_with_400(client, fields, message):
    res = client.post("/assess", data=fields)
    assert res.status_code == 400
    shown = _alert(res.text)
    assert message in shown and "\n" not in shown.strip()
    page = LexborHTMLParser(res.text)
    assert page.css_first("textarea").text() == fields["evidence"].replace("\r\n", "\n"), "the text is kept to fix"
    twin = client.post("/assess.json", data=fields)
    assert twin.status_code == 400 and message in twin.json()["error"]


def test_oversize_evidence_is_refused_clearly_and_not_echoed(client, monkeypatch):
    big = "- Ran the budget.\n" * (EVIDENCE_MAX_BYTES // 18 + 1)
    res = client.post("/assess", data={"level": VP, "evidence": big})
    assert res.status_code == 413
    assert f"at most {EVIDENCE_MAX_BYTES:,} bytes" in _alert(res.text) and "careerladder assess -e" in _alert(res.text)
    assert LexborHTMLParser(res.text).css_first("textarea").text() == ""
    import careerladder.web.views.assess as view

    monkeypatch.setattr(view, "MAX_FORM_BYTES", 1000)  # the body itself is capped before it is parsed
    res = client.post("/assess", data={"level": VP, "evidence": "- Ran the budget.\n" * 100})
    assert res.status_code == 413 and "this page takes at most 1,000 bytes" in _alert(res.text)
    res = client.post("/assess", json={"level": VP, "evidence": "- Ran the budget."})
    assert res.status_code == 415


def test_without_the_write_flag_saving_is_refused_and_nothing_stored(client, db):
    before = _stored(db)
    res = client.post("/assess/save", data={"level": VP, "evidence": EVIDENCE}, headers=SAME)
    assert res.status_code == 403 and "read-only" in _alert(res.text)
    assert client.get("/assess/save").status_code == 405
    for path in ("/assess", "/assess.json", "/assess.md"):
        assert client.post(path, data={"level": VP, "evidence": EVIDENCE}, headers=SAME).status_code == 200
    assert _stored(db) == before == 0
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        client.app.state.site.store.conn.execute("DELETE FROM assessments")


def test_with_the_write_flag_an_assessment_is_stored_and_shown_in_the_history(writable):
    with TestClient(create_app(writable, allow_write=True)) as c:
        form = LexborHTMLParser(c.get("/assess").text).css_first("form.assess-form")
        save = form.css_first('button[formaction="/assess/save"]')
        assert save is not None and save.text() == "Assess and save"
        res = c.post("/assess/save", data={"level": VP, "evidence": EVIDENCE}, headers=SAME, follow_redirects=False)
        assert res.status_code == 303
        assert res.headers["location"] == "/assess/history?person=Rafa+Example&saved=new"
        assert _stored(writable) == 1
        again = c.post("/assess/save", data={"level": VP, "evidence": EVIDENCE}, headers=SAME, follow_redirects=False)
        assert again.headers["location"].endswith("saved=again") and _stored(writable) == 1
        later = EVIDENCE.replace("2026-01-15", "2026-04-01") + "- Hired two directors and onboarded them.\n"
        c.post("/assess/save", data={"level": VP, "evidence": later}, headers=SAME, follow_redirects=False)
        assert _stored(writable) == 2
        page = LexborHTMLParser(c.get(res.headers["location"]).text)
        assert page.css_first("#saved-note").text() == "The assessment was stored."
        rows = page.css("table.history tbody tr")
        assert [r.css_first("td").text() for r in rows] == ["2026-01-15", "2026-04-01"]
        assert rows[0].css("td")[3].text() == percent(_library(EXAMPLE_LADDER, EVIDENCE).readiness)
        assert page.css_first("img.chart").attributes["src"] == "/assess/history.svg?person=Rafa+Example"
        chart = c.get("/assess/history.svg", params={"person": "Rafa Example"})
        assert chart.headers["content-type"] == "image/svg+xml" and "script-src" not in chart.headers[
            "content-security-policy"]
        assert_inert_svg(chart.text)
        api = c.get("/api/assessments", params={"person": "Rafa Example"}).json()
        assert api["kind"] == "history" and [a["assessed_on"] for a in api["assessments"]] == ["2026-01-15",
                                                                                               "2026-04-01"]
        nameless = EVIDENCE.replace("person: Rafa Example\n", "")
        res = c.post("/assess/save", data={"level": VP, "evidence": nameless}, headers=SAME)
        assert res.status_code == 400 and "person's name" in _alert(res.text) and _stored(writable) == 2
        with pytest.raises(sqlite3.OperationalError, match="readonly"):  # only the save route writes
            c.app.state.site.store.conn.execute("DELETE FROM assessments")
    with TestClient(create_app(writable)) as ro:  # reading the history needs no write flag
        page = LexborHTMLParser(ro.get("/assess/history", params={"person": "Rafa Example"}).text)
        assert len(page.css("table.history tbody tr")) == 2 and "read-only" in page.css_first("#history-note").text()
        assert ro.get("/assess/history.json", params={"person": "Nobody"}).json()["history"] is None
        assert ro.get("/assess/history.svg", params={"person": "Nobody"}).status_code == 404


@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"}, {"Origin": "http://testserver:8080"}, {"Origin": "null"},
    {"Referer": "http://evil.example/page"}, {}, {"Origin": HERE, "Sec-Fetch-Site": "cross-site"},
])
def test_cross_origin_posts_are_refused(writable, headers):
    with TestClient(create_app(writable, allow_write=True)) as c:
        res = c.post("/assess/save", data={"level": VP, "evidence": EVIDENCE}, headers=headers,
                     follow_redirects=False)
        assert res.status_code == 403 and "refused" in _alert(res.text)
        if headers:  # a page-only POST from another site is refused too; one without any origin (curl) is not
            assert c.post("/assess", data={"level": VP, "evidence": EVIDENCE}, headers=headers).status_code == 403
        else:
            assert c.post("/assess", data={"level": VP, "evidence": EVIDENCE}).status_code == 200
    assert _stored(writable) == 0
    with TestClient(create_app(writable, allow_write=True)) as c:  # the same request from the page is accepted
        ok = c.post("/assess/save", data={"level": VP, "evidence": EVIDENCE},
                    headers={"Referer": HERE + "/assess", "Sec-Fetch-Site": "same-origin"}, follow_redirects=False)
        assert ok.status_code == 303 and _stored(writable) == 1


def test_host_check_still_applies_to_the_form(writable):
    from careerladder.cli.serve import allowed_hosts

    app = create_app(writable, allowed_hosts=allowed_hosts("127.0.0.1", 8123), allow_write=True)
    with TestClient(app, base_url="http://127.0.0.1:8123") as c:
        rebind = c.post("/assess/save", data={"level": VP, "evidence": EVIDENCE},
                        headers={"host": "attacker.example:8123", "Origin": "http://attacker.example:8123"})
        assert rebind.status_code == 400
    assert _stored(writable) == 0


def test_hostile_evidence_and_names_render_inert(writable):
    items = "".join(f"- Coached the team {payload}\n" for _, payload in PAYLOADS)
    person = '<script>alert("xss-person")</script>'
    with TestClient(create_app(writable, allow_write=True)) as c:
        res = c.post("/assess", data={"level": VP, "evidence": items, "person": person})
        assert res.status_code == 200
        assert_inert_html(res.text, " (assessment result)")
        assert "&lt;script&gt;alert(&#34;xss-person&#34;)&lt;/script&gt;" in res.text
        src = LexborHTMLParser(res.text).css_first("img.radar").attributes["src"]
        assert_inert_svg(base64.b64decode(src.split(",", 1)[1]).decode(), " (radar)")
        bad = c.post("/assess", data={"level": VP, "evidence": '- [<img src=x onerror=alert("xss-tag")>] x\n'})
        assert bad.status_code == 400 and 'onerror=alert("xss-tag")' in _alert(bad.text)
        assert_inert_html(bad.text, " (error)")
        saved = c.post("/assess/save", data={"level": VP, "evidence": items, "person": person}, headers=SAME)
        assert saved.status_code == 200 and saved.url.path == "/assess/history"
        assert_inert_html(saved.text, " (history)")
        assert_inert_svg(c.get("/assess/history.svg", params={"person": person}).text, " (progress)")


def test_serve_write_flag_is_off_by_default_and_loopback_only(db):
    import typer.main

    from careerladder.cli import app

    serve = typer.main.get_command(app).commands["serve"]
    assert {p.name: p.default for p in serve.params}["allow_write"] is False
    res = CliRunner().invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0", "--allow-write"])
    assert res.exit_code == 2 and "--allow-write needs a loopback address" in res.output
