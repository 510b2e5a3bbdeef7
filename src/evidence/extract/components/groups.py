"""Subgroups that the abstract sizes: a diagnosis, arm, dose level, cohort or mutation.

"rituximab (n = 65)", "(post-ASCT, n = 38)", "26 with warm AIHA and 6 with cold agglutinin
disease", "3 at DL1, 3 at DL2, 6 at DL3 and 12 at DL4", "class I only in 8 and class II in 12
patients", "Among 12 patients with BRAF V600E-mutant tumours", "(0.3, 0.6 and 1.2 mg/kg; 3, 3 and 6
patients, respectively)", and the denominators of figures given per group ("40/49 with
favourable-risk, 31/45 with intermediate-risk ..."). A list is only taken as subgroups
when its sizes add up to a stated total (or the cohort); a label naming a response, the whole
population or patients at large is not a subgroup. Each group is a dict ``{"label", "n",
"start", "end", "n_equals"}`` (``n_equals``: sized as "n = N", as randomised arms are).
"""

from __future__ import annotations

import re

from evidence.extract.components.letter_dispatch import letter_gate
from evidence.extract.components.numbers import NUMBER
from evidence.extract.components.people import NOT_OUR_STUDY, PEOPLE, as_int, person_counts, sentence_ints
from evidence.extract.components.sentences import by_sentence

# Sizes given as "n = N": found by the "n =" first (the regex engine skips ahead to it), then
# the label is read backwards from there.
N_EQUALS_IN_PARENS = re.compile(r"[,;]\s*[nN]\s*=\s*(?P<n>\d[\d,]*)\s*(?=[)\];])")
LABEL_IN_PARENS = re.compile(r"[(\[;]\s*([^()\[\];,=]{1,50}?)\s*$")
N_EQUALS_AFTER = re.compile(r"\s*[(\[]\s*[nN]\s*=\s*(?P<n>\d[\d,]*)\s*[)\]]")
LABEL_BEFORE = re.compile(r"[^()\[\];,:=]{1,80}$")
# "Complete responses were confined to the NX-730 arm (n = 2)", "Grade 3 pneumonitis occurred only in
# the high-dose arm (n = 2)": the count of what happened there, not the group's size
CONFINED = re.compile(r"\b(?:(?:confined|limited|restricted)\s+to|only\s+in)\b", re.IGNORECASE)
COUNT_OF_PERCENT = re.compile(r"(?<![<>≤≥\d.,·])\d+(?:[.,·]\d+)?\s?%\s*$")  # "CR in 40% (n = 12)": a count
AMONG_BEFORE = re.compile(letter_gate(r"\b(?:among|in|of)\s+(?:the\s+)?$"), re.IGNORECASE)  # (letter_gate: see its module)
LABEL_STOP = re.compile(
    r"^.*\b(?:or|and|to|received|receive|receiving|at|with|into|harbouring|harboring|either|versus|vs|"
    r"including|of|whom|between|as|against|were|was|had|by|in|enrol\w*|included)\b\s*|^.*[:,;]\s*", re.IGNORECASE)
