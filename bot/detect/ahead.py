"""Whether the talks, meeting or trip a sentence names are still ahead: one reading for both readers of it.

Talks still ahead are no talks held (bot/detect/events.py holds them back as no event), and talks or a visit still
ahead between officials of two states are news of dealings between states all the same (bot/detect/relations.py
`talks_ahead`). Both ask `still_ahead`: a future in the clause before the thing ("will hold talks", "is due to
visit", "the upcoming summit"), a time to come after it ("talks open next week", "talks ... will be held tomorrow"),
a trip still ahead that holds it ("will travel to Washington for two days of talks"), or the thing named as what
something comes before ("ahead of the talks"). What a reader needs beyond it it passes as a named extra: the events'
plans, offers and stances on talks (`planned`), the relations' headline "to" and trip called off (in relations.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.detect import lazyre
from bot.detect.prefilter import gate

# A reading beyond the shared one: (folded sentence, the thing's match, start of the clause read before it) -> ahead.
Extra = Callable[[str, re.Match[str], int], bool]

# How far before the thing its clause is read for a future.
_REACH = 90

# A future before the thing in its clause: "will hold talks", "is to visit", "is due to hold", "is expected to meet",
# "plans to travel", "the upcoming summit", "next week's talks". Not past and present reports ("held talks yesterday",
# "visited Kyiv", "is in China this week").
_FUTURE = lazyre.compile(
    r"\b(?:will|shall|(?:is|are) to|(?:is|are) (?:planning|going) to|expected to|scheduled to|set to|due to|slated to|"
    r"plans? to|upcoming|forthcoming|next week'?s?|next month'?s?)\b[^.;]*$"
)
# A time to come after the thing: "Talks launch tomorrow", "negotiations will resume next week", "talks are due to
# open"; in a headline "Talks to Resume"; and the thing dated ahead later in its clause ("the resumption of peace talks
# in the capital next week", "talks between the two governments will be held tomorrow"), not across a second verb
# ("held talks and will meet again next week" reports talks held).
_LATER = lazyre.compile(
    r"\s+(?:[\w-]+\s+){0,4}?(?:will|(?:are|is) (?:due|set|expected|scheduled) to|to (?:resume|begin|open|start|launch)|"
    r"(?:launch|open|begin|start|resume)s?\s+(?:tomorrow|next|later|on (?:mon|tues|wednes|thurs|fri|satur|sun)day))\b"
    r"|(?:(?!\b(?:and|but)\s+(?:will|would|shall|plans?|are|is|was|were|has|have|had|then|also|said|\w+ed)\b)"
    r"(?!\b(?:while|whereas|after)\b)[^.;,:]){0,90}?\b(?:next (?:week|month)|later this (?:week|month)|"
    r"tomorrow|will be (?:resumed|held|launched|opened|convened))\b"
    # The same with the talks' parties between: "talks between government officials and representatives from the
    # leadership of the rebel front are due to begin Monday".
    r"|(?:(?!\b(?:and|but)\s+(?:will|would|shall|plans?|are|is|was|were|has|have|had|then|also|said|\w+ed)\b)"
    r"(?!\b(?:while|whereas|after)\b)[^.;,:]){0,160}?\b(?:are|is) (?:due|set|expected|scheduled) to "
    r"(?:begin|start|open|resume|convene|take place|be held)\b"
)
# The thing on a trip still ahead: "will travel to Washington today for two days of talks", "is to fly to Colombo for
# the first visit by a Secretary of State since 1972" (the trip, and all it holds, is upcoming).
_TRIP_AHEAD = lazyre.compile(
    r"\b(?:will|shall|is to|are to|set to|due to|expected to|scheduled to|plans? to|planning to)\s+"
    r"(?:travel|fly|head|go|visit|journey|embark)\b[^.;]*$"
    # A present tense under a future one: "will strengthen relations this week as he visits Tbilisi for talks".
    r"|\b(?:will|shall)\s+[^.;]*\b(?:as|when)\s+(?:he|she|they|we|i)\s+(?:visits|travels|tours|arrives|goes)\b[^.;]*$"
)
# The thing named as what something comes before: "Just ahead of the talks, federal forces took two towns", "on the
# eve of the summit", "in the run-up to the negotiations", "the stage is set for the next crucial step of the
# dialogue" (the talks are still to come).
_BEFORE_IT = lazyre.compile(
    r"\b(?:(?:ahead of|on the eve of|in the (?:run|lead)-up to|in preparation for|in advance of)\s+"
    r"(?:(?:the|a|an|this|next|their|his|her|its)\s+)?"
    r"|the\s+next\s+(?:[\w-]+\s+)?(?:step|steps|phase|stage)\s+(?:of|in)\s+(?:the\s+)?)(?:[\w'-]+\s+){0,3}$"
)
# Plans, offers and stances on talks, an extra of the events' reading (talks not held yet, though nothing dates them):
# "would hold talks", "to launch talks", "agree to peace talks", "prepared to go back to the negotiating table", "enter
# into negotiations", "said he was willing to engage in peace talks", "remained open to negotiations", "offered talks".
_PLANNED_TALKS = lazyre.compile(
    r"\b(?:would|plan(?:s|ned)? to|ready to|prepared to|agree(?:s|d)? to|to launch|to open|to hold|"
    r"enter(?:s|ed|ing)? into|go(?:ing)? back to|willing to|open to|offer(?:s|ed|ing)?)\b[^.;]*$"
)


def planned(low: str, m: re.Match[str], lo: int) -> bool:
    """The extra of plans, offers and stances on talks (`_PLANNED_TALKS`), in the 50 characters of the clause before
    them (nearer than a future: "offered" far before talks may offer something else)."""
    return _PLANNED_TALKS.search(low, max(lo, m.start() - 50), m.start()) is not None


def still_ahead(low: str, m: re.Match[str], lo: int, *extras: Extra) -> bool:
    """Whether the talks, meeting or trip at `m` in the folded sentence `low` are still ahead: a future in their clause
    (from `lo`) before them, a time to come after them, a trip still ahead, the thing named as what something comes
    before, or one of the caller's `extras`."""
    start = m.start()
    near = max(lo, start - _REACH)
    if _FUTURE.search(low, near, start) or _LATER.match(low, m.end()):
        return True
    if _MAY_TRIP_AHEAD(low) and _TRIP_AHEAD.search(low, 0, start):
        return True
    if _MAY_BEFORE_IT(low) and _BEFORE_IT.search(low, near, start):
        return True
    return any(extra(low, m, lo) for extra in extras)


# Word pre-checks (bot/detect/prefilter.py): most sentences hold none of the words these regexes need.
_MAY_TRIP_AHEAD = gate(_TRIP_AHEAD)
_MAY_BEFORE_IT = gate(_BEFORE_IT)
