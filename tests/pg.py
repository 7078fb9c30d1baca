"""A throwaway PostgreSQL cluster for the tests (initdb + pg_ctl on a free port in a temporary folder).

``database_url()`` starts the cluster on first use (once per test process; stopped at exit) and
returns the URL of a new, empty database. When PostgreSQL cannot be used — no server binaries
(``scripts/test`` installs Debian's ``postgresql`` when it runs as root), no psycopg, running as
root without a ``postgres`` user, or the server fails to start — it calls ``pytest.skip`` with the
reason, so the SQLite half of every backend-parametrized test still runs.
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

#: Seconds to wait for the server to accept connections.
START_TIMEOUT = 60


@dataclass
class Cluster:
    """A running server: its data folder, port, and how to run its binaries as its owner."""

    bin_dir: Path
    root: Path
    port: int
    as_user: list[str]

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def stop(self) -> None:
        subprocess.run([*self.as_user, str(self.bin_dir / "pg_ctl"), "-D", str(self.root / "data"), "-m",
                        "immediate", "-w", "stop"], capture_output=True, check=False)
        shutil.rmtree(self.root, ignore_errors=True)


_state: dict[str, object] = {}
_names = itertools.count(1)


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start() -> Cluster:
    """Start a cluster or raise RuntimeError saying why it cannot be."""
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise RuntimeError("psycopg is not installed (pip install 'careerladder[postgres]')") from exc
    bin_dir = _bin_dir()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL server binaries (initdb); scripts/test installs Debian's postgresql "
                           "when run as root")
    root = Path(tempfile.mkdtemp(prefix="careerladder-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root: run the server as the postgres user
        runuser = shutil.which("runuser")
        try:
            import pwd
            owner = pwd.getpwnam("postgres")
        except KeyError as exc:
            raise RuntimeError("running as root and there is no 'postgres' user to own the cluster") from exc
        if runuser is None:
            raise RuntimeError("running as root and runuser is missing")
        os.chown(root, owner.pw_uid, owner.pw_gid)
        as_user = [runuser, "-u", "postgres", "--"]
    port = _free_port()
    cluster = Cluster(bin_dir, root, port, as_user)
    data = root / "data"
    run = subprocess.run([*as_user, str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                          "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"],
                         capture_output=True, text=True, check=False)
    if run.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"initdb failed: {(run.stderr or run.stdout).strip().splitlines()[-1:]}")
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " \
              "-c full_page_writes=off -c max_connections=50"
    run = subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"),
                          "-o", options, "-w", "-t", str(START_TIMEOUT), "start"],
                         capture_output=True, text=True, check=False)
    if run.returncode != 0:
        log = (root / "server.log").read_text(errors="replace") if (root / "server.log").exists() else ""
        cluster.stop()
        raise RuntimeError(f"pg_ctl start failed: {(log or run.stderr).strip().splitlines()[-1:]}")
    atexit.register(cluster.stop)
    return cluster


def cluster() -> Cluster:
    """The running test cluster (started on first call); ``pytest.skip`` with the reason when impossible."""
    if "cluster" not in _state and "error" not in _state:
        try:
            _state["cluster"] = _start()
        except (RuntimeError, OSError) as exc:
            _state["error"] = str(exc)
    if "error" in _state:
        pytest.skip(f"PostgreSQL unavailable: {_state['error']}")
    return _state["cluster"]  # type: ignore[return-value]


def database_url() -> str:
    """URL of a new, empty database in the test cluster (skips when PostgreSQL is unavailable)."""
    import psycopg

    c = cluster()
    name = f"t{os.getpid()}_{next(_names)}"
    with psycopg.connect(c.url(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return c.url(name)


def store_url(backend: str, tmp_path: Path) -> str:
    """A fresh database of ``backend`` ("sqlite" or "postgresql") as a URL ``open_store`` accepts."""
    if backend == "sqlite":
        return str(tmp_path / "careerladder.db")
    return database_url()