# "against class I only in 8 and against class II in 12 patients": the size after its label
LABEL_IN_ITEM = re.compile(
    rf"(?P<label>\b(?!(?:and|or|but|whereas)\b)[A-Za-z][\w-]*(?:\s+[\w-]+){{0,4}}?)\s+in\s+(?P<n>{NUMBER})"
    r"(?:\s+(?:patients|children|adults))?"
    r"(?=,|;|\.|\)|\s+and\s|\s+or\s|$)",
    re.IGNORECASE,
)
LIST_ITEM = re.compile(
    rf"(?<![\w.,/-])(?P<n>{NUMBER})(?:\s*\(\d+(?:[.,·]\d+)?\s?%\))?(?:\s+(?:patients|children|adults|women|men))?"
    r"\s+(?P<verb>(?:(?:were|was)\s+)?(?:treated\s+for|with|had|have|were|receiving|received|at|for|on|to|"
    r"randomi[sz]ed\s+to|assigned\s+to|in))?\s*"
    # the label: one character class, so the engine runs its fast loop for a lazy repeat of one
    # character; a full stop ends the label (the lookahead) unless a digit follows, so only the
    # first character needs the test for it
    r"(?P<label>(?!\.(?!\d))[^,;:()\[\]]{1,60}?(?:(?=[\s(\[])\s*[(\[][^()\[\]]{1,40}[)\]](?:\s+[A-Za-z][\w-]*)?)?)"
    r"(?=[,;)\]]|\.(?!\d)|\s+(?:and|or|whereas)\s|$)",
    re.IGNORECASE,
)
# "(obexizumab, 60; placebo, 58)", "(ITP: 12; AIHA: 8)": label then size, items split by ";"
LABEL_THEN_SIZE = re.compile(r"(?<=[(\[;])\s*(?P<label>[A-Za-z][^,;:()\[\]=]{0,40}?)\s*[,:]\s*(?P<n>\d+)\s*(?=[;)\]])")
# "(granulomatosis with polyangiitis 35, microscopic polyangiitis 23)": label then bare size, items split by ","
LABEL_SPACE_SIZE = re.compile(r"(?<=[(\[,;])\s*(?P<label>[A-Za-z][^,;:()\[\]=\d%]{0,40}?)\s+(?P<n>\d+)\s*(?=[,;)\]])")
# "(median age 66 years; 18 aged ≥70 years)", "34 aged 75 years or older and 56 younger than 75 years": an age
# band sized by the count before it, alone or in a list
AGE_BAND = re.compile(
    r"(?<![\w.,/-])(?P<n>\d+)\s+(?:(?:patients|children|adults)\s+)?(?P<label>aged\s+(?:[≥>≤<]\s?\d+\s*years"
    r"|\d+\s*years\s+(?:or|and)\s+(?:older|over|above|younger|under)"
    r"|(?:over|under|older than|younger than)\s+\d+\s*years"
    r"|\d+\s*[-–]\s*\d+\s*years)|(?:older|younger)\s+than\s+\d+\s*years)")
# "A total of 311 patients were included; 204 had intermediate or poor risk": one subset of the stated total
SUBSET_HAD = re.compile(rf";\s*(?P<n>{NUMBER})\s+(?:{PEOPLE}\s+)?had\s+(?:an?\s+)?"
                        r"(?!(?:\w+ed|undergone|been|taken|given|previously|prior)\b)"
                        r"(?P<label>[A-Za-z][\w -]{2,50}?)"
                        r"\s*(?=[.;,]|$|\s+(?:and|or|whereas|while)\s+\d)", re.IGNORECASE)
NEGATED = re.compile(r"(?:did|do|does|were|was|had)\s+not\b", re.IGNORECASE)
# "(dMMR) tumours": one head noun may follow the defined short form
DEFINED_SHORT = re.compile(r"\w\s*[(\[]\s*([A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*)\s*[)\]](?:\s+[a-z][\w-]*)?\s*$")
# "patients", "the cohort" name everyone; "cohort 2", "group B", "arm II" name a part
WHOLE_POPULATION = re.compile(rf"(?:all\s+)?(?:{PEOPLE}|population|cohort|intention-to-treat|ITT)\b"
                              r"(?!\s+(?:\d+|[A-Z]|[IVX]+)\b)", re.IGNORECASE)
# (not "relapsed after blinatumomab": a history before the study, as a subgroup)
RESPONSE_WORDS = re.compile(letter_gate(  # (letter_gate: a lookahead of the letters these open with)
    r"respon|remission|refractory|resistant disease|relaps(?!ed\s+(?:after|following)\b)|"
    r"progress|died|death|stable disease"
    r"|\b(?:complete|partial)\s*$"
    # (not the PD of "anti-PD-1 therapy", "PD-L1-positive": a receptor, not progressive disease)
    r"|\b(?:CRs?|PRs?|ORR|NR|SD|PD(?![-‑]L?\d)|VGPR|MR|CRi|DCR)\b"), re.IGNORECASE)
# "of these 52, 21 had primary refractory disease and 31 relapsed disease": in a list of sizes adding up to
# a stated total, the disease the patients entered with (alone, "44 had primary refractory disease" is a result)
DISEASE_HISTORY = re.compile(r"(?:primary\s+refractory|relapsed|relapsed\s+or\s+refractory)(?:\s+disease)?",
                             re.IGNORECASE)
# "24 had measurable soft-tissue disease": the people a response can be measured in (RECIST), the
# population of the response figures rather than a subgroup ("measurable brain metastases" is a site)
EVALUATION_POPULATION = re.compile(r"(?:measurable|evaluable|assessable)\s+(?:[\w-]+\s+)?(?:disease|lesions?)",
                                   re.IGNORECASE)
