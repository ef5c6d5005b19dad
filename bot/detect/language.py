"""The language of an item, so that English rules never read another language.

lingua-language-detector ships its models inside the wheel (nothing is downloaded at run time). Two stages
over the headline and the lead:
1. low-accuracy mode (trigram models only: about 50 MB, microseconds per item) on the languages news in our
   feeds comes in. Another script (Cyrillic, Arabic, Chinese...) is decided here;
2. a Latin-script call other than English is confirmed in high-accuracy mode among the main Latin-script
   languages (about 150 MB): on a bare headline the trigram models alone take one
   English headline in 25 for French or Spanish ("EU imposes new sanctions on Iran..." -> French).
A text too short or too mixed to tell stays English, the language the rules are written in. lingua costs
about 2 microseconds a character, so text in unaccented Latin letters that uses two or more of the commonest English
function words ("the", "of", "said"...: words no other candidate language writes this way) is English without it,
and lingua reads at most the first 200 characters. Three such words decide; two do when the text holds fewer of the
other Latin-script languages' own function words ("les", "con", "und"...): an English headline and lead can hold
as few as "the" and "of" beside a borrowed phrase ("the attempted coup d'etat in Guinea-Bissau", read as French
by lingua even in high-accuracy mode), while unaccented Spanish quoting "the Secretary of State" writes "el",
"con", "la" around it.
The models are loaded when a detector is built, all at once, and `warm_up()` builds both before the app
serves or polls: loaded on first need they held the interpreter lock for 2-6 s inside a detection,
stopping the event loop (and `/healthz`) meanwhile. lingua keeps loaded models for every later detector, so
`warm_up()` loads the high-accuracy ones one language at a time: each load holds the interpreter lock (no signal
handler runs meanwhile) for at most about 0.3 s instead of 1-3 s, and a stop asked during start-up ends the warm-up
between two.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from typing import Any

ENGLISH = "en"
# The candidates: English, the languages diplomatic news breaks in, and the others seen in real feeds.
_CANDIDATES = (
    "ENGLISH",
    "FRENCH",
    "SPANISH",
    "PORTUGUESE",
    "GERMAN",
    "ITALIAN",
    "DUTCH",
    "POLISH",
    "TURKISH",
    "RUSSIAN",
    "UKRAINIAN",
    "ARABIC",
    "PERSIAN",
    "URDU",
    "HINDI",
    "BENGALI",
    "CHINESE",
    "JAPANESE",
    "KOREAN",
    "INDONESIAN",
    "HEBREW",
)
_CONFIRM = ("ENGLISH", "FRENCH", "SPANISH", "PORTUGUESE", "GERMAN", "ITALIAN")
_LATIN = frozenset(["en", "fr", "es", "pt", "de", "it", "nl", "pl", "tr", "id"])
_SAMPLE = 200  # characters of headline and lead given to lingua: enough for a sure call
_SCAN = 600  # characters looked at for English function words
_QUICK = 150  # of which the first are looked at first
_WORD = re.compile(r"[a-z]+")
# Letters beyond ASCII (accented Latin, Greek, Cyrillic, Arabic, Indic, CJK...), not typographic punctuation.
_FOREIGN_LETTER = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u1fff\u2c00-\ud7ff\uf900-\uffef]")
_ENGLISH_MARKERS = frozenset(
    "the of and that with was from said were which have has been their this will would".split()
)
# Function words of the other Latin-script candidates (fr, es, pt, de, it, nl). Some are also names or English
# words ("Los Angeles", "de Klerk"): they only keep a text with two English markers for lingua to decide.
_OTHER_MARKERS = frozenset(
    "le la les de des du une et est en dans pour sur par au aux avec qui que el los las con una del por para "
    "um uma os das dos na em com pelo pela der und ist nicht het een della che".split()
)
_MIN_LETTERS = 12  # below this a call is a guess: the item stays English
_CHROME_SCAN = 3000  # characters read to weigh an English text against another script's page chrome above it
_CHROME_ENGLISH_SHARE = 0.8  # share of ASCII letters from which such a text is English
_ACCENTED_LATIN = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_MIN_CONFIDENCE = 0.5
_FEW_FOREIGN = 2  # letters beyond ASCII that an English headline and lead may hold and still be read by function words


def _build(names: tuple[str, ...], confirm: bool) -> Any:
    from lingua import Language, LanguageDetectorBuilder  # imported on first use: `diplobot --help` stays fast

    languages = [getattr(Language, name) for name in names]
    # Preloaded: lingua otherwise loads a language's models inside the first detection that needs them.
    builder = LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models()
    return builder.build() if confirm else builder.with_low_accuracy_mode().build()


@functools.cache
def _detector(confirm: bool = False) -> Any:
    return _build(_CONFIRM if confirm else _CANDIDATES, confirm)


def _warm_up_steps() -> list[Callable[[], object]]:
    from bot.detect import multilingual

    # The trigram models of the first stage load at once (about 0.2 s; one language at a time costs 0.7 s more). The
    # high-accuracy ones load one language per step (a detector of that language alone), then the detector finds them
    # all loaded. Called as detection calls it: functools.cache keys `_detector()` and `_detector(confirm=True)`.
    steps: list[Callable[[], object]] = [_detector]
    steps += [functools.partial(_build, (name,), True) for name in _CONFIRM]
    steps.append(functools.partial(_detector, confirm=True))
    # The other languages' lexicons (about 0.5 s).
    return steps + [functools.partial(multilingual.lexicon, lang) for lang in multilingual.LANGUAGES]


def warm_up(stopped: Callable[[], bool] = lambda: False) -> bool:
    """Build both detectors, loading every model now (about 1 s) rather than inside a later detection; between
    two languages, give up as soon as `stopped()` is true (a stop asked during start-up). True when all is loaded."""
    for step in _warm_up_steps():
        if stopped():
            return False
        step()
    return True


def models_loaded() -> bool:
    """Whether `warm_up()` (or a detection) has built both detectors."""
    return _detector.cache_info().currsize == 2


def _call(detector: Any, sample: str) -> str:
    found = detector.detect_language_of(sample)
    if found is None:
        return ENGLISH
    code = str(found.iso_code_639_1.name).lower()
    if code != ENGLISH and detector.compute_language_confidence(sample, found) < _MIN_CONFIDENCE:
        return ENGLISH
    return code


def _english_under_chrome(title: str, text: str) -> bool:
    """An English text under a few lines of another script (a republisher's menu or a translated title in Chinese,
    Japanese or Arabic): no accented Latin letter, and nearly all of its letters are ASCII ones. A text in that
    script quoting English names is mostly letters of its own script."""
    body = f"{title}\n{text[:_CHROME_SCAN]}"
    if _ACCENTED_LATIN.search(body):
        return False
    letters = [ch for ch in body if ch.isalpha()]
    return sum(ch.isascii() for ch in letters) >= _CHROME_ENGLISH_SHARE * len(letters)


def _few_foreign_letters(head: str) -> bool:
    """Whether the headline and lead hold at most `_FEW_FOREIGN` letters beyond ASCII: an English text naming a place
    in its own spelling ("Türkiye", "Bogotá") or under a republisher's date line in its language ("venerdì 18 giugno
    2021"). French, Spanish or Portuguese news writes more than that in a few lines."""
    # (every letter _FOREIGN_LETTER finds is outside ASCII: an ASCII text is not searched)
    if head.isascii():
        return True
    letters = _FOREIGN_LETTER.finditer(head)
    return next(itertools.islice(letters, _FEW_FOREIGN, None), None) is None


