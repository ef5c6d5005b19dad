"""The Slack adapter: a Bolt AsyncApp that turns slash commands, buttons and the rule modal into core calls.

    slash command / button / modal  ->  Invocation  ->  CommandCore.dispatch  ->  Reply  ->  respond / view
    Alert (from the core's outbox)  ->  SlackSink   ->  chat.postMessage / chat.update (thread_ts)

Socket Mode when SLACK_APP_TOKEN is set (no public URL), else HTTP on SLACK_HOST:SLACK_PORT/SLACK_PATH
with every request's signature checked by Bolt. Both run inside the caller's event loop.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import re
import shlex
import time
import uuid
import zlib
from collections import OrderedDict
from collections.abc import Callable, Coroutine
from dataclasses import asdict, dataclass
from typing import Any, Literal, TypedDict, cast

import aiohttp
import yaml
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.platforms import slack_blocks as render
from adapters.slack.payloads import Action, Channel, Container, Interaction, SlashCommand, View, view_state_value, who
from adapters.slack.settings import SlackSettings
from adapters.slack.sink import PREFIX, ChannelPacer, SlackSink, build_client
from bot.admins import SlackUser, slack_admin
from bot.channels import ChannelAddress, workspace_tenant
from bot.commands.core import CommandCore, permitted
from bot.errors import BadChannel, ConfigError, Unavailable
from bot.models import Caller, Invocation, Reply
from bot.ops.listen import listen

log = logging.getLogger(__name__)

HELP_COMMAND = "diplobot"
ADMIN_TTL = 600.0  # seconds a users.info answer is trusted
MODAL_WAIT = 2.5  # Slack wants a view_submission answered within 3 s
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'"})


def tenant_of(team: str) -> str:
    """The core tenant of a Slack workspace: `slack:TEAM`."""
    return workspace_tenant(PREFIX, team)


def channel_of(team: str, channel: str) -> str:
    """The core channel address of a Slack channel, `slack:TEAM/CHANNEL`; BadChannel for ids Slack never sends."""
    return str(ChannelAddress.slack(team, channel))


def split_words(text: str) -> tuple[str, ...]:
    """Split slash-command text like a shell, treating the smart quotes Slack clients type as plain quotes."""
    return tuple(shlex.split((text or "").translate(_QUOTES)))


def command_words(command: str, text: str) -> tuple[str, tuple[str, ...]]:
    """`/watch add x` -> ("watch", ("add", "x")); `/diplobot` alone is help, `/diplobot brief x` runs brief."""
    name = command.strip().lstrip("/").lower()
    words = split_words(text)
    if name == HELP_COMMAND:
        if not words:
            return "help", ()
        return words[0], words[1:]
    return name, words


class AdminCache:
    """Who is a workspace admin: configured user ids, else users.info (is_admin/is_owner) cached for 10 min."""

    def __init__(
        self,
        client: AsyncWebClient,
        configured: frozenset[str],
        *,
        ttl: float = ADMIN_TTL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client, self.configured, self.ttl, self._clock = client, configured, ttl, clock
        self._cache: dict[tuple[str, str], tuple[bool, float]] = {}

    async def is_admin(self, team: str, user: str) -> bool:
        """True for configured ids and for Slack admins and owners; a failed lookup means not admin."""
        if user in self.configured:
            return True
        key = (team, user)
        hit = self._cache.get(key)
        now = self._clock()
        if hit is not None and hit[1] > now:
            return hit[0]
        try:
            response = await self.client.users_info(user=user)
            info: SlackUser = response.get("user") or SlackUser()
            admin = slack_admin(info)
        except Exception as exc:  # missing users:read or Slack down: deny, do not cache
            log.warning("slack users.info for %s failed (%s); treating as non-admin", user, exc)
            return False
        self._cache[key] = (admin, now + self.ttl)
        return admin


@dataclass(frozen=True, slots=True)
class PendingRule:
    """A rule previewed in the modal and waiting for Save."""

    mode: str
    name: str
    spec: str
    channel: str
    user: str


def _client_token_notice(record: logging.LogRecord) -> bool:
    """False for Bolt's "As you gave `client` as well, `token` will be unused." (a logging filter)."""
    return record.getMessage() != warning_client_prioritized_and_token_skipped()


