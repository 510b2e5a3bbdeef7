"""Finding the abstract's subgroups again where a figure is given for them.

A subgroup is recognised by the words that set it apart from the other subgroups ("once" for
"200 mg once daily" beside "200 mg twice daily"; "65" for "65 mg/m²"), compared by their first
five letters so that "observed" finds "observation" and "mutated" finds "mutation". A label
that holds an abbreviation the abstract defines is also found by its long form, and the
other way round ("AIHA" / "autoimmune haemolytic anaemia").
"""

from __future__ import annotations

import re

FILLER = frozenset({"patients", "patient", "group", "groups", "subgroup", "cohort", "cohorts", "arm", "arms",
                    "the", "with", "and", "or", "of", "in", "who", "were", "was", "treated", "to", "for", "a",
                    "an", "at", "on", "had", "disease", "mg", "daily", "dose", "level", "children", "adults", "months",
                    "month", "weeks", "week", "days", "years", "alone", "only", "plus"})
WORD = re.compile(r"[A-Za-z0-9²]+(?:[-'][A-Za-z0-9]+)*")
STEM = 5
RANGE = re.compile(r"\s*[–-]\s*|\s+to\s+")


def _stems(label: str) -> set[str]:
    stems = set()
    for word in WORD.findall(label):
        for part in word.lower().split("-"):
            if part and part not in FILLER:
                stems.add(part[:STEM])
    return stems


def add_group_keys(groups: list[dict], abbreviations: dict[str, str]) -> None:
    """Give each group the word stems (``keys``) that tell it apart from the others."""
    expanded = []
    for group in groups:
        label = group["label"]
        extra = [long for short, long in abbreviations.items() if re.search(rf"(?<!\w){re.escape(short)}(?!\w)", label)]
        extra += [short for short, long in abbreviations.items() if long.lower() in label.lower()]
        expanded.append([_stems(label)] + [_stems(e) for e in extra])
    for index, group in enumerate(groups):
        others = set().union(*(s for j, sets in enumerate(expanded) if j != index for s in sets))
        keys = set()
        for stems in expanded[index]:
            keys |= stems - others
        group["keys"] = sorted(keys) or [""]  # nothing sets it apart by itself: look for the whole label


def group_mentions(text: str, start: int, end: int, groups: list[dict]) -> list[dict]:
    """Where the sentence ``text[start:end]`` names a group: ``{"start", "end", "group"}`` in order.

    Distinctive words of one or two letters ("arm A" / "arm B") only count inside the whole label."""
    if not groups:
        return []
    mentions: list[dict] = []
    for group in groups:
        if any(len(key) < 3 for key in group.get("keys", ())) and group["label"].strip():
            words = group["label"].split()
            core = [w for w in words if w.lower() not in FILLER or len(w) < 3]  # "class I only" -> "class I"
            for phrase in (words, core) if core != words else (words,):
                label = r"[\s-]+".join(re.escape(word) for word in phrase)
                hits = list(re.finditer(rf"(?<!\w){label}(?!\w)", text[start:end], re.IGNORECASE))
                for match in hits:
                    mentions.append({"start": start + match.start(), "end": start + match.end(), "group": group})
                if hits:
                    break
    covered = [(m["start"], m["end"]) for m in mentions]
    last = None
    for match in WORD.finditer(text, start, end):
        if any(a <= match.start() < b for a, b in covered):
            continue
        word = match.group(0).lower()
        stems = {part[:STEM] for part in word.split("-") if part}
        for group in groups:
            if stems & {key for key in group.get("keys", ()) if len(key) >= 3}:
                if last is not None and text[last["end"]:match.start()] in (" ", "-"):
                    last["end"] = match.end()  # one phrase; in "persistent ITP" the modifier names the group
                else:
                    last = {"start": match.start(), "end": match.end(), "group": group}
                    mentions.append(last)
                break
    mentions.sort(key=lambda m: m["start"])
    return _without_ranges(text, mentions)


def _without_ranges(text: str, mentions: list[dict]) -> list[dict]:
    """Drop "DL1–DL4" and "DL1 to DL4": a range names all the groups, not its two ends."""
    ends = set()
    for a, b in zip(mentions, mentions[1:]):
        if a["group"] is not b["group"] and RANGE.fullmatch(text, a["end"], b["start"]):
            ends.update((id(a), id(b)))
    return [m for m in mentions if id(m) not in ends]
