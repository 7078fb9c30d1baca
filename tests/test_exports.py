"""Exports of postings with any field names (readers.exports, readers.fields), HN API items, files that
are not postings, and ``--fields``: on our own fixtures (tests/fixtures/postings/exports, invented)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerladder.cli import app
from careerladder.errors import NotPostingError
from careerladder.pipeline import Analyzer, FileTask, ingest
from careerladder.readers import parse_fields, read_path
from careerladder.readers.fields import choose

FIX = Path(__file__).parent / "fixtures" / "postings" / "exports"


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


def test_scraper_family_json_list():
    path = FIX / "scraper.json"
    em, director = read_path(path)
    assert (em.format, em.fragment, em.title, em.organization) == (
        "records", "sc-101", "Engineering Manager, Billing", "Larchmont Ledger")
    assert (em.metadata["location"], em.metadata["date"], em.metadata["salary"], em.metadata["url"]) == (
        "Lisbon, Portugal", "2025-03-02", "€90k - €110k", "https://jobs.example/sc-101")
    assert em.metadata["fields"]["text"] == "job_description"
    assert [b.text for b in em.blocks if b.kind == "item"] == ["Manage a team of 7 engineers",
                                                               "5+ years building payment systems"]
    assert em.blocks[0].line == line_of(path, '"job_id": "sc-101"') - 1  # the title heading: the record's {
    assert {b.line for b in em.blocks[1:]} == {line_of(path, "Larchmont Ledger keeps books")}
    assert "salary" not in director.metadata and "salary_range" not in director.metadata  # 0: not given
    assert [b.kind for b in director.blocks] == ["heading", "paragraph", "item", "item"]  # plain text, bullets


def test_ats_family_json_lines_with_a_bad_line():
    vp, em = read_path(FIX / "ats.jsonl")
    assert (vp.title, vp.organization, vp.metadata["location"], vp.metadata["salary"]) == (
        "VP of Engineering", "Quillon Rail", "Leeds", "£150,000")
    assert vp.metadata["fields"] == {"title": "name", "company": "employer", "text": "body", "location": "city",
                                     "date": "published_at", "salary": "compensation", "url": "link", "id": "uuid"}
    assert (vp.metadata["skipped_records"], vp.metadata["skipped"]) == (1, ["line 2: broken JSON: Expecting ',' "
                                                                            "delimiter"])
    assert em.fragment == "ats-3" and {b.line for b in em.blocks} == {3}


def test_the_bad_line_is_one_line_naming_it_and_the_rest_is_read(tmp_path):
    result = Analyzer(level=False).analyze_file(FileTask(str(FIX / "ats.jsonl"), "ats.jsonl"))
    skipped, = [p for p in result.problems if p.code == "RECORD_SKIPPED"]
    assert str(skipped) == f"{FIX / 'ats.jsonl'}:2: RECORD_SKIPPED broken JSON: Expecting ',' delimiter"
    assert [a.key for a in result.analyzed] == ["ats.jsonl#ats-1", "ats.jsonl#ats-3"]
    note, = result.notes
    assert note.code == "FIELDS" and "title=name, company=employer, text=body" in note.message


def test_api_family_nested_company_location_and_a_list_under_two_keys():
    path = FIX / "api.json"
    head, em = read_path(path)
    assert (head.title, head.organization, head.fragment) == ("Head of Platform Engineering", "Saltmarsh Labs",
                                                              "api-7")
    assert (head.metadata["location"], head.metadata["date"]) == ("Aberdeen, GB", "2024-12-01T00:00:00Z")
    assert [b.text for b in head.blocks if b.kind == "heading"] == [
        "Head of Platform Engineering", "Job description", "What you will do", "Requirements", "Benefits"]
    assert next(b for b in head.blocks if b.text == "Requirements").line == line_of(path, '"requirements"')
    assert [b.text for b in em.blocks] == ["Engineering Manager", "Manage 5 engineers."]  # one text: no heading


def test_csv_with_quoted_multi_line_descriptions():
    path = FIX / "jobs.csv"
    em, staff = read_path(path)
    assert (em.title, em.organization, em.metadata["location"], em.metadata["row_line"]) == (
        "Engineering Manager", "Fernbrook Dairy", "Cork", 2)
    assert [b.text for b in em.blocks if b.kind == "item"] == ["Manage 6 engineers", "Run the on-call rota"]
    assert 'Fernbrook makes cheese, "the good kind".' in [b.text for b in em.blocks]
    assert staff.metadata["row_line"] == line_of(path, "Staff Engineer, Data")  # after the quoted lines


def test_hn_api_items_under_a_key_and_alone():
    em, vp = read_path(FIX / "hn-items.json")
    assert (em.format, em.fragment, em.title, em.organization, em.metadata["location"]) == (
        "hn_item", "9101", "Engineering Manager", "Kestrel Maps", "Oslo, Norway")
    assert (em.metadata["user"], em.metadata["date"]) == ("kestrel", "2026-01-02T18:12:25Z")
    assert em.metadata["skipped_records"] == 1  # the deleted item
    assert vp.metadata["roles"] == ["Senior Engineer", "VP of Engineering"] and vp.metadata["remote"] is True
    alone, = read_path(FIX / "hn-item.json")
    assert (alone.title, alone.organization, alone.metadata["remote"]) == ("Director of Engineering",
                                                                           "Plover Health", True)
    role, = Analyzer().analyze(alone, "hn-item.json#9201")
    assert role.kind == "job_posting" and role.leveling.level == "director"


@pytest.mark.parametrize("name, says", [
    ("index.txt", "an index of 3 file names"),
    ("commits.txt", "a table, not postings: no text field among commit, path, note"),
    ("counts.json", "JSON data, not postings: no list of records with a text field"),
    ("empty.json", "an export with no records"),
    ("custom.json", "no text field among ref, headline_text, org, blurb"),
])
def test_files_that_are_not_postings_are_named_with_the_reason(name, says):
    with pytest.raises(NotPostingError) as info:
        read_path(FIX / name)
    assert says in str(info.value) and str(FIX / name) in str(info.value) and "\n" not in str(info.value)
    assert info.value.reason == "not a posting"


def test_fields_named_by_the_user():
    fields = parse_fields("title=headline_text,text=blurb,text=extra_notes,company=org.label,id=ref")
    em, director = read_path(FIX / "custom.json", options={"fields": fields})
    assert (em.title, em.organization, em.fragment) == ("Engineering Manager, Search", "Wrenfield Books", "c-1")
    assert [b.text for b in director.blocks] == ["Director of Engineering", "Job description",
                                                 "Lead the managers of four teams.", "Extra notes",
                                                 "Budget of two million."]
    with pytest.raises(ValueError, match="unknown slot 'headline'"):
        parse_fields("headline=x")
    with pytest.raises(ValueError, match="is not SLOT=FIELD"):
        parse_fields("title")


def test_field_families_are_compared_without_case_or_punctuation():
    choice = choose([{"JobTitle": "EM", "Company-Name": "X", "Description": "Lead."}])
    assert choice.describe() == "title=JobTitle, company=Company-Name, text=Description"
    assert choose([{"job": {"title": "EM", "description": "Lead."}}]).describe() == "title=job.title, text=job.description"


def test_fields_option_on_every_command(tmp_path):
    runner = CliRunner()
    spec = "title=headline_text,text=blurb,company=org.label,id=ref"
    level = runner.invoke(app, ["level", str(FIX / "custom.json"), "--fields", spec, "--format", "jsonl"])
    assert level.exit_code == 0, level.output
    assert [json.loads(line)["title"] for line in level.stdout.splitlines()] == ["Engineering Manager, Search",
                                                                                "Director of Engineering"]
    assert "FIELDS records export, fields read: title=headline_text" in level.stderr
    inspected = runner.invoke(app, ["inspect", str(FIX / "custom.json"), "--fields", spec])
    assert inspected.exit_code == 0 and "Wrenfield Books" in inspected.stdout
    bad = runner.invoke(app, ["inspect", str(FIX / "custom.json"), "--fields", "nope=x"])
    assert bad.exit_code == 2 and "unknown slot 'nope'" in bad.stderr
    without = runner.invoke(app, ["inspect", str(FIX / "custom.json")])
    assert without.exit_code == 1 and "NOT_A_POSTING" in without.stderr
    db = tmp_path / "c.db"
    ingested = runner.invoke(app, ["ingest", str(FIX / "custom.json"), "--db", str(db), "--jobs", "1", "--fields", spec,
                                   "--json"])
    assert ingested.exit_code == 0, ingested.output
    assert json.loads(ingested.stdout)["stored"] == 2
    built = runner.invoke(app, ["build", str(FIX / "custom.json"), "--out", str(tmp_path / "out"), "--fields", spec])
    assert built.exit_code == 0, built.output


def test_ingest_names_every_file_that_is_not_a_posting(tmp_path):
    summary = ingest([FIX], tmp_path / "x.db", jobs=1, errors_path=tmp_path / "log")
    assert summary.not_postings == 5 and summary.files_failed == 0
    assert summary.reasons["not a posting"] == 5
    log = (tmp_path / "log").read_text(encoding="utf-8")
    assert log.count("NOT_A_POSTING") == 5 and "index.txt: NOT_A_POSTING an index of 3 file names" in log
