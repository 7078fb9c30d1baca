"""extract.rules.technology: the vocabulary and the list rules for ambiguous names. Every line is
written here (invented companies and people); each case names the general pattern it stands for."""

from __future__ import annotations

import pytest

from careerladder import extract, parse, read_text


def techs(line: str) -> list[str]:
    doc, = read_text("What you will do\n\n- " + line + "\n- You will lead the platform team.\n", "t.txt")
    role, = parse(doc, "t.txt", any_text=True)
    return [r.value for r in extract(role).requirements if r.type == "technology"]


@pytest.mark.parametrize("line, expected", [
    # ambiguous names beside an unambiguous one across "/" or ",", or vouched for by an accepted neighbour
    ("Strong C/C++ programming skills are a must.", ["C", "C++"]),
    ("You know Ruby/Rails well enough to review every pull request.", ["Ruby", "Ruby on Rails"]),
    ("Any server language is fine (GO, Ruby, PHP).", ["Go", "Ruby", "PHP"]),
    ("Ruby will be your onboarding buddy and you will pair with her on Python.", ["Python"]),
    # a list in Chinese or Japanese text, a dash before a list, a list that ends the sentence
    ("熟悉Pytest/Mocha/Chai等测试框架", ["Pytest", "Mocha", "Chai"]),
    ("Our daily tools - Cursor, Claude Code and Replit.", ["Cursor", "Claude Code", "Replit"]),
    ("We are trying new site builders like Astro.", ["Astro"]),
    # a list item that is the name alone
    ("git", ["Git"]),
    # a service named with its cloud names the cloud too
    ("You have shipped on AWS Bedrock and Azure Key Vault.", ["AWS Bedrock", "AWS", "Azure Key Vault", "Azure"]),
    ("Files live in Google Cloud Storage.", ["Google Cloud Storage", "GCP"]),
    # a hyphenated qualifier after the name; a comma splits a several-word name
    ("You have built GraphQL-based APIs for mobile clients.", ["GraphQL"]),
    ("Experience with Kotlin, Coroutines, and their tooling.", ["Kotlin", "Coroutines"]),
    ("You have used REST Assured and Gatling for API tests.", ["REST Assured", "Gatling"]),
    ("Rest assured, we answer every applicant who writes Python.", ["Python"]),
    # a company list, a product's compatibility and a "-first" attitude are no technologies
    ("Customers like Figma, Anthropic and Hollowmere run their sites on our product.", []),
    ("Your team offers OpenAI-compatible endpoints; we are not a Jira-first shop.", []),
    ("The lab tests UV lamps and Windows of opportunity open each quarter.", []),
    ("In-depth knowledge of the Windows operating system and macOS.", ["Windows", "macOS"]),
    # a kind of data store, an abbreviation defined in brackets, founders and profile links
    ("You have run SQL/NoSQL systems such as PostgreSQL and Cassandra.", ["PostgreSQL", "Cassandra"]),
    ("You write SQL every day.", ["SQL"]),
    ("Sound grasp of identity and access management (IAM) practice.", []),
    ("You have set up AWS services (IAM, S3, EC2) from scratch.", ["AWS", "IAM", "S3", "EC2"]),
    ("Our advisors include Nina Holt (cofounder of MongoDB) and you will write Python.", ["Python"]),
    ("Send links to GitHub or a portfolio of Python samples.", ["Python"]),
])
def test_technology_lines(line, expected):
    assert techs(line) == expected
