"""Wordings that rule a response figure out: sentences that cannot state a result of the study
(definitions, a design's arithmetic, surveys of professionals, follow-up of responders) and
baseline traits that read like a response ("refractory to the last line")."""

from __future__ import annotations

import re

from evidence.extract.components.letter_dispatch import alternatives, dispatch_by_letter

# Sentences that cannot state a response figure of the study: definitions, surveys of
# professionals, a model's inputs from published trials, and follow-up of responders ("Among the 13
# patients who achieved CR, three ..."). Some open the sentence ...
SENTENCE_OPENINGS = (
    r"^(?:among|of|in|for)\s+(?:the\s+|all\s+|these\s+|those\s+)?(?:\S+\s+)?(?:patients\s+|children\s+|adults\s+)?"
    # ("who had a response", not "Among the 9 children who had proteinuria, CR was achieved in 6")
    r"(?:who\s+(?:achieved|attained|had|reached|obtained|were\s+in|remained\s+in)\s+(?:an?\s+|the\s+|their\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:(?-i:[A-Z]*[CP]R\w*)|\w*respon\w*|remission)|responders|responding|"
    r"in\s+(?:a\s+)?(?:\w+\s+)?(?:remission|response)\b|with\s+(?:a\s+)?(?:\w+\s+)?(?:remission|response)\b)"
    # a trait of the (non-)responders: "Non-responders included 4 patients with hepatic metastases"
    r"|^(?:the\s+)?(?:non-?)?responders\s+(?:included|comprised)\s+\S+\s+(?:[\w-]+\s+)?"
    r"(?:patients|children|adults|participants)\s+(?:with|who)\b"
)
# ... and these rule a sentence out wherever they stand: tried by the letters they open with
# (letter_dispatch), where the engine would try all of them at every word
WORDINGS = (
    # (a definition between brackets or commas qualifies a measure: "The ORR (defined as CR + PR) was 45%")
    r"(?<![(,\[] )(?<![(\[])(?:defined as|defined by)\b|(?:(?:is|was|were) defined|definition)\b"
    # a threshold as the subject: "A fall in proteinuria of 50% or more defined partial remission"
    r"|(?<!-)defined\s+(?!as\b|by\b)(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:response|remission)s?\b"
    r"|(?:assessed|evaluated|graded|measured)\s+(?:after|at|every|by|using|according)\b"
    # a grade's threshold: "Complete remission required a BVAS of 0; partial remission meant a fall of 50%",
    # "a two-step decrease counted as a partial response", "graded as complete (...), partial or none";
    # a survey's sample: "Of the 520 oncologists invited, 301 responded (response rate 58%)"
    r"|re(?:sponse|mission)\s+(?:required|requires|meant|means)\b"
    r"|co(?:unted|nsidered)\s+(?:as\s+)?an?\s+(?:[\w-]+\s+){0,2}?(?:response|remission|responder)\b"
    r"|partial,?\s+or\s+(?:none|absent)\b|invited\b"
    # "Remission was complete when the activity was 50% or more and partial when it was 20-50%"
    r"|(?:complete|partial)\s+(?:when|if)\b"
    # the response to an earlier therapy as the patients entered: "Response to induction at enrolment was CR in 22"
    r"|(?:responses?|remission|status)\s+(?:to\s+(?:the\s+|their\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?at\s+"
    r"(?:the\s+time\s+of\s+)?(?:enrol\w*|study\s+entry|entry|inclusion|registration|baseline|screening)\b"
    # "Best response to prior therapy was a complete response in 10", "At study entry, 12 were in complete remission"
    r"|^at\s+(?:study\s+entry|entry|enrol\w*|baseline|inclusion|registration|screening|diagnosis)\s*,"
    r"|responses?\s+to\s+(?:the\s+|their\s+)?(?:prior|previous|preceding|last|latest|most\s+recent|earlier)\s+"
    r"(?:[\w-]+\s+)?(?:therapy|therapies|treatments?|regimens?|lines?|chemotherapy|induction)\s*(?:was|were|:)"
    # a design's arithmetic, hypotheses and stopping rules: "A sample size of 150 gives 80% power to detect
    # an improvement in the response rate from 20% to 42%", "We hypothesized that the ORR would exceed 30%",
    # "A Simon two-stage design required 5 responses among the first 19 patients", "The target ORR was 35%"
    r"|(?:sample sizes?|power (?:to|of)|powered|assum(?:ing|ed|ption)|"
    r"hypothes\w+|two-stage|2-stage|Simon'?s?|would be (?:considered|deemed)|stopping rule|"
    r"(?:target|expected|anticipated|desired|desirable|uninteresting|null|alternative)\s+(?:\w+\s+){0,2}?"
    r"(?:response|remission|ORR|CR|rates?)\b)"
    r"|(?:haematologists|hematologists|physicians|clinicians|respondents|surveys?|questionnaires?)\b"
    # an economic or simulation model's inputs: "CR probabilities of 65% and 39% were taken from published trials"
    r"|(?:taken|derived|obtained|drawn|sourced|extracted)\s+from\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:published|pivotal|literature|previous|registration)\b|(?:model|simulation)\s+inputs?\b"
)
WORDINGS_OPEN_WITH = "diwaegmht2sunpcrqo"  # a lookahead of these first: any other word fails at once
NOT_A_RESULT = re.compile(SENTENCE_OPENINGS + rf"|\b(?=[{WORDINGS_OPEN_WITH}])(?:"
                          + dispatch_by_letter([("w", alternatives(WORDINGS))]) + ")", re.IGNORECASE)
# "38 (60%) had primary refractory disease after two prior lines": a baseline trait, not an outcome
# (the lookahead lists the first letters of the words: other words fail at once)
BASELINE = re.compile(r"\b(?=[phalmbe])(?:prior|previous(?:ly)?|had received|"
                      r"at (?:baseline|enrol\w*|inclusion|diagnosis)|"
                      r"(?:last|latest|most recent) (?:line|regimen|therapy|treatment)|"
                      r"earlier (?:lines?|regimens?|therap(?:y|ies)|treatments?)\b|"
                      r"before (?:enrol\w*|inclusion|the study))\b", re.IGNORECASE)

# An economic evaluation built on a model ("A partitioned survival model ... QALYs"): its response
# figures are the model's inputs, quoted from the trials it draws on, and it has no patients of its own
MODEL_WORDS = ("QALY", "quality-adjusted", "cost-effective", "cost-utility")
MODEL = re.compile(r"\b(?:Markov|partitioned[- ]survival|decision[- ](?:analytic|tree)|state[- ]transition|"
                   r"microsimulation|simulation|economic|cost-effectiveness)\s+models?\b", re.IGNORECASE)


def is_model_study(text: str) -> bool:
    """True for the abstract of an economic model (a word test first: most abstracts have none)."""
    return any(word in text for word in MODEL_WORDS) and bool(MODEL.search(text))
