"""The pipeline on Dask: ``ingest --engine dask`` and ``analyze_dataset`` over JSONL/Parquet, on a small
in-process LocalCluster; written to Parquet, SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pg
import pytest
from typer.testing import CliRunner

distributed = pytest.importorskip("distributed", reason="needs the dask extra: pip install 'careerladder[dask]'")
pq = pytest.importorskip("pyarrow.parquet", reason="needs the dask extra (pyarrow)")

from careerladder.cli import app  # noqa: E402
from careerladder.pipeline.distributed import OUTPUT_COLUMNS, analyze_dataset, analyze_record, ingest_dask, write_dataset  # noqa: E402
from careerladder.pipeline import ingest  # noqa: E402
from careerladder.store import open_store  # noqa: E402
from conftest import log_problems  # noqa: E402

#: dask's own Parquet writer calls a pandas method pandas deprecates; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:The inplace keyword")


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) \
            as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture
def inputs(tmp_path, seeds_dir):
    """The seeds plus two documents that cannot become roles (written by us)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in sorted(seeds_dir.iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "shopping.md").write_text("# Shopping list\n\n- bread\n- milk\n")
    (folder / "empty.md").write_text("")
    return folder


def test_ingest_on_dask_stores_what_local_ingest_stores(client, inputs, tmp_path):
    local = ingest([inputs], tmp_path / "local.db", jobs=1, errors_path=tmp_path / "local.log")
    dask = ingest_dask([inputs], tmp_path / "dask.db", client=client, errors_path=tmp_path / "dask.log")
    assert (dask.files, dask.read, dask.stored, dask.no_role, dask.files_failed) == (7, 6, 5, 1, 1)
    assert (local.files, local.read, local.stored) == (dask.files, dask.read, dask.stored)
    assert sorted(log_problems(tmp_path / "dask.log")) == sorted(log_problems(tmp_path / "local.log"))
    assert list(open_store(tmp_path / "dask.db").roles()) == list(open_store(tmp_path / "local.db").roles())
    again = ingest_dask([inputs], tmp_path / "dask.db", client=client, errors_path=tmp_path / "dask.log")
    assert (again.stored, again.skipped) == (0, 5)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_dataset_to_parquet_has_a_row_per_role_and_per_problem(client, inputs, tmp_path, fmt):
    records, problems = write_dataset([inputs], tmp_path / "ds", fmt=fmt, records_per_part=3)
    assert records == 6 and [p.code for p in problems] == ["READ_ERROR"]  # empty.md is not a record
    assert len(list((tmp_path / "ds").glob(f"part-*.{fmt}"))) == 2
    summary = analyze_dataset(tmp_path / "ds", tmp_path / "out.parquet", client=client, blocksize=4096)
    table = pq.read_table(tmp_path / "out.parquet").to_pylist()
    assert set(table[0]) == set(OUTPUT_COLUMNS)
    roles = [r for r in table if r["status"] == "role"]
    assert len(roles) == summary.roles == 5 and summary.no_role == 1
    assert {r["document"] for r in roles} == {p.name for p in inputs.iterdir() if p.name[0].isdigit()}
    shopping, = [r for r in table if r["status"] == "no_role"]
    assert "shopping.md" in shopping["error"] and "NO_ROLE" in shopping["error"]
    assert all(json.loads(r["data"])["id"] == r["role_id"] for r in roles)


def test_dataset_to_sqlite_is_written_by_this_process_and_resumable(client, inputs, tmp_path):
    write_dataset([inputs], tmp_path / "ds")
    db = tmp_path / "x.db"
    first = analyze_dataset(tmp_path / "ds", db, client=client, errors_path=tmp_path / "e.log")
    assert (first.files, first.stored, first.no_role) == (6, 5, 1)
    assert "shopping.md: NO_ROLE" in (tmp_path / "e.log").read_text()
    second = analyze_dataset(tmp_path / "ds", db, client=client, errors_path=tmp_path / "e.log")
    assert (second.stored, second.skipped) == (0, 5)
    assert open_store(db).counts()["documents"] == 5


def test_dataset_to_postgresql_is_written_by_the_workers(client, inputs, tmp_path):
    url = pg.database_url()
    write_dataset([inputs], tmp_path / "ds", fmt="parquet")
    summary = analyze_dataset(tmp_path / "ds", url, client=client, errors_path=tmp_path / "e.log")
    assert (summary.stored, summary.roles, summary.no_role) == (5, 5, 1)
    store = open_store(url)
    assert store.counts()["roles"] == 5 and store.search("engineering")
    again = analyze_dataset(tmp_path / "ds", url, client=client, errors_path=tmp_path / "e.log")
    assert (again.stored, again.skipped) == (0, 5)


def test_a_record_without_text_is_one_problem():
    result = analyze_record({"id": "x", "source": "x.json"})
    assert [str(p) for p in result.problems] == ["x.json: READ_ERROR record has no text"]


def test_cli_ingest_engine_dask_with_a_scheduler_address(client, inputs, tmp_path):
    db = tmp_path / "x.db"
    result = CliRunner().invoke(app, ["ingest", str(inputs), "--db", str(db), "--engine", "dask",
                                      "--scheduler", client.scheduler.address, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stored"] == 5


def test_dask_runs_the_analysis_with_the_model_it_is_given(client, inputs, tmp_path):
    from careerladder.leveling import MODEL_PATH, Leveler
    from careerladder.pipeline import Analyzer

    model = Leveler.load(MODEL_PATH)
    model.trained_on_ = "a copy for the tests"
    model.save(tmp_path / "model.json")
    analyzer = Analyzer(leveling_model=tmp_path / "model.json")
    first = ingest_dask([inputs], tmp_path / "d.db", client=client, errors_path=tmp_path / "d.log")
    again = ingest_dask([inputs], tmp_path / "d.db", client=client, errors_path=tmp_path / "d.log", analyzer=analyzer)
    assert first.stored == 5 and again.reanalyzed == 5 and again.failed == 0
    store = open_store(tmp_path / "d.db")
    versions = {record.analysis_version for record, _ in store.documents()}
    assert versions == {analyzer.version}
