"""Train the relevance model on the development part of the labelled corpus and write relevance.json.

    python -m bot.model.train [--out PATH] [--check]

Reads corpus/articles (development articles), the development news briefs (corpus/briefs/items.jsonl) and
the development feed items (corpus/feeds/labels.jsonl joined with the saved feeds of ../shared/feeds, or
$DIPLOBOT_SHARED_DIR/feeds). The held-out part
(corpus/heldout.txt) is never read. Deterministic: the same data gives the same file.

The decision threshold is a setting, pinned in bars.json beside the event models' bars: a retrain keeps it and
reports the out-of-fold figures at it and, beside it, the threshold that is best on today's data. That best is
chosen on out-of-fold scores of development data, averaged over several seeded 5-fold splits (one split's scores
move with every added item), as the middle of the widest F1 plateau: the maximum of F1 averaged over a window of
thresholds, not F1's single peak. Even so it moved 0.52 -> 0.55 -> 0.51 over three retrains of a growing corpus,
and a retrain for 7 added articles moved two held-out feed items across it (issue 13, 7 December).
`--choose-bars` writes today's best threshold into bars.json: a change of its own, decided by its own evaluation.
`--check` retrains and says whether the shipped file is what the data gives (exit 1 when not).
Needs scikit-learn (pip install -e '.[train]').
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import Any

from bot.model.relevance import WEIGHTS, ModelJSON, WeightsJSON, model_text

REPO = Path(__file__).resolve().parents[2]
BARS = Path(__file__).with_name("bars.json")  # the pinned settings of every learned model

C = 4.0  # inverse regularisation, fixed (not searched: the development set is small)
FOLDS = 5
REPEATS = 5  # seeded fold splits whose out-of-fold scores are averaged
SMOOTH = 0.08  # F1 is averaged over thresholds within this distance before its maximum is taken
STEP = 0.01  # the thresholds tried, 0.20 to 0.80
# Function words carry no topic; dropping them keeps the weights on words that generalise. The list ships
# with the weights, so the run time cuts words the same way without scikit-learn.


def stop_words() -> list[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return sorted(ENGLISH_STOP_WORDS)


def development_items(detector: Any | None = None) -> list[tuple[str, str, int]]:
    """(key, model text, label) of every development item: "article:ID", "feed:FILE:KEY" or "brief:ID".

    The items and the detector's signal words are bench/event_model.py's (one reading of each item, shared with
    bot/model/train_events.py when both train in one process: bot/model/train_all.py); the signal words come before
    any learned model, so the event model a detector carries does not change them."""
    from bench.event_model import development_items as items_of
    from bench.event_model import rules_only_items

    items = items_of(detector) if detector is not None else rules_only_items()
    return [(it.key, model_text(it.title, it.body, list(it.signals)), int(it.relevant)) for it in items]


def fold_of(key: str, folds: int = 5) -> int:
    """A stable fold for an item (cross-validated development figures in bench/eval.py)."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % folds


def out_of_fold_scores(texts: list[Any], labels: list[int], pipeline: Any, weights: Any = None) -> Any:
    """Each item's score (`texts`: what `pipeline` reads) from models not trained on it, averaged over REPEATS seeded FOLDS-fold splits."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    y = np.array(labels)
    params = {} if weights is None else {"params": {"logisticregression__sample_weight": np.asarray(weights)}}
    runs = [
        cross_val_predict(
            pipeline(),
            texts,
            y,
            cv=StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=seed),
            method="predict_proba",
            **params,
        )[:, 1]
        for seed in range(REPEATS)
    ]
    return np.mean(runs, axis=0)


def choose_threshold(scores: Any, labels: list[int]) -> tuple[float, float, float, float]:
    """(threshold, F1, precision, recall): the threshold maximising F1 averaged over a window of SMOOTH either side."""
    import numpy as np

    grid = np.round(np.arange(0.20, 0.80 + STEP / 2, STEP), 2)
    rows = [figures_at(scores, labels, float(threshold)) for threshold in grid]
    f1 = np.array([row[0] for row in rows])
    width = int(round(SMOOTH / STEP))
    smooth = [float(f1[max(0, i - width) : i + width + 1].mean()) for i in range(len(grid))]
    best = int(np.argmax(smooth))
    return float(grid[best]), *rows[best]


def figures_at(scores: Any, labels: list[int], threshold: float) -> tuple[float, float, float]:
    """(F1, precision, recall) of `scores` at `threshold`."""
    import numpy as np

    y = np.array(labels) == 1
    pred = scores >= threshold
    tp = int((pred & y).sum())
    p = tp / max(1, int(pred.sum()))
    r = tp / max(1, int(y.sum()))
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def pinned_threshold(path: Path = BARS) -> float:
    """The relevance model's pinned decision threshold (bars.json)."""
    return float(json.loads(path.read_text(encoding="utf-8"))["relevance"]["threshold"])


