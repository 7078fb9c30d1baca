"""Property-based fuzzing of every stage with hypothesis (a short, derandomized budget for CI).

Strategies build realistic structured inputs — front matter with odd YAML, nested lists, HTML
with unclosed tags, entities and deep nesting, Korean/Chinese text, control characters, very long
lines, repetitions aimed at regex backtracking — as well as raw text. Properties: only the
documented one-line errors (``ReadError``/``LimitError``/``ParseError``) escape, every statement
and requirement has a line inside its document, and roles serialize to JSON that validates against
``role.schema.json`` and store cleanly. ``benchmarks/fuzz.py`` runs 10^6 inputs; raise
``CAREERLADDER_FUZZ_SCALE`` (default 1) to run more examples here.
"""

from __future__ import annotations

import json
import os

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerladder import codec
from careerladder.classify import default_classifier
from careerladder.errors import CareerLadderError, ParseError, ReadError
from careerladder.extract.grammar import clean_title, slugify, split_sentences, tokens
from careerladder.extract import inheritance
from careerladder.extract.rules import RULES, Context
from careerladder.extract.titles import title_level
from careerladder.model import Link, Statement, role_statements
from careerladder.pipeline import ROLE_SCHEMA, Analyzer
from careerladder.readers import frontmatter, read_text, reader_names
from careerladder.resolve import resolve
from careerladder.store import DocumentRecord, open_store
from careerladder.vocab import LEVELS, OTHER_LEVELS, REQUIREMENT_TYPES

analyze = Analyzer().analyze  # the one analysis path, one document at a time

SCALE = int(os.environ.get("CAREERLADDER_FUZZ_SCALE", "1"))
VALIDATOR = jsonschema.Draft202012Validator(json.loads(ROLE_SCHEMA.read_text()))


