"""Verification codes printed on certificates, checked later with `tinklas verify`.

A code is 45 random bits written in Crockford's base32 (digits and letters without I, L, O, U, so
that nothing reads as another symbol), followed by Crockford's mod-37 check symbol, grouped for
reading aloud: "7KQ2-M9XD-4R". Because 37 is prime and larger than the alphabet, the check
catches every single mistyped symbol and every swap of two neighbouring symbols. People type
what they read, so `normalise` accepts lower case, spaces, dashes and the look-alikes O, I, L.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# Check symbols: the alphabet, then five extra symbols for the values 32..36.
CHECK_SYMBOLS = ALPHABET + "*~$=U"
BITS = 45
DATA_LENGTH = BITS // 5  # 9 symbols
GROUPS = (4, 4, 2)  # of the 10 symbols with the check symbol
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_CHECK_VALUE = {ch: i for i, ch in enumerate(CHECK_SYMBOLS)}
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = str.maketrans("", "", " -\t_.")


def _check_symbol(data: str) -> str:
    value = 0
    for ch in data:
        value = value * 32 + _VALUE[ch]
    return CHECK_SYMBOLS[value % 37]


def _group(text: str) -> str:
    parts, start = [], 0
    for size in GROUPS:
        parts.append(text[start:start + size])
        start += size
    return "-".join(parts)


def code_from_int(n: int) -> str:
    """The code for a 45-bit number: for demo data and tests that must be reproducible."""
    if not 0 <= n < 1 << BITS:
        raise ValueError(f"a verification code holds {BITS} bits, not {n}")
    data = "".join(ALPHABET[(n >> (5 * i)) & 31] for i in reversed(range(DATA_LENGTH)))
    return _group(data + _check_symbol(data))


def new_verification_code() -> str:
    """A fresh random code for a certificate being issued."""
    return code_from_int(secrets.randbits(BITS))


def normalise(code: str) -> str:
    """The code as typed, made comparable: upper case, no separators, O read as 0, I and L as 1.

    U stays: it is not a data symbol, but it is the check symbol for 36.
    """
    return code.upper().translate(_SEPARATORS).translate(_LOOK_ALIKES)


def is_valid(code: str) -> bool:
    """True when the code has the right length and symbols and its check symbol matches."""
    text = normalise(code)
    if len(text) != DATA_LENGTH + 1:
        return False
    data, check = text[:-1], text[-1]
    if any(ch not in _VALUE for ch in data) or check not in _CHECK_VALUE:
        return False
    return _check_symbol(data) == check


def display(code: str) -> str:
    """The code grouped as printed and stored ("7kq2 m9xd 4r" -> "7KQ2-M9XD-4R").

    Certificates store the printed form, so a typed code is looked up as `display(typed)`.
    """
    text = normalise(code)
    return _group(text) if len(text) == DATA_LENGTH + 1 else text
