"""Local sources: article folders (.txt/.json/.html), feed files, stable keys, bad files skipped, polling."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.errors import FeedError
from bot.ingest.feeds import FeedSpec
from bot.ingest.fetch import Fetcher
from bot.ingest.local import read_article_file, read_folder, read_local
from bot.ingest.poll import FeedState, poll_feed

REPO = Path(__file__).resolve().parents[1]
HTML = """<!doctype html><html><head><title>Envoys agree truce | Example News</title>
<meta property="og:title" content="Envoys agree truce"></head><body><nav>Home | World</nav>
<article><h1>Envoys agree truce</h1><p>Negotiators from both sides agreed a ceasefire on Monday after three days
of talks hosted in Geneva, officials said.</p><p>The truce takes effect at midnight and will be monitored by
observers from neutral countries, according to the statement released after the meeting.</p></article>
<footer>Copyright Example News</footer></body></html>"""


ATOM = (
    """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example World</title><link href="http://news.example/"/>
<id>urn:example:world</id><updated>2026-11-23T10:00:00Z</updated>
"""
    + "".join(
        f"""<entry><title>Envoys meet, day {n}</title><link href="http://news.example/world/{n}"/>
<id>urn:example:world:{n}</id><updated>2026-11-2{n}T10:00:00Z</updated><summary>Talks continued.</summary></entry>
"""
        for n in (1, 2, 3)
    )
    + "</feed>"
)


def make_folder(root: Path) -> Path:
    folder = root / "articles"
    folder.mkdir()
    (folder / "b_story.txt").write_text(
        "Ceasefire holds\n\nThe ceasefire held overnight.\nNo shots were reported.\n", encoding="utf-8"
    )
    (folder / "a_story.json").write_text(
        json.dumps(
            {
                "title": "Talks in Geneva",
                "text": "Envoys met.",
                "url": "https://news.example/geneva?utm_source=x",
                "outlet": "Example",
                "published": "2026-11-23T10:00:00+01:00",
                "extra": [1, 2],
            }
        ),
        encoding="utf-8",
    )
    (folder / "c_page.html").write_text(HTML, encoding="utf-8")
    (folder / "d_broken.json").write_text("{not json", encoding="utf-8")
    (folder / "e_list.json").write_text("[1, 2]", encoding="utf-8")
    (folder / "f_empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "g_notes.md").write_text("# ignored", encoding="utf-8")
    (folder / ".hidden.txt").write_text("hidden\nfile", encoding="utf-8")
    return folder


def test_folder_reads_in_name_order_and_skips_bad_files(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    read = read_folder(folder)
    assert [i.title for i in read.items] == ["Talks in Geneva", "Ceasefire holds", "Envoys agree truce"]
    geneva, txt, page = read.items
    assert geneva.url == "https://news.example/geneva" and geneva.outlet == "Example"
    assert geneva.published == datetime(2026, 11, 23, 9, tzinfo=UTC)
    assert txt.text == "The ceasefire held overnight.\nNo shots were reported."
    assert txt.url == (folder / "b_story.txt").resolve().as_uri() and txt.url.startswith("file://")
    assert "agreed a ceasefire on Monday" in page.text and "Copyright" not in page.text
    assert sorted(p.name for p, _ in read.skipped) == ["d_broken.json", "e_list.json", "f_empty.txt", "g_notes.md"]
    reasons = {p.name: r for p, r in read.skipped}
    assert "invalid JSON" in reasons["d_broken.json"] and "empty" in reasons["f_empty.txt"]


def test_local_keys_stable_across_locations_and_change_with_content(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    keys = [i.key for i in read_local(folder)]
    moved = shutil.copytree(folder, tmp_path / "elsewhere" / "copy")
    assert [i.key for i in read_local(moved)] == keys  # path relative to the folder, not the machine
    assert read_article_file(folder / "b_story.txt").key == keys[1]
    (moved / "b_story.txt").write_text("Ceasefire holds\n\nUpdated text.", encoding="utf-8")
    assert [i.key for i in read_local(moved)][1] != keys[1]


def test_seeds_folder_reads() -> None:
    items = read_local(REPO / "seeds")
    assert len(items) == 2 and all(i.url and i.url.startswith("file://") for i in items)
    assert items[1].title == "Blinken hosts Armenia, Azerbaijan FMs in bid to boost peace"


def test_read_article_file_errors_are_feed_errors(tmp_path: Path) -> None:
    with pytest.raises(FeedError) as info:
        read_article_file(tmp_path / "nope.txt")
    assert info.value.kind == "not_found"
    bad = tmp_path / "bad.json"
    bad.write_text('{"title": 3}', encoding="utf-8")
    with pytest.raises(FeedError) as info:
        read_article_file(bad)
    assert info.value.kind == "bad_file"


def test_txt_in_latin1_is_read(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes("Notícias\ncorpo do artigo".encode("latin-1"))
    assert read_article_file(path).title == "Notícias"


async def test_poll_local_folder_and_feed_file(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    spec = FeedSpec(name="local", url=str(folder), outlet="Desk")
    async with Fetcher() as fetcher:
        first = await poll_feed(spec, FeedState(), fetcher)
        assert first.error is None and len(first.items) == 3
        assert {i.outlet for i in first.items} == {"Example", "Desk"}
        assert first.warning and "d_broken.json" in first.warning
        again = await poll_feed(spec, first.state, fetcher)
        assert again.not_modified and again.items == []
        (folder / "h_new.txt").write_text("New story\nbody", encoding="utf-8")
        third = await poll_feed(spec, again.state, fetcher)
        assert len(third.items) == 4

        feed_file = tmp_path / "local-atom.xml"
        feed_file.write_text(ATOM, encoding="utf-8")
        fr = await poll_feed(FeedSpec(name="f", url=feed_file.as_uri()), FeedState(), fetcher)
        assert fr.error is None and len(fr.items) == 3
        assert all(i.url.startswith("http://news.example/world/") for i in fr.items)

        missing = await poll_feed(FeedSpec(name="m", url=str(tmp_path / "gone")), FeedState(), fetcher)
        assert missing.error is not None and missing.error.kind == "not_found"
