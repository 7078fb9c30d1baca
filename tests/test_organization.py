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


def posting(what_you_do: str, about: str = "") -> str:
    return ("Engineering Manager\n\n" + (f"About us\n\n{about}\n\n" if about else "") +
            "About the job\n\nWe are hiring an engineering manager for our payments team.\n\n"
            "Employment type: Full-time\nSalary: $150,000\n\nWhat you'll do\n\n" + what_you_do +
            "\n\nRequirements\n\n- 5+ years of experience\n")


@pytest.mark.parametrize("line", [
    "- Python is a must for this role.",          # a technology
    "- Join Slack and Zoom calls with customers.",  # a technology after "join"
    "- Maria is the hiring manager for this role.",  # an "is" sentence of the role's own section
    "- Routing is a core part of the product.",
    "- Join the Routing team and ship the new planner.",  # a team, not the company
])
def test_doubtful_cues_alone_give_no_employer(line):
    assert role_of(posting(line)).organization is None


def test_a_technology_named_as_the_employer_by_other_cues_is_the_employer():
    text = posting("- Join the Kafka team.\n- Grow the team with us.",
                   about="Why join our team at Kafka: Kafka is a streaming company. See https://kafka.example/jobs.")
    text = text.replace("About us", "WHY JOIN OUR TEAM AT KAFKA")
    assert (role_of(text).organization or "").lower() == "kafka"


def test_a_word_also_written_in_lower_case_is_no_employer_alone():
    text = posting("- Lead 6 engineers.", about="Growth is a platform for gyms, and growth is what we sell.")
    assert role_of(text).organization is None


@pytest.mark.parametrize("heading, org", [("Life at Quillfeather", "Quillfeather"),
                                          ("WHY JOIN OUR TEAM AT BRACKENFIELD", "BRACKENFIELD")])
def test_a_heading_naming_the_company_after_at_gives_the_employer(heading, org):
    text = posting("- Lead 6 engineers.").replace("About the job", f"{heading}\n\nWe row boats.\n\nAbout the job")
    role = role_of(text)
    assert role.kind == "job_posting" and role.organization == org


@pytest.mark.parametrize("value", ["NYC", "Remote, GMT+2 / Malta", "Berlin, Germany", "Hybrid (4 days)", "香港"])
def test_a_place_or_a_way_of_working_is_never_the_employer(value):
    assert organization.is_place_or_arrangement(value)
    assert organization.explicit([], [], ["You will lead 5 engineers."], header=value) is None
    text = f"---\ntitle: Engineering Manager\ncompany: {value}\n---\n\nYou will lead 7 engineers on our routing team.\n"
    assert role_of(text).organization is None


@pytest.mark.parametrize("value", ["Saltmarsh Analytics", "Santander", "Nokia", "Jordan Foods", "Remote"])
def test_a_company_named_like_a_town_is_still_a_company(value):
    assert not organization.is_place_or_arrangement(value)


def test_a_record_company_the_text_never_names_yields_to_the_employer_the_text_names():
    text = ("---\ntitle: Engineering Manager\ncompany: PEBBLEDASH\n---\n\n"
            "Fernwick is a maker of tide sensors for harbours. You will lead 7 engineers on our routing team.\n")
    assert role_of(text).organization == "Fernwick"
    text = text.replace("Fernwick is", "Pebbledash and Fernwick are partners. Fernwick is")
    assert role_of(text).organization == "PEBBLEDASH"  # the text names the record's company too


@pytest.mark.parametrize("company, text", [
    ("fernwick international", "Our client list grows. fernwick brings tide data to ports. Pebbledash is a maker of buoys."),
    ("Moorhen (Saltmarsh Tide Group)", "STG is a holding of marine firms. You will lead 7 engineers."),
])
def test_a_record_company_written_by_its_first_word_or_initials_is_kept(company, text):
    doc = f"---\ntitle: Engineering Manager\ncompany: {company}\n---\n\n{text} You will lead our routing team.\n"
    assert role_of(doc).organization == company


def test_a_record_company_named_like_a_board_yields_to_the_employer_the_text_names():
    text = ("---\ntitle: Engineering Manager\ncompany: Careers for Makers\n---\n\n"
            "Fernwick is a maker of tide sensors. Careers for Makers lists its roles. You will lead 7 engineers.\n")
    assert role_of(text).organization == "Fernwick"
    alone = "---\ntitle: Engineering Manager\ncompany: Careers for Makers\n---\n\nYou will lead 7 engineers.\n"
    assert role_of(alone).organization == "Careers for Makers"  # no other employer named: kept
