"""Locality-sensitive hashing of MinHash signatures by bands, for the story index's near-duplicate lookup.

The same bands and the same answers as datasketch's `MinHashLSH` (its parameters are taken from it, and a
query lists the same keys in the same order), kept in a form that costs the garbage collector little: a
story index holds every article of a dense window, and a full collection walks every container object it
holds. datasketch keeps a set per bucket and a list per key; here a bucket of one key is the key itself (most
buckets hold one), and a key's bucket hashes are a tuple of bytes, which the collector stops tracking.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # datasketch imports scipy (about 0.5 s CPU): loaded at the first insert or query, not with the app,
    from datasketch import MinHash  # so a command that never compares stories (`diplobot rules list`...) starts sooner


class MinHashBands:
    """An index of keys by the bands of their MinHash signatures."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        self._threshold = threshold
        self._num_perm = num_perm
        self._keys: dict[str, tuple[bytes, ...]] = {}

    @functools.cached_property
    def _ranges(self) -> list[tuple[int, int]]:
        from datasketch import MinHashLSH

        # datasketch chooses the bands (14 of 4 hashes for 0.5 over 64) by weighing false positives and negatives.
        return list(MinHashLSH(threshold=self._threshold, num_perm=self._num_perm).hashranges)

    @functools.cached_property
    def _tables(self) -> list[dict[bytes, str | set[str]]]:
        return [{} for _ in self._ranges]

    def __len__(self) -> int:
        return len(self._keys)

    def _bands(self, minhash: MinHash) -> tuple[bytes, ...]:
        values = minhash.hashvalues
        return tuple(bytes(values[start:end].byteswap().data) for start, end in self._ranges)

    def insert(self, key: str, minhash: MinHash) -> None:
        """Index a key (new to the index) under each band of its signature."""
        if key in self._keys:
            raise ValueError(f"{key!r} is already indexed")
        bands = self._keys[key] = self._bands(minhash)
        for band, table in zip(bands, self._tables, strict=True):
            bucket = table.get(band)
            if bucket is None:
                table[band] = key
            elif isinstance(bucket, set):
                bucket.add(key)
            else:
                # Built as datasketch builds its bucket (one key, then the other), so it lists them in the same order.
                table[band] = {bucket, key}

    def remove(self, key: str) -> None:
        """Drop an indexed key."""
        bands = self._keys.pop(key)
        for band, table in zip(bands, self._tables, strict=True):
            bucket = table[band]
            if isinstance(bucket, set):
                bucket.remove(key)  # a set stays a set until empty, as datasketch's does: the same order
                if bucket:
                    continue
            del table[band]

    def query(self, minhash: MinHash) -> list[str]:
        """The keys sharing at least one band with the signature (likely near-duplicates), in datasketch's order."""
        candidates: set[str] = set()
        for band, table in zip(self._bands(minhash), self._tables, strict=True):
            bucket = table.get(band)
            if bucket is None:
                continue
            if isinstance(bucket, set):
                for key in bucket:
                    candidates.add(key)
            else:
                candidates.add(bucket)
        return list(candidates)
