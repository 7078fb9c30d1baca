"""Years of experience from dated evidence (assess.years) against "N+ years" expectations."""

from __future__ import annotations

import pytest

from careerladder.assess import parse_evidence
from careerladder.assess.years import asks_years, experience, years_verdict

ON = "2026-03-02"
RESUME = """# Résumé
- Director of Engineering, Fernway · 2021 – now: managers report to me.
- Engineering Manager, Quillpay (2016 - 2019).
- Software engineer, then tech lead, Routewise (2009–2016).
- MSc Informatics, 2008.
"""


def items(text: str):
    return parse_evidence(text, "r.md").items


def test_dated_roles_give_years_per_kind_and_overlaps_count_once():
    years, used = experience(items(RESUME), ON)
    assert years == {"total": 17.2, "managing": 8.2, "managing managers": 5.2}
    assert [i.line for i in used["managing managers"]] == [2]
    overlapping = items("- Engineering Manager at A (2018-2022)\n- Engineering Manager at B since 2020\n")
    assert experience(overlapping, ON)[0]["managing"] == pytest.approx(8.2)


def test_since_and_months_run_to_the_assessment_date_and_claims_count():
    assert experience(items("- Has managed the Search team since April 2023.\n"), ON)[0]["managing"] == 2.9
    claim = experience(items("- 12 years in engineering, 8 of them managing people.\n"), ON)[0]
    assert claim["total"] == 12.0 and claim["managing"] == 8.0
    before = experience(items("- People manager since 2020; six years writing code before that.\n"), ON)[0]
    assert before["total"] == 12.2 and before["managing"] == 6.2


def test_verdicts_follow_the_labelling_rule():
    assert asks_years("7+ years of experience in engineering management") and not asks_years("Hire managers")
    assert years_verdict("Hire the managers the group needs.", items(RESUME), ON) is None
    assert years_verdict("4+ years of experience managing engineering teams.", items(RESUME), ON).status == "met"
    assert years_verdict("10+ years managing engineers.", items(RESUME), ON).status == "partly"  # 8.2: short by < 2
    assert years_verdict("12+ years managing engineers.", items(RESUME), ON).status == "not_evidenced"
    compound = "7+ years of experience in engineering management, including at least 6 years managing managers."
    assert years_verdict(compound, items(RESUME), ON).status == "partly"  # first met, the qualifier short
    either = "2+ years managing software engineers, or 5+ years as an engineer with some lead experience."
    assert years_verdict(either, items("- Tech lead at Checkout (2019-2025).\n"), ON).status == "met"
    assert years_verdict("4+ years of experience.", items("- Ran the Checkout retros.\n"), ON).status == \
        "not_evidenced"
