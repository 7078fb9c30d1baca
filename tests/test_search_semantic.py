"""Search by meaning where people search: ``careerladder search --semantic`` and the web app's toggle (page,
HTMX partial, JSON twin), on the example build."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from typer.testing import CliRunner

from careerladder.cli import app as cli_app

pytest.importorskip("fastapi", reason="the web app needs the 'web' extra")
from fastapi.testclient import TestClient  # noqa: E402
from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from careerladder.web.app import create_app  # noqa: E402

QUERY = "recruiting bosses"  # the example ladder says "hire the managers", never "recruiting" nor "bosses"


@pytest.fixture(scope="module")
def db(example_build):
    return example_build[0] / "careerladder.db"


def test_cli_semantic_finds_what_words_alone_miss(db):
    runner = CliRunner()
    words = runner.invoke(cli_app, ["search", QUERY, "--db", str(db)])
    assert words.exit_code == 1 and "try --semantic" in words.output
    meaning = runner.invoke(cli_app, ["search", QUERY, "--db", str(db), "--semantic", "-n", "5", "-f", "json"])
    assert meaning.exit_code == 0, meaning.output
    data = json.loads(meaning.output)
    assert data["semantic"] and data["count"] == 5
    assert any(w in r["text"].lower() for r in data["results"] for w in ("hire", "hiring", "recruit")), data
    assert all(0 < r["similarity"] <= 1 for r in data["results"])
    only_em = json.loads(runner.invoke(cli_app, ["search", QUERY, "--db", str(db), "--semantic", "--level", "em",
                                                 "-f", "json"]).output)
    assert {r["level"] for r in only_em["results"]} == {"em"}


def test_web_toggle_page_partial_and_json_twin(db):
    with TestClient(create_app(db)) as client:
        plain = client.get("/api/search", params={"q": QUERY}).json()
        assert plain["count"] == 0 and plain["semantic"] is False
        hybrid = client.get("/api/search", params={"q": QUERY, "semantic": "true"}).json()
        assert hybrid["semantic"] and hybrid["count"] > 0 and hybrid["error"] is None
        assert all(isinstance(r["similarity"], float) for r in hybrid["results"])
        page = client.get("/search", params={"q": QUERY, "semantic": "true"}).text
        box = LexborHTMLParser(page).css_first("#f-semantic")
        assert box is not None and "checked" in box.attributes
        assert "by words and meaning" in page and 'class="tag similarity"' in page
        partial = client.get("/search", params={"q": QUERY, "semantic": "true"}, headers={"HX-Request": "true"})
        assert "<html" not in partial.text and "similarity" in partial.text


def test_a_database_from_before_embeddings_says_how_to_add_them(db, tmp_path):
    old = tmp_path / "old.db"
    shutil.copy(db, old)
    conn = sqlite3.connect(old)
    conn.execute("ALTER TABLE statements DROP COLUMN vector")
    conn.execute("DELETE FROM schema_migrations WHERE version = 6")
    conn.commit()
    conn.close()
    with TestClient(create_app(old)) as client:  # the app opens it read-only
        data = client.get("/api/search", params={"q": QUERY, "semantic": "true"}).json()
        assert data["count"] == 0 and "stored before statement embeddings" in data["error"]
    out = CliRunner().invoke(cli_app, ["search", QUERY, "--db", str(old), "--semantic", "-n", "2"])
    assert out.exit_code == 0 and "migration 6: embedded" in out.output
