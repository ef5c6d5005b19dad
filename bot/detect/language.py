"""The language of an item, so that English rules never read another language.

lingua-language-detector ships its models inside the wheel (nothing is downloaded at run time). It runs in
low-accuracy mode (trigram models only: about 50 MB instead of 500 MB, and a few microseconds per item) over
the headline and the lead, on the languages news in our feeds comes in. A text too short or too mixed to
tell stays English, the language the rules are written in.
"""

from __future__ import annotations

import functools
from typing import Any

ENGLISH = "en"
# The candidates: English, the languages diplomatic news breaks in, and the others seen in real feeds.
_CANDIDATES = (
    "ENGLISH", "FRENCH", "SPANISH", "PORTUGUESE", "GERMAN", "ITALIAN", "DUTCH", "POLISH", "TURKISH", "RUSSIAN",
    "UKRAINIAN", "ARABIC", "PERSIAN", "URDU", "HINDI", "BENGALI", "CHINESE", "JAPANESE", "KOREAN", "INDONESIAN",
    "HEBREW",
)
_SAMPLE = 400  # characters of headline and lead: enough for a sure call, cheap on long articles
_MIN_LETTERS = 12  # below this a call is a guess: the item stays English
_MIN_CONFIDENCE = 0.5


@functools.cache
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder  # imported on first use: `diplobot --help` stays fast

    languages = [getattr(Language, name) for name in _CANDIDATES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def language_of(title: str, text: str) -> str:
    """ISO 639-1 code of the item's language (English when it cannot tell)."""
    sample = f"{title}\n{text[:_SAMPLE]}".strip()
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return ENGLISH
    detector = _detector()
    found = detector.detect_language_of(sample)
    if found is None:
        return ENGLISH
    code = found.iso_code_639_1.name.lower()
    if code != ENGLISH and detector.compute_language_confidence(sample, found) < _MIN_CONFIDENCE:
        return ENGLISH
    return code
