"""The language of an item, so that English rules never read another language.

lingua-language-detector ships its models inside the wheel (nothing is downloaded at run time). Two stages
over the headline and the lead:
1. low-accuracy mode (trigram models only: about 50 MB, microseconds per item) on the languages news in our
   feeds comes in. Another script (Cyrillic, Arabic, Chinese...) is decided here;
2. a Latin-script call other than English is confirmed in high-accuracy mode among the main Latin-script
   languages (about 150 MB, loaded on first need): on a bare headline the trigram models alone take one
   English headline in 25 for French or Spanish ("EU imposes new sanctions on Iran..." -> French).
A text too short or too mixed to tell stays English, the language the rules are written in.
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
_CONFIRM = ("ENGLISH", "FRENCH", "SPANISH", "PORTUGUESE", "GERMAN", "ITALIAN")
_LATIN = frozenset(["en", "fr", "es", "pt", "de", "it", "nl", "pl", "tr", "id"])
_SAMPLE = 400  # characters of headline and lead: enough for a sure call, cheap on long articles
_MIN_LETTERS = 12  # below this a call is a guess: the item stays English
_MIN_CONFIDENCE = 0.5


@functools.cache
def _detector(confirm: bool = False) -> Any:
    from lingua import Language, LanguageDetectorBuilder  # imported on first use: `diplobot --help` stays fast

    languages = [getattr(Language, name) for name in (_CONFIRM if confirm else _CANDIDATES)]
    builder = LanguageDetectorBuilder.from_languages(*languages)
    return builder.build() if confirm else builder.with_low_accuracy_mode().build()


def _call(detector: Any, sample: str) -> str:
    found = detector.detect_language_of(sample)
    if found is None:
        return ENGLISH
    code = str(found.iso_code_639_1.name).lower()
    if code != ENGLISH and detector.compute_language_confidence(sample, found) < _MIN_CONFIDENCE:
        return ENGLISH
    return code


def language_of(title: str, text: str) -> str:
    """ISO 639-1 code of the item's language (English when it cannot tell)."""
    sample = f"{title}\n{text[:_SAMPLE]}".strip()
    letters = [ch for ch in sample if ch.isalpha()]
    # A short Latin-script text is a guess; a few characters of another script are not (a Chinese headline
    # of nine characters says as much as an English one of forty).
    if len(letters) < 3 or (len(letters) < _MIN_LETTERS and sum(ch.isascii() for ch in letters) * 2 > len(letters)):
        return ENGLISH
    code = _call(_detector(), sample)
    if code in _LATIN and code != ENGLISH and _call(_detector(confirm=True), sample) == ENGLISH:
        return ENGLISH
    return code
