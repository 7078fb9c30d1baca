"""Assessment: a person's evidence against a level's effective (inherited) expectations, readiness,
gaps to the next level, self versus manager, storage over time, the JSON schema and the packet."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from careerladder import thresholds
from careerladder.assess import LexicalMatcher, assess, compare_assessments, find_level, next_level_of
from careerladder.cli import app
from careerladder.codec import ladder_from_store
from careerladder.errors import CareerLadderError, EvidenceError
from careerladder.assess import EvidenceFile, parse_evidence, read_evidence
from careerladder.pipeline import EXAMPLE_LADDER, build, load
from careerladder.render.assessment import assessment_data, comparison_data, history_data, progress_svg, radar_svg
from careerladder.render.packet import assessment_markdown
from careerladder.resolve import resolve
from careerladder.store import SQLiteStore
from careerladder.store.migrations import MIGRATIONS, _split

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "evidence"
#: Evidence files written against seed 003 (they point at ../shared/seeds, so they live with the tests).
SEED_EVIDENCE = Path(__file__).resolve().parent / "fixtures" / "evidence"
SCHEMA = json.loads((ROOT / "src" / "careerladder" / "schema" / "assessment.schema.json").read_text())
VP, DIRECTOR = "003_e49c1f1394c4b8c3.txt", "001_7d79c1ce421dd6ca.txt"


def validate(doc: dict) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)


@pytest.fixture(scope="module")
def seed_ladders(seeds_dir):
    return resolve(load([seeds_dir]).roles)[1]


@pytest.fixture(scope="module")
def example_ladder():
    ladder, = resolve(load([EXAMPLE_LADDER]).roles)[1]
    return ladder


@pytest.fixture(scope="module")
def noor(seed_ladders):
    ladder, vp = find_level(seed_ladders, "VP, Engineering")
    return ladder, vp, assess(read_evidence(SEED_EVIDENCE / "noor-vp-self.md"), ladder, vp)


# -- seed 003 (VP, Engineering) inherits from seed 001 (Director, Engineering) ---------
def test_every_effective_expectation_is_assessed_inherited_ones_with_their_origin(noor):
    ladder, vp, a = noor
    assert vp.id == VP and a.person == "Noor Haddad" and a.assessed_on == "2026-03-02"
    assert [r.expectation.statement.id for r in a.results] == [e.statement.id for e in ladder.effective[VP]]
    inherited = [r for r in a.results if r.expectation.depth > 0]
    assert len(inherited) >= 25 and {r.expectation.origin_id for r in inherited} == {DIRECTOR}
    assert {r.expectation.origin_title for r in inherited} == {"Director, Engineering"}
    by_text = {r.expectation.statement.text: r for r in a.results}
    career = by_text["Help engineering managers create and support career development plans for direct reports"]
    assert career.expectation.origin_id == DIRECTOR and career.status == "met"
    assert career.matches[0].item.text.startswith("Helped managers write career development plans")
    sponsor = next(r for r in a.results if r.expectation.statement.id == f"{VP}:26")
    assert sponsor.status == "met" and sponsor.matches[0].how == "tag" and sponsor.expectation.depth == 0
    budget = next(r for r in a.results if "owning part of the engineering budget" in r.expectation.statement.text)
    assert budget.status == "met" and any("budget" in m.item.text for m in budget.matches)
    assert a.counts()["met"] >= 10 and a.counts()["not_evidenced"] >= 10, "some met, some gaps: not all or nothing"
    assert "Organized the company summer party." in [i.text for i in a.unmatched]
    matched = {m.item.id for r in a.results for m in r.matches}
    assert len(a.unmatched) <= 2 and not matched & {i.id for i in a.unmatched}


def test_readiness_is_mean_credit_overall_and_per_competency(noor):
    _, _, a = noor
    n = a.counts()
    assert a.readiness == pytest.approx((n["met"] + 0.5 * n["partly"]) / len(a.results), abs=1e-4)
    assert sum(c.expectations for c in a.competencies) == len(a.results)
    assert [c.readiness for c in a.competencies] == sorted(c.readiness for c in a.competencies)
    hiring = next(c for c in a.competencies if c.competency == "hiring")
    assert hiring.readiness >= 0.5 > a.competencies[0].readiness
    for c in a.competencies:  # each readiness explains itself: counts, the strongest pair, what is missing
        assert c.why.startswith(f"{c.met} of {c.expectations} met")
        assert ("not evidenced: " in c.why) == (c.not_evidenced > 0)
        assert ("strongest: line " in c.why) == (c.met + c.partly > 0)


def test_top_level_has_no_gap_list_and_the_director_gets_the_vp_as_gaps(seed_ladders, noor):
    _, _, a = noor
    assert a.next_level is None and a.gaps == ()
    ladder, director = find_level(seed_ladders, DIRECTOR)
    assert next_level_of(ladder, director).id == VP, "no next-level link: the next level in ladder order"
    d = assess(read_evidence(SEED_EVIDENCE / "noor-vp-self.md"), ladder, director)
    director_ids = {e.statement.id for e in ladder.effective[DIRECTOR]}
    assert d.gaps and all(g.expectation.statement.id not in director_ids for g in d.gaps)
    assert any("board members" in g.expectation.statement.text for g in d.gaps)
    sponsor = next(g for g in d.gaps if g.expectation.statement.id == f"{VP}:26")
    assert sponsor.status == "met", "a tag may name a gap of the next level: already evidenced"
    statuses = [g.status for g in d.gaps]
    assert statuses.index("met") > statuses.index("not_evidenced"), "open gaps first"


# -- the bundled example ladder --------------------------------------------------------
def test_brag_document_against_the_example_ladder(example_ladder):
    ladder = example_ladder
    _, director = find_level([ladder], "Director of Engineering")
    a = assess(read_evidence(EXAMPLES / "sam-director-brag.txt"), ladder, director, person="Sam Okafor")
    assert a.person == "Sam Okafor" and a.next_level.title == "Senior Director of Engineering"
    assert {r.expectation.origin_title for r in a.results if r.expectation.depth} == \
        {"Engineering Manager", "Senior Engineering Manager"}
    one_on_ones = next(r for r in a.results if "1:1s" in r.expectation.statement.text)
    # "Held weekly 1:1s with each manager" shows the 1:1s, not the feedback the expectation also asks: partly
    assert one_on_ones.status == "partly" and "1:1s" in one_on_ones.matches[0].item.text
    # the next level asks more years and a larger span ("runs several groups (60-120 people)")
    assert len(a.gaps) == 7 and {r.type for r in a.requirements_added} == {"years_experience", "team_size"}
    span = next(r for r in a.requirements_added if r.type == "team_size")
    assert (span.min, span.max, span.unit) == (60.0, 120.0, "people")
    _, cto = find_level([ladder], "cto.md")
    assert next_level_of(ladder, cto) is None
    _, vp = find_level([ladder], str(EXAMPLE_LADDER / "vp-of-engineering.md"))
    assert next_level_of(ladder, vp).id == "cto.md"


def test_find_level_errors_name_the_level():
    ladder, = resolve(load([EXAMPLE_LADDER]).roles)[1]
    with pytest.raises(CareerLadderError, match="'Chief Juggler' is not a level"):
        find_level([ladder], "Chief Juggler")


# -- evidence added or removed moves readiness the expected way -------------------------
POOL = [
    "Presented the engineering plan and its risks to the board every quarter.",
    "Owned the engineering budget and closed the year under plan.",
    "Hired twenty engineers and two managers, and halved regretted attrition.",
    "Ran the quarterly resourcing process and planned headcount against the roadmap.",
    "Coached my directors and gave them feedback after each planning round.",
    "Guided the architecture of the data platform and the move to managed cloud services.",
    "Wrote the engineering strategy and roadmap with product and business leaders.",
    "Had the difficult conversations with managers that others avoided.",
    "Organized the summer party.",
    "[hiring] Interviewed every manager candidate myself.",
    "[expectation: 001_7d79c1ce421dd6ca.txt:19] Set the testing strategy for the payments unit.",
    "[culture] Started a monthly demo day open to the whole company.",
]


def _evidence(indexes) -> EvidenceFile:
    text = "\n".join(f"- {POOL[i]}" for i in indexes)
    return parse_evidence(text, "pool.md")


class Fitted(tuple):
    """(ladder, VP level, matcher fitted on its expectations), with a short repr for hypothesis reports."""

    def __repr__(self) -> str:
        return "Fitted(seed 003)"


@pytest.fixture(scope="module")
def fitted(seed_ladders):
    ladder, vp = find_level(seed_ladders, VP)
    return Fitted((ladder, vp, LexicalMatcher().fit(ladder.effective[VP])))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=6, unique=True),
       st.integers(0, len(POOL) - 1))
def test_adding_evidence_never_lowers_readiness_and_removing_never_raises_it(fitted, chosen, extra):
    ladder, vp, matcher = fitted
    base = assess(_evidence(chosen), ladder, vp, matcher=matcher)
    more = assess(_evidence(chosen + [extra]), ladder, vp, matcher=matcher)
    assert more.readiness >= base.readiness
    for before, after in zip(base.results, more.results):
        assert after.score >= before.score
    before_c = {c.competency: c.readiness for c in base.competencies}
    assert all(c.readiness >= before_c[c.competency] for c in more.competencies)
    if len(chosen) > 1:
        fewer = assess(_evidence(chosen[1:]), ladder, vp, matcher=matcher)
        assert fewer.readiness <= base.readiness


def test_a_tagged_item_raises_readiness_and_removing_everything_relevant_lowers_it(fitted):
    ladder, vp, matcher = fitted
    base = assess(_evidence([8]), ladder, vp, matcher=matcher)  # the summer party evidences nothing
    assert base.readiness == 0.0 and base.counts()["met"] == 0
    tagged = assess(_evidence([8, 10]), ladder, vp, matcher=matcher)
    testing = next(r for r in tagged.results if r.expectation.statement.id == f"{DIRECTOR}:19")
    assert testing.status == "met" and testing.score == 1.0 and tagged.readiness > base.readiness
    full = assess(_evidence(range(len(POOL))), ladder, vp, matcher=matcher)
    assert full.readiness > tagged.readiness
    assert all(r.score <= thresholds.ASSESS_MET_SCORE or r.status == "met" for r in full.results)


def test_competency_tags_restrict_what_an_item_can_match(fitted):
    ladder, vp, matcher = fitted
    free = assess(parse_evidence("- Wrote the engineering strategy and roadmap with product.\n", "a.md"),
                  ladder, vp, matcher=matcher)
    tied = assess(parse_evidence("- [hiring] Wrote the engineering strategy and roadmap with product.\n", "b.md"),
                  ladder, vp, matcher=matcher)
    assert any(r.matches and r.competency == "strategy" for r in free.results)
    for r in tied.results:
        for m in r.matches:
            assert any(c.competency == "hiring" for c in r.expectation.statement.competencies)


def test_an_expectation_tag_naming_nothing_is_an_error_on_its_line(fitted):
    ladder, vp, _ = fitted
    ev = parse_evidence("- Fine.\n- [expectation: nowhere.md:9] Claimed.\n", "claims.md")
    with pytest.raises(EvidenceError, match=r"^claims\.md:2: expectation tag 'nowhere\.md:9'"):
        assess(ev, ladder, vp)
    quoted = parse_evidence("- [expectation: Be a sponsor for engineering leadership development] Did.\n", "q.md")
    a = assess(quoted, ladder, vp)
    assert next(r for r in a.results if r.expectation.statement.id == f"{VP}:26").matches[0].how == "tag"


# -- self versus manager ----------------------------------------------------------------
def test_self_and_manager_side_by_side_disagreements_first(noor):
    ladder, vp, mine = noor
    theirs = assess(read_evidence(SEED_EVIDENCE / "noor-vp-manager.yaml"), ladder, vp)
    c = compare_assessments(mine, theirs)
    assert len(c.rows) == len(mine.results) and c.disagreements > 0
    gaps = [r.disagreement for r in c.rows]
    assert gaps == sorted(gaps, reverse=True) and gaps[0] == 2
    hard = next(r for r in c.rows if "difficult conversations when others" in r.self_result.expectation.statement.text)
    assert (hard.self_result.status, hard.manager_result.status) == ("not_evidenced", "met")
    data = comparison_data(c)
    validate(data)
    assert data["rows"][0]["disagreement"] == 2 and data["manager"]["perspective"] == "manager"
    other = replace(theirs, person="Someone Else", evidence=replace(theirs.evidence, person="Someone Else"))
    with pytest.raises(EvidenceError, match="noor-vp-manager.yaml:1: person 'Someone Else'"):
        compare_assessments(mine, other)


# -- JSON schema, packet, charts ---------------------------------------------------------
def test_assessment_json_follows_the_schema_and_the_schema_rejects_broken_documents(noor):
    _, _, a = noor
    data = assessment_data(a)
    validate(data)
    assert json.loads(json.dumps(data)) == data
    inherited = [e for e in data["expectations"] if e["inherited"]]
    assert inherited and all(e["origin_title"] == "Director, Engineering" for e in inherited)
    for broken in ({**data, "readiness": {**data["readiness"], "overall": 1.5}},
                   {**data, "expectations": [{**data["expectations"][0], "status": "done"}]},
                   {k: v for k, v in data.items() if k != "person"}):
        with pytest.raises(jsonschema.ValidationError):
            validate(broken)


def test_markdown_packet_reads_as_a_promotion_packet_and_escapes_text(noor):
    ladder, vp, a = noor
    md = assessment_markdown(a, chart="noor radar.svg")
    for part in ("# Promotion packet: Noor Haddad, VP, Engineering", f"| Overall readiness | **{round(100 * a.readiness)}%",
                 "## Summary", "Strongest:", "## Readiness by competency", "| Hiring & team building | 3 |",
                 "## Strengths, with evidence", "(2025-02-17, evidence line 31, tagged)",
                 "from Director, Engineering, L46", "## Gaps to the next level", "is the top level",
                 "![Readiness by competency](noor%20radar.svg)"):
        assert part in md, part
    hostile = parse_evidence("person: <img src=x onerror=alert(1)>\nevidence:\n"
                             "  - Owned the engineering *budget* | <script>alert(2)</script> in the leadership team.\n",
                             "h.yaml")
    md = assessment_markdown(assess(hostile, ladder, vp))
    assert "<script>" not in md and "<img" not in md
    assert "\\*budget\\* \\| &lt;script&gt;" in md and "&lt;img src=x" in md


def test_charts_are_svg_without_script_and_escape_names(noor):
    ladder, vp, a = noor
    named = replace(a, person="Ada <script>alert(1)</script>")
    svg = radar_svg([named, replace(a, perspective="manager")])
    assert svg.startswith("<svg") and "<script" not in svg and "&lt;script&gt;" in svg
    assert "Hiring" in svg and "VP, Engineering expects" in svg
    history = history_data("Ada", [assessment_data(a), assessment_data(replace(a, assessed_on="2026-06-01"))])
    line = progress_svg(history)
    assert line.startswith("<svg") and "<script" not in line and "2026-06-01" in line


# -- storage over time --------------------------------------------------------------------
def test_store_appends_assessments_per_person_in_date_order(noor):
    _, _, a = noor
    with SQLiteStore(":memory:") as store:
        later = assessment_data(replace(a, assessed_on="2026-09-01", readiness=0.6))
        assert store.write_assessment(later) and store.write_assessment(assessment_data(a))
        assert not store.write_assessment(assessment_data(a)), "the same assessment is stored once"
        rows = store.assessments("Noor Haddad")
        assert [r["assessed_on"] for r in rows] == ["2026-03-02", "2026-09-01"]
        assert rows[1] == later and store.assessments("Nobody") == []
        assert store.assessments("Noor Haddad", level="elsewhere.md") == []
        validate(history_data("Noor Haddad", rows))


def test_migration_step_adds_assessments_to_an_existing_database(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                 "applied_at TEXT NOT NULL)")
    for statement in _split(MIGRATIONS[0][2]):
        conn.execute(statement)
    conn.execute("INSERT INTO schema_migrations VALUES (1, 'initial schema', 'then')")
    conn.commit()
    conn.close()
    with SQLiteStore(path) as store:
        versions = [r[0] for r in store.conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
        assert versions == [m[0] for m in MIGRATIONS] and 2 in versions
        assert store.assessments("anyone") == []


def test_ladder_from_store_assesses_like_the_loaded_ladder(tmp_path, example_ladder):
    build([EXAMPLE_LADDER], tmp_path)
    with SQLiteStore(tmp_path / "careerladder.db") as store:
        stored = ladder_from_store(store, example_ladder.id)
        with pytest.raises(CareerLadderError, match="no stored ladder 'nope'"):
            ladder_from_store(store, "nope")
    ev = read_evidence(EXAMPLES / "sam-director-brag.txt")
    want = assess(ev, example_ladder, find_level([example_ladder], "Director of Engineering")[1])
    got = assess(ev, stored, find_level([stored], "Director of Engineering")[1])
    assert got.readiness == want.readiness and len(got.gaps) == len(want.gaps)


# -- the command ---------------------------------------------------------------------------
def test_cli_assess_stores_and_shows_history(tmp_path, seeds_dir):
    runner = CliRunner()
    db = tmp_path / "people.db"
    base = ["assess", "--ladder", str(seeds_dir), "--db", str(db)]
    first = runner.invoke(app, base + ["-e", str(SEED_EVIDENCE / "noor-vp-self.md"), "-f", "json",
                                       "--chart", str(tmp_path / "radar.svg")])
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    validate(data)
    assert data["person"] == "Noor Haddad" and data["level"]["id"] == VP
    assert "<script" not in (tmp_path / "radar.svg").read_text()
    later = tmp_path / "later.md"
    later.write_text((SEED_EVIDENCE / "noor-vp-self.md").read_text().replace("date: 2026-03-02", "date: 2026-09-14")
                     + "- Had the difficult conversations with two directors that others had avoided.\n")
    assert runner.invoke(app, base + ["-e", str(later), "-f", "md"]).exit_code == 0
    hist = runner.invoke(app, ["assess", "--history", "Noor Haddad", "--db", str(db), "-f", "json",
                               "--chart", str(tmp_path / "progress.svg")])
    assert hist.exit_code == 0, hist.output
    history = json.loads(hist.stdout)
    validate(history)
    assert [h["assessed_on"] for h in history["assessments"]] == ["2026-03-02", "2026-09-14"]
    assert history["assessments"][1]["readiness"] >= history["assessments"][0]["readiness"]
    assert "2026-09-14" in (tmp_path / "progress.svg").read_text()
    text = runner.invoke(app, ["assess", "--history", "Noor Haddad", "--db", str(db)])
    assert "2 stored assessments" in text.stdout
    missing = runner.invoke(app, ["assess", "--history", "Nobody", "--db", str(db)])
    assert missing.exit_code == 1 and "no stored assessments of 'Nobody'" in missing.output


def test_cli_bad_evidence_names_the_line_and_stores_nothing(tmp_path, seeds_dir, write):
    runner = CliRunner()
    db = tmp_path / "people.db"
    good = SEED_EVIDENCE / "noor-vp-self.md"
    bad = write("manager.yaml", "person: Noor Haddad\nevidence:\n  - text: fine\n  - text: x\n    mood: grim\n")
    result = runner.invoke(app, ["assess", "--ladder", str(seeds_dir), "-e", str(good), "--manager", str(bad),
                                 "--db", str(db)])
    assert result.exit_code == 1 and f"{bad}:5: unknown item key 'mood'" in result.output
    untagged = write("claims.md", "---\nperson: Noor Haddad\n---\n- Fine.\n- [expectation: nowhere.md:9] Claimed.\n")
    result = runner.invoke(app, ["assess", "--ladder", str(seeds_dir), "--level", VP, "-e", str(untagged),
                                 "--db", str(db)])
    assert result.exit_code == 1 and f"{untagged}:5: expectation tag" in result.output
    assert not db.exists() or SQLiteStore(db).assessments("Noor Haddad") == []


def test_cli_self_versus_manager_and_usage_errors(seeds_dir):
    runner = CliRunner()
    both = runner.invoke(app, ["assess", "--ladder", str(seeds_dir), "-e", str(SEED_EVIDENCE / "noor-vp-self.md"),
                               "--manager", str(SEED_EVIDENCE / "noor-vp-manager.yaml")])
    assert both.exit_code == 0, both.output
    lines = both.stdout.splitlines()
    ladder, vp = find_level(resolve(load([seeds_dir]).roles)[1], "VP, Engineering")
    mine = assess(read_evidence(SEED_EVIDENCE / "noor-vp-self.md"), ladder, vp)
    assert f"self {round(100 * mine.readiness)}% versus manager" in lines[0]
    flagged = [ln.startswith("!") for ln in lines[3:]]
    assert flagged[0] and flagged == sorted(flagged, reverse=True), "disagreements listed first"
    assert runner.invoke(app, ["assess"]).exit_code == 2
    unknown = runner.invoke(app, ["assess", "--ladder", str(seeds_dir), "--level", "Juggler",
                                  "-e", str(SEED_EVIDENCE / "noor-vp-self.md")])
    assert unknown.exit_code == 2 and "'Juggler' is not a level" in unknown.output
