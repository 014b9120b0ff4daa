"""Which account the commands act on: the embedded sandbox, a stored profile, or the credentials
given in the environment or on the command line.

Nothing is implicit. The embedded sandbox is used only when asked for: ``--sandbox``,
``WIXSITES_SANDBOX=1``, or a profile stored with ``wixsites auth login --sandbox``. Without any
credentials a command fails with exit status 4 (`CredentialsMissing`), naming the ways out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import click

from wixsites.cli.errors import CredentialsMissing, InputError
from wixsites.cli.profiles import DEFAULT_PROFILE, Profile, ProfileStore
from wixsites.redaction import mask_url

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "NO_CREDENTIALS",
    "SANDBOX_ENV",
    "Choice",
    "Settings",
    "choose",
]

SANDBOX_ENV = "WIXSITES_SANDBOX"
NO_CREDENTIALS = (
    "no Wix credentials: run `wixsites auth login` to store a profile, or set WIX_API_KEY and "
    "WIX_ACCOUNT_ID, or add --sandbox to work on the embedded sandbox (a local practice account)"
)


@dataclass
class Settings:
    """The global options of ``wixsites``; `given` maps an option's name to the way it was given
    (its flag, or its environment variable), for messages."""

    api_key: str | None = None
    account_id: str | None = None
    base_url: str | None = None
    sandbox: bool = False
    verbose: bool = False
    max_retries: int | None = None
    profile: str | None = None
    given: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, ctx: click.Context) -> Settings:
        """The settings of the ``wixsites`` group's parsed options (empty strings: not given)."""
        params = ctx.params
        given: dict[str, str] = {}
        for param in ctx.command.params:
            if not isinstance(param, click.Option) or param.name is None:
                continue
            if params.get(param.name) in (None, False, ""):
                continue
            source = ctx.get_parameter_source(param.name)
            envvar = param.envvar if isinstance(param.envvar, str) else None
            if source is click.core.ParameterSource.ENVIRONMENT and envvar:
                given[param.name] = envvar
            else:
                given[param.name] = max(param.opts, key=len)
        return cls(
            api_key=params.get("api_key") or None,
            account_id=params.get("account_id") or None,
            base_url=params.get("base_url") or None,
            sandbox=bool(params.get("sandbox")),
            verbose=bool(params.get("verbose")),
            max_retries=params.get("max_retries"),
            profile=params.get("profile") or None,
            given=given,
        )

    def source(self, name: str) -> str:
        return self.given.get(name, f"--{name.replace('_', '-')}")


@dataclass(frozen=True)
class Choice:
    """Where the commands go: the embedded sandbox, or a Wix API with a key; `why` says who chose
    (``--sandbox``, ``profile 'x'``, ``WIX_API_KEY``...)."""

    sandbox: bool
    why: str
    profile: Profile | None = None


def choose(settings: Settings, store: ProfileStore) -> Choice:
    """The account the commands act on; `InputError` for contradictory settings,
    `CredentialsMissing` for none."""
    s = settings
    if s.sandbox:
        return Choice(True, s.source("sandbox"))
    explicit = s.api_key or s.account_id
    if s.profile and explicit:
        raise InputError(
            f"both a profile ('{s.profile}') and an API key or account id were given "
            "(flags or WIX_API_KEY/WIX_ACCOUNT_ID); use one or the other"
        )
    name = s.profile
    if name is None and not explicit and store.get(DEFAULT_PROFILE) is not None:
        name = DEFAULT_PROFILE
    if name is not None:
        profile = store.get(name)
        if profile is None:
            raise InputError(
                f"no profile '{name}'; run `wixsites auth login --profile {name}` "
                "(or see `wixsites auth status`)"
            )
        return Choice(profile.sandbox, f"profile '{name}'", profile)
    if not explicit:
        if s.base_url:
            raise CredentialsMissing(
                f"no credentials for {mask_url(s.base_url)} ({s.source('base_url')}): set "
                "WIX_API_KEY and WIX_ACCOUNT_ID (`wixsites sandbox serve` prints the ones to use)"
            )
        raise CredentialsMissing(NO_CREDENTIALS)
    if not (s.api_key and s.account_id):
        missing = "account id (WIX_ACCOUNT_ID)" if s.api_key else "API key (WIX_API_KEY)"
        given = f"API key ({s.source('api_key')})" if s.api_key else "account id"
        raise InputError(
            f"the {missing} is missing: the {given} was given, and the Wix API needs both "
            "(or use --sandbox for the embedded sandbox)"
        )
    return Choice(False, s.source("api_key"))
