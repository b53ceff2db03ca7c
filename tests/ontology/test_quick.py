"""``quick``: the same frozen dataclass, made faster."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest

from itukg.ontology.quick import quick


@quick
@dataclass(frozen=True)
class _Record:
    name: str
    start: int
    tags: tuple[str, ...] = ()
    seen: list[int] = field(default_factory=list)


@quick
@dataclass(frozen=True)
class _Pair:
    name: str
    start: int


@dataclass(frozen=True)
class _Plain:
    name: str
    start: int
    tags: tuple[str, ...] = ()
    seen: list[int] = field(default_factory=list)


def test_same_values_as_the_dataclass_init() -> None:
    for args, kwargs in [(("a", 1), {}), (("a", 1, ("x",)), {"seen": [2]})]:
        q, p = _Record(*args, **kwargs), _Plain(*args, **kwargs)  # type: ignore[arg-type]
        assert dataclasses.asdict(q) == dataclasses.asdict(p)
    assert _Record(name="a", start=1) == _Record("a", 1)
    assert hash(_Pair("a", 1)) == hash(_Pair("a", 1)) == hash(("a", 1))
    assert _Record("a", 1).seen is not _Record("a", 1).seen  # a list each


def test_still_frozen_and_a_dataclass() -> None:
    r = _Record("a", 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.name = "b"  # type: ignore[misc]
    assert dataclasses.replace(r, start=2) == _Record("a", 2)
    assert pickle.loads(pickle.dumps(r)) == r
    assert repr(r) == "_Record(name='a', start=1, tags=(), seen=[])"
    with pytest.raises(TypeError):
        _Record("a")  # type: ignore[call-arg]


def test_refuses_what_it_cannot_make() -> None:
    @dataclass
    class Mutable:
        x: int

    with pytest.raises(TypeError):
        quick(Mutable)
