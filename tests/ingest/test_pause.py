"""The collector is paused for one document and resumed after it."""

from __future__ import annotations

import gc

import pytest

from itukg.ingest import extract_text
from itukg.ingest.pause import collector_paused


def test_paused_inside_and_resumed_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: still paused, and not resumed early
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_resumed_after_an_error_and_left_off_when_off() -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # whoever turned it off turns it on
    finally:
        gc.enable()


def test_extraction_leaves_the_collector_on() -> None:
    extract_text("Resolution 71 (Rev. Dubai, 2018) of the Plenipotentiary Conference")
    assert gc.isenabled()