AMONG_GROUP = re.compile(letter_gate(
    rf"\b(?:among|in|of)\s+(?:the\s+)?(?P<n>{NUMBER})\s+{PEOPLE}\s+(?:with|who had|harbouring|harboring|"
    r"receiving|who received|on|treated with|treated for|"
    # "Among the 11 patients previously exposed to a BTK inhibitor, 7 responded"
    r"(?:who\s+had\s+(?:been\s+)?)?(?:previously\s+|already\s+)?(?:exposed\s+to|pre-?treated\s+with|treated\s+with|"
    r"received))"
    # (a bracketed figure may follow the label: "of the 8 children with lung involvement (0/8), five of whom")
    r"\s+(?P<label>[^,;.(\[]{1,50}?)\s*(?:[(\[][^()\[\]]{1,30}[)\]]\s*)?,"
), re.IGNORECASE)
# "40 had cardiac involvement, including 13 with Mayo stage IIIa disease": a subgroup sized inside a count
INCLUDING_GROUP = re.compile(rf"\bincluding\s+(?P<n>{NUMBER})\s+(?:{PEOPLE}\s+)?(?:with|who had)\s+"
                             r"(?P<label>[^,;.()\[\]]{1,50}?)\s*(?=[,;.)]|$)", re.IGNORECASE)

# "treated at four dose levels (0.3, 0.6, 1.2 and 2.4 mg/kg; 3, 3, 6 and 12 patients, respectively)",
# "with DLBCL, FL or MCL (n = 10, 8 and 6, respectively)": labels and sizes as two parallel lists
_SIZE = r"\d+"
_SIZES = rf"(?P<sizes>{_SIZE}(?:\s*,\s*{_SIZE})*,?\s+(?:and|or)\s+{_SIZE})"
SIZES_RESPECTIVELY = re.compile(rf"(?:[nN]\s*=\s*)?{_SIZES}(?:\s+{PEOPLE})?,?\s+respectively")
# "3, 6 and 9 patients were treated at 100, 200 and 400 mg, respectively": the sizes first
SIZES_THEN_LABELS = re.compile(rf"(?<![\w.,/-]){_SIZES}\s+{PEOPLE}\b(?P<middle>[^;()\[\]]{{1,80}}?),?\s+respectively")
_DOSE = r"\d+(?:[.,·]\d+)?"
_DOSES = (rf"(?P<doses>{_DOSE}(?:\s*,\s*{_DOSE})*,?\s+(?:and|or)\s+{_DOSE})"
          r"(?P<unit>\s*[^\s\d,;()\[\]][^\s,;()\[\]]{0,11})?")
_NAME = r"[\w+-][\w+/-]*(?:\s+(?!(?:and|or)\b)[\w+/-]+){0,2}"
_NAMES = rf"(?P<names>{_NAME}(?:\s*,\s*{_NAME})*,?\s+(?:and|or)\s+{_NAME})"
_BEFORE_SIZES = r"\s*[;:,(\[]\s*$"  # "(0.3, 0.6, 1.2 and 2.4 mg/kg; 3, 3, 6 and 12 patients, respectively)"
LABEL_LISTS = {True: (re.compile(_DOSES + _BEFORE_SIZES), re.compile(_NAMES + _BEFORE_SIZES)),
               False: (re.compile(_DOSES + r"\s*$"), re.compile(_NAMES + r"\s*$"))}
# "40/49 (81.6%) with favourable-risk, 31/45 (68.9%) with intermediate-risk and 12/26 (46.2%) with
# adverse-risk disease", "8 of 10 T0 participants and 5 of 10 T1 participants": figures of groups
# sized only by their denominators, each followed by the group it is for
FRACTION_ITEM = re.compile(
    rf"(?:\s*[(\[][^()\[\]]{{1,30}}[)\]])?\s+(?:(?:{PEOPLE}\s+)?at\s+(?:the\s+)?"
    # "0/3 at 0.3 mg/kg, 1/3 at 0.6 mg/kg", "2/6 at dose level 3": dose levels
    r"(?P<dose>\d+(?:[.,·]\d+)?\s?(?:mg|µg|mcg|g|ng|IU|U|Gy)\b(?:/[\w²]+)?|(?:dose\s+)?level\s+\d+|DL\s?\d+)"
    rf"|(?:{PEOPLE}\s+)?(?:with|in|among|for)\s+(?:the\s+)?"
    rf"(?:{PEOPLE}\s+(?:with\s+)?)?(?P<with>[A-Za-z][\w-]*(?:\s+(?!(?:and|or|versus|vs)\b)[\w-]+){{0,2}}?)"
    r"|(?!(?:evaluable|assessable|eligible|treated|enrolled|remaining|other|additional|consecutive|new|"
    rf"the|these|those|all|their)\b)(?P<before>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+{PEOPLE})"
    r"(?=\s*(?:[,;.)(\[]|$)|\s+(?:and|or|versus|vs|compared|disease|had|have|were|was|achieved|responded|reached|"
    rf"showed|attained|obtained|relapsed|progressed|died|developed|experienced|received|required|{PEOPLE})\b)",
    re.IGNORECASE)
