"""The console's routes: pages (Jinja2, readable without JavaScript) and the JSON API under /api/.

Every page and API call acts as a `Caller` of the command core: reading goes through the same queries
as `brief` and `story show` (`bot.web.stories`), changing goes through `CommandCore.dispatch` (the same
permissions, validation, messages and audit as the CLI and chat). The routes are added to the ops
server's application (`DIPLOBOT_HTTP_PORT`), beside /healthz and /metrics.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime, time
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypedDict, TypeVar
from urllib.parse import urlencode

import jinja2
from aiohttp import web

from bot.masking import mask_secrets
from bot.models import Caller, Invocation, Reply, when_text
from bot.repo.stories import ListingCache
from bot.web import charts, worldmap
from bot.web import stories as data
from bot.web.auth import OPERATOR, URL_FILE, Session, Sessions, csrf_ok, remove_url_file, write_url_file
from bot.web.members import Members, SignInError
from bot.web.rules import RuleForm, field_of, form_values

if TYPE_CHECKING:
    from bot.commands.core import CommandCore
    from bot.services import Services
    from bot.storage.shapes import RuleSpecJSON

log = logging.getLogger(__name__)

HERE = Path(str(files("bot.web")))
EVENT_TYPES = ("ceasefire", "casualties", "clash", "talks", "agreement", "sanctions")
PAGE_SIZE = 50
# What a page may load: only this server's own files (nothing from a CDN), no framing, no inline script.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # the sign-in link carries the token: never send it on
    "Cache-Control": "no-store",
}

R = TypeVar("R", bound=web.StreamResponse)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Authed = Callable[[web.Request, "Auth"], Awaitable[web.StreamResponse]]


class Auth:
    """Who makes a request: a caller, and the browser session when signed in with a cookie (None with a bearer)."""

    def __init__(self, caller: Caller, session: Session | None) -> None:
        self.caller = caller
        self.session = session


class _CookieArgs(TypedDict):
    """How every console cookie is set: out of scripts' reach, not sent by other sites' posts, for the whole console."""

    httponly: bool
    samesite: Literal["Lax"]
    path: str


class Console:
    """The web console of one running bot: its sign-in token, sessions, templates and routes."""

    refresh_seconds = 20  # how often an open Stories page asks for the list again (with JavaScript)

    def __init__(self, core: CommandCore, services: Services, *, sessions: Sessions | None = None) -> None:
        self.core = core
        self.services = services
        self.sessions = sessions or Sessions(services.clock)
        self.url: str | None = None
        self.url_file: Path | None = None
        self.cookie = "diplobot_session"
        self.templates = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=jinja2.select_autoescape(["html"]),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.templates.filters["when"] = self._when
        self.members = Members(services.settings.sign_ins(), services.clock)
        self.listings = ListingCache()  # what the lists read of each article's detection, for the next list

    # -- wiring -------------------------------------------------------------------------------------------

    def mount(self, app: web.Application) -> None:
        """Add the console's routes and its static files to the ops server's application."""
        r = app.router
        r.add_get("/", self._page(self.home))
        r.add_get("/login", self.login)
        r.add_post("/login", self.login_form)
        r.add_get("/login/{provider:slack|discord}", self.member_start)
        r.add_get("/login/{provider:slack|discord}/callback", self.member_callback)
        r.add_post("/logout", self._page(self.logout))
        r.add_get("/stories", self._page(self.stories_page))
        r.add_get("/stories/{id}", self._page(self.story_page))
        r.add_get("/charts", self._page(self.charts_page))
        r.add_get("/rules", self._page(self.rules_page))
        r.add_get("/rules/new", self._page(self.rule_new, admin="watch add"))
        r.add_get("/rules/history", self._page(self.history_page, admin="watch history"))
        r.add_get("/rules/{name}", self._page(self.rule_edit, admin="watch edit"))
        r.add_post("/rules/preview", self._page(self.rule_preview, admin="watch add"))
        r.add_post("/rules/save", self._page(self.rule_save, admin="watch add"))
        r.add_post("/rules/{name}/toggle", self._page(self.rule_toggle, admin="watch enable"))
        r.add_get("/feeds", self._page(self.feeds_page, admin="feeds add"))
        r.add_post("/feeds/add", self._page(self.feed_add, admin="feeds add"))
        r.add_post("/feeds/{name}/{action:pause|resume}", self._page(self.feed_action, admin="feeds pause"))
        r.add_get("/subscriptions", self._page(self.subscriptions_page, admin="subscribe"))
        r.add_post("/subscriptions/add", self._page(self.subscription_add, admin="subscribe"))
        r.add_post("/subscriptions/{id:\\d+}/remove", self._page(self.subscription_remove, admin="unsubscribe"))
        r.add_post("/stories/{id}/mute", self._page(self.story_mute))
        r.add_post("/mutes/unmute", self._page(self.story_unmute, admin="subscribe"))
        r.add_get("/deliveries", self._page(self.deliveries_page, admin="deliveries"))
        r.add_post("/deliveries/{id:\\d+}/retry", self._page(self.delivery_retry, admin="deliveries"))
        r.add_get("/api/openapi.json", self.openapi)
        r.add_get("/api/feeds", self._api(self.api_feeds, admin="feeds add"))
        r.add_get("/api/deliveries", self._api(self.api_deliveries, admin="deliveries"))
        r.add_get("/api/stories", self._api(self.api_stories))
        r.add_get("/api/stories.csv", self._api(self.api_stories_csv))
        r.add_get("/api/stories/{id}", self._api(self.api_story))
        r.add_get("/api/rules", self._api(self.api_rules))
        r.add_post("/api/rules/check", self._api(self.api_rule_check, admin="watch add"))
        r.add_get("/api/rules/history", self._api(self.api_history, admin="watch history"))
        r.add_static("/static", HERE / "static", name="static", append_version=True)

    def announce(self, host: str, port: int, url_file: Path = URL_FILE) -> str:
        """The sign-in link of this start, written to `url_file` (0600) for `diplobot console-url`."""
        self.cookie = f"diplobot_session_{port}"  # cookies ignore ports: two bots on one host keep apart
        self.url = f"http://{host}:{port}/login?token={self.sessions.token}"
        try:
            self.url_file = write_url_file(self.url, url_file)
        except OSError as exc:
            log.warning("cannot write %s (%s); 'diplobot console-url' will not find the link", url_file, exc)
        return self.url

    def close(self) -> None:
        """Forget the link file at stop."""
        if self.url and self.url_file:
            remove_url_file(self.url, self.url_file)

    # -- authentication -----------------------------------------------------------------------------------

    def _auth(self, request: web.Request) -> Auth | None:
        header = request.headers.get("Authorization", "")
        if header[:7].lower() == "bearer ":
            return Auth(OPERATOR, None) if self.sessions.token_ok(header[7:].strip()) else None
        session = self.sessions.get(request.cookies.get(self.cookie))
        return Auth(session.caller, session) if session else None

    def _page(self, handler: Authed, *, admin: str | None = None) -> Handler:
        """A page: signed in, or sent to the sign-in page; a POST needs the session's CSRF token. An admin
        page (`admin`: the command whose actions it offers) needs a caller the command core lets run it."""

        async def page(request: web.Request) -> web.StreamResponse:
            auth = self._auth(request)
            if auth is None:
                target = request.path_qs if request.method == "GET" else "/stories"
                raise web.HTTPSeeOther("/login?" + urlencode({"next": target}))
            if admin is not None and not self.core.permits(admin, auth.caller):
                return _secure(
                    self._render(
                        "error.html",
                        request,
                        auth,
                        status=403,
                        title="For admins only",
                        message=f"This page offers '{admin}', which is for workspace admins only; ask a "
                        "workspace admin.",
                    )
                )
            if request.method == "POST":
                form = await request.post()
                if auth.session is None or not csrf_ok(auth.session, _text(form.get("csrf"))):
                    return self._render(
                        "error.html",
                        request,
                        auth,
                        status=403,
                        title="Form expired",
                        message="This form's security token is missing or out of date (a form from an earlier "
                        "session or another site). Nothing was changed; open the page again and resubmit.",
                    )
            return _secure(await handler(request, auth))

        return page

    def _api(self, handler: Authed, *, admin: str | None = None) -> Handler:
        """An API call: a bearer token or a session cookie, else 401; a POST with a cookie needs X-CSRF-Token;
        an admin call (`admin`: its command) needs a caller the command core lets run it, else 403."""

        async def api(request: web.Request) -> web.StreamResponse:
            auth = self._auth(request)
            if auth is None:
                return _secure(
                    web.json_response(
                        {
                            "error": "sign in first: send 'Authorization: Bearer TOKEN' (the token of the "
                            "link 'diplobot run' prints) or open the console's sign-in link"
                        },
                        status=401,
                        headers={"WWW-Authenticate": 'Bearer realm="diplobot"'},
                    )
                )
            if (
                request.method == "POST"
                and auth.session is not None
                and not csrf_ok(auth.session, request.headers.get("X-CSRF-Token"))
            ):
                return _secure(web.json_response({"error": "missing or wrong X-CSRF-Token header"}, status=403))
            if admin is not None and not self.core.permits(admin, auth.caller):
                return _secure(web.json_response({"error": f"'{admin}' is for workspace admins only"}, status=403))
            return _secure(await handler(request, auth))

        return api

    def _cookie_args(self) -> _CookieArgs:
        return {"httponly": True, "samesite": "Lax", "path": "/"}

    async def login(self, request: web.Request) -> web.StreamResponse:
        """`/login?token=...` signs in; `/login` alone shows the sign-in form."""
        target = _safe_next(request.query.get("next"))
        token = request.query.get("token")
        if token is not None:
            if not self.sessions.token_ok(token):
                return self._login_form(request, target, status=401, error=_BAD_TOKEN)
            return self._signed_in(target)
        if self._auth(request) is not None:
            raise web.HTTPSeeOther(target)
        return self._login_form(request, target)

    async def login_form(self, request: web.Request) -> web.StreamResponse:
        """The sign-in form posted: the token typed or pasted, with the form's own CSRF cookie."""
        form = await request.post()
        target = _safe_next(_text(form.get("next")))
        given, expected = _text(form.get("csrf")), request.cookies.get(self.cookie + "_login")
        if not (given and expected and secrets.compare_digest(given, expected)):
            return self._login_form(request, target, status=403, error="The form expired; please try again.")
        if not self.sessions.token_ok(_text(form.get("token")).strip()):
            return self._login_form(request, target, status=401, error=_BAD_TOKEN)
        return self._signed_in(target)

    def _login_form(self, request: web.Request, target: str, *, status: int = 200, error: str = "") -> web.Response:
        csrf = secrets.token_urlsafe(24)
        response = self._render(
            "login.html",
            request,
            None,
            status=status,
            next=target,
            error=error,
            csrf=csrf,
            providers=self.members.providers,
        )
        response.set_cookie(self.cookie + "_login", csrf, max_age=3600, **self._cookie_args())
        return _secure(response)

    # -- members: Sign in with Slack / Discord ------------------------------------------------------------

    def _redirect_uri(self, request: web.Request, provider: str) -> str:
        base = self.services.settings.console_url or str(request.url.origin())
        return f"{base.rstrip('/')}/login/{provider}/callback"

    async def member_start(self, request: web.Request) -> web.StreamResponse:
        """Send the browser to Slack's or Discord's authorize page, with a fresh state kept in a cookie."""
        provider = request.match_info["provider"]
        if provider not in self.members.providers:
            raise web.HTTPNotFound(text=f"sign-in with {provider} is not configured on this bot")
        target = _safe_next(request.query.get("next"))
        guild = request.query.get("guild")
        url, state = self.members.start(
            provider, self._redirect_uri(request, provider), target, guild if guild and guild.isdigit() else None
        )
        response = _redirect(url)
        response.set_cookie(self.cookie + "_state", state, max_age=600, **self._cookie_args())
        return _secure(response)

    async def member_callback(self, request: web.Request) -> web.StreamResponse:
        """The provider sends the member back: check the state, exchange the code, sign the member in."""
        provider = request.match_info["provider"]
        try:
            if "error" in request.query:
                raise SignInError(f"{provider.title()} did not sign you in ({request.query['error']}).")
            pending = self.members.take(
                provider, request.query.get("state"), request.cookies.get(self.cookie + "_state")
            )
            found = await self.members.finish(
                pending, request.query.get("code", ""), self._redirect_uri(request, provider)
            )
        except SignInError as exc:
            refused = self._login_form(request, "/stories", status=403, error=str(exc))
            refused.del_cookie(self.cookie + "_state", path="/")
            return refused
        if isinstance(found, list):
            return _secure(self._render("guilds.html", request, None, guilds=found, next=pending.target))
        response = self._signed_in(pending.target, found)
        response.del_cookie(self.cookie + "_state", path="/")
        return response

    def _signed_in(self, target: str, caller: Caller = OPERATOR) -> web.StreamResponse:
        session = self.sessions.open(caller)
        response = _redirect(target)
        response.set_cookie(
            self.cookie, session.id, max_age=int(self.sessions.lifetime.total_seconds()), **self._cookie_args()
        )
        response.del_cookie(self.cookie + "_login", path="/")
        return _secure(response)

    async def logout(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """Sign out: the session ends here and now."""
        self.sessions.close(auth.session.id if auth.session else None)
        response = _redirect("/login")
        response.del_cookie(self.cookie, path="/")
        return response

    # -- rendering ----------------------------------------------------------------------------------------

    def _when(self, value: datetime | None, dated: str = "published") -> str:
        return when_text(value, self.services.clock.now(), dated)

    def _render(
        self, template: str, request: web.Request, auth: Auth | None, *, status: int = 200, **context: Any
    ) -> web.Response:
        session = auth.session if auth else None
        flash = self.sessions.take_flash(session.id) if session else []
        # A signed-in page carries the session's CSRF token; the sign-in form brings its own.
        context.setdefault("csrf", session.csrf if session else "")
        page = self.templates.get_template(template).render(
            request_path=request.path,
            flash=flash,
            caller=auth.caller if auth else None,
            # The admin pages are in the menu of those the command core lets run them.
            admin=bool(auth) and self.core.permits("deliveries", auth.caller),  # type: ignore[union-attr]
            static=lambda name: (
                str(request.app.router["static"].url_for(filename=name))
                if "static" in request.app.router
                else f"/static/{name}"
            ),
            **context,
        )
        return web.Response(text=page, content_type="text/html", charset="utf-8", status=status)

    # -- pages --------------------------------------------------------------------------------------------

    async def home(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """The console opens on Stories."""
        raise web.HTTPSeeOther("/stories")

    async def stories_page(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """Stories, newest first, with filters (a GET form: bookmarkable, works without JavaScript)."""
        flt, problems = _filter(request.query)
        page = _page_number(request.query.get("page"))
        async with self.services.db.session() as session:
            from bot.repo.rules import rule_names

            rules = await rule_names(session, auth.caller.tenant)
            items = await data.list_stories(
                session,
                auth.caller.tenant,
                flt,
                limit=PAGE_SIZE,
                offset=(page - 1) * PAGE_SIZE,
                cache=self.listings,
            )
        more = len(items) == PAGE_SIZE  # the next page may be empty: it says so
        query = {k: v for k, v in request.query.items() if k != "page" and v}
        return self._render(
            "stories.html",
            request,
            auth,
            items=items[:PAGE_SIZE],
            filters=request.query,
            problems=problems,
            event_types=EVENT_TYPES,
            severities=data.severities(),
            rules=rules,
            page=page,
            prev_url=f"/stories?{urlencode({**query, 'page': page - 1})}" if page > 1 else None,
            next_url=f"/stories?{urlencode({**query, 'page': page + 1})}" if more else None,
            csv_url="/api/stories.csv" + (f"?{urlencode(query)}" if query else ""),
            refresh=self.refresh_seconds,
        )

    async def story_page(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """One story: facts with their evidence, sources, and the alerts it caused."""
        story_id = request.match_info["id"]
        async with self.services.db.session() as session:
            item = await data.get_story(session, auth.caller.tenant, story_id)
            alerts = await data.story_alerts(session, auth.caller.tenant, story_id) if item else []
        if item is None:
            return self._render(
                "error.html",
                request,
                auth,
                status=404,
                title="No such story",
                message=f"There is no story {story_id!r} among this workspace's reports.",
            )
        from bot.repo.subscriptions import channel_subscriptions

        async with self.services.db.session() as session:
            subscribed = await channel_subscriptions(session, auth.caller.tenant)
        channels = sorted({mask_secrets(r.channel) for r in subscribed})
        return self._render("story.html", request, auth, item=item, alerts=alerts, channels=channels)

    async def charts_page(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """A world map and a chart of stories by country, and reported casualties per day by country, as SVG,
        over 7, 30 or 90 days."""
        days = charts.days_of(request.query.get("days"))
        since, until = charts.window(self.services.clock.now(), days)
        start = datetime.combine(since.date(), time.min, tzinfo=UTC)
        async with self.services.db.session() as session:
            items = await data.list_stories(
                session, auth.caller.tenant, data.StoryFilter(since=start), limit=data.MAX_LIMIT, cache=self.listings
            )
        return self._render(
            "charts.html",
            request,
            auth,
            days=days,
            since=start,
            until=until,
            stories=len(items),
            by_country=charts.stories_by_country(items),
            world=worldmap.world_map(items),
            casualties=charts.casualties_per_day(items, start, until),
        )

    async def rules_page(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """The workspace's rules, with their state and a link to edit each."""
        async with self.services.db.session() as session:
            from bot.repo.rules import list_rules

            rows = await list_rules(session, auth.caller.tenant)
        return self._render("rules.html", request, auth, rules=rows)

    async def rule_new(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """An empty rule form."""
        return self._rule_form(request, auth, RuleForm({"severity": "routine"}), editing=False)

    async def rule_edit(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """A saved rule in the form, with its history."""
        name = request.match_info["name"]
        base = await self._saved_rule(auth, name)
        if base is None:
            return self._render(
                "error.html", request, auth, status=404, title="No such rule", message=f"There is no rule {name!r}."
            )
        saved_name, spec = base
        history = await self.core.dispatch(self._invocation(auth, "watch", "history", saved_name, "--limit", "20"))
        return self._rule_form(
            request,
            auth,
            RuleForm(form_values(saved_name, spec), spec),
            editing=True,
            history=history,
        )

    async def rule_preview(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """Check the rule and backtest it over the stored articles (nothing saved)."""
        return await self._rule_submit(request, auth, save=False)

    async def rule_save(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """Save the rule (audited), then show it with its history."""
        return await self._rule_submit(request, auth, save=True)

    async def rule_toggle(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """Enable or disable a rule."""
        form = await request.post()
        verb = "enable" if _text(form.get("enabled")) == "1" else "disable"
        reply = await self.core.dispatch(self._invocation(auth, "watch", verb, request.match_info["name"]))
        return self._done(auth, reply, "/rules")

    async def history_page(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """Who changed which rule, when, and what changed."""
        rule = request.query.get("rule", "").strip()
        reply = await self.core.dispatch(
            self._invocation(auth, "watch", "history", *([rule] if rule else []), "--limit", "200")
        )
        return self._render("history.html", request, auth, reply=reply, rule=rule)

    async def feeds_page(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """Feed health (`feeds status`), pause and resume, and a form to add one (`feeds add`, with discovery)."""
        return await self._feeds(request, auth)

    async def _feeds(
        self, request: web.Request, auth: Auth, *, values: Mapping[str, str] | None = None, error: str = ""
    ) -> web.Response:
        status = await self._run(auth, "feeds", "status")
        return self._render(
            "feeds.html",
            request,
            auth,
            status=422 if error else 200,
            reply=status,
            values=values or {},
            error=error,
        )

    async def feed_add(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """Add a feed: the URL of a feed, or of a page that links to one."""
        form = await request.post()
        values = {k: _text(form.get(k)).strip() for k in ("url", "name", "interval", "outlet", "backfill")}
        reply = await self._run(
            auth, "feeds", "add", values["url"], *_options(values, "name", "interval", "outlet", "backfill")
        )
        if not reply.ok:
            return await self._feeds(request, auth, values=values, error=reply.text.removeprefix("Error: "))
        return self._done(auth, reply, "/feeds")

    async def feed_action(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """Pause or resume a feed."""
        reply = await self._run(auth, "feeds", request.match_info["action"], request.match_info["name"])
        return self._done(auth, reply, "/feeds")

    async def subscriptions_page(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """Every channel's subscriptions in the workspace, and a form to add one."""
        return await self._subscriptions(request, auth)

    async def _subscriptions(
        self, request: web.Request, auth: Auth, *, values: Mapping[str, str] | None = None, error: str = ""
    ) -> web.Response:
        from bot.repo.rules import rule_names
        from bot.repo.subscriptions import channel_mutes, channel_subscriptions

        async with self.services.db.session() as session:
            rows = await channel_subscriptions(session, auth.caller.tenant)
            names = await rule_names(session, auth.caller.tenant)
            mutes = [(mask_secrets(m.channel), m.story_id) for m in await channel_mutes(session, auth.caller.tenant)]
        subscriptions = [
            {
                "id": r.id,
                "channel": mask_secrets(r.channel),
                "rule": r.rule,
                "mode": r.mode,
                "at": r.at,
                "tz": r.tz,
                "paused": r.paused,
                "paused_reason": mask_secrets(r.paused_reason or ""),
            }
            for r in rows
        ]
        return self._render(
            "subscriptions.html",
            request,
            auth,
            status=422 if error else 200,
            subscriptions=subscriptions,
            mutes=mutes,
            rules=names,
            values=values or {},
            error=error,
        )

    async def subscription_add(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """Subscribe a channel to a rule, immediately or as a digest (`subscribe`)."""
        form = await request.post()
        values = {k: _text(form.get(k)).strip() for k in ("channel", "rule", "digest", "at", "tz")}
        channel = values["channel"] or "terminal"
        reply = await self._run(
            auth, "subscribe", values["rule"], "--channel", channel, *_options(values, "digest", "at", "tz")
        )
        if not reply.ok:
            return await self._subscriptions(request, auth, values=values, error=reply.text.removeprefix("Error: "))
        return self._done(auth, reply, "/subscriptions")

    async def subscription_remove(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """Unsubscribe (`unsubscribe`): found by its number, so a webhook's address never goes through the page."""
        from bot.storage.tables import Subscription

        async with self.services.db.session() as session:
            row = await session.get(Subscription, int(request.match_info["id"]))
            found = (row.channel, row.rule) if row is not None and row.tenant == auth.caller.tenant else None
        if found is None:
            return self._done(auth, Reply("Error: that subscription no longer exists.", ok=False), "/subscriptions")
        reply = await self._run(auth, "unsubscribe", found[1], "--channel", found[0])
        return self._done(auth, reply, "/subscriptions")

    async def _channel(self, auth: Auth, shown: str, *, muted: str | None = None) -> str | None:
        """The channel a form names as the page showed it (a webhook masked), among the workspace's subscribed
        channels (or the channels where `muted` is muted): the page never carries a webhook's token."""
        from bot.repo.subscriptions import channel_mutes, channel_subscriptions

        async with self.services.db.session() as session:
            if muted is None:
                channels = {r.channel for r in await channel_subscriptions(session, auth.caller.tenant)}
            else:
                channels = {m.channel for m in await channel_mutes(session, auth.caller.tenant) if m.story_id == muted}
        return next((c for c in sorted(channels) if mask_secrets(c) == shown), None)

    async def story_mute(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """Mute a story in one of the workspace's channels (`mute STORY --channel CHANNEL`)."""
        story_id = request.match_info["id"]
        form = await request.post()
        channel = await self._channel(auth, _text(form.get("channel")))
        if channel is None:
            reply = Reply("Error: choose one of the channels listed.", ok=False)
        else:
            reply = await self._run(auth, "mute", story_id, "--channel", channel)
        return self._done(auth, reply, f"/stories/{story_id}")

    async def story_unmute(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """Unmute a story in a channel (`unmute STORY --channel CHANNEL`)."""
        form = await request.post()
        story_id = _text(form.get("story"))
        channel = await self._channel(auth, _text(form.get("channel")), muted=story_id)
        if channel is None:
            reply = Reply("Error: that story is not muted there any more.", ok=False)
        else:
            reply = await self._run(auth, "unmute", story_id, "--channel", channel)
        return self._done(auth, reply, "/subscriptions")

    async def deliveries_page(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """The outbox (`deliveries`) and its dead letters with their reasons (`deliveries --dead`), each retryable."""
        waiting = await self._run(auth, "deliveries")
        dead = await self._run(auth, "deliveries", "--dead")
        return self._render("deliveries.html", request, auth, waiting=waiting, dead=dead)

    async def delivery_retry(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """Queue a dead letter again (`deliveries --retry ID`)."""
        reply = await self._run(auth, "deliveries", "--retry", request.match_info["id"])
        return self._done(auth, reply, "/deliveries")

    async def _saved_rule(self, auth: Auth, name: str) -> tuple[str, RuleSpecJSON] | None:
        from bot.repo.rules import get_rule, rule_state

        async with self.services.db.session() as session:
            row = await get_rule(session, auth.caller.tenant, name)
        return (row.name, rule_state(row)) if row else None

    async def _rule_submit(self, request: web.Request, auth: Auth, *, save: bool) -> web.StreamResponse:
        form = await request.post()
        values = {k: _text(form.get(k)) for k in _RULE_FIELDS}
        editing = _text(form.get("editing")) == "1"
        base = await self._saved_rule(auth, values["name"].strip()) if editing else None
        rule = RuleForm(values, base[1] if base else None)
        own = rule.spec()[1]
        if own:
            return self._rule_form(request, auth, rule, editing=editing, errors=own, status=422)
        days = _text(form.get("days")) or "7"
        words = ["watch", "edit" if editing else "add", rule.name or "", *rule.words(), "--days", days]
        if save:
            words.append("--yes")
        reply = await self.core.dispatch(self._invocation(auth, *words))
        if not reply.ok:
            errors = reply.data.get("errors")
            listed = list(errors) if isinstance(errors, list) else []
            if not listed:
                argument = str(reply.data.get("argument") or "form")
                listed = [{"field": argument, "message": reply.text.removeprefix("Error: ")}]
            return self._rule_form(request, auth, rule, editing=editing, errors=listed, status=422)
        if save:
            return self._done(auth, reply, f"/rules/{rule.name}")
        return self._rule_form(request, auth, rule, editing=editing, preview=reply)

    def _rule_form(
        self,
        request: web.Request,
        auth: Auth,
        rule: RuleForm,
        *,
        editing: bool,
        errors: list[dict[str, str]] | None = None,
        preview: Reply | None = None,
        history: Reply | None = None,
        status: int = 200,
    ) -> web.Response:
        by_field: dict[str, list[str]] = {}
        for err in errors or []:
            by_field.setdefault(field_of(str(err.get("field", ""))), []).append(
                f"{err.get('field')}: {err.get('message')}"
                if err.get("field") not in ("form", None)
                else str(err.get("message"))
            )
        return self._render(
            "rule_form.html",
            request,
            auth,
            status=status,
            rule=rule,
            values=rule.values,
            editing=editing,
            errors=by_field,
            preview=preview,
            history=history,
            severities=data.severities(),
        )

    def _done(self, auth: Auth, reply: Reply, location: str) -> web.Response:
        """After a form: what the command said, shown once on the next page, and a 303 to it."""
        if auth.session is not None:
            self.sessions.flash(auth.session.id, reply.ok, reply.text.removeprefix("Error: "))
        return _redirect(location)

    async def _run(self, auth: Auth, *words: str) -> Reply:
        """One command of the core, as the signed-in caller."""
        return await self.core.dispatch(self._invocation(auth, *words))

    def _invocation(self, auth: Auth, *words: str) -> Invocation:
        return Invocation(command=words[0], args=tuple(words[1:]), caller=auth.caller, channel="terminal")

    # -- API ----------------------------------------------------------------------------------------------

    async def openapi(self, request: web.Request) -> web.StreamResponse:
        """The API's description (OpenAPI 3.1); public, like any API documentation."""
        spec = json.loads((HERE / "openapi.json").read_text(encoding="utf-8"))
        return _secure(web.json_response(spec))

    async def _story_list(self, request: web.Request, auth: Auth) -> list[data.StoryItem]:
        flt, problems = _filter(request.query)
        if problems:
            raise web.HTTPBadRequest(text=json.dumps({"error": "; ".join(problems)}), content_type="application/json")
        limit = _limit(request.query.get("limit"))
        async with self.services.db.session() as session:
            return await data.list_stories(session, auth.caller.tenant, flt, limit=limit, cache=self.listings)

    async def api_stories(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """`GET /api/stories`: the stories, newest first, as a JSON array."""
        return web.json_response([data.story_json(i) for i in await self._story_list(request, auth)])

    async def api_stories_csv(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """`GET /api/stories.csv`: the same stories as CSV, for a spreadsheet."""
        body = data.stories_csv(await self._story_list(request, auth))
        return web.Response(
            text=body,
            content_type="text/csv",
            charset="utf-8",
            headers={"Content-Disposition": 'attachment; filename="diplobot-stories.csv"'},
        )

    async def api_story(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """`GET /api/stories/{id}`: one story with its facts and alerts."""
        story_id = request.match_info["id"]
        async with self.services.db.session() as session:
            item = await data.get_story(session, auth.caller.tenant, story_id)
            alerts = await data.story_alerts(session, auth.caller.tenant, story_id) if item else []
        if item is None:
            return web.json_response({"error": f"no story {story_id!r} in this workspace"}, status=404)
        body: data.StoryDetailJSON = {
            **data.story_json(item),
            "facts": [{"what": f.what, "evidence": f.evidence, "source": f.source} for f in item.facts],
            "alerts": [
                {"channel": a.channel, "created_at": a.created_at.isoformat(), "deliveries": list(a.deliveries)}
                for a in alerts
            ],
        }
        return web.json_response(body)

    async def api_feeds(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """`GET /api/feeds`: each feed with its health (`feeds status`)."""
        return _reply_json(await self._run(auth, "feeds", "status"), "feeds")

    async def api_deliveries(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """`GET /api/deliveries[?dead=1]`: the outbox waiting or in flight, or its dead letters (`deliveries`)."""
        dead = request.query.get("dead", "") in ("1", "true", "yes")
        return _reply_json(await self._run(auth, "deliveries", *(["--dead"] if dead else [])), "deliveries")

    async def api_rules(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """`GET /api/rules`: the workspace's rules."""
        from bot.repo.rules import list_rules

        async with self.services.db.session() as session:
            rows = await list_rules(session, auth.caller.tenant)
        return web.json_response([{"name": r.name, "enabled": bool(r.enabled), "spec": r.spec} for r in rows])

    async def api_rule_check(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """`POST /api/rules/check`: the rule form's problems, in the CLI's words (the page's live validation)."""
        if request.content_type == "application/json":
            raw = await request.json()
            body: Mapping[str, object] = raw if isinstance(raw, dict) else {}
        else:
            body = await request.post()
        values = {k: _text(body.get(k)) for k in _RULE_FIELDS}
        base = await self._saved_rule(auth, values["name"].strip()) if _text(body.get("editing")) == "1" else None
        errors = RuleForm(values, base[1] if base else None).check()
        return web.json_response({"ok": not errors, "errors": errors})

    async def api_history(self, request: web.Request, auth: Auth) -> web.StreamResponse:
        """`GET /api/rules/history`: the audit entries, newest first."""
        rule = request.query.get("rule", "").strip()
        reply = await self._run(auth, "watch", "history", *([rule] if rule else []), "--limit", "200")
        return _reply_json(reply, "entries")


_BAD_TOKEN = (
    "That sign-in token is not this bot's. The bot makes a new one at each start: "
    "'diplobot console-url' prints the current link."
)
_RULE_FIELDS = ("name", "description", "query", "regex", "events", "places", "people", "exclude", "severity")


def _options(values: Mapping[str, str], *keys: str) -> list[str]:
    """A form's filled fields as the command's options: `--name value` for each."""
    return [word for key in keys if values.get(key) for word in (f"--{key}", values[key])]


def _reply_json(reply: Reply, key: str) -> web.Response:
    """A command's list as JSON; a refusal (not an admin) is a 403 with the command's message."""
    if not reply.ok:
        return web.json_response({"error": reply.text.removeprefix("Error: ")}, status=403)
    return web.json_response(reply.data.get(key) or [])


def _redirect(location: str) -> web.Response:
    """A 303 See Other (after a form, the browser GETs the next page)."""
    return web.Response(status=303, headers={"Location": location}, text="303: See Other")


def _secure(response: R) -> R:
    for key, value in SECURITY_HEADERS.items():
        response.headers.setdefault(key, value)
    return response


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _safe_next(value: str | None) -> str:
    """Where to go after sign-in: a path on this server only (never `//host` or `http://...`)."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/stories"


def _day(value: str, *, end: bool) -> datetime:
    day = datetime.strptime(value, "%Y-%m-%d").date()
    return datetime.combine(day, time.max if end else time.min, tzinfo=UTC)


def _filter(query: Mapping[str, str]) -> tuple[data.StoryFilter, list[str]]:
    """The list's filters from a query string, and what could not be read (said on the page, never a 500)."""
    problems: list[str] = []
    bounds: dict[str, datetime | None] = {"since": None, "until": None}
    for key, end in (("since", False), ("until", True)):
        value = query.get(key, "").strip()
        if value:
            try:
                bounds[key] = _day(value, end=end)
            except ValueError:
                problems.append(f"{key} must be a date written YYYY-MM-DD; got {value!r}")
    region: frozenset[str] | None = None
    place = query.get("region", "").strip()
    if place:
        from bot.detect.groups import groups, resolve

        countries, _, _ = resolve(place)
        if countries:
            region = frozenset(countries)
        else:
            close = groups().suggest(place)
            problems.append(
                f"unknown region {place!r}"
                + (f"; did you mean {', '.join(close)}?" if close else "")
                + " ('diplobot places' lists them)"
            )
    severity = query.get("severity", "").strip()
    if severity and severity not in data.severities():
        problems.append(f"severity must be one of {', '.join(data.severities())}; got {severity!r}")
        severity = ""
    flt = data.StoryFilter(
        country=query.get("country", "").strip(),
        region=region,
        rule=query.get("rule", "").strip(),
        event=query.get("event", "").strip(),
        severity=severity,
        since=bounds["since"],
        until=bounds["until"],
    )
    return flt, problems


def _page_number(value: str | None) -> int:
    return int(value) if value and value.isdigit() and 0 < int(value) < 10_000 else 1


def _limit(value: str | None) -> int:
    if value is None:
        return PAGE_SIZE
    if not (value.isdigit() and 1 <= int(value) <= data.MAX_LIMIT):
        raise web.HTTPBadRequest(
            text=json.dumps({"error": f"limit must be a whole number from 1 to {data.MAX_LIMIT}; got {value!r}"}),
            content_type="application/json",
        )
    return int(value)
