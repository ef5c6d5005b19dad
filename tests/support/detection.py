"""Reading one written line as the detector would: the helpers of the detection class tests."""

from __future__ import annotations

from bot.detect import Detector
from bot.detect.people import find_people
from bot.detect.text import build_doc


def line_status(detector: Detector, line: str) -> str | None:
    """The ceasefire status of one written line: a headline when it has no full stop, else a sentence of the text."""
    found = detector.detect("", line) if line.endswith(".") else detector.detect(line, "")
    return found.ceasefire_status


def text_status(detector: Detector, text: str) -> str | None:
    """The ceasefire status of a text under a neutral headline ("News")."""
    return detector.detect("News", text).ceasefire_status


def line_types(detector: Detector, line: str) -> set[str]:
    """The event types of one written line, read as `line_status` reads it."""
    found = detector.detect("", line) if line.endswith(".") else detector.detect(line, "")
    return {e.type for e in found.events}


def has_talks(detector: Detector, line: str) -> bool:
    """Whether one written line, read as `line_types` reads it, reports talks."""
    return "talks" in line_types(detector, line)


def text_figures(detector: Detector, text: str) -> set[tuple[int, str, bool]]:
    """(count, kind, current) of every casualty figure of a text (no headline)."""
    return {(c.count, c.kind, c.current) for c in detector.detect("", text).casualties}


def people_names(text: str) -> list[str]:
    """The officials find_people reads in a text (no headline), sorted by name."""
    return sorted(p.name for p in find_people(build_doc("", text)))