FRACTION_GAP = re.compile(r"\s*[,;]?\s*(?:and\s+|or\s+|versus\s+|vs\.?\s+|compared with\s+)?")
LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


# "17 MMF as their steroid-sparing drug", "12 rituximab as first-line therapy": the drug names the group,
# the role after "as" only says what it was used for
AS_ROLE = re.compile(r"\s+as\s+(?:(?:their|the|a|an|its)\s+)?(?:[\w-]+\s+){0,3}?"
                     r"(?:drug|agent|therapy|treatment|regimen|medication|choice|option)s?\b.*$", re.IGNORECASE)


def _clean_label(raw: str) -> str:
    """The label as the abstract names the group; a defined abbreviation stands for its long form
    ("autoimmune haemolytic anaemia (AIHA)" -> "AIHA")."""
    short = DEFINED_SHORT.search(raw) if ")" in raw or "]" in raw else None
    if short:
        return short.group(1)
    if " as " in raw:
        raw = AS_ROLE.sub("", raw)
    label = LABEL_STOP.sub("", raw).strip()
    label = re.sub(r"^(?:the|a|an|those|patients|children)\s+", "", label, flags=re.IGNORECASE)
    return label.strip(" -")


def find_groups(text: str, sentences: list[tuple[int, int]], cohort: int | None, numbers: list[dict]) -> list[dict]:
    groups: list[dict] = []
    seen: set[str] = set()

    def add(label: str, n: int | None, start: int, end: int, stated: bool = False, history: bool = False) -> None:
        key = label.lower()
        if (not label or n is None or key in seen or (cohort is not None and n >= cohort) or n < 1
                or (RESPONSE_WORDS.search(label) and not (history and DISEASE_HISTORY.fullmatch(label)))
                or WHOLE_POPULATION.match(label)
                or EVALUATION_POPULATION.fullmatch(label)):
            return
        seen.add(key)
        groups.append({"label": label, "n": n, "start": start, "end": end, "n_equals": stated})

    fractions_of = by_sentence([n for n in numbers if n["kind"] == "fraction"], sentences)
    for (start, end), own, fractions in zip(sentences, by_sentence(numbers, sentences), fractions_of):
        sentence = text[start:end]
        ints = sentence_ints(own, start, end)
        listed = len(fractions) > 1 and _adds_up([f["total"] for f in fractions], cohort)
        if len(ints) < 2 and "=" not in sentence and not listed:
            continue  # no "n = N" and no list of sizes (checked first: the regex below costs more)
        if NOT_OUR_STUDY.search(sentence) or "per group" in sentence or "per arm" in sentence:
            continue
        if "aged " in sentence or "younger than" in sentence:
            for match in AGE_BAND.finditer(sentence):
                add(match.group("label"), int(match.group("n")), start + match.start("label"), start + match.end())
        if listed:
            for label, n, at in _fraction_items(text, fractions, cohort):
                add(label, n, at, at + len(label))
        # the sizes a list of groups may add up to: the people the sentence counts, or the cohort
        stated = ({as_int(m.group("n")) for m in person_counts(sentence, ints)} | {cohort}) if len(ints) >= 2 else set()
        if stated and "respectively" in sentence:
            for label, n, at in _parallel_lists(sentence, stated):
                add(label, n, start + at, start + at + len(label))
        if "=" in sentence:
            for match in N_EQUALS_IN_PARENS.finditer(sentence):
                label = LABEL_IN_PARENS.search(sentence, max(0, match.start() - 50), match.start())
                if label:  # "(post-ASCT, n = 38)"
                    add(_clean_label(label.group(1)), as_int(match.group("n")), start + label.start(),
                        start + match.end(), stated=True)
            for match in N_EQUALS_AFTER.finditer(sentence):
                label = LABEL_BEFORE.search(sentence, max(0, match.start() - 80), match.start())
                if (label and not COUNT_OF_PERCENT.search(label.group(0))  # "rituximab (n = 65)"
                        and not CONFINED.search(label.group(0))):
                    add(_clean_label(label.group(0)), as_int(match.group("n")), start + label.start(),
                        start + match.end(), stated=True)
        if len(ints) < 2:
            continue  # a list of sizes, or a size and a count of its own, needs two numbers
        if any(AMONG_BEFORE.search(sentence, max(0, at - 12), at) for at in ints):
            for match in AMONG_GROUP.finditer(sentence):
                add(_clean_label(match.group("label")), as_int(match.group("n")), start + match.start(),
                    start + match.end())
        if "including " in sentence:  # "40 had cardiac involvement, including 13 with Mayo stage IIIa disease"
            for match in INCLUDING_GROUP.finditer(sentence):
                add(_clean_label(match.group("label")), as_int(match.group("n")), start + match.start("n"),
                    start + match.end())
        targets = [size for size in stated if size]
        if not targets or sum(n["value"] for n in own if n["kind"] == "int") < min(targets):
            continue  # every list below sizes its groups with the sentence's own whole numbers
        if ";" in sentence and "had " in sentence:
            for match in SUBSET_HAD.finditer(sentence):
                if any(as_int(match.group("n")) < size for size in targets):
                    add(match.group("label"), as_int(match.group("n")), start + match.start("n"), start + match.end())
        items = [m for m in (LIST_ITEM.match(sentence, at) for at in ints)
                 if m and m.group("label").strip() and (not RESPONSE_WORDS.search(m.group("label"))
                                                        or DISEASE_HISTORY.fullmatch(m.group("label").strip()))]
        # (a list of another shape is tried when one does not add up: "60 were enrolled (nodular, 22; diffuse,
        # 38), and 55 had a scan" lists the two sizes in the bracket, not 60 and 55)
        parts, named_whole = _adding_run(items, stated), False
        if parts is None and ";" in sentence:
            parts = _adding_parts(_as_list(list(LABEL_THEN_SIZE.finditer(sentence)), need_verb=False), stated)
        if parts is None and ("(" in sentence or "[" in sentence):
            parts = _adding_parts(_as_list(list(LABEL_SPACE_SIZE.finditer(sentence)), need_verb=False), stated)
            named_whole = True  # a bare name before its size: "with" and "of" are inside the name
        if parts is None and any(sentence.endswith("in ", 0, at) for at in ints):
            labelled = [m for m in LABEL_IN_ITEM.finditer(sentence) if not RESPONSE_WORDS.search(m.group("label"))]
            parts = _adding_parts(_as_list(labelled, need_verb=False), stated)
        previous = ""
        for m in parts or ():
            label = m.group("label").strip() if named_whole else _clean_label(m.group("label"))
            if NEGATED.match(label) and previous:  # "32 received romiplostim and 32 did not"
                label = f"no {previous}"
            add(label, as_int(m.group("n")), start + m.start(), start + m.end(), history=True)
            previous = label
    groups.sort(key=lambda g: g["start"])
    return groups


