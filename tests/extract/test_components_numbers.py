"""Numbers as printed: words, thousands, decimal commas, Lancet points, percents and fractions."""

from __future__ import annotations

import pytest

from evidence.extract.components.numbers import find_numbers, parse_number


@pytest.mark.parametrize("raw, value", [
    ("17", 17), ("1,128", 1128), ("46,9", 46.9), ("43·5", 43.5), (".003", 0.003),
    ("five", 5), ("Forty-five", 45), ("sixty-two", 62), ("twenty two", 22), ("Nineteen", 19),
    ("One hundred and twelve", 112), ("a hundred", 100), ("two hundred", 200),
])
def test_parse_number(raw, value):
    assert parse_number(raw) == value


def _mentions(text):
    return [(text[m["start"]:m["end"]], m["kind"], m["value"], m["total"]) for m in find_numbers(text)]


def test_fractions_percents_and_counts():
    text = "Of 1,128 adults, Forty-two responded: 13 of 17 (76.4%), 9 of the 12 and 15/32 (46,9%); CR: 0 / 3."
    assert _mentions(text) == [
        ("1,128", "int", 1128, None),
        ("Forty-two", "int", 42, None),
        ("13 of 17", "fraction", 13, 17),
        ("76.4%", "percent", 76.4, None),
        ("9 of the 12", "fraction", 9, 12),
        ("15/32", "fraction", 15, 32),
        ("46,9%", "percent", 46.9, None),
        ("0 / 3", "fraction", 0, 3),
    ]


def test_units_with_slashes_are_not_fractions():
    text = "Platelets above 50 × 10^9/L or 109/L after 2.5 mg/m2/day."
    assert _mentions(text) == [("50", "int", 50, None), ("2.5", "decimal", 2.5, None)]


def test_a_part_larger_than_its_whole_is_two_numbers():
    assert _mentions("5 of 2 sites") == [("5", "int", 5, None), ("2", "int", 2, None)]
