"""The word lists of ``careerladder.lint.words``: vague wording, lines that are not expectations, and the
seniority of individual-contributor titles, on lines written by us."""

from __future__ import annotations

import pytest

from careerladder.lint.words import (ic_seniority, is_cross_reference, is_navigation, is_non_expectation_heading,
                                     is_placeholder, is_vague)


@pytest.mark.parametrize("text,vague", [
    ("Excellent communication skills", True),
    ("I have a sharp eye and strong people skills.", True),
    ("Writes the design document before the first line of code", False),  # an action
    ("Strong knowledge of relational databases", False),  # knowledge: says what is known
    ("A reputation as a strong ally of product teams", False),  # recognition by others
    ("The respect and trust of peers as a strong reviewer", False),
    ("Steady improvement in strong habits over the year", False),  # a change over time
    ("Low regrettable attrition on a strong team", False),  # a measured outcome
    ("Owns the migration plan", False),  # no quality at all
])
def test_is_vague(text, vague):
    assert is_vague(text, max_words=20) is vague


def test_a_long_line_is_never_vague():
    assert is_vague("strong " * 3 + "word " * 30, max_words=20) is False


@pytest.mark.parametrize("text", ["[Add the team's tools here]", "TBD", "// ... existing code ...", "<role title>"])
def test_placeholders(text):
    assert is_placeholder(text)


def test_a_line_with_a_link_in_brackets_is_not_a_placeholder():
    assert not is_placeholder("[Runbook](runbook.md) kept current for every service")


def test_cross_references_navigation_and_headings():
    assert is_cross_reference("The expectations for L3 still apply.")
    assert not is_cross_reference("Applies the review checklist to every change.")
    assert is_navigation("Continue reading: Staff Engineer") and not is_navigation("Reads every incident report")
    assert is_non_expectation_heading("Additional reading") and is_non_expectation_heading("Red flags")
    assert not is_non_expectation_heading("Leading people")


def test_ic_seniority_orders_title_words_and_numerals():
    junior, senior, staff = (ic_seniority(t.split()) for t in ("junior engineer", "senior engineer", "staff engineer"))
    assert junior < senior < staff
    assert ic_seniority("engineer ii".split()) > ic_seniority("engineer i".split())
    assert ic_seniority("data engineer".split()) is None
