"""Limits on untrusted input (SECURITY.md): what is refused with a one-line ``LimitError`` and what
is kept with a one-line warning, and that a batch always goes on."""

from __future__ import annotations

import pytest

from careerladder import thresholds
from careerladder.errors import LimitError, ReadError
from careerladder.parse import parse
from careerladder.pipeline import build, load
from careerladder.readers import read_path, read_text
from careerladder.readers.base import limit_warnings
from careerladder.readers.frontmatter import split
from careerladder.model import iter_statements

DEEP = thresholds.MAX_MARKUP_DEPTH + 20


def deep_list(levels: int) -> str:
    return "# Engineering Manager\n\n" + "".join(f"{'  ' * i}- duty at depth {i}\n" for i in range(levels))


def one_line_naming(exc: Exception, name: str) -> str:
    text = str(exc)
    assert "\n" not in text and text.startswith(name), text
    return text


# -- refused: over a hard limit --------------------------------------------------------------------------
def test_a_file_over_the_size_limit_is_refused(write, monkeypatch):
    path = write("big.md", "# Engineering Manager\n\n" + "- lead the team\n" * 100)
    monkeypatch.setattr(thresholds, "MAX_FILE_BYTES", 1000)
    with pytest.raises(LimitError) as info:
        read_path(path)
    assert "over the 1000-byte limit" in one_line_naming(info.value, str(path))


@pytest.mark.parametrize("name, text, line", [
    ("divs.html", "<h1>Engineering Manager</h1>" + "<div>" * DEEP + "lead people" + "</div>" * DEEP, 1),
    ("bold.html", "<h1>Engineering Manager</h1><p>" + "<b>" * DEEP + "lead people</p>", 1),
    ("quotes.md", "# Engineering Manager\n\nintro\n\n" + "> " * DEEP + "lead people\n", 5),
    ("lists.md", deep_list(DEEP), None),
    ("html-in.md", "# Engineering Manager\n\n<div>\n" + "<ul><li>" * DEEP + "lead\n", 3),
])
def test_markup_nested_deeper_than_the_limit_is_refused(name, text, line):
    with pytest.raises(LimitError) as info:
        read_text(text, name)
    message = one_line_naming(info.value, name)
    assert f"deeper than {thresholds.MAX_MARKUP_DEPTH}" in message
    assert line is None or info.value.line == line


def test_markup_within_the_limit_is_read_whole():
    depth = thresholds.MAX_MARKUP_DEPTH - 10
    doc, = read_text("<h1>Engineering Manager</h1>" + "<div>" * depth + "<p>lead people</p>" + "</div>" * depth,
                     "ok.html")
    assert [b.text for b in doc.blocks] == ["Engineering Manager", "lead people"]
    quotes, = read_text("# Engineering Manager\n\n" + "> " * 40 + "lead people\n\nafter\n", "ok.md")
    assert [b.text for b in quotes.blocks][-2:] == ["lead people", "after"]


