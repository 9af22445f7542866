"""Certificate verification codes: random, readable, and a typing mistake is caught."""

from __future__ import annotations

import random
import re

import pytest

from app.certificates.codes import (
    ALPHABET,
    CHECK_SYMBOLS,
    code_from_int,
    display,
    is_valid,
    new_verification_code,
    normalise,
)

SYMBOL = "[0-9A-HJKMNP-TV-Z]"
FORM = re.compile(rf"^{SYMBOL}{{4}}-{SYMBOL}{{4}}-{SYMBOL}[0-9A-HJKMNP-TV-Z*~$=U]$")


def _samples() -> list[str]:
    rng = random.Random(7)
    return [code_from_int(rng.getrandbits(45)) for _ in range(60)] + [
        code_from_int(0), code_from_int((1 << 45) - 1), new_verification_code(),
    ]


def test_new_codes_are_unique_valid_and_grouped() -> None:
    codes = [new_verification_code() for _ in range(1000)]
    assert len(set(codes)) == 1000
    for code in codes:
        assert FORM.match(code), code
        assert is_valid(code)


def test_a_code_carries_at_least_40_random_bits() -> None:
    # 9 data symbols of 5 bits each; the tenth is the check symbol.
    codes = {normalise(new_verification_code())[:-1] for _ in range(200)}
    assert all(len(c) * 5 >= 40 for c in codes)
    used = {ch for c in codes for ch in c}
    assert len(used) > 25  # every data position varies over the alphabet


def test_code_from_int_is_reproducible_and_bounded() -> None:
    assert code_from_int(123456789) == code_from_int(123456789)
    assert code_from_int(1) != code_from_int(2)
    with pytest.raises(ValueError):
        code_from_int(1 << 45)
    with pytest.raises(ValueError):
        code_from_int(-1)


@pytest.mark.parametrize("code", _samples())
def test_every_single_mistyped_symbol_is_detected(code: str) -> None:
    text = normalise(code)
    for pos in range(len(text)):
        for ch in CHECK_SYMBOLS:  # the whole alphabet, and the check-only symbols too
            if ch == text[pos]:
                continue
            wrong = text[:pos] + ch + text[pos + 1:]
            assert not is_valid(wrong), (code, wrong)


@pytest.mark.parametrize("code", _samples())
def test_every_swap_of_neighbours_is_detected(code: str) -> None:
    text = normalise(code)
    for pos in range(len(text) - 1):
        if text[pos] == text[pos + 1]:
            continue
        swapped = text[:pos] + text[pos + 1] + text[pos] + text[pos + 2:]
        assert not is_valid(swapped), (code, swapped)


def test_normalise_accepts_what_people_type() -> None:
    code = code_from_int(0x1ABCDEF0123)
    assert is_valid(code)
    typed = code.lower().replace("-", " ")
    assert normalise(typed) == code.replace("-", "")
    assert is_valid(typed)
    assert display(typed) == code
    assert normalise(" 7kq2-m9xd-4r ") == "7KQ2M9XD4R"
    # Look-alikes: O is zero, I and L are one.
    assert normalise("o1l-I") == "0111"
    assert normalise("OOOO-OOOO-OO") == normalise(code_from_int(0))
    assert is_valid("oooo-oooo-oo")


def test_wrong_length_or_symbols_are_invalid() -> None:
    code = normalise(code_from_int(987654321))
    assert not is_valid("")
    assert not is_valid(code[:-1])
    assert not is_valid(code + "0")
    assert not is_valid(code[:3] + "*" + code[4:])  # a check-only symbol among the data
    assert all(ch not in ALPHABET for ch in "ILOU")
