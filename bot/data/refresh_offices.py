"""Refresh the holders in bot/data/offices.yaml from a Wikidata export; no network: you download the export.

    python -m bot.data.refresh_offices --query            # print the SPARQL query to run
    python -m bot.data.refresh_offices EXPORT [--out PATH] [--updated YYYY-MM-DD]

Run the printed query at https://query.wikidata.org and download the result as JSON (SPARQL results) or CSV;
EXPORT is that file. Every office of the table with a `wikidata` id gets its holders from the export (P39
"position held" statements with their P580 start and P582 end qualifiers; a statement without a start is
left out and counted); the other offices are kept as they are. The table's `updated` date becomes today (or
--updated). Names are Wikidata's English labels: the bot maps them to the watched people's canonical names
(bot/data/people.yaml aliases) when it loads the table.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NotRequired, TypedDict

import yaml

TABLE = Path(__file__).with_name("offices.yaml")
HEADER = """\
# Offices a watch rule may name in `people:` ("US Secretary of State"), with who held each and when.
# A rule naming an office matches an article that names whoever held it on the article's date.
#
# Sources: Wikidata (P39 "position held" statements, with P580 start time and P582 end time qualifiers) and
# the offices' own lists (state.gov "Biographies of the Secretaries of State", gov.uk "Past Prime Ministers"
# and "Past Foreign Secretaries", un.org "Former Secretaries-General", nato.int "Secretaries General").
# Terms still open were in progress at the `updated` date as these sources show them. Acting holders
# are left out, except one who held the office alone for over a month (noted). ISO days, both ends included.
# Refresh: `python -m bot.data.refresh_offices export.json` (see that module for the Wikidata query);
# it rewrites the holders of every office with a `wikidata` id and keeps the others as they are.
"""
QUERY = """\
SELECT ?office ?person ?personLabel ?start ?end WHERE {{
  VALUES ?office {{ {offices} }}
  ?person p:P39 ?held .
  ?held ps:P39 ?office .
  OPTIONAL {{ ?held pq:P580 ?start . }}
  OPTIONAL {{ ?held pq:P582 ?end . }}
  SERVICE wikibase:label {{ bd:serviceParam wikibase:language "en" . }}
}}
ORDER BY ?office ?start
"""


def query(table: Mapping[str, Any]) -> str:
    """The SPARQL query for the table's offices that have a Wikidata id."""
    ids = [f"wd:{o['wikidata']}" for o in (table.get("offices") or {}).values() if o.get("wikidata")]
    return QUERY.format(offices=" ".join(ids))


def _rows(raw: str) -> Iterable[dict[str, str]]:
    """Export rows as {variable: value}: SPARQL results JSON ({"results": {"bindings": ...}}) or CSV."""
    text = raw.lstrip("\ufeff")
    if text.lstrip().startswith("{"):
        data = json.loads(text)
        for binding in data["results"]["bindings"]:
            yield {k: str(v.get("value", "")) for k, v in binding.items()}
    else:
        yield from csv.DictReader(io.StringIO(text))


class Holder(TypedDict):
    """One term of an office in offices.yaml."""

    name: str
    start: str  # ISO date
    end: NotRequired[str]
    note: NotRequired[str]


class OfficeEntry(TypedDict, total=False):
    """One office in offices.yaml."""

    name: str
    country: str
    wikidata: str
    names: list[str]
    holders: list[Holder]


class OfficesTable(TypedDict, total=False):
    """offices.yaml as read and written here."""

    updated: str
    offices: dict[str, OfficeEntry]


def _qid(uri: str) -> str:
    return uri.rstrip("/").rsplit("/", 1)[-1]


def refresh(table: OfficesTable, raw: str) -> tuple[OfficesTable, list[str]]:
    """The table with the holders of its Wikidata offices taken from the export, and notes on what changed."""
    by_qid = {str(o["wikidata"]): oid for oid, o in (table.get("offices") or {}).items() if o.get("wikidata")}
    found: dict[str, dict[tuple[str, str], Holder]] = {oid: {} for oid in by_qid.values()}
    undated: dict[str, int] = {}
    for row in _rows(raw):
        oid = by_qid.get(_qid(row.get("office", "")))
        name = (row.get("personLabel") or "").strip()
        if oid is None or not name:
            continue
        start = (row.get("start") or "")[:10]
        if not start:
            undated[oid] = undated.get(oid, 0) + 1
            continue
        holder: Holder = {"name": name, "start": start}
        if end := (row.get("end") or "")[:10]:
            holder["end"] = end
        found[oid].setdefault((start, name), holder)
    notes = []
    for oid, holders in found.items():
        if not holders:
            notes.append(f"{oid}: nothing in the export, kept as it was")
            continue
        table["offices"][oid]["holders"] = [holders[k] for k in sorted(holders)]
        skipped = f" ({undated[oid]} statements without a start left out)" if oid in undated else ""
        notes.append(f"{oid}: {len(holders)} terms{skipped}")
    return table, notes


def _scalar(value: Any) -> str:
    """One value in YAML flow style (quoted only when YAML needs it; dates always quoted)."""
    if value is None:
        return "null"
    text = str(value)
    plain = yaml.safe_dump(text, default_flow_style=True, allow_unicode=True, width=10**6).strip()
    plain = plain.removesuffix("...").strip()
    if text[:1].isdigit():
        return json.dumps(text, ensure_ascii=False)
    return plain


def dump(table: Mapping[str, Any]) -> str:
    """The table as offices.yaml: the header, then one line per holder."""
    out = [HEADER, f"updated: {_scalar(table.get('updated'))}", "offices:"]
    for oid, office in (table.get("offices") or {}).items():
        out.append(f"  {oid}:")
        for field in ("name", "country", "wikidata"):
            if field in office:
                out.append(f"    {field}: {_scalar(office[field])}")
        out.append(f"    names: [{', '.join(_scalar(n) for n in office.get('names') or ())}]")
        out.append("    holders:")
        for h in office.get("holders") or ():
            parts = [f"{k}: {_scalar(h[k])}" for k in ("name", "start", "end", "note") if h.get(k)]
            out.append(f"      - {{{', '.join(parts)}}}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Print the query, or refresh the table from an export file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", nargs="?", type=Path, help="the Wikidata query's result, JSON or CSV")
    parser.add_argument("--query", action="store_true", help="print the SPARQL query and stop")
    parser.add_argument("--table", type=Path, default=TABLE, help="the table to read (default: the shipped one)")
    parser.add_argument("--out", type=Path, default=None, help="where to write (default: over --table)")
    parser.add_argument("--updated", default=datetime.now(UTC).date().isoformat(), help="the update date")
    args = parser.parse_args(argv)
    table: OfficesTable = yaml.safe_load(args.table.read_text(encoding="utf-8")) or OfficesTable()
    if args.query:
        print(query(table), end="")
        return 0
    if args.export is None:
        parser.error("give the export file (or --query to see the query to run)")
    try:
        raw = args.export.read_text(encoding="utf-8")
        table, notes = refresh(table, raw)
    except (OSError, ValueError, KeyError) as exc:
        print(f"cannot read {args.export}: {exc}", file=sys.stderr)
        return 1
    table["updated"] = args.updated
    out = args.out or args.table
    out.write_text(dump(table), encoding="utf-8")
    for note in notes:
        print(note)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
