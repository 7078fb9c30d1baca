"""Readers: sniffing by content, front matter, HTML quirks, plain text, bad input."""

from __future__ import annotations

import pytest

from careerladder.errors import LimitError, ReadError
from careerladder.readers import read_path, read_text
from careerladder.readers.html import html_blocks
from careerladder.readers.markdown import markdown_blocks
from careerladder.readers.text import text_blocks


def kinds(blocks):
    return [(b.kind, b.level, b.text) for b in blocks]


def test_markdown_in_a_txt_file_is_sniffed_as_markdown(write):
    path = write("role.txt", "Director\n========\n\n### Should have\n\n* Five years\n    * nested\n")
    doc = read_path(path)[0]
    assert doc.format == "markdown"
    assert kinds(doc.blocks) == [("heading", 1, "Director"), ("heading", 3, "Should have"),
                                 ("item", 0, "Five years"), ("item", 1, "nested")]
    assert [b.line for b in doc.blocks] == [1, 4, 6, 7]


def test_front_matter_lines_and_timestamps(write):
    path = write("p.md", "---\ntitle: Engineering Manager\ncreated: !!timestamp '2016-10-18'\n"
                         "tags: [a, b]\n---\n\n# Role\n\n- item\n")
    doc = read_path(path)[0]
    assert doc.metadata == {"title": "Engineering Manager", "created": "2016-10-18", "tags": ["a", "b"]}
    assert [(b.text, b.line) for b in doc.blocks] == [("Role", 7), ("item", 9)]


def test_front_matter_without_opening_fence(write):
    path = write("job", "title: Python Developer\ncompany: Example Ltd\n---\n\n# Overview\n\nWe build things.\n")
    doc = read_path(path)[0]
    assert doc.metadata["company"] == "Example Ltd"
    assert doc.blocks[0].text == "Overview" and doc.blocks[0].line == 5


def test_unknown_yaml_tags_never_construct_objects(write):
    path = write("x.md", "---\ntitle: !!python/object:os.system ls\nother: !ruby/object {a: 1}\n---\n# T\n")
    meta = read_path(path)[0].metadata
    assert meta == {"title": "ls", "other": {"a": 1}}


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    ("---\ntitle: [unclosed\n---\n# x\n".encode(), "broken YAML front matter"),
    (b'{"just": "json"}', "JSON data, not postings"),
])
def test_bad_input_gives_one_line_error_naming_the_file(write, content, message):
    path = write("bad.md", content)
    with pytest.raises(ReadError) as info:
        read_path(path)
    text = str(info.value)
    assert "\n" not in text and str(path) in text and message in text


def test_missing_file_and_size_limit(tmp_path, monkeypatch):
    with pytest.raises(ReadError, match="no such file or folder"):
        read_path(tmp_path / "nope.md")
    big = tmp_path / "big.md"
    big.write_text("# x\n" + "a" * 2000)
    monkeypatch.setattr("careerladder.thresholds.MAX_FILE_BYTES", 1000)
    with pytest.raises(LimitError, match="over the 1000-byte limit"):
        read_path(big)


def test_cp1252_fallback(write):
    path = write("w.txt", b"Engineering Manager\n\nCaf\xe9 \x93quotes\x94\n")
    doc = read_path(path)[0]
    assert "Café “quotes”" in doc.blocks[-1].text


def test_html_br_bullets_and_strong_headings():
    html = ("<p><strong>Mindset</strong> <br>&bull; Move fast <br>&bull;&nbsp;<strong>Remote</strong>: "
            "anywhere <br><br><strong>What do you need?</strong><br>&bull; 4+ years</p>")
    blocks, _ = html_blocks(html, 11)
    assert kinds(blocks) == [("heading", 0, "Mindset"), ("item", 0, "Move fast"), ("item", 0, "anywhere"),
                             ("heading", 0, "What do you need?"), ("item", 0, "4+ years")]
    assert blocks[2].label == "Remote"
    assert {b.line for b in blocks} == {11}


def test_html_section_name_inside_a_line_starts_a_section():
    blocks, _ = html_blocks("<p>we retro weekly <strong>Your role</strong> As a manager you lead.</p>")
    assert kinds(blocks) == [("paragraph", 0, "we retro weekly"), ("heading", 0, "Your role"),
                             ("paragraph", 0, "As a manager you lead.")]


