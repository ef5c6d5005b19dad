"""Would a learned pair scorer beat the story rules? Out-of-fold figures on the development articles only.

    python bench/story_pair_model.py [--c C]

Clusters the development articles of corpus/articles (never the held-out ones) with the shipped rules and records
every pair the index scores (`StoryIndex._scored`: the candidates of a lookup and the members `_fits` checks), with
what the index computes of it: name and wording cosines, shared specifics, date gap and whether either is undated,
the same kind of event or a conflicting one, shared places, parties and counterparts, tolls, recurring titles, the
undated page's ties. A logistic regression (scikit-learn) is trained on those pairs, labelled by the gold story
groups, in 5 folds grouped by story group (`bot.model.train.fold_of` of the group: one event is never on both sides),
and its out-of-fold probabilities are compared with the rules' own decision on the same pairs: alone (the learned
merge decision), as a veto of the rules' links (rules and model) and as an addition (rules or model). Pair-level
figures over the scored pairs, not clustering figures. Prints figures only.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval import heldout_set
from bench.story_metrics import _detector, _story_doc
from bot.model.train import fold_of
from bot.models import Detection
from bot.stories import cluster as story_cluster

REPO = Path(__file__).resolve().parents[1]
FOLDS = 5
THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95, 0.98)


def pair_features(ix: Any, a: Any, b: Any) -> dict[str, float]:
    """What the index computes of a pair, as numbers."""
    words = 0.0
    if a.word_norm and b.word_norm:
        shared = a.words.keys() & b.words.keys()
        words = sum(a.words[w] * b.words[w] * ix._idf(ix._wdf, w) ** 2 for w in shared) / (a.word_norm * b.word_norm)
    gap = abs(a.when - b.when).total_seconds() / 86400 if a.when and b.when else -1.0
    fa, fb = story_cluster._families(a.events), story_cluster._families(b.events)
    undated = a.undated or b.undated
    return {
        "names": ix._name_similarity(a, b),
        "words": words,
        "specifics": ix._specific_similarity(a, b) if a.specific and b.specific else 0.0,
        "undated": float(undated),
        "both undated": float(a.undated and b.undated),
        "log days apart": math.log1p(gap) if gap >= 0 else 0.0,
        "no gap known": float(gap < 0),
        "date from the text": float(a.stated or b.stated),
        "agreed": float(ix._agreed(a, b)),
        "same toll": float(ix._same_toll(a, b)),
        "same meeting": float(ix._same_meeting(a, b)),
        "same scene": float(ix._same_scene(a, b)),
        "both have events": float(bool(a.events and b.events)),
        "families shared": float(len(fa & fb)),
        "families conflict": float(bool(a.events and b.events and not fa & fb)),
        "place beyond a capital": float(any(not story_cluster._country_level(p) for p in a.place & b.place)),
        "place shared": float(bool(a.place & b.place)),
        "place conflict": float(ix._place_conflict(a, b)),
        "principal named": float(bool(a.principal & b.parties or b.principal & a.parties)),
        "party conflict": float(ix._party_conflict(a, b)),
        "tolls close": float(bool(a.deaths and b.deaths and story_cluster._close(a.lead_death, b.lead_death))),
        "tolls apart": float(bool(a.deaths and b.deaths and not story_cluster._close(a.lead_death, b.lead_death))),
        "recurring title": float(a.series or b.series),
        "same headline words": float(bool(a.title_words and a.title_words == b.title_words)),
        "log rare names": math.log1p(len(ix._rare_names_shared(a, b))),
        "log ties": math.log1p(sum(1 for _ in ix._ties(a, b))) if undated else 0.0,
        "copy": a.minhash.jaccard(b.minhash),
        "title conflict": float(ix._title_conflict(a, b)),
    }


def scored_pairs() -> tuple[dict[tuple[str, str], tuple[dict[str, float], bool]], dict[str, str | None]]:
    """Every pair the index scores while clustering the development articles: (features, the rules link it)."""
    held, _ = heldout_set()
    detector = _detector()
    docs, gold = [], {}
    for path in sorted((REPO / "corpus" / "articles").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if str(data["id"]) in held:
            continue
        title, text = data.get("title") or "", data.get("text") or ""
        docs.append(_story_doc(data, detector.detect(title, text) if detector is not None else Detection()))
        gold[str(data["id"])] = (data.get("labels") or {}).get("story")
    record: dict[tuple[str, str], tuple[dict[str, float], bool]] = {}

    class Recording(story_cluster.StoryIndex):
        def _scored(self, a: Any, b: Any, unconflicted: bool = False) -> tuple[float, str]:
            result = super()._scored(a, b, unconflicted)
            key = (min(a.doc.article_id, b.doc.article_id), max(a.doc.article_id, b.doc.article_id))
            record.setdefault(key, (pair_features(self, a, b), result[0] >= self.min_score))
            return result

    shipped = story_cluster.StoryIndex
    story_cluster.StoryIndex = Recording  # type: ignore[misc]
    try:
        story_cluster.cluster(docs)
    finally:
        story_cluster.StoryIndex = shipped  # type: ignore[misc]
    return record, gold


def prf(predicted: Any, y: Any) -> str:
    """Pairwise precision, recall and F1 of a decision over the scored pairs."""
    tp = int((predicted & (y == 1)).sum())
    fp = int((predicted & (y == 0)).sum())
    fn = int((~predicted & (y == 1)).sum())
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return f"P {p:.2f} R {r:.2f} F1 {2 * p * r / (p + r) if p + r else 0.0:.2f} (tp {tp}, fp {fp}, fn {fn})"


def main(argv: list[str] | None = None) -> int:
    """Print the rules' and the model's out-of-fold figures on the scored development pairs."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation of the logistic regression")
    args = parser.parse_args(argv)
    record, gold = scored_pairs()
    keys = sorted(record)
    names = list(record[keys[0]][0])
    x = np.array([[record[k][0][n] for n in names] for k in keys])
    y = np.array([int(gold[a] is not None and gold[a] == gold[b]) for a, b in keys])
    rules = np.array([record[k][1] for k in keys])
    fold = np.array([[fold_of(gold[i] or f"article:{i}", FOLDS) for i in k] for k in keys])
    oof, seen = np.zeros(len(keys)), np.zeros(len(keys))
    for k in range(FOLDS):
        train, test = (fold != k).all(axis=1), (fold == k).any(axis=1)
        model = make_pipeline(
            StandardScaler(), LogisticRegression(C=args.c, class_weight="balanced", max_iter=2000, random_state=0)
        )
        model.fit(x[train], y[train])
        oof[test] += model.predict_proba(x[test])[:, 1]
        seen[test] += 1
    oof /= seen
    print(
        f"{len(keys)} scored development pairs, {int(y.sum())} of one story; C {args.c}, {FOLDS} folds by story group"
    )
    print(f"  rules:                 {prf(rules, y)}")
    for t in THRESHOLDS:
        print(f"  model >= {t:.2f}:         {prf(oof >= t, y)}")
        print(f"    rules and model:     {prf(rules & (oof >= t), y)}")
        print(f"    rules or model:      {prf(rules | (oof >= t), y)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
