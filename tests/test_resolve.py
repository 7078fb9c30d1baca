"""resolve: inheritance by title, by link and anchor, ordering, effective expectations, cycles."""

from __future__ import annotations

from careerladder.pipeline import load
from careerladder.resolve import resolve, title_tokens


def build(write, files):
    for name, text in files.items():
        write(name, text)
    root = write("_marker", "x").parent
    (root / "_marker").unlink()
    loaded = load([root])
    return resolve(loaded.roles)


LADDER = {
    "em.md": "# Engineering Manager\n\n## Should have\n\n- 2 years managing\n",
    "director.md": "# Director, Engineering\n\n*Same as Engineering Manager, but also...*\n\n## Should have\n\n"
                   "- managing managers\n\nContinue reading: [VP](vp.md)\n",
    "vp.md": "# VP, Engineering\n\n*Same as Director, but also...*\n\n## Is expected to\n\n- own the budget\n",
}


def test_same_as_by_title_and_order_and_effective(write):
    roles, ladders, diags = build(write, LADDER)
    by = {r.title: r for r in roles}
    assert by["VP, Engineering"].parents[0].resolved_id == by["Director, Engineering"].id
    assert by["Director, Engineering"].next_level.resolved_id == by["VP, Engineering"].id
    ladder, = ladders
    assert [r.title for r in ladder.roles] == ["Engineering Manager", "Director, Engineering", "VP, Engineering"]
    effective = ladder.effective[by["VP, Engineering"].id]
    assert [(e.statement.text, e.origin_title, e.depth) for e in effective] == [
        ("own the budget", "VP, Engineering", 0), ("managing managers", "Director, Engineering", 1),
        ("2 years managing", "Engineering Manager", 2)]
    assert diags == []


def test_unknown_parent_and_missing_link_are_warnings(write):
    roles, _, diags = build(write, {"vp.md": LADDER["vp.md"], "x.md": "# CTO\n\nNext level: [Board](board.md)\n"})
    assert [(d.code, d.line) for d in diags] == [("UNRESOLVED_PARENT", 3), ("UNRESOLVED_NEXT", 3)] or \
        sorted(d.code for d in diags) == ["UNRESOLVED_LINK", "UNRESOLVED_PARENT"]
    assert all(p.resolved_id is None for r in roles for p in r.parents)


def test_cycle_is_reported_and_broken(write):
    roles, ladders, diags = build(write, {
        "a.md": "# Director of Engineering\n\n*Same as VP of Engineering, but also...*\n\n- a\n",
        "b.md": "# VP of Engineering\n\n*Same as Director of Engineering, but also...*\n\n- b\n"})
    assert [d.code for d in diags] == ["CYCLE"]
    resolved = [p.resolved_id for r in roles for p in r.parents if p.resolved_id]
    assert len(resolved) == 1
    assert all(len(exps) <= 2 for lad in ladders for exps in lad.effective.values())


def test_links_by_anchor_and_by_path_suffix(write):
    index = ("---\ntitle: Leadership\n---\n\n### Senior Engineering Manager, Development\n\n"
             "The Senior Engineering Manager, Development role extends the "
             "[Engineering Manager](/job-families/dev/management/engineering-manager/) role.\n\n"
             "### Director, Development\n\nThe Director role extends the "
             "[Senior Engineering Manager](#senior-engineering-manager-development) role.\n")
    roles, _, diags = build(write, {
        "content/job-families/dev/management/_index.md": index,
        "content/job-families/dev/management/engineering-manager.md": "---\ntitle: Engineering Manager\n---\n\n- a\n"})
    by = {r.title: r for r in roles}
    sem = by["Senior Engineering Manager, Development"]
    assert sem.parents[0].resolved_id == by["Engineering Manager"].id
    assert by["Director, Development"].parents[0].resolved_id == sem.id
    assert diags == []


def test_postings_are_never_parents(write):
    roles, _, diags = build(write, {
        "posting.md": "---\ntitle: Engineering Manager\ncompany: X\nlocation: Remote\n---\n<p>We hire.</p>",
        "director.md": LADDER["director.md"]})
    director = next(r for r in roles if r.title.startswith("Director"))
    assert director.parents[0].resolved_id is None
    assert "UNRESOLVED_PARENT" in {d.code for d in diags}


def test_title_tokens_are_order_and_abbreviation_insensitive():
    assert title_tokens("Director, Engineering") == title_tokens("Engineering Director")
    assert title_tokens("Sr. Engineering Manager") == title_tokens("Senior Engineering Managers")
