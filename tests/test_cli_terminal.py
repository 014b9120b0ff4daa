"""The command line on a real terminal (a pseudo-terminal of a given width) and on a pipe that
closes early: colour and NO_COLOR/--no-color, ids that never wrap, questions before changes."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from wixsites.cli import cli
from wixsites.cli.exitcodes import CANCELLED

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
TIMEOUT = 30.0


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The environment of the processes under test; the same sandbox for `wixsites`, which
    prepares and checks in process (no terminal matters there)."""
    db = str(tmp_path / "sandbox.db")
    monkeypatch.setenv("WIXSITES_SANDBOX_DB", db)
    monkeypatch.setenv("WIXSITES_SANDBOX", "1")  # the embedded sandbox, asked for
    out = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "COLUMNS", "LINES", "FORCE_COLOR")
        and not k.startswith(("WIX_", "PYTEST"))
    }
    out.update(TERM="xterm-256color", WIXSITES_SANDBOX_DB=db, WIXSITES_SANDBOX="1")
    return out


def wixsites(*args: str) -> str:
    """Standard output of a command run in process."""
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def in_terminal(
    env: dict[str, str], *args: str, columns: int = 80, answer: str | None = None
) -> tuple[int, str]:
    """Run wixsites with a pseudo-terminal as stdin, stdout and stderr; answer its question."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "wixsites", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        close_fds=True,
    )
    os.close(slave)
    seen = bytearray()
    asked = False
    deadline = time.monotonic() + TIMEOUT
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            seen += chunk
            if answer is not None and not asked and b"[y/N]" in seen:
                os.write(master, answer.encode())
                asked = True
        else:
            process.kill()
            pytest.fail(f"wixsites {' '.join(args)} did not finish: {seen.decode()!r}")
        code = process.wait(timeout=TIMEOUT)
    finally:
        os.close(master)
    return code, seen.decode("utf-8", "replace").replace("\r\n", "\n")


def test_error_colour_follows_the_terminal_no_color_and_the_flag(env: dict[str, str]) -> None:
    wixsites("folders", "create", "Design")  # the tree has colour to lose
    runs = [
        (env, "folders", "rename", "Nowhere", "Else"),
        ({**env, "NO_COLOR": "1"}, "folders", "rename", "Nowhere", "Else"),
        (env, "folders", "tree", "--no-color"),
        (env, "folders", "tree"),
    ]
    with ThreadPoolExecutor(len(runs)) as pool:  # independent processes: run them at once
        (code, coloured), (code_nc, plain), (code_flag, flagged), (_, tree) = pool.map(
            lambda run: in_terminal(run[0], *run[1:]), runs
        )
    assert (code, code_nc, code_flag) == (2, 2, 0)
    assert re.search(r"\x1b\[[0-9;]*merror:", coloured), coloured
    assert "error: unknown folder path 'Nowhere'" in plain
    assert "\x1b[" not in plain
    assert "\x1b[" in tree
    assert "\x1b[" not in flagged
    assert ANSI.sub("", tree) == flagged


def _lines(shown: str) -> list[str]:
    return [ANSI.sub("", line) for line in shown.splitlines()]


@pytest.mark.parametrize("columns", [80, 44])
def test_ids_never_wrap_on_a_narrow_terminal(env: dict[str, str], columns: int) -> None:
    ids = wixsites("sites", "list", "--format", "ids").split()
    assert len(ids) > 10
    code, shown = in_terminal(env, "sites", "list", columns=columns)
    assert code == 0
    lines = _lines(shown)
    whole = [site_id for site_id in ids if any(site_id in line for line in lines)]
    assert whole == ids
    assert max(len(line) for line in lines if not line.startswith("Using the")) <= columns


def test_changes_are_asked_for_on_a_terminal_only(env: dict[str, str]) -> None:
    wixsites("folders", "create", "Old")
    code, shown = in_terminal(env, "folders", "delete", "Old", answer="n\n")
    assert "Delete Old (its content goes to /)? [y/N]" in shown
    assert code == CANCELLED  # answering no is not an error
    assert "Nothing changed." in shown
    assert "error" not in shown
    assert wixsites("folders", "list", "--format", "ids").strip()
    code, shown = in_terminal(env, "folders", "rename", "Old", "Older", answer="y\n")
    assert code == 0
    assert "Renamed Old to Older" in shown
    code, shown = in_terminal(env, "folders", "delete", "Older", "--yes")
    assert code == 0
    assert "[y/N]" not in shown
    assert wixsites("folders", "list", "--format", "ids").strip() == ""


def test_a_closed_pipe_ends_quietly(env: dict[str, str]) -> None:
    wixsites("sandbox", "seed", "--sites", "1500")
    process = subprocess.Popen(
        [sys.executable, "-m", "wixsites", "sites", "list", "--format", "csv"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    head = [process.stdout.readline() for _ in range(2)]
    process.stdout.close()  # as `| head -2` does
    code = process.wait(timeout=TIMEOUT)
    errors = process.stderr.read().decode()
    process.stderr.close()
    assert head[0].startswith(b"id,name,folder")
    assert code == 0
    assert "error" not in errors.lower()
    assert "Exception" not in errors


def test_a_closed_pipe_ends_quietly_after_a_rich_line_too(env: dict[str, str]) -> None:
    """`wixsites demo | head -1`: the demo's lines are printed by rich, whose own handling of a
    closed pipe exits with status 1; it ends as any command does, quietly with 0."""
    process = subprocess.Popen(
        [sys.executable, "-m", "wixsites", "demo"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # as `| head -1` does: the demo's next line finds no reader
    code = process.wait(timeout=TIMEOUT)
    errors = process.stderr.read().decode()
    process.stderr.close()
    assert first.startswith(b" 1. Seeded"), first
    assert code == 0, errors
    assert "Traceback" not in errors
