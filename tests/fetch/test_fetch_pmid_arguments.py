"""``read_pmid_arguments``: PMIDs as users type them."""

from __future__ import annotations

import pytest

from evidence.errors import InputError
from evidence.fetch import read_pmid_arguments


def test_values_split_on_spaces_and_commas_deduplicated_in_order(tmp_path):
    listing = tmp_path / "pmids.txt"
    listing.write_text("\ufeff31588070\n\n  9997 # an old record\n12091962,  0042\n", encoding="utf-8")
    assert read_pmid_arguments(["12091962, 9997", "31588070 12091962"], listing) == \
        ["12091962", "9997", "31588070", "42"]


@pytest.mark.parametrize("values, message", [
    (["123", "12a"], "--pmid: '12a' is not a PMID (a positive whole number)"),
    (["0"], "--pmid: '0' is not a PMID"),
    (["-5"], "--pmid: '-5' is not a PMID"),
    (["١٢٣"], "--pmid: '١٢٣' is not a PMID"),
])
def test_a_bad_value_is_named(values, message):
    with pytest.raises(InputError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        read_pmid_arguments(values)


def test_a_bad_line_in_the_file_is_named(tmp_path):
    listing = tmp_path / "pmids.txt"
    listing.write_text("123\nPMID:456\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"^--pmid-file {listing}, line 2: 'PMID:456' is not a PMID"):
        read_pmid_arguments([], listing)


def test_a_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match=rf"^--pmid-file {tmp_path / 'nope.txt'}: no such file$"):
        read_pmid_arguments([], tmp_path / "nope.txt")
