"""``itukg lineage WORK``: how a work's paragraphs changed between consecutive
versions the store holds (design/contract.md section 4), from the named query
``lineage``; ``modified`` records carry the words inserted and deleted. Its errors
are mapped by the ``itukg`` group (``itukg.commands.errors``)."""

from __future__ import annotations

import json
from typing import Any

import click

from itukg.commands.context import read_store
from itukg.ingest.lineage import word_diff
from itukg.ingest.models import Lineage
from itukg.queries import run_query


def lineage_records(
    store: Any, work: str, base: str, versions: tuple[str | None, str | None]
) -> list[Lineage]:
    """The lineage records of ``work`` (optionally from / to given versions)."""
    out = []
    for r in run_query(store, "lineage", {"work": work}, base).records():
        if versions[0] and r["from_version"] != versions[0]:
            continue
        if versions[1] and r["to_version"] != versions[1]:
            continue
        status = str(r["status"])
        diff: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
        if status == "modified":
            diff = word_diff(str(r["from_text"] or ""), str(r["to_text"] or ""))
        out.append(
            Lineage(
                work=str(r["work_key"]),
                from_version=str(r["from_version"]),
                to_version=str(r["to_version"]),
                section=None if r["section"] is None else str(r["section"]),
                from_paragraph=_label(r["from_paragraph"]),
                to_paragraph=_label(r["to_paragraph"]),
                status=status,
                inserted=diff[0],
                deleted=diff[1],
            )
        )
    return out


def _label(value: object) -> str | None:
    return None if value is None else str(value)


def _row(r: Lineage) -> str:
    change = ""
    if r.status == "modified":
        change = " +[" + " | ".join(r.inserted) + "] -[" + " | ".join(r.deleted) + "]"
    return (
        f"{r.from_version:<18} {r.to_version:<18} {(r.section or '')[:40]:<40} "
        f"{r.from_paragraph or '-':>5} -> {r.to_paragraph or '-':<5} {r.status}"
        f"{change[:120]}"
    )


@click.command()
@click.argument("work")
@click.option("--from", "from_", default=None, help="Only from this version key.")
@click.option("--to", default=None, help="Only to this version key.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="jsonl: one JSON record per line (design/contract.md section 4).",
)
@click.pass_context
def lineage(
    ctx: click.Context, work: str, from_: str | None, to: str | None, fmt: str
) -> None:
    """Print how the paragraphs of WORK (a work key such as pp/res/130) changed
    between consecutive versions held in the store: kept, modified, moved, added
    or deleted (the two views of a proposal count as two versions)."""
    store = read_store(ctx)
    records = lineage_records(store, work, ctx.obj["base"], (from_, to))
    for r in records:
        jsonl = json.dumps(r.to_json(), ensure_ascii=False)
        click.echo(jsonl if fmt == "jsonl" else _row(r))
