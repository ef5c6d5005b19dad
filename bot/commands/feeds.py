"""`feeds list|status|add|remove|pause|resume`: the workspace's sources, validated by discovery before they are stored."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, TypedDict
from urllib.parse import urlsplit

from bot.channels import LOCAL_TENANT
from bot.commands.common import clip, did_you_mean, human_delta, suggest
from bot.commands.core import Arg, CommandArgs, CommandContext, CommandRegistry
from bot.commands.deps import feeds_repo as repo
from bot.commands.deps import pydantic, sa, tables
from bot.errors import FeedError, NotAllowed, UserInputError
from bot.models import Reply
from bot.replies import FeedData, FeedsData
from bot.validation import sentence

if TYPE_CHECKING:
    from datetime import datetime

    from bot.ingest.feeds import FeedSpec
    from bot.ingest.fetch import Fetcher
    from bot.storage.tables import Feed

ADD_USAGE = "feeds add URL [--name NAME] [--interval 5m] [--outlet NAME] [--backfill N]"


async def _require_feed(ctx: CommandContext, name: str, usage: str) -> Feed:
    async with ctx.services.db.session() as session:
        row = await repo.get_feed(session, ctx.caller.tenant, name)
        names = [] if row is not None else await repo.feed_names(session, ctx.caller.tenant)
    if row is None:
        raise UserInputError(
            f"no feed named {name!r}{did_you_mean(suggest(name, names))}", argument="feed", usage=usage
        )
    return row


def _status_line(row: Feed, now: datetime) -> str:
    parts = [row.name]
    if row.paused:
        parts.append("PAUSED" + (f" ({row.paused_reason})" if row.paused_reason else ""))
    elif not row.enabled:
        parts.append("disabled")
    parts.append(f"last success {human_delta(now - row.last_success)} ago" if row.last_success else "never succeeded")
    if row.consecutive_failures:
        parts.append(f"{row.consecutive_failures} failure{'s' if row.consecutive_failures != 1 else ''} in a row")
    if row.last_error_kind or row.last_error:
        parts.append(f"last error {row.last_error_kind or 'error'}: {clip(row.last_error or '', 100)}")
    if row.last_warning:
        parts.append(f"note: {clip(row.last_warning, 200)}")
    return " — ".join(parts)


def _feed_data(row: Feed) -> FeedData:
    return {
        "name": row.name,
        "url": row.url,
        "title": row.title,
        "paused": row.paused,
        "enabled": row.enabled,
        "last_success": row.last_success.isoformat() if row.last_success else None,
        "last_error_kind": row.last_error_kind,
        "last_error": row.last_error,
        "consecutive_failures": row.consecutive_failures,
        "last_warning": row.last_warning,
    }


class _AddOptions(TypedDict, total=False):
    """The FeedSpec fields `feeds add` was given, as the user wrote them (FeedSpec reads `interval` as "5m")."""

    interval: str
    outlet: str
    backfill: int


def _feed_spec(model: type[FeedSpec], name: str, url: str, fields: _AddOptions) -> FeedSpec:
    """Build a FeedSpec, turning a validation error into one naming the option."""
    try:
        return model.model_validate({"name": name, "url": url, **fields})  # as typed: --interval 5m
    except pydantic.ValidationError as exc:
        err = exc.errors()[0]
        field = str(err["loc"][0]) if err.get("loc") else "url"
        label = field.upper() if field == "url" else f"--{field}"
        raise UserInputError(f"{label}: {sentence(err)}", argument=field, usage=ADD_USAGE) from None


@asynccontextmanager
async def _fetcher_for(ctx: CommandContext) -> AsyncIterator[Fetcher]:
    """The fetcher a command may use for the caller: the app's when it runs, else one for this command.

    DIPLOBOT_ALLOW_PRIVATE_NETWORKS is the local operator's: a workspace's URL never reaches an internal address.
    """
    from bot.ingest.fetch import OPERATOR_HINT, TENANT_HINT, Fetcher

    local = ctx.caller.tenant == LOCAL_TENANT
    shared = getattr(ctx.services, "fetcher", None)
    if shared is not None:
        yield shared if local else shared.public()
        return
    async with Fetcher(
        allow_private=ctx.services.settings.allow_private_networks and local,
        refusal_hint=OPERATOR_HINT if local else TENANT_HINT,
    ) as own:
        yield own


async def feeds_list(ctx: CommandContext, args: CommandArgs) -> Reply:
    """List feeds."""
    async with ctx.services.db.session() as session:
        rows = await repo.list_feeds(session, ctx.caller.tenant)
    if not rows:
        return Reply(text="No feeds yet; an admin can add one with 'feeds add URL'.", data=FeedsData(feeds=[]))
    lines = tuple(
        f"{'paused' if r.paused else 'on    '}  {r.name}  {r.url}" + (f"  ({clip(r.title, 60)})" if r.title else "")
        for r in rows
    )
    return Reply(
        text=f"{len(rows)} feed{'s' if len(rows) != 1 else ''}:",
        lines=lines,
        data=FeedsData(feeds=[_feed_data(r) for r in rows]),
    )


async def feeds_status(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Show feed health."""
    now = ctx.services.clock.now()
    feed = args.word("feed")
    if feed:
        rows = [await _require_feed(ctx, feed, "feeds status [FEED]")]
    else:
        async with ctx.services.db.session() as session:
            rows = await repo.list_feeds(session, ctx.caller.tenant)
    if not rows:
        return Reply(text="No feeds yet.", data=FeedsData(feeds=[]))
    failing = sum(1 for r in rows if r.consecutive_failures or r.paused)
    return Reply(
        text=f"{len(rows)} feed{'s' if len(rows) != 1 else ''}, {failing} with problems:",
        lines=tuple(_status_line(r, now) for r in rows),
        data=FeedsData(feeds=[_feed_data(r) for r in rows]),
    )


