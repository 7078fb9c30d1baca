"""Which lines of a level lint reads as its expectations (``careerladder.lint.statements``), on a page
written by us: navigation, placeholders, cross-references, reading lists and side-by-side columns of
other levels are left out; a page whose lines are all left out is not empty."""

from __future__ import annotations

from careerladder.lint.statements import level_text, title_key
from careerladder.model import iter_sections, iter_statements, role_statements
from careerladder.pipeline import load

PAGE = """---
organization: Quarry Lane
---
# Engineering Manager

## Expectations

- Holds a weekly one-on-one with each engineer on the team.
- [Add the team's tools here]
- The expectations for the Team Lead level still apply.
- Continue reading: [Director of Engineering](director.md)

## Additional reading

- The Manager's Path, chapters one to three, read with your own manager.

## Compared with the levels around it

Director of Engineering

- Sets the hiring plan for the whole group and approves every offer.
"""


def _role(write, text=PAGE):
    (role,) = load([write("manager/engineering-manager.md", text)]).roles
    return role


def _kept(role, others=("director of engineering",)):
    skipped = level_text(role, set(others)).skipped
    return [st.text for _, st in role_statements(role) if st.id not in skipped]


def test_only_the_expectation_is_kept(write):
    assert _kept(_role(write)) == ["Holds a weekly one-on-one with each engineer on the team."]


def test_a_section_showing_another_level_is_side_by_side(write):
    role = _role(write)
    assert level_text(role, {"director of engineering"}).side_by_side
    assert not level_text(role, set()).side_by_side  # no other level of the company has that title
    assert "Sets the hiring plan for the whole group and approves every offer." in _kept(role, ())


def test_a_page_of_placeholders_is_not_written(write):
    role = _role(write, "---\norganization: Quarry Lane\n---\n# Engineering Manager\n\n- TBD\n- [Add duties here]\n")
    text = level_text(role, set())
    assert not text.written and len(text.skipped) == len([s for sec in iter_sections(role.sections)
                                                          for s in iter_statements(sec.statements)])


def test_title_key_cleans_and_normalizes():
    assert title_key("Sr Staff Engineer (IC path)") == title_key("sr staff engineer")
    assert title_key(None) == ""
