"""Where the client's settings come from: arguments, or the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping

import httpx

from wixsites.errors import ConfigurationError
from wixsites.redaction import mask_url

__all__ = ["DEFAULT_BASE_URL", "check_base_url", "check_credential", "env_credentials"]

DEFAULT_BASE_URL = "https://www.wixapis.com"

ENV_API_KEY = "WIX_API_KEY"
ENV_ACCOUNT_ID = "WIX_ACCOUNT_ID"
ENV_BASE_URL = "WIX_BASE_URL"


def check_base_url(base_url: str | None) -> str:
    url = (base_url or DEFAULT_BASE_URL).strip()
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError):
        parsed = None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
        raise ConfigurationError(
            f"base_url must be an http(s) URL such as {DEFAULT_BASE_URL}, "
            f"not {mask_url(str(base_url))!r}"
        ) from None
    return url.rstrip("/")


def check_credential(what: str, value: object) -> str:
    """Refuse a credential that could not travel in an HTTP header as it is, without echoing it:
    it must be a string of visible ASCII characters, with no space or control character."""
    if not isinstance(value, str):
        raise ConfigurationError(f"{what} must be a string, not {type(value).__name__}")
    bad = next((c for c in value if not "!" <= c <= "~"), None)
    if bad is not None:
        where = "starts or ends with" if value[:1] == bad or value[-1:] == bad else "contains"
        if ord(bad) < 32 or ord(bad) == 127:
            kind = "a control character"
        elif bad.isspace():
            kind = "a space"
        else:
            kind = "a non-ASCII character"
        raise ConfigurationError(
            f"{what} {where} {kind}: copy it again exactly as shown (the value is not shown here)",
            code="BAD_CREDENTIALS",
        )
    return value


def env_credentials(environ: Mapping[str, str] | None = None) -> tuple[str, str, str]:
    """(api_key, account_id, base_url) from WIX_API_KEY, WIX_ACCOUNT_ID and WIX_BASE_URL."""
    env = os.environ if environ is None else environ
    api_key = env.get(ENV_API_KEY, "").strip()
    account_id = env.get(ENV_ACCOUNT_ID, "").strip()
    missing = [
        name for name, value in ((ENV_API_KEY, api_key), (ENV_ACCOUNT_ID, account_id)) if not value
    ]
    if missing:
        raise ConfigurationError(
            f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} not set: set "
            f"{ENV_API_KEY} to an account-level API key (Wix API Keys Manager) and "
            f"{ENV_ACCOUNT_ID} to its account id (and optionally {ENV_BASE_URL}), "
            "or pass api_key= and account_id= to WixSites(...)",
            code="MISSING_CREDENTIALS",
        )
    return api_key, account_id, check_base_url(env.get(ENV_BASE_URL) or None)
