"""Whether colour is wanted: decided before anything is printed, without loading rich."""

from __future__ import annotations

import os

__all__ = ["color_wanted"]


def color_wanted(*, no_color_flag: bool = False) -> bool:
    """False when colour is turned off (``--no-color``, or ``NO_COLOR`` set and not empty); True
    means colour on a terminal only."""
    return not (no_color_flag or os.environ.get("NO_COLOR"))
