"""Fixtures of the ingest tests: a real PostgreSQL server, databases of every
engine, and folders of releases made from the samples."""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
REFERENCE = SAMPLES / "iij_2q_fy2004_results.txt"
PG_USER = "postgres"


# ---------------------------------------------------------------------------
# PostgreSQL: a throw-away cluster on a free loopback port
# ---------------------------------------------------------------------------


def _pg_bin() -> Path | None:
    """The newest /usr/lib/postgresql/<version>/bin holding initdb and pg_ctl (or the PATH's)."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: _version(p.parent.name))
    for folder in reversed(candidates):
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl and Path(initdb).parent == Path(pg_ctl).parent:
        return Path(initdb).parent
    return None


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the ``postgres`` user then."""
    if os.geteuid() != 0:
        return command
    if shutil.which("runuser"):
        return ["runuser", "-u", PG_USER, "--", *command]
    return ["su", PG_USER, "-s", "/bin/sh", "-c", shlex.join(command)]


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(_as_server_user(command), check=True, capture_output=True, text=True, timeout=120, **kwargs)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """SQLAlchemy URL of a database on a PostgreSQL server started for this test session.

    Skips when the PostgreSQL binaries are missing, unless the environment
    variable CI is set: CI must run these tests, so there it fails instead.
    """
    pytest.importorskip("psycopg")
    bin_dir = _pg_bin()
    if bin_dir is None:
        message = "PostgreSQL server binaries (initdb, pg_ctl) not found; .ci/run installs them"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set, so this is an error)")
        pytest.skip(message)
    home = Path(tempfile.mkdtemp(prefix="rp-pg-"))
    data, log = home / "data", home / "server.log"
    if os.geteuid() == 0:
        shutil.chown(home, PG_USER, PG_USER)
        os.chmod(home, 0o700)
    port = _free_port()
    started = False
    try:
        _run([str(bin_dir / "initdb"), "-D", str(data), "-U", PG_USER, "-A", "trust", "-E", "UTF8",
              "--locale=C", "--no-sync"])
        options = (f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start"])
        started = True
        _run([str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", PG_USER, "releases"])
        yield f"postgresql+psycopg://{PG_USER}@127.0.0.1:{port}/releases"
    except subprocess.CalledProcessError as error:
        server_log = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        pytest.fail(f"cannot start PostgreSQL: {' '.join(error.cmd)}: {error.stderr}{server_log}")
    finally:
        if started:
            subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
                           capture_output=True, timeout=120)
        shutil.rmtree(home, ignore_errors=True)


def _reset_postgres(url: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """An empty database of each engine: one test body, every engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'releases.db'}"
    url = request.getfixturevalue("postgres_url")
    _reset_postgres(url)
    return url


# ---------------------------------------------------------------------------
# Folders of releases
# ---------------------------------------------------------------------------


def variant(text: str, number: int) -> str:
    """The reference release with one more paragraph, so its content id differs."""
    return text.rstrip("\n") + f"\n\nDistribution reference {number:05d}.\n"


def _subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= _subclasses(sub)
    return found


@pytest.fixture
def read_errors() -> set[str]:
    """Names of ReadError and its subclasses: what a corrupt or empty file is reported as."""
    from release_parser.errors import ReadError

    return {cls.__name__ for cls in {ReadError, *_subclasses(ReadError)}}


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A folder like an archive: three distinct releases (one nested), a renamed copy,
    a corrupt PDF, an empty file, a golden file and a README to leave alone."""
    folder = tmp_path / "archive"
    nested = folder / "2004" / "q2"
    nested.mkdir(parents=True)
    text = REFERENCE.read_text(encoding="utf-8")
    (folder / "iij_2q04.txt").write_text(text, encoding="utf-8")
    (folder / "iij_2q04_copy.txt").write_text(text, encoding="utf-8")  # renamed duplicate
    (folder / "iij_2q04_v2.txt").write_text(variant(text, 2), encoding="utf-8")
    (nested / "iij_2q04_v3.md").write_text(variant(text, 3), encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage \x00\xff\x13 no xref\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "iij_2q04.txt.golden.json").write_text("{}", encoding="utf-8")
    (folder / "README.md").write_text("# Archive\n\nReleases by quarter.\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text(text, encoding="utf-8")
    return folder


def make_releases(folder: Path, count: int) -> list[Path]:
    """``count`` distinct releases (variants of the reference sample) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    text = REFERENCE.read_text(encoding="utf-8")
    paths = []
    for number in range(count):
        path = folder / f"release_{number:05d}.txt"
        path.write_text(variant(text, number), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def release_factory(tmp_path):
    """Make ``count`` distinct releases in a new folder and return the folder."""
    made = 0

    def factory(count: int, name: str | None = None) -> Path:
        nonlocal made
        made += 1
        folder = tmp_path / (name or f"releases{made}")
        make_releases(folder, count)
        return folder

    return factory

