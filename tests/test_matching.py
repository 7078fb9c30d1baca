"""Matching evidence to expectations (assess.matching): meaning and words together, negative remarks,
courses, compound expectations, at most a few expectations per item, years from dates, span."""

from __future__ import annotations

from dataclasses import replace

from careerladder import thresholds as T
from careerladder.assess import HybridMatcher, LexicalMatcher, parse_evidence
from careerladder.assess.matching import evidences_nothing, is_background, is_negative
from careerladder.classify import default_classifier
from careerladder.model import Expectation, Statement

EXPECTATIONS = ["Hire the engineering managers the group needs.",
                "Set the group's strategy and roadmap, tied to the company's goals.",
                "Hold weekly one-on-ones with every direct report.",
                "Give talks about the area's work inside and outside the company.",
                "4+ years of experience managing engineering teams."]


def expectations(texts=EXPECTATIONS):
    clf = default_classifier()
    out = []
    for n, t in enumerate(texts, 1):
        st = Statement(f"x.md:{n}", t, n, n)
        st = replace(st, competencies=tuple(clf.predict_one(st)))
        out.append(Expectation(st, "x.md", "X", 0, "expectations", ()))
    return out


def test_paraphrase_is_matched_by_meaning_where_words_alone_miss_it():
    exps = expectations()
    ev = parse_evidence("- Recruited four new EMs for the platform teams.\n"
                        "- Set company-wide OKRs every year, each team's objectives traced to revenue.\n", "p.md")
    hybrid = HybridMatcher(assessed_on="2026-03-02").fit(exps).score(ev.items, exps)
    words = LexicalMatcher().fit(exps).score(ev.items, exps)
    assert hybrid[0, 0] >= T.ASSESS_PARTLY_SCORE > words[0, 0] - 0.1 and hybrid[0, 0] > words[0, 0]
    assert hybrid[1, 1] >= T.ASSESS_PARTLY_SCORE and hybrid[1, 1] == hybrid[1].max()
    assert HybridMatcher().fit(exps).score(ev.items, exps)[0].argmax() == 0
    m = HybridMatcher(assessed_on="2026-03-02").fit(exps)
    m.score(ev.items, exps)
    assert m.how_[0, 0] in ("meaning", "span")  # "four new EMs" are also reports of the rank asked (scope)


def test_a_negative_remark_an_intent_or_a_course_evidences_nothing():
    assert is_negative("Has never given a talk, inside or outside the company")
    assert evidences_nothing("I plan to speak at a conference next year") and not is_negative("I plan to speak")
    assert evidences_nothing("Finished the company's six-session course for first-time managers.")
    assert not evidences_nothing("Took the team through a training on incident response.")
    assert not evidences_nothing("ISO 27001 certification and our HIPAA programme are mine.")
    assert not is_negative("Every release has left on the planned date, which no other group can say")
    exps = expectations()
    ev = parse_evidence("- Has never given a talk, inside or outside the company.\n"
                        "- I plan to speak at a developer conference next year.\n"
                        "- Gave a talk about our platform work at a developer conference.\n", "n.md")
    s = HybridMatcher(assessed_on="2026-03-02").fit(exps).score(ev.items[:2], exps)
    assert s.max() == 0.0
    assert HybridMatcher(assessed_on="2026-03-02").fit(exps).score(ev.items[2:], exps)[0, 3] >= T.ASSESS_MET_SCORE


def test_background_lines_evidence_nothing_but_still_give_years():
    assert is_background("Senior Engineering Manager, Northwind · 2019 – 2021")
    assert is_background("Team lead, Acme (2012–2016).")
    assert is_background("Languages: English, Polish.")
    assert is_background("Fluent in Spanish and French; hiking.")
    assert is_background("MSc Physics, University of Leeds.")
    assert is_background("Learning Japanese on the train.")
    assert not is_background("Led the move to weekly releases in 2023 and kept it since 2024.")
    assert not is_background("VP of Engineering since 2020. Report to the CEO; five directors report to me.")
    assert not is_background("Hired 4 engineering managers in 2024.")
    exps = expectations()
    ev = parse_evidence("- Engineering Manager, Northwind · 2019 – now\n- Languages: English, German, French.\n", "b.md")
    s = HybridMatcher(assessed_on="2026-03-02").fit(exps).score(ev.items, exps)
    assert s[:, :4].max() == 0.0  # no act of the ladder
    assert s[0, 4] >= T.ASSESS_MET_SCORE  # 2019 - now managing: 4+ years from the role line's dates
    assert s[1, 4] == 0.0


