"""Job-posting readers: one test per format on our own fixtures (tests/fixtures/postings, invented
postings written for these tests), then the real corpus (``postings_dir``), then every corpus file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from careerladder.errors import LimitError, NotPostingError, ParseError, ReadError
from careerladder.pipeline import Analyzer
from careerladder.readers import iter_files, read_path, reader_names
from careerladder.readers.hn import parse_header, split_roles
from careerladder.readers.records import Skips, iter_json_array, with_skips

analyze = Analyzer().analyze  # the one analysis path, one document at a time

FIX = Path(__file__).parent / "fixtures" / "postings"


def line_of(path: Path, text: str) -> int:
    """1-based line of the first line of ``path`` holding ``text``."""
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if text in line:
            return n
    raise AssertionError(f"{text!r} not in {path}")


def block(doc, start: str):
    return next(b for b in doc.blocks if b.text.startswith(start))


def test_every_posting_reader_is_registered_once():
    names = reader_names()
    assert len(names) == len(set(names))
    assert {"remotewlb", "remotewlb_history", "hn_json", "hn_page", "pythonjobs", "rebase_issue",
            "csv_postings", "jsonld", "job_board"} <= set(names)
    assert names[-3:] == ["html", "markdown", "text"]


# -- 1. RemoteWLB ----------------------------------------------------------------------------

def test_remotewlb_readme_header_chips_body_and_lines():
    path = FIX / "remotewlb/jobs/Python/2025-02/engineering-manager-payments/README.md"
    doc, = read_path(path)
    assert (doc.format, doc.kind, doc.title, doc.organization) == (
        "remotewlb", "job_posting", "Engineering Manager - Payments [Remote]", "Quillfeather Labs")
    meta = doc.metadata
    assert meta["url"] == meta["apply_url"] == "https://boards.example.org/apply/engineering-manager-payments"
    assert (meta["salary"], meta["location"], meta["chips"]) == ("$150,000 - $175,000", "Remote - Canada",
                                                                  ["⏰ Full time"])
    assert (meta["skill"], meta["month"]) == ("Python", "2025-02")
    assert not any("CLICK TO" in b.text.upper() for b in doc.blocks)
    item = block(doc, "Lead a team of 7")
    assert (item.kind, item.line) == ("item", line_of(path, "Lead a team of 7"))
    role, = analyze(doc, "em-payments")
    kinds = {s.heading: s.kind for s in role.sections}
    assert kinds["What you will do"] == "responsibilities" and kinds["What you bring"] == "qualifications"
    assert any(r.type == "years_experience" and r.min == 3 for r in role.requirements)
    assert "Experience with Python - and PostgreSQL" in [b.text for b in doc.blocks]


def test_remotewlb_history_one_document_per_line_with_record_relative_lines():
    docs = read_path(FIX / "remotewlb_history.jsonl")
    assert [d.fragment for d in docs] == [
        "jobs/Golang/2024-03/director-of-platform/README.md@" + "a" * 40,
        "jobs/Golang/2024-03/director-of-platform/README.md@" + "b" * 40]
    first, second = docs
    assert {d.format for d in docs} == {"remotewlb_history"}
    assert (first.organization, second.organization) == ("Marlowe Freight", None)
    assert first.metadata["skipped_records"] == 2  # the broken line and the record without text
    assert first.metadata["skipped"][0].startswith("line 2: broken JSON")
    assert (first.metadata["jsonl_line"], second.metadata["jsonl_line"]) == (1, 3)
    # lines count inside the README version, title line = 1
    assert block(first, "Marlowe Freight moves").line == 5
    assert block(first, "Run an organization").line == 9


# -- 2. HN monthly JSON ----------------------------------------------------------------------

def test_hn_json_titles_roles_remote_lines_and_skips():
    path = FIX / "hn/2016-01.json"
    docs = read_path(path)
    by_id = {d.fragment: d for d in docs}
    assert list(by_id) == ["1001", "1002", "1003", "1006"]
    assert {d.kind for d in docs} == {"job_posting"}
    em = by_id["1001"]
    assert (em.title, em.organization, em.metadata["location"]) == (
        "Engineering Manager", "Tallow Robotics", "Pittsburgh, PA")
    assert em.metadata["onsite"] is True and em.metadata["month"] == "2016-01"
    assert em.metadata["record_line"] == 2 and {b.line for b in em.blocks} == {6}
    assert line_of(path, '"full_html": "Tallow') == 6
    assert [b.text for b in em.blocks if b.kind == "item"] == [
        "5+ years of software experience", "2+ years managing engineers"]  # <pre> lists kept
    assert em.metadata["skipped_records"] == 2
    # several roles in one post: ONE document, roles listed, title as the poster wrote it
    multi = by_id["1002"]
    assert multi.metadata["roles"] == ["Senior Backend Engineer", "Director of Engineering", "Data Scientist"]
    assert multi.title == "Senior Backend Engineer / Director of Engineering / Data Scientist"
    assert multi.metadata["title_from"] == "roles"
    assert multi.metadata["remote"] is True  # the header says REMOTE although the record's flag is false
    assert by_id["1006"].metadata["remote"] is False  # "no remote" beats the record's flag
    no_role = by_id["1003"]
    assert no_role.metadata["title_from"] == "header" and "roles" not in no_role.metadata
    assert no_role.organization == "Copperline (YC S15)" and no_role.metadata["urls"] == ["https://copperline.example"]
    role, = analyze(multi, "2016-01.json#1002")
    assert role.kind == "job_posting" and role.metadata["roles"][1] == "Director of Engineering"


def test_hn_json_broken_record_is_skipped_and_reading_resumes(write):
    good = {"full_html": "Acme | Engineering Manager | Oslo<p>Lead the team.", "url": "x?id=7"}
    text = json.dumps([good, {"full_html": "Bad"}, {**good, "url": "x?id=9"}], indent=4)
    broken = text.replace('"full_html": "Bad"', '"full_html": "Bad" oops', 1)
    docs = read_path(write("month.json", broken))
    assert [d.fragment for d in docs] == ["7", "9"]
    assert docs[0].metadata["skipped_records"] == 1


def test_one_hn_post_object_is_read_by_the_export_reader(write):
    """Not a list, so not the monthly export: one object with a text field is one posting of the
    generic export reader, its first line read as an HN header."""
    doc, = read_path(write("odd.json", '{"full_html": "Acme | Engineer"}'))
    assert (doc.format, doc.title, doc.organization) == ("records", "Engineer", "Acme")


def test_broken_json_is_a_one_line_read_error(write):
    path = write("odd.json", '{"full_html": "Acme | Engineer"')
    with pytest.raises(ReadError) as info:
        read_path(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("header, company, roles, location, remote", [
    ("Acme | Senior Engineer | Oslo, Norway | REMOTE", "Acme", ["Senior Engineer"], "Oslo, Norway", True),
    ("Site Reliability Engineer | Birchwood Co | Leeds", "Birchwood Co", ["Site Reliability Engineer"], "Leeds",
     None),
    ("Lead Genius | Data Engineer, Backend Engineer | Paris", "Lead Genius", ["Data Engineer", "Backend Engineer"],
     "Paris", None),
    ("Ferro (https://ferro.example) - Madrid - ONSITE, no remote", "Ferro", [], "Madrid", False),
    ("Location: Lagos, Nigeria", None, [], "Lagos, Nigeria", None),
    ("We are a small team looking for our first engineer to help us build things", None, [], None, None),
])
def test_hn_header_fields(header, company, roles, location, remote):
    head = parse_header(header)
    assert (head.company, head.roles, head.location, head.remote) == (company, roles, location, remote)


def test_role_pieces_without_a_role_noun_are_glued_back():
    assert split_roles("Software Engineer, Full Stack") == ["Software Engineer, Full Stack"]
    assert split_roles("Frontend and Backend Engineers") == ["Frontend and Backend Engineers"]
    assert split_roles("UI/UX Designer / Engineering Manager") == ["UI/UX Designer", "Engineering Manager"]


# -- 6. saved HN thread pages ------------------------------------------------------------------

def test_hn_page_top_level_comments_only_with_page_lines():
    path = FIX / "hn_page/march2016.html"
    docs = read_path(path)
    assert [d.fragment for d in docs] == ["2001", "2004"]  # the reply (2002) is not a posting
    director, maps = docs
    assert (director.format, director.title, director.organization) == (
        "hn_page", "Director of Engineering", "Lindenmayer Gardens")
    assert director.metadata["user"] == "lindenmayer"
    assert director.metadata["thread"].startswith("Ask HN: Who is hiring? (March 2016)")
    assert director.metadata["skipped_records"] == 1  # the [deleted] comment
    assert block(director, "3+ years managing managers").line == line_of(path, "3+ years managing managers")
    assert not any("reply" == b.text for b in director.blocks)
    assert maps.metadata["roles"] == ["Frontend Developer", "Mobile Developer"] and maps.metadata["remote"] is True


# -- 3. pythonjobs -------------------------------------------------------------------------------

def test_pythonjobs_front_matter_timestamp_odd_names_and_html_body():
    path = FIX / "pythonjobs/Senior Data Engineer, Leeds"
    doc, = read_path(path)
    assert (doc.format, doc.kind, doc.title, doc.organization) == (
        "pythonjobs", "job_posting", "Senior Data Engineer", "Harrowgate Mills")
    assert doc.metadata["created"] == "2017-03-14" and doc.metadata["tags"] == ["python", "spark"]
    assert block(doc, "4+ years of Python").line == line_of(path, "4+ years of Python")
    html_doc, = read_path(FIX / "pythonjobs/backend_dev.html")  # no opening ---, title in <...>
    assert (html_doc.title, html_doc.organization) == ("Backend Developer", "Pebblestone Games")
    assert [b.text for b in html_doc.blocks if b.kind == "item"] == [
        "Build the leaderboard service in Django", "Keep the build green"]


def test_pythonjobs_broken_yaml_is_read_line_by_line():
    path = FIX / "pythonjobs/broken header.md"
    doc, = read_path(path)
    assert (doc.title, doc.organization) == ("Engineering Team Lead", "Tidewater Instruments")
    assert doc.metadata["contact"] == {"name": "Sam Ruiz", "email": "sam@tidewater.example"}
    assert doc.metadata["created"] == "2018-31-02" and "front_matter_error" in doc.metadata
    assert block(doc, "Lead a team of five").line == line_of(path, "Lead a team of five")


# -- 4. rebase-network ----------------------------------------------------------------------------

def test_rebase_reads_only_raw_source():
    path = FIX / "rebase/77.json"
    doc, = read_path(path)
    assert (doc.format, doc.kind, doc.title, doc.organization) == ("rebase_issue", "job_posting", "后端技术经理", "山岚科技")
    assert (doc.metadata["location"], doc.metadata["salary"], doc.metadata["labels"]) == ("远程", "40-60K",
                                                                                       ["needs-info"])
    text = " ".join(b.text for b in doc.blocks)
    assert "带领 6 人的后端团队" in text
    assert "NOT THE POSTER" not in text and "Somebody Else" not in text and "感谢提交" not in text
    title, *body = doc.blocks
    assert (title.kind, title.level, title.text, title.line) == ("heading", 1, "后端技术经理", line_of(path, '"title"'))
    assert {b.line for b in body} == {line_of(path, '"body"')}


# -- 5. EMSCAD CSV -------------------------------------------------------------------------------

def test_csv_one_posting_per_row_with_flags_cleaning_and_skips():
    path = FIX / "emscad/postings.csv"
    docs = read_path(path)
    assert [d.fragment for d in docs] == ["1", "2", "3", "5"]
    em = docs[0]
    assert (em.format, em.kind, em.title, em.organization) == ("csv_postings", "job_posting", "Engineering Manager",
                                                               None)
    assert em.metadata["fraudulent"] is False and docs[1].metadata["fraudulent"] is True
    assert em.metadata["skipped_records"] == 1 and "the header has 18" in em.metadata["skipped"][0]
    texts = [b.text for b in em.blocks]
    assert "Run planning & retros." in texts  # entity decoded, second line of a multi-line field
    assert [b.text for b in em.blocks if b.kind == "item"] == ["4+ years managing engineers", "Experience with Kotlin"]
    assert "Free ferry rides’ and lunches" in texts  # mojibake repaired
    assert {b.line for b in em.blocks} == {2} and docs[3].metadata["row_line"] == line_of(path, "5,Head of Platform")
    role, = analyze(docs[2], "postings.csv#3")  # a title-only row still makes a role
    assert role.title == "Office Assistant" and role.kind == "job_posting"


# -- 7. JSON-LD JobPosting -----------------------------------------------------------------------

def test_jsonld_single_posting_page():
    path = FIX / "jsonld/engineering-manager.html"
    doc, = read_path(path)
    assert (doc.format, doc.kind, doc.fragment, doc.title, doc.organization) == (
        "jsonld", "job_posting", None, "Engineering Manager, Mobile", "Larkspur Transit")
    meta = doc.metadata
    assert meta["remote"] is True and meta["applicant_location"] == "Canada" and meta["identifier"] == "LT-204"
    assert (meta["salary_currency"], meta["salary_min"], meta["salary_max"], meta["salary_unit"]) == (
        "CAD", 140000, 165000, "YEAR")
    assert block(doc, "Lead the mobile team").line == line_of(path, '"description"')
    headings = [(b.level, b.text) for b in doc.blocks if b.kind == "heading"]
    assert headings == [(1, "Engineering Manager, Mobile"), (0, "What you will do"), (2, "Skills"),
                        (2, "Experience requirements")]


def test_jsonld_graph_with_two_postings_and_a_broken_block():
    path = FIX / "jsonld/two-postings.html"
    vp, sem = read_path(path)
    assert (vp.fragment, vp.title, vp.organization, vp.metadata["location"]) == (
        "se-vp-1", "VP of Engineering", "Saltmarsh Energy", "Aberdeen, GB")
    assert vp.blocks[1].text == "Run an engineering organization of 40 people across four teams."  # &lt;p&gt;
    assert sem.metadata["location"] == "Aberdeen, GB; Oslo, NO"
    assert [b.text for b in sem.blocks[:3]] == ["Senior Engineering Manager", "Manage two engineering managers.",
                                                "Hire for the grid team."]
    assert vp.metadata["skipped_records"] == 1 and "broken JSON-LD" in vp.metadata["skipped"][0]
    assert sem.blocks[0].line == 14


def test_jsonld_page_without_a_posting_is_read_as_html():
    doc, = read_path(FIX / "jsonld/no-posting.html")
    assert doc.format == "html" and doc.kind is None


# -- 8. job-board API records --------------------------------------------------------------------

@pytest.mark.parametrize("name, skipped", [("board.json", 2), ("board.jsonl", 1)])
def test_job_board_records(name, skipped):
    path = FIX / "job_board" / name
    em, director = read_path(path)
    assert (em.format, em.fragment, em.title, em.organization) == ("job_board", "9001", "Engineering Manager",
                                                                   "Quarry Labs")
    assert em.metadata["tags"] == ["management", "go", "remote"] and em.metadata["salary_max"] == 120000
    assert "salary_min" not in director.metadata  # 0 means "not given"
    assert em.metadata["skipped_records"] == skipped
    assert [b.text for b in director.blocks if b.kind == "item"] == [
        "10 years building payment systems", "Experience managing managers"]
    title, *body = director.blocks
    assert (title.kind, title.text) == ("heading", "Director of Engineering")
    if name.endswith(".jsonl"):
        assert {b.line for b in director.blocks} == {3}
    else:
        assert title.line == director.metadata["record_line"] == line_of(path, '"id": 9002') - 1
        assert {b.line for b in body} == {line_of(path, '"description": "You will lead')}


# -- sniffing by content, not by name ------------------------------------------------------------

@pytest.mark.parametrize("fixture, fmt", [
    ("hn/2016-01.json", "hn_json"), ("remotewlb/jobs/Python/2025-02/engineering-manager-payments/README.md",
                                      "remotewlb"),
    ("rebase/77.json", "rebase_issue"), ("emscad/postings.csv", "csv_postings"),
    ("job_board/board.jsonl", "job_board"), ("jsonld/engineering-manager.html", "jsonld"),
    ("hn_page/march2016.html", "hn_page"), ("pythonjobs/backend_dev.html", "pythonjobs"),
])
def test_formats_are_sniffed_by_content_whatever_the_name(tmp_path, fixture, fmt):
    renamed = tmp_path / "posting.txt"
    shutil.copyfile(FIX / fixture, renamed)
    assert {d.format for d in read_path(renamed)} == {fmt}


def test_a_record_failing_a_limit_is_skipped_not_the_file():
    def build(n, record):
        if record[1] == "deep":
            raise LimitError("HTML nests deeper than 200 elements", "f.json", record[0])
        return read_path(FIX / "rebase/77.json")[0]
    skips = Skips()
    docs = list(with_skips([(3, "deep"), (9, "fine")], build, skips, "f.json", "posts"))
    assert len(docs) == 1 and docs[0].metadata["skipped"] == ["line 3: HTML nests deeper than 200 elements"]
    with pytest.raises(ReadError, match="no posts found .1 records skipped; first: line 3"):
        list(with_skips([(3, "deep")], build, Skips(), "f.json", "posts"))


def test_json_array_iteration_gives_record_lines():
    skips = Skips()
    items = list(iter_json_array('[\n  {"a": 1},\n\n  {"a": 2}\n]', "t.json", skips))
    assert [(line, value) for line, value, _, _ in items] == [(2, {"a": 1}), (4, {"a": 2})]
    assert skips.count == 0


# -- the real corpus -----------------------------------------------------------------------------

#: Analyze every N-th document of the corpus (in sorted file order): all files are read,
#: but parse+extract+classify runs on a deterministic 1-in-N sample to keep the test < 60 s.
ANALYZE_EVERY = 25
#: Ceilings for the whole-corpus run: files no reader can read / sampled documents with no role.
MAX_READ_ERRORS = 0
MAX_PARSE_ERROR_SHARE = 0.01
#: Files of the corpus that hold no posting, each named with why: index files (lists and tables of
#: file names), the hn-jobs-data derived files (classifications, counts, trends), two empty exports
#: and one saved HN page that lists stories.
NOT_POSTINGS = 29
NOT_POSTING = "NOT_A_POSTING "


@pytest.fixture(scope="module")
def corpus(postings_dir):
    """Every file under the postings corpus read once: {relative path: list of per-document summaries
    or the one-line ReadError}, plus the outcome of analyzing the 1-in-ANALYZE_EVERY sample."""
    files, analyzed, parse_errors, crashes = {}, 0, [], []
    n = 0
    for path, _ in iter_files([postings_dir]):
        rel = path.relative_to(postings_dir).as_posix()
        try:
            docs = read_path(path)
        except NotPostingError as exc:
            files[rel] = NOT_POSTING + str(exc)
            continue
        except ReadError as exc:
            files[rel] = str(exc)
            continue
        except Exception as exc:  # noqa: BLE001 - recorded so the test names the file
            crashes.append(f"{rel}: {type(exc).__name__}: {exc}")
            continue
        files[rel] = [(d.format, d.kind, d.title, d.organization, d.fragment,
                       {k: d.metadata.get(k) for k in ("roles", "fraudulent", "skipped_records", "issue_title",
                                                       "record_line", "row_line", "job_id")})
                      for d in docs]
        for doc in docs:
            n += 1
            if n % ANALYZE_EVERY:
                continue
            analyzed += 1
            try:
                analyze(doc, rel)
            except ParseError as exc:
                parse_errors.append(str(exc))
            except Exception as exc:  # noqa: BLE001
                crashes.append(f"{rel}#{doc.fragment}: {type(exc).__name__}: {exc}")
    return {"files": files, "analyzed": analyzed, "parse_errors": parse_errors, "crashes": crashes}


def docs_under(corpus, prefix):
    return [d for rel, docs in corpus["files"].items() if rel.startswith(prefix) and isinstance(docs, list)
            for d in docs]


def test_every_corpus_file_reads_without_a_crash(corpus):
    """Every file under ../shared/corpus/postings is read with ``read_path``; a deterministic
    1-in-ANALYZE_EVERY sample of documents also goes through ``pipeline.analyze``. Only one-line
    ReadError/ParseError may happen, under fixed ceilings."""
    assert corpus["crashes"] == []
    errors = [v for v in corpus["files"].values() if isinstance(v, str) and not v.startswith(NOT_POSTING)]
    assert len(errors) <= MAX_READ_ERRORS, errors
    named = [v for v in corpus["files"].values() if isinstance(v, str) and v.startswith(NOT_POSTING)]
    assert len(named) == NOT_POSTINGS, named
    assert all("index of" in v or "not postings" in v or "no records" in v or "no comments" in v for v in named)
    assert all("\n" not in e for e in errors + corpus["parse_errors"])
    assert corpus["analyzed"] > 1500
    assert len(corpus["parse_errors"]) <= MAX_PARSE_ERROR_SHARE * corpus["analyzed"], corpus["parse_errors"][:5]
    total = sum(len(v) for v in corpus["files"].values() if isinstance(v, list))
    assert total > 40_000


def test_corpus_remotewlb_readmes(corpus, postings_dir):
    readmes = {rel: v for rel, v in corpus["files"].items() if rel.endswith("/README.md") and "/jobs/" in rel
               and rel.startswith("RemoteWLB")}
    docs = [d for v in readmes.values() for d in v]
    assert len(docs) == 6672 and {d[0] for d in docs} == {"remotewlb"} and {d[1] for d in docs} == {"job_posting"}
    assert all(d[2] for d in docs)
    unknown = 0
    for rel, (doc,) in readmes.items():
        title_line, company_line = (postings_dir / rel).read_text(encoding="utf-8").split("\n", 2)[:2]
        company = company_line[4:].strip()
        unknown += company == "None"
        assert doc[3] == (company if company not in ("None", "") else None)
        assert doc[2] in title_line
    assert unknown == 688  # "### None": the board did not know the company
    assert corpus["files"]["RemoteWLB__remote-jobs/README.md"][0][0] == "markdown"  # the board's own README
    history = corpus["files"]["RemoteWLB__remote-jobs/_history_not_at_HEAD.leadership_title_subset.jsonl"]
    assert len(history) == 995 and len({d[4] for d in history}) == 995
    assert not history[0][5]["skipped_records"]
    first = json.loads((postings_dir / "RemoteWLB__remote-jobs/_history_not_at_HEAD.leadership_title_subset.jsonl")
                       .read_text(encoding="utf-8").split("\n", 1)[0])
    assert history[0][2] == first["text"].split("](")[0][3:] and history[0][4] == f"{first['path']}@{first['commit']}"


def test_corpus_hn_json_one_document_per_post(corpus, postings_dir):
    folder = "gaganpreet__hn-hiring-mapped/src/web/data/"
    docs = docs_under(corpus, folder)
    assert len(docs) == 28238 and {d[0] for d in docs} == {"hn_json"}
    multi = [d for d in docs if d[5]["roles"] and len(d[5]["roles"]) > 1]
    assert len(multi) > 1000  # many posts list several roles: each stays one document
    assert sum(1 for d in docs if d[3]) > 0.8 * len(docs)  # a company for most posts
    path = postings_dir / folder / "2015-07.json"
    lines = path.read_text(encoding="utf-8").split("\n")
    records = json.loads("\n".join(lines))
    month = corpus["files"][folder + "2015-07.json"]
    assert len(month) == len(records)
    for summary, record in zip(month, records):
        assert summary[4] == record["url"].rsplit("=", 1)[1]
        assert lines[summary[5]["record_line"] - 1].strip() == "{"
    doc = read_path(path)[10]
    assert '"full_html"' in lines[doc.blocks[0].line - 1]


def test_corpus_hn_pages(corpus):
    pages = corpus["files"]
    assert len(pages["oilnam__whereis-whoishiring-hiring/database/resources/pages/072015.txt"]) == 844
    assert len(pages["ceshine__whoishiring/tests/data/dec2012.html"]) == 78
    assert "no comments" in pages["ceshine__whoishiring/tests/data/whoishiring.html"]  # a story list


def test_corpus_pythonjobs_are_postings_with_title_and_company(corpus, postings_dir):
    docs = [d for d in docs_under(corpus, "pythonjobs__jobs/jobs/") if d[0] == "pythonjobs"]
    assert len(docs) >= 250
    assert all(d[1] == "job_posting" and d[3] for d in docs)
    assert sum(1 for d in docs if d[2]) >= len(docs) - 1  # one header names only the company


def test_corpus_rebase_uses_the_posters_title(corpus, postings_dir):
    docs = docs_under(corpus, "rebase-network__who-is-hiring/data/issues/")
    assert len(docs) == 1117 and {d[0] for d in docs} == {"rebase_issue"}
    sample = postings_dir / "rebase-network__who-is-hiring/data/issues/410.json"
    raw = json.loads(sample.read_text(encoding="utf-8"))["raw_source"]
    summary, = corpus["files"]["rebase-network__who-is-hiring/data/issues/410.json"]
    assert summary[5]["issue_title"] == raw["title"]
    assert sum(1 for d in docs if d[3]) > 700  # the organization comes from "… 诚聘/招聘 …" titles


def test_corpus_emscad_rows(corpus, postings_dir):
    rows = corpus["files"]["grv7-deve__fakejobpost/fake_job_postings.csv"]
    assert len(rows) == 3083 and sum(1 for d in rows if d[5]["fraudulent"]) == 856
    lines = (postings_dir / "grv7-deve__fakejobpost/fake_job_postings.csv").read_text(encoding="utf-8").split("\n")
    for d in rows[::250]:
        assert lines[d[5]["row_line"] - 1].startswith(d[4] + ",")


def test_csv_row_lines_count_only_newlines(tmp_path):
    """U+2028 or a form feed inside a field is not a line break: row lines stay inside the file."""
    path = tmp_path / "jobs.csv"
    path.write_text('title,location,description\n"Engineering Manager",Berlin,"Lead\u2028a team\x0c of six"\n'
                    '"Director of Engineering",Paris,"Lead managers"\n', encoding="utf-8")
    docs = read_path(path)
    assert [d.title for d in docs] == ["Engineering Manager", "Director of Engineering"]
    assert all(1 <= b.line <= 3 for d in docs for b in d.blocks)
