"""What the main-job issue pins for ``careerladder build ../shared/seeds``."""

from __future__ import annotations

import pytest


def reqs(role, kind):
    return [r for r in role["requirements"] if r["type"] == kind]


def mins(role, kind):
    return sorted(r["min"] for r in reqs(role, kind) if r["min"] is not None)


def test_five_roles_with_titles_organizations_kinds(seed_build):
    _, by, _ = seed_build
    assert sorted(by) == ["000", "001", "002", "003", "004"]
    expected = {
        "000": ("Engineering Manager", "Heetch", "job_posting"),
        "001": ("Director, Engineering", "Mariana Tek", "ladder_level"),
        "002": ("Head of Engineering", "Vio.com", "ladder_level"),
        "003": ("VP, Engineering", "Mariana Tek", "ladder_level"),
        "004": ("Engineering Manager", "Wikimedia Foundation", "job_posting"),
    }
    for key, (title, org, kind) in expected.items():
        assert (by[key]["title"], by[key]["organization"], by[key]["kind"]) == (title, org, kind), key


def test_000_heetch_requirements(seed_build):
    role = seed_build[1]["000"]
    years = {(r["min"], r["qualifier"]) for r in reqs(role, "years_experience")}
    assert (4, "leadership") in years and (2, "management") in years
    assert {r["value"] for r in reqs(role, "technology")} >= {"Go", "Docker"}
    assert "Golang" in {r["text"] for r in reqs(role, "technology")}
    assert [r["value"] for r in reqs(role, "remote")] == ["remote"]
    assert role["parents"] == [] and role["next_level"] is None


def test_001_director_sections_requirements_and_unresolved_parent(seed_build):
    role = seed_build[1]["001"]
    assert 5 in mins(role, "years_experience")
    assert reqs(role, "manages_managers")
    kinds = {s["kind"]: s for s in role["sections"]}
    assert {"qualifications", "responsibilities"} <= set(kinds)
    expected = kinds["responsibilities"]
    assert [s["heading"] for s in expected["subsections"]] == ["Strategy", "Results", "Management"]
    strategy = expected["subsections"][0]
    nested = strategy["statements"][0]
    assert nested["text"].startswith("Collaborate with engineering") and nested["line"] == 23
    assert [c["line"] for c in nested["children"]] == [24, 25]
    assert [(p["title"], p["line"], p["resolved_id"]) for p in role["parents"]] == [("Engineering Manager", 4, None)]


def test_002_head_of_engineering(seed_build):
    role = seed_build[1]["002"]
    assert any(r["min"] == 20 and r["max"] == 30 for r in reqs(role, "team_size"))
    assert reqs(role, "manages_managers")
    assert [(p["title"], p["resolved_id"]) for p in role["parents"]] == [("Engineering Manager", None)]
    assert role["next_level"] == {"title": "VP of Engineering", "line": 35, "href": "vp_of_engineering.md",
                                  "resolved_id": None}


def test_003_vp_inherits_from_001_with_origin(seed_build):
    by = seed_build[1]
    role = by["003"]
    assert [p["resolved_id"] for p in role["parents"]] == [by["001"]["id"]]
    effective = role["effective_expectations"]
    origins = {e["origin_id"] for e in effective}
    assert origins == {role["id"], by["001"]["id"]}
    own = [e for e in effective if e["origin_id"] == role["id"]]
    inherited = [e for e in effective if e["origin_id"] == by["001"]["id"]]
    assert len(own) == len(by["003"]["effective_expectations"]) - len(inherited)
    assert len(inherited) == len(by["001"]["effective_expectations"])
    assert all(e["depth"] == 1 and e["origin_title"] == "Director, Engineering" for e in inherited)
    assert not any("Same as" in e["text"] for e in effective), "references are not expectations"


def test_004_wikimedia_requirements(seed_build):
    role = seed_build[1]["004"]
    years = {(r["min"], r["qualifier"]) for r in reqs(role, "years_experience")}
    assert (3, "work") in years and (2, "management") in years
    assert mins(role, "direct_reports") == [2]
    assert any(r["min"] == 4 and r["max"] == 4 for r in reqs(role, "team_size"))
    education = reqs(role, "education")
    assert education[0]["value"] == "bachelor" and education[0]["qualifier"] == "or equivalent experience"
    assert {r["value"] for r in reqs(role, "technology")} >= {"PHP", "JavaScript"}
    assert reqs(role, "location")[0]["value"] == "San Francisco, CA or Remote"
    assert reqs(role, "remote")


def test_unresolved_references_are_reported(seed_build):
    result = seed_build[0]
    codes = sorted((d.code, d.line) for d in result.diagnostics if d.severity == "warning")
    assert codes == [("UNRESOLVED_LINK", 35), ("UNRESOLVED_PARENT", 4), ("UNRESOLVED_PARENT", 7)]


@pytest.mark.parametrize("name", ["careerladder.db", "roles.jsonl", "ladders.json", "summary.md",
                                  "role.schema.json"])
def test_outputs_written(seed_build, name):
    assert (seed_build[2] / name).stat().st_size > 0
