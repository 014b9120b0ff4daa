"""How a bulk move (or its dry run) is reported, at any scale.

Every id gets an outcome (``moved``, ``failed``, ``uncertain``, ``would-move``, ``already-there``,
``would-fail``... any string) and a reason. The terminal gets counts by outcome and reason with the
first `SHOWN_IDS` ids of each; ``--report FILE`` (``.json`` or ``.csv``) gets every id; ``--json``
on standard output gets the whole report.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text

from wixsites.cli.cells import dumps, write_csv
from wixsites.cli.errors import InputError, Interrupted, Partial
from wixsites.cli.output import Output

if TYPE_CHECKING:
    from wixsites import MoveReport

__all__ = [
    "SHOWN_IDS",
    "Outcome",
    "check_report_path",
    "doing",
    "move_outcomes",
    "move_payload",
    "plural",
    "show_dry_run",
    "show_interrupted_report",
    "show_move_dry_run",
    "show_move_report",
    "show_outcomes",
    "write_report",
]

SHOWN_IDS = 20
_CSV_HEADER = ("id", "outcome", "reason")
REPORT_SUFFIXES = (".json", ".csv")
_STYLES = {
    "moved": "green",
    "would-move": "green",
    "trashed": "green",
    "would-trash": "green",
    "failed": "red",
    "would-fail": "red",
}


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun if count == 1 else noun + 's'}"


@dataclass(frozen=True, slots=True)
class Outcome:
    id: str
    outcome: str
    reason: str = ""


def check_report_path(path: str | None) -> str | None:
    """Refuse, before any request, a report file that could not be written."""
    if path is None:
        return None
    file = Path(path)
    if file.suffix.lower() not in REPORT_SUFFIXES:
        raise InputError(f"--report {path}: the file name must end in .json or .csv")
    if file.is_dir() or not file.parent.is_dir():
        raise InputError(f"--report {path}: not a file in an existing directory")
    return path


def move_outcomes(report: MoveReport, *, done: str = "moved") -> list[Outcome]:
    """Every id of a move report with its outcome: `done` (moved, or trashed), uncertain (its
    request was in flight when interrupted, or its answer was lost and could not be read back) or
    failed."""
    rows = [Outcome(i, done) for i in report.moved]
    rows += [Outcome(i, "uncertain", r) for i, r in report.uncertain.items()]
    rows += [Outcome(i, "failed", r) for i, r in report.failed.items()]
    return rows


def write_report(
    path: str, rows: Iterable[Outcome], header: Mapping[str, Any], output: Output
) -> None:
    """Every row to `path`: CSV ``id,outcome,reason``, or JSON ``{...header, "items": [...]}``;
    every text cleaned as `output` cleans it."""
    rows = list(rows)
    with Path(path).open("w", encoding="utf-8", newline="") as stream:
        if path.lower().endswith(".csv"):
            write_csv(
                stream, _CSV_HEADER, ((r.id, r.outcome, r.reason) for r in rows), output.clean
            )
        else:
            items = [
                {"id": output.clean(r.id), "outcome": r.outcome, "reason": output.clean(r.reason)}
                for r in rows
            ]
            stream.write(dumps({**header, "items": items}) + "\n")


def show_outcomes(output: Output, rows: Sequence[Outcome], kind: str) -> None:
    """Counts by outcome and reason, each with its first `SHOWN_IDS` ids (on standard output)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        groups.setdefault((row.outcome, row.reason), []).append(row.id)
    for (outcome, reason), ids in groups.items():
        head = Text.assemble(
            (f"{outcome}", f"bold {_STYLES.get(outcome, 'yellow')}"),
            f": {plural(len(ids), kind)}",
            f" ({output.clean(reason)})" if reason else "",
        )
        output.show(head)
        for item in ids[:SHOWN_IDS]:
            output.line(f"  {item}")
        if len(ids) > SHOWN_IDS:
            output.line(f"  ... and {len(ids) - SHOWN_IDS:,} more")


def move_payload(
    report: MoveReport, target_path: str, kind: str, verb: str = "moved"
) -> dict[str, Any]:
    """The JSON of a move report (common.json's moveReport): the SDK's own `to_dict()`, with the
    `kind` of what moved and the target's path; a trash's (`verb` ``trashed``: trashReport) has
    no target folder."""
    data = report.to_dict()
    if verb == "moved":
        where = {"targetFolderId": data.pop("targetFolderId"), "targetPath": target_path}
        return {"kind": kind, **where, **data}
    return {"kind": kind, **data}


