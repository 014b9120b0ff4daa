"""How a bulk move is reported: who moved, who did not and why, in text or JSON."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text

from wixsites.cli.errors import CommandFailed, Interrupted
from wixsites.cli.output import Output

if TYPE_CHECKING:
    from wixsites import MoveReport

__all__ = ["move_payload", "plural", "show_interrupted_report", "show_move_report"]


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun if count == 1 else noun + 's'}"


def move_payload(report: MoveReport, target_path: str, kind: str) -> dict[str, Any]:
    return {
        "kind": kind,
        "target": report.target or "",
        "target_path": target_path,
        "ok": report.ok,
        "moved": list(report.moved),
        "failed": dict(report.failed),
        "uncertain": dict(report.uncertain),
        "requests": report.requests,
    }


def show_move_report(
    output: Output,
    report: MoveReport,
    *,
    target_path: str,
    kind: str = "site",
    extra: dict[str, Any] | None = None,
) -> None:
    """Print the report; raise `CommandFailed` (exit status 1) if anything failed to move or may
    not have."""
    if output.json:
        output.emit_json({**move_payload(report, target_path, kind), **(extra or {})})
    else:
        output.show(
            Text.assemble(
                ("Moved " if report.moved else "Nothing moved", "bold"),
                plural(len(report.moved), kind) if report.moved else "",
                f" to {target_path}" if report.moved else "",
                f" ({plural(report.requests, 'request')})." if report.requests else ".",
            )
        )
        if report.failed:
            output.show(_failures(report.failed, kind))
        if report.uncertain:
            output.show(_failures(report.uncertain, kind, title="May have moved"))
    if report.failed or report.uncertain:
        total = len(report.moved) + len(report.failed) + len(report.uncertain)
        unsure = f", {len(report.uncertain):,} may have moved" if report.uncertain else ""
        raise CommandFailed(
            f"{len(report.failed):,} of {plural(total, kind)} not moved{unsure}"
            + ("" if output.json else " (listed above)")
        )


def show_interrupted_report(
    output: Output,
    report: MoveReport,
    *,
    target_path: str,
    kind: str,
    extra: dict[str, Any] | None = None,
) -> None:
    """The partial report of a move stopped by Ctrl-C; raise `Interrupted` (exit status 130)."""
    uncertain = len(report.uncertain)
    with contextlib.suppress(CommandFailed):  # the report is printed; the status is 130
        show_move_report(
            output,
            report,
            target_path=target_path,
            kind=kind,
            extra={**(extra or {}), "interrupted": True},
        )
    total = len(report.moved) + len(report.failed) + len(report.uncertain)
    raise Interrupted(
        f"interrupted: {len(report.moved):,} of {plural(total, kind)} moved"
        + (f", {uncertain:,} may have (their request was in flight)" if uncertain else "")
        + "; moving is idempotent: run the same command again to finish"
    )


def _failures(failed: dict[str, str], kind: str, title: str = "Not moved") -> Table:
    table = Table(title=f"{title} ({len(failed):,})", title_justify="left", header_style="bold")
    table.add_column(f"{kind} id", no_wrap=True)
    table.add_column("reason", style="red")
    for item_id, reason in failed.items():
        table.add_row(Text(item_id), Text(reason))
    return table


def id_list(ids: Sequence[str]) -> str:
    return ", ".join(ids[:5]) + (f" and {len(ids) - 5:,} more" if len(ids) > 5 else "")
