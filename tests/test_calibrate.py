"""Calibration: company ladders on the canonical levels."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from careerladder.leveling.calibrate import _non_decreasing, by_level, calibrate
from careerladder.cli import app
from careerladder.pipeline import EXAMPLE_LADDER, load
from careerladder.resolve import resolve
from careerladder.vocab import IC_LEVELS, LEVELS


def test_pool_adjacent_violators():
    assert _non_decreasing([0, 2, 1, 3]) == [0, 1.5, 1.5, 3]
    assert _non_decreasing([3, 2, 1]) == [2, 2, 2]


def test_example_ladder_maps_one_to_one():
    rows = calibrate(resolve(load([EXAMPLE_LADDER]).roles)[1])
    assert [r.level for r in rows] == list(LEVELS)
    assert all(0 < r.confidence <= 1 for r in rows)


def test_corpus_and_seeds(ladders_dir, seeds_dir):
    _, ladders, _ = resolve(load([ladders_dir, seeds_dir]).roles)
    rows = calibrate(ladders)
    got = {(r.ladder_name, r.title): r.level for r in rows}
    assert got[("Vio management", "Head of Engineering")] in ("director", "senior_director")
    assert got[("Socialbakers management", "Director, Engineering")] == "director"
    assert got[("Dropbox management", "Senior Engineering Manager")] == "senior_em"
    # individual contributors are on the IC scale, never on a management level
    assert got[("Dropbox software engineer", "Staff Software Engineer")] == "staff"
    assert {r.level for r in rows if r.scale == "individual_contributor"} <= set(IC_LEVELS)
    assert not [r for r in rows if r.scale == "individual_contributor" and r.level in LEVELS]
    rank = {lv: i for i, lv in enumerate(LEVELS)} | {lv: i for i, lv in enumerate(IC_LEVELS)}
    for ladder in ladders:  # never goes down along a ladder's order
        seq = [rank[r.level] for r in rows if r.ladder_id == ladder.id and r.level in rank]
        assert seq == sorted(seq), ladder.id
    cross = by_level(rows)
    directors = {r.ladder_name for lv in ("director", "senior_director") for r in cross.get(lv, [])}
    assert {"Vio management", "Socialbakers management"} <= directors


def test_cli_calibrate_json(seeds_dir):
    out = CliRunner().invoke(app, ["calibrate", str(seeds_dir), "--format", "json"])
    assert out.exit_code == 0
    rows = json.loads(out.stdout)
    assert {(r["ladder_name"], r["title"], r["level"]) for r in rows} >= {
        ("Mariana Tek management", "Director, Engineering", "director"),
        ("Mariana Tek management", "VP, Engineering", "vp")}
