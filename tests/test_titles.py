"""title_level: what a title alone claims."""

from __future__ import annotations

import pytest

from careerladder.extract.titles import clear_label, title_level


@pytest.mark.parametrize("title, level", [
    ("Engineering Manager", "em"), ("Manager, Software Engineering", "em"), ("Software Development Manager", "em"),
    ("Engineering Manager - Kotlin Backend (m/f/x)", "em"), ("Tech Lead Manager, Data", "em"),
    ("Sr. Engineering Manager", "senior_em"), ("Senior Manager, Software Engineering", "senior_em"),
    ("Director of Engineering", "director"), ("Engineering Director - Web", "director"),
    ("Director, Engineering", "director"), ("Senior Director of Engineering", "senior_director"),
    ("Sr. Director, API Platform Engineering", "senior_director"),
    ("VP, Engineering", "vp"), ("VP of Engineering", "vp"), ("Vice President of Engineering", "vp"),
    ("CTO", "cto"), ("Chief Technology Officer", "cto"),
    ("Head of Engineering", "unknown"), ("Engineering Manager/Director", "unknown"),
    ("Fractional CTO", "unknown"), ("Field CTO, Applications", "ic"),
    ("Senior Java Developer - VP", "ic"), ("VP, Solutions Architect", "ic"),
    ("Senior Software Engineer", "ic"), ("Product Manager", "ic"), ("Technical Program Manager", "ic"),
    ("VP of Brand", "unknown"), ("Director of Marketing", "unknown"), ("", "unknown"),
])
def test_title_level(title, level):
    assert title_level(title) == level


@pytest.mark.parametrize("title, label", [
    ("Engineering Manager", "em"), ("Director, Data Science & Machine Learning", None),
    ("Business Development Manager", None), ("Sales Engineering Manager", None), ("VP of Engineering", "vp"),
])
def test_clear_label(title, label):
    assert clear_label(title) == label
