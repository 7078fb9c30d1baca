"""The requirement grammar: each rule on sentences written by us, with what it must and must not find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerladder.extract import extract
from careerladder.extract.grammar import BOUNDED, may_hold_number
from careerladder.extract.rules import education, manages_managers, remote, team_size
from careerladder.extract.rules._util import may_contain
from careerladder.parse import parse
from careerladder.readers import read_text


def found(sentence, heading="Requirements"):
    doc = read_text(f"# Engineering Manager\n\n## {heading}\n\n- {sentence}\n", "t.md")[0]
    role = extract(parse(doc, "t.md")[0])
    return [(r.type, r.min, r.max, r.qualifier, r.value) for r in role.requirements]


@pytest.mark.parametrize("sentence, expected", [
    ("4+ years of engineering leadership experience", ("years_experience", 4, None, "leadership", None)),
    ("At least 5 years experience managing engineers", ("years_experience", 5, None, "management", None)),
    ("3+ years of relevant work experience", ("years_experience", 3, None, "work", None)),
    ("2+ years of experience managing a technical team", ("years_experience", 2, None, "management", None)),
    ("5-8 years of software development experience", ("years_experience", 5, 8, "engineering", None)),
    ("Seven years of professional experience", ("years_experience", 7, None, "work", None)),
    ("Track record of managing teams of 20-30 people", ("team_size", 20, 30, "team", None)),  # a ladder's span
    ("Manage a remote team of four members", ("team_size", 4, 4, "team", None)),
    ("Lead an organization of 100+ engineers", ("team_size", 100, None, "organization", None)),
    ("a minimum of 2 direct reports", ("direct_reports", 2, None, None, None)),
    ("Direct reports: 5-7", ("direct_reports", 5, 7, None, None)),
    ("You will directly manage about 6-8 engineers", ("direct_reports", 6, 8, None, None)),
    ("You will have 9 engineers reporting to you", ("direct_reports", 9, 9, None, None)),
    ("You are a manager of managers", ("manages_managers", None, None, None, "yes")),
    ("Manage and coach Engineering Managers", ("manages_managers", None, None, None, "yes")),
    ("Experience managing other engineering managers", ("manages_managers", None, None, None, "yes")),
    ("Bachelor's degree in a related field or the equivalent in work experience",
     ("education", None, None, "or equivalent experience", "bachelor")),
    ("MS or PhD in Computer Science", ("education", None, None, None, "master")),  # the minimum asked
    ("Master's degree in Physics or a related field", ("education", None, None, None, "master")),
    ("PhD or advanced degree in Statistics", ("education", None, None, None, "master")),
    ("A degree in Computer Science; a Master's is a plus", ("education", None, None, None, "degree")),
    ("Microservices in Golang running on Docker", ("technology", None, None, None, "Go")),
    ("Location: Berlin, Germany", ("location", None, None, None, "Berlin, Germany")),
    ("This role is 100% remote", ("remote", None, None, None, "remote")),
    ("Hybrid, three days in the office", ("remote", None, None, None, "hybrid")),
    ("This is a hybrid role: three days in our Leeds office", ("remote", None, None, None, "hybrid")),
    ("You will join us in our Leeds studio, in-person only", ("remote", None, None, None, "onsite")),
    ("Work from home in Spain or at one of our offices", ("remote", None, None, None, "onsite")),
])
def test_rule_finds(sentence, expected):
    assert expected in found(sentence)


@pytest.mark.parametrize("sentence, kind", [
    ("The company was founded 10 years ago", "years_experience"),
    ("Several years of experience managing teams", "years_experience"),
    ("Work with other engineering managers to drive change", "manages_managers"),
    ("Work with product managers every day", "manages_managers"),
    ("Build a team of engineers", "team_size"),
    ("2+ years of experience managing a team with a minimum of 2 direct reports", "team_size"),
    ("Give 360 degree feedback", "education"),
    ("A Scrum Master certification", "education"),
    ("Go to market with the product team", "technology"),
    ("Use the remote control", "remote"),
    ("The final round is an in-person interview", "remote"),
    ("The whole team meets in person twice a year", "remote"),
    ("This is a hybrid role combining research with product engineering", "remote"),
    ("You will be a hybrid of product manager and engineer", "remote"),
    ("The 40 engineers reporting to the CTO ship weekly", "direct_reports"),
])
def test_rule_does_not_find(sentence, kind):
    assert kind not in {f[0] for f in found(sentence)}


def test_years_in_about_sections_are_ignored():
    assert found("We have been in business for 20 years of experience", heading="About us") == []


def test_two_numbers_in_one_sentence():
    got = found("4+ years of engineering leadership experience with at least 2 years managing multiple teams")
    assert [(t, lo, q) for t, lo, _, q, _ in got if t == "years_experience"] == [
        ("years_experience", 4, "leadership"), ("years_experience", 2, "management")]


def test_years_under_a_years_heading():
    doc = read_text("# Director\n\n### Years of experience (guideline)\n\n10+\n", "d.md")[0]
    role = extract(parse(doc, "d.md")[0])
    assert [(r.type, r.min, r.max) for r in role.requirements] == [("years_experience", 10, None)]


@pytest.mark.parametrize("text, parent, href", [
    ("*Same as Director, but also...*", "Director", None),
    ("*Same as L3 and...*", "L3", None),
    ("Every Head of Engineering has what it takes to be an Engineering Manager and meets the expectations "
     "for that level.", "Engineering Manager", None),
    ("The Director role extends the [Senior Engineering Manager](#senior-engineering-manager) role.",
     "Senior Engineering Manager", "#senior-engineering-manager"),
    ("Everything a team lead does plus...", "team lead", None),
])
def test_parent_phrases(text, parent, href):
    doc = read_text(f"# VP of Engineering\n\n{text}\n\n## Should have\n\n- things\n", "vp.md")[0]
    role = extract(parse(doc, "vp.md")[0])
    assert [(p.title, p.href) for p in role.parents] == [(parent, href)]
    first = role.sections[0].statements[0]
    assert first.reference, "a statement that only points at a level is marked as a reference"


def test_next_level_and_front_matter_extends():
    doc = read_text("---\nextends: Director\n---\n# VP\n\n- a\n\nContinue reading: [CTO](cto.md)\n", "vp.md")[0]
    role = extract(parse(doc, "vp.md")[0])
    assert [p.title for p in role.parents] == ["Director"]
    assert (role.next_level.title, role.next_level.href) == ("CTO", "cto.md")


def test_postings_never_inherit():
    doc = read_text("---\ntitle: Engineering Manager\ncompany: X\nlocation: Remote\n---\n"
                    "<p>Same as Director, but also...</p>", "p.md")[0]
    role = extract(parse(doc, "p.md")[0])
    assert role.kind == "job_posting" and role.parents == ()


def test_organization_from_text():
    doc = read_text("# Head of Engineering\n\n- Lead Acme Rockets’ platform group\n- Represent Acme Rockets "
                    "at events\n- Report to the CTO\n", "h.md")[0]
    assert extract(parse(doc, "h.md")[0]).organization == "Acme Rockets"


# -- prefilters: a rule skips a pattern only when the pattern cannot match -----------------------
PREFILTERED = [
    (team_size._OF, [team_size._GROUP_WORDS]),
    (team_size._PERSON, [team_size._GROUP_WORDS]),
    (team_size._VERB, [team_size._VERB_WORDS]),
    (team_size._THROUGH, [team_size._VERB_WORDS]),
    (team_size._REPORT, [team_size._VERB_WORDS]),
    *((pattern, [needs, also]) for pattern, needs, also in manages_managers._PATTERNS),
    *((pattern, [needs]) for _, pattern, needs in remote._PATTERNS),
    *((pattern, [needs]) for _, pattern, needs in education._DEGREES if pattern.flags & re.I),
]
#: Words the patterns look for, some spelled with letters that ``re.I`` equates with ASCII ones
#: ("ſ" is "s", "ı" and "İ" are "i", "K" is "k").
PIECES = ["team", "teams", "ſquad", "dıvısıon", "org", "of", "with", "a", "up to", "12", "3", "three", "dozen",
          "several", "engineers", "people", "peopIe", "İCs", "ſtaff", "8-person", "manage", "managing", "leading",
          "lead", "team leads", "heads of", "managers", "directors", "who", "report", "reporting", "to", "you",
          "remote", "hybrid", "on-site", "ON SITE", "office", "offices", "in-person", "in PERSON", "our", "at", "one",
          "work from home", "degree", "bachelor's", "MSc",
          "PhD", "Ph.D.", "master's", "doctorate", "undergraduate", "direct reports", "and", "coach", "mentor"]
_NUMBER = re.compile(BOUNDED, re.I)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=10))
def test_prefilters_never_skip_a_match(words):
    text = " ".join(words)
    lower = text.lower()
    for pattern, needs in PREFILTERED:
        if pattern.search(text):
            assert all(may_contain(lower, n) for n in needs), (pattern.pattern, text)
    if _NUMBER.search(text):
        assert may_hold_number(lower), text


def test_prefilters_keep_case_partners_of_ascii_letters():
    assert found("Lead a ſquad of 12 engineers") == found("Lead a squad of 12 engineers") != []
    assert not may_contain("lead a team of 12", ("squad",)) and not may_hold_number("lead a great team")
