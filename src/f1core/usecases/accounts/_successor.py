"""Sealing a rotated refresh token's successor, so a concurrent reuse gets the same one.

The successor is stored encrypted under a key derived from the spent token and the
server's key: the database alone yields no usable token (only hashes and ciphertext), and
only a client presenting the spent token can have its successor back. Each key seals one
message (a token is rotated once), so an HMAC-SHA256 keystream (the PRF in counter mode)
is a sound stream cipher here; integrity comes from comparing the opened token's hash with
the stored ``replaced_by`` (and from the token's own signature).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

_LABEL = b"f1 refresh-token successor seal\x00"


def _keystream(server_key: bytes, spent_token: str, length: int) -> bytes:
    key = hmac.new(server_key, _LABEL + spent_token.encode(), hashlib.sha256).digest()
    blocks = (length + 31) // 32
    stream = b"".join(
        hmac.new(key, i.to_bytes(4, "big"), hashlib.sha256).digest() for i in range(blocks)
    )
    return stream[:length]


def seal_successor(successor: str, spent_token: str, server_key: bytes) -> str:
    """``successor`` encrypted for whoever presents ``spent_token`` (URL-safe text)."""
    plain = successor.encode()
    stream = _keystream(server_key, spent_token, len(plain))
    sealed = bytes(a ^ b for a, b in zip(plain, stream, strict=True))
    return base64.urlsafe_b64encode(sealed).decode()


def open_successor(sealed: str, spent_token: str, server_key: bytes) -> str | None:
    """The successor sealed by ``seal_successor``, or None when it does not open."""
    try:
        data = base64.urlsafe_b64decode(sealed.encode())
    except (binascii.Error, ValueError):
        return None
    stream = _keystream(server_key, spent_token, len(data))
    try:
        return bytes(a ^ b for a, b in zip(data, stream, strict=True)).decode()
    except UnicodeDecodeError:
        return None
