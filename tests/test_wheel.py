"""What a user gets from ``pip install``: the wheel is built, installed (not
editable) into a fresh virtual environment, and run from outside the checkout —
``itukg extract`` scores the seed at 1.000, the Python facade answers, ``itukg
ingest`` builds a store and ``itukg serve`` shows an instrument page. The wheel
adds ``itukg`` to site-packages and no generic top-level module."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import httpx
import pytest

from tests.api.live import free_port
from tests.conftest import ROOT

SEED = "corpus/seed/000_0db5f33711737b4f"
GENERIC = ("api", "ingest", "queries", "ontology")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out),
         str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    (found,) = out.glob("itukg-*.whl")
    return found


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    env = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
    subprocess.run(
        [str(env / "bin/pip"), "install", "-q", str(wheel)],
        check=True, capture_output=True,
    )  # fmt: skip
    return env


def _run(
    venv: Path, *args: str, cwd: Path, **kw: object
) -> subprocess.CompletedProcess[str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ITUKG_STORE")
    }
    return subprocess.run(
        [str(venv / "bin" / args[0]), *args[1:]],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300, **kw,  # type: ignore[arg-type]
    )  # fmt: skip


@pytest.mark.slow
def test_wheel_holds_every_part(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/", 1)[0] for n in names if not n.startswith("itukg-")}
    assert tops == {"itukg"}, tops
    for needed in (
        "itukg/cli.py",
        "itukg/__main__.py",
        "itukg/ingest/readers/docx.py",
        "itukg/api/routes/sparql.py",
        "itukg/api/templates/instrument.html",
        "itukg/api/templates/query.html",
        "itukg/api/static/editor.js",
        "itukg/api/static/yasqe/yasqe.min.js",
        "itukg/api/static/yasqe/yasqe.min.css",
        "itukg/api/static/yasqe/LICENSE",
        "itukg/queries/cites.rq",
        "itukg/queries/derive/30-in-force.ru",
        "itukg/queries/internal/counts.rq",
        "itukg/ontology/itu.ttl",
        "itukg/ontology/conferences.ttl",
    ):
        assert needed in names, f"{needed} is not in the wheel"


@pytest.mark.slow
@pytest.mark.shared
def test_installed_wheel_runs_outside_the_checkout(
    venv: Path, shared: Path, tmp_path: Path
) -> None:
    site = next((venv / "lib").glob("python3*/site-packages"))
    assert (site / "itukg").is_dir()
    for name in GENERIC:
        assert not (site / name).exists(), f"the wheel installed a top-level {name}"

    # the contract's records, scored by the team's scorer
    extract = _run(venv, "itukg", "extract", str(shared / f"{SEED}.txt"),
                   "--format", "jsonl", cwd=tmp_path)  # fmt: skip
    assert extract.returncode == 0, extract.stderr
    score = subprocess.run(
        [sys.executable, str(shared / "tools/score-extract"),
         str(shared / f"{SEED}.gold.json"), "--quiet"],
        input=extract.stdout, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "f1=1.000" in score.stdout.replace(" ", "").lower(), score.stdout

    # the facade, and `python -m itukg`
    code = (
        "import itukg, json; print(json.dumps([r.to_dict() for r in itukg."
        "extract_text('recalling Resolution 69 (Hyderabad, 2010) of the WTDC,',"
        " name='note.txt')]))"
    )
    facade = _run(venv, "python", "-c", code, cwd=tmp_path)
    assert facade.returncode == 0, facade.stderr
    assert json.loads(facade.stdout)[0]["target"] == "wtdc/res/69/2010"
    assert "itukg" in _run(venv, "python", "-m", "itukg", "--help", cwd=tmp_path).stdout

    # ingest, then the HTML page of an instrument from `itukg serve`
    store = tmp_path / "store"
    ingest = _run(venv, "itukg", "--store", str(store), "ingest",
                  str(shared / f"{SEED}.txt"), cwd=tmp_path)  # fmt: skip
    assert ingest.returncode == 0, ingest.stderr
    port = free_port()
    proc = subprocess.Popen(
        [str(venv / "bin/itukg"), "--store", str(store), "serve", "--port", str(port),
         "--no-access-log"],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/instruments/pp/res/130/2014"
        deadline = time.monotonic() + 60
        while True:
            try:
                page = httpx.get(url, headers={"Accept": "text/html"}, timeout=10)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "itukg serve did not answer"
                time.sleep(0.3)
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert "Resolution 130" in page.text
        # the editor's and the API documentation's assets come with the package
        site = f"http://127.0.0.1:{port}"
        for asset in ("/static/yasqe/yasqe.min.js", "/static/docs/swagger-ui.css"):
            assert httpx.get(site + asset, timeout=10).status_code == 200, asset
    finally:
        proc.terminate()
        proc.wait(timeout=30)