class ReplyKwargs(TypedDict):
    """What a command's answer gives respond(): its message, who sees it, no unfurled links (the blocks as the
    plain dicts Bolt's respond() is typed to take)."""

    text: str
    blocks: list[dict[str, object]]
    response_type: Literal["ephemeral", "in_channel"]
    unfurl_links: bool
    unfurl_media: bool


class SlackAdapter:
    """The running Slack face: Bolt app, sink, and Socket Mode or HTTP transport."""

    prefix = PREFIX

    def __init__(
        self,
        settings: SlackSettings,
        core: CommandCore,
        *,
        client: AsyncWebClient | None = None,
        pace_seconds: float = 1.0,
    ) -> None:
        if not settings.slack_bot_token:
            raise ConfigError("the Slack adapter needs a bot token", field="SLACK_BOT_TOKEN")
        self.settings = settings
        self.core = core
        self.socket_mode = bool(settings.slack_app_token)
        if not self.socket_mode and not settings.slack_signing_secret:
            raise ConfigError(
                "set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) with SLACK_BOT_TOKEN",
                file="environment",
                field="SLACK_SIGNING_SECRET",
            )
        self.client = client or build_client(settings.slack_bot_token, settings.slack_api_url)
        self.sink = SlackSink(self.client, usergroup=settings.slack_flash_usergroup, pacer=ChannelPacer(pace_seconds))
        self.admins = AdminCache(self.client, settings.admin_users)
        bolt_log = logging.getLogger("adapters.slack.bolt")
        # Bolt reads SLACK_BOT_TOKEN itself and, given our client too, warns that it will not use that token
        # (the very token the client holds) at every start: that one line is dropped, nothing else.
        bolt_log.addFilter(_client_token_notice)
        try:
            self.app = AsyncApp(
                client=self.client,
                signing_secret=settings.slack_signing_secret or "",
                name="diplobot",
                logger=bolt_log,
                request_verification_enabled=not self.socket_mode,
            )
        finally:
            bolt_log.removeFilter(_client_token_notice)
        self._pending: OrderedDict[str, PendingRule] = OrderedDict()
        self._tasks: set[asyncio.Task[None]] = set()
        self._socket: AsyncSocketModeHandler | None = None
        self._runner: web.AppRunner | None = None
        self.port: int | None = None
        self._register()

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        """Check the token, then connect Socket Mode or start the HTTP endpoint; returns once listening."""
        try:
            auth = await self.client.auth_test()
            log.info("slack: connected as %s in team %s", auth.get("user_id"), auth.get("team_id"))
        except SlackApiError as exc:
            error = exc.response.get("error") if exc.response is not None else None
            if error in ("invalid_auth", "not_authed", "account_inactive", "token_revoked"):
                raise ConfigError(f"Slack refused the bot token: {error}", field="SLACK_BOT_TOKEN") from exc
            log.warning("slack auth.test failed (%s); starting anyway", error)
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            raise Unavailable(
                f"cannot reach Slack at {self.client.base_url} ({type(exc).__name__}: {exc}); check "
                "the network, or SLACK_API_URL if you set it"
            ) from None
        if self.socket_mode:
            self._socket = AsyncSocketModeHandler(self.app, self.settings.slack_app_token, web_client=self.client)
            await self._socket.connect_async()  # type: ignore[no-untyped-call]  # unannotated in slack_bolt
            log.info("slack: Socket Mode connected")
            return
        webapp = web.Application()
        webapp.router.add_post(self.settings.slack_path, self._handle_http)
        self._runner, self.port = await listen(
            webapp,
            self.settings.slack_host,
            self.settings.slack_port,
            setting="SLACK_PORT",
            what="Slack's HTTP endpoint",
        )
        log.info("slack: HTTP mode on %s:%s%s", self.settings.slack_host, self.port, self.settings.slack_path)

    async def stop(self) -> None:
        """Disconnect and stop serving; background command tasks are cancelled."""
        for task in list(self._tasks):
            task.cancel()
        if self._socket is not None:
            await self._socket.close_async()  # type: ignore[no-untyped-call]  # unannotated in slack_bolt
            self._socket = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _handle_http(self, request: web.Request) -> web.Response:
        if not _whole_number(request.headers.get("X-Slack-Request-Timestamp")):
            # Bolt reads the timestamp with int() and answers 500 to one that is not a number: refuse it as
            # Bolt refuses any other bad signature, before anything runs.
            return web.json_response({"error": "invalid request"}, status=401)
        bolt_request = await to_bolt_request(request)
        bolt_response = await self.app.async_dispatch(bolt_request)
        return await to_aiohttp_response(bolt_response)

    # ------------------------------------------------------------------ translation helpers

    async def caller(self, team: str, user: str, name: str | None = None) -> Caller:
        """The core Caller for a Slack user in a workspace."""
        return Caller(
            user_id=user, tenant=tenant_of(team), is_admin=await self.admins.is_admin(team, user), display_name=name
        )

    @staticmethod
    def _reply_kwargs(reply: Reply, *, ephemeral: bool | None = None) -> ReplyKwargs:
        message = render.render_reply(reply).kwargs()
        private = (reply.ephemeral or not reply.ok) if ephemeral is None else ephemeral
        return {
            "text": message["text"],
            "blocks": [dict(block) for block in message["blocks"]],
            "response_type": "ephemeral" if private else "in_channel",
            "unfurl_links": False,
            "unfurl_media": False,
        }

    async def _respond(self, respond: AsyncRespond, reply: Reply, *, ephemeral: bool | None = None) -> None:
        response = await respond(**self._reply_kwargs(reply, ephemeral=ephemeral))
        status = getattr(response, "status_code", 200)
        if status != 200:
            log.warning("slack response_url answered %s: %s", status, getattr(response, "body", ""))

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _spec_has(self, name: str, arg: str) -> bool:
        return any(s.name == name and any(a.name == arg for a in s.args) for s in self.core.specs)

    # ------------------------------------------------------------------ listeners

    def _register(self) -> None:
        self.app.command(re.compile(r"^/.+$"))(self._on_command)
        self.app.action(render.MUTE_ACTION)(self._on_mute)
        self.app.action(render.BRIEF_ACTION)(self._on_brief)
        self.app.view(render.RULE_MODAL)(self._on_rule_submit)
        self.app.view(render.RULE_SAVE_MODAL)(self._on_rule_save)

    async def _on_command(self, ack: AsyncAck, body: SlashCommand, respond: AsyncRespond) -> None:
        """Any slash command: ack at once, run the core, answer through response_url."""
        await ack()
        team, user = body.get("team_id", ""), body.get("user_id", "")
        try:
            channel = channel_of(team, body.get("channel_id", ""))
            name, args = command_words(body.get("command", ""), body.get("text", ""))
        except BadChannel as exc:
            await self._respond(respond, Reply(text=f"Error: {exc}", ok=False, ephemeral=True))
            return
        except ValueError as exc:
            await self._respond(respond, Reply(text=f"Error: cannot read the command: {exc}", ok=False, ephemeral=True))
            return
        caller = await self.caller(team, user, body.get("user_name"))
        if await self._maybe_open_modal(name, args, caller, channel, body):
            return
        reply = await self.core.dispatch(Invocation(command=name, args=args, caller=caller, channel=channel))
        await self._respond(respond, reply)

    async def _maybe_open_modal(
        self, name: str, args: tuple[str, ...], caller: Caller, channel: str, body: SlashCommand
    ) -> bool:
        """`/watch add [NAME]` or `/watch edit NAME` with no options opens the rule editor instead."""
        if name != "watch" or not args or args[0].lower() not in ("add", "edit") or len(args) > 2:
            return False
        mode = args[0].lower()
        spec_name = f"watch {mode}"
        if not self._spec_has(spec_name, "spec") or not body.get("trigger_id"):
            return False
        spec = next(s for s in self.core.specs if s.name == spec_name)
        if not permitted(spec, caller):
            return False  # let the core give its usual "admins only" answer
        rule_name = args[1] if len(args) == 2 else ""
        current = ""
        if mode == "edit" and rule_name:
            shown = await self.core.dispatch(Invocation("watch", ("show", rule_name), caller, channel))
            if not shown.ok:
                return False  # no such rule: the core's own answer (with suggestions) is better than a modal
            current = rule_yaml(shown)
        view = render.rule_modal(
            mode=mode, name=rule_name, spec=current, metadata=render.RuleModalMetadata(mode=mode, channel=channel)
        )
        try:
            await self.client.views_open(trigger_id=body["trigger_id"], view=dict(view))
        except SlackApiError as exc:
            log.warning("slack views.open failed: %s", exc)
            return False
        return True

    async def _on_button(self, ack: AsyncAck, body: Interaction, respond: AsyncRespond, command: str) -> None:
        await ack()
        action = (body.get("actions") or [Action()])[0]
        value = str(action.get("value") or "")
        team, user, username = who(body)
        channel_id = (body.get("channel") or Channel()).get("id") or (body.get("container") or Container()).get(
            "channel_id", ""
        )
        try:
            channel = channel_of(team, channel_id)
        except BadChannel as exc:
            await self._respond(respond, Reply(text=f"Error: {exc}", ok=False, ephemeral=True), ephemeral=True)
            return
        caller = await self.caller(team, user, username)
        inv = Invocation(command=command, args=(value,) if value else (), caller=caller, channel=channel)
        reply = await self.core.dispatch(inv)
        await self._respond(respond, reply, ephemeral=True)

    async def _on_mute(self, ack: AsyncAck, body: Interaction, respond: AsyncRespond) -> None:
        """The alert's "Mute story" button runs `mute STORY_ID`."""
        await self._on_button(ack, body, respond, "mute")

    async def _on_brief(self, ack: AsyncAck, body: Interaction, respond: AsyncRespond) -> None:
        """The alert's "Brief: TOPIC" button runs `brief TOPIC`, answered only to the clicker."""
        await self._on_button(ack, body, respond, "brief")

    # ------------------------------------------------------------------ rule modal

    @staticmethod
    def _metadata(body: Interaction) -> render.RuleModalMetadata:
        try:
            data = json.loads((body.get("view") or View()).get("private_metadata") or "{}")
        except ValueError:
            return render.RuleModalMetadata()
        # What the view was given (render.rule_modal, rule_preview); read with .get and a default all the same.
        return cast("render.RuleModalMetadata", data) if isinstance(data, dict) else render.RuleModalMetadata()

    async def _within(self, coro: Coroutine[Any, Any, Reply]) -> tuple[Reply | None, asyncio.Task[Reply]]:
        """Run a dispatch; give it MODAL_WAIT seconds before the modal must be answered."""
        task: asyncio.Task[Reply] = asyncio.ensure_future(coro)
        try:
            return await asyncio.wait_for(asyncio.shield(task), MODAL_WAIT), task
        except TimeoutError:
            return None, task

    def _remember(self, rule: PendingRule) -> render.RuleModalMetadata:
        """Private metadata for the preview view that brings the rule back on Save.

        The rule travels inside the view (compressed) so that Save works on any instance behind a
        load balancer; only a rule too big for Slack's 3,000-character metadata stays in memory.
        """
        packed = base64.b64encode(zlib.compress(json.dumps(asdict(rule)).encode())).decode()
        if len(packed) <= 2800:
            return render.RuleModalMetadata(rule=packed)
        token = uuid.uuid4().hex
        self._pending[token] = rule
        while len(self._pending) > 200:
            self._pending.popitem(last=False)
        return render.RuleModalMetadata(token=token)

    def _recall(self, meta: render.RuleModalMetadata) -> PendingRule | None:
        if "rule" in meta:
            try:
                return PendingRule(**json.loads(zlib.decompress(base64.b64decode(str(meta["rule"])))))
            except (ValueError, TypeError, zlib.error):
                return None
        return self._pending.get(str(meta.get("token") or ""))

    def _after_preview(
        self, reply: Reply, rule: PendingRule
    ) -> tuple[Literal["errors"], dict[str, str]] | tuple[Literal["update"], render.View]:
        """What the editor becomes after a preview dispatch: ("errors", errors) or ("update", view)."""
        if not reply.ok:
            return "errors", render.rule_errors(reply.data.get("errors"), reply.text)
        if reply.data.get("preview"):
            return "update", render.rule_preview(reply, metadata=self._remember(rule))
        return "update", render.rule_result(reply)

    async def _on_rule_submit(self, ack: AsyncAck, body: Interaction, client: AsyncWebClient) -> None:
        """Editor submitted: dispatch without --yes; errors inline, else the preview with Save."""
        meta = self._metadata(body)
        mode = "edit" if meta.get("mode") == "edit" else "add"
        name = view_state_value(body, render.NAME_BLOCK, render.NAME_INPUT)
        spec = view_state_value(body, render.SPEC_BLOCK, render.SPEC_INPUT)
        team, user, username = who(body)
        channel = str(meta.get("channel") or "")  # rule commands act on no channel
        caller = await self.caller(team, user, username)
        rule = PendingRule(mode=mode, name=name, spec=spec, channel=channel, user=user)
        inv = Invocation("watch", (mode, name, "--spec", spec), caller, channel)
        reply, task = await self._within(self.core.dispatch(inv))
        if reply is not None:
            match self._after_preview(reply, rule):
                case ("errors", errors):
                    await ack(response_action="errors", errors=errors)
                case (_, view):
                    await ack(response_action="update", view=dict(view))
            return
        # Too slow for the 3 s window: show a waiting view, then update it when the backtest is done.
        waiting = render.rule_result(Reply(text=":hourglass: Running the backtest preview…"))
        await ack(response_action="update", view=dict(waiting))
        view_id = (body.get("view") or View()).get("id")
        self._spawn(self._finish_preview(task, rule, view_id, meta))

    async def _finish_preview(
        self, task: asyncio.Task[Reply], rule: PendingRule, view_id: str | None, meta: render.RuleModalMetadata
    ) -> None:
        reply = await task
        match self._after_preview(reply, rule):
            case ("errors", errors):  # inline errors are only possible in the ack: reopen the editor with a note
                note = "Please fix: " + "; ".join(errors.values())
                view = render.rule_modal(mode=rule.mode, name=rule.name, spec=rule.spec, metadata=meta, note=note)
            case (_, view):
                pass
        if view_id:
            try:
                await self.client.views_update(view_id=view_id, view=dict(view))
            except SlackApiError as exc:
                log.warning("slack views.update failed: %s", exc)

    async def _on_rule_save(self, ack: AsyncAck, body: Interaction) -> None:
        """Save pressed on the preview: dispatch with --yes and show the outcome."""
        meta = self._metadata(body)
        rule = self._recall(meta)
        team, user, username = who(body)
        if rule is None or rule.user != user:
            expired = render.rule_result(
                Reply(text="Error: this preview has expired; open the rule editor again", ok=False)
            )
            await ack(response_action="update", view=dict(expired))
            return
        caller = await self.caller(team, user, username)
        self._pending.pop(str(meta.get("token") or ""), None)
        inv = Invocation("watch", (rule.mode, rule.name, "--spec", rule.spec, "--yes"), caller, rule.channel)
        reply, task = await self._within(self.core.dispatch(inv))
        if reply is None:
            await ack(response_action="update", view=dict(render.rule_result(Reply(text=":hourglass: Saving…"))))
            view_id = (body.get("view") or View()).get("id")
            self._spawn(self._finish_save(task, view_id))
        else:
            await ack(response_action="update", view=dict(render.rule_result(reply)))

    async def _finish_save(self, task: asyncio.Task[Reply], view_id: str | None) -> None:
        reply = await task
        if view_id:
            try:
                await self.client.views_update(view_id=view_id, view=dict(render.rule_result(reply)))
            except SlackApiError as exc:
                log.warning("slack views.update failed: %s", exc)


def rule_yaml(shown: Reply) -> str:
    """The editable YAML of a rule from a `watch show` reply: its spec without name and enabled."""
    spec = shown.data.get("spec")
    if isinstance(spec, dict):
        body = {k: v for k, v in spec.items() if k not in ("name", "enabled")}
        return yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100) if body else ""
    text = shown.data.get("yaml")
    return text if isinstance(text, str) else ""


def _whole_number(value: str | None) -> bool:
    """Whether a request timestamp header is a whole number, as Slack sends it (a missing one is not)."""
    if value is None:
        return False
    try:
        int(value)
    except ValueError:  # also a number too long for int()
        return False
    return True
