"""The shared corpus of real ladders: every file read without a crash; the inheritance the issue pins."""

from __future__ import annotations

import pytest

from careerladder.pipeline import load
from careerladder.resolve import resolve


@pytest.fixture(scope="module")
def corpus(ladders_dir):
    loaded = load([ladders_dir])
    roles, ladders, diags = resolve(loaded.roles)
    return loaded, roles, ladders, diags


def test_every_file_is_read_without_a_crash(corpus):
    loaded = corpus[0]
    assert not [d for d in loaded.diagnostics if d.code == "INTERNAL_ERROR"]
    assert loaded.files_read >= 230
    assert len(loaded.roles) >= 200
    assert all("\n" not in str(d) for d in loaded.diagnostics + corpus[3])


def test_vorcigernix_same_as_director_resolves(corpus):
    roles = corpus[1]
    managers = {r.source.rsplit("/", 1)[-1]: r for r in roles if "vorcigernix" in r.source and "/managers/" in r.source}
    director = managers["director_engineering.md"]
    for name in ("vp_engineering.md", "principal_director_engineering.md"):
        parent, = managers[name].parents
        assert parent.title == "Director" and parent.resolved_id == director.id


def test_gitlab_management_chain(corpus):
    roles = corpus[1]
    gitlab = {r.id.rsplit("/", 1)[-1]: r for r in roles if "development/management" in r.source}
    chain = ["engineering-manager.md", "_index.md#senior-engineering-manager-development",
             "_index.md#director-development", "_index.md#senior-director-development", "_index.md#vp-of-development"]
    for child, parent in zip(chain[1:], chain):
        assert gitlab[parent].id in {p.resolved_id for p in gitlab[child].parents}, (child, parent)
    assert gitlab["_index.md#vp-of-development"].title == "VP of Development"
    outside = [p for r in gitlab.values() for p in r.parents if not p.resolved_id]
    assert outside and all("engineering-management" in p.href or "principal-engineer" in p.href for p in outside)
    warned = {(d.source.rsplit("/", 1)[-1], d.line) for d in corpus[3] if d.code == "UNRESOLVED_LINK"}
    assert ("_index.md", 24) in warned


def test_multi_role_documents(corpus):
    roles = corpus[1]
    abtion = [r.title for r in roles if r.source.endswith("engineering_manager_career_ladder.md")]
    assert abtion == ["Engineering Manager"] + ["Senior Engineering Manager"] * 3
    packback = [r.title for r in roles if r.source.endswith("managing-engineer.md")]
    assert packback[:4] == ["Team Lead / Senior Engineer", "Engineering Manager", "Director of Engineering",
                            "VP of Engineering"]
