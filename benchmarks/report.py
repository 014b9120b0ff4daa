"""One row of a benchmark, the machine it ran on, and the table and JSON that `python -m benchmarks` prints.

Every suite's `run(quick)` returns a list of `Row`: a figure, its unit, the same figure for a
baseline measured in the same run, and, for a goal, the highest ratio (value / baseline) that meets
it, or for a rate (higher is better) the lowest. Figures are times (lower is better) unless the unit
says otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Row:
    name: str
    value: float
    unit: str
    baseline: float | None = None  # the same figure for the baseline, measured in the same run
    baseline_name: str = ""
    goal: str = ""  # in words; "" when the row is reported only
    max_ratio: float | None = None  # the goal as a number: met when ratio <= max_ratio
    min_ratio: float | None = None  # for a rate (higher is better): met when ratio >= min_ratio
    max_value: float | None = None  # an absolute goal: met when value <= max_value

    @property
    def ratio(self) -> float | None:
        return None if not self.baseline else self.value / self.baseline

    @property
    def met(self) -> bool | None:
        """Whether the goal is met; None without a numeric goal."""
        if self.max_value is not None:
            return self.value <= self.max_value
        ratio = self.ratio
        if ratio is None or (self.max_ratio is None and self.min_ratio is None):
            return None
        below = self.max_ratio is None or ratio <= self.max_ratio
        return below and (self.min_ratio is None or ratio >= self.min_ratio)

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": self.ratio, "met": self.met}


def timed_goal(max_ratio: float, what: str = "the baseline") -> dict[str, Any]:
    """`goal` and `max_ratio` of a row whose time may be at most `max_ratio` times the baseline's."""
    return {
        "goal": f"ratio <= {max_ratio:g} ({max_ratio:g}x {what} at most)",
        "max_ratio": max_ratio,
    }


def _loop(fn: Callable[[], object], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        fn()
    return time.perf_counter() - start


def interleaved(
    candidates: dict[str, Callable[[], object]],
    *,
    rounds: int,
    target: float,
    statistic: Callable[[list[float]], float] = statistics.median,
) -> dict[str, float]:
    """Seconds per call of each candidate over `rounds` rounds, each of which runs every candidate
    once for about `target` seconds: the median of its rounds (or `statistic`, e.g. `min`). Short
    rounds, interleaved: another process that takes the core for a while spoils a few rounds of
    every candidate alike, and decides nothing."""
    numbers = {}
    for name, fn in candidates.items():
        fn()  # warm up, and fail early
        once = _loop(fn, 3) / 3
        numbers[name] = max(1, int(target / max(once, 1e-9)))
    samples: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(rounds):
        for name, fn in candidates.items():
            samples[name].append(_loop(fn, numbers[name]) / numbers[name])
    return {name: statistic(times) for name, times in samples.items()}


def rate_goal(min_ratio: float, what: str = "the baseline's") -> dict[str, Any]:
    """`goal` and `min_ratio` of a row whose rate must be at least `min_ratio` times the baseline's."""
    return {
        "goal": f"ratio >= {min_ratio:g} ({min_ratio:g}x {what} at least)",
        "min_ratio": min_ratio,
    }


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
        f"{'figure':<{width}}  {'value':>12} {'unit':<8} {'baseline':>12}  {'ratio':>7}  {'goal':<6}  baseline / goal"
    ]
    for r in rows:
        ratio = "" if r.ratio is None else f"{r.ratio:.2f}x"
        met = {None: "", True: "met", False: "MISSED"}[r.met]
        note = " / ".join(x for x in (r.baseline_name, r.goal) if x)
        lines.append(
            f"{r.name:<{width}}  {_number(r.value):>12} {r.unit:<8} {_number(r.baseline):>12}  {ratio:>7}  {met:<6}  {note}"
        )
    return "\n".join(lines)


def print_rows(rows: list[Row], file: TextIO | None = None) -> None:
    info = machine()
    print(
        f"machine: {info['cores']} cores, Python {info['python']}, {info['platform']}; commit {info['commit']}",
        file=file,
    )
    print(table(rows), file=file)


def as_json(rows: list[Row]) -> str:
    return json.dumps({"machine": machine(), "rows": [r.as_dict() for r in rows]}, indent=2) + "\n"


def write_json(rows: list[Row], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(as_json(rows))


def main(
    run: Callable[[bool], list[Row]], doc: str | None, argv: Sequence[str] | None = None
) -> int:
    """The entry point of one suite: `--quick`, then its rows as a table."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    parser.add_argument("--quick", action="store_true", help="smaller data, fewer repeats")
    print_rows(run(parser.parse_args(argv).quick))
    return 0
