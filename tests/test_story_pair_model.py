"""bench/story_pair_model.py: the pair features it gives the learned scorer, and its pairwise figures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from bench.story_pair_model import pair_features, prf
from bot.detect import Detector
from bot.stories.cluster import StoryDoc, StoryIndex

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def _doc(detector: Detector, article_id: str, title: str, text: str, published: datetime | None) -> StoryDoc:
    return StoryDoc(article_id, title, text, published, detector.detect(title, text))


def test_pair_features_say_what_ties_two_reports_and_what_dates_them() -> None:
    detector = Detector()
    first = _doc(
        detector,
        "a",
        "Car bomb kills 12 in Kirkuk market",
        "A car bomb killed 12 people at a crowded market in Kirkuk on Monday, Iraqi police said.",
        T0,
    )
    second = _doc(
        detector,
        "b",
        "Twelve dead as car bomb hits Kirkuk market",
        "Twelve people were killed when a car bomb went off in a market in Kirkuk, Iraq, police officials said.",
        T0 + timedelta(hours=5),
    )
    undated = _doc(detector, "c", "Talks on fishing rights resume", "Delegates from Norway and Iceland met.", None)
    index = StoryIndex()
    for doc in (first, second, undated):
        index.add(doc)
    entries = index._entries
    same = pair_features(index, entries["a"], entries["b"])
    other = pair_features(index, entries["a"], entries["c"])
    assert same["names"] > other["names"] and same["words"] > other["words"]
    assert same["undated"] == 0.0 and other["undated"] == 1.0 and other["no gap known"] == 1.0
    assert 0.0 < same["log days apart"] < 0.3
    assert same["families conflict"] == 0.0 and other["families conflict"] == 1.0


def test_pairwise_figures_count_pairs_found_wrongly_merged_and_missed() -> None:
    decided = np.array([True, True, False, False])
    gold = np.array([1, 0, 1, 0])
    assert prf(decided, gold) == "P 0.50 R 0.50 F1 0.50 (tp 1, fp 1, fn 1)"
