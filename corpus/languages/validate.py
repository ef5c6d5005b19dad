"""Checks the labelled non-English sets (corpus/languages/*.jsonl) without running any detector.

    .venv/bin/python corpus/languages/validate.py

JSON valid; one language per file; ids unique across files; only the allowed labels and values; a feed item's key
exists in its saved feed (parsed as the pipeline parses it, from ../shared/feeds); a text item has its url, outlet,
licence and a text of at most about 700 characters; the held-out lines of corpus/heldout.txt agree with the rules
(whole feed files; texts by sha1(id)[0] in 0-5).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

LANGS = ("uk", "ru", "ar", "fr", "es", "pt", "zh", "fa")
EVENTS = {"ceasefire", "casualties", "meeting", "talks", "statement", "sanctions", "agreement", "clash", "none"}
CEASEFIRE = {None, "agreed", "violated", "collapsed", "extended", "proposed", "holding", "talks"}
LABELS = ("relevant", "event_types", "ceasefire", "casualties", "countries", "people", "notes")
FEED_KEYS = {"feed", "key", "lang", *LABELS}
TEXT_KEYS = {"id", "url", "outlet", "license", "published", "lang", "title", "text", *LABELS}
HELD_FEEDS = {"suspilne-ukrnet.xml", "bbc-chinese-atom.xml", "uol-noticias-nodecl.xml"}


def held_text(item_id: str) -> bool:
    return hashlib.sha1(item_id.encode()).hexdigest()[0] in "012345"


def main() -> int:
    errors: list[str] = []
    rows: list[tuple[str, int, dict]] = []
    for lang in LANGS:
        path = HERE / f"{lang}.jsonl"
        if not path.exists():
            print(f"note: {path.name} not written yet")
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rows.append((lang, n, json.loads(line)))
            except json.JSONDecodeError as exc:
                errors.append(f"{lang}.jsonl:{n}: {exc}")
    seen: set[str] = set()
    feed_keys: dict[str, set[str]] = {}
    try:
        from bench.feeds_corpus import entries

        for name in {r["feed"] for _, _, r in rows if "feed" in r}:
            feed_keys[name] = {e.key for e in entries(names=(name,))}
    except Exception as exc:  # the shared folder may be absent on a fresh clone
        print(f"note: feed keys not checked ({exc})")
    held_lines = set()
    for line in (ROOT / "corpus" / "heldout.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            held_lines.add(line)
    counts: dict[str, dict[str, int]] = {}
    for lang, n, r in rows:
        where = f"{lang}.jsonl:{n}"
        is_feed = "feed" in r
        keys = FEED_KEYS if is_feed else TEXT_KEYS
        if set(r) != keys:
            errors.append(f"{where}: keys {sorted(set(r) ^ keys)}")
        if r.get("lang") != lang:
            errors.append(f"{where}: lang {r.get('lang')!r}")
        ident = f"{r.get('feed')}#{r.get('key')}" if is_feed else r.get("id")
        if ident in seen:
            errors.append(f"{where}: duplicate {ident}")
        seen.add(ident)
        if not isinstance(r.get("relevant"), bool) or not isinstance(r.get("casualties"), bool):
            errors.append(f"{where}: relevant/casualties not bool")
        ev = r.get("event_types")
        if not ev or not set(ev) <= EVENTS or ("none" in ev and len(ev) > 1) or len(set(ev)) != len(ev):
            errors.append(f"{where}: event_types {ev}")
        if r.get("ceasefire") not in CEASEFIRE:
            errors.append(f"{where}: ceasefire {r.get('ceasefire')}")
        if r.get("ceasefire") and "ceasefire" not in ev:
            errors.append(f"{where}: ceasefire status without the ceasefire type")
        if r.get("casualties") and "casualties" not in ev:
            errors.append(f"{where}: casualties true without the casualties type")
        for field in ("countries", "people"):
            if not isinstance(r.get(field), list) or not all(isinstance(x, str) and x for x in r[field]):
                errors.append(f"{where}: {field}")
        if not r.get("notes", "").startswith("Gloss:"):
            errors.append(f"{where}: notes should start with the English gloss")
        if is_feed:
            if r["feed"] in feed_keys and r["key"] not in feed_keys[r["feed"]]:
                errors.append(f"{where}: key {r['key']} not in {r['feed']}")
            held = r["feed"] in HELD_FEEDS
            if held != (f"feed {r['feed']}" in held_lines):
                errors.append(f"{where}: heldout.txt disagrees on feed {r['feed']}")
        else:
            for field in ("url", "outlet", "license", "title", "text"):
                if not r.get(field):
                    errors.append(f"{where}: {field} empty")
            if len(r.get("text", "")) > 800:
                errors.append(f"{where}: text {len(r['text'])} chars")
            if not str(r.get("id", "")).startswith(f"{lang}-"):
                errors.append(f"{where}: id {r.get('id')} should start with {lang}-")
            held = held_text(r["id"])
            if held != (f"language {r['id']}" in held_lines):
                errors.append(f"{where}: heldout.txt disagrees on {r['id']} (sha1 rule says {held})")
        c = counts.setdefault(lang, {"items": 0, "held": 0, "feed": 0, "text": 0, "relevant": 0})
        c["items"] += 1
        c["held"] += held
        c["feed" if is_feed else "text"] += 1
        c["relevant"] += r.get("relevant") is True
    listed = {line.split(" ", 1)[1] for line in held_lines if line.startswith("language ")}
    unknown = listed - {r["id"] for _, _, r in rows if "id" in r}
    if unknown:
        errors.append(f"heldout.txt lists unknown language items: {sorted(unknown)}")
    for lang in LANGS:
        c = counts.get(lang, {})
        print(
            f"{lang}: {c.get('items', 0)} items ({c.get('items', 0) - c.get('held', 0)} dev, {c.get('held', 0)} held out;"
            f" {c.get('feed', 0)} feed, {c.get('text', 0)} text; {c.get('relevant', 0)} relevant)"
        )
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
