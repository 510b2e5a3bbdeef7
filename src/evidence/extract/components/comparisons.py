"""Figures of two groups compared on one measure, the measure being the clause's subject.

"Responses ... were less frequent in TAFRO (2 of 8) than in non-TAFRO disease (9 of 11)",
"Complete remission was more common after early than after late relapse (14 of 20 vs 5 of 16)",
"The response was less frequent when the cause was known than when it was unknown (14/27 vs 15/18)",
"Patients with low tumour burden responded more often (15 of 22) than those with bulky disease (9 of 38)":
the first figure is the measure in the group named after the comparative (or, when a group is the
subject, in that group), the second in the group named after "than" / "compared with". The measure
is the one just before "was/were more frequent", else the first response named in the clause (from
the sentence start or the last ";"): the subject that the comparative shares, not the nearest
measure before the figure ("responses were complete in 3 and partial in 8, and were less frequent in
X (2 of 8)": the responses, not the partial ones).
"""

from __future__ import annotations

import re

from evidence.extract.components.segments import closing_bracket
from evidence.extract.components.subgroups import group_mentions

_PREPOSITION = r"(?:in|after|with|among|for|following|on|when)"
_MORE = (r"(?P<more>(?:more|less)\s+(?:frequent(?:ly)?|common(?:ly)?|often|likely)|higher|lower|greater)")
_GROUP = r"[A-Za-z][^()\[\];,]{0,100}?"  # (a group may be named at length: "who had been off X and Y for ...")
# the first group's own bracket, then "than" (or "compared with") the second group and its bracket
_THAN_TAIL = (r"\s*(?P<bracket>[(\[][^()\[\]]{1,40}[)\]])?\s*,?\s*(?:than|compared\s+(?:with|to))\s+"
              rf"(?:{_PREPOSITION}\s+)?(?P<second>{_GROUP})\s*[(\[]")
# "Responses were less frequent in X (2 of 8) than in Y (9 of 11)", "CR was achieved more often after X than ..."
AFTER_COMPARATIVE = re.compile(
    rf"\b(?:was|were)\s+(?:(?:achieved|attained|reached|obtained|seen|observed|noted)\s+)?{_MORE}\s+"
    rf"{_PREPOSITION}\s+(?P<first>{_GROUP}){_THAN_TAIL}", re.IGNORECASE)
# "Patients with low tumour burden responded more often (15 of 22) than those with bulky disease (9 of 38)":
# the first group is the clause's subject
SUBJECT_COMPARATIVE = re.compile(
    rf"\s*(?:(?:in|among)\s+)?(?P<first>{_GROUP})\s+(?:responded|achieved|attained|reached|obtained)\b"
    rf"[^()\[\];,]{{0,40}}?\s+{_MORE}{_THAN_TAIL}", re.IGNORECASE)
CLAUSE_JOINTS = (", whereas ", ", while ", ", but ")
PRONOUN_CLAUSE = re.compile(r"(?:it|they)\s+((?:was|were|is|are)\b.*)", re.IGNORECASE)
CLAUSE_SUBJECT = re.compile(r"(.+?)\s+(?:was|were|is|are)\b", re.IGNORECASE)
SUBJECT_GAP = re.compile(r"\s*(?:rates?\s*)?")  # between a measure and the "was/were" it is the subject of
PEOPLE_OPENING = re.compile(r"^(?:the\s+|those\s+)?(?:(?:patients|children|adults|participants|cases)\s+)?"
                            r"(?:(?:with|who\s+had(?:\s+been)?|who\s+were)\s+)?(?:an?\s+|the\s+)?", re.IGNORECASE)
GROUP_WORD = re.compile(r"\s+(?:group|arm|cohort|subgroup|patients|children|adults|participants|cases)s?$",
                        re.IGNORECASE)
PRONOUN_LABELS = ("without", "without it", "without one", "without them")


def comparison_figures(text: str, start: int, end: int, figures: list[dict], measures: list[dict],
                       groups: list[dict]) -> list[tuple[dict, str, dict]]:
    """``(figure, measure, group)`` for the two figures (fractions or percents) of each comparison in
    ``text[start:end]``; a percent's group is sized when it is one of the abstract's ``groups``."""
    found = []
    clauses, at = [start], text.find(";", start, end)
    while at >= 0:
        clauses.append(at + 1)
        at = text.find(";", at + 1, end)
    for joint in CLAUSE_JOINTS:  # "..., whereas patients with X responded less often (2 of 8) than ..."
        at = text.find(joint, start, end)
        while at >= 0:
            clauses.append(at + len(joint) - 1)
            at = text.find(joint, at + 1, end)
    clauses.sort()
    matches = list(AFTER_COMPARATIVE.finditer(text, start, end))
    matches += [m for m in (SUBJECT_COMPARATIVE.match(text, at, end) for at in clauses) if m
                and not any(m.start("first") <= x["start"] and x["end"] <= m.end("first") for x in measures)]
    for match in matches:
        clause = max(at for at in clauses if at <= match.start())
        # the measure just before "was more frequent" is its subject ("neutropenia was more frequent ..."
        # compares no response); else the clause's first response ("responses ..., and were less frequent")
        subject = next((m for m in measures if SUBJECT_GAP.fullmatch(text, m["end"], match.start())), None) or next(
            (m for m in measures if clause <= m["start"] < match.start("more") and m["measure"] != "OTHER"), None)
        if subject is None or subject["measure"] not in ("CR", "PR", "ORR", "NR"):
            continue
        closing = closing_bracket(text, match.end(), end)
        after_second = [f for f in figures if match.end() <= f["start"] < closing]
        if match.group("bracket"):
            inside = [f for f in figures if match.start("bracket") < f["start"] < match.end("bracket")]
            pair = inside[:1] + after_second[:1] if len(inside) == 1 else []
        else:
            pair = after_second[:2]
        if len(pair) != 2 or (pair[0]["total"] is None) != (pair[1]["total"] is None):
            continue  # two fractions, or two percents ("(75% vs 30%)")
        first, second = (_label(match.group(name)) for name in ("first", "second"))
        if second.lower() in PRONOUN_LABELS:
            second = f"without {first}"  # "more frequent with the mutation (9 of 12) than without (2 of 10)"
        second = _named_subject(first, second)
        for figure, label, name in zip(pair, (first, second), ("first", "second")):
            n = figure["total"] or _group_size(text, match.start(name), match.end(name), groups)
            found.append((figure, subject["measure"], {"label": label, "n": n}))
    return found


def _named_subject(first: str, second: str) -> str:
    """"when the aetiology was known than when it was unknown": "it" is the first clause's subject."""
    pronoun, subject = PRONOUN_CLAUSE.match(second), CLAUSE_SUBJECT.match(first)
    return f"{subject.group(1)} {pronoun.group(1)}" if pronoun and subject else second


def _group_size(text: str, start: int, end: int, groups: list[dict]) -> int | None:
    """The size of the one sized group that ``text[start:end]`` names, else None."""
    named = {id(m["group"]): m["group"] for m in group_mentions(text, start, end, groups)}
    return next(iter(named.values()))["n"] if len(named) == 1 else None


def _label(raw: str) -> str:
    """"the intolerance group" -> "intolerance", "older patients" -> "older", "patients with a monogenic
    cause" -> "monogenic cause"."""
    label = GROUP_WORD.sub("", raw.strip())
    return PEOPLE_OPENING.sub("", label, count=1) or label
