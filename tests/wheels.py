"""Building the project's wheel, and fresh virtual environments to install it in."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_wheel(out: Path) -> Path:
    """The project's wheel, built offline into `out` (with the build backend installed here)."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--quiet",
            "--wheel-dir",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = out.glob("wixsites-*.whl")
    return wheel


def fresh_environment(path: Path) -> Path:
    """A new virtual environment with pip at `path`; returns its directory of scripts."""
    venv.EnvBuilder(with_pip=True).create(path)
    return path / "bin"


def outside_environment() -> dict[str, str]:
    """This process's environment less what would point a child at this virtual environment."""
    return {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
