"""Span from evidence (assess.scope): people, teams and rank of reports against headcount and rank
expectations, and how HybridMatcher uses it."""

from __future__ import annotations

from careerladder.assess import parse_evidence
from careerladder.assess import HybridMatcher
from careerladder.assess.scope import (asked_rank, asks_headcount, asks_org_scope, exec_limit, org_scope_limit,
                                       rank_limit, scope_verdict, span)

DIRECTOR = """# Résumé
- Grew the group from 22 → 61 engineers across 7 teams; six engineering managers and one senior EM report to me.
- Keep three product managers aligned; sit in the calibration round with the other four EMs.
- Mentor two engineers at a meetup.
"""
TEAM_LEAD = "- Took over the Checkout team: six engineers, seven now.\n- Joined a calibration round with the other four EMs.\n"
VP = "- 180 engineers, five directors report to me.\n- Hired five directors in two years.\n"


def items(text: str):
    return parse_evidence(text, "e.md").items


def test_span_takes_the_largest_counts_and_the_highest_rank_of_reports():
    s = span(items(DIRECTOR))
    assert (s.people, s.teams, s.rank) == (61, 7, 1)  # "22 → 61": the later number; senior EM outranks managers
    lead = span(items(TEAM_LEAD))
    assert lead.rank == -1 and lead.people == 6  # peer EMs and product managers are not reports
    assert span(items(VP)).rank == 2 and span(items(VP)).items["rank"] == ("e1", "e2")


def test_headcount_statements_met_partly_or_not_by_the_numbers_and_the_rank():
    group = "A manager of managers: leads a group of about 20 to 50 people through engineering managers."
    assert asks_headcount(group) and not asks_headcount("Hire directors and senior managers.")
    assert scope_verdict(group, items(DIRECTOR)).status == "met"
    close = items("- Runs three teams, 19 engineers in all; one new manager reports to him.\n")
    assert scope_verdict(group, close).status == "partly"  # 19 of 20: the right kind, a little smaller
    assert scope_verdict(group, items(TEAM_LEAD)).status == "not_evidenced"
    several = "Leads several groups through directors and senior managers, often 50 to 150 people."
    assert scope_verdict(several, items(DIRECTOR)).status == "partly"  # enough people, managers not directors
    assert scope_verdict(several, items(VP)).status == "met"
    either = "Experience running two or more teams at once, or one team of 10+ engineers."
    assert scope_verdict(either, items(TEAM_LEAD)).status == "not_evidenced"
    assert scope_verdict(either, items("- Ran two teams with a tech lead on each.\n")).status == "met"
    assert scope_verdict("Hold weekly 1:1s with every engineer.", items(DIRECTOR)) is None


def test_rank_statements_are_limited_by_the_rank_the_evidence_shows():
    assert asked_rank("Hire directors and senior managers.") == 2
    assert asked_rank("Align several product managers and their teams.") is None
    assert asked_rank("Calibrate ratings with peer managers.") is None
    assert rank_limit("Hire directors and senior managers.", items(DIRECTOR)) == ("partly", ("e1",))
    assert rank_limit("Hire directors and senior managers.", items(VP))[0] == "met"
    assert rank_limit("Manage and coach engineering managers.", items(TEAM_LEAD)) == ("not_evidenced", ())


def test_an_act_asked_above_one_group_is_partly_without_directors():
    assert asks_org_scope("Design the structure of the whole engineering organization.")
    assert asks_org_scope("Set engineering-wide policies for promotion and on-call.")
    assert asks_org_scope("Own a multi-group budget and its trade-offs.")
    assert not asks_org_scope("Set the group's strategy, tied to the company's goals.")  # a group, not more
    assert not asks_org_scope("Negotiate priorities with peer executives across the company.")
    assert org_scope_limit("Own a multi-group budget and its trade-offs.", items(DIRECTOR)) == "partly"
    assert org_scope_limit("Own a multi-group budget and its trade-offs.", items(VP)) is None
    assert org_scope_limit("Own the group's budget.", items(DIRECTOR)) is None


class _Exp:
    def __init__(self, text):
        self.statement = type("S", (), {"text": text, "competencies": ()})()


def test_hybrid_matcher_holds_an_organization_wide_act_at_partly_for_a_group_leader():
    expectation = [_Exp("Own the budget of the whole engineering organization.")]
    group = items("- Own the engineering budget of my group: 7.4M a year, people and cloud.\n"
                  "- Six engineering managers report to me.\n")
    org = items("- Own the engineering budget: 24M a year, people and cloud.\n- Five directors report to me.\n")
    m = HybridMatcher(assessed_on="2026-03-02").fit(expectation)
    mid = (0.40 + 0.28) / 2
    assert m.score(group, expectation).max() <= mid + 1e-9
    assert m.score(org, expectation).max() > mid


def test_an_act_asked_of_an_executive_is_partly_without_that_seat():
    exec_ = items("- VP of Engineering since 2020; report to the CEO and sit on the executive team.\n")
    assert exec_limit("Partner with the heads of product and sales as executive peers.", items(DIRECTOR)) == "partly"
    assert exec_limit("Report on engineering to the CEO and the board.", items(DIRECTOR)) == "partly"
    assert exec_limit("Report on engineering to the CEO and the board.", exec_) is None
    assert exec_limit("Report the team's progress to the director.", items(DIRECTOR)) is None
