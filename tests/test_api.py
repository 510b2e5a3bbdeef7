"""The public surface: the names a notebook imports and the commands a shell runs."""

from __future__ import annotations

import re

import evidence
from evidence.cli import cli

SPEC_COMMANDS = {"fetch", "ingest", "corpus", "extract", "pool", "check", "report"}


def test_exported_names_are_pinned():
    assert evidence.__all__ == sorted(evidence.__all__)
    assert set(evidence.__all__) == SPEC_COMMANDS | {
        "CorpusError", "EvidenceError", "ExtractError", "FetchError", "InputError", "PoolError"}


def test_every_spec_command_is_a_function_of_the_same_name():
    for name in SPEC_COMMANDS:
        assert callable(getattr(evidence, name)), name


def test_cli_has_exactly_the_spec_commands_each_with_help():
    assert set(cli.commands) == SPEC_COMMANDS
    for name, command in cli.commands.items():
        assert command.help and len(command.help.strip()) > 20, name


def test_readme_documents_every_command_and_environment_variable(repo):
    readme = (repo / "README.md").read_text(encoding="utf-8")
    for name in SPEC_COMMANDS:
        assert re.search(rf"evidence {name}\b", readme), name
    for variable in ("NCBI_API_KEY", "NCBI_EMAIL", "EVIDENCE_EUTILS_URL"):
        assert variable in readme


def test_importing_evidence_stays_light():
    """``evidence --help`` must not pay for spaCy, matplotlib or scipy."""
    import subprocess
    import sys

    code = ("import sys, evidence, evidence.cli; "
            "print(sorted(m for m in ('spacy', 'matplotlib', 'scipy', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
