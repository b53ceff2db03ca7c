"""The ``itukg`` command is assembled in ``itukg.cli`` from ``itukg.commands``, and
its errors are mapped once, by the group: every command that reaches a store
turns a store it cannot reach into one stderr line and exit status 2, and no
command module maps errors itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from itukg.cli import main
from tests.api.live import free_port
from tests.conftest import ROOT

COMMANDS = ROOT / "itukg" / "commands"

STORE_COMMANDS = [
    ["ingest", str(ROOT / "examples" / "pp22-doc61-add2-eur.txt")],
    ["remove", "pp/res/130/2014"],
    ["query", "cites", "--param", "key=pp/res/130/2014"],
    ["sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"],
    ["export", "--format", "nq"],
    ["lineage", "pp/res/130"],
]


@pytest.mark.parametrize("args", STORE_COMMANDS, ids=[a[0] for a in STORE_COMMANDS])
def test_a_store_that_cannot_be_reached_is_one_line_and_exit_2(
    args: list[str],
) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    result = CliRunner().invoke(main, ["--store", url, *args])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"itukg: {url}: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr


def test_serve_refuses_a_missing_store_before_it_starts(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "none"), "serve"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"itukg: {tmp_path / 'none'}: no store there (build it with "
        "`itukg ingest`, or give --store)\n"
    )


def test_only_the_errors_module_maps_errors_to_exit_2() -> None:
    modules = [*COMMANDS.glob("*.py"), ROOT / "itukg" / "cli.py"]
    modules.append(ROOT / "itukg" / "lineage_command.py")
    mapping = [p.name for p in modules if "sys.exit(2)" in p.read_text()]
    assert mapping == ["errors.py"]


def test_every_command_comes_from_a_command_module() -> None:
    for name, command in main.commands.items():
        module = command.callback.__module__ if command.callback else ""
        assert module.startswith("itukg.commands.") or module == (
            "itukg.lineage_command"
        ), f"itukg {name} is defined in {module}"
