"""Which levels lint compares as one step (``careerladder.lint.steps``), on ladders written by us: sibling
roles are no step, titles that contradict the ladder's order are none, level codes order levels written
out of order, inheritance is always a step, and a page of one level is not a step from a page of several."""

from __future__ import annotations

from pathlib import Path

from careerladder.lint.context import Company, LadderContext, text_leveler
from careerladder.lint.steps import compare, place
from careerladder.model import Role
from careerladder.pipeline import load
from careerladder.resolve import resolve

FIXTURES = Path(__file__).parent / "fixtures" / "lint" / "steps"
HEAD = "---\norganization: Quarry Lane\n---\n# Levels\n\n"
SENIOR = "## Senior Engineer\n\n- Builds features end to end and reviews the code of others.\n\n"
LEAD = "## Lead Engineer\n\n- Leads the design reviews of the team and sets its coding standards.\n\n"


def steps(path: Path) -> set[tuple[str, str]]:
    """(heading of the level below, heading of the level) for every step lint takes under ``path``."""
    _, ladders, _ = resolve(load([path]).roles)
    company = Company.of(ladders)
    out = set()
    for ladder in ladders:
        ctx = LadderContext(ladder, text_leveler(), company)
        out |= {(lower.heading or lower.title, upper.heading or upper.title) for lower, upper in ctx.steps()}
    return out


def test_sibling_roles_are_no_step():
    assert steps(FIXTURES / "siblings") == set()


def test_titles_that_contradict_the_document_order_are_no_step(write):
    assert steps(write("contra/ladder.md", HEAD + LEAD + SENIOR).parent) == set()
    assert steps(write("ordered/ladder.md", HEAD + SENIOR + LEAD).parent) == {("Senior Engineer", "Lead Engineer")}


def test_level_codes_order_levels_written_out_of_order(write):
    path = write("codes/ladder.md", HEAD + "## IC4 Data Engineer\n\n- Designs the pipelines of a whole domain.\n\n"
                 "## IC3 Data Engineer\n\n- Builds the nightly pipelines of the team.\n")
    assert steps(path.parent) == {("IC3 Data Engineer", "IC4 Data Engineer")}


def test_inheritance_is_a_step_whatever_the_titles_say(write):
    path = write("inherit/ladder.md", HEAD + LEAD + "## Senior Engineer\n\n*Same as Lead Engineer, but also...*\n\n"
                 "- Builds features end to end and reviews the code of others.\n")
    assert steps(path.parent) == {("Lead Engineer", "Senior Engineer")}


def test_a_one_level_page_is_no_step_from_a_page_of_several(write):
    write("pages/roles.md", HEAD + "## Engineer\n\n- Builds features with the team.\n\n"
          "## Product Designer\n\n- Designs the flows of the app.\n")
    path = write("pages/senior-engineer.md", "---\norganization: Quarry Lane\n---\n# Senior Engineer\n\n"
                 "- Builds features end to end and reviews the code of others.\n")
    assert steps(path.parent) == set()


def test_place_and_compare():
    assert place_of("Senior Data Engineer").family == place_of("Data Engineer").family
    assert compare(place_of("Senior Engineer"), place_of("Staff Engineer")) == -1
    assert compare(place_of("Director of Engineering"), place_of("Engineering Manager")) == 1
    assert compare(place_of("Engineer"), place_of("Engineer")) is None


def place_of(title: str):
    return place(Role(id=title, source="t.md", kind="ladder_level", span=(1, 1), title=title))
