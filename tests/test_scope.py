"""Scope signals and the 'reports to' reading, on sentences written by us."""

from __future__ import annotations

import pytest

from careerladder.extract.scope import SIGNALS, find, find_all, manager_level, reports_to


@pytest.mark.parametrize("text, signal", [
    ("Manage and coach engineering managers", "manages_managers"),
    ("You are a manager of managers", "manages_managers"),
    ("Lead several product teams", "multiple_teams"),
    ("Own the budget of your organization", "budget"),
    ("Present the plan to the board of directors", "board"),
    ("Work with the executive team on company goals", "executive"),
    ("Drive company-wide initiatives", "company_wide"),
    ("Mentor directors and senior managers", "directors_reports"),
    ("Be our first engineering hire and build the platform from scratch", "founding"),
    ("Set the company technology vision", "tech_vision"),
    ("Stay hands-on and review pull requests", "hands_on"),
    ("Run sprint planning and stand-ups", "team_rituals"),
    ("Hold regular one-on-ones and write performance reviews", "people_management"),
    ("Grow the careers of your direct reports", "people_management"),
    ("Hire and onboard engineers as the team doubles", "hiring"),
    ("Shape our talent acquisition strategy", "hiring"),
])
def test_signal_found(text, signal):
    assert signal in find(text)


@pytest.mark.parametrize("text, signal", [
    ("Work with other engineering managers", "manages_managers"),
    ("Manage the team budget for offsites", "budget"),
    ("A generous learning budget", "budget"),
    ("Partner with product managers", "manages_managers"),
    ("Our hiring process has three interviews", "hiring"),
    ("Improve the performance of our database", "people_management"),
    ("Be the first engineer to try new tools", "founding"),
])
def test_signal_not_found(text, signal):
    assert signal not in find(text)


def test_find_all_matches_find_one_by_one():
    texts = ["Mentor directors", "Lead two teams", "nothing here", "Own the P&L and report to the board"]
    assert find_all(texts) == [find(t) for t in texts]
    assert all(s.triggers and s.anchor for s in SIGNALS)


@pytest.mark.parametrize("text, level", [
    ("This role reports to the VP of Engineering and works with the CTO", "director"),
    ("You will report directly to our CEO", "cto"),
    ("Reports to: Chief Technology Officer", "vp"),
    ("reporting to a Director of Engineering", "senior_em"),
    ("reports to an Engineering Manager", "ic"),
    ("We report progress weekly", None),
])
def test_reports_to(text, level):
    assert reports_to(text) == level


@pytest.mark.parametrize("text, manager", [
    ("You will report to the VP of Engineering.", "vp"),
    ("Reports to our CEO and co-founder", "ceo"),
    ("reporting to the Director of Platform Engineering", "director"),
    ("We report results to customers", None),
])
def test_manager_level(text, manager):
    assert manager_level(text) == manager