@pytest.mark.parametrize("front, problem", [
    ("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 8)), "expands to more than"),
    ("self: &s [*s]\n", "refers to itself"),
    ("deep: " + "[" * DEEP + "]" * DEEP + "\n", "nests deeper than"),
    ("deep:\n" + "".join(f"{' ' * (i + 1)}k{i}:\n" for i in range(DEEP)) + " " * (DEEP + 1) + "x\n",
     "nests deeper than"),
    ("note: '" + "x" * thresholds.MAX_FRONT_MATTER_CHARS + "'\n", "character limit"),
])
def test_front_matter_over_a_limit_is_refused(front, problem):
    with pytest.raises(LimitError) as info:
        split(f"---\ntitle: Engineering Manager\n{front}---\n# Engineering Manager\n", "fm.md")
    assert problem in one_line_naming(info.value, "fm.md")
    assert info.value.line == 2


def test_front_matter_never_constructs_objects():
    meta, _, _ = split("---\ntitle: x\nrun: !!python/object/apply:os.system ['touch /tmp/careerladder-pwned']\n"
                       "obj: !!python/object:collections.OrderedDict {a: 1}\nname: !!python/name:os.system\n"
                       "ruby: !ruby/object:Gem::Installer {i: x}\n---\nbody\n", "fm.md")
    assert meta == {"title": "x", "run": ["touch /tmp/careerladder-pwned"], "obj": {"a": 1}, "name": "",
                    "ruby": {"i": "x"}}


# -- kept: over a soft limit, with a one-line warning -------------------------------------------------------
def test_deep_lists_are_kept_at_the_limit_and_reported():
    levels = thresholds.MAX_NESTING_DEPTH + 4
    doc, = read_text(deep_list(levels) + "\nAfter the list.\n", "deep.md")
    items = [b for b in doc.blocks if b.kind == "item"]
    assert [b.level for b in items] == list(range(levels))  # as written: nothing lost or moved
    assert doc.blocks[-1].text == "After the list."  # markdown-it's own limit used to drop it unseen
    warning, = limit_warnings(doc)
    assert warning.code == "NESTING_CLAMPED" and warning.line == 3 + thresholds.MAX_NESTING_DEPTH + 1
    assert str(warning) == (f"deep.md:{warning.line}: NESTING_CLAMPED 3 list item(s) nested deeper than "
                            f"{thresholds.MAX_NESTING_DEPTH} levels (up to {levels - 1}) attached at level "
                            f"{thresholds.MAX_NESTING_DEPTH}")
    role, = parse(doc, "deep.md")
    chain, st = [], role.sections[0].statements[0]
    while st is not None:
        chain.append(st.text)
        st = st.children[0] if st.children else None
    assert len(chain) == thresholds.MAX_NESTING_DEPTH + 1  # the deeper items are siblings at the last level
    assert len(list(iter_statements(role.sections[0].statements))) == levels + 1  # and the sentence after


@pytest.mark.parametrize("name, text", [
    ("long.md", "# Engineering Manager\n\n" + "lead the team well " * 400 + "\n"),
    ("long.txt", "Engineering Manager\n\n- " + "lead the team well " * 400 + "\n"),
    ("long.html", "<h1>Engineering Manager</h1><ul><li>" + "lead the team well " * 400 + "</li></ul>"),
])
def test_long_statements_are_cut_and_reported(name, text):
    doc, = read_text(text, name)
    long, = [b for b in doc.blocks if len(b.text) > 100]
    assert len(long.text) == thresholds.MAX_STATEMENT_CHARS and long.text.endswith("…")
    warning, = limit_warnings(doc)
    assert warning.code == "STATEMENT_CUT" and warning.line == long.line and warning.severity == "warning"
    assert "1 block(s) longer than 4000 characters cut to 4000" in str(warning)


def test_documents_within_the_soft_limits_give_no_warning(seeds_dir):
    for path in sorted(seeds_dir.iterdir()):
        for doc in read_path(path):
            assert limit_warnings(doc) == []


# -- a batch goes on ---------------------------------------------------------------------------------------
def test_a_batch_reports_every_limit_in_one_line_and_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_text("# Engineering Manager\n\n- Lead a team of 8 engineers\n")
    (folder / "deep.html").write_text("<h1>Director</h1>" + "<div>" * DEEP)
    (folder / "aliases.md").write_text("---\ntitle: x\na: &a [*a]\n---\n# Director of Engineering\n")
    (folder / "clamped.md").write_text(deep_list(thresholds.MAX_NESTING_DEPTH + 2))
    (folder / "cut.txt").write_text("Engineering Manager\n\n" + "x" * (thresholds.MAX_STATEMENT_CHARS + 1) + "\n")
    loaded = load([folder])
    assert sorted(r.source.rsplit("/", 1)[-1] for r in loaded.roles) == ["clamped.md", "cut.txt", "good.md"]
    found = {(d.source.rsplit("/", 1)[-1], d.code, d.severity) for d in loaded.diagnostics}
    assert found == {("deep.html", "READ_ERROR", "error"), ("aliases.md", "READ_ERROR", "error"),
                     ("clamped.md", "NESTING_CLAMPED", "warning"), ("cut.txt", "STATEMENT_CUT", "warning")}
    assert all("\n" not in str(d) for d in loaded.diagnostics)
    result = build([folder], tmp_path / "out")
    summary = (tmp_path / "out" / "summary.md").read_text()
    assert len(result.roles) == 3 and "NESTING\\_CLAMPED" in summary and "STATEMENT\\_CUT" in summary


def test_limit_errors_are_read_errors():
    assert issubclass(LimitError, ReadError)  # every caller that survives a ReadError survives a limit
