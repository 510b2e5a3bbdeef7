#!/usr/bin/env python3
"""Write heldout_blind12.xml and heldout_blind12.gold.jsonl from the abstracts in abstracts.py.

Usage (from this folder): python3 build.py   (the builder is ``tests/extract/gold_builder.py``)
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from abstracts import ARTICLES  # noqa: E402
from gold_builder import build  # noqa: E402

if __name__ == "__main__":
    build(ARTICLES, "heldout_blind12", 900000500, HERE)
