"""Progress on stderr, shown when it is a terminal or when asked for: a bar for bulk moves, a
running count for long listings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

__all__ = ["listing_progress", "move_progress"]


class _Bar:
    """The callback the SDK's bulk moves call as batches finish."""

    def __init__(self, progress: Progress, total: int) -> None:
        self.progress = progress
        self.task = progress.add_task("moving", total=total)

    def __call__(self, done: int, total: int, *_: Any) -> None:
        self.progress.update(self.task, completed=done, total=total)


@contextmanager
def move_progress(
    what: str, total: int, *, show: bool | None, color: bool = True, doing: str = "Moving"
) -> Iterator[_Bar | None]:
    """A progress callback for moving `total` items (`doing` them), or None when no bar is
    wanted.

    `show` None means: only when stderr is a terminal. `color` False: no colour at all.
    """
    console = _console(show, color)
    if console is None:
        yield None
        return
    progress = Progress(
        TextColumn(f"{doing} {what}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )
    with progress:
        yield _Bar(progress, total)


@contextmanager
def listing_progress(
    what: str, *, show: bool | None, color: bool = True
) -> Iterator[Callable[[int], None] | None]:
    """A callback to tell how many `what` a listing has read so far, or None when no progress is
    wanted (`show` as for `move_progress`); the line goes away when the listing ends."""
    console = _console(show, color)
    if console is None:
        yield None
        return
    progress = Progress(
        SpinnerColumn(),
        TextColumn(f"Listing {what}: {{task.completed:,}}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    with progress:
        task = progress.add_task("listing", total=None)
        yield lambda count: progress.update(task, completed=count)


def _console(show: bool | None, color: bool) -> Console | None:
    """The console on stderr to draw progress on, or None when none is to be drawn."""
    console = Console(stderr=True, color_system="auto" if color else None)
    wanted = console.is_terminal if show is None else show
    return console if wanted else None
