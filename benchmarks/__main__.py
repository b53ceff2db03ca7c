"""``python -m benchmarks`` (``make bench``): run every benchmark, print its table
and write its numbers to ``benchmarks/results/``."""

from __future__ import annotations

import os

from benchmarks import api_load, extract_throughput, formats, ingest_throughput, scale


def main() -> None:
    extract_throughput.main()
    print()
    ingest_throughput.main()
    print()
    formats.main()
    print()
    api_load.main()
    print()
    # the graph at scale beside the landed release (ITUKG_BENCH_DOCS="1000 10000")
    sizes = os.environ.get("ITUKG_BENCH_DOCS", "1000").split()
    scale.main([arg for n in sizes for arg in ("--docs", n)])


if __name__ == "__main__":
    main()
