"""Size caps on what people write into diplobot (rules files and rule fields); RULES.md and the README list them.

They keep start-up and every rule change quick, and one rule from being a megabyte in every reply:
a rules file bigger than MAX_RULES_FILE_BYTES or with more than MAX_RULES rules is refused before it
is parsed or compiled, with one message saying the cap.
"""

from __future__ import annotations

MAX_RULES_FILE_BYTES = 2_000_000  # 2 MB: 10,000 rules of 200 characters each
MAX_RULES = (
    10_000  # rules in one file or import, and in one tenant; the detection figures in the README go up to 10,000
)
MAX_DESCRIPTION = 1_000  # characters
MAX_QUERY = 5_000  # characters of a query or a regex
MAX_LIST_ITEMS = 100  # entries of events, people, places or exclude
MAX_ITEM = 200  # characters of one people, places or exclude entry


def too_big(size: int) -> str | None:
    """Why a rules document of `size` bytes is refused, or None."""
    if size <= MAX_RULES_FILE_BYTES:
        return None
    return (
        f"the rules file is {size:,} bytes, over the cap of {MAX_RULES_FILE_BYTES:,} bytes "
        f"(at most {MAX_RULES:,} rules): split it, or shorten descriptions"
    )


def too_many(count: int) -> str | None:
    """Why a rules document of `count` rules is refused, or None."""
    if count <= MAX_RULES:
        return None
    return f"{count:,} rules, over the cap of {MAX_RULES:,} rules in one file: merge rules with OR queries, or split the file"


def tenant_full(count: int) -> str | None:
    """Why a tenant that has `count` rules may not add one more, or None."""
    if count < MAX_RULES:
        return None
    return (
        f"this workspace has {count:,} rules, the cap is {MAX_RULES:,}: remove rules you no longer need "
        f"('watch remove'), or merge rules with OR queries"
    )
