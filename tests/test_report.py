"""The market report: per-level aggregation of stored job postings, leveling or title fallback, text and JSON."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from careerladder.cli import app
from careerladder.pipeline import ingest
from careerladder.report import aggregate, market_report, report_text
from careerladder.store import DocumentRecord, open_store


def posting(rid, title, *, years=(), team=(), statements=(), leveling=None, manages_managers=False):
    """A stored job-posting dict written for these tests: ``statements`` are (text, top competency)."""
    reqs = [{"type": "years_experience", "min": y, "max": None, "text": f"{y}+ years", "line": 2} for y in years]
    reqs += [{"type": "team_size", "min": lo, "max": hi, "text": "team", "line": 3} for lo, hi in team]
    if manages_managers:
        reqs.append({"type": "manages_managers", "text": "managing managers", "line": 4})
    sts = [{"id": f"{rid}:{i}", "text": text, "line": 5 + i, "children": [],
            "competencies": [{"competency": comp, "score": 0.9}, {"competency": "culture", "score": 0.5}]
            if comp else []} for i, (text, comp) in enumerate(statements)]
    return {"id": rid, "source": rid, "title": title, "kind": "job_posting", "span": [1, 9], "metadata": {},
            "requirements": reqs, "parents": [], "next_level": None, "leveling": leveling,
            "sections": [{"heading": "You will", "path": ["You will"], "kind": "responsibilities", "line": 4,
                          "statements": sts[:1], "subsections": [
                              {"heading": "More", "path": ["You will", "More"], "kind": "responsibilities",
                               "line": 6, "statements": sts[1:], "subsections": []}]}]}


def leveled(level, inflation=None):
    return {"level": level, "confidence": 0.8, "scores": {level: 0.8}, "title_level": "director",
            "inflation": inflation, "evidence": []}


def test_title_fallback_distributions_competencies_and_signals():
    roles = [
        posting("a", "Engineering Manager", years=(3, 5), team=((5, 8),),
                statements=[("Coach the engineers on the team", "people_management"),
                            ("Hire two engineers", "hiring"), ("Ship the roadmap", "delivery")]),
        posting("b", "Senior Engineering Manager", years=(8,), manages_managers=True,
                statements=[("Own the budget for the group", "budget_business")]),
        posting("c", "Engineering Manager", years=(1,), team=((12, None),),
                statements=[("Coach engineers", "people_management"), ("Coach leads", "people_management")]),
        posting("d", "Backend Developer", statements=[("Present to the board of directors each quarter", None)]),
    ]
    report = aggregate(roles)
    assert report["postings"] == 4 and report["level_source"] == {"title": 4}
    by = {e["level"]: e for e in report["levels"]}
    assert [e["level"] for e in report["levels"]] == ["em", "senior_em", "ic"]
    em = by["em"]
    assert em["postings"] == 2 and em["share"] == 0.5 and em["level_source"] == {"title": 2}
    assert em["years_required"]["postings_with"] == 2  # the largest minimum per posting: 5 and 1
    assert {h["bucket"]: h["count"] for h in em["years_required"]["histogram"]}["4-5"] == 1
    assert em["years_required"]["median"] == 1.0 and em["years_required"]["p75"] == 5.0
    assert em["team_size"]["postings_with"] == 2 and em["team_size"]["histogram"][0] == \
        {"bucket": "1-5", "min": 1, "max": 5, "count": 0}
    assert em["competencies"][0] == {"competency": "people_management", "name": "People management & coaching",
                                     "statements": 3, "postings": 2, "share": 1.0}
    assert by["senior_em"]["signals"]["manages_managers"] == {"postings": 1, "share": 1.0}
    assert by["senior_em"]["signals"]["budget"]["postings"] == 1
    assert by["ic"]["signals"]["board"]["postings"] == 1 and em["signals"]["board"]["postings"] == 0
    assert em["inflation"] is None
    text = report_text(report)
    assert "title inflation: unknown" in text and "Engineering Manager [em]: 2 postings" in text


def test_leveling_is_preferred_and_gives_inflation_and_signals():
    roles = [posting("a", "Director of Engineering", leveling=leveled("senior_em", "title_above_text"),
                     statements=[("Own the hiring budget and headcount plan", "budget_business")]),
             posting("b", "Director of Engineering", leveling=leveled("director"),
                     statements=[("Report to the board of directors", "communication"),
                                 ("Manage the department budget", "budget_business")]),
             posting("c", "Director of Engineering", leveling=leveled("director"),
                     statements=[("Write code every day", "technical_direction"),
                                 ("Play board games on Fridays", None)]),
             posting("d", "VP of Engineering")]
    report = aggregate(roles)
    assert report["level_source"] == {"leveling": 3, "title": 1}
    by = {e["level"]: e for e in report["levels"]}
    assert by["senior_em"]["inflation"] == {"leveled": 1, "title_above_text": 1, "title_below_text": 0, "rate": 1.0}
    assert by["senior_em"]["signals"]["budget"] == {"postings": 1, "share": 1.0}
    assert by["director"]["inflation"]["rate"] == 0.0 and by["director"]["postings"] == 2
    assert by["director"]["signals"]["budget"]["postings"] == 1
    assert by["director"]["signals"]["board"] == {"postings": 1, "share": 0.5}  # not the board games
    assert by["vp"]["level_source"] == {"title": 1} and by["vp"]["inflation"] is None
    assert "title inflation: 100.0% of 1 leveled" in report_text(report)


def test_only_job_postings_count(tmp_path):
    store = open_store(tmp_path / "x.db")
    store.write_document(DocumentRecord("a", "h", "a", "markdown", {}), [posting("a", "VP of Engineering")])
    level = posting("b", "VP of Engineering") | {"kind": "ladder_level"}
    store.write_document(DocumentRecord("b", "h", "a", "markdown", {}), [level])
    assert market_report(store)["postings"] == 1
    assert aggregate([]) == {"version": 2, "postings": 0, "level_source": {}, "duplicates": {"exact": 0, "near": 0},
                             "levels": []}


def test_report_over_ingested_seeds_agrees_with_the_store(seeds_dir, tmp_path):
    db = tmp_path / "x.db"
    ingest([seeds_dir], db, jobs=1, errors_path=tmp_path / "e.log")
    store = open_store(db)
    postings = list(store.roles(kind="job_posting"))
    report = market_report(store)
    assert report["postings"] == len(postings) == 2
    assert sum(e["postings"] for e in report["levels"]) == 2
    for e in report["levels"]:
        assert sum(e["level_source"].values()) == e["postings"]
        for c in e["competencies"]:
            assert 0 < c["postings"] <= e["postings"] and c["statements"] >= c["postings"]


def test_cli_report_json_text_and_out(seeds_dir, tmp_path):
    db = tmp_path / "x.db"
    ingest([seeds_dir], db, jobs=1, errors_path=tmp_path / "e.log")
    runner = CliRunner()
    result = runner.invoke(app, ["report", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["postings"] == 2
    out = tmp_path / "r" / "report.txt"
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0 and out.read_text().startswith("Market report: 2 job postings")
    missing = runner.invoke(app, ["report", "--db", str(tmp_path / "nope.db")])
    assert missing.exit_code == 2 and "nope.db: NOT_FOUND" in missing.stderr
