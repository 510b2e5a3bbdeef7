"""Shared test fixtures: where ``../shared`` lies, and the repository root."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO.parent / "shared").resolve()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The read-only ``../shared`` folder (specs, devset, NCBI samples, metafor references)."""
    if not SHARED.is_dir():
        pytest.fail(f"{SHARED} is missing: the tests read the shared data beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO
