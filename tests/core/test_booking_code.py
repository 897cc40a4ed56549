"""Booking codes: random, digits only, and a check digit that refuses every single mistyped digit and every
swap of two neighbouring digits, before the server looks anything up."""

from __future__ import annotations

import itertools
import random

import pytest

from core.booking_code import LENGTH, check_digit, is_valid, new_code, shown, typed


def test_damms_published_example_checks_out():
    # Damm's worked example (572 → check digit 4), as every description of the algorithm gives it.
    assert check_digit("572") == 4
    assert check_digit("5724") == 0


def test_a_new_code_is_random_digits_with_its_check_digit():
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(len(c) == LENGTH and c.isdigit() and is_valid(c) for c in codes)
    assert new_code(lambda n: 1234) == "00001234" + str(check_digit("00001234"))


SAMPLE = [new_code(random.Random(seed).randrange) for seed in range(300)]


@pytest.mark.parametrize("code", SAMPLE[:60])
def test_every_single_mistyped_digit_is_refused(code: str):
    for place, digit in itertools.product(range(LENGTH), "0123456789"):
        if code[place] != digit:
            assert not is_valid(code[:place] + digit + code[place + 1:]), (code, place, digit)


@pytest.mark.parametrize("code", SAMPLE)
def test_every_swap_of_two_neighbouring_digits_is_refused(code: str):
    for place in range(LENGTH - 1):
        if code[place] != code[place + 1]:
            swapped = code[:place] + code[place + 1] + code[place] + code[place + 2:]
            assert not is_valid(swapped), (code, place)


@pytest.mark.parametrize("text", ["", "12345678", "1234567890", "12345678a", "١٢٣٤٥٦٧٨٩", "123 456 78x"])
def test_anything_but_nine_ascii_digits_is_refused(text: str):
    assert not is_valid(text)


def test_a_code_is_shown_in_threes_and_read_back_as_typed():
    code = new_code(lambda n: 12345678)
    assert shown(code) == f"123-456-78{code[-1]}"
    assert typed(shown(code)) == code and is_valid(shown(code)) and is_valid(" " + shown(code).replace("-", " "))