async def feeds_add(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Discover, validate and store a feed."""
    from bot.ingest.feeds import FeedSpec

    url = args.text("url").strip()
    scheme = urlsplit(url).scheme.lower()
    fields = _add_options(args)
    _feed_spec(FeedSpec, args.word("name") or "check", url, fields)  # bad options fail before any fetch
    title: str | None = None
    items: int | None = None
    if scheme in ("http", "https"):
        url, title, items = await _discover(ctx, url)
    elif ctx.caller.tenant != LOCAL_TENANT:
        raise NotAllowed("only the local operator can add a file or folder on the bot's host; give an http(s) URL")
    name, spec = await _store_feed(ctx, args.word("name"), url, title, fields)
    detail = f"{title!r}, {items} item{'s' if items != 1 else ''} now" if items is not None else f"local {spec.kind}"
    first = (
        f" On its first poll its newest {spec.backfill} item{'s' if spec.backfill != 1 else ''} may alert."
        if spec.backfill
        else ""
    )
    return Reply(
        text=f"Feed {name!r} added ({detail}); it is polled every {spec.interval // 60} min.{first}",
        lines=(spec.url,),
        data={"name": name, "url": spec.url, "title": title, "items": items, "backfill": spec.backfill},
    )


def _add_options(args: CommandArgs) -> _AddOptions:
    """The FeedSpec fields that `feeds add` was given (--interval, --outlet, --backfill), as FeedSpec reads them."""
    fields: _AddOptions = {}
    interval, outlet, given = args.word("interval"), args.word("outlet"), args.word("backfill")
    if interval:
        fields["interval"] = interval
    if outlet:
        fields["outlet"] = outlet
    if given is not None:
        backfill = given.strip()
        if not backfill.isdigit():
            raise UserInputError(
                f"--backfill must be a whole number, 0 or more; got {given!r}",
                argument="backfill",
                usage=ADD_USAGE,
            )
        fields["backfill"] = int(backfill)
    return fields


async def _discover(ctx: CommandContext, url: str) -> tuple[str, str | None, int]:
    """The feed an http(s) URL is or links to: its URL, title and item count; a URL with none is the caller's error."""
    from bot.ingest.discover import discover_feed

    try:
        async with _fetcher_for(ctx) as fetcher:
            found = await discover_feed(url, fetcher)
    except FeedError as exc:
        why = exc.message if exc.kind.startswith("http_") else f"{exc.kind}: {exc.message}"  # "HTTP 404 ..." says it
        if exc.kind == "http_404":
            why += " (the outlet's home page also works: diplobot follows the feed it links)"
        raise UserInputError(f"URL {url} is not a usable feed: {why}", argument="url", usage=ADD_USAGE) from None
    return found.url, found.title, found.item_count


async def _store_feed(
    ctx: CommandContext, given_name: object, url: str, title: str | None, fields: _AddOptions
) -> tuple[str, FeedSpec]:
    """Store the feed under the name given (or one made from its title or host), unless the URL or name is taken."""
    from bot.ingest.feeds import FeedSpec

    now = ctx.services.clock.now()
    async with ctx.services.db.session() as session:
        if await session.scalar(
            sa.select(tables.Feed.name).where(tables.Feed.tenant == ctx.caller.tenant, tables.Feed.url == url)
        ):
            raise UserInputError(f"this workspace already has a feed for {url}", argument="url", usage=ADD_USAGE)
        if given_name:
            name = str(given_name).strip()
            if await repo.get_feed(session, ctx.caller.tenant, name) is not None:
                raise UserInputError(
                    f"a feed named {name!r} exists; choose another --name", argument="name", usage=ADD_USAGE
                )
        else:
            base = repo.slug(title or urlsplit(url).hostname or url.rstrip("/").rsplit("/", 1)[-1])
            name = await repo.unique_name(session, ctx.caller.tenant, base)
        spec: FeedSpec = _feed_spec(FeedSpec, name, url, fields)
        if spec.kind != "http" and not spec.path.exists():
            raise UserInputError(f"no file or folder at {spec.path}", argument="url", usage=ADD_USAGE)
        repo.add_feed_row(session, ctx.caller.tenant, spec, title=title, now=now)
    return name, spec


async def feeds_remove(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Delete a feed (its stored articles stay)."""
    row = await _require_feed(ctx, args.text("feed"), "feeds remove FEED")
    async with ctx.services.db.session() as session:
        live = await session.get(tables.Feed, row.id)
        if live is not None:
            await session.delete(live)
    return Reply(text=f"Feed {row.name!r} removed; articles already stored stay.", data={"name": row.name})


async def set_paused(ctx: CommandContext, name: str, paused: bool) -> Reply:
    """Pause or resume a feed; resuming clears its failure count and polls it soon."""
    verb = "pause" if paused else "resume"
    row = await _require_feed(ctx, name, f"feeds {verb} FEED")
    now = ctx.services.clock.now()
    async with ctx.services.db.session() as session:
        live = await session.get(tables.Feed, row.id)
        assert live is not None
        changed = bool(live.paused) != paused
        live.paused = paused
        if paused:
            live.paused_reason = f"paused by {ctx.caller.display_name or ctx.caller.user_id}"
        else:
            live.paused_reason = None
            live.consecutive_failures = 0
            live.next_poll_at = now
    state = "paused" if paused else "resumed"
    text = (
        f"Feed {row.name!r} {state}."
        if changed
        else f"Feed {row.name!r} was already {'paused' if paused else 'running'}."
    )
    return Reply(text=text, data={"name": row.name, "paused": paused, "changed": changed})


async def feeds_pause(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Pause a feed."""
    return await set_paused(ctx, args.text("feed"), True)


async def feeds_resume(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Resume a feed."""
    return await set_paused(ctx, args.text("feed"), False)


def register(registry: CommandRegistry) -> None:
    """Declare the `feeds` commands."""
    registry.command("feeds list", "List this workspace's feeds")(feeds_list)
    registry.command(
        "feeds status",
        "Health of the feeds: last success, last error, failures, paused",
        Arg("feed", "only this feed", required=False, complete="feed"),
    )(feeds_status)
    registry.command(
        "feeds add",
        "Add a feed after checking it (title, item count); a site URL finds its feed",
        Arg("url", "the feed or site URL (a local path only for the local operator)"),
        Arg("name", "a short name (default: from the feed's title)", kind="option", required=False),
        Arg("interval", "how often to poll, e.g. 5m or 1h", kind="option", required=False),
        Arg("outlet", "the outlet name shown in alerts", kind="option", required=False),
        Arg(
            "backfill",
            "how many of the feed's newest items may alert on its first poll (default 0: none)",
            kind="option",
            required=False,
        ),
        admin_only=True,
    )(feeds_add)
    registry.command(
        "feeds remove",
        "Stop polling a feed and forget it",
        Arg("feed", "the feed's name", complete="feed"),
        admin_only=True,
    )(feeds_remove)
    registry.command(
        "feeds pause", "Stop polling a feed for now", Arg("feed", "the feed's name", complete="feed"), admin_only=True
    )(feeds_pause)
    registry.command(
        "feeds resume",
        "Poll a paused feed again (clears its failure count)",
        Arg("feed", "the feed's name", complete="feed"),
        admin_only=True,
    )(feeds_resume)
