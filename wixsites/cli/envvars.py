"""The environment variables the command line reads before any command loads: ``NO_COLOR`` (and
``--no-color``), decided before anything is printed, and ``WIXSITES_SANDBOX``, the switch of a
global option. Nothing here imports more than the standard library."""

from __future__ import annotations

import os

__all__ = ["SANDBOX_ENV", "color_wanted"]

SANDBOX_ENV = "WIXSITES_SANDBOX"


def color_wanted(*, no_color_flag: bool = False) -> bool:
    """False when colour is turned off (``--no-color``, or ``NO_COLOR`` set and not empty); True
    means colour on a terminal only."""
    return not (no_color_flag or os.environ.get("NO_COLOR"))
