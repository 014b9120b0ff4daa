"""The key pair that signs the sandbox's webhooks: one RSA-2048 pair per sandbox database.

The private key (PKCS #8 PEM) is kept in the database's `meta` table sealed with the database's
vault, as the app secrets are (`wixsandbox.vault`): no dump or `strings` of the file shows it. The
public key (PEM) and the key id (the JWT header's ``kid``) are kept in clear. The pair is made on
first need (registering an endpoint, asking for the public key), never on a request's path.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from wixsandbox.store import Store

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

__all__ = ["Signer", "public_pem", "signer"]

PRIVATE = "webhook_private_key_sealed"
PUBLIC = "webhook_public_key"
KID = "webhook_kid"


def _stored(store: Store) -> dict[str, str]:
    with store.read() as conn:
        rows = conn.execute(
            "SELECT key, value FROM meta WHERE key IN (?, ?, ?)", (PRIVATE, PUBLIC, KID)
        ).fetchall()
    return {str(key): str(value) for key, value in rows}


def _ensure(store: Store) -> dict[str, str]:
    """The stored pair, made first if there is none (by whichever process gets there first)."""
    stored = _stored(store)
    if len(stored) == 3:
        return stored
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # ~0.1 s: not locked
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )
    with store.write() as conn:
        if conn.execute("SELECT 1 FROM meta WHERE key = ?", (PRIVATE,)).fetchone() is None:
            conn.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [
                    (PRIVATE, store.vault.seal(private)),
                    (PUBLIC, public),
                    (KID, secrets.token_hex(8)),
                ],
            )
    return _stored(store)


def public_pem(store: Store) -> str:
    """The PEM that verifies the sandbox's webhooks (the pair is made if there is none)."""
    return _ensure(store)[PUBLIC]


class Signer:
    """Signs webhook tokens (RS256) with the database's private key, unsealed once."""

    def __init__(self, key: RSAPrivateKey, kid: str) -> None:
        self._key = key
        self.kid = kid

    def __repr__(self) -> str:
        return f"Signer(kid={self.kid!r})"

    def sign(self, claims: dict[str, Any]) -> str:
        import jwt

        return jwt.encode(claims, self._key, algorithm="RS256", headers={"kid": self.kid})


def signer(store: Store) -> Signer:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    stored = _ensure(store)
    key = load_pem_private_key(store.vault.unseal(stored[PRIVATE]).encode("ascii"), None)
    if not isinstance(key, RSAPrivateKey):  # pragma: no cover - only this module writes it
        raise ValueError("the sandbox's webhook key is not an RSA key")
    return Signer(key, stored[KID])
