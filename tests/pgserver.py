"""A throwaway PostgreSQL server on loopback for the store tests.

Uses Debian's ``postgresql`` packages (``scripts/system-deps.sh`` installs them in CI).
As root the server runs as the ``postgres`` user, which initdb requires; as any
other user it runs as that user. ``start_postgres`` returns a reason string instead
of a server when PostgreSQL cannot be started, so the caller can ``pytest.skip`` it.
"""

from __future__ import annotations

import atexit
import glob
import itertools
import logging
import os
import re
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)


def _pg_bin(name: str) -> str | None:
    # Debian keeps the server binaries out of PATH; take the newest installed version.
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                   key=lambda p: [int(x) for x in re.findall(r"\d+", p)])
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """A running server; ``new_database(name)`` gives the URL of a fresh empty database."""

    def __init__(self, datadir: Path, port: int, run_as: list[str]):
        self.datadir = datadir
        self.port = port
        self._run_as = run_as
        self._names: set[str] = set()
        self._counter = itertools.count(1)
        self._stopped = False

    @property
    def admin_url(self) -> str:
        return f"postgresql://storyline@127.0.0.1:{self.port}/postgres"

    def new_database(self, name: str = "t") -> str:
        import psycopg

        base = re.sub(r"[^a-z0-9_]+", "_", name.lower()).strip("_")[:40] or "t"
        db = f"t_{base}"
        while db in self._names:  # pytest reuses short tmp names across parametrised tests
            db = f"t_{base}_{next(self._counter)}"
        self._names.add(db)
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{db}"')
            conn.execute(f'CREATE DATABASE "{db}"')
        return f"postgresql://storyline@127.0.0.1:{self.port}/{db}"

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        subprocess.run([*self._run_as, _pg_bin("pg_ctl") or "pg_ctl", "-D", str(self.datadir), "-m", "immediate",
                        "-w", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.datadir, ignore_errors=True)


def start_postgres(directory: str | os.PathLike[str] | None = None) -> PostgresServer | str:
    """Start a server listening on 127.0.0.1 only; a str return is why it could not start.

    ``directory`` is a hint for where temporary files may go; the data directory
    itself is created under the system temp folder because, as root, it must be
    reachable and owned by the ``postgres`` user (pytest's folders are private to root).
    """
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        return "PostgreSQL is not installed (apt-get install postgresql; scripts/system-deps.sh does it)"
    run_as: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        runuser = shutil.which("runuser")
        try:
            import pwd

            pw = pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run the server as"
        if not runuser:
            return "running as root and runuser is missing, so the server cannot run as 'postgres'"
        run_as = [runuser, "-u", "postgres", "--"]
    datadir = Path(tempfile.mkdtemp(prefix="storyline-pg-"))
    if run_as:
        os.chown(datadir, pw.pw_uid, pw.pw_gid)
    try:
        r = subprocess.run([*run_as, initdb, "-D", str(datadir), "-A", "trust", "-U", "storyline", "--no-sync",
                            "-E", "UTF8", "--locale=C"], capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            shutil.rmtree(datadir, ignore_errors=True)
            return f"initdb failed: {r.stderr.strip()[-300:]}"
        last = ""
        for _ in range(3):  # the free port may be taken between choosing and binding it
            port = _free_port()
            # Tests need no durability: fsync off makes each CREATE DATABASE and commit cheap.
            opts = (f"-p {port} -k {datadir} -c listen_addresses=127.0.0.1 -c fsync=off "
                    "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50")
            r = subprocess.run([*run_as, pg_ctl, "-D", str(datadir), "-o", opts, "-l", str(datadir / "log"),
                                "-w", "-t", "60", "start"], capture_output=True, text=True, timeout=90)
            if r.returncode == 0:
                server = PostgresServer(datadir, port, run_as)
                atexit.register(server.stop)
                return server
            last = (datadir / "log").read_text(errors="replace")[-300:] if (datadir / "log").exists() else r.stderr
        shutil.rmtree(datadir, ignore_errors=True)
        return f"PostgreSQL did not start: {last.strip()}"
    except (OSError, subprocess.SubprocessError) as exc:
        shutil.rmtree(datadir, ignore_errors=True)
        return f"PostgreSQL could not be started: {exc}"
