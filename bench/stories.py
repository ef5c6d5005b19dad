"""Story clustering benchmark: 10,000 and 100,000 articles generated from real texts; time and peak memory.

Run: .venv/bin/python bench/stories.py [--sizes 10000 100000] [--days 30] [--seed 7]

The articles come from the seeds and the development part of the labelled corpus (corpus/articles; the
held-out articles of corpus/heldout.txt are never read): each generated event takes one real text,
replaces most of its names (people, places, groups: capitalised words and words in capitals) with invented ones and
its figures and serial numbers with others, moves it to a
random time within `--days`, and is told by one to five outlets, each a rewrite that drops and
reorders sentences, swaps common words for synonyms and rewords the headline. Articles are added in
time order to one StoryIndex (72 h window, expired every simulated hour), as the pipeline does.
Each size runs in its own process so the peak RSS is its own. The detector is not run: its cost is
per article and is measured elsewhere. Prints figures only.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.stories.cluster import StoryDoc, StoryIndex

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO / "corpus" / "articles"
HELDOUT = REPO / "corpus" / "heldout.txt"
START = datetime(2026, 1, 1, tzinfo=UTC)
# Names: capitalised words, and words in capitals ("RUSSIA / CHECHNYA", "BYLINE=EVE CONANT" in VOA's wire pages) but
# not a wire page's field names ("DATE=", "TITLE=", "INTRO:"), which are chrome, not names.
_CAPS = re.compile(r"\b[A-Z][a-z]{2,}(?:[-'][A-Za-z]+)?\b|\b[A-Z]{3,}\b(?![=:])")
_SYLLABLES = [
    "ka",
    "ri",
    "mo",
    "ta",
    "ve",
    "lin",
    "dor",
    "sa",
    "bu",
    "ne",
    "zan",
    "pol",
    "et",
    "ur",
    "vi",
    "go",
    "ha",
    "mer",
    "tus",
    "ob",
    "an",
    "kel",
    "sho",
    "pra",
    "dun",
    "mi",
    "ru",
    "bel",
    "gar",
    "te",
    "fon",
    "ish",
    "qua",
    "lo",
    "zem",
    "nur",
    "av",
    "bri",
    "ost",
    "yel",
]
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})*\b|\b\d{4,}\b")  # a figure, or a long number (a year, a page's serial)
_SYNONYMS = {
    "said": "stated",
    "met": "held talks with",
    "killed": "left dead",
    "agreed": "reached",
    "talks": "negotiations",
    "meeting": "talks",
    "attack": "assault",
    "fighting": "clashes",
    "government": "authorities",
    "announced": "declared",
    "minister": "official",
    "soldiers": "troops",
    "statement": "announcement",
}
_COMMON_CAPS = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Their",
        "They",
        "When",
        "While",
        "After",
        "Before",
        "With",
        "From",
    ]
)


def heldout_articles() -> set[str]:
    """Ids of the frozen held-out articles (corpus/heldout.txt): never read here, so never tuned on."""
    if not HELDOUT.exists():
        return set()
    lines = (line.split() for line in HELDOUT.read_text(encoding="utf-8").splitlines())
    return {parts[1] for parts in lines if len(parts) == 2 and parts[0] == "article"}


def real_texts() -> list[tuple[str, str]]:
    """(title, text) of every seed and development corpus article (the held-out part is left unread)."""
    out: list[tuple[str, str]] = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        title, _, text = path.read_text(encoding="utf-8").partition("\n")
        out.append((title, text))
    held = heldout_articles()
    for path in sorted(EVAL.glob("*.json")):
        if path.stem in held:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        out.append((data.get("title") or "", data.get("text") or ""))
    return out


def invented_name(rnd: random.Random) -> str:
    """A pronounceable made-up proper name."""
    return "".join(rnd.choice(_SYLLABLES) for _ in range(rnd.randint(2, 4))).capitalize()


def make_event(rnd: random.Random, title: str, text: str) -> tuple[str, str]:
    """A new event from a real text: its names replaced by invented ones (consistently)."""
    names = sorted({m for m in _CAPS.findall(title + "\n" + text) if m not in _COMMON_CAPS})
    # Most names change; a few (a country, a ministry) stay, as they do across a region's news.
    mapping = {
        n: invented_name(rnd).upper() if n.isupper() else invented_name(rnd) for n in names if rnd.random() < 0.8
    }
    numbers: dict[str, str] = {}

    def number(m: re.Match[str]) -> str:
        value = int(m.group(0).replace(",", ""))
        if 1900 <= value <= 2100:
            return m.group(0)  # a year: kept, the date is varied separately
        return numbers.setdefault(m.group(0), f"{max(2, int(value * rnd.uniform(0.3, 3.0))):,}")

    def swap(s: str) -> str:
        return _NUMBER.sub(number, _CAPS.sub(lambda m: mapping.get(m.group(0), m.group(0)), s))

    return swap(title), swap(text)


def rewrite(rnd: random.Random, title: str, text: str) -> tuple[str, str]:
    """One outlet's version: sentences dropped and reordered, synonyms, a reworded headline."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    keep = [s for s in sentences if rnd.random() < 0.8] or sentences[:1]
    if len(keep) > 3:
        head, tail = keep[:2], keep[2:]
        rnd.shuffle(tail)
        keep = head + tail

    def words(s: str) -> str:
        return " ".join(_SYNONYMS.get(w, w) if rnd.random() < 0.5 else w for w in s.split(" "))

    new_title = words(title)
    if rnd.random() < 0.5:
        parts = new_title.split()
        new_title = " ".join(parts[: max(3, len(parts) - rnd.randint(0, 3))])
    return new_title, "\n".join(words(s) for s in keep)


