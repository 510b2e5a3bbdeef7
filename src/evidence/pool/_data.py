"""Reading the studies to pool: a plain CSV, an extraction file (JSONL or CSV), a DataFrame or rows.

Everything becomes one :class:`Studies` table; an extraction file contributes one whole-cohort
figure of the requested measure per article, and every article without one is kept in
``skipped`` with the reason, so the user sees what was left out.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from evidence.errors import InputError

EXTRACTION_COLUMNS = {"pmid", "measure", "events", "total"}


@dataclass(frozen=True, eq=False)
class Studies:
    """The input after validation: labels, counts, optional groups and per-study provenance."""

    labels: tuple[str, ...]
    events: np.ndarray
    totals: np.ndarray
    groups: tuple[str | None, ...] | None = None
    info: tuple[dict, ...] = ()
    skipped: tuple[dict, ...] = ()
    notes: tuple[str, ...] = ()
    source: str = ""
    measure: str | None = None  # the response measure taken from an extraction file; None for plain counts

    def __len__(self) -> int:
        return len(self.labels)

    def subset(self, keep) -> "Studies":
        """The studies where the boolean mask (or index array) ``keep`` is set."""
        index = np.arange(len(self))[keep]
        return Studies(tuple(self.labels[i] for i in index), self.events[index], self.totals[index],
                       None if self.groups is None else tuple(self.groups[i] for i in index),
                       tuple(self.info[i] for i in index) if self.info else (), (), (), self.source,
                       self.measure)

    def add(self, label: str, events: int, total: int) -> "Studies":
        """A copy with one more study at the end (for ``check``)."""
        return Studies(self.labels + (label,), np.append(self.events, events), np.append(self.totals, total),
                       None if self.groups is None else self.groups + (None,),
                       self.info + ({},) if self.info else (), self.skipped, self.notes, self.source,
                       self.measure)

    @property
    def years(self) -> np.ndarray | None:
        """Publication years when every study has one (cumulative analysis orders by them)."""
        years = [entry.get("year") for entry in self.info] if self.info else []
        if not years or any(not isinstance(y, (int, float)) for y in years):
            return None
        return np.asarray(years, dtype=float)


def load_studies(data, *, measure: str = "ORR", by: str | None = None) -> Studies:
    """Read ``data`` (path, DataFrame or rows of (study, events, total[, group])) into :class:`Studies`."""
    if isinstance(data, (str, Path)):
        return _load_path(Path(data), measure, by)
    if hasattr(data, "to_dict") and hasattr(data, "columns"):
        return _from_rows(data.to_dict("records"), "the DataFrame", by, list(data.columns), first_row=1)
    if isinstance(data, Studies):
        return data
    try:
        rows = [dict(row) if isinstance(row, Mapping) else dict(zip(("study", "events", "total", "group"), row))
                for row in data]
    except TypeError as exc:
        raise InputError(f"cannot pool {type(data).__name__}: give a file, a DataFrame or (study, events, total) rows") from exc
    return _from_rows(rows, "the rows", by, ["study", "events", "total", "group"], first_row=1)


def _load_path(path: Path, measure: str, by: str | None) -> Studies:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from exc
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return _from_extraction(_read_jsonl(path, text), path, measure, by)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = [{(key or "").strip(): value for key, value in row.items()} for row in reader]
    columns = [c.strip() for c in reader.fieldnames or []]
    if EXTRACTION_COLUMNS <= set(columns):
        return _from_extraction(_records_from_csv(rows), path, measure, by)
    return _from_rows(rows, str(path), by, columns, first_row=2)


def _read_jsonl(path: Path, text: str) -> list[dict]:
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
            if not isinstance(record, dict) or not isinstance(record.get("outcomes", []), list):
                raise InputError(f"{path}:{number}: not an extraction record (an object with 'outcomes')")
            records.append(record)
    return records


def _records_from_csv(rows: list[dict]) -> list[dict]:
    """Regroup the one-row-per-outcome extraction CSV into JSONL-shaped records."""
    from evidence.extract.record import unescape_cell

    records: dict[str, dict] = {}
    for raw in rows:
        row = {key: unescape_cell(value) if isinstance(value, str) else value for key, value in raw.items()}
        pmid = (row.get("pmid") or "").strip()
        record = records.setdefault(pmid, {"pmid": pmid, "title": row.get("title"), "year": row.get("year"),
                                           "outcomes": []})
        record["outcomes"].append({
            "measure": row.get("measure"), "events": row.get("events"), "total": row.get("total"),
            "group": row.get("group") or None,
            "evidence": {"text": row.get("evidence") or "", "start": _optional_int(row.get("evidence_start"))}})
    return list(records.values())


def _optional_int(value):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() else None


def _label(record: dict) -> str:
    """``PMID n: first words of the title``: the PMID first, so a narrow column still identifies it."""
    pmid = str(record.get("pmid") or "").strip()
    words = str(record.get("title") or "").split()
    if not words:
        return f"PMID {pmid}" if pmid else "?"
    head = " ".join(words[:4]) + ("…" if len(words) > 4 else "")
    return f"PMID {pmid}: {head}" if pmid else head


def _from_extraction(records: list[dict], path: Path, measure: str, by: str | None) -> Studies:
    labels, events, totals, groups, info, skipped, notes = [], [], [], [], [], [], []
    for record in records:
        label = _label(record)
        candidates = [o for o in record.get("outcomes") or [] if isinstance(o, dict)
                      and str(o.get("measure") or "").upper() == measure.upper() and o.get("group") in (None, "")]
        candidates.sort(key=lambda o: (o.get("evidence") or {}).get("start") or 0)
        usable = [o for o in candidates if _optional_int(o.get("events")) is not None
                  and _optional_int(o.get("total")) is not None]
        if not usable:
            reason = (f"no whole-cohort {measure} figure" if not candidates
                      else f"the whole-cohort {measure} figure has no events and total")
            skipped.append({"study": label, "pmid": record.get("pmid"), "reason": reason})
            continue
        chosen = usable[0]
        x, n = _optional_int(chosen["events"]), _optional_int(chosen["total"])
        if x < 0 or n <= 0 or x > n:
            skipped.append({"study": label, "pmid": record.get("pmid"), "reason": f"invalid counts {x}/{n}"})
            continue
        if len(usable) > 1:
            notes.append(f"{label}: {len(usable)} whole-cohort {measure} figures; the first in the text ({x}/{n}) is used")
        labels.append(label)
        events.append(x)
        totals.append(n)
        year = _optional_int(record.get("year"))
        info.append({"pmid": record.get("pmid"), "year": year, "evidence": (chosen.get("evidence") or {}).get("text")})
        groups.append(str(record.get(by)) if by and record.get(by) is not None else None)
    if by and labels and all(g is None for g in groups):
        raise InputError(f"{path}: --by {by}: no study has a value in that column")
    return Studies(tuple(labels), np.array(events, dtype=np.int64), np.array(totals, dtype=np.int64),
                   tuple(groups) if by else None, tuple(info), tuple(skipped), tuple(notes), str(path),
                   measure)


def _count(value, column: str, where: str, line: int) -> int:
    text = str(value).strip() if value is not None else ""
    try:
        number = float(text)
    except ValueError:
        raise InputError(f"{where}: row {line}: {column} {text!r} is not a number") from None
    if not np.isfinite(number) or not number.is_integer():
        raise InputError(f"{where}: row {line}: {column} {text!r} is not a whole number")
    if number < 0:
        raise InputError(f"{where}: row {line}: {column} {text} is negative")
    return int(number)


def _from_rows(rows: list[dict], where: str, by: str | None, columns: list[str], first_row: int) -> Studies:
    """Validate (study, events, total[, group]) rows; ``first_row`` numbers them in messages."""
    for column in ("events", "total"):
        if column not in columns:
            raise InputError(f"{where}: missing column {column!r} (need study,events,total)")
    group_column = by or ("group" if "group" in columns else None)
    if by and by not in columns:
        raise InputError(f"{where}: --by {by}: no such column (columns: {', '.join(map(str, columns))})")
    labels, events, totals, groups = [], [], [], []
    for line, row in enumerate(rows, first_row):
        x = _count(row.get("events"), "events", where, line)
        n = _count(row.get("total"), "total", where, line)
        if n == 0:
            raise InputError(f"{where}: row {line}: total is 0")
        if x > n:
            raise InputError(f"{where}: row {line}: events {x} > total {n}")
        label = row.get("study")
        labels.append(str(label).strip() if label not in (None, "") else f"Study {len(labels) + 1}")
        events.append(x)
        totals.append(n)
        value = row.get(group_column) if group_column else None
        groups.append(None if value is None or (isinstance(value, float) and np.isnan(value)) or value == ""
                      else str(value))
    has_groups = group_column is not None and any(g is not None for g in groups)
    return Studies(tuple(labels), np.array(events, dtype=np.int64), np.array(totals, dtype=np.int64),
                   tuple(groups) if has_groups else None, source=where)
