"""extract/rules/team_size.py: the span of the role, on lines we wrote (counts after a verb of leading,
groups said to consist of people, never the company's headcount or a team an individual joins)."""

from __future__ import annotations

import pytest

from careerladder import extract, parse, read_text


def team_sizes(line: str, title: str = "Engineering Director") -> list[tuple]:
    doc, = read_text(f"{title}\n\nWhat you'll do\n\n- {line}\n", "pasted.txt")
    return sorted(((r.min, r.max, r.unit) for role in parse(doc, "pasted.txt", any_text=True)
                   for r in extract(role).requirements if r.type == "team_size"), key=str)


@pytest.mark.parametrize("line, expected", [
    ("You'll manage a team of 12 engineers across 3 squads.", [(12.0, 12.0, 'people'), (3.0, 3.0, 'teams')]),
    ('Lead an organization of 40+ engineers.', [(40.0, None, 'people')]),
    ('Oversee 5 engineering managers and their teams (about 45 engineers).', [(5.0, 5.0, 'managers'), (45.0, 45.0, 'people')]),
    ('Build and lead a team of 5–7 data scientists.', [(5.0, 7.0, 'people')]),
    ("You'll be responsible for a 25-person engineering team.", [(25.0, 25.0, 'people')]),
    ('You will head a department of 120.', [(120.0, 120.0, 'people')]),
    ('Lead 3 cross-functional squads.', [(3.0, 3.0, 'teams')]),
    ('You will manage ten engineers.', [(10.0, 10.0, 'people')]),
    ('Leading a team of eight.', [(8.0, 8.0, 'people')]),
    ('You will manage managers and ICs, roughly 50 people in total.', [(50.0, 50.0, 'people')]),
    ('You will run an org of ~150 across platform and product.', [(150.0, 150.0, 'people')]),
    ('Lead a global team of 30 engineers based in three countries.', [(30.0, 30.0, 'people')]),
    ('You will lead our 15-strong platform team.', [(15.0, 15.0, 'people')]),
    ('You lead and support our engineers and managers of up to four product teams.', [(None, 4.0, 'teams')]),
    ('The department you will run consists of 2 teams and around 35 employees.', [(2.0, 2.0, 'teams'), (35.0, 35.0, 'people')]),
    ('You will manage a group of 9 developers and 2 designers.', [(9.0, 9.0, 'people'), (2.0, 2.0, 'people')]),
    ('As Director, you will have 60 engineers in your organization.', [(60.0, 60.0, 'people')]),
    ('Your team: six backend engineers and two QA analysts.', []),
    ('We are a company of 300 people and growing.', []),
    ('You will join a team of 6 engineers as a senior developer.', []),
    ('Our platform serves 2 million users across 40 countries.', []),
    ('You will lead a team that is 12 engineers today and will double this year.', [(12.0, 12.0, 'people')]),
    ('Manage 4 teams totaling 28 engineers.', [(4.0, 4.0, 'teams'), (28.0, 28.0, 'people')]),
    ('Sets the hiring plan for a group of three teams.', [(3.0, 3.0, 'teams')]),
    ('Scale the team from 8 to 20 engineers by next year.', [(8.0, 20.0, 'people')]),
    ('Lead a product org of 90+ across 7 teams.', [(90.0, None, 'people'), (7.0, 7.0, 'teams')]),
    ('Our routing team (14 engineers) reports to this role.', [(14.0, 14.0, 'people')]),
    ('Join our routing team (14 engineers) as a senior developer.', []),
    ('Team size: 10-15', [(10.0, 15.0, 'people')]),
    ('Your team: 3 squads', [(3.0, 3.0, 'teams')]),
    ('Team: Payments and Risk', []),
    ('The group currently has 11 engineers and will grow to 18.', [(11.0, 11.0, 'people')]),
    ('Company headcount: 450', []),
    ('You will lead a globally distributedteam of 50 engineers.', [(50.0, 50.0, 'people')]),
    ('Lead a small team (starting with ~10 ML/backend engineers) and grow it.', [(10.0, 10.0, 'people')]),
])
def test_team_size_of_one_line(line, expected):
    assert team_sizes(line) == sorted(expected, key=str)


def test_a_group_said_to_consist_of_people_is_the_span_only_for_a_leading_role():
    line = "The department consists of 3 teams and around 60 employees."
    assert team_sizes(line, "Head of Machining") == sorted([(3.0, 3.0, "teams"), (60.0, 60.0, "people")], key=str)
    assert team_sizes(line, "Software Engineer") == []


def test_a_team_size_key_is_the_span_only_for_a_leading_role():
    assert team_sizes("Team size: 8 engineers", "Engineering Manager") == [(8.0, 8.0, "people")]
    assert team_sizes("Team size: 8 engineers", "Backend Engineer") == []


def untitled_team_sizes(paragraph: str, title: str = "Engineering Manager") -> list[tuple]:
    """team_size read from a paragraph standing under no heading (section kind ``other``)."""
    doc, = read_text(f"{title}\n\n{paragraph}\n", "pasted.txt")
    return sorted(((r.min, r.max, r.unit) for role in parse(doc, "pasted.txt", any_text=True)
                   for r in extract(role).requirements if r.type == "team_size"), key=str)


@pytest.mark.parametrize("paragraph, expected", [
    ("The job: we want a hands-on manager to lead our billing team of 9.", [(9.0, 9.0, "people")]),
    ("You will be in charge of the payments group of 14 engineers.", [(14.0, 14.0, "people")]),
    ("It is a group of 100 people spread over four floors.", []),
])
def test_a_span_outside_the_role_sections_needs_a_word_about_the_role(paragraph, expected):
    assert untitled_team_sizes(paragraph) == expected


def posting_team_sizes(line: str) -> list[tuple]:
    doc, = read_text(f"What you will do\n\n- {line}\n- You will own the delivery plan.\n", "posting.txt")
    roles = parse(doc, "posting.txt", any_text=True)
    assert [r.kind for r in roles] == ["job_posting"]
    return sorted(((r.min, r.max, r.unit) for r in extract(roles[0]).requirements if r.type == "team_size"), key=str)


@pytest.mark.parametrize("line, expected", [
    # in a job posting the candidate's past is not the role's span (LABELLING.md, holdout2 additions)
    ('Experience leading a team of 6+ engineers.', []),
    ('3+ years managing a team of at least 15 people.', []),
    ('A proven track record of building teams of 10 or more engineers.', []),
    ('Track record of managing teams of 20-30 people.', []),
    ('You have managed teams of 20+ and will now lead a group of 40 engineers.', [(40.0, 40.0, 'people')]),
    ("We're looking for an Engineering Manager to lead our Data Experience team of 7.", [(7.0, 7.0, 'people')]),
])
def test_the_candidates_past_is_not_a_postings_span(line, expected):
    assert posting_team_sizes(line) == sorted(expected, key=str)


def test_a_ladder_levels_experience_line_is_its_span():
    # a ladder's level has no candidate: "Experience running an org of 30-50" says the level's span
    assert team_sizes("Experience running an organization of 30-50 engineers.") == [(30.0, 50.0, "people")]
