"""How a record's raw XML is stored: Zstandard, with a dictionary trained on the corpus's own records.

PubMed records repeat the same tags, attributes and boilerplate, which a compressor working on
one 4 KB record at a time must learn anew each time. A 16 KB dictionary trained once, on the
first records a corpus receives, carries that knowledge into every row. Measured on the real
records of the devset (half trained on, half compressed): 4.7 times smaller at ~9 us a record,
where zlib level 1 through ISA-L gave 2.75 times at ~15 us (``benchmarks/ingest.py`` prints the
figures for its generated file). Over a whole PubMed baseline that is tens of gigabytes less
disk and the largest single saving in ingest's CPU time.

Every blob says how to read it: a Zstandard frame starts with its magic number and names its
dictionary, and anything else is zlib, as corpora written before this module hold. A corpus
too small to train on (fewer than :data:`MIN_SAMPLES` records in its first batch) stores plain
Zstandard frames until a batch large enough arrives.
"""

from __future__ import annotations

import sqlite3
import time
import zlib
from typing import Sequence

import zstandard

from evidence.errors import CorpusError

SCHEMA = """
CREATE TABLE IF NOT EXISTS xml_dictionaries (
    id INTEGER PRIMARY KEY,
    data BLOB NOT NULL,
    samples INTEGER NOT NULL,
    trained_at REAL NOT NULL
);
"""

DICTIONARY_SIZE = 16384
# Fewer samples than this train a dictionary that helps little; 200 train in ~0.03 s and gain
# as much as 2,000 did (ratio 7.7 against 7.8 on the benchmark's file).
MIN_SAMPLES = 100
MAX_SAMPLES = 200
LEVEL = 1
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


class XmlCodec:
    """Compresses and restores the ``xml`` column of one corpus database."""

    def __init__(self, connection: sqlite3.Connection, where: str) -> None:
        self.connection, self.where = connection, where
        self._decompressors: dict[int, zstandard.ZstdDecompressor] = {}
        self._compressor: zstandard.ZstdCompressor | None = None
        self._dictionary_id = 0

    def needs_dictionary(self, samples: int) -> bool:
        """True when the corpus has no dictionary yet and ``samples`` records are enough to train one."""
        self._loaded()
        return not self._dictionary_id and samples >= MIN_SAMPLES

    def learn(self, samples: Sequence[bytes]) -> None:
        """Train and store the corpus's dictionary from ``samples`` (see :meth:`needs_dictionary`).

        The caller commits it before writing any row compressed with it (see
        :meth:`CorpusStore.encode_rows`): a rollback must never take away a dictionary that
        stored rows need.
        """
        try:
            dictionary = zstandard.train_dictionary(DICTIONARY_SIZE, list(samples[:MAX_SAMPLES]))
        except zstandard.ZstdError:  # samples too alike or too small: plain frames serve as well
            return
        self.connection.execute("INSERT OR IGNORE INTO xml_dictionaries (id, data, samples, trained_at) "
                                "VALUES (?, ?, ?, ?)",
                                (dictionary.dict_id(), dictionary.as_bytes(), min(len(samples), MAX_SAMPLES),
                                 time.time()))
        self._use(dictionary)

    def compress(self, xml: bytes) -> bytes | None:
        """The stored form of a record's XML (``None`` for none)."""
        return self._loaded().compress(xml) if xml else None

    def decompress(self, blob: bytes | None) -> bytes:
        """A stored ``xml`` value back to the record's bytes, whichever way it was written."""
        if not blob:
            return b""
        try:
            if not blob.startswith(_ZSTD_MAGIC):
                return zlib.decompress(blob)
            return self._decompressor(zstandard.get_frame_parameters(blob).dict_id).decompress(blob)
        except (zlib.error, zstandard.ZstdError) as exc:
            raise CorpusError(f"{self.where}: a stored record's XML is corrupt ({exc})") from exc

    def _loaded(self) -> zstandard.ZstdCompressor:
        """The compressor, made on first use with the corpus's newest dictionary (plain without one)."""
        if self._compressor is None:
            row = self.connection.execute(
                "SELECT data FROM xml_dictionaries ORDER BY trained_at DESC LIMIT 1").fetchone()
            if row is None:
                self._compressor = zstandard.ZstdCompressor(level=LEVEL)
            else:
                self._use(zstandard.ZstdCompressionDict(row[0]))
        return self._compressor

    def _use(self, dictionary: zstandard.ZstdCompressionDict) -> None:
        self._dictionary_id = dictionary.dict_id()
        self._compressor = zstandard.ZstdCompressor(level=LEVEL, dict_data=dictionary)

    def _decompressor(self, dictionary_id: int) -> zstandard.ZstdDecompressor:
        if dictionary_id not in self._decompressors:
            row = None
            if dictionary_id:
                row = self.connection.execute("SELECT data FROM xml_dictionaries WHERE id = ?",
                                              (dictionary_id,)).fetchone()
                if row is None:
                    raise CorpusError(f"{self.where}: stored XML needs dictionary {dictionary_id}, "
                                      "which the corpus does not hold")
            self._decompressors[dictionary_id] = zstandard.ZstdDecompressor(
                dict_data=zstandard.ZstdCompressionDict(row[0]) if row else None)
        return self._decompressors[dictionary_id]
