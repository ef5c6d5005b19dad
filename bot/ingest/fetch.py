"""HTTP fetching for feeds and article pages: one aiohttp session, bounded in every direction.

Bounds: per-host concurrency, connect and total timeouts (the total also stops servers that
trickle bytes), a body cap enforced while streaming and again after decompression (gzip bombs),
a redirect cap, and SSRF refusal. Internal addresses are refused by the resolver the connector
uses, so the address checked is the address connected to, and IP-literal hosts (which aiohttp
never sends to the resolver) are checked before each request and each redirect hop.
`allow_private` (DIPLOBOT_ALLOW_PRIVATE_NETWORKS) is the local operator's: `Fetcher.public()` is the
same fetcher with the refusal back on, for whatever a workspace asks to fetch.

Failures raise `FeedError(url, kind, message)`; kinds: bad_url, dns, connect, tls, timeout,
blocked_address, too_large, too_many_redirects, bad_redirect, bad_encoding, network, http_<status>.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

from bot.errors import FeedError

USER_AGENT = "diplobot/0.1 (+https://github.com/diplobot/diplobot)"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, "
    "text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

OPERATOR_HINT = "set DIPLOBOT_ALLOW_PRIVATE_NETWORKS=1 to let the local operator's own feeds reach internal addresses"
# DIPLOBOT_ALLOW_PRIVATE_NETWORKS is the local operator's: a workspace's URL never reaches an internal address.
TENANT_HINT = "a workspace's feeds may only reach public addresses"

# Ranges `is_global` misses or that deserve naming: cloud metadata endpoints and shared address space.
_EXTRA_BLOCKED = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",  # "this network"
        "100.64.0.0/10",  # CGNAT shared space (Alibaba metadata 100.100.100.200 sits here)
        "169.254.0.0/16",  # link-local; AWS/GCP/Azure metadata 169.254.169.254
        "192.0.0.0/24",  # IETF protocol assignments (incl. Oracle metadata 192.0.0.192)
        "198.18.0.0/15",  # benchmarking
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, broadcast
        "fc00::/7",  # unique local; AWS metadata fd00:ec2::254
        "fe80::/10",  # link-local
        "ff00::/8",  # multicast
        "64:ff9b:1::/48",  # local-use NAT64
    )
)


def blocked_reason(ip: str | IPAddress) -> str | None:
    """Why a connection to `ip` must be refused (loopback, private, metadata...), or None if it is public."""
    addr = ipaddress.ip_address(ip) if isinstance(ip, str) else ip
    if isinstance(addr, ipaddress.IPv6Address):
        # An IPv4 address wrapped in IPv6 (mapped, NAT64, 6to4) reaches the IPv4 host: judge that.
        embedded = addr.ipv4_mapped or (addr.sixtofour if addr.sixtofour else None)
        if embedded is None and addr in ipaddress.ip_network("64:ff9b::/96"):
            embedded = ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
        if embedded is not None:
            inner = blocked_reason(embedded)
            if inner:
                return inner
        if addr.scope_id:
            return "a scoped (link-local) address"
    if addr.is_loopback:
        return "a loopback address"
    if addr.is_link_local:
        return "a link-local address (cloud metadata lives here)"
    if addr.is_multicast:
        return "a multicast address"
    if addr.is_unspecified:
        return "the unspecified address"
    for net in _EXTRA_BLOCKED:
        if addr.version == net.version and addr in net:
            return f"a reserved or internal range ({net})"
    if addr.is_private:
        return "a private-network address"
    if addr.is_reserved or not addr.is_global:
        return "a reserved or non-public address"
    return None


class BlockedAddress(OSError):
    """Raised inside the connector when every address of a host is internal."""

    def __init__(self, host: str, ip: str, reason: str) -> None:
        self.host, self.ip, self.reason = host, ip, reason
        super().__init__(f"{host} resolves to {ip}, {reason}")


class GuardedResolver(AbstractResolver):
    """A resolver that drops internal addresses, so the connector can only connect to public ones."""

    def __init__(
        self, inner: AbstractResolver | None = None, policy: Callable[[str], str | None] = blocked_reason
    ) -> None:
        self._inner = inner or DefaultResolver()
        self._policy = policy

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        """Resolve `host`, keep public addresses, raise `BlockedAddress` if none is left."""
        results = await self._inner.resolve(host, port, family)
        allowed = [r for r in results if self._policy(r["host"]) is None]
        if not allowed and results:
            ip = results[0]["host"]
            raise BlockedAddress(host, ip, self._policy(ip) or "internal")
        return allowed

    async def close(self) -> None:
        """Close the wrapped resolver."""
        await self._inner.close()


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one GET returned; `body` is decompressed; `not_modified` for a 304 (then `body` is empty)."""

    status: int
    body: bytes
    etag: str | None
    last_modified: str | None
    final_url: str
    not_modified: bool
    content_type: str | None = None