def _adding_parts(items: list[re.Match], stated: set[int | None]) -> list[re.Match] | None:
    """The items of a list whose sizes add up to a stated total: "Fifty-two children were enrolled, 18 with
    persistent and 34 with chronic ITP" (the total may open the list, or close it: "44 received X and 44
    placebo, and 83 completed"); None when no two or more do."""
    for parts in (items, items[1:], items[:-1]):
        sizes = [as_int(m.group("n")) for m in parts]
        if len(parts) >= 2 and None not in sizes and sum(sizes) in stated:
            return parts
    return None


def _as_list(items: list[re.Match], need_verb: bool = True) -> list[re.Match]:
    """The longest run of items joined only by list separators (see :func:`_runs`)."""
    return max(_runs(items, need_verb), key=len, default=[])


def _adding_run(items: list[re.Match], stated: set[int | None]) -> list[re.Match] | None:
    """The parts of the longest run of items that add up to a stated total: "55 were enrolled, and 52
    completed ...; of these 52, 21 had X and 31 Y" lists 21 and 31, not 55 and 52."""
    for run in sorted(_runs(items, True), key=len, reverse=True):
        parts = _adding_parts(run, stated)
        if parts is not None:
            return parts
    return None


def _runs(items: list[re.Match], need_verb: bool) -> list[list[re.Match]]:
    """The runs of items joined only by list separators, the first of each with a verb or opening a
    bracket ("randomised (60 obexizumab, 58 placebo)"). A number inside the label before it is
    that label's own ("3 at 10 mg", "3 at dose level 1"), not the next size."""
    runs: list[list[re.Match]] = []
    run: list[re.Match] = []
    for item in items:
        opens = item.string.endswith("(", 0, item.start()) or item.string.endswith("[", 0, item.start())
        if run and run[-1].start("label") <= item.start() < run[-1].end() and not opens:
            continue
        if run and re.fullmatch(r"\s*(?:,|;|,?\s*and|,?\s*or|,?\s*whereas|,?\s*while)\s*",
                                item.string[run[-1].end():item.start()]):
            run.append(item)
        else:
            if run:
                runs.append(run)
            run = [item] if not need_verb or item.group("verb") or opens else []
    if run:
        runs.append(run)
    return runs


