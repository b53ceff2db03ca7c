"""The build: everything is in pyproject.toml but the extension modules.

mypyc compiles the modules that read every character of a document on its way to
records (finding, resolving, segmenting, rendering the views): extraction takes
four fifths of the pure-Python time (3.7 against 4.6 CPU s on the 32 MB corpus of
benchmarks/extract_throughput.py). They are the same sources as the pure-Python
package, which is what installs when mypyc is missing or ``ITUKG_PURE=1`` is set.
The compiled modules and the library they share install inside ``itukg.ingest``
(its group name), so the wheel adds no top-level module.

An editable install (``make``, ``pip install -e``) builds them next to the
sources, where they shadow the ``.py`` files: after editing one of these modules,
install again (``make`` does, when they change); tests/test_compiled.py fails
while a compiled module is older than its source."""

from __future__ import annotations

import os

from setuptools import Extension, setup

# The extraction modules, by name under ingest/ (itukg/ingest in a checkout).
COMPILED = (
    "extract",
    "find",
    "grammar",
    "identify",
    "lists",
    "mandates",
    "mentions",
    "paragraphs",
    "recommendations",
    "references",
    "relines",
    "resolutions",
    "resolve",
    "structure",
    "surroundings",
    "unga",
    "versions",
    "views",
)


def extensions() -> list[Extension]:
    """The compiled modules; none when mypyc is missing or ITUKG_PURE is set."""
    if os.environ.get("ITUKG_PURE"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        return []
    # No config file: the build environment lacks the runtime dependencies, which
    # mypy then takes as Any (the strict check is `make lint`'s, with them).
    options = ["--config-file=", "--ignore-missing-imports", "--python-version=3.11"]
    paths = [f"itukg/ingest/{name}.py" for name in COMPILED]
    return mypycify(options + paths, group_name="itukg.ingest", opt_level="3")


setup(ext_modules=extensions())
