"""The pool stage reads the CSV that ``evidence extract --format csv`` writes, quirks included."""

from __future__ import annotations

from evidence.extract.record import write_records
from evidence.pool import pool


def _record(pmid: str, title: str, events: int, total: int, group_label: str | None = None) -> dict:
    outcome = {"measure": "ORR", "events": events, "total": total, "percent": None, "group": None,
               "flags": [], "evidence": {"text": f"{events} of {total} responded.", "start": 0, "end": 20}}
    outcomes = [outcome]
    if group_label:
        outcomes.append(dict(outcome, group=group_label, events=1, total=2))
    return {"pmid": pmid, "title": title, "year": 2020, "cohort_n": total, "groups": [],
            "outcomes": outcomes}


def test_quoted_newlines_and_formula_escapes_survive_the_round_trip(tmp_path):
    records = [
        _record("101", "A title that\nruns over two lines", 12, 17, group_label="-refractory ITP"),
        _record("102", "=Second study", 24, 30),
        _record("103", "Third", 38, 45),
    ]
    path = tmp_path / "extracted.csv"
    write_records(records, path, "csv")
    result = pool(path, method="fe", transform="raw").to_dict()
    assert [s["events"] for s in result["studies"]] == [12, 24, 38]
    assert [s["total"] for s in result["studies"]] == [17, 30, 45]
    # The fixed-effect pooled raw proportion is the inverse-variance mean, computed by hand:
    p = [12 / 17, 24 / 30, 38 / 45]
    w = [n / (x * (1 - x)) for x, n in zip(p, (17, 30, 45))]
    assert abs(result["estimate"] - sum(wi * pi for wi, pi in zip(w, p)) / sum(w)) < 1e-12
    labels = " ".join(s["study"] for s in result["studies"])
    assert "'=" not in labels and "=Second" in labels


def test_measure_is_named_only_when_it_was_picked_from_an_extraction(tmp_path):
    extraction = tmp_path / "extracted.csv"
    write_records([_record("101", "One", 12, 17), _record("102", "Two", 24, 30)], extraction, "csv")
    plain = tmp_path / "plain.csv"
    plain.write_text("study,events,total\nA,12,17\nB,24,30\n", encoding="utf-8")
    assert pool(extraction, method="fe", measure="ORR").to_dict()["measure"] == "ORR"
    assert pool(plain, method="fe").to_dict()["measure"] is None
