"""The docs stay in step with the code: every command is in docs/cli.md and every
documented command exists, every route of the service is in docs/http.md, every
named query in docs/graph.md; the README's links resolve, its Python example runs
and its two set-up commands are Makefile targets."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from click.testing import CliRunner

from itukg.api.app import create_app
from itukg.api.config import Settings
from itukg.cli import main
from itukg.queries import list_queries
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text()
DOCS = {p.name: p.read_text() for p in (ROOT / "docs").glob("*.md")}


def test_every_command_is_documented_and_every_documented_command_exists() -> None:
    documented = set(re.findall(r"^\| `itukg (\w+)", DOCS["cli.md"], re.M))
    assert documented == set(main.commands)


def test_command_help_works_and_has_a_summary() -> None:
    runner = CliRunner()
    for name, command in main.commands.items():
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, result.output
        assert command.help, f"itukg {name} has no help text"


def test_extract_formats_are_documented() -> None:
    extract = main.commands["extract"]
    fmt = next(p for p in extract.params if p.name == "fmt")
    for choice in fmt.type.choices:  # type: ignore[attr-defined]
        assert choice in DOCS["cli.md"]


def test_every_named_query_is_documented() -> None:
    for q in list_queries():
        assert f"`{q.name}`" in DOCS["graph.md"], f"{q.name} is not in docs/graph.md"


def test_every_route_is_documented() -> None:
    app = create_app(Settings(store=str(ROOT / "no-store")))
    paths = {
        getattr(r, "path", "")
        for r in app.routes
        if getattr(r, "include_in_schema", False)
    }
    documented = DOCS["http.md"]
    for path in sorted(paths):
        assert (
            f"`{path}" in documented
            or f" {path}`" in documented
            or (path.split("{")[0].rstrip("/") + "/" in documented)
        ), f"{path} is not in docs/http.md"


def test_readme_links_resolve() -> None:
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        assert (ROOT / target).is_file(), f"README links to missing {target}"


def test_readme_python_example_runs() -> None:
    (code,) = re.findall(r"```python\n(.*?)```", README, re.S)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("wtdc/res/69/2010\n"), done.stdout


def test_two_setup_commands_are_makefile_targets() -> None:
    block = re.search(r"## Set up and run.*?```sh\n(.*?)```", README, re.S)
    assert block is not None
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines()]
    commands = [c for c in commands if c]
    assert commands == ["make run", "make test"]
    makefile = (ROOT / "Makefile").read_text()
    for c in commands:
        assert re.search(rf"^{c.split()[1]}:", makefile, re.M)
    assert "make test" in (ROOT / ".ci/run").read_text()
