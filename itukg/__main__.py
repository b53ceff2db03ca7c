"""``python -m itukg``: the ``itukg`` command."""

from itukg.cli import main

main(prog_name="itukg")
