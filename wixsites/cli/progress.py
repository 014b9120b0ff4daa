"""A rich progress bar for bulk moves, on stderr; shown on a terminal or when asked for."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

__all__ = ["move_progress"]


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
    console = Console(stderr=True, color_system="auto" if color else None)
    if show is None:
        show = console.is_terminal
    if not show:
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
