"""The "wixsites" logger, and ``WIXSITES_LOG``, which turns it on.

The SDK logs with the standard `logging` module under the "wixsites" logger: at DEBUG one line
per HTTP attempt (method, path without its query string, status, time, request id), at INFO each
retry and each call that fails. No header, body or query string is logged, and what a server
sent (a request id) is redacted and stripped of control characters: the log holds no API key, no
signature and no secret of a URL.

Like any library's, the logger is silent until the application configures logging, or until
``WIXSITES_LOG=debug`` (or ``info``) is set: then the first client made sets the logger's level
and gives it a handler of its own that writes to standard error (the rest of the application's
logging is left as it is).
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Mapping
from typing import TextIO

__all__ = ["ENV_LOG", "LEVELS", "inert", "logger", "setup_logging"]

logger = logging.getLogger("wixsites")

ENV_LOG = "WIXSITES_LOG"
LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}
FORMAT = "[%(asctime)s - %(name)s - %(levelname)s] %(message)s"


class EnvHandler(logging.StreamHandler[TextIO]):
    """The handler ``WIXSITES_LOG`` adds to the "wixsites" logger (only one, however many
    clients are made)."""


def setup_logging(environ: Mapping[str, str] | None = None) -> None:
    """Apply ``WIXSITES_LOG`` (from `environ`, or the process's environment): once per value."""
    env = os.environ if environ is None else environ
    value = env.get(ENV_LOG, "").strip().lower()
    if value:
        _apply(value)


@functools.cache
def _apply(value: str) -> None:
    level = LEVELS.get(value)
    if level is None:
        logger.warning(
            "%s=%r is not a log level: set it to %s (nothing is logged for it)",
            ENV_LOG,
            inert(value),
            " or ".join(LEVELS),
        )
        return
    logger.setLevel(level)
    if not any(isinstance(h, EnvHandler) for h in logger.handlers):
        handler = EnvHandler()
        handler.setFormatter(logging.Formatter(FORMAT))
        logger.addHandler(handler)
        logger.propagate = False  # written once, here, not again by the application's handlers


def inert(text: str) -> str:
    """`text` with its control characters replaced by "?": a server cannot start a line of its
    own in a log, or drive a terminal."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else "?" for c in text)
