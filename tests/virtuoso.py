"""A real Virtuoso for the tests: Debian's ``virtuoso-t`` on 127.0.0.1, two free
ports (SQL and HTTP), its own database in a temporary folder, SPARQL update
granted to the endpoint's ``SPARQL`` user by ``isql-vt`` once it answers; stopped
(and its folder left to pytest) at the end. See ``docs/scaling.md``."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

VIRTUOSO = shutil.which("virtuoso-t") or "/usr/bin/virtuoso-t"
ISQL = shutil.which("isql-vt") or "/usr/bin/isql-vt"
STARTUP = 60.0  # seconds to wait for a server to answer

# Everything in ``folder``; no plugins, no VAD; checkpoints only at shutdown;
# results up to a million rows (the default 10,000 would cut a dump short).
INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
MaxCheckpointRemap = 2000
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
DirsAllowed = ., {folder}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2
MaxClientConnections = 10

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 0
MaxQueryCostEstimationTime = 0
"""

# the endpoint runs as the SQL user SPARQL, which may only read by default
SETUP = 'GRANT SPARQL_UPDATE TO "SPARQL";'


def available() -> bool:
    return Path(VIRTUOSO).is_file() and Path(ISQL).is_file()


@dataclass(frozen=True)
class Virtuoso:
    proc: subprocess.Popen[bytes]
    url: str  # the SPARQL endpoint, http://127.0.0.1:PORT/sparql
    sql_port: int
    folder: Path

    def isql(self, *statements: str) -> str:
        """Run SQL statements as dba (the fresh database's password)."""
        run = subprocess.run(
            [ISQL, f"127.0.0.1:{self.sql_port}", "dba", "dba",
             "exec=" + " ".join(statements)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        if run.returncode != 0 or "*** Error" in run.stdout:
            raise RuntimeError(f"isql-vt: {run.stdout}{run.stderr}")
        return run.stdout

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def start(
    folder: Path, sql_port: int, http_port: int, max_rows: int = 1_000_000
) -> Virtuoso:
    """A fresh Virtuoso in ``folder``, answering SPARQL updates at its URL, its
    answers cut at ``max_rows`` rows (ResultSetMaxRows)."""
    folder.mkdir(parents=True, exist_ok=True)
    ini = folder / "virtuoso.ini"
    ini.write_text(
        INI.format(
            folder=folder, sql_port=sql_port, http_port=http_port, max_rows=max_rows
        )
    )
    log = (folder / "stdout.log").open("wb")
    proc = subprocess.Popen(
        [VIRTUOSO, "+foreground", "+configfile", str(ini)],
        cwd=folder, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    log.close()
    server = Virtuoso(proc, f"http://127.0.0.1:{http_port}/sparql", sql_port, folder)
    try:
        _wait_until_up(server)
        server.isql(SETUP)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_until_up(server: Virtuoso) -> None:
    ask = urllib.parse.urlencode({"query": "ASK { }"})
    deadline = time.monotonic() + STARTUP
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            log = (server.folder / "virtuoso.log").read_text(errors="replace")
            code = server.proc.returncode
            raise RuntimeError(f"virtuoso-t exited with {code}: {log}")
        try:
            with urllib.request.urlopen(f"{server.url}?{ask}", timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"virtuoso-t did not answer at {server.url} within {STARTUP} s")
