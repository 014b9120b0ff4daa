"""Keep secrets out of text the SDK shows (log records, exception messages, reprs, reports), and
make a server's text inert: no terminal escape sequence or control character gets through."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

__all__ = ["REDACTED", "Redactor", "inert", "mask_url", "url_secrets"]

REDACTED = "***"

# Terminal escape sequences, removed whole: CSI (ESC [ or C1 CSI) up to its final byte; the
# strings of OSC (a hyperlink, a window title, the clipboard), DCS, SOS, PM and APC up to their
# terminator (BEL or ST), or to the end; and any other ESC sequence.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# What is left of the C0 and C1 controls, DEL, and the bidirectional overrides and isolates that
# can make a text read other than it is.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# line breaks, Unicode's line and paragraph separators included, become spaces
_SPACES = str.maketrans("\t\n\r\v\f\u2028\u2029", "       ")


def inert(text: str) -> str:
    """`text` with every terminal escape sequence and control character removed (a line break or
    a tab becomes a space): safe to print on a terminal or to write into a report."""
    if text.isprintable():
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text.translate(_SPACES)))


class Redactor:
    """Replaces every occurrence of the given secrets in a text, which it makes `inert` first (so
    that no control character can split a secret apart)."""

    __slots__ = ("_secrets",)

    def __init__(self, secrets: Iterable[str | None]) -> None:
        # Longest first, so a secret that contains another is replaced whole.
        self._secrets = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        return self.hide(inert(text))

    def hide(self, text: str) -> str:
        """`text` with every secret replaced, and nothing else changed (for JSON, which escapes
        control characters itself)."""
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        return text


def _userinfo(url: str) -> tuple[str, str] | None:
    """(the userinfo as written, the password as written) of a URL with a password, else None."""
    try:
        netloc = urlsplit(url).netloc
    except ValueError:
        return None
    userinfo, at, _ = netloc.rpartition("@")
    if not at or ":" not in userinfo:
        return None
    return userinfo, userinfo.partition(":")[2]


def url_secrets(url: str) -> list[str]:
    """The password of a URL's ``user:password@``, as written and decoded (for a `Redactor`)."""
    found = _userinfo(url)
    if found is None or not found[1]:
        return []
    return [found[1], unquote(found[1])]


def mask_url(url: str) -> str:
    """The URL with the password of its ``user:password@`` replaced by ``***``."""
    found = _userinfo(url)
    if found is None:
        return url
    userinfo, _ = found
    user = userinfo.partition(":")[0]
    return url.replace(f"{userinfo}@", f"{user}:{REDACTED}@", 1)
