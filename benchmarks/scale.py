"""The graph at scale (issue 12), beside the landed release: for a corpus (the
shared one, or one of ``benchmarks.corpus``), ingest time and peak RSS, store size
(MB on disk per MB of text), service start time (until an instrument lookup
answers) and RSS, and p50/p99 of every named query (for the most cited
instruments) and of the uncached lookups, through the real HTTP service.

``python -m benchmarks.scale --docs 1000 [--docs 10000] [--release /tmp/old]``
(``python -m benchmarks`` runs 1,000); numbers go to
``benchmarks/results/scale-<N>.json``. The release is a checkout of an earlier
commit run from the same virtualenv (``PYTHONPATH``); whatever it cannot do
within the time limits is written as such, not waited for."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]

from benchmarks.corpus import write_corpus
from benchmarks.store_bytes import disk_bytes
from itukg.ontology.keys import parse_key

RESULTS = Path(__file__).resolve().parent / "results"
SHARED = Path(os.environ.get("ITUKG_SHARED", "/work/shared"))
LIMIT = 10.0  # seconds: a request past this is recorded as "timeout"
BUDGET = 120.0  # seconds for all the lookups of one service (then it stops)
READY_LIMIT = 120.0  # seconds to wait for a service to answer a lookup
LOOKUPS = ("", "/cites", "/cited-by", "/versions", "/supersedes", "/superseded-by",
           "/amendments")  # fmt: skip


@dataclass(frozen=True)
class Impl:
    """How to run one implementation's ``itukg`` command."""

    name: str
    command: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = ()
    cwd: str | None = None  # a release runs from its checkout (its own packages)

    def run(self, *args: str) -> list[str]:
        return [*self.command, *args]

    def environ(self) -> dict[str, str]:
        return {**os.environ, "ITUKG_CACHE_SIZE": "0", **dict(self.env)}


CURRENT = Impl("itukg", (sys.executable, "-m", "itukg"))


def release(path: str) -> Impl:
    code = "from ingest.cli import main; main()"
    env = (("PYTHONPATH", path),)
    return Impl("release 3f21cbc", (sys.executable, "-c", code), env, path)


@dataclass
class Peak:
    """The peak RSS of a process and its children, sampled every 0.1 s."""

    pid: int
    mb: float = 0.0
    stop: threading.Event = field(default_factory=threading.Event)
    cap_mb: float = 6000.0  # past this the process is killed (a shared machine)
    capped: bool = False

    def sample(self) -> float:
        try:
            root = psutil.Process(self.pid)
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            return 0.0
        total = 0
        for p in procs:
            with contextlib.suppress(psutil.Error):
                total += p.memory_info().rss
        return total / 2**20

    def watch(self) -> None:
        while not self.stop.wait(0.1):
            self.mb = max(self.mb, self.sample())
            if self.mb > self.cap_mb and not self.capped:
                self.capped = True
                with contextlib.suppress(psutil.Error):
                    for p in psutil.Process(self.pid).children(recursive=True):
                        p.kill()
                    psutil.Process(self.pid).kill()


def du(path: Path) -> float:
    """MB (2**20 bytes) of the files under ``path``, each inode once: the
    snapshots' tables are hard links to the store's, counted with the store;
    a superseded snapshot's own files count until it is pruned."""
    return disk_bytes(path) / 2**20


def settled_mb(store: Path) -> float:
    """MB of the store's own files (its snapshots left out) once RocksDB has
    merged the bulk loader's files, as it does when the store is next opened
    for writing (``Store.optimize()`` does that merge at once): the merged
    levels are not compressed, so the store grows."""
    code = "import sys, pyoxigraph as ox; ox.Store(sys.argv[1]).optimize()"
    subprocess.run([sys.executable, "-c", code, str(store)], check=True)
    files = [p for p in store.iterdir() if p.is_file()]
    return round(sum(p.stat().st_size for p in files) / 2**20, 1)


