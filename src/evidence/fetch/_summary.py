"""What a fetch did, in the counts a PRISMA flow diagram asks for."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceCounts:
    """The records one source brought (the query, the PMIDs given, references, ...).

    ``identified`` counts the records this source named that no earlier source had named, so
    the sources add up to the total; ``already`` were in the corpus before the run.
    """

    source: str
    identified: int
    already: int
    fetched: int
    failed_pmids: tuple[str, ...] = ()

    @property
    def failed(self) -> int:
        return len(self.failed_pmids)

    def to_dict(self) -> dict:
        return {"source": self.source, "identified": self.identified, "already": self.already,
                "fetched": self.fetched, "failed": self.failed, "failed_pmids": list(self.failed_pmids)}


@dataclass(frozen=True)
class FetchSummary:
    """Identified, already in the corpus, fetched and failed: in total and per source."""

    corpus: str
    sources: tuple[SourceCounts, ...]
    requests: int
    query_count: int | None = None
    settings: dict = field(default_factory=dict)

    @property
    def identified(self) -> int:
        return sum(s.identified for s in self.sources)

    @property
    def already(self) -> int:
        return sum(s.already for s in self.sources)

    @property
    def fetched(self) -> int:
        return sum(s.fetched for s in self.sources)

    @property
    def failed_pmids(self) -> tuple[str, ...]:
        return tuple(p for s in self.sources for p in s.failed_pmids)

    @property
    def failed(self) -> int:
        return len(self.failed_pmids)

    def to_dict(self) -> dict:
        return {"corpus": self.corpus, "identified": self.identified, "already": self.already,
                "fetched": self.fetched, "failed": self.failed, "failed_pmids": list(self.failed_pmids),
                "query_count": self.query_count, "requests": self.requests, "settings": dict(self.settings),
                "sources": [s.to_dict() for s in self.sources]}

    def __str__(self) -> str:
        lines = [f"{self.corpus}: identified {self.identified:,}, already in the corpus {self.already:,}, "
                 f"fetched {self.fetched:,}, failed {self.failed:,} ({self.requests:,} requests)"]
        if len(self.sources) > 1:
            lines += [f"  {s.source}: identified {s.identified:,}, already {s.already:,}, "
                      f"fetched {s.fetched:,}, failed {s.failed:,}" for s in self.sources]
        if self.failed_pmids:
            shown = ", ".join(self.failed_pmids[:20])
            more = f" and {self.failed - 20:,} more" if self.failed > 20 else ""
            lines.append(f"  not returned by PubMed: {shown}{more}")
        return "\n".join(lines)