def test_html_nested_lists_and_lines():
    html = "<ul>\n<li>one\n<ul>\n<li>child</li>\n</ul>\n</li>\n<li>two</li>\n</ul>\n"
    blocks, _ = html_blocks(html, 5)
    assert kinds(blocks) == [("item", 0, "one"), ("item", 1, "child"), ("item", 0, "two")]
    assert [b.line for b in blocks] == [6, 8, 11]


def test_html_side_by_side_table_keeps_only_the_bold_current_level():
    html = ("<table><tr><td>Engineering Manager</td><td style='font-weight: bold'>Director</td>"
            "<td>VP</td></tr><tr><td>5+</td><td style='font-weight:bold'>10+</td><td>15+</td></tr></table>")
    blocks, _ = html_blocks(html)
    assert [b.text for b in blocks] == ["Director", "10+"]


def test_html_page_skips_navigation_and_scripts():
    page = ("<!doctype html><html><head><title>Site</title><script>var x='Engineering Manager';</script>"
            "</head><body><div id='toc'><h1>Menu Engineer</h1></div><main><h1>Engineering Director</h1>"
            + "<p>" + "Leads the group and sets its strategy. " * 10 + "</p></main></body></html>")
    blocks, title = html_blocks(page, page=True)
    assert title == "Engineering Director"
    assert "Menu" not in " ".join(b.text for b in blocks) and "var x" not in " ".join(b.text for b in blocks)


def test_markdown_labels_tables_html_blocks_and_shortcodes():
    md = ("{{< toc >}}\n\n* **Delivery**: ships things\n\n| Level | Scope |\n|---|---|\n| M3 | team |\n\n"
          "<ul><li>from html</li></ul>\n\n**Strategic Execution:**\n\n- plan\n")
    blocks = markdown_blocks(md, 1)
    assert kinds(blocks) == [("item", 0, "ships things"), ("row", 1, "Level | Scope"), ("row", 0, "M3 | team"),
                             ("item", 0, "from html"), ("heading", 0, "Strategic Execution"), ("item", 0, "plan")]
    assert blocks[0].label == "Delivery"


def test_plain_text_headings_bullets_and_title():
    text = "Engineering Manager\n\nREQUIREMENTS\n- 3+ years managing\n  - of engineers\n1. Hiring\n\nWe value trust.\n"
    assert kinds(text_blocks(text)) == [("heading", 1, "Engineering Manager"), ("heading", 0, "REQUIREMENTS"),
                                        ("item", 0, "3+ years managing"), ("item", 1, "of engineers"),
                                        ("item", 0, "Hiring"), ("paragraph", 0, "We value trust.")]


def test_read_text_without_a_file():
    doc = read_text("# VP of Engineering\n\n- Owns the budget\n", "pasted.md")[0]
    assert doc.source == "pasted.md" and doc.blocks[1].text == "Owns the budget"


def test_plain_text_title_with_small_words():
    doc = read_text("VP of Engineering\n\nOwns the engineering budget.\n", "vp.txt")[0]
    assert (doc.blocks[0].kind, doc.blocks[0].level, doc.blocks[0].text) == ("heading", 1, "VP of Engineering")


def test_lone_surrogates_are_replaced():
    doc = read_text("# Director \ud800 of Engineering\n\n- a\n", "d.md")[0]
    assert "\ud800" not in doc.blocks[0].text
    doc.blocks[0].text.encode("utf-8")


def test_long_bracket_runs_keep_their_text_and_the_link_after_them():
    """Runs of "[" are escaped before markdown-it's inline parse (it is quadratic on them)."""
    run = "[" * 40
    items = [b for b in markdown_blocks(f"- Own {run}the roadmap](https://x.example/r) and [[wiki]] {run}\n")
             if b.kind == "item"]
    assert items[0].text == f"Own {'[' * 39}the roadmap and [[wiki]] {run}"
    assert [link.href for link in items[0].links] == ["https://x.example/r"]


def test_long_image_bracket_runs_code_spans_and_link_targets_keep_their_text():
    run = "![" * 20
    item, = [b for b in markdown_blocks(f"- See {run}chart](c.png) and `{'[' * 12}` here [l](u{'[' * 9})\n")
             if b.kind == "item"]
    assert item.text == f"See {run[:-2]} and {'[' * 12} here l"  # the last "![" is the image, alt text dropped
    assert [link.href for link in item.links] == ["u" + "%5B" * 9]
