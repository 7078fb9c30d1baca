"""The thesaurus of acts (assess.concepts) and its use by HybridMatcher only."""

from __future__ import annotations

from careerladder.assess import HybridMatcher, LexicalMatcher
from careerladder.assess.concepts import GROUPS, concepts
from careerladder.extract.grammar import tokens


def test_words_of_one_act_share_the_group_term():
    assert concepts(tokens("Spoke at a conference and on two podcasts")) == {"=speaking"}
    assert concepts(tokens("Give talks about the area's work")) == {"=speaking"}
    assert "=hiring" in concepts(tokens("Recruited six engineers")) & concepts(tokens("Interview and hire engineers"))
    assert concepts(tokens("Runs the office chess club")) == set()
    assert all(w == w.lower() and " " not in w for words in GROUPS.values() for w in words)


class _Exp:
    def __init__(self, text):
        self.statement = type("S", (), {"text": text, "competencies": ()})()


def test_only_the_hybrid_matcher_counts_group_terms():
    exps = [_Exp("Give talks about the area's work inside and outside the company."), _Exp("Own the budget.")]
    hybrid = HybridMatcher(meaning=False).fit(exps)
    words = LexicalMatcher().fit(exps)
    assert "=speaking" in hybrid.vectorizer_.vocabulary_
    assert not any(t.startswith("=") for t in words.vectorizer_.vocabulary_)  # the old default stays as it was
