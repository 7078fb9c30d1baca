"""Exports from a real build (the bundled example ladder, and the seeds when present): JSON valid against the shipped schema,
CSV with one row per statement, Markdown with document text escaped, job-posting drafts as schema.org
JobPosting JSON-LD, and the ``careerladder export`` command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from careerladder.cli import app
from careerladder.model import role_statements
from careerladder.pipeline import EXAMPLE_LADDER, ROLE_SCHEMA
from careerladder.render import export
from careerladder.store import open_store
from careerladder.pages.catalog import Catalog
from conftest import SEEDS

SCHEMA = json.loads(ROLE_SCHEMA.read_text())
#: Roles in the test database: the example ladder's six levels, and the five seeds when present.
ROLES = 6 + (5 if SEEDS.exists() else 0)


@pytest.fixture(scope="module")
def built(example_build):
    out = example_build[0]
    store = open_store(out / "careerladder.db", readonly=True)
    yield Catalog.load(store), out
    store.close()


def test_roles_json_validates_against_the_shipped_schema(built):
    cat, _ = built
    roles = json.loads(export.roles_json(cat.store.roles()))
    assert len(roles) == cat.counts["roles"] == ROLES
    validator = Draft202012Validator(SCHEMA)
    for role in roles:
        errors = sorted(validator.iter_errors(role), key=str)
        assert not errors, (role["id"], errors[0].message if errors else None)
    lines = export.roles_jsonl(cat.store.roles()).splitlines()
    assert [json.loads(x)["id"] for x in lines] == [r["id"] for r in roles]


def test_ladders_json_expectations_validate_against_the_schema_definition(built):
    cat, _ = built
    ladders = json.loads(export.ladders_json(cat.store.ladders()))
    acme = next(l for l in ladders if l["name"] == "Acme Robotics management")
    assert [lv["title"] for lv in acme["levels"]][:2] == ["Engineering Manager", "Senior Engineering Manager"]
    expectation = Draft202012Validator({"$ref": "#/$defs/expectation", "$defs": SCHEMA["$defs"]})
    for ladder in ladders:
        for level in ladder["levels"]:
            for e in level["effective_expectations"]:
                assert not list(expectation.iter_errors(e)), e


def test_statements_csv_has_one_row_per_statement_with_role_section_competency_level(built):
    cat, _ = built
    roles = list(cat.roles())
    rows = list(csv.DictReader(io.StringIO(export.statements_csv(roles))))
    assert tuple(rows[0].keys()) == export.STATEMENT_COLUMNS
    assert len(rows) == sum(1 for r in roles for _ in role_statements(r)) == cat.counts["statements"]
    director = [r for r in rows if r["role_id"] == "director-of-engineering.md"]
    budget = next(r for r in director if r["text"].startswith("Experience owning a budget"))
    assert budget["section_kind"] == "qualifications" and budget["section"] == "Should have"
    assert budget["competency"] == "budget_business" and budget["competency_name"] == "Budget & business"
    assert budget["organization"] == "Acme Robotics" and budget["role_kind"] == "ladder_level"
    source = (EXAMPLE_LADDER / "director-of-engineering.md").read_text().splitlines()
    assert source[int(budget["line"]) - 1] == "* Experience owning a budget for people and infrastructure."


def test_nested_bullets_are_rows_too_each_with_its_own_line(built, seeds_dir):
    cat, _ = built
    seed = [r for r in csv.DictReader(io.StringIO(export.statements_csv(cat.roles()))) if r["role_id"].startswith("001_")]
    assert len({r["line"] for r in seed}) == len(seed) > 10, "seed 001's nested bullets"


def test_role_markdown_lists_sections_and_escapes_markup(built):
    cat, _ = built
    role = cat.role("director-of-engineering.md")
    text = export.role_markdown(role, cat.effective(role))
    assert text.startswith("# Director of Engineering\n")
    assert "### Strategy" in text or "## Strategy" in text
    assert "- Set a yearly strategy for the group that ties engineering work to company goals. (line 28)" in text
    assert "## Inherited expectations" in text and "(from Engineering Manager, line 23)" in text
    from dataclasses import replace
    evil = replace(role, title="<script>alert(1)</script> *Boss*")
    head = export.role_markdown(evil).splitlines()[0]
    assert head == "# &lt;script&gt;alert(1)&lt;/script&gt; \\*Boss\\*"


def test_posting_draft_is_a_schema_org_job_posting(built):
    cat, _ = built
    role = cat.role("director-of-engineering.md")
    draft = export.posting_draft(role, cat.effective(role))
    ld = draft.jsonld
    assert ld["@context"] == "https://schema.org" and ld["@type"] == "JobPosting"
    assert ld["title"] == "Director of Engineering"
    assert ld["occupationalCategory"].startswith("11-3021")
    assert "Set a yearly strategy for the group that ties engineering work to company goals." in ld["responsibilities"]
    assert any(q.startswith("7+ years of experience") for q in ld["qualifications"])
    # inherited expectations are part of the posting too (EM's 1:1s)
    assert any("1:1s" in r for r in ld["responsibilities"])
    assert ld["experienceRequirements"] == {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 84}
    assert ld["hiringOrganization"] == {"@type": "Organization", "name": "Acme Robotics"}
    assert "## What you will do" in draft.markdown and "Experience: at least 7 years." in draft.markdown


def test_jsonld_text_cannot_close_a_script_element():
    text = export.jsonld_text({"title": "</script><script>alert(1)</script>"})
    assert "</script" not in text and "<" not in text
    assert json.loads(text)["title"] == "</script><script>alert(1)</script>"


def test_export_command(built, tmp_path):
    _, out = built
    db = str(out / "careerladder.db")
    runner = CliRunner()
    res = runner.invoke(app, ["export", "roles", "--db", db])
    assert res.exit_code == 0, res.output
    assert len(json.loads(res.stdout)) == ROLES
    res = runner.invoke(app, ["export", "statements", "--db", db, "--out", str(tmp_path / "s.csv")])
    assert res.exit_code == 0 and (tmp_path / "s.csv").read_text().startswith(",".join(export.STATEMENT_COLUMNS))
    res = runner.invoke(app, ["export", "posting", "VP of Engineering", "--db", db, "-f", "jsonld"])
    assert res.exit_code == 0 and json.loads(res.stdout)["title"] == "VP of Engineering"
    res = runner.invoke(app, ["export", "matrix", "Acme Robotics management", "--db", db, "-f", "png",
                              "--out", str(tmp_path / "m.png")])
    assert res.exit_code == 0 and (tmp_path / "m.png").read_bytes()[:4] == b"\x89PNG"
    res = runner.invoke(app, ["export", "roles", "--db", db, "-f", "csv"])
    assert res.exit_code == 2 and "roles exports as json, jsonl, not csv" in res.stderr
    res = runner.invoke(app, ["export", "posting", "No Such Level", "--db", db])
    assert res.exit_code == 2 and "No Such Level: NOT_FOUND no role matches" in res.stderr
    res = runner.invoke(app, ["export", "roles", "--db", str(tmp_path / "missing.db")])
    assert res.exit_code == 2 and "NOT_FOUND no such database" in res.stderr
    assert not Path(tmp_path / "missing.db").exists(), "export never creates a database"