def bars_with_threshold(threshold: float, items: int, path: Path = BARS) -> str:
    """bars.json's text with the relevance threshold `threshold`, chosen on `items` development items (the event
    models' bars kept)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["relevance"] = {"threshold": threshold, "chosen_on": {"items": items}}
    return json.dumps(data, indent=1) + "\n"


def train(
    texts: list[str],
    labels: list[int],
    c: float = C,
    weights: list[float] | None = None,
    threshold: float | None = None,
) -> ModelJSON:
    """Fit the vectoriser and the logistic regression (`c` its inverse regularisation, `weights` each item's weight,
    1 when None) with the decision `threshold` (None: the best on the out-of-fold scores); return the JSON-able model
    with the out-of-fold figures at its threshold and the best threshold of the day."""
    docs = analysed(texts)
    scores = out_of_fold_scores(docs, labels, _pipeline(c), weights)
    best, *figures = choose_threshold(scores, labels)
    if threshold is not None:
        figures = list(figures_at(scores, labels, threshold))
    f1, precision, recall = figures
    data = fit(docs, labels, best if threshold is None else threshold, c, weights)
    return {
        "about": "relevance of a headline and lead to armed conflict or diplomacy; trained by bot/model/train.py",
        "trained_on": {"items": len(texts), "relevant": sum(labels)},
        "cross_validation": {
            "f1": round(f1, 4),
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "best_threshold": round(best, 2),
        },
        **data,
    }


def fit(
    docs: list[list[str]], labels: list[int], threshold: float, c: float = C, weights: list[float] | None = None
) -> WeightsJSON:
    """The model fitted on every one of `docs` (`analysed` texts) with the decision `threshold`: its weights alone, no
    cross-validation (the development folds of bench/eval.py are fitted so, as the shipped model is)."""
    import numpy as np

    fitted = _pipeline(c)().fit(
        docs, np.array(labels), **({} if weights is None else {"logisticregression__sample_weight": weights})
    )
    vec, clf = fitted.named_steps["tfidfvectorizer"], fitted.named_steps["logisticregression"]
    return {
        "threshold": round(threshold, 2),
        "intercept": round(float(clf.intercept_[0]), 6),
        "stop_words": stop_words(),
        "terms": weights_of(vec, clf),
    }


def analysed(texts: list[str]) -> list[list[str]]:
    """Each text cut into words and word pairs once (the folds' vectorisers count these lists)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    analyse = TfidfVectorizer(ngram_range=(1, 2), lowercase=True, stop_words=stop_words()).build_analyzer()
    return [analyse(text) for text in texts]


def _pipeline(c: float) -> Any:
    """A maker of the unfitted pipeline: the vectoriser and the logistic regression (sklearn is untyped)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    def pipeline() -> Any:
        return make_pipeline(
            TfidfVectorizer(analyzer=_already_analysed, min_df=2, sublinear_tf=True),
            LogisticRegression(C=c, class_weight="balanced", solver="liblinear", random_state=0, max_iter=1000),
        )

    return pipeline


def weights_of(vec: Any, clf: Any) -> dict[str, list[float]]:
    """term -> [idf, weight] of a fitted vectoriser and logistic regression, sorted (the weights that count)."""
    terms: dict[str, list[float]] = {}
    for term, index in vec.vocabulary_.items():
        weight = float(clf.coef_[0][index])
        if abs(weight) >= 1e-4:
            terms[term] = [round(float(vec.idf_[index]), 6), round(weight, 6)]
    return dict(sorted(terms.items()))


def _already_analysed(words: list[str]) -> list[str]:
    return words


def main(argv: list[str] | None = None) -> int:
    """Train and write (or, with --check, compare); with --choose-bars also write today's best threshold."""
    args = arguments(__doc__, WEIGHTS, argv, choose_bars=True)
    items = development_items()
    texts, labels = [t for _, t, _ in items], [y for _, _, y in items]
    data = train(texts, labels, threshold=None if args.choose_bars else pinned_threshold())
    data["trained_on"].update(
        {
            "articles": sum(k.startswith("article:") for k, _, _ in items),
            "feed items": sum(k.startswith("feed:") for k, _, _ in items),
            "briefs": sum(k.startswith("brief:") for k, _, _ in items),
        }
    )
    counts = data["trained_on"]
    text = json.dumps(data, indent=0, sort_keys=False, ensure_ascii=False) + "\n"
    cv = data["cross_validation"]
    print(
        f"trained on {len(texts)} development items ({counts['articles']} articles, {counts['feed items']} feed "
        f"items, {counts['briefs']} briefs; {sum(labels)} relevant): cross-validated F1 {cv['f1']:.2f} (P {cv['precision']:.2f}, "
        f"R {cv['recall']:.2f}) at threshold {data['threshold']:.2f} ({'chosen now' if args.choose_bars else 'pinned'}; "
        f"best on today's data {cv['best_threshold']:.2f}); {len(data['terms'])} terms"
    )
    status = write_or_check(args.out, text, args.check)
    if args.choose_bars:
        status = max(status, write_or_check(BARS, bars_with_threshold(data["threshold"], len(texts)), args.check))
    return status


def arguments(doc: str | None, weights: Path, argv: list[str] | None, choose_bars: bool = False) -> argparse.Namespace:
    """--out (default `weights`) and --check, of a training script whose docstring is `doc` (and --choose-bars)."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=weights)
    parser.add_argument("--check", action="store_true", help="retrain and compare with the shipped weights")
    if choose_bars:
        parser.add_argument(
            "--choose-bars",
            action="store_true",
            help="choose the bars (the event models') or the threshold (the relevance model's) on today's data and "
            "write them into bars.json (a change of its own)",
        )
    return parser.parse_args(argv)


def write_or_check(out: Path, text: str, check: bool) -> int:
    """Write the weights to `out`, or with `check` say whether `out` already holds them (exit status 1 when not)."""
    if check:
        same = out.exists() and out.read_text(encoding="utf-8") == text
        print(
            "the shipped weights are what the data gives"
            if same
            else f"{out} differs from a retrain on the corpus: run `python -m bot.model.train_all` and commit what it writes"
        )
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