def ingest(impl: Impl, corpus: Path, store: Path, limit: float) -> dict[str, Any]:
    """Ingest time, peak RSS and store size (or the time it was stopped at)."""
    start = time.monotonic()
    proc = subprocess.Popen(
        impl.run("--store", str(store), "ingest", str(corpus)),
        env=impl.environ(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        cwd=impl.cwd,
    )  # fmt: skip
    peak = Peak(proc.pid)
    threading.Thread(target=peak.watch, daemon=True).start()
    try:
        proc.wait(limit)
        status = "ok" if proc.returncode in (0, 1) else f"exit {proc.returncode}"
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        status = f"stopped after {limit:g} s"
    peak.stop.set()
    if peak.capped:
        status = f"killed past {peak.cap_mb:g} MB"
    elif status == "ok" and not du(store):  # exit 1 with nothing written: it failed
        errors = (
            proc.stderr.read().decode(errors="replace").strip() if proc.stderr else ""
        )
        status = "failed: " + (errors.splitlines() or ["no store written"])[-1][:200]
    return {
        "status": status,
        "seconds": round(time.monotonic() - start, 1),
        "peak_rss_mb": round(peak.mb),
        "store_mb": round(du(store), 1),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def get(url: str, limit: float = LIMIT) -> tuple[int, float]:
    """Status and seconds of one GET (status 0: no answer within the limit)."""
    start = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=limit) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except (urllib.error.URLError, OSError):
        status = 0
    return status, time.monotonic() - start


def percentiles(seconds: list[float]) -> dict[str, float | None]:
    if not seconds:
        return {"p50_ms": None, "p99_ms": None}
    ordered = sorted(seconds)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p99_ms": round(p99 * 1000, 1),
    }


@dataclass(frozen=True)
class Targets:
    """What the queries and lookups ask about: the most cited instruments."""

    top: tuple[str, ...]  # version keys, most cited first
    citing: str  # an instrument that cites the most cited one
    proposer: str  # a document that proposes amendments


def targets(store: Path) -> Targets:
    """Read in the current implementation's store (opened read-only)."""
    from itukg.ontology.store import open_store
    from itukg.queries import run_query

    s = open_store(str(store), read_only=True)
    cited = run_query(s, "most-cited").records()
    top = tuple(str(r["target"]) for r in cited if str(r["target"]).count("/") >= 3)
    edges = run_query(s, "cited-by", {"key": top[0]}).records()
    citing = next(str(r["source"]) for r in edges if r["source"] != top[0])
    docs = [str(r["graph"]) for r in run_query(s, "documents").records()]
    proposer = next(
        (d for d in docs if run_query(s, "amendments-proposed-by", {"key": d}).rows),
        docs[0],
    )
    return Targets(top[:10], citing, proposer)


def query_urls(base: str, t: Targets) -> dict[str, str]:
    """Each named query (report) with its parameters, as a URL of the service."""
    from itukg.ontology.keys import work_of
    from itukg.queries import list_queries

    out = {}
    for q in list_queries("report"):
        top = t.top[0]
        values = {"key": top, "from": t.citing, "to": top, "instrument": top}
        values["work"] = work_of(top)
        if q.name == "amendments-proposed-by":
            values["key"] = t.proposer
        # any other parameter (an addressee …): the example its header gives
        params = {p.name: values.get(p.name) or p.example or "" for p in q.params}
        out[q.name] = f"{base}/queries/{q.name}?" + urllib.parse.urlencode(params)
    return out


def timed(url: str, runs: int) -> dict[str, Any]:
    """p50/p99 of ``runs`` GETs; stops at the first failure or timeout."""
    seconds: list[float] = []
    for _ in range(runs):
        status, s = get(url)
        if status != 200:
            return {"status": status or "timeout", **percentiles(seconds)}
        seconds.append(s)
    return {"status": 200, **percentiles(seconds)}


def lookups(base: str, t: Targets, page: str = "?limit=1000") -> dict[str, Any]:
    """Every lookup route for each of the most cited instruments, and search;
    ``page`` the paging asked for (the longest page by default; "" for the
    service's default page, what a client that follows ``next`` gets first)."""
    by_route: dict[str, list[float]] = {}
    failed: Counter[str] = Counter()
    start = time.monotonic()
    for key in t.top:
        if time.monotonic() - start > BUDGET:
            failed["not run: past the budget"] += 1
            continue
        parsed = parse_key(key)  # a version key's work aggregates its versions
        work = [str(parsed.work)] if parsed.is_version else []
        for k in [key, *work]:
            for route in LOOKUPS:
                status, s = get(f"{base}/instruments/{k}{route}{page}")
                name = f"/instruments/{{key}}{route}"
                if status == 200:
                    by_route.setdefault(name, []).append(s)
                else:
                    failed[name] += 1
        status, s = get(f"{base}/search?q=" + urllib.parse.quote(key.replace("/", " ")))
        if status == 200:
            by_route.setdefault("/search", []).append(s)
    every = [s for v in by_route.values() for s in v]
    return {
        "all": {"count": len(every), **percentiles(every)},
        "routes": {k: percentiles(v) for k, v in by_route.items()},
        "failed": dict(failed),
    }


