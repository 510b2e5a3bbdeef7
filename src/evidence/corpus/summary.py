"""What a corpus holds, as ``evidence corpus DIR`` prints it (text) or a script reads it (JSON)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from evidence.corpus.store import CorpusStore
from evidence.errors import InputError

UNKNOWN_YEAR = "unknown"


@dataclass(frozen=True)
class CorpusSummary:
    """Counts of one corpus: records, those with an abstract, records per year and per source.

    ``in_progress`` lists files whose ingest was interrupted (items staged but not yet applied),
    so that a summary taken after a kill says why records seem to be missing.
    """

    path: str
    records: int
    with_abstract: int
    by_year: dict[str, int] = field(default_factory=dict)
    sources: dict[str, int] = field(default_factory=dict)
    deleted: int = 0
    in_progress: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"path": self.path, "records": self.records, "with_abstract": self.with_abstract,
                "by_year": dict(self.by_year), "sources": dict(self.sources), "deleted": self.deleted,
                "in_progress": dict(self.in_progress)}

    def render(self, fmt: str = "text") -> str:
        """``text`` for people, ``json`` for scripts (keys of :meth:`to_dict`)."""
        if fmt == "json":
            return json.dumps(self.to_dict(), indent=2)
        if fmt != "text":
            raise InputError(f"--format {fmt}: a corpus summary is text or json")
        share = f" ({self.with_abstract / self.records:.0%})" if self.records else ""
        lines = [f"Corpus {self.path}",
                 f"  records        {self.records:,}",
                 f"  with abstract  {self.with_abstract:,}{share}",
                 f"  deleted        {self.deleted:,} (by DeleteCitation)"]
        if self.by_year:
            lines.append("By year")
            lines += [f"  {year:<8} {n:>7,}" for year, n in self.by_year.items()]
        if self.sources:
            lines.append("Sources (records each brought)")
            lines += [f"  {n:>7,}  {source}" for source, n in self.sources.items()]
        for source, n in self.in_progress.items():
            lines.append(f"Interrupted: {n:,} items of {source} staged; run the ingest again to finish it")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render("text")


def summarise(store: CorpusStore) -> CorpusSummary:
    """Count what ``store`` holds; years in ascending order, records without one last."""
    db = store.connection
    records, with_abstract = db.execute(
        "SELECT count(*), count(*) FILTER (WHERE trim(abstract) != '') FROM articles").fetchone()
    by_year = {(str(year) if year is not None else UNKNOWN_YEAR): n for year, n in db.execute(
        "SELECT year, count(*) FROM articles GROUP BY year ORDER BY year IS NULL, year")}
    sources = dict(db.execute("SELECT source, count(*) FROM provenance GROUP BY source ORDER BY source"))
    (deleted,) = db.execute("SELECT count(*) FROM deletions").fetchone()
    in_progress = {}
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'staged_files'").fetchone():
        in_progress = dict(db.execute(
            "SELECT f.path, count(DISTINCT i.item) FROM staged_files f JOIN staged_items i ON i.file_id = f.id "
            "GROUP BY f.path ORDER BY f.path"))
    return CorpusSummary(path=str(store.directory), records=records, with_abstract=with_abstract,
                         by_year=by_year, sources=sources, deleted=deleted, in_progress=in_progress)
