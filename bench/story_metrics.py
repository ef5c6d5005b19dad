"""Story clustering quality: pairwise precision, recall and F1 against the `labels.story` of a labelled folder.

Run: .venv/bin/python bench/story_metrics.py [FOLDER] (default corpus/articles). A null story label
means a singleton. Items without a `published` date get no time, which clustering treats as compatible
with any time. Prints figures only.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.models import Detection
from bot.stories.cluster import StoryDoc, StoryIndex, cluster, cluster_index

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = REPO / "corpus" / "articles"


def _detector() -> Any | None:
    """The shipped detector with the shipped rules, or None while it is unavailable."""
    try:
        from bot.detect.detector import Detector
        from bot.detect.rules import compile_rules, load_rules_file

        rules = REPO / "config" / "rules.yaml"
        compiled, _errors = compile_rules(load_rules_file(rules) if rules.exists() else [])
        return Detector(compiled)
    except Exception:  # noqa: BLE001 - the detector is optional here: clustering is scored without it
        return None


def _published(value: str | None) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def _story_doc(data: dict[str, Any], detection: Detection) -> StoryDoc:
    return StoryDoc(
        str(data["id"]),
        data.get("title") or "",
        data.get("text") or "",
        _published(data.get("published")),
        detection,
        url=data.get("url") or "",
    )


def load_docs(folder: Path) -> tuple[list[StoryDoc], list[str | None]]:
    """StoryDocs (with detections when the detector is available) and their gold story labels."""
    detector = _detector()
    docs: list[StoryDoc] = []
    gold: list[str | None] = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data.setdefault("id", path.stem)
        detection = (
            detector.detect(data.get("title") or "", data.get("text") or "") if detector is not None else Detection()
        )
        docs.append(_story_doc(data, detection))
        gold.append((data.get("labels") or {}).get("story"))
    return docs, gold


def story_scores_of(
    items: list[tuple[dict[str, Any], Detection]], among: frozenset[str] | None = None
) -> dict[str, float]:
    """Pairwise scores of clustering labelled articles already run through the detector. With `among` (article ids:
    a batch), the articles are still clustered all together, but only the pairs with at least one of those articles
    are scored: the batch's own stories, and its wrong merges with any other article of the part."""
    docs = [_story_doc(data, det) for data, det in items]
    gold = [(data.get("labels") or {}).get("story") for data, _ in items]
    inside = None if among is None else [str(data.get("id")) in among for data, _ in items]
    return pair_scores(cluster(docs), gold, inside)


def pair_causes(items: list[tuple[dict[str, Any], Detection]]) -> Counter[str]:
    """Totals, never items: why same-story pairs were kept apart (`StoryIndex.why_apart`: "missed: other tolls"...)
    and how different-story pairs came together ("merged: as a copy", "merged: scored as one event", "merged:
    through other members"), each with what dates the pair (`_dating`: "an undated page"...)."""
    docs = [_story_doc(data, det) for data, det in items]
    gold = [(data.get("labels") or {}).get("story") for data, _ in items]
    predicted, index = cluster_index(docs)
    out: Counter[str] = Counter()
    for i, j in combinations(range(len(docs)), 2):
        same_gold = gold[i] is not None and gold[i] == gold[j]
        same_pred = predicted[i] == predicted[j]
        if same_gold and not same_pred:
            out["missed: " + index.why_apart(docs[i].article_id, docs[j].article_id)] += 1
        elif same_pred and not same_gold:
            how = index.how_together(docs[i].article_id, docs[j].article_id)
            out[f"merged: {how} ({_dating(index, docs[i].article_id, docs[j].article_id)})"] += 1
    return out


def _dating(index: StoryIndex, a_id: str, b_id: str) -> str:
    """What dates a wrongly merged pair: "an undated page" (no date published or written: no window vouches for it),
    else how far apart their event dates are ("dated a day apart" at most, or "dated further apart")."""
    a, b = index.entry_dates(a_id), index.entry_dates(b_id)
    if a is None or b is None:
        return "an undated page"
    return "dated a day apart" if abs(a - b) <= timedelta(hours=36) else "dated further apart"


def pair_scores(predicted: list[str], gold: list[str | None], inside: list[bool] | None = None) -> dict[str, float]:
    """Pairwise precision, recall and F1; a null gold label is a singleton. With `inside`, only the pairs with at
    least one item marked inside are counted."""
    tp = fp = fn = 0
    for i, j in combinations(range(len(predicted)), 2):
        if inside is not None and not (inside[i] or inside[j]):
            continue
        same_pred = predicted[i] == predicted[j]
        same_gold = gold[i] is not None and gold[i] == gold[j]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def story_scores(folder: Path | str = DEFAULT_FOLDER) -> dict[str, Any]:
    """Cluster the folder's articles and score the story ids against the labels."""
    docs, gold = load_docs(Path(folder))
    predicted = cluster(docs)
    scores: dict[str, Any] = pair_scores(predicted, gold)
    scores["articles"] = len(docs)
    scores["detector"] = _detector() is not None
    groups: dict[str, list[str]] = {}
    for doc, sid in zip(docs, predicted, strict=True):
        groups.setdefault(sid, []).append(doc.article_id)
    scores["predicted_groups"] = sorted(g for g in groups.values() if len(g) > 1)
    return scores


def main(argv: list[str]) -> int:
    """Print the scores for the folder given (or corpus/articles)."""
    folder = Path(argv[0]) if argv else DEFAULT_FOLDER
    s = story_scores(folder)
    print(f"story pairs on {folder} ({s['articles']} articles, detector {'on' if s['detector'] else 'off'}):")
    print(
        f"  precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}  "
        f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']})"
    )
    print("  merged groups: " + "; ".join(",".join(g) for g in s["predicted_groups"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
