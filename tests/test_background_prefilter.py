"""The word pre-check before _BACKGROUND (bot/detect/casualties.py) must never hide a match: every match the regex
finds holds one of _BACKGROUND_WORDS. Checked on every sentence of the labelled articles and briefs, so a branch
added to the regex without its word in the list fails here instead of silently dropping background figures."""

from __future__ import annotations

import json
from pathlib import Path

from bot.detect.casualties import _BACKGROUND, may_be_background
from bot.detect.text import build_doc

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _texts() -> list[tuple[str, str]]:
    out = []
    for path in sorted((CORPUS / "articles").glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        out.append((item.get("title") or "", item.get("text") or ""))
    for line in (CORPUS / "briefs" / "items.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            out.append((item.get("title") or "", item.get("text") or item.get("lead") or ""))
    return out


def test_every_background_match_holds_a_word_of_the_pre_check() -> None:
    matched = 0
    for title, text in _texts():
        for sent in build_doc(title, text).sentences:
            for m in _BACKGROUND.finditer(sent.folded):
                matched += 1
                assert may_be_background(m.group()), (m.group(), sent.text)
    assert matched > 100  # the corpus does exercise the regex


def test_the_pre_check_passes_what_it_must() -> None:
    assert may_be_background("the 2014 war killed 2,000")
    assert may_be_background("on the anniversary of the massacre")
    assert not may_be_background("the minister met her counterpart in the capital")
