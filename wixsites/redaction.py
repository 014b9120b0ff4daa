"""Keep secrets out of text the SDK shows: log records, exception messages, reprs."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

__all__ = ["REDACTED", "Redactor", "mask_url", "url_secrets"]

REDACTED = "***"


class Redactor:
    """Replaces every occurrence of the given secrets in a text."""

    __slots__ = ("_secrets",)

    def __init__(self, secrets: Iterable[str | None]) -> None:
        # Longest first, so a secret that contains another is replaced whole.
        self._secrets = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)

    def __call__(self, text: str) -> str:
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
