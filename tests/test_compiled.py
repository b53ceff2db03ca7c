"""The extraction modules mypyc compiles (setup.py): an editable install builds
them next to their sources, which they shadow, so none may be older than its
source, and each is the module imported."""

from __future__ import annotations

import importlib

from tests.conftest import ROOT

INGEST = ROOT / "ingest"


def _compiled() -> list[str]:
    """The modules of ingest/ built next to their sources (none in a pure install)."""
    return sorted(so.name.split(".")[0] for so in INGEST.glob("*.so"))


def test_no_compiled_module_is_older_than_its_source() -> None:
    stale = [
        name
        for name in _compiled()
        if next(INGEST.glob(f"{name}.*.so")).stat().st_mtime
        < (INGEST / f"{name}.py").stat().st_mtime
    ]
    assert not stale, (
        f"compiled before their last edit: {stale}; run make (pip install -e .)"
    )


def test_each_compiled_module_is_the_one_imported() -> None:
    for name in _compiled():
        module = importlib.import_module(f"itukg.ingest.{name}")
        assert str(module.__file__).endswith(".so"), name
