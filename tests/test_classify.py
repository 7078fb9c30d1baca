"""Competency classification on the seeds (statements by line) and on sentences written by us."""

from __future__ import annotations

import pytest

from careerladder.classify import CompetencyClassifier, classify, stem
from careerladder.competencies import COMPETENCIES, IDS
from careerladder.model import Statement, role_statements
from careerladder.pipeline import load


def top(text, context=""):
    comps = CompetencyClassifier().fit().predict_one(Statement("t:1", text, 1, 1), context)
    return comps[0].competency if comps else None


@pytest.mark.parametrize("text, competency", [
    ("Hold weekly 1:1s with every direct report", "people_management"),
    ("Interview and close senior engineering candidates", "hiring"),
    ("Own the delivery commitments of the team and unblock projects", "delivery"),
    ("Set the long-term technical strategy and roadmap", "strategy"),
    ("Lead design reviews and pay down technical debt", "technical_direction"),
    ("Keep on-call load and incident follow-ups healthy", "quality_reliability"),
    ("Partner with product managers and designers", "cross_functional"),
    ("Present engineering results to executives in clear written updates", "communication"),
    ("Build an inclusive culture where people feel psychological safety", "culture"),
    ("Plan headcount and change team structure as the organization grows", "org_design"),
    ("Own the engineering budget and vendor contracts", "budget_business"),
    ("Speak at conferences and write for the engineering blog", "external"),
])
def test_each_competency_on_our_sentences(text, competency):
    assert top(text) == competency


def test_taxonomy_shape():
    assert 10 <= len(COMPETENCIES) <= 14 and len(set(IDS)) == len(IDS)
    assert stem("managers") != stem("manage") and stem("productivity") != stem("product")


def test_unfitted_classifier_refuses():
    with pytest.raises(RuntimeError, match="not fitted"):
        CompetencyClassifier().predict_one(Statement("t:1", "x", 1, 1))


SEED_LINES = {  # seed 001 line -> a competency a reader agrees with
    13: "hiring", 14: "technical_direction", 16: "communication", 24: "strategy", 34: "delivery",
    36: "culture", 44: "org_design", 46: "people_management", 30: "quality_reliability",
}


def test_seed_director_statements(seeds_dir):
    role = classify(load([seeds_dir / "001_7d79c1ce421dd6ca.txt"]).roles[0])
    by_line = {st.line: {c.competency for c in st.competencies} for _, st in role_statements(role)}
    for line, competency in SEED_LINES.items():
        assert competency in by_line[line], (line, by_line[line])
    assert by_line[4] == set(), "the 'Same as' reference gets no competency"


def test_benefits_get_no_competency(seeds_dir):
    role = load([seeds_dir / "000_46b10606bf43a2d5.txt"]).roles[0]
    perks = next(s for s in role.sections if s.kind == "benefits")
    assert all(not st.competencies for st in perks.statements)
    coached = [st for _, st in role_statements(role) if st.competencies]
    assert len(coached) > 25
