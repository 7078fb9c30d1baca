"""The static site ``careerladder build`` writes: every page and its JSON twin, relative links that resolve,
nothing loaded from another site, document text escaped, calibration and leveling rendered when present."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import types
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest
from selectolax.lexbor import LexborHTMLParser

from careerladder.errors import CareerLadderError
from careerladder.model import Evidence, Leveling
from careerladder.pipeline import EXAMPLE_LADDER, build
from careerladder.site import MARKER, render_site
from careerladder.store import open_store
from careerladder.pages.catalog import Catalog, file_key, url_key
from careerladder.pages.context import level_context

STATIC = Path(__file__).resolve().parent.parent / "src" / "careerladder" / "static"
#: Attributes through which a page loads something (an anchor's href is navigation, not loading).
LOADING = {"script": "src", "link": "href", "img": "src", "iframe": "src", "frame": "src", "embed": "src",
           "object": "data", "source": "src", "audio": "src", "video": "src", "track": "src", "input": "src"}
#: Markup from the hostile documents that must never reach a page unescaped.
PAYLOADS = ("<script>alert", "<img src=x onerror", "<svg onload", "<b onmouseover", "<iframe", '"><script>')


def write_hostile_ladder(folder: Path) -> Path:
    """A small ladder (our own words) whose titles, organization, statements and links carry XSS payloads."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manager.md").write_text(
        '---\ntitle: Manager <script>alert("title")</script>\n'
        'organization: Evil <img src=x onerror=alert("org")> Corp\n---\n'
        '# Manager <script>alert("title")</script>\n\n'
        "A manager of one team of 5-8 engineers.\n\n"
        "### Should have\n\n"
        '* 3+ years managing engineers <img src=x onerror=alert("img")>\n'
        '* Read [our handbook](javascript:alert("link")) before the first day\n'
        '* <svg onload=alert("svg")><circle r=5></circle></svg> hiring plans and budgets\n'
        '* Coach the team "><script>alert("attr")</script> with weekly 1:1s\n'
        "* Template text {{ 7*7 }} stays literal\n\n"
        "### Is expected to\n\n"
        '* Hire engineers <a href="javascript:alert(\'a\')">click me</a> every quarter\n\n'
        'Continue reading: [Director <b onmouseover=alert("next")>x</b>](director.md)\n', encoding="utf-8")
    (folder / "director.md").write_text(
        '---\ntitle: Director <img src=x onerror=alert("dir")>\n'
        'organization: Evil <img src=x onerror=alert("org")> Corp\n---\n'
        '# Director <img src=x onerror=alert("dir")>\n\n'
        "*Same as Manager, but also...*\n\n"
        "### Should have\n\n"
        "* 8+ years of experience, including 3 years managing managers\n"
        '* Own the budget <iframe src="javascript:alert(\'iframe\')"></iframe> of the group\n', encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def site(example_build):
    """``careerladder build`` of the bundled example ladder (and the seeds when present): (out folder, BuildResult)."""
    return example_build


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile-build")
    build([write_hostile_ladder(out / "input")], out / "out")
    return out / "out"


def _html_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def test_build_writes_the_site_with_a_page_and_json_twin_per_level_and_role(site):
    out, result = site
    root = out / "site"
    assert result.outputs["site"] == root / "index.html" and (root / MARKER).exists()
    for name in ("index", "roles", "compare", "diff", "search"):
        assert (root / f"{name}.html").exists() and (root / f"{name}.json").exists(), name
    for role in result.roles:
        f = file_key(role.id)
        assert (root / "role" / f"{f}.html").exists() and (root / "role" / f"{f}.json").exists()
        assert (root / "level" / f"{f}.html").exists() == (role.kind == "ladder_level")
        assert (root / "source" / f"{file_key(role.source)}.html").exists()
    acme = next(l for l in result.ladders if l.name == "Acme Robotics management")
    pairs = len(acme.roles) * (len(acme.roles) - 1) // 2
    assert len(list((root / "diff").glob("*.html"))) >= pairs == 15
    director = LexborHTMLParser((root / "level" / f"{file_key(acme.roles[2].id)}.html").read_text())
    assert " ".join(director.css_first("nav.ladder-nav p").text().split()) == \
        "Level 3 of 6 in Acme Robotics management:"  # "level k of n in <company> <track>"


def test_json_twin_is_the_page_context(site):
    out, result = site
    with open_store(out / "careerladder.db", readonly=True) as store:
        cat = Catalog.load(store)
        role = cat.role("director-of-engineering.md")
        expected = json.loads(json.dumps(level_context(cat, role)))
    twin = json.loads((out / "site" / "level" / f"{file_key(role.id)}.json").read_text())
    assert twin == expected
    assert twin["ladder"]["lower"]["title"] == "Senior Engineering Manager"
    inherited = {g["origin"]["title"] for g in twin["groups"] if not g["own"]}
    assert inherited == {"Senior Engineering Manager", "Engineering Manager"}
    html = (out / "site" / "level" / f"{file_key(role.id)}.html").read_text()
    page = LexborHTMLParser(html)
    assert page.css_first("h1").text() == "Director of Engineering"
    assert [" ".join(h.text().split()) for h in page.css("h3")][:3] == [
        "Own expectations", "Inherited from Senior Engineering Manager", "Inherited from Engineering Manager"]


def test_every_page_has_one_h1_alt_texts_and_resolving_relative_links(site):
    root = site[0] / "site"
    for path in _html_files(root):
        page = LexborHTMLParser(path.read_text())
        assert page.css_first("html").attributes.get("lang") == "en", path
        assert len(page.css("h1")) == 1, path
        assert page.css_first("a.skip-link").attributes["href"] == "#main"
        for img in page.css("img"):
            assert (img.attributes.get("alt") or "").strip(), (path, img.html)
        for node in page.css("a[href], link[href], script[src], img[src]"):
            target = node.attributes.get("href") or node.attributes.get("src")
            assert "://" not in target and not target.startswith("/"), (path, target)
            file = target.split("#")[0].split("?")[0]
            if file:
                assert (path.parent / file).resolve().exists(), (path, target)


def test_nothing_is_loaded_from_outside(site):
    """``grep -r "https?://" OUT/site``: document text may mention URLs, but no script, stylesheet, font,
    image or frame is loaded from anywhere but the site itself."""
    root = site[0] / "site"
    grep = subprocess.run(["grep", "-rEo", "https?://[^\"'<> )]*", str(root)], capture_output=True, text=True)
    hits = [line.split(":", 1) for line in grep.stdout.splitlines()]
    assert hits, "the seeds mention URLs in their text; grep should see them"
    for file, url in hits:
        path = Path(file)
        assert path.suffix not in (".css", ".js") or "/data/" in file, (file, url)
        if path.suffix == ".svg":
            assert url == "http://www.w3.org/2000/svg", (file, url)
    for path in _html_files(root):
        page = LexborHTMLParser(path.read_text())
        for tag, attr in LOADING.items():
            for node in page.css(f"{tag}[{attr}]"):
                value = node.attributes[attr] or ""
                assert "://" not in value and not value.startswith("//"), (path, node.html)
        for style in page.css("style"):
            raise AssertionError(f"inline style in {path}: {style.html}")
        for script in page.css("script"):
            assert script.attributes.get("src"), f"inline script in {path}"
    for css in root.rglob("*.css"):
        text = css.read_text()
        assert "@import" not in text and "url(" not in text, css


def test_static_files_are_vendored_and_pinned():
    table = (STATIC / "VENDORED.md").read_text()
    htmx = STATIC / "htmx-2.0.11.min.js"
    digest = hashlib.sha256(htmx.read_bytes()).hexdigest()
    assert digest in table and "2.0.11" in table and "0BSD" in table
    assert not re.search(rb"https?://", htmx.read_bytes())
    code = re.sub(r"/\*.*?\*/", "", (STATIC / "site.js").read_text(), flags=re.S)  # comments out
    for banned in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function(",
                   "fetch(", "XMLHttpRequest"):
        assert banned not in code, banned


def test_hostile_document_text_is_escaped_everywhere(hostile_site):
    root = hostile_site / "site"
    pages = _html_files(root)
    assert len(pages) > 8
    seen_text = False
    for path in pages:
        html = path.read_text()
        for payload in PAYLOADS:
            assert payload not in html, (path, payload)
        page = LexborHTMLParser(html)
        for node in page.css("*"):
            for name, value in node.attributes.items():
                assert not name.lower().startswith("on"), (path, node.html)
                assert not (value or "").strip().lower().startswith("javascript:"), (path, node.html)
        assert not page.css("iframe, svg, object, embed")
        seen_text = seen_text or '<img src=x onerror=alert("img")>' in page.body.text()
    assert seen_text, "the payload is shown as text"
    for svg in root.rglob("*.svg"):
        for el in ElementTree.parse(svg).iter():
            assert el.tag.rsplit("}", 1)[-1] not in ("script", "foreignObject", "iframe", "img"), svg
            assert not any(a.rsplit("}", 1)[-1].lower().startswith("on") for a in el.attrib), svg
    for data in (root / "data").rglob("*.js"):
        assert "<" not in data.read_text(), data


def test_render_site_refuses_a_folder_it_did_not_write_and_replaces_its_own(tmp_path):
    db = tmp_path / "careerladder.db"
    build([EXAMPLE_LADDER], tmp_path)
    mine = tmp_path / "site"
    (mine / "stale.html").write_text("old")
    render_site(db, mine)
    assert not (mine / "stale.html").exists() and (mine / "index.html").exists()
    other = tmp_path / "notes"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    with pytest.raises(CareerLadderError, match="not written by careerladder"):
        render_site(db, other)
    assert (other / "keep.txt").read_text() == "mine"


def test_postings_over_the_limit_are_counted_and_said(site, tmp_path, seeds_dir):  # the seeds hold two postings
    out, result = site
    postings = sum(1 for r in result.roles if r.kind == "job_posting")
    res = render_site(out / "careerladder.db", tmp_path / "small", max_postings=1)
    assert res.postings_left_out == postings - 1 == 1
    text = LexborHTMLParser((tmp_path / "small" / "index.html").read_text()).body.text()
    assert "1 job postings have no page in this static site" in text


def _store_with(tmp_path, change):
    """A copy of the example ladder's database with ``change(role) -> role`` applied to every role."""
    from careerladder import codec
    from careerladder.pipeline import analysis_hash, load
    from careerladder.resolve import resolve
    from careerladder.store import DocumentRecord

    roles, ladders, _ = resolve(load([EXAMPLE_LADDER]).roles)
    roles = [change(r) for r in roles]
    effective = {rid: e for lad in ladders for rid, e in lad.effective.items()}
    store = open_store(tmp_path / "x.db")
    for role in roles:
        data = [codec.role_data(role, effective.get(role.id))]
        store.write_document(DocumentRecord(role.source, "h", analysis_hash(data), "markdown", {}), data)
    ladders = [replace(l, roles=tuple(next(r for r in roles if r.id == x.id) for x in l.roles)) for l in ladders]
    store.write_ladders([codec.ladder_data(l) for l in ladders])
    return store


def test_role_page_shows_leveling_evidence_and_the_inflation_flag(tmp_path):
    evidence = (Evidence("Own the group's budget", 32, "budget_business", 0.8, "budget", "director"),)

    def level(role):
        if role.id != "director-of-engineering.md":
            return replace(role, leveling=None) if role.id == "cto.md" else role
        return replace(role, leveling=Leveling("senior_em", 0.62, {"senior_em": 0.62, "director": 0.38},
                                               "director", evidence, "title_above_text"))

    store = _store_with(tmp_path, level)
    render_site(store, tmp_path / "site")
    page = LexborHTMLParser((tmp_path / "site" / "role" / "director-of-engineering~2Emd.html").read_text())
    facts = " ".join(page.css_first("dl.facts").text().split())
    assert "Senior Engineering Manager (62% confidence)" in facts
    assert "Title above the text: the title claims more" in facts and "claimsDirector of Engineering" in facts
    item = page.css_first("ul.evidence li")
    assert "Own the group's budget" in item.text() and "+0.80" in item.text()
    assert item.css_first("a").attributes["href"].endswith("#L32")
    other = LexborHTMLParser((tmp_path / "site" / "role" / "cto~2Emd.html").read_text())
    assert "was not leveled" in other.css_first("p.note").text()


def test_overview_renders_calibration_and_survives_its_failure(tmp_path, monkeypatch):
    import careerladder.pages.context as context

    store = _store_with(tmp_path, lambda r: r)

    def broken(ladders):
        raise RuntimeError("model file damaged")

    monkeypatch.setattr(context, "calibrate", broken)
    render_site(store, tmp_path / "without")
    note = LexborHTMLParser((tmp_path / "without" / "index.html").read_text()).css_first("#calibration-h")
    assert "Calibration failed: RuntimeError: model file damaged" in note.parent.text()

    row = types.SimpleNamespace
    canon = ["em", "senior_em", "director", "senior_director", "vp", "cto"]

    def calibrate(ladders):  # the contract: one row per ladder level
        return [row(ladder_id=l.id, ladder_name=l.name, role_id=r.id, title=r.title, title_level=canon[i],
                    level=canon[i], confidence=0.5 + i / 20) for l in ladders for i, r in enumerate(l.roles)]

    monkeypatch.setattr(context, "calibrate", calibrate)
    render_site(store, tmp_path / "with")
    page = LexborHTMLParser((tmp_path / "with" / "index.html").read_text())
    table = page.css_first("table.calibration")
    assert [th.text() for th in table.css("thead th")] == ["Canonical level", "Acme Robotics management"]
    rows = {tr.css_first("th").text(): tr.css_first("td").text(strip=True) for tr in table.css("tbody tr")}
    assert rows["Director of Engineering"] == "Director of Engineering(60%)"
    assert rows["CTO"] == "Chief Technology Officer(75%)"
    link = table.css_first("tbody a").attributes["href"]
    assert link == f"level/{url_key('engineering-manager.md')}.html"


def test_template_syntax_in_documents_is_shown_not_evaluated(tmp_path):
    title = "{{ 7*7 }} {% if true %}yes{% endif %} ${7*7}"
    store = _store_with(tmp_path, lambda r: replace(r, title=title) if r.id == "cto.md" else r)
    render_site(store, tmp_path / "site")
    for folder in ("role", "level"):
        page = LexborHTMLParser((tmp_path / "site" / folder / "cto~2Emd.html").read_text())
        assert page.css_first("h1").text() == title
