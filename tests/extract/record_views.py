"""What the extraction tests compare: a record's figures and groups as plain tuples.

Each view first checks that the extractor raised nothing (a record with an ``error`` key).
"""

from __future__ import annotations


def figures(record: dict) -> list[tuple]:
    """``(measure, events, total, percent)`` of each outcome."""
    assert "error" not in record
    return [(o["measure"], o["events"], o["total"], o["percent"]) for o in record["outcomes"]]


def figures_by_group(record: dict) -> list[tuple]:
    """``(measure, events, total, group)`` of each outcome."""
    assert "error" not in record
    return [(o["measure"], o["events"], o["total"], o["group"]) for o in record["outcomes"]]


def figures_with_group(record: dict) -> list[tuple]:
    """``(measure, events, total, percent, group)`` of each outcome."""
    assert "error" not in record
    return [(o["measure"], o["events"], o["total"], o["percent"], o["group"]) for o in record["outcomes"]]


def group_sizes(record: dict) -> list[tuple]:
    """``(label, n)`` of each sized subgroup."""
    return [(g["label"], g["n"]) for g in record["groups"]]
