"""Evidence files: Markdown with front matter, YAML, plain-text brag documents; every error names file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerladder.errors import EvidenceError
from careerladder.assess.evidence import parse_evidence, read_evidence

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "evidence"
#: Evidence files written against seed 003 (they point at ../shared/seeds, so they live with the tests).
SEED_EVIDENCE = Path(__file__).resolve().parent / "fixtures" / "evidence"


def test_markdown_example_header_items_tags_and_lines():
    ev = read_evidence(SEED_EVIDENCE / "noor-vp-self.md")
    assert (ev.person, ev.perspective, ev.level, ev.date, ev.format) == \
        ("Noor Haddad", "self", "VP, Engineering", "2026-03-02", "markdown")
    assert ev.ladder == "../../../../shared/seeds"
    assert len(ev.items) == 12, "bullets only: the title heading, section headings and the > note are not evidence"
    lines = (SEED_EVIDENCE / "noor-vp-self.md").read_text().splitlines()
    for item in ev.items:  # every item points at the line its bullet starts on
        assert lines[item.line - 1].startswith("- ")
        assert item.text.split()[0] in lines[item.line - 1]
    board = ev.items[0]
    assert board.date == "2025-10-14" and board.competencies == ("communication",)
    assert board.text.startswith("Presented the engineering plan") and "[" not in board.text
    tagged = [i for i in ev.items if i.expectations]
    assert [i.expectations for i in tagged] == [("003_e49c1f1394c4b8c3.txt:26",)]
    assert ev.items[-1].date is None and ev.items[-1].text == "Organized the company summer party."
    assert [i.id for i in ev.items] == [f"e{n}" for n in range(1, 13)]


def test_yaml_example_items_are_strings_or_mappings():
    ev = read_evidence(SEED_EVIDENCE / "noor-vp-manager.yaml")
    assert (ev.person, ev.perspective, ev.format, ev.date) == ("Noor Haddad", "manager", "yaml", "2026-03-09")
    assert len(ev.items) == 6
    first, third, fourth, fifth = ev.items[0], ev.items[2], ev.items[3], ev.items[4]
    assert first.competencies == ("communication",) and first.date == "2025-10-14" and first.line == 9
    assert third.expectations == ("003_e49c1f1394c4b8c3.txt:28",)
    assert fourth.text.startswith("Had the difficult conversation") and fourth.date is None
    assert fifth.date == "2025-07-22" and fifth.competencies == ("people_management",), "tags work in YAML text too"


def test_plain_text_brag_document_every_paragraph_and_bullet_is_an_item():
    ev = read_evidence(EXAMPLES / "sam-director-brag.txt")
    assert ev.format == "text" and ev.person is None and ev.perspective == "self"
    assert len(ev.items) == 8
    assert [i.line for i in ev.items] == [1, 3, 5, 7, 9, 10, 11, 12]
    assert ev.items[2].text.startswith("Held weekly 1:1s")


def test_multi_line_bullets_join_and_links_are_not_tags():
    ev = parse_evidence("- [See the plan](https://example.invalid/plan) we wrote\n  with finance.\n"
                        "- [Hiring & team building] [comp: culture] Ran the hiring week.\n", "links.md")
    assert ev.items[0].text == "See the plan we wrote with finance." and ev.items[0].competencies == ()
    assert ev.items[1].competencies == ("hiring", "culture"), "a competency by id or by name"


@pytest.mark.parametrize("name, text, line, words", [
    ("empty.md", "", 1, "empty evidence file"),
    ("blank.txt", "  \n\n \n", 1, "empty evidence file"),
    ("headings.md", "---\nperson: Ada\n---\n# Evidence\n## Hiring\n", 5, "no evidence items"),
    ("key.md", "---\nperson: Ada\nlevle: VP\n---\n- Did a thing.\n", 3, "unknown key 'levle'"),
    ("perspective.md", "---\nperspective: boss\n---\n- Did a thing.\n", 2, "perspective 'boss'"),
    ("fmdate.md", "---\nperson: Ada\ndate: March\n---\n- Did a thing.\n", 3, "date 'March'"),
    ("date.md", "- Did a thing.\n- [2025-02-30] Did another.\n", 2, "date '2025-02-30'"),
    ("tag.md", "- Fine.\n\n- [wip] Not fine.\n", 3, "unknown tag [wip]"),
    ("comp.md", "- [competency: juggling] Juggled.\n", 1, "unknown competency 'juggling'"),
    ("only-tags.md", "- Fine.\n- [2025-01-02] [hiring]\n", 2, "tags but no text"),
    ("two-dates.md", "- [2025-01-02] [2025-01-03] Twice.\n", 1, "more than one date"),
    ("broken.md", "---\nperson: [Ada\n---\n- x\n", 4, "broken YAML"),
    ("broken.yaml", "person: Ada\nevidence:\n  - text: a\n   - b\n", 4, "broken YAML"),
    ("nolist.yaml", "person: Ada\nlevel: VP\n", 1, "no 'evidence' list"),
    ("notlist.yaml", "person: Ada\nevidence: lots\n", 2, "must be a list"),
    ("itemkey.yaml", "person: Ada\nevidence:\n  - text: a\n    when: 2025\n", 4, "unknown item key 'when'"),
    ("notext.yaml", "person: Ada\nevidence:\n  - text: a\n  - date: 2025-01-01\n", 4, "no 'text'"),
    ("number.yaml", "evidence:\n  - 42\n", 2, "must be text or a mapping"),
    ("scalar.yaml", "just a sentence\n", 1, "expected a mapping"),
    ("itemdate.yaml", "evidence:\n  - text: a\n    date: soon\n", 3, "date 'soon'"),
])
def test_malformed_evidence_names_the_file_and_the_line(name, text, line, words):
    with pytest.raises(EvidenceError) as info:
        parse_evidence(text, name)
    assert str(info.value).startswith(f"{name}:{line}: "), str(info.value)
    assert words in str(info.value)
    assert "\n" not in str(info.value)


def test_unreadable_files_are_evidence_errors(tmp_path):
    binary = tmp_path / "photo.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    with pytest.raises(EvidenceError, match=r"photo\.md:1: binary file"):
        read_evidence(binary)
    with pytest.raises(EvidenceError, match="missing.md"):
        read_evidence(tmp_path / "missing.md")


def test_yaml_dates_and_lists_of_tags():
    ev = parse_evidence("person: Ada\ndate: 2026-01-31\nevidence:\n"
                        "  - text: Wrote the plan.\n    date: 2025-12-01\n    competency: [strategy, Budget & business]\n"
                        "    expectation: [a.md:3, b.md:4]\n", "ada.yml")
    item, = ev.items
    assert (ev.date, item.date, item.line) == ("2026-01-31", "2025-12-01", 4)
    assert item.competencies == ("strategy", "budget_business") and item.expectations == ("a.md:3", "b.md:4")
    assert parse_evidence("evidence: [x]\n", "a.yaml").content_hash != parse_evidence("evidence: [y]\n",
                                                                                      "a.yaml").content_hash
