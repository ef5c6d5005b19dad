"""The story index's band index answers exactly as datasketch's MinHashLSH does (same keys, same order)."""

from __future__ import annotations

import random

from datasketch import MinHashLSH

from bot.stories.cluster import NUM_PERM, _minhash
from bot.stories.lsh import MinHashBands

WORDS = "ceasefire talks minister attack border village troops agreement sanctions envoy capital shelling".split()


def _text(rnd: random.Random, base: list[str]) -> str:
    # Variants of a few base texts: many share buckets, some are copies, so buckets grow, shrink and empty.
    words = [w if rnd.random() < 0.9 else rnd.choice(WORDS) for w in base]
    return " ".join(words)


def test_bands_match_datasketch_through_inserts_and_removals() -> None:
    rnd = random.Random(3)
    bases = [[rnd.choice(WORDS) + str(rnd.randint(0, 40)) for _ in range(30)] for _ in range(5)]
    ours, theirs = MinHashBands(threshold=0.5, num_perm=NUM_PERM), MinHashLSH(threshold=0.5, num_perm=NUM_PERM)
    live: list[str] = []
    compared = 0
    for i in range(600):
        m = _minhash(_text(rnd, rnd.choice(bases)))
        assert ours.query(m) == theirs.query(m)
        compared += len(ours.query(m)) > 1
        key = f"a{i}"
        ours.insert(key, m)
        theirs.insert(key, m)
        live.append(key)
        if len(live) > 40:
            gone = live.pop(rnd.randrange(len(live)))
            ours.remove(gone)
            theirs.remove(gone)
    assert compared > 100  # the answers compared listed several keys, in an order that could differ
    assert len(ours) == len(live)
