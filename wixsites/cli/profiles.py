"""Named credentials for the command line: an API key and an account id (and a base URL) per profile,
or a profile that says "the embedded sandbox" (``wixsites auth login --sandbox``).

The key goes to the operating system's keyring (the `keyring` library) when one is available, and
otherwise into the profiles file itself, which is written with mode 0600 in the user's config
directory (``WIXSITES_CONFIG_DIR`` moves it). The account id and base URL are not secret and always
live in the file. No function here returns or prints a key except `ProfileStore.api_key`.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from wixsites.cli.errors import CredentialsMissing, InputError

__all__ = ["CONFIG_ENV", "DEFAULT_PROFILE", "PROFILE_ENV", "Profile", "ProfileStore"]

CONFIG_ENV = "WIXSITES_CONFIG_DIR"
PROFILE_ENV = "WIXSITES_PROFILE"
DEFAULT_PROFILE = "default"
KEYRING_SERVICE = "wixsites"
IN_KEYRING = "keyring"
IN_FILE = "file"
NO_KEY = "none"  # a sandbox profile: the embedded sandbox needs no key


@dataclass(frozen=True)
class Profile:
    name: str
    account_id: str
    base_url: str | None
    key_in: str  # IN_KEYRING, IN_FILE or NO_KEY
    sandbox: bool = False


def config_dir() -> Path:
    configured = os.environ.get(CONFIG_ENV)
    return Path(configured) if configured else Path(platformdirs.user_config_dir("wixsites"))


# keyring's own scale: a backend of priority 1 or more is one it recommends (an OS keyring); below
# that are fallbacks such as keyrings.alt's plain-text file, which is no safer than our 0600 file
# and would be misreported as "the system keyring".
RECOMMENDED_PRIORITY = 1


def _keyring() -> Any | None:
    """The keyring module when an OS keyring is there; None when it is not (a headless box)."""
    try:
        import keyring
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None
    backend = keyring.get_keyring()
    chained = getattr(backend, "backends", None)
    backends = list(chained) if chained is not None else [backend]
    if not backends or any(b.priority < RECOMMENDED_PRIORITY for b in backends):
        return None
    return keyring


class ProfileStore:
    def __init__(self, directory: Path | None = None) -> None:
        self.path = (directory or config_dir()) / "profiles.json"

    # -- the file ------------------------------------------------------------------------------

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise InputError(f"cannot read the profiles file {self.path}: {exc.strerror}") from None
        try:
            data = json.loads(text)
            profiles = data["profiles"]
            if not isinstance(profiles, dict):
                raise TypeError
        except (ValueError, KeyError, TypeError):
            raise InputError(
                f"the profiles file {self.path} is damaged; remove it and run `wixsites auth login`"
            ) from None
        return {str(k): v for k, v in profiles.items() if isinstance(v, dict)}

    def _write(self, profiles: dict[str, dict[str, Any]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"profiles": profiles}, indent=2, sort_keys=True) + "\n"
        # Written to a 0600 temporary file first, then renamed: never readable by others, never half.
        fd, staged = tempfile.mkstemp(prefix=".profiles-", dir=self.path.parent)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                file.write(text)
            os.replace(staged, self.path)
        except BaseException:
            Path(staged).unlink(missing_ok=True)
            raise

    # -- profiles ------------------------------------------------------------------------------

    def names(self) -> list[str]:
        return sorted(self._read())

    def get(self, name: str) -> Profile | None:
        entry = self._read().get(name)
        if entry is None:
            return None
        if entry.get("sandbox") is True:
            return Profile(name=name, account_id="", base_url=None, key_in=NO_KEY, sandbox=True)
        return Profile(
            name=name,
            account_id=str(entry.get("accountId", "")),
            base_url=entry.get("baseUrl") or None,
            key_in=IN_FILE if "apiKey" in entry else IN_KEYRING,
        )

    def save(self, name: str, api_key: str, account_id: str, base_url: str | None) -> Profile:
        profiles = self._read()
        entry: dict[str, Any] = {"accountId": account_id}
        if base_url:
            entry["baseUrl"] = base_url
        ring = _keyring()
        stored = False
        if ring is not None:
            try:
                ring.set_password(KEYRING_SERVICE, name, api_key)
                stored = True
            except Exception:  # any backend failure: fall back to the 0600 file
                stored = False
        if not stored:
            entry["apiKey"] = api_key
        profiles[name] = entry
        self._write(profiles)
        profile = self.get(name)
        assert profile is not None
        return profile

    def save_sandbox(self, name: str) -> Profile:
        """A profile that chooses the embedded sandbox (and forgets any key stored under `name`)."""
        self.remove(name)
        profiles = self._read()
        profiles[name] = {"sandbox": True}
        self._write(profiles)
        profile = self.get(name)
        assert profile is not None
        return profile

    def api_key(self, profile: Profile) -> str:
        if profile.key_in == IN_FILE:
            return str(self._read().get(profile.name, {}).get("apiKey", ""))
        ring = _keyring()
        key = None
        if ring is not None:
            try:
                key = ring.get_password(KEYRING_SERVICE, profile.name)
            except Exception:
                key = None
        if not key:
            raise CredentialsMissing(
                f"the API key of profile '{profile.name}' is not in the system keyring any more; "
                f"run `wixsites auth login --profile {profile.name}` again"
            )
        return str(key)

    def remove(self, name: str) -> bool:
        profiles = self._read()
        entry = profiles.pop(name, None)
        if entry is None:
            return False
        if "apiKey" not in entry:
            ring = _keyring()
            if ring is not None:
                # already gone from the keyring: nothing left to remove
                with contextlib.suppress(Exception):
                    ring.delete_password(KEYRING_SERVICE, name)
        self._write(profiles)
        return True

    def where(self, profile: Profile) -> str:
        """Where the key is kept, in words (never the key)."""
        if profile.key_in == NO_KEY:
            return "no key: the embedded sandbox"
        if profile.key_in == IN_FILE:
            return f"in {self.path} (mode 0600)"
        return "in the system keyring"