def _uses_english_words(low: str) -> bool:
    """Whether the lowercased text uses three different English function words, or two and fewer function
    words of the other Latin-script languages. The first _QUICK characters (cut after a whole word) usually
    hold three already; the rest is read only when they do not."""
    cut = low.find(" ", _QUICK)
    if cut >= 0 and len(_ENGLISH_MARKERS.intersection(_WORD.findall(low, 0, cut))) >= 3:
        return True
    words = _WORD.findall(low)
    markers = len(_ENGLISH_MARKERS.intersection(words))
    return markers >= 3 or (markers == 2 and sum(w in _OTHER_MARKERS for w in words) < 2)


def language_of(title: str, text: str) -> str:
    """ISO 639-1 code of the item's language (English when it cannot tell)."""
    head = f"{title}\n{text[:_SCAN]}"
    if _few_foreign_letters(head) and _uses_english_words(head.lower()):
        return ENGLISH
    if _english_under_chrome(title, text) and _uses_english_words(head.lower()):
        return ENGLISH
    sample = head[: len(title) + 1 + _SAMPLE].strip()
    letters = [ch for ch in sample if ch.isalpha()]
    # A short Latin-script text is a guess; a few characters of another script are not (a Chinese headline
    # of nine characters says as much as an English one of forty).
    if len(letters) < 3 or (len(letters) < _MIN_LETTERS and sum(ch.isascii() for ch in letters) * 2 > len(letters)):
        return ENGLISH
    code = _call(_detector(), sample)
    if code in _LATIN and code != ENGLISH and _call(_detector(confirm=True), sample) == ENGLISH:
        return ENGLISH
    return code
