"""``python -m benchmarks`` (``make bench``): run every benchmark, print its table
and write its numbers to ``benchmarks/results/``."""

from __future__ import annotations

from benchmarks import api_load, extract_throughput, formats, ingest_throughput


def main() -> None:
    extract_throughput.main()
    print()
    ingest_throughput.main()
    print()
    formats.main()
    print()
    api_load.main()


if __name__ == "__main__":
    main()
