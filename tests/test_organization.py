"""The employer of a job posting (extract/organization.py): boards and agencies that post for someone
else are never the employer, a "Key: value" run into the company's value ends it, and the role's own
title is never taken for a company. Every fixture is written here (invented companies)."""

from __future__ import annotations

import pytest

from careerladder import extract, parse, read_text
from careerladder.extract import organization


def role_of(text: str, name: str = "pasted.md"):
    doc, = read_text(text, name)
    return extract(parse(doc, name, any_text=True)[0])


@pytest.mark.parametrize("sentences, names", [
    (["This opening is listed by Gigbridge on behalf of a partner company."], {"gigbridge"}),
    (["Hireloop.io on behalf of: Saltmarsh Analytics Ltd"], {"hireloopio", "hireloop"}),
    (["Why apply through Roamlist?"], {"roamlist"}),
    (["Saltmarsh Analytics builds tide sensors. You will lead a team of 5."], set()),
])
def test_intermediaries_are_the_names_said_to_post_for_someone_else(sentences, names):
    assert organization.intermediaries(sentences) == names


def test_a_record_company_that_posts_on_behalf_of_an_unnamed_client_gives_no_employer():
    text = ("---\ntitle: Product Manager, Payments\ncompany: GIGBRIDGE\n---\n\n"
            "This opening is listed by Gigbridge on behalf of a partner company. "
            "You will own the payments roadmap and work with 3 engineering teams.\n")
    assert role_of(text).organization is None


def test_a_record_company_that_posts_on_behalf_of_a_named_client_gives_the_client():
    text = ("---\ntitle: Senior Data Engineer\ncompany: HIRELOOP.IO\n---\n\n"
            "Hireloop.io on behalf of: Saltmarsh Analytics\n\n"
            "Saltmarsh Analytics is a maker of tide sensors. You will build our ingestion pipelines in Go.\n")
    assert role_of(text).organization == "Saltmarsh Analytics"


def test_a_record_company_is_kept_when_no_one_posts_on_its_behalf():
    text = ("---\ntitle: Engineering Manager\ncompany: Saltmarsh Analytics\n---\n\n"
            "You will lead 7 engineers and work on behalf of our customers in harbours.\n")
    assert role_of(text).organization == "Saltmarsh Analytics"


def test_a_key_run_into_the_company_value_ends_it():
    assert organization.explicit(["BRACKENFIELD FOODS Location: Leeds"], [], []) == "BRACKENFIELD FOODS"


def test_the_role_title_opening_a_sentence_is_not_the_employer():
    text = ("Office Coordinator\n\nOffice Coordinator provides front-desk support to the studio team. "
            "Schedule meetings and keep supplies stocked.\n")
    assert role_of(text).organization is None


def test_a_key_with_lower_case_words_run_into_the_company_value_ends_it():
    assert organization.explicit(["Brackenfield Foods Work location: Leeds"], [], []) == "Brackenfield Foods"
