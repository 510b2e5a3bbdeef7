"""Files that appear whole or not at all.

Every output the tool writes (extraction files, reports, plots) goes through here, so that a
crash, a kill or a full disk leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from evidence.errors import InputError


@contextmanager
def atomic_file(path: Path, *, binary: bool = False) -> Iterator[IO]:
    """Yield a temporary file beside ``path`` (UTF-8 text unless ``binary``); rename it over ``path`` on success."""
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a file name")
    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise InputError(f"{path}: cannot write here: {exc.strerror or exc}") from exc
    try:
        mode = {"mode": "wb"} if binary else {"mode": "w", "encoding": "utf-8", "newline": ""}
        with open(descriptor, **mode) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _new_file_mode(path))
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from exc
        raise


def write_atomic(path: str | Path, data: bytes | str) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` through :func:`atomic_file`."""
    path = Path(path)
    with atomic_file(path, binary=isinstance(data, bytes)) as handle:
        handle.write(data)
    return path


def _new_file_mode(path: Path) -> int:
    """Keep an existing file's permissions; else what ``open`` would give under the umask (mkstemp gives 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