class Fetcher:
    """Async context manager owning one aiohttp session with every bound diplobot needs."""

    def __init__(
        self,
        *,
        allow_private: bool = False,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = 5,
        connect_timeout: float = 10.0,
        total_timeout: float = 30.0,
        per_host: int = 4,
        max_connections: int = 100,
        user_agent: str = USER_AGENT,
        resolver: AbstractResolver | None = None,
        address_policy: Callable[[str], str | None] = blocked_reason,
        refusal_hint: str = OPERATOR_HINT,
    ) -> None:
        """Bounds as documented on the module; `address_policy` (ip -> refusal reason) is a test seam;
        `refusal_hint` ends the message of a refused internal address."""
        self.allow_private = allow_private
        self.refusal_hint = refusal_hint
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.connect_timeout = connect_timeout
        self.total_timeout = total_timeout
        self.per_host = per_host
        self.max_connections = max_connections
        self.user_agent = user_agent
        self._resolver = resolver
        self._policy = address_policy
        self._session: aiohttp.ClientSession | None = None
        self._public: Fetcher | None = None
        self._host_slots: dict[str, asyncio.Semaphore] = {}
        self._all_slots = asyncio.Semaphore(max_connections)

    async def __aenter__(self) -> Fetcher:
        resolver: AbstractResolver = self._resolver or DefaultResolver()
        if not self.allow_private:
            resolver = GuardedResolver(resolver, self._policy)
        connector = aiohttp.TCPConnector(
            resolver=resolver,
            limit=self.max_connections,
            limit_per_host=self.per_host,
            ttl_dns_cache=300,
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            # Decompression is ours (see _read_body) so the cap applies to decompressed bytes chunk by chunk.
            auto_decompress=False,
            trust_env=False,  # a proxy would do the connecting and bypass the address check
            # sock_connect bounds the TCP/TLS handshake; waiting for a free connection is not the server's
            # fault, and our own slots (below) make sure requests never queue inside the connector.
            timeout=aiohttp.ClientTimeout(total=None, connect=None, sock_connect=self.connect_timeout),
            headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate", "Accept": _ACCEPT},
            cookie_jar=aiohttp.DummyCookieJar(),
        )
        if self.allow_private:
            self._public = await Fetcher(
                allow_private=False,
                max_bytes=self.max_bytes,
                max_redirects=self.max_redirects,
                connect_timeout=self.connect_timeout,
                total_timeout=self.total_timeout,
                per_host=self.per_host,
                max_connections=self.max_connections,
                user_agent=self.user_agent,
                resolver=self._resolver,
                address_policy=self._policy,
                refusal_hint=TENANT_HINT,
            ).__aenter__()
        return self

    def public(self) -> Fetcher:
        """A fetcher with the same bounds that never reaches an internal address, whatever this one allows.

        DIPLOBOT_ALLOW_PRIVATE_NETWORKS is for the local operator's own feeds; a Slack workspace or a
        Discord server (any tenant) always fetches through this one.
        """
        if not self.allow_private:
            return self
        if self._public is None:
            raise RuntimeError("Fetcher used outside `async with`")
        return self._public

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._public is not None:
            await self._public.__aexit__(None, None, None)
            self._public = None
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _slot(self, host: str) -> asyncio.Semaphore:
        slot = self._host_slots.get(host)
        if slot is None:
            slot = self._host_slots[host] = asyncio.Semaphore(self.per_host)
        return slot

    def check_url(self, url: str) -> str:
        """Validate scheme and host of `url`; refuse IP-literal internal hosts. Returns the host."""
        try:
            parts = urlsplit(url)
            host = parts.hostname
        except ValueError as exc:
            raise FeedError(url, "bad_url", f"not a valid URL ({exc})") from None
        if parts.scheme not in ("http", "https") or not host:
            raise FeedError(url, "bad_url", "only http:// and https:// URLs with a host can be fetched")
        if _is_ip(host):
            self.check_addresses(host, [host])
        return host

    def check_addresses(self, host: str, addresses: Iterable[str]) -> None:
        """Raise FeedError(blocked_address) if any of `addresses` (resolved for `host`) is internal."""
        if self.allow_private:
            return
        for ip in addresses:
            reason = self._policy(ip)
            if reason:
                raise FeedError(
                    host,
                    "blocked_address",
                    f"{host} is {ip}, {reason}; refused ({self.refusal_hint})",
                )

    async def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET `url` (following capped, re-checked redirects) and return the decompressed body or a 304."""
        if self._session is None:
            raise RuntimeError("Fetcher used outside `async with`")
        try:
            return await self._fetch(url, etag=etag, last_modified=last_modified)
        except FeedError as exc:
            if exc.url != url:
                raise FeedError(url, exc.kind, exc.message) from None
            raise
        except TimeoutError:
            raise FeedError(
                url, "timeout", f"no complete response within {self.total_timeout:g} s (server slow or trickling bytes)"
            ) from None

    async def _fetch(self, url: str, *, etag: str | None, last_modified: str | None) -> FetchResult:
        """Follow `url` hop by hop: each hop's host is checked again and all hops share one deadline."""
        current = url
        loop = asyncio.get_running_loop()
        deadline: float | None = None
        for _hop in range(self.max_redirects + 1):
            host = self.check_url(current)
            async with self._slot(host.lower()), self._all_slots:
                # The clock starts when the first request may go out: waiting for a per-host or global
                # slot is queueing, not the server's slowness. Redirect hops share the same budget.
                if deadline is None:
                    deadline = loop.time() + self.total_timeout
                outcome = await self._request(url, current, host, deadline, etag=etag, last_modified=last_modified)
            if isinstance(outcome, FetchResult):
                return outcome
            current = outcome
        raise FeedError(url, "too_many_redirects", f"more than {self.max_redirects} redirects (last to {current})")

    async def _request(
        self, url: str, current: str, host: str, deadline: float, *, etag: str | None, last_modified: str | None
    ) -> FetchResult | str:
        """One hop: GET `current` by `deadline`; its result, or the URL a redirect points to.

        aiohttp's errors become `FeedError`s of `url` (the URL asked for, not the hop's).
        """
        assert self._session is not None
        try:
            async with (
                asyncio.timeout_at(deadline),
                self._session.get(
                    current, headers=_conditional_headers(etag, last_modified), allow_redirects=False
                ) as resp,
            ):
                return await self._response(url, current, resp, etag=etag, last_modified=last_modified)
        except FeedError:
            raise
        except aiohttp.ClientConnectorError as exc:
            raise _connector_error(url, host, exc, self.refusal_hint) from None
        except aiohttp.InvalidURL as exc:
            raise FeedError(url, "bad_url", f"invalid URL {exc}") from None
        except (aiohttp.ClientPayloadError, aiohttp.ServerDisconnectedError, aiohttp.ClientOSError) as exc:
            raise FeedError(url, "network", f"connection to {host} broke off ({_short(exc)})") from None
        except aiohttp.ClientResponseError as exc:
            raise FeedError(url, "network", f"bad HTTP response from {host} ({_short(exc)})") from None
        except BlockedAddress as exc:
            raise FeedError(url, "blocked_address", str(exc)) from None

    async def _response(
        self, url: str, current: str, resp: aiohttp.ClientResponse, *, etag: str | None, last_modified: str | None
    ) -> FetchResult | str:
        """Read one response: the URL a redirect points to, a 304, an HTTP error, or the capped body."""
        if resp.status in _REDIRECTS:
            location = resp.headers.get("Location")
            if not location:
                raise FeedError(url, "bad_redirect", f"HTTP {resp.status} without a Location header")
            return urljoin(current, location)
        if resp.status == 304:
            return FetchResult(
                status=304,
                body=b"",
                etag=resp.headers.get("ETag") or etag,
                last_modified=resp.headers.get("Last-Modified") or last_modified,
                final_url=current,
                not_modified=True,
                content_type=resp.headers.get("Content-Type"),
            )
        if resp.status >= 400:
            raise FeedError(url, f"http_{resp.status}", _status_message(resp.status, resp.reason))
        body = await self._read_body(url, resp)
        return FetchResult(
            status=resp.status,
            body=body,
            etag=resp.headers.get("ETag"),
            last_modified=resp.headers.get("Last-Modified"),
            final_url=current,
            not_modified=False,
            content_type=resp.headers.get("Content-Type"),
        )

    async def _read_body(self, url: str, resp: aiohttp.ClientResponse) -> bytes:
        cap = self.max_bytes
        length = resp.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > cap:
            raise FeedError(url, "too_large", f"body of {int(length):,} bytes exceeds the {cap:,}-byte cap")
        encoding = resp.headers.get("Content-Encoding", "").strip().lower()
        decoder: zlib._Decompress | None = None
        if encoding in ("gzip", "x-gzip"):
            decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            decoder = zlib.decompressobj(zlib.MAX_WBITS)  # corrected below for raw deflate
        elif encoding not in ("", "identity"):
            raise FeedError(url, "bad_encoding", f"unsupported Content-Encoding {encoding!r}")
        out = bytearray()
        raw_deflate_tried = False
        async for chunk in resp.content.iter_chunked(64 * 1024):
            if decoder is None:
                out += chunk
            else:
                data = chunk
                while data:
                    try:
                        # max_length bounds memory per step: a bomb never inflates past the cap.
                        piece = decoder.decompress(data, cap - len(out) + 1)
                    except zlib.error as exc:
                        if encoding == "deflate" and not raw_deflate_tried and not out:
                            raw_deflate_tried = True  # many servers send raw deflate without the zlib header
                            decoder = zlib.decompressobj(-zlib.MAX_WBITS)
                            continue
                        raise FeedError(url, "bad_encoding", f"{encoding} body is corrupt ({exc})") from None
                    out += piece
                    if len(out) > cap:
                        break
                    data = decoder.unconsumed_tail
            if len(out) > cap:
                raise FeedError(
                    url,
                    "too_large",
                    f"body exceeds the {cap:,}-byte cap{' after decompression' if decoder else ''}",
                )
        return bytes(out)


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    """The validators of the last poll, so that an unchanged feed answers 304."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _connector_error(url: str, host: str, exc: aiohttp.ClientConnectorError, hint: str) -> FeedError:
    blocked = _find_blocked(exc)
    if blocked is not None:
        return FeedError(url, "blocked_address", f"{blocked}; refused ({hint})")
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return FeedError(url, "dns", f"cannot resolve {host} ({_short(exc.os_error)})")
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        return FeedError(url, "tls", f"TLS certificate of {host} rejected ({_short(exc.certificate_error)})")
    if isinstance(exc, aiohttp.ClientConnectorSSLError):
        return FeedError(url, "tls", f"TLS handshake with {host} failed ({_short(exc.os_error)})")
    return FeedError(url, "connect", f"cannot connect to {host}:{exc.port} ({_short(exc.os_error)})")


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _find_blocked(exc: BaseException) -> BlockedAddress | None:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, BlockedAddress):
            return cur
        os_error = getattr(cur, "os_error", None)
        if isinstance(os_error, BlockedAddress):
            return os_error
        cur = cur.__cause__ or cur.__context__
    return None


def _short(exc: object) -> str:
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__


def _status_message(status: int, reason: str | None) -> str:
    hint = {
        401: "the feed needs credentials",
        403: "the server refuses us; check the URL or whether the outlet blocks bots",
        404: "nothing at this URL; check it, or find the feed's current address on the outlet's site",
        410: "the feed was removed for good; delete it",
        429: "rate limited by the server; the feed will back off",
    }.get(status, "server error; will retry with backoff" if status >= 500 else "request refused")
    return f"HTTP {status} {reason or ''}".rstrip() + f": {hint}"
