"""Fixtures of the corpus tests: a file writer, and the ingest benchmark's generator."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Callable

import pytest


@pytest.fixture
def write_xml(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write ``text`` to ``tmp_path / name`` and return the path."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def baseline_generator(repo: Path):
    """``benchmarks/ingest.py`` as a module: its ``write_baseline`` makes big realistic files."""
    spec = importlib.util.spec_from_file_location("ingest_benchmark", repo / "benchmarks" / "ingest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
