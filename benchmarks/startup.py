"""How quickly the command line and the SDK start: whole processes, each against a baseline process.

    python -m benchmarks.startup [--quick]

Rows (milliseconds per process, wall clock, from spawn to exit):

* ``cli: wixsites --version, vs python -c pass``: the ``wixsites`` console script installed beside
  this interpreter, against the bare interpreter (goal: at most 6x);
* ``cli: wixsites sites count, vs a raw httpx script``: ``wixsites --base-url URL sites count``
  against a sandbox served by uvicorn on 127.0.0.1, with the key and account in the environment,
  against a three-line httpx script that sends the same Count Sites request and prints the count
  (goal: at most 1.3x);
* ``sdk: import wixsites, vs import httpx``: ``import wixsites`` and taking ``wixsites.WixSites``
  (the names are imported on first use, so ``import wixsites`` alone would measure almost nothing),
  against ``import httpx`` (goal: at most 1.5x).

Timing: rounds that run every candidate once, in turn, so that another process taking a core
spoils a round of every candidate alike; a figure is the median of its rounds, and the row's
baseline column gives the spread (lowest to highest round) of both. A warm-up run of each first
writes the bytecode caches, as ``pip install`` does for a user (``PYTHONDONTWRITEBYTECODE`` is
dropped from the processes' environment for that).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Sequence
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


def _spawn(command: Sequence[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-500:]}")
    return elapsed


def timed(
    candidates: dict[str, tuple[Sequence[str], dict[str, str]]], rounds: int
) -> dict[str, tuple[float, float, float]]:
    """(median, lowest, highest) milliseconds per process of each candidate, over `rounds`
    interleaved rounds, after one warm-up run each."""
    samples: dict[str, list[float]] = {name: [] for name in candidates}
    for command, env in candidates.values():
        _spawn(command, env)
    for _ in range(rounds):
        for name, (command, env) in candidates.items():
            samples[name].append(_spawn(command, env) * 1000)
    return {
        name: (statistics.median(times), min(times), max(times)) for name, times in samples.items()
    }


def _row(
    name: str, figures: dict[str, tuple[float, float, float]], value: str, base: str, goal: float
) -> Row:
    (median, low, high), (base_median, base_low, base_high) = figures[value], figures[base]
    return Row(
        name,
        median,
        "ms",
        base_median,
        f"{base} (rounds: {low:.0f}-{high:.0f} ms vs {base_low:.0f}-{base_high:.0f} ms)",
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
