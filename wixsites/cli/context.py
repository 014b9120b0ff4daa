"""What every command shares: the global options, the output, and the client they lead to.

Which account the client acts on is `credentials.choose`'s decision: the embedded sandbox (in
process, and said so on standard error) only when asked for, else a stored profile or the
credentials of the environment; none of them is an error (exit status 4).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from wixsites.cli.credentials import Choice, Settings, choose
from wixsites.cli.output import Output
from wixsites.cli.requestlog import RequestLog, mask_secret
from wixsites.cli.sandboxdb import default_db_path, open_sandbox
from wixsites.redaction import Redactor, mask_url, url_secrets

if TYPE_CHECKING:
    from wixsandbox import Sandbox
    from wixsites import RetryPolicy, WixSites

__all__ = ["AppContext", "Settings", "pass_app"]


class AppContext:
    """Built by the ``wixsites`` group; the client is made on first use and closed at the end."""

    def __init__(self, settings: Settings, output: Output) -> None:
        self.settings = settings
        self.output = output
        self.requests: RequestLog | None = None
        self.account_id: str | None = None  # the account in use, once connected
        self._client: WixSites | None = None
        self._sandbox: Sandbox | None = None
        self._choice: Choice | None = None

    def log(self, message: str) -> None:
        if self.settings.verbose:
            self.output.info(f"[verbose] {message}")

    def choice(self) -> Choice:
        """The account the commands act on (decided once)."""
        if self._choice is None:
            from wixsites.cli.profiles import ProfileStore

            self._choice = choose(self.settings, ProfileStore())
        return self._choice

    def client(self) -> WixSites:
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _connect(self) -> WixSites:
        from wixsites import WixSites

        s = self.settings
        options: dict[str, Any] = {}
        base_url = s.base_url
        choice = self.choice()
        if choice.sandbox:
            path = default_db_path()
            self._sandbox = open_sandbox(path)
            credentials = self._sandbox.default_credentials()
            api_key, account_id = credentials.api_key, credentials.account_id
            options["transport"] = self._sandbox.transport()
            options["rate_limit"] = None  # in process: nothing to protect
            self.output.info(f"Using the embedded sandbox ({path}; chosen by {choice.why}).")
        else:
            api_key, account_id = s.api_key or "", s.account_id or ""
            if choice.profile is not None:
                from wixsites.cli.profiles import ProfileStore

                api_key = ProfileStore().api_key(choice.profile)
                account_id = choice.profile.account_id
                base_url = choice.profile.base_url  # its key goes nowhere else (`choose`)
                self.log(choice.why)
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