def fuzz(examples: int):
    """Settings for one property: derandomized, no example database, no deadline (CI machines are busy)."""
    return settings(max_examples=examples * SCALE, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


# -- strategies -------------------------------------------------------------------------------------
TITLES = st.sampled_from(["Engineering Manager", "Senior Engineering Manager", "Director of Engineering",
                          "VP of Engineering", "CTO", "Head of Engineering", "Level 3: Engineering Manager",
                          "EM5 - Engineering Manager 5", "엔지니어링 매니저", "研发总监", "Team Lead"])
HEADINGS = st.sampled_from(["Should have", "Is expected to", "Requirements", "Responsibilities", "Benefits",
                            "Nice to have", "About us", "Strategy", "Years of experience", "자격 요건", "岗位职责"])
PHRASES = st.sampled_from([
    "5+ years of experience managing engineers", "at least three years of leadership experience",
    "teams of 20-30 people", "a team of eight engineers", "4 direct reports", "span of control of 9",
    "experience managing managers", "BS/MS in Computer Science or equivalent experience", "Go, Python and Kubernetes",
    "Location: Berlin", "Remote-first", "hybrid (3 days on-site)", "Same as Engineering Manager, but also...",
    "Every Director has what it takes to be an Engineering Manager and meets the expectations for that level.",
    "extends the [Engineering Manager](em.md) role", "Continue reading: [VP of Engineering](vp.md)",
    "팀을 이끌고 성장시킵니다.", "负责团队管理。", "e.g. on-call, etc.", "<script>alert(1)</script>",
    "&amp; &bull; &#x2F;", "Mariana Tek's engineers", "1,000,000 users", "C++ and C#"])
#: Pieces repeated to provoke regex backtracking and parser blow-ups.
REPEATED = st.sampled_from(["1", "1,", "1-", "9.", "at least ", "years ", "a-", " ", "\t", "*", "_", "[", "](",
                            "![", "<", "&#", "{{", "same as ", "Level ", "(", "Director of ", "- ", "> ", "<b>",
                            "<div>", "**a", "1+ ", "teams of ", "e.g. ", "\n", "\r\n", "|", "`", "\\"])
#: Any character but NUL and lone surrogates (readers get text decoded from bytes), control ones included.
CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
WORDS = st.text(CHARS, max_size=40)


@st.composite
def repeated(draw) -> str:
    unit = draw(REPEATED)
    return unit * draw(st.integers(1, 3000 // len(unit)))


SENTENCE = st.one_of(PHRASES, PHRASES, WORDS, repeated(),
                     st.lists(st.one_of(PHRASES, WORDS), min_size=1, max_size=4).map(" ".join))


@st.composite
def yaml_value(draw) -> str:
    """One YAML value, odd on purpose: tags, anchors, flow and block collections, broken quoting."""
    return draw(st.one_of(
        st.sampled_from(["Engineering Manager", "!!timestamp '2016-10-18'", "2019-01-01", "[a, [b, [c]]]",
                         "{a: {b: c}}", "!ruby/object:Foo {a: 1}", "!!python/object/apply:os.system ['id']",
                         "!!python/name:os.system", "|\n  multi\n  line", "~", "yes", "0x1F", "1e309", "-.inf",
                         "!!float x", "!!bool maybe", "!!int '12'", "!!binary aGVsbG8=", "!!set {a, b}",
                         "!!omap [a: 1]", "'unterminated", "\t tab", "{unclosed", "&a [1, 2]", "*a", "*missing",
                         "!<tag:yaml.org,2002:str> x", "? complex\n: key", "- a\n- b"]),
        WORDS.map(json.dumps), st.integers().map(str), repeated()))


@st.composite
def front_matter(draw) -> str:
    keys = draw(st.lists(st.sampled_from(["title", "company", "summary", "location", "tags", "created", "extends",
                                          "next_level", "remote", "비고", "a b", "<k>"]), max_size=6))
    lines = [f"{k}: {draw(yaml_value())}" for k in keys]
    fence = draw(st.sampled_from(["---\n{}\n---\n", "{}\n---\n", "---\n{}\n", "---\n{}\n...\n"]))
    return fence.format("\n".join(lines))


@st.composite
def markdown_doc(draw) -> str:
    parts = [draw(st.one_of(st.just(""), front_matter()))]
    title = draw(TITLES)
    parts.append(draw(st.sampled_from([f"# {title}\n", f"{title}\n===\n", f"**{title}**\n", ""])))
    for _ in range(draw(st.integers(0, 4))):
        parts.append(f"{'#' * draw(st.integers(1, 6))} {draw(HEADINGS)}\n")
        for _ in range(draw(st.integers(0, 5))):
            kind = draw(st.integers(0, 5))
            if kind <= 1:
                depths = draw(st.lists(st.integers(0, 20), min_size=1, max_size=8))
                marker = draw(st.sampled_from(["-", "*", "+", "1.", "- [ ]"]))
                parts += [f"{'  ' * d}{marker} {draw(SENTENCE)}\n" for d in depths]
            elif kind == 2:
                parts.append(draw(SENTENCE) + "\n")
            elif kind == 3:
                parts.append(f"| a | b |\n|---|---|\n| {draw(SENTENCE)} | {draw(WORDS)} |\n")
            elif kind == 4:
                parts.append("> " * draw(st.integers(1, 30)) + draw(SENTENCE) + "\n")
            else:
                parts.append(draw(html_fragment()) + "\n")
            parts.append("\n")
    return "\n".join(parts)


TAGS = st.sampled_from(["p", "div", "span", "ul", "ol", "li", "strong", "b", "em", "a", "br", "h1", "h2", "h3",
                        "table", "tr", "td", "th", "blockquote", "font", "script", "style", "svg", "nav", "dl"])
ATTRS = st.sampled_from(["", ' href="vp.md"', ' href="javascript:alert(1)"', ' style="font-weight:bold"',
                         ' onerror="alert(1)"', " class='toc'", ' role="main"', ' a="'])
ENTITIES = st.sampled_from(["&amp;", "&bull;", "&rsquo;", "&nbsp;", "&#x2F;", "&#0;", "&#xD800;", "&#99999999;",
                            "&unknown;", "&lt;script&gt;", "&", "&#"])


def _element(children):
    return st.tuples(TAGS, ATTRS, st.lists(children, max_size=4),
                     st.sampled_from(["close", "close", "open", "twice"])).map(_render)


def _render(parts) -> str:
    tag, attrs, inner, close = parts
    end = {"close": f"</{tag}>", "open": "", "twice": f"</{tag}></{tag}>"}[close]
    return f"<{tag}{attrs}>{''.join(inner)}{end}"


@st.composite
def html_fragment(draw) -> str:
    leaf = st.one_of(SENTENCE, ENTITIES)
    tree = draw(st.recursive(leaf, _element, max_leaves=25))
    if draw(st.integers(0, 9)) == 0:  # a deep chain, over or under the depth limit
        tag, depth = draw(TAGS), draw(st.sampled_from([30, 99, 150, 2000]))
        tree = f"<{tag}>" * depth + tree + f"</{tag}>" * draw(st.sampled_from([0, depth]))
    return tree


@st.composite
def html_doc(draw) -> str:
    head = draw(st.sampled_from(["", "<!DOCTYPE html><html><head><title>Engineering Manager</title></head><body>",
                                 "<html>"]))
    return draw(st.one_of(st.just(""), front_matter())) + head + draw(html_fragment())


@st.composite
def text_doc(draw) -> str:
    lines = [draw(TITLES), ""]
    for _ in range(draw(st.integers(1, 12))):
        lines.append(draw(st.one_of(
            HEADINGS.map(str.upper), HEADINGS.map(lambda h: h + ":"), st.just(""), st.just("==="),
            st.tuples(st.integers(0, 40), st.sampled_from(["- ", "• ", "1. ", "a) ", "o "]), SENTENCE)
            .map(lambda t: " " * t[0] + t[1] + t[2]), SENTENCE)))
    return "\n".join(lines)


DOCUMENTS = st.one_of(
    st.tuples(st.just("role.md"), markdown_doc()), st.tuples(st.just("role.html"), html_doc()),
    st.tuples(st.sampled_from(["role.txt", "role"]), text_doc()),
    st.tuples(st.sampled_from(["raw.md", "raw.txt", "raw.html", "raw"]), st.text(CHARS, max_size=3000)))


def line_count(text: str) -> int:
    """Lines as readers count them: ``\\r\\n``, ``\\r`` and ``\\n`` each end one."""
    return text.count("\n") + text.count("\r") - text.count("\r\n") + 1

def document_lines(doc, text: str) -> int:
    """Lines a document's blocks may point at: the file's, or for a ``remotewlb_history`` record
    those of the README version it holds (docs/formats.md)."""
    if doc.format == "remotewlb_history":
        return line_count(json.loads(text.split("\n")[doc.metadata["jsonl_line"] - 1])["text"])
    return line_count(text)


def one_line(exc: CareerLadderError) -> None:
    assert "\n" not in str(exc) and "\r" not in str(exc), str(exc)


def run_documents(docs: list[tuple[str, str]]):
    """read -> analyze every (name, text), then resolve them together; checks lines and errors."""
    roles, lines = [], {}
    for name, text in docs:
        try:
            found_docs = read_text(text, name)
        except ReadError as exc:
            one_line(exc)
            continue
        for doc in found_docs:
            assert all(1 <= b.line <= b.end_line for b in doc.blocks), [(b.line, b.end_line) for b in doc.blocks]
            try:
                found = analyze(doc, name + (f"#{doc.fragment}" if doc.fragment else ""))
            except ParseError as exc:
                one_line(exc)
                continue
            roles += found
            lines.update({r.id: document_lines(doc, text) for r in found})
    resolved, ladders, diags = resolve(roles)
    for role in resolved:
        for _, statement in role_statements(role):
            assert 1 <= statement.line <= lines[role.id], (statement.line, statement.text[:80])
        for req in role.requirements:
            assert 1 <= req.line <= lines[role.id] and req.type in REQUIREMENT_TYPES
    assert all("\n" not in str(d) for d in diags)
    return resolved, ladders


# -- properties ---------------------------------------------------------------------------------------
@fuzz(120)
@given(DOCUMENTS)
def test_documents_give_roles_or_one_line_errors(named):
    resolved, ladders = run_documents([named])
    effective = {rid: e for ladder in ladders for rid, e in ladder.effective.items()}
    for role in resolved:
        errors = list(VALIDATOR.iter_errors(codec.role_data(role, effective.get(role.id))))
        assert not errors, errors[0].message


@fuzz(40)
@given(st.lists(st.tuples(st.sampled_from(["em.md", "dir.md", "vp.md", "a/cto.md", "b/em.md"]),
                          st.tuples(TITLES, st.lists(st.one_of(PHRASES, st.sampled_from([
                              "Same as Director of Engineering, but also...", "Same as VP of Engineering",
                              "extends the [CTO](a/cto.md) role", "Next level: [Director](dir.md)",
                              "Previous level: Engineering Manager", "Same as Team Lead, but also..."])),
                              max_size=4)).map(lambda t: f"# {t[0]}\n\n" + "".join(f"- {p}\n" for p in t[1]))),
                min_size=1, max_size=6, unique_by=lambda t: t[0]))
def test_ladders_with_cycles_and_missing_levels_resolve(docs):
    resolved, ladders = run_documents(docs)
    levels = [r.id for r in resolved if r.kind == "ladder_level"]
    placed = {r.id for ladder in ladders for r in ladder.roles}
    by_id = {r.id: r for r in resolved}
    # every ladder level is a level of one ladder, or a variant of one (a page repeating a level)
    assert len(placed) == sum(len(ladder.roles) for ladder in ladders)
    assert all(rid in placed or by_id[rid].variant_of in placed or by_id[rid].variant in ("appendix", "overview")
               for rid in levels)
    known = set(levels)
    for ladder in ladders:
        for expectations in ladder.effective.values():
            assert {e.origin_id for e in expectations} <= known


@fuzz(150)
@given(st.one_of(front_matter().flatmap(lambda fm: st.tuples(st.just(fm), SENTENCE).map("".join)),
                 st.text(CHARS, max_size=500)))
def test_front_matter_loads_safely_or_fails_in_one_line(text):
    try:
        meta, body, body_line = frontmatter.split(text, "fm.md")
    except ReadError as exc:
        one_line(exc)
        assert str(exc).startswith("fm.md")
        return
    json.dumps(meta)  # JSON-safe: no object was constructed
    assert body_line >= 1 and (text.endswith(body) or text.lstrip("\ufeff").endswith(body))


@fuzz(300)
@given(SENTENCE, st.sampled_from([None, "Impact", "Location"]),
       st.sampled_from(["qualifications", "responsibilities", "benefits", "about", "other"]),
       st.lists(HEADINGS, max_size=2))
def test_requirement_grammar_on_any_statement(text, label, kind, path):
    statement = Statement("r:1", text, 7, 7, label=label)
    lower = (f"{label}: {text}" if label else text).lower()
    for rule in RULES:
        for req in rule(statement, Context(kind, tuple(path), "Engineering Manager", "ladder_level", lower)):
            assert req.line == 7 and req.statement_id == "r:1" and req.type in REQUIREMENT_TYPES
            assert req.min is None or req.max is None or req.min <= req.max
    for parent in inheritance.find_parents(statement):
        assert parent.title.strip() and "\n" not in parent.phrase
    inheritance.find_next_level(statement)
    for sentence, offset in split_sentences(text):
        assert text[offset:].startswith(sentence.split()[0])
    title, _ = clean_title(text)
    assert title or not text.strip()
    assert title_level(text) in LEVELS + OTHER_LEVELS
    slugify(text)
    tokens(text)
    assert all(0 <= c.score <= 1 for c in default_classifier().predict_one(statement, " ".join(path)))


@fuzz(25)
@given(st.lists(DOCUMENTS, min_size=1, max_size=3))
def test_store_writes_every_role_and_rewrites_nothing(docs):
    resolved, ladders = run_documents([(f"d{i}/{name}", text) for i, (name, text) in enumerate(docs)])
    store = open_store(":memory:")
    for role in resolved:
        data = [codec.role_data(role)]
        record = DocumentRecord(role.id, role.content_hash, "h", "fuzz", role.metadata)
        assert store.write_document(record, data) is True
        assert store.write_document(record, data) is False
    assert store.counts()["roles"] == len(resolved) and store.integrity_ok()
    store.close()


# -- the posting readers, through the registry ----------------------------------------------------------
RECORD_TEXT = st.one_of(SENTENCE, html_fragment())


@st.composite
def container(draw) -> tuple[str, str]:
    """A JSON list of HN posts, job-board records, a rebase issue, JSON-LD in HTML, or a CSV."""
    kind = draw(st.sampled_from(["hn", "board", "rebase", "jsonld", "csv", "history"]))
    texts = draw(st.lists(RECORD_TEXT, min_size=1, max_size=3))
    if kind == "hn":
        records = [{"full_html": t, "url": f"u{i}", "remote": draw(st.booleans())} for i, t in enumerate(texts)]
        return "posts.json", json.dumps(records + draw(st.sampled_from([[], [1], ["x"], [{}]])), indent=1)
    if kind == "board":
        return "jobs.json", json.dumps([{"position": draw(TITLES), "company": draw(WORDS), "description": t}
                                        for t in texts])
    if kind == "rebase":
        return "issue.json", json.dumps({"raw_source": {"title": draw(TITLES), "body": texts[0], "labels": []}})
    if kind == "history":
        return "history.jsonl", "\n".join(json.dumps({"path": f"jobs/x/{i}/README.md", "commit": "c" * 40,
                                                      "text": f"# [{draw(TITLES)}](u)\n\n{t}"})
                                          for i, t in enumerate(texts))
    if kind == "jsonld":
        post = {"@context": "https://schema.org", "@type": "JobPosting", "title": draw(TITLES),
                "hiringOrganization": {"name": draw(WORDS)}, "description": texts[0]}
        return "page.html", ('<html><head><script type="application/ld+json">' + json.dumps(post)
                             + "</script></head><body></body></html>")
    import csv
    import io
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["title", "location", "description", "requirements"])
    for t in texts:
        writer.writerow([draw(TITLES), draw(WORDS), t, draw(SENTENCE)])
    return "postings.csv", buffer.getvalue()


@pytest.mark.skipif(len(reader_names()) <= 3, reason="only the core readers are registered")
@fuzz(60)
@given(container())
def test_posting_readers_through_the_registry(named):
    run_documents([named])


# -- regressions: one test per crash or blow-up the fuzzers found --------------------------------------
@pytest.mark.parametrize("value", ["!!float x", "!!bool maybe", "!!int x", "!!timestamp nonsense"])
def test_a_yaml_value_its_tag_cannot_hold_is_a_read_error(value):
    with pytest.raises(ReadError) as info:  # was ValueError / KeyError / AttributeError from PyYAML
        frontmatter.split(f"---\ntitle: x\nwhen: {value}\n---\nbody\n", "fm.md")
    assert str(info.value) == "fm.md:2: broken YAML front matter: a tagged value cannot be read " \
                              f"({type(info.value.__cause__).__name__})"
    meta, body, line = frontmatter.split(f"title: Engineer\ncompany: x\nwhen: {value}\n---\nbody\n", "fm")
    assert (meta, body, line) == ({}, f"title: Engineer\ncompany: x\nwhen: {value}\n---\nbody\n", 1)


def test_escaped_surrogates_in_front_matter_are_stored(tmp_path):
    meta, _, _ = frontmatter.split('---\ntitle: x\ncompany: "\\ud83d\\ude00 Co \\ud800"\n---\nbody\n', "fm.md")
    assert meta["company"] == "\U0001F600 Co \ufffd"  # the pair joined, the lone half replaced
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "em.md").write_text('---\ntitle: Engineering Manager\ncompany: "\\ud800 Co"\n---\n- lead people\n')
    from careerladder.pipeline import build
    assert build([folder], tmp_path / "out").written == 1  # was UnicodeEncodeError out of the store


def test_the_store_refuses_text_utf8_cannot_hold_in_one_line():
    store = open_store(":memory:")
    record = DocumentRecord("bad.md", "c", "a", "markdown", {"note": "\ud800"})
    with pytest.raises(CareerLadderError) as info:
        store.write_document(record, [])
    assert str(info.value) == "bad.md: cannot store document: surrogates not allowed in its text"
    assert store.counts()["documents"] == 0


def test_nested_tables_are_read_once_each():
    depth = 40  # each table's rows used to be walked by every enclosing table: 2^40 steps
    html = "<h1>Engineering Manager</h1>" + "".join(f"<table><tr><td>cell {i}" for i in range(depth)) \
        + "</td></tr></table>" * depth
    doc, = read_text(html, "tables.html")
    assert [b.text for b in doc.blocks[1:]] == [f"cell {i}" for i in range(depth)]


def test_markup_depth_is_estimated_before_parsing():
    from careerladder.readers.html import markup_depth
    assert markup_depth("<div>" * 300) == 300
    assert markup_depth("<div></div>" * 300 + "<ul><li>x</li></ul>") == 1
    assert markup_depth("<b>" * 300 + "<span>" * 300) == 0  # inline elements cost the parser nothing


def test_shortcodes_are_stripped_in_one_pass():
    from careerladder.readers.markdown import _strip_templates
    assert _strip_templates("a {{< toc >}} b {% raw %} c {{x}} d {{ open") == "a  b  c  d {{ open"
    assert _strip_templates("{{}}" * 5000 + "end") == "end"


def test_a_number_is_never_matched_from_its_middle():
    import re
    from careerladder.extract.grammar import BOUNDED
    text = "1,000,000 users, 12345 engineers, 2.5 years, 3,5 days"
    starts = [m.start() for m in re.finditer(BOUNDED, text)]
    assert [text[s:s + 4] for s in starts] == ["1,00", "1234", "2.5 ", "3,5 "]
    digits = Statement("r:1", "1" * 4000 + " people team", 1, 1)
    from careerladder.extract.rules import team_size
    assert team_size.find(digits, Context("qualifications", (), "EM", "job_posting", digits.text.lower())) == []


@pytest.mark.parametrize("heading, title", [
    ("[Engineering Manager](em.md)", "Engineering Manager"), ("[[x](y) Director", "[x Director"),
    ("Engineering Manager (Manager 5)", "Engineering Manager"), ("Director (Level (5))", "Director (Level (5))"),
    ("[" * 3000, "[" * 3000), ("(" * 3000 + "x", "(" * 3000 + "x"),
])
def test_titles_with_runs_of_brackets(heading, title):
    assert clean_title(heading)[0] == title


def test_inheritance_reads_through_whitespace_runs():
    spaced = Statement("r:1", "Same as\n\n\n   Engineering   Manager,\t\tbut also...", 3, 3)
    parent, = inheritance.find_parents(spaced)
    assert (parent.title, parent.phrase) == ("Engineering Manager", "Same as Engineering Manager,")
    runs = Statement("r:2", ("Same as " + "\r\n" * 500) * 10, 4, 4)  # took seconds of backtracking
    assert inheritance.find_parents(runs) == []
    nxt = inheritance.find_next_level(Statement("r:3", "Continue reading:\n\n  [VP](vp.md)", 5, 5,
                                                links=(Link("VP", "vp.md"),)))
    assert (nxt.title, nxt.href) == ("VP", "vp.md")


def test_a_line_break_inside_one_source_line_keeps_sentences_on_it():
    doc, = read_text("# Engineering Manager\n\nLead people.<br>Grow them.<br>Hire well.\n\nLast one.\n", "br.md")
    role, = analyze(doc, "br.md")
    assert [(s.text, s.line) for _, s in role_statements(role)] == [
        ("Lead people.", 3), ("Grow them.", 3), ("Hire well.", 3), ("Last one.", 5)]


def test_a_long_heading_is_scored_once_per_section():
    from careerladder.classify import _context_raw, classify
    heading = "### " + "coaching and hiring " * 200
    doc, = read_text("# Engineering Manager\n\n" + heading + "\n\n" + "".join(f"- duty {i}\n" for i in range(50)),
                     "h.md")
    before = _context_raw.cache_info()
    classify(parse_one(doc))
    after = _context_raw.cache_info()
    assert after.misses - before.misses <= 1 and after.hits - before.hits >= 49


def parse_one(doc):
    from careerladder.parse import parse
    role, = parse(doc, doc.source)
    return role