def test_a_negative_remark_holds_down_the_expectation_it_is_about():
    exps = expectations()
    talk = "- Spoke about our roadmap at the team's planning day.\n"
    without = HybridMatcher(assessed_on="2026-03-02").fit(exps).score(parse_evidence(talk, "t.md").items, exps)
    never = parse_evidence(talk + "- Has never given a talk about the area's work, inside or outside the company.\n", "t.md")
    held = HybridMatcher(assessed_on="2026-03-02").fit(exps).score(never.items, exps)
    assert without[0, 3] > T.ASSESS_NEGATIVE_CAP and held[:, 3].max() <= T.ASSESS_NEGATIVE_CAP
    assert abs(held[0, :3] - without[0, :3]).max() < 1e-6  # what the remark is not about keeps its score


def test_a_compound_expectation_with_one_act_shown_is_partly_at_most():
    exps = expectations(["Hold weekly one-on-ones with every direct report and give honest, timely feedback.",
                         "Own the group's budget and report on cost, delivery and quality to the VP."])
    one = parse_evidence("- Hold weekly one-on-ones with every direct report on the team.\n", "c.md")
    s = HybridMatcher(assessed_on="2026-03-02").fit(exps).score(one.items, exps)
    assert T.ASSESS_PARTLY_SCORE <= s[0, 0] < T.ASSESS_MET_SCORE
    both = parse_evidence("- Hold weekly one-on-ones with every direct report and give them honest feedback "
                          "the same week.\n", "c.md")
    assert HybridMatcher(assessed_on="2026-03-02").fit(exps).score(both.items, exps)[0, 0] >= T.ASSESS_MET_SCORE


def test_headcount_and_rank_statements_are_scored_from_the_span():
    exps = expectations(["Leads a group of 20-40 people through engineering managers.",
                         "Hire directors and senior managers."])
    ev = parse_evidence("- Grew the group to 45 engineers; five engineering managers report to me.\n"
                        "- Hired three engineering managers.\n", "s.md")
    m = HybridMatcher(assessed_on="2026-03-02").fit(exps)
    s = m.score(ev.items, exps)
    assert s[0, 0] == 1.0 and m.how_[0, 0] == "span"
    assert s[:, 1].max() < T.ASSESS_MET_SCORE  # managers where directors are asked: partly at most


def test_one_item_is_credited_to_a_few_expectations_unless_it_covers_more(monkeypatch):
    exps = expectations(EXPECTATIONS[:4] + [f"Lead the delivery of the {w} work." for w in
                                            ("platform", "mobile", "payments", "search", "growth")])
    ev = parse_evidence("- Led the move to continuous delivery for the platform, mobile and payments teams.\n", "c.md")
    monkeypatch.setattr(T, "ASSESS_ITEM_COVERS_SCORE", 10.0)  # never covers
    monkeypatch.setattr(T, "ASSESS_ITEM_MAX_EXPECTATIONS", 2)
    s = HybridMatcher(assessed_on="2026-03-02").fit(exps).score(ev.items, exps)
    assert (s[0] > 0).sum() <= 2
    monkeypatch.setattr(T, "ASSESS_ITEM_COVERS_SCORE", 0.0)
    assert (HybridMatcher(assessed_on="2026-03-02").fit(exps).score(ev.items, exps)[0] > 0).sum() > 2


def test_years_expectations_are_scored_from_dates():
    exps = expectations()
    ev = parse_evidence("- Engineering Manager, Quillpay (2016-2019).\n- Director of Engineering since 2021.\n", "y.md")
    m = HybridMatcher(assessed_on="2026-03-02").fit(exps)
    s = m.score(ev.items, exps)
    assert list(s[:, 4]) == [1.0, 1.0] and set(m.how_[:, 4]) == {"dates"}
    short = parse_evidence("- Engineering Manager since 2025.\n", "s.md")
    assert HybridMatcher(assessed_on="2026-03-02").fit(exps).score(short.items, exps)[0, 4] == 0.0


BLOCKED_ASSESS = r"""
import json
from careerladder.assess import HybridMatcher, assess, find_level, parse_evidence
from careerladder.pipeline import EXAMPLE_LADDER, load
from careerladder.resolve import resolve
ladder, = resolve(load([EXAMPLE_LADDER]).roles)[1]
ladder, level = find_level([ladder], ladder.roles[0].title)
ev = parse_evidence("- Recruited two engineers and ran their onboarding.\n- Engineer since 2019.\n", "e.md")
a = assess(ev, ladder, level, assessed_on="2026-03-02")
print(json.dumps({"attempts": attempts, "how": sorted({m.how for r in a.results for m in r.matches}),
                  "readiness": a.readiness}))
"""


def test_assessment_with_embeddings_runs_with_sockets_blocked():
    """A fresh process, every socket call refused before careerladder is imported: the default matcher
    loads the embedding model, assesses, and nothing tried to connect."""
    from conftest import run_offline

    result = run_offline(BLOCKED_ASSESS, timeout=300)
    assert result["attempts"] == [] and result["readiness"] > 0
    assert "meaning" in result["how"] or "lexical" in result["how"]
