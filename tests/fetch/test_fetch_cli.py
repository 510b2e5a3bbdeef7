"""``evidence fetch`` as a user runs it: the summary on stdout, one-line errors, no key anywhere."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from eutils_standin import closed_port_url
from evidence.cli import cli

KEY = "sekrit-cli-key-42"


def run(url: str, *args: str, key: str | None = KEY):
    env = {"EVIDENCE_EUTILS_URL": url, "NCBI_API_KEY": key, "NCBI_EMAIL": "reviewer@example.org",
           "EVIDENCE_EUTILS_RATE": "200", "EVIDENCE_EUTILS_BACKOFF": "0.005", "EVIDENCE_EUTILS_TIMEOUT": "2"}
    return CliRunner().invoke(cli, ["fetch", *args], env=env, catch_exceptions=False)


def test_fetch_prints_the_prisma_counts(small, tmp_path):
    result = run(small.url, "--query", "rare", "--corpus", str(tmp_path / "c"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{tmp_path / 'c'}: identified 30, already in the corpus 0, fetched 30, failed 0 (2 requests)\n"
    sent = small.requests("esearch")[0].params
    assert (sent["tool"], sent["email"], sent["api_key"]) == (["evidence"], ["reviewer@example.org"], [KEY])


def test_pmids_with_refs_from_the_command_line(small, tmp_path):
    result = run(small.url, "--pmid", "30000099,30000010", "--refs", "--corpus", str(tmp_path / "c"))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'c'}: identified 9, already in the corpus 0, fetched 9, failed 0")
    assert lines[1:] == ["  pmids: identified 2, already 0, fetched 2, failed 0",
                         "  refs: identified 7, already 0, fetched 7, failed 0"]


@pytest.mark.parametrize("args, message", [
    (["--pmid", "123", "--pmid", "12a"], "Error: --pmid: '12a' is not a PMID (a positive whole number)"),
    (["--query", "rare", "--since", "2026-01-01"], "Error: --since '2026-01-01': expected a date as YYYY/MM/DD"),
    (["--pmid", "123", "--max", "5"], "Error: --since and --max apply to a query (--query), not to PMIDs"),
])
def test_bad_options_end_in_one_line(small, tmp_path, args, message):
    result = run(small.url, *args, "--corpus", str(tmp_path / "c"))
    assert (result.exit_code, result.stderr) == (1, message + "\n")
    assert not small.log


def test_a_server_that_is_down_is_one_line_without_the_key(tmp_path):
    url = closed_port_url()
    result = run(url, "--query", "rare", "--corpus", str(tmp_path / "c"))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: esearch for 'rare' at {url}esearch.fcgi failed after 6 tries: "
                             "cannot connect ([Errno 111] Connection refused)\n")
    assert not (tmp_path / "c").exists()


def test_the_key_never_appears_even_when_the_server_echoes_it(small, tmp_path):
    small.fault("efetch", "status", status=403)  # NCBI's JSON body names the key
    result = run(small.url, "--pmid", "30000001", "--corpus", str(tmp_path / "c"))
    assert result.exit_code == 1
    assert KEY not in result.stdout + result.stderr
    assert '"api-key": "<NCBI_API_KEY>"' in result.stderr
