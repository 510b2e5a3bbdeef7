"""The group a list of figures of several measures is for: "Among children with a high viral load
(n = 23), CR and ORR rates were 34.8% and 73.9%, respectively, compared with 68.4% and 94.7% in the
38 with lower loads": the first pair is the subgroup the sentence named before it, the second the
people sized right after it."""

from __future__ import annotations

import re

from evidence.extract.components.numbers import NUMBER
from evidence.extract.components.people import PEOPLE, as_int
from evidence.extract.components.subgroups import as_written

# "... 68.4% and 94.7% in the 38 with lower loads": people sized and named right after the figures
SIZED_WITH_AFTER = re.compile(rf"\s+(?:in|among)\s+(?:the\s+)?(?P<n>{NUMBER})\s+(?:{PEOPLE}\s+)?(?:with|who had)\s+"
                              r"(?P<label>[^,;.()\[\]]{1,40}?)(?=\s*(?:[,;.)]|$))", re.IGNORECASE)


def run_group(run: list[dict], text: str, start: int, mentions: list[dict]) -> dict | None:
    """The people sized and named just after the run, else the one sized group the sentence
    mentions before it, else None (the whole study's)."""
    if text.startswith((" in ", " among "), run[-1]["end"]):
        after = SIZED_WITH_AFTER.match(text, run[-1]["end"])
        if after:
            return {"label": after.group("label"), "n": as_int(after.group("n"))}
    before = [m for m in mentions if start <= m["start"] < run[0]["start"]]
    if before and all(m["group"] is before[0]["group"] for m in before):
        return as_written(before[0], text)
    return None
