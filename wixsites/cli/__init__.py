"""The ``wixsites`` command line: the agency workflow on a Wix account, or on the embedded sandbox.

``main`` is the console script; `cli` is the click group (for click's test runner). The command
line needs the ``cli`` extra (``pip install 'wixsites[cli]'``); without it, ``main`` says so.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wixsites.cli.app import cli

__all__ = ["cli", "main"]


def main(argv: Sequence[str] | None = None) -> None:
    """Run ``wixsites`` with `argv` (default: the process's arguments); exits with its status."""
    try:
        from wixsites.cli.app import cli
    except ModuleNotFoundError as error:
        from wixsites.cli.extras import missing_extra, missing_extra_message

        if missing_extra(error) != "cli":
            raise
        sys.exit(f"wixsites: {missing_extra_message(error)}")
    cli.main(args=argv, prog_name="wixsites")


def __getattr__(name: str) -> Any:
    if name == "cli":
        from wixsites.cli.app import cli

        return cli
    raise AttributeError(f"module 'wixsites.cli' has no attribute {name!r}")