def wait_ready(base: str, key: str, proc: subprocess.Popen[bytes]) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < READY_LIMIT:
        if proc.poll() is not None:
            return None
        status, _ = get(f"{base}/instruments/{key}", 5)
        if status == 200:
            return round(time.monotonic() - start, 2)
        time.sleep(0.1)
    return None


def service(impl: Impl, store: Path, t: Targets, runs: int) -> dict[str, Any]:
    """Start, lookups, queries, RSS and stop of one implementation's service."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        impl.run("--store", str(store), "serve", "--port", str(port),
                 "--no-access-log"),
        env=impl.environ(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        cwd=impl.cwd,
    )  # fmt: skip
    peak = Peak(proc.pid)
    threading.Thread(target=peak.watch, daemon=True).start()
    try:
        out = _measure(base, t, runs, proc, peak)
    finally:  # the service stops whatever a measurement raised
        out_stop = _stop(proc)
        peak.stop.set()
    out["sigterm_stop_s"] = out_stop
    return out


def _measure(
    base: str, t: Targets, runs: int, proc: subprocess.Popen[bytes], peak: Peak
) -> dict[str, Any]:
    out: dict[str, Any] = {"ready_s": wait_ready(base, t.top[0], proc)}
    out["rss_ready_mb"] = round(peak.sample())
    if out["ready_s"] is not None:
        out["lookups"] = lookups(base, t)
        out["lookups_default_page"] = lookups(base, t, "")
        out["queries"] = {n: timed(u, runs) for n, u in query_urls(base, t).items()}
    out["rss_peak_mb"] = round(peak.mb)
    out["killed_past_mb"] = peak.cap_mb if peak.capped else None
    return out


def _stop(proc: subprocess.Popen[bytes]) -> float | None:
    """SIGTERM, then the seconds the service took to stop (None: it was killed)."""
    start = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(30)
        return round(time.monotonic() - start, 2)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return None


def stop_while_starting(impl: Impl, store: Path, after: float = 0.5) -> float | None:
    """Seconds a service takes to stop on SIGTERM sent ``after`` s into its start."""
    port = free_port()
    proc = subprocess.Popen(
        impl.run("--store", str(store), "serve", "--port", str(port)),
        env=impl.environ(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        cwd=impl.cwd,
    )  # fmt: skip
    time.sleep(after)
    return _stop(proc)


def corpus(docs: int, work: Path) -> tuple[Path, float]:
    """The corpus folder and its MB of text: the shared corpus for 0 documents,
    else a generated one (kept in ``work`` between runs)."""
    if docs == 0:
        from itukg.ingest.sources import document_files, read_document

        folders = [SHARED / "corpus" / "seed", SHARED / "corpus" / "real"]
        files = list(document_files(folders))
        chars = 0
        for f in files:
            with contextlib.suppress(Exception):  # ingest names it; size skips it
                chars += len(read_document(f).text)
        return SHARED / "corpus", chars / 1e6
    folder = work / f"c{docs}"
    if not (folder / "done").exists():
        write_corpus(folder, docs, seed=1)
        (folder / "done").write_text("")
    chars = sum(
        json.loads(g.read_text()).get("chars", 0) for g in folder.glob("*.gold.json")
    )
    return folder, chars / 1e6


def measure(docs: int, impls: list[Impl], work: Path, runs: int) -> dict[str, Any]:
    folder, text_mb = corpus(docs, work)
    out: dict[str, Any] = {"documents": docs or "shared corpus", "text_mb": text_mb}
    stores = {impl.name: work / f"store-{docs}-{i}" for i, impl in enumerate(impls)}
    limit = 300 + docs * 0.5
    for impl in impls:
        store = stores[impl.name]
        subprocess.run(["rm", "-rf", str(store)], check=True)
        result = ingest(impl, folder, store, limit)
        result["store_mb_per_text_mb"] = round(result["store_mb"] / text_mb, 1)
        out[impl.name] = {"ingest": result}
        print(impl.name, "ingest", result, flush=True)  # noqa: T201
    t = targets(stores[CURRENT.name])
    out["targets"] = t.__dict__
    for impl in impls:
        if out[impl.name]["ingest"]["status"] != "ok":
            continue
        out[impl.name]["service"] = service(impl, stores[impl.name], t, runs)
        out[impl.name]["service"]["sigterm_while_starting_s"] = stop_while_starting(
            impl, stores[impl.name]
        )
        print(impl.name, "service", json.dumps(out[impl.name]["service"])[:400])  # noqa: T201
        # last: the merge changes the store the service read
        settled = settled_mb(stores[impl.name])
        out[impl.name]["ingest"]["store_mb_settled"] = settled
        out[impl.name]["ingest"]["store_mb_per_text_mb_settled"] = round(
            settled / text_mb, 1
        )
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale")
    parser.add_argument("--docs", type=int, action="append",
                        help="generated documents (0: the shared corpus)")  # fmt: skip
    parser.add_argument("--release", default="/tmp/old",
                        help="the landed release's checkout ('' skips it)")  # fmt: skip
    work = Path(tempfile.gettempdir()) / "itukg-scale"
    parser.add_argument("--work", type=Path, default=work)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    impls = [CURRENT] + ([release(args.release)] if args.release else [])
    args.work.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(exist_ok=True)
    for docs in args.docs or [1000]:
        result = measure(docs, impls, args.work, args.runs)
        name = f"scale-{docs or 'shared'}.json"
        (RESULTS / name).write_text(json.dumps(result, indent=1) + "\n")
    done = [json.loads(p.read_text()) for p in sorted(RESULTS.glob("scale-*.json"))]
    done.sort(key=lambda r: r["documents"] if isinstance(r["documents"], int) else 31)
    table = render(done)
    (RESULTS / "scale.md").write_text(table)
    print(table)  # noqa: T201


def render(results: list[dict[str, Any]]) -> str:
    """One Markdown table per corpus: each figure beside the release's."""
    out = []
    for r in results:
        names = [k for k in r if isinstance(r[k], dict) and "ingest" in r[k]]
        out += [f"### {r['documents']} documents ({r['text_mb']:.2f} MB of text)", ""]
        out += [
            "| figure | " + " | ".join(names) + " |",
            "|---" * (len(names) + 1) + "|",
        ]
        rows = [
            ("ingest status", ("ingest", "status")),
            ("ingest s", ("ingest", "seconds")),
            ("ingest peak RSS MB", ("ingest", "peak_rss_mb")),
            ("store MB per MB of text", ("ingest", "store_mb_per_text_mb")),
            (
                "store MB per MB of text, settled (next opened for writing)",
                ("ingest", "store_mb_per_text_mb_settled"),
            ),
            ("service ready s", ("service", "ready_s")),
            ("service RSS MB (peak)", ("service", "rss_peak_mb")),
            ("lookups p50 / p99 ms", ("service", "lookups", "all")),
            (
                "lookups, default page, p50 / p99 ms",
                ("service", "lookups_default_page", "all"),
            ),  # fmt: skip
            ("SIGTERM while starting s", ("service", "sigterm_while_starting_s")),
        ]
        queries = sorted(
            {q for n in names for q in r[n].get("service", {}).get("queries", {})}
        )
        rows += [(f"`{q}` p50 / p99 ms", ("service", "queries", q)) for q in queries]
        for label, path in rows:
            cells = []
            for n in names:
                v: Any = r[n]
                for step in path:
                    v = v.get(step) if isinstance(v, dict) else None
                if isinstance(v, dict):
                    status = v.get("status", 200)
                    cell = f"{v.get('p50_ms')} / {v.get('p99_ms')}"
                    cells.append(cell if status == 200 else f"{status}")
                else:
                    cells.append("—" if v is None else str(v))
            out.append(f"| {label} | " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    main()
