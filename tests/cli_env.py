"""The environment variables that choose the account a `wixsites` command acts on."""

from __future__ import annotations

import pytest

CHOOSING = ("WIX_API_KEY", "WIX_ACCOUNT_ID", "WIX_BASE_URL", "WIXSITES_PROFILE", "WIXSITES_SANDBOX")


def no_account_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither credentials nor a profile nor the sandbox: what a cron job without its env has."""
    for name in CHOOSING:
        monkeypatch.delenv(name, raising=False)
