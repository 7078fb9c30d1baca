"""parse: titles, kinds, sections and their kinds, statements with lines, one role per heading."""

from __future__ import annotations

import pytest

from careerladder.errors import ParseError
from careerladder.parse import parse
from careerladder.readers import read_text


def roles_of(text, name="doc.md"):
    return parse(read_text(text, name)[0], name)


def test_sections_inherit_kind_and_statements_nest():
    role, = roles_of("# Director\n\n### Is expected to\n\n#### Strategy\n\n* Lead:\n    * plan\n    * staff\n"
                     "* Decide\n")
    section = role.sections[0]
    assert (section.heading, section.kind) == ("Is expected to", "responsibilities")
    strategy = section.subsections[0]
    assert (strategy.heading, strategy.kind, strategy.path) == ("Strategy", "responsibilities",
                                                                ("Is expected to", "Strategy"))
    lead, decide = strategy.statements
    assert [c.text for c in lead.children] == ["plan", "staff"] and decide.text == "Decide"
    assert [s.id for s in (lead, *lead.children, decide)] == ["doc.md:1", "doc.md:2", "doc.md:3", "doc.md:4"]


@pytest.mark.parametrize("heading, kind", [
    ("You should have", "qualifications"), ("What do you need?", "qualifications"),
    ("We expect you to", "responsibilities"), ("What will you do?", "responsibilities"),
    ("Nice-to-have Requirements", "nice_to_have"), ("Perks", "benefits"), ("About us", "about"),
    ("Strategy", "other"),
])
def test_section_kinds_from_real_headings(heading, kind):
    role, = roles_of(f"# Engineering Manager\n\n## {heading}\n\n- something\n")
    assert role.sections[0].kind == kind


def test_paragraphs_become_sentences_with_their_own_lines():
    role, = roles_of("# Head of Engineering\n\nYou lead managers. You own a budget.\nYou hire.\n")
    sts = role.sections[0].statements
    assert [(s.text, s.line, s.kind) for s in sts] == [("You lead managers.", 3, "sentence"),
                                                        ("You own a budget.", 3, "sentence"),
                                                        ("You hire.", 4, "sentence")]


def test_several_roles_one_per_heading_with_spans_and_anchors():
    text = ("# Management ladder\n\nIntro.\n\n## Level 3: Engineering Manager\n\n- runs a team\n\n"
            "## Level 4: Senior Engineering Manager\n\n- runs teams\n\n## Level 5: Senior Engineering Manager\n\n"
            "- runs more\n\n## Summary of levels\n\n- not a role\n")
    roles = roles_of(text, "ladder.md")
    assert [(r.id, r.title, r.metadata["level_code"], r.span) for r in roles] == [
        ("ladder.md#level-3-engineering-manager", "Engineering Manager", "Level 3", (5, 7)),
        ("ladder.md#level-4-senior-engineering-manager", "Senior Engineering Manager", "Level 4", (9, 11)),
        ("ladder.md#level-5-senior-engineering-manager", "Senior Engineering Manager", "Level 5", (13, 15)),
    ]


def test_section_headings_that_name_a_role_do_not_split():
    text = ("# Director, Engineering\n\n### Should have\n\n- x\n\n#### Director, Product should have\n\n- y\n\n"
            "#### Director, Platform should have\n\n- z\n")
    role, = roles_of(text)
    assert [s.heading for s in role.sections[0].subsections] == ["Director, Product should have",
                                                                 "Director, Platform should have"]


def test_kind_posting_from_front_matter_and_ladder_by_default():
    posting, = roles_of("---\ntitle: Engineering Manager\ncompany: Example\nlocation: Berlin\n---\n<p>Hi</p>")
    assert posting.kind == "job_posting" and posting.organization == "Example"
    level, = roles_of("# Engineering Manager\n\n### Should have\n\n- 2 years\n")
    assert level.kind == "ladder_level"


def test_not_a_role_document():
    with pytest.raises(ParseError, match="names no role"):
        roles_of("# MIT License\n\nPermission is hereby granted.\n", "LICENSE")


def test_title_from_file_name_when_the_document_names_none():
    role, = roles_of("---\ntitle: README\n---\n\n# 역량\n\n- 팀을 이끈다\n", "Engineering Manager 5.md")
    assert role.title == "Engineering Manager 5"


def test_pseudo_headings_nest_only_under_an_empty_named_one():
    html = ("<p><strong>What will you do?</strong><br><strong>Deliver</strong><br>&bull; ship<br>"
            "<strong>Coach</strong><br>&bull; grow people<br><strong>Perks</strong><br>&bull; stock</p>")
    role, = roles_of("---\ntitle: Engineering Manager\ncompany: X\n---\n" + html)
    top = [(s.heading, s.kind) for s in role.sections]
    assert top == [("What will you do?", "responsibilities"), ("Perks", "benefits")]
    assert [s.heading for s in role.sections[0].subsections] == ["Deliver", "Coach"]


def test_a_body_heading_is_not_the_title_when_front_matter_names_the_role():
    role, = roles_of("---\ntitle: Senior Python Developer\ncompany: Example\nlocation: Remote\n---\n\n"
                     "# Overview\n\nWe build tools.\n\n# Requirements\n\n- 5+ years of Python\n")
    assert role.title == "Senior Python Developer"
    assert [(s.heading, s.kind) for s in role.sections] == [("Overview", "other"), ("Requirements", "qualifications")]
    restated, = roles_of("---\ntitle: Director of Engineering\n---\n\n# Director of Engineering (People Manager Path)"
                         "\n\n### Scope\n\n- a group of teams\n")
    assert [s.heading for s in restated.sections] == ["Scope"]
