"""``python -m benchmarks`` (``make bench``): run every benchmark, print its table
and write its numbers to ``benchmarks/results/``."""

from __future__ import annotations

from benchmarks import extract_throughput


def main() -> None:
    extract_throughput.main()


if __name__ == "__main__":
    main()
