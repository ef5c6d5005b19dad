"""Score the detector on a labelled folder (default ../shared/eval-dev) against the issue-3 targets.

Usage: python bench/eval.py [FOLDER] [--rules FILE] [--verbose]

Label mapping: the labels' `meeting` type is scored as `talks`; `statement` and `none` are ignored
(our event contract has no such types). Casualty figures are matched on count and kind group
(killed = dead; wounded = injured; missing).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.shared import shared_dir
from bench.story_metrics import story_scores
from bot.detect import Detector, compile_rules, load_rules_file
from bot.models import EVENT_TYPES, Detection

TYPE_MAP = {"meeting": "talks"}
IGNORED_TYPES = {"statement", "none"}
KIND_GROUP = {"killed": "dead", "dead": "dead", "wounded": "hurt", "injured": "hurt", "missing": "missing"}
TARGETS = {
    "event micro-F1": 0.90, "ceasefire status accuracy": 0.85, "casualty F1": 0.90, "people F1": 0.90,
    "countries F1": 0.95, "alert recall": 0.95,
}


def _key(name: str) -> str:
    """Compare names without case or diacritics."""
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (1.0 when there is nothing to find and nothing found)."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _set_counts(gold: Iterable[str], pred: Iterable[str]) -> tuple[int, int, int, set[str], set[str]]:
    g, p = set(gold), set(pred)
    return len(g & p), len(p - g), len(g - p), p - g, g - p


def _casualty_matches(gold: list[dict], pred: list[tuple[int, str]]) -> tuple[int, int, int]:
    remaining = list(pred)
    tp = 0
    for g in gold:
        key = (int(g["count"]), KIND_GROUP.get(g["kind"], g["kind"]))
        if key in remaining:
            remaining.remove(key)
            tp += 1
    return tp, len(remaining), len(gold) - tp


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(shared_dir() / "eval-dev"))
    parser.add_argument("--rules", default=str(ROOT / "config" / "rules.yaml"))
    parser.add_argument("--verbose", "-v", action="store_true", help="print per-article differences")
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    files = sorted(folder.glob("*.json"))
    if not files:
        print(f"no labelled .json files in {folder}", file=sys.stderr)
        return 2
    compiled, errors = compile_rules(load_rules_file(args.rules))
    for err in errors:
        print(f"rule error: {err}", file=sys.stderr)
    detector = Detector(compiled)

    ev_counts = {t: [0, 0, 0] for t in EVENT_TYPES}
    cf_total = cf_right = 0
    cas = [0, 0, 0]
    bg_total = bg_as_current = 0
    ppl = [0, 0, 0]
    ctry = [0, 0, 0]
    relevant = relevant_alerted = distractors = false_alarms = 0
    for path in files:
        item = json.loads(path.read_text(encoding="utf-8"))
        labels = item["labels"]
        det: Detection = detector.detect(item.get("title") or "", item.get("text") or "")
        notes: list[str] = []
        gold_types = {TYPE_MAP.get(t, t) for t in labels.get("event_types", [])} - IGNORED_TYPES
        pred_types = {e.type for e in det.events}
        for t in EVENT_TYPES:
            g, p = t in gold_types, t in pred_types
            ev_counts[t][0] += g and p
            ev_counts[t][1] += p and not g
            ev_counts[t][2] += g and not p
        if gold_types != pred_types:
            notes.append(f"events gold={sorted(gold_types)} pred={sorted(pred_types)}")
        gold_cf = (labels.get("ceasefire") or {}).get("status")
        if gold_cf:
            cf_total += 1
            cf_right += det.ceasefire_status == gold_cf
            if det.ceasefire_status != gold_cf:
                notes.append(f"ceasefire gold={gold_cf} pred={det.ceasefire_status}")
        gold_cur = [c for c in labels.get("casualties", []) if c.get("current", True)]
        gold_bg = [c for c in labels.get("casualties", []) if not c.get("current", True)]
        pred_cur = [(c.count, KIND_GROUP[c.kind]) for c in det.casualties if c.current]
        tp, fp, fn = _casualty_matches(gold_cur, pred_cur)
        cas[0] += tp
        cas[1] += fp
        cas[2] += fn
        if fp or fn:
            notes.append(f"casualties gold={[(c['count'], c['kind']) for c in gold_cur]} pred={pred_cur}")
        for g in gold_bg:
            bg_total += 1
            if any(c.count == int(g["count"]) and c.current for c in det.casualties):
                bg_as_current += 1
                notes.append(f"background figure {g['count']} reported as current")
        tp, fp, fn, extra, missed = _set_counts((_key(p) for p in labels.get("people", [])), (_key(p.name) for p in det.people))
        ppl[0] += tp
        ppl[1] += fp
        ppl[2] += fn
        if extra or missed:
            notes.append(f"people extra={sorted(extra)} missed={sorted(missed)}")
        tp, fp, fn, extra, missed = _set_counts(labels.get("countries", []), det.countries)
        ctry[0] += tp
        ctry[1] += fp
        ctry[2] += fn
        if extra or missed:
            notes.append(f"countries extra={sorted(extra)} missed={sorted(missed)}")
        alerted = bool(det.matches)
        if labels.get("relevant"):
            relevant += 1
            relevant_alerted += alerted
            if not alerted:
                notes.append("relevant article raised no alert")
        else:
            distractors += 1
            false_alarms += alerted
            if alerted:
                notes.append(f"false alarm: {[m.rule for m in det.matches]}")
        if args.verbose and notes:
            print(f"--- {path.name}: {item.get('title')}")
            for note in notes:
                print("   ", note)

    print(f"diplobot detector evaluation on {folder} ({len(files)} articles)")
    print("label mapping: 'meeting' scored as 'talks'; 'statement' and 'none' ignored (not in our event contract)")
    print("\nevent type          P      R      F1   (gold articles)")
    micro = [0, 0, 0]
    for t in EVENT_TYPES:
        tp, fp, fn = ev_counts[t]
        micro = [micro[0] + tp, micro[1] + fp, micro[2] + fn]
        p, r, f = prf(tp, fp, fn)
        print(f"  {t:<16} {p:5.2f}  {r:5.2f}  {f:5.2f}   ({tp + fn})")
    p, r, ev_f1 = prf(*micro)
    print(f"  {'micro':<16} {p:5.2f}  {r:5.2f}  {ev_f1:5.2f}")
    cf_acc = cf_right / cf_total if cf_total else 1.0
    print(f"\nceasefire status accuracy: {cf_acc:.2f} ({cf_right}/{cf_total})")
    p, r, cas_f1 = prf(*cas)
    bg_share = bg_as_current / bg_total if bg_total else 0.0
    print(f"casualty figures (current): P {p:.2f}  R {r:.2f}  F1 {cas_f1:.2f}  (gold {cas[0] + cas[2]})")
    print(f"background figures reported as current: {bg_share:.0%} ({bg_as_current}/{bg_total})")
    p, r, ppl_f1 = prf(*ppl)
    print(f"people:    P {p:.2f}  R {r:.2f}  F1 {ppl_f1:.2f}")
    p, r, ctry_f1 = prf(*ctry)
    print(f"countries: P {p:.2f}  R {r:.2f}  F1 {ctry_f1:.2f}")
    recall = relevant_alerted / relevant if relevant else 1.0
    fa = false_alarms / distractors if distractors else 0.0
    print(f"alerts (rules {args.rules}): recall {recall:.2f} ({relevant_alerted}/{relevant} relevant); "
          f"false alarms {fa:.0%} ({false_alarms}/{distractors} distractors)")
    got = {
        "event micro-F1": ev_f1, "ceasefire status accuracy": cf_acc, "casualty F1": cas_f1, "people F1": ppl_f1,
        "countries F1": ctry_f1, "alert recall": recall,
    }
    story = story_scores(folder)
    print(f"stories (pairwise, issue 4): P {story['precision']:.2f}  R {story['recall']:.2f}  F1 {story['f1']:.2f}  "
          f"(pairs: {story['tp']} right, {story['fp']} wrong merges, {story['fn']} missed)")
    print("\ntargets (issue 3):")
    for name, target in TARGETS.items():
        print(f"  {name:<28} {got[name]:.2f} >= {target:.2f}  {'ok' if got[name] >= target else 'MISSED'}")
    print(f"  {'background as current':<28} {bg_share:.0%} < 10%  {'ok' if bg_share < 0.10 else 'MISSED'}")
    print(f"  {'false alarms':<28} {fa:.0%} <= 10%  {'ok' if fa <= 0.10 else 'MISSED'}")
    print("targets (issue 4):")
    print(f"  {'story F1':<28} {story['f1']:.2f} >= 0.90  {'ok' if story['f1'] >= 0.90 else 'MISSED'}")
    print(f"  {'story precision':<28} {story['precision']:.2f} >= 0.95  {'ok' if story['precision'] >= 0.95 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
