"""Where `serve` takes a secret from: a file, an environment variable, or (last) a flag.

A flag's value is visible to every user of the machine in `ps` and lands in shell history; an
environment variable or a file (mode 0600) is not. The first line of the file is the secret.
"""

from __future__ import annotations

from pathlib import Path

WHY = (
    "a command-line flag is visible to every user in `ps` and in shell history: "
    "prefer the environment variable or a file"
)


def read_secret_file(path: str, what: str) -> str:
    """The first line of the file at `path`; ValueError with a one-line reason otherwise."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or type(error).__name__
        raise ValueError(f"cannot read the {what} file {path}: {reason}") from None
    secret = text.splitlines()[0].strip() if text.strip() else ""
    if not secret:
        raise ValueError(f"the {what} file {path} is empty")
    return secret


def pick_secret(flag: str | None, file: str | None, what: str) -> str | None:
    """The secret given by `file` or by `flag` (which also holds an environment variable's value,
    argparse and click fill it from there); both at once is a mistake."""
    if file and flag:
        raise ValueError(f"give the {what} once: as a flag, an environment variable or a file")
    return read_secret_file(file, what) if file else flag
