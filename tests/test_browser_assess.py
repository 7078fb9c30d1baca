"""The assessment page of the web app in a real browser (Playwright driving Debian's /usr/bin/chromium, as
``tests/test_browser.py`` launches it and with its skip logic): the form filled by typing and submitted by
clicking, the readiness shown as the library computes it, saving with ``--allow-write`` (the browser's own
Origin header passes the same-origin check), errors named by line, no CSP violation."""

from __future__ import annotations

import shutil

from careerladder.pipeline import EXAMPLE_LADDER
from test_browser import Server, _assert_inert, browser, built, server, watch  # noqa: F401

#: Evidence typed into the assessment form (our words), against seed 003 (VP, Engineering).
TYPED_EVIDENCE = ("- Presented the quarterly engineering plan and its risks to the board members.\n"
                  "- [budget_business] Wrote the yearly engineering budget with finance.\n"
                  "- Helped the engineering managers write career development plans for their reports.\n")


def test_web_app_assessment_by_typing_and_clicking_then_saving(watch, built, seeds_dir, tmp_path):
    from careerladder.assess.assessment import assess, find_level
    from careerladder.assess.evidence import parse_evidence
    from careerladder.pipeline import load
    from careerladder.resolve import resolve
    from careerladder.pages.templating import percent

    _, ladders, _ = resolve(load([seeds_dir, EXAMPLE_LADDER]).roles)
    expected = assess(parse_evidence(TYPED_EVIDENCE, "pasted-evidence.md"), *find_level(ladders, "VP, Engineering"),
                      person="Rafa Example")
    db = tmp_path / "careerladder.db"
    shutil.copyfile(built / "careerladder.db", db)
    server = Server(db, allow_write=True)
    try:
        page = watch.page
        page.goto(server.url + "/")
        page.get_by_role("link", name="Assess", exact=True).click()
        page.wait_for_url(lambda u: u.endswith("/assess"))
        page.select_option("#assess-level", label="VP, Engineering · Mariana Tek management")
        page.locator("#assess-person").click()
        page.keyboard.type("Rafa Example")
        page.locator("#assess-evidence").click()
        page.keyboard.type(TYPED_EVIDENCE)
        watch.shot("assess-form")
        with page.expect_navigation():
            page.get_by_role("button", name="Assess", exact=True).click()
        assert page.locator("h1").inner_text() == "Promotion readiness: Rafa Example for VP, Engineering"
        assert page.locator("#readiness-overall").inner_text() == percent(expected.readiness)
        met = page.locator("ul.results-met > li.result")
        assert met.count() == expected.counts()["met"] > 0
        page.wait_for_function("() => document.querySelector('img.radar').naturalWidth > 0")
        assert "readiness for VP, Engineering" in page.locator("img.radar").get_attribute("alt")
        assert page.locator("#assess-evidence").input_value() == TYPED_EVIDENCE, "the form keeps what was typed"
        watch.shot("assess-result")
        with page.expect_navigation():
            page.get_by_role("button", name="Assess and save").click()
        assert "/assess/history?person=Rafa+Example" in page.url
        assert page.locator("#saved-note").inner_text() == "The assessment was stored."
        assert page.locator("table.history tbody tr").count() == 1
        page.wait_for_function("() => document.querySelector('img.chart').naturalWidth > 0")
        watch.shot("assess-history")
        watch.clean()
    finally:
        server.stop()


def test_web_app_assessment_errors_and_read_only_history(watch, server):
    page = watch.page
    page.goto(server.url + "/assess")
    assert page.get_by_role("button", name="Assess and save").count() == 0
    assert "History is read-only" in page.locator("#history-note").inner_text()
    page.select_option("#assess-level", label="VP of Engineering · Acme Robotics management")
    page.locator("#assess-evidence").click()
    page.keyboard.type("- Ran the engineering budget.\n- [wip] Planned the roadmap with <b>product</b>.\n")
    with page.expect_navigation():
        page.get_by_role("button", name="Assess", exact=True).click()
    assert page.get_by_role("alert").inner_text() == (
        "pasted-evidence.md:2: unknown tag [wip]: use [YYYY-MM-DD], a competency such as [hiring] or "
        "[expectation: <statement id>]")
    assert "<b>product</b>" in page.locator("#assess-evidence").input_value()
    _assert_inert(watch)
    watch.clean()
