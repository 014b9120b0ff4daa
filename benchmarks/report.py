"""One row of a benchmark, the machine it ran on, and the table and JSON that `python -m benchmarks` prints."""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Row:
    name: str
    value: float
    unit: str
    baseline: float | None  # the same figure for the baseline, measured in the same run
    baseline_name: str = ""
    goal: str = ""

    @property
    def ratio(self) -> float | None:
        return None if not self.baseline else self.value / self.baseline

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": self.ratio}


def machine() -> dict[str, Any]:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
        if subprocess.run(
            ["git", "status", "--porcelain"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip():
            commit += " (with uncommitted changes)"
    except (OSError, subprocess.SubprocessError):
        commit = "unknown"
    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "implementation": sys.implementation.name,
        "platform": platform.platform(),
        "commit": commit,
    }


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.3g}"


def table(rows: list[Row]) -> str:
    width = max([len(r.name) for r in rows] + [10])
    lines = [
        f"{'figure':<{width}}  {'value':>12} {'unit':<8} {'baseline':>12}  {'ratio':>7}  baseline / goal"
    ]
    for r in rows:
        ratio = "" if r.ratio is None else f"{r.ratio:.2f}x"
        note = " / ".join(x for x in (r.baseline_name, r.goal) if x)
        lines.append(
            f"{r.name:<{width}}  {_number(r.value):>12} {r.unit:<8} {_number(r.baseline):>12}  {ratio:>7}  {note}"
        )
    return "\n".join(lines)


def print_rows(rows: list[Row]) -> None:
    info = machine()
    print(
        f"machine: {info['cores']} cores, Python {info['python']}, {info['platform']}; commit {info['commit']}"
    )
    print(table(rows))


def write_json(rows: list[Row], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({"machine": machine(), "rows": [r.as_dict() for r in rows]}, indent=2) + "\n"
    )


def main(
    run: Callable[[bool], list[Row]], doc: str | None, argv: Sequence[str] | None = None
) -> int:
    """The entry point of one suite: `--quick`, then its rows as a table."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    parser.add_argument("--quick", action="store_true", help="smaller data, fewer repeats")
    print_rows(run(parser.parse_args(argv).quick))
    return 0