def _parallel_lists(sentence: str, stated: set[int | None]) -> list[tuple[str, int, int]]:
    """``(label, size, where)`` of each group of a "labels; sizes, respectively" pair of lists (or
    "sizes <people> ... labels, respectively") whose sizes add up to a stated total: "at four dose
    levels (0.3, 0.6, 1.2 and 2.4 mg/kg; 3, 3, 6 and 12 patients, respectively)". A unit after the
    last dose belongs to every dose ("0.3 mg/kg"). ``stated``: the totals the sentence states."""
    pairs = [(m, max(0, m.start() - 120), m.start(), True) for m in SIZES_RESPECTIVELY.finditer(sentence)]
    pairs += [(m, m.start("middle"), m.end("middle"), False) for m in SIZES_THEN_LABELS.finditer(sentence)]
    for match, start, end, sizes_after in pairs:
        sizes = [int(n) for n in LIST_SPLIT.split(match.group("sizes"))]
        if sum(sizes) not in stated:
            continue
        doses, names = LABEL_LISTS[sizes_after]
        labels = doses.search(sentence, start, end) or names.search(sentence, start, end)
        if labels is None:
            continue
        items = LIST_SPLIT.split(labels.group(1))
        if len(items) != len(sizes):
            continue
        unit = (labels.group("unit") or "").strip() if "unit" in labels.groupdict() else ""
        found, at = [], labels.start()
        for item, size in zip(items, sizes):
            at = sentence.find(item, at)
            label = f"{item} {unit}" if unit else _clean_label(item)
            found.append((label, size, at))
        return found
    return []


def _adds_up(sizes: list[int], cohort: int | None) -> bool:
    """True when two or more consecutive ``sizes`` add up to the cohort or to one of the sizes
    ("83 of 120 patients achieved CR: 40/49 ..., 31/45 ... and 12/26 ...")."""
    totals = {cohort, *sizes}
    return any(sum(sizes[i:j]) in totals for i in range(len(sizes)) for j in range(i + 2, len(sizes) + 1))


def _fraction_items(text: str, fractions: list[dict], cohort: int | None) -> list[tuple[str, int, int]]:
    """``(label, size, where)`` of each "x/N with <group>" or "x of N <group> patients" item of a
    list whose denominators add up to the cohort or to a total the sentence states ("83 of 120
    patients (69.2%) achieved CR: 40/49 (81.6%) with favourable-risk, ..."); else []."""
    run: list[tuple[dict, re.Match]] = []
    for fraction in fractions:
        item = FRACTION_ITEM.match(text, fraction["end"])
        joined = run and FRACTION_GAP.fullmatch(text, run[-1][1].end(), fraction["start"])
        if item is None:
            if len(run) >= 2:
                break
            run = []
        elif joined or not run:
            run.append((fraction, item))
        elif len(run) >= 2:
            break
        else:
            run = [(fraction, item)]
    if len(run) < 2 or sum(f["total"] for f, _ in run) not in {cohort, *(f["total"] for f in fractions)}:
        return []
    names = [next(name for name in ("dose", "with", "before") if item.group(name)) for _, item in run]
    labels = [(item.group(name), item.start(name)) for (_, item), name in zip(run, names)]
    if len({label.lower() for label, _ in labels}) < len(labels):
        return []
    return [(label, f["total"], at) for (f, _), (label, at) in zip(run, labels)]
