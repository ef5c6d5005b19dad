"""The relevance model cuts words with scikit-learn's token pattern, written without its word boundaries for speed
(bot/model/relevance.py): the words must be exactly those the pattern as scikit-learn writes it finds."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.model.relevance import _TOKEN, tokens_of, words_of

SKLEARN_TOKEN = re.compile(r"(?u)\b\w\w+\b")
CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "articles"


def test_the_words_of_corpus_articles_are_scikit_learns() -> None:
    for path in sorted(CORPUS.glob("*.json"))[:200]:
        item = json.loads(path.read_text(encoding="utf-8"))
        text = f"{item.get('title') or ''}\n{item.get('text') or ''}".lower()
        assert _TOKEN.findall(text) == SKLEARN_TOKEN.findall(text)


# Letters of several scripts, digits, the underscore, one-letter words, apostrophes, hyphens, combining marks.
_CHARS = st.sampled_from(list("ab1_ Z-'.,\n\t") + ["é", "ß", "я", "٣", "中", "\u0301", "\u00a0", "’"])


@settings(max_examples=500, deadline=None)
@given(st.text(_CHARS, max_size=40))
def test_the_words_of_any_text_are_scikit_learns(text: str) -> None:
    assert _TOKEN.findall(text) == SKLEARN_TOKEN.findall(text)
    assert words_of(text) == SKLEARN_TOKEN.findall(text.lower())


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=60))
def test_ascii_text_is_cut_as_scikit_learn_cuts_it(text: str) -> None:
    # (ASCII text is cut by the pattern with ASCII rules: the same words)
    assert tokens_of(text) == SKLEARN_TOKEN.findall(text.lower())
    assert words_of(text, frozenset({"the"})) == [w for w in SKLEARN_TOKEN.findall(text.lower()) if w != "the"]
