"""Extraction records on disk: JSON Lines for programs, CSV for spreadsheets.

Both formats are read back by the pool stage, so the CSV columns are a contract
(``CSV_COLUMNS``): one row per outcome, and one row with empty outcome cells for an article
without any, so that a reviewer's spreadsheet still lists every article screened (its
``flags`` cell then holds the record's own flags). ``flags`` are joined with ``;``. Text cells
that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return
first) get a leading ``'``: titles and sentences come from the outside world.

Files are written atomically: to a temporary file beside the target, then ``os.replace``; an
error midway (a truncated input file, an interrupt) leaves an existing output untouched.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from evidence._atomic import atomic_file
from evidence.errors import InputError
from evidence.extract.consistency import add_flags

CSV_COLUMNS = ("pmid", "title", "year", "cohort_n", "measure", "events", "total", "percent", "group",
               "flags", "evidence", "evidence_start", "evidence_end")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def make_record(extraction: dict, title: str, year: int | None) -> dict:
    """The extractor's dict with the article's ``title`` and ``year`` and the consistency ``flags``."""
    record = {"pmid": extraction["pmid"], "title": title, "year": year}
    record.update((key, value) for key, value in extraction.items() if key != "pmid")
    return add_flags(record)


def csv_rows(record: dict) -> Iterator[list]:
    """The CSV rows of one record, in ``CSV_COLUMNS`` order, cells escaped against formulas."""
    article = [record.get("pmid"), record.get("title"), record.get("year"), record.get("cohort_n")]
    outcomes = record.get("outcomes") or []
    if not outcomes:
        yield [_cell(v) for v in article + [None] * 5 + [";".join(record.get("flags") or [])] + [None] * 3]
        return
    for outcome in outcomes:
        evidence = outcome.get("evidence") or {}
        cells = article + [outcome.get("measure"), outcome.get("events"), outcome.get("total"),
                           outcome.get("percent"), outcome.get("group"),
                           ";".join(outcome.get("flags") or []),
                           evidence.get("text"), evidence.get("start"), evidence.get("end")]
        yield [_cell(v) for v in cells]


def _cell(value) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unescape_cell(text: str) -> str:
    """Undo :func:`_cell`'s formula escape, for readers of our own CSV (the pool stage)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def _write_jsonl(records: Iterable[dict], handle: IO[str]) -> None:
    for record in records:
        handle.write(json.dumps(record, ensure_ascii=False))
        handle.write("\n")


def _write_csv(records: Iterable[dict], handle: IO[str]) -> None:
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        writer.writerows(csv_rows(record))


WRITERS: dict[str, Callable[[Iterable[dict], IO[str]], None]] = {"jsonl": _write_jsonl, "csv": _write_csv}


def write_records(records: Iterable[dict], out: str | Path | None, fmt: str = "jsonl") -> None:
    """Write records as ``jsonl`` or ``csv`` to ``out`` (atomically, folder created) or to stdout."""
    if fmt not in WRITERS:
        raise InputError(f"--format {fmt}: unknown format (choose {' or '.join(WRITERS)})")
    if out is None:
        WRITERS[fmt](records, sys.stdout)
        sys.stdout.flush()
        return
    path = Path(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{path}: cannot write here: {exc.strerror or exc}") from exc
    with atomic_file(path) as handle:
        WRITERS[fmt](records, handle)
