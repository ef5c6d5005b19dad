"""Boilerplate: donation appeals, newsletter prompts, "Read more" lines, captions and site chrome.

Never a summary's sentence (summarize.py), never evidence that two reports are one story (cluster.py).
"""

from __future__ import annotations

import re

# Appeals, prompts, chrome and caption markers; a sentence containing one is never chosen. Plain
# phrases are tested as substrings of the lower-cased sentence (one big regex alternation costs
# ~0.2 ms a line); only the few that need anchors or word boundaries are regular expressions.
_BOILERPLATE_PHRASES = (
    "your support",
    "your donation",
    "your contribution",
    "make a gift",
    "make a contribution",
    "support our",
    "support us",
    "support independent",
    "subscribe",
    "subscription",
    "newsletter",
    "read more",
    "read next",
    "read also",
    "more on this",
    "click here",
    "join now",
    "tap here",
    "follow us",
    "share this",
    "share on",
    "print this",
    "email this",
    "all rights reserved",
    "copyright",
    "\u00a9",
    "cookie",
    "advertis",
    "paywall",
    "accessibility links",
    "skip to content",
    "skip to main content",
    "jump to:",
    "an official website of",
    "here's how you know",
    "heres how you know",
    "official websites use",
    "secure .gov",
    "related stories",
    "related articles",
    "related coverage",
    "related topics",
    "other stories from",
    "more articles here",
    ".svg",
    "a map showing",
    "for more on",
    "getty images",
    "(ap photo",
    "(afp photo",
    "(reuters photo",
    "photo by",
    "photograph by",
    "caption",
    "listen to this article",
    "we need reporters",
    "trusted by",
    "quality journalism",
    "makes all the difference",
    "on the ground when",
    "free news source",
    "you can write",
    "terms of use",
    "terms of service",
    "privacy policy",
    "comments are closed",
    "comments have been closed",
    "may contain information from wire service",
    "some information for this report",
    "was provided by",
    "attributable to",
    ".gov website",
    "official government organization",
    "lock (",
    "https:// means",
    "share sensitive information",
    "secure websites",
    "you've safely connected",
    # an archive's notice ("You have accessed part of a historical collection on defense.gov.")
    "you have accessed part of",
    "historical collection on",
    "javascript",
    "your browser",
)
# (a literal the sentence must contain, the pattern then tried): the literal keeps the regex off most lines.
_BOILERPLATE_PATTERNS = tuple(
    (literal, re.compile(pattern))
    for literal, pattern in (
        ("donat", r"\bdonat(e|es|ing|ion|ions)\b"),
        ("sign ", r"\bsign (up|in)\b"),
        ("log", r"\blog ?in\b"),
        ("register", r"\bregister (now|for)\b"),
        ("location of", r"\blocation of [a-z]"),
        ("portal", r"see the .{0,40} portal"),
        ("/", r"/ ?(ap|afp|reuters)\b"),
        ("", r"^(photo|image|video|watch|listen|file photo|credit|source|update|breaking news)\b\s*[:|-]?"),
        ("", r"^from: |^office of the spokesperson"),
        ("press statement", r"press statement$"),
    )
)


def has_chrome(sentence: str) -> bool:
    """True when the sentence holds an appeal, a prompt, site chrome or a caption marker."""
    low = sentence.lower().replace("\u2019", "'")
    for phrase in _BOILERPLATE_PHRASES:
        if phrase in low:
            return True
    return any((not lit or lit in low) and rx.search(low) for lit, rx in _BOILERPLATE_PATTERNS)


_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")


def is_boilerplate(sentence: str) -> bool:
    """True for donation appeals, newsletter prompts, "Read more" lines, captions and site chrome."""
    s = sentence.strip()
    if has_chrome(s):
        return True
    words = s.split()
    if len(words) < 6 or s.startswith(("___", "—", "|", "•")):
        return True  # navigation, bylines, datelines and labels are short
    upper, lower = len(_UPPER.findall(s)), len(_LOWER.findall(s))
    return upper > 1.5 * lower  # SHOUTED chrome
