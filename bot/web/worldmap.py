"""A world map for the Charts page, drawn on the server as SVG: each country shaded by its stories.

The country shapes are Natural Earth's Admin 0 boundaries at 1:110m (public domain), as the TopoJSON of
the npm package world-atlas 2.0.2 (ISC; its licence is kept beside it), vendored unchanged in
bot/data/world-110m.json: nothing is fetched at run time. Shapes are matched to the detector's country
names by their ISO 3166-1 numeric code (pycountry), the same codes the gazetteer reads, and projected
plate carrée (longitude and latitude as x and y) on a 960 x 470 canvas, Antarctica left out.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from typing import Any, NotRequired, TypedDict

import pycountry

from bot.detect.gazetteer import places
from bot.web.stories import StoryItem

WIDTH, HEIGHT = 960, 470
TOP_LAT, BOTTOM_LAT = 84.0, -60.0  # Antarctica (below -60) is not drawn
NONE_COLOR = "#eaeef2"
# (lowest count, colour): a sequential blue scale, dark enough at its top for the borders to stay visible.
SHADES = ((1, "#c6dbef"), (2, "#6baed6"), (5, "#2171b5"), (20, "#08306b"))


@dataclass(frozen=True, slots=True)
class Shape:
    """One country as drawn: its name (the detector's, when it knows the country) and SVG path."""

    name: str
    path: str


@dataclass(frozen=True, slots=True)
class Country:
    """A country on the drawn map: its shape, stories and fill."""

    name: str
    path: str
    stories: int
    color: str


@dataclass(frozen=True, slots=True)
class WorldMap:
    """The drawn map and its legend (colour, what it means)."""

    width: int
    height: int
    countries: tuple[Country, ...]
    legend: tuple[tuple[str, str], ...]


def shade(count: int) -> str:
    """The fill for a country named by `count` stories."""
    color = NONE_COLOR
    for lowest, fill in SHADES:
        if count >= lowest:
            color = fill
    return color


def legend() -> tuple[tuple[str, str], ...]:
    """What each fill means: none, 1, 2-4, 5-19, 20 or more stories."""
    rows = [(NONE_COLOR, "no story")]
    for i, (lowest, fill) in enumerate(SHADES):
        nxt = SHADES[i + 1][0] if i + 1 < len(SHADES) else None
        if nxt is None:
            label = f"{lowest} or more stories"
        elif nxt - 1 == lowest:
            label = f"{lowest} {'story' if lowest == 1 else 'stories'}"
        else:
            label = f"{lowest}-{nxt - 1} stories"
        rows.append((fill, label))
    return tuple(rows)


def world_map(items: Iterable[StoryItem]) -> WorldMap:
    """The map shading each country by how many of `items` name it."""
    counts = Counter(c for item in items for c in dict.fromkeys(item.summary.countries))
    drawn = tuple(Country(s.name, s.path, counts.get(s.name, 0), shade(counts.get(s.name, 0))) for s in shapes())
    return WorldMap(WIDTH, HEIGHT, drawn, legend())


@functools.cache
def shapes() -> tuple[Shape, ...]:
    """Every country's shape, decoded from the vendored TopoJSON once."""
    topo = json.loads(files("bot.data").joinpath("world-110m.json").read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[list[tuple[float, float]]] = []
    for arc in topo["arcs"]:  # delta-encoded, quantized positions
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append(_project(x * sx + tx, y * sy + ty))
        arcs.append(points)
    by_code = places().by_code
    found = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        name = _name(geometry, by_code)
        if name == "Antarctica":
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        path = " ".join(_ring(ring, arcs) for polygon in polygons for ring in polygon)
        found.append(Shape(name, path))
    return tuple(found)


class _Properties(TypedDict):
    name: str  # Natural Earth's name of the country


class _Geometry(TypedDict):
    """A country of world-110m.json (TopoJSON): its polygons as arc indexes, its ISO numeric code."""

    type: str  # Polygon | MultiPolygon
    id: NotRequired[str]
    properties: _Properties
    arcs: list[Any]  # a ring's arc indexes, nested once more for a MultiPolygon


def _name(geometry: _Geometry, by_code: dict[str, str]) -> str:
    """The detector's name for a shape (by its ISO numeric code), else Natural Earth's own."""
    code = geometry.get("id")
    country = pycountry.countries.get(numeric=code) if code else None
    if country is not None and country.alpha_2 in by_code:
        return by_code[country.alpha_2]
    return str(geometry["properties"]["name"])


def _project(lon: float, lat: float) -> tuple[float, float]:
    x = (lon + 180.0) / 360.0 * WIDTH
    y = (TOP_LAT - lat) / (TOP_LAT - BOTTOM_LAT) * HEIGHT
    return x, y


def _ring(ring: list[int], arcs: list[list[tuple[float, float]]]) -> str:
    """One closed ring as SVG path data: its arcs joined (a negative index is arc ~i, reversed). A ring that
    crosses the antimeridian (Russia's Chukotka, Fiji) jumps across the whole map there: it is cut at each
    jump into pieces, each closed along its edge of the map, so no band is drawn across the world."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)  # each arc starts where the last one ended
    jumps = [i for i in range(1, len(points)) if abs(points[i][0] - points[i - 1][0]) > WIDTH / 2]
    if jumps:
        points = points[jumps[0] :] + points[1 : jumps[0]]  # start at a jump (the first point repeats the last)
        cuts = [0] + [i for i in range(1, len(points)) if abs(points[i][0] - points[i - 1][0]) > WIDTH / 2]
        pieces = [points[a:b] for a, b in zip(cuts, [*cuts[1:], len(points)], strict=True)]
    else:
        pieces = [points]
    return " ".join("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in piece) + "Z" for piece in pieces if len(piece) > 2)
