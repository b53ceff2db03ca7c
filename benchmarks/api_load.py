"""The cites lookup under load, beside the same SPARQL sent to Oxigraph's server.

One store is built from the seed document and ``examples/`` in a temporary folder
(the real pipeline). Two read-only servers run on 127.0.0.1 over that folder:

- ours: ``itukg serve --workers WORKERS --no-access-log``, asked for
  ``GET /instruments/pp/res/130/2014/cites`` (JSON), twice: as served (its lookup
  cache on: the store is a read-only snapshot, so repeated lookups are answered
  from memory) and with the cache off (``ITUKG_CACHE_SIZE=0``: every request
  runs the named query), so that the comparison with Oxigraph, which runs the
  query every time, is also like for like;
- Oxigraph: ``oxigraph serve-read-only --union-default-graph``, asked for
  ``GET /query?query=…`` with the text of the named query ``cites`` bound to
  ``pp/res/130/2014`` exactly as ``run_query`` sends it (SPARQL results JSON).

Both answer the same 49 citations; the benchmark checks that first. The load
generator is wrk (Debian's ``wrk``): ``DURATION`` seconds per server after a
short warm-up, ``CONNECTIONS`` connections over ``THREADS`` threads, and
``--latency`` for the percentiles. The table gives both request rates, both p99
latencies and their ratios; the numbers go to ``benchmarks/results/api.json``.
Without wrk the benchmark says so and measures nothing.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph as ox

from itukg.ingest.pipeline import ingest_paths
from itukg.ontology.iri import DEFAULT_BASE
from itukg.ontology.store import open_store
from itukg.queries import get_query
from itukg.queries.run import bind

REPO = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results" / "api.json"
SEED = "corpus/seed/000_0db5f33711737b4f.txt"
KEY = "pp/res/130/2014"
WORKERS = 2
THREADS = 2
CONNECTIONS = 4
WARMUP = 2
DURATION = 10
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Load:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


@dataclass(frozen=True)
class Result:
    key: str
    rows: int
    ours: Load  # as served: lookup cache on
    ours_uncached: Load  # cache off: the query runs for every request
    oxigraph: Load
    rate_ratio: float  # ours / Oxigraph
    p99_ratio: float  # ours / Oxigraph
    uncached_rate_ratio: float
    uncached_p99_ratio: float
    workers: int
    connections: int
    threads: int
    seconds: int
    python: str
    machine: str
    cpus: int | None


# ---------------------------------------------------------------- set-up


def shared_dir() -> Path:
    return Path(os.environ.get("ITUKG_SHARED") or REPO.parent / "shared")


def build_store(folder: Path) -> Path:
    inputs = sorted(
        p
        for p in (REPO / "examples").iterdir()
        if p.is_file() and not p.name.endswith(".gold.json")
    )
    seed = shared_dir() / SEED
    if seed.is_file():
        inputs.append(seed)
    store = open_store(str(folder))
    summary = ingest_paths(store, inputs)
    if summary.failed:
        raise SystemExit(f"api_load: ingest failed: {summary.errors}")
    store.close()
    del store
    gc.collect()
    return folder


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_for(url: str, proc: subprocess.Popen[bytes], headers: dict[str, str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"api_load: server exited ({proc.args})")
        try:
            req = urllib.request.Request(url, headers=headers)
            with urllib.request.urlopen(req, timeout=5) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"api_load: no answer from {url}")


def fetch(url: str, headers: dict[str, str]) -> bytes:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as r:
        body: bytes = r.read()
        return body


def cites_sparql() -> str:
    """The text ``run_query(store, "cites", {"key": KEY})`` sends."""
    term = ox.NamedNode(DEFAULT_BASE + KEY)
    return f"BASE <{DEFAULT_BASE}>\n" + bind(get_query("cites").text, {"key": term})


# ---------------------------------------------------------------- wrk

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    if m is None:
        raise ValueError(f"not a wrk latency: {text!r}")
    return float(m.group(1)) * _UNITS[m.group(2)]


def parse_wrk(out: str) -> Load:
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    total = re.search(r"(\d+) requests in", out)
    if not (rate and p50 and p99 and total):
        raise SystemExit(f"api_load: cannot read wrk's output:\n{out}")
    errors = sum(
        int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out)
    )
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors += int(non2xx.group(1)) if non2xx else 0
    return Load(
        requests_per_s=round(float(rate.group(1)), 1),
        p50_ms=round(_ms(p50.group(1)), 2),
        p99_ms=round(_ms(p99.group(1)), 2),
        requests=int(total.group(1)),
        errors=errors,
    )


def wrk(wrk_bin: str, url: str, accept: str, seconds: int) -> Load:
    args = [
        wrk_bin, f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency",
        "-H", f"Accept: {accept}", url,
    ]  # fmt: skip
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return parse_wrk(out)


# ---------------------------------------------------------------- run


def serve(cmd: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    quiet = subprocess.DEVNULL
    return subprocess.Popen(cmd, stdout=quiet, stderr=quiet, env=env)


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


def load_ours(wrk_bin: str, store: Path, cache: bool) -> tuple[Load, int]:
    port = free_port()
    cmd = [
        str(BIN / "itukg"), "--store", str(store), "serve", "--host", "127.0.0.1",
        "--port", str(port), "--workers", str(WORKERS), "--no-access-log",
    ]  # fmt: skip
    env = {**os.environ, "ITUKG_CACHE_SIZE": "1024" if cache else "0"}
    url = f"http://127.0.0.1:{port}/instruments/{KEY}/cites"
    accept = {"Accept": "application/json"}
    proc = serve(cmd, env)
    try:
        wait_for(url, proc, accept)
        rows = int(json.loads(fetch(url, accept))["total"])
        wrk(wrk_bin, url, accept["Accept"], WARMUP)
        return wrk(wrk_bin, url, accept["Accept"], DURATION), rows
    finally:
        stop(proc)


def load_oxigraph(wrk_bin: str, store: Path) -> tuple[Load, int]:
    port = free_port()
    cmd = [
        str(BIN / "oxigraph"), "serve-read-only", "--location", str(store),
        "--bind", f"127.0.0.1:{port}", "--union-default-graph",
    ]  # fmt: skip
    url = f"http://127.0.0.1:{port}/query?query={urllib.parse.quote(cites_sparql())}"
    accept = {"Accept": "application/sparql-results+json"}
    proc = serve(cmd)
    try:
        wait_for(url, proc, accept)
        rows = len(json.loads(fetch(url, accept))["results"]["bindings"])
        wrk(wrk_bin, url, accept["Accept"], WARMUP)
        return wrk(wrk_bin, url, accept["Accept"], DURATION), rows
    finally:
        stop(proc)


def measure(wrk_bin: str, store: Path) -> Result:
    """One server at a time, so that each has the machine to itself."""
    ours, rows = load_ours(wrk_bin, store, cache=True)
    uncached, rows_uncached = load_ours(wrk_bin, store, cache=False)
    oxi, ox_rows = load_oxigraph(wrk_bin, store)
    if not rows == rows_uncached == ox_rows:
        raise SystemExit(f"api_load: {rows} rows from us, {ox_rows} from Oxigraph")
    return Result(
        key=KEY,
        rows=rows,
        ours=ours,
        ours_uncached=uncached,
        oxigraph=oxi,
        rate_ratio=round(ours.requests_per_s / oxi.requests_per_s, 3),
        p99_ratio=round(ours.p99_ms / oxi.p99_ms, 3),
        uncached_rate_ratio=round(uncached.requests_per_s / oxi.requests_per_s, 3),
        uncached_p99_ratio=round(uncached.p99_ms / oxi.p99_ms, 3),
        workers=WORKERS,
        connections=CONNECTIONS,
        threads=THREADS,
        seconds=DURATION,
        python=platform.python_version(),
        machine=platform.machine(),
        cpus=os.cpu_count(),
    )


def table(r: Result) -> str:
    loads = (
        (f"ours  GET /instruments/{r.key}/cites", r.ours),
        ("ours, lookup cache off", r.ours_uncached),
        ("oxigraph  GET /query (same SPARQL)", r.oxigraph),
    )
    rows = [
        f"{'':<44} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}",
        *(
            f"{name:<44} {load.requests_per_s:>9.1f} {load.p50_ms:>8.2f} "
            f"{load.p99_ms:>8.2f} {load.errors:>7}"
            for name, load in loads
        ),
        f"ours/oxigraph: rate {r.rate_ratio:.3f}, p99 {r.p99_ratio:.3f}; "
        f"cache off: rate {r.uncached_rate_ratio:.3f}, p99 {r.uncached_p99_ratio:.3f}"
        " (aim: rate >= 0.25, our p99 < 20 ms)",
        f"{r.rows} rows; wrk -t{r.threads} -c{r.connections} -d{r.seconds}s; "
        f"ours with {r.workers} uvicorn workers; {r.cpus} cpus",
    ]
    return "\n".join(rows)


def main() -> None:
    print("api load: cites lookup beside Oxigraph's server")
    wrk_bin = shutil.which("wrk")
    if wrk_bin is None:
        print("skipped: wrk is not installed (Debian package wrk; `make bench` "
              "installs it when run as root)")  # fmt: skip
        return
    if not (BIN / "oxigraph").exists():
        print("skipped: the oxigraph server is not installed (pip install oxigraph)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        result = measure(wrk_bin, build_store(Path(tmp) / "store"))
    print(table(result))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(asdict(result), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
