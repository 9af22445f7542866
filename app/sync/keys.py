"""This office's key pairs and the short fingerprints people compare on the phone.

Ed25519 signs manifests; X25519 (NaCl sealed boxes) receives the key of each file. The private
keys live in this database's local_state, so a backup keeps them and nothing else has them.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from nacl.public import PrivateKey, PublicKey
from nacl.signing import SigningKey, VerifyKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import LocalState


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def fingerprint(signing_public: str, encryption_public: str) -> str:
    """Twenty hex characters in groups of four: short enough to read out, long enough to trust."""
    digest = hashlib.sha256(unb64(signing_public) + unb64(encryption_public)).hexdigest()
    return " ".join(digest[i:i + 4] for i in range(0, 20, 4)).upper()


def key_id(encryption_public: str) -> bytes:
    """8 bytes naming the recipient key in a file's clear header."""
    return hashlib.sha256(unb64(encryption_public)).digest()[:8]


@dataclass(frozen=True)
class OwnKeys:
    signing: SigningKey
    encryption: PrivateKey

    @property
    def signing_public(self) -> str:
        return b64(bytes(self.signing.verify_key))

    @property
    def encryption_public(self) -> str:
        return b64(bytes(self.encryption.public_key))

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_public, self.encryption_public)


def _state(s: Session, key: str) -> LocalState | None:
    return s.execute(select(LocalState).where(LocalState.key == key)).scalar_one_or_none()


def load_keys(s: Session) -> OwnKeys | None:
    sk, ek = _state(s, "signing_secret"), _state(s, "encryption_secret")
    if sk is None or ek is None or not sk.text_value or not ek.text_value:
        return None
    return OwnKeys(SigningKey(unb64(sk.text_value)), PrivateKey(unb64(ek.text_value)))


def ensure_keys(s: Session) -> OwnKeys:
    """This office's keys, made now if it has none (when it joins or invites)."""
    keys = load_keys(s)
    if keys is not None:
        return keys
    keys = OwnKeys(SigningKey.generate(), PrivateKey.generate())
    for key, value in (("signing_secret", b64(bytes(keys.signing))),
                       ("encryption_secret", b64(bytes(keys.encryption)))):
        row = _state(s, key)
        if row is None:
            s.add(LocalState(key=key, text_value=value))
        else:
            row.text_value = value
    s.flush()
    return keys


def verify_key(text: str) -> VerifyKey:
    return VerifyKey(unb64(text))


def public_key(text: str) -> PublicKey:
    return PublicKey(unb64(text))