def show_move_report(
    output: Output,
    report: MoveReport,
    *,
    target_path: str,
    kind: str = "site",
    extra: dict[str, Any] | None = None,
    report_file: str | None = None,
    verb: str = "moved",
) -> None:
    """Print the report (and write `report_file`); raise `Partial` (exit status 3) if
    anything did not move. `verb` names what happened to the ids (``trashed`` for the trash)."""
    payload = {**move_payload(report, target_path, kind, verb), **(extra or {})}
    rows = move_outcomes(report, done=verb)
    if report_file:
        write_report(report_file, rows, _header(payload), output)
    if output.format == "json":
        output.emit_json(payload)
    elif output.format == "ids":
        for item in report.moved:
            output.line(item)
    elif output.format == "csv":
        _csv(output, rows)
    else:
        where = f" to {output.clean(target_path)}" if verb == "moved" else ""
        output.show(
            Text.assemble(
                (f"{verb.capitalize()} " if report.moved else f"Nothing {verb}", "bold"),
                plural(len(report.moved), kind) if report.moved else "",
                where if report.moved else "",
                f" ({plural(report.requests, 'request')})." if report.requests else ".",
            )
        )
        show_outcomes(output, rows, kind)
        if report_file:
            output.info(f"Every {kind} id with its outcome: {report_file}")
    not_moved = len(rows) - len(report.moved)
    if not_moved:
        unsure = f", {len(report.uncertain):,} of them may have {verb}" if report.uncertain else ""
        raise Partial(
            f"{not_moved:,} of {plural(len(rows), kind)} not {verb}{unsure}"
            + (f" (every id is in {report_file})" if report_file else "")
        )


def _header(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The scalars of a payload: the report file's own items replace its id lists."""
    return {k: v for k, v in payload.items() if not isinstance(v, list | dict)}


def _csv(output: Output, rows: Iterable[Outcome]) -> None:
    write_csv(sys.stdout, _CSV_HEADER, ((r.id, r.outcome, r.reason) for r in rows), output.clean)


def show_dry_run(
    output: Output,
    rows: Sequence[Outcome],
    payload: dict[str, Any],
    *,
    kind: str,
    summary: str,
    report_file: str | None,
    selected: str = "would-move",
) -> None:
    """Print a dry run's outcomes (would-move, already-there, would-fail...) in the chosen format;
    ``--format ids`` prints the ids of the `selected` outcome."""
    if report_file:
        write_report(report_file, rows, _header(payload), output)
    if output.format == "json":
        output.emit_json(payload)
    elif output.format == "ids":
        for row in rows:
            if row.outcome == selected:
                output.line(row.id)
    elif output.format == "csv":
        _csv(output, rows)
    else:
        output.show(Text.assemble(("Dry run: ", "bold"), output.clean(summary)))
        show_outcomes(output, rows, kind)


def show_move_dry_run(
    output: Output,
    rows: Sequence[Outcome],
    *,
    kind: str,
    target_id: str,
    target_path: str,
    batch: int,
    report_file: str | None,
) -> None:
    """A move's dry run from each id's outcome (would-move, already-there, would-fail), as
    docs/schemas/common.json's moveDryRun says; `batch` ids go in one request."""
    would_move = [r.id for r in rows if r.outcome == "would-move"]
    requests = -(-len(would_move) // batch)
    payload = {
        "dryRun": True,
        "kind": kind,
        "targetFolderId": target_id,
        "targetPath": target_path,
        "wouldMove": would_move,
        "alreadyThere": [r.id for r in rows if r.outcome == "already-there"],
        "wouldFail": {r.id: r.reason for r in rows if r.outcome == "would-fail"},
        "requests": requests,
    }
    show_dry_run(
        output,
        rows,
        payload,
        kind=kind,
        summary=f"would move {plural(len(would_move), kind)} to {target_path} "
        f"in {plural(requests, 'request')}; nothing was moved.",
        report_file=report_file,
    )


def show_interrupted_report(
    output: Output,
    report: MoveReport,
    *,
    target_path: str,
    kind: str,
    extra: dict[str, Any] | None = None,
    report_file: str | None = None,
    verb: str = "moved",
) -> None:
    """The partial report of a move stopped by Ctrl-C; raise `Interrupted` (exit status 130)."""
    rows = move_outcomes(report, done=verb)
    uncertain = sum(1 for row in rows if row.outcome == "uncertain")
    with contextlib.suppress(Partial):  # the report is printed; the status is 130
        show_move_report(
            output,
            report,
            target_path=target_path,
            kind=kind,
            extra={**(extra or {}), "interrupted": True},
            report_file=report_file,
            verb=verb,
        )
    raise Interrupted(
        f"interrupted: {len(report.moved):,} of {plural(len(rows), kind)} {verb}"
        + (f", {uncertain:,} may have (their request was in flight)" if uncertain else "")
        + f"; {doing(verb)} is idempotent: run the same command again to finish"
    )


def doing(verb: str) -> str:
    """The activity of a past participle: moved -> moving, trashed -> trashing."""
    return verb.removesuffix("d").removesuffix("e") + "ing"


def id_list(ids: Sequence[str]) -> str:
    return ", ".join(ids[:5]) + (f" and {len(ids) - 5:,} more" if len(ids) > 5 else "")
