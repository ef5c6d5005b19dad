"""The Charts page's pictures, drawn on the server as SVG (no charting library, nothing for the browser to run).

Stories by country in a window, and reported casualties per day by country: a story's current figure (the
one its alerts show; background and historical figures never count) on the day of its newest report, under
its first-named country. Each chart comes with the same numbers as a table.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.web.stories import StoryItem

# Okabe-Ito: told apart with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#999999")
TOP = 6  # countries drawn each in its colour; the rest are "other"


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar (or a piece of a stacked bar): where it is drawn and what it says."""

    x: float
    y: float
    width: float
    height: float
    color: str
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    """A drawn chart: its bars, axis labels, legend and the table of its numbers."""

    width: int
    height: int
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, str], ...]  # (position, label) along the category axis
    top: int  # the value at the top of the value axis
    legend: tuple[tuple[str, str], ...]  # (colour, name)
    rows: tuple[tuple[str, tuple[int, ...]], ...]  # the table: a label and its values per series
    series: tuple[str, ...]


def stories_by_country(items: Iterable[StoryItem], *, most: int = 15) -> Chart:
    """Horizontal bars: how many stories name each country (the `most` most named)."""
    counts = Counter(c for item in items for c in dict.fromkeys(item.summary.countries))
    ranked = counts.most_common(most)
    top = max((n for _, n in ranked), default=0)
    row, left, width = 22, 150, 640
    bars = tuple(
        Bar(left, i * row + 4, (width - left - 40) * n / top if top else 0, row - 8, PALETTE[0], f"{country}: {n}")
        for i, (country, n) in enumerate(ranked)
    )
    ticks = tuple((i * row + row / 2 + 4, country) for i, (country, _) in enumerate(ranked))
    return Chart(
        width=width,
        height=max(row, len(ranked) * row) + 8,
        bars=bars,
        ticks=ticks,
        top=top,
        legend=(),
        rows=tuple((country, (n,)) for country, n in ranked),
        series=("stories",),
    )


def casualties_per_day(items: Iterable[StoryItem], since: datetime, until: datetime) -> Chart:
    """Stacked bars, one a day: the current casualty figures of the day's stories, by first-named country."""
    days = [since.date() + timedelta(days=n) for n in range((until.date() - since.date()).days + 1)]
    per_day: dict[date, Counter[str]] = defaultdict(Counter)
    for item in items:
        casualty = item.summary.casualty
        if casualty is None or not casualty.current or casualty.count <= 0:
            continue
        day = item.updated.date()
        if since.date() <= day <= until.date():
            country = item.summary.countries[0] if item.summary.countries else "unknown"
            per_day[day][country] += casualty.count
    totals = Counter[str]()
    for counter in per_day.values():
        totals.update(counter)
    named = [c for c, _ in totals.most_common(TOP)]
    series = (*named, "other") if len(totals) > TOP else tuple(named)

    def split(counter: Counter[str]) -> tuple[int, ...]:
        values = [counter.get(c, 0) for c in named]
        if "other" in series:
            values.append(sum(n for c, n in counter.items() if c not in named))
        return tuple(values)

    rows = tuple((f"{d:%d %b}", split(per_day.get(d, Counter()))) for d in days)
    top = max((sum(values) for _, values in rows), default=0)
    width, height, left, bottom = 760, 220, 48, 24
    step = (width - left - 8) / max(1, len(days))
    bars: list[Bar] = []
    for i, (label, values) in enumerate(rows):
        base: float = height - bottom
        for name, value, color in zip(series, values, PALETTE, strict=False):
            if not value:
                continue
            h = (height - bottom - 8) * value / top if top else 0
            base -= h
            bars.append(Bar(left + i * step + 1, base, max(1.0, step - 2), h, color, f"{label}, {name}: {value:,}"))
    every = max(1, len(days) // 6)
    ticks = tuple((left + i * step + step / 2, f"{d:%d %b}") for i, d in enumerate(days) if i % every == 0)
    return Chart(
        width=width,
        height=height,
        bars=tuple(bars),
        ticks=ticks,
        top=top,
        legend=tuple(zip(PALETTE, series, strict=False)),
        rows=tuple(r for r in rows if any(r[1])),
        series=series,
    )


def window(now: datetime, days: int) -> tuple[datetime, datetime]:
    """The chart window: the last `days` days up to now."""
    return now - timedelta(days=days - 1), now


def days_of(value: str | None, choices: Sequence[int] = (7, 30, 90)) -> int:
    """The window asked for (7, 30 or 90 days; 30 otherwise)."""
    return int(value) if value and value.isdigit() and int(value) in choices else 30
