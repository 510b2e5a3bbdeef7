"""Reading studies (CSV, extraction JSONL/CSV, DataFrame, rows) and the one-line errors for bad input."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from evidence import InputError, PoolError, pool

RECORDS = [
    {"pmid": "111", "title": "Sirolimus in refractory cytopenias after transplant", "year": 2019,
     "outcomes": [
         {"measure": "ORR", "events": 13, "total": 17, "percent": 76.4, "group": None,
          "evidence": {"text": "Responses were seen in 13 of 17 patients (76.4%).", "start": 120, "end": 170}},
         {"measure": "ORR", "events": 4, "total": 5, "percent": 80.0, "group": "AIHA",
          "evidence": {"text": "In AIHA, 4 of 5 responded.", "start": 171, "end": 197}},
         {"measure": "ORR", "events": 12, "total": 17, "percent": 70.5, "group": None,
          "evidence": {"text": "Overall, 12 of 17 responded.", "start": 40, "end": 68}}]},
    {"pmid": "222", "title": "Rituximab", "year": 2015,
     "outcomes": [{"measure": "CR", "events": 3, "total": 20, "percent": 15.0, "group": None,
                   "evidence": {"text": "CR in 3 of 20.", "start": 0, "end": 14}}]},
    {"pmid": "333", "title": "Eltrombopag for ITP", "year": 2021,
     "outcomes": [{"measure": "ORR", "events": 20, "total": 31, "percent": 64.5, "group": None,
                   "evidence": {"text": "The ORR was 64.5% (20/31).", "start": 10, "end": 36}}]},
    {"pmid": "444", "title": "Percent only", "year": 2022,
     "outcomes": [{"measure": "ORR", "events": None, "total": None, "percent": 50.0, "group": None,
                   "evidence": {"text": "Half responded.", "start": 0, "end": 15}}]},
]


@pytest.fixture
def extraction_jsonl(tmp_path):
    path = tmp_path / "extracted.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    return path


@pytest.fixture
def extraction_csv(tmp_path):
    columns = "pmid,title,year,cohort_n,measure,events,total,percent,group,flags,evidence,evidence_start,evidence_end"
    rows = [columns]
    for record in RECORDS:
        for o in record["outcomes"]:
            cells = [record["pmid"], record["title"], str(record["year"]), "", o["measure"],
                     "" if o["events"] is None else str(o["events"]), "" if o["total"] is None else str(o["total"]),
                     str(o["percent"]), o["group"] or "", "", '"' + o["evidence"]["text"] + '"',
                     str(o["evidence"]["start"]), str(o["evidence"]["end"])]
            rows.append(",".join(cells))
    path = tmp_path / "extracted.csv"
    path.write_text("\n".join(rows) + "\n")
    return path


@pytest.mark.parametrize("fixture", ["extraction_jsonl", "extraction_csv"])
def test_extraction_file_picks_the_first_whole_cohort_figure(fixture, request):
    result = pool(request.getfixturevalue(fixture), method="dl")
    document = result.to_dict()
    assert [(s["events"], s["total"]) for s in document["studies"]] == [(12, 17), (20, 31)]
    first = document["studies"][0]
    assert first["study"] == "PMID 111: Sirolimus in refractory cytopenias…"
    assert (first["pmid"], first["year"], first["evidence"]) == ("111", 2019, "Overall, 12 of 17 responded.")
    assert any("first in the text (12/17)" in note for note in document["notes"])
    assert {(s["pmid"], s["reason"]) for s in document["skipped"]} == {
        ("222", "no whole-cohort ORR figure"), ("444", "the whole-cohort ORR figure has no events and total")}


def test_measure_selects_another_figure(extraction_jsonl, tmp_path):
    with pytest.raises(PoolError, match="only 1 study"):
        pool(extraction_jsonl, measure="CR")


def test_dataframe_and_rows_give_the_same_result_as_the_csv(tmp_path):
    rows = [("A", 12, 17), ("B", 12, 16), ("C", 24, 30)]
    path = tmp_path / "s.csv"
    path.write_text("study,events,total\n" + "".join(f"{s},{e},{n}\n" for s, e, n in rows))
    from_csv = pool(path, method="reml").estimate
    from_rows = pool(rows, method="reml").estimate
    from_frame = pool(pd.DataFrame(rows, columns=["study", "events", "total"]), method="reml").estimate
    assert from_csv == from_rows == from_frame


@pytest.mark.parametrize("content,message", [
    ("study,events,total\nA,18,17\nB,3,9\n", r"row 2: events 18 > total 17"),
    ("study,events,total\nA,-1,17\nB,3,9\n", r"row 2: events -1 is negative"),
    ("study,events,total\nA,2.5,17\nB,3,9\n", r"row 2: events '2.5' is not a whole number"),
    ("study,events,total\nA,two,17\nB,3,9\n", r"row 2: events 'two' is not a number"),
    ("study,events\nA,2\nB,3\n", r"missing column 'total'"),
])
def test_bad_csv_is_one_line_input_error(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content)
    with pytest.raises(InputError, match=message) as info:
        pool(path)
    assert "\n" not in str(info.value) and "bad.csv" in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        pool(tmp_path / "absent.csv")


def test_one_study_is_refused_and_two_work(tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("study,events,total\nA,3,10\n")
    with pytest.raises(PoolError, match=r"k = 1"):
        pool(path)
    path.write_text("study,events,total\nA,3,10\nB,7,12\n")
    result = pool(path, method="reml")
    assert result.k == 2 and any("k = 2" in note for note in result.to_dict()["notes"])


def test_glmm_needs_the_logit_scale(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("study,events,total\nA,3,10\nB,7,12\n")
    with pytest.raises(InputError, match="--transform logit"):
        pool(path, method="glmm", transform="arcsine")


def test_by_names_a_missing_column(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("study,events,total\nA,3,10\nB,7,12\n")
    with pytest.raises(InputError, match="--by phase: no such column"):
        pool(path, by="phase")


def test_jsonl_line_that_is_not_a_record(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"pmid": "1", "outcomes": []}\n{"pmid": "2", "outcomes": "none"}\n')
    with pytest.raises(InputError, match=r"x.jsonl:2: not an extraction record"):
        pool(path)
