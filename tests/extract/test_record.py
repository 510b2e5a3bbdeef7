"""Records on disk: the JSONL and CSV contracts, formula escaping, atomic writes."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

from evidence.errors import InputError
from evidence.extract.record import CSV_COLUMNS, csv_rows, make_record, write_records

SEED_SENTENCE = ("Complete response (CR) and partial response (PR) were obtained in 13 of 17 patients "
                 "(76.4%) and nonresponse (NR) in four patients (23.5%).")


def seed_extraction() -> dict:
    evidence = {"text": SEED_SENTENCE, "start": 799, "end": 937}
    return {
        "pmid": "38740383", "cohort_n": 17,
        "groups": [{"label": "AIHA", "n": 5}, {"label": "ITP", "n": 6}, {"label": "ES", "n": 6}],
        "outcomes": [
            {"measure": "ORR", "events": 13, "total": 17, "percent": 76.4, "group": None, "evidence": evidence},
            {"measure": "NR", "events": 4, "total": 17, "percent": 23.5, "group": None, "evidence": evidence},
        ],
    }


def seed_record() -> dict:
    return make_record(seed_extraction(), "Sirolimus in childhood cytopenias ≥ 2 lines", 2024)


def no_outcome_record() -> dict:
    extraction = {"pmid": "990000033", "cohort_n": None, "groups": [], "outcomes": []}
    return make_record(extraction, "=HYPERLINK(\"http://x\")", 2021)


def test_make_record_puts_pmid_title_year_first_and_flags_the_outcomes():
    record = seed_record()
    assert list(record)[:3] == ["pmid", "title", "year"]
    assert record["year"] == 2024 and record["cohort_n"] == 17
    assert [o["flags"] for o in record["outcomes"]] == [["percent_truncated"], []]
    assert record["flags"] == []


def test_csv_row_per_outcome_in_the_contract_columns():
    rows = list(csv_rows(seed_record()))
    assert len(rows) == 2
    first = dict(zip(CSV_COLUMNS, rows[0]))
    assert first == {
        "pmid": "38740383", "title": "Sirolimus in childhood cytopenias ≥ 2 lines", "year": "2024",
        "cohort_n": "17", "measure": "ORR", "events": "13", "total": "17", "percent": "76.4", "group": "",
        "flags": "percent_truncated", "evidence": SEED_SENTENCE, "evidence_start": "799", "evidence_end": "937"}


def test_an_article_without_outcomes_still_gets_a_row():
    rows = list(csv_rows(no_outcome_record()))
    assert len(rows) == 1
    row = dict(zip(CSV_COLUMNS, rows[0]))
    assert row["pmid"] == "990000033" and row["year"] == "2021"
    assert [row[c] for c in CSV_COLUMNS[3:]] == [""] * 10


@pytest.mark.parametrize("text, cell", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-2 patients", "'-2 patients"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("ITP (n = 6)", "ITP (n = 6)"), ("", ""),
])
def test_cells_that_a_spreadsheet_would_evaluate_are_escaped(text, cell):
    extraction = seed_extraction()
    extraction["outcomes"][0]["group"] = text
    row = dict(zip(CSV_COLUMNS, next(csv_rows(make_record(extraction, "t", 2024)))))
    assert row["group"] == cell


def test_jsonl_file_reads_back_and_keeps_non_ascii(tmp_path):
    out = tmp_path / "new" / "folder" / "seed.jsonl"
    write_records([seed_record(), no_outcome_record()], out, "jsonl")
    raw = out.read_bytes()
    assert "≥".encode("utf-8") in raw  # ensure_ascii=False
    lines = raw.decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [seed_record(), no_outcome_record()]


def test_csv_file_has_the_exact_header_and_formula_safe_title(tmp_path):
    out = tmp_path / "seed.csv"
    write_records([seed_record(), no_outcome_record()], out, "csv")
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["pmid", "title", "year", "cohort_n", "measure", "events", "total", "percent", "group",
                       "flags", "evidence", "evidence_start", "evidence_end"]
    assert [r[0] for r in rows[1:]] == ["38740383", "38740383", "990000033"]
    assert rows[3][1] == "'=HYPERLINK(\"http://x\")"
    assert rows[1][10] == SEED_SENTENCE  # commas and quotes in a sentence survive the round trip


def test_a_failure_midway_leaves_the_existing_file_untouched(tmp_path):
    out = tmp_path / "extracted.jsonl"
    out.write_text("the previous run\n", encoding="utf-8")

    def records():
        yield seed_record()
        raise InputError("baseline.xml.gz: truncated or corrupt gzip file")

    with pytest.raises(InputError, match="truncated"):
        write_records(records(), out, "jsonl")
    assert out.read_text(encoding="utf-8") == "the previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["extracted.jsonl"]  # no temporary file left


def test_a_new_file_gets_the_usual_permissions(tmp_path):
    out = tmp_path / "x.jsonl"
    write_records([seed_record()], out, "jsonl")
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_stdout_when_no_out(capsys):
    write_records([seed_record()], None, "csv")
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == list(CSV_COLUMNS) and len(rows) == 3


def test_out_naming_a_directory_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match=f"{tmp_path}: is a directory"):
        write_records([seed_record()], tmp_path, "jsonl")


def test_unknown_format_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="--format xlsx"):
        write_records([seed_record()], tmp_path / "x", "xlsx")
