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

from wixsites.cli.envvars import SANDBOX_ENV
from wixsites.cli.errors import CredentialsMissing, InputError
from wixsites.cli.profiles import DEFAULT_PROFILE, Profile, ProfileStore
from wixsites.redaction import mask_url

if TYPE_CHECKING:
    from typing import TextIO

__all__ = [
    "KEY_FILE_OPTION",
    "NO_CREDENTIALS",
    "NO_KEY_IN_ARGV",
    "SANDBOX_ENV",
    "Choice",
    "Settings",
    "choose",
    "profile_url",
    "read_api_key",
    "refuse_key_in_argv",
]

KEY_FILE_OPTION = "--api-key-file"
NO_KEY_IN_ARGV = (
    "--api-key is not accepted: a key on the command line is visible to every user in `ps` and "
    "stays in the shell history. Use `wixsites auth login` (stores it in the keyring), "
    "WIX_API_KEY, or --api-key-file PATH (`--api-key-file -` reads it from standard input)"
)
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
    given: dict[str, str] = field(default_factory=dict)

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

    def read_api_key_file(self, path: str, stdin: TextIO) -> None:
        """Take the API key from the first line of `path` (``-``: standard input, asked for
        with hidden input on a terminal)."""
        self.api_key = read_api_key(path, stdin)
        self.given["api_key"] = KEY_FILE_OPTION


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
        if s.base_url and not _same_server(s.base_url, profile_url(profile)):
            raise InputError(_other_server(profile, s.base_url, s.source("base_url")))
        return Choice(profile.sandbox, f"profile '{name}'", profile)
    if not explicit:
        if s.base_url:
            raise CredentialsMissing(
                f"no credentials for {mask_url(s.base_url)} ({s.source('base_url')}): set "
                "WIX_API_KEY and WIX_ACCOUNT_ID (`wixsites sandbox serve` prints the ones to use)"
            )
        stored = store.names()
        if stored:
            raise CredentialsMissing(
                f"{NO_CREDENTIALS}; or choose a stored profile with --profile NAME "
                f"(stored: {', '.join(stored[:10])}{', ...' if len(stored) > 10 else ''})"
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


def profile_url(profile: Profile) -> str | None:
    """Where the profile's key may go: its own base URL (Wix's by default); None for the sandbox."""
    from wixsites.config import DEFAULT_BASE_URL

    if profile.sandbox:
        return None
    return profile.base_url or DEFAULT_BASE_URL


def _same_server(url: str, other: str | None) -> bool:
    import httpx

    if other is None:
        return False
    try:
        return httpx.URL(url.strip().rstrip("/")) == httpx.URL(other.strip().rstrip("/"))
    except (httpx.InvalidURL, TypeError):
        return False


def _other_server(profile: Profile, url: str, given: str) -> str:
    """Why a profile's key is not sent to another base URL, and what to do instead."""
    own = profile_url(profile)
    holds = (
        "works on the embedded sandbox"
        if own is None
        else f"holds a key for {mask_url(own)}, which is not sent anywhere else"
    )
    drop = f"leave out {given}" if given.startswith("-") else f"unset {given}"
    return (
        f"profile '{profile.name}' {holds}, and {given} names {mask_url(url)}: {drop}, or "
        f"store a profile for that server (`wixsites auth login --profile NAME --base-url "
        f"{mask_url(url)}`), or give its credentials in WIX_API_KEY and WIX_ACCOUNT_ID"
    )


def read_api_key(path: str, stdin: TextIO) -> str:
    """The first line of `path`, stripped (never echoed in a message)."""
    if path == "-":
        if stdin.isatty():
            return str(click.prompt("API key (input hidden)", hide_input=True, err=True)).strip()
        line, where = stdin.readline(), "standard input"
    else:
        try:
            with open(path, encoding="utf-8") as file:
                line = file.readline()
        except FileNotFoundError:  # perhaps the key itself was given: not repeated
            raise InputError(
                f"{KEY_FILE_OPTION} takes the path of a file holding the key, and there is no "
                "file at the path given (not repeated here, in case it is the key itself: then "
                "it is in your shell history, and the key should be replaced)"
            ) from None
        except (OSError, UnicodeDecodeError) as error:
            why = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
            raise InputError(f"{KEY_FILE_OPTION} {path}: cannot read it ({why or error})") from None
        where = path
    key = line.strip()
    if not key:
        raise InputError(f"{KEY_FILE_OPTION}: the first line of {where} holds no API key")
    return key


def refuse_key_in_argv(
    ctx: click.Context, _param: click.Parameter, value: str | None
) -> str | None:
    """The callback of the hidden ``--api-key``: the key is taken from WIX_API_KEY only."""
    if value is not None and ctx.get_parameter_source("api_key") is not (
        click.core.ParameterSource.ENVIRONMENT
    ):
        raise InputError(NO_KEY_IN_ARGV)
    return value
