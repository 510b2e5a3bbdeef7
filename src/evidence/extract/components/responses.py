"""Response figures: each figure of a sentence linked to its measure, subgroup and denominator.

A sentence is cut into segments at ``;``, ``:``, commas and conjunctions (``segments.py``). A
figure takes the nearest measure before it in its segment ("CR in 15 (39.5%)"), else the nearest
after it ("10 (52.6%) achieved a complete response"), else, when its segment is a bare
continuation ("and 16.0% (4/25) in BRCA wild-type patients"), the measure of the segment before;
coordinated subjects that each open with their count share the verb at the end ("Six patients
with MZL and none with WM reached CR").
Figures for OTHER measures (SD, VGPR, survival, toxicity) are dropped. Those choices of measure
live in ``measure_choice.py``.

A list of two or more figures joined only by "and"/","/"versus" ("50.0% and 71.4%,
respectively"; "0/3, 1/3, 2/6 and 7/12") goes, in order, to the parts of a joint measure
("CR and PR rates"), to a list of measures, to the subgroups named in the sentence, to the
subgroups whose sizes its denominators are ("21/64 versus 9/63"), or to the abstract's subgroups.
Two groups compared on the clause's subject ("responses ... were less frequent in X (2 of 8) than in
Y (9 of 11)") are read first, in ``comparisons.py``.

The denominator is the one stated, else the one the printed percent implies among the
subgroup, the cohort and the totals already stated, else the subgroup or the cohort.
``doc._.outcomes`` holds extraction-record outcome dicts, one per figure (``deduplication.py``).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from evidence.extract.components.arms import arms_in_order
from evidence.extract.components.comparisons import comparison_figures
from evidence.extract.components.deduplication import deduplicate
from evidence.extract.components.doc_data import doc_data, register
from evidence.extract.components.denominators import (evaluable_count, evaluable_size, evaluable_total,
                                                       responders_opening, stated_denominator, summed_total,
                                                       total_for_percent)
from evidence.extract.components.figures import sentence_figures, unique_count
from evidence.extract.components.measure_choice import (after_remainder, defined_subject, is_bare, last_measure,
                                                         measure_list, nearest_measure, opening_measure, own_predicate,
                                                         own_subject, same_shape, shared_predicate, shared_subject,
                                                         sibling_grade)
from evidence.extract.components.nonresults import BASELINE, NOT_A_RESULT, is_model_study
from evidence.extract.components.numbers import NUMBER
from evidence.extract.components.people import PEOPLE
from evidence.extract.components.run_groups import run_group
from evidence.extract.components.segments import ASIDE, segment_bounds
from evidence.extract.components.sentences import by_sentence, doc_text
from evidence.extract.components.subgroups import (ARM_PAIR, ARM_VERSUS, IN_GROUP_AFTER, IN_OPENINGS, PER_ARM,
                                                    arms_named_after, as_written, compared_other, compared_subjects,
                                                    figure_group, group_label, group_mentions, groups_sized_by,
                                                    paired_groups)

CORE = ("CR", "PR", "ORR", "NR")
GRADES = ("CR", "PR", "ORR")
# "No complete or partial remissions were recorded": a zero count of each grade, not of the overall response
ZERO_PARTS = {"CRPR0": ("CR", "PR")}
# what may stand between the figures of a list: separators, and a bracketed label ("9/10 (favourable), ...")
LIST_GAP = re.compile(r"\s*[)\]]?\s*(?:\((?![^()]*(?:respon|remission))[A-Za-z][A-Za-z -]{1,30}\))?\s*"
                      r"(?:,\s*|;\s*)?(?:and|or|vs\.?|versus|compared with)?\s*")
# "(CR 70/92, R 11/92)": a short capitalised label heading its own figure in a list
LABEL_HEAD = re.compile(r"[,;]\s*[A-Z][A-Za-z0-9]{0,4}\s*[:=]?\s*$")
BRACKET_LABEL = re.compile(r"\s*\((?!(?:CR|PR|ORR|NR|SD|PD|VGPR|MR|CRi)\))(?![^()]*(?:respon|remission))"
                           r"([A-Za-z][A-Za-z -]{1,30})\)")
TIME_AFTER = re.compile(r"\s+(?:at|by|after|within)\s+(?:the\s+end\s+of\s+)?(?:week|month|day|year|cycle|\d)",
                        re.IGNORECASE)
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
# "had responded by months 1, 3 and 6 were 38%, 57% and 64%, respectively": one population at several times
TIME_POINTS = re.compile(r"\b(?:at|by|after|within)\s+(?:(?:weeks?|months?|days?|years?|cycles?)\s+"
                         r"\d+(?:\s*,\s*\d+)*,?\s+(?:and|or)\s+\d+\b"
                         r"|\d+(?:\s*,\s*\d+)*,?\s+(?:and|or)\s+\d+\s+(?:weeks|months|days|years)\b)",
                         re.IGNORECASE)
# a phrase between commas that qualifies the measure before it
APPOSITIVE = re.compile(r"\s*(?:including|excluding|incl\.|i\.e\.|e\.g\.|namely|such as|that is|defined as|"
                        r"as (?:defined|assessed|measured|judged) by|according to|per)\b", re.IGNORECASE)
# "The six non-responders all had X", "Non-responders (n = 10) more often had X": a trait of the people counted
TRAIT_BEFORE = re.compile(r"\b(?:both|all|each|(?:more|less)\s+(?:often|frequently))(?:\s+of\s+them)?\s+"
                          r"(?:had|have|were|was|showed)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
TRAIT_WORDS = (" both ", " all ", " often ", " frequently ")
# "In the 40 patients with bulky disease, ...": a subgroup the sentence's figures are given in
# (or sized after it: "Among patients with liver metastases (n = 214), ...")
OPENING_SUBGROUP = re.compile(rf"(?:in|among)\s+(?:the\s+|these\s+|all\s+)?(?P<size>{NUMBER}\s+)?{PEOPLE}\s+(?:with|who had)\s+"
                              r"(?P<label>[^,;()]{1,60}?)\s*(?(size)|\(\s*[nN]\s*=\s*[\d,]+\s*\)\s*),", re.IGNORECASE)
COMPARED_OPENINGS = ("compared with ", "compared to ", "versus ", "vs ", "vs. ")
OPENING_PHRASE = re.compile(r"(?:in|among)\s", re.IGNORECASE)


# what may open a clause before its figure: other figures of a list ("; 29 (19.9%) and 11 (7.6%) patients")
FIGURE_LIST_OPENING = re.compile(r"[\s\d.,·%()]*(?:and\s[\s\d.,·%()]*)?")


def _clause_measure(text: str, start: int, end: int, first: int, last: int, measures: list[dict]) -> dict | None:
    """The measure a clause after a semicolon names after the figures it opens with ("An ORR was seen in
    60% and 40%; 12 and 5 patients, respectively, had a complete response"), or None."""
    clause = text.rfind(";", start, first)
    if clause < 0 or not FIGURE_LIST_OPENING.fullmatch(text, clause + 1, first):
        return None
    closing = text.find(";", last, end)
    named = next((m for m in measures if last <= m["start"] < (closing if closing >= 0 else end)), None)
    return named if named is not None and named["measure"] != "OTHER" else None


RESPECTIVELY_AFTER = re.compile(r"(?:\s+[a-z]+){0,2}\s*,?\s*respectively\b")


def _groups_named_before(assigned: list[tuple[dict, str, dict | None]], text: str) -> list[tuple]:
    """"CR was reached by 21 with X and 12 with Y, and PR by 7 and 9 patients, respectively": the list of
    ungrouped figures that ends the sentence's figures is for the groups named before it, in order."""
    ordered = sorted(assigned, key=lambda a: a[0]["start"])
    tail = len(ordered)
    while tail and ordered[tail - 1][2] is None:
        tail -= 1
    listed, before = ordered[tail:], ordered[:tail]
    groups: list[dict] = []
    for _, _, group in before:
        if group is not None and all(g["label"] != group["label"] for g in groups):
            groups.append(group)
    if (len(listed) < 2 or len(listed) != len(groups) or len({m for _, m, _ in listed}) != 1
            or not RESPECTIVELY_AFTER.match(text, listed[-1][0]["end"])):
        return assigned
    return before + [(f, m, dict(g)) for (f, m, _), g in zip(listed, groups)]


OPENING_WORDS = ("In ", "Among ")


def _within_opening_subgroup(assigned: list[tuple], text: str, start: int, end: int) -> list[tuple]:
    """"In the 158 patients with de-novo metastatic disease, responses were seen in 81% with A and 70% with B":
    percents of two or more arms within the subgroup the sentence opens on, which has no size per arm, are
    that subgroup's (as "CR rates were 40% and 25%" there are)."""
    labels = {g["label"] for _, _, g in assigned} if all(g is not None for _, _, g in assigned) else set()
    if (any(f["events"] is not None or f["total"] is not None for f, _, _ in assigned) or not labels
            or (len(labels) < 2 and len(assigned) > 1)):
        return assigned
    within = OPENING_SUBGROUP.match(text, start, end)
    if within is None or (len(assigned) == 1 and _overlap(within.group("label"), labels.pop())):
        return assigned  # one figure: of an arm within the subgroup, not of the subgroup itself
    return [(f, m, {"label": within.group("label"), "n": None}) for f, m, _ in assigned]


def _overlap(label: str, other: str) -> bool:
    label, other = label.lower(), other.lower()
    return label in other or other in label


def _of_the_count_before(figure: dict, figures: list[dict], responses: set[int], text: str) -> dict:
    """"34 were switched to the other drug and 19 of them then responded": "of them" after a count that is
    no response figure is out of that count (not out of everyone, as "26 responded, 18 of them completely")."""
    before = [f for f in figures if f["end"] <= figure["start"]]
    if not before:
        return figure
    counted = before[-1]
    if (id(counted) in responses or counted["events"] is None or counted["total"] is not None
            or counted["percent"] is not None or counted["relative"] or counted["events"] < figure["events"]
            or text.find(";", counted["end"], figure["start"]) >= 0):  # (in the same clause)
        return figure
    return dict(figure, total=counted["events"], relative=False)


def _after_despite(text: str, seg_start: int, figure: dict, inside: list[dict]) -> bool:
    """"the remaining 8 did not respond despite the addition of IVIG in 6": a count after "despite", once the
    segment has counted its people, counts those given what failed, not the response."""
    despite = text.find(" despite ", seg_start, figure["start"])
    return any(f["end"] <= despite for f in inside)


# "Two patients with a partial response improved further", "3 children with a CR relapsed": people named by their
# response, then a verb of their own
WITH_MEASURE_BEFORE = re.compile(rf"\s+(?:[\w-]+\s+)?{PEOPLE}\s+with\s+(?:an?\s+|the\s+)?", re.IGNORECASE)
VERB_OF_THEIR_OWN = re.compile(r"\s+(?:(?:later|then|subsequently|eventually)\s+)?(?:[a-z]+ed|relapsed|lost|"
                               r"died|went|were|was|remained|had|received|underwent)\b(?!\s+(?:as|to\s+be)\b)")


def _responders_who(text: str, figure: dict, measure: dict) -> bool:
    """True for a count of people named by a response they reached and then given a verb of their own ("Two
    patients with a partial response improved further after switching"): once that response was counted in an
    earlier sentence, a part of those responders, not a count of the response (which "Two patients with a
    partial response and one with stable disease" is)."""
    return (text.find(" with ", figure["end"], measure["start"]) >= 0
            and bool(WITH_MEASURE_BEFORE.fullmatch(text, figure["end"], measure["start"]))
            and bool(VERB_OF_THEIR_OWN.match(text, measure["end"])))


class ResponseLinker:
    def __init__(self) -> None:
        register("outcomes", list)

    def __call__(self, doc: Doc) -> Doc:
        text, data = doc_text(doc), doc_data(doc)
        sentences = [] if is_model_study(text) else data.get("result_spans", [])
        context = {"cohort": data.get("cohort_n"), "sizes": data.get("cohort_sizes", []),
                   "groups": data.get("groups", []), "totals": [], "population": None, "per_arm": _per_arm(text),
                   "compared": [], "measured": set()}
        outcomes: list[dict] = []
        numbers = data.get("numbers", [])
        for (start, end), measures in zip(sentences, by_sentence(data.get("measures", []), sentences)):
            if not _names_a_response(measures):
                continue  # nothing to link a figure to (checked first: the regexes below cost more)
            if BASELINE.search(text, start, end):
                measures = [m for m in measures
                            if not (m["measure"] == "NR" and "refractory" in text[m["start"]:m["end"]])]
            elif not any(m["measure"] in GRADES for m in measures):
                # "25 had lenalidomide-refractory disease" describes patients at entry; beside other
                # responses ("CR in nine ...; the remaining three had rituximab-refractory disease") it is an outcome
                measures = [m for m in measures
                            if not (m["measure"] == "NR" and "-refractory disease" in text[m["start"]:m["end"]])]
            if context["groups"] and any(m["measure"] == "NR" for m in measures):
                # "of these 52, 21 had primary refractory disease and 31 relapsed disease": words that size a
                # subgroup name it, they count no non-response
                measures = [m for m in measures if not (m["measure"] == "NR" and _sizes_a_group(m, context["groups"]))]
            if not _names_a_response(measures) or NOT_A_RESULT.search(text[start:end]):
                continue
            found = self.sentence_outcomes(text, start, end, numbers, measures, context)
            context["population"] = _population(found, context)
            if found:
                context["compared"] = _compared_groups(found)
            outcomes.extend(found)
            context["measured"].update(o["measure"] for o in found)
        data["outcomes"] = deduplicate(outcomes)
        return doc

    def sentence_outcomes(self, text: str, start: int, end: int, numbers: list[dict], measures: list[dict],
                          context: dict) -> list[dict]:
        figures = sentence_figures(numbers, text, start, end)
        mentions = group_mentions(text, start, end, context["groups"])
        if mentions and text.find(",", start, end) >= 0:
            # "Two patients, both at 40 mg, achieved a CR": an aside describes the people counted, out of everyone
            asides = [(m.start(), m.end()) for m in ASIDE.finditer(text, start, end)]
            if asides:
                mentions = [m for m in mentions if not any(a <= m["start"] < b for a, b in asides)]
        if mentions and any(text.find(word, start, end) >= 0 for word in TRAIT_WORDS):
            # "The six non-responders all had mucocutaneous disease": a trait of the people counted
            mentions = [m for m in mentions if not TRAIT_BEFORE.search(text, max(start, m["start"] - 40), m["start"])]
        paired = paired_groups(text, start, end, context["groups"])
        if paired:
            return self._paired_outcomes(text, start, end, figures, measures, paired)
        segments = segment_bounds(text[start:end], start, measures)
        assigned: list[tuple[dict, str | None, dict | None]] = []  # (figure, measure, group)
        if text.find(" than ", start, end) >= 0 or text.find(" compared ", start, end) >= 0:
            # "more frequent in X (2 of 8) than in Y (9 of 11)"
            assigned.extend(comparison_figures(text, start, end, figures, measures, context["groups"]))
        taken: set[int] = {id(f) for f, _, _ in assigned}
        for run in _runs(figures, text):
            if any(id(f) in taken for f in run):
                continue
            pairs = self._assign_run(run, text, start, end, measures, mentions, context)
            if pairs:
                assigned.extend(pairs)
                taken.update(id(f) for f in run)
        previous_measure = label = None
        previous_start = start
        subject = defined_subject(text, start, end, measures)
        responders = responders_opening(text, start, end, measures)
        for index, (seg_start, seg_end) in enumerate(segments):
            inside = [f for f in figures if seg_start <= f["start"] < seg_end]
            seg_measures = [m for m in measures if seg_start <= m["start"] < seg_end]
            for figure in inside:
                if id(figure) in taken:
                    continue
                if label is not None and not any(m["start"] < figure["start"] for m in seg_measures):
                    measure = label  # "ORR: 60% (CR 8%, PR 32%)": the label owns the figures after it
                else:
                    measure = nearest_measure(figure, seg_measures, text)
                if responders is not None and (measure is None or figure["start"] < responders):
                    continue  # "Of the 26 patients with a response, 21 maintained it": about the responders
                if (measure is not None and measure["start"] > figure["end"] and measure["measure"] in context["measured"]
                        and _responders_who(text, figure, measure)):
                    continue  # "Two patients with a partial response improved further": what responders did next
                if measure is None and len(inside) == 1 and not seg_measures:
                    measure = (shared_predicate(figure, index, segments, figures, measures, text)
                               or shared_subject(index, segments, figures, measures, text))
                if measure is None and previous_measure and text.find(";", start, figure["start"]) >= 0:
                    measure = _clause_measure(text, start, end, figure["start"], figure["end"], measures)
                if measure is None and previous_measure and own_subject(text, previous_measure["end"], figure):
                    previous_measure = None  # "..., and a CAS of 0 or 1 was reached by 59% and 20%": its own subject
                if (measure is None and previous_measure and not after_remainder(text, seg_start, figure)
                        and is_bare(text, seg_start, seg_end, inside, mentions)):
                    if own_predicate(text, figure):
                        previous_measure = None  # "..., and 5 patients worsened, 2 of them after ..."
                        continue
                    measure = previous_measure
                    if sibling_grade(text, seg_start, figure, previous_measure, previous_start, mentions):
                        continue  # "complete in 9, major in 5": another grade of the scale
                if measure is None and subject is not None and seg_start == subject[1]:
                    measure = subject[0]
                if measure is None and seg_start == start and len(segments) > 1 and OPENING_PHRASE.match(text, start):
                    measure = opening_measure(figure, segments[1], measures)
                other = compared_other(text, seg_start, figure["start"]) if previous_measure else None
                if other:  # "more frequent in X (17 of 22) than in Y (4 of 13)": Y on the same measure
                    measure = previous_measure
                if measure is None or (text.find(" despite ", seg_start, figure["start"]) >= 0
                                       and _after_despite(text, seg_start, figure, inside)):
                    continue
                if (text[figure["start"] - 2:figure["start"] - 1].isalnum()
                        and _headed_by_other_label(text, seg_start, figure, measures)):
                    continue  # "(CR 70/92, R 11/92)": the figure of its own label, which names no measure
                compared = len(figures) > 1 or figure["total"] is not None
                group = figure_group(figure, seg_start, seg_end, start, mentions, text, measures,
                                       context["cohort"] if compared else figure["total"])
                if text.endswith(COMPARED_OPENINGS, start, seg_start) and text.startswith(IN_OPENINGS, figure["end"]):
                    named = IN_GROUP_AFTER.match(text, figure["end"])  # "..., compared with 31% for stage II"
                    group = {"label": named.group("label"), "n": figure["total"]} if named else group
                if other:
                    group = {"label": other, "n": figure["total"]}
                assigned.append((figure, measure["measure"], group))
            if APPOSITIVE.match(text, seg_start, seg_end):
                continue  # "Overall response, including HI, was observed in 21": the measure reaches past it
            last = last_measure(seg_measures)
            # a measure written as a heading ("ORR:", "complete:"), not after a figure of its own
            # ("37 patients had responded: 21 achieved a complete response")
            label = last if (last is not None and not inside and text[last["end"]:seg_end].strip() == ":") else None
            if last is not None:
                previous_measure, previous_start = last, seg_start
            elif seg_measures:
                previous_measure = None
        for measure in measures:
            if measure["measure"].endswith("0"):
                seg = next(((a, b) for a, b in segments if a <= measure["start"] < b), (start, end))
                group = figure_group(measure, seg[0], seg[1], start, mentions, text, measures)
                for name in ZERO_PARTS.get(measure["measure"], (measure["measure"][:-1],)):
                    zero = {"start": measure["start"], "end": measure["end"], "events": 0, "total": None,
                            "percent": None, "relative": False}
                    assigned.append((zero, {"measure": name}, group))
        outcomes = []
        assigned = [(f, m if isinstance(m, str) else m["measure"], g) for f, m, g in assigned]
        last_total = stated = stated_denominator(text, start, end) or summed_total(figures, assigned, context)
        # a group the abstract sized (it has keys) stays; one named only at its figure may be an arm
        unsized = sorted(((f, m) for f, m, g in assigned if m in CORE and (g is None or "keys" not in g)),
                         key=lambda a: a[0]["start"])
        arms = arms_named_after([f for f, _ in unsized], text)
        if not arms and len(unsized) > 2:  # "45% of those receiving X and 10% of those receiving placebo; 6 in the X
            for name in CORE:  # arm had a CR, compared with one in the placebo arm": arms, measure by measure
                arms.update(arms_named_after([f for f, m in unsized if m == name], text))
        if arms:  # "78% with eltrombopag and 61% without it"
            assigned = [(f, m, arms.get(id(f), g)) for f, m, g in assigned]
        if assigned and text.startswith(OPENING_WORDS, start):
            assigned = _within_opening_subgroup(assigned, text, start, end)
        if len(assigned) > 3 and RESPECTIVELY.search(text, start, end):
            assigned = _groups_named_before(assigned, text)
        # "The ORR was 40% with drug A and 20% with drug B": bare percents of one measure compared
        # within a sentence have denominators of their own (arms), not the cohort's
        bare = [m for f, m, g in assigned if g is None and f["events"] is None and f["percent"] is not None
                and not TIME_AFTER.match(text, f["end"])]  # "40% at 3 months and 52% at 6 months"
        if len(bare) > 1 and TIME_POINTS.search(text, start, end) and RESPECTIVELY.search(text, start, end):
            bare = []  # "by months 1, 3 and 6 were 38%, 57% and 64%, respectively"
        responses = {id(f) for f, m, _ in assigned if m in CORE}
        for figure, name, group in sorted(assigned, key=lambda a: a[0]["start"]):
            if name not in CORE:
                continue
            if figure["relative"] and group is None:
                figure = _of_the_count_before(figure, figures, responses, text)
            if figure["relative"] and group is None and outcomes and outcomes[-1]["group"] is not None:
                # "none of the 9 children with X (0/9), seven of whom had a partial response": of that group
                group = {"label": outcomes[-1]["group"], "n": outcomes[-1]["total"]}
            if figure["relative"] and outcomes and outcomes[-1]["measure"] == "NR" and name != "NR":
                # "Ten did not respond; four of them later responded to rituximab": out of the ten
                figure, group = dict(figure, total=outcomes[-1]["events"], relative=False), None
            if (group is None and stated and stated != context["cohort"] and figure["total"] in (None, stated)
                    and OPENING_PHRASE.match(text, start)):
                group = _group_of_size(stated, context["groups"])  # "Among the 14 aged over 70, ..." (14 aged ≥70)
            outcome = self._outcome(figure, name, group, text, start, end, context, last_total,
                                    derive=bare.count(name) < 2, stated=stated)
            if outcome is not None:
                outcomes.append(outcome)
                if outcome["total"] is not None and group is None:
                    last_total = outcome["total"]
        return outcomes

    def _paired_outcomes(self, text, start, end, figures, measures, paired):
        """A flattened two-group table: each "a / b" fraction is a count for each group."""
        outcomes = []
        for figure in figures:
            if figure["total"] is None or "/" not in text[figure["start"]:figure["end"]]:
                continue
            measure = nearest_measure(figure, [m for m in measures if m["end"] <= figure["start"]], text)
            if measure is None or measure["measure"] not in CORE:
                continue
            for events, group in zip((figure["events"], figure["total"]), paired):
                if events <= group["n"]:
                    outcomes.append({"measure": measure["measure"], "events": events, "total": group["n"],
                                     "percent": None, "group": group["label"],
                                     "evidence": {"text": text[start:end], "start": start, "end": end}})
        return outcomes

    def _assign_run(self, run, text, start, end, measures, mentions, context):
        """Each figure of a list with its measure and group, or [] when the list is not one."""
        k = len(run)
        before = [m for m in measures if m["start"] < run[0]["start"]]
        after = [m for m in measures if m["start"] >= run[-1]["end"]]
        nearest = before[-1] if before else (after[0] if after else None)
        if before and after:  # "...; 29 (19.9%) and 11 (7.6%) patients, respectively, had a CR": the clause's own
            nearest = _clause_measure(text, start, end, run[0]["start"], run[-1]["end"], measures) or nearest
        listed = measure_list(before, text)
        if len(listed) == k and k > 1:  # "The rates of CR, PR and SD were 20%, 40% and 30%"
            group = run_group(run, text, start, mentions)  # "... in the 38 with lower loads": theirs
            return [(f, m["measure"], group) for f, m in zip(run, listed)]
        compared = compared_subjects(text, start, run[0]["start"]) if k == 2 else None
        if compared:  # "X had a lower remission rate than Y (9 of 21 versus 22 of 31)"
            rate = [m for m in measures if m["end"] <= compared[0] and m["measure"] in CORE]
            if rate:
                return [(f, rate[-1]["measure"], {"label": label, "n": f["total"]})
                        for f, label in zip(run, compared[1:])]
        if nearest is None or nearest["measure"] == "OTHER" or (before and own_subject(text, nearest["end"], run[0])):
            return []
        if len(nearest["parts"]) == k and RESPECTIVELY.search(text, run[-1]["end"], end):
            return [(f, part, None) for f, part in zip(run, nearest["parts"])]
        labelled = [BRACKET_LABEL.match(text, f["end"]) for f in run]
        if all(labelled):  # "9/10 (favourable), 12/19 (intermediate) and 4/11 (adverse)"
            return [(f, nearest["measure"], {"label": m.group(1).strip(), "n": f["total"]})
                    for f, m in zip(run, labelled)]
        first: dict[int, dict] = {}
        for mention in mentions:
            first.setdefault(id(mention["group"]), mention)
        named = [m["group"] for m in first.values()]
        respectively = RESPECTIVELY.search(text, run[-1]["end"], end) if len(named) > k else None
        if respectively:  # "18%, 31% and 39% of patients given 10, 30 and 90 mg, respectively, and 4% with placebo"
            listed = [m for m in first.values() if run[-1]["end"] <= m["start"] < respectively.start()]
            if len(listed) == k:
                return [(f, nearest["measure"], as_written(m, text)) for f, m in zip(run, listed)]
        if len(named) == k:
            return [(f, nearest["measure"], as_written(m, text)) for f, m in zip(run, first.values())]
        sized = groups_sized_by(run, context["groups"], context["cohort"])
        if sized and all(any(g is s for s in sized) for g in named):  # "21/64 (32.8%) versus 9/63 (14.3%)"
            return [(f, nearest["measure"], g) for f, g in zip(run, sized)]
        arms = arms_in_order(context["groups"], k, context["cohort"])
        if (arms and all(g in arms for g in named)
                and not any(m["measure"] == "NR" for m in after)):  # "... in 8, and 4 did not respond": no list
            within = OPENING_SUBGROUP.match(text, start, run[0]["start"]) if not named else None
            if within:  # "In the 40 patients with bulky disease, CR rates were 50% and 30%": that subgroup's
                return [(f, nearest["measure"], {"label": within.group("label"), "n": None}) for f in run]
            return [(f, nearest["measure"], g) for f, g in zip(run, arms)]
        pair = ARM_PAIR.search(text, start, end) or ARM_VERSUS.search(text, start, end)
        if pair and k == 2 and not named:  # "38% vs 21% for the combination and monotherapy arms"
            return [(f, nearest["measure"], {"label": pair.group(i), "n": f["total"]}) for i, f in zip((1, 2), run)]
        if (not named and len(context["compared"]) == k and all(f["total"] is None for f in run)
                and RESPECTIVELY.search(text, run[-1]["end"], end) and not TIME_POINTS.search(text, start, end)):
            # "... 80% with X and 50% with Y. Complete remission was reached by 11 and 5, respectively.": those groups
            return [(f, nearest["measure"], dict(g)) for f, g in zip(run, context["compared"])]
        return []

    def _outcome(self, figure, measure, group, text, start, end, context, last_total, derive=True, stated=None):
        events, total, percent = figure["events"], figure["total"], figure["percent"]
        group_n = group["n"] if group else None
        if group is not None and group_n is None and total is None:
            group_n = context["per_arm"]  # "(50 per group)": the size of every arm
        if events is not None and total is None:
            if figure["relative"] and (group_n or last_total):
                total = group_n or last_total
            elif percent is not None:
                total = total_for_percent(events, percent, group_n, context, last_total)
                if total is None and group_n is None and context["cohort"] is None:
                    events = None
            elif group_n is None and last_total is None and evaluable_count(text, figure):
                total = evaluable_total(events, context)  # "Seven evaluable patients did not respond"
            else:  # (the people the sentence before counted in: "36 of the 40 infused ... Four had no response")
                total = group_n or last_total or context["population"] or context["cohort"]
        elif events is None and percent is not None:
            base = group_n if group else (stated or (context["cohort"] if len(set(context["sizes"])) <= 1
                                                     else evaluable_size(text, start, end, context)))
            if base and derive:
                events = unique_count(percent, base)
                total = base if events is not None else None
        if events is None or total is None or events > total:
            events = total = None
            if percent is None:
                return None
        if total is not None:
            context["totals"].append(total)
        return {"measure": measure, "events": events, "total": total, "percent": percent,
                "group": group_label(group),
                "evidence": {"text": text[start:end], "start": start, "end": end}}


def _population(outcomes: list[dict], context: dict) -> int | None:
    """The stated size below the cohort (treated, evaluable) that every whole-cohort figure of a
    sentence is out of, for the bare counts of the next one; None once a sentence counts in the cohort."""
    totals = {o["total"] for o in outcomes if o["group"] is None and o["total"] is not None}
    if not totals:
        return context["population"]
    total = totals.pop()
    return total if not totals and total in context["sizes"] and total != context["cohort"] else None


def _group_of_size(size: int, groups: list[dict]) -> dict | None:
    """The one sized group of ``size`` people, which a sentence opening on that many people names in other
    words ("Among the 14 patients over 70" for the group sized as "14 aged ≥70 years"); else None."""
    sized = [g for g in groups if g["n"] == size]
    return sized[0] if len(sized) == 1 else None


def _compared_groups(outcomes: list[dict]) -> list[dict]:
    """The groups a sentence compares, in order (``{"label", "n"}``), when it gives figures for two or more."""
    groups: list[dict] = []
    for outcome in outcomes:
        if outcome["group"] is None:
            return []
        if all(g["label"] != outcome["group"] for g in groups):
            groups.append({"label": outcome["group"], "n": outcome["total"]})
    return groups if len(groups) > 1 else []


def _per_arm(text: str) -> int | None:
    """"A total of 100 adults were randomised (50 per group)": the size of every arm, or None."""
    if " per " not in text and " each " not in text:
        return None  # (checked first: the regex costs more)
    stated = PER_ARM.search(text)
    return int(stated.group(1)) if stated else None


def _headed_by_other_label(text: str, seg_start: int, figure: dict, measures: list[dict]) -> bool:
    head = LABEL_HEAD.search(text, max(seg_start, figure["start"] - 10), figure["start"])
    return head is not None and not any(head.start() <= m["start"] < figure["start"] for m in measures)


def _sizes_a_group(measure: dict, groups: list[dict]) -> bool:
    return any(g["start"] <= measure["start"] < g["end"] for g in groups)


def _names_a_response(measures: list[dict]) -> bool:
    return any(m["measure"] != "OTHER" for m in measures)


def _runs(figures: list[dict], text: str) -> list[list[dict]]:
    runs, current = [], []
    for figure in figures:
        joined = current and LIST_GAP.fullmatch(text, current[-1]["end"], figure["start"])
        if joined and same_shape(current[-1], figure):
            current.append(figure)
        else:
            if len(current) > 1:
                runs.append(current)
            current = [figure]
    if len(current) > 1:
        runs.append(current)
    return runs


@Language.factory("evidence_responses", assigns=["doc._.outcomes"],
                  requires=["doc._.result_spans", "doc._.numbers", "doc._.measures", "doc._.groups"])
def make_response_linker(nlp: Language, name: str) -> ResponseLinker:
    return ResponseLinker()
