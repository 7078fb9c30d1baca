"""Ladders as companies publish them, on small ladders written by us (tests/fixtures/ladders/<case>/):
one folder per kind of evidence for a ladder's structure, each with the truth written by hand in its
``expected.yaml`` (company, tracks with their levels in order, variants, equivalences)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from careerladder.pipeline import Analyzer, load
from careerladder.resolve import title_tokens
from careerladder.vocab import is_management_track

FIXTURES = Path(__file__).parent / "fixtures" / "ladders"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.yaml").is_file())


def read(case: str):
    loaded = load([FIXTURES / case])
    roles, ladders, diags = Analyzer().resolve(loaded.roles, loaded.pages)
    return roles, ladders, diags


def expected(case: str) -> dict:
    return yaml.safe_load((FIXTURES / case / "expected.yaml").read_text(encoding="utf-8"))


def kind(track: dict) -> bool:
    return track.get("kind", track["name"]) == "management"


def test_every_kind_of_evidence_has_a_case():
    assert set(CASES) >= {"level_codes_out_of_file_order", "index_page", "deprecated_variants", "inheritance_chain",
                          "next_level_links", "ambiguous_parent", "table_of_levels", "mermaid_diagram",
                          "document_order", "two_tracks_by_folder", "company_from_index"}


@pytest.mark.parametrize("case", CASES)
def test_company_tracks_and_order(case):
    truth = expected(case)
    _, ladders, _ = read(case)
    assert {lad.company for lad in ladders} == {truth["company"]}
    got = sorted((bool(is_management_track(lad.track)), [title_tokens(r.title) for r in lad.roles]) for lad in ladders)
    want = sorted((kind(t), [title_tokens(lv["title"]) for lv in t["levels"]]) for t in truth["tracks"])
    assert got == want
    for lad in ladders:  # "level k of n in <company> <track>": every level of a ladder is on its track
        assert all(r.ladder == lad.id and r.track == lad.track for r in lad.roles)


@pytest.mark.parametrize("case", CASES)
def test_variants_belong_to_their_level(case):
    truth = expected(case)
    roles, ladders, _ = read(case)
    by_file = {r.id.split("#", 1)[0]: r for r in roles}
    by_id = {r.id: r for r in roles}
    levels = {r.id for lad in ladders for r in lad.roles}
    for v in truth.get("variants") or []:
        role = by_file[v["file"]]
        assert role.variant == v["kind"] and role.id not in levels, v
        assert title_tokens(by_id[role.variant_of].title) == title_tokens(v["of"].split("/", 1)[1]), v


@pytest.mark.parametrize("case", CASES)
def test_stated_equivalences(case):
    truth = expected(case)
    roles, ladders, _ = read(case)
    title = {r.id: r.title for r in roles}
    stated = {frozenset(title_tokens(title[x]) for x in (e.a, e.b)) for lad in ladders for e in lad.equivalences
              if e.basis in ("stated", "table")}
    want = {frozenset(title_tokens(lv.split("/", 1)[1]) for lv in e["levels"]) for e in truth.get("equivalences") or []}
    assert stated == want


def test_ambiguous_parent_is_settled_by_the_track_order():
    roles, _, diags = read("ambiguous_parent")
    by_title = {r.title: r for r in roles}
    for level in expected("ambiguous_parent")["tracks"][0]["levels"]:
        if level["parent"]:
            parents = {by_title[level["parent"]].id}
            assert parents <= {p.resolved_id for p in by_title[level["title"]].parents}, level
    assert not [d for d in diags if d.code == "AMBIGUOUS_PARENT"]


def test_order_evidence_is_named():
    evidence = {case: {lad.order_evidence for lad in read(case)[1]} for case in CASES}
    assert evidence["level_codes_out_of_file_order"] == {"level codes"}
    assert evidence["inheritance_chain"] == {"inheritance"}
    assert evidence["next_level_links"] == {"next-level links"}
    assert evidence["index_page"] == {"index page"}
    assert evidence["mermaid_diagram"] == {"diagram"}
    assert evidence["document_order"] == {"document order"}


def test_conflicting_order_evidence_is_a_diagnostic(tmp_path):
    """Codes say M4 < M5; the inheritance says M5 inherits from nothing and M4 from M5: both sources named."""
    (tmp_path / "m4.md").write_text("# M4 Engineering Manager\n\n*Same as Senior Engineering Manager, but also...*\n\n"
                                    "- Runs one team.\n", encoding="utf-8")
    (tmp_path / "m5.md").write_text("# M5 Senior Engineering Manager\n\n- Runs two teams.\n", encoding="utf-8")
    _, (ladder,), diags = read_path(tmp_path)
    assert [r.level_code for r in ladder.roles] == ["M4", "M5"] and ladder.order_evidence == "level codes"
    conflict, = [d for d in diags if d.code == "ORDER_CONFLICT"]
    assert "by inheritance" in conflict.message and "by level codes" in conflict.message


def read_path(path: Path):
    loaded = load([path])
    return Analyzer().resolve(loaded.roles, loaded.pages)
