"""The README stays in step with the code: every command is documented, every
documented command exists, and the two set-up commands are Makefile targets."""

from __future__ import annotations

import re

from click.testing import CliRunner

from itukg.cli import main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text()


def test_every_command_is_documented_and_every_documented_command_exists() -> None:
    documented = set(re.findall(r"^\| `itukg (\w+)", README, re.M))
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
        assert choice in README


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