def generate(n: int, days: float, seed: int) -> tuple[list[StoryDoc], list[int]]:
    """n articles in time order and the event each belongs to."""
    rnd = random.Random(seed)
    texts = real_texts()
    docs: list[tuple[datetime, StoryDoc, int]] = []
    event = 0
    while len(docs) < n:
        title, text = make_event(rnd, *rnd.choice(texts))
        when = START + timedelta(seconds=rnd.uniform(0, days * 86400))
        for k in range(min(n - len(docs), rnd.choice((1, 1, 1, 2, 3, 5)))):
            t, body = rewrite(rnd, title, text)
            published = when + timedelta(minutes=rnd.uniform(0, 36 * 60))
            docs.append((published, StoryDoc(f"e{event}-{k}", t, body, published), event))
        event += 1
    docs.sort(key=lambda d: d[0])
    return [d[1] for d in docs], [d[2] for d in docs]


def pair_counts(labels: list[object]) -> int:
    """Number of unordered pairs sharing a label."""
    return sum(c * (c - 1) // 2 for c in Counter(labels).values())


def run_one(n: int, days: float, seed: int) -> dict[str, float]:
    """Generate, then time the clustering alone; returns the figures."""
    docs, events = generate(n, days, seed)
    # The generated corpus is scaffolding that a running bot never holds: keep the garbage collector
    # from re-scanning it, so the figures are the index's own.
    gc.collect()
    gc.freeze()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    index = StoryIndex(window=timedelta(hours=72))
    last_expire = START
    story: list[str] = []
    t0, c0 = time.perf_counter(), time.process_time()
    for doc in docs:
        assert doc.published is not None
        if doc.published - last_expire >= timedelta(hours=1):
            index.expire(doc.published)
            last_expire = doc.published
        story.append(index.add(doc))
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tp = pair_counts(list(zip(story, events, strict=True)))
    predicted, gold = pair_counts(story), pair_counts(events)
    return {
        "articles": n,
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "peak_rss_mb": rss_after / 1024,
        "rss_before_mb": rss_before / 1024,
        "indexed_at_end": len(index),
        "precision": tp / predicted if predicted else 1.0,
        "recall": tp / gold if gold else 1.0,
    }


def main(argv: list[str]) -> int:
    """Run each size in a fresh process and print time, peak memory and the 10x ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--days", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.days, args.seed)))
        return 0
    results = []
    for n in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--days", str(args.days), "--seed", str(args.seed)],
            capture_output=True,
            text=True,
            check=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        results.append(r)
        print(
            f"{n:>7,} articles over {args.days:g} days: {r['seconds']:7.1f} s clustering, {r['cpu_seconds']:.1f} s CPU "
            f"({1e3 * r['cpu_seconds'] / n:.2f} ms CPU/article), peak RSS {r['peak_rss_mb']:.0f} MB "
            f"(generated corpus {r['rss_before_mb']:.0f} MB), {r['indexed_at_end']:,} in the window at the end; "
            f"synthetic pairs P {r['precision']:.3f} R {r['recall']:.3f}"
        )
    for small, big in itertools.pairwise(results):
        print(
            f"{big['articles'] / small['articles']:.0f}x the articles: {big['seconds'] / small['seconds']:.1f}x the time "
            f"({big['cpu_seconds'] / small['cpu_seconds']:.1f}x the CPU time)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
