"""Assessment and promotion readiness: a person's evidence (``evidence``: Markdown, YAML or a brag
document) against a level's effective expectations (``assessment``: matching, readiness, gaps to the
next level, self versus manager)."""

from .assessment import (Assessment, CompetencyReadiness, Comparison, ComparisonRow,
                         ExpectationResult, HybridMatcher, LexicalMatcher, Match, assess, compare_assessments, competency_readiness,
                         find_level, next_level_of, readiness_of, status_of)
from .evidence import PERSPECTIVES, EvidenceFile, EvidenceItem, parse_evidence, read_evidence

__all__ = ["PERSPECTIVES", "Assessment", "Comparison", "ComparisonRow",
           "CompetencyReadiness", "EvidenceFile", "EvidenceItem", "ExpectationResult", "HybridMatcher", "LexicalMatcher", "Match",
           "assess", "compare_assessments", "competency_readiness", "find_level", "next_level_of",
           "parse_evidence", "read_evidence", "readiness_of", "status_of"]
