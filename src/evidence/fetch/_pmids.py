"""PMIDs as a user types them: ``--pmid`` values and a ``--pmid-file``."""

from __future__ import annotations

import re
from pathlib import Path

from evidence.errors import InputError

_SEPARATORS = re.compile(r"[\s,;]+")


def read_pmid_arguments(values: list[str], pmid_file: str | Path | None = None) -> list[str]:
    """PMIDs from ``--pmid`` values (space or comma separated) and an optional file, in order.

    Each PMID appears once, at its first place; leading zeros are dropped. Anything that is not
    a PMID raises :class:`InputError` naming the value (and the file and line it came from).
    """
    found: dict[str, None] = {}
    for value in values:
        for token in _SEPARATORS.split(value.strip()):
            if token:
                found.setdefault(_pmid(token, "--pmid"), None)
    if pmid_file is not None:
        path = Path(pmid_file)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError as exc:
            raise InputError(f"--pmid-file {path}: no such file") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"--pmid-file {path}: cannot read ({exc})") from exc
        for number, line in enumerate(text.splitlines(), start=1):
            for token in _SEPARATORS.split(line.split("#", 1)[0].strip()):
                if token:
                    found.setdefault(_pmid(token, f"--pmid-file {path}, line {number}"), None)
    return list(found)


def _pmid(token: str, where: str) -> str:
    if not (token.isascii() and token.isdigit()) or int(token) == 0:
        raise InputError(f"{where}: {token!r} is not a PMID (a positive whole number)")
    return str(int(token))
