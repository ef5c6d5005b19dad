"""Ingestion: fetch (aiohttp), parse (feedparser), read local sources, extract full text (trafilatura).

    FeedSpec --poll_feed--> Fetcher.fetch / read_local --> parse_feed --> [enrich] --> FeedItem

Entry points: `bot.ingest.poll.poll_feed` (never raises), `bot.ingest.feeds.load_feeds_file`,
`bot.ingest.local.read_article_file`, `bot.ingest.discover.discover_feed`.
"""
