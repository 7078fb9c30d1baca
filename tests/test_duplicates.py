"""Duplicate postings stored once (readers.fingerprint, store.duplicates), in both stores, within a batch,
across runs into one database, and through ingest and report; on texts written for these tests."""

from __future__ import annotations

import json

import pg
import pytest

from careerladder.pipeline import Analyzer, ingest
from careerladder.readers.fingerprint import fingerprint_text, normalized_words, similarity
from careerladder.report import market_report, report_text
from careerladder.store import DocumentRecord, open_store
from careerladder.store.base import write_batch
from careerladder.store.duplicates import Fold

#: An invented posting of about 120 words.
POSTING = (
    "Harrowgate Freight moves timber across the north by rail and canal. We are hiring an Engineering Manager "
    "to lead the routing team: six engineers who plan which barge carries which load, and when. You will hire, "
    "coach and grow the team, run planning with product, and own the reliability of the routing service. "
    "You have five or more years of software experience and two or more years managing engineers. You have "
    "shipped services that other teams depend on, and you write clearly. We pay between 95,000 and 115,000 "
    "pounds, offer thirty days of leave, and meet in York twice a month. The rest of the time you work from "
    "wherever suits you. Our interview has three steps: a call with the hiring manager, a systems conversation, "
    "and a chat with two engineers from the team.")
#: The same posting reposted a month later, its salary edited.
REPOST = POSTING.replace("95,000 and 115,000", "100,000 and 120,000")
#: Another role at the same employer: the same opening, different work.
OTHER = ("Harrowgate Freight moves timber across the north by rail and canal. We are hiring a Data Analyst to "
         "study which canals silt up and when, to build dashboards for the barge crews, and to forecast demand "
         "for timber by season. You know SQL well, have used Python for analysis, and can explain a chart to "
         "people who drive boats for a living. Two or more years of experience. We pay 50,000 pounds, offer "
         "thirty days of leave and meet in York twice a month.")


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    return pg.store_url(request.param, tmp_path)


def posting_role(rid: str, title: str = "Engineering Manager") -> dict:
    return {"id": rid, "source": rid, "title": title, "kind": "job_posting", "organization": "Harrowgate Freight",
            "span": [1, 3], "metadata": {}, "requirements": [], "parents": [],
            "sections": [{"kind": "body", "heading": None, "path": [], "statements": [
                {"id": f"{rid}:1", "text": "Lead the routing team.", "line": 2, "kind": "sentence"}]}]}


def record(source: str, text: str, title: str = "Engineering Manager") -> tuple[DocumentRecord, list[dict]]:
    fp = fingerprint_text(text, title)
    return (DocumentRecord(source, f"c-{source}-{len(text)}", "a", "records", {"n": source}, "v1",
                           fp.text_hash if fp else None, fp.signature if fp else None, fp.bands if fp else ()),
            [posting_role(source + "#r", title)])


def test_normalizing_and_similarity():
    assert normalized_words("Lead <six>  ENGINEERS,\nnow!") == ["lead", "six", "engineers", "now"]
    a, b, c = (fingerprint_text(t, "Engineering Manager") for t in (POSTING, REPOST, OTHER))
    assert fingerprint_text(" ".join(POSTING.upper().split()) + " !", "EM").text_hash == a.text_hash
    assert similarity(a.signature, b.signature) >= 0.8 > similarity(a.signature, c.signature)
    assert fingerprint_text("Engineering Manager. Lead six engineers.", "EM") is None  # too short to judge


def test_exact_and_near_duplicates_are_stored_once_with_every_source(url):
    store = open_store(url)
    batch = [record("a.json#1", POSTING), record("b.md", " ".join(POSTING.split()).upper()),
             record("c.json#9", REPOST), record("d.json#2", OTHER, "Data Analyst"),
             record("e.json#3", POSTING.replace("York", "Hull"), "Senior Engineering Manager")]  # near needs the title
    outcomes = write_batch(store, batch)
    assert outcomes[0] is True and outcomes[3] is True
    assert outcomes[1] == Fold("a.json#1", "exact", 1.0)
    assert isinstance(outcomes[2], Fold) and (outcomes[2].duplicate_of, outcomes[2].kind) == ("a.json#1", "near")
    assert outcomes[4] is True
    assert store.duplicate_counts() == {"exact": 1, "near": 1}
    assert store.counts()["documents"] == 5 and store.counts()["roles"] == 3  # folded ones keep only their key
    folded = {r.source: r.duplicate_of for r, _ in [(rec, None) for rec, _ in store.documents()]}
    assert folded["b.md"] == folded["c.json#9"] == "a.json#1"
    again = write_batch(store, batch)  # the same run again: nothing changes
    assert again == [False] * 5
    store.close()


def test_a_later_run_into_the_same_database_finds_what_an_earlier_one_stored(url):
    first = open_store(url)
    write_batch(first, [record("2016-01.json#1", POSTING)])
    first.close()
    second = open_store(url)
    outcome, = write_batch(second, [record("2016-02.json#7", REPOST)])
    assert isinstance(outcome, Fold) and outcome.duplicate_of == "2016-01.json#1"
    assert second.document_status("2016-02.json#7", record("2016-02.json#7", REPOST)[0].content_hash, "v1") == "current"
    second.close()


def test_ladder_levels_and_short_texts_are_never_folded(url):
    store = open_store(url)
    levels = [record(name, POSTING) for name in ("ladder/em.md", "ladder-copy/em.md")]
    batch = [(rec, [dict(roles[0], kind="ladder_level")]) for rec, roles in levels]
    assert write_batch(store, batch) == [True, True]
    short = [record(f"s{n}.json", "Engineering Manager. Lead six engineers.") for n in range(2)]
    assert write_batch(store, short) == [True, True]
    store.close()


def test_when_the_posting_others_repeat_changes_they_are_analyzed_again(tmp_path):
    store = open_store(tmp_path / "x.db")
    write_batch(store, [record("a.json#1", POSTING), record("b.json#1", POSTING.lower())])
    assert store.document_status("b.json#1", record("b.json#1", POSTING.lower())[0].content_hash, "v1") == "current"
    write_batch(store, [record("a.json#1", OTHER)])  # a.json#1 now holds other text
    assert store.document_status("b.json#1", record("b.json#1", POSTING.lower())[0].content_hash, "v1") == "stale"
    store.close()


def test_ingest_and_report_count_a_reposted_posting_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    posts = [{"id": n, "title": "Engineering Manager", "company": "Harrowgate Freight", "description": text}
             for n, text in ((1, POSTING), (2, REPOST), (3, POSTING))]
    (folder / "january.json").write_text(json.dumps(posts[:2]), encoding="utf-8")
    (folder / "february.json").write_text(json.dumps(posts[2:] + [{"id": 4, "title": "Data Analyst",
                                                                  "company": "Harrowgate Freight",
                                                                  "description": OTHER}]), encoding="utf-8")
    db = tmp_path / "x.db"
    summary = ingest([folder], db, jobs=2, analyzer=Analyzer(level=False))
    assert (summary.read, summary.stored, summary.duplicates) == (4, 2, {"exact": 1, "near": 1})
    store = open_store(db)
    report = market_report(store)
    assert report["postings"] == 2 and report["duplicates"] == {"exact": 1, "near": 1}
    assert "Duplicates folded: 2 documents repeated a posting and were counted once (1 exact, 1 near)" in \
        report_text(report)
    store.close()
    rerun = ingest([folder], db, jobs=1, analyzer=Analyzer(level=False))
    assert (rerun.skipped, rerun.stored, sum(rerun.duplicates.values())) == (4, 0, 0)  # resumable: all current
