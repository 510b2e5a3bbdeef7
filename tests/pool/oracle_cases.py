"""Where the metafor reference documents live, for parametrising the pool tests.

The three shared references (``../shared/data/metafor-reference``) were written by metafor 3.8-1
and lme4 1.1-31; the cases in ``tests/pool/oracle`` were made here with the same
``metafor_oracle.R`` (zero events, 100 %, k = 2 and 3, k = 60 with subgroups, a level of 90 %), and
``oracle/tight_refits.R`` refitted every case's iterative estimators at ``tol=1e-12`` for the
figures that metafor_oracle.R reports only from metafor's default (early-stopping) fit.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED_REFERENCE = HERE.parents[2] / "shared" / "data" / "metafor-reference"
LOCAL_REFERENCE = HERE / "oracle"

TRANSFORM_OF = {"PR": "raw", "PLO": "logit", "PAS": "arcsine", "PFT": "freeman-tukey"}
ITERATIVE = {"REML", "ML", "EB", "PM"}


def case_paths() -> list[Path]:
    """Every oracle JSON that has its CSV beside it."""
    paths = sorted(SHARED_REFERENCE.glob("*.json")) + sorted(LOCAL_REFERENCE.glob("*.json"))
    return [p for p in paths if _csv_of(p).is_file() and not p.stem.endswith(".tight")]


def _csv_of(path: Path) -> Path:
    return path.with_name(path.stem.replace("_level90", "") + ".csv")


@lru_cache(maxsize=None)
def load(name: str) -> tuple[dict, Path]:
    """The oracle document ``name`` (file stem) and its CSV."""
    for path in case_paths():
        if path.stem == name:
            return json.loads(path.read_text()), _csv_of(path)
    raise FileNotFoundError(name)


@lru_cache(maxsize=None)
def tight(name: str) -> dict:
    """``oracle/NAME.tight.json`` (tight_refits.R): the iterative fits' se, p, PI, weights at tol 1e-12."""
    return json.loads((LOCAL_REFERENCE / f"{name}.tight.json").read_text())


def case_names() -> list[str]:
    return [p.stem for p in case_paths()]


def pooled_combinations():
    """(case, measure, METHOD, test) for every successful inverse-variance fit in every oracle."""
    for name in case_names():
        document, _ = load(name)
        for measure, methods in document["pooled"].items():
            for method, tests in methods.items():
                for test, block in tests.items():
                    if block.get("ok"):
                        yield name, measure, method, test
