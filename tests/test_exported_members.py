"""The public API is what ``careerladder.__all__`` says (and nothing disappears by accident)."""

import careerladder


def test_all_exports_exist():
    assert careerladder.__all__ == [
        "__version__",
        "read_path", "read_text", "parse", "extract", "resolve", "load", "build",
        "Block", "Document", "Role", "Section", "Statement", "Requirement", "ParentRef", "NextLevelRef",
        "Ladder", "Expectation", "Leveling", "Evidence", "CompetencyScore", "Diagnostic", "Link",
        "CareerLadderError", "ReadError", "LimitError", "ParseError", "ResolveError", "StoreError", "EvidenceError",
    ]
    for name in careerladder.__all__:
        assert hasattr(careerladder, name), name
