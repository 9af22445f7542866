"""The encrypted envelope around a package: addressed to one recipient's public key.

Layout (all lengths fixed or prefixed, checked before anything is decrypted):
    MAGIC (8) | version (1) | recipient key id (8) | sealed stream key (80) | stream header (24)
    then chunks: length (4, big-endian) | ciphertext (length), the last one tagged FINAL.
The stream key is sealed with a NaCl sealed box to the recipient's X25519 key; the payload is
encrypted with libsodium's secretstream (XChaCha20-Poly1305), whose per-chunk tags detect any
flipped bit, any reordered or dropped chunk, and (through the FINAL tag) a file cut short.
No primitive here is our own: both come from libsodium through PyNaCl.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

import nacl.bindings as sodium
import nacl.exceptions
from nacl.public import PrivateKey, PublicKey, SealedBox

from app.errors import UserError
from app.i18n import N_

MAGIC = b"TINKLAS\x1a"
VERSION = 1
CHUNK = 64 * 1024
SEALED_KEY = 32 + 48
HEADER = len(MAGIC) + 1 + 8 + SEALED_KEY + sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES
MAX_CHUNK = CHUNK + sodium.crypto_secretstream_xchacha20poly1305_ABYTES
DAMAGED = N_("The file is damaged or incomplete: ask the sender to send it again.")


class EnvelopeError(UserError):
    pass


def seal(payload: bytes, recipient: PublicKey, recipient_key_id: bytes) -> bytes:
    key = sodium.crypto_secretstream_xchacha20poly1305_keygen()
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    header = sodium.crypto_secretstream_xchacha20poly1305_init_push(state, key)
    out = [MAGIC, bytes([VERSION]), recipient_key_id, SealedBox(recipient).encrypt(key), header]
    chunks = [payload[i:i + CHUNK] for i in range(0, len(payload), CHUNK)] or [b""]
    for i, chunk in enumerate(chunks):
        tag = (sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL if i == len(chunks) - 1
               else sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE)
        ct = sodium.crypto_secretstream_xchacha20poly1305_push(state, chunk, None, tag)
        out.append(struct.pack(">I", len(ct)))
        out.append(ct)
    return b"".join(out)


def recipient_key_id(data: bytes) -> bytes:
    """The key id a file is addressed to, read from the clear header (no decryption)."""
    if len(data) < HEADER or not data.startswith(MAGIC):
        raise EnvelopeError(N_("This is not a Tinklas data exchange file."))
    if data[len(MAGIC)] != VERSION:
        raise EnvelopeError(N_("Update Tinklas to read this file (its envelope is newer)."))
    return data[len(MAGIC) + 1:len(MAGIC) + 9]


def _chunks(data: bytes, start: int) -> Iterator[bytes]:
    pos = start
    while pos < len(data):
        if pos + 4 > len(data):
            raise EnvelopeError(DAMAGED)
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        if length > MAX_CHUNK or pos + 4 + length > len(data):
            raise EnvelopeError(DAMAGED)
        yield data[pos + 4:pos + 4 + length]
        pos += 4 + length


def open_envelope(data: bytes, own: PrivateKey, max_plain: int) -> bytes:
    """Decrypt; any damage, truncation or a key that is not ours raises EnvelopeError."""
    recipient_key_id(data)
    base = len(MAGIC) + 9
    sealed = data[base:base + SEALED_KEY]
    header = data[base + SEALED_KEY:HEADER]
    try:
        key = SealedBox(own).decrypt(sealed)
    except nacl.exceptions.CryptoError:
        raise EnvelopeError(N_("This file was not encrypted for this office.")) from None
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, header, key)
    out: list[bytes] = []
    size = 0
    final = False
    for ct in _chunks(data, HEADER):
        if final:
            raise EnvelopeError(DAMAGED)  # data after the final chunk
        try:
            plain, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, ct, None)
        except (nacl.exceptions.CryptoError, RuntimeError, ValueError):
            raise EnvelopeError(DAMAGED) from None
        size += len(plain)
        if size > max_plain:
            raise EnvelopeError(N_("The file is larger than Tinklas accepts ({limit} MB)."),
                                limit=max_plain // (1024 * 1024))
        out.append(plain)
        final = tag == sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
    if not final:
        raise EnvelopeError(DAMAGED)
    return b"".join(out)
