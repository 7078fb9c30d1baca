"""diff: what a higher level adds, by competency, on effective expectations."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from careerladder.cli import app
from careerladder.diff import diff_levels
from careerladder.pipeline import EXAMPLE_LADDER, load
from careerladder.resolve import resolve


def test_inherited_expectations_are_shared_and_own_ones_added():
    roles, ladders, _ = resolve(load([EXAMPLE_LADDER]).roles)
    ladder, = ladders
    em, sem = ladder.roles[0], ladder.roles[1]
    d = diff_levels(em, ladder.effective[em.id], sem, ladder.effective[sem.id])
    assert d.shared == len(ladder.effective[em.id])
    own = [e for e in ladder.effective[sem.id] if e.depth == 0]
    assert d.added_count == len(own)
    assert "people_management" in d.added and "years_experience" in {r.type for r in d.requirements_added}


def test_same_level_adds_nothing():
    roles, ladders, _ = resolve(load([EXAMPLE_LADDER]).roles)
    ladder, = ladders
    vp = ladder.roles[4]
    d = diff_levels(vp, ladder.effective[vp.id], vp, ladder.effective[vp.id])
    assert d.added_count == 0 and d.shared == len(ladder.effective[vp.id])


def test_cli_diff_seeds(seeds_dir):
    result = CliRunner().invoke(app, ["diff", str(seeds_dir / "001_7d79c1ce421dd6ca.txt"),
                                      str(seeds_dir / "003_e49c1f1394c4b8c3.txt"), "-f", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["b"]["title"] == "VP, Engineering" and data["added_count"] > 20
    texts = [x["text"] for items in data["added"].values() for x in items]
    assert any("board members" in t for t in texts)
    assert not any(t.startswith("At least 5 years") for t in texts), "001's own lines are inherited by 003"


def test_cli_diff_unknown_level_is_a_usage_error():
    result = CliRunner().invoke(app, ["diff", "Nope", "Nada", "--in", str(EXAMPLE_LADDER)])
    assert result.exit_code == 2 and "no role" in result.output
