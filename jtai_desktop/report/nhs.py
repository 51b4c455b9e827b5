"""NHS numbers: ten digits whose last is a Modulus 11 check digit over the first nine.

Only a number with a valid check digit is treated as an NHS number, so a ten-digit figure
that merely looks like one (a reference, a statistic) is not flagged as one.
"""

from __future__ import annotations

WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)


def check_digit(first_nine: str) -> int | None:
    """The check digit for nine digits, or None when no valid NHS number starts with them
    (a remainder that gives 10 is never issued)."""
    if len(first_nine) != 9 or not first_nine.isdigit():
        raise ValueError("an NHS number starts with nine digits")
    total = sum(int(d) * w for d, w in zip(first_nine, WEIGHTS))
    digit = 11 - total % 11
    if digit == 11:
        return 0
    return None if digit == 10 else digit


def digits_of(text: str) -> str:
    """The digits of a number written with spaces or hyphens (943 476 5919)."""
    return "".join(ch for ch in text if ch.isdigit())


def is_valid(text: str) -> bool:
    """True for ten digits (spaces and hyphens ignored) with a valid check digit."""
    digits = digits_of(text)
    if len(digits) != 10 or len(text.replace(" ", "").replace("-", "")) != 10:
        return False
    return check_digit(digits[:9]) == int(digits[9])
