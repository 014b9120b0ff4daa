"""What every command shares: the global options, the output, and the client they lead to.

Credentials come from ``--api-key``/``--account-id`` or ``WIX_API_KEY``/``WIX_ACCOUNT_ID`` (the
real Wix API, or ``--base-url``/``WIX_BASE_URL``); with none of them, or with ``--sandbox``, the
commands run against the embedded sandbox, in process, and say so on standard error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

from wixsites.cli.errors import InputError
from wixsites.cli.output import Output
from wixsites.cli.requestlog import RequestLog, mask_secret
from wixsites.cli.sandboxdb import default_db_path, open_sandbox
from wixsites.redaction import Redactor, mask_url, url_secrets

if TYPE_CHECKING:
    from wixsandbox import Sandbox
    from wixsites import RetryPolicy, WixSites

__all__ = ["AppContext", "Settings", "pass_app"]


@dataclass
class Settings:
    api_key: str | None = None
    account_id: str | None = None
    base_url: str | None = None
    sandbox: bool = False
    verbose: bool = False
    max_retries: int | None = None
    profile: str | None = None

    @classmethod
    def of(cls, params: Mapping[str, Any]) -> Settings:
        """The settings of the ``wixsites`` group's parsed options (empty strings: not given)."""
        return cls(
            api_key=params.get("api_key") or None,
            account_id=params.get("account_id") or None,
            base_url=params.get("base_url") or None,
            sandbox=bool(params.get("sandbox")),
            verbose=bool(params.get("verbose")),
            max_retries=params.get("max_retries"),
            profile=params.get("profile") or None,
        )


class AppContext:
    """Built by the ``wixsites`` group; the client is made on first use and closed at the end."""

    def __init__(self, settings: Settings, output: Output) -> None:
        self.settings = settings
        self.output = output
        self.requests: RequestLog | None = None
        self.account_id: str | None = None  # the account in use, once connected
        self._client: WixSites | None = None
        self._sandbox: Sandbox | None = None

    def log(self, message: str) -> None:
        if self.settings.verbose:
            self.output.info(f"[verbose] {message}")

    def active_profile_name(self) -> str | None:
        """The stored profile commands use: --profile/WIXSITES_PROFILE, else "default" when it
        exists and no credentials were given; None for explicit credentials or the sandbox."""
        from wixsites.cli.profiles import DEFAULT_PROFILE, ProfileStore

        s = self.settings
        if s.sandbox:
            return None
        if s.profile:
            if s.api_key or s.account_id:
                raise InputError(
                    f"both a profile ('{s.profile}') and an API key or account id were given "
                    "(flags or WIX_API_KEY/WIX_ACCOUNT_ID); use one or the other"
                )
            return s.profile
        if s.api_key or s.account_id:
            return None
        return DEFAULT_PROFILE if ProfileStore().get(DEFAULT_PROFILE) else None

    def _profile_credentials(self, name: str) -> tuple[str, str, str | None]:
        from wixsites.cli.profiles import ProfileStore

        store = ProfileStore()
        profile = store.get(name)
        if profile is None:
            raise InputError(
                f"no profile '{name}'; run `wixsites auth login --profile {name}` "
                "(or see `wixsites auth status`)"
            )
        return store.api_key(profile), profile.account_id, profile.base_url

    def uses_sandbox(self) -> bool:
        s = self.settings
        if s.sandbox:
            return True
        if self.active_profile_name() is not None:
            return False
        if bool(s.api_key) != bool(s.account_id):
            missing = (
                "account id (WIX_ACCOUNT_ID or --account-id)"
                if s.api_key
                else ("API key (WIX_API_KEY or --api-key)")
            )
            given = "API key" if s.api_key else "account id"
            raise InputError(
                f"the {missing} is missing: the {given} was given, and the Wix API needs both "
                "(or give neither, or --sandbox, to use the embedded sandbox)"
            )
        if not s.api_key and s.base_url:
            raise InputError(
                f"--base-url {mask_url(s.base_url)} needs --api-key and --account-id "
                "(`wixsites sandbox serve` prints the ones to use)"
            )
        return not s.api_key

    def client(self) -> WixSites:
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _connect(self) -> WixSites:
        from wixsites import WixSites

        s = self.settings
        options: dict[str, Any] = {}
        base_url = s.base_url
        if self.uses_sandbox():
            path = default_db_path()
            self._sandbox = open_sandbox(path)
            credentials = self._sandbox.default_credentials()
            api_key, account_id = credentials.api_key, credentials.account_id
            options["transport"] = self._sandbox.transport()
            options["rate_limit"] = None  # in process: nothing to protect
            self.output.info(
                f"Using the embedded sandbox ({path}); set WIX_API_KEY and WIX_ACCOUNT_ID "
                "to manage a real Wix account."
            )
        else:
            api_key, account_id = s.api_key or "", s.account_id or ""
            profile = self.active_profile_name()
            if profile is not None:
                api_key, account_id, stored_url = self._profile_credentials(profile)
                base_url = base_url or stored_url
                self.log(f"profile {profile}")
            if base_url:
                options["base_url"] = base_url
        self.requests = RequestLog(self.log if s.verbose else None)
        self.account_id = account_id
        if s.max_retries is not None:
            options["retry"] = _retry_policy(s.max_retries)
        self.log(
            f"account {account_id}, API key {mask_secret(api_key)}, "
            + ("embedded sandbox" if self._sandbox else mask_url(base_url or "the Wix API"))
        )
        client = WixSites(
            api_key=api_key, account_id=account_id, on_request=self.requests, **options
        )
        self.output.redactor = Redactor([api_key, *url_secrets(base_url or "")])
        return client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._sandbox is not None:
            self._sandbox.close()


def _retry_policy(max_retries: int) -> RetryPolicy:
    from wixsites import RetryPolicy

    return RetryPolicy(max_attempts=max_retries + 1)


pass_app = click.make_pass_decorator(AppContext)
