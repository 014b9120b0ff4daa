"""How quickly the command line and the SDK start: whole processes, each against a baseline process.

    python -m benchmarks.startup [--quick]

Rows (milliseconds of CPU per process, user and system, as `wait4` reports it for the child):

* ``cli: wixsites --version, vs python -c pass``: the ``wixsites`` console script installed beside
  this interpreter, against the bare interpreter (goal: at most 6x);
* ``cli: wixsites sites count, vs a raw httpx script``: ``wixsites --base-url URL sites count``
  against a sandbox served by uvicorn on 127.0.0.1, with the key and account in the environment,
  against a three-line httpx script that sends the same Count Sites request and prints the count
  (goal: at most 1.3x);
* ``sdk: import wixsites, vs import httpx``: ``import wixsites`` and taking ``wixsites.WixSites``
  (the names are imported on first use, so ``import wixsites`` alone would measure almost nothing),
  against ``import httpx`` (goal: at most 1.5x).

Timing: rounds that run every candidate once, in turn; a figure is the median of its rounds. A
process's CPU time, not its wall time, is the figure: start-up is one thread that computes (it
waits only for the sandbox's answer, which both commands of the second row wait for alike), and
on a machine whose cores other processes share, the wall time of a 50 ms process varies by 2x
from one run to the next while its CPU time varies by a few percent. The row's baseline column
gives the spread of the rounds (lowest and highest CPU time) and the lowest wall time of each,
which on an idle machine is within a few milliseconds of the CPU time. A warm-up run of each
first writes the bytecode caches, as ``pip install`` does for a user (``PYTHONDONTWRITEBYTECODE``
is dropped from the processes' environment for that).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import report
from benchmarks.report import Row

__all__ = ["run"]

API_KEY = "startup-bench-key"
ACCOUNT = "5ada5ada-0000-4000-8000-000000000001"
COUNT_SCRIPT = """\
import httpx, os
answer = httpx.post(os.environ["WIX_BASE_URL"] + "/site-list/v2/sites/count", json={}, headers={"Authorization": os.environ["WIX_API_KEY"], "wix-account-id": os.environ["WIX_ACCOUNT_ID"]})
print(answer.raise_for_status().json()["count"])
"""
VERSION = "cli: wixsites --version, vs python -c pass"
COUNT = "cli: wixsites sites count, vs a raw httpx script"
IMPORT = "sdk: import wixsites, vs import httpx"


def wixsites_script() -> str:
    """The ``wixsites`` console script of this interpreter's environment."""
    script = Path(sysconfig.get_path("scripts")) / "wixsites"
    if not script.exists():
        raise FileNotFoundError(f"no wixsites script at {script}: pip install -e '.[cli]' first")
    return str(script)


def _environment(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("WIX_", "WIXSITES_"))
        and k not in {"PYTHONPATH", "PYTHONDONTWRITEBYTECODE"}
    }
    return {**env, **extra}


@dataclass(frozen=True)
class Figures:
    """Milliseconds per process over the rounds: the median, lowest and highest CPU time, and
    the lowest wall time."""

    cpu: float
    cpu_low: float
    cpu_high: float
    wall_low: float

    def spread(self) -> str:
        return f"{self.cpu_low:.0f}-{self.cpu_high:.0f} ms CPU, wall from {self.wall_low:.0f} ms"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # of the children waited for so far
    return usage.ru_utime + usage.ru_stime


def _spawn(command: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one run of `command` (the served sandbox, a child that is not
    waited for until the end, does not count)."""
    cpu, started = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    wall, cpu = time.perf_counter() - started, _children_cpu() - cpu
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-500:]}")
    return wall, cpu


def timed(
    candidates: dict[str, tuple[Sequence[str], dict[str, str]]], rounds: int
) -> dict[str, Figures]:
    """The `Figures` of each candidate over `rounds` interleaved rounds, after one warm-up run
    each."""
    walls: dict[str, list[float]] = {name: [] for name in candidates}
    cpus: dict[str, list[float]] = {name: [] for name in candidates}
    for command, env in candidates.values():
        _spawn(command, env)
    for _ in range(rounds):
        for name, (command, env) in candidates.items():
            wall, cpu = _spawn(command, env)
            walls[name].append(wall * 1000)
            cpus[name].append(cpu * 1000)
    return {
        name: Figures(
            statistics.median(cpus[name]), min(cpus[name]), max(cpus[name]), min(walls[name])
        )
        for name in candidates
    }


def _row(name: str, figures: dict[str, Figures], value: str, base: str, goal: float) -> Row:
    mine, theirs = figures[value], figures[base]
    return Row(
        name,
        mine.cpu,
        "ms CPU",
        theirs.cpu,
        f"{base} (rounds: {mine.spread()}; baseline {theirs.spread()})",
        **report.timed_goal(goal),
    )


def run(quick: bool = False) -> list[Row]:
    from wixsandbox import Sandbox
    from wixsandbox.process import SandboxProcess

    rounds = 10 if quick else 40
    python = sys.executable
    wixsites = wixsites_script()
    plain = _environment()
    with tempfile.TemporaryDirectory(prefix="wixsites-startup-") as tmp:
        db = Path(tmp) / "sandbox.db"
        with Sandbox(db) as sandbox:
            sandbox.seed(ACCOUNT, sites=40, folders=3, seed=5)
        with SandboxProcess(db, api_key=API_KEY, account_id=ACCOUNT) as server:
            served = _environment(
                WIX_API_KEY=API_KEY,
                WIX_ACCOUNT_ID=ACCOUNT,
                WIX_BASE_URL=server.url,
                WIXSITES_CONFIG_DIR=str(Path(tmp) / "config"),
            )
            figures = timed(
                {
                    "python -c pass": ([python, "-c", "pass"], plain),
                    "wixsites --version": ([wixsites, "--version"], plain),
                    "python -c 'import httpx'": ([python, "-c", "import httpx"], plain),
                    "import wixsites": (
                        [python, "-c", "import wixsites; wixsites.WixSites"],
                        plain,
                    ),
                    "a raw httpx script": ([python, "-c", COUNT_SCRIPT], served),
                    "wixsites sites count": ([wixsites, "sites", "count"], served),
                },
                rounds,
            )
    return [
        _row(VERSION, figures, "wixsites --version", "python -c pass", 6.0),
        _row(COUNT, figures, "wixsites sites count", "a raw httpx script", 1.3),
        _row(IMPORT, figures, "import wixsites", "python -c 'import httpx'", 1.5),
    ]


if __name__ == "__main__":
    raise SystemExit(report.main(run, __doc__))
