"""Real shells on a pseudo-terminal, for the completion tests: type a line and <TAB>, read back the
line the shell then holds, and run it (imported explicitly; not a conftest)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from wixsites.cli import cli

__all__ = ["TIMEOUT", "Shells"]

TIMEOUT = 60.0
READY = "ready-0f3a"
# How each shell starts without the user's own files, loads the completion script, and writes
# its edited line to $OUT on Ctrl-X.
_START = {
    "bash": ["bash", "--norc", "--noprofile", "-i"],
    "zsh": ["zsh", "-f", "-i"],
    "fish": ["fish", "--no-config", "-i"],
}
_SETUP = {
    "bash": 'source "$SCRIPT"; bind -x \'"\\C-x": printf "%s" "$READLINE_LINE" > "$OUT"\'',
    "zsh": 'autoload -U compinit; compinit -u -D; source "$SCRIPT"; '
    'dump() { print -rn -- "$BUFFER" > "$OUT" }; zle -N dump; bindkey "^X" dump',
    "fish": 'source "$SCRIPT"; bind \\cx "commandline > \\$OUT"',
}


class Shells:
    """A directory with a `wixsites` command (this interpreter's) and the completion scripts."""

    def __init__(self, home: Path, env: dict[str, str]) -> None:
        self.home = home
        bin_dir = home / "bin"
        bin_dir.mkdir(parents=True, exist_ok=True)
        command = bin_dir / "wixsites"
        command.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m wixsites "$@"\n')
        command.chmod(0o755)
        self.env = {
            **env,
            "PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', os.defpath)}",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "TERM": "xterm",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }
        for shell in _START:
            script = CliRunner().invoke(cli, ["completion", shell], prog_name="wixsites").stdout
            (home / f"completion.{shell}").write_text(script)

    @staticmethod
    def available(shell: str) -> bool:
        return shutil.which(shell) is not None

    def complete(self, shell: str, typed: str) -> str:
        """The line `shell` holds after `typed` and a <TAB>."""
        out = self.home / f"line-{shell}.txt"
        out.unlink(missing_ok=True)
        env = {**self.env, "OUT": str(out), "SCRIPT": str(self.home / f"completion.{shell}")}
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))

        def own_terminal() -> None:  # fish wants the terminal as its controlling one
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        process = subprocess.Popen(
            _START[shell],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=self.home,
            close_fds=True,
            preexec_fn=own_terminal,
        )
        os.close(slave)
        shown = bytearray()
        try:
            os.write(master, f"{_SETUP[shell]}; echo {READY[:5]}''{READY[5:]}\r".encode())
            self._wait(master, shown, lambda: READY.encode() in shown, shell)
            os.write(master, f"{typed}\t\x18".encode())
            self._wait(master, shown, out.exists, shell)
            time.sleep(0.05)  # the write that made the file may still be flushing its bytes
            return out.read_text(encoding="utf-8").rstrip("\n")
        finally:
            process.kill()
            process.wait(timeout=TIMEOUT)
            os.close(master)

    @staticmethod
    def _wait(master: int, shown: bytearray, done: Callable[[], bool], shell: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not done():
            if time.monotonic() > deadline:
                raise AssertionError(f"{shell} did not get there: {bytes(shown[-800:])!r}")
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    shown += os.read(master, 65536)
                except OSError:
                    raise AssertionError(f"{shell} ended: {bytes(shown[-800:])!r}") from None

    def run(self, shell: str, line: str) -> subprocess.CompletedProcess[str]:
        """`line` run by `shell` as a command line."""
        flags = {"bash": ["--norc", "--noprofile"], "zsh": ["-f"], "fish": ["--no-config"]}
        return subprocess.run(
            [shell, *flags[shell], "-c", line],
            env=self.env,
            cwd=self.home,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
