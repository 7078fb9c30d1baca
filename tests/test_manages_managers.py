"""extract/rules/manages_managers.py: whether the role leads managers, on lines we wrote (EMs, reports
that include managers, hiring and growing managers, second-line managers; never working beside them)."""

from __future__ import annotations

import pytest

from careerladder import extract, parse, read_text


def manages_managers(line: str) -> bool:
    doc, = read_text(f"Director of Engineering\n\nWhat you'll do\n\n- {line}\n", "pasted.txt")
    return any(r.type == "manages_managers" for role in parse(doc, "pasted.txt", any_text=True)
               for r in extract(role).requirements)


@pytest.mark.parametrize("line, expected", [
    ("Manage 3 EMs and a staff engineer in the payments group.", True),
    ("Two EMs report to you from day one.", True),
    ("Your direct reports will include 4 engineering managers and a principal engineer.", True),
    ("You will hire, coach and retain engineering managers.", True),
    ("As a second-line manager you will shape the org's planning.", True),
    ("Grow a team of team leads across two sites.", True),
    ("Partner with other engineering managers on the roadmap.", False),
    ("Hire engineers and work with engineering managers in other groups.", False),
    ("Develop product managers' understanding of the platform.", False),
    ("Our hardware ships to EMS providers in Europe.", False),
])
def test_manages_managers_of_one_line(line, expected):
    assert manages_managers(line) is expected
