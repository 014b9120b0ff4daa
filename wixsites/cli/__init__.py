"""The ``wixsites`` command line: the agency workflow on a Wix account, or on the embedded sandbox.

``main`` is the console script; `cli` is the click group (for click's test runner).
"""

from __future__ import annotations

from collections.abc import Sequence

from wixsites.cli.app import cli, register

__all__ = ["cli", "main"]

register()


def main(argv: Sequence[str] | None = None) -> None:
    """Run ``wixsites`` with `argv` (default: the process's arguments); exits with its status."""
    cli.main(args=argv, prog_name="wixsites")
