"""The rule components of the extraction pipeline; importing this package registers them."""

from evidence.extract.components import (  # noqa: F401  each module registers its factory
    abbreviations,
    cohort,
    measures,
    numbers,
    responses,
    sentences,
)
