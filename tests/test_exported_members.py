"""The public API is what ``careerladder.__all__`` says (and nothing disappears by accident)."""

import careerladder


def test_all_exports_exist():
    assert careerladder.__all__ == [
        "__version__",
        "read_path", "read_text", "parse", "extract", "classify", "level_role", "resolve", "load", "build", "ingest",
        "Analyzer",
        "Block", "Document", "Role", "Section", "Statement", "Requirement", "ParentRef", "NextLevelRef",
        "Ladder", "Expectation", "Leveling", "Evidence", "CompetencyScore", "Diagnostic", "Link", "Equivalence",
        "CareerLadderError", "ReadError", "LimitError", "ParseError", "ResolveError", "StoreError", "EvidenceError",
    ]
    for name in careerladder.__all__:
        assert hasattr(careerladder, name), name


def test_each_stage_runs_alone_from_the_top_level():
    """read -> parse -> extract -> classify -> level_role, each called by its public name."""
    doc, = careerladder.read_text("# Director of Engineering\n\n- Lead the engineering managers\n", "d.md")
    role = careerladder.level_role(careerladder.classify(careerladder.extract(careerladder.parse(doc, "d.md")[0])))
    assert role.leveling.title_level == "director"
    assert any(st.competencies for _, st in careerladder.model.role_statements(role))
